"""Files the reader must refuse or flag: each case checks the exit code, the finding's code and line, that no
traceback is printed, that the data dir is left as it was and that no network address is contacted."""
from __future__ import annotations

import json

import pytest

from tests.idfile.conftest import FIXTURES, listing, plain, run_inprocess, run_main_py, run_process, write_school

DOCUMENTED = (FIXTURES / "documented.xml").read_text(encoding="utf-8")
NS = "http://www.index-education.com/rapprochementssoV2.0"


def documented(people: str,
               school: str = '<Etablissements><Etablissement Ident="1" Numero="0301746K" Nom="CLG"/></Etablissements>',
               ) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<PARTENAIRE_INDEX xmlns="{NS}" Date="2026-08-27T08:30:00">\n'
            f"{school}\n{people}\n</PARTENAIRE_INDEX>\n")


def deep(levels: int) -> str:
    return "".join(f"<n{i}>\n" for i in range(levels)) + "".join(f"</n{i}>" for i in reversed(range(levels)))


# id: (content as str/bytes, or a callable(tmp_path, listener) -> path), extra args, exit code, finding code, line
CASES = {
    "empty": (b"", (), 2, "fichier_vide", None),
    "only_spaces": (b"  \r\n\t\n", (), 2, "fichier_vide", None),
    "binary": (bytes(range(256)) * 8, (), 2, "pas_xml", 1),
    "pdf_renamed": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", (), 2, "pas_xml", 1),
    "csv_renamed": ("Identifiant_PRONOTE-ENT;Nom;Prenom\nA8BT6EGHDW3QFPXC;FABRE;Laurent\n", (), 2, "pas_xml", 1),
    "html_page": ("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>PRONOTE</title></head>"
                  "<body><p>Connexion</p></body></html>\n", (), 2, "page_html", 1),
    "truncated": (DOCUMENTED[:DOCUMENTED.index("<Eleve Ident=\"202\"") + 30], (), 2, "xml_tronque", 25),
    "malformed": ('<?xml version="1.0"?>\n<export>\n<eleve nom="A">\n</eleves>\n<eleve/>\n</export>\n',
                  (), 2, "xml_invalide", 4),
    # Two exports put end to end, or something written after the export: not « tronqué » (before).
    "two_exports_end_to_end": (DOCUMENTED + DOCUMENTED, (), 2, "contenu_apres_la_fin", DOCUMENTED.count("\n") + 1),
    "text_after_the_end": (DOCUMENTED + "fin de l'export\n", (), 2, "contenu_apres_la_fin",
                           DOCUMENTED.count("\n") + 1),
    "truncated_generic": ('<?xml version="1.0"?>\n<export>\n<eleve id="1" nom="A" prenom="B"/>\n'
                          '<eleve id="2" nom="C" pre', (), 2, "xml_tronque", 4),
    "external_entity": (lambda tmp, srv: f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{srv.url}secret">]>\n'
                        '<r><p nom="&x;" prenom="a" id="1"/></r>\n', (), 2, "fichier_dangereux", 2),
    "local_file_entity": ('<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>\n',
                          (), 2, "fichier_dangereux", 2),
    "entity_bomb": ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                    + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">\n'
                              for i in range(1, 10))
                    + ']>\n<lolz>&lol9;</lolz>\n', (), 2, "fichier_dangereux", 2),
    "external_dtd": (lambda tmp, srv: DOCUMENTED.replace(
                         "?>\n", f'?>\n<!DOCTYPE PARTENAIRE_INDEX SYSTEM "{srv.url}x.dtd">\n', 1),
                     (), 2, "fichier_dangereux", 2),
    "public_dtd": (lambda tmp, srv: DOCUMENTED.replace(
                       "?>\n", f'?>\n<!DOCTYPE P PUBLIC "-//X//DTD X//FR" "{srv.url}p.dtd">\n', 1),
                   (), 2, "fichier_dangereux", 2),
    "internal_dtd": ('<?xml version="1.0"?>\n\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r/>\n', (), 2, "fichier_dangereux", 3),
    # A DOCTYPE hidden behind a comment longer than the scanned head: lxml's own document info still refuses it.
    "doctype_beyond_head": ('<?xml version="1.0"?>\n<!--' + "x" * 70_000 + '-->\n<!DOCTYPE r [<!ENTITY e "boum">]>\n'
                            '<r><p nom="&e;" prenom="a" id="1"/></r>\n', (), 2, "fichier_dangereux", None),
    "nobody_generic": ('<?xml version="1.0"?>\n<racine>\n<classe id="3A" libelle="3e A"/>\n<classe id="3B"/>\n'
                       '</racine>\n', (), 2, "aucune_personne", None),
    "nobody_documented": (documented(""), (), 2, "aucune_personne", None),
    "very_deep": (deep(100), (), 2, "imbrication_excessive", 65),
    "very_deep_documented": (documented('<Eleves><Eleve Nom="A" Prenom="B" ID_Partenaire="C">\n'
                                        + "<x>" * 300 + "</x>" * 300 + "</Eleve></Eleves>"),
                             (), 2, "imbrication_excessive", 5),
    "huge_text_node": (documented('<Eleves><Eleve Nom="A" Prenom="B" ID_Partenaire="C">\n'
                                  f'{"x" * 11_000_000}</Eleve></Eleves>'),
                       (), 2, "texte_trop_long", 5),
    "long_field": ('<?xml version="1.0"?>\n<eleves>\n<eleve><id>1</id><nom>A</nom>\n<prenom>' + "x" * 200_000
                   + "</prenom></eleve>\n</eleves>\n", (), 2, "texte_trop_long", 4),
    "declared_utf8_but_latin1": ('<?xml version="1.0" encoding="UTF-8"?>\n<eleves>\n'
                                 '<eleve id="1" nom="NOËL" prenom="Loïc"/>\n</eleves>\n'.encode("latin-1"),
                                 (), 2, "encodage_invalide", 3),
    "unknown_encoding": ('<?xml version="1.0" encoding="x-klingon"?>\n<eleves/>\n', (), 2, "encodage_inconnu", 1),
    "directory": (lambda tmp, srv: tmp, (), 2, "pas_un_fichier", None),
    "missing_path": (lambda tmp, srv: tmp / "absent" / "IdPN_To_KOSMOS.xml", (), 2, "fichier_introuvable", None),
    "too_big": (lambda tmp, srv: _sparse(tmp / "enorme.xml", 201 * 1024 * 1024), (), 2, "fichier_trop_gros", None),
    "wrong_uai_option": (DOCUMENTED, ("--uai", "0341794R"), 1, "uai_different", 4),
    "wrong_uai_school": (DOCUMENTED.replace("0301746K", "0870003F"), (), 1, "uai_different", 4),
    "duplicates": (documented('<Eleves>\n<Eleve Nom="A" Prenom="B" ID_Partenaire="SAME" DateNaissance="2012-01-01"/>\n'
                              '<Eleve Nom="C" Prenom="D" ID_Partenaire="SAME" DateNaissance="2012-01-01"/>\n</Eleves>'),
                   (), 1, "identifiant_duplique", 6),
    "missing_identifier": (documented('<Professeurs>\n<Professeur Nom="A" Prenom="B" ID_Partenaire="X1"/>\n'
                                      '<Professeur Nom="C" Prenom="D"/>\n</Professeurs>'),
                           (), 1, "identifiant_manquant", 6),
    "empty_identifier_generic": ('<?xml version="1.0"?>\n<personnes>\n<personne id="A1" nom="A" prenom="B"/>\n'
                                 '<personne id="" nom="C" prenom="D"/>\n</personnes>\n',
                                 (), 1, "identifiant_manquant", 4),
    "impossible_date": (documented('<Eleves>\n'
                                   '<Eleve Nom="A" Prenom="B" ID_Partenaire="X1" DateNaissance="2013-02-31"/>\n'
                                   '</Eleves>'),
                        (), 0, "date_invalide", 5),
    "impossible_date_french": ('<?xml version="1.0"?>\n<eleves>\n'
                               '<eleve id="1" nom="A" prenom="B" date_naissance="31/02/2013"/>\n</eleves>\n',
                               (), 0, "date_invalide", 3),
    "missing_first_name": ('<?xml version="1.0"?>\n<eleves>\n<eleve id="1" nom="A" prenom="B"/>\n'
                           '<eleve id="2" nom="C" prenom=""/>\n</eleves>\n', (), 0, "prenom_manquant", 4),
    "misplaced_record": (documented('<Eleves>\n'
                                    '<Eleve Nom="A" Prenom="B" ID_Partenaire="X1" DateNaissance="2012-01-01"/>\n'
                                    '<Professeur Nom="C" Prenom="D" ID_Partenaire="X2"/>\n</Eleves>'),
                         (), 0, "element_mal_place", 6),
}

# Run as whole processes too (the rest run in-process, faster).
THROUGH_MAIN_PY = ("binary", "csv_renamed", "external_entity", "external_dtd", "entity_bomb", "truncated",
                   "nobody_generic", "wrong_uai_option", "duplicates", "missing_path", "directory")


def _sparse(path, size):
    with open(path, "wb") as handle:
        handle.truncate(size)  # no disk used: a hole, enough for the size check
    return path


def _make(case_id, tmp_path, listener):
    content = CASES[case_id][0]
    if callable(content):
        content = content(tmp_path, listener)
        if not isinstance(content, str):
            return content
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _check(result, case_id, before, data_dir, listener):
    _, _, code, finding_code, line = CASES[case_id]
    assert result.code == code, (result.out, result.err)
    assert "Traceback" not in result.err and "Traceback" not in result.out
    report = json.loads(result.out)
    assert set(report) == {"layout", "encoding", "counts", "findings"}
    matching = [f for f in report["findings"] if f["code"] == finding_code]
    assert matching, report["findings"]
    assert matching[0]["line"] == line
    assert all(f["message"] and f["level"] in ("error", "warning") for f in report["findings"])
    if code == 2:
        assert result.err.strip().count("\n") == 0 and result.err.strip()  # one French sentence
        assert result.err.strip() == matching[0]["message"]
    assert listing(data_dir) == before
    assert listener.contacts == 0


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_bad_input_in_process(case_id, tmp_path, data_dir, listener, capsys):
    write_school(data_dir)
    path = _make(case_id, tmp_path, listener)
    before = listing(data_dir)
    result = run_inprocess(capsys, "check", str(path), "--json", *CASES[case_id][1], "--data-dir", str(data_dir))
    _check(result, case_id, before, data_dir, listener)


@pytest.mark.parametrize("case_id", THROUGH_MAIN_PY)
def test_bad_input_through_main_py(case_id, tmp_path, data_dir, listener):
    write_school(data_dir)
    path = _make(case_id, tmp_path, listener)
    before = listing(data_dir)
    result = run_process("check", str(path), "--json", *CASES[case_id][1], "--data-dir", str(data_dir))
    _check(result, case_id, before, data_dir, listener)
    assert not result.qt_loaded


def test_unreadable_without_json_is_one_sentence(tmp_path, data_dir):
    result = run_main_py("check", str(tmp_path / "absent.xml"), "--data-dir", str(data_dir))
    assert result.code == 2 and result.out == ""
    assert plain(result.err).strip().startswith("Le fichier « absent.xml » est introuvable")
    assert len(result.err.strip().splitlines()) == 1
    assert listing(data_dir) == {}


def test_invalid_uai_option_is_refused(tmp_path, data_dir, capsys):
    result = run_inprocess(capsys, "check", str(FIXTURES / "documented.xml"), "--uai", "0301746A",
                           "--data-dir", str(data_dir))
    assert result.code == 2 and "lettre de contrôle" in result.err and "Traceback" not in result.err
