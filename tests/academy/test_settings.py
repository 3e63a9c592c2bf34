import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_a_missing_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="academy.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY="x" * 30 + "-production-secret-" + "y" * 30,
        ALLOWED_HOSTS="academie.example.org",
        REDIS_URL="redis://127.0.0.1:6399/0",  # checked, not connected to
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_refuses_a_cache_per_worker():
    """Without Redis every gunicorn worker would count login failures on its own."""
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY="x" * 30 + "-production-secret-" + "y" * 30,
        ALLOWED_HOSTS="academie.example.org",
        REDIS_URL="",
    )
    assert result.returncode != 0
    assert "academy.E001" in result.stderr and "REDIS_URL" in result.stderr


def test_seed_demo_refuses_production_settings():
    result = run_manage(
        "seed_demo",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY="z" * 60,
        DATABASE_URL="sqlite:////tmp/never-created-by-seed.db",
    )
    assert result.returncode != 0
    assert "refuses" in result.stderr
