from django.apps import AppConfig


class ImpreseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "imprese"
    verbose_name = "Patti con le Imprese"
