"""Measures the academy's hot pages on a realistic amount of data.

    python manage.py benchmark [--rebuild] [--requests 40] [--seconds 12]
    python manage.py benchmark --every-page [--page-seconds 3] [--rounds 2]   (make bench-throughput)

Builds (once, kept in var/bench.sqlite3) 50 courses × 40 lessons and 5,000 professionals with realistic
progress, then reports median and p95 response times through Django's test client, and compares the
throughput of a logged-in lesson page with a bare Django view of similar size under gunicorn.
Run it with `make benchmark`; it sets DJANGO_SETTINGS_MODULE=academy.settings.bench and the database.

With --every-page it measures every kind of page instead, anonymous and logged in, side by side with the
bare view under the same gunicorn (2 sync workers), with wrk (8 connections) when it is installed, else
with a small threaded Python client, and prints each page's requests/s and its ratio to the bare view.
"""

import contextlib
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

COURSES = 50
MODULES_PER_COURSE = 4
LESSONS_PER_MODULE = 10
PROFESSIONALS = 5_000
COURSES_PER_PROFESSIONAL = 3
ROUNDS = 4


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="build the data again")
        parser.add_argument("--requests", type=int, default=40, help="requests per page for the timings")
        parser.add_argument(
            "--seconds", type=float, default=12.0, help="measuring time per page for the throughput"
        )
        parser.add_argument("--skip-throughput", action="store_true")
        parser.add_argument(
            "--every-page",
            action="store_true",
            help="every page beside the bare view (make bench-throughput)",
        )
        parser.add_argument(
            "--rounds", type=int, default=2, help="alternating rounds per page (--every-page)"
        )
        parser.add_argument(
            "--page-seconds", type=float, default=3.0, help="measuring time per page and round (--every-page)"
        )

    def handle(self, *args, **options):
        if settings.ROOT_URLCONF != "benchmarks.urls":
            raise CommandError(
                "Run with DJANGO_SETTINGS_MODULE=academy.settings.bench (make benchmark does)."
            )

        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 (idempotent: adds what is new)
        from modules.models import LessonPage

        built = LessonPage.objects.filter(
            title__startswith="Les ", live_revision__isnull=False, url_path__contains="/benchmarkcursus-"
        ).exists()
        if options["rebuild"] or not built:
            self.remove_data()
            self.build()
        if options["every_page"]:
            self.report_every_page(options["page_seconds"], options["rounds"])
            return
        self.report_timings(options["requests"])
        for name, function in self.extra_benchmarks():
            self.stdout.write(f"{name}: {function()}")
        if not options["skip_throughput"]:
            self.report_throughput(options["seconds"])

    # --- data -----------------------------------------------------------------------------------

    def remove_data(self):
        """The data of an earlier run (also one from before lessons were published with a revision)."""
        from accounts.models import User
        from courses.models import CoursePage

        for course in CoursePage.objects.filter(title__startswith="Benchmarkcursus"):
            course.delete()
        User.objects.filter(email__endswith="@bench.example.org").delete()

    def build(self):
        from accounts.models import Organisation, User
        from courses.factories import course_index, lesson_body
        from courses.models import CoursePage, Enrolment, ItemProgress
        from modules.models import LessonPage, ModulePage

        started = time.perf_counter()
        index = course_index()
        rng = random.Random(2026)  # noqa: S311 (reproducible test data, not security)
        lessons_by_course: dict[int, list[int]] = {}
        for c in range(COURSES):
            course = index.add_child(
                instance=CoursePage(
                    title=f"Benchmarkcursus {c + 1:02d}",
                    intro="<p>Een cursus om te meten.</p>",
                    learning_goals="<ul><li>Meten</li></ul>",
                    audience="Professionals",
                    sequential=c % 3 == 0,
                )
            )
            lesson_ids = []
            for m in range(MODULES_PER_COURSE):
                module = course.add_child(instance=ModulePage(title=f"Module {m + 1}"))
                for n in range(LESSONS_PER_MODULE):
                    lesson = module.add_child(
                        instance=LessonPage(
                            title=f"Les {m + 1}.{n + 1}", summary="Een les om te meten.", body=lesson_body(n)
                        )
                    )
                    # Published as a trainer would: with a revision (rendered pages are cached per revision).
                    lesson.save_revision().publish()
                    lesson_ids.append(lesson.pk)
            course.save_revision().publish()
            lessons_by_course[course.pk] = lesson_ids
            self.stdout.write(f"  course {c + 1}/{COURSES}", ending="\r")
        organisation = Organisation.objects.filter(is_platform_member=True).first()
        hashed = User(email="x@example.org")
        hashed.set_password("samenwerken")
        users = User.objects.bulk_create(
            [
                User(
                    email=f"prof{n}@bench.example.org",
                    first_name="Prof",
                    last_name=str(n),
                    organisation=organisation,
                    password=hashed.password,
                )
                for n in range(PROFESSIONALS)
            ],
            batch_size=1000,
        )
        enrolments, progress = [], []
        course_ids = list(lessons_by_course)
        for user in users:
            for course_id in rng.sample(course_ids, COURSES_PER_PROFESSIONAL):
                lessons = lessons_by_course[course_id]
                done = rng.randint(0, len(lessons))
                enrolments.append(Enrolment(user=user, course_id=course_id))
                progress.extend(
                    ItemProgress(
                        user=user, item_id=item_id, course_id=course_id, completed_at="2026-11-01T10:00Z"
                    )
                    for item_id in lessons[:done]
                )
        Enrolment.objects.bulk_create(enrolments, batch_size=5000)
        ItemProgress.objects.bulk_create(progress, batch_size=5000)
        self.stdout.write(
            f"built {COURSES} courses × {MODULES_PER_COURSE * LESSONS_PER_MODULE} lessons, {PROFESSIONALS} "
            f"professionals, {len(enrolments)} enrolments, {len(progress)} completed items "
            f"in {time.perf_counter() - started:.0f} s"
        )

    # --- timings ----------------------------------------------------------------------------------

    def sample_user(self):
        from accounts.models import User

        return User.objects.get(email="prof1@bench.example.org")

    def pages(self):
        from courses.models import CoursePage, Enrolment
        from courses.selectors import journey_for

        user = self.sample_user()
        enrolment = Enrolment.objects.filter(user=user).select_related("course").first()
        journey = journey_for(user=user, course=enrolment.course)
        open_lessons = [item for item in journey.items if item.kind == "lessonpage" and not item.locked]
        lesson = next((item for item in open_lessons if not item.done), open_lessons[0])
        largest = max(
            CoursePage.objects.filter(title__startswith="Benchmarkcursus"), key=lambda c: c.enrolments.count()
        )
        return user, {
            "catalogue /cursussen/": "/cursussen/",
            "lesson (logged in)": lesson.url,
            "my learning /mijn/": "/mijn/",
            f"trainer report ({largest.enrolments.count()} learners)": f"/admin/voortgang/{largest.pk}/",
        }

    def report_timings(self, requests: int):
        from accounts.models import User

        user, pages = self.pages()
        client = Client()
        client.force_login(user)
        admin = Client()
        admin.force_login(User.objects.get(email="beheerder@example.org"))
        self.stdout.write(
            f"\nresponse times over {requests} requests (Django test client, {connection.vendor}):"
        )
        self.stdout.write(f"{'page':44} {'median':>9} {'p95':>9} {'queries':>8}")
        for name, url in pages.items():
            browser = admin if url.startswith("/admin/") else client
            browser.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = browser.get(url)
            query_count = len(captured)  # read now: the next request resets the connection's query log
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                browser.get(url)
                times.append((time.perf_counter() - started) * 1000)
            self.stdout.write(
                f"{name:44} {statistics.median(times):7.1f}ms {percentile(times, 95):7.1f}ms {query_count:8}"
            )

    def extra_benchmarks(self):
        """Benchmarks of the other apps: (name, callable returning a printable result)."""
        return [
            ("instrument sheet PDF", self.bench_instrument_pdf),
            ("FitnessScan organisation profile, 5,000 results", self.bench_scan_profile),
            ("quiz statistics, 10,000 attempts", self.bench_quiz_statistics),
            ("trainer's grading queue, 10,000 waiting items over 50 courses", self.bench_grading_queue),
            (
                "collaboration results, 10 partners × 50 participants × 5 rounds",
                self.bench_collaboration_results,
            ),
        ]

    def bench_grading_queue(self) -> str:
        from feedback.queue_bench import queue_benchmark

        return queue_benchmark()

    def bench_collaboration_results(self) -> str:
        from django.test import Client

        from collaborations.benchmark import benchmark_collaboration

        collaboration = benchmark_collaboration()
        client = Client()
        client.force_login(collaboration.regisseur)
        url = f"/samenwerkingsverbanden/{collaboration.pk}/metingen/5/"
        times, queries = [], 0
        for n in range(11):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code  # noqa: S101
            queries = len(captured) if n == 0 else queries
        return (
            f"median {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms, {queries} queries"
        )

    def bench_instrument_pdf(self) -> str:
        from handelingsrepertoire.models import InstrumentPage
        from handelingsrepertoire.services import instrument_sheet_render

        sheet = InstrumentPage.objects.live().first()
        code = (
            "import django, time; django.setup(); t = time.perf_counter(); "
            "from handelingsrepertoire.models import InstrumentPage; "
            "from handelingsrepertoire.services import instrument_sheet_render; "
            f"instrument_sheet_render(page=InstrumentPage.objects.get(pk={sheet.pk})); "
            "print(time.perf_counter() - t)"
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "academy.settings.bench"}
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
        cold = float(
            subprocess.run(  # noqa: S603 (our own interpreter and code)
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        times = []
        for _ in range(10):
            started = time.perf_counter()
            instrument_sheet_render(page=sheet)
            times.append((time.perf_counter() - started) * 1000)
        return (
            f"first render in a new process {cold:.2f} s (incl. loading WeasyPrint); "
            f"in a running process median {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms"
        )

    def bench_scan_profile(self) -> str:
        from accounts.models import Organisation
        from fitnessscan.models import FitnessScanPage, ScanAnswer, ScanFactorScore, ScanResponse
        from fitnessscan.selectors import organisation_scan_profile

        page = FitnessScanPage.objects.live().first()
        organisation = Organisation.objects.get(is_platform_member=True)
        if ScanResponse.objects.filter(user__email__endswith="@bench.example.org").count() < PROFESSIONALS:
            self.build_scan_results(page, ScanResponse, ScanAnswer, ScanFactorScore)
        times, queries = [], 0
        for n in range(7):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                organisation_scan_profile(organisation=organisation, page=page)
                times.append((time.perf_counter() - started) * 1000)
            queries = len(captured) if n == 0 else queries
        return (
            f"median {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms, {queries} queries"
        )

    def build_scan_results(self, page, ScanResponse, ScanAnswer, ScanFactorScore):  # noqa: N803
        from django.utils import timezone

        from accounts.models import User

        rng = random.Random(7)  # noqa: S311 (reproducible test data)
        statements = list(page.statements.select_related("factor"))
        factors = {s.factor_id for s in statements}
        users = list(User.objects.filter(email__endswith="@bench.example.org"))
        now = timezone.now()
        responses = [
            ScanResponse(page=page, user=user, completed_at=now, overall_score=rng.randint(20, 95))
            for user in users
        ]
        ScanResponse.objects.bulk_create(responses, batch_size=2000)
        answers, scores = [], []
        for response in responses:
            for statement in statements:
                answers.append(
                    ScanAnswer(
                        response=response,
                        statement_key=statement.key,
                        statement_text=statement.text[:300],
                        factor_id=statement.factor_id,
                        reverse_scored=statement.reverse_scored,
                        value=rng.choice([1, 2, 3, 4, 5, None]),
                    )
                )
            scores.extend(
                ScanFactorScore(response=response, factor_id=factor_id, score=rng.randint(10, 100))
                for factor_id in factors
            )
        ScanAnswer.objects.bulk_create(answers, batch_size=5000)
        ScanFactorScore.objects.bulk_create(scores, batch_size=5000)

    def bench_quiz_statistics(self) -> str:
        try:
            from modules.quiz_bench import statistics_benchmark
        except ImportError:
            return "not available in this build"
        return statistics_benchmark(attempts=10_000)

    # --- throughput -------------------------------------------------------------------------------

    def report_throughput(self, seconds: float):
        user, pages = self.pages()
        client = Client()
        client.force_login(user)
        session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
        lesson_url = pages["lesson (logged in)"]
        size = len(client.get(lesson_url).content)
        bare_url = f"/bench/bare/?n={max(1, size // 330)}"
        bare_size = len(client.get(bare_url).content)
        with gunicorn() as base:
            # Alternate the two in rounds, so that whatever else the machine does weighs on both alike.
            bare = lesson = 0.0
            for _round in range(ROUNDS):
                bare += load(base + bare_url, None, seconds / ROUNDS) / ROUNDS
                lesson += load(base + lesson_url, session_id, seconds / ROUNDS) / ROUNDS
        self.stdout.write(
            f"\nthroughput under gunicorn (2 sync workers, 4 client threads, {seconds:.0f} s each "
            f"in {ROUNDS} alternating rounds):"
        )
        self.stdout.write(f"  bare Django view ({bare_size // 1024} KB):      {bare:7.1f} requests/s")
        self.stdout.write(f"  logged-in lesson page ({size // 1024} KB): {lesson:7.1f} requests/s")
        self.stdout.write(f"  ratio: {100 * lesson / bare:.0f} % of the bare view")

    # --- every page side by side ----------------------------------------------------------------------

    def every_page(self) -> list[tuple[str, str, bool]]:
        """(name, URL, logged in) for each kind of page a visitor opens; the demo's and the benchmark's."""
        from cases.models import CaseIndexPage, CasePage
        from courses.models import CourseIndexPage, CoursePage, Enrolment
        from fitnessscan.models import FitnessScanPage
        from handelingsrepertoire.models import InstrumentIndexPage, InstrumentPage
        from home.models import HomePage
        from modules.models import QuizPage

        user, pages = self.pages()
        course = CoursePage.objects.get(pk=Enrolment.objects.filter(user=user).values("course")[:1])
        module = course.get_children().live().order_by("path").first()
        quiz = QuizPage.objects.live().order_by("path").first()
        catalogue = CourseIndexPage.objects.live().first()
        both = [
            ("home", HomePage.objects.live().first().url),
            ("catalogue", catalogue.url),
            ("catalogue, filtered", f"{catalogue.url}?niveau=basis"),
            ("course", course.url),
            ("module", module.url),
            ("instrument index", InstrumentIndexPage.objects.live().first().url),
            ("instrument sheet", InstrumentPage.objects.live().order_by("path").first().url),
            ("case index", CaseIndexPage.objects.live().first().url),
            ("case", CasePage.objects.live().order_by("path").first().url),
            ("FitnessScan start", FitnessScanPage.objects.live().first().url),
        ]
        logged_in_only = [
            ("lesson", pages["lesson (logged in)"]),
            ("quiz start page", quiz.url),
            ("/mijn/", "/mijn/"),
        ]
        return [
            *((name, url, False) for name, url in both),
            *((name, url, True) for name, url in both + logged_in_only),
        ]

    def report_every_page(self, seconds: float, rounds: int):
        from academy import pagecache

        user, _pages = self.pages()
        self.enrol_in_the_demo_quiz(user)
        client = Client()
        client.force_login(user)
        session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
        pages = self.every_page()
        sizes = {}
        for name, url, logged_in in pages:
            response = (client if logged_in else Client()).get(url)
            if response.status_code != 200:
                raise CommandError(f"{name} ({url}) answered {response.status_code}")
            sizes[url, logged_in] = len(response.content)
        # The yardstick for each page: the bare view rendering a template of the page's size.
        bare_urls = {key: f"/bench/bare/?n={max(1, size // 330)}" for key, size in sizes.items()}
        pagecache.bump_pages_version()
        tool = "wrk, 2 threads, 8 connections" if shutil.which("wrk") else "Python client, 4 threads"
        self.stdout.write(
            "\nevery page beside a bare Django view rendering a template of the same size, under gunicorn, 2 sync workers, "
            f"{connection.vendor}; {tool}; {rounds} alternating rounds of {seconds:g} s each:"
        )
        self.stdout.write(
            f"{'page':34} {'visitor':10} {'KB':>4} {'req/s':>8} {'bare':>8} {'ratio':>6}  target"
        )
        below = 0
        with gunicorn() as base:
            for _name, url, logged_in in pages:
                warm_up(base + url, session_id if logged_in else None)
            for name, url, logged_in in pages:
                page = bare = 0.0
                for _round in range(rounds):
                    bare += measure(base + bare_urls[url, logged_in], None, seconds) / rounds
                    page += measure(base + url, session_id if logged_in else None, seconds) / rounds
                ratio = 100 * page / bare
                target = 50 if logged_in else 80
                below += ratio < target
                self.stdout.write(
                    f"{name:34} {'logged in' if logged_in else 'anonymous':10} "
                    f"{sizes[url, logged_in] // 1024:4} {page:8.0f} {bare:8.0f} {ratio:5.0f}%  "
                    f"≥ {target} %{'' if ratio >= target else '  BELOW'}"
                )
        self.report_miss_and_hit()
        if below:
            self.stdout.write(f"{below} page(s) below target")

    def enrol_in_the_demo_quiz(self, user):
        """The sample professional follows the demo course with the quiz, so its start page is theirs."""
        from courses.models import CoursePage
        from courses.services import enrolment_create
        from modules.models import QuizPage

        quiz = QuizPage.objects.live().order_by("path").first()
        course = CoursePage.objects.ancestor_of(quiz).first()
        if not course.enrolments.filter(user=user).exists():
            enrolment_create(user=user, course=course)

    def report_miss_and_hit(self, requests: int = 20):
        """Time to the last byte of the largest course's page, on a miss (content just changed) and a hit."""
        from academy import pagecache
        from courses.models import CoursePage

        largest = max(CoursePage.objects.live(), key=lambda course: course.get_descendants().count())
        client = Client()
        miss, hit = [], []
        for _ in range(requests):
            pagecache.bump_pages_version()
            started = time.perf_counter()
            client.get(largest.url)
            miss.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            client.get(largest.url)
            hit.append((time.perf_counter() - started) * 1000)
        self.stdout.write(
            f"\nlargest course ({largest.get_descendants().count()} pages), anonymous, in process: miss "
            f"median {statistics.median(miss):.1f} ms (p95 {percentile(miss, 95):.1f}), hit median "
            f"{statistics.median(hit):.1f} ms (p95 {percentile(hit, 95):.1f})"
        )


@contextlib.contextmanager
def gunicorn():
    """The site under gunicorn with 2 sync workers on a free port of 127.0.0.1; yields its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "academy.settings.bench"}
    if db["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "academy.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz/")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def warm_up(url: str, session_id: str | None, requests: int = 6) -> None:
    """A few requests first, so that each worker has built what it keeps per content version."""
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_id}"} if session_id else {}
    for _ in range(requests):
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:  # noqa: S310  # nosec B310  # our own loopback server
            response.read()


def measure(url: str, session_id: str | None, seconds: float) -> float:
    """Requests per second from `url`: wrk when installed (it barely loads the machine), else `load`."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return load(url, session_id, seconds)
    command = [wrk, "-t2", "-c8", f"-d{max(1, round(seconds))}s", url]
    if session_id:
        command[1:1] = ["-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={session_id}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx" in output:
        raise CommandError(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310  # nosec B310  # our own loopback server
            return
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not start")


def load(url: str, session_id: str | None, seconds: float, threads: int = 4) -> float:
    """Requests per second that `threads` clients get from `url` in `seconds` (after a short warm-up)."""
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_id}"} if session_id else {}
    counts = [0] * threads
    stop = time.monotonic() + 1.0 + seconds

    def worker(i: int):
        warm_until = time.monotonic() + 1.0
        while time.monotonic() < stop:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:  # noqa: S310  # nosec B310  # our own loopback server
                r.read()
                if r.status != 200:
                    raise RuntimeError(f"{url} answered {r.status}")
            if time.monotonic() > warm_until:
                counts[i] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(counts) / seconds
