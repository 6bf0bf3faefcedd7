"""A plain rdflib-based SPARQL endpoint, the peer the benchmarks compare `aigraph serve` with.

    python bench/rdflib_endpoint.py GRAPH.nq PORT

The graph is read into an in-memory rdflib Dataset (union of graphs as default graph); POSTed form
queries are answered as SPARQL JSON by a threaded http.server, as small rdflib endpoints are written.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import rdflib

from aigraph.vocab import prefixes


def main() -> None:
    path, port = sys.argv[1], int(sys.argv[2])
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="nquads")
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes().items())

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            query = parse_qs(body)["query"][0]
            data = ds.query(head + query).serialize(format="json")
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
