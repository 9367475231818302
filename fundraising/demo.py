"""Synthetic demo data of Action 5 (seed_wellfare --demo): about 400 donors and 1,200 gifts over three years.

Registered in governance's demo hooks by `FundraisingConfig.ready()`. Deterministic (fixed random seed); names,
fiscal codes and e-mails are invented (e-mails on example.org), notes say "[DEMO]". The yearly money totals equal
the amounts the June 2016 update plans to raise (seed 2432-2434: 50,764 / 127,000 / 172,236 euros) — demo figures,
not the targets the reports compare against (those come from the results framework). Year 1 has the street campaign
"Il Gusto di FareLegami", one-to-one meetings and 4 events (seed 2411-2413) and the bond campaign with the bank
(seed 1256-1258). Rows are bulk-created with their history; receipts are numbered like the service does.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history
from stdnum import luhn
from stdnum.it import codicefiscale

from governance.models import Action, District, Organisation, ProjectYear

from . import services
from .enums import (
    Acquisition,
    CampaignChannel,
    ContactChannel,
    DonorKind,
    EventPlace,
    GiftKind,
    LawfulBasis,
    Market,
    PaymentMethod,
    Segment,
)
from .legal import seed_legal_bases
from .models import (
    Campaign,
    ConsentRecord,
    Designation,
    Donation,
    Donor,
    Event,
    Pledge,
    PledgeInstalment,
    Receipt,
    ReceiptCounter,
)

DEMO_LABEL = "[DEMO]"
STREET_CAMPAIGN = "Il Gusto di FareLegami"
YEAR_TOTALS = {1: Decimal("50764"), 2: Decimal("127000"), 3: Decimal("172236")}  # seed 2432-2434 (demo totals)
GIFTS_PER_YEAR = {1: 260, 2: 420, 3: 520}
DONORS = 400
FIRST_NAMES = ["Giulia", "Marco", "Anna", "Luca", "Francesca", "Paolo", "Elena", "Andrea", "Chiara", "Stefano",
               "Sara", "Matteo", "Laura", "Davide", "Silvia", "Giorgio", "Marta", "Alberto", "Irene"]  # fmt: skip
LAST_NAMES = ["Ferrari", "Bonetti", "Galli", "Zanetti", "Bertoletti", "Cavalli", "Rizzi", "Ghidini", "Bodini",
              "Manfredi", "Pezzotti", "Sacchi", "Tosi", "Arcari", "Bianchessi", "Cerioli", "Dossena", "Frosi",
              "Guarneri", "Lucini", "Mainardi", "Negri", "Ogliari", "Perego", "Quaini", "Rossetti", "Spoldi",
              "Tedoldi", "Uggeri", "Vailati"]  # fmt: skip
TOWNS = {"cremonese": ["Cremona", "Castelverde", "Pizzighettone", "Sospiro"],
         "cremasco": ["Crema", "Offanengo", "Pandino", "Soncino"],
         "casalasco": ["Casalmaggiore", "Piadena Drizzona", "Rivarolo del Re"]}  # fmt: skip
ORG_KINDS = [(DonorKind.COMPANY, 40, "S.r.l."), (DonorKind.FOUNDATION, 8, "Fondazione"),
             (DonorKind.INSTITUTION, 8, "Ente"), (DonorKind.ASSOCIATION, 14, "Associazione")]  # fmt: skip
MONTHS = "ABCDEHLMPRST"


def _money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def _fiscal_code(rng: random.Random, last: str, first: str) -> str:
    letters = "".join(c for c in (last + "XXX").upper() if c.isalpha())[:3]
    letters += "".join(c for c in (first + "XXX").upper() if c.isalpha())[:3]
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    body = f"{letters}{rng.randint(40, 99):02d}{rng.choice(MONTHS)}{day:02d}D150"
    return body + codicefiscale.calc_check_digit(body)


def _company_code(rng: random.Random) -> str:
    body = f"{rng.randint(1, 10**7 - 1):07d}019"  # office code 019: Cremona
    return body + luhn.calc_check_digit(body)  # the 11-digit code ends with a Luhn check digit


def _campaigns() -> dict[str, Campaign]:
    rows = [
        (STREET_CAMPAIGN, Market.INDIVIDUALS, CampaignChannel.INFO_STANDS, "2015-09-19", "2015-12-20", 15000, 4200),
        ("Incontri one-to-one con grandi donatori", Market.MAJOR_DONORS, CampaignChannel.FACE_TO_FACE,
         "2015-06-01", None, 30000, 1500),
        ("Imprese e fondazioni del territorio", Market.CORPORATE, CampaignChannel.DIRECT_MAIL,
         "2015-10-01", None, 40000, 2500),
        ("Evento Wel(l)Fare Legami nei tre centri", Market.EVENTS, CampaignChannel.EVENTS,
         "2015-11-01", "2018-05-07", 30000, 1000),
        ("Bond Wel(l)Fare Legami con il Banco Popolare", Market.FINANCIAL, CampaignChannel.DIRECT_MAIL,
         "2016-04-01", "2017-03-31", 25000, 3000),
        ("Dona online", Market.ONLINE, CampaignChannel.WEBSITE, "2015-12-01", None, 10000, 1800),
        ("Mailing ed e-mailing ai donatori", Market.INDIVIDUALS, CampaignChannel.EMAIL, "2016-09-01", None,
         20000, 2200),
        ("Enti istituzionali di secondo livello", Market.INSTITUTIONAL, CampaignChannel.FACE_TO_FACE,
         "2016-06-01", None, 60000, 800),
    ]  # fmt: skip
    campaigns = [
        Campaign(name=name, market=market, channel=channel, start=dt.date.fromisoformat(start),
                 end=dt.date.fromisoformat(end) if end else None, goal=Decimal(goal), costs=Decimal(costs),
                 description=f"{DEMO_LABEL} Campagna dimostrativa.")
        for name, market, channel, start, end, goal, costs in rows
    ]  # fmt: skip
    campaigns = bulk_create_with_history(campaigns, Campaign)
    return {c.name: c for c in Campaign.objects.all()}


def _events(campaign: Campaign) -> list[Event]:
    rows = [
        ("Cena di FareLegami", "2015-11-21", EventPlace.CREMONA, "Palazzo Trecchi", 3200, 160),
        ("Cena di FareLegami", "2015-12-05", EventPlace.CREMA, "Sala Pietro da Cemmo", 2800, 130),
        ("Cena di FareLegami", "2016-01-23", EventPlace.CASALMAGGIORE, "Teatro comunale", 2100, 90),
        ("Concerto per FareLegami", "2016-04-16", EventPlace.CREMONA, "Auditorium", 4000, 220),
        ("Cena di FareLegami", "2016-11-19", EventPlace.CREMONA, "Palazzo Trecchi", 3000, 180),
        ("Cena di FareLegami", "2016-12-03", EventPlace.CREMA, "Sala Pietro da Cemmo", 2600, 150),
        ("Cena di FareLegami", "2017-11-18", EventPlace.CREMONA, "Palazzo Trecchi", 2900, 200),
        ("Cena di FareLegami", "2017-12-02", EventPlace.CASALMAGGIORE, "Teatro comunale", 2000, 110),
    ]
    events = [
        Event(name=name, date=dt.date.fromisoformat(day), place=place, place_detail=where, campaign=campaign,
              costs=Decimal(costs), attendees=people, notes=f"{DEMO_LABEL} Evento dimostrativo.")
        for name, day, place, where, costs, people in rows
    ]  # fmt: skip
    bulk_create_with_history(events, Event)
    return list(Event.objects.order_by("date"))


def _donors(rng: random.Random, campaigns, events, districts, user) -> list[Donor]:
    donors = []
    people = DONORS - sum(n for _, n, _ in ORG_KINDS)
    for index in range(people):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        district = rng.choice(districts)
        major = index < 25
        acquisition = rng.choice([Acquisition.EVENT, Acquisition.CAMPAIGN, Acquisition.CAMPAIGN, Acquisition.ONLINE,
                                  Acquisition.ONE_TO_ONE if major else Acquisition.OTHER])  # fmt: skip
        donors.append(
            Donor(
                kind=DonorKind.PERSON, first_name=first, last_name=last,
                fiscal_code=_fiscal_code(rng, last, first) if rng.random() < 0.8 else "",
                email=f"{first}.{last}.{index}@example.org".lower() if rng.random() < 0.75 else "",
                phone=f"0372 {rng.randint(100000, 999999)}" if rng.random() < 0.4 else "",
                town=rng.choice(TOWNS[district.code]), district=district,
                segment=Segment.MAJOR_DONOR if major else Segment.INDIVIDUAL, acquisition=acquisition,
                acquisition_campaign=campaigns[STREET_CAMPAIGN] if acquisition == Acquisition.CAMPAIGN else None,
                acquisition_event=rng.choice(events[:4]) if acquisition == Acquisition.EVENT else None,
                contact_source=rng.choice(["Modulo firmato a un banchetto", "Modulo dell'evento", "Sito web",
                                           "Incontro one-to-one", "Elenco soci di un partner (con consenso)"]),
                lawful_basis=LawfulBasis.CONSENT, objects_to_tax_list=rng.random() < 0.03,
                notes=f"{DEMO_LABEL} Donatore dimostrativo.", created_by=user, updated_by=user,
            )
        )  # fmt: skip
    for kind, count, label in ORG_KINDS:
        for index in range(count):
            district = rng.choice(districts)
            segment = {DonorKind.COMPANY: Segment.CORPORATE}.get(kind, Segment.INSTITUTIONAL)
            donors.append(
                Donor(
                    kind=kind, organisation_name=(
                        f"{rng.choice(LAST_NAMES)} {label} {DEMO_LABEL}"
                        if kind == DonorKind.COMPANY
                        else f"{label} {rng.choice(LAST_NAMES)} {index + 1} {DEMO_LABEL}"
                    ),
                    fiscal_code=_company_code(rng) if rng.random() < 0.8 else "",
                    email=f"info.{kind}.{index}@example.org", town=rng.choice(TOWNS[district.code]),
                    district=district, segment=segment, acquisition=Acquisition.ONE_TO_ONE,
                    contact_source="Incontro one-to-one", lawful_basis=LawfulBasis.LEGITIMATE_INTEREST,
                    notes=f"{DEMO_LABEL} Ente dimostrativo.", created_by=user, updated_by=user,
                )
            )  # fmt: skip
    # Two duplicates to show the de-duplication (same fiscal code or e-mail as an earlier donor).
    for original in (donors[30], donors[31]):
        donors.append(
            Donor(
                kind=original.kind, first_name=original.first_name, last_name=original.last_name,
                fiscal_code=original.fiscal_code, email=original.email or "doppio@example.org",
                district=original.district, segment=original.segment, acquisition=Acquisition.OTHER,
                contact_source="Importazione dall'elenco del primo anno",
                notes=f"{DEMO_LABEL} Duplicato dimostrativo.", created_by=user, updated_by=user,
            )
        )  # fmt: skip
    bulk_create_with_history(donors, Donor, default_user=user)
    return list(Donor.objects.order_by("pk"))


def _amount(rng: random.Random, donor: Donor) -> Decimal:
    if donor.segment == Segment.MAJOR_DONOR:
        return Decimal(rng.choice([500, 1000, 1500, 2000, 3000]))
    if donor.segment == Segment.CORPORATE:
        return Decimal(rng.choice([500, 1000, 2500, 5000]))
    if donor.segment == Segment.INSTITUTIONAL:
        return Decimal(rng.choice([2000, 5000, 10000]))
    return Decimal(rng.choice([10, 20, 25, 50, 50, 100, 150, 200]))


def _day_in(rng: random.Random, year: ProjectYear) -> dt.date:
    return year.start + dt.timedelta(days=rng.randint(0, (year.end - year.start).days))


def _record_designations() -> list:
    """Gifts designated to one lab, company pact or civic center (free places): three labs, two of each other."""
    from civic_center.models import CivicCenter
    from imprese.models import PattoImpresa
    from laboratori.models import Laboratorio

    keys = [f"lab:{pk}" for pk in Laboratorio.objects.order_by("pk").values_list("pk", flat=True)[:3]]
    keys += [f"company_pact:{pk}" for pk in PattoImpresa.objects.order_by("pk").values_list("pk", flat=True)[:2]]
    keys += [f"civic_center:{pk}" for pk in CivicCenter.objects.order_by("pk").values_list("pk", flat=True)[:2]]
    return [services.designation_for(key) for key in keys]


def seed_fundraising_demo(*, stdout) -> None:
    if Campaign.objects.filter(name=STREET_CAMPAIGN).exists():
        stdout.write("Raccolta fondi dimostrativa già presente: nessuna modifica.")
        return
    rng = random.Random(2015)
    seed_legal_bases()
    user = get_user_model().objects.filter(username="fundraising").first()
    years = {y.number: y for y in ProjectYear.objects.all()}
    if set(YEAR_TOTALS) - set(years):
        stdout.write("Anni di progetto mancanti: raccolta fondi dimostrativa non creata.")
        return
    districts = list(District.objects.order_by("code"))
    campaigns = _campaigns()
    events = _events(campaigns["Evento Wel(l)Fare Legami nei tre centri"])
    donors = _donors(rng, campaigns, events, districts, user)
    designations = [services.designation_for("unrestricted")] * 6 + [
        services.designation_for("subfund:cremasco"), services.designation_for("subfund:cremonese"),
        services.designation_for("action:1"), services.designation_for("action:3"),
    ]  # fmt: skip
    designations += _record_designations()  # a few labs, company pacts and civic centers, when their demo exists

    consents = [
        ConsentRecord(donor=d, channel=channel, granted=True, date=dt.date(2015, 9, 1) + dt.timedelta(days=i % 300),
                      source=d.contact_source, created_by=user, updated_by=user)
        for i, d in enumerate(donors) if i % 3
        for channel in (ContactChannel.EMAIL, ContactChannel.POST) if d.email or channel == ContactChannel.POST
    ]  # fmt: skip
    bulk_create_with_history(consents, ConsentRecord, default_user=user)

    # Pledges of major donors and companies, paid in instalments (some still outstanding).
    majors = [d for d in donors if d.segment in (Segment.MAJOR_DONOR, Segment.CORPORATE)][:14]
    pledges = [
        Pledge(donor=d, date=years[2].start + dt.timedelta(days=20 * i), amount=Decimal(3000 + 1000 * (i % 4)),
               designation=designations[6 + i % 4], notes=f"{DEMO_LABEL} Impegno dimostrativo.",
               created_by=user, updated_by=user)
        for i, d in enumerate(majors)
    ]  # fmt: skip
    pledges = bulk_create_with_history(pledges, Pledge, default_user=user)
    pledges = list(Pledge.objects.order_by("pk"))
    instalments = []
    for pledge in pledges:
        third = (pledge.amount / 3).quantize(Decimal("0.01"))
        for n, share in enumerate([third, third, pledge.amount - 2 * third]):
            instalments.append(
                PledgeInstalment(pledge=pledge, due_date=pledge.date + dt.timedelta(days=120 * n), amount=share)
            )
    bulk_create_with_history(instalments, PledgeInstalment)

    street = campaigns[STREET_CAMPAIGN]
    by_market = {c.market: c for c in campaigns.values()}
    by_market[Market.INDIVIDUALS] = campaigns["Mailing ed e-mailing ai donatori"]
    gifts = []
    for number, year in years.items():
        if number not in YEAR_TOTALS:
            continue
        planned = []
        for _ in range(GIFTS_PER_YEAR[number]):
            donor = rng.choice(donors[: DONORS - 60] if number == 1 else donors)
            planned.append((donor, _amount(rng, donor)))
        pledge_payments = []
        if number >= 2:
            for i, pledge in enumerate(pledges):
                if number == 3 and i % 3 == 0:
                    continue  # some pledges still have instalments to pay
                pledge_payments.append((pledge, (pledge.amount / 3).quantize(Decimal("0.01"))))
        fixed = sum((a for _, a in pledge_payments), Decimal("0"))
        scale = (YEAR_TOTALS[number] - fixed) / sum((a for _, a in planned), Decimal("0"))
        amounts = [max(Decimal("5"), _money(a * scale)) for _, a in planned]
        largest = amounts.index(max(amounts))  # the rounding difference goes to the largest gift (never below 0)
        amounts[largest] += YEAR_TOTALS[number] - fixed - sum(amounts, Decimal("0"))
        for (donor, _), amount in zip(planned, amounts, strict=True):
            day = _day_in(rng, year)
            event = (
                rng.choice([e for e in events if year.start <= e.date <= year.end] or [None])
                if rng.random() < 0.15
                else None
            )
            if number == 1 and donor.segment == Segment.INDIVIDUAL and rng.random() < 0.5:
                campaign, method = street, rng.choice([PaymentMethod.CASH, PaymentMethod.CASH, PaymentMethod.CARD])
                day = street.start + dt.timedelta(days=rng.randint(0, (street.end - street.start).days))
            elif event is not None:
                campaign, method, day = event.campaign, rng.choice([PaymentMethod.CASH, PaymentMethod.CARD]), event.date
            else:
                market = {Segment.MAJOR_DONOR: Market.MAJOR_DONORS, Segment.CORPORATE: Market.CORPORATE,
                          Segment.INSTITUTIONAL: Market.INSTITUTIONAL}.get(donor.segment)  # fmt: skip
                market = market or rng.choice([Market.ONLINE, Market.FINANCIAL, Market.INDIVIDUALS])
                campaign = by_market.get(market)
                if campaign and campaign.start > day:
                    campaign = None
                method = (
                    PaymentMethod.ONLINE
                    if market == Market.ONLINE
                    else rng.choice(
                        [
                            PaymentMethod.BANK_TRANSFER,
                            PaymentMethod.BANK_TRANSFER,
                            PaymentMethod.POSTAL,
                            PaymentMethod.CARD,
                        ]
                    )
                )
            gifts.append(
                Donation(donor=donor, date=day, amount=amount, payment_method=method, campaign=campaign, event=event,
                         designation=rng.choice(designations), created_by=user, updated_by=user)
            )  # fmt: skip
        for pledge, amount in pledge_payments:
            start = max(year.start, pledge.date)
            day = start + dt.timedelta(days=rng.randint(0, (year.end - start).days))
            gifts.append(
                Donation(donor=pledge.donor, pledge=pledge, date=day,
                         amount=amount, payment_method=PaymentMethod.BANK_TRANSFER, designation=pledge.designation,
                         created_by=user, updated_by=user)
            )  # fmt: skip
    for i in range(12):  # in-kind gifts, kept apart from the cash totals
        gifts.append(
            Donation(donor=rng.choice(donors[-70:]), date=_day_in(rng, years[1 + i % 3]), amount=Decimal(300 + 100 * i),
                     gift_kind=GiftKind.IN_KIND, in_kind_description="Prodotti alimentari per le cene di comunità",
                     designation=designations[0], created_by=user, updated_by=user)
        )  # fmt: skip
    bulk_create_with_history(gifts, Donation, batch_size=500, default_user=user)

    # Receipts for most named gifts, numbered per calendar year in date order (as the service would).
    receipts, counters = [], {}
    named = Donation.objects.filter(donor__isnull=False).select_related("donor").order_by("date", "pk")
    for gift in named:
        if rng.random() < 0.1:
            continue  # a few still to be issued
        issued = gift.date + dt.timedelta(days=rng.randint(1, 15))
        basis, wording, benefit = services.wording_for(gift, gift.donor, None)
        counters[issued.year] = counters.get(issued.year, 0) + 1
        receipts.append(
            Receipt(donation=gift, year=issued.year, number=counters[issued.year], issued_on=issued,
                    donor_name=gift.donor.display_name, donor_fiscal_code=gift.donor.fiscal_code,
                    donor_address=gift.donor.town, legal_basis=basis, wording=wording, tax_benefit=benefit,
                    created_by=user, updated_by=user)
        )  # fmt: skip
    receipts.sort(key=lambda r: (r.year, r.number))
    bulk_create_with_history(receipts, Receipt, batch_size=500, default_user=user)
    ReceiptCounter.objects.bulk_create([ReceiptCounter(year=y, last_number=n) for y, n in counters.items()])

    # Transfers of part of each restricted balance to the actions' holders (through the service: locks and rules).
    if user is not None:
        holders = {d.code: d.lead_organisation for d in districts}
        foundation = Organisation.objects.filter(short_name="Fondazione Comunitaria").first()
        plan = [
            ("subfund:cremasco", holders.get("cremasco"), "1", dt.date(2016, 9, 15)),
            ("subfund:cremonese", holders.get("cremonese"), "1", dt.date(2016, 9, 15)),
            ("action:3", holders.get("cremonese"), "3", dt.date(2017, 3, 1)),
            ("unrestricted", foundation, "5", dt.date(2017, 6, 30)),
        ]
        lab = Designation.objects.filter(kind="lab").select_related("lab").order_by("pk").first()
        if lab is not None:
            plan.append((lab.key, lab.lab.implementing_body, "2A", dt.date(2017, 5, 15)))
        for key, holder, action_code, day in plan:
            designation = services.designation_for(key)
            available = services.available_balance(designation)
            if holder is None or available <= 0:
                continue
            services.transfer_create(
                designation=designation, holder=holder, action=Action.objects.get(code=action_code),
                amount=(available * Decimal("0.6")).quantize(Decimal("1")), date=day, user=user,
                notes=f"{DEMO_LABEL} Trasferimento dimostrativo.",
            )  # fmt: skip
    stdout.write(
        f"Raccolta fondi dimostrativa: {Donor.objects.count()} donatori, {Donation.objects.count()} donazioni, "
        f"{len(receipts)} ricevute, {len(pledges)} impegni."
    )
