"""Findings as LSP diagnostics, and the code actions that mend them or put the word on the ignore list.

The first fix for a finding is the engine's safe rewrite when there is one:
its edits change the word and the article or adjectives that must agree with
it ("et detaljeret roadmap" -> "en detaljeret tidsplan"). Other suggestions
replace the word alone, and are offered for a person to judge.
"""

from __future__ import annotations

from lsprotocol import types

from kommunsk.engine.annotation import Annotation
from kommunsk.engine.rewrite import apply
from kommunsk.lsp.positions import LineIndex

SOURCE = "kommunsk"
IGNORE_COMMAND = "kommunsk.ignore"
SEVERITY = {
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
    "info": types.DiagnosticSeverity.Hint,
}


def diagnostic(
    annotation: Annotation, index: LineIndex, page: str | None = None
) -> types.Diagnostic:
    """One finding as a diagnostic: code is the concept id, linked to its glossary page."""
    return types.Diagnostic(
        range=index.range(annotation.start, annotation.end),
        message=annotation.message,
        severity=SEVERITY[annotation.severity],
        code=annotation.concept_id,
        code_description=types.CodeDescription(href=page) if page else None,
        source=SOURCE,
        data={"concept": annotation.concept_id, "term": annotation.term},
    )


def fixes(
    uri: str, annotation: Annotation, index: LineIndex, found: types.Diagnostic
) -> list[types.CodeAction]:
    """Quick fixes: the safe rewrite first (preferred), then each other suggestion on its own."""
    actions: list[types.CodeAction] = []
    text = index.text
    done: set[str] = set()
    if annotation.edits:
        result = apply(text, [annotation]).changes[0].new
        edits = [types.TextEdit(index.range(a, b), new) for a, b, new in sorted(annotation.edits)]
        actions.append(_action(f"Skriv «{result}»", uri, edits, found, preferred=True))
        done.add(annotation.replacement or result)
    # when the safe rewrite had to mend other words, replacing the word alone may not agree
    agrees = all(annotation.start <= a and b <= annotation.end for a, b, _ in annotation.edits)
    note = "" if agrees else " (kun ordet; tjek artikel og bøjning)"
    for suggestion in annotation.suggestions:
        if suggestion in done:
            continue
        done.add(suggestion)
        edit = types.TextEdit(index.range(annotation.start, annotation.end), suggestion)
        title = f"Skriv «{suggestion}»{note}"
        actions.append(_action(title, uri, [edit], found, preferred=False))
    return actions


def ignore(uri: str, annotation: Annotation, found: types.Diagnostic) -> types.CodeAction:
    """Put the word (its glossary form, so every inflection counts) on the project's ignore list."""
    word = annotation.term or annotation.text
    return types.CodeAction(
        title=f"Tilføj «{word}» til projektets ignoreringsliste",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[found],
        command=types.Command(
            title=f"Ignorér «{word}»", command=IGNORE_COMMAND, arguments=[uri, word]
        ),
    )


def _action(
    title: str,
    uri: str,
    edits: list[types.TextEdit],
    found: types.Diagnostic,
    *,
    preferred: bool,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[found],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )
