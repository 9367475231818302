"""Reference data of the "Wel(l)Fare Legami" programme (Province of Cremona).

Plain Python constants, no Django imports: the seeding code turns them into
model rows. Every value comes from the programme's own documents, kept in
``shared/seed/wellfare-legami-seed.txt``; comments cite its line numbers
("seed NNNN"). Data values are in Italian as written in the documents
(capitalisation normalised where the agreement is in all caps); code and
comments are in English.

Contents:

* ``DISTRICTS``     -- the 3 ambiti distrettuali (seed 1366-1371).
* ``PARTNERS``      -- the 13 partners of the partnership agreement, with tax
                       codes and legal representatives (seed 2515-2588,
                       cross-checked with the list at seed 1366-1380 and the
                       signatures at seed 2681-2738).
* ``MEMBERS``       -- the 68 network members ("aderenti", seed 1384-1467).
* ``ACTIONS``       -- the 7 actions (codes 1, 2A, 2B, 3, 4, 5, GA).
* ``PROJECT_YEARS`` -- the three project years (inferred dates, see below).
* ``BODIES``        -- the governance bodies (seed 1473-1730).

Conventions:

* ``district`` is one of ``"cremonese"``, ``"cremasco"``, ``"casalasco"`` or
  ``None`` for bodies with a provincial (or wider) scope, or whose scope the
  documents do not tie to one district.
* Organisation ``kind`` values: "public_body", "special_agency", "consortium",
  "foundation", "social_coop", "association", "company", "trade_union",
  "trade_association", "bank", "school", "health_agency", "parish", "other".
* Programme ``roles``: "lead_partner", "partner", "member", "other".
* Dates are ISO strings ("YYYY-MM-DD").
* All 13 partner tax codes pass the Italian numeric codice fiscale / Partita
  IVA check digit (checked with python-stdnum ``stdnum.it.iva.is_valid``).
"""

# ---------------------------------------------------------------------------
# Districts (ambiti distrettuali)
# ---------------------------------------------------------------------------
# Municipality counts and district lead bodies: seed 1369-1371.
# NB: 47 + 48 + 21 = 116, while seed 174 speaks of "115 Comuni dei tre
# distretti". We keep the per-district counts of the partner list as the
# documents state them. The municipalities themselves are not in the documents:
# they come from ISTAT's register (python-codicefiscale) with each district from
# a cited public source, in governance/reference_municipalities.py, which gives
# 47 Cremonese, 48 Cremasco and 20 Casalasco = 115 (the seed's 21 is one more).
DISTRICTS = [
    {
        "code": "cremonese",
        "name": "Cremonese",
        "full_name": "Ambito distrettuale Cremonese",
        "municipalities_count": 47,  # seed 1371
        "lead_body": "Azienda Sociale del Cremonese",  # seed 1371 ("capofila dell'Ambito distrettuale Cremonese")
    },
    {
        "code": "cremasco",
        "name": "Cremasco",
        "full_name": "Ambito distrettuale Cremasco",
        "municipalities_count": 48,  # seed 1369
        "lead_body": "Comune di Crema",  # seed 1369 (its agency Comunità Sociale Cremasca manages services, seed 279-280)
    },
    {
        "code": "casalasco",
        "name": "Casalasco",
        "full_name": "Ambito distrettuale Casalasco",
        "municipalities_count": 21,  # seed 1370
        "lead_body": "Consorzio Casalasco dei Servizi Sociali",  # seed 1370
    },
]

# ---------------------------------------------------------------------------
# Partners (13) -- partnership agreement, seed 2515-2590
# ---------------------------------------------------------------------------
# Order: as numbered in the agreement (seed 2519-2588). The feasibility study
# lists the same 13 in another order (seed 1368-1380).
#
# District rule (partners and members alike): a body gets a district when the
# documents tie it to one district (seed 1369-1371, 279-280), or when it is a
# municipality / municipal body, or when its name or seat places it in Crema
# (Cremasco) or Casalmaggiore (Casalasco), or unambiguously in the *city* of
# Cremona ("Città di Cremona", "Comunale ... Cremona"). A bare "Cremona" in a
# name or seat is NOT enough: Cremona is the provincial capital, where the
# provincial bodies and the provincial branches of national organisations
# (federations, unions, volunteer centre, chamber of commerce...) have their
# seat and take their name from -> district None.
#
# Kind rule: the three district social-services agencies (seed 279-280: "tre
# aziende consortili distrettuali Azienda Sociale Cremonese, Comunità Sociale
# Cremasca, Consorzio Casalasco Servizi Sociali") are "special_agency", even
# the Consorzio Casalasco, so that "consortium" only covers the consortia of
# (social) cooperatives (Sol.Co., Arcobaleno, Mestieri, Ethica).
#
# Tax codes: all 13 verified with stdnum.it.iva.is_valid -> all valid.
PARTNERS = [
    {
        # seed 2519-2523; lead partner (capofila): seed 1368, 2519, 2646-2648
        "name": "Comune di Cremona",
        "short_name": "Comune di Cremona",
        "kind": "public_body",
        "tax_code": "00297960197",  # seed 2521; also given as "P.Iva" at seed 2646-2648
        "seat_address": "Piazza del Comune 8, Cremona",
        "legal_representative": "Gianluca Galimberti",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        # The municipality of Cremona belongs to the Cremonese district, although
        # as lead partner it acts for the whole programme.
        "district": "cremonese",
        "roles": ["lead_partner", "partner"],
        "aliases": [],
        "notes": "Capofila del progetto (seed 1368, 2519).",
    },
    {
        # seed 2525-2527; lead body of the Cremasco district (seed 1369)
        "name": "Comune di Crema",
        "short_name": "Comune di Crema",
        "kind": "public_body",
        "tax_code": "91035680197",  # seed 2525
        "seat_address": "Piazza Duomo 25, Crema (CR)",
        "legal_representative": "Stefania Bonaldi",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": "cremasco",
        "roles": ["partner"],
        "aliases": [],
        "notes": "Capofila dell'Ambito distrettuale Cremasco (seed 1369); referente progettuale per Fondazione Cariplo (seed 1485-1487).",
    },
    {
        # seed 2529-2533: represented by a delegate of the legal representative
        "name": "Provincia di Cremona",
        "short_name": "Provincia di Cremona",
        "kind": "public_body",
        "tax_code": "80002130195",  # seed 2531
        "seat_address": "Corso Vittorio Emanuele II 17, Cremona",
        "legal_representative": "Carlo Angelo Vezzini",  # seed 2533
        "legal_representative_role": "Rappresentante legale",
        "signatory": "Dario Rech",  # seed 2531-2533
        "signatory_role": "Dirigente del Settore Lavoro, Formazione e Politiche Sociali, delegato del Rappresentante legale",
        "district": None,  # provincial scope
        "roles": ["partner"],
        "aliases": [],
        "notes": "Firma Dario Rech, delegato del Rappresentante legale Carlo Angelo Vezzini (seed 2529-2533); "
        'nel blocco firme è indicato come "Legale Rappresentante" (seed 2693).',
    },
    {
        # seed 2535-2539
        "name": "Camera di Commercio di Cremona",
        "short_name": "CCIAA Cremona",
        # Chambers of commerce are public bodies (enti pubblici) in Italian law.
        "kind": "public_body",
        "tax_code": "80000730194",  # seed 2537
        "seat_address": "Piazza Stradivari 5, Cremona",
        "legal_representative": "Gian Domenico Auricchio",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": None,  # provincial scope: "della Provincia di Cremona" (seed 1374)
        "roles": ["partner"],
        "aliases": [
            "Camera di Commercio della Provincia di Cremona",  # seed 1374
            "Camera di Commercio di Cremona CCIAA",  # seed 2650
        ],
        "notes": "",
    },
    {
        # seed 2541-2545; lead body of the Cremonese district (seed 1371)
        "name": "Azienda Sociale del Cremonese",
        "short_name": "Azienda Sociale del Cremonese",
        "kind": "special_agency",  # azienda consortile distrettuale (seed 279-280)
        "tax_code": "93049520195",  # seed 2543
        "seat_address": "Corso Vittorio Emanuele II 42, Cremona",
        "legal_representative": "Giuseppe Tadioli",  # "Dott." in the agreement
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": "cremonese",  # seed 1371
        "roles": ["partner"],
        "aliases": ["Azienda Sociale Cremonese"],  # seed 279, 1371
        "notes": "Capofila dell'Ambito distrettuale Cremonese (seed 1371).",
    },
    {
        # seed 2547-2551
        "name": "Comunità Sociale Cremasca a.s.c.",
        "short_name": "Comunità Sociale Cremasca",
        "kind": "special_agency",  # a.s.c. = azienda speciale consortile (seed 279-280)
        "tax_code": "01397660190",  # seed 2549
        # Same seat as the Comune di Crema (seed 2525, 2547).
        "seat_address": "Piazza Duomo 25, Crema (CR)",
        "legal_representative": "Davide Vighi",
        # The agreement says he represents it "in qualità di Direttore Generale"
        # (seed 2549-2551); the signature block calls him "Legale Rappresentante" (seed 2705).
        "legal_representative_role": "Direttore Generale",
        "signatory": "",
        "signatory_role": "",
        "district": "cremasco",  # district agency of the Cremasco (seed 279-280)
        "roles": ["partner"],
        "aliases": [
            "Comunità Sociale Cremasca",  # seed 279-280, 2652, 2703
            "Comunità Sociale Cremasca a.s.c",  # seed 1373
        ],
        "notes": "Rappresentata da Davide Vighi in qualità di Direttore Generale (seed 2549-2551); "
        "nel blocco firme indicato come Legale Rappresentante (seed 2705).",
    },
    {
        # seed 2553-2557; lead body of the Casalasco district (seed 1370)
        "name": "Consorzio Casalasco dei Servizi Sociali",
        "short_name": "Consorzio Casalasco",
        # Public consortium of municipalities; seed 279-280 counts it among the
        # "tre aziende consortili distrettuali" -> special_agency (judgment call).
        "kind": "special_agency",
        "tax_code": "90007540199",  # seed 2555
        "seat_address": "Via Corsica 1, Casalmaggiore (CR)",
        "legal_representative": "Ennio Cagnazzo",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": "casalasco",  # seed 1370
        "roles": ["partner"],
        "aliases": ["Consorzio Casalasco Servizi Sociali"],  # seed 280, 1370, 2706
        "notes": "Capofila dell'Ambito distrettuale Casalasco (seed 1370).",
    },
    {
        # seed 2559-2563; runs Action 5 and holds the project fund (seed 1735-1751)
        "name": "Fondazione Comunitaria della Provincia di Cremona",
        "short_name": "Fondazione Comunitaria",
        "kind": "foundation",
        "tax_code": "93038460197",  # seed 2561
        "seat_address": "Via Palestro 36, Cremona",
        "legal_representative": "Renzo Rebecchi",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        # Provincial scope; its project fund has sub-funds for the Cremasco and
        # Cremonese territories (seed 1748-1749), i.e. it spans districts.
        "district": None,
        "roles": ["partner"],
        "aliases": [
            "Fondazione Comunitaria Provincia di Cremona",  # seed 1526-1528, 2710-2712
            "Fondazione Comunitaria Cremona",  # seed 1567-1569
        ],
        "notes": "Onlus; titolare della funzione di raccolta fondi e del fondo dedicato al progetto (seed 1735-1751).",
    },
    {
        # seed 2565-2569
        "name": "CISVOL Centro Servizi per il Volontariato Cremona",
        "short_name": "CISVOL Cremona",
        # The documents do not state its legal form; volunteer service centres
        # are run by associations of voluntary organisations -> "association".
        "kind": "association",
        "tax_code": "93033050191",  # seed 2567
        "seat_address": "Via San Bernardo 2, Cremona",
        "legal_representative": "Giorgio Francesco Reali",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        # Provincial volunteer centre: a single CSV referent sits in the
        # province-wide Coordinamento Legami di Comunità (seed 1634).
        "district": None,
        "roles": ["partner"],
        "aliases": [
            "CISVOL Cremona",  # seed 1376
            "CSV Cremona",  # seed 1531
            "Centro Servizi Volontariato",  # seed 1634
        ],
        "notes": "",
    },
    {
        # seed 2571-2573
        "name": "Confcooperative Cremona",
        "short_name": "Confcooperative Cremona",
        "kind": "trade_association",  # federation of cooperatives
        "tax_code": "80011520196",  # seed 2573
        "seat_address": "Via del Sale 40/e, Cremona",
        "legal_representative": "Renzo Nolli",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": None,  # provincial federation
        "roles": ["partner"],
        "aliases": [],
        "notes": "Scritto \"Confcooeperative Cremona\" (refuso) all'art. 3 dell'accordo (seed 2656).",
    },
    {
        # seed 2575-2577
        "name": "Legacoop Lombardia",
        "short_name": "Legacoop",
        "kind": "trade_association",  # federation of cooperatives
        "tax_code": "80176910158",  # seed 2575 (a Milan tax code)
        "seat_address": "Viale Jenner 17, Milano",
        "legal_representative": "Luca Bernareggi",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": None,  # regional body (seat in Milan)
        "roles": ["partner"],
        "aliases": ["Legacoop Cremona"],  # seed 2728 (signature block)
        "notes": 'Parte dell\'accordo come "Legacoop Lombardia" (seed 1380, 2575) ma firma come "Legacoop Cremona" (seed 2728).',
    },
    {
        # seed 2579-2583. ALSO network member no. 40 (seed 1435), same name:
        # the seeding code merges by name and gives it both roles.
        "name": "Consorzio Sol.Co. Cremona",
        "short_name": "Sol.Co. Cremona",
        "kind": "consortium",  # consortium of social cooperatives
        "tax_code": "00903210193",  # seed 2581
        "seat_address": "Via del Sale 40/e, Cremona",
        "legal_representative": "Giuseppina Biaggi",  # seed 2581
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        # Seat in Cremona (shared with Confcooperative, seed 2571), but the
        # documents do not tie it to one district -> None (judgment call; by
        # symmetry with Consorzio Arcobaleno it may in practice be the Cremonese
        # consortium: switch to "cremonese" if the programme confirms it).
        "district": None,
        "roles": ["partner"],
        "aliases": [
            "Consorzio SOLCO",  # seed 1378
            "Consorzio SOL.CO. Cremona",  # seed 2579, 2656, 2732
        ],
        "notes": 'Anche aderente alla rete n. 40 (seed 1435). La legale rappresentante firma come "Giusi Biaggi" (seed 2734).',
    },
    {
        # seed 2584-2588
        "name": "Consorzio Arcobaleno",
        "short_name": "Consorzio Arcobaleno",
        "kind": "consortium",  # consortium of social cooperatives
        "tax_code": "01097960197",  # seed 2586
        "seat_address": "Via Olivetti 19, Crema (CR)",
        "legal_representative": "Maria Simona Scandelli",
        "legal_representative_role": "Rappresentante legale",
        "signatory": "",
        "signatory_role": "",
        "district": "cremasco",  # seat in Crema (seed 2584)
        "roles": ["partner"],
        "aliases": [],
        "notes": "",
    },
]

# ---------------------------------------------------------------------------
# Network members ("aderenti all'Accordo di rete", 68) -- seed 1384-1467
# ---------------------------------------------------------------------------
# Document order; names joined where the PDF extraction broke the line,
# otherwise as written (apostrophes kept as the document's "’"). "con lettera
# d'intenti" (nos. 66-68) goes into notes. The documents give no tax codes.
#
# District: same rule as for PARTNERS (see above). Applied here:
#   * "Crema", "Cremasco", "Cremaschi" in the name -> "cremasco"
#     (Azienda Ospedaliera di Crema, Forum ... di Crema e del Cremasco, ACLI
#     Crema, Associazione Noi Crema, Fondazione Benefattori Cremaschi, Istituti
#     Comprensivi Crema 2 and 3, Associazione Popolare Crema per il Territorio);
#   * Cremona *city* or Cremonese district named unambiguously -> "cremonese"
#     (Forum ... di Cremona e del Cremonese, Fondazione Città di Cremona,
#     Azienda Speciale Comunale Cremona Solidale);
#   * everything else -> None, including bodies named after "Cremona" that may
#     be provincial (AUSER Volontariato Cremona, CNA Cremona, Camera del Lavoro
#     Territoriale Cremona, "Il Calabrone Cremona", Sol.Co. Cremona) and the
#     Azienda Ospedaliera Istituti Ospitalieri di Cremona (one of the two hospital
#     agencies of the province, seed 284, so not clearly one district), and
#     bodies whose name has no place (their seat is not in the documents).
#
# Kinds (judgment calls): names beginning "Consorzio" -> "consortium" even when
# legally a social cooperative (Mestieri, Ethica, Sol.Co.); Comunità G. Colbert
# Suore Buon Pastore (religious community) and Consultorio Familiare Kappadue
# (family counselling centre, legal form not stated) -> "other"; Opera Pia
# Oratorio San Luigi (charitable body running an oratory) -> "parish";
# Reindustria (development agency, seed 299, 1208) -> "other"; Servimpresa
# (special agency of the Chamber of Commerce) and Cremona Solidale (municipal
# special agency) -> "special_agency"; ALER (public housing agency) ->
# "public_body"; Società Dolce Società Cooperativa -> "social_coop" (the name as
# written omits "sociale"); Associazione Popolare Crema per il Territorio ->
# "association".
#
# Overlaps with PARTNERS: only "Consorzio Sol.Co. Cremona" (partner no. 12 of
# the agreement / no. 11 at seed 1378, and member no. 40 at seed 1435); kept in
# both lists under the same name. Related but distinct organisations (NOT
# merged): Servimpresa Azienda Speciale CCIAA (agency of partner Camera di
# Commercio), Azienda Speciale Comunale Cremona Solidale (agency of partner
# Comune di Cremona).
MEMBERS = [
    {
        "name": "Azienda Sanitaria Locale",
        "kind": "health_agency",
        "district": None,
        "notes": "",
    },  # seed 1388 (provincial ASL)
    {"name": "Azienda Ospedaliera di Crema", "kind": "health_agency", "district": "cremasco", "notes": ""},  # seed 1389
    {
        "name": "Azienda Ospedaliera Istituti Ospitalieri di Cremona",
        "kind": "health_agency",
        "district": None,
        "notes": "",
    },  # seed 1390
    {
        "name": "Forum Territoriale del Terzo Settore di Crema e del Cremasco",
        "kind": "association",
        "district": "cremasco",
        "notes": "",
    },  # seed 1391-1393
    {
        "name": "Forum Territoriale del Terzo Settore di Cremona e del Cremonese",
        "kind": "association",
        "district": "cremonese",
        "notes": "",
    },  # seed 1394-1396
    {"name": "ACLI Crema", "kind": "association", "district": "cremasco", "notes": ""},  # seed 1397
    {"name": "ASD Over Limits", "kind": "association", "district": None, "notes": ""},  # seed 1398 (sports association)
    {"name": "Associazione Amici della Piazza", "kind": "association", "district": None, "notes": ""},  # seed 1399
    {"name": "Associazione Noi Crema", "kind": "association", "district": "cremasco", "notes": ""},  # seed 1400
    {"name": "AUSER Volontariato Cremona", "kind": "association", "district": None, "notes": ""},  # seed 1401
    {"name": "Comunità G. Colbert Suore Buon Pastore", "kind": "other", "district": None, "notes": ""},  # seed 1402
    {"name": "Coop. Sociale Koala", "kind": "social_coop", "district": None, "notes": ""},  # seed 1403
    {"name": "Consultorio Familiare Kappadue", "kind": "other", "district": None, "notes": ""},  # seed 1404
    {"name": "Consorzio Mestieri soc. coop. sociale", "kind": "consortium", "district": None, "notes": ""},  # seed 1405
    {"name": "Associazione Giovanni XXIII", "kind": "association", "district": None, "notes": ""},  # seed 1406
    {"name": "Associazione Insieme per la Famiglia", "kind": "association", "district": None, "notes": ""},  # seed 1407
    {"name": "Fondazione Città di Cremona", "kind": "foundation", "district": "cremonese", "notes": ""},  # seed 1408
    {"name": "Fondazione Don Angelo Madeo", "kind": "foundation", "district": None, "notes": ""},  # seed 1409
    {
        "name": "Fondazione Benefattori Cremaschi",
        "kind": "foundation",
        "district": "cremasco",
        "notes": "",
    },  # seed 1410
    {"name": "Opera Pia Oratorio San Luigi", "kind": "parish", "district": None, "notes": ""},  # seed 1411
    {"name": "CNA Cremona", "kind": "trade_association", "district": None, "notes": ""},  # seed 1412
    {"name": "ASVICOM", "kind": "trade_association", "district": None, "notes": ""},  # seed 1413
    {
        "name": "Reindustria",
        "kind": "other",
        "district": None,
        "notes": "Agenzia di sviluppo (seed 299, 1208).",
    },  # seed 1414
    {
        "name": "Servimpresa Azienda Speciale CCIAA",
        "kind": "special_agency",
        "district": None,
        "notes": "Azienda speciale della Camera di Commercio di Cremona (partner).",
    },  # seed 1415
    {
        "name": "Camera del Lavoro Territoriale Cremona",
        "kind": "trade_union",
        "district": None,
        "notes": "CGIL (cfr. seed 1533).",
    },  # seed 1416
    {"name": "Ust CISL Asse del Po", "kind": "trade_union", "district": None, "notes": ""},  # seed 1417
    {"name": "CST UIL", "kind": "trade_union", "district": None, "notes": ""},  # seed 1418
    {"name": "Padania Acque Spa", "kind": "company", "district": None, "notes": ""},  # seed 1423
    {"name": "AEM gestioni", "kind": "company", "district": None, "notes": ""},  # seed 1424
    {"name": "ALER della Provincia di Cremona", "kind": "public_body", "district": None, "notes": ""},  # seed 1425
    {"name": "Istituto Comprensivo Crema 2", "kind": "school", "district": "cremasco", "notes": ""},  # seed 1426
    {"name": "Istituto Comprensivo Crema 3", "kind": "school", "district": "cremasco", "notes": ""},  # seed 1427
    {"name": "Legatoria Venturini", "kind": "company", "district": None, "notes": ""},  # seed 1428
    {"name": "Agrisilos srl", "kind": "company", "district": None, "notes": ""},  # seed 1429
    {
        "name": "Progetto Assistenza soc. coop. Sociale",
        "kind": "social_coop",
        "district": None,
        "notes": "",
    },  # seed 1430
    {"name": "Agorà soc. coop. Sociale Onlus", "kind": "social_coop", "district": None, "notes": ""},  # seed 1431
    {"name": "Santa Federici soc.coop.sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1432
    {"name": "Storti Maria soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1433
    {"name": "Gardenia soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1434
    # No. 40 is also partner no. 12 (same name as in PARTNERS; merged by name at seeding).
    {
        "name": "Consorzio Sol.Co. Cremona",
        "kind": "consortium",
        "district": None,
        "notes": "Anche partner del progetto (seed 1378, 2579).",
    },  # seed 1435
    {
        "name": "Nazareth soc. coop. Sociale Impresa sociale",
        "kind": "social_coop",
        "district": None,
        "notes": "",
    },  # seed 1436
    {"name": "Ginestra soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1437
    {
        "name": "Iride soc. coop. Sociale Impresa sociale",
        "kind": "social_coop",
        "district": None,
        "notes": "",
    },  # seed 1438
    {"name": "Prontocura soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1439
    {"name": "Agropolis soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1440
    {"name": "Pulisoft soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1441
    {"name": "LAE DUE soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1442
    {
        "name": "Comunità Giovanni XXIII Il Calabrone Cremona soc. coop. Sociale",
        "kind": "social_coop",
        "district": None,
        "notes": "",
    },  # seed 1443-1445
    {"name": "L’Umana Avventura soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1446
    {"name": "Il Cortile soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1447
    {"name": "Fondazione Casa Famiglia S.Omobono", "kind": "foundation", "district": None, "notes": ""},  # seed 1448
    {
        "name": "Servizi per l’accoglienza soc. coop. Sociale",
        "kind": "social_coop",
        "district": None,
        "notes": "",
    },  # seed 1449
    {"name": "Carità e Lavoro soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1450
    {"name": "Altana soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1451
    {"name": "Antares soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1452
    {"name": "Sentiero soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1453
    {"name": "LAE soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1454
    {"name": "Consorzio Ethica soc. coop. Sociale", "kind": "consortium", "district": None, "notes": ""},  # seed 1455
    {"name": "La Culla soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1456
    {"name": "Società Dolce Società Cooperativa", "kind": "social_coop", "district": None, "notes": ""},  # seed 1457
    {"name": "Il Legaccio soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1458
    {"name": "Eco-company soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1459
    {"name": "L’Arca soc. coop. Sociale", "kind": "social_coop", "district": None, "notes": ""},  # seed 1460
    {"name": "Soc. coop. Sociale Fuxia", "kind": "social_coop", "district": None, "notes": ""},  # seed 1461
    {
        "name": "Azienda Speciale Comunale Cremona Solidale",
        "kind": "special_agency",
        "district": "cremonese",
        "notes": "Azienda speciale del Comune di Cremona.",
    },  # seed 1462
    {
        "name": "Banco Popolare soc. coop.",
        "kind": "bank",
        "district": None,
        "notes": "con lettera d’intenti",
    },  # seed 1463
    {
        "name": "Associazione Popolare Crema per il Territorio",
        "kind": "association",
        "district": "cremasco",
        "notes": "con lettera d’intenti",
    },  # seed 1464-1466
    {"name": "Banca Popolare Etica", "kind": "bank", "district": None, "notes": "con lettera d’intenti"},  # seed 1467
]

# ---------------------------------------------------------------------------
# Actions (7)
# ---------------------------------------------------------------------------
# The 2015 feasibility study has Actions 1-5 (seed 571, 722, 985, 1106, 1197);
# the June 2016 update splits Action 2 into 2/A Laboratori di Comunità and 2/B
# Patti con le Imprese (seed 2192, 2260) -- the 2015 study had 5 of its 20
# yearly labs inside workplaces (seed 743-755). "GA" is not a numbered action
# in the documents: it gathers the governance and the administrative/reporting
# function ("regia del progetto", staff "Amministrativa e di rendicontazione",
# seed 1345-1359) so that their costs and meetings have a home.
ACTIONS = [
    {
        "code": "1",
        "name": "Patti gener-attivi",
        # Full title: seed 571 ("... per l'inclusione sociale attiva e per
        # l'autonomia"), seed 2123 ("... per l'autonomia e l'inclusione sociale").
        "description": (
            "Sperimentazione di una pratica professionale “comunitaria” denominata “patto gener-attivo”, "
            "che allarga la logica della presa in carico da parte dei servizi, orientando verso la costruzione "
            "di un’alleanza tra beneficiario e gli attori pubblici e del privato sociale del sistema di welfare. "
            "Il Patto agisce su due dimensioni: il lavoro sulle risorse della persona e del suo contesto e non solo "
            "sulle fragilità; il rapporto di reciprocità tra supporto e restituzione alla comunità."
        ),  # seed 573-577
    },
    {
        "code": "2A",
        "name": "Laboratori di Comunità",
        "description": (
            "Attivazione di Laboratori di comunità per coinvolgere le persone e gli attori di un contesto definito "
            "a leggere insieme i problemi, ad ascoltare i bisogni e a progettare le possibili modalità di intervento, "
            "considerando la comunità come protagonista, un luogo di relazioni in cui i cittadini non sono solo "
            "portatori di bisogni, ma anche di competenze e di risorse."
        ),  # seed 724-731, 2192-2203
    },
    {
        "code": "2B",
        "name": "Patti con le Imprese",
        "description": (
            "Accordo volontario che coinvolge la proprietà, i lavoratori e le realtà del contesto sociale in cui "
            "l’impresa opera (enti locali, associazioni, volontariato, ecc.) per affrontare insieme un problema di "
            "comune interesse e con una rilevanza sociale: un triangolo virtuoso tra impresa, lavoratori, comunità."
        ),  # seed 2265-2275
    },
    {
        "code": "3",
        "name": "Incroci di Comunità / Civic Center",
        # seed 985: "Incroci in comunità (Civic Center)"; seed 2301: "Incroci di Comunità (Civic Center)".
        "description": (
            "Organizzazione di attività extrascolastiche, animative, culturali e aggregative in sedi e spazi "
            "opportunamente selezionati (scuole, oratori, luoghi di incontro), identificati come spazi aperti per "
            "la comunità, al fine di creare un incrocio virtuoso tra bisogni di conciliazione, opportunità "
            "educative, creazione di legami."
        ),  # seed 987-990 (typo "opportunatamente" corrected)
    },
    {
        "code": "4",
        "name": "Wel(l)FARE LAB",
        # Also written "Well-Fare LAB" (seed 1124, 1699, 2353).
        "description": (
            "Laboratorio permanente di formazione attiva e ricerca-azione, fondato sulle esperienze e sui saperi "
            "generati dai partecipanti, in un’ottica di peer education e di learning by doing, rivolto a decisori "
            "pubblici e operatori del welfare; prevede sessioni di formazione, di ricerca attiva e di elaborazione. "
            "Prodotto finale atteso: il “Manifesto del welfare comunitario e generativo”."
        ),  # seed 1108-1128, 2355-2375
    },
    {
        "code": "5",
        "name": "Comunicazione e fundraising",
        # seed 1197: "La comunicazione e il fundraising"; seed 2399: "Fundraising e comunicazione".
        "description": (
            "Comunicazione e raccolta fondi in capo alla Fondazione Comunitaria della Provincia di Cremona, che "
            "gestisce l’ufficio di raccolta fondi e un fondo dedicato al progetto, con due “sotto fondi” per i "
            "territori cremasco e cremonese, in cui convergono le donazioni poi trasferite ai titolari delle "
            "diverse azioni progettuali."
        ),  # seed 1735-1749, 2401-2403
    },
    {
        "code": "GA",
        "name": "Governance e amministrazione",
        "description": (
            "Regia del progetto (Direzione di progetto, Cabina di Regia, Tavolo della governance), coordinamenti "
            "distrettuali e provinciali, staff “Fundraising e Comunicazione” e funzione “Amministrativa e di "
            "rendicontazione”."
        ),  # seed 1345-1365, 1473-1730
    },
]

# ---------------------------------------------------------------------------
# Project years
# ---------------------------------------------------------------------------
# INFERRED dates (say so in the UI): the agreement runs until 7 May 2018
# (seed 2661-2665), the update covers "giugno 2016 - maggio 2018" (seed 2016) and the revised
# plan starts on 1 June 2016 (seed 2747). Year 1 is taken to start on 8 May
# 2015, three years before the end date. Editable periods in the app.
PROJECT_YEARS = [
    {"number": 1, "start": "2015-05-08", "end": "2016-05-31"},
    {"number": 2, "start": "2016-06-01", "end": "2017-05-31"},
    {"number": 3, "start": "2017-06-01", "end": "2018-05-07"},
]

# ---------------------------------------------------------------------------
# Governance bodies -- "funzionigramma della governance", seed 1473-1730
# ---------------------------------------------------------------------------
# composition / functions: the seed table's Italian text, line breaks joined.
# quorum: "majority" for the deliberative and coordinating bodies; "none" for
# the working groups and the Well-Fare LAB (open, variable composition).
# coordinating_organisation: the PARTNERS name the table puts in charge, or None
# when the table is silent or names a role rather than an organisation (e.g.
# "un referente designato da Uffici di Piano e un referente del terzo settore").
# chaired_by_lead_partner: True only where the table says "Presieduto da
# Capofila" (Tavolo); "Coordinata da Capofila" is recorded as
# coordinating_organisation instead.
# members: seats from the composition text. People's names are unknown, so each
# seat is described; "organisation" is always a PARTNERS/MEMBERS name, or None
# when the seat belongs to no listed organisation (project-hired staff,
# coordinators, community makers, Diocesi/Caritas). Generic compositions -> [].
#
# Uffici di Piano seats are given to each district's lead body (DISTRICTS):
# Cremona -> Azienda Sociale del Cremonese, Crema -> Comune di Crema,
# Casalmaggiore -> Consorzio Casalasco dei Servizi Sociali (judgment call).
_UDP = {
    "Cremona": "Azienda Sociale del Cremonese",
    "Crema": "Comune di Crema",
    "Casalmaggiore": "Consorzio Casalasco dei Servizi Sociali",
}

_GDL_COMPOSITION = "Operatori pubblici e privati impegnati sulle singole azioni progettuali."  # seed 1684-1685
_GDL_FUNCTIONS = (
    "Programmare, attuare e verificare l’azione di riferimento. "
    "Produrre elaborazioni e resoconti per la cabina di regia e coordinamenti."
)  # seed 1687-1692

_COORD_DISTRICT_COMPOSITION = (
    "Referente dei partner e degli aderenti attivi nel distretto e impegnati nelle varie azioni."  # seed 1659-1660
)
_COORD_DISTRICT_FUNCTIONS = (
    "Programmare e coordinare le azioni progettuali nel distretto. "
    "Integrare le diverse azioni progettuali a livello territoriale per generare effetto leva. "
    "Integrare le azioni progettuali con la programmazione sociale distrettuale (Piano di Zona)."
)  # seed 1662-1670


def _coord_district(code, name):
    district = next(d for d in DISTRICTS if d["code"] == code)
    return {
        "code": f"coord_{code}",
        "name": f"Coordinamento distrettuale {name}",
        "composition": _COORD_DISTRICT_COMPOSITION,
        "functions": _COORD_DISTRICT_FUNCTIONS,
        "meetings_per_year": 12,  # seed 1672
        "weekly": False,
        "quorum": "majority",
        "district": code,
        # "coordinato da Responsabili Uffici di Piano" (seed 1655-1657) -> the district lead body
        "coordinating_organisation": district["lead_body"],
        "chaired_by_lead_partner": False,
        "members": [],  # generic composition
    }


_GAL_ACTIONS = ("1", "2A", "3")


def _gdl(action_code, district=None):
    # "Gruppi di lavoro distrettuali e provinciali per Azione", weekly, with
    # "composizione differenziata" (seed 1674-1697); from 2016 called "Gruppi
    # di Azione Locale" (seed 2368-2370, 2380). One provincial group per action
    # and one per district for the actions run in the districts (_GAL_ACTIONS).
    name = f"Gruppo di Azione Locale – Azione {action_code}"
    if district:
        label = next(d["name"] for d in DISTRICTS if d["code"] == district)
        name = f"{name} – {label}"
    else:
        name = f"{name} – provinciale"
    return {
        "code": f"gdl_{action_code.lower()}" + (f"_{district}" if district else ""),
        "name": name,
        "district": district,
        "action": action_code,
        "composition": _GDL_COMPOSITION,
        "functions": _GDL_FUNCTIONS,
        "meetings_per_year": 52,  # "Cadenza settimanale" (seed 1694-1697)
        "weekly": True,
        "quorum": "none",
        # "coordinati da un referente designato da Uffici di Piano e un
        # referente del terzo settore" (seed 1678-1682): no fixed organisation.
        "coordinating_organisation": None,
        "chaired_by_lead_partner": False,
        "members": [],  # generic composition
    }


BODIES = [
    {
        "code": "direzione",
        "name": "Direzione di progetto",
        # seed 1483-1487. NB: the project description (seed 1355-1357) instead
        # puts the Direzione "in capo ai Responsabili degli Uffici di Piano dei
        # tre Ambiti distrettuali"; the table is seeded, members stay editable.
        "composition": (
            "Assessore e Dirigente Comune di Cremona (Capofila del progetto); "
            "Assessore e Dirigente Comune di Crema (referente progettuale per Fondazione Cariplo)."
        ),
        "functions": (
            "Assume le decisioni operative necessarie allo sviluppo progettuale. "
            "Supervisiona i Partner nell’attuazione delle azioni e della spesa."
        ),  # seed 1489-1494
        "meetings_per_year": 12,  # seed 1496
        "weekly": False,
        "quorum": "majority",
        "district": None,
        "coordinating_organisation": None,  # the table names no coordinator
        "chaired_by_lead_partner": False,  # not stated in the seed
        "members": [
            {"name": "Assessore Comune di Cremona", "organisation": "Comune di Cremona", "role": "Assessore"},
            {"name": "Dirigente Comune di Cremona", "organisation": "Comune di Cremona", "role": "Dirigente"},
            {"name": "Assessore Comune di Crema", "organisation": "Comune di Crema", "role": "Assessore"},
            {"name": "Dirigente Comune di Crema", "organisation": "Comune di Crema", "role": "Dirigente"},
        ],
    },
    {
        "code": "tavolo",
        "name": "Tavolo della Governance",
        "composition": "Legali rappresentanti (o loro delegati) dei Partner e degli Aderenti.",  # seed 1503-1504
        "functions": (
            "Controllo delle attività progettuali. Integrazione del progetto con la programmazione territoriale."
        ),  # seed 1506-1509
        "meetings_per_year": 2,  # seed 1511
        "weekly": False,
        "quorum": "majority",
        "district": None,
        "coordinating_organisation": "Comune di Cremona",
        "chaired_by_lead_partner": True,  # "Presieduto da Capofila" (seed 1500-1501)
        # One seat per legal representative of every PARTNER and MEMBER (81
        # organisations), derived at seeding time: the quorum counts them all.
        "members": [],
        "seats": "partners_and_members",
    },
    {
        "code": "cabina",
        "name": "Cabina di Regia",
        "composition": (
            "Responsabili Uffici di Piano di Cremona, Crema, Casalmaggiore; "
            "Dirigente Politiche del lavoro Provincia di Cremona; "
            "Direttori Aziende Speciali; "
            "Delegato della Fondazione Comunitaria Provincia di Cremona; "
            "Referente Camera di commercio; "
            "Referente Confcooperative e Legacoop; "
            "Referente CSV Cremona; "
            "Referente Diocesi/Caritas Cremona-Crema; "
            "Referenti dei Sindacati CGIL CISL UIL; "
            "Coordinatore Legami di Comunità; "
            "Coordinatore Patti Generativi; "
            "Responsabile Staff Fundraising e Comunicazione; "
            "Responsabile Staff Amministrazione e Rendicontazione. "
            "Dal 2016, nei fatti: i legali rappresentanti (o loro delegati) degli Enti partner."
        ),  # seed 1519-1541 (2015 plan); 2016 update: seed 2062-2063, 2478-2481
        "functions": (
            "Definizione indirizzi per la pianificazione e il coordinamento delle azioni (regia delle competenze). "
            "Definizione criteri di spesa e monitoraggio avanzamento spesa (regia delle risorse). "
            "Valutazione coerenza interna del progetto (regia dei contenuti). "
            "Integrazione tra progetto e policy locali (regia del sistema). "
            "Accountability verso Tavolo Governance. "
            "Mantiene collegamenti con Fondazione Cariplo e con i servizi di assistenza tecnica. "
            "Dal 2016 (aggiornamento di progetto): non è il luogo delle decisioni sul progetto, ma quello dove il "
            "progetto mette in evidenza le questioni che possono produrre integrazioni e trasferimenti nel sistema "
            "di welfare; nel secondo e terzo anno assume un ruolo di «mainstreaming» (valutazione, legittimazione e "
            "trasferimento delle innovazioni) e si riunisce in sessioni di lavoro tematiche."
        ),  # seed 1543-1559 ("regia della competenze" in the seed); 2016: seed 2493-2494, 2497-2499, 2502-2505
        "meetings_per_year": 6,  # seed 1562
        "weekly": False,
        "quorum": "majority",
        "district": None,
        # "Coordinata da Capofila in accordo Direzione di progetto" (seed 1514-1517)
        "coordinating_organisation": "Comune di Cremona",
        "chaired_by_lead_partner": False,
        "members": [],
        "seats": "partners",  # 2016: the partners' legal representatives (seed 2062-2063, 2478-2481)
        # The 2015 plan's seats (seed 1519-1541), kept on record as former seats.
        "members_2015": [
            {
                "name": f"Responsabile Ufficio di Piano di {town}",
                "organisation": org,
                "role": "Responsabile Ufficio di Piano",
            }
            for town, org in _UDP.items()
        ]
        + [
            {
                "name": "Dirigente Politiche del lavoro Provincia di Cremona",
                "organisation": "Provincia di Cremona",
                "role": "Dirigente Politiche del lavoro",
            },
            # "Direttori Aziende Speciali": read as the directors of the three
            # district agencies (seed 279-280) -- judgment call.
            {
                "name": "Direttore Azienda Sociale del Cremonese",
                "organisation": "Azienda Sociale del Cremonese",
                "role": "Direttore",
            },
            {
                "name": "Direttore Comunità Sociale Cremasca",
                "organisation": "Comunità Sociale Cremasca a.s.c.",
                "role": "Direttore",
            },
            {
                "name": "Direttore Consorzio Casalasco dei Servizi Sociali",
                "organisation": "Consorzio Casalasco dei Servizi Sociali",
                "role": "Direttore",
            },
            {
                "name": "Delegato della Fondazione Comunitaria Provincia di Cremona",
                "organisation": "Fondazione Comunitaria della Provincia di Cremona",
                "role": "Delegato",
            },
            {
                "name": "Referente Camera di commercio",
                "organisation": "Camera di Commercio di Cremona",
                "role": "Referente",
            },
            # The seed has ONE joint seat "Referente Confcooperative e Legacoop"
            # (seed 1530); split into one seat per federation (judgment call).
            {"name": "Referente Confcooperative", "organisation": "Confcooperative Cremona", "role": "Referente"},
            {"name": "Referente Legacoop", "organisation": "Legacoop Lombardia", "role": "Referente"},
            {
                "name": "Referente CSV Cremona",
                "organisation": "CISVOL Centro Servizi per il Volontariato Cremona",
                "role": "Referente",
            },
            # Diocesi/Caritas are neither partners nor members.
            {"name": "Referente Diocesi/Caritas Cremona-Crema", "organisation": None, "role": "Referente"},
            # CGIL CISL UIL -> the three union members (seed 1416-1418).
            {
                "name": "Referente CGIL",
                "organisation": "Camera del Lavoro Territoriale Cremona",
                "role": "Referente sindacale",
            },
            {"name": "Referente CISL", "organisation": "Ust CISL Asse del Po", "role": "Referente sindacale"},
            {"name": "Referente UIL", "organisation": "CST UIL", "role": "Referente sindacale"},
            {"name": "Coordinatore Legami di Comunità", "organisation": None, "role": "Coordinatore"},
            {"name": "Coordinatore Patti Generativi", "organisation": None, "role": "Coordinatore"},
            # The fundraising staff is coordinated by the Fondazione (seed 1566-1569).
            {
                "name": "Responsabile Staff Fundraising e Comunicazione",
                "organisation": "Fondazione Comunitaria della Provincia di Cremona",
                "role": "Responsabile staff",
            },
            # Project-hired administration manager (seed 1589-1590): no organisation.
            {
                "name": "Responsabile Staff Amministrazione e Rendicontazione",
                "organisation": None,
                "role": "Responsabile staff",
            },
        ],
    },
    {
        "code": "staff_fundraising",
        "name": "Staff Fundraising e Comunicazione",  # "Staff Fund Raising e Comunicazione" (seed 1564-1565)
        "composition": (
            "Referente Fondazione Comunitaria; 2 Fundraiser incaricati dal progetto; "
            "Referenti per progetti strategici Comune Cremona; Referente Fundraising Comune di Crema."
        ),  # seed 1571-1575 ("Fundrasing" in the seed)
        "functions": (
            "Gestisce e attua il piano di fundraising e comunicazione. "
            "Supporta la Cabina di regia nello sviluppo di strategie di fundraising."
        ),  # seed 1578-1582
        "meetings_per_year": 6,  # seed 1584
        "weekly": False,
        "quorum": "majority",
        "district": None,
        "coordinating_organisation": "Fondazione Comunitaria della Provincia di Cremona",  # seed 1566-1569
        "chaired_by_lead_partner": False,
        "members": [
            {
                "name": "Referente Fondazione Comunitaria",
                "organisation": "Fondazione Comunitaria della Provincia di Cremona",
                "role": "Referente",
            },
            {"name": "Fundraiser incaricato dal progetto (1)", "organisation": None, "role": "Fundraiser"},
            {"name": "Fundraiser incaricato dal progetto (2)", "organisation": None, "role": "Fundraiser"},
            {
                "name": "Referente per progetti strategici Comune di Cremona",
                "organisation": "Comune di Cremona",
                "role": "Referente progetti strategici",
            },
            {
                "name": "Referente Fundraising Comune di Crema",
                "organisation": "Comune di Crema",
                "role": "Referente fundraising",
            },
        ],
    },
    {
        "code": "staff_amministrazione",
        "name": "Staff Amministrazione e Rendicontazione",
        "composition": "1 Responsabile amministrazione progetto incaricato; Referenti amministrativi dei Partner.",  # seed 1589-1591
        "functions": (
            "Coordina le attività amministrative del progetto, supportando i partner negli atti amministrativi "
            "e nelle procedure di rendicontazione."
        ),  # seed 1594-1598
        "meetings_per_year": 3,  # seed 1600
        "weekly": False,
        "quorum": "majority",
        "district": None,
        "coordinating_organisation": None,  # not stated
        "chaired_by_lead_partner": False,
        "members": [
            {
                "name": "Responsabile amministrazione progetto",
                "organisation": None,
                "role": "Responsabile amministrazione",
            },
        ]
        + [
            # "Referenti amministrativi dei Partner": one seat per partner.
            {
                "name": f"Referente amministrativo {p['short_name']}",
                "organisation": p["name"],
                "role": "Referente amministrativo",
            }
            for p in PARTNERS
        ],
    },
    {
        "code": "coord_patti",
        "name": "Coordinamento Patti Generativi",
        "composition": "Coordinatori delle equipe integrate per i Patti generativi.",  # seed 1610-1611
        "functions": (
            "Definisce metodologie di lavoro e strumenti. Confronta le prassi attuate nei Patti. "
            "Attiva azioni comuni tra vari Patti."
        ),  # seed 1613-1618
        "meetings_per_year": 6,  # seed 1621
        "weekly": False,
        "quorum": "majority",
        "district": None,
        # "coordinata da un referente designato da Uffici di Piano e un
        # referente del terzo settore" (seed 1604-1608): no fixed organisation.
        "coordinating_organisation": None,
        "chaired_by_lead_partner": False,
        "members": [],  # generic: the équipe coordinators
    },
    {
        "code": "coord_legami",
        "name": "Coordinamento Legami di Comunità",
        "composition": (
            "7 Community maker; 1 Referente di ogni Ufficio di Piano; 1 Referente del Centro Servizi Volontariato; "
            "1 Referente terzo settore attivo nell’azione."
        ),  # seed 1632-1635
        "functions": (
            "Programma e coordina le attività dei laboratori di comunità. Definisce metodologie di lavoro e strumenti. "
            "Attiva azioni di collaborazione tra Laboratori. "
            "Attiva collaborazione tra Laboratori di Comunità e Incroci in Comunità."
        ),  # seed 1637-1646
        "meetings_per_year": 6,  # seed 1650
        "weekly": False,
        "quorum": "majority",
        "district": None,
        "coordinating_organisation": None,  # same wording as coord_patti (seed 1626-1630)
        "chaired_by_lead_partner": False,
        "members": [
            {"name": f"Community maker ({n})", "organisation": None, "role": "Community maker"} for n in range(1, 8)
        ]
        + [
            {"name": f"Referente Ufficio di Piano di {town}", "organisation": org, "role": "Referente Ufficio di Piano"}
            for town, org in _UDP.items()
        ]
        + [
            {
                "name": "Referente del Centro Servizi Volontariato",
                "organisation": "CISVOL Centro Servizi per il Volontariato Cremona",
                "role": "Referente",
            },
            {
                "name": "Referente terzo settore attivo nell’azione",
                "organisation": None,
                "role": "Referente terzo settore",
            },
        ],
    },
    _coord_district("cremonese", "Cremonese"),
    _coord_district("cremasco", "Cremasco"),
    _coord_district("casalasco", "Casalasco"),
    _gdl("1"),
    _gdl("2A"),
    _gdl("2B"),
    _gdl("3"),
    _gdl("4"),
    _gdl("5"),
    # District groups for the actions the districts run with their own staff (pacts, labs, civic centers); the
    # application's choice: the seed names district groups without listing the actions (seed 1674-1677).
    *[_gdl(action, district) for action in _GAL_ACTIONS for district in ("cremonese", "cremasco", "casalasco")],
    {
        "code": "wellfare_lab",
        "name": "Well-Fare LAB",
        "composition": (
            "Tutti i soggetti coinvolti nel progetto, con partecipazione differenziate e con particolare attenzione a: "
            "decisori pubblici, operatori sociali pubblici e privati, dirigenti di terzo settore, cittadini attivi "
            "nei laboratori di comunità e nelle imprese."
        ),  # seed 1705-1710
        "functions": (
            "Produrre riflessioni sull’esperienza in corso. Produrre ipotesi di lettura sulle innovazione del welfare "
            "locale: modello generativo, integrazione spesa sociale, co-progettazione. Produrre replicabilità delle "
            "esperienze. Produrre consenso sulle innovazioni in corso."
        ),  # seed 1712-1722
        # "Laboratori periodici a composizione variabile. 6 giornate di seminario
        # nel triennio" (seed 1724-1729): 6 seminar days / 3 years = 2 per year.
        # The periodic labs themselves have no fixed cadence.
        "meetings_per_year": 2,
        "weekly": False,
        "quorum": "none",  # open, variable composition
        "district": None,
        # "coordinata da Capofila, in accordo con Direzione di progetto" (seed 1700-1703)
        "coordinating_organisation": "Comune di Cremona",
        "chaired_by_lead_partner": False,
        "members": [],  # generic composition
    },
]


if __name__ == "__main__":
    assert len(DISTRICTS) == 3
    assert len(PARTNERS) == 13
    assert len(MEMBERS) == 68
    assert len(ACTIONS) == 7
    assert len(PROJECT_YEARS) == 3
    partner_names = [p["name"] for p in PARTNERS]
    assert len(set(partner_names)) == len(partner_names), "partner names must be unique"
    member_names = [m["name"] for m in MEMBERS]
    assert len(set(member_names)) == len(member_names), "member names must be unique"
    assert sum(d["municipalities_count"] for d in DISTRICTS) == 116
    assert all(d["lead_body"] in partner_names for d in DISTRICTS)
    assert sum("lead_partner" in p["roles"] for p in PARTNERS) == 1
    assert set(partner_names) & set(member_names) == {"Consorzio Sol.Co. Cremona"}
    kinds = {
        "public_body",
        "special_agency",
        "consortium",
        "foundation",
        "social_coop",
        "association",
        "company",
        "trade_union",
        "trade_association",
        "bank",
        "school",
        "health_agency",
        "parish",
        "other",
    }
    assert all(o["kind"] in kinds for o in PARTNERS + MEMBERS)
    assert all(set(p["roles"]) <= {"lead_partner", "partner", "member", "other"} for p in PARTNERS)
    assert all(len(p["tax_code"]) == 11 and p["tax_code"].isdigit() for p in PARTNERS)
    assert all(b["quorum"] in {"majority", "none", "two_thirds"} for b in BODIES)
    district_codes = {d["code"] for d in DISTRICTS} | {None}
    assert all(o["district"] in district_codes for o in PARTNERS + MEMBERS)
    known = set(partner_names) | set(member_names)
    body_codes = [b["code"] for b in BODIES]
    assert len(set(body_codes)) == len(body_codes) == 26
    for body in BODIES:
        assert body["coordinating_organisation"] in known | {None}, body["code"]
        assert body["district"] in district_codes, body["code"]
        for seat in body["members"]:
            assert seat["organisation"] in known | {None}, (body["code"], seat)
    print(
        f"OK: {len(DISTRICTS)} districts, {len(PARTNERS)} partners, {len(MEMBERS)} members, "
        f"{len(ACTIONS)} actions, {len(BODIES)} bodies"
    )
