"""French typography: a non-breaking space before « : ; ! ? » and inside « », so nothing wraps alone; what is
not French punctuation (addresses, times, paths) left alone; consoles that cannot show it get plain spaces."""
import io

import pytest

from wizard.commands import console
from wizard.core import i18n
from wizard.core.typography import NBSP, french, plain


@pytest.mark.parametrize("text, expected", [
    ("Fichier : x", f"Fichier{NBSP}: x"),
    ("Continuer ?", f"Continuer{NBSP}?"),
    ("Effacer ! Vraiment ?", f"Effacer{NBSP}! Vraiment{NBSP}?"),
    ("a ; b", f"a{NBSP}; b"),
    ("Ouvrez « PRONOTE » puis", f"Ouvrez «{NBSP}PRONOTE{NBSP}» puis"),
    ("«PRONOTE»", f"«{NBSP}PRONOTE{NBSP}»"),
    ("Note :\nsuite", f"Note{NBSP}:\nsuite"),
    ("« Vérifier » ?", f"«{NBSP}Vérifier{NBSP}»{NBSP}?"),
    ("(voir « Aide ») : oui.", f"(voir «{NBSP}Aide{NBSP}»){NBSP}: oui."),
    ("Type  :  SSO", f"Type{NBSP}:  SSO"),
])
def test_french_punctuation_keeps_with_its_word(text, expected):
    assert french(text) == expected


@pytest.mark.parametrize("text", [
    "https://0301746K.index-education.net/pronote/eleve.html?login=true",
    "27/08/26 08:39", "C:\\Users\\Documents", "a:b", "Version 2024 – 2.5", "http://[::1]:8080/", "",
    "ratio 3:1", "eleve.html?x=1&y=2",
])
def test_what_is_not_french_punctuation_is_left_alone(text):
    assert french(text) == text


def test_it_is_idempotent_and_plain_undoes_it():
    once = french("Fichier : « x » ?")
    assert french(once) == once and plain(once) == "Fichier : « x » ?"


def test_every_french_text_gets_it_through_tr_and_english_does_not():
    assert i18n.tr("Fichier : x") == f"Fichier{NBSP}: x"
    i18n.install(lambda context, text: "File: x", "en")
    try:
        assert i18n.tr("Fichier : x") == "File: x"
    finally:
        i18n.install(None, "fr")


def test_a_console_that_cannot_show_it_gets_plain_spaces():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    console.write(stream, french("Fichier : « x »"))
    stream.flush()
    assert stream.buffer.getvalue() == b"Fichier : ? x ?"
