"""The `mediacrm` command: the program's window, an admin subcommand (which needs no Qt), or
`--smoke-test`, the check that the installed program works (ui/smoke_test.py)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in args:
        from ui import smoke_test

        return smoke_test.main(args)
    if cli.wants_command_line(args):
        return cli.main(args)
    from ui.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
