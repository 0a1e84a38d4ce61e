"""The language server: buffers in, diagnostics, hovers and code actions out (pygls, over stdio).

A buffer is checked when it opens and when it is saved, and 300 ms after the
last change while the user types; a newer change cancels the check waiting
for it, and a result for a version that is no longer current is dropped. The
engine runs in one worker thread, so the protocol stays responsive and the
annotator is never used by two threads at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from kommunsk._version import __version__
from kommunsk.engine.annotator import Annotator
from kommunsk.engine.registry import annotator_for
from kommunsk.errors import KommunskError
from kommunsk.glossary.pages import page_url
from kommunsk.lsp import actions, hover, ignorelist, settings
from kommunsk.lsp.buffers import MAX_CHARS, Analysis, analyse, at, supported
from kommunsk.lsp.positions import UTF16, LineIndex
from kommunsk.readers.read import thousands

DEBOUNCE_SECONDS = 0.3
ISSUES = "https://github.com/kommunsk/kommunsk/issues"
T = TypeVar("T")


class KommunskServer(LanguageServer):
    """The server and what it remembers: the editor's settings and the last check of each buffer."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__(
            "kommunsk", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.debounce = debounce
        self.editor = settings.EditorSettings()
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.engines: dict[tuple[str, ...], Annotator] = {}
        self.told: set[str] = set()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kommunsk-check")

    # --- checking ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds, cancelling a check still waiting for the same buffer."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        await self.refresh(uri)

    async def refresh(self, uri: str) -> Analysis | None:
        """Check the buffer as it is now and publish its diagnostics (unless it changed meanwhile)."""
        document = self.document(uri)
        if document is None or not supported(document.language_id):
            return None
        version, text, language = document.version, document.source, document.language_id or ""
        if len(text) > MAX_CHARS:
            self.tell(f"{uri} er for stor til at blive tjekket (over {thousands(MAX_CHARS)} tegn)")
            self._publish(uri, version, [])
            return None
        try:
            analysis = await self._in_worker(lambda: self._analyse(uri, text, language, version))
        except KommunskError as error:
            self.tell(str(error))
            self._publish(uri, version, [])
            return None
        except Exception as error:  # the last line of defence: say so, and keep serving
            self.tell(f"intern fejl: {type(error).__name__}: {error} (meld fejlen på {ISSUES})")
            return None
        current = self.document(uri)
        if current is None or current.version != version:
            return None  # stale: a newer version is on its way
        self.analyses[uri] = analysis
        index = self.index(analysis.source)
        found = [
            actions.diagnostic(a, index, analysis.pages.get(a.concept_id)) for a in analysis.shown
        ]
        self._publish(uri, version, found)
        return analysis

    async def current(self, uri: str) -> Analysis | None:
        """The check of the buffer's present version, made now if the last one is out of date."""
        document = self.document(uri)
        if document is None:
            return None
        known = self.analyses.get(uri)
        if known is not None and known.version == document.version:
            return known
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        return await self.refresh(uri)

    def document(self, uri: str) -> TextDocument | None:
        """The open buffer at `uri` (pygls keys its buffers by the URI with %-escapes undone)."""
        found: TextDocument | None = self.workspace.text_documents.get(unquote(uri))
        return found

    def _analyse(self, uri: str, text: str, language: str, version: int | None) -> Analysis:
        """Runs in the worker thread: the project's configuration, then the check."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        project = settings.project(self._folder(path), self.editor)
        engine = self.engine(project.glossary)
        found = analyse(text, language, path or uri, engine, project.options, version)
        pages = {a.concept_id: page_url(engine.glossary.get(a.concept_id)) for a in found.shown}
        return replace(found, glossary=project.glossary, as_of=project.options.as_of, pages=pages)

    def engine(self, glossary: tuple[str, ...]) -> Annotator:
        """The annotator for the bundled glossary plus the project's own files, built once."""
        found = self.engines.get(glossary)
        if found is None:
            found = self.engines[glossary] = annotator_for(glossary)
        return found

    async def _in_worker(self, job: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.worker, job)

    def _folder(self, path: str | None) -> Path:
        """Where the configuration search starts: the buffer's folder, else the workspace's."""
        if path is not None:
            return Path(path).parent
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def workspace_folder(self, path: Path) -> Path:
        """The workspace folder holding `path` (where a new configuration file belongs)."""
        for folder in self.workspace.folders.values():
            root = to_fs_path(folder.uri)
            if root and path.is_relative_to(root):
                return Path(root)
        root = self.workspace.root_path
        if root and path.is_relative_to(root):
            return Path(root)
        return path.parent

    def index(self, text: str) -> LineIndex:
        """Positions in the encoding negotiated with the client (UTF-16 unless it asked otherwise)."""
        encoding = self.workspace.position_encoding
        return LineIndex(text, str(getattr(encoding, "value", encoding) or UTF16))

    def _publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def tell(self, message: str) -> None:
        """Show a problem (a broken configuration, an unknown municipality) once, not at every key."""
        if message in self.told:
            return
        self.told.add(message)
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=f"kommunsk: {message}")
        )

    async def pull_settings(self) -> None:
        """Ask the editor for the `kommunsk` section, if it keeps settings to be asked for."""
        workspace = self.client_capabilities.workspace
        if workspace is None or not workspace.configuration:
            return
        try:
            found = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=settings.SECTION)])
            )
        except JsonRpcException:
            return  # the editor could not say: keep what we have
        if found:
            self.editor = settings.editor_settings({settings.SECTION: found[0]}, self.editor)

    async def recheck_all(self) -> None:
        """Check every open buffer again (settings or the ignore list changed)."""
        for document in list(self.workspace.text_documents.values()):
            self.analyses.pop(document.uri, None)
            await self.refresh(document.uri)


def build(debounce: float = DEBOUNCE_SECONDS) -> KommunskServer:
    """A server with every feature registered."""
    server = KommunskServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: KommunskServer, params: types.InitializeParams) -> None:
        ls.editor = settings.editor_settings(params.initialization_options, ls.editor)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: KommunskServer, params: types.InitializedParams) -> None:
        before = ls.editor
        await ls.pull_settings()
        if ls.editor != before:
            await ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: KommunskServer, params: types.DidOpenTextDocumentParams) -> None:
        if supported(params.text_document.language_id):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: KommunskServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.document(params.text_document.uri) is not None:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: KommunskServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: KommunskServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if ls.analyses.pop(uri, None) is not None:
            ls._publish(uri, None, [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: KommunskServer, params: types.HoverParams) -> types.Hover | None:
        analysis = await ls.current(params.text_document.uri)
        if analysis is None:
            return None
        index = ls.index(analysis.source)
        under = at(analysis, index.offset(params.position))
        if not under:
            return None
        annotation = under[0]
        engine = ls.engine(analysis.glossary)
        text = await ls._in_worker(
            lambda: hover.markdown(
                hover.explanation(engine, annotation, analysis.municipality, analysis.as_of),
                annotation,
            )
        )
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=index.range(annotation.start, annotation.end),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(
        ls: KommunskServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        analysis = await ls.current(uri)
        if analysis is None:
            return None
        index = ls.index(analysis.source)
        start, end = index.offset(params.range.start), index.offset(params.range.end)
        found: list[types.CodeAction] = []
        shown = set(analysis.shown)
        for annotation in at(analysis, start, end):
            if annotation not in shown:
                continue
            diagnostic = actions.diagnostic(
                annotation, index, analysis.pages.get(annotation.concept_id)
            )
            found += actions.fixes(uri, annotation, index, diagnostic)
            found.append(actions.ignore(uri, annotation, diagnostic))
        return found

    @server.command(actions.IGNORE_COMMAND)
    async def ignore_word(ls: KommunskServer, uri: str, word: str) -> str | None:
        path = Path(to_fs_path(uri) or ".") if uri.startswith("file:") else None
        start = path.parent if path else ls._folder(None)
        root = ls.workspace_folder(path) if path else start
        try:
            written = await ls._in_worker(lambda: ignorelist.add(word, start, root))
        except KommunskError as error:
            ls.tell(str(error))
            return None
        await ls.recheck_all()
        return str(written)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: KommunskServer, params: types.DidChangeConfigurationParams
    ) -> None:
        named, municipality = settings.municipality_in(params.settings)
        if named:
            ls.editor = settings.EditorSettings(municipality)
        else:
            await ls.pull_settings()  # an editor that is asked for settings only says they changed
        await ls.recheck_all()

    return server


def run() -> None:
    """Serve over standard input and output until the client says exit."""
    build().start_io()
