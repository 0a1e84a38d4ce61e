"""kommunsk as a language server: findings, explanations and fixes inside an editor.

`kommunsk lsp` runs `server.run`, which speaks the Language Server Protocol
over standard input and output (pygls). The parts that need no protocol are
kept apart so they can be tested without a client: `positions` (offsets to
LSP positions in the negotiated encoding), `buffers` (an editor buffer to
findings), `hover` (an explanation as Markdown), `actions` (fixes and the
ignore list), `settings` (the workspace's configuration). See docs/lsp.md.
"""
