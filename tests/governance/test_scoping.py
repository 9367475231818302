"""visible_to(user): each role sees its scope; out of scope is invisible; no role sees nothing (fail closed)."""

import pytest

from governance.models import District, GovernanceBody, Meeting, Municipality, Organisation
from governance.scoping import user_scope
from tests.factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def body(code):
    return GovernanceBody.objects.get(code=code)


def test_programme_wide_roles_see_every_district(direzione, fundraising, amministrazione):
    for user in (direzione, fundraising, amministrazione):
        assert District.objects.visible_to(user).count() == 3
        assert Organisation.objects.visible_to(user).count() == Organisation.objects.count()


def test_district_roles_see_only_their_district(udp_cremasco, coordinatore):
    assert list(District.objects.visible_to(udp_cremasco).values_list("code", flat=True)) == ["cremasco"]
    assert list(District.objects.visible_to(coordinatore).values_list("code", flat=True)) == ["cremonese"]
    visible = Organisation.objects.visible_to(udp_cremasco)
    assert not visible.filter(district__code="cremonese").exists()
    assert visible.filter(district__code="cremasco").exists()
    assert visible.filter(district__isnull=True).exists()  # provincial bodies


def test_district_meetings_are_visible_only_in_their_district(udp_cremasco, udp_cremonese):
    cremonese_meeting = MeetingFactory(body=body("coord_cremonese"))
    programme_meeting = MeetingFactory(body=body("cabina"))
    assert not Meeting.objects.visible_to(udp_cremasco).filter(pk=cremonese_meeting.pk).exists()
    assert Meeting.objects.visible_to(udp_cremonese).filter(pk=cremonese_meeting.pk).exists()
    assert Meeting.objects.visible_to(udp_cremasco).filter(pk=programme_meeting.pk).exists()


def test_partner_referent_sees_own_organisation_and_bodies_it_sits_in(referente):
    organisations = Organisation.objects.visible_to(referente)
    assert list(organisations.values_list("name", flat=True)) == ["Consorzio Arcobaleno"]
    bodies = set(GovernanceBody.objects.visible_to(referente).values_list("code", flat=True))
    assert "coord_cremasco" in bodies
    assert "coord_cremonese" not in bodies


def test_a_user_without_role_sees_nothing(nobody):
    scope = user_scope(nobody)
    assert scope.is_empty
    MeetingFactory()
    for model in (District, Organisation, GovernanceBody, Meeting, Municipality):
        assert model.objects.visible_to(nobody).count() == 0


def test_a_district_role_without_districts_sees_nothing(udp_cremasco):
    udp_cremasco.profile.districts.clear()
    assert District.objects.visible_to(udp_cremasco).count() == 0
    assert GovernanceBody.objects.visible_to(udp_cremasco).count() == 0


def test_identity_permission_is_limited_to_own_district(udp_cremasco, direzione, coordinatore):
    cremasco = District.objects.get(code="cremasco")
    cremonese = District.objects.get(code="cremonese")
    assert user_scope(udp_cremasco).sees_identity_in(cremasco.pk)
    assert not user_scope(udp_cremasco).sees_identity_in(cremonese.pk)
    assert user_scope(coordinatore).sees_identity_in(cremonese.pk)
    assert not user_scope(direzione).sees_identity_in(cremonese.pk)


def test_decisions_follow_their_meeting_scope(udp_cremasco, udp_cremonese):
    decision = DecisionFactory(meeting=MeetingFactory(body=body("coord_cremonese")))
    from governance.models import Decision

    assert not Decision.objects.visible_to(udp_cremasco).filter(pk=decision.pk).exists()
    assert Decision.objects.visible_to(udp_cremonese).filter(pk=decision.pk).exists()
