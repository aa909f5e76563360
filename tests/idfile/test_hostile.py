"""Hostile files, small versions of each kind of bench/check_hostile.py: each is refused with its French sentence
(code and line) or read correctly. Peak memory and time are measured by the benchmark, not here."""
from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from tests.idfile.conftest import ROOT
from tests.wine import NO_SYMLINKS, wine_limitation
from wizard.core.idfile import IdFileError, analyse, limits, load_people

NS = "http://www.index-education.com/rapprochementssoV2.0"
DOC_HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<PARTENAIRE_INDEX xmlns="{NS}" Date="2026-08-27T08:30:00">\n'
PUPIL = '<Eleve Nom="MARTIN" Prenom="Lina" ID_Partenaire="E1" DateNaissance="2013-02-14"/>\n'


def write(tmp_path, content, name="IdPN_To_KOSMOS.xml"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def refused(path) -> IdFileError:
    with pytest.raises(IdFileError) as caught:
        analyse(path)
    error = caught.value
    assert error.exit_code == 2 and error.message and "\n" not in error.message and "Traceback" not in error.message
    return error


def generic(rows: str, head: str = "") -> str:
    return f'<?xml version="1.0"?>\n<eleves>\n{head}{rows}</eleves>\n'


def person(i: int, tag: str = "eleve", extra: str = "") -> str:
    return f'<{tag} id="P{i}" nom="N{i}" prenom="Zoé"{extra}/>\n'


# -- padding: elements that are not people, anywhere -------------------------------------------------------------

@pytest.mark.parametrize("where", ["root", "group", "pupil"])
def test_documented_padding_is_read_past(tmp_path, where):
    pad = '<Bourrage Type="x">texte qui n\'est pas une personne</Bourrage>\n' * 5000
    body = {"root": f"<Eleves>\n{PUPIL}</Eleves>\n{pad}",
            "group": f"<Eleves>\n{pad}{PUPIL}{pad}</Eleves>\n",
            "pupil": '<Eleves>\n<Eleve Nom="A" Prenom="B" ID_Partenaire="E0" DateNaissance="2012-01-01">'
                     f'{pad}</Eleve>\n{PUPIL}</Eleves>\n'}[where]
    report = analyse(write(tmp_path, DOC_HEAD + body + "</PARTENAIRE_INDEX>\n"))
    assert report.counts["eleve"] == (2 if where == "pupil" else 1) and not report.has_errors


def test_tree_stays_small_whatever_the_padding(tmp_path, monkeypatch):
    """What has been read is freed after each chunk: the tree never holds more than a chunk's worth."""
    from wizard.core.idfile import reader

    sizes = []
    real_prune = reader.prune

    def measured(root):
        real_prune(root)
        sizes.append(sum(1 for _ in root.iter()))

    monkeypatch.setattr(reader, "prune", measured)
    pad = "<Bourrage/>\n" * 200_000
    analyse(write(tmp_path, DOC_HEAD + f"<Eleves>\n{PUPIL}{pad}</Eleves>\n{pad}</PARTENAIRE_INDEX>\n"))
    assert len(sizes) > 30 and max(sizes) < 10


def test_generic_padding_with_fields_is_not_people(tmp_path):
    pad = '<classe id="3A" nom="3e A"/>\n' * 3000
    report = analyse(write(tmp_path, generic(person(1) + pad + person(2))))
    assert report.counts["total"] == 2 and report.counts["eleve"] == 2


# -- names ---------------------------------------------------------------------------------------------------------

def test_distinct_element_names_are_capped(tmp_path):
    names = "".join(f"<t{i}/>\n" for i in range(limits.MAX_ELEMENT_NAMES))
    error = refused(write(tmp_path, generic(person(1) + names)))  # with eleves and eleve: two more than the cap
    assert error.code == "noms_trop_nombreux" and error.line == 4 + limits.MAX_ELEMENT_NAMES - 2
    fewer = "".join(f"<t{i}/>\n" for i in range(limits.MAX_ELEMENT_NAMES - 2))
    assert analyse(write(tmp_path, generic(person(1) + fewer))).counts["total"] == 1


def test_distinct_names_are_capped_in_the_documented_layout_too(tmp_path):
    names = "".join(f"<t{i}/>\n" for i in range(limits.MAX_ELEMENT_NAMES + 1))
    assert (refused(write(tmp_path, DOC_HEAD + f"<Eleves>\n{PUPIL}</Eleves>\n{names}</PARTENAIRE_INDEX>\n")).code
            == "noms_trop_nombreux")
    attributes = "".join(f'<Bourrage a{i}="1"/>\n' for i in range(limits.MAX_ATTRIBUTE_NAMES + 1))
    assert (refused(write(tmp_path, DOC_HEAD + f"<Eleves>\n{PUPIL}</Eleves>\n{attributes}</PARTENAIRE_INDEX>\n")).code
            == "noms_trop_nombreux")


def test_distinct_attribute_names_are_capped(tmp_path):
    rows = "".join(f'<note a{i}="1"/>\n' for i in range(limits.MAX_ATTRIBUTE_NAMES))
    assert refused(write(tmp_path, generic(person(1) + rows))).code == "noms_trop_nombreux"


def test_overlong_names_and_namespaces_are_refused(tmp_path):
    assert (refused(write(tmp_path, generic(person(1) + f"<{'n' * (limits.MAX_NAME + 1)}/>\n"))).code
            == "noms_trop_nombreux")
    uri = "urn:" + "x" * limits.MAX_NAME
    assert (refused(write(tmp_path, f'<?xml version="1.0"?>\n<r xmlns="{uri}">{person(1)}</r>\n')).code
            == "noms_trop_nombreux")


# -- attributes ----------------------------------------------------------------------------------------------------

def test_attributes_per_element_are_capped(tmp_path):
    many = " ".join(f'x{i}="v"' for i in range(limits.MAX_ATTRIBUTES - 3))
    assert analyse(write(tmp_path, generic(person(1, extra=" " + many)))).counts["total"] == 1  # 3 + 253 = 256
    error = refused(write(tmp_path, generic(person(1, extra=" " + many + ' y="1"'))))
    assert (error.code, error.line) == ("attributs_trop_nombreux", 3)


def test_one_element_with_300000_attributes_is_refused_at_once(tmp_path):
    """Its start tag alone is past the run cap: refused before lxml builds 300,000 attributes."""
    tag = "<e " + " ".join(f'a{i}="v"' for i in range(300_000)) + "/>"
    error = refused(write(tmp_path, f'<?xml version="1.0"?>\n<r>\n{tag}\n</r>\n'))
    assert (error.code, error.line) == ("texte_trop_long", 3)


def test_generic_reader_never_asks_every_value_of_a_crowded_element(tmp_path, monkeypatch):
    """`items()`/`values()` look every value up by name (quadratic): only the few fields are asked for, by name."""
    from lxml import etree

    from wizard.core.idfile import reader, safety

    calls = {"all_values": 0, "get": 0}

    class Counting(etree.ElementBase):
        def items(self):
            calls["all_values"] += 1
            return super().items()

        def values(self):
            if len(self.keys()) > 16:
                calls["all_values"] += 1
            return super().values()

        def get(self, key, default=None):
            calls["get"] += 1
            return super().get(key, default)

    real_parser = safety.pull_parser

    def parser(**options):
        made = real_parser(**options)
        made.set_element_class_lookup(etree.ElementDefaultClassLookup(element=Counting))
        return made

    monkeypatch.setattr(reader.safety, "pull_parser", parser)
    crowded = " ".join(f'x{i}="v"' for i in range(200))
    rows = "".join(person(i, extra=" " + crowded) for i in range(50))
    report = analyse(write(tmp_path, generic(rows)))
    assert report.counts["total"] == 50
    assert calls["all_values"] == 0 and calls["get"] <= 50 * 3


# -- depth ---------------------------------------------------------------------------------------------------------

def test_depth_is_capped(tmp_path):
    levels = limits.MAX_DEPTH - 2  # under the root and a person: at the cap
    content = '<?xml version="1.0"?>\n<r>\n' + "<n>\n" * levels + person(1) + "</n>" * levels + "</r>\n"
    assert analyse(write(tmp_path, content)).counts["total"] == 1
    deeper = '<?xml version="1.0"?>\n<r>\n' + "<n>\n" * (levels + 1) + person(1) + "</n>" * (levels + 1) + "</r>\n"
    error = refused(write(tmp_path, deeper))
    assert (error.code, error.line) == ("imbrication_excessive", 3 + levels + 1)


def test_a_million_levels_are_refused(tmp_path):
    assert refused(write(tmp_path, '<?xml version="1.0"?>\n' + "<a>" * 1_000_000)).code == "imbrication_excessive"


# -- text and values -----------------------------------------------------------------------------------------------

def test_a_run_without_markup_is_capped_where_it_goes_past(tmp_path):
    text = "x" * (limits.MAX_RUN + 10)
    error = refused(write(tmp_path, generic(person(1) + f"<note>\n\n{text}</note>\n")))
    assert (error.code, error.line) == ("texte_trop_long", 6)
    assert analyse(write(tmp_path, generic(person(1) + f"<note>{'x' * 200_000}</note>\n" * 20))).counts["total"] == 1


@pytest.mark.parametrize("hiding", ["<![CDATA[<]]>", "<!-- < -->", "<?pi < ?>"])
def test_text_growing_behind_markup_is_capped(tmp_path, hiding):
    """CDATA, comments and instructions can put « < » inside a text that lxml keeps in one piece."""
    piece = "y" * 100_000 + hiding
    error = refused(write(tmp_path, generic(person(1) + "<note>" + piece * 12 + "</note>\n")))
    assert error.code in ("texte_trop_long", "declarations_trop_nombreuses")
    if hiding != "<?pi < ?>":
        assert error.code == "texte_trop_long"


def test_field_values_are_capped(tmp_path):
    at_cap = "N" * limits.MAX_FIELD
    assert load_people(write(tmp_path, generic(f'<eleve id="1" nom="{at_cap}" prenom="B"/>\n')))[0].last_name == at_cap
    for content, line in ((generic(f'<eleve id="1" nom="{at_cap}N" prenom="B"/>\n'), 3),
                          (generic(f"<eleve><id>1</id><prenom>B</prenom><nom>{at_cap}N</nom></eleve>\n"), 3),
                          (DOC_HEAD + f'<Eleves>\n<Eleve Nom="{at_cap}N" Prenom="B" ID_Partenaire="E"/>\n</Eleves>\n'
                           '</PARTENAIRE_INDEX>\n', 4)):
        error = refused(write(tmp_path, content))
        assert (error.code, error.line) == ("texte_trop_long", line)


def test_attribute_values_past_the_run_are_refused_and_long_ones_on_padding_are_read(tmp_path):
    assert (refused(write(tmp_path, generic(person(1) + f'<note v="{"x" * (limits.MAX_RUN + 1)}"/>\n'))).code
            == "texte_trop_long")
    assert analyse(write(tmp_path, generic(person(1) + f'<note v="{"x" * 200_000}"/>\n' * 10))).counts["total"] == 1


# -- namespaces, processing instructions, comments, CDATA ----------------------------------------------------------

def test_namespace_declarations_are_capped(tmp_path):
    declarations = lambda count: "".join(f'<a xmlns:p{i}="urn:{i}"/>\n' for i in range(count))  # noqa: E731
    assert (analyse(write(tmp_path, generic(person(1) + declarations(limits.MAX_NAMESPACE_DECLARATIONS))))
            .counts["total"] == 1)
    error = refused(write(tmp_path, generic(person(1) + declarations(limits.MAX_NAMESPACE_DECLARATIONS + 1))))
    assert error.code == "declarations_trop_nombreuses"


def test_processing_instructions_are_capped(tmp_path):
    instructions = lambda count: "<?cible x?>\n" * count  # noqa: E731
    assert (analyse(write(tmp_path, generic(person(1) + instructions(limits.MAX_PROCESSING_INSTRUCTIONS - 1))))
            .counts["total"] == 1)
    error = refused(write(tmp_path, generic(person(1) + instructions(limits.MAX_PROCESSING_INSTRUCTIONS))))
    assert error.code == "declarations_trop_nombreuses"  # the XML declaration is one


def test_long_comments_and_instructions_are_refused(tmp_path):
    for long in (f"<!--{'x' * (limits.MAX_RUN + 1)}-->", f"<?cible {'x' * (limits.MAX_RUN + 1)}?>"):
        assert refused(write(tmp_path, generic(person(1) + long))).code == "texte_trop_long"


def test_comments_between_elements_and_after_the_root_are_read_past(tmp_path):
    rows = "".join(f"<!-- élève {i} < -->{person(i)}" for i in range(2000))
    content = generic(rows) + "<!-- fin -->\n" * 20_000
    assert analyse(write(tmp_path, content)).counts["total"] == 2000


def test_consecutive_comments_make_one_text_that_is_capped(tmp_path):
    content = generic(person(1) + "<!-- remarque -->\n" * (limits.MAX_OPEN_TEXT + 10))
    assert refused(write(tmp_path, content)).code == "texte_trop_long"


def test_names_in_cdata_are_read(tmp_path):
    rows = "<eleve><id><![CDATA[E1]]></id><nom><![CDATA[NOËL <b>]]></nom><prenom><![CDATA[Zoé]]></prenom></eleve>\n"
    people = load_people(write(tmp_path, generic(rows)))
    assert [(p.ident, p.last_name, p.first_name) for p in people] == [("E1", "NOËL <b>", "Zoé")]


# -- encodings and bytes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, outcome", [
    (b"\xef\xbb\xbf" + generic(person(1)).replace('"1.0"', '"1.0" encoding="UTF-16"').encode(), ("read", "UTF-8")),
    (generic(person(1)).replace('"1.0"', '"1.0" encoding="UTF-8"').encode("utf-16"), ("read", "UTF-16")),
    (generic(person(1)).replace('"1.0"', '"1.0" encoding="UTF-16"').encode("utf-16-le"), ("read", "UTF-16")),
    (b"\xef\xbb\xbf\xef\xbb\xbf" + generic(person(1)).encode(), ("refused", "pas_xml")),
    (generic(person(1)).encode("utf-32"), ("refused", "pas_xml")),
    (b"\xfe\xff" + generic(person(1)).encode("utf-8"), ("refused", "encodage_invalide")),
])
def test_byte_order_mark_tricks(tmp_path, content, outcome):
    path = write(tmp_path, content)
    if outcome[0] == "read":
        report = analyse(path)
        assert report.counts["total"] == 1 and report.encoding == outcome[1]
    else:
        assert refused(path).code in (outcome[1], "xml_invalide", "pas_xml")


def test_utf16_runs_are_counted_in_characters(tmp_path):
    """In UTF-16 a byte 0x3C can be half of another character: the run is counted on the decoded text."""
    fake_lt = "\u3c3c" * (limits.MAX_RUN + 10)  # each is the bytes 3C 3C
    content = generic(person(1) + f'<note v="{fake_lt}"/>\n').replace('"1.0"', '"1.0" encoding="UTF-16"')
    assert refused(write(tmp_path, content.encode("utf-16"))).code == "texte_trop_long"


def test_undeclared_file_with_one_latin1_byte_at_the_end_is_read_as_windows1252(tmp_path):
    content = (generic(person(1) * 3000).encode("utf-8")[:-len("</eleves>\n")]
               + '<eleve id="Z" nom="NOËL" prenom="Loïc"/>\n</eleves>\n'.encode("cp1252"))
    report = analyse(write(tmp_path, content))
    assert report.encoding == "Windows-1252" and report.counts["total"] == 3001
    assert {"encodage_windows1252", "identifiant_duplique"} <= {f.code for f in report.findings}
    assert ("NOËL", "Loïc") in {(p.last_name, p.first_name) for p in load_people(write(tmp_path, content))}


def test_nul_bytes_are_refused_with_their_line(tmp_path):
    for content in (generic(person(1) + '<eleve id="2" nom="A\x00" prenom="B"/>\n'),
                    generic(person(1) + "<note>\x00</note>\n")):
        error = refused(write(tmp_path, content))
        assert (error.code, error.line) == ("caractere_interdit", 4)


def test_a_file_cut_inside_a_character_is_truncated(tmp_path):
    """Not « caractères qui ne correspondent pas à son encodage »: the file was cut short, not mis-encoded."""
    for content, line in ((DOC_HEAD + '<Eleves><Eleve Nom="É', 3),
                          (generic(person(1) + '<eleve id="2" nom="É').replace('"1.0"', '"1.0" encoding="UTF-8"'), 4)):
        error = refused(write(tmp_path, content.encode("utf-8")[:-1]))
        assert (error.code, error.line) == ("xml_tronque", line)


def test_a_file_that_grows_while_read_is_refused(tmp_path, monkeypatch):
    from wizard.core.idfile import reader

    monkeypatch.setattr(reader, "MAX_FILE_SIZE", 1000)  # as if it had passed the cap after being opened
    assert refused(write(tmp_path, generic(person(1) * 100))).code == "fichier_trop_gros"


# -- special files -------------------------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pas de FIFO sur ce système")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "tube.xml")
    done = subprocess.run([sys.executable, "main.py", "check", str(tmp_path / "tube.xml"), "--data-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "n'est pas un fichier ordinaire" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="pas de /dev/zero")
def test_devices_are_refused(tmp_path):
    for device in ("/dev/zero", "/dev/null"):
        assert refused(device).code == "pas_un_fichier"


@wine_limitation(NO_SYMLINKS)
def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a.xml").symlink_to(tmp_path / "b.xml")
    (tmp_path / "b.xml").symlink_to(tmp_path / "a.xml")
    assert refused(tmp_path / "a.xml").code == "fichier_illisible"


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, generic(person(1)))

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    error = refused(path)
    assert error.code == "fichier_illisible" and "droits d'accès" in error.message


def test_a_name_windows_refuses_is_not_found_rather_than_unreadable(tmp_path, monkeypatch):
    """Windows answers EINVAL for a name no file can have (a control character, « ? »): it is not there."""
    def invalid(*args, **kwargs):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "open", invalid)
    assert refused(tmp_path / "absent\x1b[31m.xml").code == "fichier_introuvable"


# -- people and findings -------------------------------------------------------------------------------------------

def test_people_are_capped(tmp_path):
    rows = "".join(f'<e id="{i}" nom="a" prenom="b"/>\n' for i in range(limits.MAX_PEOPLE + 1))
    error = refused(write(tmp_path, generic(rows)))
    # libxml2 gives lines past 65,534 one too many (its « big lines » in push mode): either is the right person.
    assert error.code == "personnes_trop_nombreuses" and error.line in (3 + limits.MAX_PEOPLE, 4 + limits.MAX_PEOPLE)


def test_findings_are_listed_up_to_the_cap_and_counted_in_full(tmp_path):
    count = limits.MAX_FINDINGS_PER_CODE + 5
    report = analyse(write(tmp_path, generic("".join(f'<e id="{i}" nom="a" prenom=""/>\n' for i in range(count)))))
    listed = [f for f in report.findings if f.code == "prenom_manquant"]
    assert len(listed) == limits.MAX_FINDINGS_PER_CODE and report.finding_counts["prenom_manquant"] == count
    summary = [f for f in report.findings if f.code == "constats_non_listes"]
    assert len(summary) == 1 and summary[0].level == "warning" and "5 autre(s)" in summary[0].message


def test_records_waiting_for_their_shape_are_people_once_it_is_known(tmp_path):
    """A shape whose first elements lack a field: they wait, and count once one element has all three; an earlier
    one that comes late is still the first of a duplicate pair."""
    waiting = "".join(f'<x id="W{i}" nom="N"/>\n' for i in range(1000))
    content = generic('<eleve id="W0" nom="A" prenom="B"/>\n' + waiting + '<x id="Z" nom="N" prenom="P"/>\n')
    report = analyse(write(tmp_path, content))
    assert report.counts["total"] == 1002
    assert report.finding_counts["prenom_manquant"] == 1000
    duplicate = next(f for f in report.findings if f.code == "identifiant_duplique")
    assert duplicate.line == 4 and "ligne 3" in duplicate.message
    assert [p.line for p in load_people(write(tmp_path, content))] == list(range(3, 1005))


def test_records_waiting_past_their_budget_are_not_people(tmp_path):
    waiting = "".join(f'<x id="W{i}" nom="N"/>\n' for i in range(limits.MAX_PENDING // 70))
    content = generic(person(1) + waiting + '<x id="Z" nom="N" prenom="P"/>\n')
    assert analyse(write(tmp_path, content)).counts["total"] == 1


def test_shapes_are_capped(tmp_path):
    rows = "".join(f'<c{i}><e{j} id="1" nom="a" prenom="b"/></c{i}>\n' for i in range(40) for j in range(30))
    assert refused(write(tmp_path, generic(rows))).code == "noms_trop_nombreux"


# -- prolog --------------------------------------------------------------------------------------------------------

def test_doctype_brackets_are_refused_at_once(tmp_path):
    """The DOCTYPE pattern matched nested brackets with exponential backtracking: 40 pairs took hours."""
    path = write(tmp_path, '<?xml version="1.0"?>\n<!DOCTYPE r ' + "[]" * 40)
    done = subprocess.run([sys.executable, "main.py", "check", str(path), "--data-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "Fichier refusé par sécurité" in done.stderr.replace("\xa0", " ")


def test_a_long_attribute_that_is_no_field_does_not_refuse_a_person(tmp_path):
    remark = "x" * (limits.MAX_FIELD + 10)
    rows = "".join(person(i, extra=f' remarque="{remark}"') for i in range(3))
    assert analyse(write(tmp_path, generic(rows))).counts["total"] == 3


def test_xinclude_is_not_followed(tmp_path, listener):
    """XInclude is only acted on when asked (`xinclude()`): an include is one more element, neither a local file
    nor an address is read."""
    secret = tmp_path / "secret.xml"
    secret.write_text('<eleve id="S" nom="SECRET" prenom="X"/>', encoding="utf-8")
    includes = (f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}"/>\n'
                f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{listener.url}p.xml"/>\n')
    people = load_people(write(tmp_path, generic(person(1) + includes)))
    assert [p.ident for p in people] == ["P1"] and listener.contacts == 0
