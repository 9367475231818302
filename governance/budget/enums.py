"""Choices of the budget (Italian labels, stable English values)."""

from django.db import models


class CostCategory(models.TextChoices):
    PERSONNEL = "personnel", "Personale"
    SERVICES = "services", "Consulenze e servizi esterni"
    GOODS = "goods", "Beni e attrezzature"
    CONTRIBUTIONS = "contributions", "Contributi a beneficiari e soggetti attuatori"
    COMMUNICATION = "communication", "Comunicazione ed eventi"
    TRAINING = "training", "Formazione"
    GENERAL = "general", "Spese generali"
    OTHER = "other", "Altro"


class FundingSource(models.TextChoices):
    CARIPLO = "cariplo", "Contributo Fondazione Cariplo"
    COFINANCING = "cofinancing", "Cofinanziamento partner"
    DONATIONS = "donations", "Donazioni / raccolta fondi"
    OTHER = "other", "Altri proventi"


class ExpenseStatus(models.TextChoices):
    DRAFT = "draft", "Bozza"
    SUBMITTED = "submitted", "Presentata"
    APPROVED = "approved", "Approvata"
    REJECTED = "rejected", "Respinta"
    REVERSED = "reversed", "Annullata"


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", "Fattura"
    RECEIPT = "receipt", "Ricevuta"
    PAYSLIP = "payslip", "Cedolino"
    OTHER = "other", "Altro"


class ExpenseOrigin(models.TextChoices):
    MANUAL = "manual", "Inserita a mano"
    IMPORT = "import", "Importata da file"
    PAYMENT = "payment", "Pagamento registrato da un'azione"


class AttachmentKind(models.TextChoices):
    DOCUMENT = "document", "Documento di spesa"
    PAYMENT_PROOF = "payment_proof", "Quietanza di pagamento"
    OTHER = "other", "Altro"
