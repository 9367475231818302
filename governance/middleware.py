"""Project-wide HTTP behaviour."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


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


class ItalianUnlessChosenMiddleware:
    """The interface is Italian; English only when the user picks it with the language switch (cookie).

    Runs before LocaleMiddleware and hides the browser's Accept-Language, so a browser set to English does not get
    Italian pages with English number formats.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
