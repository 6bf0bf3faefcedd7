"""Extraction: the spaCy pipeline (tokenizer, lexicon, names, resolver, relation constructions) and its data."""

from __future__ import annotations

import sys
import types


def _import_spacy_without_its_cli() -> None:
    """Import spaCy without its command line (`spacy.cli`: typer, weasel, requests, httpx; a quarter of
    spaCy's import, 0.1 to 0.2 s of every build), which extraction never uses. spaCy's __init__ imports
    only `spacy.cli.info.info` from it: a stand-in is in place while spaCy imports, and is gone after it,
    so that `import spacy.cli` (and `spacy.info()`) still load the real one when something asks."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    info = types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = real_info  # type: ignore[attr-defined]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # type: ignore[attr-defined]  # a package, for `from .cli.info import info`
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
        if getattr(sys.modules.get("spacy"), "cli", None) is cli:
            del sys.modules["spacy"].cli


_import_spacy_without_its_cli()
