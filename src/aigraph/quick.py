"""`aigraph neighbors` without click: its plain arguments read by hand, its answer as text."""

from __future__ import annotations

import os
import sys

from aigraph.errors import AigraphError

ENV_VAR = "AIGRAPH_GRAPH"

# neighbors' options as the click command declares them (aigraph.commands): those taking a value,
# flags, and the values a few of them accept
_VALUED = {"--depth": "depth", "--type": "types", "--relation": "relations", "--since": "since", "--until": "until",
           "--by": "by", "--graph": "graph"}
_FLAGS = {"--evidence": "evidence", "--json": "as_json", "--quiet": "quiet", "-q": "quiet"}
_DEPTHS = {"1", "2", "3", "4", "5"}
_BY = {"document", "event"}


def graph_dir(option: str | os.PathLike | None) -> str | os.PathLike:
    """Where the graph lives: the --graph option, else $AIGRAPH_GRAPH, else ./exports."""
    return option or os.environ.get(ENV_VAR) or "exports"


def plain_neighbors(args: list[str]) -> dict | None:
    """The arguments of `aigraph neighbors ARGS` as the command reads them, or None when anything in them
    (help, `--opt=value`, a value that looks like an option or that click would refuse, a graph option
    naming a file) is better left to click, which says what it always said."""
    opts: dict = {"name": None, "depth": 1, "types": [], "relations": [], "evidence": False, "since": None,
                  "until": None, "by": "document", "graph": None, "quiet": False, "as_json": False}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _FLAGS:
            opts[_FLAGS[arg]] = True
        elif arg in _VALUED:
            if i + 1 == len(args) or args[i + 1].startswith("-"):
                return None
            key, value = _VALUED[arg], args[i + 1]
            if key in ("types", "relations"):
                opts[key].append(value)
            elif (key == "depth" and value not in _DEPTHS) or (key == "by" and value not in _BY):
                return None
            elif key == "graph" and (not value or os.path.isfile(value)):
                return None
            else:
                opts[key] = int(value) if key == "depth" else value
            i += 1
        elif arg.startswith("-") or opts["name"] is not None:
            return None
        else:
            opts["name"] = arg
        i += 1
    return opts if opts["name"] is not None else None


def split(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Repeated options with comma-separated values, as one tuple."""
    return tuple(v.strip() for vs in values for v in vs.split(",") if v.strip())


def neighbors_answer(graph: str | os.PathLike, name: str, depth: int, types: tuple[str, ...],
                     relations: tuple[str, ...], evidence: bool, since: str | None, until: str | None, by: str,
                     quiet: bool, as_json: bool) -> tuple[str, list[str]]:
    """What `aigraph neighbors` prints: the answer for stdout, and the notes for stderr."""
    from aigraph.api import Graph, window

    found = Graph.open(graph).neighbors(name, depth, types, relations, evidence, since, until, by)
    w = window(since, until, by)
    if as_json:
        import json  # here, not at the top: lookups without --json start ~3 ms sooner

        from aigraph.query.format import neighbors_data

        data = neighbors_data(found.entity, list(found), depth, evidence)
        if w:
            data |= {"window": {"since": w.since, "until": w.until, "by": w.by}}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False), []
    notes = [window_note(w), also_note(name, found.entity)] if not quiet else []
    return str(found), [n for n in notes if n]


def window_note(w) -> str | None:
    """The note on stderr saying which window an answer was drawn for (the dates as read)."""
    return f"note: facts {w.describe()}" if w else None


def also_note(name: str, entity) -> str | None:
    """The note on stderr naming the other entities a name could have meant (their alias lost to a
    canonical name)."""
    if not entity.also:
        return None
    pick = " or ".join(repr(f"{name} ({a.rsplit(' (', 1)[1]}") for a in entity.also)
    return (f"note: {name!r} is also a name of {', '.join(entity.also)}; {pick} picks "
            f"{'it' if len(entity.also) == 1 else 'one'}.")


def neighbors(args: list[str]) -> bool:
    """Answer `aigraph neighbors ARGS` and say True; False (having printed nothing) when click should:
    arguments it reads better, an error to report as click reports them, output click would change."""
    opts = plain_neighbors(args)
    if opts is None or not (_utf8(sys.stdout) and _utf8(sys.stderr)):
        return False
    try:
        out, notes = neighbors_answer(graph_dir(opts["graph"]), opts["name"], opts["depth"], split(opts["types"]),
                                      split(opts["relations"]), opts["evidence"], opts["since"], opts["until"],
                                      opts["by"], opts["quiet"], opts["as_json"])
    except AigraphError:
        return False
    if "\x1b" in out or any("\x1b" in n for n in notes):
        return False  # click.echo takes escape sequences out when the output is no terminal
    try:
        sys.stdout.write(out + "\n")
        sys.stdout.flush()
        for note in notes:
            sys.stderr.write(note + "\n")
            sys.stderr.flush()
    except BrokenPipeError:  # `aigraph neighbors X | head -1`: quiet, status 1, as click does it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    return True


def _utf8(stream) -> bool:
    # click re-wraps a stream whose encoding is ASCII; keep to the streams it writes to as they are
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")
