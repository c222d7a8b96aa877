from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "backend.scale"
    label = "scale"
    verbose_name = "Scale data"
    default_auto_field = "django.db.models.BigAutoField"
