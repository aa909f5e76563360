"""Issue 23, item 7: the wizard as a screen reader meets it, through the real accessibility bus.

Xvfb, a D-Bus session and the AT-SPI registry; the wizard started as users start it, with Qt's Linux bridge on;
every page walked with real key presses (xdotool), the school page typed into, a wrong code typed and corrected,
the file chosen in the file dialog, the help, « À propos » and the closing question opened; the tree read and the
events heard by Debian's own Python with pyatspi, the library Orca uses. It fails on an interactive element
without a name, a name without its label's text or its visible text, a label whose name hides its text, a field
without its label relation, a focusable element not showing, a page whose arrival is not said (window title,
heading, focus), the steps panel not being a list marking the current step, more than 10 events for a keystroke,
an error or warning shown without an announcement; it prints each page's tree for what failed.

Skipped only when the Debian packages are absent (scripts/test.sh installs them)."""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.bus import rules
from tests.bus.desktop import Desktop, missing

ROOT = Path(__file__).resolve().parents[2]
WALK_FILE = ROOT / "tests" / "fixtures" / "walk" / "IdPN_To_KOSMOS.xml"
ENT_LIST = ROOT / "tests" / "matching" / "fixtures" / "ent.csv"
# The combo boxes the walk meets, by object name, and their accessible names (each holds its label's text).
COMBO_NAMES = {"language_combo": "Langue / Language",
               "finding_filter": "Afficher : filtre des remarques sur le fichier",
               "status_filter": "Statut (filtre des lignes)", "profile_filter": "Profil (filtre des lignes)"}
SCHOOL = ("Collège Via Domitia", "0301746", "https://0301746K.index-education.net/pronote/")

# AT-SPI is the Linux desktop's accessibility bus. (Under Wine the Linux root is drive Z:, where /usr/bin/python3
# exists but is no Windows program: the platform is asked first.)
pytestmark = pytest.mark.skipif(sys.platform != "linux" or bool(missing()),
                                reason="AT-SPI : Linux seulement" if sys.platform != "linux"
                                else f"absent : {', '.join(missing())} (scripts/test.sh)")


class Walk:
    """Walks the wizard by keyboard, gathering per page what a screen reader user would miss."""

    def __init__(self, desktop: Desktop):
        from wizard.core import entdata, flow, steps
        from wizard.pages import page_class

        self.desktop = desktop
        self.flow = flow
        self.ent_words = entdata.load_ent().words
        # The page on screen is told by its class in the tree's accessible ids (Qt's: the object names or classes).
        self.steps_by_class = {page_class(step).__name__: step for step in steps.STEP_IDS}
        self.problems: dict[str, list[str]] = {}
        self.trees: dict[str, str] = {}
        self.key_counts: list[tuple[str, str, int]] = []  # (page, key, events heard)
        self.combos: dict[str, dict] = {}  # the combo boxes met, by object name: their node as last read
        self.page = "accueil"
        self.visited: list[str] = []
        self.clock = time.monotonic()

    # -- reading ---------------------------------------------------------------------------------
    def tree(self, light: bool = False) -> list[dict]:
        return self.desktop.tree(light)

    def current_step(self, tree) -> str | None:
        for node in rules.walk(tree[:1]):
            name = node["id"].rsplit(".", 1)[-1]
            if name in self.steps_by_class and rules.showing(node):
                return self.steps_by_class[name]
        return None

    def focused(self, tree) -> dict | None:
        nodes = rules.by_path(tree)
        found = [node for node in rules.walk(tree) if "focused" in node["states"] and rules.showing(node)
                 and not rules._in_combo(node, nodes) and node["role"] not in ("dialog", "frame", "filler")]
        return found[-1] if found else None

    def button(self, tree, *names: str) -> dict | None:
        for node in rules.walk(tree[:1]):
            if node["role"] == "push button" and rules.showing(node) and any(
                    rules.normal(node["name"]).startswith(rules.normal(name)) for name in names):
                return node
        return None

    def next_enabled(self, tree=None) -> bool:
        buttons = self.desktop.ask({"cmd": "buttons"})["nodes"] if tree is None else list(rules.walk(tree[:1]))
        return any(node["role"] == "push button" and rules.showing(node) and "enabled" in node["states"]
                   and rules.normal(node["name"]).startswith(("suivant", "terminer")) for node in buttons)

    def focus(self) -> dict | None:
        """The element the last focus event named, read again now (what a screen reader reads)."""
        return self.desktop.ask({"cmd": "focus"})["node"]

    def note(self, problems: list[str], tree=None) -> None:
        if problems:
            self.problems.setdefault(self.page, []).extend(problems)
            if tree is not None:
                self.trees[self.page] = rules.render(tree)

    def inspect(self, tree=None) -> list[dict]:
        tree = tree or self.tree()
        self.note(rules.check_tree(tree, self.desktop.qt_labels()), tree)
        self.combos.update({node["id"].rsplit(".", 1)[-1]: node for node in rules.walk(tree)
                            if node["role"] == "combo box" and rules.showing(node)})
        return tree

    # -- acting ----------------------------------------------------------------------------------
    def key(self, key: str, measured: bool = True) -> list[dict]:
        events = self.desktop.key(key)
        if measured:
            self.key_counts.append((self.page, key, len(events)))
            self.note(rules.check_keystroke(events, key))
        return events

    def type(self, text: str) -> list[dict]:
        heard = []
        for char, events in zip(text, self.desktop.type(text), strict=True):
            self.key_counts.append((self.page, char, len(events)))
            self.note(rules.check_keystroke(events, char))
            heard.extend(events)
        return heard

    def arrive(self, events: list[dict]) -> list[dict]:
        """A new page is shown: what the reader heard and sees on arrival."""
        tree = self.tree()
        step = self.current_step(tree)
        assert step is not None, rules.render(tree)
        self.page = step
        now = time.monotonic()
        self.visited.append(f"{step} ({now - self.clock:.0f} s)")
        self.clock = now
        title = self.page_title(step)
        self.note(rules.check_page_arrival(tree, events, title), tree)
        self.note(rules.check_steps_list(tree, self.flow.title(step), 4), tree)
        self.inspect(tree)
        return tree

    def page_title(self, step: str) -> str:
        if step == "accueil":
            return "Interconnexion PRONOTE – {ent_name}".format(**self.ent_words)
        return self.flow.title(step)

    def go_next(self) -> list[dict]:
        tree = self.tree()
        assert self.next_enabled(tree), f"« Suivant » grisé sur {self.page} :\n{rules.render(tree)}"
        before = self.page
        # Enter is « Suivant » from a field or a box; from another button (« Précédent », « Copier »…) Enter
        # presses that button, as it should: the keyboard user says « Suivant » with its mnemonic then.
        focused = self.focused(tree)
        on_button = focused is not None and focused["role"] == "push button" and not rules.normal(
            focused["name"]).startswith("suivant")
        events = self.key("alt+s" if on_button else "Return", measured=False)
        tree = self.arrive(events)
        assert self.page != before, f"Entrée n'a pas quitté la page {before}"
        return tree

    def complete_by_keyboard(self, answers: dict[str, str] | None = None, limit: int = 60) -> None:
        """Tab through the page, ticking what is unticked and typing into empty fields named in `answers`,
        until « Suivant » is enabled."""
        answers = answers or {}
        for _ in range(limit):
            if self.next_enabled():
                return
            node = self.focus()
            if node is not None and node["role"] in rules.TOGGLES and "checked" not in node["states"] \
                    and "enabled" in node["states"]:
                before = rules.messages(self.tree(light=True))
                events = self.key("space")
                self.note(rules.check_announced(before, rules.messages(self.tree(light=True)), events))
                continue
            if node is not None and node["role"] == "text" and not node.get("text"):
                for label, text in answers.items():
                    if rules.normal(label) in rules.normal(node["name"]):
                        self.type(text)
                        break
            self.key("Tab")
        raise AssertionError(f"« Suivant » jamais activé au clavier sur {self.page}:\n{rules.render(self.tree())}")

    def dialog(self, open_key: str, close_key: str, what: str) -> None:
        """A dialog opened by a key: its tree checked, then closed by a key, the focus back in the window."""
        events = self.key(open_key, measured=False)
        tree = self.tree()
        assert len(tree) > 1, f"{what} : aucune fenêtre ouverte"
        dialog = self.desktop._find_window()  # the newest window of the wizard
        self.desktop.focus_window(dialog)
        events += self.desktop.settle()
        tree = self.tree()
        page = self.page
        self.page = f"{page} › {what}"
        self.note(rules.check_tree(tree[1:], self.desktop.qt_labels()), tree[1:])
        if not any(e["type"] == "object:state-changed:focused" and e["detail1"] == 1 for e in events):
            self.note(["focus non signalé à l'ouverture"], tree[1:])
        self.key(close_key, measured=False)
        self.page = page
        self.desktop.focus_window()
        self.desktop.settle()


def school_page(walk: Walk) -> None:
    """Typed as a person types: the name, a code with a wrong check letter (its error must be announced), the
    letter corrected, the address."""
    name, uai, url = SCHOOL
    walk.type(name)
    walk.key("Tab")
    walk.type(uai)
    before = rules.messages(walk.tree())
    heard = walk.type("X")
    tree = walk.tree()
    after = rules.messages(tree)
    shown = [node["name"] for node in rules.walk(tree) if "uai_message" in node["id"] and rules.showing(node)]
    assert shown, "pas de message d'erreur sous le code UAI"
    walk.note(rules.check_announced(before, after, heard))
    if not any(rules.normal(shown[0]) in rules.normal(text) for text in rules.announcements(heard)):
        walk.note([f"erreur du code UAI sans annonce : « {shown[0]} »"], tree)
    description = [node["description"] for node in rules.walk(tree) if node["role"] == "text"
                   and "uai" in node["id"].lower() and rules.showing(node)]
    if not description or rules.normal(shown[0]) not in rules.normal(description[0]):
        walk.note([f"le champ UAI ne porte pas son message comme description : « {description[:1]} »"], tree)
    walk.key("BackSpace")
    walk.type("K")
    walk.key("Tab")
    walk.type(url[:12])
    walk.desktop.xdotool("type", "--delay", "0", "--", url[12:])
    walk.desktop.settle()
    walk.inspect()


def tab_to(walk: Walk, name: str, limit: int = 40) -> None:
    for _ in range(limit):
        node = walk.focus()
        if node is not None and rules.normal(node["name"]).startswith(rules.normal(name)):
            return
        walk.key("Tab")
    raise AssertionError(f"« {name} » jamais atteint au clavier sur {walk.page}")


def file_dialog(walk: Walk, path: Path) -> None:
    """The focused button opens Qt's file dialog (Space); the path typed into it, Enter; the result awaited and
    its messages checked for their announcement."""
    before = rules.messages(walk.tree())
    walk.key("space", measured=False)
    tree = walk.tree()
    assert len(tree) > 1, "le dialogue de fichier ne s'est pas ouvert"
    walk.desktop.focus_window(walk.desktop._find_window())
    walk.desktop.settle()
    page, walk.page = walk.page, f"{walk.page} › dialogue de fichier"
    walk.note(rules.check_tree(walk.tree()[1:], walk.desktop.qt_labels()), walk.tree()[1:])
    walk.desktop.xdotool("type", "--delay", "0", "--", str(path))
    walk.page = page
    heard = walk.key("Return", measured=False)
    walk.desktop.focus_window()
    heard += walk.desktop.settle(quiet=1.0)
    walk.note(rules.check_announced(before, rules.messages(walk.tree()), heard))


def warning_file(directory: Path) -> Path:
    """The walk's export with one impossible birth date: the page shows a warning and its findings table."""
    path = directory / "IdPN_To_KOSMOS.xml"
    text = WALK_FILE.read_text(encoding="utf-8")
    path.write_text(text.replace('DateNaissance="1975-04-12"', 'DateNaissance="1975-02-30"', 1), encoding="utf-8")
    return path


def report(walk: Walk) -> str:
    lines = [f"pages parcourues : {' → '.join(walk.visited)}"]
    for page, problems in walk.problems.items():
        lines.append(f"== {page} : {len(problems)} problème(s)")
        lines += [f"  - {problem}" for problem in dict.fromkeys(problems)]
        if page in walk.trees:
            lines += ["  arbre :", *("    " + line for line in walk.trees[page].splitlines())]
    counts = sorted(count for _page, _key, count in walk.key_counts)
    if counts:
        lines.append(f"événements par touche : max {counts[-1]}, médiane {counts[len(counts) // 2]}, "
                     f"{len(counts)} touches")
    return "\n".join(lines)


def test_every_page_through_the_bus(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    export = warning_file(tmp_path)
    with Desktop(tmp_path) as desktop:
        walk = Walk(desktop)
        try:
            desktop.launch(data)
            walk.arrive(desktop.settle(quiet=1.0))
            walk.go_next()  # → the school page
            school_page(walk)
            while walk.page != "fichier":
                walk.complete_by_keyboard()
                walk.go_next()
            file_dialog(walk, export)
            walk.inspect()
            walk.complete_by_keyboard()
            walk.go_next()  # → import_ent
            walk.complete_by_keyboard({"Nombre": "7"})
            walk.go_next()  # → rapprochement: the ENT's account list loaded, the matching table read
            tab_to(walk, "Charger la liste des comptes")
            file_dialog(walk, ENT_LIST)
            walk.inspect()
            while walk.page != "fin":  # what comes after the matching (every page, whichever the flow has)
                walk.complete_by_keyboard()
                walk.go_next()
            walk.dialog("F1", "Escape", "aide")
            tab_to(walk, "À propos")
            walk.dialog("space", "Return", "à propos")
            walk.dialog("Escape", "Escape", "question avant de quitter")
        finally:
            text = report(walk)
            if os.environ.get("A11Y_BUS_REPORT"):
                Path(os.environ["A11Y_BUS_REPORT"]).write_text(json.dumps(
                    {"problems": walk.problems, "key_counts": walk.key_counts, "visited": walk.visited},
                    ensure_ascii=False, indent=1),
                    encoding="utf-8")
            print(text)
            print(desktop.log()[-2000:])
    assert walk.page == "fin"
    assert not walk.problems, text
    # The combo boxes were read: named by their label (check_tree), not by their current value as Qt's own
    # interface names them on Linux; the value read as Orca reads it, the item selected in the list.
    for key, name in COMBO_NAMES.items():
        node = walk.combos[key]
        assert rules.normal(node["name"]) == rules.normal(name) and node["selected"] \
            and node["selected"] != node["name"], (key, node)
        assert "expandable" in node["states"], (key, node)


def test_the_reader_runs_outside_the_virtual_environment():
    """The assistive tool's side is Debian's Python, not the wizard's: it proves what any screen reader sees."""
    assert shutil.which("xdotool") and Path("/usr/bin/python3").resolve() != Path(sys.executable).resolve()


def test_the_first_pages_at_150_percent(tmp_path):
    """The same reading at 150 % (a school laptop's usual scaling): the welcome page, the school page typed into
    with its error, part 1's first page ticked by keyboard."""
    data = tmp_path / "data"
    data.mkdir()
    with Desktop(tmp_path, scale=1.5) as desktop:
        walk = Walk(desktop)
        try:
            desktop.launch(data)
            walk.arrive(desktop.settle(quiet=1.0))
            walk.go_next()
            school_page(walk)
            walk.complete_by_keyboard()
            walk.go_next()
            walk.complete_by_keyboard()
        finally:
            text = report(walk)
            print(text)
    assert [page.split()[0] for page in walk.visited] == ["accueil", "etablissement", "ent_service"]
    assert not walk.problems, text
