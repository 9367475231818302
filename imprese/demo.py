"""Synthetic demo data of Action 2/B (seed_wellfare --demo): thirteen company pacts over the three project years.

Registered in governance's demo hooks by `ImpreseConfig.ready()`; runs after the budget demo. Deterministic (fixed
random seed). Demo companies are invented and labelled "[DEMO]" in their notes, as are the pacts. Everything goes
through the real services (stages, trainings, questionnaires, payments), so each payment is an approved expense of
the ledger; where the ledger has no matching line (no budget demo loaded), the pact simply has no payment.

The story follows the seed (2262-2296): 7 companies identified in year 1 and their pacts elaborated in year 2, 5-6
more approached for year 3; about 12 pacts in the triennium.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from governance.enums import OrganisationKind
from governance.models import Action, BudgetLine, District, Organisation, PaymentMapping

from . import services
from .enums import DisseminationKind, FundingSource, PactStage, PartyRole
from .models import (
    AgreedAction,
    DisseminationAction,
    PactParty,
    PattoImpresa,
    QuestionnaireResult,
    QuestionnaireRound,
    Training,
    WelfarePackage,
    WellbeingIndicator,
)

DEMO_LABEL = "[DEMO]"
UDP_USER = {"cremonese": "udp.cremonese", "cremasco": "udp.cremasco", "casalasco": "udp.casalasco"}

# company, district, workers reached, dates of first contact / elaboration / signature / start ("-": not reached),
# final stage and its date
PACTS = [
    ("Salumificio Padano S.r.l.", "cremonese", 85, "2015-09-15 2016-06-20 2016-11-10 2016-12-01", "closed 2018-03-30"),
    ("Officine Meccaniche Soresinesi S.p.A.", "cremonese", 140, "2015-10-05 2016-07-04 2017-01-20 2017-02-15", ""),
    ("Liuteria Cremonese Coop.", "cremonese", 22, "2015-11-12 2016-06-28 2016-12-05 2017-01-10", ""),
    ("Cosmetica Cremasca S.r.l.", "cremasco", 210, "2015-10-20 2016-06-15 2016-10-25 2016-11-20", "closed 2018-04-20"),
    ("Tessitura del Serio S.p.A.", "cremasco", 120, "2016-01-18 2016-09-01 2017-03-08 2017-04-03", ""),
    ("Logistica Pandino S.r.l.", "cremasco", 65, "2016-02-22 2016-09-20 - -", "abandoned 2017-02-10"),
    ("Conserve Casalasche S.r.l.", "casalasco", 95, "2016-03-10 2016-10-03 2017-04-12 2017-05-08", ""),
    ("Latteria Sorgente Coop.", "cremonese", 160, "2017-01-16 2017-06-12 2017-10-18 2017-11-15", ""),
    ("Plastiche Offanengo S.r.l.", "cremasco", 75, "2017-02-06 2017-06-20 2017-11-22 -", ""),
    ("Grafiche Cremasche S.n.c.", "cremasco", 30, "2017-03-14 2017-07-10 2018-01-25 -", ""),
    ("Mobilificio Casalese S.r.l.", "casalasco", 48, "2017-04-03 2017-09-05 2018-02-12 -", ""),
    ("Autotrasporti Vescovato S.r.l.", "cremonese", 55, "2017-07-19 2017-11-08 - -", ""),
    ("Ortofrutta Rivolta S.r.l.", "cremasco", 40, "2018-01-22 - - -", ""),
]


def _dates(text: str) -> list[dt.date | None]:
    return [None if part == "-" else dt.date.fromisoformat(part) for part in text.split()]


PROBLEMS = [
    "Conciliare i turni di lavoro con la cura dei figli piccoli e dei familiari anziani.",
    "Sostenere i lavoratori con carichi di cura verso familiari non autosufficienti.",
    "Favorire l'integrazione dei lavoratori stranieri e delle loro famiglie nel paese.",
    "Ridurre l'isolamento dei lavoratori pendolari e rafforzare i legami con il territorio.",
    "Prevenire il sovraindebitamento delle famiglie dei lavoratori.",
]
ACTIONS = [
    "Sportello aziendale di orientamento ai servizi del territorio",
    "Convenzione con il centro estivo comunale per i figli dei dipendenti",
    "Banca delle ore solidale tra colleghi",
    "Incontri sul bilancio familiare con l'associazione dei consumatori",
    "Trasporto condiviso casa-lavoro con il Comune",
]
INDICATORS = [
    ("Conciliazione vita-lavoro", "Punteggio medio da 1 a 5"),
    ("Clima organizzativo", "Punteggio medio da 1 a 5"),
    ("Stress lavoro-correlato", "Quota di lavoratori che lo segnalano (%)"),
    ("Senso di appartenenza al territorio", "Punteggio medio da 1 a 5"),
]
PACKAGES = [
    ("Pacchetto conciliazione", "Centri estivi comunali, servizi di assistenza domiciliare del Comune"),
    ("Welfare per la famiglia", "Consultorio familiare, sportello lavoro del Piano di Zona, doposcuola"),
    ("Salute e benessere", "Associazioni sportive del paese, screening dell'ATS"),
]
UNIONS = ["Camera del Lavoro Territoriale Cremona", "Ust CISL Asse del Po", "CST UIL"]
TRADE_ASSOCIATIONS = ["CNA Cremona", "ASVICOM", "Confcooperative Cremona"]
TOWN_HALL = {"cremonese": "Comune di Cremona", "cremasco": "Comune di Crema", "casalasco": None}


def seed_imprese_demo(*, stdout) -> None:
    if PattoImpresa.objects.filter(notes__startswith=DEMO_LABEL).exists():
        stdout.write("Patti con le imprese dimostrativi già presenti: nessuna modifica.")
        return
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    districts = {d.code: d for d in District.objects.select_related("lead_organisation")}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=UDP_USER.values())}
    names = [*UNIONS, *TRADE_ASSOCIATIONS, "Comune di Cremona", "Comune di Crema"]
    orgs = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    _payment_mappings(districts)
    paid = skipped = 0
    for index, row in enumerate(PACTS):
        name, code, workers, dates, final_text = row
        contacted, elaboration, signed, started = _dates(dates)
        final = (final_text.split()[0], dt.date.fromisoformat(final_text.split()[1])) if final_text else None
        district = districts[code]
        user = users[UDP_USER[code]]
        company, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": OrganisationKind.COMPANY, "district": district, "notes": f"{DEMO_LABEL} Impresa"},
        )
        pact = services.pact_save(
            pact=PattoImpresa(
                company=company,
                district=district,
                contacted_on=contacted,
                problem=PROBLEMS[index % len(PROBLEMS)] if elaboration else "",
                workers_reached=workers,
                budget_cariplo=Decimal("3500.00"),
                budget_donations=Decimal("3500.00"),
                notes=f"{DEMO_LABEL} Patto dimostrativo.",
            ),
            user=user,
        )
        if elaboration:
            _parties_and_actions(rng, pact, company, code, orgs, user, index)
            services.pact_transition(pact=pact, to_stage=PactStage.ELABORATION, user=user, on_date=elaboration)
        if signed:
            pact = services.pact_transition(pact=pact, to_stage=PactStage.SIGNED, user=user, on_date=signed)
            _wellbeing(rng, pact, user, signed, started)
        if started:
            pact = services.pact_transition(pact=pact, to_stage=PactStage.ACTIVE, user=user, on_date=started)
        if signed:
            ok, ko = _payments(pact, user, signed, final)
            paid, skipped = paid + ok, skipped + ko
        if final:
            stage, day = final
            reason = "L'impresa ha sospeso il progetto per una riorganizzazione." if stage == "abandoned" else ""
            services.pact_transition(pact=pact, to_stage=stage, user=user, on_date=day, reason=reason)
    stdout.write(
        f"Dati dimostrativi Azione 2B: {len(PACTS)} patti con le imprese, {paid} pagamenti"
        f"{f' ({skipped} rifiutati dal servizio: voce di budget mancante)' if skipped else ''}."
    )


def _payment_mappings(districts) -> None:
    """The demo plan keeps Action 2B's contributions with Confcooperative Cremona (a provincial partner), not with
    the districts' lead bodies: record that in the admin-editable payment mapping."""
    holder = Organisation.objects.filter(name="Confcooperative Cremona").first()
    if holder is None or not BudgetLine.objects.of_active_plan().filter(action__code="2B", partner=holder).exists():
        return
    action = Action.objects.get(code="2B")
    for district in districts.values():
        PaymentMapping.objects.get_or_create(
            action=action, district=district, funding_source="", defaults={"partner": holder}
        )


def _parties_and_actions(rng, pact, company, code, orgs, user, index) -> None:
    parties = [
        PactParty(pact=pact, role=PartyRole.OWNERSHIP, organisation=company, name="Amministratore delegato"),
        PactParty(pact=pact, role=PartyRole.WORKERS, organisation=orgs.get(UNIONS[index % 3]), name="RSU aziendale"),
    ]
    town = orgs.get(TOWN_HALL[code]) if TOWN_HALL[code] else None
    local_name = "" if town else "Comune della sede"
    parties.append(PactParty(pact=pact, role=PartyRole.LOCAL_BODY, organisation=town, name=local_name))
    parties.append(PactParty(pact=pact, role=PartyRole.ASSOCIATION, name="Associazione di volontariato del paese"))
    if index % 2 == 0:
        parties.append(
            PactParty(pact=pact, role=PartyRole.TRADE_ASSOCIATION, organisation=orgs.get(TRADE_ASSOCIATIONS[index % 3]))
        )
    for party in parties:
        party.full_clean()
        party._history_user = user
        party.save()
    for description in rng.sample(ACTIONS, k=rng.randint(2, 3)):
        action = AgreedAction(pact=pact, description=description, owner="Gruppo di lavoro del patto")
        action._history_user = user
        action.save()


def _wellbeing(rng, pact, user, signed, started) -> None:
    indicators = [
        services.pact_record_add(pact=pact, record=WellbeingIndicator(name=name, description=how), user=user)
        for name, how in rng.sample(INDICATORS, k=3)
    ]
    services.pact_record_add(
        pact=pact,
        record=Training(
            title="Benessere organizzativo e welfare territoriale",
            date=signed + dt.timedelta(days=20),
            sessions=rng.randint(2, 4),
            union_delegates=rng.randint(2, 6),
            hr_managers=rng.randint(1, 3),
            other_participants=rng.randint(0, 5),
        ),
        user=user,
    )
    rounds = 2 if started and started < dt.date(2017, 6, 1) else 1
    for number in range(rounds):
        distributed = max(10, int(pact.workers_reached * 0.9))
        services.questionnaire_save(
            pact=pact,
            round=QuestionnaireRound(
                date=signed + dt.timedelta(days=40 + 300 * number),
                distributed=distributed,
                returned=int(distributed * rng.uniform(0.45, 0.85)),
                notes="Sintesi dimostrativa dei risultati.",
            ),
            results=[
                QuestionnaireResult(
                    indicator=indicator,
                    value=Decimal(str(round(rng.uniform(2.4, 4.2) + 0.3 * number, 1))),
                    finding="Miglioramento percepito" if number else "Situazione di partenza",
                )
                for indicator in indicators
            ],
            user=user,
        )
    if started:
        title, services_text = rng.choice(PACKAGES)
        services.pact_record_add(
            pact=pact,
            record=WelfarePackage(
                title=title,
                territorial_services=services_text,
                started_on=started,
                beneficiaries=int(pact.workers_reached * rng.uniform(0.2, 0.6)),
            ),
            user=user,
        )
        services.pact_record_add(
            pact=pact,
            record=DisseminationAction(
                date=started + dt.timedelta(days=30),
                kind=rng.choice(DisseminationKind.values),
                title="Presentazione del patto ai lavoratori e al paese",
                audience=rng.randint(30, 150),
            ),
            user=user,
        )


def _payments(pact, user, signed, final) -> tuple[int, int]:
    """A first Cariplo payment after the signature, the donations' share once the donations were raised (year 2 on,
    the demo plan has donation lines from year 2), the balance for the pacts that closed."""
    plan = [(signed + dt.timedelta(days=30), FundingSource.CARIPLO, Decimal("2000.00"), "Primo acconto del patto")]
    donations_day = max(signed + dt.timedelta(days=60), dt.date(2016, 9, 1))
    if donations_day <= dt.date(2018, 5, 7):
        plan.append((donations_day, FundingSource.DONATIONS, Decimal("1500.00"), "Quota donazioni"))
    if final and final[0] == "closed":
        plan.append((final[1] - dt.timedelta(days=5), FundingSource.CARIPLO, Decimal("1500.00"), "Saldo"))
    ok = ko = 0
    for day, source, amount, purpose in plan:
        try:
            services.payment_create(
                pact=pact, date=min(day, dt.date(2018, 5, 7)), amount=amount, funding_source=source, purpose=purpose,
                user=user,
            )  # fmt: skip
            ok += 1
        except ValidationError:
            ko += 1
    return ok, ko
