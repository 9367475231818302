"""The Province of Cremona's municipalities as they stood during the programme (2015–2018), each in its district.

Data: ``governance/data/comuni_provincia_cremona_2015_2018.csv`` (Belfiore code, name, district, validity dates).

Where the rows come from
------------------------
* Names, Belfiore (cadastral) codes and validity dates: ISTAT's municipality register as shipped by the maintained
  package python-codicefiscale 0.12.1 (``codicefiscale/data/municipalities.json``, MIT licence,
  https://github.com/fabiocaccamo/python-codicefiscale). ``rows_from_codicefiscale`` extracts the rows: every
  municipality of province "CR" that existed at some time between the programme's start (2015-05-08) and its end
  (2018-05-07). That gives **115** municipalities, the number seed line 174 gives ("115 Comuni"). Three of them
  merged after the programme (2019-01-01: Piadena + Drizzona = Piadena Drizzona; Ca' d'Andrea into Torre de'
  Picenardi), so they carry ``valid_to`` 2018-12-31. The package title-cases the names ("Casalbuttano Ed Uniti");
  the file writes the particles in lower case as ISTAT does ("Casalbuttano ed Uniti").
  The package has no ISTAT numeric codes, so ``istat_code`` stays empty (the Belfiore code identifies the row).
* Districts (ambiti distrettuali, Lombardy's social-planning districts, L.R. 3/2008 art. 18):
  - Cremasco (48): the municipalities signing the district's Accordo di Programma for the Piano di Zona
    (Comune di Crema and 47 others, "Accordo di programma per l'attuazione del Piano di Zona 2021/2023
    dell'Ambito distrettuale Cremasco", with ATS Val Padana and ASST Crema). No Cremasco municipality merged between
    2015 and 2021, so the list holds for the programme's years.
  - Casalasco (20): the municipalities of the Consorzio Casalasco Servizi Sociali, the district's lead body
    ("I venti Comuni casalaschi", https://concass.it/chi-siamo/), before the 2019 mergers.
  - Cremonese (47): every other municipality of the province (Azienda Sociale del Cremonese's district).

Comparison with the seed (47 / 48 / 21, seed 1369-1371)
-------------------------------------------------------
Cremonese 47 and Cremasco 48 agree. The Casalasco has 20 municipalities in the province, the seed says 21: the
seed's three figures add up to 116, one more than the 115 municipalities that existed (seed 174 and ISTAT). A 2013
press report on the consortium's statute also speaks of "11 Comuni su 21" while the consortium itself speaks of
twenty, so 21 looks like a count that included one more member body; the district's data here has 20 and the
district's ``municipalities_count`` keeps the seed's figure as the document states it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "comuni_provincia_cremona_2015_2018.csv"
PROGRAMME_START = dt.date(2015, 5, 8)
PROGRAMME_END = dt.date(2018, 5, 7)
LOWER_PARTICLES = {"ed", "di", "de'", "del", "in", "sul", "con"}


def italian_name(name: str) -> str:
    """ "Casalbuttano Ed Uniti" -> "Casalbuttano ed Uniti", "Rivolta D'Adda" -> "Rivolta d'Adda"."""
    words = name.split(" ")
    out = words[:1]
    for word in words[1:]:
        lower = word.lower()
        if lower in LOWER_PARTICLES:
            out.append(lower)
        elif lower.startswith("d'"):
            out.append("d'" + word[2:])
        else:
            out.append(word)
    return " ".join(out)


def read_rows(path: Path = DATA_FILE) -> list[dict]:
    """The rows of the data file, dates parsed (an empty ``valid_to`` is None)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["valid_from"] = dt.date.fromisoformat(row["valid_from"])
        row["valid_to"] = dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None
    return rows


def district_counts(rows: list[dict]) -> Counter:
    return Counter(row["district"] for row in rows)


def rows_from_codicefiscale(municipalities_json: Path, districts: dict[str, str]) -> list[dict]:
    """Extract the province's municipalities of the programme's years from python-codicefiscale's data file;
    ``districts`` maps a name (as in the data file) to its district code, the others are Cremonese."""
    data = json.loads(Path(municipalities_json).read_text(encoding="utf-8"))
    rows = []
    for entry in data:
        if entry.get("province") != "CR":
            continue
        start = dt.date.fromisoformat(entry["date_created"][:10])
        end = dt.date.fromisoformat(entry["date_deleted"][:10]) if entry["date_deleted"] else None
        if start > PROGRAMME_END or (end and end < PROGRAMME_START):
            continue
        name = italian_name(entry["name"])
        rows.append(
            {
                "belfiore_code": entry["code"],
                "name": name,
                "district": districts.get(name, "cremonese"),
                "valid_from": start,
                "valid_to": end,
            }
        )
    return sorted(rows, key=lambda row: row["name"])


def seed_municipalities(*, upsert, districts: dict) -> int:
    """Create or update the municipalities from the data file (idempotent); ``districts`` maps code -> District."""
    from .models import Municipality

    rows = read_rows()
    for row in rows:
        upsert(
            Municipality,
            {"belfiore_code": row["belfiore_code"]},
            {
                "name": row["name"],
                "district": districts[row["district"]],
                "valid_from": row["valid_from"],
                "valid_to": row["valid_to"],
            },
        )
    return len(rows)
