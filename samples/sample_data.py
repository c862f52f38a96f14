"""Transcribed numbers and text of the sample documents, as plain data.

Every table cell is kept exactly as printed in the source texts under
``/work/shared/domain/source-texts/`` (thousands separators, "-", "%" and the text-layer glitches
included). The generator parses these strings into truth values; nothing here is computed.
Rows are ``(label, cells)`` where ``cells`` is a tuple of printed texts, or ``None`` for a
label-only row. Table 4.8 and the Ishøj bilag keep their cells as one space-separated string.
"""

from __future__ import annotations

# fmt: off
# --- Ankestyrelsen, Årsredegørelse 2024 (ankestyrelsen-aarsredegoerelse-2024.txt) -------------

CAPTIONS = {
    "4.2": "TABEL 4.2 AFGJORTE SAGER EFTER LOVOMRÅDE I PERIODEN 2022-2024 - ANTAL OG PROCENT",
    "4.3": "TABEL 4.3 REALITETSBEHANDLEDE SAGER EFTER UDFALD, 2022-2024, ANTAL OG "
    "OMGØRELSESPROCENT",
    "4.4": "TABEL 4.4 REALITETSBEHANDLEDE SAGER EFTER LOVOMRÅDE OG UDFALD I 2024 – ANTAL OG "
    "PROCENT",
    "4.5": "TABEL 4.5 OMGØRELSESPROCENT EFTER LOVOMRÅDE I PERIODEN 2022-2024",
    "4.6": "TABEL 4.6 GENNEMSNITLIG SAGSBEHANDLINGS- OG LIGGETID I PERIODEN 2022-2024",
    "4.7": "TABEL 4.7 SAGER INDBRAGT FOR DOMSTOLENE PÅ SOCIAL- OG BESKÆFTIGELSESOMRÅDET – "
    "PERIODEN 2022-2024",
    "4.8": "TABEL 4.8 REALITETSBEHANDLEDE SAGER I 2024 FORDELT PÅ LOVOMRÅDE OG BESTEMMELSE",
}

YEARS = ("2022", "2023", "2024")

# Columns: 2022 Antal, 2022 Procent, 2023 Antal, 2023 Procent, 2024 Antal, 2024 Procent.
TABLE_4_2 = [
    ("Lov om aktiv beskæftigelsesindsats", ("1.278", "6", "1.192", "6", "985", "5")),
    ("Lov om aktiv socialpolitik", ("4.659", "23", "5.788", "27", "5.894", "30")),
    ("Lov om social pension", ("673", "3", "743", "3", "574", "3")),
    ("Serviceloven", ("9.272", "46", "8.669", "41", "3.908", "20")),
    ("Barnets lov", ("-", "-", "-", "-", "3.996", "20")),
    ("Sygedagpengeloven", ("3.496", "17", "3.971", "19", "3.566", "18")),
    ("Lov om højeste, mellemste førtidspension m.fl.", ("67", "0", "64", "0", "45", "0")),
    ("Lov om almene boliger", ("278", "1", "250", "1", "250", "1")),
    ("Boligstøtteloven", ("63", "0", "73", "0", "68", "0")),
    ("Andre Love*", ("362", "2", "569", "3", "443", "2")),
    ("Afgjorte sager i alt", ("20.148", "100", "21.319", "100", "19.729", "100")),
    ("", None),
    ("Heraf:", None),
    ("Bortfaldne", ("1.759", "9", "2.122", "10", "2.424", "12")),
    ("Realitetsbehandlede sager", ("18.389", "91", "19.197", "90", "17.305", "88")),
]

# Columns: Stadfæstet Antal/Procent, Ændret/Ophævet Antal/Procent, Hjemvist Antal/Procent,
# Realitetsbehandlede sager, Omgørelsesprocent.
TABLE_4_3 = [
    ("2022", ("12.838", "70", "2.045", "11", "3.506", "19", "18.389", "30")),
    ("2023", ("13.504", "70", "2.034", "11", "3.659", "19", "19.197", "30")),
    ("2024", ("11.898", "69", "1.472", "9", "3.935", "23", "17.305", "31")),
]

TABLE_4_4 = [
    ("Lov om aktiv beskæftigelsesindsats", ("686", "78", "99", "11", "95", "11", "880", "22")),
    ("Lov om aktiv socialpolitik", ("3.970", "78", "476", "9", "670", "13", "5.116", "22")),
    ("Lov om social pension", ("437", "86", "15", "3", "54", "11", "506", "14")),
    ("Serviceloven", ("1.785", "54", "150", "5", "1.352", "41", "3.287", "46")),
    ("Barnets lov", ("2.010", "56", "341", "9", "1.258", "35", "3.609", "44")),
    ("Sygedagpengeloven", ("2.526", "78", "345", "11", "356", "11", "3.227", "22")),
    ("Lov om højeste, mellemste førtidspension m.fl.",
     ("33", "79", "1", "2", "8", "19", "42", "21")),
    ("Lov om almene boliger", ("138", "65", "2", "1", "71", "34", "211", "35")),
    ("Boligstøtteloven", ("30", "52", "4", "7", "24", "41", "58", "48")),
    ("Andre Love*", ("283", "77", "39", "11", "47", "13", "369", "23")),
    ("Sager i alt", ("11.898", "69", "1.472", "9", "3.935", "23", "17.305", "31")),
]

# Columns: 2022, 2023, 2024.
TABLE_4_5 = [
    ("Lov om aktiv beskæftigelsesindsats", ("25", "27", "22")),
    ("Lov om aktiv socialpolitik", ("27", "23", "22")),
    ("Lov om social pension", ("12", "15", "14")),
    ("Serviceloven", ("38", "39", "46")),
    ("Barnets lov", ("-", "-", "44")),
    ("Sygedagpengeloven", ("23", "24", "22")),
    ("Lov om højeste, mellemste førtidspension m.fl.", ("10", "14", "21")),
    ("Lov om almene boliger", ("18", "35", "35")),
    ("Boligstøtteloven", ("29", "24", "48")),
    ("Andre Love*", ("18", "31", "23")),
    ("I alt", ("30", "30", "31")),
]

# Columns: sagsbehandlingstid i uger, liggetid i uger, realitetsbehandlede sager.
TABLE_4_6 = [
    ("2022", ("14,5", "10,7", "18.389")),
    ("2023", ("17,5", "14,0", "19.197")),
    ("2024", ("26,3", "21,4", "17.305")),
]

# Columns: 2022, 2023, 2024.
TABLE_4_7 = [
    ("Sager indbragt for domstolene i alt", ("13", "18", "20")),
    ("heraf", None),
    ("sager, hvor Ankestyrelsen fik medhold", ("7", "14", "13")),
    ("sager, hvor Ankestyrelsen ikke fik medhold", ("6", "4", "7")),
    ("Medholdsprocent", ("54%", "78%", "65%")),
]

# Table 4.8 (Bilag 1). Kind: "T" total row, "L" law row, "P" provision row under the last law.
# Cells: Stadfæstelse, Hjemvisning, Ændring/Ophævelse, Realitetsbehandlet, Andel hjemvist,
# Andel ændret, Omgørelsesprocent.
TABLE_4_8 = [
    ("T", "Hovedtotal", "11.898 3.935 1.472 17.305 23 9 31"),
    ("L", "Andre Love", "283 47 39 369 13 11 23"),
    ("P", "Boligplacering, integrationsplan og helbred §§ 6-15d", "18 0 0 18 0 0 0"),
    ("P", "Børn - KSB - Bekendtgørelse om voksenansvar - § 4 og § 9, samt voksenansvarslovens 11, "
          "stk. 5 og 6", "8 1 0 9 11 0 11"),
    ("P", "Diverse - dagtilbudsloven", "67 23 12 102 23 12 34"),
    ("P", "Enkeltydelser §§ 35-41", "22 10 2 34 29 6 35"),
    ("P", "Hjælpemidler efter kompensationsloven", "13 1 1 15 7 7 13"),
    ("P", "Integration - hele loven undtaget §§ 6-15d, §§ 35-41", "40 4 1 45 9 2 11"),
    ("P", "Kompensationsloven - personlig assistance -, kap. 3-4", "4 1 16 21 5 76 81"),
    ("P", "Lov om anvendelse af tvang i psykiatrien m.v.", "0 0 1 1 0 100 100"),
    ("P", "Lov om forsøg med socialt frikort", "28 2 0 30 7 0 7"),
    ("P", "Repatrieringsloven", "4 0 0 4 0 0 0"),
    ("P", "Økonomisk friplads - §§ 43, 63 og 76 (Dagtilbudsloven)", "79 5 6 90 6 7 12"),
    ("L", "Barnets lov", "2.010 1.258 341 3.609 35 9 44"),
    ("P", "Børn - KSB - Børnefaglig undersøgelse - § 20, § 21 og § 26", "54 0 5 59 0 8 8"),
    ("P", "Børn - KSB - Diverse - Barnets lov", "28 12 0 40 30 0 30"),
    ("P", "Børn - KSB - Forebyggende indsats - § 31 og § 81", "33 3 1 37 8 3 11"),
    ("P", "Børn - KSB - Forhold under anbringelsen - § 97, stk. 2", "17 4 2 23 17 9 26"),
    ("P", "Børn - KSB - Forældrebetaling og ungebetaling - § 187 og § 188",
          "29 68 54 151 45 36 81"),
    ("P", "Børn - KSB - Forældrepålæg og ungepålæg - § 38 og § 39", "1 0 8 9 0 89 89"),
    ("P", "Børn - KSB - Frist - Ungestøtte - § 114, stk. 1, nr. 1, § 117, §§ 119 - § 121",
          "63 23 27 113 20 24 44"),
    ("P", "Børn - KSB - Godtgørelse til netværksplejefamilier - § 59", "5 14 3 22 64 14 77"),
    ("P", "Børn - KSB - Hjemgivelse og hjemgivelsesperiode - § 100 og § 102",
          "33 10 5 48 21 10 31"),
    ("P", "Børn - KSB - Ikke frist - Ungestøtte - § 114, stk. 1, nr. 2-4, § 114, stk. 2, § 115, § "
          "116, § 117", "38 21 8 67 31 12 43"),
    ("P", "Børn - KSB - Samvær - § 104", "277 73 40 390 19 10 29"),
    ("P", "Børn - KSB - Samvær - støtteperson eller suspension - § 103, stk. 2, jf. § 104, stk. 4",
          "12 0 1 13 0 8 8"),
    ("P", "Børn - KSB - Støttende indsatser og anbringelse med samtykke - § 32 og § 46",
          "135 115 32 282 41 11 52"),
    ("P", "Børn - KSB - Valg af anbringelsessted - § 52", "37 20 5 62 32 8 40"),
    ("P", "Børn - KSB - Økonomisk hjælp - § 35 og § 36", "97 76 2 175 43 1 45"),
    ("P", "Social - Afløsning og aflastning § 90, jf. SEL § 84", "140 70 12 222 32 5 37"),
    ("P", "Social - Biler § 90, jf. SEL § 114", "15 3 0 18 17 0 17"),
    ("P", "Social - Boligindretning § 90, jf. SEL § 116", "21 11 0 32 34 0 34"),
    ("P", "Social - Forbrugsgoder § 90, jf. SEL § 113", "51 4 1 56 7 2 9"),
    ("P", "Social - Hjemmetræning, særlige dagtilbud og klubtilbud §§ 82-85",
          "19 37 17 73 51 23 74"),
    ("P", "Social - Hjælpemidler § 90, jf. SEL § 112", "101 25 4 130 19 3 22"),
    ("P", "Social - Ledsagelse § 89", "4 1 0 5 20 0 20"),
    ("P", "Social - Merudgifter § 86", "359 301 37 697 43 5 48"),
    ("P", "Social - Personlig og praktisk hjælp og vedligeholdelsestræning § 90, jf. SEL § "
          "83 og 86", "18 18 1 37 49 3 51"),
    ("P", "Social - Tabt arbejdsfortjeneste §§ 87, 88", "422 349 76 847 41 9 50"),
    ("P", "Social - Ulovligt skolefravær § 134", "1 0 0 1 0 0 0"),
    ("L", "Boligstøtteloven", "30 24 4 58 41 7 48"),
    ("P", "Indskudslån - § 54-71", "30 24 4 58 41 7 48"),
    ("L", "Lov om aktiv beskæftigelsesindsats", "686 95 99 880 11 11 22"),
    ("P", "Ansættelse med løntilskud - §§ 66-79 og 81", "2 3 0 5 60 0 60"),
    ("P", "Befordringsgodtgørelse - §§ 175-177", "17 5 3 25 20 12 32"),
    ("P", "Bistand til særlige aktiviteter - §§ 17 og 18", "2 1 0 3 33 0 33"),
    ("P", "Fastholdelsesfleksjob - § 119", "3 0 0 3 0 0 0"),
    ("P", "Fleksjob - § 116-141", "60 7 22 89 8 25 33"),
    ("P", "Fleksløntilskud - §§ 123-125", "68 27 21 116 23 18 41"),
    ("P", "Hjælpemidler efter Lov om Aktiv Beskæftigelsespolitik", "1 0 0 1 0 0 0"),
    ("P", "Indsats overfor beskæftigede m.v. §§ 149-166", "7 1 0 8 13 0 13"),
    ("P", "Jobafklaringsforløb - § 107-111", "26 3 16 45 7 36 42"),
    ("P", "Mentorstøtte - §§ 167-171", "5 9 1 15 60 7 67"),
    ("P", "Mindre intensiv indsats - § 106", "5 0 0 5 0 0 0"),
    ("P", "Nytteindsats - §§ 82-87 og 89", "14 1 3 18 6 17 22"),
    ("P", "Ressourceforløb - §§ 112-115", "162 3 15 180 2 8 10"),
    ("P", "Revalidering - §§ 142-148", "37 3 2 42 7 5 12"),
    ("P", "Støtte i form af tilskud til selvstændig erhvervsdrivende - §§ 126-132 og 136",
          "11 9 2 22 41 9 50"),
    ("P", "Tilbud om indsats til dagpengemodtager - § 205 (4 ugers frist)", "151 7 4 162 4 2 7"),
    ("P", "Vejledning og opkvalificering - §§ 90-93 og §§ 95-99", "102 16 8 126 13 6 19"),
    ("P", "Virksomhedspraktik - §§ 57-63 og 65", "13 0 2 15 0 13 13"),
    ("L", "Lov om aktiv socialpolitik", "3.970 670 476 5.116 13 9 22"),
    ("P", "225 timers reglen - § 13 f og 13 g", "16 2 5 23 9 22 30"),
    ("P", "Bevillingstidspunkt og satser - §§ 22-26 (undtaget §§ 25 b-e)", "96 11 23 130 8 18 26"),
    ("P", "Diverse - Aktivloven", "9 1 4 14 7 29 36"),
    ("P", "Enkeltydelse - udgift påtaget før ansøgning", "75 17 10 102 17 10 26"),
    ("P", "Formue - §§ 14 og 15", "128 65 31 224 29 14 43"),
    ("P", "Forsørgelse af børn - § 84", "5 4 0 9 44 0 44"),
    ("P", "Forsørgerpligt, bopæl, udlandsophold mv. - §§ 2-5", "96 5 9 110 5 8 13"),
    ("P", "Fradrag for indtægter - §§ 30-33", "280 39 30 349 11 9 20"),
    ("P", "Hjælp til enkeltudgifter - §§ 81-81a", "556 123 6 685 18 1 19"),
    ("P", "Hjælp til flytning - §85, 1", "301 37 0 338 11 0 11"),
    ("P", "Hjælp til flytning - §85, 2", "242 22 0 264 8 0 8"),
    ("P", "Hjælp til sygebehandling - §§ 82-82a", "306 164 12 482 34 2 37"),
    ("P", "Hjælp til visse persongrupper - §§ 27-29", "96 6 5 107 6 5 10"),
    ("P", "Indplacering på kontanthjælpsloftet - §§ 25 b-e", "18 0 0 18 0 0 0"),
    ("P", "Ledighedsydelse §§ 74-77b", "46 7 24 77 9 31 40"),
    ("P", "Opholdskrav - § 11, stk. 3 (IY eller KH/UH)", "16 1 1 18 6 6 11"),
    ("P", "Ressourceforløbsydelse under jobafklaring og sanktioner - §§ 69j-69u dog ikke §69s",
          "70 5 25 100 5 25 30"),
    ("P", "Ressourceforløbsydelse under ressourceforløb og sanktioner - §§ 68-69h",
          "33 2 7 42 5 17 21"),
    ("P", "Revalideringsydelse - §§ 70-73j", "5 3 0 8 38 0 38"),
    ("P", "Sanktioner - §§ 35-44a", "9 0 3 12 0 25 25"),
    ("P", "Sanktioner § 39-40", "104 0 19 123 0 15 15"),
    ("P", "Sanktioner § 40a", "15 0 6 21 0 29 29"),
    ("P", "Sanktioner §§ 36-38", "617 1 93 711 0 13 13"),
    ("P", "Sanktioner §§ 42-43", "50 2 6 58 3 10 14"),
    ("P", "Social begivenhed - § 11-12a (undtaget § 11, stk. 3)", "98 9 9 116 8 8 16"),
    ("P", "Særlig hjælp vedrørende børn - § 83", "8 10 1 19 53 5 58"),
    ("P", "Særlig støtte - § 34", "142 31 23 196 16 12 28"),
    ("P", "Tilbagebetaling af hjælp i enkeltstående tilfælde - §§81-85a og §§ 90-97",
          "63 6 43 112 5 38 44"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 91",
          "345 71 53 469 15 11 26"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 92", "1 0 0 1 0 0 0"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 93",
          "23 14 9 46 30 20 50"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 94", "24 1 8 33 3 24 27"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 95", "17 0 6 23 0 26 26"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 96", "27 0 1 28 0 4 4"),
    ("P", "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - §§ 90 - 97, 69i",
          "14 8 2 24 33 8 42"),
    ("P", "Udnyttelse af arbejdsmuligheder - §§ 13, 13C", "19 3 2 24 13 8 21"),
    ("L", "Lov om almene boliger", "138 71 2 211 34 1 35"),
    ("P", "Almene boliger - § 54-61", "133 70 1 204 34 0 35"),
    ("P", "Længerevarende botilbud, Almenboligloven - § 105", "5 1 1 7 14 14 29"),
    ("L", "Lov om højeste, mellemste førtidspension m.fl.", "33 8 1 42 19 2 21"),
    ("P", "Bistands- og plejetillæg §§ 16 stk. 1 og 2", "5 1 1 7 14 14 29"),
    ("P", "Forhøjelse af pension §§ 13 - 15, 21, 24, 44, 44a", "10 3 0 13 23 0 23"),
    ("P", "Personlige tillæg og helbredstillæg §§ 17-20,26,27 og 43", "18 4 0 22 18 0 18"),
    ("L", "Lov om social pension", "437 54 15 506 11 3 14"),
    ("P", "Diverse - pensionsloven", "6 0 0 6 0 0 0"),
    ("P", "Hvilende pension og frakendelse - § 43a og 44", "2 0 0 2 0 0 0"),
    ("P", "Personligt/helbredstillæg - §§ 14 og 14c, §43", "230 37 6 273 14 2 16"),
    ("P", "Ret til Pension - § 17, stk. 4 og §§ 18-20", "46 4 4 54 7 7 15"),
    ("P", "Ret til pension på det foreliggende - § 17 stk. 2 og 3", "142 4 2 148 3 1 4"),
    ("P", "Seniorpension - §§ 26 a - e", "0 0 1 1 0 100 100"),
    ("P", "Særlige udbetalingsregler, strafafsoning og administration - §§ 34-38 og 46-48",
          "9 6 2 17 35 12 47"),
    ("P", "Tilbagebetaling - §§ 41-43", "2 3 0 5 60 0 60"),
    ("L", "Serviceloven", "1.785 1.352 150 3.287 41 5 46"),
    ("P", "Almene tilbud og husvilde - § 80", "2 1 0 3 33 0 33"),
    ("P", "Biler - §§ 114 og 115", "247 68 9 324 21 3 24"),
    ("P", "Boligindretning - § 116", "125 27 2 154 18 1 19"),
    ("P", "Børn - Forældrebetaling §159", "1 0 0 1 0 0 0"),
    ("P", "Forbrugsgoder - §113", "115 38 5 158 24 3 27"),
    ("P", "Hjemmehjælp § 83", "228 178 29 435 41 7 48"),
    ("P", "Hjælpemidler - §112", "408 460 41 909 51 5 55"),
    ("P", "Magtanvendelse, voksne - øvrige - §§ 124, 125, 128-128f og §§ 136a-137j",
          "0 1 1 2 50 50 100"),
    ("P", "Midlertidige forbrugsgoder - §113b", "1 0 0 1 0 0 0"),
    ("P", "Pasning af nærtstående - §§ 118-122", "9 5 1 15 33 7 40"),
    ("P", "Social - Diverse Servicelov", "6 0 0 6 0 0 0"),
    ("P", "Social - Hastigt progredierende lidelser SEL § 117 a", "0 1 1 2 50 50 100"),
    ("P", "Voksne - afløsning og aflastning - § 84", "19 8 3 30 27 10 37"),
    ("P", "Voksne - aktivitets- og samværstilbud - § 104", "20 26 3 49 53 6 59"),
    ("P", "Voksne - behandling - § 102", "60 54 2 116 47 2 48"),
    ("P", "Voksne - beskyttet beskæftigelse - §§ 103 og 105, stk. 2", "6 4 1 11 36 9 45"),
    ("P", "Voksne - borgerstyret personlig assistance - § 96", "77 74 7 158 47 4 51"),
    ("P", "Voksne - Forsorgshjem og herberger - § 110", "2 0 2 4 0 50 50"),
    ("P", "Voksne - genoptræning - § 86", "4 8 0 12 67 0 67"),
    ("P", "Voksne - kontante tilskud til § 95", "27 31 0 58 53 0 53"),
    ("P", "Voksne - krisecentre og forsorgshjem - §§ 109 og 110", "6 2 1 9 22 11 33"),
    ("P", "Voksne - ledsageordning - § 97", "53 12 5 70 17 7 24"),
    ("P", "Voksne - længerevarende botilbud - § 108", "30 20 0 50 40 0 40"),
    ("P", "Voksne - merudgifter - § 100", "160 74 12 246 30 5 35"),
    ("P", "Voksne - midlertidigt botilbud - § 107", "43 117 8 168 70 5 74"),
    ("P", "Voksne - misbrugsbehandling - § 101", "4 13 4 21 62 19 81"),
    ("P", "Voksne - rehabilitering - § 83a", "3 1 2 6 17 33 50"),
    ("P", "Voksne - selvudpeget hjælp - §§ 94-94b", "10 14 0 24 58 0 58"),
    ("P", "Voksne - Socialpædagogisk bistand - § 85", "117 113 11 241 47 5 51"),
    ("P", "Voksne - støtte og kontaktperson - §§ 98 og 99", "2 2 0 4 50 0 50"),
    ("L", "Sygedagpengeloven", "2.526 356 345 3.227 11 11 22"),
    ("P", "Anmeldelse - §§ 35-39 og 41 og 43", "205 22 15 242 9 6 15"),
    ("P", "Arbejdsgiverrefusion - anmeldelse § 59", "207 13 10 230 6 4 10"),
    ("P", "Arbejdsgiverrefusion - øvrige betingelser § 54, 56, 57, 58 og 60",
          "263 50 39 352 14 11 25"),
    ("P", "Beregning af sygedagpenge - §§ 46-53", "23 11 2 36 31 6 36"),
    ("P", "Beskæftigelseskrav - selvstændig / lønmodt - §§ 30-34 og 42", "101 32 15 148 22 10 32"),
    ("P", "Bortfald af retten til sygedagpenge - §§ 21-23", "195 28 65 288 10 23 32"),
    ("P", "Diverse - sygedagpengeloven", "7 3 7 17 18 41 59"),
    ("P", "Revurdering og forlængelse - § 24-29", "847 120 35 1.002 12 3 15"),
    ("P", "Tilbagebetaling § 71, § 56-aftale og § 58 a-aftale", "63 27 14 104 26 13 39"),
    ("P", "Uarbejdsdygtighed - § 7", "615 50 143 808 6 18 24"),
]

NOTE_DATA = (
    "Note: Bemærk, at der er tale om data, sådan som de på nuværende tidspunkt fremgår af vores "
    "sagsbehandlingssystem. For at sikre de mest aktuelle data sker der løbende "
    "efterregistreringer i data. Dette kan skabe uoverensstemmelser med tidligere "
    "offentliggjorte data for samme tidsperiode."
)
NOTE_ANDRE_LOVE_LONG = (
    '* "Andre Love" er en samlet kategori for følgende love: Dagtilbudsloven, Seniorjobloven, '
    "Integrationsloven, Repatrieringsloven, Lov om kompensation til handicappede i erhverv, Lov "
    "om forsøg med socialt frikort, Lov om anvendelse af tvang i psykiatrien m.v., "
    "Friplejeboligloven og Lov om voksenansvar."
)
NOTE_ANDRE_LOVE_SHORT = (
    '* "Andre Love" er en samlet kategori for følgende love: Dagtilbudsloven, Integrationsloven, '
    "Repatrieringsloven, Lov om kompensation til handicappede i erhverv, Lov om forsøg med "
    "socialt frikort, Lov om anvendelse af tvang i psykiatrien m.v. og Lov om voksenansvar."
)
KILDE = "Kilde: Ankestyrelsens sagsbehandlingssystem. Data er trukket pr den 11. april 2025."
# Table 4.3 prints "Note" and "Kilde" swapped; kept as printed.
NOTES_4_3 = (
    "Note: Ankestyrelsens sagsbehandlingssystem. Data er trukket pr den 11. april 2025.",
    "Kilde: Bemærk, at der er tale om data, sådan som de på nuværende tidspunkt fremgår af vores "
    "sagsbehandlingssystem. For at sikre de mest aktuelle data sker der løbende "
    "efterregistreringer i data. Dette kan skabe uoverensstemmelser med tidligere "
    "offentliggjorte data for samme tidsperiode.",
)
NOTE_4_7_EXTRA = (
    "En sag tæller kun én gang, selvom den har været behandlet ved flere retsinstanser. Året for "
    "domsafsigelsen samt sagens udfald tæller for den sag, der er ført ved den højeste instans. "
    "Tallene kan derfor ændre sig for det seneste år, hvis der på opgørelsestidspunktet er truffet "
    "dom, men sagen efterfølgende føres ved en højere instans."
)
NOTES = {
    "4.2": (NOTE_DATA, NOTE_ANDRE_LOVE_LONG, KILDE),
    "4.3": NOTES_4_3,
    "4.4": (NOTE_DATA, NOTE_ANDRE_LOVE_SHORT, KILDE),
    "4.5": (NOTE_DATA, NOTE_ANDRE_LOVE_LONG, KILDE),
    "4.6": (NOTE_DATA, KILDE),
    "4.7": (NOTE_DATA, NOTE_4_7_EXTRA, KILDE),
    "4.8": (NOTE_DATA, NOTE_ANDRE_LOVE_SHORT, KILDE),
}

# Prose of Kapitel 4, in reading order: ("h1"/"h2"/"h3", heading), ("p", paragraph),
# ("box", info box), ("table", table id), ("newpage", "").
REPORT_FLOW = [
    ("h1", "Kapitel 4: Behandling af klager over kommunale afgørelser"),
    ("h2", "UDVIKLING I PERIODEN 2022-2024"),
    (
        "p",
        "I 2024 afgjorde Ankestyrelsen 19.729 kommunale social- og beskæftigelsessager, hvilket "
        "fremgår af Figur 4.1. Ud af det samlede antal sager blev 17.305 sager realitetsbehandlet."
        " Det vil sige, at sagerne blev stadfæstet, ændret, ophævet eller hjemvist. De resterende "
        "sager bortfaldt, eksempelvis fordi klagefristen var overskredet, eller fordi borgeren "
        "trak sin klage tilbage.",
    ),
    (
        "p",
        "Antallet af behandlede sager i 2024 ligger en smule under niveauet for 2023, mens "
        "antallet af indkomne sager ligger en smule over. Det bemærkes, at antallet af indkomne "
        "sager hele perioden ligger over niveauet for det antal sager, Ankestyrelsen har haft "
        "bevilling til at afgøre, hvilket har ført til stigende sagsbehandlingstider.",
    ),
    ("h3", "Stigning i antallet af indkomne klager i 2024"),
    (
        "p",
        "Ankestyrelsen har i 2024 modtaget over 25.000 kommunale social- og beskæftigelsessager, "
        "hvilket er omkring 500 sager mere end i 2023 og 3.000 sager mere end i 2022. Dette er "
        "flere sager, end Ankestyrelsen er i stand til at afgøre inden for målene for "
        "sagsbehandlingstid på størstedelen af det kommunale social- og beskæftigelsesområde. Der "
        "opstår derfor sagspukler i form af flere verserende sager, som også har betydning for "
        "sagsbehandlingstiden.",
    ),
    ("h3", "Afgjorte sager efter lovområde"),
    (
        "p",
        "Som det fremgår af Tabel 4.2, udgør sager afgjort efter lov om aktiv socialpolitik "
        "(aktivloven) den største andel af de klagesager, Ankestyrelsen behandler inden for det "
        "kommunale område. I 2024 var det 30 procent af de kommunale sager, der var inden for "
        "aktivloven. De næststørste lovområder er serviceloven og barnets lov, som i 2024 begge "
        "udgjorde 20 procent af sagerne. De tre lovområder dækker dermed over to tredjedele af "
        "alle de kommunale sager. Andelen af sager behandlet efter serviceloven og barnets lov "
        "svarer tilsammen omtrent til niveauet for serviceloven i 2023 (før barnets lov), mens "
        "aktivloven udgør en lidt større andel i 2024 end 2023, med en stigning på tre "
        "procentpoint.",
    ),
    ("table", "4.2"),
    ("h3", "Omgørelsesprocenten er på niveau med sidste år"),
    (
        "p",
        "I 2024 omgjorde Ankestyrelsen 31 procent af de realitetsbehandlede sager. Det er omtrent "
        "samme niveau som i 2023 og 2022, hvor omgørelsesprocenten var 30 procent. Dette kan "
        "blandt andet ses af Tabel 4.3, som viser antallet af realitetsbehandlede sager, udfaldene"
        " af sagerne og omgørelsesprocenter for 2022-2024.",
    ),
    (
        "box",
        "Infoboks: Omgørelsesprocent. Omgørelsesprocenten er beregnet som andelen af "
        "realitetsbehandlede sager, Ankestyrelsen enten ændrer, ophæver eller hjemviser. Der "
        "medregnes dermed ikke sager, Ankestyrelsen afviser eller sager, der bortfalder. Da der på"
        " nogle sagsområder er forholdsvis få sager, vil omgørelsesprocenten tilsvarende være "
        "baseret på forholdsvist få sager. Tallene skal derfor tolkes varsomt. Infoboks slut.",
    ),
    (
        "p",
        "Fordelingen af de omgjorte sager på hjemvisninger og ændringer/ophævelser er i 2024 "
        "ændret således, at andelen af sager der hjemvises er 4 procentpoint højere end i 2023, "
        "mens andelen af ændringer/ophævelser er 2 procentpoint lavere.",
    ),
    ("table", "4.3"),
    (
        "p",
        "I 2024 var den højeste omgørelsesprocent inden for serviceloven og boligstøtteloven. Som "
        "det fremgår af Tabel 4.4, der viser omgørelsesprocent fordelt på lovområder, blev 46 "
        "procent af sagerne inden for serviceloven omgjort, mens 48 procent af sagerne inden for "
        "boligstøtteloven blev omgjort. Det er knap hver anden sag. Omgørelsesprocenten inden for "
        "de resterende lovområder er lavere, men for de fleste lovområder er det cirka mellem hver"
        " tredje eller hver fjerde sag, der er blevet omgjort.",
    ),
    (
        "p",
        "Af Tabel 4.4 fremgår også den procentvise fordeling af de realitetsbehandlede sagers "
        "udfald fordelt på lovområderne. Heraf ses det, at sager inden for lov om aktiv "
        "beskæftigelsesindsats og sygedagpengeloven har den største andel af sager, der bliver "
        "ændret eller ophævet – nemlig 11 procent. Ser man på hjemvisningsprocenten, er den højest"
        " inden for serviceloven og boligstøtteloven, her hjemvises 41 procent af sagerne. For "
        "barnets lov og lov om almene boliger hjemvises omtrent hver tredje sag, mens det er en "
        "noget lavere andel for de øvrige lovområder.",
    ),
    ("table", "4.4"),
    (
        "p",
        "Udviklingen over tid i omgørelsesprocenten for de enkelte lovområder er opgjort i Tabel "
        "4.5. Her fremgår det, at omgørelsesprocenten har udviklet sig forskelligt inden for "
        "lovområderne i perioden 2022-2024.",
    ),
    (
        "p",
        "Fra 2023 til 2024 har der været stigning inden for de tre lovområder serviceloven, lov om"
        " højeste, mellemste førtidspension m.fl. samt boligstøtteloven, mens omgørelsesprocenten "
        "er faldet inden for de resterende lovområder. Det bemærkes dog at der er relativt få "
        "sager inden for de to sidstnævnte lovområder, hvormed få sager kan have betydning for "
        "ændringen i omgørelsesprocenten.",
    ),
    ("table", "4.5"),
    (
        "p",
        "Den gennemsnitlige sagsbehandlingstid for klagesager over kommunernes afgørelser på "
        "social- og beskæftigelsesområdet er steget til 21,4 uger i 2024. Dette er en stigning på "
        "knap 9 uger i forhold til 2023, hvilket er forklaret af stigningerne i antallet af "
        "indkomne sager – både på det kommunale område, samt Ankestyrelsens øvrige sagsområder. "
        "Disse stigninger medfører flere verserende sager og dermed længere sagsbehandlingstid.",
    ),
    (
        "p",
        "Liggetiden for de verserende sager – det vil sige de sager, der endnu ikke er afgjorte "
        "ved årets afslutning – er af samme årsager steget og var på 21,4 uger ved udgangen af "
        "2024.",
    ),
    ("table", "4.6"),
    ("h2", "KVALITETEN I ANKESTYRELSENS AFGØRELSER"),
    (
        "p",
        "Som et led i Ankestyrelsens løbende arbejde med at sikre kvalitet ved behandlingen af "
        "sagerne, gennemfører vi årligt en intern kvalitetsmåling.",
    ),
    (
        "p",
        "Formålet med kvalitetsmålingen er at udvikle og øge kvaliteten i vores sagsbehandling. Vi"
        " stiler både mod at træffe korrekte afgørelser og kommunikere klart. Det er vores mål, at"
        " borgeren føler sig godt behandlet – uanset om borgeren får medhold i sin klage eller ej.",
    ),
    ("h3", "Sager indbragt for domstolene"),
    (
        "p",
        "På det kommunale social- og beskæftigelsesområde fik Ankestyrelsen i 2024 medhold i 65 "
        "procent af sagerne, som blev prøvet ved domstolene, jf. Tabel 4.7. I 2023 lå "
        "medholdsprocenten på 78 procent og i 2022 på 54 procent.",
    ),
    ("table", "4.7"),
    ("newpage", ""),
    ("h1", "Bilag 1: Realitetsbehandlede sager"),
    ("table", "4.8"),
]

# --- Ishøj Byråd, referat 31. oktober 2022, punkt 230 (ishoej-referater-2020-2022.txt) -------

ISHOEJ_CODE = 183
BYRAAD_URL = "https://ishoj.dk/borger/demokrati/dagsordener-og-referater/ishoej-byraad-31-10-2022-16-30"
BYRAAD_YEARS = ("2019", "2020", "2021")
BYRAAD_GROUPS = ("Realitetsbehandlede sager i alt", "Stadfæstelsesprocent", "Omgørelsesprocent")
# Rows: (group label, row label, cells); cells None = label-only row. The glitches "62, %",
# "59,%" and "9301 sager101" are printed exactly like this in the source.
BYRAAD_TABLE = [
    ("Ishøj", "Ishøj", None),
    ("Ishøj", "Serviceloven", ("66", "74", "52", "62, %", "68,9 %", "63,5 %",
                               "37,9 %", "31,1 %", "36,5 %")),
    ("Hele landet", "Hele landet", None),
    ("Hele landet", "Serviceloven", ("9301 sager101", "10329 sager", "8280 sager", "59,%",
                                     "63,8 %", "68,2 %", "40,9 %", "36,2 %", "31,8 %")),
]
BYRAAD_KILDE = "Kilde: Ankestyrelsen ( 2022 )"

BILAG_TITLE = "Bilag vedr. omgørelsesprocenter for Ishøj fordelt på paragraffer"
BILAG_HEADERS = (
    ("Realitetsbeh.", "sager alt", "2021"),
    ("Stadfæstede", "sager", "2021"),
    ("Ændrede/", "ophævede", "sager 2021"),
    ("Hjemviste", "sager", "2021"),
    ("Afviste", "sager", "2021"),
)
BILAG_KILDE = "Kilde https://ast.dk/tal-og-statistik-app/"
# Ishøj bilag rows, serviceloven per provision, 2021; the last row is "I alt".
BILAG_TABLE = [
    ("Biler - §§ 114 og 115", "4 2 0 2 1"),
    ("Boligindretning - § 116", "2 2 0 0 0"),
    ("Børn - andre bestemmelser", "0 0 0 0 0"),
    ("Børn - Bekendtgørelse om voksenansvar § 9", "0 0 0 0 0"),
    ("Børn - Børnefaglig undersøgelse - § 50", "1 1 0 0 0"),
    ("Børn - efterværn - §§ 68 og 76 (2013-2019)", "0 0 0 0 0"),
    ("Børn - Efterværn og oprethold anbringelse - §§ 76 og 76a", "0 0 0 0 0"),
    ("Børn - Foranstaltninger - §§ 52, stk. 3 og 55", "0 0 0 0 0"),
    ("Børn - Forebyggende indsats - § 11", "0 0 0 0 0"),
    ("Børn - Forhold under anbringelsen - § 69, stk. 1", "0 0 0 0 0"),
    ("Børn - forældrebetaling §159", "7 3 3 1 1"),
    ("Børn - Hjemgivelse og hjemgivelsesperiode - § 68", "0 0 0 0 0"),
    ("Børn - samvær - § 71", "2 2 0 0 0"),
    ("Børn - Valg af anbringelsessted - § 68b", "0 0 0 0 0"),
    ("Børn - økonomisk hjælp - § 11 (2013-2019)", "0 0 0 0 0"),
    ("Børn - økonomisk hjælp - § 52a", "1 1 0 0 0"),
    ("Diverse – serviceloven", "0 0 0 0 0"),
    ("Forbrugsgoder - § 113", "0 0 0 0 0"),
    ("Hjemmehjælp - § 83", "4 1 0 3 0"),
    ("Hjælpemidler - 112", "7 6 0 1 1"),
    ("Husvilde - § 80", "0 0 0 0 0"),
    ("Magtanvendelse, børn og unge - § 123", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, alarmsystemer - § 125", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, beskyttelsesmidler - § 128", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, besøgsrestriktioner - § 137b og 137c stk. 2", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, fastholdelse mv. - § 126", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, indgreb i selvbestemmelsesretten, anbragte i boform v/strafferetlig "
     "afg.. -", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, indgreb i selvbestemmelsesretten, anbragte i boform v/strafferetlig "
     "afg.. - § 137g-j", "0 0 0 0 0"),
    ("Magtanvendelse, voksne, tilbageholdelse i boligen - § 127", "0 0 0 0 0"),
    ("Merudgiftydelse §41 + tilbagebetaling", "8 5 1 2 2"),
    ("Pasning af nærtstående - §§ 118-122", "0 0 0 0 0"),
    ("Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.", "0 0 0 0 1"),
    ("Personlig hjælp og ledsagelse §§44, 45 + tilbagebetaling", "0 0 0 0 0"),
    ("Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling", "7 5 0 2 1"),
    ("Voksne - krisecentre og forsorgshjem - §§ 109 og 110", "0 0 0 0 0"),
    ("Voksne - afløsning og aflastning - § 84", "0 0 0 0 0"),
    ("Voksne - aktivitets- og samværstilbud - § 104", "0 0 0 0 0"),
    ("Voksne - behandling - § 102", "0 0 0 0 0"),
    ("Voksne - behandling - §§ 101 og 102 (2013-2018)", "0 0 0 0 0"),
    ("Voksne - beskyttet beskæftigelse - §§ 103 og 105, stk. 2", "0 0 0 0 0"),
    ("Voksne - beskyttet beskæftigelse og aktivitets- og samværstilbud - §§ 103-106 (2013-2018)",
     "0 0 0 0 0"),
    ("Voksne - borgerstyret personlig assistance - § 96", "1 0 0 1 0"),
    ("Voksne - botilbud - §§ 107-110 (2013-2018)", "0 0 0 0 0"),
    ("Voksne – genoptræning § 86", "0 0 0 0 0"),
    ("Voksne - kontante tilskud § 95", "0 0 0 0 0"),
    ("Voksne - ledsageordning - § 97", "0 0 0 0 0"),
    ("Voksne - længerevarende botilbud - § 108", "0 0 0 0 0"),
    ("Voksne - merudgifter - § 100", "0 0 0 0 0"),
    ("Voksne - midlertidigt botilbud - § 107", "0 0 0 0 0"),
    ("Voksne – misbrugsbehandling - § 101", "2 0 0 2 0"),
    ("Voksne - personlig hjælp, ledsagelse m.v. §§ 81, 82, 84 - 95 og 97 - 99 (2013-2015)",
     "0 0 0 0 0"),
    ("Voksne - rehabilitering - § 83a", "0 0 0 0 0"),
    ("Voksne - selvudpeget hjælp - §§ 94-94b", "1 1 0 0 0"),
    ("Voksne - socialpædagogisk bistand - § 85", "0 0 0 0 0"),
    ("Voksne - støtte og kontaktperson - §§ 98 og 99", "0 0 0 0 0"),
    ("Voksne - ulovligt skolefravær, standsning af børne- og ungeydelse - § 155c", "3 2 0 1 0"),
    ("I alt", "50 31 4 15 7"),
]

# --- Ishøj Social- og Sundhedsudvalget, referat 8. marts 2021, punkt 29 ----------------------

SUNDHED_URL = (
    "https://ishoj.dk/borger/demokrati/dagsordener-og-referater/"
    "social--og-sundhedsudvalget-08-03-2021-16-30"
)
# Column headers as printed (wrapped lines), then rows.
SUNDHED_AFGJORTE_HEADERS = (
    ("aktivlov",), ("Pensions-", "love"), ("Sygedag-", "pengelov"), ("Servicelov",),
    ("øvrige",), ("I alt",),
)
SUNDHED_AFGJORTE = [
    ("Stadfæstelser", ("15", "7", "4", "51", "0", "77")),
    ("Ændringer", ("2", "0", "1", "6", "0", "9")),
    ("Hjemvisninger", ("5", "1", "0", "17", "2", "25")),
    ("Afvisninger", ("3", "3", "0", "11", "0", "17")),
    ("I alt", ("25", "11", "5", "85", "2", "128")),
]
SUNDHED_OMG_CAPTION = (
    "Tabel: Omgørelsesprocent 2020 fordelt efter lovgivning – beskæftigelsesområdet indgår "
    "under øvrige"
)
SUNDHED_OMG_HEADERS = (
    ("Aktivlov",), ("Pensions-", "love"), ("Sygedag-", "pengelov"), ("Servicelov",),
    ("øvrige",), ("I alt",),
)
SUNDHED_OMG = [
    ("Ishøj Kommune", ("32", "12", "20", "31", "100", "31")),
    ("Landstotal", ("29", "17", "18", "36", "32", "29")),
]

BYRAAD_FLOW = [
    ("h1", "Referat Ishøj Byråd mandag den 31. oktober 2022 kl. 16.30"),
    ("h2", "Punkt 230 Omgørelsesprocenter på socialområdet 2021"),
    ("h3", "Resume"),
    (
        "p",
        "Ankestyrelsen har udsendt orientering om danmarkskort med omgørelsesprocenter på "
        "socialområdet i 2021 fra Social – og Ældreministeriet til landets kommunalbestyrelser.",
    ),
    ("h3", "Sagsfremstilling"),
    (
        "p",
        "Af orienteringen fra Ankestyrelsen fremgår det, at kommunalbestyrelsen skal behandle "
        "danmarkskortet på et møde inden udgangen af det år, hvor omgørelsesprocenterne på "
        "socialområdet offentliggøres. Dette følger af retssikkerhedslovens § 79 b.",
    ),
    (
        "p",
        "Når en borger klager over en kommunal afgørelse på socialområdet, er det Ankestyrelsen, "
        "der behandler klagen. Omgørelsesprocenten viser andelen af realitetsbehandlede klagesager"
        " i Ankestyrelsen, som ændres, ophæves eller hjemvises. Socialområdet dækker over alle "
        "bestemmelser i serviceloven, hvor der er klageadgang til Ankestyrelsen over "
        "kommunalbestyrelsens afgørelse. Når Børne- og Undervisningsudvalget og Social- og "
        "Sundhedsudvalget normalt behandler ankestatistikker, er der flere lovområder end "
        "udelukkende servicelovens.",
    ),
    (
        "p",
        "Omgørelsesprocenten fortæller derfor noget om rigtigheden af den del af kommunens "
        "afgørelser, der påklages til Ankestyrelsen, men fortæller ikke noget om den generelle "
        "kvalitet af kommunernes sagsbehandling.",
    ),
    (
        "p",
        "Omgørelsesprocenten var 37,9 % i 2019 for Ishøj mod 40,9% på landsplan, 31,1% i 2020 mod "
        "36,2 % på landsplan, mens den i 2021 var 36,5 % for Ishøj Kommune mod 31,8 % procent på "
        "landsplan. Ishøj Kommune havde dermed en lavere omgørelsesprocent end landsgennemsnittet "
        "i 2019 og 2020, hvorimod omgørelsesprocenten i 2021 var højere end landsgennemsnittet.",
    ),
    ("bold", "Ankestatistik"),
    ("table", "ankestatistik"),
    (
        "p",
        "Efter lov om retssikkerhed og administration § 79 b, stk. 1., skal kommunalbestyrelsen "
        "behandle danmarkskortet på et møde, og efter § 79 b, stk. 2 skal Kommunalbestyrelsen i "
        "forbindelse med behandlingen efter stk. 1 tage stilling til, hvorvidt der er behov for at"
        " udarbejde en handleplan til styrkelse af den juridiske kvalitet i kommunens "
        "sagsbehandling.",
    ),
    (
        "p",
        "Beslutter kommunalbestyrelsen, at der ikke skal udarbejdes en handleplan, skal "
        "kommunalbestyrelsen orientere Ankestyrelsen herom.",
    ),
    (
        "p",
        "Da omgørelsesprocenten i Ishøj Kommune er en smule større end landsgennemsnittet er der "
        "grund til at udarbejde en handleplan. Administrationen foreslår, at følgende handleplan "
        "sendes til Ankestyrelsen:",
    ),
    (
        "p",
        "Borgernes retssikkerhed og oplevelse af, at der foregår en seriøs og ordentlig "
        "sagsbehandling, ligger Ishøj Kommune væsentligt på sinde. Ishøj Kommune vil løbende "
        "forsøge at nedbringe omgørelsesprocenten for kommunens afgørelser ved at afsætte tid til,"
        " at der på ugentlige og månedlige statusmøder i de forskellige afdelinger, som fast punkt"
        " gennemgås nyt fra Ankestyrelsen, ny og nuværende praksis, afgørelser der er modtaget fra"
        " Ankestyrelsen samt løbende holdes kurser i den gode afgørelse. I Center for Børn og "
        "Forebyggelse er der pr. 1. august 2022 som en del af en ny struktur, oprettet en enhed "
        "omkring børn med særlige behov.",
    ),
    ("h3", "Lovgrundlag"),
    ("p", "Retssikkerhedslovens § 79 b."),
    ("h3", "Økonomi"),
    ("p", "Sagen har ingen økonomiske konsekvenser."),
    ("h3", "Indstilling"),
    ("p", "• at omgørelsesprocenten på socialområdet i 2021 tages til efterretning"),
    ("p", "• at ovenstående handlingsplan godkendes og sendes til Ankestyrelsen til orientering."),
    ("h3", "Beslutning fra Børne- og Undervisningsudvalget, 13. oktober 2022, pkt. 133:"),
    ("p", "Tiltrådt."),
    ("h3", "Beslutning fra Social- og Sundhedsudvalget, 24. oktober 2022, pkt. 116:"),
    ("p", "Tiltrådt."),
    ("h3", "Beslutning"),
    ("p", "Tiltrådt."),
    ("h3", "Beslutningskompetence"),
    ("p", "Ishøj Byråd."),
    ("newpage", ""),
    ("h2", BILAG_TITLE),
    (
        "p",
        "Omgørelsesprocenten for hele landet var 31/8 % i 2021, mens den for Ishøj var 36,5 %. I "
        "nedenstående skema er omgørelsesprocenten opgjort på paragraffer i serviceloven, og i "
        "nedenstående tekst er der forklaringer på de omgørelsesprocenter, der skiller sig ud. De "
        "bestemmelser, der hører under Center for Børn og Forebyggelse er markeret med rødt, mens "
        "de bestemmelser, der hører under Center for Voksne og Velfærd er markeret med sort.",
    ),
    ("h3", "Hjemmehjælp § 83"),
    (
        "p",
        "Afgørelser om personlig hjælp, omsorg og pleje efter servicelovens § 83 har vist, at ud "
        "af de 4 afgørelser, der i 2021 er indbragt for Ankestyrelsen, er de 3 blevet hjemvist. "
        "Afgørelsen beror på en konkret og individuel vurdering af behovet for hjælp i forhold til"
        " ansøgers funktionsevne og husstandens sammensætning. Der er tale om meget få afgørelser."
        " Center for Voksne og Velfærd vil derfor i den kommende periode være skarpere på, at få "
        "forholdt sig til borgernes klager. Det kan medføre at flere afgørelser skal genoptages, "
        "og at sagsbehandlingstiden evt. forlænges.",
    ),
    ("h3", "Forældrebetaling jf. §159"),
    (
        "p",
        "Lovgivningen tilsiger, at forældrene skal bidrage økonomisk i forbindelse med "
        "anbringelsen af deres børn. Der er dog en række undtagelser, som gør området særdeles "
        "kompliceret. Vi har i 2022 taget til efterretning, at vores sagsbehandling ikke er "
        "tilstrækkeligt præcis, og vi er aktuelt i gang med en gennemgang.",
    ),
    ("h3", "Tabt Arbejdsfortjeneste"),
    (
        "p",
        "Der har i 2021 været 7 afgørelser, hvoraf 2 er blev hjemvist. Dvs. en omgørelsesprocent "
        "på 28,6 %. I begge tilfælde skyldes det, at Ankestyrelsen har efterlyst bedre "
        "dokumentation for afgørelserne. Vores vurdering er, at vi skal fastholde det høje fokus "
        "på at sikre korrekte afgørelser.",
    ),
    ("bold", "Ankestatistik Ishøj"),
    ("table", "paragraffer"),
]

SUNDHED_FLOW = [
    ("h1", "Ishøj referat Social- og Sundhedsudvalget mandag den 8. marts 2021 kl. 16.30"),
    ("h2", "29. Ankestatistik for Ishøj Kommune 2020"),
    ("h3", "Resume"),
    ("p", "Orienteringssag"),
    (
        "p",
        "Social- og Sundhedsudvalget og Børne- og Undervisningsudvalget orienteres om "
        "Ankestyrelsens ankestatistik for 2020 for Ishøj Kommune. Sagen forelægges endvidere for "
        "Social- og Sundhedsudvalget i Vallensbæk Kommune.",
    ),
    ("h3", "Sagsfremstilling"),
    (
        "p",
        "Ishøj Kommune har modtaget Ankestyrelsens ankestatistik for 2020 omhandlende alle sager "
        "på socialydelse- og beskæftigelsesområdet, herunder også børneområdet. Statistikken "
        "vedrører således Borgerservice, Center for Børn og Forebyggelse samt Center for Voksne og"
        " Velfærd. Statistikken omfatter tillige borgere fra Vallensbæk Kommune, på de områder "
        "hvor Ishøj Kommune som følge af det forpligtende samarbejde varetager opgaver inden for "
        "det specialiserede socialområde for både børn og voksne. Der skelnes derfor ikke mellem, "
        "om en sag er indbragt af en Ishøj borger eller Vallensbæk borger.",
    ),
    (
        "p",
        "Der er forskel på antal modtagne sager og antal afgjorte sager. På grund af "
        "sagsbehandlingstid i Ankestyrelsen kan en sag godt være modtaget i et år, og afgøres i "
        "det efterfølgende år. I 2020 har Ankestyrelsen modtaget 127 klagesager og afgjort 128 "
        "klagesager over Ishøj Kommunes afgørelser på socialydelse- og beskæftigelsesområdet.",
    ),
    (
        "p",
        "En nærmere forklaring af Ankestyrelsens begreber, er gengivet bilag (Ankestatistik 2020).",
    ),
    (
        "p",
        "Der har i 2020 været indsendt 127 klagesager fra Ishøj Kommune, det udgør et fald i "
        "forhold til tidligere år, hvor der tilbage i 2017 f.eks var 150 indsendte klagesager.",
    ),
    (
        "p",
        "Af nedenstående tabel fremgår det hvordan antallet af afgjorte klagesager i 2020 er "
        "fordelt på lovområder, samt om Ankestyrelsen har henholdsvis stadfæstet, ændret, hjemvist"
        " eller afvist klagen.",
    ),
    ("table", "afgjorte-2020"),
    (
        "p",
        "Omgørelsesprocententen for Ishøj Kommune på 31 % er lidt højere end for landet som "
        "helhed, hvor den er 29 %.",
    ),
    ("bold", SUNDHED_OMG_CAPTION),
    ("table", "omgoerelse-2020"),
    (
        "p",
        "På servicelovens område har Ishøj Kommune dog en lavere omgørelsesprocent end "
        "landsgennemsnittet.",
    ),
    (
        "p",
        "På aktivlovens område har Ishøj Kommune en større omgørelsesprocent end "
        "landsgennemsnittet, men omgørelsesprocenten er faldet fra 48,4 % i 2018 til 31,8 % i "
        "2020.",
    ),
    (
        "p",
        "Som følge af det forpligtende samarbejde med Vallensbæk Kommune, har der kun været "
        "påklaget 2 sager på beskæftigelsesområdet i 2020.",
    ),
    (
        "p",
        "Den iværksatte tværgående indsats for at styrke kvaliteten i kommunens afgørelser "
        "generelt, ser således ud til at have haft effekt. Dette ønskes at fortsætte.",
    ),
    ("h3", "Lovgrundlag"),
    ("p", "Retssikkerhedslovens §§ 76-79b"),
    ("h3", "Indstilling"),
    ("p", "Forslag til beslutning:"),
    (
        "p",
        "Social- og sundhedsudvalget tager Ankestyrelsens ankestatistik for 2020 til efterretning."
        " Sagen sendes til orientering i Seniorrådet, Handicaprådet samt Udsatterådet.",
    ),
    ("h3", "Beslutning"),
    ("p", "Tiltrådt. Sagen sendes til orientering i Seniorrådet, Handicaprådet samt Udsatterådet."),
]
# fmt: on
