"""WSGI entry point (gunicorn wellfare.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellfare.settings")
application = get_wsgi_application()
