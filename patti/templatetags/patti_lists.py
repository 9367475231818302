"""Sortable column headers for the patti lists (the `order` parameter of the list's OrderingFilter)."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context, label: str, key: str):
    """A column header that sorts the list by `key` (ascending, then descending on a second click)."""
    request = context["request"]
    current = request.GET.get("order", "")
    query = request.GET.copy()
    query.pop("page", None)
    query["order"] = f"-{key}" if current == key else key
    if current == key:
        sort, arrow = "ascending", " ▲"
    elif current == f"-{key}":
        sort, arrow = "descending", " ▼"
    else:
        sort, arrow = "none", ""
    return format_html(
        '<th scope="col" aria-sort="{}"><a href="?{}">{}<span aria-hidden="true">{}</span></a></th>',
        sort,
        query.urlencode(),
        label,
        arrow,
    )
