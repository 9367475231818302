"""Choices of the fundraising app (Italian labels, stable English values)."""

from django.db import models


class DonorKind(models.TextChoices):
    PERSON = "person", "Persona fisica"
    COMPANY = "company", "Impresa"
    FOUNDATION = "foundation", "Fondazione"
    INSTITUTION = "institution", "Ente o istituzione"
    ASSOCIATION = "association", "Associazione"


class Acquisition(models.TextChoices):
    EVENT = "event", "Evento"
    CAMPAIGN = "campaign", "Campagna"
    ONE_TO_ONE = "one_to_one", "Incontro one-to-one"
    ONLINE = "online", "Online"
    OTHER = "other", "Altro"


class Segment(models.TextChoices):
    INDIVIDUAL = "individual", "Individuo"
    MAJOR_DONOR = "major_donor", "Grande donatore"
    CORPORATE = "corporate", "Impresa (corporate)"
    INSTITUTIONAL = "institutional", "Istituzionale"


class LawfulBasis(models.TextChoices):
    """GDPR art. 6 basis on which the foundation contacts the donor."""

    CONSENT = "consent", "Consenso dell'interessato"
    LEGITIMATE_INTEREST = "legitimate_interest", "Legittimo interesse (donatore attivo)"
    CONTRACT = "contract", "Rapporto in essere (impegno di donazione)"


class ContactChannel(models.TextChoices):
    EMAIL = "email", "E-mail"
    POST = "post", "Posta"
    PHONE = "phone", "Telefono"
    SMS = "sms", "SMS / messaggistica"


class RelationshipKind(models.TextChoices):
    WORKS_FOR = "works_for", "Lavora per"
    REPRESENTS = "represents", "Legale rappresentante di"
    FAMILY = "family", "Familiare di"
    OTHER = "other", "Altro legame con"


class Market(models.TextChoices):
    INDIVIDUALS = "individuals", "Individui"
    MAJOR_DONORS = "major_donors", "Grandi donatori"
    CORPORATE = "corporate", "Imprese"
    INSTITUTIONAL = "institutional", "Istituzionale"
    EVENTS = "events", "Eventi"
    FINANCIAL = "financial", "Finanziario (bond, certificati)"
    ONLINE = "online", "Online"


class CampaignChannel(models.TextChoices):
    DIRECT_MAIL = "direct_mail", "Direct mail"
    EMAIL = "email", "E-mail"
    FACE_TO_FACE = "face_to_face", "Faccia a faccia"
    INFO_STANDS = "info_stands", "Banchetti informativi"
    EVENTS = "events", "Eventi"
    WEBSITE = "website", "Sito web"


class EventPlace(models.TextChoices):
    CREMONA = "cremona", "Cremona"
    CREMA = "crema", "Crema"
    CASALMAGGIORE = "casalmaggiore", "Casalmaggiore"
    OTHER = "other", "Altro luogo"


class GiftKind(models.TextChoices):
    MONEY = "money", "Denaro"
    IN_KIND = "in_kind", "In natura (beni o servizi)"


class PaymentMethod(models.TextChoices):
    CASH = "cash", "Contanti"
    BANK_TRANSFER = "bank_transfer", "Bonifico bancario"
    POSTAL = "postal", "Bollettino postale"
    CARD = "card", "Carta di pagamento"
    CHEQUE = "cheque", "Assegno"
    ONLINE = "online", "Pagamento online"
    DIRECT_DEBIT = "direct_debit", "Addebito diretto (SDD)"


# Only traceable payments give a tax benefit (art. 83 D.Lgs. 117/2017; before it, art. 15 TUIR and DL 35/2005).
TRACEABLE_METHODS = frozenset(set(PaymentMethod) - {PaymentMethod.CASH})


class DesignationKind(models.TextChoices):
    """What a gift is for: the fund, a sub-fund, an action, or one record of an action (a lab, a company pact, the
    free places of a civic center: a nullable reference per kind on `Designation`)."""

    UNRESTRICTED = "unrestricted", "Fondo di progetto (non vincolato)"
    SUBFUND = "subfund", "Sotto-fondo territoriale"
    ACTION = "action", "Azione specifica"
    LAB = "lab", "Laboratorio di Comunità"
    COMPANY_PACT = "company_pact", "Patto con un'impresa"
    CIVIC_CENTER = "civic_center", "Posti gratuiti di un civic center"


class DonorApplies(models.TextChoices):
    """Which donors a legal basis of the receipt applies to."""

    PERSON = "person", "Persone fisiche"
    ORGANISATION = "organisation", "Enti e imprese"
