"""Models of Action 2/A, split by concept: the lab with its people and plan; what happens around it."""

from .activity import (  # noqa: F401
    FundraisingActivity,
    FundraisingActivityQuerySet,
    LabMeeting,
    LabMeetingQuerySet,
    LabPayment,
    LabPaymentQuerySet,
    RestitutionEvent,
    RestitutionEventQuerySet,
    SelfAssessment,
    SelfAssessmentQuerySet,
    count_field,
    score_field,
)
from .lab import (  # noqa: F401
    BUDGET_CEILING,
    CEILING_FROM_YEAR,
    IMPLEMENTING_KINDS,
    PARTICIPANT_FIELDS,
    SCORE_NAMES,
    YEAR1_AVERAGE,
    Laboratorio,
    LaboratorioQuerySet,
    LabPerson,
    PlannedAction,
)
