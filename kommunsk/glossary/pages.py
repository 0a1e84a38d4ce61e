"""Where each concept is documented on the web: the generated glossary pages under docs/glossary/.

SARIF rules (`helpUri`) and other outputs link a finding to its concept's page,
so a reviewer can read the definition and sources with one click.
"""

from __future__ import annotations

from kommunsk.glossary.model import Concept

PAGES = "https://github.com/kommunsk/kommunsk/blob/main/docs/glossary"


def page_url(concept: Concept) -> str:
    """The concept's section in its domain's page: docs/glossary/<domain>.md#<id>."""
    return f"{PAGES}/{concept.domain}.md#{concept.id}"
