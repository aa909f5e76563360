"""The ENT account list: separators, encodings, headers, profiles, dates, and rows it cannot use."""
from datetime import date

import pytest

from wizard.core.matching import EntCsvError, guess_mapping, read_ent_csv
from wizard.core.matching.entcsv import one_name_finding, parse_date
from wizard.core.typography import plain

ROWS = ["Identifiant{s}Nom{s}Prénom{s}Date de naissance{s}Profil{s}Classe",
        "ent.1{s}LEFÈVRE{s}Chloé{s}14/02/2013{s}Élève{s}6A",
        "ent.2{s}Dupont{s}Jean-Pierre{s}1980-05-01{s}Responsable{s}"]


def write(tmp_path, text, encoding="utf-8", name="comptes.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_separators_and_encodings(tmp_path, separator, encoding):
    text = "\r\n".join(row.format(s=separator) for row in ROWS) + "\r\n"
    accounts = read_ent_csv(write(tmp_path, text, encoding))
    assert [(p.ident, p.profile, p.last_name, p.first_name, p.birth_date, p.line) for p in accounts.people] == [
        ("ent.1", "eleve", "LEFÈVRE", "Chloé", date(2013, 2, 14), 2),
        ("ent.2", "parent", "Dupont", "Jean-Pierre", date(1980, 5, 1), 3),
    ]
    assert accounts.delimiter == separator and not accounts.problems
    assert accounts.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252"}[encoding]


def test_quoted_cells_with_the_other_separator(tmp_path):
    text = 'Login,Nom,Prenom,Categorie\n"ent.1","MARTIN, épouse DUPONT","Anne",Parent\n'
    [person] = read_ent_csv(write(tmp_path, text)).people
    assert person.last_name == "MARTIN, épouse DUPONT"


@pytest.mark.parametrize("separator, other", [(";", ","), ("\t", ","), (",", ";")])
def test_a_row_with_many_of_the_other_separator_does_not_change_the_separator(tmp_path, separator, other):
    """A teacher's classes « 6A, 6B, 5A, 5B, 4A, 3C » in a `;` list: one row split into more pieces by `,` than by
    `;` made the whole list read with `,` (before: « Aucune ligne d'en-tête reconnue », nobody read)."""
    classes = f"{other} ".join(["6A", "6B", "5A", "5B", "4A", "3C", "3D"])
    rows = ["Identifiant", "Nom", "Prénom", "Profil", "Classe"], ["ent.1", "ROUX", "Emma", "Élève", "6A"], \
        ["ent.2", "FABRE", "Paul", "Enseignant", f'"{classes}"']
    accounts = read_ent_csv(write(tmp_path, "".join(separator.join(row) + "\n" for row in rows)))
    assert accounts.delimiter == separator and not accounts.problems
    assert [p.ident for p in accounts.people] == ["ent.1", "ent.2"]
    assert accounts.classes["ent.2"] == ("6A", "6B", "5A", "5B", "4A", "3C", "3D")


@pytest.mark.parametrize("headers", [
    ["IDENTIFIANT", "NOM", "PRENOM", "NE(E) LE", "PROFIL"],
    ["login", "nom", "prénom", "Né(e) le", "catégorie"],
    ["Id", "Nom d'usage", "Prénom usuel", "Date naissance", "Type de compte"],
])
def test_headers_with_or_without_accents_any_case(headers):
    assert set(guess_mapping(headers)) == {"ident", "last_name", "first_name", "birth_date", "profile"}


def test_title_line_before_the_header(tmp_path):
    text = "Export des comptes – Collège\n\nIdentifiant;Nom;Prénom;Profil\nent.1;ROUX;Emma;Eleve\n"
    [person] = read_ent_csv(write(tmp_path, text)).people
    assert (person.ident, person.line) == ("ent.1", 4)


@pytest.mark.parametrize("value, profile", [
    ("Élève", "eleve"), ("ELEVE", "eleve"), ("Parent", "parent"), ("Responsable légal", "parent"),
    ("Enseignant", "enseignant"), ("Professeur", "enseignant"), ("Personnel", "personnel"),
    ("Non enseignant", "personnel"), ("Personnel non enseignant", "personnel"), ("Autre", "autre"),
    ("National_2", "parent"),
])
def test_profiles(tmp_path, value, profile):
    [person] = read_ent_csv(write(tmp_path, f"Identifiant;Nom;Prénom;Profil\nent.1;ROUX;Emma;{value}\n")).people
    assert person.profile == profile


def test_unusable_rows_are_reported_with_their_line(tmp_path):
    text = ("Identifiant;Nom;Prénom;Date de naissance;Profil\n"
            "ent.1;ROUX;Emma;14/02/2013;Élève\n"
            ";SANSID;Marc;;Élève\n"
            "ent.3;;;;Élève\n"
            "\n"
            "ent.1;ROUX;Emma;14/02/2013;Élève\n"
            "ent.6;FABRE;Paul;;Stagiaire\n"
            "ent.7;FABRE;Lina;31/02/2012;Élève\n")
    accounts = read_ent_csv(write(tmp_path, text))
    assert [(p.line, p.kept) for p in accounts.problems] == [(3, False), (4, False), (6, False), (7, False), (8, True)]
    messages = [p.message for p in accounts.problems]
    assert "identifiant manquant" in messages[0]
    assert "nom et prénom manquants" in messages[1]
    assert "ligne 2" in messages[2]
    assert "Stagiaire" in messages[3]
    assert "date" in messages[4]
    assert [p.ident for p in accounts.people] == ["ent.1", "ent.7"]
    assert accounts.people[1].birth_date is None
    assert [p.line for p in accounts.unusable] == [3, 4, 6, 7]


def test_unclear_header_lists_what_was_seen(tmp_path):
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(write(tmp_path, "Colonne A;Col B;Nom\nx;y;z\n"))
    assert "« Colonne A »" in plain(caught.value.message) and "Identifiant" in caught.value.message
    assert caught.value.headers == ["Colonne A", "Col B", "Nom"]


def test_mapping_from_the_column_dialog(tmp_path):
    path = write(tmp_path, "Colonne A;Col B;Nom;Naissance\nent.1;Emma;ROUX;2013-02-14\n")
    accounts = read_ent_csv(path, mapping={"ident": 0, "first_name": "Col B", "last_name": 2, "birth_date": 3})
    [person] = accounts.people
    assert (person.ident, person.first_name, person.last_name, person.profile) == ("ent.1", "Emma", "ROUX", "")
    assert accounts.columns["first_name"] == "Col B"


@pytest.mark.parametrize("mapping, said", [
    ({"ident": 0, "last_name": 2, "first_name": "Nom"}, "La colonne 3 « Nom » est indiquée pour Nom et pour Prénom"),
    ({"ident": 0, "last_name": 1, "first_name": 1}, "La colonne 2 « Col B » est indiquée pour Nom et pour Prénom"),
    ({"ident": 2, "last_name": 2, "first_name": 1}, "La colonne 3 « Nom » est indiquée pour Identifiant et pour Nom"),
])
def test_one_column_named_for_two_fields_is_refused(tmp_path, mapping, said):
    """Before: the column dialog or --colonne could give one column to two fields (a number and a header naming
    the same one): every account read with its last name as first name too, and matched on that."""
    path = write(tmp_path, "Colonne A;Col B;Nom;Naissance\nent.1;Emma;ROUX;2013-02-14\n")
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(path, mapping=mapping)
    assert plain(caught.value.message).startswith(said), caught.value.message
    assert caught.value.headers == ["Colonne A", "Col B", "Nom", "Naissance"]  # the dialog is offered again
    headless = write(tmp_path, "ent.1;Emma;ROUX;2013-02-14\n", name="sans.csv")
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(headless, mapping={"ident": 0, "last_name": 3, "first_name": 3})
    assert plain(caught.value.message).startswith("La colonne 4 est indiquée pour Nom et pour Prénom")


def test_a_title_line_above_an_unclear_header_then_the_column_dialog(tmp_path):
    """The dialog's columns come from the header below the title; the mapping read the title line as the header
    (one cell wide) and left every mapped column out (before: 0 accounts, every row « nom et prénom manquants »)."""
    path = write(tmp_path, "Liste des comptes du collège\nColA;ColB;ColC;Nom\nent.1;ROUX;Emma;x\nent.2;FABRE;Paul;y\n")
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(path)
    assert caught.value.headers == ["ColA", "ColB", "ColC", "Nom"]
    accounts = read_ent_csv(path, mapping={"ident": 0, "last_name": 1, "first_name": 2})
    assert [(p.ident, p.last_name, p.first_name, p.line) for p in accounts.people] == [
        ("ent.1", "ROUX", "Emma", 3), ("ent.2", "FABRE", "Paul", 4)]
    assert not accounts.problems
    headless = write(tmp_path, "Liste des comptes\n\nent.1;ROUX;Emma\nent.2;FABRE;Paul\n", name="sans.csv")
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(headless)
    assert caught.value.headers == ["", "", ""]  # before: [""], the title line's width: a dialog of one column
    assert [p.line for p in read_ent_csv(headless, mapping={"ident": 0, "last_name": 1, "first_name": 2}).people] \
        == [3, 4]


@pytest.mark.parametrize("text, mapping, words", [
    ("Identifiant;Nom;Prénom\nent.1;ROUX;Emma\n", {"ident": 0, "last_name": 1, "first_name": 2, "profile": 8},
     "La colonne 9 indiquée pour Profil n'existe pas : la liste de l'ENT n'en a que 3."),
    ("Identifiant;Nom;Prénom\nent.1;ROUX;Emma\n", {"ident": 0, "last_name": "Nomm", "first_name": 2},
     "La liste de l'ENT n'a pas de colonne « Nomm » (indiquée pour Nom) ; colonnes lues : « Identifiant », « Nom », "
     "« Prénom »."),
    ("ent.1;ROUX;Emma\n", {"ident": 0, "last_name": "Nom", "first_name": 2},
     "La colonne « Nom » indiquée pour Nom ne peut pas être trouvée : la liste de l'ENT n'a pas de ligne d'en-tête "
     "reconnue ; indiquez le numéro de la colonne."),
    ("ent.1;ROUX;Emma\n", {"ident": 0, "last_name": 1, "first_name": 3},
     "La colonne 4 indiquée pour Prénom n'existe pas : la liste de l'ENT n'en a que 3."),
], ids=["number_beyond_the_header", "header_misspelt", "header_without_a_header_row", "number_beyond_the_rows"])
def test_a_column_named_that_the_list_does_not_have_is_one_sentence(tmp_path, text, mapping, words):
    """Before: the column was silently left out (a misspelt header matched every account on one name, exit 0)."""
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(write(tmp_path, text), mapping=mapping)
    assert plain(caught.value.message) == words and not caught.value.headers


@pytest.mark.parametrize("content, words", [(None, "introuvable"), (b"", "vide"), (b"\n\n", "vide")])
def test_unreadable_files(tmp_path, content, words):
    path = tmp_path / "comptes.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(EntCsvError) as caught:
        read_ent_csv(path)
    assert words in caught.value.message


@pytest.mark.parametrize("text, value", [
    ("14/02/2013", date(2013, 2, 14)), ("2013-02-14", date(2013, 2, 14)), ("14-02-2013", date(2013, 2, 14)),
    ("4/2/2013", date(2013, 2, 4)), ("14.02.2013", date(2013, 2, 14)), ("14/02/2013 00:00", date(2013, 2, 14)),
    ("31/02/2013", None), ("2013", None), ("14/02/13", None),
])
def test_dates(text, value):
    assert parse_date(text) == value


def test_rows_with_one_name_are_kept_with_their_finding(tmp_path):
    """Issue 25: an account created with one field, a parent known by one name – read, matched on what it has."""
    text = ("Identifiant;Nom;Prénom;Date de naissance;Profil\n"
            "ent.1;ROUX;;14/02/2013;Élève\n"
            "ent.2;;Emma;14/02/2013;Élève\n"
            "ent.3;;;14/02/2013;Élève\n")
    accounts = read_ent_csv(write(tmp_path, text))
    assert [(p.ident, p.last_name, p.first_name) for p in accounts.people] == [("ent.1", "ROUX", ""),
                                                                               ("ent.2", "", "Emma")]
    assert [(p.line, p.kept, p.code) for p in accounts.one_name] == [(2, True, "one_name"), (3, True, "one_name")]
    assert "prénom vide" in accounts.one_name[0].message and "nom vide" in accounts.one_name[1].message
    assert [p.line for p in accounts.unusable] == [4]  # both names empty: nothing to match on
    finding = plain(one_name_finding(accounts))
    assert finding.startswith("2 compte(s) de l'ENT avec un seul nom") and "lignes 2, 3" in finding
