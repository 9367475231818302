"""`{% designated_gifts record as gifts %}`: the totals of the gifts designated to a record (governance/gift_totals)."""

from django import template

from governance.gift_totals import designated_gift_totals

register = template.Library()


@register.simple_tag
def designated_gifts(record):
    return designated_gift_totals(record)
