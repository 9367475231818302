"""Project-wide HTTP behaviour."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

from .models.territory import project_years_memo


class NoStoreForAuthenticatedMiddleware:
    """Pages behind login carry personal data: never keep them in a (shared) browser cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class ProjectYearsMiddleware:
    """Read the project years at most once per request (`ProjectYear.objects.in_order`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with project_years_memo():
            return self.get_response(request)
