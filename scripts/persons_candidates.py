"""Mine person-name candidates from the ANT corpus for persons.tsv (a development aid).

Names are taken from the words that follow a title ("الرئيس", "وزير الخارجية", "المتحدث باسم" ...),
after skipping nationality adjectives ("الأمريكي") and organisation complements. Each candidate is
counted by the number of title mentions, and the report says whether persons.tsv already has it.

Usage:
    .venv/bin/python scripts/persons_candidates.py [ANT.jsonl] [--top 600] [--missing]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ANT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "ant" / "articles.jsonl"

_TITLES = [
    "الرئيس",
    "رئيس الوزراء",
    "رئيس الحكومة",
    "رئيسة الوزراء",
    "رئيسة الحكومة",
    "نائب الرئيس",
    "وزير الخارجية",
    "وزيرة الخارجية",
    "وزير الدفاع",
    "وزيرة الدفاع",
    "وزير الداخلية",
    "وزيرة الداخلية",
    "وزير",
    "وزيرة",
    "الملك",
    "العاهل",
    "الأمير",
    "ولي العهد",
    "الشيخ",
    "زعيم",
    "زعيمة",
    "قائد",
    "القائد",
    "المتحدث باسم",
    "المتحدثة باسم",
    "المتحدث الرسمي باسم",
    "المتحدث الرسمي",
    "المبعوث",
    "مبعوث",
    "المبعوثة",
    "الأمين العام",
    "المستشارة",
    "المستشار",
    "رئيس البرلمان",
    "رئيس مجلس النواب",
    "رئيس مجلس الشورى",
    "السفير",
    "الجنرال",
    "اللواء",
    "العميد",
    "العقيد",
    "المشير",
    "الفريق",
    "السيناتور",
    "النائب",
    "رئيسة",
    "المرشد",
    "آية الله",
    "السيد",
    "المدعي العام",
    "مستشار",
    "المندوب",
    "الناطق باسم",
    "الناطق الرسمي",
    "رئيس",
    "مدير",
    "حاكم",
    "الحاكم",
    "السلطان",
    "أمير",
]
_TITLE_RE = re.compile(
    r"(?:^|[\s\(«\"،])(?:و|ف|ل|ب)?(?:"
    + "|".join(sorted((re.escape(t) for t in _TITLES), key=len, reverse=True))
    + r")\s+((?:[\u0621-\u064a\u0640]+\s+){0,8}[\u0621-\u064a\u0640]+)"
)
_WORD_RE = re.compile(r"[\u0621-\u064a\u0640]+")
# Words that end a name or belong to a title's complement, never part of a person's name.
_STOP_WORDS = (
    "في من على إلى الى عن مع أن إن ان التي الذي الذين قال قد كان وقال وأضاف أمس اليوم إنه لـ "
    "بن بنت خلال بعد قبل حول ضد عبر منذ حتى لدى أمام بين وهو وهي السابق الحالي الجديد المنتهية "
    "ولايته المكلف بالإنابة السابقة للأمم المتحدة لشؤون باسم الرسمي العام الخاص الأممي الأممية "
    "ورئيس ووزير لدولة لمجلس مجلس الوزراء الحكومة الخارجية الدفاع الداخلية الحرس الثوري الجيش "
    "الوطني الشعبي انه أنه بشأن بشان إنها انها وزعيم والمستشارة الاثنين الثلاثاء الأربعاء "
    "الخميس الجمعة السبت الأحد"
)
_STOP = set(_STOP_WORDS.split())
_COMPLEMENT_PREFIXES = ("ال", "لل", "وال", "بال")
_NAME_PREFIXES = ("عبد", "أبو", "ابو", "أبي", "بن", "آل", "ولد", "دي", "فان", "فون", "دا")


def fold(text: str) -> str:
    """Light fold for counting: drop diacritics/tatweel, unify alef, yeh and teh marbuta."""
    text = re.sub(r"[\u064b-\u0652\u0640\u0670]", "", text)
    text = re.sub(r"[أإآٱ]", "ا", text)
    return text.replace("ى", "ي").replace("ة", "ه")


def candidate_after_title(words: list[str]) -> str | None:
    """The name that follows a title: skip adjectives/complements, keep up to four name words."""
    i = 0
    while i < len(words) and (words[i].startswith(_COMPLEMENT_PREFIXES) or words[i] in _STOP):
        if words[i] in {"بن", "بنت"} or i > 4:
            return None
        i += 1
    name: list[str] = []
    for word in words[i : i + 4]:
        if (word in _STOP and word not in {"بن", "بنت"}) or word.startswith(("وال", "لل")):
            break
        joined = bool(name) and (name[-1] in _NAME_PREFIXES or name[-1] in {"بن", "بنت"})
        if word.startswith("ال") and not name:
            break
        # A second word starting with "ال" ends a plain name (بشار الأسد); more words follow
        # only compound names (عبد الفتاح السيسي, محمد بن سلمان, عبد ربه منصور هادي).
        if len(name) >= 2 and not joined and not (name[0] in _NAME_PREFIXES or "بن" in name):
            break
        name.append(word)
        if word.startswith("ال") and len(name) >= 2 and not joined:
            break
    if len(name) < 2 or name[-1] in {"بن", "بنت", *_NAME_PREFIXES}:
        return None
    return " ".join(name)


def mine(path: Path) -> Counter[str]:
    """Count name candidates after titles in every article of an ANT-style JSON Lines file."""
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"].replace("#", " ").replace("_", " ")
            for match in _TITLE_RE.finditer(text):
                words = _WORD_RE.findall(match.group(1))
                name = candidate_after_title(words)
                if name:
                    counts[fold(name)] += 1
    return counts


def known_forms() -> set[str]:
    """Folded Arabic forms already in persons.tsv (empty when it cannot be read)."""
    tsv = Path(__file__).resolve().parents[1] / "src/hadath/lexicon/data/persons.tsv"
    forms: set[str] = set()
    if not tsv.exists():
        return forms
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) > 2:
            forms.update(fold(f.strip()) for f in cells[2].split("|"))
    return forms


def is_known(name: str, forms: set[str]) -> bool:
    """Covered: the candidate or one of its word suffixes is a form, or it begins a longer form."""
    words = name.split()
    if any(" ".join(words[i:]) in forms for i in range(len(words))):
        return True
    # A name followed by a stray word ("دونالد ترامب الثلاثاء") is covered by its leading words.
    if any(" ".join(words[:i]) in forms for i in range(2, len(words))):
        return True
    return any(form.startswith(name + " ") for form in forms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ANT)
    parser.add_argument("--top", type=int, default=600)
    parser.add_argument("--min", type=int, default=3, help="minimum count to list")
    parser.add_argument("--missing", action="store_true", help="list only uncovered candidates")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    counts = mine(args.corpus)
    forms = known_forms()
    top = [(n, c) for n, c in counts.most_common() if c >= args.min][: args.top]
    covered = sum(is_known(n, forms) for n, _ in top)
    for name, count in top:
        known = is_known(name, forms)
        if not (args.missing and known):
            print(f"{count}\t{'+' if known else '-'}\t{name}")
    print(f"# {covered}/{len(top)} candidates covered by persons.tsv", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
