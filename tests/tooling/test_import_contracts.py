"""The written boundary between the Qt-free core and the layers above it: every module of wizard/ sits in one of the
places the contracts name, and `lint-imports` fails when a core module imports Qt or reaches up."""
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACES = ("wizard.core", "wizard.commands", "wizard.gui", "wizard.pages", "wizard.app")


def contracts() -> list[dict]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "wizard").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_every_module_has_its_place():
    unplaced = [name for name in modules() if name != "wizard"
                and not any(name == place or name.startswith(place + ".") for place in PLACES)]
    assert not unplaced, f"put these in one of {PLACES} (the contracts of pyproject.toml hold each): {unplaced}"


def test_the_core_and_the_commands_are_held_by_the_first_contracts():
    assert contracts()[0]["source_modules"] == ["wizard.core"]
    assert contracts()[1]["source_modules"] == ["wizard.commands"]


def test_every_step_s_page_stands_alone_and_every_page_module_is_a_step_s():
    """wizard/pages/<step id>.py for each step (wizard.pages.build_page finds it by the id), in the independence
    contract; the other modules there are the plumbing the pages share."""
    from wizard.core.steps import STEP_IDS

    shared = {"wizard.pages.base", "wizard.pages.checklist"}
    pages = {name for name in modules() if name.startswith("wizard.pages.")} - shared
    assert pages == {f"wizard.pages.{step}" for step in STEP_IDS} == set(contracts()[3]["modules"])


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    # Where pip put the console scripts: beside python in a venv's bin/ or Scripts\, in Scripts\ of a Windows
    # Python used without a venv.
    scripts = sysconfig.get_path("scripts")
    command = shutil.which("lint-imports", path=scripts) or "lint-imports"
    return subprocess.run([command, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(root), "PATH": scripts})


def test_lint_imports_fails_when_a_core_module_imports_qt_or_a_layer_above_it(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "wizard", copy / "wizard", ignore=shutil.ignore_patterns("__pycache__", "resources"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    clean = lint_imports(copy)
    if "No module named" in clean.stderr or clean.returncode not in (0, 1):
        pytest.fail(clean.stdout + clean.stderr)
    assert clean.returncode == 0, clean.stdout
    flow = copy / "wizard" / "core" / "flow.py"
    flow.write_text(flow.read_text(encoding="utf-8") + "\nfrom PySide6.QtCore import QObject  # noqa\n",
                    encoding="utf-8")
    # …and when the model reaches up to a layer above it (here the network check).
    progress = copy / "wizard" / "core" / "progress.py"
    progress.write_text(progress.read_text(encoding="utf-8") + "\nimport wizard.core.probe  # noqa\n",
                        encoding="utf-8")
    broken = lint_imports(copy)
    assert broken.returncode == 1 and "wizard.core.flow -> PySide6" in broken.stdout
    assert "wizard.core.progress -> wizard.core.probe" in broken.stdout


def test_no_module_imports_itself_through_others():
    """No import cycle anywhere, at the level of modules, imports inside functions included (the acyclic_siblings
    contract holds packages; this holds every module): a cycle held by an import inside a method is a cycle."""
    import grimp

    graph = grimp.build_graph("wizard")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer) if imported in graph.modules \
                else None
            if back:
                cycles.append(" → ".join((importer, *back)))
    assert not cycles, "\n".join(cycles)


def test_the_developer_guide_draws_the_core_s_layers_as_the_contract_holds_them():
    """docs/DEVELOPING.md's picture: each layer of the contract on its own line, in the same order."""
    layers = next(c for c in contracts() if c["type"] == "layers")["layers"]
    guide = (ROOT / "docs" / "DEVELOPING.md").read_text(encoding="utf-8")
    picture = guide.split("wizard/core/  (no Qt", 1)[1].split("```", 1)[0]
    drawn = " ".join(line.strip().split("  ")[0] for line in picture.splitlines()[1:])  # the names' column
    expected = [name.strip() for layer in layers for name in layer.split("|")]
    assert [word.rstrip("/") for word in drawn.replace("·", " ").split()] == expected
