"""A desktop as a screen reader user has it, made for one test: an X server (Xvfb), a D-Bus session, the AT-SPI
registry, the wizard with Qt's accessibility bridge on, keys typed with xdotool, and the assistive tool's side
(tests/bus/reader.py) reading the tree and the events through the bus. Everything started here is stopped here,
by the process groups it made (never by name)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
# What the test needs from Debian (scripts/test.sh installs them when missing).
COMMANDS = ("Xvfb", "xdotool", "dbus-daemon")


def missing() -> list[str]:
    """What is absent for the bus test, in words (empty when it can run)."""
    absent = [command for command in COMMANDS if shutil.which(command) is None]
    if not Path(BUS_LAUNCHER).exists():
        absent.append(BUS_LAUNCHER)
    if not Path(SYSTEM_PYTHON).exists():
        absent.append(SYSTEM_PYTHON)
    else:
        found = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); "
                                "from gi.repository import Atspi"], capture_output=True)
        if found.returncode != 0:
            absent.append("gir1.2-atspi-2.0 / python3-gi")
    return absent


class Desktop:
    def __init__(self, workdir: Path, *, scale: float = 1.0, width: int = 1280, height: int = 800,
                 language: str | None = None):
        self.workdir = workdir
        self.scale = scale
        self.size = (width, height)
        self.language = language
        self.processes: list[subprocess.Popen] = []
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("QT_", "DBUS_", "AT_SPI", "WAYLAND")) and key != "DISPLAY"}
        self.reader: subprocess.Popen | None = None
        self.app: subprocess.Popen | None = None
        self.window_id = ""

    # -- starting and stopping -----------------------------------------------------------------
    def __enter__(self) -> Desktop:
        try:
            self._start_x()
            self._start_buses()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _spawn(self, args, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, env=kwargs.pop("env", self.env), start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def _start_x(self) -> None:
        read, write = os.pipe()
        width, height = self.size
        # -displayfd: the server picks a free display number and writes it: no clash with another test's Xvfb.
        self._spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
                     "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.env["DISPLAY"] = f":{number}"

    def _start_buses(self) -> None:
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
        address = bus.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env["NO_AT_BRIDGE"] = "0"
        # The accessibility bus and its registry (at-spi2-registryd, started by the launcher).
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.reader = self._spawn([SYSTEM_PYTHON, str(Path(__file__).with_name("reader.py"))], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env={**self.env, "PYTHONWARNINGS": "ignore"})
        self._wait_for_registry()

    def _wait_for_registry(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            found = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                                    "org.a11y.Bus.GetAddress"], env=self.env, capture_output=True, text=True)
            if found.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("the AT-SPI bus did not start")

    def launch(self, data_dir: Path, *extra: str, root: Path = ROOT) -> None:
        """The wizard as users run it (wizard.app.main), with the bridge on and a real X window; `root`: the
        checkout whose wizard runs (another one for a before/after measure)."""
        env = {**self.env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb", "WIZARD_ROOT": str(root),
               "PRONOTE_ENT_WIZARD_LOG_DIR": str(self.workdir / "logs"), "QT_SCALE_FACTOR": str(self.scale)}
        args = [sys.executable, str(Path(__file__).with_name("launch.py")), "--data-dir", str(data_dir),
                "--probe-file", str(self.workdir / "qt-labels"), *extra]
        if self.language:
            args += ["--lang", self.language]
        self.app_log = open(self.workdir / "app.log", "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self.app = self._spawn(args, env=env, stdout=self.app_log, stderr=subprocess.STDOUT, cwd=root)
        answer = self.ask({"cmd": "attach", "pid": self.app.pid, "timeout": 30})
        if not answer.get("ok"):
            raise RuntimeError(f"the wizard never appeared on the bus: {self.log()}")
        self.window_id = self._find_window()
        self.focus_window()

    def _find_window(self) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--pid", str(self.app.pid), check=False)
            ids = found.stdout.split()
            if ids:
                return ids[-1]
            time.sleep(0.1)
        raise RuntimeError(f"no window of the wizard: {self.log()}")

    def focus_window(self, window_id: str | None = None) -> None:
        # No window manager: the keyboard goes where xdotool puts the input focus.
        self.xdotool("windowfocus", "--sync", window_id or self.window_id, check=False)

    def log(self) -> str:
        path = self.workdir / "app.log"
        return path.read_text(encoding="utf-8", errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self.reader is not None and self.reader.poll() is None:
            try:
                self.reader.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                self.reader.stdin.flush()
                self.reader.wait(2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in reversed(self.processes):
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
        for stream in ("app_log",):
            handle = getattr(self, stream, None)
            if handle is not None:
                handle.close()
        self.processes.clear()

    # -- talking to the assistive tool's side and typing ------------------------------------------
    def ask(self, command: dict) -> dict:
        self.reader.stdin.write(json.dumps(command) + "\n")
        self.reader.stdin.flush()
        line = self.reader.stdout.readline()
        if not line:
            raise RuntimeError(f"the bus reader stopped: {self.reader.stderr.read()[-3000:]}")
        return json.loads(line)

    def tree(self, light: bool = False) -> list[dict]:
        answer = self.ask({"cmd": "tree", "light": light})
        if not answer.get("ok"):
            raise RuntimeError(answer.get("error"))
        return answer["tree"]

    def settle(self, quiet: float = 0.25, timeout: float = 8.0) -> list[dict]:
        return self.ask({"cmd": "settle", "quiet": quiet, "timeout": timeout})["events"]

    def xdotool(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, check=check)

    def key(self, *keys: str) -> list[dict]:
        """Press keys (xdotool names: Tab, Return, space, BackSpace, ctrl+a…) one by one; the events they caused."""
        self.xdotool("key", "--clearmodifiers", *keys)
        return self.settle()

    def type(self, text: str) -> list[list[dict]]:
        """Type `text` one character at a time; the events of each keystroke, once each has settled."""
        per_key = []
        for char in text:
            self.xdotool("type", "--delay", "0", "--", char)
            per_key.append(self.settle())
        return per_key

    def qt_labels(self) -> dict[str, str]:
        """The text each label shows on screen, by its path in the accessibility tree, as the wizard's Qt side
        knows it (tests/bus/launch.py): what the bus's name of a label must not hide."""
        request = self.workdir / "qt-labels.request"
        answer = self.workdir / "qt-labels.json"
        answer.unlink(missing_ok=True)
        request.write_text("?", encoding="utf-8")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if answer.exists():
                try:
                    return json.loads(answer.read_text(encoding="utf-8"))
                except json.JSONDecodeError:
                    pass  # being written
            time.sleep(0.05)
        raise RuntimeError(f"the wizard did not list its labels: {self.log()}")
