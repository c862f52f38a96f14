"""Loading and validating the reference tables in rules/reference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.normalise.reference import Reference, ReferenceDataError
from extract.normalise.reference_files import load_reference
from tests.conftest import RULES

REFERENCE_DIR = RULES / "reference"

CONTRACT_LAW_AREAS = {
    "lab",
    "aktivloven",
    "pensionsloven",
    "serviceloven",
    "barnets_lov",
    "sygedagpengeloven",
    "foertidspension",
    "almenboligloven",
    "boligstoetteloven",
    "andre_love",
    "oevrige",
    "alle",
}

BRIEF_MEASURES = {
    "stadfaestet": "count",
    "aendret_ophaevet": "count",
    "hjemvist": "count",
    "afvist": "count",
    "bortfaldne": "count",
    "realitetsbehandlede": "count",
    "afgjorte": "count",
    "indkomne": "count",
    "omgoerelsesprocent": "percent",
    "stadfaestelsesprocent": "percent",
    "andel_hjemvist": "percent",
    "andel_aendret": "percent",
    "andel_procent": "percent",
    "andel_bortfaldne": "percent",
    "andel_realitetsbehandlede": "percent",
    "sagsbehandlingstid_uger": "weeks",
    "liggetid_uger": "weeks",
    "indbragt_domstole": "count",
    "medhold": "count",
    "ikke_medhold": "count",
    "medholdsprocent": "percent",
    "antal_personer": "persons",
}


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference(REFERENCE_DIR)


def test_law_area_codes_are_the_contract_codes(ref: Reference) -> None:
    assert {a.code for a in ref.law_areas} == CONTRACT_LAW_AREAS
    names = {a.code: a.name for a in ref.law_areas}
    assert names["aktivloven"] == "Lov om aktiv socialpolitik"
    assert names["serviceloven"] == "Lov om social service"


def test_measures_and_units_are_the_brief_ones(ref: Reference) -> None:
    assert {m.code: m.unit for m in ref.measures} == BRIEF_MEASURES
    assert ref.measure_unit("sagsbehandlingstid_uger") == "weeks"
    assert ref.measure_unit("antal_personer") == "persons"
    assert ref.is_measure("omgoerelsesprocent")
    assert not ref.is_measure("omgoerelse")
    with pytest.raises(KeyError, match="omgoerelse"):
        ref.measure_unit("omgoerelse")


def test_share_measures(ref: Reference) -> None:
    assert ref.share_of("stadfaestet") == "stadfaestelsesprocent"
    assert ref.share_of("aendret_ophaevet") == "andel_aendret"
    assert ref.share_of("hjemvist") == "andel_hjemvist"
    assert ref.share_of("bortfaldne") == "andel_bortfaldne"
    assert ref.share_of("realitetsbehandlede") == "andel_realitetsbehandlede"
    assert ref.share_of("afgjorte") == "andel_procent"
    assert ref.share_of("afvist") is None
    assert ref.share_of("omgoerelsesprocent") is None
    for m in ref.measures:
        if m.share is not None:
            assert ref.measure_unit(m.share) == "percent"


def test_municipalities(ref: Reference) -> None:
    assert len(ref.municipalities) == 98
    assert len({m.code for m in ref.municipalities}) == 98
    ishoej = ref.municipality_by_code[183]
    assert (ishoej.name, ishoej.region) == ("Ishøj", "Hovedstaden")
    assert ref.municipality_by_code[101].name == "København"


def test_cooperations(ref: Reference) -> None:
    pairs = {(c.deciding_code, c.delegating_code) for c in ref.cooperations}
    assert pairs == {
        (561, 563),
        (813, 825),
        (479, 482),
        (479, 492),
        (185, 155),
        (751, 741),
        (183, 187),
    }
    ishoej = next(c for c in ref.cooperations if c.deciding_code == 183)
    assert (ishoej.deciding, ishoej.delegating) == ("Ishøj", "Vallensbæk")
    assert (ishoej.from_year, ishoej.to_year) == (None, None)
    assert ishoej.source.startswith("Ishøj referater 18.5.2020")


def test_national_labels(ref: Reference) -> None:
    assert "Hele landet" in ref.national_labels
    assert "landstotal" in ref.national_keys


def _broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the reference directory with ``old`` replaced by ``new`` in ``file``."""
    directory = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return directory


BROKEN = [
    (
        "measures.yaml",
        "share: stadfaestelsesprocent",
        "share: foo",
        "measures.yaml: measure 'stadfaestet': share 'foo' is not a known measure",
    ),
    (
        "measures.yaml",
        "share: andel_aendret",
        "share: hjemvist",
        "measures.yaml: measure 'aendret_ophaevet': share 'hjemvist' is not a percent measure",
    ),
    (
        "measures.yaml",
        "  andel_procent:\n    unit: percent",
        "  andel_procent:\n    unit: percent\n    share: omgoerelsesprocent",
        "measures.yaml: measure 'andel_procent': share 'omgoerelsesprocent' is set on a percent",
    ),
    (
        "measures.yaml",
        "  liggetid_uger:\n    unit: weeks",
        "  liggetid_uger:\n    unit: days",
        "measures.yaml: measure 'liggetid_uger': unit 'days' is not one of count, percent,",
    ),
    (
        "measures.yaml",
        "    unit: persons",
        "    unit: persons\n    scale: 1",
        "measures.yaml: measure 'antal_personer': scale is not a known key (unit, labels, share, "
        "law, counts, entity)",
    ),
    (
        "measures.yaml",
        "    unit: percent\n    entity: national\n",
        "    unit: percent\n    entity: regional\n",
        "measures.yaml: measure 'medholdsprocent': entity 'regional' must be 'national' or left"
        " out",
    ),
    (
        "measures.yaml",
        '    labels: ["Medholdsprocent"]',
        '    labels: ["Medholdsprocent", "Andel ændret"]',
        "measures.yaml: measure 'medholdsprocent': label 'Andel ændret' is also a label of measure "
        "'andel_aendret'",
    ),
    (
        "law_areas.yaml",
        '    name: "Barnets lov"\n',
        "",
        "law_areas.yaml: law area 'barnets_lov': name is missing",
    ),
    (
        "law_areas.yaml",
        '      - "SEL"',
        '      - "SEL"\n      - "PL"',
        "law_areas.yaml: law area 'serviceloven': label 'PL' is also a label of law area "
        "'pensionsloven'",
    ),
    (
        "law_areas.yaml",
        '      - "LAB"',
        "      - 42",
        "law_areas.yaml: law area 'lab': labels must be a non-empty string, got 42",
    ),
    (
        "law_areas.yaml",
        "  alle:",
        "  Alle:",
        "law_areas.yaml: law area 'Alle': code must be a lowercase identifier",
    ),
    (
        "law_areas.yaml",
        "law_areas:",
        "law_areas: [",
        "law_areas.yaml: not valid YAML",
    ),
    (
        "national.yaml",
        '  - "Danmark"',
        '  - "Danmark"\n  - "Ishøj"',
        "national.yaml: hele_landet: label 'Ishøj' is also a name in kommuner.csv",
    ),
    (
        "national.yaml",
        "hele_landet:",
        "hele_land:",
        "national.yaml: hele_landet is missing at the top level",
    ),
    (
        "kommuner.csv",
        "183,Ishøj",
        "18x,Ishøj",
        "kommuner.csv: row 16: kode '18x' is not an integer 100-999",
    ),
    (
        "kommuner.csv",
        "187,Vallensbæk",
        "183,Vallensbæk",
        "kommuner.csv: municipality 'Vallensbæk': kode 183 is a duplicate",
    ),
    (
        "kommuner.csv",
        "187,Vallensbæk",
        "187,Vallensbæk (Hovedstaden)",
        "kommuner.csv: municipality 187: navn 'Vallensbæk (Hovedstaden)' must be words joined by"
        " hyphens",
    ),
    (
        "kommuner.csv",
        "kode,navn,region",
        "kode,name,region",
        "kommuner.csv: header: columns must be kode,navn,region",
    ),
    (
        "samarbejder.csv",
        "183,Ishøj,187",
        "183,Ishøj,999",
        "samarbejder.csv: cooperation 183->999: delegerende_kode 999 is not in kommuner.csv",
    ),
    (
        "samarbejder.csv",
        "561,Esbjerg,563,Fanø",
        "561,Esbjerg,563,Fano",
        "samarbejder.csv: cooperation 561->563: delegerende 'Fano' is not the name of 563 ('Fanø')",
    ),
    (
        "samarbejder.csv",
        ",,,Esbjerg",
        ",2020,2019,Esbjerg",
        "samarbejder.csv: row 2: til 2019 is before fra 2020",
    ),
    (
        "samarbejder.csv",
        ",,,Esbjerg",
        ",19x,,Esbjerg",
        "samarbejder.csv: row 2: fra '19x' is not an integer 1990-2099",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), BROKEN)
def test_broken_reference_names_file_entry_and_key(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    directory = _broken_copy(tmp_path, file, old, new)
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(directory)
    assert str(caught.value).startswith(message)


def test_error_carries_file_entry_and_key(tmp_path: Path) -> None:
    directory = _broken_copy(tmp_path, "measures.yaml", "share: andel_hjemvist", "share: x")
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(directory)
    error = caught.value
    assert (error.file, error.entry, error.key) == (
        "measures.yaml",
        "measure 'hjemvist'",
        "share 'x'",
    )
    assert isinstance(error, ValueError)


def test_missing_file(tmp_path: Path) -> None:
    directory = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, directory)
    (directory / "national.yaml").unlink()
    with pytest.raises(ReferenceDataError, match=r"^national\.yaml: file not found in "):
        load_reference(directory)
