"""Questions to a built graph: lookups, search, cards, SPARQL and its results."""
