from django.apps import AppConfig


class CatalogSpreadsheetsConfig(AppConfig):
    """Installed for its templates, static files and translations (its model lives in catalog)."""

    name = "catalog.spreadsheets"
    label = "catalog_spreadsheets"
    verbose_name = "Catalog spreadsheets"
