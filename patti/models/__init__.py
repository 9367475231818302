"""Models of the patti app (Action 1), split by concept."""

from .assessments import Assessment, AssessmentSummary, summary_rebuild, summary_refresh
from .disbursements import Disbursement
from .empowerment import EmpowermentPath, HostOrganisation, Placement
from .enterprise import BusinessIdea, IdeaCall
from .households import IDENTITY_FIELDS, Household, HouseholdMember, IdentityAccess
from .patti import ASSESSMENT_DIMENSIONS, BUDGET_CEILING, Commitment, EquipeMember, Patto

__all__ = [
    "ASSESSMENT_DIMENSIONS",
    "BUDGET_CEILING",
    "IDENTITY_FIELDS",
    "Assessment",
    "AssessmentSummary",
    "BusinessIdea",
    "Commitment",
    "Disbursement",
    "EmpowermentPath",
    "EquipeMember",
    "HostOrganisation",
    "Household",
    "HouseholdMember",
    "IdeaCall",
    "IdentityAccess",
    "Patto",
    "Placement",
    "summary_rebuild",
    "summary_refresh",
]
