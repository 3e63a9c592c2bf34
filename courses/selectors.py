"""Reads of the professional's journey: catalogue, course overview, progress, lock state.

Every function here runs a fixed number of queries, whatever the number of courses, lessons or
learners; progress comes from aggregates, never from Python loops over rows of other users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.db.models import Count, F
from django.db.models.functions import Substr
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from wagtail.models import Page, Site

from academy.pagecache import cached
from modules.models import LearningItemPage, ModulePage
from modules.selectors import module_cases
from successfactors.selectors import all_factors

from .forms import CatalogueFilterForm
from .models import Certificate, CoursePage, Enrolment, ItemProgress, JournalEntry

STEPLEN = Page.steplen


def relative_url(url_path: str) -> str:
    """The URL of a page from its url_path, without a query (site root paths are cached by Wagtail)."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return url_path


@dataclass
class ItemState:
    id: int
    title: str
    url: str
    is_required: bool
    estimated_minutes: int
    module_id: int
    kind: str
    first_published_at: datetime | None
    started: bool = False
    completed_at: datetime | None = None
    locked: bool = False
    is_new: bool = False  # published after the professional completed the course

    @property
    def done(self) -> bool:
        return self.completed_at is not None

    @property
    def status(self) -> str:
        if self.done:
            return "done"
        if self.locked:
            return "locked"
        return "busy" if self.started else "new"


@dataclass
class ModuleState:
    id: int
    title: str
    url: str
    items: list[ItemState] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return percent_done(self.items)


def percent_done(items: list[ItemState]) -> int:
    required = [item for item in items if item.is_required]
    if not required:
        return 0
    return round(100 * sum(item.done for item in required) / len(required))


@dataclass
class Journey:
    """Where one professional stands in one course."""

    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModuleState]
    reflection_answers: dict[str, str] = field(default_factory=dict)

    @property
    def items(self) -> list[ItemState]:
        return [item for module in self.modules for item in module.items]

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None and self.enrolment.is_active

    @property
    def percent(self) -> int:
        if self.enrolment and self.enrolment.completed_at and not self.items:
            return 100
        return percent_done(self.items)

    @property
    def completed_at(self) -> datetime | None:
        return self.enrolment.completed_at if self.enrolment else None

    @property
    def next_item(self) -> ItemState | None:
        """Where 'continue where you were' leads: the first open item that is not locked."""
        for item in self.items:
            if not item.done and not item.locked:
                return item
        return None

    def module_of(self, item_id: int) -> ModuleState | None:
        return next((m for m in self.modules if any(item.id == item_id for item in m.items)), None)

    def item(self, item_id: int) -> ItemState | None:
        return next((item for item in self.items if item.id == item_id), None)

    def blocking_item(self, item_id: int) -> ItemState | None:
        """The first earlier required item that is not yet done (what must come first)."""
        for item in self.items:
            if item.id == item_id:
                return None
            if item.is_required and not item.done:
                return item
        return None


def course_structure(course: Page) -> list[ModuleState]:
    """The live modules and items of a course in tree order: one query, cached until content changes.

    Returns fresh objects on every call: callers fill in a professional's progress."""
    rows = cached(f"structure:{course.path}", lambda: _structure_rows(course))
    return _modules_from_rows(course, rows)


def _structure_rows(course: Page) -> list[dict]:
    rows = list(
        Page.objects.live()
        .filter(path__startswith=course.path, depth__in=[course.depth + 1, course.depth + 2])
        .order_by("path")
        .values(
            "id",
            "title",
            "url_path",
            "depth",
            "path",
            "first_published_at",
            "content_type__model",
            "learningitempage__is_required",
            "learningitempage__estimated_minutes",
        )
    )
    for row in rows:
        row["url"] = relative_url(row["url_path"])
    return rows


def _modules_from_rows(course: Page, rows: list[dict]) -> list[ModuleState]:
    modules: list[ModuleState] = []
    by_path: dict[str, ModuleState] = {}
    for row in rows:
        if row["depth"] == course.depth + 1:
            if row["content_type__model"] != ModulePage._meta.model_name:
                continue
            module = ModuleState(id=row["id"], title=row["title"], url=row["url"])
            modules.append(module)
            by_path[row["path"]] = module
        elif row["learningitempage__is_required"] is not None:
            module = by_path.get(row["path"][:-STEPLEN])
            if module is None:
                continue  # an item below an unpublished module is not part of the course yet
            module.items.append(
                ItemState(
                    id=row["id"],
                    title=row["title"],
                    url=row["url"],
                    is_required=row["learningitempage__is_required"],
                    estimated_minutes=row["learningitempage__estimated_minutes"] or 0,
                    module_id=module.id,
                    kind=row["content_type__model"],
                    first_published_at=row["first_published_at"],
                )
            )
    return modules


def journey_for(
    *, user, course: CoursePage, with_answers_for: int | None = None, with_reflections: bool = True
) -> Journey:
    """The professional's journey through a course: structure, progress and lock state."""
    modules = course_structure(course)
    journey = Journey(course=course, enrolment=None, modules=modules)
    if not user.is_authenticated:
        return journey
    answers_for = with_answers_for if with_reflections else None
    journey.enrolment, completion_dates, journey.reflection_answers = professional_rows(
        user_id=user.pk, course_id=course.pk, lesson_id=answers_for
    )
    if journey.enrolment is None:
        return journey
    completed_at = journey.enrolment.completed_at
    blocked = False
    for item in journey.items:
        if item.id in completion_dates:
            item.started = True
            item.completed_at = completion_dates[item.id]
        item.locked = course.sequential and blocked and not item.done
        if item.is_required and not item.done:
            blocked = True
        item.is_new = bool(
            completed_at
            and not item.done
            and item.first_published_at
            and item.first_published_at > completed_at
        )
    return journey


ENROLMENT_FIELDS = ["id", "user_id", "course_id", "status", "last_activity_at", "completed_at"]
PROFESSIONAL_ROWS_SQL = f"""
    SELECT 'enrolment', e.id, e.status, NULL, e.last_activity_at, e.completed_at
      FROM {Enrolment._meta.db_table} e WHERE e.user_id = %s AND e.course_id = %s
    UNION ALL
    SELECT 'item', p.item_id, NULL, NULL, NULL, p.completed_at
      FROM {ItemProgress._meta.db_table} p WHERE p.user_id = %s AND p.course_id = %s
    UNION ALL
    SELECT 'answer', NULL, j.block_id, j.answer, NULL, NULL
      FROM {JournalEntry._meta.db_table} j WHERE j.user_id = %s AND j.lesson_id = %s
"""  # noqa: S608  # nosec B608  # table names from our own models; every value is a parameter


def professional_rows(
    *, user_id: int, course_id: int, lesson_id: int | None
) -> tuple[Enrolment | None, dict[int, datetime | None], dict[str, str]]:
    """A professional's enrolment, item progress and (for one lesson) journal answers in a course.

    One indexed query instead of three: every lesson page runs it, and compiling three ORM querysets
    cost more than running them. The enrolment comes back with only the fields a journey uses (others
    load on access; `save()` writes only the loaded ones)."""
    enrolment, completion_dates, answers = None, {}, {}
    with connection.cursor() as cursor:
        cursor.execute(
            PROFESSIONAL_ROWS_SQL, [user_id, course_id, user_id, course_id, user_id, lesson_id or 0]
        )
        for kind, row_id, text, answer, last_activity_at, completed_at in cursor.fetchall():
            if kind == "enrolment":
                values = [
                    row_id,
                    user_id,
                    course_id,
                    text,
                    as_datetime(last_activity_at),
                    as_datetime(completed_at),
                ]
                enrolment = Enrolment.from_db(connection.alias, ENROLMENT_FIELDS, values)
            elif kind == "item":
                completion_dates[row_id] = as_datetime(completed_at)
            else:
                answers[text] = answer
    return enrolment, completion_dates, answers


def as_datetime(value) -> datetime | None:
    """A timestamp from a raw query, aware: PostgreSQL gives one; SQLite the UTC text (or naive datetime)
    that Django stored."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)


# --- Progress across courses (catalogue, dashboard, reports) ---------------------------------------


def exclude_draft_modules(queryset, *, course_depth: int, path_field: str = "path"):
    """Items below a module that is not live are not part of the course yet: one subquery."""
    draft_modules = Page.objects.filter(live=False, depth=course_depth + 1).values("path")
    return queryset.annotate(module_path=Substr(path_field, 1, (course_depth + 1) * STEPLEN)).exclude(
        module_path__in=draft_modules
    )


def required_item_counts(course_paths: list[str], course_depth: int) -> dict[str, int]:
    """Number of live required items per course path: one aggregate query."""
    if not course_paths:
        return {}
    prefix_length = course_depth * STEPLEN
    items = (
        LearningItemPage.objects.live()
        .filter(is_required=True, depth=course_depth + 2)
        .annotate(course_path=Substr("path", 1, prefix_length))
        .filter(course_path__in=course_paths)
    )
    rows = (
        exclude_draft_modules(items, course_depth=course_depth)
        .values("course_path")
        .annotate(total=Count("id"))
    )
    # The module-path annotation may split the groups further (per module); add them up per course.
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["course_path"]] = totals.get(row["course_path"], 0) + row["total"]
    return totals


def _required_items_of_every_course(course_depth: int) -> dict[str, int]:
    paths = list(CoursePage.objects.filter(depth=course_depth).values_list("path", flat=True))
    return required_item_counts(paths, course_depth)


def completed_item_counts(
    *, user_ids: list[int] | None = None, course_ids: list[int], course_depth: int
) -> dict[tuple, int]:
    """Completed live required items per (user, course): one aggregate query."""
    rows = ItemProgress.objects.filter(
        course_id__in=course_ids, completed_at__isnull=False, item__live=True, item__is_required=True
    )
    rows = exclude_draft_modules(rows, course_depth=course_depth, path_field="item__path")
    if user_ids is not None:
        rows = rows.filter(user_id__in=user_ids)
    done: dict[tuple, int] = {}
    for row in rows.order_by().values("user_id", "course_id").annotate(done=Count("id")):
        key = (row["user_id"], row["course_id"])
        done[key] = done.get(key, 0) + row["done"]
    return done


def completed_counted_items(*, user, course_ids: list[int]) -> dict[int, int]:
    """One professional's completed items that count (live, required, in a live module) per course.

    One query on the (user, course) index: which items count is content, kept per content version,
    so the professional's own rows need no join with the page tree."""
    counted = cached("counted-items", _counted_items)
    done: dict[int, int] = {}
    rows = ItemProgress.objects.filter(user=user, course_id__in=course_ids, completed_at__isnull=False)
    for course_id, item_id in rows.values_list("course_id", "item_id"):
        if item_id in counted:
            done[course_id] = done.get(course_id, 0) + 1
    return done


def _counted_items() -> frozenset[int]:
    draft_paths = set(Page.objects.filter(live=False).values_list("path", flat=True))
    items = LearningItemPage.objects.live().filter(is_required=True).values_list("pk", "path")
    return frozenset(pk for pk, path in items if path[:-STEPLEN] not in draft_paths)


@dataclass
class CourseStatus:
    """A professional's status in a course as the catalogue and dashboard show it."""

    state: str  # "none" (not started), "busy", "done"
    percent: int = 0
    completed_at: datetime | None = None
    enrolled: bool = False


def course_statuses(*, user, courses: list[CoursePage]) -> dict[int, CourseStatus]:
    """Status per course for one professional: three queries for any number of courses."""
    statuses = {course.pk: CourseStatus(state="none") for course in courses}
    if not user.is_authenticated or not courses:
        return statuses
    enrolments = {
        e.course_id: e for e in Enrolment.objects.filter(user=user, course_id__in=[c.pk for c in courses])
    }
    if not enrolments:
        return statuses
    enrolled_courses = [c for c in courses if c.pk in enrolments]
    depth = enrolled_courses[0].depth
    totals = cached(f"required-items:{depth}", lambda: _required_items_of_every_course(depth))
    done = completed_counted_items(user=user, course_ids=[c.pk for c in enrolled_courses])
    for course in enrolled_courses:
        enrolment = enrolments[course.pk]
        total = totals.get(course.path, 0)
        count = done.get(course.pk, 0)
        percent = round(100 * count / total) if total else 0
        if enrolment.completed_at:
            statuses[course.pk] = CourseStatus("done", 100, enrolment.completed_at, enrolment.is_active)
        elif enrolment.is_active:
            statuses[course.pk] = CourseStatus("busy", percent, None, True)
        else:
            statuses[course.pk] = CourseStatus("none", percent, None, False)
    return statuses


# --- Catalogue -------------------------------------------------------------------------------------


def catalogue_for(*, index: Page, params) -> dict:
    """The catalogue with its filters (success factor, sector, level) applied from GET parameters.

    The same for every visitor: each professional's status per course is filled in per request
    (`course_status_markers`)."""
    courses = CoursePage.objects.live().child_of(index).order_by("path")
    filter_form = CatalogueFilterForm(params, factors=all_factors())
    unknown_filter = not filter_form.is_valid()
    if unknown_filter:
        courses = courses.none()
    else:
        selected = filter_form.cleaned_data
        if selected["succesfactor"]:
            courses = courses.filter(success_factors__slug=selected["succesfactor"])
        if selected["sector"]:
            courses = courses.filter(sectors__contains=selected["sector"])
        if selected["niveau"]:
            courses = courses.filter(level=selected["niveau"])
    courses = list(courses.distinct().prefetch_related("success_factors").select_related("cover_image"))
    return {
        "courses": courses,
        "filter_form": filter_form,
        "unknown_filter": unknown_filter,
        "is_filtered": any(params.get(name, "").strip() for name in filter_form.fields),
    }


def course_status_markers(*, user, course_ids: list[str]) -> dict[str, str]:
    """The professional's status (and progress bar) for each course a page shows, as marker values.

    Two queries (enrolments, completed items) however many courses the page lists: where the courses
    are in the tree and how many items each requires are content, kept per content version."""
    positions = cached("course-positions", _course_positions)
    courses = [
        SimpleNamespace(pk=int(pk), path=positions[int(pk)][0], depth=positions[int(pk)][1])
        for pk in course_ids
        if pk.isdigit() and int(pk) in positions
    ]
    statuses = course_statuses(user=user, courses=courses)
    return {f"course-status:{pk}": _status_html(status) for pk, status in statuses.items()}


_status_htmls: dict[tuple, str] = {}


def _status_html(status: CourseStatus) -> str:
    """A status's HTML depends only on the status and the language: rendered once per process."""
    completed_on = timezone.localdate(status.completed_at) if status.completed_at else None
    key = (get_language(), status.state, status.percent, completed_on)
    if key not in _status_htmls:
        if len(_status_htmls) > 2000:
            _status_htmls.clear()
        _status_htmls[key] = render_to_string("courses/includes/course_status.html", {"status": status})
    return _status_htmls[key]


def _course_positions() -> dict[int, tuple[str, int]]:
    return {pk: (path, depth) for pk, path, depth in CoursePage.objects.values_list("pk", "path", "depth")}


def live_prerequisites(course: CoursePage) -> list[CoursePage]:
    # Read through the relation's ids: on an in-memory page (preview, tests) it is not a real queryset.
    ids = [prerequisite.pk for prerequisite in course.prerequisites.all()]
    return list(CoursePage.objects.live().filter(pk__in=ids).order_by("title")) if ids else []


# --- Course page -----------------------------------------------------------------------------------


def course_overview_for(*, course: CoursePage) -> dict:
    """What the course page shows everyone: its modules and items, prerequisites, factors, trainers."""
    modules = course_structure(course)
    total_minutes = sum(item.estimated_minutes for module in modules for item in module.items)
    return {
        "modules": modules,
        "prerequisites": live_prerequisites(course),
        "factors": list(course.success_factors.all()),
        "trainers": list(course.trainers.all()),
        "cases": module_cases(module_ids=[module.id for module in modules]),
        "total_minutes": total_minutes,
        "duration": Decimal(course.duration_hours),
    }


def course_progress_for(*, course: CoursePage, user) -> dict:
    """What the course page shows of the professional: their journey, missing prerequisites, and the
    status of each item and module (marker values)."""
    journey = journey_for(user=user, course=course)
    prerequisites = live_prerequisites(course)
    missing_prerequisites = []
    if prerequisites:
        completed = set()
        if user.is_authenticated:
            completed = set(
                Enrolment.objects.filter(
                    user=user, course__in=prerequisites, completed_at__isnull=False
                ).values_list("course_id", flat=True)
            )
        missing_prerequisites = [p for p in prerequisites if p.pk not in completed]
    markers = {}
    for module in journey.modules:
        markers[f"module-progress:{module.id}"] = (
            render_to_string(
                "courses/includes/progress.html", {"percent": module.percent, "label": module.title}
            )
            if journey.is_enrolled
            else ""
        )
        for item in module.items:
            markers[f"item:{item.id}"] = render_to_string(
                "courses/includes/syllabus_item.html", {"item": item, "journey": journey}
            )
    return {"journey": journey, "missing_prerequisites": missing_prerequisites, "markers": markers}


# --- Dashboard -------------------------------------------------------------------------------------


def dashboard_for(*, user) -> dict:
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .order_by(F("last_activity_at").desc(nulls_last=True))
    )
    courses = [e.course for e in enrolments]
    statuses = course_statuses(user=user, courses=courses)
    active = [(e, statuses[e.course_id]) for e in enrolments if e.is_active and not e.completed_at]
    completed = [(e, statuses[e.course_id]) for e in enrolments if e.completed_at]
    next_items = next_items_for(user=user, enrolments=[e for e, _status in active])
    journal = list(
        JournalEntry.objects.filter(user=user)
        .select_related("course", "lesson")
        .prefetch_related("messages")
        .order_by("course__title", "lesson__path")
    )
    certificates = {
        c.enrolment_id: c for c in Certificate.objects.filter(enrolment__in=[e for e, _status in completed])
    }
    return {
        "active": [(e, s, next_items.get(e.course_id)) for e, s in active],
        "completed": [(e, s, certificates.get(e.pk)) for e, s in completed],
        "journal": journal,
    }


def next_items_for(*, user, enrolments: list[Enrolment]) -> dict[int, dict]:
    """The next open item per course for 'continue where you were': two queries for all courses."""
    if not enrolments:
        return {}
    paths = {e.course.path: e.course_id for e in enrolments}
    depth = enrolments[0].course.depth
    done = set(
        ItemProgress.objects.filter(
            user=user, course_id__in=paths.values(), completed_at__isnull=False
        ).values_list("item_id", flat=True)
    )
    items = (
        LearningItemPage.objects.live()
        .filter(depth=depth + 2)
        .annotate(course_path=Substr("path", 1, depth * STEPLEN))
        .filter(course_path__in=list(paths))
        .exclude(id__in=done)
    )
    items = (
        exclude_draft_modules(items, course_depth=depth)
        .order_by("path")
        .values("id", "title", "url_path", "course_path")
    )
    result: dict[int, dict] = {}
    for row in items:
        course_id = paths[row["course_path"]]
        if course_id not in result:
            result[course_id] = {"title": row["title"], "url": relative_url(row["url_path"])}
    return result


# --- Reports for trainers and coordinators ---------------------------------------------------------


@dataclass
class LearnerRow:
    enrolment: Enrolment
    done: int
    total: int

    @property
    def percent(self) -> int:
        if self.enrolment.completed_at:
            return 100
        return round(100 * self.done / self.total) if self.total else 0


def learner_rows(enrolments) -> list[LearnerRow]:
    """Progress rows for a queryset of enrolments: three queries for any number of learners."""
    enrolments = list(enrolments.select_related("user", "user__organisation", "course"))
    if not enrolments:
        return []
    courses = {e.course_id: e.course for e in enrolments}
    depth = next(iter(courses.values())).depth
    totals = required_item_counts([c.path for c in courses.values()], depth)
    done = completed_item_counts(
        user_ids=list({e.user_id for e in enrolments}), course_ids=list(courses), course_depth=depth
    )
    return [
        LearnerRow(
            enrolment=e, done=done.get((e.user_id, e.course_id), 0), total=totals.get(e.course.path, 0)
        )
        for e in enrolments
    ]


def course_report_rows(*, course: CoursePage) -> list[LearnerRow]:
    enrolments = Enrolment.objects.filter(course=course).order_by(
        "user__last_name", "user__first_name", "user__email"
    )
    return learner_rows(enrolments)


def courses_for_report(*, user):
    """The courses a trainer reports on: their own; administrators see all."""
    from accounts import roles

    courses = CoursePage.objects.all().order_by("title")
    if roles.is_administrator(user):
        return courses
    return courses.filter(trainers=user)


@dataclass
class CourseTotals:
    course: CoursePage
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0


def organisation_progress_for(*, organisation) -> dict:
    """Every professional of the organisation (also those enrolled nowhere) with their courses, and totals
    per course. Four queries for any number of members and courses."""
    enrolments = Enrolment.objects.filter(user__organisation=organisation).order_by(
        "user__last_name", "user__first_name", "course__title"
    )
    rows = learner_rows(enrolments)
    members = list(organisation.members.order_by("last_name", "first_name", "email"))
    rows_by_user: dict[int, list[LearnerRow]] = {}
    totals: dict[int, CourseTotals] = {}
    for row in rows:
        rows_by_user.setdefault(row.enrolment.user_id, []).append(row)
        course_totals = totals.setdefault(row.enrolment.course_id, CourseTotals(course=row.enrolment.course))
        course_totals.enrolled += row.enrolment.is_active
        if row.enrolment.completed_at:
            course_totals.completed += 1
        elif row.enrolment.is_active and row.done > 0:
            course_totals.in_progress += 1
    return {
        "organisation": organisation,
        "rows": rows,
        "people": [(member, rows_by_user.get(member.pk, [])) for member in members],
        "course_totals": sorted(totals.values(), key=lambda t: t.course.title),
        "member_count": len(members),
    }
