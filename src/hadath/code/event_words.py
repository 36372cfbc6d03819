"""The small Arabic words the event coder reads around a trigger: negations, modal and
future markers, clause openers, prepositions, light verbs and the like (folded forms).

Kept apart from the rules in events.py so that a reader can see, and extend, what each
rule listens for.
"""

from __future__ import annotations

import re

from hadath.lexicon.cameo import load_cameo
from hadath.text.fold import fold_str

__all__ = [
    "ADVERBIAL_WORDS",
    "AGENT_WORDS",
    "ARMED_ROLES",
    "ASIDE_PUNCT",
    "ASIDE_WORDS",
    "ASSAULT",
    "AUTHORITY_ROLES",
    "BETWEEN",
    "BI",
    "CLAUSE_PUNCT",
    "CLAUSE_WORDS",
    "COMMAS",
    "COMPLAIN",
    "COMPLEMENTIZERS",
    "CONDITION",
    "CONJUNCTIONS",
    "COOPERATIVE_ROOTS",
    "CRITICIZE",
    "DAMMA",
    "DATELINE",
    "DECLINE_VERBS",
    "DECLINE_WINDOW",
    "DENIALS",
    "FEMININE_ENDINGS",
    "FEMININE_PAST",
    "FORCE_NOUN_ROOTS",
    "FORCE_ROOTS",
    "FUTURE",
    "GOVERNING_PREPOSITIONS",
    "HALT_VERBS",
    "HARD_PUNCT",
    "HISTORY_DAYS",
    "INSTRUMENT_PREPOSITIONS",
    "LIGHT_VERBS",
    "LIGHT_VERB_WINDOW",
    "MAA",
    "MARKS",
    "MASCULINE_PLURAL_ENDINGS",
    "MASCULINE_STATES",
    "MAX_CO_TARGETS",
    "MIN",
    "MODIFIER_WINDOW",
    "NEGATIONS",
    "NEWS_DAYS",
    "NO_COMMENT",
    "NUMBERS",
    "OFFICIAL_PROTEST_VERBS",
    "PARTICLES",
    "PASSIVE_VERBS",
    "PATIENT_FIRST",
    "PLACE_PREPOSITIONS",
    "PLUPERFECT",
    "PREPOSITIONS",
    "PREPOSITIONS_ALL",
    "PRESENT_LETTERS",
    "PRESENT_PREFIXES",
    "PRONOUN_COMPLEMENTIZERS",
    "PROTEST_ROOT",
    "QABL",
    "QUOTED_NAME_WORDS",
    "QUOTE_MARKS",
    "REFUSALS",
    "REJECT",
    "RELATIVES",
    "SHORT_ASIDE_WORDS",
    "SINCE",
    "SINCE_CHARS",
    "SINCE_WORDS",
    "SMALL_ARMS",
    "SOFT_PUNCT",
    "SOURCE_WINDOW",
    "SPEECH_NOUNS",
    "STATE_ROLES",
    "STATE_VERBS",
    "TEAM_WORDS",
    "TOPIC_PREPOSITIONS",
    "UNDIRECTED_ROOTS",
    "VERBAL_ATTACK_VERBS",
    "VERB_ENDINGS",
    "WA",
    "folded",
]


def folded(*words: str) -> frozenset[str]:
    return frozenset(fold_str(w) for w in words)


# Complementizers and relative pronouns open a new clause (قال إن روسيا …، التي …).
CLAUSE_WORDS = folded("إن", "أن", "بأن", "وأن", "لأن", "الذي", "التي", "الذين", "حيث",
                        "بينما", "فيما", "عندما", "بعدما", "بعد", "قبل", "لكن", "ولكن", "غير")
CLAUSE_PUNCT = frozenset(".,:;!?\u060c\u061b\u061f\"«»“”()")  # . , : ; ! ? ، ؛ ؟ quotes
NEGATIONS = folded("لم", "لن", "لا", "ليس", "ليست", "ما", "عدم", "دون", "بدون", "نفى", "نفت",
                     "ينفي", "تنفي", "بلا")
FUTURE = folded("سوف", "سيتم", "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم", "يعتزمان",
                  "ينوي", "تنوي", "تعتزمان", "يخطط", "تخطط", "يرتقب", "مرتقب", "مرتقبة",
                  "سيكون", "ستكون", "قريبا", "غدا")
CONDITION = folded("إذا", "اذا", "لو", "لولا", "حال", "حالة", "قد", "ربما", "يمكن", "يجب",
                     "ينبغي", "يحتمل", "احتمال", "إمكانية", "يأمل", "تأمل", "نأمل", "يأملون")
PREPOSITIONS = folded("في", "إلى", "على", "من", "عن", "حول", "بشأن", "ضد", "أجل", "بهدف",
                        "بعد", "قبل", "خلال", "إثر", "عقب", "بسبب", "منذ", "لدعم", "نحو", "أمام")
# Before a verbal noun these make it a purpose, topic or cause, not a reported event; time
# words (بعد، عقب، خلال) and في do not (عقب اتصال هاتفي بين …، في لقاء جمع …).
# Also the nouns that set a scene rather than report one: على هامش، في سياق، في إطار.
# And مقابل (in exchange for: a condition), وراء (بالوقوف وراء: an allegation).
TOPIC_PREPOSITIONS = folded("هامش", "سياق", "إطار", "إلى", "على", "من", "عن", "حول", "بشأن",
                            "ضد", "أجل", "بهدف", "لدعم", "نحو", "أمام", "منذ", "بسبب", "مقابل",
                            "وراء")
AGENT_WORDS = folded("قبل", "يد")
QABL, MIN = fold_str("قبل"), fold_str("من")
BETWEEN = folded("بين")
REFUSALS = folded("لن")
COOPERATIVE_ROOTS = frozenset(("03", "04", "05", "06", "07", "08"))
REJECT = load_cameo()["120"]
COMPLEMENTIZERS = folded("أن", "إن", "بأن", "وأن", "لأن")
PARTICLES = folded("قد", "لقد", "فقد", "وقد")
# Every preposition, as a word or a glued letter, and place nouns that act like one.
PREPOSITIONS_ALL = PREPOSITIONS | folded("ب", "ل", "ك", "مع", "لدى", "جنوب", "شمال", "شرق",
                                            "غرب", "وسط", "داخل", "قرب", "أنحاء")
CONJUNCTIONS = folded("و", "ف")
# Triggers whose following noun is the one acted upon: news writes "قتل 53 عنصرا" (53 were
# killed) and "مقتل ضابط", "اعتقال الصحفي", so the actor must come before or after من قبل.
PATIENT_FIRST = folded("قتل", "مقتل", "اغتيال", "محاولة", "اختطاف", "خطف", "اعتقال", "توقيف",
                         "احتجاز", "أصيب", "إصابة", "أسر", "إعدام", "تصفية", "استهداف", "ضحايا",
                         "تسميم", "تسمم")
PASSIVE_VERBS = folded("قتل", "أصيب", "اغتال")  # اغتيل اللواء: the victim comes first
DENIALS = folded("نفى", "نفت", "ينفي", "تنفي", "نفيا", "نافيا", "نافية")
# كان before a verb sets it before the news (وكانت استهدفت، كان قد أعلن).
PLUPERFECT = folded("كان", "كانت", "كانوا", "كانا", "كانتا")
NEWS_DAYS = 3  # a date this close to publication makes a relative clause news
HISTORY_DAYS = 45  # a date this long before publication, ahead of a trigger, makes it history
# Team words: the country after them is a side in a match (المنتخب التونسي).
TEAM_WORDS = folded("منتخب", "نادي", "فريق", "لاعب", "لاعبي", "مرمى", "دوري")
RELATIVES = folded("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان")
# Verbs that take an event noun as object: بدأ زيارة، أجرى محادثات، شن غارات، نفذ هجوما.
LIGHT_VERBS = folded("بدأ", "بدأت", "أجرى", "أجرت", "أجريا", "قام", "قامت", "شن", "شنت", "نفذ",
                       "نفذت", "واصل", "واصلت", "عقد", "عقدت", "عقدا", "أطلق", "أطلقت", "اختتم",
                       "اختتمت", "يجري", "تجري", "يبدأ", "تبدأ", "يواصل", "تواصل",
                       # participation: شارك الآلاف في مسيرة
                       "شارك", "شاركت", "شاركوا", "يشارك", "تشارك",
                       # intent: يعتزم الرئيس زيارة لبنان
                       "يعتزم", "تعتزم", "ينوي", "تنوي", "قرر", "قررت", "يستعد", "تستعد",
                       "يعتزمان", "أعلن", "أعلنت")
LIGHT_VERB_WINDOW = 8
ASIDE_WORDS = 8  # the longest name or date set off by commas
ADVERBIAL_WORDS = 5  # the longest phrase before a verb that still leaves its subject unsaid
QUOTED_NAME_WORDS = 4  # the longest name in quote marks read as part of its clause
QUOTE_MARKS = frozenset('"«»“”')
SHORT_ASIDE_WORDS = 3  # the longest other phrase set off by commas (، في بيان،)
# Commas around a date (أعلنت أستراليا، الاثنين، وقف) and the marks of a hashtag name.
SOFT_PUNCT = frozenset("\u060c,#_")
COMMAS = frozenset("\u060c,")  # ، ,
HARD_PUNCT = frozenset(".!?:;\u061b\u061f")  # a bracket never spans these: . ! ? : ; ؛ ؟
ASIDE_PUNCT = SOFT_PUNCT | {"(", ")"}
# Roots coded without a target: a protest or a bombing may have no addressee in the text.
# Every other event is a dyad, as in GDELT; with no target found it is not coded.
UNDIRECTED_ROOTS = frozenset(("14", "18"))
# هاجم said of a ministry or a person is a verbal attack (111), of an army or a militia force.
VERBAL_ATTACK_VERBS = folded("هاجم", "اشتبك")  # اشتبك ترامب مع ميركل: a row
ARMED_ROLES = frozenset(("MIL", "REB", "UAF", "COP", "SPY", "INS"))
CRITICIZE = load_cameo()["111"]
OFFICIAL_PROTEST_VERBS = folded("احتج")
COMPLAIN = load_cameo()["114"]
FORCE_NOUN_ROOTS = frozenset(("18", "19", "20"))  # an attack noun: غارة، قصف، هجوم
# قتل … في قصف، جراء غارة، إثر هجوم، بصاروخ: the attack that caused a death.
INSTRUMENT_PREPOSITIONS = folded("في", "جراء", "إثر", "خلال", "بعد", "عقب", "بسبب")
BI = fold_str("ب")
# Verb agreement: a past verb with none of these endings is masculine singular (طالب), and a
# noun ending in one of FEMININE_ENDINGS (منظمات، الحكومة) would need طالبت.
PRESENT_PREFIXES = frozenset(fold_str("يتن"))  # not أ: folded, it is every اـ verb
VERB_ENDINGS = frozenset(fold_str("تاون"))
# States whose Arabic names are masculine (أعلن العراق); the others take a feminine verb.
MASCULINE_STATES = frozenset(("IRQ", "JOR", "LBN", "SDN", "SSD", "YEM", "MAR", "BHR", "SOM",
                              "SEN", "CMR", "GAB"))
FEMININE_PAST = fold_str("ت")  # استنكرت: the feminine past of استنكر
MASCULINE_PLURAL_ENDINGS = tuple(fold_str(e) for e in ("ين", "ون"))  # الحوثيين، المسلحون
FEMININE_ENDINGS = tuple(fold_str(e) for e in ("ات", "ة"))
WA = fold_str("و")
# Prepositions after which a verb-looking word is a verbal noun (في قصف، على اعتقال).
GOVERNING_PREPOSITIONS = folded("في", "على", "من", "إلى", "عن", "بعد", "قبل", "خلال", "إثر",
                                "عقب", "جراء", "بسبب", "ضد", "حول", "بشأن", "منذ")
DAMMA = "\u064f"  # the passive's vowel on a past verb's first letters (طُلِب)
MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653))  # harakat, shadda, sukun
PRESENT_LETTERS = frozenset("يتن")  # present-tense prefixes, unfolded
# أن/إن with a pronoun: the complement clause's subject is one named before (أكدت أنها …).
PRONOUN_COMPLEMENTIZERS = folded("أنه", "أنها", "أنهم", "أنهما", "إنه", "إنها", "إنهم", "إنهما",
                                 "بأنه", "بأنها", "بأنهم", "وأنه", "وأنها")
# A date within a few words after منذ starts a period (منذ سقوط نظام القذافي في 2011).
SINCE = folded("منذ")
SINCE_WORDS = 8
SINCE_CHARS = 80
PROTEST_ROOT = "14"
# أوقف is "arrested" only with a person or group right after it (أوقفت الشرطة صحفيا);
# أوقفوا حركة الملاحة halted something.
HALT_VERBS = folded("أوقف")
# Fire at civilians or a person is an assault (18), not a battle (19).
SMALL_ARMS = "193"
ASSAULT = load_cameo()["180"]
DATELINE = re.compile(r"^[^\n.]{0,80}?(?:\([^)\n]{1,20}\))?\s*(?:--|\u2014|\u2013)")
# رفض السفير … التعليق: declining to speak is a statement (011), not a rejection.
DECLINE_VERBS = folded("رفض", "امتنع")
SPEECH_NOUNS = folded("التعليق", "تعليق", "الإدلاء", "الإجابة", "الرد", "تأكيد", "التأكيد",
                      "الكشف", "الحديث", "تفاصيل", "إعطاء")
DECLINE_WINDOW = 8  # words after رفض within which the speech noun may come
NO_COMMENT = load_cameo()["011"]
# Verbs whose present tense tells a lasting state, not an event (تسيطر الفصائل على …).
STATE_VERBS = folded("سيطر", "استضاف", "احتل")
MAX_CO_TARGETS = 2  # events for targets joined by و after the first
STATE_ROLES = frozenset(("", "GOV", "MIL", "COP", "SPY"))  # a state and its apparatus
# Roles that police or govern: as the source of a protest noun they are its target.
AUTHORITY_ROLES = frozenset(("GOV", "COP", "MIL", "SPY", "JUD"))
# Number words that open an object (قتل مسلحون ثلاثة جنود).
NUMBERS = folded("اثنين", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة",
                 "عشرة", "عشرات", "مئات", "آلاف", "عددا", "عدد", "ثلاث", "أربع", "خمس", "ست",
                 "سبع", "ثماني", "تسع", "عشر")
MAA = fold_str("مع")
PLACE_PREPOSITIONS = folded("من", "ب", "في")  # a place after these is where, not whom
FORCE_ROOTS = frozenset(("15", "17", "18", "19", "20"))
MODIFIER_WINDOW = 3  # tokens before a trigger searched for negation and mode
SOURCE_WINDOW = 6  # tokens after a trigger within which its source may start
