"""Synthetic demo data of Action 2A (seed_wellfare --demo): 30 labs over the three project years in the three
districts, with people, operational plans, meetings, self-assessments, payments, fundraising activities and the
annual restitution events.

Registered in governance's demo hooks by `LaboratoriConfig.ready()`. Deterministic (fixed random seed); every lab is
marked "[DEMO]" in its notes. Everything goes through the app's services (the same rules as the screens), so each
payment is an approved expense of the budget ledger. The demo budget plan has Action 2A contribution lines for
Comune di Cremona and Comune di Crema only: the demo records, in the admin-editable PaymentMapping, that the Cremonese
and Casalasco labs are paid from Comune di Cremona's line. Where the ledger has no line (no budget demo loaded), the
payment is skipped and counted.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from governance.models import Action, BudgetLine, District, Organisation, PaymentMapping, ProjectYear

from . import services
from .enums import FundraisingStatus, LabFundingSource, LabKind, LabPersonRole, LabStatus, MeetingKind
from .models import FundraisingActivity, LabMeeting, Laboratorio, LabPerson, PlannedAction, RestitutionEvent

DEMO_LABEL = "[DEMO]"
# Labs activated per project year and district: 30 in all (close to the revised plan's 14 and 15 from year 2).
PLAN = {1: {"cremonese": 3, "cremasco": 3, "casalasco": 1}, 2: {"cremonese": 5, "cremasco": 5, "casalasco": 2},
        3: {"cremonese": 4, "cremasco": 5, "casalasco": 2}}  # fmt: skip
WRITERS = {"cremonese": "udp.cremonese", "cremasco": "udp.cremasco", "casalasco": "udp.casalasco"}
BODIES = {"cremonese": "Comune di Cremona", "cremasco": "Comune di Crema",
          "casalasco": "Consorzio Casalasco dei Servizi Sociali"}  # fmt: skip
N, V, A, W = LabKind.NEIGHBOURHOOD, LabKind.VILLAGE, LabKind.AREA, LabKind.WORKPLACE
AREAS = {
    "cremonese": [("Cremona – quartiere Cambonino", N), ("Cremona – quartiere Po", N), ("Castelverde", V),
                  ("Pizzighettone", V), ("Sospiro", V), ("Vescovato e Cicognolo", A), ("Cremona – zona industriale", W),
                  ("Cremona – quartiere Zaist", N), ("Persico Dosimo", V), ("Grumello Cremonese", V),
                  ("Cremona – polo ospedaliero", W), ("Robecco d'Oglio", V)],
    "cremasco": [("Crema – quartiere Ombriano", N), ("Crema – quartiere San Bernardino", N), ("Offanengo", V),
                 ("Pandino", V), ("Soncino", V), ("Rivolta d'Adda", V), ("Alto Cremasco", A),
                 ("Crema – quartiere Sabbioni", N), ("Crema – area produttiva", W), ("Castelleone", V),
                 ("Basso Cremasco", A), ("Sergnano", V), ("Vailate", V)],
    "casalasco": [("Casalmaggiore – centro", N), ("Piadena Drizzona", V), ("San Giovanni in Croce", V),
                  ("Rivarolo del Re", V), ("Casalmaggiore – distretto del legno", W)],
}  # fmt: skip
THEMES = [
    "Anziani soli nel quartiere: ricostruire una rete di vicinato",
    "Giovani senza luoghi di incontro dopo la scuola",
    "Famiglie straniere arrivate da poco e servizi difficili da raggiungere",
    "Cura degli spazi verdi comuni abbandonati",
    "Conciliazione dei tempi di lavoro e di cura dei lavoratori",
    "Solitudine delle famiglie con figli piccoli",
    "Commercio di vicinato che chiude e piazze vuote",
]
ACTIONS = [
    "Mappatura delle risorse del quartiere con gli abitanti",
    "Cena di strada aperta a tutti i residenti",
    "Gruppo di cammino settimanale",
    "Banca del tempo tra vicini",
    "Giornata del bene comune: cura del parco",
    "Sportello di ascolto gestito da volontari",
    "Gruppo WhatsApp della social street",
]
FIRST = ["Giulia", "Marco", "Sara", "Luca", "Elena", "Andrea", "Chiara", "Paolo", "Marta", "Davide"]
LAST = ["Ferrari", "Galli", "Bosio", "Cavalli", "Lodigiani", "Zanoni", "Bianchi", "Rossi"]
FUNDRAISING = ["Cena solidale", "Banco alla festa del paese", "Lotteria di quartiere", "Raccolta online"]


def seed_laboratori_demo(*, stdout) -> None:
    if Laboratorio.objects.filter(notes__startswith=DEMO_LABEL).exists():
        stdout.write("Laboratori dimostrativi già presenti: nessuna modifica.")
        return
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    years = {y.number: y for y in ProjectYear.objects.order_by("number")}
    districts = {d.code: d for d in District.objects.all()}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[*WRITERS.values(), "fundraising"])}
    if len(users) < len(WRITERS) + 1 or len(years) < 3:
        stdout.write("Laboratori dimostrativi non creati: mancano gli utenti dimostrativi o gli anni di progetto.")
        return
    _payment_mappings(districts)
    bodies = {code: Organisation.objects.get(name=name) for code, name in BODIES.items()}
    last_day = years[max(years)].end
    labs, paid, skipped = [], 0, 0
    used_areas = dict.fromkeys(districts, 0)
    for number, per_district in PLAN.items():
        year = years[number]
        for code, count in per_district.items():
            for _ in range(count):
                user = users[WRITERS[code]]
                area, kind = AREAS[code][used_areas[code] % len(AREAS[code])]
                used_areas[code] += 1
                lab = _lab(rng, year, districts[code], bodies[code], area, kind, user)
                labs.append(lab)
                _people_and_plan(rng, lab, user)
                _life(rng, lab, year, years, user, last_day)
                _meetings_and_assessments(rng, lab, year, last_day, user)
                p, s = _payments(rng, lab, years, user, last_day)
                paid, skipped = paid + p, skipped + s
                _fundraising(rng, lab, year, users["fundraising"])
    _restitution(rng, labs, years, users[WRITERS["cremonese"]])
    stdout.write(
        f"Dati dimostrativi Azione 2A: {len(labs)} laboratori, {paid} pagamenti"
        f"{f' ({skipped} rifiutati dal servizio: voce di budget mancante)' if skipped else ''}."
    )


def _payment_mappings(districts) -> None:
    """Districts whose lead body has no Action 2A contributions line are paid from Comune di Cremona's line."""
    lines = BudgetLine.objects.of_active_plan().filter(action__code="2A", category="contributions")
    fallback = lines.filter(partner__name="Comune di Cremona").select_related("partner").first()
    if fallback is None:
        return
    action = Action.objects.get(code="2A")
    for district in districts.values():
        if lines.filter(partner=district.lead_organisation).exists():
            continue
        PaymentMapping.objects.get_or_create(
            action=action, district=district, funding_source="", defaults={"partner": fallback.partner}
        )


def _day(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _lab(rng, year, district, body, area, kind, user) -> Laboratorio:
    activated = _day(rng, year.start + dt.timedelta(days=20), year.start + dt.timedelta(days=150))
    if year.number == 1:
        budget = Decimal(rng.choice([10500, 11000, 12000, 12500, 13000]))  # € 12,000 on average (seed 857)
    else:
        budget = Decimal(rng.choice([8000, 9000, 10000, 10000]))
    practices = rng.sample(
        ["practice_social_street", "practice_street_dinner", "practice_common_good_day"], k=rng.randint(0, 2)
    )
    lab = Laboratorio(
        name=f"Laboratorio di Comunità {area}",
        kind=kind,
        district=district,
        area=area,
        activation_year=year,
        activated_on=activated,
        implementing_body=body,
        generating_theme=rng.choice(THEMES),
        aims_at_bonds=year.number >= 2 or rng.random() < 0.4,
        budget=budget,
        notes=f"{DEMO_LABEL} Laboratorio dimostrativo.",
        **dict.fromkeys(practices, True),
    )
    return services.lab_save(lab=lab, user=user)


def _people_and_plan(rng, lab, user) -> None:
    people = [LabPerson(lab=lab, role=LabPersonRole.COORDINATOR, user=user, created_by=user, updated_by=user)]
    for _ in range(rng.randint(1, 3)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        people.append(
            LabPerson(lab=lab, role=LabPersonRole.COMMUNITY_MAKER, name=name, created_by=user, updated_by=user)
        )
    start = lab.activated_on
    plan = []
    for index, title in enumerate(rng.sample(ACTIONS, k=rng.randint(2, 4))):
        begin = start + dt.timedelta(days=30 * index + 10)
        plan.append(
            PlannedAction(
                lab=lab, title=title, owner=rng.choice(FIRST), start_on=begin, end_on=begin + dt.timedelta(days=60),
                status=rng.choice(["planned", "in_progress", "done", "done"]), created_by=user, updated_by=user,
            )
        )  # fmt: skip
    for obj in [*people, *plan]:
        obj._history_user = user
        obj.save()


def _life(rng, lab, year, years, user, last_day) -> None:
    """Year-1 labs went on by themselves or closed; year-2 labs are active; some year-3 labs are still starting."""
    if year.number == 3 and rng.random() < 0.3:
        return  # in avvio
    services.lab_transition(lab=lab, to_status=LabStatus.ACTIVE, user=user, on_date=lab.activated_on)
    if year.number == 1:
        end = _day(rng, years[2].start + dt.timedelta(days=60), years[3].start + dt.timedelta(days=200))
        target = LabStatus.AUTONOMOUS if rng.random() < 0.6 else LabStatus.CLOSED
        services.lab_transition(lab=lab, to_status=target, user=user, on_date=min(end, last_day))
        if target == LabStatus.AUTONOMOUS and rng.random() < 0.3:
            services.lab_transition(lab=lab, to_status=LabStatus.CLOSED, user=user, on_date=last_day)


def lab_activation(lab) -> dt.date:
    return Laboratorio.objects.values_list("activated_on", flat=True).get(pk=lab.pk)


def _meetings_and_assessments(rng, lab, year, last_day, user) -> None:
    start = lab_activation(lab) or year.start + dt.timedelta(days=30)
    end = min(start + dt.timedelta(days=500), last_day)
    for index, day in enumerate(sorted(_day(rng, start, end) for _ in range(rng.randint(3, 7)))):
        kind = MeetingKind.ASSEMBLY if index == 0 else rng.choice(list(MeetingKind))
        public = kind in (MeetingKind.PUBLIC_EVENT, MeetingKind.RESTITUTION)
        services.meeting_save(
            meeting=LabMeeting(
                lab=lab,
                date=day,
                kind=kind,
                title=f"{kind.label} del laboratorio",
                people=rng.randint(60, 220) if public else rng.randint(8, 40),
                households=rng.randint(5, 25) if public else rng.randint(0, 8),
                informal_groups=rng.randint(0, 2),
                profit_bodies=rng.randint(0, 4) if public else rng.randint(0, 1),
                nonprofit_bodies=rng.randint(1, 5) if public else rng.randint(0, 2),
                notes=DEMO_LABEL,
            ),
            user=user,
        )
    scores = [rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)]
    for index in range(rng.randint(2, 4)):
        day = start + dt.timedelta(days=90 * index + 15)
        if day > last_day:
            break
        services.assessment_create(lab=lab, date=day, pr=scores[0], re=scores[1], ri=scores[2], user=user, notes="")
        scores = [min(5, max(1, s + rng.choice([0, 1, 1, -1]))) for s in scores]


def _payments(rng, lab, years, user, last_day) -> tuple[int, int]:
    """Year-1 labs: an advance in year 1 and the balance in year 2 (seed 2253-2255); later labs: Cariplo then
    donations."""
    number = lab.activation_year.number
    if number == 1:
        steps = [(years[1], LabFundingSource.CARIPLO, Decimal("0.6")),
                 (years[2], LabFundingSource.COFINANCING, Decimal("0.4"))]  # fmt: skip
    elif number == 2:
        steps = [(years[2], LabFundingSource.CARIPLO, Decimal("0.5")),
                 (years[3], LabFundingSource.DONATIONS, Decimal(rng.choice(["0.2", "0.4", "0.5"])))]  # fmt: skip
    else:
        steps = [(years[3], LabFundingSource.CARIPLO, Decimal(rng.choice(["0", "0.3", "0.5"])))]
    paid = skipped = 0
    for year, source, share in steps:
        amount = (lab.budget * share).quantize(Decimal("1"))
        if amount <= 0:
            continue
        start = max(year.start, lab_activation(lab) or year.start)
        day = min(_day(rng, start, min(start + dt.timedelta(days=120), year.end)), last_day)
        try:
            services.payment_create(
                lab=lab, date=day, amount=amount, funding_source=source, description="Quota del budget", user=user
            )
        except ValidationError:
            skipped += 1
        else:
            paid += 1
    return paid, skipped


def _fundraising(rng, lab, year, user) -> None:
    if year.number == 1 or rng.random() < 0.3:
        return
    target = Decimal(rng.choice([1000, 1500, 2500]))
    done = rng.random() < 0.6
    activity = FundraisingActivity(
        lab=lab,
        title=rng.choice(FUNDRAISING),
        date=_day(rng, year.start + dt.timedelta(days=60), year.end),
        status=FundraisingStatus.DONE if done else FundraisingStatus.AGREED,
        target_amount=target,
        raised_amount=(target * Decimal(rng.choice(["0.6", "0.9", "1.1"]))).quantize(Decimal("1")) if done else 0,
        notes=DEMO_LABEL,
    )
    services.fundraising_save(activity=activity, user=user)


def _restitution(rng, labs, years, user) -> None:
    for number in (1, 2):
        year = years[number]
        event = RestitutionEvent(
            project_year=year,
            date=year.end - dt.timedelta(days=rng.randint(5, 20)),
            title=f"Festa dei Laboratori di Comunità – anno {number}",
            place=["Cremona, Cortile Federico II", "Crema, Sala Pietro da Cemmo"][number - 1],
            participants=rng.randint(150, 300),
            notes=f"{DEMO_LABEL} Evento di restituzione coordinato tra i territori.",
        )
        labs_of_year = [lab for lab in labs if lab.activation_year.number <= number]
        # The writer is a Cremonese user: the service keeps only labs they see, so attach all labs directly.
        services.restitution_save(event=event, user=user)
        event.labs.set(labs_of_year)
