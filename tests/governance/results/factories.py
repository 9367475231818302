"""factory_boy factories of the results framework."""

import datetime as dt
from decimal import Decimal

import factory

from governance.models import Action, Indicator, ManualValue, Measurement, Target, TargetVersion, Unit


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator of Action 1 that no app computes (codes outside the programme's list)."""

    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"TEST_INDICATORE_{n}")
    action = factory.LazyFunction(lambda: Action.objects.get(code="1"))
    name = factory.Sequence(lambda n: f"Indicatore di prova {n}")
    unit = Unit.NUMBER
    measurement = Measurement.MANUAL
    description = "Indicatore creato dai test."


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    plan_version = TargetVersion.ORIGINAL
    value = Decimal("10.00")
    source = "Studio di fattibilità 2015, seed 1-2."


class ManualValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManualValue

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal("12.00")
    measured_on = dt.date(2017, 6, 30)
    source = "Relazione dell'Ufficio di Piano, giugno 2017"
