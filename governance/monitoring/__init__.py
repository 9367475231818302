"""The annual monitoring report, cost per result and reach (issue #13, items 3-5).

rows.py      the report as plain tables (one function), read by every renderer
renderers.py HTML context, PDF and XLSX of the same tables
costs.py     € per result, planned against actual, per year and district
reach.py     households and people reached, the registry the action apps fill, small-cell suppression
services.py  writing the narrative and submitting (freezing) a report
"""
