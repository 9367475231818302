from django.apps import AppConfig


class FundraisingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "fundraising"
    verbose_name = "Comunicazione e fundraising"
