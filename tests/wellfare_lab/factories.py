"""Factories of Action 4, named after the domain."""

import datetime as dt
from decimal import Decimal

import factory

from governance.models import District
from wellfare_lab.enums import LabLevel, LabTheme, ManifestoStatus, ParticipantCategory, SessionKind
from wellfare_lab.models import Attendance, ManifestoVersion, Participant, Session, TrainingLab


class TrainingLabFactory(factory.django.DjangoModelFactory):
    """A district lab of the Cremonese by default; `provincial_lab()` for the Direzione's."""

    class Meta:
        model = TrainingLab

    title = factory.Sequence(lambda n: f"Laboratorio formativo {n}")
    theme = LabTheme.GENERATIVE_MODEL
    level = LabLevel.DISTRICT
    district = factory.LazyFunction(lambda: District.objects.get(code="cremonese"))
    start_on = dt.date(2016, 9, 1)
    end_on = dt.date(2017, 5, 31)


def provincial_lab(**kwargs):
    return TrainingLabFactory(level=LabLevel.PROVINCIAL, district=None, **kwargs)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    lab = factory.SubFactory(TrainingLabFactory)
    date = factory.Sequence(lambda n: dt.date(2016, 10, 1) + dt.timedelta(days=n % 200))
    kind = SessionKind.TRAINING
    hours = Decimal("3.0")
    place = "Cremona"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    lab = factory.SubFactory(TrainingLabFactory)
    full_name = factory.Sequence(lambda n: f"Persona Di Prova {n}")
    category = ParticipantCategory.SOCIAL_WORKER


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    participant = factory.LazyAttribute(lambda o: ParticipantFactory(lab=o.session.lab))


class ManifestoVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManifestoVersion

    number = factory.Sequence(lambda n: n + 1)
    status = ManifestoStatus.DRAFT
    date = dt.date(2017, 5, 1)
    text = "Bozza del Manifesto"
