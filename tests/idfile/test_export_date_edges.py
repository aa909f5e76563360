"""Issue 22, 11: an export date at the edge of the calendar crashed the file check (« Erreur inattendue »)."""
import pytest

from wizard.commands.cli import run


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00",
                                  "2026-02-30T00:00:00", "1/1/1"])
def test_an_export_date_at_the_edge_of_the_calendar_is_a_finding_not_a_crash(tmp_path, capsys, when):
    path = tmp_path / "IdPN_To_KOSMOS.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><PARTENAIRE_INDEX Date="{when}" Partenaire="x">'
                    '<Etablissements><Etablissement Ident="1" Numero="0301746K" Nom="C"/></Etablissements>'
                    '<Eleves><Eleve Ident="1" Nom="A" Prenom="B" ID_Partenaire="X1" DateNaissance="2010-01-01"/>'
                    '</Eleves></PARTENAIRE_INDEX>', encoding="utf-8")
    code = run(["check", str(path), "--json", "--data-dir", str(tmp_path / "d")])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "inattendue" not in err
