"""factory_boy factories named after the domain."""

import datetime as dt

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.enums import AttendanceStatus, DecisionStatus, OrganisationKind
from governance.models import (
    Attendance,
    BodyMember,
    Decision,
    GovernanceBody,
    Meeting,
    MeetingAttachment,
    Organisation,
)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name="verbale.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Associazione di prova {n}")
    kind = OrganisationKind.ASSOCIATION
    is_member = True


class GovernanceBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernanceBody

    code = factory.Sequence(lambda n: f"organismo-{n}")
    name = factory.Sequence(lambda n: f"Organismo di prova {n}")
    meetings_per_year = 6


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMember

    body = factory.SubFactory(GovernanceBodyFactory)
    name = factory.Sequence(lambda n: f"Componente {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.LazyFunction(lambda: GovernanceBody.objects.get(code="coord_cremonese"))
    date = dt.date(2016, 10, 12)
    place = "Cremona, Palazzo Comunale"
    agenda = "1. Avanzamento delle azioni"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    status = AttendanceStatus.PRESENT


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Decisione di prova {n}")
    owner = "Ufficio di Piano"
    due_date = dt.date(2016, 12, 31)
    status = DecisionStatus.OPEN


class MeetingAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAttachment

    meeting = factory.SubFactory(MeetingFactory)
    title = "Verbale firmato"
    file = factory.LazyFunction(pdf_upload)
    signed_minutes = True
