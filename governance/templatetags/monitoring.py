"""Template filters of the monitoring report and of every page that shows aggregates of people or households."""

from django import template

from ..monitoring.reach import people_cell as suppress_small

register = template.Library()


@register.filter
def people_cell(value, can_see_identity):
    """`{{ count|people_cell:can_see_identity }}`: a people/household count below 3 reads "< 3" without the identity
    permission (governance.monitoring.reach)."""
    from ..monitoring.reach import PeopleCount

    if isinstance(value, int) and not isinstance(value, PeopleCount):
        value = PeopleCount(value)
    return suppress_small(value, can_see_identity=bool(can_see_identity))
