"""Models of Action 2/B, split by concept: the pact with its parties, actions and payments; workplace wellbeing."""

from .pacts import (  # noqa: F401
    BUDGET_CEILING,
    NOT_A_COMPANY_MESSAGE,
    SOURCE_CEILING,
    AgreedAction,
    ByPactQuerySet,
    PactParty,
    PactPayment,
    PattoImpresa,
    PattoImpresaQuerySet,
    PaymentQuerySet,
    money_field,
)
from .wellbeing import (  # noqa: F401
    DisseminationAction,
    QuestionnaireResult,
    QuestionnaireRound,
    Training,
    WelfarePackage,
    WellbeingIndicator,
    count_field,
)
