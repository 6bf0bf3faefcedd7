"""SPARQL as users type it: any read query run on the store, answers as readable terms."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, Store

from aigraph.errors import AigraphError
from aigraph.graph.store import run
from aigraph.query.guard import check_read_only
from aigraph.vocab import compact


def execute(store: Store, query: str, source: str | None = None, **bindings):
    """Run any read query (SELECT, ASK, CONSTRUCT, DESCRIBE) as typed, with `bindings` bound to its
    variables; updates and SERVICE are refused. A syntax error says where (line and column of `query`,
    in `source` when it came from a file)."""
    check_read_only(query)
    try:
        return run(store, query, **bindings)
    except SyntaxError as exc:
        from aigraph.query.syntax import syntax_message

        raise AigraphError(syntax_message(exc, query, source)) from exc
    except RuntimeError as exc:
        # pyoxigraph binds a value only to a variable the query selects
        if bindings and "SELECT projection" in str(exc):
            names = " ".join(f"?{k}" for k in sorted(bindings))
            raise AigraphError(f"{source or 'The query'} does not select {names}: a value can only be bound to a "
                               "variable of the SELECT clause.") from exc
        raise


def as_python(result) -> list[dict[str, str | None]] | bool | list:
    """A result as plain data: SELECT gives one dict per row (variable -> the term's value: full IRIs,
    literals' lexical forms, None when unbound), ASK a bool, CONSTRUCT and DESCRIBE a list of triples."""
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, QuerySolutions):
        names = [v.value for v in result.variables]
        return [{n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in result]
    return list(result)


def show_term(term) -> str:
    """A term as people read it: literals by value, IRIs with the project's prefixes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return compact(term.value)
    return str(term)
