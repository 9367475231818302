"""Template filters shared by every app: money in Italian format, overdue flags."""

from django import template
from django.template.base import token_kwargs

from governance.money import format_eur

register = template.Library()


@register.filter
def euro(value) -> str:
    """1234.5 → "1.234,50 €": the same text as `governance.money.format_eur`, whatever language is active."""
    if value is None or value == "":
        return "—"
    return format_eur(value)


@register.filter
def decision_overdue(decision, reference) -> bool:
    return decision.is_overdue(reference)


OVERDUE = "Scaduta"


@register.filter
def decision_status(decision, reference) -> str:
    """The word for a decision's state at the reference date, the same on the web page and in the minutes' PDF."""
    return OVERDUE if decision.is_overdue(reference) else decision.get_status_display()


class BreadcrumbsNode(template.Node):
    def __init__(self, nodelist, extra_context):
        self.nodelist = nodelist
        self.extra_context = extra_context

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.extra_context.items()}
        values["current"] = self.nodelist.render(context).strip()
        with context.push(**values):
            return context.template.engine.get_template("partials/breadcrumbs.html").render(context)


@register.tag
def breadcrumbs(parser, token):
    """The breadcrumb trail whose last item is the text between the tags (usually the page's title):

    {% breadcrumbs parent_label="Donazioni" parent_url=list_url %}Donazione n. {{ donation.pk }}{% endbreadcrumbs %}
    """
    bits = token.split_contents()[1:]
    extra_context = token_kwargs(bits, parser, support_legacy=False)
    if bits:
        raise template.TemplateSyntaxError(f"breadcrumbs accepts only key=value arguments, not {bits[0]!r}")
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist, extra_context)
