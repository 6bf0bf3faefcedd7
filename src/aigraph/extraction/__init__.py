"""Extraction: the spaCy pipeline (tokenizer, lexicon, names, resolver, relation constructions) and its data."""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types


class _SpacyWithoutItsCli(importlib.abc.MetaPathFinder):
    """Has spaCy imported without its command line (`spacy.cli`: typer, weasel, requests, httpx; a
    quarter of spaCy's import, 0.1 to 0.2 s of every build), which extraction never uses. spaCy's
    __init__ takes only `spacy.cli.info.info` from it: a stand-in is in place while spaCy's __init__
    runs and gone after it, so that `import spacy.cli` (and `spacy.info()`) load the real one when
    something asks. Acts once, on the first import of spaCy after this package's."""

    def find_spec(self, name, path=None, target=None):
        if name != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            run = spec.loader.exec_module
            spec.loader.exec_module = lambda module: _without_cli(run, module)  # type: ignore[method-assign]
        return spec


def _without_cli(run, module) -> None:
    info = types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = real_info  # type: ignore[attr-defined]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # type: ignore[attr-defined]  # a package, for `from .cli.info import info`
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        run(module)
    finally:
        for name, stand_in in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        if getattr(module, "cli", None) is cli:
            del module.cli


if "spacy" not in sys.modules and not any(isinstance(f, _SpacyWithoutItsCli) for f in sys.meta_path):
    sys.meta_path.insert(0, _SpacyWithoutItsCli())
