"""The layouts the reader recognises: the documented one strictly, the others by the names of their fields."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.idfile.conftest import FIXTURES
from wizard.core.idfile import analyse, load_people

# fixture: (layout, encoding, counts eleve/parent/enseignant/personnel/autre, finding codes)
GOOD = {
    "documented.xml": ("partenaire_index", "UTF-8", (2, 2, 2, 1, 0), []),
    "upper_attributes.xml": ("generique", "UTF-8", (2, 0, 1, 0, 0), []),
    "child_elements.xml": ("generique", "UTF-8", (2, 1, 0, 0, 0), []),
    "flat_profile.xml": ("generique", "UTF-8", (1, 1, 1, 1, 1), []),
    "namespaced.xml": ("generique", "UTF-8", (0, 1, 1, 0, 0), []),
    "latin1_declared.xml": ("generique", "ISO-8859-1", (2, 0, 0, 0, 0), []),
    "windows1252_undeclared.xml": ("generique", "Windows-1252", (2, 0, 0, 0, 0), ["encodage_windows1252"]),
    "utf16_bom.xml": ("generique", "UTF-16", (2, 0, 0, 0, 0), []),
    "aaf.xml": ("generique", "ISO-8859-15", (1, 1, 0, 0, 0), []),
    "misdecoded.xml": ("generique", "ISO-8859-1", (2, 0, 0, 0, 0), ["texte_mal_decode"]),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_layouts(name):
    layout, encoding, counts, codes = GOOD[name]
    report = analyse(FIXTURES / name, uai="0301746K")
    assert report.layout == layout and report.encoding == encoding
    assert tuple(report.counts[p] for p in ("eleve", "parent", "enseignant", "personnel", "autre")) == counts
    assert report.counts["total"] == sum(counts)
    assert [f.code for f in report.findings] == codes
    assert not report.has_errors
    assert {"ident", "last_name", "first_name", "profile", "records"} <= set(report.mapping)
    assert len(report.file_sha256) == 64 and report.size == (FIXTURES / name).stat().st_size


def test_documented_layout_reads_the_documented_fields():
    report = analyse(FIXTURES / "documented.xml")
    assert report.mapping["ident"] == "@ID_Partenaire"
    assert report.mapping["uai"] == "Etablissements/Etablissement@Numero"
    assert report.export_date == datetime(2026, 8, 27, 8, 30)
    people = load_people(FIXTURES / "documented.xml")
    # The two Responsable links inside the first Eleve are links to parents, not two more people.
    assert [p.profile for p in people].count("parent") == 2
    lina = next(p for p in people if p.first_name == "Lina")
    assert (lina.ident, lina.profile, lina.last_name, lina.birth_date, lina.line) == (
        "E5FW1JLMHA7UKTBG", "eleve", "MARTIN", date(2013, 2, 14), 21)


@pytest.mark.parametrize("name, field, source", [
    ("upper_attributes.xml", "ident", "@IDENTIFIANT_PRONOTE_ENT"),
    ("upper_attributes.xml", "birth_date", "@DATE_NAISSANCE"),
    ("child_elements.xml", "ident", "identifiant"),
    ("child_elements.xml", "birth_date", "date-naissance"),
    ("child_elements.xml", "records", "eleves/eleve, responsables/responsable"),
    ("flat_profile.xml", "profile", "@categorie"),
    ("namespaced.xml", "ident", "@Identifiant-PRONOTE-ENT"),  # preferred to Index Éducation's internal @Ident
    ("namespaced.xml", "first_name", "Prénom"),
    ("aaf.xml", "ident", "attr[@name='ENTPersonJointure']/value"),
    ("aaf.xml", "last_name", "attr[@name='sn']/value"),
])
def test_generic_mapping_names_its_sources(name, field, source):
    assert analyse(FIXTURES / name).mapping[field] == source


def test_generic_layouts_give_the_same_people():
    for name in ("upper_attributes.xml", "child_elements.xml", "flat_profile.xml", "aaf.xml"):
        people = {p.ident: p for p in load_people(FIXTURES / name)}
        assert people["E5FW1JLMHA7UKTBG"].last_name == "MARTIN"
        assert people["E5FW1JLMHA7UKTBG"].first_name == "Lina"
        assert people["E5FW1JLMHA7UKTBG"].profile == "eleve"
        assert people["E5FW1JLMHA7UKTBG"].birth_date in (date(2013, 2, 14), None)


@pytest.mark.parametrize("name", ["latin1_declared.xml", "windows1252_undeclared.xml", "utf16_bom.xml"])
def test_accents_survive_every_encoding(name):
    names = {(p.last_name, p.first_name) for p in load_people(FIXTURES / name)}
    assert ("LEFÈVRE", "Hélène") in names


def test_windows1252_apostrophe_is_read_as_such():
    names = {p.last_name for p in load_people(FIXTURES / "windows1252_undeclared.xml")}
    assert "N’GOLO" in names


def test_utf8_mojibake_is_flagged(tmp_path):
    path = tmp_path / "f.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<eleves>\n'
                    '<eleve id="1" nom="LEFÃ\u0088VRE" prenom="HÃ©lÃ¨ne"/>\n</eleves>\n', encoding="utf-8")
    finding = next(f for f in analyse(path).findings if f.code == "texte_mal_decode")
    assert finding.level == "warning" and finding.line == 3


def test_nested_structures_and_noise_are_not_people(tmp_path):
    path = tmp_path / "f.xml"
    path.write_text('<?xml version="1.0"?>\n<EXPORT>\n<Etablissement Ident="1" Nom="CLG" Numero="0301746K"/>\n'
                    '<Classes><Classe id="3A" nom="3e A"/></Classes>\n<Eleves>\n'
                    '<Eleve Ident="9" ID_Partenaire="X1" Nom="A" Prenom="B"><Responsable Ident="7"/></Eleve>\n'
                    '</Eleves>\n</EXPORT>\n', encoding="utf-8")
    report = analyse(path, uai="0341794R")
    assert report.counts["total"] == 1 and report.counts["eleve"] == 1
    assert [(f.code, f.line) for f in report.findings] == [("uai_different", 3)]
    assert report.mapping["ident"] == "@ID_Partenaire"


@pytest.mark.parametrize("numero", ["0301746K&#10;  [attention] ligne 9 : tout va bien", "0301746K&#13;X",
                                    "0301746K&#9;X"])
def test_a_uai_written_on_several_lines_is_quoted_on_one(tmp_path, numero):
    """Before: the finding printed « … l'établissement 0301746K » then a forged line of the check's own output."""
    path = tmp_path / "f.xml"
    path.write_text(f'<?xml version="1.0"?>\n<EXPORT>\n<Etablissement Numero="{numero}"/>\n<Eleves>\n'
                    '<Eleve ID_Partenaire="X1" Nom="A" Prenom="B"/>\n</Eleves>\n</EXPORT>\n', encoding="utf-8")
    [finding] = analyse(path, uai="0341794R").findings
    assert finding.code == "uai_different" and not any(char in finding.message for char in "\n\r\t")
