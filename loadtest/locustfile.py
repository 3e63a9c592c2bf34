"""The load of `make load` (scripts/load.py starts the site and runs this file with locust, headless).

Two kinds of virtual users, as many of each, every one waiting 1–3 s between actions:
- a visitor browses anonymously: home, the catalogue (also filtered), courses, modules, the instruments,
  the cases and the FitnessScan's start page;
- a professional logs in once through the real login form (with its CSRF token), then reads lessons and
  marks some done, takes quiz attempts, takes the FitnessScan step by step and looks at /mijn/.

The URLs come from `manage.py seed_load` (LOAD_TARGETS, a JSON file), the accounts' password from
LOAD_PASSWORD. Requests are named by kind of page, so the summary reads per page type. At the end the
file prints requests/s, p50/p95/p99 and errors, and makes locust exit non-zero on any error or a p95 at or
above LOAD_P95_LIMIT_MS (300).

All virtual users come from one address, as the professionals of a member organisation's office do
behind its public address: the login limits per address must let them in (academy/settings/base.py).
LOAD_SEPARATE_ADDRESSES=1 gives each its own X-Forwarded-For instead, which the production settings
believe because they expect one proxy in front (TRUSTED_PROXY_COUNT).
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from urllib.parse import urlencode

from htmlforms import answers_for, form_with_action, forms_of  # loadtest/ (locust puts it on the path)
from locust import FastHttpUser, between, events, task

P95_LIMIT_MS = float(os.environ.get("LOAD_P95_LIMIT_MS", "300"))
TARGETS: dict = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text()) if os.getenv("LOAD_TARGETS") else {}
PASSWORD = os.environ.get("LOAD_PASSWORD", "")
SEPARATE_ADDRESSES = os.environ.get("LOAD_SEPARATE_ADDRESSES", "") in {"1", "yes", "true"}
# The next load-test account for a professional that starts (more users than accounts share them).
_account_numbers = itertools.count()
_address_numbers = itertools.count(1)
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


# --- users ------------------------------------------------------------------------------------------


class SiteUser(FastHttpUser):
    """What every virtual user does: wait 1–3 s between actions, open pages by their kind's name."""

    abstract = True
    wait_time = between(1, 3)

    def __init__(self, environment):
        if SEPARATE_ADDRESSES:  # the session takes its headers when it is made
            number = next(_address_numbers)
            address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
            self.default_headers = {"X-Forwarded-For": address}
        super().__init__(environment)

    def on_start(self):
        if not TARGETS:
            raise RuntimeError("LOAD_TARGETS names no targets file: run the load with `make load`.")

    def page(self, url: str, name: str):
        return self.client.get(url, name=name)


class Visitor(SiteUser):
    """Someone who browses without an account."""

    weight = 1

    @task(3)
    def home(self):
        self.page(TARGETS["home"], "home")

    @task(3)
    def catalogue(self):
        self.page(TARGETS["catalogue"], "catalogue")

    @task(1)
    def catalogue_filtered(self):
        self.page(random.choice(TARGETS["catalogue_filtered"]), "catalogue, filtered")  # noqa: S311

    @task(3)
    def course(self):
        self.page(random.choice(TARGETS["courses"]), "course")  # noqa: S311

    @task(2)
    def module(self):
        self.page(random.choice(TARGETS["modules"]), "module")  # noqa: S311

    @task(1)
    def instrument_index(self):
        self.page(TARGETS["instrument_index"], "instrument index")

    @task(2)
    def instrument(self):
        self.page(random.choice(TARGETS["instruments"]), "instrument sheet")  # noqa: S311

    @task(1)
    def case_index(self):
        self.page(TARGETS["case_index"], "case index")

    @task(2)
    def case(self):
        self.page(random.choice(TARGETS["cases"]), "case")  # noqa: S311

    @task(1)
    def fitnessscan_start(self):
        self.page(TARGETS["fitnessscan"], "FitnessScan start")


class Professional(SiteUser):
    """A professional of a member organisation who logs in once and then mostly learns."""

    weight = 1

    def on_start(self):
        super().on_start()
        accounts = TARGETS["accounts"]
        self.email = accounts[next(_account_numbers) % len(accounts)]
        self.log_in()

    def csrf_post(self, url: str, data: list[tuple[str, str]], name: str, **kwargs):
        """A form's POST as a browser sends it (the token is in `data`); the redirect is the next request."""
        return self.client.post(
            url, data=urlencode(data), headers=FORM, name=name, allow_redirects=False, **kwargs
        )

    def log_in(self):
        login = TARGETS["login"]
        page = self.client.get(login, name="login form")
        form = form_with_action(page.text or "", login)
        if form is None:
            raise RuntimeError(f"no login form on {login}")
        data = [(name, value) for name, kind, value, _checked in form["fields"] if kind == "hidden"]
        data += [("login", self.email), ("password", PASSWORD)]
        with self.csrf_post(login, data, "login", catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"login of {self.email} answered {response.status_code}")
                return
        self.client.get(response.headers["Location"], name="/mijn/ (after login)")

    def follow(self, response, name: str):
        if response.status_code in {301, 302, 303} and response.headers.get("Location"):
            return self.client.get(response.headers["Location"], name=name)
        return response

    @task(6)
    def lesson(self):
        lesson = random.choice(TARGETS["lessons"])  # noqa: S311
        page = self.page(lesson["url"], "lesson")
        if random.random() < 0.3:  # noqa: S311
            form = form_with_action(page.text or "", lesson["complete"])
            if form is not None:
                done = self.csrf_post(lesson["complete"], answers_for(form), "lesson: mark done")
                self.follow(done, "lesson (after marking done)")

    @task(2)
    def dashboard(self):
        self.page(TARGETS["dashboard"], "/mijn/")

    @task(1)
    def catalogue(self):
        self.page(TARGETS["catalogue"], "catalogue")

    @task(2)
    def course(self):
        self.page(random.choice(TARGETS["courses"]), "course")  # noqa: S311

    @task(1)
    def instrument(self):
        self.page(random.choice(TARGETS["instruments"]), "instrument sheet")  # noqa: S311

    @task(1)
    def quiz_attempt(self):
        quiz = random.choice(TARGETS["quizzes"])  # noqa: S311
        overview = self.page(quiz, "quiz")
        start = form_with_action(overview.text or "", "start/")
        if start is None:
            return  # no attempts left
        attempt = self.follow(
            self.csrf_post(start["action"], answers_for(start), "quiz: start"), "quiz attempt"
        )
        sheet = form_with_action(attempt.text or "", "inleveren/")
        if sheet is None:
            return
        self.wait()  # answering takes a while
        submitted = self.csrf_post(
            sheet["action"], [*answers_for(sheet), ("confirm", "unanswered")], "quiz: submit"
        )
        self.follow(submitted, "quiz review")

    @task(1)
    def fitnessscan_steps(self):
        start = TARGETS["fitnessscan"]
        self.page(start, "FitnessScan start")
        step_url = start + "stap/1/"
        step = self.page(step_url, "FitnessScan step")
        for _step in range(3):  # a few steps, then on with something else (resumed another time)
            form = next((f for f in forms_of(step.text or "") if "/stap/" in f["action"]), None)
            if form is None:
                return
            self.wait()
            answered = self.csrf_post(form["action"], answers_for(form), "FitnessScan: answer step")
            if answered.status_code not in {301, 302, 303}:
                return
            step_url = answered.headers["Location"]
            if "/resultaat/" in step_url:
                self.page(step_url, "FitnessScan result")
                return
            step = self.page(step_url, "FitnessScan step")


# --- the verdict ------------------------------------------------------------------------------------


@events.quitting.add_listener
def verdict(environment, **kwargs):
    """Prints the figures the README reports and fails the run on errors or a slow p95."""
    total = environment.stats.total
    if not total.num_requests:
        print("load: no requests were made")
        environment.process_exit_code = 1
        return
    p50, p95, p99 = (total.get_response_time_percentile(share) for share in (0.5, 0.95, 0.99))
    print(
        f"\nload: {total.num_requests} requests, {total.total_rps:.1f} requests/s, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, {total.num_failures} errors"
    )
    for error in environment.stats.errors.values():
        print(f"  {error.occurrences} × {error.method} {error.name}: {error.error}")
    # A virtual user that crashed (a page without the form it expected) is an error too.
    crashes = sum(crash["count"] for crash in environment.runner.exceptions.values())
    for crash in environment.runner.exceptions.values():
        print(f"  {crash['count']} × crashed: {crash['msg']}")
    verdicts = []
    if total.num_failures or crashes:
        verdicts.append(f"{total.num_failures} errors, {crashes} crashed virtual users")
    if p95 >= P95_LIMIT_MS:
        verdicts.append(f"p95 {p95:.0f} ms is not below {P95_LIMIT_MS:.0f} ms")
    if verdicts:
        print("load: FAILED: " + "; ".join(verdicts))
        environment.process_exit_code = 1
    else:
        print(f"load: passed (0 errors, p95 below {P95_LIMIT_MS:.0f} ms)")
        environment.process_exit_code = 0
