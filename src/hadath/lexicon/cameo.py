"""The CAMEO event-code table: label, Goldstein score, QuadClass, PLOVER type and mode per code."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hadath.errors import LexiconError
from hadath.lexicon.tsv import read_tsv, version_of

__all__ = ["CameoCode", "CameoTable", "load_cameo"]

_FILE = "cameo.tsv"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class CameoTable:
    codes: dict[str, CameoCode]
    version: str

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode | None:
        return self.codes.get(code)

    def roots(self) -> list[CameoCode]:
        return [c for code, c in sorted(self.codes.items()) if len(code) == 2]


@functools.cache
def load_cameo() -> CameoTable:
    """The CAMEO table shipped with hadath."""
    codes: dict[str, CameoCode] = {}
    for row in read_tsv(_FILE):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
            raise row.error(f"bad CAMEO code {code!r}")
        if code in codes:
            raise row.error(f"duplicate CAMEO code {code!r}")
        try:
            goldstein = float(row["goldstein"]) if row.get("goldstein") else None
            quad = int(row["quad_class"])
        except ValueError as exc:
            raise row.error(str(exc)) from None
        codes[code] = CameoCode(code, row["label"], goldstein, quad,
                                row.get("plover_type") or None, row.get("plover_mode") or None)
    if len([c for c in codes if len(c) == 2]) != 20:
        raise LexiconError(f"{_FILE}: expected the 20 CAMEO roots")
    return CameoTable(codes, version_of(_FILE))
