"""Builders for course trees in tests and the benchmark."""

import uuid

from wagtail.models import Page

from modules.models import LessonPage, ModulePage

from .models import CourseIndexPage, CoursePage


def course_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is None:
        from home.demo import ensure_home

        home = ensure_home()
        index = home.add_child(instance=CourseIndexPage(title="Cursussen", slug="cursussen"))
    return index


def lesson_body(n: int) -> list[dict]:
    return [
        {"type": "heading", "value": {"text": f"Kern van les {n}", "level": "h2"}, "id": str(uuid.uuid4())},
        {"type": "text", "value": f"<p>Tekst van les {n} over samenwerken.</p>", "id": str(uuid.uuid4())},
        {
            "type": "reflection",
            "value": {"question": f"Wat neem je mee uit les {n}?", "hint": ""},
            "id": str(uuid.uuid4()),
        },
    ]


def build_course(
    *,
    title: str = "Testcursus",
    modules: int = 2,
    lessons: int = 2,
    sequential: bool = False,
    index: Page | None = None,
    publish: bool = True,
    **fields,
) -> CoursePage:
    index = index or course_index()
    course = index.add_child(
        instance=CoursePage(
            title=title,
            intro="<p>Introductie</p>",
            learning_goals="<ul><li>Doel</li></ul>",
            audience="Professionals",
            sequential=sequential,
            live=publish,
            **fields,
        )
    )
    if publish:
        course.save_revision().publish()
    for m in range(1, modules + 1):
        module = course.add_child(instance=ModulePage(title=f"{title} module {m}", live=publish))
        if publish:
            module.save_revision().publish()
        for n in range(1, lessons + 1):
            lesson = module.add_child(
                instance=LessonPage(
                    title=f"{title} les {m}.{n}", summary="Samenvatting", body=lesson_body(n), live=publish
                )
            )
            if publish:
                lesson.save_revision().publish()
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))
