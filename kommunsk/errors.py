"""The exceptions that mean 'the user asked for something that cannot be done' (exit 2)."""

from __future__ import annotations


def user_errors() -> tuple[type[Exception], ...]:
    """Every library exception that is a user mistake, not a bug."""
    from .annotator import InputTooLarge
    from .baseline import BaselineError
    from .config import ConfigError
    from .glossary import UnknownConcept
    from .municipalities import UnknownMunicipality
    from .pipeline import PipelineError
    from .problems import GlossaryError
    from .readers import ReadError

    return (
        InputTooLarge,
        BaselineError,
        ConfigError,
        UnknownConcept,
        UnknownMunicipality,
        PipelineError,
        GlossaryError,
        ReadError,
    )
