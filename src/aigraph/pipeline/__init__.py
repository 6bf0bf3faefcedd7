"""The build: named stages in order, the one commit step, incremental add and remove."""
