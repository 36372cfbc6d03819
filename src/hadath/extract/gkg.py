"""Quotations in the shape of GDELT GKG 2.0's Quotations field, with the speaker added.

GKG writes each quotation as `offset|length|verb|quote` and joins them with
`#`. hadath adds the speaker's actor code as a fifth field (empty when the
speaker is unknown or anonymous): `offset|length|verb|quote|speaker`.
Offsets and lengths count characters of the document text; `|`, `#` and line
breaks inside a field become spaces so the field stays parseable.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["gkg_quotations"]

_SEPARATORS_RE = re.compile(r"\s*[|#\r\n\u2028\u2029][|#\s]*")


def _field(value: Any) -> str:
    return _SEPARATORS_RE.sub(" ", str(value or "")).strip()


def _speaker_code(speaker: Any) -> str:
    if isinstance(speaker, dict):
        return _field(speaker.get("code"))
    return _field(speaker)


def gkg_quotations(doc_dict: dict[str, Any]) -> str:
    """The GKG Quotations field (speaker added) of a document's output JSON (`Doc.to_dict`).

    Example: a quote of 'الحل سياسي' at offset 14 said (قال) by RUSGOV gives
    '14|10|قال|الحل سياسي|RUSGOV'.
    """
    entries = []
    for quote in doc_dict.get("quotes") or []:
        start, end = int(quote["start"]), int(quote["end"])
        entries.append(
            "|".join(
                (str(start), str(end - start), _field(quote.get("verb")),
                 _field(quote.get("text")), _speaker_code(quote.get("speaker")))
            )
        )
    return "#".join(entries)
