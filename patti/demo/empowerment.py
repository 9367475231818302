"""Demo data of Action 1 around the pacts: empowerment paths, host organisations and placements, calls for
business ideas and the ideas (part of `seed_patti_demo`, deterministic with its random generator)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from governance.models import Organisation

from ..enums import HostKind, IdeaSector, IdeaStatus, PattoKind, PattoStatus, PlacementOutcome
from ..models import BusinessIdea, EmpowermentPath, HostOrganisation, IdeaCall, Placement
from .places import DEMO_LABEL, TOWNS


def seed_empowerment(rng, patti, districts, years) -> tuple[int, int, int]:
    year2 = years[1]
    paths = []
    for index, code in enumerate(["cremonese", "cremasco", "casalasco"]):
        start = year2.start + dt.timedelta(days=60 + 70 * index)
        path = EmpowermentPath(
            name=f"Percorso di empowerment {districts[code].name} {start.year}",
            district=districts[code],
            start_on=start,
            end_on=start + dt.timedelta(days=90),
            facilitator="Facilitatore esterno (demo)",
            notes=f"{DEMO_LABEL} Incontri di gruppo di preparazione ai patti.",
        )
        path._history_user = None
        path.save()
        candidates = [p for p in patti if p.district_id == districts[code].pk and p.project_year_id == year2.pk]
        path.patti.set(rng.sample(candidates, k=min(8, len(candidates))))
        paths.append(path)
    hosts = []
    for code, district in districts.items():
        for name, kind in [
            (f"Cooperativa agricola {TOWNS[code][0]}", HostKind.COMPANY),
            (f"Officina meccanica {TOWNS[code][1]}", HostKind.COMPANY),
            (f"Associazione Il Ponte {TOWNS[code][0]}", HostKind.ASSOCIATION),
            (f"Fondazione casa di riposo {TOWNS[code][-1]}", HostKind.FOUNDATION),
        ]:
            hosts.append(HostOrganisation(name=name, kind=kind, district=district, sector="", notes=DEMO_LABEL))
    hosts.append(HostOrganisation(name="Supermercato cooperativo provinciale", kind=HostKind.COMPANY, notes=DEMO_LABEL))
    hosts = bulk_create_with_history(hosts, HostOrganisation)
    placements = []
    for patto in patti:
        if patto.kind != PattoKind.AUTONOMIA or not patto.start_on or rng.random() > 0.35:
            continue
        options = [h for h in hosts if h.district_id in (None, patto.district_id)]
        start = patto.start_on + dt.timedelta(days=rng.randint(20, 60))
        if start > years[-1].end:
            continue
        closed = patto.status in (PattoStatus.CONCLUSO, PattoStatus.INTERROTTO)
        placements.append(
            Placement(
                patto=patto,
                host=rng.choice(options),
                start_on=start,
                end_on=start + dt.timedelta(days=120) if closed else None,
                learning_objectives="Puntualità, lavoro in squadra, uso in sicurezza delle attrezzature.",
                learning_conditions="Affiancamento a un tutor aziendale in una mansione di magazzino.",
                outcome=rng.choice([PlacementOutcome.COMPLETED, PlacementOutcome.HIRED, PlacementOutcome.INTERRUPTED])
                if closed
                else PlacementOutcome.ONGOING,
            )
        )
    bulk_create_with_history(placements, Placement)
    return len(paths), len(hosts), len(placements)


def seed_enterprise(rng, patti, districts, years) -> tuple[int, int]:
    contributors = list(
        Organisation.objects.filter(name__in=["Provincia di Cremona", "Camera di Commercio di Cremona"])
    )
    calls = []
    for year in years[1:]:
        call = IdeaCall(
            project_year=year,
            title=f"Bando per l'intrapresa {year.start.year}/{year.end.year % 100:02d}",
            opens_on=year.start + dt.timedelta(days=90),
            closes_on=year.start + dt.timedelta(days=150),
            budget=Decimal("60000.00"),
            notes=f"{DEMO_LABEL} Fondo per la creazione d'impresa (Provincia e Camera di Commercio).",
        )
        call.save()
        call.contributors.set(contributors)
        calls.append(call)
    count = 0
    sectors = list(IdeaSector)
    for call in calls:
        statuses = (
            [IdeaStatus.STARTED] * 3
            + [IdeaStatus.PLAN_VALIDATED] * 3
            + [IdeaStatus.SELECTED] * 3
            + [IdeaStatus.SUBMITTED] * 2
            + [IdeaStatus.DROPPED] * 3
        )
        if call.project_year.number == 3:
            statuses = statuses[1:]
        for index, status in enumerate(statuses):
            district = rng.choice(list(districts.values()))
            idea = BusinessIdea(
                call=call,
                title=f"Idea d'impresa {call.project_year.number}.{index + 1} – {rng.choice(sectors).label}",
                proponents="Gruppo di proponenti (demo)",
                district=district,
                sector=rng.choice(sectors),
                status=status,
                credit_obtained=Decimal(rng.randrange(5000, 25000, 500)) if status == IdeaStatus.STARTED else 0,
                mentor="Mentore della Camera di Commercio (demo)" if status != IdeaStatus.SUBMITTED else "",
                notes=DEMO_LABEL,
            )
            idea.save()
            linked = [p for p in patti if p.district_id == district.pk and p.kind == PattoKind.AUTONOMIA]
            if linked and rng.random() < 0.5:
                idea.patti.set([rng.choice(linked)])
            count += 1
    return len(calls), count
