"""Production settings: ``check --deploy`` finds nothing, and settings refuse to start without a
SECRET_KEY from the environment."""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _production_env(**changes: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"DEBUG", "SECRET_KEY", "REDIS_URL", "DJANGO_SETTINGS_MODULE",
                              "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # set for the test process only
    env.update({"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "shop.example.ma",
                "DJANGO_SETTINGS_MODULE": "backend.settings"})
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def test_check_deploy_is_clean_with_production_settings():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  _production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_a_switch_is_turned_off():
    """The check itself is live: turning HSTS off is reported (so the clean run means it)."""
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  _production_env(SECURE_HSTS_SECONDS="0"))

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = _run(["-c", "import django; django.setup()"],
                  _production_env(SECRET_KEY=None, DEBUG="0"))

    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment" in result.stderr


def test_production_settings_turn_the_security_switches_on():
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
            "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
            "s.SECRET_KEY == __import__('os').environ['SECRET_KEY'])")
    result = _run(["-c", code], _production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == (
        "False True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') True")


def test_no_secret_is_written_in_the_code():
    """Keys look like Stripe's (sk_live_, whsec_...) or a Django secret assignment."""
    patterns = ("sk_live_", "rk_live_", "whsec_", "AKIA", "-----BEGIN", "django-insecure-")
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "var", "tests", "node_modules"}:
            continue
        text = path.read_text(errors="replace")
        offenders += [f"{relative}: {p}" for p in patterns if p in text]
    assert offenders == []
