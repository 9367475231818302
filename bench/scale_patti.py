"""Action 1 at scale: households, pacts, their disbursements (each an approved expense of the ledger) and assessments.

Every pact has its own household; nine pacts in ten are signed (spread over the project years by their opening
date), each signed pact has two disbursements (one per funding source, half of that share) posted on the line of
the active plan that `payment_line_for` gives for its district, year and source, exactly as
`patti.services.disbursement_create` would; running and concluded pacts have two assessments, summarised per pact
as `patti.services.assessment_create` would (`summary_rebuild`).
"""

from __future__ import annotations

from django.apps import apps

from .series import add_days, day, insert_select, insert_series, lit, next_id, pick, series

# g % 20 → status: 10 % draft, 10 % signed, 50 % running, 20 % concluded, 10 % interrupted.
STATUS_BY_TWENTIETH = ["bozza"] * 2 + ["sottoscritto"] * 2 + ["attivo"] * 10 + ["concluso"] * 4 + ["interrotto"] * 2
SIGNING_DELAY = 10  # days from opening to signature
DISBURSEMENT_DAYS = (20, 40)  # days after signature of the two disbursements
MARGIN = 60  # the last pact opens this many days before the last project year ends


def year_of(date_sql: str, years) -> str:
    """The id of the project year containing the date (the years are contiguous)."""
    cases = " ".join(f"WHEN {date_sql} <= {lit(y.end)} THEN {y.pk}" for y in years[:-1])
    return f"(CASE {cases} ELSE {years[-1].pk} END)" if cases else str(years[-1].pk)


def payment_lines(years) -> dict[tuple[int, int, str], int]:
    """{(district, year, source): line id} of Action 1's payments, created on the active plan where missing."""
    from governance.models import Action, BudgetLine, BudgetPlan, District, PaymentMapping

    action = Action.objects.get(code="1")
    plan = BudgetPlan.objects.get(is_active=True)
    lines = {}
    for district in District.objects.select_related("lead_organisation"):
        for year in years:
            for source in ("cariplo", "cofinancing"):
                partner, category = PaymentMapping.objects.resolve(
                    action=action, district=district, funding_source=source
                )
                line, _ = BudgetLine.objects.get_or_create(
                    plan=plan,
                    action=action,
                    partner=partner,
                    year=year,
                    category=category,
                    funding_source=source,
                    defaults={"description": "[BENCH] erogazioni dei patti", "planned_amount": 10_000_000},
                )
                lines[(district.pk, year.pk, source)] = line.pk
    return lines


def generate_patti(*, pacts: int) -> dict[str, int]:
    """`pacts` pacts with their households, disbursements (and ledger expenses) and assessments."""
    from governance.models import District, Expense, ProjectYear
    from patti.models import summary_rebuild

    Household = apps.get_model("patti", "Household")
    Patto = apps.get_model("patti", "Patto")
    Assessment = apps.get_model("patti", "Assessment")
    years = list(ProjectYear.objects.order_by("start"))
    districts = list(District.objects.order_by("pk").values_list("pk", flat=True))
    span = (years[-1].end - years[0].start).days - MARGIN
    h0, p0 = next_id(Household), next_id(Patto)

    insert_series(
        Household,
        pacts,
        {
            "id": f"{h0} + g",
            "code": f"'BEN-' || CAST({h0} + g AS TEXT)",
            "district_id": pick(districts),
            "minors": "g % 4",
        },
    )
    opened = day(years[0].start, f"(g * 7919) % {span}")
    status = pick(STATUS_BY_TWENTIETH)
    signed = add_days(opened, str(SIGNING_DELAY))
    insert_series(
        Patto,
        pacts,
        {
            "id": f"{p0} + g",
            "household_id": f"{h0} + g",
            "district_id": pick(districts),
            "opened_on": opened,
            "status": status,
            "signed_on": f"(CASE WHEN {status} = 'bozza' THEN NULL ELSE {signed} END)",
            "start_on": f"(CASE WHEN {status} IN ('bozza', 'sottoscritto') THEN NULL ELSE {add_days(signed, '5')} END)",
            "planned_end_on": add_days(opened, "380"),
            "closed_on": f"(CASE WHEN {status} IN ('concluso', 'interrotto') THEN {add_days(signed, '200')} END)",
            "interruption_reason": f"(CASE WHEN {status} = 'interrotto' THEN '[BENCH] interrotto' ELSE '' END)",
            "project_year_id": year_of(f"(CASE WHEN {status} = 'bozza' THEN {opened} ELSE {signed} END)", years),
            "budget_cariplo": "(800 + (g % 9) * 100)",
            "budget_cofinancing": "(200 + (g % 5) * 50)",
            "pip_text": "'[BENCH] piano sintetico'",
        },
    )
    disbursements = generate_disbursements(p0, years)
    running = f"p.id > {p0} AND p.status IN ('attivo', 'concluso')"
    source = f"{Patto._meta.db_table} p CROSS JOIN {series(2)}"
    score = "1 + (p.id + s.g) % 5"
    assessments = insert_select(
        Assessment,
        {
            "patto_id": "p.id",
            "date": add_days("p.start_on", "90 * s.g"),
            "dynamism": score,
            "resilience": score,
            "incisiveness": "1 + (p.id + 2 * s.g) % 5",
            "planning": "1 + (p.id + 3 * s.g) % 5",
        },
        source,
        where=running,
    )
    summary_rebuild(Patto.objects.filter(pk__gt=p0))
    return {
        "households": pacts,
        "pacts": pacts,
        "disbursements": disbursements,
        "assessments": assessments,
        "expenses": Expense.objects.count(),
    }


def generate_disbursements(p0: int, years) -> int:
    """Two disbursements per signed pact of this run (one per source), each with its approved payment expense."""
    from governance.models import Expense

    Patto = apps.get_model("patti", "Patto")
    Disbursement = apps.get_model("patti", "Disbursement")
    lines = payment_lines(years)
    e0 = next_id(Expense)
    # The n-th (pact, k) pair in id order gets expense e0 + n: the same numbering links both inserts.
    columns = "p.id AS patto_id, p.district_id, p.signed_on, p.budget_cariplo, p.budget_cofinancing, s.g AS k"
    numbered = (
        f"(SELECT {columns}, "  # noqa: S608 - our own SQL, no input
        f"ROW_NUMBER() OVER (ORDER BY p.id, s.g) AS n FROM {Patto._meta.db_table} p CROSS JOIN {series(2)} "
        f"WHERE p.id > {p0} AND p.status <> 'bozza') AS d"
    )
    date = add_days("d.signed_on", f"(CASE d.k WHEN 1 THEN {DISBURSEMENT_DAYS[0]} ELSE {DISBURSEMENT_DAYS[1]} END)")
    amount = "(CASE d.k WHEN 1 THEN d.budget_cariplo ELSE d.budget_cofinancing END) / 2"
    source = "(CASE d.k WHEN 1 THEN 'cariplo' ELSE 'cofinancing' END)"
    year = year_of(date, years)
    line = (
        "(CASE "
        + " ".join(
            f"WHEN d.district_id = {district} AND {year} = {year_id} AND {source} = '{src}' THEN {line_id}"
            for (district, year_id, src), line_id in lines.items()
        )
        + " END)"
    )
    insert_select(
        Expense,
        {
            "id": f"{e0} + d.n",
            "line_id": line,
            "date": date,
            "description": "'[BENCH] Erogazione budget di welfare personale – patto ' || CAST(d.patto_id AS TEXT)",
            "payee": "'Beneficiario del patto'",
            "document_kind": "'other'",
            "document_number": "'PATTO-' || CAST(d.patto_id AS TEXT)",
            "net_amount": amount,
            "vat_amount": "0",
            "gross_amount": amount,
            "status": "'approved'",
            "origin": "'payment'",
            "submitted_at": "CURRENT_TIMESTAMP",
            "decided_at": "CURRENT_TIMESTAMP",
        },
        numbered,
    )
    return insert_select(
        Disbursement,
        {
            "patto_id": "d.patto_id",
            "date": date,
            "amount": amount,
            "purpose": "'[BENCH] erogazione sintetica'",
            "funding_source": source,
            "expense_id": f"{e0} + d.n",
        },
        numbered,
    )
