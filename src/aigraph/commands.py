"""The `aigraph` commands (click): parse arguments, call the library, format the answer."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from aigraph.api import Graph
from aigraph.api import build as build_graph
from aigraph.errors import AigraphError
from aigraph.query.results import FORMATS as SPARQL_FORMATS
from aigraph.quick import ENV_VAR, also_note, neighbors_answer, window_note
from aigraph.quick import graph_dir as _graph_dir
from aigraph.quick import split as _split


class Group(click.Group):
    """Turns AigraphError into a one-line message and exit status 1; other errors propagate."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AigraphError as exc:
            raise click.ClickException(exc.cli_message()) from exc


def graph_option(f):
    """--graph DIR: where the built graph lives."""
    return click.option(
        "--graph", "graph", type=click.Path(path_type=Path), default=None, callback=_graph_folder,
        help="Graph folder written by `aigraph build` (default: $AIGRAPH_GRAPH, else ./exports).",
    )(f)


def _graph_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    # one line, exit status 1, like the other graph-folder errors (click's own check prints the usage too)
    if value is not None and value.is_file():
        raise click.ClickException(f"--graph {value} is a file: give the folder `aigraph build` wrote "
                                   "(the one holding store/).")
    return value


def output_options(f):
    """--json and --quiet, for scripts."""
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)
    f = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (and the result).")(f)
    return f


def window_options(f):
    """--since, --until and --by: a time window on the facts."""
    f = click.option("--by", type=click.Choice(["document", "event"]), default="document", show_default=True,
                     help="Read the window against the dates of the documents stating a fact (document) or "
                          "the dates its sentences give for it (event).")(f)
    f = click.option("--until", metavar="DATE", default=None,
                     help="Only facts stated (or, with --by event, happening) up to DATE (inclusive).")(f)
    f = click.option("--since", metavar="DATE", default=None,
                     help="Only facts stated (or, with --by event, happening) on or after DATE: 2024, "
                          "2024-06, 2024-06-01, or 7d, 2w, 3m, 1y back from today.")(f)
    return f


__all__ = ["ENV_VAR", "cli", "command_names", "graph_dir"]


def graph_dir(option: Path | None) -> Path:
    """Where the graph lives: the --graph option, else $AIGRAPH_GRAPH, else ./exports."""
    return Path(_graph_dir(option))


def _graph(option: Path | None) -> Graph:
    """The graph the --graph option names, opened for reading."""
    return Graph.open(graph_dir(option))




def _echo_json(data) -> None:
    import json  # here, not at the top: lookups without --json start ~3 ms sooner

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
@click.option("--out", "out", type=click.Path(), default="exports",
              show_default=True, help="Folder for the store and the exports (a new folder, or one a build wrote).")
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
def build(sources: tuple[Path, ...], out: str, threshold: float, no_validate: bool, jobs: int, strict: bool,
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
    import gc

    from aigraph.scale.workers import default_jobs

    # a build allocates millions of objects that live until it ends (pipeline, readings, quads): with
    # the default thresholds the cyclic collector runs about 700 times and takes 8% of a seed build
    gc.set_threshold(50_000, 20, 20)
    progress = None if (quiet or as_json) else _progress_bar()
    report = build_graph(sources or (Path("seeds"),), out, threshold=threshold, progress=progress,
                         validate=not no_validate, jobs=jobs or default_jobs(), strict=strict, engine=engine,
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
@click.option("--export", "export_files", is_flag=True,
              help="Rewrite the export files too (otherwise they are marked stale: see `aigraph export`).")
@output_options
def add(files: tuple[Path, ...], graph: Path | None, no_validate: bool, export_files: bool, quiet: bool,
        as_json: bool) -> None:
    """Read FILES (or folders) into the graph; the documents already there are not read again.

    A file whose content is already in the graph changes nothing; a file with the id of a
    document in the graph (its path in the folder it was built from) replaces it. The store is
    then the one a full build of all the documents gives, and the cost follows the documents
    changed; the export files (Turtle, CSV, HTML, ...) are rewritten by --export or `aigraph export`.

    \b
    Example:
      aigraph add news/2025-01-20-deepseek.txt --graph exports
    """
    progress = None if (quiet or as_json) else _progress_bar()
    _update_output(Graph(graph_dir(graph)).add(files, validate=not no_validate, progress=progress,
                                               exports=export_files), quiet, as_json)


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@graph_option
@click.option("--no-validate", "no_validate", is_flag=True, help="Write the graph even if it breaks the SHACL shapes.")
@click.option("--export", "export_files", is_flag=True,
              help="Rewrite the export files too (otherwise they are marked stale: see `aigraph export`).")
@output_options
def remove(documents: tuple[str, ...], graph: Path | None, no_validate: bool, export_files: bool, quiet: bool,
           as_json: bool) -> None:
    """Take DOCUMENTS out of the graph (by file name or content hash); facts that other
    documents also state stay, with their support counts lowered.

    \b
    Example:
      aigraph remove 003_066453869a5c638a.txt --graph exports
      aigraph remove doc:600afaf6bb224934
    """
    progress = None if (quiet or as_json) else _progress_bar()
    _update_output(Graph(graph_dir(graph)).remove(documents, validate=not no_validate, progress=progress,
                                                  exports=export_files), quiet, as_json)


@cli.command()
@graph_option
@output_options
def export(graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Rewrite the export files (RDF, CSV, GraphML, HTML, analyses, pictures) from the store, as a full
    build writes them: `add` and `remove` change the store and leave them stale.

    \b
    Example:
      aigraph add news/ --graph exports && aigraph export --graph exports
    """
    files = Graph(graph_dir(graph)).export()
    if as_json:
        _echo_json({"written": [str(f) for f in files]})
    elif not quiet:
        click.echo(f"wrote {len(files)} files in {graph_dir(graph)}/")


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
        if report.exports_stale:
            click.echo(f"the export files in {report.out}/ are now stale: `aigraph export --graph {report.out}` "
                       "rewrites them", err=True)
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
    violations = _graph(graph).validate()
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
    result = _graph(graph).stats()
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
    from aigraph.extraction.jsonl import THRESHOLD, analysis_record, read_jsonl_sentences, write_jsonl
    from aigraph.extraction.nlp import build_nlp
    from aigraph.extraction.nlp import extract as read_sentences

    sentences = read_jsonl_sentences(jsonl)
    cut = 0.0 if show_all else THRESHOLD if threshold is None else threshold
    results = read_sentences(build_nlp(), sentences)
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
    from aigraph.extraction.evaluate import alias_table, read_jsonl, report, score
    from aigraph.extraction.jsonl import THRESHOLD, analysis_record, write_jsonl
    from aigraph.extraction.nlp import build_nlp, extract
    from aigraph.model import Sentence

    rows = read_jsonl(gold)
    sentences = [Sentence(str(r.get("doc", "")), i, str(r.get("sent", "")), ((0, len(str(r.get("sent", "")))),))
                 for i, r in enumerate(rows)]
    records = [analysis_record(a, 0.0 if show_all else THRESHOLD) for a in extract(build_nlp(), sentences)]
    if predictions:
        write_jsonl(records, predictions)
    aliases = alias_table(read_jsonl(entities)) if entities else {}
    result = score(rows, records, aliases).as_dict()
    if as_json:
        _echo_json(result)
    else:
        click.echo(report(result))


@cli.command()
@click.argument("query", required=False)
@click.option("--name", "-n", "query_name", default=None, help="Run a query shipped with aigraph (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
@click.option("--format", "fmt", type=click.Choice(SPARQL_FORMATS), default="table", show_default=True,
              help="table, csv, tsv, json (rows as objects), sparql-json / sparql-xml (the standard result "
                   "formats), turtle / ntriples (CONSTRUCT and DESCRIBE).")
@click.option("--since", metavar="DATE", default=None,
              help="Bind ?since to DATE (ISO, as the dated shipped queries compare it; the query must select ?since).")
@click.option("--until", metavar="DATE", default=None,
              help="Bind ?until to DATE (likewise).")
@graph_option
def sparql(query: str | None, query_name: str | None, list_queries: bool, fmt: str, since: str | None,
           until: str | None, graph: Path | None) -> None:
    """Run a SPARQL query (text, a file holding it, or --name NAME) with the project's prefixes declared.

    Read-only: updates and SERVICE calls are refused. --since and --until bind ?since and ?until
    (the dated shipped queries, such as funding-by-month and facts-by-date, filter on them).

    \b
    Example:
      aigraph sparql 'SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek }'
      aigraph sparql --list
      aigraph sparql --name funding-rounds --format csv
      aigraph sparql --name funding-by-month --since 2024-01 --until 2024-06
    """
    from aigraph.query.shipped import named_query, shipped

    if list_queries:
        width = max(map(len, shipped()))
        for name, (about, _) in shipped().items():
            click.echo(f"{name:{width}s}  {about}")
        return
    if (query is None) == (query_name is None):
        raise click.UsageError("Give a QUERY (text or file) or --name NAME (one of `aigraph sparql --list`).")
    from aigraph.query.results import render

    source = None
    if query_name:
        text, source = named_query(query_name), f"--name {query_name}"
    elif _is_file(query):
        text, source = Path(query).read_text("utf-8"), query
    else:
        text = query
    # a shipped query's window variables are its parameters, not columns worth reading
    drop = ("since", "until") if query_name else ()
    click.echo(render(_graph(graph).query(text, source, **_bound_window(since, until)), fmt, drop), nl=False)


def _bound_window(since: str | None, until: str | None) -> dict:
    """?since and ?until as literals of the dates given (checked and put in ISO form first)."""
    from pyoxigraph import Literal

    from aigraph.query.timeline import parse_date

    out = {}
    for key, value in (("since", since), ("until", until)):
        if value is not None:
            out[key] = Literal(parse_date(value, f"--{key}"))
    return out


def _width(s: str) -> int:
    from aigraph.query.results import width

    return width(s)


def _is_file(arg: str) -> bool:
    try:
        return len(arg) < 4096 and "\n" not in arg and Path(arg).is_file()
    except OSError:
        return False


@cli.command()
@click.argument("name")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Hops around NAME.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only facts whose other end is of this type (Company, Investor, Model, Chip, Product, Person, "
                   "Trend); repeat or use commas for several.")
@click.option("--relation", "relations", multiple=True, metavar="RELATION",
              help="Only facts with this relation (developedBy, investedIn, ...); repeat or use commas for several.")
@click.option("--evidence", is_flag=True, help="Show the sentences each fact was read from, with document and position.")
@window_options
@graph_option
@output_options
def neighbors(name: str, depth: int, types: tuple[str, ...], relations: tuple[str, ...], evidence: bool,
              since: str | None, until: str | None, by: str, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """List NAME's facts, grouped by relation, with direction (out / in). Any alias works.

    A name that fits several entities lists them to choose from; `Name (Type)` or an ent: IRI picks one.
    --since/--until keep the facts stated in a window (by the dates of their documents), or with
    --by event those whose sentences say they happened in it; --evidence then shows the sentences
    that put them there.

    \b
    Example:
      aigraph neighbors DeepSeek
      aigraph neighbors 'deep seek' --depth 2 --type Model --json
      aigraph neighbors DeepSeek-R1 --relation developedBy --evidence
      aigraph neighbors OpenAI --relation investedIn --since 2024-03 --by event
    """
    # the same answer `aigraph neighbors` gives without click (aigraph.cli), printed through click
    out, notes = neighbors_answer(graph_dir(graph), name, depth, _split(types), _split(relations), evidence, since,
                                  until, by, quiet, as_json)
    click.echo(out)
    for note in notes:
        click.echo(note, err=True)


def _window_note(since: str | None, until: str | None, by: str, quiet: bool) -> None:
    """Say on stderr which window the answer was drawn for (the dates as read)."""
    from aigraph.api import window

    note = window_note(window(since, until, by))
    if note and not quiet:
        click.echo(note, err=True)


@cli.command()
@click.argument("name")
@window_options
@graph_option
@output_options
def show(name: str, since: str | None, until: str | None, by: str, graph: Path | None, quiet: bool,
         as_json: bool) -> None:
    """Show NAME's card: type, canonical name and aliases, centrality rank, its facts with amounts and
    dates (when first and last stated, when they happened), the conflicts it takes part in (facts
    marked [conflict]), and the documents it appears in. --since/--until draw it for a time window.

    \b
    Example:
      aigraph show DeepSeek
      aigraph show Groq --json
      aigraph show OpenAI --since 2024-06-01
    """
    from aigraph.query.format import card_data, card_text

    c = _graph(graph).card(name, since, until, by)
    if as_json:
        _echo_json(card_data(c))
    else:
        click.echo(card_text(c))
        _window_note(since, until, by, quiet)
        _also_note(name, c.entity, quiet)


def _also_note(name: str, entity, quiet: bool) -> None:
    """Say on stderr which other entities the name could have meant (their alias lost to a canonical name)."""
    note = also_note(name, entity)
    if note and not quiet:
        click.echo(note, err=True)


@cli.command()
@click.argument("text")
@click.option("--type", "type_", default=None, metavar="TYPE", help="Only entities of this type.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="At most this many hits.")
@graph_option
@output_options
def search(text: str, type_: str | None, limit: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Fuzzy search over every name and alias in the graph (any script), best matches first.

    \b
    Example:
      aigraph search deep
      aigraph search 英伟 --type Company --json
    """
    from aigraph.query.format import hits_data, hits_text

    hits = _graph(graph).search(text, type_, limit)
    if as_json:
        _echo_json(hits_data(hits))
    else:
        click.echo(hits_text(text, hits))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=3030, show_default=True, help="Port (0: any free port).")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes answering requests (each runs a few queries at a time).")
@graph_option
@output_options
def serve(host: str, port: int, timeout: float, workers: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (/sparql), with a query page (/) and the graph
    view (/graph). Updates and SERVICE calls are refused; queries over --timeout are stopped.

    \b
    Example:
      aigraph serve --port 3030
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?m aig:developedBy ?c }' \\
           http://127.0.0.1:3030/sparql
    """
    import signal

    from aigraph.serve.endpoint import make_server

    endpoint = make_server(graph_dir(graph), host, port, timeout, workers, quiet=quiet or as_json)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the workers on `kill` too
    if as_json:
        _echo_json({"url": endpoint.url, "sparql": endpoint.url + "/sparql"})
    else:
        click.echo(f"SPARQL endpoint {endpoint.url}/sparql, query page {endpoint.url}/ (Ctrl-C stops)")
    sys.stdout.flush()
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.server_close()


@cli.command()
@click.argument("name", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write (default: <graph>/aigraph.html, <name>.html or community-<N>.html).")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Hops around NAME.")
@click.option("--community", type=click.IntRange(0), default=None,
              help="Show community N instead (ids as `aigraph analyse` prints them; 0 is the largest).")
@click.option("--max-nodes", type=click.IntRange(1), default=None,
              help="Show at most this many entities, the most central first (default 5000).")
@click.option("--funding", is_flag=True, help="The funding rounds instead: investors, companies, rounds over time.")
@window_options
@graph_option
@output_options
def html(name: str | None, output: Path | None, depth: int, community: int | None, max_nodes: int | None,
         funding: bool, since: str | None, until: str | None, by: str, graph: Path | None, quiet: bool,
         as_json: bool) -> None:
    """Write an interactive HTML view: the whole graph, NAME's page, one community or the funding rounds.

    Works offline. The whole graph opens fitted to the window, its communities as named clusters;
    node size is PageRank, colour and shape the type; the most central entities are labelled, the
    others as you zoom in; hover for aliases and the sentences a fact was read from; search any
    name; untick a type to hide it. NAME's page centres NAME with its card beside the graph.

    --since/--until draw only the facts of a time window (and the entities they link).

    \b
    Example:
      aigraph html DeepSeek -o deepseek.html
      aigraph html --community 0
      aigraph html --funding -o funding.html
      aigraph html --since 2024-06-01 -o since-june.html
    """
    # the whole graph's page and the funding page go beside the graph; the others into the current folder
    output, data = _graph(graph).html(output, name, community, depth, max_nodes, funding, since, until, by)
    if as_json:
        _echo_json({"output": str(output), **({k: data[k] for k in ("rounds", "companies", "investors")} if funding
                                              else {"nodes": len(data["nodes"]), "edges": len(data["edges"])})})
    elif not quiet:
        click.echo(f"{data['count']} -> {output}")


@cli.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for analysis.json, the CSV tables and the pictures (default: the graph folder).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Rows in each top list.")
@graph_option
@output_options
def analyse(out: Path | None, top: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Network analyses: centralities, communities, k-core, components, statistics, trend pairs.

    Writes analysis.json, analysis_entities.csv (every entity's metrics), analysis_trend_pairs.csv
    and the pictures graph.svg and top_entities.svg, then prints the tables.

    \b
    Example:
      aigraph analyse
      aigraph analyse --top 20 --json
    """
    from aigraph.views.text import analysis_text

    # steps on a terminal only: 100k entities take tens of seconds, the tables follow on stdout
    progress = _progress_bar() if not (quiet or as_json) and sys.stderr.isatty() else None
    result, files = _graph(graph).analyse(out, top, progress)
    if as_json:
        _echo_json(result.report)
    elif not quiet:
        click.echo(analysis_text(result.report))
        click.echo("\nwrote " + ", ".join(str(f) for f in files))


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("--max", "limit", type=click.IntRange(1), default=5, show_default=True,
              help="Show at most this many shortest paths.")
@graph_option
@output_options
def path(source: str, target: str, limit: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """The shortest connections between SOURCE and TARGET, with the relation and direction of every hop.

    \b
    Example:
      aigraph path DeepSeek-R1 NVIDIA
      aigraph path 深度求索 OpenAI --max 3 --json
    """
    from aigraph.views.text import paths_json, paths_text

    g = _graph(graph)
    a, b = g.entity(source), g.entity(target)
    found = g.path(a, b, limit)
    if as_json:
        _echo_json(paths_json(g.to_networkx(), a, b, found))
    elif not quiet:
        click.echo(paths_text(g.to_networkx(), a, b, found))


@cli.command()
@click.option("--since", metavar="DATE", default=None,
              help="First day: 2024, 2024-06, 2024-06-01, or 7d, 2w, 3m, 1y back from today.")
@click.option("--until", metavar="DATE", default=None, help="Last day (inclusive).")
@click.option("--limit", type=click.IntRange(0), default=10, show_default=True,
              help="Lines shown per group (0: all); --json gives everything.")
@graph_option
@output_options
def changes(since: str | None, until: str | None, limit: int, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """What is new: the entities, facts and funding rounds first stated since a date (no document
    dated earlier states them), grouped by entity type and relation, by the dates of their documents.

    \b
    Example:
      aigraph changes --since 2024-06-01
      aigraph changes --since 2024-01 --until 2024-03 --json
      aigraph changes --since 7d
    """
    from aigraph.query.changes import changes_data, changes_text

    found = _graph(graph).changes(since, until)
    if as_json:
        _echo_json(changes_data(found))
    elif not quiet:
        click.echo(changes_text(found, limit))


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--patch", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write the difference as an RDF patch into this folder: added.nq and removed.nq.")
@click.option("--limit", type=click.IntRange(0), default=10, show_default=True,
              help="Items shown per list (0: all); --json gives everything.")
@output_options
def diff(old: Path, new: Path, patch: Path | None, limit: int, quiet: bool, as_json: bool) -> None:
    """Compare two graph folders: documents, entities, facts, funding rounds and conflicts added and
    removed, and what changed (an entity's type, label or aliases; a fact's confidence or support; a
    round's investors, valuation or name). Exit status 0 either way.

    \b
    Example:
      aigraph diff last-week/ exports/
      aigraph diff old/ new/ --json
      aigraph diff old/ new/ --patch patch/    # patch/added.nq, patch/removed.nq
    """
    from aigraph.api import diff as compare
    from aigraph.query.diff import diff_data, diff_text

    result = compare(old, new, patch)
    if as_json:
        _echo_json(diff_data(result) | ({"patch": str(patch)} if patch else {}))
        return
    if not quiet:
        click.echo(diff_text(result, str(old), str(new), limit))
        if patch:
            click.echo(f"\nwrote {patch / 'added.nq'} and {patch / 'removed.nq'}")


@cli.command()
@click.argument("name", required=False)
@click.option("--on", "on", type=click.Choice(["amount", "valuation", "developer"]), default=None,
              help="Only disagreements on this.")
@graph_option
@output_options
def conflicts(name: str | None, on: str | None, graph: Path | None, quiet: bool, as_json: bool) -> None:
    """Where sources disagree: a funding round stated with different amounts or valuations, a model
    attributed to different developers. Every claim is listed with the sentences that make it, by
    document date. NAME keeps those the entity takes part in.

    \b
    Example:
      aigraph conflicts
      aigraph conflicts OpenAI --on valuation
      aigraph conflicts --json
    """
    from aigraph.query.conflicts import conflicts_data, conflicts_text

    found = _graph(graph).conflicts(name, on)
    if as_json:
        _echo_json(conflicts_data(found))
    elif not quiet:
        click.echo(conflicts_text(found))


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
    progress = None if (quiet or as_json) else _progress_bar()
    report = _graph(graph).push(endpoint, protocol, default_graph, user, password, batch, not append, progress)
    if as_json:
        _echo_json(report.__dict__)
    elif not quiet:
        click.echo(f"{report.triples} triples in {report.graphs} graphs -> {endpoint} "
                   f"({report.requests} requests, {protocol})")


def _progress_bar():
    from aigraph.progress import ProgressBar

    return ProgressBar()


@functools.cache
def command_names() -> list[str]:
    """Names of every command (the README and help tests walk them)."""
    return sorted(cli.commands)

