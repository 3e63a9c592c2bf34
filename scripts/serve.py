"""`make serve`: the production topology on one machine, from the checkout.

Starts PostgreSQL and Redis with their data under var/, migrates, collects the static files, and runs
a Celery worker, Celery beat and gunicorn with `academy.settings.production` on
http://127.0.0.1:PORT/. Ctrl-C or SIGTERM stops every process it started, in order, and nothing else.

    python scripts/serve.py [--port 8000] [--seed] [--var var]

`--seed` loads the demo content first (with the embedded settings, which allow it, against the same
database): production settings refuse demo accounts, whose password is published.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import secrets
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import (  # noqa: E402 (the folder of this script is on the path only now)
    ChildProcess,
    PostgresServer,
    RedisServer,
    free_port,
    log,
    port_is_free,
    run,
)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE_NAME = "academy"


class StopRequested(Exception):
    """Ctrl-C or SIGTERM arrived."""


def on_signal(signum, frame):
    # Only the first signal starts the shutdown; later ones must not interrupt it half-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise StopRequested(signal.Signals(signum).name)


def local_secrets(var: Path) -> dict[str, str]:
    """Generated once per checkout and kept in var/ (git-ignored), readable only by its owner."""
    path = var / "secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    values = {
        "secret_key": secrets.token_urlsafe(50),
        "database_password": secrets.token_urlsafe(24),
        "redis_password": secrets.token_urlsafe(24),
    }
    path.touch(mode=0o600)
    path.write_text(json.dumps(values, indent=2))
    return values


def choose_port(preferred: int, what: str) -> int:
    if port_is_free(preferred):
        return preferred
    port = free_port()
    log(f"port {preferred} is taken: {what} uses {port}")
    return port


def production_environment(*, var: Path, port: int, database_url: str, redis: RedisServer, secret_key: str):
    env = dict(os.environ)
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        # Cache and broker in separate Redis databases: clearing the cache never drops queued work.
        REDIS_URL=redis.url(0),
        CELERY_BROKER_URL=redis.url(1),
        # Plain http on the loopback: no redirect to https, cookies without the Secure flag.
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SITE_URL=f"http://127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    env.setdefault("MEDIA_ROOT", str(var / "media"))
    env.setdefault("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    env.setdefault("EMAIL_FILE_PATH", str(var / "mail"))
    return env


def manage(*args: str, env: dict) -> None:
    result = run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed (exit code {result.returncode})")


def static_fingerprint() -> str:
    """What collectstatic would collect: the project's static files and the locked packages."""
    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes() if (ROOT / "uv.lock").exists() else b"")
    skip = {".git", ".venv", "node_modules", "staticfiles", "var", "media", "test-artifacts", "tests"}
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in skip)
        if "static" not in Path(folder).relative_to(ROOT).parts:
            continue
        for name in sorted(files):
            stat = (Path(folder) / name).stat()
            digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def wait_until_healthy(url: str, children: list[ChildProcess], timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    last: dict = {}
    while time.monotonic() < deadline:
        for child in children:
            if child.exit_code() is not None:
                raise SystemExit(f"{child.name} exited (code {child.exit_code()}) while starting")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  # nosec B310  # our own loopback server
                return json.load(response)
        except urllib.error.HTTPError as error:
            last = json.load(error)
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the site did not become healthy within {timeout:.0f} s: {last}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--seed", action="store_true", help="load the demo content before starting")
    parser.add_argument("--var", type=Path, default=ROOT / "var", help="where data and logs are kept")
    parser.add_argument("--web-workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    # Threads: a request waiting on PostgreSQL, Redis or an Argon2 hashing (which releases the GIL) does
    # not hold up the next one; 2 processes × 4 threads carry the 200 users of `make load` on 2 cores.
    parser.add_argument("--web-threads", type=int, default=int(os.environ.get("WEB_THREADS", "4")))
    parser.add_argument("--task-workers", type=int, default=int(os.environ.get("CELERY_CONCURRENCY", "2")))
    args = parser.parse_args()
    if not port_is_free(args.port):
        log(f"port {args.port} is in use; choose another: PORT=8080 make serve")
        return 1

    var = args.var.resolve()
    for folder in ("log", "mail", "media", "celery"):
        (var / folder).mkdir(parents=True, exist_ok=True)
    var.chmod(0o755)  # the postgres user must be able to reach var/postgres
    # One supervisor per var/ folder: a second one would take over (and stop) the first one's servers.
    lock = (var / "serve.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f"make serve is already running with {var}; stop that one first")
        return 1
    values = local_secrets(var)
    postgres = PostgresServer(
        var / "postgres",
        port=choose_port(int(os.environ.get("SERVE_POSTGRES_PORT", "54329")), "PostgreSQL"),
        password=values["database_password"],
    )
    redis = RedisServer(
        var / "redis",
        port=choose_port(int(os.environ.get("SERVE_REDIS_PORT", "63799")), "Redis"),
        password=values["redis_password"],
        persistent=True,
        cwd=ROOT,
    )
    env = production_environment(
        var=var,
        port=args.port,
        database_url=postgres.url(DATABASE_NAME),
        redis=redis,
        secret_key=values["secret_key"],
    )
    log_dir = var / "log"
    children: list[ChildProcess] = []
    helpers: list[ChildProcess] = []

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    exit_code = 0
    try:
        log(f"PostgreSQL on 127.0.0.1:{postgres.port} (data in {postgres.data_dir})")
        postgres.start()
        postgres.ensure_database(DATABASE_NAME)
        log(f"Redis on 127.0.0.1:{redis.port} (data in {redis.data_dir})")
        redis.start()
        # Collecting (hashing and compressing some 1,500 files) runs beside the migrations; it is skipped
        # when neither the static files nor the locked packages changed since the last run.
        fingerprint = static_fingerprint()
        fingerprint_file = ROOT / "var" / "collectstatic.fingerprint"
        collected = fingerprint_file.exists() and fingerprint_file.read_text() == fingerprint
        collector = None
        if not (collected and (ROOT / "staticfiles" / "staticfiles.json").exists()):
            log("collecting static files")
            collector = ChildProcess(
                "collectstatic",
                [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
                env=env,
                cwd=ROOT,
            ).start()
            helpers.append(collector)
        log("migrating")
        manage("migrate", "--noinput", "-v0", env=env)
        if args.seed:
            log("loading the demo content (embedded settings, same database)")
            manage("seed_demo", env={**env, "DJANGO_SETTINGS_MODULE": "academy.settings.dev"})
        if collector:
            if collector.wait() != 0:
                raise SystemExit("collectstatic failed")
            fingerprint_file.parent.mkdir(exist_ok=True)
            fingerprint_file.write_text(fingerprint)

        celery = str(BIN / "celery")
        children = [
            ChildProcess(
                "celery worker",
                [
                    celery,
                    "-A",
                    "academy",
                    "worker",
                    "--loglevel",
                    "INFO",
                    "--concurrency",
                    str(args.task_workers),
                ],
                env=env,
                cwd=ROOT,
                log_path=log_dir / "worker.log",
            ),
            ChildProcess(
                "celery beat",
                [
                    celery,
                    "-A",
                    "academy",
                    "beat",
                    "--loglevel",
                    "INFO",
                    "--schedule",
                    str(var / "celery" / "beat"),
                ],
                env=env,
                cwd=ROOT,
                log_path=log_dir / "beat.log",
            ),
            ChildProcess(
                "gunicorn",
                [
                    str(BIN / "gunicorn"),
                    "--pythonpath",
                    str(ROOT / "scripts"),
                    "serve_wsgi:application",
                    "--bind",
                    f"127.0.0.1:{args.port}",
                    "--workers",
                    str(args.web_workers),
                    "--worker-class",
                    "gthread" if args.web_threads > 1 else "sync",
                    "--threads",
                    str(args.web_threads),
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "20",
                    "--access-logfile",
                    "-",
                ],
                env=env,
                cwd=ROOT,
                log_path=log_dir / "gunicorn.log",
            ),
        ]
        for child in children:
            child.start()
            log(f"{child.name} started (pid {child.pid}, log {child.log_path})")
        url = f"http://127.0.0.1:{args.port}/"
        health = wait_until_healthy(url + "healthz/", children)
        log(f"healthy: {json.dumps(health)}")
        log(
            f"Serving on {url} with production settings (Ctrl-C stops). Mail is written to {env['EMAIL_FILE_PATH']}."
        )
        while True:
            for child in children:
                if child.exit_code() is not None:
                    log(f"{child.name} exited unexpectedly (code {child.exit_code()}); see {child.log_path}")
                    exit_code = 1
                    raise StopRequested(child.name)
            if redis.child and redis.child.exit_code() is not None:
                # The site keeps working without Redis (the cache fails open, work runs in-process).
                log("redis-server stopped; the site goes on without cache and broker")
                redis.child = None
            time.sleep(0.5)
    except StopRequested as reason:
        log(f"stopping ({reason})")
    except SystemExit as error:
        log(f"error: {error}")
        exit_code = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for child in reversed(children + helpers):
            child.stop(timeout=60 if child.name == "celery worker" else 30)
        redis.stop()
        postgres.stop()
        log("stopped")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
