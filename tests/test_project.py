"""Project-level guards: migrations match the models, admin loads."""
import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_are_up_to_date():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_geography_has_the_12_regions_and_their_cities():
    from fulfillment.models import City, Region

    assert Region.objects.count() == 12
    codes = set(Region.objects.values_list("code", flat=True))
    assert codes == {f"MA-{n:02d}" for n in range(1, 13)}
    assert City.objects.filter(slug="taliouine", region__code="MA-09").exists()
    assert all(Region.objects.get(code=f"MA-{n:02d}").cities.exists() for n in range(1, 13))


def test_admin_index_renders_for_a_network_admin(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert b"Cooperatives" in response.content


def test_beat_schedules_only_tasks_that_exist():
    from django.conf import settings

    from backend.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks
