"""Budget: plan versions, budget lines, the one expense ledger and the planned-vs-actual reports.

The models live in `governance/models/budget.py`; this package holds everything around them (enums, services,
selectors, reports, renderers, imports, views). Action apps post payments into the ledger through
`governance.budget.services.expense_record_payment` (see that module's docstring).
"""
