"""The `aigraph` command: parse arguments, call the library, format the answer."""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from pathlib import Path

import click

from .errors import AigraphError


class Group(click.Group):
    """Turns AigraphError into a one-line message and exit status 1; other errors propagate."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AigraphError as exc:
            raise click.ClickException(str(exc)) from exc


def graph_option(f):
    """--graph DIR: where the built graph lives."""
    return click.option(
        "--graph", "graph", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Graph folder written by `aigraph build` (default: $AIGRAPH_GRAPH, else ./exports).",
    )(f)


def output_options(f):
    """--json and --quiet, for scripts."""
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)
    f = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (and the result).")(f)
    return f


def _store(graph: Path | None):
    from .store import graph_dir, open_store

    return open_store(graph_dir(graph))


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aigraph")
def cli() -> None:
    """aigraph: a knowledge graph of the AI industry, read from reports and news.

    \b
    Example:
      aigraph build seeds --out exports
      aigraph neighbors DeepSeek
    """


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder for the store and the exports.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Leave facts below this confidence out of the graph.")
@click.option("--no-validate", "no_validate", is_flag=True,
              help="Write the graph even if it breaks the SHACL shapes (see `aigraph validate`).")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Processes extracting in parallel (0: one per core). Output is the same for any N.")
@click.option("--strict", is_flag=True,
              help="Fail on the first file that cannot be read or extracted, instead of skipping it.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Extract with processes on this machine, or as a Dask job (a local cluster of --jobs "
                   "workers, or the cluster of --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to run the extraction on (tcp://host:8786); implies --engine dask.")
@click.option("--parts", type=click.IntRange(0), default=0, show_default=True,
              help="Also write the graph as this many N-Quads files in DIR/nquads/, for bulk loading.")
@output_options
def build(sources: tuple[Path, ...], out: Path, threshold: float, no_validate: bool, jobs: int, strict: bool,
          engine: str, scheduler: str | None, parts: int, quiet: bool, as_json: bool) -> None:
    """Read SOURCES (files and folders; default ./seeds) and write the graph to --out.

    The graph is checked against the SHACL shapes first: a violation fails the build and leaves
    --out as it was (--no-validate writes it anyway). Files that cannot be read (binary, empty,
    undecodable) or whose extraction fails are reported and skipped; --strict makes them fatal.
    The store and the exports in --out are replaced together when the build succeeds, never left
    half-written, even if the build is killed.

    \b
    Example:
      aigraph build seeds --out exports
      aigraph build corpus/ --out big --jobs 2 --strict
      aigraph build corpus/ --out big --scheduler tcp://10.0.0.5:8786 --parts 64
    """
    from .ingest import iter_sources
    from .pipeline import build as run_build
    from .progress import ProgressBar
    from .workers import default_jobs

    files = iter_sources(sources or (Path("seeds"),))
    if not files:
        raise AigraphError(f"No .txt, .md or .html files in {', '.join(map(str, sources or ('seeds',)))}.")
    progress = None if (quiet or as_json) else ProgressBar()
    report = run_build(files, out, threshold=threshold, progress=progress, validate=not no_validate,
                       jobs=jobs or default_jobs(), strict=strict, engine="dask" if scheduler else engine,
                       scheduler=scheduler, parts=parts)
    if as_json:
        _echo_json(report.__dict__ | {"skipped": list(report.skipped), "warnings": list(report.warnings)})
        return
    for reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    for reason in report.warnings:
        click.echo(f"warning: {reason}", err=True)
    if not quiet:
        click.echo(f"{report.documents} documents, {report.sentences} sentences -> {report.entities} entities, "
                   f"{report.facts} facts in {report.out}/ ({report.seconds:.1f} s)")
        if report.rejected:
            click.echo(f"{report.rejected} facts left out: their entity types do not fit the relation", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@graph_option
@click.option("--no-validate", "no_validate", is_flag=True, help="Write the graph even if it breaks the SHACL shapes.")
@output_options
def add(files: tuple[Path, ...], graph: Path | None, no_validate: bool, quiet: bool, as_json: bool) -> None:
    """Read FILES (or folders) into the graph; the documents already there are not read again.

    A file whose content is already in the graph changes nothing; a file with the name of a
    document in the graph replaces it. The result is the graph a full build of all the documents
    gives.

    \b
    Example:
      aigraph add news/2025-01-20-deepseek.txt --graph exports
    """
    from .ingest import iter_sources
    from .store import graph_dir
    from .update import add as run_add

    paths = iter_sources(files)
    if not paths:
        raise AigraphError(f"No .txt, .md or .html files in {', '.join(map(str, files))}.")
    progress = None if (quiet or as_json) else _progress_bar()
    _update_output(run_add(paths, graph_dir(graph), progress=progress, validate=not no_validate), quiet, as_json)


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@graph_option
@click.option("--no-validate", "no_validate", is_flag=True, help="Write the graph even if it breaks the SHACL shapes.")
@output_options
def remove(documents: tuple[str, ...], graph: Path | None, no_validate: bool, quiet: bool, as_json: bool) -> None:
    """Take DOCUMENTS out of the graph (by file name or content hash); facts that other
    documents also state stay, with their support counts lowered.

    \b
    Example:
      aigraph remove 003_066453869a5c638a.txt --graph exports
      aigraph remove doc:600afaf6bb224934
    """
    from .store import graph_dir
    from .update import remove as run_remove

    progress = None if (quiet or as_json) else _progress_bar()
    _update_output(run_remove(documents, graph_dir(graph), progress=progress, validate=not no_validate), quiet, as_json)


def _update_output(report, quiet: bool, as_json: bool) -> None:
    if as_json:
        _echo_json({k: list(v) if isinstance(v, tuple) else v for k, v in report.__dict__.items()}
                   | {"changed": report.changed})
        return
    for reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    if quiet:
        return
    for label, names in (("added", report.added), ("replaced", report.replaced), ("removed", report.removed),
                         ("read again (extractor changed)", report.refreshed), ("already in the graph", report.unchanged)):
        for name in names:
            click.echo(f"{label}: {name}")
    if report.changed:
        click.echo(f"{report.documents} documents -> {report.entities} entities, {report.facts} facts "
                   f"in {report.out}/ ({report.seconds:.1f} s)")
    else:
        click.echo(f"nothing changed in {report.out}/")


@cli.command()
@graph_option
@output_options
def validate(graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl) with pyshacl; exit status 1
    when something breaks them.

    \b
    Example:
      aigraph validate --graph exports
    """
    from .validate import validate_store

    violations = validate_store(_store(graph))
    if as_json:
        _echo_json({"conforms": not violations, "violations": [v.__dict__ for v in violations]})
    elif not quiet or violations:
        for v in violations:
            click.echo(v.line())
        click.echo(f"{len(violations)} violation{'s' if len(violations) != 1 else ''}" if violations
                   else "conforms: 0 violations")
    if violations:
        sys.exit(1)


@cli.command()
@graph_option
@output_options
def stats(graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Count documents, entities by type, facts by predicate, facts with evidence, funding rounds.

    \b
    Example:
      aigraph stats --json
    """
    from .stats import stats as count

    result = count(_store(graph))
    if as_json:
        _echo_json(result.as_dict())
        return
    rows = result.rows()
    width = max(_width(label) for label, _ in rows)
    for label, n in rows:
        click.echo(f"{label}{' ' * (width - _width(label))}  {n:>7}")


@cli.command()
@click.option("--jsonl", "jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help='Input: one {"doc": ..., "sent": ...} object per line.')
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output JSON Lines file (one line per input line).")
@click.option("--all", "show_all", is_flag=True, help="Report every fact, whatever its confidence.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Report facts at or above this confidence (default: the graph's threshold).")
@output_options
def extract(jsonl: Path, output: Path, show_all: bool, threshold: float | None, quiet: bool, as_json: bool) -> None:
    """Extract entities and relations from sentences, in the evaluation format.

    \b
    Example:
      aigraph extract --jsonl sentences.jsonl -o predicted.jsonl
    """
    from .extract import THRESHOLD, analyse, analysis_record, build_nlp, read_jsonl_sentences, write_jsonl

    sentences = read_jsonl_sentences(jsonl)
    cut = 0.0 if show_all else THRESHOLD if threshold is None else threshold
    results = analyse(build_nlp(), sentences)
    write_jsonl((analysis_record(a, cut) for a in results), output)
    n_ent = sum(len(a.mentions) for a in results)
    n_rel = sum(1 for a in results for f in a.facts if f.confidence >= cut)
    if as_json:
        _echo_json({"sentences": len(results), "entities": n_ent, "relations": n_rel, "output": str(output)})
    elif not quiet:
        click.echo(f"{len(results)} sentences -> {n_ent} entities, {n_rel} relations in {output}")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--entities", "entities", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The gold entities file (name, type, aliases), for alias-aware relation matching.")
@click.option("--predictions", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the extractor's output lines to this file.")
@click.option("--all", "show_all", is_flag=True, help="Score every fact, whatever its confidence.")
@output_options
def evaluate(gold: Path, entities: Path | None, predictions: Path | None, show_all: bool, quiet: bool,
             as_json: bool) -> None:
    """Run the extractor on a gold file's sentences and print precision, recall and F1.

    \b
    Example:
      aigraph eval ../shared/eval/gold_seeds_a.jsonl --entities ../shared/eval/entities_a.jsonl
    """
    from .evaluate import alias_table, read_jsonl, report, score
    from .extract import THRESHOLD, analyse, analysis_record, build_nlp, write_jsonl
    from .model import Sentence

    rows = read_jsonl(gold)
    sentences = [Sentence(str(r.get("doc", "")), i, str(r.get("sent", "")), ((0, len(str(r.get("sent", "")))),))
                 for i, r in enumerate(rows)]
    records = [analysis_record(a, 0.0 if show_all else THRESHOLD) for a in analyse(build_nlp(), sentences)]
    if predictions:
        write_jsonl(records, predictions)
    aliases = alias_table(read_jsonl(entities)) if entities else {}
    result = score(rows, records, aliases).as_dict()
    if as_json:
        _echo_json(result)
    else:
        click.echo(report(result))


@cli.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@graph_option
def sparql(query: str, fmt: str, graph: Path | None) -> None:
    """Run a SPARQL query (text, or a file holding it) with the project's prefixes declared.

    \b
    Example:
      aigraph sparql 'SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek }'
    """
    from .query import sparql as run_sparql

    text = Path(query).read_text("utf-8") if Path(query).is_file() else query
    result = run_sparql(_store(graph), text)
    if isinstance(result, bool):
        click.echo(json.dumps({"boolean": result}) if fmt == "json" else str(result).lower())
        return
    names, rows = result
    if fmt == "json":
        _echo_json([dict(zip(names, r)) for r in rows])
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(_table(names, rows))


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _table(names: list[str], rows: list[list[str]]) -> str:
    """A plain text table, aligned for Chinese too."""
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


@cli.command()
@click.argument("name")
@graph_option
@output_options
def neighbors(name: str, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """List NAME's facts, grouped by relation, with direction (out / in). Any alias works.

    \b
    Example:
      aigraph neighbors DeepSeek
      aigraph neighbors 深度求索 --json
    """
    from .query import find_entity
    from .query import neighbors as find_neighbors

    store = _store(graph)
    entity = find_entity(store, name)
    found = find_neighbors(store, entity)
    if as_json:
        _echo_json({"entity": entity.name, "type": entity.type, "iri": entity.iri,
                    "facts": [{"direction": n.direction, "predicate": n.predicate, "entity": n.other.name,
                               "type": n.other.type, "confidence": n.confidence, "support": n.support}
                              for n in found]})
        return
    click.echo(f"{entity.name} ({entity.type})")
    if not found:
        click.echo("  no facts")
    current = None
    for n in found:
        if n.predicate != current:
            current = n.predicate
            click.echo(f"  {current}")
        arrow = "->" if n.direction == "out" else "<-"
        click.echo(f"    {arrow} {n.other.name} ({n.other.type}) [{n.direction}]")


@cli.command()
@click.argument("name", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write (default: <graph>/aigraph.html, or <name>.html for a neighbourhood).")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Hops around NAME.")
@graph_option
@output_options
def html(name: str | None, output: Path | None, depth: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Write an interactive HTML view of the graph, or of NAME's neighbourhood (works offline).

    \b
    Example:
      aigraph html DeepSeek -o deepseek.html
    """
    from .query import find_entity
    from .store import graph_dir
    from .views import graph_data, neighbourhood, write_html

    store = _store(graph)
    nodes, edges = graph_data(store)
    title = "aigraph: the AI industry graph"
    if name:
        entity = find_entity(store, name)
        nodes, edges = neighbourhood(nodes, edges, entity, depth)
        title = f"aigraph: {entity.name}"
        output = output or Path(f"{_safe_filename(entity.name)}.html")
    output = output or graph_dir(graph) / "aigraph.html"
    write_html(nodes, edges, output, title)
    if as_json:
        _echo_json({"output": str(output), "nodes": len(nodes), "edges": len(edges)})
    elif not quiet:
        click.echo(f"{len(nodes)} entities, {len(edges)} facts -> {output}")


def _safe_filename(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._") or "entity"


@cli.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL 1.1 Update endpoint (update) or Graph Store Protocol endpoint (gsp).")
@click.option("--protocol", type=click.Choice(["update", "gsp"]), default="update", show_default=True,
              help="SPARQL Update (INSERT DATA) or the Graph Store Protocol (PUT/POST of N-Triples).")
@click.option("--default-graph", metavar="IRI", default=None,
              help="Named graph for the default graph's triples (for stores without a writable default graph).")
@click.option("--user", default=None, help="User name for HTTP basic or digest authentication.")
@click.option("--password", default=None, envvar="AIGRAPH_PUSH_PASSWORD",
              help="Password (or $AIGRAPH_PUSH_PASSWORD).")
@click.option("--batch", type=click.IntRange(1), default=2000, show_default=True, help="Triples per request.")
@click.option("--append", is_flag=True, help="Add to the graphs in the store instead of replacing them.")
@graph_option
@output_options
def push(endpoint: str, protocol: str, default_graph: str | None, user: str | None, password: str | None,
         batch: int, append: bool, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Load the graph (every named graph, the default graph and the ontology) into an external SPARQL store.

    Each graph pushed replaces the graph of the same name there, so pushing twice changes nothing.

    \b
    Example:
      aigraph push --endpoint http://localhost:8890/sparql --default-graph https://aigraph.dev/graph/default
      aigraph push --endpoint http://localhost:3030/ds/data --protocol gsp
    """
    from .progress import ProgressBar
    from .push import push as send

    progress = None if (quiet or as_json) else ProgressBar()
    report = send(_store(graph), endpoint, protocol, default_graph, user, password, batch, not append, progress)
    if as_json:
        _echo_json(report.__dict__)
    elif not quiet:
        click.echo(f"{report.triples} triples in {report.graphs} graphs -> {endpoint} "
                   f"({report.requests} requests, {protocol})")


def _progress_bar():
    from .progress import ProgressBar

    return ProgressBar()


@functools.cache
def command_names() -> list[str]:
    """Names of every command (the README and help tests walk them)."""
    return sorted(cli.commands)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
