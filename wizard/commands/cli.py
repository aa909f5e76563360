"""The headless commands: `check`, `reconcile`, `probe`, `record`, `notice`.

No Qt is imported here or by the commands, except `record` and `notice` which draw PDFs with Qt.
Errors are one French sentence on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from wizard import __version__


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own English error text is not for our users
        from wizard.commands.console import err

        err(f"Commande incomplète ou incorrecte ({_french(message)}). Voir « {self.prog} --help ».")
        raise SystemExit(2)


_ARGPARSE_FRENCH = (
    ("the following arguments are required: ", "il manque : "),
    ("unrecognized arguments: ", "arguments inconnus : "),
    ("argument ", "option "),
    ("invalid choice: ", "choix impossible : "),
    ("choose from ", "choisir parmi "),
    ("expected one argument", "une valeur est attendue"),
)


def _french(message: str) -> str:
    for english, french in _ARGPARSE_FRENCH:
        message = message.replace(english, french)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(prog="pronote-ent-wizard-cli",
                                  description="Assistant d'interconnexion PRONOTE et ENT : commandes sans fenêtre")
    parser.add_argument("--data-dir", type=Path, help="dossier des données locales")
    parser.add_argument("--ent", type=Path, help="fichier de données d'un autre ENT (resources/ent/README.md)")
    parser.add_argument("--version", action="version", version=f"pronote-ent-wizard {__version__}",
                        help="afficher la version et quitter")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=FrenchArgumentParser)

    check = sub.add_parser("check", help="vérifier le fichier des identifiants PRONOTE")
    check.add_argument("file")
    check.add_argument("--json", action="store_true")
    check.add_argument("--uai")
    check.add_argument("--mode", choices=("complet", "partiel"))
    check.add_argument("--data-dir", type=Path, dest="data_dir_sub")
    check.add_argument("--ent", type=Path, dest="ent_sub")

    reconcile = sub.add_parser("reconcile", help="prévoir le rapprochement des comptes")
    reconcile.add_argument("pronote_file")
    reconcile.add_argument("ent_csv")
    reconcile.add_argument("--json", action="store_true")
    reconcile.add_argument("--out", type=Path)
    reconcile.add_argument("--data-dir", type=Path, dest="data_dir_sub")

    probe = sub.add_parser("probe", help="interroger le serveur PRONOTE")
    probe.add_argument("url")
    probe.add_argument("--json", action="store_true")
    probe.add_argument("--proxy", help="proxy à utiliser (http://hôte:port) ; sinon celui du système")
    probe.add_argument("--data-dir", type=Path, dest="data_dir_sub")
    probe.add_argument("--ent", type=Path, dest="ent_sub")

    for name, text in (("record", "fiche de configuration (PDF)"),
                       ("notice", "notice pour les familles et les personnels (PDF)")):
        pdf = sub.add_parser(name, help=text)
        pdf.add_argument("--out", type=Path, required=True)
        pdf.add_argument("--data-dir", type=Path, dest="data_dir_sub")
        pdf.add_argument("--ent", type=Path, dest="ent_sub")
    return parser


def resolve_data_dir(args) -> Path:
    from wizard.core.paths import default_data_dir

    return getattr(args, "data_dir_sub", None) or args.data_dir or default_data_dir()


def run(argv: list[str]) -> int:
    from wizard.commands.console import make_streams_safe

    make_streams_safe()  # a cp850 console or LC_ALL=C: replace what cannot be shown, never fail on it
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args)
    try:
        ent = getattr(args, "ent_sub", None) or args.ent
        if ent is not None:
            from wizard.core import entdata
            from wizard.core.errors import UserError

            try:
                entdata.activate(ent)
            except UserError as problem:
                from wizard.commands.console import err

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
        from wizard.commands.console import err

        err("Interrompu.")
        return 130
    except Exception as exc:  # a bug must still end in one French sentence, not a traceback
        from wizard.commands.console import err
        from wizard.core.logs import log_exception

        where = log_exception(exc)
        err(f"Erreur inattendue ; le détail est dans le journal {where}.")
        return 3
