"""Synthetic demo data of Action 4 (seed_wellfare --demo): twelve training labs with their sessions, 150 people
attending them by category, and the Manifesto's drafts and final version.

Four provincial labs written by the Direzione, eight district or territorial labs written by each district's Ufficio
di Piano; six seminar days over the three years; every write goes through the services. Names are invented; the
labs are marked "[DEMO]". Idempotent and deterministic (fixed random seed).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from governance.models import District, ProjectYear

from . import services
from .enums import LabLevel, LabTheme, ManifestoStatus, ParticipantCategory, SessionKind
from .models import ManifestoVersion, Participant, Session, TrainingLab

DEMO_LABEL = "[DEMO]"

# title, theme, level, district code (None: provincial), project year
LABS = [
    ("Il modello di welfare generativo", LabTheme.GENERATIVE_MODEL, LabLevel.PROVINCIAL, None, 1),
    ("Welfare generativo nel Cremonese", LabTheme.GENERATIVE_MODEL, LabLevel.DISTRICT, "cremonese", 1),
    ("Spesa sociale e Piano di Zona del Cremasco", LabTheme.SOCIAL_SPENDING, LabLevel.DISTRICT, "cremasco", 1),
    ("Formazione dei decisori politici", LabTheme.DECISION_MAKERS, LabLevel.PROVINCIAL, None, 2),
    ("Servizi sociali e servizi per il lavoro insieme", LabTheme.SOCIAL_EMPLOYMENT, LabLevel.DISTRICT, "cremonese", 2),
    ("Co-progettare con il terzo settore", LabTheme.CO_DESIGN, LabLevel.TERRITORIAL, "cremasco", 2),
    ("Comunità che si prendono cura nel Casalasco", LabTheme.GENERATIVE_MODEL, LabLevel.DISTRICT, "casalasco", 2),
    ("Accompagnare i patti con le imprese", LabTheme.COMPANY_PACTS, LabLevel.PROVINCIAL, None, 2),
    ("Integrazione socio-lavorativa nel Cremasco", LabTheme.SOCIAL_EMPLOYMENT, LabLevel.DISTRICT, "cremasco", 3),
    ("Co-progettazione nei quartieri di Cremona", LabTheme.CO_DESIGN, LabLevel.TERRITORIAL, "cremonese", 3),
    ("Spesa sociale integrata nel Casalasco", LabTheme.SOCIAL_SPENDING, LabLevel.DISTRICT, "casalasco", 3),
    ("Verso il Manifesto del welfare generativo", LabTheme.CO_DESIGN, LabLevel.PROVINCIAL, None, 3),
]

# People per category: a little above the targets of the plan, 150 in all.
PEOPLE = {
    ParticipantCategory.PUBLIC_ADMINISTRATOR: 24,
    ParticipantCategory.PUBLIC_MANAGER: 5,
    ParticipantCategory.SOCIAL_WORKER: 34,
    ParticipantCategory.EMPLOYMENT_OPERATOR: 22,
    ParticipantCategory.COOP_COORDINATOR: 22,
    ParticipantCategory.VOLUNTEER: 22,
    ParticipantCategory.ECONOMIC_ACTOR: 17,
    ParticipantCategory.COMMUNITY_MAKER: 2,
    ParticipantCategory.LAG_COORDINATOR: 2,
}
FIRST = ["Anna", "Marco", "Giulia", "Luca", "Francesca", "Paolo", "Chiara", "Andrea", "Elena", "Stefano", "Sara",
         "Davide", "Laura", "Matteo", "Silvia", "Giorgio", "Marta", "Alberto", "Paola", "Roberto"]  # fmt: skip
LAST = ["Bertolotti", "Ferrari", "Ghisolfi", "Lodigiani", "Manfredini", "Pedrazzini", "Rossetti", "Sacchi",
        "Tirelli", "Zanacchi", "Bonvicini", "Cavalli", "Dossena", "Frosi"]  # fmt: skip
PLACES = {None: "Cremona, Palazzo della Provincia", "cremonese": "Cremona, Azienda Sociale del Cremonese",
          "cremasco": "Crema, Sala Pietro da Cemmo", "casalasco": "Casalmaggiore, Sala consiliare"}  # fmt: skip


def _people(rng) -> list[tuple[str, str]]:
    names = [f"{first} {last}" for last in LAST for first in FIRST]
    rng.shuffle(names)
    people = []
    for category, count in PEOPLE.items():
        people += [(names.pop(), category) for _ in range(count)]
    return people


def seed_wellfare_lab_demo(*, stdout) -> None:
    if TrainingLab.objects.filter(description__startswith=DEMO_LABEL).exists():
        stdout.write("Laboratori formativi dimostrativi già presenti: nessuna modifica.")
        return
    rng = random.Random(2353)  # noqa: S311 - demo data, not security
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["direzione", "udp.cremonese", "udp.cremasco", "udp.casalasco"])}  # fmt: skip
    years = {y.number: y for y in ProjectYear.objects.all()}
    districts = {d.code: d for d in District.objects.all()}
    if len(users) < 4 or not years:
        stdout.write("Laboratori formativi dimostrativi non creati: mancano gli utenti demo o gli anni di progetto.")
        return
    people = _people(rng)
    # Every person takes part in one lab; a quarter of them in a second one (counted once all the same).
    assignments = {i: [] for i in range(len(LABS))}
    for index, person in enumerate(people):
        assignments[index % len(LABS)].append(person)
    for person in rng.sample(people, len(people) // 4):
        lab_index = rng.randrange(len(LABS))
        if person not in assignments[lab_index]:
            assignments[lab_index].append(person)
    seminars_left = {1: 2, 2: 2, 3: 2}
    all_sessions, n_participants = [], 0
    for index, (title, theme, level, code, year_number) in enumerate(LABS):
        user = users["direzione"] if code is None else users[f"udp.{code}"]
        year = years[year_number]
        start = year.start + dt.timedelta(days=60 + 11 * index)
        lab = services.lab_save(
            lab=TrainingLab(
                title=title, theme=theme, level=level, district=districts.get(code) if code else None,
                facilitators="Facilitatore esperto di welfare generativo\nReferente dell'Ufficio di Piano",
                start_on=start, end_on=start + dt.timedelta(days=150),
                description=f"{DEMO_LABEL} laboratorio formativo dimostrativo",
            ),
            user=user,
        )  # fmt: skip
        sessions = []
        kinds = [SessionKind.TRAINING, SessionKind.ACTION_RESEARCH, SessionKind.ELABORATION, SessionKind.TRAINING]
        if level == LabLevel.PROVINCIAL:
            for _ in range(min(2, seminars_left[year_number])):
                kinds.append(SessionKind.SEMINAR_DAY)
                seminars_left[year_number] -= 1
        for n, kind in enumerate(kinds):
            sessions.append(
                services.session_save(
                    session=Session(
                        lab=lab,
                        date=start + dt.timedelta(days=21 * n + 7),
                        kind=kind,
                        hours=Decimal("6") if kind == SessionKind.SEMINAR_DAY else Decimal(rng.choice(["2.5", "3"])),
                        place=PLACES[code],
                        topic=f"{title}: incontro {n + 1}",
                    ),
                    user=user,
                )  # fmt: skip
            )
        participants = [
            services.participant_save(participant=Participant(lab=lab, full_name=name, category=category), user=user)
            for name, category in assignments[index]
        ]
        n_participants += len(participants)
        presence = {p.pk: set(rng.sample(sessions, rng.randint(1, len(sessions)))) for p in participants}
        for session in sessions:
            services.attendance_set(
                session=session, participant_ids=[pk for pk, s in presence.items() if session in s], user=user
            )
        all_sessions += sessions
    direzione = users["direzione"]
    manifesto = [
        (ManifestoStatus.DRAFT, years[2].end - dt.timedelta(days=30), "Prima bozza: i principi."),
        (
            ManifestoStatus.DRAFT,
            years[3].start + dt.timedelta(days=120),
            "Seconda bozza, con i contributi dei distretti.",
        ),
        (ManifestoStatus.FINAL, years[3].end - dt.timedelta(days=20), "Versione approvata dalla Cabina di Regia."),
    ]
    for status, day, text in manifesto:
        services.manifesto_save(
            version=ManifestoVersion(status=status, date=day, text=text),
            sessions=[s for s in all_sessions if s.date <= day][-3:],
            user=direzione,
        )
    stdout.write(
        f"Dati dimostrativi Azione 4: {len(LABS)} laboratori formativi, {len(all_sessions)} incontri, "
        f"{len(people)} persone ({n_participants} iscrizioni ai laboratori), {len(manifesto)} versioni del Manifesto."
    )
