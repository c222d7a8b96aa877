import pytest


@pytest.mark.django_db
def test_healthz_reports_the_database_as_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok", "vendor": "postgresql"}


def test_settings_read_the_database_from_the_environment(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_graphiql_page_loads_its_assets_locally_not_from_a_cdn(rf):
    from backend.graphql.views import CoopGraphQLView

    request = rf.get("/graphql/", HTTP_ACCEPT="text/html")
    response = CoopGraphQLView.as_view(graphiql=True)(request)

    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/graphene_django_graphiql_static/graphiql.min.js" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
