"""The language server end to end: a real LSP client (pytest-lsp) talks to `python -m kommunsk lsp`.

Every test starts the server as an editor would, over standard input and
output, opens buffers and checks what comes back: diagnostics placed in UTF-16
code units, nothing in code, updates after a change, the explanation on hover,
fixes that apply, the ignore list written to the project's configuration, and
the municipality setting.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Sequence
from pathlib import Path
from typing import Any, Union

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import register_lsp_features


def _converter() -> Any:
    """pygls's converter, reading a code action as the specification says.

    lsprotocol takes any result with a "command" key for a Command, so a CodeAction
    that runs a command would arrive as a broken Command; an editor looks at
    whether "command" is a string, and so does this client.
    """
    converter = default_converter()

    def command_or_action(data: Any, _: type) -> types.Command | types.CodeAction:
        if isinstance(data.get("command"), str):
            return converter.structure(data, types.Command)  # type: ignore[no-any-return]
        return converter.structure(data, types.CodeAction)  # type: ignore[no-any-return]

    converter.register_structure_hook(types.Command | types.CodeAction, command_or_action)
    converter.register_structure_hook(Union[types.Command, types.CodeAction], command_or_action)  # noqa: UP007
    return converter


def _client() -> LanguageClient:
    client = LanguageClient(converter_factory=_converter)
    register_lsp_features(client)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "kommunsk", "lsp"], client_factory=_client
)
PUBLISHED = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
ROADMAP = "Vi udarbejder et detaljeret roadmap for hele projektperioden.\n"
WAIT = 60  # seconds; the first server of a run may build the glossary cache


async def start(
    root: Path, options: object = None, capabilities: types.ClientCapabilities | None = None
) -> LanguageClient:
    """A client connected to a fresh server, initialised with `root` as the workspace."""
    client = await SERVER.start()
    assert isinstance(client, LanguageClient)
    await client.initialize_session(initialize_params(root, options, capabilities))
    return client


def initialize_params(
    root: Path, options: object = None, capabilities: types.ClientCapabilities | None = None
) -> types.InitializeParams:
    return types.InitializeParams(
        capabilities=capabilities or types.ClientCapabilities(),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="projekt")],
        initialization_options=options,
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    """The server, initialised with the test's own folder as the workspace."""
    await lsp_client.initialize_session(initialize_params(tmp_path))
    yield
    await lsp_client.shutdown_session()


def published(client: LanguageClient, uri: str) -> Awaitable[types.PublishDiagnosticsParams]:
    """The next diagnostics published for `uri`; the wait starts now, before the request is sent."""
    first = client.protocol.wait_for_notification_async(PUBLISHED)

    async def wait() -> types.PublishDiagnosticsParams:
        params = await asyncio.wait_for(first, WAIT)
        while params.uri != uri:  # another buffer's diagnostics
            params = await asyncio.wait_for(client.wait_for_notification(PUBLISHED), WAIT)
        return params  # type: ignore[no-any-return]

    return wait()


async def open_buffer(
    client: LanguageClient, path: Path, text: str, language: str = "markdown"
) -> types.PublishDiagnosticsParams:
    """Open a buffer and wait for its first diagnostics."""
    waiting = published(client, path.as_uri())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=path.as_uri(), language_id=language, version=1, text=text)
        )
    )
    return await waiting


def utf16(text: str, offset: int) -> types.Position:
    """The LSP position of a string offset, counted here independently of the server's code."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def offset_of(text: str, position: types.Position) -> int:
    start = sum(len(line) for line in text.splitlines(keepends=True)[: position.line])
    column = 0
    for index, char in enumerate(text[start:], start):
        if column >= position.character or char == "\n":
            return index
        column += len(char.encode("utf-16-le")) // 2
    return len(text)


def applied(text: str, edits: Sequence[types.TextEdit]) -> str:
    """`text` with the edits of a WorkspaceEdit made, last first so earlier offsets hold."""
    spans = [
        (offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def actions_at(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_diagnostics_are_placed_in_utf16_units_and_code_is_not_flagged(
    client: LanguageClient, tmp_path: Path
) -> None:
    # the same sentence in a code span and a code block: only the prose is flagged
    code = ROADMAP.strip()
    text = f"# Tilbud 😀\n\nKoden `{code}` og en blok:\n\n```\n{code}\n```\n\n😀 {ROADMAP}"
    params = await open_buffer(client, tmp_path / "tilbud.md", text)
    assert len(params.diagnostics) == 1
    found = params.diagnostics[0]
    start = text.rindex("roadmap")
    assert found.range == types.Range(utf16(text, start), utf16(text, start + len("roadmap")))
    assert found.range.start.character == 2 + 1 + len("Vi udarbejder et detaljeret ")  # 😀 is 2
    assert found.source == "kommunsk" and found.code == "tidsplan"
    assert found.severity in (
        types.DiagnosticSeverity.Warning,
        types.DiagnosticSeverity.Information,
    )
    assert found.code_description is not None
    assert found.code_description.href.endswith("#tidsplan")
    assert "tidsplan" in found.message


@pytest.mark.asyncio
async def test_an_editor_that_counts_in_utf8_gets_utf8_positions(tmp_path: Path) -> None:
    utf8 = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8]
        )
    )
    client = await start(tmp_path, capabilities=utf8)
    try:
        text = f"😀 Æbler. {ROADMAP}"
        [found] = (await open_buffer(client, tmp_path / "a.md", text)).diagnostics
        before = text[: text.index("roadmap")]
        assert found.range.start == types.Position(0, len(before.encode("utf-8")))
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_a_change_updates_the_diagnostics_and_only_the_last_of_quick_changes_counts(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tilbud.md"
    assert len((await open_buffer(client, path, ROADMAP)).diagnostics) == 1
    waiting = published(client, path.as_uri())
    for version, text in [
        (2, "Intet at se her.\n"),
        (3, "Vi taler med kunderne i hjemmeplejen.\n"),
    ]:
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=path.as_uri(), version=version
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    params = await waiting
    assert params.version == 3  # the check of version 2 was cancelled while it waited
    assert [d.code for d in params.diagnostics] == ["borger"]
    assert params.diagnostics[0].severity == types.DiagnosticSeverity.Warning
    assert params.diagnostics[0].range.start == types.Position(0, len("Vi taler med "))


@pytest.mark.asyncio
async def test_hover_shows_the_explanation_as_markdown(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tilbud.md"
    text = ROADMAP + "Det gælder også hjemmeplejen.\n"
    found = (await open_buffer(client, path, text)).diagnostics[0]

    async def hover_at(position: types.Position) -> types.Hover | None:
        return await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri=path.as_uri()), position)
        )

    hover = await hover_at(types.Position(0, found.range.start.character + 3))
    assert hover is not None and hover.range == found.range
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**tidsplan**")
    assert "**Definition:**" in hover.contents.value and "**Kilder:**" in hover.contents.value
    assert "**Skriv i stedet:** tidsplan, handleplan" in hover.contents.value
    # a municipal term the text already uses explains itself too; plain words get nothing
    term = await hover_at(types.Position(1, len("Det gælder også hjem")))
    assert term is not None and isinstance(term.contents, types.MarkupContent)
    assert term.contents.value.startswith("**hjemmepleje**")
    assert "**Definition:**" in term.contents.value
    assert await hover_at(types.Position(0, 1)) is None


@pytest.mark.asyncio
async def test_the_preferred_fix_is_the_safe_rewrite_with_agreement(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tilbud.md"
    found = (await open_buffer(client, path, ROADMAP)).diagnostics[0]
    fixes = await actions_at(client, path, found)
    preferred = [a for a in fixes if a.is_preferred]
    assert len(preferred) == 1 and preferred[0].kind == types.CodeActionKind.QuickFix
    edit = preferred[0].edit
    assert edit is not None and edit.changes is not None
    result = applied(ROADMAP, edit.changes[path.as_uri()])
    assert result == "Vi udarbejder en detaljeret tidsplan for hele projektperioden.\n"
    assert preferred[0].title == "Skriv «en detaljeret tidsplan»"
    # the other suggestion replaces the word alone, and says that the article may not agree
    assert [a.title for a in fixes if a.edit is not None and not a.is_preferred] == [
        "Skriv «handleplan» (kun ordet; tjek artikel og bøjning)"
    ]


@pytest.mark.asyncio
async def test_ignore_action_writes_a_new_kommunsk_toml_and_the_diagnostic_goes(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "docs" / "møde referat.md"  # a URI with %-escapes
    path.parent.mkdir()
    found = (await open_buffer(client, path, ROADMAP)).diagnostics[0]
    [ignore] = [a for a in await actions_at(client, path, found) if a.command is not None]
    assert ignore.command is not None and ignore.command.command == "kommunsk.ignore"
    waiting = published(client, path.as_uri())
    written = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(ignore.command.command, ignore.command.arguments)
    )
    assert list((await waiting).diagnostics) == []
    config = tmp_path / ".kommunsk.toml"  # the workspace folder, not the buffer's folder
    assert written == str(config)
    assert config.read_text(encoding="utf-8") == 'ignore = ["roadmap"]\n'


@pytest.mark.asyncio
async def test_ignore_action_keeps_an_existing_pyproject_as_it_was(
    client: LanguageClient, tmp_path: Path
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\n\n[tool.kommunsk]\n# vores kommune\nignore = ["app"]\n',
        encoding="utf-8",
    )
    path = tmp_path / "tilbud.md"
    found = (await open_buffer(client, path, ROADMAP)).diagnostics[0]
    [ignore] = [a for a in await actions_at(client, path, found) if a.command is not None]
    assert ignore.command is not None
    waiting = published(client, path.as_uri())
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(ignore.command.command, ignore.command.arguments)
    )
    assert list((await waiting).diagnostics) == []
    assert pyproject.read_text(encoding="utf-8") == (
        '[project]\nname = "x"\n\n[tool.kommunsk]\n# vores kommune\nignore = ["app", "roadmap"]\n'
    )
    assert not (tmp_path / ".kommunsk.toml").exists()


PLEJEHJEM = "Løsningen bruges på tre plejehjem.\n"


@pytest.mark.asyncio
async def test_the_municipality_setting_changes_the_suggestion(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tilbud.txt"
    assert not (await open_buffer(client, path, PLEJEHJEM, "plaintext")).diagnostics
    waiting = published(client, path.as_uri())
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"kommunsk": {"municipality": "151"}})
    )
    [found] = (await waiting).diagnostics
    assert found.code == "plejecenter" and "Ballerup Kommune" in found.message
    titles = [a.title for a in await actions_at(client, path, found)]
    assert "Skriv «plejecentre»" in titles


@pytest.mark.asyncio
async def test_municipality_from_initialization_options_and_from_the_workspace_config(
    tmp_path: Path,
) -> None:
    client = await start(tmp_path, {"kommunsk.municipality": "Ballerup"})
    try:
        [found] = (await open_buffer(client, tmp_path / "a.md", PLEJEHJEM)).diagnostics
        assert found.code == "plejecenter"
    finally:
        await client.shutdown_session()
        await client.stop()
    project = tmp_path / "projekt"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.kommunsk]\nmunicipality = "151"\n', "utf-8")
    client = await start(project)
    try:
        [found] = (await open_buffer(client, project / "b.md", PLEJEHJEM)).diagnostics
        assert found.code == "plejecenter"
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_an_editor_that_is_asked_for_settings_is_asked_when_they_change(
    tmp_path: Path,
) -> None:
    asked = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(configuration=True)
    )
    client = await start(tmp_path, capabilities=asked)
    try:
        path = tmp_path / "a.md"
        assert not (await open_buffer(client, path, PLEJEHJEM)).diagnostics
        client.set_configuration({"kommunsk": {"municipality": "151"}})
        waiting = published(client, path.as_uri())
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        [found] = (await waiting).diagnostics
        assert found.code == "plejecenter"
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_other_languages_get_nothing(client: LanguageClient, tmp_path: Path) -> None:
    python = tmp_path / "kode.py"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(python.as_uri(), "python", 1, "# " + ROADMAP)
        )
    )
    literal = f"Kode::\n\n    {ROADMAP}\n{ROADMAP}"  # the literal block is not prose
    rst = await open_buffer(client, tmp_path / "b.rst", literal, "restructuredtext")
    assert [d.range.start.line for d in rst.diagnostics] == [4]
    assert python.as_uri() not in client.diagnostics
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(python.as_uri()), types.Position(0, 30))
    )
    assert hover is None


@pytest.mark.asyncio
async def test_a_bad_municipality_is_shown_once_and_gives_no_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "a.md"
    await open_buffer(client, path, ROADMAP)
    waiting = published(client, path.as_uri())
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"kommunsk": {"municipality": "Atlantis"}})
    )
    assert list((await waiting).diagnostics) == []
    assert any("Atlantis" in m.message for m in client.messages)


@pytest.mark.asyncio
async def test_save_checks_at_once_and_close_clears_the_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tilbud.md"
    await open_buffer(client, path, "Intet at se her.\n")
    identifier = types.TextDocumentIdentifier(uri=path.as_uri())
    waiting = published(client, path.as_uri())
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=ROADMAP)],
        )
    )
    client.text_document_did_save(types.DidSaveTextDocumentParams(identifier))
    params = await waiting
    assert params.version == 2 and [d.code for d in params.diagnostics] == ["tidsplan"]
    waiting = published(client, path.as_uri())
    client.text_document_did_close(types.DidCloseTextDocumentParams(identifier))
    assert list((await waiting).diagnostics) == []
