"""The pupil → parents links of the documented layout, for the matching (`load_people_and_links`), and the
fingerprint of what that read."""
from __future__ import annotations

import hashlib

import pytest

from tests.idfile.conftest import FIXTURES
from wizard.core.idfile import analyse, limits, load_people, load_people_and_links

NS = "http://www.index-education.com/rapprochementssoV2.0"


def documented(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PARTENAIRE_INDEX xmlns="{NS}">\n{body}</PARTENAIRE_INDEX>\n'


def write(tmp_path, content: str):
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    path.write_text(content, encoding="utf-8")
    return path


def test_links_of_the_documented_fixture_use_the_people_s_identifiers():
    people, links, _sha256 = load_people_and_links(FIXTURES / "documented.xml")
    assert people == load_people(FIXTURES / "documented.xml")
    by_ident = {person.ident: person for person in people}
    assert links == {"E5FW1JLMHA7UKTBG": ["C3DU8GJKFY5SHRZE", "D4EV9HKLGZ6TJSAF"]}
    assert by_ident["E5FW1JLMHA7UKTBG"].profile == "eleve"
    assert all(by_ident[parent].profile == "parent" for parent in links["E5FW1JLMHA7UKTBG"])


def test_pupils_before_parents_unknown_and_repeated_links(tmp_path):
    body = ('<Eleves>\n'
            '<Eleve Ident="1" Nom="A" Prenom="B" ID_Partenaire=" E1 " DateNaissance="2012-01-01">'
            '<Responsable Ident="7"/><Responsable Ident="9"/><Responsable Ident="7"/><Responsable Ident="404"/>'
            '</Eleve>\n'
            '<Eleve Ident="2" Nom="C" Prenom="D" ID_Partenaire="" DateNaissance="2012-01-01">'
            '<Responsable Ident="7"/></Eleve>\n'
            '<Eleve Ident="3" Nom="E" Prenom="F" ID_Partenaire="E3" DateNaissance="2012-01-01"/>\n'
            '</Eleves>\n<Responsables>\n'
            '<Responsable Ident="9" Nom="G" Prenom="H" ID_Partenaire="R9"/>\n'
            '<Responsable Ident="7" Nom="I" Prenom="J" ID_Partenaire="R7"/>\n'
            '</Responsables>\n')
    people, links, _sha256 = load_people_and_links(write(tmp_path, documented(body)))
    assert links == {"E1": ["R7", "R9"]}  # the pupil without identifier and the unknown parent are left out
    assert {person.ident for person in people} == {"E1", "", "E3", "R9", "R7"}


def test_links_of_a_misplaced_pupil_are_not_kept(tmp_path):
    body = ('<Professeurs>\n<Eleve Ident="1" Nom="A" Prenom="B" ID_Partenaire="E1"><Responsable Ident="7"/></Eleve>\n'
            '</Professeurs>\n'
            '<Responsables>\n<Responsable Ident="7" Nom="I" Prenom="J" ID_Partenaire="R7"/>\n</Responsables>\n')
    assert load_people_and_links(write(tmp_path, documented(body)))[1] == {}


def test_links_per_pupil_are_capped(tmp_path):
    parents = "".join(f'<Responsable Ident="{i}" Nom="N" Prenom="P" ID_Partenaire="R{i}"/>\n' for i in range(100))
    links = "".join(f'<Responsable Ident="{i}"/>' for i in range(100))
    body = (f'<Responsables>\n{parents}</Responsables>\n<Eleves>\n'
            f'<Eleve Ident="1" Nom="A" Prenom="B" ID_Partenaire="E1" DateNaissance="2012-01-01">{links}</Eleve>\n'
            '</Eleves>\n')
    result = load_people_and_links(write(tmp_path, documented(body)))[1]
    assert result == {"E1": [f"R{i}" for i in range(limits.MAX_LINKS_PER_PUPIL)]}


def test_generic_layouts_state_no_links():
    people, links, _sha256 = load_people_and_links(FIXTURES / "child_elements.xml")
    assert links == {} and len(people) == 3


@pytest.mark.parametrize("name", ["documented.xml", "windows1252_undeclared.xml", "utf16_bom.xml"])
def test_the_matching_s_read_fingerprints_the_bytes_as_the_check_does(name):
    """The matching compares this with the check's recorded SHA-256 (matchcheck.run_matching): the same bytes give
    the same fingerprint, also when the file is read again as Windows-1252 or from a byte order mark."""
    path = FIXTURES / name
    assert load_people_and_links(path).sha256 == analyse(path).file_sha256 == hashlib.sha256(
        path.read_bytes()).hexdigest()
