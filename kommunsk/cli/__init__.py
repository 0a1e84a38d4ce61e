"""The `kommunsk` command line: a thin click layer over the library, one module per command."""

from kommunsk.cli.main import cli, main

__all__ = ["cli", "main"]
