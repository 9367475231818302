from django.apps import AppConfig


class PattiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "patti"
    verbose_name = "Patti gener-attivi"
