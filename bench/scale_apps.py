"""The other actions at scale: community labs, company pacts, civic centers, training labs, donors and donations.

`records` is the size of each app's main list (labs, company pacts, civic centers, training labs); each record gets
a few children (a lab's meetings and self-assessment, a center's activities with their enrolments, a training lab's
sessions and participants). Rows respect every CheckConstraint of the models (dates in order, ceilings, a signed
record has its date, a provincial training lab has no district…).
"""

from __future__ import annotations

from django.apps import apps

from .series import add_days, choose, day, insert_select, insert_series, next_id, pick, series

MEETINGS_PER_LAB = 3
ACTIVITIES_PER_CENTER = 2
SESSIONS_PER_TRAINING_LAB = 3
PARTICIPANTS_PER_TRAINING_LAB = 5
DONATIONS_PER_DONOR = 5


def reference():
    """Ids of the reference data the rows point to (seeded by `seed_wellfare`)."""
    from governance.models import District, Organisation, ProjectYear

    years = list(ProjectYear.objects.order_by("start"))
    return {
        "years": years,
        "districts": list(District.objects.order_by("pk").values_list("pk", flat=True)),
        "partners": list(Organisation.objects.filter(is_partner=True).order_by("pk").values_list("pk", flat=True)),
        "organisations": list(Organisation.objects.order_by("pk").values_list("pk", flat=True)),
        "companies": kinds("company"),
        "implementers": kinds("public_body", "special_agency", "consortium"),  # laboratori IMPLEMENTING_KINDS
    }


def kinds(*values) -> list[int]:
    from governance.models import Organisation

    found = list(Organisation.objects.filter(kind__in=values).order_by("pk").values_list("pk", flat=True))
    if not found:
        raise ValueError(f"No organisation of kind {values}: load the reference data (seed_wellfare) first.")
    return found


def children(model, parent_model, per_parent: int, first_parent: int, columns: dict[str, str]) -> int:
    """`per_parent` rows of `model` for each parent row above id `first_parent` (p.* and s.g in `columns`)."""
    source = f"{parent_model._meta.db_table} p CROSS JOIN {series(per_parent)}"
    return insert_select(model, columns, source, where=f"p.id > {first_parent}")


def generate_labs(*, records: int, ref) -> dict[str, int]:
    Laboratorio = apps.get_model("laboratori", "Laboratorio")
    years = ref["years"]
    first = next_id(Laboratorio)
    status = pick(["starting", "active", "autonomous", "closed"], "g / 3")
    activated = choose([day(y.start, "g % 200") for y in years])
    insert_series(
        Laboratorio,
        records,
        {
            "id": f"{first} + g",
            "name": f"'[BENCH] Laboratorio ' || CAST({first} + g AS TEXT)",
            "district_id": pick(ref["districts"]),
            "area": "'Area sintetica'",
            "activation_year_id": pick([y.pk for y in years]),
            "activation_year_number": pick([y.number for y in years]),
            "status": status,
            "activated_on": f"(CASE WHEN {status} = 'starting' THEN NULL ELSE {activated} END)",
            "closed_on": f"(CASE WHEN {status} = 'closed' THEN {add_days(activated, '300')} END)",
            "implementing_body_id": pick(ref["implementers"]),
            "generating_theme": "'Tema generatore sintetico'",
            "budget": "(5000 + (g % 50) * 100)",
        },
    )
    meetings = children(
        apps.get_model("laboratori", "LabMeeting"),
        Laboratorio,
        MEETINGS_PER_LAB,
        first,
        {
            "lab_id": "p.id",
            "date": day(years[0].start, f"(p.id * 37 + s.g * 101) % {(years[-1].end - years[0].start).days}"),
            "kind": pick(["assembly", "working_group", "public_event", "restitution"], "p.id + s.g"),
            "title": "'[BENCH] Incontro'",
            "people": "(p.id + s.g) % 40",
            "households": "(p.id + s.g) % 12",
        },
    )
    assessments = children(
        apps.get_model("laboratori", "SelfAssessment"),
        Laboratorio,
        1,
        first,
        {
            "lab_id": "p.id",
            "date": day(years[-1].start, "p.id % 300"),
            "pr": "1 + p.id % 5",
            "re": "1 + (p.id + 1) % 5",
            "ri": "1 + (p.id + 2) % 5",
        },
    )
    return {"labs": records, "lab_meetings": meetings, "lab_assessments": assessments}


def generate_company_pacts(*, records: int, ref) -> dict[str, int]:
    PattoImpresa = apps.get_model("imprese", "PattoImpresa")
    years = ref["years"]
    span = (years[-1].end - years[0].start).days - 120
    stage = pick(["contact", "elaboration", "signed", "active", "closed", "abandoned"])
    contacted = day(years[0].start, f"(g * 13) % {span}")
    signed_stages = "('signed', 'active', 'closed')"
    insert_series(
        PattoImpresa,
        records,
        {
            "company_id": pick(ref["companies"], "g / 6"),
            "district_id": pick(ref["districts"], "g / 2"),
            "stage": stage,
            "contacted_on": contacted,
            "elaboration_on": f"(CASE WHEN {stage} = 'contact' THEN NULL ELSE {add_days(contacted, '20')} END)",
            "signed_on": f"(CASE WHEN {stage} IN {signed_stages} THEN {add_days(contacted, '60')} END)",
            "started_on": f"(CASE WHEN {stage} IN ('active', 'closed') THEN {add_days(contacted, '70')} END)",
            "closed_on": f"(CASE WHEN {stage} = 'closed' THEN {add_days(contacted, '110')} END)",
            "abandoned_on": f"(CASE WHEN {stage} = 'abandoned' THEN {add_days(contacted, '30')} END)",
            "abandon_reason": f"(CASE WHEN {stage} = 'abandoned' THEN '[BENCH] rinuncia' ELSE '' END)",
            "problem": "'[BENCH] conciliazione dei tempi'",
            "workers_reached": "g % 80",
            "budget_cariplo": "(1000 + (g % 25) * 100)",
            "budget_donations": "(g % 30) * 100",
        },
    )
    return {"company_pacts": records}


def generate_civic_centers(*, records: int, ref) -> dict[str, int]:
    CivicCenter = apps.get_model("civic_center", "CivicCenter")
    years = ref["years"]
    first = next_id(CivicCenter)
    status = pick(["planned", "active", "suspended", "closed"], "g / 3")
    activated = choose([day(y.start, "g % 200") for y in years])
    insert_series(
        CivicCenter,
        records,
        {
            "id": f"{first} + g",
            "name": f"'[BENCH] Civic center ' || CAST({first} + g AS TEXT)",
            "host_organisation_id": pick(ref["organisations"]),
            "address": "'Via sintetica 1'",
            "district_id": pick(ref["districts"]),
            "status": status,
            "activated_on": f"(CASE WHEN {status} = 'planned' THEN NULL ELSE {activated} END)",
            "activation_year_id": f"(CASE WHEN {status} = 'planned' THEN NULL ELSE {pick([y.pk for y in years])} END)",
        },
    )
    activities = children(
        apps.get_model("civic_center", "Activity"),
        CivicCenter,
        ACTIVITIES_PER_CENTER,
        first,
        {
            "civic_center_id": "p.id",
            "title": "'[BENCH] Corso ' || CAST(s.g AS TEXT)",
            "promoter_id": pick(ref["organisations"], "p.id + s.g"),
            "category": pick(["music", "languages", "sport", "art", "culture", "study_support"], "p.id + s.g"),
            "audience": pick(["pupils", "adults", "families", "everyone"], "p.id"),
            "start_on": day(years[1].start, "(p.id + s.g) % 300"),
            "capacity": "25",
            "enrolments": "(p.id * 7 + s.g) % 26",
            "households": "(p.id + s.g) % 20",
        },
    )
    return {"civic_centers": records, "civic_activities": activities}


def generate_training_labs(*, records: int, ref) -> dict[str, int]:
    TrainingLab = apps.get_model("wellfare_lab", "TrainingLab")
    years = ref["years"]
    first = next_id(TrainingLab)
    level = pick(["territorial", "district", "provincial"])
    insert_series(
        TrainingLab,
        records,
        {
            "id": f"{first} + g",
            "title": f"'[BENCH] Laboratorio formativo ' || CAST({first} + g AS TEXT)",
            "level": level,
            "district_id": f"(CASE WHEN {level} = 'provincial' THEN NULL ELSE {pick(ref['districts'], 'g / 3')} END)",
            "start_on": day(years[0].start, f"g % {(years[-1].end - years[0].start).days - 30}"),
        },
    )
    sessions = children(
        apps.get_model("wellfare_lab", "Session"),
        TrainingLab,
        SESSIONS_PER_TRAINING_LAB,
        first,
        {"lab_id": "p.id", "date": add_days("p.start_on", "7 * s.g"), "hours": "3", "place": "'Cremona'"},
    )
    participants = children(
        apps.get_model("wellfare_lab", "Participant"),
        TrainingLab,
        PARTICIPANTS_PER_TRAINING_LAB,
        first,
        {"lab_id": "p.id", "full_name": "'Partecipante ' || CAST(p.id AS TEXT) || '-' || CAST(s.g AS TEXT)"},
    )
    return {"training_labs": records, "training_sessions": sessions, "training_participants": participants}


def designations() -> list[int]:
    """The fund's designations (the unrestricted fund, the district sub-funds, the actions), created if missing."""
    from governance.models import Action, District

    Designation = apps.get_model("fundraising", "Designation")
    rows = [Designation.objects.get_or_create(kind="unrestricted")[0]]
    rows += [Designation.objects.get_or_create(kind="subfund", district=d)[0] for d in District.objects.all()[:2]]
    rows += [Designation.objects.get_or_create(kind="action", action=a)[0] for a in Action.objects.all()]
    return [d.pk for d in rows]


def generate_fundraising(*, donations: int, ref) -> dict[str, int]:
    Donor = apps.get_model("fundraising", "Donor")
    Donation = apps.get_model("fundraising", "Donation")
    years = ref["years"]
    donors = max(1, donations // DONATIONS_PER_DONOR)
    first = next_id(Donor)
    insert_series(
        Donor,
        donors,
        {
            "id": f"{first} + g",
            "kind": "'person'",
            "first_name": pick(["Anna", "Marco", "Giulia", "Luca", "Sara", "Paolo"]),
            "last_name": f"'Donatore ' || CAST({first} + g AS TEXT)",
            "town": pick(["Cremona", "Crema", "Casalmaggiore"]),
            "district_id": pick(ref["districts"]),
            "contact_source": "'[BENCH] dati sintetici'",
        },
    )
    insert_series(
        Donation,
        donations,
        {
            "donor_id": f"{first} + 1 + g % {donors}",
            "date": day(years[0].start, f"(g * 31) % {(years[-1].end - years[0].start).days}"),
            "amount": "(10 + (g % 500))",
            "gift_kind": "'money'",
            "payment_method": pick(["bank_transfer", "card", "cash", "online", "postal"]),
            "designation_id": pick(designations()),
        },
    )
    return {"donors": donors, "donations": donations}
