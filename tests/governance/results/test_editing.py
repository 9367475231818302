"""The Direzione edits targets and enters manual values; bad input is refused in Italian and nothing is saved."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from governance.models import Indicator, ManualValue, ProjectYear, Target
from governance.results import services
from tests.factories import pdf_upload
from tests.governance.results.factories import IndicatorFactory, ManualValueFactory, TargetFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """What the user reads (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def target_post(**overrides):
    data = {"plan_version": "revised", "project_year": "", "district": "", "value": "12", "value_max": "", "source": ""}
    data["source"] = "Verbale della Cabina di Regia del 12/10/2016"
    data.update(overrides)
    return data


def value_post(**overrides):
    data = {
        "project_year": "3",
        "district": "",
        "value": "31.5",
        "measured_on": "2018-04-30",
        "source": "Relazione finale degli Uffici di Piano, aprile 2018",
        "notes": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def indicator():
    return IndicatorFactory()


@pytest.fixture
def share():
    return Indicator.objects.get(code="A1_QUOTA_SUSSIDI")


def test_direzione_creates_a_target_with_its_author_in_history(client_for, direzione, indicator):
    year = ProjectYear.objects.get(number=2)
    response = client_for(direzione).post(
        reverse("governance:target_create", args=[indicator.pk]), target_post(project_year=str(year.number))
    )
    assert response.status_code == 302
    target = Target.objects.get(indicator=indicator)
    assert (target.plan_version, target.project_year, target.value) == ("revised", year, Decimal("12.00"))
    assert target.history.get().history_user == direzione
    assert target.created_by == direzione


def test_direzione_edits_a_seeded_target_and_the_change_is_recorded(client_for, direzione):
    target = Target.objects.get(indicator__code="A1_PATTI", plan_version="revised", project_year__number=3)
    data = target_post(project_year="3", value="120", source=target.source, row_version=str(target.version))
    data["reason"] = "Rimodulazione della Cabina di Regia"
    response = client_for(direzione).post(reverse("governance:target_edit", args=[target.pk]), data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.value == Decimal("120.00") and target.version == 2
    latest = target.history.order_by("-history_id").first()
    assert latest.history_user == direzione and latest.value == Decimal("120.00")
    assert latest.history_change_reason == "Rimodulazione della Cabina di Regia"
    page = text(client_for(direzione).get(reverse("governance:indicator_detail", args=[target.indicator_id])))
    assert "Rimodulazione della Cabina di Regia" in page


@pytest.mark.parametrize("role", ["udp_cremonese", "coordinatore", "fundraising", "amministrazione", "referente"])
def test_only_the_direzione_writes_targets_and_values(client_for, request, role, indicator):
    client = client_for(request.getfixturevalue(role))
    assert client.post(reverse("governance:target_create", args=[indicator.pk]), target_post()).status_code == 403
    assert client.post(reverse("governance:manual_value_create", args=[indicator.pk]), value_post()).status_code == 403
    assert not Target.objects.filter(indicator=indicator).exists()
    assert not ManualValue.objects.filter(indicator=indicator).exists()
    with pytest.raises(PermissionDenied):
        services.target_save(
            indicator=indicator, plan_version="original", project_year=None, district=None, value=Decimal("1"),
            source="x", user=request.getfixturevalue(role),
        )  # fmt: skip


# --- bad input: the form says it, the service refuses it, the database refuses it ---------------------------------


def test_target_for_a_year_outside_the_project_is_refused(client_for, direzione, indicator):
    response = client_for(direzione).post(
        reverse("governance:target_create", args=[indicator.pk]), target_post(project_year="7")
    )
    assert response.status_code == 200
    assert "non è un anno del progetto" in text(response)
    assert not Target.objects.filter(indicator=indicator).exists()
    phantom = ProjectYear(pk=987654, number=7, start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))
    with pytest.raises(ValidationError):
        services.target_save(
            indicator=indicator, plan_version="original", project_year=phantom, district=None, value=Decimal("5"),
            source="fonte", user=direzione,
        )  # fmt: skip
    assert not Target.objects.filter(indicator=indicator).exists()


def test_negative_target_is_refused_by_form_service_and_database(client_for, direzione, indicator):
    response = client_for(direzione).post(
        reverse("governance:target_create", args=[indicator.pk]), target_post(value="-3")
    )
    assert "Un obiettivo non può essere negativo." in text(response)
    with pytest.raises(ValidationError) as refused:
        services.target_save(
            indicator=indicator, plan_version="original", project_year=None, district=None, value=Decimal("-3"),
            source="fonte", user=direzione,
        )  # fmt: skip
    assert "Un obiettivo non può essere negativo." in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indicator=indicator, plan_version="original", value=Decimal("-3"), source="fonte")
    assert not Target.objects.filter(indicator=indicator).exists()


def test_duplicate_target_for_same_indicator_year_district_and_version_is_refused(client_for, direzione):
    indicator = Indicator.objects.get(code="A1_PATTI")
    before = Target.objects.filter(indicator=indicator).count()
    # The whole triennium and programme (NULL year and district) already has a revised target: 284.
    response = client_for(direzione).post(reverse("governance:target_create", args=[indicator.pk]), target_post())
    assert "Esiste già un obiettivo di questa versione" in text(response)
    response = client_for(direzione).post(
        reverse("governance:target_create", args=[indicator.pk]), target_post(project_year="2")
    )
    assert "Esiste già un obiettivo di questa versione" in text(response)
    with pytest.raises(ValidationError) as refused:
        services.target_save(
            indicator=indicator, plan_version="revised", project_year=None, district=None, value=Decimal("1"),
            source="fonte", user=direzione,
        )  # fmt: skip
    assert "Esiste già un obiettivo" in str(refused.value)
    for year in (None, ProjectYear.objects.get(number=2)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Target.objects.create(
                indicator=indicator, plan_version="revised", project_year=year, value=Decimal("1"), source="fonte"
            )
    assert Target.objects.filter(indicator=indicator).count() == before


def test_duplicate_district_targets_are_refused_by_the_database_with_or_without_a_year():
    indicator = Indicator.objects.get(code="A2A_LAB_ATTIVATI")
    seeded = Target.objects.get(
        indicator=indicator, plan_version="revised", project_year__number=2, district__code="casalasco"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(
            indicator=indicator, plan_version="revised", project_year=seeded.project_year, district=seeded.district,
            value=Decimal("3"), source="fonte",
        )  # fmt: skip
    TargetFactory(indicator=indicator, plan_version="revised", district=seeded.district, project_year=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(indicator=indicator, plan_version="revised", district=seeded.district, project_year=None)


def test_the_same_year_and_district_in_the_other_version_is_fine(direzione):
    indicator = Indicator.objects.get(code="A1_PATTI")
    target = services.target_save(
        indicator=indicator, plan_version="original", project_year=ProjectYear.objects.get(number=2), district=None,
        value=Decimal("83"), source="Studio di fattibilità 2015 (ipotesi)", user=direzione,
    )  # fmt: skip
    assert target.pk


def test_range_maximum_below_the_value_is_refused(client_for, direzione, indicator):
    response = client_for(direzione).post(
        reverse("governance:target_create", args=[indicator.pk]), target_post(value="10", value_max="8")
    )
    assert "Il valore massimo dell'intervallo non può essere minore del valore." in text(response)
    assert not Target.objects.filter(indicator=indicator).exists()


def test_manual_value_without_a_source_is_refused_by_form_and_database(client_for, direzione, share):
    response = client_for(direzione).post(
        reverse("governance:manual_value_create", args=[share.pk]), value_post(source="  ")
    )
    assert response.status_code == 200
    assert "Indicare il documento di fonte del valore" in text(response)
    with pytest.raises(ValidationError):
        services.manual_value_save(
            indicator=share, project_year=None, district=None, value=Decimal("30"), measured_on=dt.date(2018, 4, 30),
            source="", user=direzione,
        )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        ManualValue.objects.create(indicator=share, value=Decimal("30"), measured_on=dt.date(2018, 4, 30), source="")
    assert not ManualValue.objects.filter(indicator=share).exists()


def test_manual_value_with_source_and_document_is_recorded(client_for, direzione, share, media_root):
    data = value_post()
    data["document"] = pdf_upload("relazione.pdf")
    response = client_for(direzione).post(reverse("governance:manual_value_create", args=[share.pk]), data)
    assert response.status_code == 302
    value = ManualValue.objects.get(indicator=share)
    assert value.value == Decimal("31.50") and value.entered_by == direzione and value.document
    assert value.history.get().history_user == direzione
    page = text(client_for(direzione).get(reverse("governance:indicator_detail", args=[share.pk])))
    assert "Relazione finale degli Uffici di Piano" in page and "31,5" in page


def test_manual_percentage_above_100_and_negative_values_are_refused(client_for, direzione, share):
    client = client_for(direzione)
    url = reverse("governance:manual_value_create", args=[share.pk])
    assert "Una percentuale non può superare 100." in text(client.post(url, value_post(value="130")))
    assert "non può essere negativo" in text(client.post(url, value_post(value="-1")))
    with pytest.raises(IntegrityError), transaction.atomic():
        ManualValueFactory(indicator=share, value=Decimal("-1"))
    assert not ManualValue.objects.filter(indicator=share).exists()


def test_no_manual_value_for_an_indicator_an_app_computes(client_for, direzione):
    pacts = Indicator.objects.get(code="A1_PATTI")
    response = client_for(direzione).post(reverse("governance:manual_value_create", args=[pacts.pk]), value_post())
    assert "è calcolato dai dati dell'applicazione" in text(response)
    assert not ManualValue.objects.filter(indicator=pacts).exists()


def test_stale_edit_is_refused_and_changes_nothing(client_for, direzione, indicator):
    target = TargetFactory(indicator=indicator)
    target.version = 2  # someone else saved meanwhile
    target.save()
    response = client_for(direzione).post(
        reverse("governance:target_edit", args=[target.pk]),
        target_post(plan_version="original", value="99", source=target.source, row_version="1"),
    )
    assert response.status_code == 200
    assert "un'altra persona ha modificato" in text(response)
    target.refresh_from_db()
    assert target.value == Decimal("10.00")


def test_a_source_document_that_is_not_a_document_is_refused(client_for, direzione, share, media_root):
    data = value_post()
    data["document"] = SimpleUploadedFile("relazione.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(direzione).post(reverse("governance:manual_value_create", args=[share.pk]), data)
    assert response.status_code == 200
    assert "non corrisponde a un documento PDF valido" in text(response)
    assert not ManualValue.objects.filter(indicator=share).exists()
