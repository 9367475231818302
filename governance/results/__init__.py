"""The results framework: indicators, targets (original 2015 and revised June 2016), manual values, the "Risultati"
page and its exports.

The models live in `governance/models/results.py`; the registry the action apps fill is `governance/indicators.py`;
this package holds everything around them (reference data, selectors, report rows, services, forms, views).
"""
