"""Screenshots of every page for the README and reviews, in a real window (run it under Xvfb through
`bash tools/screenshots.sh`, which makes them at 100 % and at 150 % on a 1280×800 screen).

Two demo schools are walked through the real window, as an admin would, with realistic content:
- an already-connected collège (the common case): the server check shows PRONOTE delegating to the ENT, the
  triage offers « déjà en place », then part 3 with a generated identifier file (about a thousand people, a few
  warnings), the count the ENT reported, a matching preview against a generated ENT account list, the
  identification failures noted (49, the tutorial's figure), the final page and, on the next launch, the status
  board; then its school year, with the assistant's clock moved (`wizard.core.dates.clock`): the board in November
  (a partial import due), an export that lists everybody, the ENT's running total, the board while that import is
  in progress, the failures page with its trend, and the board at the next rentrée (the full import due);
- a new school: the server answers without the delegation, so parts 1 and 2 are walked.

The server's answers are judged by the real probe code from a PRONOTE answer built here: nothing goes out. All
names are made up (generated from short lists)."""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wizard.app import create_window  # noqa: E402
from wizard.core import dates, flow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
IDENTITY = {
    "name": "Collège Via Domitia", "uai": "0301746K",
    "pronote_url": "https://0301746K.index-education.net/pronote/eleve.html",
    "ent_site_url": "https://via-domitia.mon-ent-occitanie.fr/",
}
NEW_SCHOOL = {
    "name": "Lycée Jean Moulin", "uai": "0340042L",
    "pronote_url": "https://0340042L.index-education.net/pronote/",
}
LAST = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRÉ", "LEFÈVRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANÇOIS", "MARTINEZ",
        "LEGRAND", "GARNIER", "FAURE", "ROUSSEAU", "BLANC", "GUERIN", "MULLER", "HENRY", "ROUSSEL", "NICOLAS"]
FIRST = ["Léa", "Lucas", "Emma", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Manon", "Gabriel", "Camille", "Théo",
         "Sarah", "Nathan", "Zoé", "Raphaël", "Jade", "Arthur", "Lina", "Adam", "Élise", "Noé", "Anaïs", "Éthan",
         "Alice", "Paul", "Louise", "Tom", "Clara", "Sacha", "Rose", "Malo", "Ambre", "Nino", "Julia", "Timéo"]


# -- demo data ----------------------------------------------------------------------------------------
def demo_people(rng: random.Random) -> dict[str, list[dict]]:
    names = iter(rng.sample([(last, first) for last in LAST for first in FIRST], len(LAST) * len(FIRST)))

    def person(prefix: str, number: int, born: tuple[int, int] | None) -> dict:
        last, first = next(names)  # no two people share a name: the matching preview shows few ambiguities
        entry = {"Nom": last, "Prenom": first, "ID_Partenaire": f"{prefix}{number:012d}"}
        if born:
            entry["DateNaissance"] = f"{rng.randint(*born)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return entry

    people = {
        "Eleve": [person("ELEV", n, (2011, 2015)) for n in range(412)],
        "Responsable": [person("RESP", n, None) for n in range(598)],
        "Professeur": [person("PROF", n, (1965, 1995)) for n in range(38)],
        "Personnel": [person("PERS", n, None) for n in range(17)],
    }
    # What real files contain now and then: a pupil without a birth date, a parent without a first name,
    # an impossible date.
    del people["Eleve"][7]["DateNaissance"], people["Eleve"][311]["DateNaissance"]
    people["Responsable"][42]["Prenom"] = ""
    people["Eleve"][150]["DateNaissance"] = "2013-02-30"
    return people


def write_pronote_file(people: dict[str, list[dict]], path: Path, exported: str = "2026-08-27T08:30:00") -> None:
    from xml.sax.saxutils import quoteattr

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<PARTENAIRE_INDEX xmlns="http://www.index-education.com/rapprochementssoV2.0" '
             f'Date="{exported}" Partenaire="mon ENT Occitanie">',
             '  <Etablissements><Etablissement Ident="1" Numero="0301746K" Nom="COLLEGE VIA DOMITIA"/>'
             '</Etablissements>',
             '  <EtablissementsGeres><Etablissement Ident="1"/></EtablissementsGeres>']
    ident = 1
    for group, tag in (("Personnels", "Personnel"), ("Professeurs", "Professeur"), ("Responsables", "Responsable"),
                       ("Eleves", "Eleve")):
        lines.append(f"  <{group}>")
        for entry in people[tag]:
            ident += 1
            attributes = " ".join(f"{key}={quoteattr(value)}" for key, value in entry.items())
            lines.append(f'    <{tag} Ident="{ident}" {attributes}/>')
        lines.append(f"  </{group}>")
    lines.append("</PARTENAIRE_INDEX>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_ent_list(people: dict[str, list[dict]], path: Path, rng: random.Random) -> None:
    """The ENT's account list as it exports it: other letter cases, accents dropped now and then, newcomers
    missing from it, and accounts of people who have left."""
    profiles = {"Eleve": "Élève", "Responsable": "Parent", "Professeur": "Enseignant", "Personnel": "Personnel"}
    rows = ["Identifiant;Nom;Prénom;Né(e) le;Profil"]
    plain = str.maketrans("ÉÈÊÀÇÏÎÔéèêàçïîô", "EEEACIIOeeeaciio")
    for tag, entries in people.items():
        for number, entry in enumerate(entries):
            if number % 97 == 5:
                continue  # arrived after the ENT's accounts were made
            last, first = entry["Nom"], entry["Prenom"]
            if number % 3 == 0:
                last, first = last.title(), first.upper().translate(plain)
            born = entry.get("DateNaissance", "")
            if born and "-02-30" not in born:
                year, month, day = born.split("-")
                born = f"{day}/{month}/{year}"
            rows.append(f"ent.{tag.lower()}{number};{last};{first};{born if tag == 'Eleve' else ''};{profiles[tag]}")
    for number in range(4):
        rows.append(f"ent.ancien{number};{rng.choice(LAST)};{rng.choice(FIRST)};;Élève")
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")


def server_answer(root: str, delegated: bool, purpose: str):
    """The verdict the real probe code gives on a PRONOTE answer (delegating to the ENT's CAS or not)."""
    from wizard.core.entdata import load_ent
    from wizard.core.probe.answer import Answer
    from wizard.core.probe.judge import judge_answer
    from wizard.core.probe.verdict import give_verdict
    from wizard.core.school import normalise_pronote_url

    ent = load_ent()
    info = {
        "nomEtab": "COLLEGE VIA DOMITIA" if delegated else "LYCEE JEAN MOULIN", "version": [2024, 2, 5],
        "espaces": [{"nom": "Espace Élèves", "URL": "mobile.eleve.html", "genreEspace": 6,
                     "avecDelegation": delegated}],
        "CAS": {"actif": delegated, "casURL": f"https://{ent.cas_host}/" if delegated else "", "jetonCAS": ""},
    }
    root = normalise_pronote_url(root).value
    answer = Answer(url=root + "InfoMobileApp.json", status=200, headers={"content-type": "application/json"},
                    body=json.dumps(info, ensure_ascii=False).encode("utf-8"))
    return give_verdict(judge_answer(answer, root=root, cas_host=ent.cas_host, ent_name=ent.name), purpose, ent)


# -- driving the window ---------------------------------------------------------------------------------
def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def wait_for(task, limit: float = 120.0) -> None:
    end = time.monotonic() + limit
    while task.running and time.monotonic() < end:
        settle(0.05)


class Camera:
    def __init__(self, out: Path):
        self.out = out
        self.taken: list[str] = []

    def shoot(self, window, name: str) -> None:
        settle()
        window.grab().save(str(self.out / f"{name}.png"))
        self.taken.append(name)
        print("capture", name, flush=True)


def number(step: str) -> str:
    return f"{flow.STEP_IDS.index(step) + 1:02d}-{step}"


def open_window(data: Path):
    window = create_window(data)
    window.show()
    window.activateWindow()
    settle(0.5)
    return window


def scroll_to(page, widget) -> None:
    """The page scrolled so that `widget` is at its top, as the admin would scroll to see a result."""
    settle(0.1)
    top = widget.mapTo(page.scroll.widget(), QPoint(0, 0)).y()
    page.scroll.verticalScrollBar().setValue(top - 6)


def type_school(page, values: dict[str, str]) -> None:
    for key, value in values.items():
        page.fields[key].setText(value)


def tick_all(page) -> None:
    for box in page.checklist.boxes.values():
        box.setChecked(True)


def walk_already_connected(data: Path, work: Path, camera: Camera) -> None:
    rng = random.Random(2026)
    people = demo_people(rng)
    pronote_file, ent_list = work / "IdPN_To_KOSMOS.xml", work / "comptes-ent.csv"
    write_pronote_file(people, pronote_file)
    write_ent_list(people, ent_list, rng)

    window = open_window(data)
    camera.shoot(window, number("accueil"))
    window.next()
    page = window.currentPage()
    camera.shoot(window, number("etablissement"))
    type_school(page, IDENTITY)
    page.server._done(server_answer(IDENTITY["pronote_url"], delegated=True, purpose="address"))
    page.focus_first_to_do()
    camera.shoot(window, number("etablissement") + "-rempli")
    window.next()
    while window.current_step() != "fin":
        step, page = window.current_step(), window.currentPage()
        camera.shoot(window, number(step))
        if step == "export_pronote":
            tick_all(page)
        elif step == "fichier":
            page.analyse(pronote_file)
            wait_for(page.task)
            page.read_warnings.setChecked(True)
            camera.shoot(window, number(step) + "-rempli")
        elif step == "import_ent":
            tick_all(page)
            page.count.setText(str(sum(len(entries) for entries in people.values())))
            camera.shoot(window, number(step) + "-rempli")
        elif step == "rapprochement":
            page.preview.start(ent_list)
            wait_for(page.preview.task)
            scroll_to(page, page.preview.status)
            camera.shoot(window, number(step) + "-rempli")
            tick_all(page)
        elif step == "echecs":
            page.count.setText("49")  # the tutorial's screenshot: noted when going on
        window.next()
    camera.shoot(window, number("fin"))
    window.close()
    again = open_window(data)  # the next launch: the status board
    camera.shoot(again, "00-tableau-de-bord")
    again.close()
    walk_the_year(data, work, people, camera)


def set_clock(when: str) -> None:
    """The assistant's one clock, moved through the school year (wizard/core/dates.py)."""
    from datetime import datetime

    moment = datetime.fromisoformat(when).timestamp()
    dates.clock = lambda: moment


def walk_the_year(data: Path, work: Path, people: dict[str, list[dict]], camera: Camera) -> None:
    """The same school later in its school year: the board at each moment, and what the year brings."""
    rng = random.Random(1120)
    newcomers = {group: [] for group in people}
    newcomers["Eleve"] = [{"Nom": rng.choice(LAST), "Prenom": rng.choice(FIRST), "ID_Partenaire": f"NOUV{n:012d}",
                           "DateNaissance": f"{rng.randint(2011, 2015)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}
                          for n in range(9)]
    newcomers["Responsable"] = [{"Nom": entry["Nom"], "Prenom": rng.choice(FIRST), "ID_Partenaire": f"NOUP{n:012d}"}
                                for n, entry in enumerate(newcomers["Eleve"][:5])]
    everybody_file, newcomers_file = work / "IdPN_To_KOSMOS-tous.xml", work / "IdPN_To_KOSMOS-nouveaux.xml"
    write_pronote_file({group: people[group] + newcomers[group] for group in people}, everybody_file,
                       "2026-11-20T13:50:00")
    write_pronote_file(newcomers, newcomers_file, "2026-11-20T13:55:00")
    set_clock("2026-11-20T14:00:00")  # newcomers in November: a partial import is due
    window = open_window(data)
    camera.shoot(window, "00-tableau-de-bord-1-novembre")
    window.currentPage().primary.click()
    while window.current_step() != "fichier":
        if window.current_step() == "export_pronote":
            tick_all(window.currentPage())
        window.next()
    page = window.currentPage()
    page.analyse(everybody_file)  # the box left unticked in PRONOTE: everybody exported again
    wait_for(page.task)
    camera.shoot(window, number("fichier") + "-tout-le-monde")
    page.analyse(newcomers_file)
    wait_for(page.task)
    window.close()
    set_clock("2026-11-20T16:30:00")
    window = open_window(data)  # stopped on the way: the board offers to resume
    camera.shoot(window, "00-tableau-de-bord-2-import-en-cours")
    window.currentPage().primary.click()
    while window.current_step() != "fin":
        step, page = window.current_step(), window.currentPage()
        if step == "import_ent":
            tick_all(page)
            total = sum(len(entries) for entries in people.values()) + sum(len(e) for e in newcomers.values())
            page.count.setText(str(total))  # the ENT's running total after this import
            camera.shoot(window, number(step) + "-total")
        elif step == "rapprochement":
            tick_all(page)
        elif step == "echecs":
            page.day.setText("20/11/2026")
            page.count.setText("12")
            page.note.click()
            camera.shoot(window, number(step) + "-suivi")
        window.next()
    window.close()
    set_clock("2027-09-01T08:30:00")  # the next rentrée: the full import of 2027-2028 is due
    window = open_window(data)
    camera.shoot(window, "00-tableau-de-bord-3-rentree-suivante")
    window.close()


def walk_new_school(data: Path, camera: Camera) -> None:
    window = open_window(data)
    window.next()
    page = window.currentPage()
    type_school(page, NEW_SCHOOL)
    page.server._done(server_answer(NEW_SCHOOL["pronote_url"], delegated=False, purpose="address"))
    camera.shoot(window, number("etablissement") + "-nouveau")
    window.next()
    while window.current_step() != "export_mode":
        step, page = window.current_step(), window.currentPage()
        camera.shoot(window, number(step))
        if step == "pronote_net_avertissement":
            page.ack.setChecked(True)
        elif step == "pronote_net":
            tick_all(page)
            page.server._done(server_answer(NEW_SCHOOL["pronote_url"], delegated=True, purpose="delegation"))
            camera.shoot(window, number(step) + "-verifie")
        else:
            tick_all(page)
        window.next()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    camera = Camera(args.out)
    set_clock("2026-09-02T09:00:00")  # the rentrée of the demo school year
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second, \
            tempfile.TemporaryDirectory() as work:
        walk_already_connected(Path(first), Path(work), camera)
        set_clock("2026-09-02T09:00:00")
        walk_new_school(Path(second), camera)
    screen = app.primaryScreen()
    print(f"{len(camera.taken)} captures dans {args.out} (écran {screen.size().width()}×{screen.size().height()} "
          f"logiques, échelle {screen.devicePixelRatio():g})")


if __name__ == "__main__":
    main()
