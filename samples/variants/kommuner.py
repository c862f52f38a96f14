"""The 98 municipalities (code, name) from ``/work/shared/domain/kommuner.csv``, and the
forms their names take in documents ("Ishøj", "Ishøj Kommune", "Københavns Kommune").

Kept here as data so the generator does not depend on the engine's reference tables.
"""

from __future__ import annotations

import random

KOMMUNER: tuple[tuple[int, str], ...] = (
    (101, "København"),
    (147, "Frederiksberg"),
    (151, "Ballerup"),
    (153, "Brøndby"),
    (155, "Dragør"),
    (157, "Gentofte"),
    (159, "Gladsaxe"),
    (161, "Glostrup"),
    (163, "Herlev"),
    (165, "Albertslund"),
    (167, "Hvidovre"),
    (169, "Høje-Taastrup"),
    (173, "Lyngby-Taarbæk"),
    (175, "Rødovre"),
    (183, "Ishøj"),
    (185, "Tårnby"),
    (187, "Vallensbæk"),
    (190, "Furesø"),
    (201, "Allerød"),
    (210, "Fredensborg"),
    (217, "Helsingør"),
    (219, "Hillerød"),
    (223, "Hørsholm"),
    (230, "Rudersdal"),
    (240, "Egedal"),
    (250, "Frederikssund"),
    (260, "Halsnæs"),
    (270, "Gribskov"),
    (400, "Bornholm"),
    (253, "Greve"),
    (259, "Køge"),
    (265, "Roskilde"),
    (269, "Solrød"),
    (306, "Odsherred"),
    (316, "Holbæk"),
    (320, "Faxe"),
    (326, "Kalundborg"),
    (329, "Ringsted"),
    (330, "Slagelse"),
    (336, "Stevns"),
    (340, "Sorø"),
    (350, "Lejre"),
    (360, "Lolland"),
    (370, "Næstved"),
    (376, "Guldborgsund"),
    (390, "Vordingborg"),
    (410, "Middelfart"),
    (420, "Assens"),
    (430, "Faaborg-Midtfyn"),
    (440, "Kerteminde"),
    (450, "Nyborg"),
    (461, "Odense"),
    (479, "Svendborg"),
    (480, "Nordfyns"),
    (482, "Langeland"),
    (492, "Ærø"),
    (510, "Haderslev"),
    (530, "Billund"),
    (540, "Sønderborg"),
    (550, "Tønder"),
    (561, "Esbjerg"),
    (563, "Fanø"),
    (573, "Varde"),
    (575, "Vejen"),
    (580, "Aabenraa"),
    (607, "Fredericia"),
    (621, "Kolding"),
    (630, "Vejle"),
    (615, "Horsens"),
    (657, "Herning"),
    (661, "Holstebro"),
    (665, "Lemvig"),
    (671, "Struer"),
    (706, "Syddjurs"),
    (707, "Norddjurs"),
    (710, "Favrskov"),
    (727, "Odder"),
    (730, "Randers"),
    (740, "Silkeborg"),
    (741, "Samsø"),
    (746, "Skanderborg"),
    (751, "Aarhus"),
    (756, "Ikast-Brande"),
    (760, "Ringkøbing-Skjern"),
    (766, "Hedensted"),
    (779, "Skive"),
    (791, "Viborg"),
    (773, "Morsø"),
    (787, "Thisted"),
    (810, "Brønderslev"),
    (813, "Frederikshavn"),
    (820, "Vesthimmerlands"),
    (825, "Læsø"),
    (840, "Rebild"),
    (846, "Mariagerfjord"),
    (849, "Jammerbugt"),
    (851, "Aalborg"),
    (860, "Hjørring"),
)
# Names printed in the genitive before "Kommune", and the bare names they come from.
GENITIVE = {"København": "Københavns", "Bornholm": "Bornholms"}
BARE = {"Nordfyns": "Nordfyn", "Vesthimmerlands": "Vesthimmerland"}


def name_of(code: int) -> str:
    """The official short name of municipality ``code``."""
    for c, name in KOMMUNER:
        if c == code:
            return name
    raise KeyError(f"no municipality with code {code}")


def name_forms(code: int) -> tuple[str, ...]:
    """Printed forms of the municipality's name, the plain name first."""
    name = name_of(code)
    if name == "Bornholm":
        return ("Bornholm", "Bornholms Regionskommune", "Bornholms Regionskommune")
    gen = GENITIVE.get(name, name)
    bare = BARE.get(name, name)
    return (bare, f"{gen} Kommune", f"{gen} kommune", f"{gen} Kommune")


def draw(rng: random.Random, keep: int) -> int:
    """A municipality code: ``keep`` (the source's) a quarter of the time, else any other."""
    if rng.random() < 0.25:
        return keep
    return rng.choice(KOMMUNER)[0]
