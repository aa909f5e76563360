"""Findings about the identifier file: a level, a stable code, one French sentence and the line.

Messages never quote a name, a birth date or an identifier: findings are kept in the progress file and shown in
reports, where personal data must not be (DOMAIN.md, « Personal data »). They point at lines instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, Literal

from wizard.core import document, i18n
from wizard.core.entdata import current
from wizard.core.errors import UserError
from wizard.core.i18n import tr, tr_noop
from wizard.core.idfile.limits import MAX_FINDINGS_PER_CODE

ERROR: Final = "error"
WARNING: Final = "warning"
Level = Literal["error", "warning"]


def _once(text: str) -> str:
    """`tr(text)`, worked out once per language: a file may give tens of thousands of the same finding, and they
    then share one string."""
    return _translated(text, i18n.language())


@lru_cache(maxsize=64)
def _translated(text: str, language: str) -> str:
    return tr(text)


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level  # ERROR blocks the import, WARNING needs reading
    code: str
    message: str
    line: int | None = None

    def to_json(self) -> document.Finding:
        return {"level": self.level, "code": self.code, "message": self.message, "line": self.line}


class IdFileError(UserError):
    """The file cannot be read as an identifier file at all: one French sentence, the command exits with 2."""

    def __init__(self, message_fr: str, exit_code: int = 2, *, code: str = "fichier_illisible",
                 line: int | None = None):
        super().__init__(message_fr)
        self.exit_code = exit_code
        self.code = code
        self.line = line

    def finding(self) -> Finding:
        return Finding(ERROR, self.code, self.message, self.line)


@dataclass
class FindingList:
    """Findings as they are met, at most MAX_FINDINGS_PER_CODE per code (a hostile file could hold millions);
    `counts` holds every one, listed or not."""

    items: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        seen = self.counts.get(finding.code, 0) + 1
        self.counts[finding.code] = seen
        if seen <= MAX_FINDINGS_PER_CODE:
            self.items.append(finding)

    def unlisted(self) -> list[Finding]:
        """One finding per code that had more than could be listed, saying how many more."""
        levels: dict[str, Level] = {finding.code: finding.level for finding in self.items}
        return [Finding(levels[code], "constats_non_listes",
                        tr("{more} autre(s) remarque(s) du même type ({code}) ne sont pas listées : seules les "
                           "{shown} premières le sont.")
                        .format(more=count - MAX_FINDINGS_PER_CODE, code=code, shown=MAX_FINDINGS_PER_CODE), None)
                for code, count in self.counts.items() if count > MAX_FINDINGS_PER_CODE]


def missing_ident(line: int) -> Finding:
    return Finding(ERROR, "identifiant_manquant",
                   _once(tr_noop("Personne sans identifiant PRONOTE : l'ENT ne pourra pas l'importer.")), line)


def duplicate_ident(line: int, first_line: int) -> Finding:
    return Finding(ERROR, "identifiant_duplique",
                   _once(tr_noop("Identifiant PRONOTE déjà attribué à la personne de la ligne {first} : deux personnes "
                                 "ne peuvent pas partager un identifiant.")).format(first=first_line), line)


def missing_last_name(line: int) -> Finding:
    return Finding(WARNING, "nom_manquant", _once(tr_noop("Personne sans nom : le rapprochement des comptes dans l'ENT "
                                                          "devra se faire à la main.")), line)


def missing_first_name(line: int) -> Finding:
    return Finding(WARNING, "prenom_manquant", _once(tr_noop("Personne sans prénom : le rapprochement des comptes dans "
                                                             "l'ENT devra se faire à la main.")), line)


def invalid_birth_date(line: int, expected: str) -> Finding:
    return Finding(WARNING, "date_invalide", _once(tr_noop("Date de naissance invalide ou impossible (format "
                                                           "attendu : {expected}).")).format(expected=expected), line)


def missing_birth_date(line: int) -> Finding:
    return Finding(WARNING, "date_manquante",
                   _once(tr_noop("Élève sans date de naissance, alors que le format PARTENAIRE_INDEX l'exige.")), line)


def misplaced_record(line: int, tag: str) -> Finding:
    return Finding(WARNING, "element_mal_place",
                   _once(tr_noop("Élément « {tag} » hors de son groupe : il n'est pas compté.")).format(tag=tag), line)


def other_uai(line: int, found: str, expected: str) -> Finding:
    return Finding(ERROR, "uai_different", tr("Le fichier a été exporté pour l'établissement {found}, pas pour "
                                              "le vôtre ({expected}) : exportez-le depuis la base PRONOTE de "
                                              "votre établissement.").format(found=found, expected=expected), line)


def old_export(line: int | None, exported: str, imported: str) -> Finding:
    return Finding(WARNING, "export_ancien", tr("Ce fichier a été exporté le {exported}, avant le dernier import "
                                                "dans l'ENT ({imported}) : exportez à nouveau les identifiants "
                                                "depuis PRONOTE.").format(exported=exported, imported=imported), line)


def invalid_export_date(line: int | None) -> Finding:
    return Finding(WARNING, "date_export_invalide", tr("La date d'export indiquée dans le fichier n'est pas lisible."),
                   line)


def same_file_imported(imported: str) -> Finding:
    return Finding(WARNING, "fichier_deja_importe",
                   tr("Ce fichier est exactement celui déjà importé le {imported}.").format(imported=imported), None)


def already_imported(line: int) -> Finding:
    return Finding(WARNING, "deja_importe",
                   _once(tr_noop("Import partiel : cette personne figurait déjà dans un import précédent.")), line)


def everybody_already_imported(count: int, everyone: bool) -> Finding:
    """A partial export that lists (nearly) everybody: one conclusion instead of one warning per person."""
    how = tr("toutes") if everyone else tr("presque toutes")
    return Finding(ERROR, "tous_deja_importes",
                   tr("Ce fichier contient {count} personnes déjà importées ({how}) : dans PRONOTE, la case "
                      "« {pronote_export_checkbox} » n'était sans doute pas cochée. Refaites l'export.").format(
                       count=count, how=how,  # the box's name: the ENT data file's label, with its source
                       pronote_export_checkbox=current().labels["pronote_export_checkbox"]),
                   None)


def retried_undeclared(codec: str) -> Finding:
    """The file declared no encoding and was not UTF-8: read in Windows-1252, or in Latin-1 (encoding.py)."""
    if codec == "windows-1252":
        return Finding(WARNING, "encodage_windows1252",
                       tr("Le fichier ne déclare pas son encodage et n'est pas en UTF-8 : il a été lu en Windows-1252. "
                          "Vérifiez les accents des noms."))
    return Finding(WARNING, "encodage_latin1",
                   tr("Le fichier ne déclare pas son encodage et n'est ni en UTF-8 ni en Windows-1252 : il a été lu en "
                      "ISO-8859-1 (Latin-1). Vérifiez les accents des noms."))


def misdecoded_text(line: int, count: int) -> Finding:
    return Finding(WARNING, "texte_mal_decode",
                   tr("{count} nom(s) semblent mal décodés (caractères de contrôle ou « Ã© » à la place des accents), "
                      "le premier ici : l'encodage déclaré par le fichier est probablement faux.").format(count=count),
                   line)
