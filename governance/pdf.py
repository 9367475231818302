"""PDF rendering with WeasyPrint: one function for every printable document of the project."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher


class StaticFilesFetcher(URLFetcher):
    """Resolve /static/ URLs from the local static files; refuse everything else (no network access)."""

    def fetch(self, url, headers=None):
        static_prefix = "/" + settings.STATIC_URL.lstrip("/")
        if static_prefix in url:
            found = finders.find(url.split(static_prefix, 1)[1])
            if found:
                return super().fetch(Path(found).as_uri(), headers)
        raise ValueError(f"External resource refused in PDF: {url}")


def pdf_bytes(*, template: str, context: dict, request=None) -> bytes:
    """The PDF of a template (also outside a request, e.g. minutes attached to an e-mail)."""
    context = {**context, "generated_at": timezone.localtime()}
    html = render_to_string(template, context, request=request)
    base_url = request.build_absolute_uri("/") if request is not None else "http://localhost/"
    return HTML(string=html, base_url=base_url, url_fetcher=StaticFilesFetcher()).write_pdf()


def render_pdf(*, request, template: str, context: dict, filename: str) -> HttpResponse:
    pdf = pdf_bytes(template=template, context=context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
