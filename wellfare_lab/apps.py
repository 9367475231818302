from django.apps import AppConfig


class WellfareLabConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wellfare_lab"
    verbose_name = "Wel(l)FARE LAB"
