"""Synthetic demo data of Action 1 (seed_wellfare --demo): about 280 pacts across three districts and three years.

Registered in governance's demo hooks by `PattiConfig.ready()`. Deterministic (fixed random seed); households are
marked "[DEMO]" in their notes, names and tax codes are invented. Disbursements go through the real service, so
each one is an approved expense of the budget ledger; where the ledger has no matching line (no budget demo
loaded), the pact simply has no disbursement.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from stdnum.it import codicefiscale

from governance.models import Action, BudgetLine, District, Organisation, PaymentMapping, ProjectYear

from .. import services
from ..enums import (
    Citizenship,
    CommitmentKind,
    CommitmentStatus,
    EmploymentStatus,
    FundingSource,
    PattoKind,
    PattoStatus,
    PromoterType,
    Sex,
    TargetGroup,
)
from ..models import (
    Assessment,
    Commitment,
    EquipeMember,
    Household,
    Patto,
    summary_rebuild,
)
from ..models.households import new_household_code
from .empowerment import seed_empowerment, seed_enterprise
from .places import DEMO_LABEL, TOWNS

# Signed pacts per project year close to the targets (32 / 134 / 118) and a few drafts at the end of year 3.
SIGNED_PER_YEAR = {1: 30, 2: 130, 3: 112}
DRAFTS = 9
DISTRICT_SHARE = [("cremonese", 0.45), ("cremasco", 0.40), ("casalasco", 0.15)]
FIRST_NAMES = {
    "F": ["Giulia", "Francesca", "Sara", "Elena", "Fatima", "Ioana", "Chiara", "Marta", "Amina", "Paola"],
    "M": ["Marco", "Luca", "Andrea", "Giuseppe", "Ahmed", "Mihai", "Paolo", "Stefano", "Davide", "Omar"],
}
LAST_NAMES = ["Rossi", "Bianchi", "Ferrari", "Galli", "Bosio", "Cavalli", "Lodigiani", "Popescu", "El Amrani", "Zanoni"]
OBJECTIVES = {
    PattoKind.AUTONOMIA: [
        "Avvicinamento al mercato del lavoro attraverso un percorso di apprendimento in un'azienda del territorio.",
        "Conseguire una qualifica professionale e costruire un curriculum spendibile.",
        "Rafforzare l'autonomia economica del nucleo con un'occupazione stabile.",
    ],
    PattoKind.INCLUSIONE: [
        "Ricostruire una rete di relazioni nel quartiere e ridurre l'isolamento del nucleo.",
        "Sostenere le responsabilità genitoriali e l'organizzazione dei tempi di cura dei figli minori.",
        "Stabilizzare la situazione abitativa e la gestione del bilancio familiare.",
    ],
}
COMMITMENTS = {
    CommitmentKind.COMMUNITY: [
        ("Collaborazione alla cena di strada del laboratorio di comunità", "Laboratorio di comunità"),
        ("Volontariato nella distribuzione alimentare", "Associazione di volontariato"),
        ("Cura del verde del cortile condominiale", "Condominio ALER"),
    ],
    CommitmentKind.FAMILY: [
        ("Accompagnare i figli alle attività del civic center", ""),
        ("Partecipare agli incontri con la scuola", ""),
    ],
    CommitmentKind.HOME: [("Tenere in ordine l'alloggio e pagare con regolarità le utenze", "")],
}
PURPOSES = [
    "Contributo per il canone di locazione",
    "Corso di formazione professionale",
    "Abbonamento ai trasporti",
    "Retta del centro estivo dei figli",
    "Utenze domestiche",
    "Attrezzatura per il tirocinio",
]


def seed_patti_demo(*, stdout) -> None:
    if Household.objects.filter(notes__startswith=DEMO_LABEL).exists():
        stdout.write("Patti dimostrativi già presenti: nessuna modifica.")
        return
    rng = random.Random(2017)  # noqa: S311 - demo data, not security
    years = list(ProjectYear.objects.order_by("number"))
    districts = {d.code: d for d in District.objects.select_related("lead_organisation")}
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["coordinatore", "udp.cremonese", "udp.cremasco", "udp.casalasco"]
        )
    }
    # Each district's payments are made by its own Ufficio di Piano (the service checks the role on the pact).
    writers = {code: users.get(f"udp.{code}") for code in districts}
    orgs_by_district = {
        code: list(Organisation.objects.filter(district=d)) or [d.lead_organisation] for code, d in districts.items()
    }
    _ledger_mappings(districts)
    plan = _plan(rng, years)
    households, patti = [], []
    for entry in plan:
        households.append(_household(rng, districts[entry[0]]))
    households = bulk_create_with_history(households, Household, batch_size=500)
    for household, (district_code, signed_on, status, kind) in zip(households, plan, strict=True):
        patti.append(_patto(rng, household, districts[district_code], signed_on, status, kind, orgs_by_district, years))
    # Closed pacts are created running, paid through the service, then closed (the history shows both steps).
    final = {}
    for patto in patti:
        if patto.status in (PattoStatus.CONCLUSO, PattoStatus.INTERROTTO):
            final[patto.household.code] = (patto.status, patto.closed_on, patto.interruption_reason)
            patto.status, patto.closed_on, patto.interruption_reason = PattoStatus.ATTIVO, None, ""
    patti = bulk_create_with_history(patti, Patto, batch_size=500)
    paid, skipped = _disbursements(rng, patti, writers, final, years[-1].end)
    closing = [p for p in patti if p.household.code in final]
    for patto in closing:
        patto.status, patto.closed_on, patto.interruption_reason = final[patto.household.code]
    bulk_update_with_history(
        closing, Patto, ["status", "closed_on", "interruption_reason"], batch_size=500, default_change_reason="Stato"
    )
    _equipe_and_commitments(rng, patti, users)
    _assessments(rng, patti, years[-1].end)
    paths, hosts, placements = seed_empowerment(rng, patti, districts, years)
    calls, ideas = seed_enterprise(rng, patti, districts, years)
    stdout.write(
        f"Dati dimostrativi Azione 1: {len(patti)} patti, {paid} erogazioni"
        f"{f' ({skipped} rifiutate dal servizio: voce di budget mancante)' if skipped else ''}, "
        f"{paths} percorsi, {hosts} aziende in salute, {placements} inserimenti, {calls} bandi, {ideas} idee."
    )


def _ledger_mappings(districts) -> None:
    """Where the plan puts a district's Action 1 contributions on another partner of the district than its lead
    body (Cremasco: Comunità Sociale Cremasca for Comune di Crema), record that in the admin-editable mapping."""
    lines = BudgetLine.objects.of_active_plan().filter(action__code="1", category="contributions")
    for district in districts.values():
        if lines.filter(partner=district.lead_organisation).exists():
            continue
        other = lines.filter(partner__district=district).select_related("partner").first()
        if other is not None:
            PaymentMapping.objects.get_or_create(
                action=Action.objects.get(code="1"), district=district, funding_source="",
                defaults={"partner": other.partner},
            )  # fmt: skip


def _plan(rng, years) -> list[tuple]:
    entries = []
    for year in years:
        span = (year.end - year.start).days
        for _ in range(SIGNED_PER_YEAR.get(year.number, 0)):
            signed_on = year.start + dt.timedelta(days=rng.randint(10, span - 5))
            entries.append((_district(rng), signed_on, None, _kind(rng)))
    for _ in range(DRAFTS):
        entries.append((_district(rng), None, PattoStatus.BOZZA, _kind(rng)))
    return entries


def _district(rng) -> str:
    roll, total = rng.random(), 0.0
    for code, share in DISTRICT_SHARE:
        total += share
        if roll < total:
            return code
    return DISTRICT_SHARE[-1][0]


def _kind(rng):
    return PattoKind.AUTONOMIA if rng.random() < 0.45 else PattoKind.INCLUSIONE


def _tax_code(rng, last: str, first: str, sex: str, birth: dt.date) -> str:
    def letters(name: str) -> str:
        clean = "".join(c for c in name.upper() if c.isalpha())
        consonants = [c for c in clean if c not in "AEIOU"]
        vowels = [c for c in clean if c in "AEIOU"]
        return "".join(consonants + vowels + ["X", "X", "X"])[:3]

    day = birth.day + (40 if sex == "F" else 0)
    body = f"{letters(last)}{letters(first)}{birth:%y}{'ABCDEHLMPRST'[birth.month - 1]}{day:02d}D150"
    return body + codicefiscale.calc_check_digit(body)


def _household(rng, district) -> Household:
    sex = rng.choice([Sex.FEMALE, Sex.MALE])
    first, last = rng.choice(FIRST_NAMES[sex]), rng.choice(LAST_NAMES)
    birth = dt.date(rng.randint(1950, 1997), rng.randint(1, 12), rng.randint(1, 28))
    minors = rng.choice([0, 0, 1, 1, 2, 3])
    return Household(
        code=new_household_code(district),
        district=district,
        first_name=first,
        last_name=last,
        tax_code=_tax_code(rng, last, first, sex, birth),
        birth_date=birth,
        sex=sex,
        phone=f"+39 3{rng.randint(10, 99)} {rng.randint(1000000, 9999999)}",
        email=f"{first.lower()}.{last.lower().replace(' ', '')}@example.invalid",
        address=f"Via Roma {rng.randint(1, 120)}, {rng.choice(TOWNS[district.code])}",
        adults=rng.choice([1, 1, 2, 2, 3]),
        minors=minors,
        citizenship=Citizenship.FOREIGN if rng.random() < 0.3 else Citizenship.ITALIAN,
        employment_status=rng.choice(list(EmploymentStatus)),
        vulnerable_social_ties=rng.random() < 0.6,
        vulnerable_family=minors > 0 or rng.random() < 0.3,
        vulnerable_housing=rng.random() < 0.4,
        vulnerable_work=rng.random() < 0.7,
        target_group=TargetGroup.CARE_LOADS if minors else rng.choice(list(TargetGroup)),
        reached_through=rng.choice(list(PromoterType)),
        notes=f"{DEMO_LABEL} Dati sintetici a scopo dimostrativo.",
    )


def _patto(rng, household, district, signed_on, status, kind, orgs_by_district, years) -> Patto:
    last_day = years[-1].end
    cariplo = Decimal(rng.randrange(600, 1450, 50))
    cofinancing = Decimal(rng.randrange(0, 600, 50)) if rng.random() < 0.7 else Decimal("0")
    if signed_on is None:
        opened_on = last_day - dt.timedelta(days=rng.randint(5, 60))
        start_on = closed_on = None
        reason = ""
    else:
        opened_on = signed_on - dt.timedelta(days=rng.randint(10, 45))
        start_on = signed_on + dt.timedelta(days=rng.randint(3, 20))
        age = (last_day - signed_on).days
        closed_on, reason = None, ""
        if start_on > last_day:
            status, start_on = PattoStatus.SOTTOSCRITTO, None
        elif age > 365 or (age > 200 and rng.random() < 0.4):
            status = PattoStatus.INTERROTTO if rng.random() < 0.12 else PattoStatus.CONCLUSO
            closed_on = min(start_on + dt.timedelta(days=rng.randint(180, 360)), last_day)
            if status == PattoStatus.INTERROTTO:
                reason = rng.choice(["Trasferimento del nucleo fuori ambito", "Il beneficiario ha rinunciato al patto"])
        else:
            status = PattoStatus.ATTIVO
    day = signed_on or opened_on
    year = next((y for y in years if y.start <= day <= y.end), None)
    promoter_type = rng.choice(list(PromoterType))
    return Patto(
        kind=kind,
        household=household,
        district=district,
        project_year=year,
        promoter_organisation=rng.choice(orgs_by_district[district.code]),
        promoter_type=promoter_type,
        objectives=rng.choice(OBJECTIVES[kind]),
        protection_personal="Motivazione al cambiamento; competenze manuali; rete amicale.",
        protection_community="Parrocchia e associazioni del quartiere; laboratorio di comunità attivo nel comune.",
        support_actions="Colloqui periodici con l'assistente sociale; orientamento al lavoro; tutoring.",
        resources="Budget di welfare personale; ore di tutoring dell'équipe; rete del volontariato.",
        pip_text="Piano di intervento personalizzato concordato con l'équipe (dati dimostrativi).",
        budget_cariplo=cariplo,
        budget_cofinancing=cofinancing,
        opened_on=opened_on,
        signed_on=signed_on,
        start_on=start_on,
        planned_end_on=(start_on or opened_on) + dt.timedelta(days=365),
        closed_on=closed_on,
        status=status,
        interruption_reason=reason,
    )


def _equipe_and_commitments(rng, patti, users) -> None:
    equipe, commitments = [], []
    for patto in patti:
        coordinator = users.get("coordinatore") if patto.district.code == "cremonese" else None
        equipe.append(
            EquipeMember(
                patto=patto,
                user=coordinator,
                name="" if coordinator else f"Coordinatore équipe {patto.district.name}",
                organisation=patto.district.lead_organisation,
                role="Coordinatore dell'équipe",
                is_coordinator=True,
            )
        )
        equipe.append(
            EquipeMember(
                patto=patto,
                name=rng.choice(["Assistente sociale", "Operatore del servizio lavoro", "Educatore"]),
                organisation=patto.promoter_organisation,
                role="Operatore",
            )
        )
        for kind in rng.sample(list(CommitmentKind), k=rng.randint(1, 3)):
            description, place = rng.choice(COMMITMENTS[kind])
            status = CommitmentStatus.PLANNED
            if patto.status in (PattoStatus.ATTIVO, PattoStatus.CONCLUSO):
                status = rng.choice([CommitmentStatus.IN_PROGRESS, CommitmentStatus.FULFILLED])
            elif patto.status == PattoStatus.INTERROTTO:
                status = CommitmentStatus.NOT_FULFILLED
            commitments.append(
                Commitment(
                    patto=patto,
                    kind=kind,
                    description=description,
                    status=status,
                    hours=rng.choice([20, 30, 40, 60]) if kind == CommitmentKind.COMMUNITY else None,
                    place=place if kind == CommitmentKind.COMMUNITY else "",
                )
            )
    bulk_create_with_history(equipe, EquipeMember, batch_size=1000)
    bulk_create_with_history(commitments, Commitment, batch_size=1000)


def _assessments(rng, patti, last_day) -> None:
    rows = []
    for patto in patti:
        if not patto.start_on:
            continue
        end = patto.closed_on or last_day
        scores = {d: rng.randint(1, 3) for d in ("dynamism", "resilience", "incisiveness", "planning")}
        day = patto.start_on + dt.timedelta(days=rng.randint(10, 40))
        skip_recent = patto.status == PattoStatus.ATTIVO and rng.random() < 0.15
        while day <= end:
            if skip_recent and (last_day - day).days < 200:
                break
            rows.append(Assessment(patto=patto, date=day, notes="", **scores))
            falling = rng.random() < 0.12
            for dim in scores:
                step = rng.choice([-1, 0]) if falling else rng.choice([0, 0, 1, 1, -1])
                scores[dim] = min(5, max(1, scores[dim] + step))
            day += dt.timedelta(days=rng.randint(100, 150))
    bulk_create_with_history(rows, Assessment, batch_size=1000)
    summary_rebuild(Patto.objects.filter(pk__in=[patto.pk for patto in patti]))


def _disbursements(rng, patti, writers, final, last_day) -> tuple[int, int]:
    paid = skipped = 0
    for patto in patti:
        user = writers.get(patto.district.code)
        if patto.signed_on is None or user is None:
            continue
        closed_on = final.get(patto.household.code, (None, None))[1]
        end = min(closed_on or last_day, last_day)
        for source in (FundingSource.CARIPLO, FundingSource.COFINANCING):
            share = patto.budget_for(source)
            if not share:
                continue
            parts = rng.randint(1, 3)
            amount = (share / parts).quantize(Decimal("1.00"), rounding=ROUND_DOWN)
            if patto.household.code not in final:
                parts = max(1, parts - 1)  # running pacts have budget left
            for i in range(parts):
                span = max((end - patto.signed_on).days, 1)
                day = patto.signed_on + dt.timedelta(days=span * (i + 1) // (parts + 1))
                try:
                    services.disbursement_create(
                        patto=patto,
                        date=day,
                        amount=amount,
                        purpose=rng.choice(PURPOSES),
                        funding_source=source,
                        user=user,
                    )
                    paid += 1
                except ValidationError:
                    skipped += 1
    return paid, skipped
