"""Synthetic demo data of Action 3 (seed_wellfare --demo): twelve civic centers with a realistic week of activities.

Follows the plan (DOMAIN.md, seed 2303, 2333-2337): four centers activated in the Crema district in year 1, two more
in Crema and two in Cremona in year 2 and again in year 3, none in the Casalasco. Everything goes through the services
as the district's Ufficio di Piano, so the history shows who wrote it. Hosts that are not in the reference data are
created as "[DEMO]" organisations. Idempotent and deterministic (fixed random seed).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from governance.enums import OrganisationKind
from governance.models import District, Organisation, ProjectYear

from . import services
from .enums import ActivityCategory, Audience, CenterStatus, FeePeriod, HostKind
from .models import Activity, Agreement, CivicCenter

DEMO_LABEL = "[DEMO]"

# name, district, host kind, host organisation (reference data or a [DEMO] body), address, project year
CENTERS = [
    ("Civic center Crema Nuova", "cremasco", HostKind.COMPREHENSIVE_INSTITUTE, "Istituto Comprensivo Crema 2",
     "Via Valle d'Aosta 4, Crema", 1),
    ("Civic center Sabbioni", "cremasco", HostKind.SCHOOL_BUILDING, "Istituto Comprensivo Crema 3",
     "Via Brescia 51, Crema", 1),
    ("Oratorio aperto di Ombriano", "cremasco", HostKind.PARISH, "Opera Pia Oratorio San Luigi",
     "Via Chiesa 2, Crema (Ombriano)", 1),
    ("Palestra di quartiere Santa Maria", "cremasco", HostKind.SPORTS_CENTRE, "[DEMO] Polisportiva Santa Maria",
     "Via Bramante 10, Crema", 1),
    ("Civic center Offanengo", "cremasco", HostKind.SCHOOL_BUILDING, "[DEMO] Istituto Comprensivo di Offanengo",
     "Via Dante 3, Offanengo", 2),
    ("Civic center Pandino", "cremasco", HostKind.COMPREHENSIVE_INSTITUTE, "[DEMO] Istituto Comprensivo di Pandino",
     "Via Bovis 1, Pandino", 2),
    ("Civic center Cremona Zaist", "cremonese", HostKind.SCHOOL_BUILDING, "[DEMO] Istituto Comprensivo Cremona Due",
     "Via Zaist 31, Cremona", 2),
    ("Oratorio del Cambonino", "cremonese", HostKind.PARISH, "[DEMO] Parrocchia del Cambonino",
     "Via Ragazzi del '99 12, Cremona", 2),
    ("Civic center Soncino", "cremasco", HostKind.SCHOOL_BUILDING, "[DEMO] Istituto Comprensivo di Soncino",
     "Via IV Novembre 9, Soncino", 3),
    ("Centro sportivo di Rivolta d'Adda", "cremasco", HostKind.SPORTS_CENTRE, "[DEMO] Centro sportivo di Rivolta",
     "Via Giulio Cesare 20, Rivolta d'Adda", 3),
    ("Civic center Cremona Po", "cremonese", HostKind.COMPREHENSIVE_INSTITUTE, "[DEMO] IC Cremona Cinque",
     "Via Corte 17, Cremona", 3),
    ("Civic center Castelverde", "cremonese", HostKind.SCHOOL_BUILDING, "[DEMO] Istituto Comprensivo di Castelverde",
     "Piazza Municipio 1, Castelverde", 3),
]  # fmt: skip

HOST_KIND_ORG = {
    HostKind.COMPREHENSIVE_INSTITUTE: OrganisationKind.SCHOOL,
    HostKind.SCHOOL_BUILDING: OrganisationKind.SCHOOL,
    HostKind.PARISH: OrganisationKind.PARISH,
    HostKind.SPORTS_CENTRE: OrganisationKind.ASSOCIATION,
}

# title, category, audience, (weekday, start, end) slots, fee, fee period, capacity
ACTIVITIES = [
    ("Coro di voci bianche", ActivityCategory.MUSIC, Audience.PUPILS, [(2, "16:30", "18:00")], "25",
     FeePeriod.MONTH, 25),
    ("Chitarra per ragazzi", ActivityCategory.MUSIC, Audience.PUPILS, [(4, "16:00", "17:30")], "35",
     FeePeriod.MONTH, 12),
    ("English club", ActivityCategory.LANGUAGES, Audience.PUPILS, [(1, "16:15", "17:45"), (3, "16:15", "17:45")],
     "120", FeePeriod.TERM, 18),
    ("Minivolley", ActivityCategory.SPORT, Audience.PUPILS, [(2, "16:30", "18:00"), (5, "16:30", "18:00")],
     "90", FeePeriod.SCHOOL_YEAR, 24),
    ("Compiti insieme", ActivityCategory.STUDY_SUPPORT, Audience.PUPILS, [(1, "14:30", "16:30"), (4, "14:30", "16:30")],
     "0", FeePeriod.MONTH, 20),
    ("Laboratorio di pittura", ActivityCategory.ART, Audience.FAMILIES, [(6, "10:00", "12:00")], "40",
     FeePeriod.COURSE, 15),
    ("Italiano per genitori stranieri", ActivityCategory.LANGUAGES, Audience.ADULTS, [(3, "18:30", "20:00")],
     "0", FeePeriod.COURSE, 20),
    ("Ginnastica dolce", ActivityCategory.SPORT, Audience.ADULTS, [(2, "19:00", "20:00"), (4, "19:00", "20:00")],
     "30", FeePeriod.MONTH, 25),
    ("Serate dell'associazione genitori", ActivityCategory.ASSOCIATIONS, Audience.EVERYONE, [(5, "20:30", "22:30")],
     "0", FeePeriod.SESSION, 60),
    ("Cineforum di quartiere", ActivityCategory.CULTURE, Audience.EVERYONE, [(5, "20:45", "22:45")], "3",
     FeePeriod.SESSION, 80),
    ("Teatro ragazzi", ActivityCategory.CULTURE, Audience.PUPILS, [(3, "16:30", "18:00")], "60", FeePeriod.TERM, 20),
]  # fmt: skip

PROMOTERS = ["[DEMO] Associazione Musica Insieme", "[DEMO] ASD Pallavolo Giovani", "[DEMO] Associazione Genitori",
             "[DEMO] Cooperativa Educativa Il Ponte", "[DEMO] Circolo culturale La Lanterna"]  # fmt: skip


def _organisation(name: str, kind: str, district) -> Organisation:
    org = Organisation.objects.filter(name=name).first()
    if org is None:
        org = Organisation.objects.create(
            name=name, kind=kind, district=district, notes=f"{DEMO_LABEL} dati dimostrativi"
        )
    return org


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def seed_civic_center_demo(*, stdout) -> None:
    if CivicCenter.objects.filter(notes__startswith=DEMO_LABEL).exists():
        stdout.write("Civic center dimostrativi già presenti: nessuna modifica.")
        return
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    districts = {d.code: d for d in District.objects.all()}
    years = {y.number: y for y in ProjectYear.objects.all()}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["udp.cremasco", "udp.cremonese"])}
    if len(users) < 2 or not years:
        stdout.write("Civic center dimostrativi non creati: mancano gli utenti demo o gli anni di progetto.")
        return
    promoters = [_organisation(name, OrganisationKind.ASSOCIATION, None) for name in PROMOTERS]
    n_activities = n_agreements = 0
    for index, (name, code, host_kind, host_name, address, year_number) in enumerate(CENTERS):
        district = districts[code]
        user = users[f"udp.{code}"]
        host = _organisation(host_name, HOST_KIND_ORG.get(host_kind, OrganisationKind.OTHER), district)
        center = services.center_save(
            center=CivicCenter(
                name=name,
                host_kind=host_kind,
                host_organisation=host,
                address=address,
                district=district,
                relations_professional=rng.choice(
                    ["Educatrice di comunità", "Educatore professionale", "Assistente sociale di quartiere"]
                ),  # fmt: skip
                shared_rules="Apertura concordata con la dirigenza; chiavi e pulizie a cura degli enti promotori; "
                "calendario condiviso aggiornato ogni mese.",
                royalties=Decimal(rng.choice(["0", "500", "1200"])),
                notes=f"{DEMO_LABEL} civic center dimostrativo",
            ),
            user=user,
        )
        year = years[year_number]
        activated_on = year.start + dt.timedelta(days=90 + 7 * index)
        services.center_transition(center=center, to_status=CenterStatus.ACTIVE, on_date=activated_on, user=user)
        chosen_promoters = rng.sample(promoters, 3)
        agreements = []
        for promoter in chosen_promoters[:2]:
            agreements.append(
                services.agreement_save(
                    agreement=Agreement(
                        civic_center=center,
                        title=f"Uso degli spazi di {name} – {promoter.name.removeprefix('[DEMO] ')}",
                        promoter=promoter,
                        signed_on=activated_on - dt.timedelta(days=10),
                        start_on=activated_on,
                        end_on=min(activated_on + dt.timedelta(days=365), years[max(years)].end),
                        terms="Uso gratuito degli spazi in orario extrascolastico; l'ente promotore garantisce "
                        "sorveglianza, assicurazione e riordino.",
                        royalties=Decimal(rng.choice(["0", "300"])),
                    ),
                    user=user,
                )
            )
            n_agreements += 1
        for title, category, audience, slots, fee, period, capacity in rng.sample(ACTIVITIES, 6):
            enrolments = rng.randint(capacity // 2, capacity)
            free = rng.randint(0, 3)
            activity = services.activity_save(
                activity=Activity(
                    civic_center=center,
                    title=title,
                    promoter=rng.choice(chosen_promoters),
                    agreement=rng.choice(agreements),
                    category=category,
                    audience=audience,
                    start_on=activated_on + dt.timedelta(days=14),
                    fee=Decimal(fee),
                    fee_period=period,
                    capacity=capacity,
                    enrolments=enrolments,
                    households=rng.randint(enrolments // 2, enrolments),
                    free_places=free,
                    free_places_funder="Donazioni al fondo Wel(l)Fare Legami" if free else "",
                ),
                slots=[{"weekday": d, "start": _time(s), "end": _time(e)} for d, s, e in slots],
                user=user,
            )
            n_activities += 1
            if Decimal(fee):
                paying = enrolments - free
                services.paying_demand_record(
                    activity=activity,
                    period_start=activity.start_on,
                    period_end=activity.start_on + dt.timedelta(days=90),
                    enrolments=paying,
                    fees_collected=Decimal(fee) * paying * (3 if period == FeePeriod.MONTH else 1),
                    user=user,
                )
    stdout.write(
        f"Dati dimostrativi Azione 3: {len(CENTERS)} civic center, {n_activities} attività, {n_agreements} accordi."
    )
