"""`make serve` as a newcomer uses it: up healthy on PostgreSQL with a worker, a demo login through
the real form, Redis stopped (pages still render), PostgreSQL stopped (a Dutch 503), and after
SIGTERM not one of its processes left."""

import gzip
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from production_support import ROOT, needs_services
from services import PostgresServer, free_port

pytestmark = needs_services


class Browser:
    """Just enough of a browser: cookies, redirects, the CSRF token of a form."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, **headers: str) -> tuple[int, str, dict]:
        request = urllib.request.Request(self.base_url + path, headers=headers)  # noqa: S310 (loopback)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, self._body(response), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, self._body(error), dict(error.headers)

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base_url + path,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": self.base_url + path},
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status, self._body(response)

    @staticmethod
    def _body(response) -> str:
        data = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(data).decode()
        return data.decode(errors="replace")


def health(base_url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(base_url + "/healthz/", timeout=10) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def processes_mentioning(text: str) -> list[str]:
    """Every process whose command line or environment names `text` (ours: its folder or port)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            blob = (proc / "cmdline").read_bytes() + (proc / "environ").read_bytes()
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text.encode() in blob and int(proc.name) != os.getpid():
            found.append(f"{proc.name}: {cmdline}")
    return found


@pytest.fixture
def serve_folder():
    # Not pytest's tmp_path: PostgreSQL runs as the `postgres` user, which must reach its data folder.
    folder = Path(tempfile.mkdtemp(prefix="academy-serve-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_make_serve_runs_the_production_topology_and_stops_all_of_it(serve_folder):
    var = serve_folder / "var"
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}}
    env.update(SERVE_POSTGRES_PORT=str(free_port()), SERVE_REDIS_PORT=str(free_port()))
    log_path = serve_folder / "serve.log"
    with log_path.open("wb") as log:
        serve = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--seed", "--var", str(var), "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 240
        while "Serving on" not in log_path.read_text():
            assert serve.poll() is None, log_path.read_text()[-5000:]
            assert time.monotonic() < deadline, log_path.read_text()[-5000:]
            time.sleep(0.2)

        # Up and healthy: PostgreSQL, Redis as cache and broker, a worker that answers.
        status, report = health(base_url)
        assert status == 200, report
        assert report["database_vendor"] == "postgresql"
        assert report["checks"] == {"database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"}

        # Static files collected with content hashes, served compressed by WhiteNoise.
        browser = Browser(base_url)
        status, home, _headers = browser.get("/")
        assert status == 200
        stylesheet = re.search(r'href="(/static/css/academy\.[0-9a-f]{12}\.css)"', home).group(1)
        status, _css, headers = browser.get(stylesheet, **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in headers["Cache-Control"]

        # The demo professional logs in through the real form (http: the cookies work locally).
        status, form, _headers = browser.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        status, page = browser.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": "deelnemer@example.org", "password": "samenwerken"},
        )
        assert status == 200
        assert "Mijn leeromgeving" in page

        # Every kind of page the home page links to (catalogue, instruments, cases, FitnessScan, ...).
        pages_linked_from_home = {
            link
            for link in re.findall(r'href="(/[^"?#]*)"', home)
            if not link.startswith(("/static/", "/accounts/", "/admin/", "/media/", "/taal/"))
        }
        assert len(pages_linked_from_home) >= 5, pages_linked_from_home

        # Redis stopped: the cache fails open, pages (and the logged-in page) still render.
        redis_pid = int((var / "redis" / "redis.pid").read_text())
        os.kill(redis_pid, signal.SIGTERM)
        while Path(f"/proc/{redis_pid}").exists():
            time.sleep(0.05)
        anonymous = Browser(base_url)
        for path in {"/", "/cursussen/", "/mijn/", *pages_linked_from_home}:
            assert browser.get(path)[0] == 200, path
            if path != "/mijn/":
                assert anonymous.get(path)[0] == 200, path
        status, report = health(base_url)
        assert status == 503
        assert report["checks"]["cache"].startswith("error")
        assert report["checks"]["database"] == "ok"

        # PostgreSQL stopped: a plain Dutch 503 page, not a 500.
        PostgresServer(var / "postgres", port=0, password="").stop()
        status, page, headers = browser.get("/cursussen/")
        assert status == 503
        assert "De academie is tijdelijk niet beschikbaar" in page
        assert browser.get("/mijn/")[0] == 503
    finally:
        started = time.monotonic()
        os.kill(serve.pid, signal.SIGTERM)
        exit_code = serve.wait(timeout=120)
        stop_seconds = time.monotonic() - started

    assert exit_code == 0, log_path.read_text()[-5000:]
    assert stop_seconds < 60
    assert processes_mentioning(str(var)) == []
    assert processes_mentioning(env["SERVE_POSTGRES_PORT"]) == []
