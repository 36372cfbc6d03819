"""Tests for the action lexicon (actions.tsv) and the speech verbs (speech_verbs.tsv)."""

from __future__ import annotations

from collections import Counter

import pytest

from hadath.errors import LexiconError
from hadath.lexicon.actions import (
    build_actions,
    load_actions,
    load_speech_verbs,
    noun_forms,
    verb_forms,
)
from hadath.lexicon.cameo import load_cameo
from hadath.lexicon.tsv import fold_key, parse_tsv, read_tsv, version_of
from hadath.text import tokenize

PLAIN_SPEECH = ("قال", "أكد", "أضاف", "أوضح", "أشار", "اعتبر", "رأى", "تابع", "ذكر", "صرح")
ROOTS = [f"{n:02d}" for n in range(1, 21)]


def _best(text: str, i: int = 0):
    """The longest action match at token i of text."""
    matches = load_actions().match(tokenize(text), i)
    assert matches, f"no action at token {i} of {text!r}"
    return matches[0]


# -- the files ---------------------------------------------------------------------------


def test_actions_file_loads_with_version_and_600_rows():
    assert version_of("actions.tsv").startswith("1 ")
    assert len(load_actions()) >= 600


def test_actions_codes_exist_in_cameo_table():
    cameo = load_cameo()
    for entry in load_actions().entries:
        assert entry.cameo in cameo, entry
        assert entry.code.code == entry.cameo
        assert entry.plover_type == cameo[entry.cameo].plover_type


def test_actions_no_duplicate_pattern_pos():
    keys = Counter((fold_key(r["pattern"]), r["pos"]) for r in read_tsv("actions.tsv"))
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("root", ROOTS)
def test_actions_every_root_has_rows(root):
    count = sum(1 for e in load_actions().entries if e.root == root)
    assert count >= (5 if root in ("01", "20") else 10)


def test_actions_plain_speech_verbs_are_not_actions():
    actions = load_actions()
    for verb in PLAIN_SPEECH:
        assert [e.pattern for e in actions.lookup(verb) if e.pos != "mwe"] == []
        assert load_speech_verbs().lookup(verb) is not None


def test_speech_verbs_file_loads_with_kinds():
    speech = load_speech_verbs()
    assert version_of("speech_verbs.tsv").startswith("1 ")
    assert speech.lookup("نفى").kind == "deny"
    assert speech.lookup("حذر").kind == "warn"
    assert speech.lookup("دعا").kind == "call"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("اعتقل\tverb\t999", "actions.tsv:5: unknown CAMEO code '999'"),
        ("اعتقل\tverbal\t173", "actions.tsv:5: bad pos 'verbal'"),
        ("* اعتقل\tmwe\t173", "actions.tsv:5: misplaced gap marker"),
        ("فرض عقوبات\tverb\t163", "actions.tsv:5: pos 'verb' with several words"),
    ],
)
def test_actions_bad_rows_raise_with_line(line, message):
    header = [
        "# actions.tsv: test",
        "# version: 0 (test)",
        "# columns: pattern\tpos\tcameo\tplover_mode\ttarget_prep\tjoint\tpresent\tnote",
        "# sources: test",
    ]
    parsed = parse_tsv("actions.tsv", [*header, line])
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace("*", r"\*")):
        build_actions(parsed.rows, parsed.version)


# -- generated forms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "present", "forms"),
    [
        ("زار", (), {"زار", "زارت", "زاروا", "يزور", "تزور", "يزورون"}),
        ("التقى", (), {"التقي", "التقت", "التقوا", "التقيا", "يلتقي", "تلتقي", "يلتقون"}),
        ("دعا", (), {"دعا", "دعت", "دعوا", "يدعو", "تدعو", "يدعون"}),
        ("اعتقل", (), {"اعتقلت", "اعتقلوا", "يعتقل", "تعتقل", "يعتقلون"}),
        ("شن", (), {"شن", "شنت", "شنوا", "يشن", "تشن", "يشنون"}),
        ("أدان", (), {"ادان", "ادانت", "يدين", "تدين", "يدينون"}),
        ("استقال", (), {"استقال", "استقالت", "يستقيل"}),
        ("أكد", (), {"اكد", "اكدت", "يؤكد", "تؤكد"}),
        ("استدعى", (), {"استدعت", "يستدعي", "تستدعي"}),
        ("رأى", ("يرى",), {"راي", "رات", "يري", "تري", "يرون"}),
    ],
)
def test_actions_verb_forms_cover_conjugations(verb, present, forms):
    assert forms <= verb_forms(verb, present)


def test_actions_verb_forms_exclusions_drop_look_alikes():
    signed = verb_forms("وقع", ("يوقع", "!توقع"))
    assert {"وقعت", "يوقع", "وقعوا"} <= signed
    assert "توقع" not in signed  # "expected"
    assert "فجر" not in verb_forms("فجر", ("يفجر", "!فجر"))  # "dawn"


def test_actions_verb_forms_leave_out_first_person_look_alikes():
    assert "اجل" not in verb_forms("أجلى")  # أجل "sake" (من أجل)
    assert "اثنين" not in verb_forms("أثنى")  # "two"


def test_actions_noun_forms_inflect():
    assert {"زياره", "زيارات", "زيارتين"} <= noun_forms("زيارة")
    assert {"اعتقال", "اعتقالات"} <= noun_forms("اعتقال")
    assert {"اجتماع", "اجتماعا"} <= noun_forms("اجتماعا")


# -- matching ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cameo", "joint", "span"),
    [
        ("التقى وزير الخارجية الروسي نظيره الجزائري", "040", True, (0, 1)),
        ("اعتقلت الشرطة عشرة متظاهرين", "173", False, (0, 1)),
        ("شنت الطائرات غارات على مواقع", "195", False, (0, 3)),
        ("فرضت واشنطن عقوبات على طهران", "163", False, (0, 3)),
        ("وقف إطلاق النار", "0871", True, (0, 3)),
        ("اتفقت روسيا والجزائر على استحداث آلية للتشاور", "030", True, (0, 1)),
    ],
)
def test_actions_match_sentences(text, cameo, joint, span):
    best = _best(text)
    assert (best.entry.cameo, best.entry.joint, best.span) == (cameo, joint, span)


def test_actions_match_gap_reports_skipped_tokens():
    best = _best("استدعت الخارجية السفير")
    assert best.entry.pattern == "استدعى * سفير"
    assert best.entry.root == "16"
    assert (best.span, best.gaps) == ((0, 3), (1,))


def test_actions_gap_is_at_most_three_words():
    matches = load_actions().match(tokenize("استدعت وزارة الخارجية في الرياض السفير"), 0)
    assert all(m.entry.pattern != "استدعى * سفير" for m in matches)


@pytest.mark.parametrize("text", ["سيزور", "يزور", "زارت", "زاروا", "وزار", "تزور"])
def test_actions_match_conjugations_of_visit(text):
    assert _best(text).entry.cameo == "042"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("واعتقلت", "173"),
        ("وشنت", "190"),
        ("بالإفراج", "0841"),
        ("وأدانت", "111"),
        ("اعتقلوهم", "173"),
        ("والتقى", "040"),
        ("غارات", "195"),
        ("احتجاجات", "141"),
    ],
)
def test_actions_match_with_clitics(text, cameo):
    assert _best(text).entry.cameo == cameo


def test_actions_match_entry_carries_goldstein_and_quad_class():
    entry = _best("اعتقلت الشرطة").entry
    assert (entry.goldstein, entry.quad_class, entry.plover_type) == (-5.0, 4, "COERCE")


def test_actions_target_preposition_and_speech_verbs_not_actions():
    assert "ب" in _best("ندد الوزير بالهجوم").entry.target_preps
    tokens = tokenize("وأضاف الوزير أن")
    assert load_actions().match(tokens, 0) == []


@pytest.mark.parametrize(
    ("text", "pattern"),
    [("وأضاف", "أضاف"), ("قالت", "قال"), ("سيؤكد", "أكد"), ("ونفت", "نفى"), ("يرى", "رأى")],
)
def test_actions_speech_verbs_found_in_every_form(text, pattern):
    verb = load_speech_verbs().is_speech_verb(tokenize(text)[0])
    assert verb is not None and verb.pattern == pattern


def test_actions_speech_verbs_reject_other_words():
    speech = load_speech_verbs()
    assert [t.text for t in tokenize("اعتقلت الشرطة عشرة") if speech.is_speech_verb(t)] == []
