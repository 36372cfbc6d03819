"""Build lexicon/data/cameo.tsv from the CAMEO, Goldstein and CAMEO→PLOVER tables.

usage: python scripts/build_cameo.py ../shared/reference/ontology \
           > src/hadath/lexicon/data/cameo.tsv

The inputs are ontology facts (code, label, Goldstein value, PLOVER type and
mode); the output is hadath's own table, so the package stands alone.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

# PLOVER has no type for plain statements (01); appeals (02) are requests.
PLOVER_DEFAULTS = {"01": ("", ""), "02": ("REQUEST", "")}
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")


# GDELT's code table runs two rows together once: "…engagement106:[-5.0] Demand withdrawal".
_GLUED_ROW = re.compile(r"^(.*?)(\d{3,4}):\[[-\d.]+\]\s*(.+)$")


def read_table(path: Path) -> dict[str, str]:
    rows = {}
    for line in path.read_text("utf-8").splitlines()[1:]:
        if "\t" in line:
            code, value = line.split("\t", 1)
            glued = _GLUED_ROW.match(value.strip())
            if glued:
                rows[code.strip()] = glued.group(1).strip()
                rows[glued.group(2)] = glued.group(3).strip()
            else:
                rows[code.strip()] = value.strip()
    return rows


def read_quad_classes(path: Path) -> dict[str, int]:
    """QuadClass of each root: the code table lists roots under "1 Verbal Cooperation" …
    "4 Material Conflict" (01-05, 06-09, 10-14, 15-20)."""
    quads, current = {}, 0
    for line in path.read_text("utf-8").splitlines()[1:]:
        code = line.split("\t", 1)[0].strip()
        if len(code) == 1:
            current = int(code)
        elif len(code) == 2:
            quads[code] = current
    return quads


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    mapping: dict[str, tuple[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        match = _PLOVER_LINE.match(line)
        if match and match.group(1) not in mapping:  # the first line of a code wins
            mapping[match.group(1)] = (match.group(2), (match.group(3) or "").strip())
    return mapping


def plover_for(code: str, plover: dict[str, tuple[str, str]]) -> tuple[str, str]:
    for length in range(len(code), 1, -1):  # the most specific mapped prefix
        if code[:length] in plover:
            kind, mode = plover[code[:length]]
            return kind, mode if length == len(code) else ""
    return PLOVER_DEFAULTS.get(code[:2], ("", ""))


def main(folder: str) -> None:
    base = Path(folder)
    labels = read_table(base / "cameo_eventcodes.tsv")
    goldstein = read_table(base / "cameo_goldstein.tsv")
    plover = read_plover(base / "CAMEO2PLOVER-2021.txt")
    quads = read_quad_classes(base / "cameo_eventcodes.tsv")
    print("# cameo.tsv: CAMEO event codes with Goldstein score, QuadClass and PLOVER type and mode")
    print(f"# version: 1 ({date.today().isoformat()})")
    print("# columns: code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode")
    print("# sources: CAMEO 1.1b3 codebook; GDELT Goldstein table; CAMEO2PLOVER (Schrodt, 2021)")
    for code in sorted(c for c in labels if len(c) >= 2):
        kind, mode = plover_for(code, plover)
        score = goldstein.get(code, goldstein.get(code[:3], goldstein.get(code[:2], "")))
        print("\t".join([code, labels[code], score, str(quads[code[:2]]), kind, mode]))


if __name__ == "__main__":
    main(sys.argv[1])
