"""Characters and words that news text and hostile text are made of.

The fuzzers draw from these so that short inputs reach the lexicons (real
Arabic news words) and the corners of the text layer (harakat, tatweel,
bidirectional controls, joiners, quotation marks of every style, digits in
three scripts) instead of spending their time on arbitrary code points.
"""

from __future__ import annotations

__all__ = ["ALPHABET", "PUBLISHED", "WORDS", "text_from_bytes"]

_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
_MARKS = [chr(c) for c in range(0x064B, 0x0660)] + [
    "\u0670",  # superscript alef
    "\u06d6",  # small high ligature sad with lam with alef maksura
    "\u06ed",  # small low meem
    "\u0640",  # tatweel
]
_VARIANTS = list("\u0671\u0672\u06a9\u06cc\u06c1\u06d2\u0660\u0669\u06f0\u06f9")  # wasla, Persian
_CONTROLS = [
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings, pop, overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\ufeff", "\u00ad", "\u061c",  # BOM, soft hyphen, Arabic letter mark
    "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",  # odd line breaks, NUL
]
_QUOTES = list('"\'“”„‟«»‘’‚‛‹›「」『』״″')
_PUNCTUATION = list(".!?؟…،؛:-–—•*·()[]{}#_/\\<>&;=%@|~^`+,٪٫٬")
_DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
_SPACE = list(" \n\r\t\u00a0\u2009\u3000")
_LATIN = [*"aeiouAZxyz", "\u00e9", "\u0130", "\u1e9e", "\ufb01"]  # é, İ, ẞ, ﬁ (case traps)
_OTHER = ["\U0001f600", "\u05d0", "\u4e2d", "\ufdfa", "\ufefb", "\ufe8d", "\u0890", "\U00010e60"]

ALPHABET: tuple[str, ...] = tuple(
    _LETTERS + _MARKS + _VARIANTS + _CONTROLS + _QUOTES + _PUNCTUATION + _DIGITS + _SPACE
    + _LATIN + _OTHER
)

# Words of Arabic news: speech verbs, actions, roles, countries, dates, negation, clitics.
WORDS: tuple[str, ...] = (
    "قال", "وقال", "أكد", "أن", "إن", "وأضاف", "صرح", "نفى", "لم", "لن", "سوف", "إذا",
    "التقى", "زار", "استقبل", "هاجم", "انتقد", "أدان", "دعا", "هدد", "اتفقت", "وقع", "اتفاقية",
    "الرئيس", "وزير", "الخارجية", "الدفاع", "الروسي", "الجزائري", "رئيس", "الوزراء", "الجيش",
    "الحكومة", "المتحدث", "باسم", "الأمين", "العام", "للأمم", "المتحدة", "مسلحون", "الشرطة",
    "روسيا", "والجزائر", "لليبيا", "بموسكو", "تركيا", "مصر", "القاهرة", "طرابلس", "بغداد",
    "سيرغي", "لافروف", "عبدالمجيد", "تبون", "نظيره", "بلاده",
    "أمس", "اليوم", "الثلاثاء", "الأحد", "يناير", "كانون", "الثاني", "جانفي", "2024", "٢٠٢٠",
    "في", "من", "على", "إلى", "مع", "عن", "حول", "خلال", "قرب", "الحدود",
    "«", "»", '"', "“", "”", ".", "،", "\n\n", " ",
)

PUBLISHED: tuple[str | None, ...] = (
    None, "", "2024-03-06", "2024-03-06T10:00:00+00:00", "2020-07-09T23:59:59Z", "2024-02-30",
    "0001-01-01", "9999-12-31T23:59:59", "2024", "2024-13", "yesterday", "\u0662\u0660\u0662\u0664",
)


def text_from_bytes(data: bytes) -> str:
    """A string built from `data`: each byte picks a character or a news word.

    Bytes 0-199 pick from ALPHABET (modulo its size), 200-247 pick a word, and
    248-255 take the next two bytes as any code point of the Basic Multilingual
    Plane outside the surrogates (which readers reject before the pipeline).
    """
    out: list[str] = []
    at = 0
    while at < len(data):
        byte = data[at]
        at += 1
        if byte < 200:
            out.append(ALPHABET[byte % len(ALPHABET)])
        elif byte < 248:
            out.append(WORDS[(byte - 200 + 48 * (at % 3)) % len(WORDS)])
        else:
            point = int.from_bytes(data[at:at + 2].ljust(2, b"\0"), "big")
            at += 2
            out.append(chr(point) if not 0xD800 <= point <= 0xDFFF else "\ufffd")
    return "".join(out)
