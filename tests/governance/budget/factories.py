"""factory_boy factories of the budget, on the seeded plans (the revised plan is the active one)."""

import datetime as dt
from decimal import Decimal

import factory

from governance.budget.actuals import actuals_of_new
from governance.budget.enums import CostCategory, DocumentKind, ExpenseStatus, FundingSource
from governance.models import Action, BudgetLine, BudgetPlan, Expense, ExpenseAttachment, Organisation, ProjectYear
from tests.factories import pdf_upload


def active_plan():
    return BudgetPlan.objects.get(is_active=True)


def original_plan():
    return BudgetPlan.objects.get(code="originale-2015")


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    plan = factory.LazyFunction(active_plan)
    action = factory.LazyFunction(lambda: Action.objects.get(code="1"))
    partner = factory.LazyFunction(lambda: Organisation.objects.get(name="Consorzio Arcobaleno"))
    year = factory.LazyFunction(lambda: ProjectYear.objects.get(number=2))
    category = CostCategory.CONTRIBUTIONS
    funding_source = factory.Iterator(
        [FundingSource.CARIPLO, FundingSource.COFINANCING, FundingSource.DONATIONS, FundingSource.OTHER]
    )
    description = factory.Sequence(lambda n: f"Riga di prova {n}")
    planned_amount = Decimal("10000.00")


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense
        skip_postgeneration_save = True

    line = factory.SubFactory(BudgetLineFactory)
    date = dt.date(2016, 10, 3)
    description = factory.Sequence(lambda n: f"Spesa di prova {n}")
    payee = "Cooperativa di prova"
    document_kind = DocumentKind.INVOICE
    document_number = factory.Sequence(lambda n: f"FT-{n}")
    net_amount = Decimal("100.00")
    vat_amount = Decimal("22.00")
    gross_amount = factory.LazyAttribute(lambda o: o.net_amount + o.vat_amount)
    status = ExpenseStatus.DRAFT

    @factory.post_generation
    def document(self, create, extracted, **kwargs):
        """A supporting document (needed to submit and to approve): by default on submitted expenses only;
        `document=True` adds one to a draft, `document=False` leaves a submitted expense without."""
        wanted = self.status == ExpenseStatus.SUBMITTED if extracted is None else extracted
        if create and wanted:
            ExpenseAttachment.objects.create(expense=self, file=pdf_upload("fattura.pdf"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Created directly in a given status, the expense is counted in the line's running totals too."""
        expense = super()._create(model_class, *args, **kwargs)
        actuals_of_new([expense])
        return expense


class ExpenseAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseAttachment

    expense = factory.SubFactory(ExpenseFactory)
    file = factory.LazyFunction(lambda: pdf_upload("fattura.pdf"))
