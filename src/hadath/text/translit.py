"""A readable Latin spelling for Arabic names the lexicons do not know.

Arabic script leaves short vowels out, so a letter-by-letter rendering is
hard to read ("Tbwn"); this one keeps the consonant skeleton, renders long
vowels, spells the name parts news repeats most (محمد, عبد, الـ) the way
English-language news does, and inserts an "a" between two consonants that
would otherwise run together. It is a label for people, not a romanisation
standard.

    >>> latin_name("عبدالمجيد تبون")
    'Abdelmajid Tabun'
"""

from __future__ import annotations

import functools

from hadath.text.fold import strip_marks

__all__ = ["latin_name"]

# Whole name parts, as English-language news usually spells them (folded keys).
_KNOWN_PARTS = {
    "محمد": "Mohammed", "أحمد": "Ahmed", "احمد": "Ahmed", "محمود": "Mahmoud", "علي": "Ali",
    "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar", "خالد": "Khaled", "يوسف": "Youssef",
    "إبراهيم": "Ibrahim", "ابراهيم": "Ibrahim", "مصطفى": "Mustafa", "عبد": "Abdel",
    "عبدالله": "Abdullah", "عبد الله": "Abdullah", "سعيد": "Said", "صالح": "Saleh",
    "سليمان": "Suleiman", "فهد": "Fahd", "فيصل": "Faisal", "سلمان": "Salman", "أبو": "Abu",
    "ابو": "Abu", "بن": "bin", "ابن": "ibn", "آل": "Al", "مصطفي": "Mustafa", "جمال": "Jamal",
}
_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v", "ک": "k", "ی": "y",
}
_VOWELS = set("aeiou")
_LONG_VOWEL_LETTERS = {"و": "u", "ي": "i", "ا": "a"}  # between consonants


def _word(word: str) -> str:
    if word in _KNOWN_PARTS:
        return _KNOWN_PARTS[word]
    for part in ("عبد", "أبو", "ابو"):  # عبدالمجيد → Abdel + majid
        if word.startswith(part) and len(word) > len(part) + 2:
            rest = word[len(part):]
            rest = rest[2:] if rest.startswith("ال") else rest
            return _KNOWN_PARTS[part] + _word(rest).lower()
    if word.startswith("ال") and len(word) > 3:
        return "al-" + _word(word[2:])
    out = ""
    last = len(word) - 1
    for i, letter in enumerate(word):
        if i > 0 and letter in _LONG_VOWEL_LETTERS and (i < last or letter != "ا"):
            sound = _LONG_VOWEL_LETTERS[letter]  # waw, yeh, alef after the first letter: vowels
        else:
            sound = _LETTERS.get(letter, letter)
        if out and sound and out[-1] not in _VOWELS and sound[0] not in _VOWELS:
            out += "a"  # an unwritten short vowel, so the name can be read
        out += sound
    return out[:1].upper() + out[1:]


@functools.lru_cache(maxsize=50_000)
def latin_name(arabic: str) -> str:
    """A Latin-script label for an Arabic name."""
    words = strip_marks(arabic).replace("\u0640", "").split()
    parts = [_word(w) for w in words]
    return " ".join(p for p in parts if p)
