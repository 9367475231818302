"""Reference data of the results framework: every indicator of the programme and the targets the documents set.

Every target cites its source in `shared/seed/wellfare-legami-seed.txt` ("seed NNN-MMM"): the 2015 feasibility study
(the ORIGINAL targets) and the June 2016 project update for years 2-3 (the REVISED targets). A revised target is
seeded only where the update states a figure; where it is silent ("Si confermano le ipotesi e i contenuti", seed
2125, 2194) the original stands and the page says so. A target counts what the seed counts: labs and civic centers
*activated* in the year, company pacts from signature.

Seeding is idempotent: indicators are aligned with this file; a target is created only when missing, so a correction
the Direzione made in the application is never undone by running `seed_wellfare` again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..models import Action, District, Indicator, Measurement, ProjectYear, Target, TargetVersion, Unit

STUDY = "Studio di fattibilità 2015"
UPDATE = "Aggiornamento di progetto, giugno 2016"
ORIGINAL, REVISED = TargetVersion.ORIGINAL, TargetVersion.REVISED
COMPUTED, MANUAL = Measurement.COMPUTED, Measurement.MANUAL
DISTRICTS = ("cremonese", "cremasco", "casalasco")
YEARS = (1, 2, 3)


@dataclass(frozen=True)
class T:
    """One target: version, year (None: triennium), district code (None: programme), value (and range maximum)."""

    version: str
    value: int | str
    source: str
    year: int | None = None
    district: str | None = None
    value_max: int | str | None = None


def per_district(version, values: dict[str, int], source: str, *, year: int) -> list[T]:
    return [T(version, value, source, year=year, district=code) for code, value in values.items()]


def each_year(version, value, source: str, years=YEARS) -> list[T]:
    return [T(version, value, source, year=year) for year in years]


# --- sources, quoted -------------------------------------------------------------------------------------------------
S_PATTI_250 = f"{STUDY}, seed 799-800: «Sottoscrizione di almeno n. 250 patti gener-attivi»."
S_PATTI_284 = (
    f"{UPDATE}, seed 2146-2148: «Si prevede di attivare n. 284 Patti (rivolti a singoli e/o nuclei familiari) nel "
    "triennio di progetto (32 nel primo anno, 134 nel secondo, 118 nel terzo)»."
)
S_NUCLEI_250 = (
    f"{STUDY}, seed 777-781: «Si prevede di raggiungere nel triennio: n. 250 soggetti/nuclei familiari con minori, "
    "per un totale di circa 500 beneficiari dei Patti»."
)
S_QUOTA = (
    f"{STUDY}, seed 669-671: «impiegare con questa modalità di intervento (nel terzo anno di progetto) almeno il 30% "
    "delle risorse annue utilizzate per erogazione di sussidi ed integrazioni al reddito»."
)
S_EMPOWERMENT_20 = f"{STUDY}, seed 800-802: «n.20 percorsi di empowerment»."
S_EMPOWERMENT_3 = (
    f"{UPDATE}, seed 2154-2155: «Si prevedono n. 3 percorsi di empowerment» (l'aggiornamento copre il secondo e il "
    "terzo anno e non indica l'anno)."
)
S_BANDI_2 = (
    f"{STUDY}, seed 804-808: «n.2 “bandi” per il sostegno e lo sviluppo di intrapresa per giovani e adulti in "
    "situazione di vulnerabilità lavorativa»."
)
S_BANDI_REV = (
    f"{UPDATE}, seed 2176-2177: «con un primo bando di idee nel secondo anno e un secondo bando nel terzo anno»."
)
S_IDEE = (
    f"{UPDATE}, seed 2180-2182: «Si prevede di poter sostenere n. 8-10 idee di impresa (o altra forma di intrapresa "
    "personale e di gruppo) per il secondo anno e altrettante per il terzo anno di progetto»."
)
S_ATTIVITA_20 = f"{STUDY}, seed 810: «n.20 attività avviate»."
S_BP_20 = f"{STUDY}, seed 810-811: «n.20 business plan validati»."
S_LAB_20 = (
    f"{STUDY}, seed 743-747: «Si prevede l’attivazione annuale di 20 Laboratori di comunità di cui 15 definiti a "
    "partire da una dimensione territoriale […] e 5 sulla base di una lettura “comunitaria” delle imprese»."
)
S_LAB_TERRITORI = (
    f"{STUDY}, seed 747-751: ogni anno 15 laboratori territoriali: «n.2 Laboratori in quartieri della Città di "
    "Cremona; n.4 Laboratori in paesi dell’ambito distrettuale cremonese; n.3 Laboratori in quartieri della Città di "
    "Crema e n.3 Laboratori in altrettanti paesi dell’ambito distrettuale cremasco; n.3 Laboratori nel Comune e "
    "nell’ambito distrettuale di Casalmaggiore» (Cremonese 2+4, Cremasco 3+3, Casalasco 3)."
)
S_LAB_60 = (
    f"{STUDY}, seed 975-979: «nel triennio n.60 Laboratori attivati di cui n. 45 Laboratori nel territorio […] e "
    "n.15 Laboratori nei luoghi di lavoro»."
)
S_LAB_Y2 = (
    f"{UPDATE}, seed 2233-2234: «attivare n. 14 Laboratori di Comunità nel secondo anno (6 nel distretto "
    "Cremonese, 6 nel distretto Cremasco, 2 nel distretto Casalasco)»."
)
S_LAB_Y3 = (
    f"{UPDATE}, seed 2236-2237: «attivare 15 Laboratori di Comunità nel terzo anno (6 nel distretto Cremonese, 6 nel "
    "distretto Cremasco, 3 nel distretto Casalasco)»."
)
S_LAB_LAVORO = (
    f"{STUDY}, seed 752-755: «Gli altri 5 Laboratori previsti all’interno dei luoghi di lavoro» ogni anno; "
    "seed 975-979: «n.15 Laboratori nei luoghi di lavoro» nel triennio."
)

S_RESTITUZIONE = (
    f"{STUDY}, seed 967-974: «Appuntamento annuale coordinato di restituzione dei prodotti dei Laboratori, "
    "articolato nei diversi territori»."
)
S_IMPRESE_15 = (
    f"{STUDY}, seed 961-962 e 975-979: «n.15 aziende pilota», «n.15 Laboratori nei luoghi di lavoro»; richiamati "
    f"come «previsti 15 Patti con le Imprese nel triennio» dall'{UPDATE}, seed 2296."
)
S_IMPRESE_12 = (
    f"{UPDATE}, seed 2296: «Complessivamente, rispetto ai previsti 15 Patti con le Imprese nel triennio, si prevede "
    "di attivarne 12»."
)
S_ELABORATI_7 = (
    f"{UPDATE}, seed 2285: «attivare il percorso di elaborazione di n. 7 Patti con le imprese individuate nel primo "
    "anno di progetto» (le 7 aziende individuate nel primo anno: seed 2262-2264)."
)
S_CONTATTATE = (
    f"{UPDATE}, seed 2286-2288: «attivare colloqui preliminari per coinvolgere altre 5-6 imprese, per i potenziali "
    "Patti da attivare nel terzo anno di progetto»."
)
S_CC_ANNUI = (
    f"{STUDY}, seed 1062-1063: «Ogni anno saranno attivati n. 4 esperienze di scuola aperta/civic center a Cremona, "
    "n. 4 esperienze a Crema e n.2 a Casalmaggiore»."
)
S_CC_30 = f"{STUDY}, seed 1096-1097: «Nel triennio n. 30 esperienze di civic center attivati»."
S_CC_Y2 = (
    f"{UPDATE}, seed 2336: «attivare altri 2 Civic Center nel distretto di Crema e altri 2 nel distretto di Cremona "
    "nel secondo anno» (dopo i 4 attivati nel primo anno nel distretto di Crema, seed 2303)."
)
S_CC_Y3 = (
    f"{UPDATE}, seed 2337: «attivare altri 2 Civic Center nel distretto di Crema e altri 2 nel distretto di Cremona "
    "nel terzo anno»."
)
S_CC_CASALASCO = (
    f"{UPDATE}, seed 2333-2337: gli aggiornamenti prevedono nuovi Civic Center solo nei distretti di Crema e di "
    "Cremona; nessuno nel Casalasco."
)
S_A4_LAB = f"{STUDY}, seed 1190-1192: «Attuazione di almeno 10 laboratori formativi»."
S_A4_MANIFESTO = (
    f"{STUDY}, seed 1192-1194: «Presenza di un “manifesto del welfare comunitario e generativo”» "
    "(prodotto finale atteso, seed 1126-1128)."
)
S_A4_SEMINARI = (
    f"{STUDY}, seed 1724-1729 (governance, Well-Fare LAB): «Laboratori periodici a composizione variabile. "
    "6 giornate di seminario nel triennio»."
)
S_RACCOLTA_721 = (
    f"Obiettivo della fase preliminare 2015 (il testo del {STUDY} nel seed non riporta la cifra), come riportato "
    f"dall'{UPDATE}, seed 2422-2424: «a fronte dei 721.000 euro previsti in fase preliminare»."
)
S_RACCOLTA_350 = (
    f"{UPDATE}, seed 2422-2424: «individuando l’obiettivo nel triennio di ottenere donazioni (tramite vari canali) per "
    "complessivi 350.000 euro (a fronte dei 721.000 euro previsti in fase preliminare)»."
)
S_RACCOLTA_ANNI = (
    f"{UPDATE}, seed 2433-2437: «Sul triennio di progetto, si prevede di raccogliere: euro 50.764 nel primo anno, "
    "euro 127.000 nel secondo anno, euro 172.236 nel terzo anno»."
)


def reached(lines: str, text: str, *, at_least: bool = False) -> str:
    """A target of the study's "Destinatari e soggetti coinvolti" column, quoted with its own seed lines."""
    lead = "Si prevede di raggiungere almeno:" if at_least else "Si prevede di raggiungere nel triennio:"
    return f"{STUDY}, seed {lines}: «{lead} […] {text}»."


# --- the indicators --------------------------------------------------------------------------------------------------
INDICATORS: list[dict] = [
    # Action 1 -- Patti gener-attivi
    {
        "code": "A1_PATTI",
        "action": "1",
        "name": "Patti gener-attivi sottoscritti",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Patti per l'Autonomia e per l'Inclusione sociale sottoscritti, contati nell'anno di progetto della "
            "sottoscrizione. Originale: almeno 250 nel triennio (seed 799-800); rivisto: 284 = 32 + 134 + 118 "
            "(seed 2146-2148). Nessun obiettivo per ambito."
        ),
        "targets": [
            T(ORIGINAL, 250, S_PATTI_250),
            T(REVISED, 284, S_PATTI_284),
            *[T(REVISED, v, S_PATTI_284, year=y) for y, v in ((1, 32), (2, 134), (3, 118))],
        ],
    },
    *[
        {
            "code": code,
            "action": "1",
            "name": name,
            "unit": Unit.NUMBER,
            "measurement": COMPUTED,
            "description": (
                f"{name}: la parte di A1_PATTI per tipo di patto (seed 2144-2146). Il progetto non fissa obiettivi "
                "per tipo."
            ),
            "targets": [],
        }
        for code, name in (
            ("A1_PATTI_AUTONOMIA", "Patti per l'Autonomia sottoscritti"),
            ("A1_PATTI_INCLUSIONE", "Patti per l'Inclusione sociale sottoscritti"),
        )
    ],
    {
        "code": "A1_NUCLEI",
        "action": "1",
        "name": "Nuclei familiari raggiunti dai patti",
        "unit": Unit.HOUSEHOLDS,
        "measurement": COMPUTED,
        "description": (
            "Nuclei (o persone sole) con almeno un patto sottoscritto. Originale: 250 soggetti/nuclei familiari con "
            "minori nel triennio (seed 777-781); l'aggiornamento 2016 non fissa un nuovo valore."
        ),
        "targets": [T(ORIGINAL, 250, S_NUCLEI_250)],
    },
    {
        "code": "A1_BENEFICIARI",
        "action": "1",
        "name": "Persone beneficiarie dei patti",
        "unit": Unit.PEOPLE,
        "measurement": COMPUTED,
        "description": (
            "Componenti (adulti e minori) dei nuclei con almeno un patto sottoscritto. Originale: circa 500 "
            "beneficiari nel triennio (seed 777-781)."
        ),
        "targets": [T(ORIGINAL, 500, S_NUCLEI_250)],
    },
    {
        "code": "A1_QUOTA_SUSSIDI",
        "action": "1",
        "name": "Quota delle risorse annue per sussidi e integrazioni al reddito impiegata tramite i patti",
        "unit": Unit.PERCENTAGE,
        "measurement": MANUAL,
        "description": (
            "Percentuale della spesa annua degli ambiti per sussidi e integrazioni al reddito che passa per i patti; "
            "l'applicazione non conosce la spesa degli ambiti: si inserisce a mano con il documento di fonte. "
            "Obiettivo: almeno il 30% nel terzo anno (seed 669-671)."
        ),
        "targets": [T(ORIGINAL, 30, S_QUOTA, year=3)],
    },
    {
        "code": "A1_EMPOWERMENT",
        "action": "1",
        "name": "Percorsi di empowerment",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Percorsi di empowerment avviati (accompagnamento e preparazione dei patti). Originale: 20 (seed 800-802); "
            "rivisto: 3 (seed 2154-2155), senza indicazione dell'anno."
        ),
        "targets": [T(ORIGINAL, 20, S_EMPOWERMENT_20), T(REVISED, 3, S_EMPOWERMENT_3)],
    },
    {
        "code": "A1_BANDI",
        "action": "1",
        "name": "Bandi per idee d'impresa",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Bandi per il sostegno e lo sviluppo di intrapresa. Originale: 2 (seed 804-808); rivisto: uno nel secondo "
            "e uno nel terzo anno (seed 2176-2177)."
        ),
        "targets": [
            T(ORIGINAL, 2, S_BANDI_2),
            T(REVISED, 2, S_BANDI_REV),
            T(REVISED, 1, S_BANDI_REV, year=2),
            T(REVISED, 1, S_BANDI_REV, year=3),
        ],
    },
    {
        "code": "A1_IDEE",
        "action": "1",
        "name": "Idee d'impresa sostenute",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Idee d'impresa selezionate e accompagnate (selezionate, con business plan validato o avviate), contate "
            "nell'anno del bando. Rivisto: 8-10 nel secondo e 8-10 nel terzo anno (seed 2180-2182)."
        ),
        "targets": [
            T(REVISED, 8, S_IDEE, year=2, value_max=10),
            T(REVISED, 8, S_IDEE, year=3, value_max=10),
        ],
    },
    {
        "code": "A1_BUSINESS_PLAN",
        "action": "1",
        "name": "Business plan validati",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Idee d'impresa con business plan validato. Originale: 20 nel triennio (seed 810-811).",
        "targets": [T(ORIGINAL, 20, S_BP_20)],
    },
    {
        "code": "A1_ATTIVITA_AVVIATE",
        "action": "1",
        "name": "Attività d'impresa avviate",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Idee d'impresa arrivate all'avvio dell'attività. Originale: 20 nel triennio (seed 810).",
        "targets": [T(ORIGINAL, 20, S_ATTIVITA_20)],
    },
    # Action 2A -- Laboratori di Comunità
    {
        "code": "A2A_LAB_ATTIVATI",
        "action": "2A",
        "name": "Laboratori di Comunità attivati nell'anno",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Laboratori attivati nell'anno di progetto (non quelli che proseguono). Originale: 20 l'anno, di cui 15 "
            "territoriali ripartiti per ambito (Cremonese 6, Cremasco 6, Casalasco 3) e 5 nei luoghi di lavoro senza "
            "ambito (seed 743-755); 60 nel triennio (seed 975-979). Rivisto: 14 nel secondo anno (6/6/2) e 15 nel "
            "terzo (6/6/3) (seed 2233-2237)."
        ),
        "targets": [
            *each_year(ORIGINAL, 20, S_LAB_20),
            *[
                t
                for y in YEARS
                for t in per_district(
                    ORIGINAL, {"cremonese": 6, "cremasco": 6, "casalasco": 3}, S_LAB_TERRITORI, year=y
                )
            ],
            T(ORIGINAL, 60, S_LAB_60),
            T(REVISED, 14, S_LAB_Y2, year=2),
            *per_district(REVISED, {"cremonese": 6, "cremasco": 6, "casalasco": 2}, S_LAB_Y2, year=2),
            T(REVISED, 15, S_LAB_Y3, year=3),
            *per_district(REVISED, {"cremonese": 6, "cremasco": 6, "casalasco": 3}, S_LAB_Y3, year=3),
        ],
    },
    {
        "code": "A2A_LAB_LUOGHI_LAVORO",
        "action": "2A",
        "name": "Laboratori di Comunità nei luoghi di lavoro",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Laboratori attivati all'interno dei luoghi di lavoro. Originale: 5 l'anno, 15 nel triennio "
            "(seed 752-755, 975-979). L'aggiornamento 2016 non ne prevede più tra i laboratori: il lavoro con le "
            "imprese prosegue nei Patti con le Imprese (azione 2B, seed 2260-2296)."
        ),
        "targets": [*each_year(ORIGINAL, 5, S_LAB_LAVORO), T(ORIGINAL, 15, S_LAB_LAVORO)],
    },
    {
        "code": "A2A_AREE",
        "action": "2A",
        "name": "Aree territoriali con un laboratorio",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Quartieri, comuni e paesi in cui si attivano laboratori: 45 nel triennio (seed 950-953).",
        "targets": [
            T(ORIGINAL, 45, reached("950-953", "n. 45 aree territoriali (quartieri/comuni/paesi)")),
        ],
    },
    {
        "code": "A2A_PERSONE",
        "action": "2A",
        "name": "Persone coinvolte nei laboratori",
        "unit": Unit.PEOPLE,
        "measurement": COMPUTED,
        "description": "Persone coinvolte: 10.000 nel triennio (seed 953-954).",
        "targets": [T(ORIGINAL, 10000, reached("953-954", "n. 10.000 persone coinvolte"))],
    },
    {
        "code": "A2A_NUCLEI",
        "action": "2A",
        "name": "Nuclei familiari coinvolti dai laboratori",
        "unit": Unit.HOUSEHOLDS,
        "measurement": COMPUTED,
        "description": (
            "Nuclei familiari coinvolti nell'attivazione di progetti di presa in carico individualizzata: 600 nel "
            "triennio (seed 954-957)."
        ),
        "targets": [T(ORIGINAL, 600, reached("954-957", "n. 600 nuclei famigliari"))],
    },
    {
        "code": "A2A_GRUPPI_INFORMALI",
        "action": "2A",
        "name": "Realtà informali coinvolte",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Realtà informali coinvolte nei laboratori: 30 nel triennio (seed 957-958).",
        "targets": [T(ORIGINAL, 30, reached("957-958", "n. 30 realtà informali"))],
    },
    {
        "code": "A2A_ENTI_PROFIT",
        "action": "2A",
        "name": "Realtà profit coinvolte",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Aziende, artigiani, attività commerciali, studi di professionisti: 100 nel triennio (seed 958-961)."
        ),
        "targets": [T(ORIGINAL, 100, reached("958-961", "n.100 realtà profit"))],
    },
    {
        "code": "A2A_ENTI_NONPROFIT",
        "action": "2A",
        "name": "Realtà non profit coinvolte",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Realtà non profit coinvolte nei laboratori: 100 nel triennio (seed 961).",
        "targets": [T(ORIGINAL, 100, reached("961", "n.100 realtà no profit"))],
    },
    {
        "code": "A2A_EVENTI_RESTITUZIONE",
        "action": "2A",
        "name": "Appuntamenti annuali di restituzione",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Un appuntamento coordinato all'anno di restituzione dei prodotti dei laboratori, articolato nei "
            "territori (seed 967-974)."
        ),
        "targets": each_year(ORIGINAL, 1, S_RESTITUZIONE),
    },
    *[
        {
            "code": code,
            "action": "2A",
            "name": name,
            "unit": Unit.EURO,
            "measurement": COMPUTED,
            "description": (
                f"{name}: codice aggiunto dall'azione 2A. Nessun obiettivo nel seed: il budget è un tetto per "
                "laboratorio (10.000 € dal secondo anno, 12.000 € nel primo, seed 2239-2245), non un risultato."
            ),
            "targets": [],
        }
        for code, name in (
            ("A2A_BUDGET_IMPEGNATO", "Budget dei laboratori attivati"),
            ("A2A_BUDGET_PAGATO", "Pagamenti ai soggetti attuatori dei laboratori"),
        )
    ],
    # Action 2B -- Patti con le Imprese
    {
        "code": "A2B_PATTI_SOTTOSCRITTI",
        "action": "2B",
        "name": "Patti con le imprese sottoscritti",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Patti con le imprese contati dalla sottoscrizione. Originale: 15 nel triennio; rivisto: 12 (seed 2296)."
        ),
        "targets": [T(ORIGINAL, 15, S_IMPRESE_15), T(REVISED, 12, S_IMPRESE_12)],
    },
    {
        "code": "A2B_PATTI_ELABORATI",
        "action": "2B",
        "name": "Patti con le imprese in elaborazione",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Patti il cui percorso di elaborazione è avviato: 7 nel secondo anno, con le imprese individuate nel "
            "primo (seed 2262-2264, 2285)."
        ),
        "targets": [T(REVISED, 7, S_ELABORATI_7, year=2)],
    },
    {
        "code": "A2B_IMPRESE_CONTATTATE",
        "action": "2B",
        "name": "Imprese coinvolte (aziende pilota, colloqui preliminari)",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Imprese coinvolte nell'azione. Originale: 15 aziende pilota (seed 961-962). Rivisto: altre 5-6 imprese "
            "per i patti del terzo anno (seed 2286-2288), dopo le 7 individuate nel primo anno (seed 2262-2264); il "
            "seed lega le 5-6 imprese ai patti del terzo anno, non alla data dei colloqui."
        ),
        "targets": [
            T(ORIGINAL, 15, reached("961-962", "n.15 aziende pilota")),
            T(REVISED, 5, S_CONTATTATE, year=3, value_max=6),
        ],
    },
    {
        "code": "A2B_LAVORATORI",
        "action": "2B",
        "name": "Lavoratori e lavoratrici raggiunti",
        "unit": Unit.PEOPLE,
        "measurement": MANUAL,
        "description": (
            "Lavoratori e lavoratrici delle imprese coinvolte: 1.000 nel triennio (seed 962). Dove non esiste un "
            "elenco si inserisce a mano con il documento di fonte."
        ),
        "targets": [T(ORIGINAL, 1000, reached("962", "n.1000 lavoratori/lavoratrici"))],
    },
    {
        "code": "A2B_DELEGATI",
        "action": "2B",
        "name": "Delegati sindacali coinvolti",
        "unit": Unit.PEOPLE,
        "measurement": MANUAL,
        "description": "Delegati sindacali coinvolti (anche nella formazione): 50 nel triennio (seed 963).",
        "targets": [T(ORIGINAL, 50, reached("963", "n.50 delegati sindacali"))],
    },
    {
        "code": "A2B_ASSOCIAZIONI",
        "action": "2B",
        "name": "Associazioni di categoria coinvolte",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Associazioni di categoria coinvolte: 5 nel triennio (seed 963-965).",
        "targets": [T(ORIGINAL, 5, reached("963-965", "n.5 associazioni di categoria"))],
    },
    # Action 3 -- Incroci di Comunità / Civic Center
    {
        "code": "A3_CC_ATTIVATI",
        "action": "3",
        "name": "Civic Center attivati nell'anno",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Civic Center attivati nell'anno di progetto (non quelli che proseguono). Originale: ogni anno 4 a "
            "Cremona, 4 a Crema, 2 a Casalmaggiore (seed 1062-1063), 30 nel triennio (seed 1096-1097). Rivisto: "
            "+2 Crema e +2 Cremona nel secondo e nel terzo anno, nessuno nel Casalasco (seed 2333-2337), dopo i 4 "
            "attivati nel primo anno nel distretto di Crema (un dato a consuntivo, seed 2303)."
        ),
        "targets": [
            *each_year(ORIGINAL, 10, S_CC_ANNUI),
            *[
                t
                for y in YEARS
                for t in per_district(ORIGINAL, {"cremonese": 4, "cremasco": 4, "casalasco": 2}, S_CC_ANNUI, year=y)
            ],
            T(ORIGINAL, 30, S_CC_30),
            T(REVISED, 4, S_CC_Y2, year=2),
            *per_district(REVISED, {"cremonese": 2, "cremasco": 2}, S_CC_Y2, year=2),
            T(REVISED, 0, S_CC_CASALASCO, year=2, district="casalasco"),
            T(REVISED, 4, S_CC_Y3, year=3),
            *per_district(REVISED, {"cremonese": 2, "cremasco": 2}, S_CC_Y3, year=3),
            T(REVISED, 0, S_CC_CASALASCO, year=3, district="casalasco"),
        ],
    },
    {
        "code": "A3_PROGETTI",
        "action": "3",
        "name": "Percorsi progettuali condivisi nei Civic Center",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Percorsi progettuali condivisi all'interno dei Civic Center: 120 nel triennio (seed 1097-1098)."
        ),
        "targets": [T(ORIGINAL, 120, reached("1097-1098", "n. 120 percorsi progettuali condivisi"))],
    },
    {
        "code": "A3_ACCORDI",
        "action": "3",
        "name": "Accordi convenzionali con organizzazioni promotrici",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Accordi convenzionali con organizzazioni promotrici di attività musicali, artistiche, sportive, "
            "culturali: 30 nel triennio (seed 1100-1102)."
        ),
        "targets": [T(ORIGINAL, 30, reached("1100-1102", "definizione di 30 accordi convenzionali"))],
    },
    {
        "code": "A3_ISTITUTI",
        "action": "3",
        "name": "Istituti scolastici comprensivi coinvolti",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Istituti scolastici comprensivi: 10 nel triennio (seed 1088-1089).",
        "targets": [T(ORIGINAL, 10, reached("1088-1089", "n. 10 Istituti Scolastici Comprensivi"))],
    },
    {
        "code": "A3_PLESSI",
        "action": "3",
        "name": "Plessi scolastici coinvolti",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Plessi scolastici: 30 nel triennio (seed 1089).",
        "targets": [T(ORIGINAL, 30, reached("1089", "n.30 plessi scolastici"))],
    },
    {
        "code": "A3_ALUNNI",
        "action": "3",
        "name": "Alunni e ragazzi raggiunti",
        "unit": Unit.PEOPLE,
        "measurement": MANUAL,
        "description": "Alunni/ragazzi raggiunti dai Civic Center: 1.500 nel triennio (seed 1090).",
        "targets": [T(ORIGINAL, 1500, reached("1090", "n. 1500 alunni/ragazzi"))],
    },
    {
        "code": "A3_NUCLEI",
        "action": "3",
        "name": "Nuclei familiari raggiunti dai Civic Center",
        "unit": Unit.HOUSEHOLDS,
        "measurement": MANUAL,
        "description": "Nuclei familiari: 500 nel triennio (seed 1090-1092).",
        "targets": [T(ORIGINAL, 500, reached("1090-1092", "n. 500 nuclei familiari"))],
    },
    {
        "code": "A3_ORGANIZZAZIONI",
        "action": "3",
        "name": "Realtà che organizzano attività nei Civic Center",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Realtà che organizzano attività musicali, artistiche, sportive: 30 nel triennio (seed 1092-1094)."
        ),
        "targets": [
            T(
                ORIGINAL,
                30,
                reached("1092-1094", "n. 30 realtà che organizzano attività musicali, artistiche, sportive"),
            )
        ],
    },
    # Action 4 -- Wel(l)FARE LAB
    {
        "code": "A4_LAB_FORMATIVI",
        "action": "4",
        "name": "Laboratori formativi realizzati",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": "Almeno 10 laboratori formativi nel triennio (seed 1190-1192).",
        "targets": [T(ORIGINAL, 10, S_A4_LAB)],
    },
    {
        "code": "A4_GIORNATE_SEMINARIO",
        "action": "4",
        "name": "Giornate di seminario",
        "unit": Unit.DAYS,
        "measurement": COMPUTED,
        "description": "6 giornate di seminario nel triennio (seed 1727-1729).",
        "targets": [T(ORIGINAL, 6, S_A4_SEMINARI)],
    },
    *[
        {
            "code": code,
            "action": "4",
            "name": name,
            "unit": Unit.PEOPLE,
            "measurement": COMPUTED,
            "description": f"Partecipanti alla formazione: almeno {value} {label} (seed {lines}).",
            "targets": [T(ORIGINAL, value, reached(lines, f"n.{value} {label}", at_least=True))],
        }
        for code, name, value, label, lines in (
            (
                "A4_PART_AMMINISTRATORI",
                "Amministratori pubblici partecipanti",
                20,
                "amministratori pubblici",
                "1173-1175",
            ),
            (
                "A4_PART_DIRIGENTI",
                "Dirigenti pubblici partecipanti",
                3,
                "dirigenti pubblici responsabili della programmazione sociale distrettuale",
                "1175-1177",
            ),
            ("A4_PART_ASSISTENTI_SOCIALI", "Assistenti sociali partecipanti", 30, "assistenti sociali", "1179"),
            (
                "A4_PART_OPERATORI_LAVORO",
                "Operatori dei servizi per il lavoro partecipanti",
                20,
                "operatori dei servizi per il lavoro",
                "1179-1180",
            ),
            (
                "A4_PART_COORDINATORI_COOP",
                "Coordinatori della cooperazione sociale partecipanti",
                20,
                "coordinatori e referenti di servizio della cooperazione sociale",
                "1180-1182",
            ),
            (
                "A4_PART_VOLONTARI",
                "Volontari dell'associazionismo partecipanti",
                20,
                "referenti e operatori volontari dell’associazionismo",
                "1183-1184",
            ),
            (
                "A4_PART_ATTORI_ECONOMICI",
                "Soggetti del mondo economico e delle parti sociali partecipanti",
                15,
                "soggetti del mondo economico e delle parti sociali impegnati in azioni di responsabilità sociale",
                "1184-1188",
            ),
        )
    ],
    {
        "code": "A4_MANIFESTO",
        "action": "4",
        "name": "Manifesto del welfare comunitario e generativo",
        "unit": Unit.NUMBER,
        "measurement": COMPUTED,
        "description": (
            "Il Manifesto nella versione finale (1 = presente), prodotto atteso del Wel(l)FARE LAB "
            "(seed 1126-1128, 1192-1194)."
        ),
        "targets": [T(ORIGINAL, 1, S_A4_MANIFESTO)],
    },
    # Action 5 -- Comunicazione e fundraising
    {
        "code": "A5_RACCOLTA",
        "action": "5",
        "name": "Donazioni raccolte",
        "unit": Unit.EURO,
        "measurement": COMPUTED,
        "description": (
            "Donazioni raccolte dalla Fondazione Comunitaria per il progetto. Originale: 721.000 € nel triennio; "
            "rivisto: 350.000 € = 50.764 + 127.000 + 172.236 (seed 2422-2424, 2433-2437). Le raccolte del primo anno "
            "si impiegano nel secondo (seed 2439-2440)."
        ),
        "targets": [
            T(ORIGINAL, 721000, S_RACCOLTA_721),
            T(REVISED, 350000, S_RACCOLTA_350),
            *[T(REVISED, v, S_RACCOLTA_ANNI, year=y) for y, v in ((1, 50764), (2, 127000), (3, 172236))],
        ],
    },
]


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def seed_results(*, upsert) -> None:
    """Create or align the indicators and create the missing targets; `upsert` is the seed command's helper."""
    actions = {a.code: a for a in Action.objects.all()}
    districts = {d.code: d for d in District.objects.all()}
    years = {y.number: y for y in ProjectYear.objects.all()}
    existing = {
        (t.indicator_id, t.plan_version, t.project_year_id, t.district_id)
        for t in Target.objects.only("indicator_id", "plan_version", "project_year_id", "district_id")
    }
    for order, spec in enumerate(INDICATORS):
        indicator, _ = upsert(
            Indicator,
            {"code": spec["code"]},
            {
                "action": actions[spec["action"]],
                "name": spec["name"],
                "unit": spec["unit"],
                "measurement": spec["measurement"],
                "description": spec["description"],
                "order": order,
            },
        )
        for t in spec["targets"]:
            year = years.get(t.year) if t.year else None
            district = districts.get(t.district) if t.district else None
            if (t.year and year is None) or (t.district and district is None):
                continue  # reference years or districts edited away: nothing to attach the target to
            key = (indicator.pk, t.version, year.pk if year else None, district.pk if district else None)
            if key in existing:
                continue
            Target.objects.create(
                indicator=indicator,
                plan_version=t.version,
                project_year=year,
                district=district,
                value=_decimal(t.value),
                value_max=_decimal(t.value_max),
                source=t.source,
            )
            existing.add(key)
