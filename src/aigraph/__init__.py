"""aigraph: a knowledge graph of the AI industry, read from reports and news."""

__version__ = "0.1.0"
