"""Budget: plan versions, budget lines and the one ledger of expenses (actuals).

Rules live here (constraints, the expense state machine) and in `governance/budget/services.py` (writes).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..audit import AuditedModel, audited_save
from ..budget.enums import AttachmentKind, CostCategory, DocumentKind, ExpenseOrigin, ExpenseStatus, FundingSource
from ..enums import Role
from ..money import CENT, format_eur, validate_money, validate_positive_money  # noqa: F401 (migrations name the validator here)
from ..scoping import user_scope
from ..uploads import validate_document
from .territory import Action, Organisation, ProjectYear

BUDGET_READ_ALL_ROLES = (Role.DIREZIONE, Role.AMMINISTRAZIONE)


def budget_partner_q(user, prefix: str = "") -> Q:
    """Which budget lines a user may read, as a filter on the line's partner (fail closed).

    Staff Amministrazione, Direzione and superusers: every line. Ufficio di Piano: lines of partners in its
    districts. Partner referent: the lines of its own organisation. Everyone else: none.
    """
    scope = user_scope(user)
    if scope.has_role(*BUDGET_READ_ALL_ROLES):
        return Q()
    q = Q(pk__in=[])
    if Role.UFFICIO_DI_PIANO in scope.roles and scope.district_ids:
        q |= Q(**{f"{prefix}partner__district__in": scope.district_ids})
    if scope.partner_org_id:
        q |= Q(**{f"{prefix}partner_id": scope.partner_org_id})
    return q


class BudgetPlanQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class BudgetPlan(models.Model):
    """A version of the programme's economic plan (original 2015, revised 1 June 2016, …). One is active."""

    code = models.SlugField("codice", max_length=40, unique=True)
    name = models.CharField("nome", max_length=150)
    date = models.DateField("data")
    declared_total = models.DecimalField("totale dichiarato", max_digits=12, decimal_places=2)
    declared_cariplo = models.DecimalField(
        "contributo Fondazione Cariplo dichiarato", max_digits=12, decimal_places=2, default=Decimal("1500000.00")
    )
    is_active = models.BooleanField("piano attivo", default=False)
    illustrative_allocation = models.BooleanField(
        "ripartizione illustrativa",
        default=False,
        help_text="Le righe sono una ripartizione illustrativa (dati dimostrativi), non il piano approvato.",
    )
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = BudgetPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = "piano economico"
        verbose_name_plural = "piani economici"
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="one_active_budget_plan"),
            models.CheckConstraint(condition=Q(declared_total__gt=0), name="budget_plan_total_positive"),
            models.CheckConstraint(condition=Q(declared_cariplo__gte=0), name="budget_plan_cariplo_not_negative"),
        ]

    def __str__(self):
        return f"{self.name} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("governance:budget_plan_detail", args=[self.pk])


class BudgetLineQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(budget_partner_q(user))

    def of_active_plan(self):
        return self.filter(plan__is_active=True)


class BudgetLine(models.Model):
    """Planned amount of one action, partner, project year, cost category and funding source in a plan."""

    plan = models.ForeignKey(BudgetPlan, verbose_name="piano", on_delete=models.PROTECT, related_name="lines")
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="budget_lines")
    partner = models.ForeignKey(
        Organisation, verbose_name="partner responsabile", on_delete=models.PROTECT, related_name="budget_lines"
    )
    year = models.ForeignKey(
        ProjectYear, verbose_name="anno di progetto", on_delete=models.PROTECT, related_name="budget_lines"
    )
    category = models.CharField("categoria di costo", max_length=20, choices=CostCategory.choices)
    funding_source = models.CharField("fonte di finanziamento", max_length=20, choices=FundingSource.choices)
    description = models.CharField("descrizione", max_length=250, blank=True)
    planned_amount = models.DecimalField(
        "importo previsto", max_digits=12, decimal_places=2, validators=[validate_positive_money]
    )

    history = HistoricalRecords()
    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "action__order", "year__number", "partner__name", "category", "funding_source"]
        verbose_name = "riga di budget"
        verbose_name_plural = "righe di budget"
        constraints = [
            models.CheckConstraint(condition=Q(planned_amount__gt=0), name="budget_line_amount_positive"),
            models.UniqueConstraint(
                fields=["plan", "action", "partner", "year", "category", "funding_source"],
                name="one_budget_line_per_key",
            ),
        ]
        indexes = [
            models.Index(fields=["plan", "partner"], name="budgetline_plan_partner"),
            models.Index(fields=["plan", "year", "action"], name="budgetline_plan_year_action"),
        ]

    def __str__(self):
        return (
            f"{self.action.code} · {self.partner} · Anno {self.year.number} · "
            f"{self.get_category_display()} · {self.get_funding_source_display()}"
        )

    def get_absolute_url(self):
        return reverse("governance:budget_line_detail", args=[self.pk])

    @property
    def in_words(self) -> str:
        """The line as staff read it: action · organisation · year · category · source (needs those related rows)."""
        action = self.action.name if self.action.code == "GA" else f"Azione {self.action.code} – {self.action.name}"
        year = f"anno {self.year.number} ({self.year.start:%Y}–{self.year.end:%Y})"
        return " · ".join(
            (action, str(self.partner), year, self.get_category_display(), self.get_funding_source_display())
        )

    KEY_FIELDS = ("plan_id", "action_id", "partner_id", "year_id", "category", "funding_source")

    @property
    def key(self) -> tuple:
        """What the line is a line of: changing it would move the expenses already counted on it."""
        return tuple(getattr(self, name) for name in self.KEY_FIELDS)

    @property
    def key_is_frozen(self) -> bool:
        """A line with expenses keeps its key; only the planned amount and the description change."""
        return bool(self.pk) and self.expenses.exists()

    def clean(self):
        if self.key_is_frozen:
            stored = BudgetLine.objects.get(pk=self.pk)
            if stored.key != self.key:
                raise ValidationError(
                    "La riga ha già delle spese: piano, azione, partner, anno, categoria e fonte non si cambiano più "
                    "(si possono cambiare solo l'importo previsto e la descrizione)."
                )


class ExpenseQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(budget_partner_q(user, prefix="line__"))


def expense_attachment_path(instance, filename):
    return f"expenses/{instance.expense_id}/{filename}"


class Expense(AuditedModel):
    """One expense (actual) on a budget line. Counted as actual only when approved."""

    TRANSITIONS = {
        ExpenseStatus.DRAFT: {ExpenseStatus.SUBMITTED},
        ExpenseStatus.SUBMITTED: {ExpenseStatus.APPROVED, ExpenseStatus.REJECTED},
        ExpenseStatus.REJECTED: {ExpenseStatus.DRAFT},
        ExpenseStatus.APPROVED: {ExpenseStatus.REVERSED},
        ExpenseStatus.REVERSED: set(),
    }

    line = models.ForeignKey(
        BudgetLine, verbose_name="riga di budget", on_delete=models.PROTECT, related_name="expenses"
    )
    date = models.DateField("data della spesa")
    description = models.CharField("descrizione", max_length=250)
    payee = models.CharField("fornitore o beneficiario", max_length=200)
    document_kind = models.CharField(
        "tipo di documento", max_length=20, choices=DocumentKind.choices, default=DocumentKind.INVOICE
    )
    document_number = models.CharField("numero del documento", max_length=50, blank=True)
    document_date = models.DateField("data del documento", null=True, blank=True)
    net_amount = models.DecimalField("imponibile", max_digits=12, decimal_places=2)
    vat_amount = models.DecimalField("IVA", max_digits=12, decimal_places=2, default=Decimal("0.00"))
    gross_amount = models.DecimalField("importo lordo", max_digits=12, decimal_places=2)
    cup = models.CharField("CUP", max_length=15, blank=True, help_text="Codice Unico di Progetto.")
    cig = models.CharField("CIG", max_length=10, blank=True, help_text="Codice Identificativo Gara, se previsto.")
    payment_date = models.DateField("data di pagamento", null=True, blank=True)
    status = models.CharField("stato", max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.DRAFT)
    status_reason = models.TextField("motivazione", blank=True, help_text="Motivo del rifiuto o dell'annullamento.")
    origin = models.CharField("origine", max_length=20, choices=ExpenseOrigin.choices, default=ExpenseOrigin.MANUAL)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="presentata da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField("presentata il", null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="approvata/respinta da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField("approvata/respinta il", null=True, blank=True, editable=False)

    objects = ExpenseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "spesa"
        verbose_name_plural = "spese"
        constraints = [
            models.CheckConstraint(condition=Q(net_amount__gt=0), name="expense_net_positive"),
            models.CheckConstraint(condition=Q(vat_amount__gte=0), name="expense_vat_not_negative"),
            models.CheckConstraint(
                condition=Q(gross_amount=models.F("net_amount") + models.F("vat_amount")), name="expense_gross_sum"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[ExpenseStatus.REJECTED, ExpenseStatus.REVERSED]) | ~Q(status_reason=""),
                name="expense_rejection_has_reason",
            ),
        ]
        indexes = [
            # The report aggregates per line and status: an index-only scan on PostgreSQL.
            models.Index(fields=["line", "status", "gross_amount"], name="expense_line_status_amount"),
            models.Index(fields=["status", "date"], name="expense_status_date"),
            models.Index(fields=["-date", "-id"], name="expense_ledger_order"),  # the ledger's default order
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {self.payee} · {format_eur(self.gross_amount)}"

    def get_absolute_url(self):
        return reverse("governance:expense_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == ExpenseStatus.DRAFT

    @property
    def accepts_attachments(self) -> bool:
        """Supporting documents are added while the expense is a draft or awaits approval."""
        return self.status in (ExpenseStatus.DRAFT, ExpenseStatus.SUBMITTED)

    def clean(self):
        errors = {}
        for field, label, allow_zero in (
            ("net_amount", "L'imponibile", False),
            ("vat_amount", "L'IVA", True),
        ):
            try:
                validate_money(getattr(self, field), label=label, allow_zero=allow_zero)
            except ValidationError as error:
                errors[field] = error.messages
        if not errors and self.net_amount is not None:
            self.gross_amount = self.net_amount + (self.vat_amount or Decimal("0"))
        if self.line_id and not self.line.plan.is_active:
            errors["line"] = [
                "La riga di budget appartiene a un piano non attivo: registrare la spesa sul piano attivo."
            ]
        if self.date and not ProjectYear.objects.containing(self.date).exists():
            errors["date"] = ["La data della spesa non cade in nessun anno di progetto."]
        if errors:
            raise ValidationError(errors)

    def missing_document_for(self, status: str) -> str:
        """Why `status` needs a supporting document this expense lacks ("" if none is needed or one is attached).

        Submitting and approving need one; payments posted by an action's service (`payment_post`) are exempt.
        """
        if self.origin == ExpenseOrigin.PAYMENT or status not in (ExpenseStatus.SUBMITTED, ExpenseStatus.APPROVED):
            return ""
        if self.pk and self.attachments.exists():
            return ""
        verb = "presentata" if status == ExpenseStatus.SUBMITTED else "approvata"
        return (
            f"La spesa non può essere {verb} senza un documento di spesa allegato: allegare la fattura o la ricevuta."
        )

    def transition_to(self, status: str, *, user, reason: str = "", expected_version: int | None = None) -> None:
        """Move to `status` if the state machine allows it; record who and when; save (history records it).

        Called only by `governance.budget.services`, which also moves the amount in the line's running totals.
        `expected_version` (default: the version this instance was loaded with) is checked by `audited_save`.
        """
        status = ExpenseStatus(status)
        if status not in self.TRANSITIONS[ExpenseStatus(self.status)]:
            raise ValidationError(
                f"Una spesa «{self.get_status_display()}» non può passare allo stato «{status.label}»."
            )
        if status in (ExpenseStatus.REJECTED, ExpenseStatus.REVERSED) and not reason.strip():
            raise ValidationError("Indicare la motivazione.")
        missing = self.missing_document_for(status)
        if missing:
            raise ValidationError(missing)
        now = timezone.now()
        if status == ExpenseStatus.SUBMITTED:
            self.full_clean()
            self.submitted_by, self.submitted_at = user, now
        elif status in (ExpenseStatus.APPROVED, ExpenseStatus.REJECTED):
            self.decided_by, self.decided_at = user, now
        self.status_reason = reason.strip() if status in (ExpenseStatus.REJECTED, ExpenseStatus.REVERSED) else ""
        self.status = status
        audited_save(
            self,
            user=user,
            expected_version=self.version if expected_version is None else expected_version,
            reason=f"Stato: {status.label}" + (f" ({self.status_reason})" if self.status_reason else ""),
        )


class ExpenseAttachment(models.Model):
    """A supporting document of an expense (invoice, FatturaPA XML, signed .p7m, proof of payment…)."""

    expense = models.ForeignKey(Expense, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("tipo", max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.DOCUMENT)
    file = models.FileField("file", upload_to=expense_attachment_path, validators=[validate_document])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    uploaded_at = models.DateTimeField("caricato il", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "allegato della spesa"
        verbose_name_plural = "allegati della spesa"

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def filename(self) -> str:
        return str(self)


class BudgetLineActuals(models.Model):
    """Derived running totals of a line's expenses by status, so the report reads O(lines), not O(expenses).

    Not audited: it is a cache of the audited ledger, changed only by `governance.budget.actuals` in the same
    transaction as the expense change, and rebuildable from the ledger at any time (`actuals_rebuild`).
    """

    line = models.OneToOneField(BudgetLine, on_delete=models.CASCADE, primary_key=True, related_name="actuals")
    approved = models.DecimalField("consuntivo approvato", max_digits=14, decimal_places=2, default=Decimal("0"))
    submitted = models.DecimalField("presentato da approvare", max_digits=14, decimal_places=2, default=Decimal("0"))

    class Meta:
        verbose_name = "totali della riga di budget"
        verbose_name_plural = "totali delle righe di budget"

    def __str__(self):
        return f"{self.line_id}: {self.approved} / {self.submitted}"
