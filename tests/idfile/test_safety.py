"""Defence in depth: even if a hostile DOCTYPE got past the prolog check, lxml, as configured, would not act on it."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from wizard.core import entdata
from wizard.core.idfile import safety
from wizard.core.idfile.findings import IdFileError


def _parse(data: bytes):
    parser = safety.pull_parser(events=("end",))
    parser.feed(data)
    root = parser.close()
    return root


def test_parser_does_not_fetch_external_entities_or_dtds(listener):
    """lxml either leaves the entity unexpanded or stops on the refused load; it never makes the request."""
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{listener.url}x.dtd" '
           f'[<!ENTITY x SYSTEM "{listener.url}secret">]>\n'
           '<r>&x;</r>').encode()
    try:
        root = _parse(doc)
    except etree.XMLSyntaxError as error:
        assert "network" in str(error)
    else:
        assert "secret" not in etree.tostring(root, encoding="unicode").replace("&x;", "")
    assert listener.contacts == 0


def test_parser_does_not_expand_internal_entities():
    doc = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;">]>\n<r>&b;</r>'
    root = _parse(doc)
    assert "AAAA" not in "".join(root.itertext())


def test_prolog_check():
    plain = '<?xml version="1.0"?>\n<!-- export -->\n<!DOCTYPE r>\n<r/>'
    root = safety.root_start(plain)
    assert plain[root:].startswith("<r/>")
    safety.check_prolog(plain, root)  # a bare DOCTYPE declares nothing
    for hostile in ('<!DOCTYPE r [<!ENTITY e "x">]><r/>', '<!DOCTYPE r SYSTEM "x.dtd"><r/>',
                    '<!DOCTYPE r PUBLIC "p" "u"><r/>', "<!DOCTYPE r [" + "<!-- -->" * 20000):
        try:
            safety.check_prolog(hostile, safety.root_start(hostile))
        except Exception as error:
            assert error.code == "fichier_dangereux"
        else:
            raise AssertionError(hostile)


def test_a_folder_chosen_instead_of_the_file_writes_no_ents_file_name(tmp_path):
    """The file's name may differ by PRONOTE version (the ENT data file marks it unconfirmed): the refusal says
    what the file is, and writes no ENT's name for it."""
    entdata.activate(Path(__file__).parents[1] / "fixtures" / "ent" / "ent-exemple-nord.json")
    with pytest.raises(IdFileError) as refused:
        safety.open_regular(tmp_path)
    message = refused.value.message
    assert "fichier des identifiants exporté de PRONOTE" in message
    assert "Identifiants_Exemple.xml" not in message and "IdPN_To_KOSMOS" not in message
