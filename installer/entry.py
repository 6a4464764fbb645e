"""Entry point of the frozen program (both executables of the PyInstaller bundle).

Why not main.py directly: the windowed Windows executable (CommuneDesk.exe, console=False) starts
with sys.stdout and sys.stderr set to None, and anything that writes to them (a command's output,
argparse, logging's last-resort handler) would raise. They go to the null device there instead;
the console executable (commune-desk-cli.exe, and commune-desk on Linux) keeps its real streams.
"""

from __future__ import annotations

import os
import sys


def _streams_for_windowed_build() -> None:
    """Give a windowed build (no console) writable stdout/stderr that discard what they get."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)


if __name__ == "__main__":
    _streams_for_windowed_build()
    from main import main

    sys.exit(main())
