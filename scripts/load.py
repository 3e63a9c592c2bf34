"""`make load`: the production topology of `make serve` under a scripted load (loadtest/locustfile.py).

Starts `scripts/serve.py` with its own data folder (var/load: PostgreSQL, Redis, media, logs; a
developer's var/ is never touched) on free ports of 127.0.0.1, with the demo content, adds the load
test's professionals (`manage.py seed_load`, with a new password each run), then runs locust headless
and stops everything it started. The exit code is locust's: non-zero on any error or a p95 at or above
300 ms (loadtest/locustfile.py prints the figures).

    python scripts/load.py [--users 200] [--duration 5m] [--spawn-rate 10]

The first run creates the cluster and loads the demo content (a few minutes); later runs reuse them.
"""

from __future__ import annotations

import argparse
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

from serve import DATABASE_NAME, local_secrets  # noqa: E402 (the folder of this script is on the path only now)
from services import PG_SUPERUSER, ChildProcess, free_port, log, run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def wait_until_up(url: str, serve: ChildProcess, timeout: float = 900) -> None:
    """The first start migrates a new cluster and loads the demo content: that takes minutes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if serve.exit_code() is not None:
            raise SystemExit(f"scripts/serve.py exited (code {serve.exit_code()}); see {serve.log_path}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310  # nosec B310  # our own loopback server
                return
        except urllib.error.HTTPError:
            pass  # up, but not every check is healthy yet
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"the site did not come up within {timeout:.0f} s; see {serve.log_path}")


def warm_up(host: str, targets: dict, rounds: int = 3) -> None:
    """Each public page a few times, so that every gunicorn process has built what it keeps (routes,
    menus, a sheet's measured fit on A4) and the shells are cached: the load measures the running site,
    not its first minute after a restart."""
    urls = [targets["home"], targets["catalogue"], targets["instrument_index"], targets["case_index"]]
    urls += [targets["fitnessscan"], *targets["catalogue_filtered"], *targets["courses"], *targets["modules"]]
    urls += [*targets["instruments"], *targets["cases"]]
    started = time.monotonic()
    for _round in range(rounds):
        for url in urls:
            with urllib.request.urlopen(host + url, timeout=60) as response:  # noqa: S310  # nosec B310  # our own loopback server
                response.read()
    log(f"warmed up: {len(urls)} pages × {rounds} in {time.monotonic() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=int(os.environ.get("USERS", "200")))
    parser.add_argument("--duration", default=os.environ.get("DURATION", "5m"))
    parser.add_argument("--spawn-rate", type=float, default=float(os.environ.get("SPAWN_RATE", "10")))
    parser.add_argument("--accounts", type=int, default=int(os.environ.get("LOAD_ACCOUNTS", "200")))
    parser.add_argument("--var", type=Path, default=ROOT / "var" / "load")
    args = parser.parse_args()

    var = args.var.resolve()
    (var / "log").mkdir(parents=True, exist_ok=True)
    var.chmod(0o755)  # the postgres user must be able to reach var/load/postgres
    values = local_secrets(var)  # serve.py reads the same file: the database password is known here too
    port, postgres_port, redis_port = free_port(), free_port(), free_port()
    seeded = var / "demo-content.loaded"
    serve = ChildProcess(
        "make serve",
        [
            str(BIN / "python"),
            str(ROOT / "scripts" / "serve.py"),
            "--var",
            str(var),
            "--port",
            str(port),
            *([] if seeded.exists() else ["--seed"]),
        ],
        env={**os.environ, "SERVE_POSTGRES_PORT": str(postgres_port), "SERVE_REDIS_PORT": str(redis_port)},
        cwd=ROOT,
        log_path=var / "log" / "serve.log",
    )
    password = secrets.token_urlsafe(24)
    database_url = (
        f"postgres://{PG_SUPERUSER}:{values['database_password']}@127.0.0.1:{postgres_port}/{DATABASE_NAME}"
    )
    host = f"http://127.0.0.1:{port}"
    targets = var / "targets.json"
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    exit_code = 1
    try:
        log(f"starting the production topology in {var} (log: {serve.log_path})")
        serve.start()
        wait_until_up(f"{host}/healthz/", serve)
        seeded.touch()
        log(f"up on {host}; making {args.accounts} load-test professionals")
        seed = run(
            [
                str(BIN / "python"),
                "manage.py",
                "seed_load",
                "--accounts",
                str(args.accounts),
                "--targets",
                str(targets),
            ],
            cwd=ROOT,
            env={
                **os.environ,
                # The embedded settings against the same database, as serve.py loads the demo content.
                "DJANGO_SETTINGS_MODULE": "academy.settings.dev",
                "DATABASE_URL": database_url,
                "LOAD_PASSWORD": password,
            },
        )
        if seed.returncode != 0:
            raise SystemExit("manage.py seed_load failed")
        warm_up(host, json.loads(targets.read_text()))
        log(f"locust: {args.users} users for {args.duration}, {args.spawn_rate:g} started per second")
        locust = run(
            [
                str(BIN / "locust"),
                "--locustfile",
                str(ROOT / "loadtest" / "locustfile.py"),
                "--headless",
                "--only-summary",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.duration,
                "--stop-timeout",
                "10",
                "--host",
                host,
                "--csv",
                str(var / "result"),
                "--html",
                str(var / "report.html"),
            ],
            cwd=ROOT,
            env={**os.environ, "LOAD_TARGETS": str(targets), "LOAD_PASSWORD": password},
        )
        exit_code = locust.returncode
        log(f"report: {var / 'report.html'}, figures per page: {var / 'result_stats.csv'}")
    except SystemExit as error:
        log(f"error: {error}")
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        log("stopping the topology")
        serve.stop(timeout=120)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
