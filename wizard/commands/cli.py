"""The headless commands: `check`, `reconcile`, `probe`, `record`, `notice`, and the window's own options.

No Qt is imported here or by the commands, except `record` and `notice` which draw PDFs with Qt: each command's
module is imported when that command runs (docs/DEVELOPING.md, « Imports »).
Errors are one French sentence on stderr and a non-zero exit, never a traceback.

Everything `--help` prints is French: argparse's own headings come from our argument groups (« Arguments »,
« Options », « Commandes ») and our help option, its « usage: » prefix from our formatter's `add_usage`, its error
messages from `error()` – subclassing only, argparse itself is left as it is.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from wizard import __version__
from wizard.commands.columns import COLUMN_FIELDS
from wizard.commands.console import Stream, err, make_streams_safe, out, write
from wizard.core import entdata
from wizard.core.errors import UserError
from wizard.core.logs import log_exception
from wizard.core.paths import default_data_dir
from wizard.core.typography import NBSP, french

# What `record` and `notice` exit with (their code, commands/pdf.py).
_WRITTEN = ("Code de sortie : 0 si le document est écrit ; 1 s'il n'y a rien à écrire (aucun établissement suivi, "
            "ou pas celui de --school), si les données de l'assistant viennent d'une version plus récente ou si "
            "l'écriture est impossible ; 2 si la commande est incorrecte (--out qui ne finit pas par .pdf, un code "
            "UAI faux).")

# Each command with its one line for the lists of commands (short enough for one line of an 80-column terminal),
# and what its own --help says first.
COMMANDS = {
    "check": ("vérifier le fichier exporté de PRONOTE",
              "Vérifie le fichier des identifiants exporté de PRONOTE, comme la page « Vérifier le fichier » : "
              "personnes par profil, erreurs et avertissements. N'enregistre rien. Code de sortie : 0 sans erreur "
              "bloquante, 1 avec des erreurs bloquantes, 2 si le fichier ne peut pas être lu, si les données de "
              "l'assistant viennent d'une version plus récente ou si la commande est incorrecte (une option "
              "inconnue, un code UAI faux)."),
    "reconcile": ("prévoir le rapprochement des comptes",
                  "Compare le fichier PRONOTE à la liste des comptes de l'ENT (CSV) et prévoit, profil par profil, "
                  "les comptes rapprochés, ambigus ou sans correspondant. Les noms ne sont pas enregistrés, sauf "
                  "dans la feuille de travail demandée par --out. Code de sortie : 0 si les deux fichiers ont été "
                  "lus, 2 sinon ou si la commande est incorrecte."),
    "probe": ("interroger le serveur PRONOTE",
              "Interroge le serveur PRONOTE (InfoMobileApp.json) à travers le proxy du poste. Code de sortie : "
              "0 si le serveur est un PRONOTE qui confie l'authentification à l'ENT ; 1 si c'est un PRONOTE qui ne "
              "la confie pas à cet ENT (CAS inactif ou un autre serveur CAS) ; 2 si rien d'utilisable n'a été lu "
              "(adresse refusée, serveur injoignable, réponse qui n'est pas celle de PRONOTE) ou si la commande est "
              "incorrecte."),
    "record": ("écrire la fiche de configuration (PDF)",
               "Écrit la fiche de configuration de l'établissement (PDF, A4) : valeurs saisies dans l'ENT et "
               "pronote.net, étapes faites, vérifications du serveur, historique des imports. Sans aucune donnée "
               "personnelle. " + _WRITTEN),
    "notice": ("écrire la notice pour les familles (PDF)",
               "Écrit la notice pour les familles et les personnels (PDF, A4) : avec quels identifiants se "
               "connecter, comment ouvrir PRONOTE depuis l'ENT, que faire en cas de problème. " + _WRITTEN),
}


class CommandLineError(SystemExit):
    """The command line cannot be understood (exit 2); `message` is the French sentence already on stderr."""

    def __init__(self, message: str):
        super().__init__(2)
        self.message = message


class FrenchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help, with « Usage : » for its English prefix. Descriptions keep their line breaks (we wrap
    them ourselves, see `_wrapped`); options are listed with their help beside them."""

    def __init__(self, prog: str):
        super().__init__(prog, max_help_position=30, width=_width())

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Usage : " if prefix is None else prefix)


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose every word is French: made without argparse's own help option and groups (their
    titles are English), with ours instead; its errors are one French sentence."""

    def __init__(self, *args: Any, with_commands: bool = False, **kwargs: Any):
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # The formatter writes « title: »; a non-breaking space before the colon is French typography.
        self.arguments = self.add_argument_group(f"Arguments{NBSP}")
        if with_commands:  # listed before the options: the command is what one looks for first
            self.commands = self.add_subparsers(title=f"Commandes{NBSP}", dest="command", required=True,
                                                metavar="COMMANDE", help="une des commandes ci-dessous",
                                                parser_class=FrenchArgumentParser)
        self.options = self.add_argument_group(f"Options{NBSP}")
        self.options.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                                  help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:  # argparse's own English error text is not for our users
        sentence = french(f"Commande incomplète ou incorrecte ({_french(message)}). Voir « {self.prog} --help ».")
        err(sentence)
        raise CommandLineError(sentence)

    def print_help(self, file: Stream | None = None) -> None:
        # Through the console module: a console that cannot show « é » or a non-breaking space never fails.
        write(file or sys.stdout, self.format_help())

    def print_usage(self, file: Stream | None = None) -> None:
        write(file or sys.stdout, self.format_usage())


_ARGPARSE_FRENCH = (
    ("the following arguments are required: ", "il manque : "),
    ("unrecognized arguments: ", "arguments inconnus : "),
    ("ambiguous option: ", "option ambiguë : "),
    (" could match ", " peut désigner "),
    ("argument ", "option "),
    ("invalid choice: ", "choix impossible : "),
    ("choose from ", "choisir parmi "),
    ("expected one argument", "une valeur est attendue"),
    ("not allowed with argument ", "impossible avec l'option "),
    ("ignored explicit argument ", "valeur en trop : "),
)


def _french(message: str) -> str:
    for english, translated in _ARGPARSE_FRENCH:
        message = message.replace(english, translated)
    # « option --mode: choix… »: French puts a space before the colon
    return re.sub(r"^(option \S+): ", r"\1 : ", message)


def _width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size().columns
        except OSError:
            columns = 80
    return max(60, min(columns, 120)) - 2


def _wrapped(*paragraphs: str) -> str:
    """Paragraphs wrapped to the terminal, blank lines between (the formatter keeps line breaks as they are)."""
    width = _width()
    return "\n\n".join(textwrap.fill(french(text), width, break_on_hyphens=False) for text in paragraphs)


def program_name(default: str) -> str:
    """How the admin typed the program: `python main.py`, `pronote-ent-wizard-cli`… (for usage lines)."""
    name = Path(sys.argv[0] if sys.argv and sys.argv[0] else default).name
    if name == "main.py":
        return "python main.py"
    if name.startswith("pronote-ent-wizard"):
        return name.removesuffix(".exe")
    return default


def _commands_list() -> str:
    width = max(len(name) for name in COMMANDS) + 2
    return "\n".join(f"  {name.ljust(width)}{french(line)}" for name, (line, _) in COMMANDS.items())


# -- the headless commands ----------------------------------------------------------------------------------
def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    prog = prog or program_name("pronote-ent-wizard-cli")
    parser = FrenchArgumentParser(
        prog=prog, with_commands=True,
        usage=f"{prog} [--data-dir DOSSIER] [--ent FICHIER] COMMANDE [options de la commande]",
        description=_wrapped("Assistant d'interconnexion PRONOTE et ENT : les commandes sans fenêtre. Les erreurs "
                             "sont une phrase en français sur la sortie d'erreur, avec un code de sortie non nul."),
        epilog=_wrapped(f"« {prog} COMMANDE --help » décrit une commande et ses options."))
    _common_options(parser.options, top=True)
    _version_option(parser.options)
    sub = parser.commands

    def command(name: str) -> FrenchArgumentParser:
        line, description = COMMANDS[name]
        return sub.add_parser(name, prog=f"{prog} {name}", help=french(line), description=_wrapped(description),
                              usage=f"{prog} {name} [options]" + _USAGE_ARGUMENTS.get(name, ""))

    check = command("check")
    check.arguments.add_argument("file", metavar="FICHIER", help="le fichier exporté de PRONOTE (XML)")
    check.options.add_argument("--json", action="store_true",
                               help="écrire le résultat en JSON (personnes par profil, remarques)")
    check.options.add_argument("--uai", metavar="UAI", help="le code UAI attendu dans le fichier (par défaut : "
                                                            "celui de l'établissement suivi)")
    check.options.add_argument("--mode", choices=("complet", "partiel"),
                               help="import complet ou partiel (par défaut : celui de l'import en cours)")
    _common_options(check.options)

    reconcile = command("reconcile")
    reconcile.arguments.add_argument("pronote_file", metavar="FICHIER_PRONOTE",
                                     help="le fichier des identifiants exporté de PRONOTE (XML)")
    reconcile.arguments.add_argument("ent_csv", metavar="COMPTES_ENT.csv",
                                     help="la liste des comptes de l'ENT (CSV, avec ou sans ligne d'en-tête)")
    reconcile.options.add_argument("--json", action="store_true", help="écrire le résultat en JSON")
    reconcile.options.add_argument("--out", metavar="FEUILLE.csv", type=Path,
                                   help="écrire la feuille de travail (CSV ; elle contient des données "
                                        "personnelles)")
    reconcile.options.add_argument(
        "--colonne", metavar="CHAMP=COLONNE", action="append", default=[], dest="columns",
        help=french("la colonne de la liste de l'ENT qui contient CHAMP (" + ", ".join(COLUMN_FIELDS)
                    + ") : son numéro (1 pour la première) ou son en-tête ; à répéter pour chaque champ, au moins "
                      "identifiant, nom et prenom ; les colonnes non indiquées ne sont alors pas lues"))
    _common_options(reconcile.options)

    probe = command("probe")
    probe.arguments.add_argument("url", metavar="ADRESSE",
                                 help="l'adresse du serveur PRONOTE (https://…/pronote/, une page d'espace convient)")
    probe.options.add_argument("--json", action="store_true", help="écrire le résultat en JSON")
    probe.options.add_argument("--proxy", metavar="http://HÔTE:PORT",
                               help="le proxy à utiliser (par défaut : celui du système)")
    _common_options(probe.options)

    for name in ("record", "notice"):
        document = command(name)
        document.options.add_argument("--out", metavar="FICHIER.pdf", type=Path, required=True,
                                      help="le fichier PDF à écrire (obligatoire)")
        document.options.add_argument("--school", metavar="UAI",
                                      help="l'établissement, par son code UAI (par défaut : l'établissement "
                                           "suivi dans l'assistant)")
        _common_options(document.options)
    return parser


_USAGE_ARGUMENTS = {"check": " FICHIER", "reconcile": " FICHIER_PRONOTE COMPTES_ENT.csv", "probe": " ADRESSE"}


def _common_options(group: argparse._ArgumentGroup, top: bool = False) -> None:
    """--data-dir and --ent, before the command or after it (after it, only when given: SUPPRESS keeps the value
    given before the command)."""
    default = None if top else argparse.SUPPRESS
    group.add_argument("--data-dir", metavar="DOSSIER", type=Path, default=default,
                       help="le dossier des données de l'assistant (par défaut : le dossier de données de "
                            "l'utilisateur)")
    group.add_argument("--ent", metavar="FICHIER", type=Path, default=default,
                       help="le fichier de données d'un autre ENT (voir resources/ent/README.md)")


def _version_option(group: argparse._ArgumentGroup) -> None:
    """--version on both executables, before Qt or a data folder is touched: what installers and IT scripts ask."""
    group.add_argument("--version", action="version", version=f"pronote-ent-wizard {__version__}",
                       help="afficher la version et quitter")


# -- the window ---------------------------------------------------------------------------------------------
def window_parser(prog: str | None = None) -> FrenchArgumentParser:
    """`main.py`'s own options (the window), with the commands listed: Qt-free, so that `--help` loads no Qt."""
    prog = prog or program_name("pronote-ent-wizard")
    parser = FrenchArgumentParser(
        prog=prog, usage=f"{prog} [--data-dir DOSSIER] [--lang fr|en] [--ent FICHIER]\n"
                         f"        {prog} COMMANDE [options de la commande]",
        description=_wrapped("Ouvre l'assistant d'interconnexion PRONOTE et ENT. Suivi d'une commande, travaille "
                             "sans fenêtre."),
        epilog=french("Commandes (sans fenêtre) :\n") + _commands_list() + "\n\n"
               + _wrapped(f"« {prog} COMMANDE --help » décrit une commande et ses options."))
    parser.options.add_argument("--data-dir", metavar="DOSSIER", type=Path,
                                help="le dossier des données de l'assistant (par défaut : le dossier de données "
                                     "de l'utilisateur)")
    parser.options.add_argument("--lang", metavar="fr|en", choices=("fr", "en"),
                                help="la langue de la fenêtre : fr (français, par défaut) ou en (anglais)")
    parser.options.add_argument("--ent", metavar="FICHIER", type=Path,
                                help="le fichier de données d'un autre ENT (voir resources/ent/README.md)")
    _version_option(parser.options)
    # Opens the window, lets it paint, prints one line and exits 0: CI runs the bundle this way, bench/bundle.py too.
    parser.options.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    return parser


# -- running a command --------------------------------------------------------------------------------------
def resolve_data_dir(args: argparse.Namespace) -> Path:
    return args.data_dir or default_data_dir()


def run(argv: list[str]) -> int:
    make_streams_safe()  # a cp850 console or LC_ALL=C: replace what cannot be shown, never fail on it
    try:
        args = build_parser().parse_args(argv)
    except CommandLineError as problem:
        if _asks_json(argv):
            print_json_error(next((token for token in argv if token in COMMANDS), None), problem.message,
                             "commande_incorrecte")
        raise
    data_dir = resolve_data_dir(args)
    json_wanted = getattr(args, "json", False)
    try:
        if args.ent is not None:
            try:
                entdata.activate(args.ent)
            except UserError as problem:
                if json_wanted:
                    print_json_error(args.command, problem.message, "ent_illisible")
                err(problem.message)
                return 2
        if args.command == "check":
            from wizard.commands.check import run_check

            return run_check(args, data_dir)
        if args.command == "reconcile":
            from wizard.commands.reconcile import run_reconcile

            return run_reconcile(args, data_dir)
        if args.command == "probe":
            from wizard.commands.probe import run_probe

            return run_probe(args, data_dir)
        from wizard.commands.pdf import run_pdf

        return run_pdf(args, data_dir)
    except KeyboardInterrupt:
        err("Interrompu.")
        return 130
    except Exception as exc:  # a bug must still end in one French sentence, not a traceback
        where = log_exception(exc)
        sentence = f"Erreur inattendue ; le détail est dans le journal {where}."
        if json_wanted:
            print_json_error(args.command, sentence, "erreur_inattendue")
        err(sentence)
        return 3


def _asks_json(argv: list[str]) -> bool:
    """--json (or argparse's abbreviation of it) among the options of a command line argparse refused."""
    options = argv[:argv.index("--")] if "--" in argv else argv
    return any(len(token) > 2 and "--json".startswith(token) for token in options)


def print_json_error(command: str | None, message: str, code: str) -> None:
    """The one JSON object a `--json` command prints when it stops before its own result: the shape of that
    command's own refusals (check: an unreadable file's, the sentence as its one error finding; probe: a refused
    address's; reconcile: `{"error": sentence}`)."""
    if command == "check":
        from wizard.commands.check import print_json_error as check_error

        check_error(message, code)
    elif command == "reconcile":
        from wizard.commands.reconcile import error_json as reconcile_error

        out(reconcile_error(message))
    elif command == "probe":
        from wizard.commands.probe import error_json as probe_error

        out(probe_error(message, outcome=code))
