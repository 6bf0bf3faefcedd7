"""The graph: linking, IRIs and RDF, the on-disk store, the document cache, validation and exports."""
