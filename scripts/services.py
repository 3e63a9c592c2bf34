"""Local PostgreSQL and Redis servers and child processes, for `make serve` and `make test-production`.

Every server listens on 127.0.0.1 only and keeps its data in a folder we name. Child processes start
in their own session (process group), so a Ctrl-C in the terminal reaches only the supervisor, which
then stops each child in order; they also receive SIGTERM if the supervisor itself dies.
PostgreSQL refuses to run as root: as root its commands run as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_SUPERUSER = "academy"


def log(message: str) -> None:
    print(f"[serve] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Whether a server could listen on it (servers set SO_REUSEADDR: closing connections don't count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def executable(name: str, *candidates: str) -> str:
    for candidate in (*candidates, shutil.which(name)):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit(f"{name} was not found; `make serve` installs it with apt-get when run as root.")


def postgres_bin(name: str) -> str:
    folders = [os.environ.get("PG_BIN", "")]
    folders += sorted((str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")), reverse=True)
    return executable(name, *(str(Path(folder) / name) for folder in folders if folder))


def _die_with_parent() -> None:
    """Runs in the child before exec: its own process group, and SIGTERM when the supervisor dies."""
    os.setsid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Runs a command to completion (our own fixed commands, never user input)."""
    return subprocess.run(argv, check=False, **kwargs)  # noqa: S603


class ChildProcess:
    """A long-running child in its own process group, stopped by a signal to the whole group."""

    def __init__(self, name: str, argv: list[str], *, env: dict, cwd: Path, log_path: Path | None = None):
        self.name = name
        self.argv = argv
        self.env = env
        self.cwd = cwd
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> ChildProcess:
        output = self.log_path.open("ab") if self.log_path else None
        try:
            self.process = subprocess.Popen(  # noqa: S603 (our own fixed commands)
                self.argv,
                env=self.env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                preexec_fn=_die_with_parent,
            )
        finally:
            if output:
                output.close()
        return self

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def exit_code(self) -> int | None:
        return self.process.poll() if self.process else 0

    def wait(self, timeout: float | None = None) -> int:
        return self.process.wait(timeout=timeout)

    def stop(self, timeout: float = 30, sig: int = signal.SIGTERM) -> None:
        if not self.process:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                log(f"{self.name} did not stop within {timeout:.0f} s: killing it")
        # Whatever is left in its process group (forked workers) goes with it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)


class PostgresServer:
    """A PostgreSQL cluster in `data_dir`, password-protected, on 127.0.0.1:`port` (no Unix socket)."""

    def __init__(self, data_dir: Path, *, port: int, password: str, fast_unsafe: bool = False):
        self.data_dir = data_dir.resolve()
        self.port = port
        self.password = password
        # Tests throw the cluster away: durability is not worth the disk syncs there.
        self.fast_unsafe = fast_unsafe
        self.as_root = os.geteuid() == 0

    def _command(self, *argv: str) -> list[str]:
        if self.as_root:
            return [
                executable("runuser", "/usr/sbin/runuser", "/sbin/runuser"),
                "-u",
                "postgres",
                "--",
                *argv,
            ]
        return list(argv)

    def _give_to_postgres(self, path: Path) -> None:
        if self.as_root:
            shutil.chown(path, "postgres", "postgres")

    def _check_reachable(self) -> None:
        if not self.as_root:
            return
        probe = run(self._command("test", "-w", str(self.data_dir)), capture_output=True)
        if probe.returncode != 0:
            raise SystemExit(
                f"The postgres user cannot write {self.data_dir}. PostgreSQL refuses to run as root, so as "
                "root the cluster runs as `postgres`, which must be able to reach this folder: clone the "
                "project into a folder others may enter (for example under /srv or /tmp), or run as a "
                "normal user."
            )

    @property
    def initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def init(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.chmod(0o700)
        self._give_to_postgres(self.data_dir)
        self._check_reachable()
        with tempfile.NamedTemporaryFile("w", prefix="pgpass-", delete=False) as pwfile:
            pwfile.write(self.password + "\n")
        try:
            self._give_to_postgres(Path(pwfile.name))
            result = run(
                self._command(
                    postgres_bin("initdb"),
                    "--pgdata",
                    str(self.data_dir),
                    "--username",
                    PG_SUPERUSER,
                    "--pwfile",
                    pwfile.name,
                    "--auth-local=scram-sha-256",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    *(["--no-sync"] if self.fast_unsafe else []),
                ),
                capture_output=True,
                text=True,
            )
        finally:
            os.unlink(pwfile.name)
        if result.returncode != 0:
            raise SystemExit(f"initdb failed:\n{result.stdout}{result.stderr}")

    def is_running(self) -> bool:
        if not self.initialised:
            return False
        status = run(
            self._command(postgres_bin("pg_ctl"), "status", "-D", str(self.data_dir)), capture_output=True
        )
        return status.returncode == 0

    def start(self) -> None:
        if not self.initialised:
            log(f"creating a PostgreSQL cluster in {self.data_dir}")
            self.init()
        self._check_reachable()
        if self.is_running():
            log("PostgreSQL of this folder is still running from an earlier run: stopping it first")
            self.stop()
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        if self.fast_unsafe:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        result = run(
            self._command(
                postgres_bin("pg_ctl"),
                "start",
                "--wait",
                "--timeout=60",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.data_dir / "server.log"),
                "-o",
                options,
            ),
            capture_output=True,
            text=True,
            start_new_session=True,
        )
        if result.returncode != 0:
            server_log = (self.data_dir / "server.log").read_text(errors="replace")[-2000:]
            raise SystemExit(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}{server_log}")

    def stop(self) -> None:
        if not self.is_running():
            return
        run(
            self._command(postgres_bin("pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "fast", "--wait"),
            capture_output=True,
            start_new_session=True,
        )

    def url(self, database: str) -> str:
        return f"postgres://{PG_SUPERUSER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def ensure_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=10) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


class RedisServer:
    """A redis-server child on 127.0.0.1:`port` with its files in `data_dir`."""

    def __init__(self, data_dir: Path, *, port: int, password: str, persistent: bool, cwd: Path):
        self.data_dir = data_dir.resolve()
        self.port = port
        self.password = password
        self.persistent = persistent
        self.cwd = cwd
        self.child: ChildProcess | None = None

    @property
    def pidfile(self) -> Path:
        return self.data_dir / "redis.pid"

    def _stop_leftover(self) -> None:
        """A redis-server of this folder left by a supervisor that was killed outright."""
        try:
            pid = int(self.pidfile.read_text())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except (OSError, ValueError):
            return
        if b"redis-server" in cmdline:
            log(f"redis-server of this folder (pid {pid}) is still running from an earlier run: stopping it")
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._stop_leftover()
        argv = [
            executable("redis-server", "/usr/bin/redis-server"),
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--dir",
            str(self.data_dir),
            "--pidfile",
            str(self.pidfile),
            "--requirepass",
            self.password,
            "--save",
            "",
            # The broker's queues survive a restart of Redis when it keeps an append-only file.
            "--appendonly",
            "yes" if self.persistent else "no",
            "--logfile",
            str(self.data_dir / "redis.log"),
        ]
        self.child = ChildProcess("redis-server", argv, env=dict(os.environ), cwd=self.cwd).start()
        self.wait_until_ready()

    def wait_until_ready(self, timeout: float = 20) -> None:
        import redis

        client = redis.Redis.from_url(self.url(0), socket_connect_timeout=1)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.child and self.child.exit_code() is not None:
                raise SystemExit(f"redis-server exited; see {self.data_dir / 'redis.log'}")
            with contextlib.suppress(redis.exceptions.RedisError):
                if client.ping():
                    return
            time.sleep(0.1)
        raise SystemExit(f"redis-server did not answer; see {self.data_dir / 'redis.log'}")

    def stop(self) -> None:
        if self.child:
            self.child.stop(timeout=20)

    def url(self, database: int) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/{database}"
