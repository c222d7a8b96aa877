"""Root URLs: storefront, dashboards, admin, GraphQL API and health checks."""
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from backend.core.media_files import serve_media
from backend.graphql.views import CoopGraphQLView
from backend.health import healthz
from backend.metrics import metrics_view
from storefront.urls import unlocalized_urlpatterns

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
    path("webhooks/", include("backend.payments.urls")),
    path("admin/kpi/", include("backend.kpi.urls")),  # network dashboard, staff only
    path("admin/programmes/report/", include("backend.followup.urls_report")),  # staff
    path("admin/", admin.site.urls),
    path("graphql/", csrf_exempt(CoopGraphQLView.as_view(graphiql=settings.DEBUG)),
         name="graphql"),
    *unlocalized_urlpatterns,  # sitemap.xml, robots.txt
    # Storefront pages: French at /, Arabic at /ar/, English at /en/ (canonical + hreflang).
    *i18n_patterns(
        path("partner/", include("fulfillment.urls")),
        path("track/", include("fulfillment.urls_tracking")),
        path("coop/shipments/", include("fulfillment.urls_coop")),
        path("coop/earnings/", include("backend.fairpay.urls")),
        path("coop/catalog/", include("catalog.spreadsheets.urls")),
        path("coop/products/", include("catalog.dashboard.urls")),
        path("coop/promotions/", include("backend.discounts.dashboard.urls")),
        path("coop/followup/", include("backend.programmes.urls_coop")),
        path("mentor/", include("backend.programmes.urls")),
        path("rawabit/", include("backend.rawabit.urls")),
        path("pro/", include("backend.business.urls")),
        path("coop/", include("backend.cooperatives.urls")),
        path("pages/", include("backend.content.urls")),
        path("indicators/", include("backend.followup.urls_definitions")),
        path("followup/", include("backend.followup.urls")),
        path("", include("storefront.urls")),
        prefix_default_language=False),
]

# Media is served by Django in the embedded mode and behind the proxy otherwise.
if settings.DEBUG or getattr(settings, "SERVE_MEDIA", True):
    urlpatterns.insert(0, path("media/<path:path>", serve_media, name="media"))
