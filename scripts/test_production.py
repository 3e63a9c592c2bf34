"""`make test-production`: the suite against real PostgreSQL and Redis, then the topology tests.

Starts a throw-away PostgreSQL cluster and Redis server on free ports of 127.0.0.1 in a temporary
folder, runs

1. every test but the browser ones (those drive their own embedded server) on PostgreSQL with Redis as
   cache. Tasks run eagerly here, as in `make test`: a test's data lives in a transaction that a
   worker in another process could never see;
2. tests/production with Redis as broker: real Celery workers, `make serve` itself, and the failures
   (Redis stopped, broker gone, worker killed, PostgreSQL stopped);

and stops both servers at the end, also on failure or Ctrl-C. Prints how long each step took.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from services import PostgresServer, RedisServer, free_port, run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTEST = str(Path(sys.executable).parent / "pytest")
# Both cores for the suite (pytest-xdist): a PostgreSQL test database and a Redis cache database per worker.
JOBS = os.environ.get("JOBS", "2")


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    durations: list[tuple[str, float]] = []
    folder = Path(tempfile.mkdtemp(prefix="academy-test-production-"))
    folder.chmod(0o755)  # PostgreSQL runs as the postgres user
    postgres = PostgresServer(
        folder / "postgres", port=free_port(), password=secrets.token_urlsafe(16), fast_unsafe=True
    )
    redis = RedisServer(
        folder / "redis", port=free_port(), password=secrets.token_urlsafe(16), persistent=False, cwd=ROOT
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))}
    env.update(DATABASE_URL=postgres.url("academy"), REDIS_URL=redis.url(0))
    failed: list[str] = []
    started = time.monotonic()
    try:
        postgres.start()
        postgres.ensure_database("academy")
        redis.start()
        durations.append(("PostgreSQL and Redis started", time.monotonic() - started))
        print(f"PostgreSQL on 127.0.0.1:{postgres.port}, Redis on 127.0.0.1:{redis.port}", flush=True)

        steps = [
            (
                "suite on PostgreSQL + Redis cache",
                [
                    PYTEST,
                    "-n",
                    JOBS,
                    "--dist",
                    "loadfile",
                    "-m",
                    "not browser",
                    "--ignore=tests/production",
                    "--durations=5",
                ],
                {"CELERY_BROKER_URL": ""},
            ),
            (
                "tests/production with Redis broker and real workers",
                [PYTEST, "tests/production", "-v", "--durations=5"],
                {"CELERY_BROKER_URL": redis.url(1)},
            ),
        ]
        for name, argv, extra in steps:
            print(f"\n== {name}: {' '.join(argv[1:])}", flush=True)
            step_started = time.monotonic()
            result = run(argv, cwd=ROOT, env={**env, **extra})
            durations.append((name, time.monotonic() - step_started))
            if result.returncode != 0:  # 5 (no test ran) is a failure too: these tests must run here
                failed.append(f"{name} (pytest exit code {result.returncode})")
    except KeyboardInterrupt:
        failed.append("interrupted")
    finally:
        stopping = time.monotonic()
        redis.stop()
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
        durations.append(("servers stopped", time.monotonic() - stopping))

    print("\n== make test-production: durations")
    for name, seconds in durations:
        print(f"  {seconds:7.1f} s  {name}")
    print(f"  {time.monotonic() - started:7.1f} s  in all")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
