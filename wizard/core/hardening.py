"""No copy of the process's memory on disk: names and birth dates are held in memory while a file is analysed or
matched, and a crash must not write them into a core dump (one such dump held 1,302 names and birth dates).

- POSIX: the core file size limit set to 0 (`RLIMIT_CORE`), from the start (systemd-coredump and apport honour
  it too); on Linux the process is also made non-dumpable (`PR_SET_DUMPABLE` 0) before the first file of people is
  read (`before_personal_data`: ctypes costs 10 ms the first page does not need), which also keeps other processes
  of the same user from reading its memory.
- Windows: no crash dialog that would wait with the process's memory, and Windows Error Reporting told to leave
  the heap out of its reports (`WER_FAULT_REPORTING_FLAG_NOHEAP`).

Done once, when the app starts (window or command), for the process's whole life. Qt-free; every step is best
effort: a system that refuses one keeps the others, and the app runs anyway.
"""
from __future__ import annotations

import os
import sys

PR_SET_DUMPABLE = 4
SEM_FAILCRITICALERRORS, SEM_NOGPFAULTERRORBOX = 0x0001, 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1


def no_core_dumps() -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        _windows()
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


_NOT_DUMPABLE = []


def before_personal_data() -> None:
    """Called by what reads names and birth dates (the file check, the matching, their commands); once."""
    no_core_dumps()
    if _NOT_DUMPABLE or not sys.platform.startswith("linux"):
        return
    _NOT_DUMPABLE.append(True)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _windows() -> None:  # pragma: no cover - exercised on Windows only
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)
    except (OSError, AttributeError):
        pass
