"""Synthetic demo data (seed_wellfare --demo): demo users for every role and governance meetings.

Everything created here is labelled "[DEMO]" where a user can see it. Deterministic (fixed random seed).
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history

from .enums import AttendanceStatus, DecisionStatus, QuorumRule, Role
from .models import (
    Attendance,
    Decision,
    District,
    GovernanceBody,
    Meeting,
    Organisation,
    ProjectYear,
    UserProfile,
)
from .roles import ensure_roles

DEMO_LABEL = "[DEMO]"

# Demo seeders of the action apps, registered from their AppConfig.ready() (governance never imports them);
# each is called as `seeder(stdout=...)` after the governance demo data, and must be idempotent.
DEMO_SEEDERS: list = []

# username, full name, role, districts (codes; "*" = all), organisation name
DEMO_USERS = [
    ("direzione", "Direzione di progetto (demo)", Role.DIREZIONE, "*", "Comune di Cremona"),
    (
        "udp.cremonese",
        "Ufficio di Piano Cremonese (demo)",
        Role.UFFICIO_DI_PIANO,
        ["cremonese"],
        "Azienda Sociale del Cremonese",
    ),
    ("udp.cremasco", "Ufficio di Piano Cremasco (demo)", Role.UFFICIO_DI_PIANO, ["cremasco"], "Comune di Crema"),
    (
        "udp.casalasco",
        "Ufficio di Piano Casalasco (demo)",
        Role.UFFICIO_DI_PIANO,
        ["casalasco"],
        "Consorzio Casalasco dei Servizi Sociali",
    ),
    (
        "coordinatore",
        "Coordinatore équipe Cremonese (demo)",
        Role.COORDINATORE,
        ["cremonese"],
        "Azienda Sociale del Cremonese",
    ),
    (
        "fundraising",
        "Staff Fundraising (demo)",
        Role.FUNDRAISING,
        [],
        "Fondazione Comunitaria della Provincia di Cremona",
    ),
    ("amministrazione", "Staff Amministrazione (demo)", Role.AMMINISTRAZIONE, [], "Comune di Cremona"),
    ("referente", "Referente partner Consorzio Arcobaleno (demo)", Role.PARTNER, [], "Consorzio Arcobaleno"),
]

# Bodies whose demo meetings fall behind their cadence, with the share of expected meetings held.
BEHIND = {"tavolo": 0.5, "coord_casalasco": 0.6, "staff_amministrazione": 0.34, "gdl_2b": 0.7}

DECISION_TEXTS = [
    "Approvare il cronoprogramma delle attività del prossimo trimestre",
    "Predisporre il report di monitoraggio della spesa per la Cabina di Regia",
    "Definire i criteri di accesso ai patti gener-attivi nel vademecum",
    "Organizzare l'evento annuale di restituzione dei Laboratori di Comunità",
    "Aggiornare il piano di raccolta fondi con gli esiti degli eventi",
    "Convocare i referenti amministrativi dei partner per la rendicontazione",
    "Individuare le aziende da coinvolgere nei Patti con le Imprese",
    "Validare le innovazioni da proporre al Tavolo della Governance",
]
TOPICS = [
    "Budget di welfare personale nei patti",
    "Pratiche simboliche condivise: social street e cena di strada",
    "Welfare aziendale integrato con l'offerta territoriale",
    "Civic center nelle scuole: accordi con gli istituti comprensivi",
    "Manifesto del welfare comunitario e generativo",
]


def seed_demo(*, stdout, password: str) -> None:
    seed_demo_users(stdout=stdout, password=password)
    from .budget.demo import seed_demo_budget

    seed_demo_budget(stdout=stdout)
    if Meeting.objects.filter(agenda__startswith=DEMO_LABEL).exists():
        stdout.write("Incontri dimostrativi già presenti: nessuna modifica.")
    else:
        seed_demo_meetings(stdout=stdout)
    for seeder in DEMO_SEEDERS:
        seeder(stdout=stdout)


def seed_demo_users(*, stdout, password: str) -> None:
    groups = ensure_roles()
    user_model = get_user_model()
    districts = {d.code: d for d in District.objects.all()}
    for username, full_name, role, district_codes, org_name in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        first, _, last = full_name.partition(" ")
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.invalid"
        user.set_password(password)
        user.save()
        user.groups.set([groups[role]])
        profile, _ = UserProfile.objects.get_or_create(user=user)
        profile.organisation = Organisation.objects.get(name=org_name)
        profile.save()
        codes = list(districts) if district_codes == "*" else district_codes
        profile.districts.set([districts[c] for c in codes])
    admin, _ = user_model.objects.get_or_create(username="admin", defaults={"email": "admin@example.invalid"})
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()


def _dates(start: dt.date, end: dt.date, count: int, rng: random.Random) -> list[dt.date]:
    if count <= 0:
        return []
    span = (end - start).days
    step = span / count
    return [start + dt.timedelta(days=int(step * i + rng.uniform(0, step * 0.6))) for i in range(count)]


def seed_demo_meetings(*, stdout) -> None:
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    years = list(ProjectYear.objects.all())
    bodies = list(GovernanceBody.objects.prefetch_related("members"))
    meetings: list[Meeting] = []
    for body in bodies:
        for year in years:
            expected = body.meetings_per_year * year.days / 365
            share = BEHIND.get(body.code, 1.0) if year.number == 3 or body.code in ("tavolo",) else 1.0
            count = round(expected * share) if share < 1 else int(expected) + rng.choice([0, 0, 1])
            for day in _dates(year.start, year.end, count, rng):
                meetings.append(
                    Meeting(
                        body=body,
                        date=day,
                        start_time=dt.time(rng.choice([9, 10, 14, 15, 17]), 0),
                        place=rng.choice(
                            [
                                "Cremona, Palazzo Comunale",
                                "Crema, Sala Ricevimenti",
                                "Casalmaggiore, sede del Consorzio",
                            ]
                        )
                        if rng.random() > 0.2
                        else "",
                        online=rng.random() < 0.2,
                        online_link="https://videoconferenza.example.invalid/wellfare",
                        agenda=f"{DEMO_LABEL} 1. Stato di avanzamento delle azioni\n2. Monitoraggio della spesa\n"
                        "3. Varie ed eventuali",
                        minutes=f"{DEMO_LABEL} Verbale sintetico dell'incontro (dati dimostrativi).",
                        topics="\n".join(rng.sample(TOPICS, k=rng.randint(0, 2))),
                    )
                )
    meetings = bulk_create_with_history(meetings, Meeting, batch_size=500)
    if meetings and meetings[0].pk is None:
        meetings = list(Meeting.objects.filter(agenda__startswith=DEMO_LABEL))
    members_by_body = {b.pk: list(b.members.all()) for b in bodies}
    quorum_by_body = {b.pk: b.quorum_rule for b in bodies}
    attendances, decisions = [], []
    last_end = max(y.end for y in years)
    for meeting in meetings:
        for member in members_by_body[meeting.body_id]:
            roll = rng.random()
            status = (
                AttendanceStatus.PRESENT
                if roll < 0.78
                else AttendanceStatus.DELEGATED
                if roll < 0.86
                else AttendanceStatus.ABSENT
            )
            attendances.append(
                Attendance(
                    meeting=meeting,
                    member=member,
                    status=status,
                    delegate_name="Delegato (demo)" if status == AttendanceStatus.DELEGATED else "",
                )
            )
        if quorum_by_body[meeting.body_id] != QuorumRule.NONE:
            for text in rng.sample(DECISION_TEXTS, k=rng.randint(0, 2)):
                due = meeting.date + dt.timedelta(days=rng.randint(20, 120))
                if due < last_end - dt.timedelta(days=90):
                    status = (
                        DecisionStatus.DONE
                        if rng.random() < 0.85
                        else rng.choice([DecisionStatus.OPEN, DecisionStatus.DROPPED])
                    )
                else:
                    status = DecisionStatus.OPEN if rng.random() < 0.7 else DecisionStatus.DONE
                decisions.append(
                    Decision(
                        meeting=meeting,
                        text=text,
                        owner=rng.choice(
                            ["Direzione di progetto", "Ufficio di Piano", "Staff Amministrazione", "Staff Fundraising"]
                        ),
                        due_date=due,
                        status=status,
                    )
                )
    bulk_create_with_history(attendances, Attendance, batch_size=1000)
    bulk_create_with_history(decisions, Decision, batch_size=1000)
    stdout.write(
        f"Dati dimostrativi: {len(meetings)} incontri, {len(attendances)} presenze, {len(decisions)} decisioni."
    )
