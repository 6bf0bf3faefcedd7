"""Extraction: the spaCy pipeline (tokenizer, lexicon, names, resolver, relation constructions) and its data."""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types
from pathlib import Path


class _Lighter(importlib.abc.MetaPathFinder):
    """Has spaCy and jieba imported without what extraction never uses, each on its first import after
    this package's: spaCy without its command line (`spacy.cli`: typer, weasel, requests, httpx; a
    quarter of spaCy's import), jieba with its HMM segmenter (`jieba.finalseg`, whose tables are a large
    Python module) loaded only when something first uses it. 0.2 to 0.3 s of every build."""

    def __init__(self) -> None:
        self.pending = {"spacy": _without_cli, "jieba": _lazy_finalseg}

    def find_spec(self, name, path=None, target=None):
        wrap = self.pending.pop(name, None)
        if wrap is None:
            return None
        if not self.pending:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)  # the other finders' spec (this one passes on `name` now)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            run = spec.loader.exec_module
            spec.loader.exec_module = lambda module: wrap(run, module)  # type: ignore[method-assign]
        return spec


def _without_cli(run, module) -> None:
    """spaCy's __init__ takes only `spacy.cli.info.info` from its CLI: a stand-in is in place while it
    runs and gone after it, so that `import spacy.cli` (and `spacy.info()`) load the real one."""
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


def _lazy_finalseg(run, module) -> None:
    """jieba's __init__ imports `finalseg` (HMM tables) and uses it only to cut with HMM=True: the module
    is loaded lazily (importlib's LazyLoader), on its first use."""
    folder = Path(next(iter(module.__spec__.submodule_search_locations))) / "finalseg"
    spec = importlib.util.spec_from_file_location("jieba.finalseg", folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    if spec is not None and spec.loader is not None and "jieba.finalseg" not in sys.modules:
        spec.loader = importlib.util.LazyLoader(spec.loader)
        lazy = importlib.util.module_from_spec(spec)
        sys.modules["jieba.finalseg"] = lazy
        spec.loader.exec_module(lazy)
        # already an attribute, `from . import finalseg` takes it as it is: the import system would
        # read its __spec__, which loads it
        module.finalseg = lazy
    run(module)


if not any(isinstance(f, _Lighter) for f in sys.meta_path):
    _finder = _Lighter()
    for _name in [n for n in _finder.pending if n in sys.modules]:
        del _finder.pending[_name]  # already imported: nothing to lighten
    if _finder.pending:
        sys.meta_path.insert(0, _finder)
