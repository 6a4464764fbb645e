"""Commune Desk entry point: no command opens the desktop application, a command runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and hand over to the command line (or, with no command, the GUI)."""
    from cli.app import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
