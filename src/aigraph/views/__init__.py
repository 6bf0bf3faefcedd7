"""Views for people: the graph as NetworkX, network measures, paths, pictures and HTML pages."""
