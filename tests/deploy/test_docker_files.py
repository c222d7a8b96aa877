"""The deployment files cannot run here (no Docker engine): check what can be checked offline.

The compose file must parse, define every process the deployment needs with a health check, share
the media volume between web, worker and proxy, and take its secrets from the environment; the
Dockerfile must run as a non-root user and start the same commands a checkout runs.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

DOCKER = Path(__file__).resolve().parents[2] / "docker"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yaml").read_text())


def test_compose_defines_the_whole_deployment(compose):
    assert {"web", "worker", "beat", "db", "redis", "proxy", "migrate"} <= set(compose["services"])


@pytest.mark.parametrize("service", ["web", "worker", "db", "redis", "proxy"])
def test_long_running_services_have_health_checks(compose, service):
    check = compose["services"][service]["healthcheck"]
    assert check["test"] and check["retries"] >= 3


def test_media_is_one_volume_shared_by_web_worker_and_proxy(compose):
    services = compose["services"]
    for name in ("web", "worker", "proxy"):
        mounts = [m.split(":")[0] for m in services[name]["volumes"]]
        assert "media" in mounts, name
    assert "media" in compose["volumes"] and "pgdata" in compose["volumes"]


def test_secrets_come_from_the_environment(compose):
    text = (DOCKER / "compose.yaml").read_text()
    env = compose["services"]["web"]["environment"]
    assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "POSTGRES_PASSWORD:?" in env["DATABASE_URL"]
    assert not re.search(r"sk_(live|test)_[A-Za-z0-9]{8,}", text)


def test_web_waits_for_migrations_and_services(compose):
    web = compose["services"]["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert compose["services"]["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_processes_run_the_commands_of_a_checkout(compose):
    makefile = (DOCKER.parent / "Makefile").read_text()
    assert compose["services"]["worker"]["command"][:4] == ["celery", "-A", "backend", "worker"]
    assert compose["services"]["beat"]["command"][:4] == ["celery", "-A", "backend", "beat"]
    assert "celery -A backend worker" in makefile and "celery -A backend beat" in makefile
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "gunicorn backend.wsgi:application" in dockerfile


def test_image_is_multi_stage_and_runs_as_non_root():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    stages = re.findall(r"^FROM\s+\S+\s+AS\s+(\w+)", dockerfile, flags=re.M)
    assert len(stages) >= 2
    final_stage = dockerfile.split(f"AS {stages[-1]}", 1)[1]
    users = re.findall(r"^USER\s+(\S+)", final_stage, flags=re.M)
    assert users and users[-1] not in {"root", "0"}
    assert "HEALTHCHECK" in final_stage


def test_proxy_config_matches_the_upload_limit():
    nginx = (DOCKER / "nginx.conf").read_text()
    assert "server web:8000" in nginx
    size = int(re.search(r"client_max_body_size\s+(\d+)m", nginx).group(1))
    assert size >= 10
