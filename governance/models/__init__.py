"""Models of the governance app, split by concept."""

from .bodies import (
    Attendance,
    BodyMember,
    GovernanceBody,
    Meeting,
    MeetingAttachment,
    meeting_attachment_path,
)
from .convocations import DigestSent, Dispatch, ReminderPreference
from .decisions import Decision
from .territory import Action, District, Municipality, Organisation, ProjectYear, reference_date_default
from .users import UserProfile

__all__ = [
    "Action",
    "Attendance",
    "BodyMember",
    "Decision",
    "DigestSent",
    "Dispatch",
    "District",
    "GovernanceBody",
    "Meeting",
    "MeetingAttachment",
    "Municipality",
    "Organisation",
    "ReminderPreference",
    "ProjectYear",
    "UserProfile",
    "meeting_attachment_path",
    "reference_date_default",
]
from .budget import (  # noqa: E402
    BudgetLine,
    BudgetLineActuals,
    BudgetPlan,
    Expense,
    ExpenseAttachment,
    expense_attachment_path,
)
from .payments import PaymentMapping  # noqa: E402

__all__ += [
    "BudgetLine",
    "BudgetLineActuals",
    "BudgetPlan",
    "Expense",
    "ExpenseAttachment",
    "PaymentMapping",
    "expense_attachment_path",
]
from .results import Indicator, ManualValue, Measurement, Target, TargetVersion, Unit  # noqa: E402

__all__ += ["Indicator", "ManualValue", "Measurement", "Target", "TargetVersion", "Unit"]
from .monitoring import ActionNarrative, MonitoringReport, ReportStatus  # noqa: E402

__all__ += ["ActionNarrative", "MonitoringReport", "ReportStatus"]
