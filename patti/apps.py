from django.apps import AppConfig


class PattiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "patti"
    verbose_name = "Patti gener-attivi"

    def ready(self):
        """Register the demo seeder in governance's registry (governance never imports an action app)."""
        from governance.demo import DEMO_SEEDERS

        from .demo import seed_patti_demo

        if seed_patti_demo not in DEMO_SEEDERS:
            DEMO_SEEDERS.append(seed_patti_demo)
