"""Measures the academy's hot pages on a realistic amount of data.

    python manage.py benchmark [--rebuild] [--requests 40] [--seconds 12]

Builds (once, kept in var/bench.sqlite3) 50 courses × 40 lessons and 5,000 professionals with realistic
progress, then reports median and p95 response times through Django's test client, and compares the
throughput of a logged-in lesson page with a bare Django view of similar size under gunicorn.
Run it with `make benchmark`; it sets DJANGO_SETTINGS_MODULE=academy.settings.bench and the database.
"""

import os
import random
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
            # Alternate the two in rounds, so that whatever else the machine does weighs on both alike.
            bare = lesson = 0.0
            for _round in range(ROUNDS):
                bare += load(base + bare_url, None, seconds / ROUNDS) / ROUNDS
                lesson += load(base + lesson_url, session_id, seconds / ROUNDS) / ROUNDS
        finally:
            server.terminate()
            server.wait(timeout=10)
        self.stdout.write(
            f"\nthroughput under gunicorn (2 sync workers, 4 client threads, {seconds:.0f} s each "
            f"in {ROUNDS} alternating rounds):"
        )
        self.stdout.write(f"  bare Django view ({bare_size // 1024} KB):      {bare:7.1f} requests/s")
        self.stdout.write(f"  logged-in lesson page ({size // 1024} KB): {lesson:7.1f} requests/s")
        self.stdout.write(f"  ratio: {100 * lesson / bare:.0f} % of the bare view")


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
