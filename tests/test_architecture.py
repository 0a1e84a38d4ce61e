"""The package layout is a rule, not a habit: imports follow the data flow, without cycles.

    language, readers  <-  glossary  <-  engine  <-  lint  <-  reporters  <-  api, word
        <-  spacy_component, server, lsp  <-  cli

A module may import from its own sub-package and from any lower layer, never
from a higher one or from another sub-package of its own layer. errors.py,
_version.py and atomic.py are leaves that anyone may import. Imports sit at the
top of a module; the few kept inside functions for start-up speed say so in a
comment.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kommunsk"

LAYERS = {
    "_version": 0,
    "errors": 0,
    "atomic": 0,
    "language": 1,
    "readers": 1,
    "glossary": 2,
    "engine": 3,
    "lint": 4,
    "reporters": 5,
    "": 6,  # the package root: the public API
    "word": 6,
    "spacy_component": 7,
    "server": 7,
    "lsp": 7,
    "cli": 8,
    "__main__": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def group(module: str) -> str:
    """The layer key of a module: its sub-package, or its own name at the top level."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """(imported kommunsk module, line, at top level?) for every import outside TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]

    def walk(node: ast.AST, top: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == "kommunsk":
                        yield alias.name, child.lineno, top
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                if base.split(".")[0] != "kommunsk":
                    continue
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    yield (target if target in MODULES else base), child.lineno, top
            else:
                inner = top and not isinstance(
                    child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                )
                yield from walk(child, inner)

    yield from walk(tree, True)


def edges() -> list[tuple[str, str, int, bool]]:
    return [
        (module, target, line, top)
        for module, path in MODULES.items()
        for target, line, top in imports(path)
        if target != module
    ]


def test_every_module_belongs_to_a_layer() -> None:
    assert {m for m in MODULES if group(m) not in LAYERS} == set()


def test_imports_follow_the_dependency_rule() -> None:
    breaches = []
    for module, target, line, _top in edges():
        mine, theirs = group(module), group(target)
        if mine == theirs or LAYERS[theirs] == 0:
            continue
        if LAYERS[theirs] >= LAYERS[mine]:
            breaches.append(f"{MODULES[module].name}:{line}: {module} imports {target}")
    assert breaches == []


def test_no_import_cycles_at_module_level() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, target, _line, top in edges():
        if top and target in graph:
            graph[module].add(target)
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_inside_functions_say_why(module: str) -> None:
    """An import inside a function is kept there for start-up speed, and a comment says so."""
    path = MODULES[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    unexplained = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                nearby = " ".join(lines[max(0, node.lineno - 3) : node.end_lineno or node.lineno])
                if "lazy" not in nearby:
                    unexplained.append(f"{path.name}:{node.lineno}")
    assert unexplained == []


def test_the_hook_path_imports_no_heavy_library() -> None:
    """`kommunsk check` on a cached glossary must not import spaCy, jsonschema, rich, the server or the LSP stack."""
    import subprocess
    import sys

    code = (
        "import sys, kommunsk.cli, kommunsk.cli.check; "
        "print(sorted(m for m in ('spacy', 'jsonschema', 'rich', 'docx', 'yaml', 'pygls', "
        "'lsprotocol', 'tomlkit', 'starlette', 'uvicorn', 'multipart', 'python_multipart', "
        "'jinja2', 'kommunsk.server', 'kommunsk.lsp') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
