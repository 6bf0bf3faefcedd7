"""The SPARQL endpoint and the pages served beside it: HTTP, the Protocol, query worker processes."""
