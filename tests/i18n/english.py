"""The rules English text follows, for the translations, the English help and the English window alike.

- One kind of quotes: English typographic double quotes “…”, never nested; no French « », no straight "…" or '…'
  used as quotes, no curly single quotes.
- No French outside “…”: the ENT's and PRONOTE's own menu, button and field names stay French (the admin sees them
  so on screen), always between “ ”; every other word is English, so no accented letter and none of FRENCH_WORDS.
- No Alt+letter on B, N, F or H, which QWizard's own Back, Next, Finish and Help answer to in English.
"""
from __future__ import annotations

import html
import re

QUOTED = re.compile(r"“[^“”]*”")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Addresses and file names are not words: https://<your-school>.…/, eleve.html, IdPN_To_KOSMOS.xml.
NOT_WORDS = re.compile(r"\S+://\S*|<[\w-]+>|\b[\w-]+\.(?:html|xml|csv|json|pdf|ts|qm)\b")
# Names that keep their accents in English: PRONOTE's publisher, the example school of the placeholders, French
# named in French in the language chooser, the ministry and its login service.
PROPER_NAMES = ("Index Éducation", "Collège Via Domitia", "Français", "Éducation nationale", "ÉduConnect")
ACCENTED = re.compile(r"[àâäçéèêëîïôöûùüÿœæ]", re.IGNORECASE)
SINGLE_QUOTED = re.compile(r"(?:^|[\s(])'[^'\s][^']*'(?=$|[\s.,:;!?)])")
# Words an English sentence has no business holding outside a quoted French name (accents are caught apart, so
# « élève » and « établissement » are here without them too, as they appear in codes and careless typing).
FRENCH_WORDS = frozenset("""
    complet partiel partielle eleve eleves etablissement etablissements rentree identifiant identifiants
    enseignant enseignants professeur professeurs responsable responsables personnels superviseur fichier fichiers
    rapprochement bilan annee scolaire nouveau nouvelle nouveaux arrivants socle lycee academie
    autre autres oui le la les des du et ou avec dans pour sur une est sont pas vous votre vos nous cette qui que
""".split())
RESERVED_LETTERS = "bnfh"


def unquoted(text: str) -> str:
    """What of `text` must be English: without the quoted French names, placeholders, addresses and file names."""
    text = PLACEHOLDER.sub(" ", QUOTED.sub(" ", text))
    text = NOT_WORDS.sub(" ", text)
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    return text


def quote_faults(text: str) -> list[str]:
    faults = [f"« {mark} »" for mark in "«»‘’" if mark in text]
    if '"' in text:
        faults.append("straight double quote")
    faults += [f"single-quoted {match.group().strip()}" for match in SINGLE_QUOTED.finditer(text)]
    marks = "".join(re.findall(r"[“”]", text))
    if marks != "“”" * (len(marks) // 2) or len(marks) % 2:  # each “ closed by its ” before the next opens
        faults.append("“ ” unbalanced or nested")
    return faults


def french_leaks(text: str) -> list[str]:
    rest = unquoted(text)
    leaks = sorted(set(ACCENTED.findall(rest)))
    words = {word.lower() for word in re.findall(r"[^\W\d_]+", rest)}
    leaks += sorted(words & FRENCH_WORDS)
    return leaks


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a label (`&&` is a literal ampersand)."""
    match = re.search(r"(?<!&)(?:&&)*&([^&\s])", text)
    return match.group(1).lower() if match else None


def help_text(page: str) -> str:
    """A help page's text as it reads: tags out, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()
