"""Helpers of the production-topology tests (a module of its own: every conftest is called `conftest`)."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def missing_services() -> str:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return "needs PostgreSQL (DATABASE_URL=postgres://…): runs in `make test-production`"
    if not os.environ.get("REDIS_URL") or settings.CELERY_TASK_ALWAYS_EAGER:
        return (
            "needs Redis as cache and broker (REDIS_URL, CELERY_BROKER_URL): runs in `make test-production`"
        )
    return ""


needs_services = pytest.mark.skipif(bool(missing_services()), reason=missing_services() or "services present")


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a process that runs like production, against the test servers."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY="test-production-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
        PYTHONUNBUFFERED="1",
    )
    env.update(overrides)
    return env


def database_url_of_tests() -> str:
    """DATABASE_URL of the database pytest-django created, for processes outside this one."""
    from urllib.parse import urlsplit

    url = urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path="/" + settings.DATABASES["default"]["NAME"]).geturl()


class Worker:
    """A real `celery worker` process (production settings) with the reliability task loaded."""

    def __init__(self, name: str, log_dir: Path, **env: str):
        self.hostname = f"{name}@{uuid.uuid4().hex[:8]}"
        self.log_path = log_dir / f"{name}.log"
        self.env = production_env(DATABASE_URL=database_url_of_tests(), **env)
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        argv = [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "academy",
            "worker",
            "-I",
            "reliability_tasks",
        ]
        argv += ["--hostname", self.hostname, "--concurrency", "1", "--loglevel", "INFO"]
        argv += ["--without-mingle", "--without-gossip", "--without-heartbeat"]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                argv, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_until_answering()
        return self

    def wait_until_answering(self, timeout: float = 60) -> None:
        from academy.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"worker {self.hostname} exited:\n{self.log_path.read_text()[-3000:]}")
            if app.control.ping(destination=[self.hostname], timeout=0.5):
                return
        pytest.fail(f"worker {self.hostname} did not answer:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL to the worker and its pool: no warm shutdown, no acknowledgement, as in a crash."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def wait_for(condition, *, timeout: float = 30, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


def broker() -> redis.Redis:
    return redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
