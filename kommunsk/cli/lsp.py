"""`kommunsk lsp`: the language server for editors (LSP over standard input and output)."""

from __future__ import annotations

import click

from kommunsk.cli.options import EXIT_CLEAN
from kommunsk.lsp.server import run


@click.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Tal LSP over standard input og output (det eneste, serveren kan; mange editorer sender flaget).",
)
def lsp(stdio: bool) -> int:
    """Start kommunsk som sprogserver (LSP) for editorer: VS Code, Neovim, Helix, Zed, Emacs.

    Markerer forretningssprog i Markdown, tekst og reStructuredText, mens du skriver,
    forklarer ordet, når du holder musen over det, og retter det med en kodehandling.
    Projektets [tool.kommunsk], .kommunsk.toml eller .kommunsk.yaml gælder; editorens
    indstilling kommunsk.municipality vælger kommunen. Opsætning: docs/lsp.md.

    \b
    Eksempel (editoren starter kommandoen selv):
      kommunsk lsp
    """
    run()
    return EXIT_CLEAN
