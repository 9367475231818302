"""The receipts' legal bases seeded at installation (the Staff Fundraising keep and change them afterwards).

The seed says only that the foundation's ONLUS status lets donors — persons and companies — use the tax benefits
of gifts (seed 1750-1752); it quotes no article. The wording below is ILLUSTRATIVE (`illustrative=True`, shown on
the screens): it summarises the rules as commonly cited before and after the Third Sector Code (D.Lgs. 117/2017,
art. 83, in force from 1 January 2018) and must be checked by the foundation's tax adviser before use.
"""

from __future__ import annotations

import datetime as dt

THIRD_SECTOR_CODE = dt.date(2018, 1, 1)
BEFORE = dt.date(2015, 1, 1)  # the programme starts in May 2015

LEGAL_BASES = [
    {
        "name": "Erogazioni liberali a ONLUS – persone fisiche (TUIR e D.L. 35/2005)",
        "applies_to": "person",
        "valid_from": BEFORE,
        "valid_to": THIRD_SECTOR_CODE - dt.timedelta(days=1),
        "wording": (
            "Erogazione liberale a favore di ONLUS. Per le persone fisiche l'importo è detraibile dall'imposta lorda "
            "nella misura del 26% fino a 30.000 euro annui (art. 15, comma 1.1, D.P.R. 917/1986) oppure, in "
            "alternativa, deducibile dal reddito complessivo nel limite del 10% del reddito dichiarato e comunque "
            "non oltre 70.000 euro annui (art. 14, D.L. 35/2005, convertito dalla L. 80/2005)."
        ),
    },
    {
        "name": "Erogazioni liberali a ONLUS – enti e imprese (TUIR e D.L. 35/2005)",
        "applies_to": "organisation",
        "valid_from": BEFORE,
        "valid_to": THIRD_SECTOR_CODE - dt.timedelta(days=1),
        "wording": (
            "Erogazione liberale a favore di ONLUS. Per enti e imprese l'importo è deducibile dal reddito d'impresa "
            "per non più di 30.000 euro o del 2% del reddito d'impresa dichiarato (art. 100, comma 2, lett. h, "
            "D.P.R. 917/1986) oppure, in alternativa, nel limite del 10% del reddito complessivo dichiarato e "
            "comunque non oltre 70.000 euro annui (art. 14, D.L. 35/2005)."
        ),
    },
    {
        "name": "Erogazioni liberali a enti del Terzo settore – persone fisiche (art. 83 D.Lgs. 117/2017)",
        "applies_to": "person",
        "valid_from": THIRD_SECTOR_CODE,
        "valid_to": None,
        "wording": (
            "Erogazione liberale a favore di ONLUS, ente del Terzo settore (art. 104, comma 1, D.Lgs. 117/2017). "
            "Per le persone fisiche l'importo è detraibile dall'imposta lorda nella misura del 30% per un importo "
            "complessivo non superiore a 30.000 euro per periodo d'imposta (art. 83, comma 1) oppure, in "
            "alternativa, deducibile nel limite del 10% del reddito complessivo dichiarato (art. 83, comma 2)."
        ),
    },
    {
        "name": "Erogazioni liberali a enti del Terzo settore – enti e imprese (art. 83 D.Lgs. 117/2017)",
        "applies_to": "organisation",
        "valid_from": THIRD_SECTOR_CODE,
        "valid_to": None,
        "wording": (
            "Erogazione liberale a favore di ONLUS, ente del Terzo settore (art. 104, comma 1, D.Lgs. 117/2017). "
            "Per enti e società l'importo è deducibile dal reddito complessivo netto del donatore nel limite del "
            "10% del reddito complessivo dichiarato (art. 83, comma 2, D.Lgs. 117/2017)."
        ),
    },
]


def seed_legal_bases(model=None) -> int:
    """Create the four legal bases if the table is empty (idempotent); returns how many were created."""
    if model is None:
        from .models import LegalBasis as model
    if model.objects.exists():
        return 0
    for row in LEGAL_BASES:
        model.objects.create(**row, illustrative=True)
    return len(LEGAL_BASES)
