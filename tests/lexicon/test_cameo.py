"""The CAMEO table: every code with its label, Goldstein score, QuadClass and PLOVER type."""

from __future__ import annotations

import pytest

from hadath.lexicon.cameo import load_cameo


def test_cameo_has_twenty_roots_and_a_version() -> None:
    table = load_cameo()
    assert [c.code for c in table.roots()] == [f"{i:02d}" for i in range(1, 21)]
    assert table.version.startswith("1")


@pytest.mark.parametrize(
    ("code", "label", "goldstein", "quad", "plover"),
    [
        ("042", "Make a visit", 1.9, 1, "CONSULT"),
        ("057", "Sign formal agreement", 8.0, 1, "SUPPORT"),
        ("106", "Demand withdrawal", -5.0, 3, "REQUEST"),
        ("173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE"),
        ("195", "Employ aerial weapons", -10.0, 4, "ASSAULT"),
        ("09", "INVESTIGATE", -2.0, 2, "ACCUSE"),
    ],
)
def test_cameo_code_facts(code: str, label: str, goldstein: float, quad: int,
                          plover: str) -> None:
    entry = load_cameo()[code]
    assert (entry.label, entry.goldstein, entry.quad_class, entry.plover_type) == (
        label, goldstein, quad, plover)


def test_cameo_every_code_is_consistent_with_its_root() -> None:
    table = load_cameo()
    for code, entry in table.codes.items():
        root = table[code[:2]]
        assert entry.quad_class == root.quad_class, code
        assert entry.goldstein is not None and -10 <= entry.goldstein <= 10, code
