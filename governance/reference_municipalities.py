"""The Province of Cremona's municipalities as they stood during the programme (2015–2018), each in its district.

Data: ``governance/data/comuni_provincia_cremona_2015_2018.csv`` (Belfiore code, name, district, the source of the
district, validity dates).

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
* Districts (ambiti distrettuali, Lombardy's social-planning districts, L.R. 3/2008 art. 18): each row's
  ``district_source`` names the document it comes from, cited in full in ``DISTRICT_SOURCES`` below. The signed
  agreements and the plan were read in public copies on document-sharing sites (docplayer, docslib, readkong): the
  URLs point there, ``publisher`` names the bodies that issued them.
  - Cremonese (47): the municipalities signing the Accordo di programma for the Piano di Zona of the Ambito
    distrettuale di Cremona, signed with the ASL di Cremona (so before ATS Val Padana replaced it on 2016-01-01);
    the Accordo for the Piano di Zona 2019-2020 of the Ambito di Cremona lists the same 47, so the list holds for
    every programme year.
  - Cremasco (48): Comune di Crema and the 47 municipalities signing the Accordo di programma for the Piano di Zona
    2015/2017 of the Ambito distrettuale Cremasco, the programme's own planning period.
  - Casalasco (20): no list of the Casalasco's 2015-2017 Accordo was found. The 2018-2020 Piano di Zona of the
    Ambito distrettuale Oglio Po lists the Casalasco sub-district as it stood after the 2019 mergers: 16 of the rows
    by name, Piadena and Drizzona as their merger "Piadena Drizzona" (2019-01-01, ISTAT). Torre de' Picenardi and
    Ca' d'Andrea are not in that list: in September 2018 their mayors asked Regione and ATS to move them from the
    Casalasco to the Cremona district (press report, the weakest source here, marked ``weak`` on those two rows),
    so they were Casalasco during the programme. Two checks agree: the consortium that leads the district speaks of
    "I venti Comuni casalaschi" (https://concass.it/chi-siamo/), and 115 - 47 - 48 = 20.

Comparison with the seed (47 / 48 / 21, seed 1369-1371)
-------------------------------------------------------
Cremonese 47 and Cremasco 48 agree with the seed and with the signed agreements, name by name. The Casalasco has 20
municipalities, the seed says 21; the seed's three figures add up to 116, one more than the 115 municipalities of
seed 174 and of ISTAT's register.
* Not a municipality of the Province of Mantova: the only plan that joins Mantova municipalities to the Casalasco
  (Oglio Po 2018-2020) keeps them in a separate Viadanese sub-district (Bozzolo, Commessaggio, Dosolo, Gazzuolo,
  Marcaria, Pomponesco, Rivarolo Mantovano, Sabbioneta, San Martino dell'Argine, Viadana); no source found puts
  one in the Casalasco in 2015-2018.
* Not a merger: the only mergers in the district (2019) came after the programme and reduce the count (to 18);
  for 2015-2018 the data keeps the four municipalities involved as they were (the three that ended carry
  ``valid_to`` 2018-12-31).
* Most likely the membership of the district's lead body: the 20 municipalities "insieme anche all'Amministrazione
  Provinciale di Cremona" created the Consorzio Casalasco Servizi Sociali (concass.it), 21 members, and a press
  report on its statute speaks of "11 Comuni su 21" (La Provincia di Cremona, 2013-11-09, "Concass, da consorzio
  ad azienda", https://www.laprovinciacr.it/news/ogliopo/66407/Concass--da-consorzio-ad-azienda.html). The
  seed's "(21 comuni)" sits next to the consortium's name (seed 1370). This is an inference, no document states it.
The district's ``municipalities_count`` keeps the seed's 21 as the document states it; the municipalities are 20.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "comuni_provincia_cremona_2015_2018.csv"
PROGRAMME_START = dt.date(2015, 5, 8)
PROGRAMME_END = dt.date(2018, 5, 7)
LOWER_PARTICLES = {"ed", "di", "de'", "del", "in", "sul", "con"}


@dataclass(frozen=True)
class Source:
    """A public document that assigns municipalities to a district."""

    district: str
    title: str
    publisher: str
    url: str
    date: str
    note: str = ""
    weak: bool = False


_OGLIO_PO = {
    "district": "casalasco",
    "title": "Piano di zona 2018-2020 Ambito distrettuale Oglio Po (Casalasco e Viadanese)",
    "publisher": "Ambito distrettuale Oglio Po: sub-ambito di Casalmaggiore (Consorzio Casalasco Servizi Sociali) "
    "e sub-ambito di Viadana",
    "url": "https://docslib.org/doc/4617501/piano-di-zona-2018-2020-ambito-distrettuale-oglio-po",
    "date": "2018-2020 (the text includes the 2020 objectives and budget)",
}

# The value of each row's ``district_source``.
DISTRICT_SOURCES = {
    "apdz_cremona": Source(
        district="cremonese",
        title="Accordo di programma per l'attuazione del Piano di Zona dell'Ambito distrettuale di Cremona",
        publisher="I 47 Comuni dell'Ambito distrettuale di Cremona, ASL di Cremona, Provincia di Cremona",
        url="http://docplayer.it/111871164-Accordo-di-programma-per-l-attuazione-del-piano-di-zona-dell-ambito-"
        "distrettuale-di-cremona.html",
        date="undated copy, signed with the ASL di Cremona, so before 2016-01-01",
        note="The Accordo di programma Piano di Zona 2019-2020 Ambito di Cremona (Comune di Cremona, Azienda Sociale "
        "Cremonese, ATS Val Padana, ASST Cremona, Provincia di Cremona; "
        "https://it.readkong.com/page/accordo-di-programma-piano-di-zona-2019-2020-8461991) lists the same 47.",
    ),
    "apdz_cremasco_2015_2017": Source(
        district="cremasco",
        title="Accordo di programma per l'attuazione del Piano di Zona 2015/2017 dell'Ambito distrettuale Cremasco",
        publisher="Comune di Crema and 47 Comuni, ASL della Provincia di Cremona, Amministrazione Provinciale di "
        "Cremona",
        url="https://docplayer.it/37209960-Accordo-di-programma-per-l-attuazione-del-piano-di-zona-2015-2017-dell-"
        "ambito-distrettuale-cremasco.html",
        date="2015 (Piano di Zona 2015-2017)",
        note="Names as the Accordo writes them: Casale Cremasco (Casale Cremasco-Vidolasco), Credera-Rubbiano.",
    ),
    "pdz_oglio_po_2018_2020": Source(**_OGLIO_PO, note="Listed by name in the Casalasco sub-district."),
    "pdz_oglio_po_2018_2020_merged": Source(
        **_OGLIO_PO,
        note="Listed as Piadena Drizzona, the municipality Piadena and Drizzona merged into on 2019-01-01 (ISTAT).",
    ),
    "laprovincia_2018_09_13": Source(
        district="casalasco",
        title="Sanità, i sindaci: 'Fuori dall'area casalasca' (Francesco Pavesi)",
        publisher="La Provincia di Cremona",
        url="https://www.laprovinciacr.it/news/ogliopo/204479/sanita-in-sindaci-fuori-dall-area-casalasca.html",
        date="2018-09-13",
        note="The mayors of Torre de' Picenardi and Ca' d'Andrea ask Regione Lombardia and ATS Val Padana to move "
        "their municipalities from the Casalasco-Viadanese district to the Cremona district: they were Casalasco. "
        "A press report, not a planning document.",
        weak=True,
    ),
}


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


def rows_from_codicefiscale(municipalities_json: Path, assignments: dict[str, tuple[str, str]]) -> list[dict]:
    """Extract the province's municipalities of the programme's years from python-codicefiscale's data file;
    ``assignments`` maps each name (as in the data file) to its district code and the key of its source in
    ``DISTRICT_SOURCES``. A municipality without an assignment is an error, never a default district."""
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
        if name not in assignments:
            raise ValueError(f"{name}: no district source assigns it to a district")
        district, source = assignments[name]
        rows.append(
            {
                "belfiore_code": entry["code"],
                "name": name,
                "district": district,
                "district_source": source,
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
