"""`kommunsk serve`: the web page, the glossary pages, a JSON API and LanguageTool's HTTP API.

Built on Starlette (the application) and uvicorn (the server); see docs/server.md.
The command line imports this package only when `kommunsk serve` runs.
"""
