"""The `aigraph` command. `aigraph neighbors` with plain arguments is answered without importing click
(a quarter of a lookup's time went to it): `aigraph.quick`. Every other command, and any neighbors
call the quick reader leaves alone, goes to the click commands of `aigraph.commands`."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:2] == ["neighbors"]:
        from aigraph.quick import neighbors

        if neighbors(sys.argv[2:]):
            return
    from aigraph.commands import cli

    cli()


def __getattr__(name: str):
    # `from aigraph.cli import cli, command_names` and the like: the click side, imported when asked for
    # (not for the import system's own questions, such as whether this module has a `__path__`)
    if name.startswith("__"):
        raise AttributeError(f"module 'aigraph.cli' has no attribute {name!r}")
    from aigraph import commands

    try:
        return getattr(commands, name)
    except AttributeError:
        raise AttributeError(f"module 'aigraph.cli' has no attribute {name!r}") from None


if __name__ == "__main__":
    main()
