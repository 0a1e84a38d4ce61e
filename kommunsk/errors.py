"""Every exception kommunsk raises on purpose, in one place, each with a stable code.

`KommunskError` means "the user asked for something that cannot be done": the
command line prints its message on one line and exits 2. Anything else that
escapes is a bug (exit 3). The codes are documented in docs/errors.md and never
change meaning; messages are Danish and name the file or the value at fault.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation of GlossaryError.problems
    from kommunsk.glossary.problems import Problem


class KommunskError(Exception):
    """Base of every deliberate kommunsk error; `code` is stable and documented."""

    code = "kommunsk"


class UsageError(KommunskError):
    """Options or arguments that do not fit together (the command line's own checks)."""

    code = "usage"


class ConfigError(KommunskError):
    """A configuration file that cannot be used; the message names the file and the key."""

    code = "config"


class GlossaryError(KommunskError):
    """The glossary (or an overlay) could not be loaded; carries every problem found."""

    code = "glossary"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class YamlProblem(KommunskError):
    """A file that is not acceptable YAML; carries a 1-based line and column."""

    code = "yaml"

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class UnknownConcept(KommunskError, LookupError):
    """No concept matches; `suggestions` holds the closest words."""

    code = "unknown-concept"

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" (mente du {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"ukendt begreb: {query!r}{hint}")


class UnknownMunicipality(KommunskError, LookupError):
    """No municipality matches; `suggestions` holds the closest names."""

    code = "unknown-municipality"

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" (mente du {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"ukendt kommune: {query!r}{hint}")


class InputTooLarge(KommunskError, ValueError):
    """The text exceeds the size limit for one call."""

    code = "input-too-large"


class PipelineError(KommunskError):
    """The named spaCy pipeline cannot be used (not installed, or not Danish)."""

    code = "pipeline"


class ReadError(KommunskError):
    """A file that cannot be read (missing, unreadable, undecodable, damaged); names the file."""

    code = "read"


class UnsupportedFile(ReadError):
    """A file named on the command line that kommunsk does not read (a PDF, an image)."""

    code = "unsupported-file"


class Skipped(KommunskError):
    """A file found while walking a folder that kommunsk does not read: a note, not a failure.

    Named on the command line, the same file is an error (`as_error`): the user asked for it.
    """

    code = "skipped"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"springer over {path}: {reason}")

    def as_error(self) -> UnsupportedFile:
        return UnsupportedFile(f"kan ikke tjekke {self.path}: {self.reason}")


class WriteError(KommunskError):
    """A file that cannot be written safely (read-only, changed meanwhile, wrong encoding)."""

    code = "write"


class BaselineError(KommunskError):
    """A baseline file that cannot be read or written."""

    code = "baseline"


class UnknownFormat(KommunskError, ValueError):
    """An output format that no reporter provides."""

    code = "unknown-format"
