"""The library face: `build` a graph from files and folders, `Graph.open` one to ask it questions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from aigraph.errors import InputError

# not typing.TYPE_CHECKING: importing typing costs a lookup ~2.5 ms (type checkers go by the name)
TYPE_CHECKING = False
if TYPE_CHECKING:  # the heavy parts load when a method needs them
    from pyoxigraph import Store

    from aigraph.ingest.reader import Source
    from aigraph.pipeline.build import BuildReport
    from aigraph.pipeline.update import UpdateReport
    from aigraph.query.card import Card
    from aigraph.query.changes import Changes
    from aigraph.query.conflicts import Conflict
    from aigraph.query.diff import Diff
    from aigraph.query.lookup import EntityRef, Neighbor
    from aigraph.query.search import Hit
    from aigraph.query.stats import Stats
    from aigraph.query.timeline import Window
    from aigraph.views.metrics import Measures

PathLike = str | os.PathLike


def sources_of(sources: PathLike | Iterable[PathLike], out: PathLike | None = None) -> list[Source]:
    """The readable files named by `sources` (files, and folders searched recursively, graph folders and
    `out` left out), each with its document id; none is an error."""
    from aigraph.graph.store import is_graph_folder
    from aigraph.ingest.reader import find_sources

    given = [sources] if isinstance(sources, (str, os.PathLike)) else list(sources)
    own = os.path.realpath(out) if out is not None and str(out) else None
    files = find_sources(given, lambda d: is_graph_folder(d) or (own is not None and os.path.realpath(d) == own))
    if not files:
        raise InputError(f"No .txt, .md or .html files in {', '.join(map(str, given)) or 'the sources given'}.")
    return files


def build(sources: PathLike | Iterable[PathLike], out: PathLike = "exports", *, threshold: float = 0.5,
          validate: bool = True, jobs: int = 1, strict: bool = False, engine: str = "local",
          scheduler: str | None = None, parts: int = 0, progress: Callable | None = None) -> BuildReport:
    """Build the graph of `sources` (files and folders) into the folder `out`: store, exports, views.

    The graph is checked against the SHACL shapes first (`validate`); `out` is replaced as a whole only
    when the build succeeds. `jobs` processes extract in parallel (the output is the same for any
    number); `strict` makes an unreadable file an error instead of a skip. Returns what was built."""
    from aigraph.pipeline.build import build as run_build
    from aigraph.pipeline.build import out_folder

    return run_build(sources_of(sources, out_folder(out)), out, threshold=threshold, progress=progress, validate=validate,
                     jobs=jobs, strict=strict, engine="dask" if scheduler else engine, scheduler=scheduler,
                     parts=parts)


class Neighbors(tuple):
    """An entity's facts (`Neighbor` records), printed as `aigraph neighbors` prints them."""

    entity: EntityRef

    def __new__(cls, entity: EntityRef, found: Iterable[Neighbor]) -> Neighbors:
        self = super().__new__(cls, found)
        self.entity = entity
        return self

    def __str__(self) -> str:
        from aigraph.query.format import neighbors_text

        return neighbors_text(self.entity, list(self))

    def _repr_pretty_(self, p, cycle: bool) -> None:  # IPython and Jupyter
        p.text(str(self))


class Graph:
    """A graph folder written by `build`: ask it questions, add and remove documents.

        >>> g = Graph.open("exports")
        >>> print(g.neighbors("DeepSeek"))
    """

    def __init__(self, path: PathLike = "exports") -> None:
        self.folder = Path(path)
        """The graph folder."""
        self._store: Store | None = None
        self._nx = None

    @classmethod
    def open(cls, path: PathLike = "exports") -> Graph:
        """Open a built graph for reading; a folder without one raises StoreError saying why."""
        g = cls(path)
        g.store  # noqa: B018  (fail now, not at the first question)
        return g

    @property
    def store(self) -> Store:
        """The pyoxigraph store, opened read-only on first use."""
        if self._store is None:
            from aigraph.graph.store import open_store

            self._store = open_store(self.folder)
        return self._store

    def close(self) -> None:
        """Let go of the store (a writer can then swap in a new one)."""
        self._store = self._nx = None

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Graph({str(self.folder)!r})"

    # ---------------------------------------------------------------- lookups

    def entity(self, name: str | EntityRef, type: str | None = None) -> EntityRef:
        """The entity a name means: any alias, any case, spacing or script; `Name (Type)` or an ent: IRI
        picks one of several. Unknown and ambiguous names raise UnknownEntity / AmbiguousEntity."""
        from aigraph.graph.nameindex import NAMES
        from aigraph.query.lookup import EntityRef, find_entity

        return name if isinstance(name, EntityRef) else find_entity(self.store, name, type, self.folder / NAMES)

    def neighbors(self, name: str | EntityRef, depth: int = 1, types: Iterable[str] = (),
                  relations: Iterable[str] = (), evidence: bool = False, since: str | None = None,
                  until: str | None = None, by: str = "document") -> Neighbors:
        """The facts around an entity out to `depth` hops, each once; `types` and `relations` keep only
        some (the walk goes on through those); `evidence` adds the sentences behind each fact. `since`
        and `until` (`2024`, `2024-06`, `2024-06-01`, or `7d`, `3m` back from today) keep the facts
        stated in that window (`by="document"`: their documents' dates) or happening in it
        (`by="event"`: the dates their sentences give), with the sentences that put them there."""
        from aigraph.query.lookup import neighbors

        entity = self.entity(name)
        w = window(since, until, by)
        if w is None:  # no window: the timeline module (and datetime) stays unloaded
            keep = None
        else:
            from aigraph.query.timeline import keep_in

            keep = keep_in(self.store, w)
        found = neighbors(self.store, entity, depth, tuple(types), tuple(relations), evidence, keep)
        return Neighbors(entity, keep.trim(found) if keep is not None else found)

    def card(self, name: str | EntityRef, since: str | None = None, until: str | None = None,
             by: str = "document") -> Card:
        """Everything about one entity: aliases, degree and rank, facts with amounts and dates (when first
        and last stated, when they happened), the conflicts it takes part in, documents; `since`, `until`
        and `by` draw it for a time window (as `neighbors`)."""
        from aigraph.query.card import card

        return card(self.store, self.entity(name), window(since, until, by))

    def changes(self, since: str | None = None, until: str | None = None) -> Changes:
        """The entities, facts and funding rounds first stated in a window (by their documents' dates),
        grouped by type and relation: what is new since a date."""
        from aigraph.query.changes import changes

        w = window(since, until)
        if not w:
            raise InputError("Give a date to look from (since) or up to (until), e.g. since='2024-06-01'.",
                             "Give --since DATE or --until DATE, e.g. --since 2024-06-01.")
        return changes(self.store, w)

    def conflicts(self, name: str | EntityRef | None = None, on: str | None = None) -> list[Conflict]:
        """Where sources disagree: a funding round stated with different amounts or valuations, a model
        attributed to different developers; every claim with its sentences. `name` keeps those an
        entity takes part in, `on` those on `amount`, `valuation` or `developer`."""
        from aigraph.query.conflicts import ON, conflicts

        if on is not None and on not in ON:
            raise InputError(f"Conflicts are on {', '.join(ON)}, not {on!r}.")
        return conflicts(self.store, self.entity(name) if name is not None else None, on)

    def search(self, text: str, type: str | None = None, limit: int = 10) -> list[Hit]:
        """Entities whose names or aliases look like `text`, best first."""
        from aigraph.query.search import search

        return search(self.store, text, type, limit)

    def query(self, query: str, source: str | None = None, **bindings):
        """Run a read-only SPARQL query as pyoxigraph gives it (solutions, a boolean or triples), with
        the project's prefixes declared and `bindings` bound to its variables (never pasted into it)."""
        from aigraph.query.sparql import execute

        return execute(self.store, query, source, **{k: _term(v) for k, v in bindings.items()})

    def sparql(self, query: str, **bindings) -> list[dict[str, str | None]] | bool | list:
        """Run a read-only SPARQL query: SELECT gives a list of dicts (variable -> value), ASK a bool,
        CONSTRUCT and DESCRIBE a list of triples. Values in `bindings` are bound, never pasted: an
        EntityRef binds its IRI, a string a plain literal; a bound variable must be in the SELECT clause
        (pyoxigraph's rule)."""
        from aigraph.query.sparql import as_python

        return as_python(self.query(query, **bindings))

    def stats(self) -> Stats:
        """Counts: documents, entities by type, facts by predicate, evidence, funding rounds."""
        from aigraph.query.stats import stats

        return stats(self.store)

    def validate(self) -> list:
        """Violations of the SHACL shapes (ontology/shapes.ttl); an empty list when the graph conforms."""
        from aigraph.graph.validate import validate_store

        return validate_store(self.store)

    # ---------------------------------------------------------------- views

    def to_networkx(self, evidence: bool = False):
        """The graph as a networkx MultiDiGraph: entity IRIs as nodes, facts as edges keyed by predicate."""
        from aigraph.views.netgraph import to_networkx

        if evidence:
            return to_networkx(self.store, evidence=True)
        if self._nx is None:
            self._nx = to_networkx(self.store)
        return self._nx

    def path(self, source: str | EntityRef, target: str | EntityRef, limit: int = 5) -> list[tuple]:
        """Up to `limit` shortest connections between two entities (any alias): tuples of `Hop`s, each
        with the relation and its direction."""
        from aigraph.views.paths import shortest_paths

        a, b = self.entity(source), self.entity(target)
        return shortest_paths(self.to_networkx(), a.iri, b.iri, limit)

    def analyse(self, out: PathLike | None = None, top: int = 10, progress: Callable | None = None
                ) -> tuple[Measures, list[Path]]:
        """Centralities, communities, cores, components, statistics and trend pairs; writes analysis.json,
        its CSV tables and the pictures into `out` (default: the graph folder)."""
        from aigraph.views.stages import measure_into

        return measure_into(self.to_networkx(), Path(out) if out is not None else self.folder, top, progress)

    def html(self, output: PathLike | None = None, name: str | None = None, community: int | None = None,
             depth: int = 1, max_nodes: int | None = None, funding: bool = False, since: str | None = None,
             until: str | None = None, by: str = "document") -> tuple[Path, dict]:
        """Write an offline HTML view: the whole graph, `name`'s page (its neighbourhood, `depth` hops,
        with its card), one community, or with `funding` the funding rounds; `output` defaults to
        aigraph.html / funding.html in the graph folder, else <name>.html / community-<N>.html in the
        current folder. `since`, `until` and `by` draw only the facts of a time window (as `neighbors`),
        for the whole graph or a community. Returns (file, what it drew)."""
        from aigraph.errors import AigraphError

        if sum(x is not None and x is not False for x in (name, community, funding or None)) > 1:
            raise AigraphError("Give a name, a community or funding, not two of them.",
                               "Give NAME, --community or --funding, not two of them.")
        w = window(since, until, by)
        if w and (name or funding):
            raise AigraphError("A time window draws the whole graph or a community, not an entity's page or "
                               "the funding view.", "--since/--until draw the whole graph or a --community, "
                               "not NAME's page or --funding.")
        if funding:
            from aigraph.views.funding import FUNDING_HTML, write_funding_page
            from aigraph.views.funding_data import read_rounds

            target = Path(output) if output is not None else self.folder / FUNDING_HTML
            return target, write_funding_page(read_rounds(self.store), target)
        if name:
            from aigraph.views.entity_page import write_entity_page

            return write_entity_page(self.store, name, output, depth)
        from aigraph.views.html import MAX_NODES, scope, write_view

        view = scope(self.store, community, w)
        file_name, title = view.file_name, view.title
        if w:  # a window's page beside the others, named by it: aigraph-since-2024-06-01.html
            file_name = file_name.removesuffix(".html") + "-" + w.describe().split(" ", 1)[1].replace(" ", "-") \
                + ("-events" if w.by == "event" else "") + ".html"
            title = f"{title} ({w.describe()})"
        whole = community is None and not w
        target = Path(output) if output is not None else (self.folder if whole else Path()) / file_name
        return target, write_view(view.graph, target, title, view.metrics, max_nodes or MAX_NODES)

    # ---------------------------------------------------------------- changes

    def add(self, sources: PathLike | Iterable[PathLike], validate: bool = True,
            progress: Callable | None = None, exports: bool = False) -> UpdateReport:
        """Read new documents (files and folders) into the graph; the others are not read again, and the
        cost follows the documents changed. The store is then the one a full build of all the documents
        gives; the export files are rewritten too with `exports`, else marked stale (see `export`)."""
        from aigraph.pipeline.update import add

        files = sources_of(sources, self.folder)
        self.close()
        return add(files, self.folder, progress=progress, validate=validate, exports=exports)

    def remove(self, documents: str | Iterable[str], validate: bool = True,
               progress: Callable | None = None, exports: bool = False) -> UpdateReport:
        """Take documents out of the graph by id, file name or content hash; facts others state stay.
        The export files are rewritten with `exports`, else marked stale (see `export`)."""
        from aigraph.pipeline.update import remove

        self.close()
        return remove([documents] if isinstance(documents, str) else list(documents), self.folder,
                      progress=progress, validate=validate, exports=exports)

    def export(self) -> list[Path]:
        """Rewrite the export files (RDF, CSV, GraphML, HTML, analyses, pictures) from the store, as a full
        build writes them: after `add` or `remove`, which leave them stale. Returns the files written."""
        from aigraph.atomic import writer_lock
        from aigraph.pipeline.commit import FILES, export

        self.store  # noqa: B018  (a folder without a graph fails here, saying why)
        self.close()
        with writer_lock(self.folder):
            export(self.folder)
        return [self.folder / f for f in FILES]

    def push(self, endpoint: str, protocol: str = "update", default_graph: str | None = None,
             user: str | None = None, password: str | None = None, batch: int = 2000, replace: bool = True,
             progress: Callable | None = None):
        """Load the graph into an external SPARQL 1.1 store (SPARQL Update or the Graph Store Protocol)."""
        from aigraph.scale.push import push

        return push(self.store, endpoint, protocol, default_graph, user, password, batch, replace, progress)


def window(since: str | None = None, until: str | None = None, by: str = "document") -> Window | None:
    """A time window from dates as users type them (`2024-06-01`, `2024-06`, `7d`); None when neither
    end is given."""
    if since is None and until is None:
        return None
    from aigraph.query.timeline import Window, parse_date

    return Window(parse_date(since, "since") if since is not None else None,
                  parse_date(until, "until") if until is not None else None, by)


def diff(old: PathLike | Graph, new: PathLike | Graph, patch: PathLike | None = None) -> Diff:
    """Two builds compared (graph folders, or open Graphs): documents, entities, facts, funding rounds and
    conflicts added and removed, and the attributes that changed. With `patch` (a folder), the
    difference is also written as an RDF patch: `added.nq` and `removed.nq`."""
    from aigraph.query.diff import diff_stores, write_patch

    a = old if isinstance(old, Graph) else Graph.open(old)
    b = new if isinstance(new, Graph) else Graph.open(new)
    result = diff_stores(a.store, b.store)
    if patch is not None:
        write_patch(a.store, b.store, Path(patch))
    return result


def _term(value):
    """A value to bind: an EntityRef as its IRI, a plain string as a literal, an RDF term as it is."""
    from pyoxigraph import Literal, NamedNode

    from aigraph.query.lookup import EntityRef

    if isinstance(value, EntityRef):
        return NamedNode(value.iri)
    if isinstance(value, str):
        return Literal(value)
    return value
