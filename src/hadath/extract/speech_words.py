"""Words around quotations: speech verbs, complementizers, attributions, anonymous heads.

A data module (as spaCy's `lang/ar/stop_words.py`): plain tables, no logic.
`hadath.extract.speech` folds and inflects them. Arabic is written as \\u
escapes with a Buckwalter transliteration in the comment.

Verb kinds:
- say: introduces a quotation; the speaker is the verb's subject (قال، أكد، أشار إلى).
- add: continues the previous speaker's words when no subject follows (أضاف، تابع).
- call: an appeal whose object is the reported content (دعا إلى، طالب بـ).
- relay: a source passing on someone's words (نقل عن): the speaker follows عن.
- noun: the verbal noun after a relay (عن فلان قوله): the speaker precedes it.

Sources: general knowledge of Arabic news style; forms checked against the ANT corpus.
"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE_PREPS",
    "ANAPHORIC_HEADS",
    "ANONYMITY_MARKS",
    "ANONYMOUS_HEADS",
    "ATTRIBUTIONS",
    "AUXILIARIES",
    "BLOCKERS",
    "CALL_PREPS",
    "CLAUSE_OPENERS",
    "COMPLEMENTIZERS",
    "DOCUMENTS",
    "FROM_WORDS",
    "HEAD_ROLES",
    "KANA",
    "NARRATOR_ASIDES",
    "NEGATIONS",
    "NON_SUBJECT_STARTERS",
    "OBJECT_PREPS",
    "PREPOSITIONS",
    "PRONOUN_PREPS",
    "QAD",
    "RANKS",
    "RELAYING",
    "SPOKESPERSONS",
    "TITLE_CUES",
    "VERBS",
]

# Speech verbs: (kind, past 3ms, imperfect 3ms, participles, other forms); Buckwalter in comments.
VERBS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (  # qAl yqwl qA}lA qA}lp qA}lyn qAlwA qlt qlnA
        "say",
        "\u0642\u0627\u0644",
        "\u064a\u0642\u0648\u0644",
        (
            "\u0642\u0627\u0626\u0644\u0627",  # qA}lA
            "\u0642\u0627\u0626\u0644\u0629",  # qA}lp
            "\u0642\u0627\u0626\u0644\u064a\u0646",  # qA}lyn
            # verbal nouns that share the sentence's subject: (رد) بالقول، (بث الفوضى) بقوله
            "\u0628\u0627\u0644\u0642\u0648\u0644",  # bAlqwl
            "\u0628\u0642\u0648\u0644\u0647",  # bqwlh
            "\u0628\u0642\u0648\u0644\u0647\u0627",  # bqwlhA
            "\u0628\u0642\u0648\u0644\u0647\u0645",  # bqwlhm
        ),
        (
            "\u0642\u0627\u0644\u0648\u0627",  # qAlwA
            "\u0642\u0644\u062a",  # qlt
            "\u0642\u0644\u0646\u0627",  # qlnA
        ),
    ),
    (  # >kd y&kd m&kdA m&kdp m&kdyn
        "say",
        "\u0623\u0643\u062f",
        "\u064a\u0624\u0643\u062f",
        (
            "\u0645\u0624\u0643\u062f\u0627",  # m&kdA
            "\u0645\u0624\u0643\u062f\u0629",  # m&kdp
            "\u0645\u0624\u0643\u062f\u064a\u0646",  # m&kdyn
        ),
        (),
    ),
    (  # >wDH ywDH mwDHA mwDHp mwDHyn
        "say",
        "\u0623\u0648\u0636\u062d",
        "\u064a\u0648\u0636\u062d",
        (
            "\u0645\u0648\u0636\u062d\u0627",  # mwDHA
            "\u0645\u0648\u0636\u062d\u0629",  # mwDHp
            "\u0645\u0648\u0636\u062d\u064a\u0646",  # mwDHyn
        ),
        (),
    ),
    (  # >$Ar y$yr m$yrA m$yrp m$yryn
        "say",
        "\u0623\u0634\u0627\u0631",
        "\u064a\u0634\u064a\u0631",
        (
            "\u0645\u0634\u064a\u0631\u0627",  # m$yrA
            "\u0645\u0634\u064a\u0631\u0629",  # m$yrp
            "\u0645\u0634\u064a\u0631\u064a\u0646",  # m$yryn
        ),
        (),
    ),
    (  # lft ylft lAftA lAftp lAftyn
        "say",
        "\u0644\u0641\u062a",
        "\u064a\u0644\u0641\u062a",
        (
            "\u0644\u0627\u0641\u062a\u0627",  # lAftA
            "\u0644\u0627\u0641\u062a\u0629",  # lAftp
            "\u0644\u0627\u0641\u062a\u064a\u0646",  # lAftyn
        ),
        (),
    ),
    (  # AEtbr yEtbr mEtbrA mEtbrp mEtbryn
        "say",
        "\u0627\u0639\u062a\u0628\u0631",
        "\u064a\u0639\u062a\u0628\u0631",
        (
            "\u0645\u0639\u062a\u0628\u0631\u0627",  # mEtbrA
            "\u0645\u0639\u062a\u0628\u0631\u0629",  # mEtbrp
            "\u0645\u0639\u062a\u0628\u0631\u064a\u0646",  # mEtbryn
        ),
        (),
    ),
    (  # H*r yH*r mH*rA mH*rp mH*ryn
        "say",
        "\u062d\u0630\u0631",
        "\u064a\u062d\u0630\u0631",
        (
            "\u0645\u062d\u0630\u0631\u0627",  # mH*rA
            "\u0645\u062d\u0630\u0631\u0629",  # mH*rp
            "\u0645\u062d\u0630\u0631\u064a\u0646",  # mH*ryn
        ),
        (),
    ),
    (  # >Eln yEln mElnA mElnp
        "say",
        "\u0623\u0639\u0644\u0646",
        "\u064a\u0639\u0644\u0646",
        (
            "\u0645\u0639\u0644\u0646\u0627",  # mElnA
            "\u0645\u0639\u0644\u0646\u0629",  # mElnp
        ),
        (),
    ),
    (  # nfY ynfy nAfyA nAfyp nft nfwA nfyA tnfy ynfwn
        "say",
        "\u0646\u0641\u0649",
        "\u064a\u0646\u0641\u064a",
        (
            "\u0646\u0627\u0641\u064a\u0627",  # nAfyA
            "\u0646\u0627\u0641\u064a\u0629",  # nAfyp
        ),
        (
            "\u0646\u0641\u062a",  # nft
            "\u0646\u0641\u0648\u0627",  # nfwA
            "\u0646\u0641\u064a\u0627",  # nfyA
            "\u062a\u0646\u0641\u064a",  # tnfy
            "\u064a\u0646\u0641\u0648\u0646",  # ynfwn
        ),
    ),
    (  # $dd y$dd m$ddA m$ddp m$ddyn
        "say",
        "\u0634\u062f\u062f",
        "\u064a\u0634\u062f\u062f",
        (
            "\u0645\u0634\u062f\u062f\u0627",  # m$ddA
            "\u0645\u0634\u062f\u062f\u0629",  # m$ddp
            "\u0645\u0634\u062f\u062f\u064a\u0646",  # m$ddyn
        ),
        (),
    ),
    (  # SrH ySrH mSrHA mSrHp
        "say",
        "\u0635\u0631\u062d",
        "\u064a\u0635\u0631\u062d",
        (
            "\u0645\u0635\u0631\u062d\u0627",  # mSrHA
            "\u0645\u0635\u0631\u062d\u0629",  # mSrHp
        ),
        (),
    ),
    (  # *kr y*kr *AkrA
        "say",
        "\u0630\u0643\u0631",
        "\u064a\u0630\u0643\u0631",
        (
            "\u0630\u0627\u0643\u0631\u0627",  # *AkrA
        ),
        (),
    ),
    (  # >fAd yfyd mfydA mfydp
        "say",
        "\u0623\u0641\u0627\u062f",
        "\u064a\u0641\u064a\u062f",
        (
            "\u0645\u0641\u064a\u062f\u0627",  # mfydA
            "\u0645\u0641\u064a\u062f\u0629",  # mfydp
        ),
        (),
    ),
    (  # k$f yk$f kA$fA kA$fp
        "say",
        "\u0643\u0634\u0641",
        "\u064a\u0643\u0634\u0641",
        (
            "\u0643\u0627\u0634\u0641\u0627",  # kA$fA
            "\u0643\u0627\u0634\u0641\u0629",  # kA$fp
        ),
        (),
    ),
    (  # r>Y yrY r>t r>wA trY yrwn
        "say",
        "\u0631\u0623\u0649",
        "\u064a\u0631\u0649",
        (),
        (
            "\u0631\u0623\u062a",  # r>t
            "\u0631\u0623\u0648\u0627",  # r>wA
            "\u062a\u0631\u0649",  # trY
            "\u064a\u0631\u0648\u0646",  # yrwn
        ),
    ),
    (  # zEm yzEm zAEmA zAEmp
        "say",
        "\u0632\u0639\u0645",
        "\u064a\u0632\u0639\u0645",
        (
            "\u0632\u0627\u0639\u0645\u0627",  # zAEmA
            "\u0632\u0627\u0639\u0645\u0629",  # zAEmp
        ),
        (),
    ),
    (  # AdEY ydEy mdEyA mdEyp AdEt AdEwA tdEy ydEwn
        "say",
        "\u0627\u062f\u0639\u0649",
        "\u064a\u062f\u0639\u064a",
        (
            "\u0645\u062f\u0639\u064a\u0627",  # mdEyA
            "\u0645\u062f\u0639\u064a\u0629",  # mdEyp
        ),
        (
            "\u0627\u062f\u0639\u062a",  # AdEt
            "\u0627\u062f\u0639\u0648\u0627",  # AdEwA
            "\u062a\u062f\u0639\u064a",  # tdEy
            "\u064a\u062f\u0639\u0648\u0646",  # ydEwn
        ),
    ),
    (  # >qr yqr
        "say",
        "\u0623\u0642\u0631",
        "\u064a\u0642\u0631",
        (),
        (),
    ),
    (  # AEtrf yEtrf mEtrfA mEtrfp
        "say",
        "\u0627\u0639\u062a\u0631\u0641",
        "\u064a\u0639\u062a\u0631\u0641",
        (
            "\u0645\u0639\u062a\u0631\u0641\u0627",  # mEtrfA
            "\u0645\u0639\u062a\u0631\u0641\u0629",  # mEtrfp
        ),
        (),
    ),
    (  # >blg
        "say",
        "\u0623\u0628\u0644\u063a",
        "",
        (),
        (),
    ),
    (  # twqE
        "say",
        "\u062a\u0648\u0642\u0639",
        "",
        (),
        (),
    ),
    (  # wEd wAEdA: a promise reports what will be done (وعد ... بأن); not yEd, tEd:
        # تعد is mostly "is considered"
        "say",
        "\u0648\u0639\u062f",
        "",
        (
            "\u0648\u0627\u0639\u062f\u0627",  # wAEdA
        ),
        (),
    ),
    (  # tEhd ytEhd mtEhdA mtEhdp
        "say",
        "\u062a\u0639\u0647\u062f",
        "\u064a\u062a\u0639\u0647\u062f",
        (
            "\u0645\u062a\u0639\u0647\u062f\u0627",  # mtEhdA
            "\u0645\u062a\u0639\u0647\u062f\u0629",  # mtEhdp
        ),
        (),
    ),
    (  # nwh ynwh mnwhA mnwhp
        "say",
        "\u0646\u0648\u0647",
        "\u064a\u0646\u0648\u0647",
        (
            "\u0645\u0646\u0648\u0647\u0627",  # mnwhA
            "\u0645\u0646\u0648\u0647\u0629",  # mnwhp
        ),
        (),
    ),
    (  # >lmH ylmH mlmHA mlmHp
        "say",
        "\u0623\u0644\u0645\u062d",
        "\u064a\u0644\u0645\u062d",
        (
            "\u0645\u0644\u0645\u062d\u0627",  # mlmHA
            "\u0645\u0644\u0645\u062d\u0629",  # mlmHp
        ),
        (),
    ),
    (  # ktb yktb
        "say",
        "\u0643\u062a\u0628",
        "\u064a\u0643\u062a\u0628",
        (),
        (),
    ),
    (  # grd ygrd
        "say",
        "\u063a\u0631\u062f",
        "\u064a\u063a\u0631\u062f",
        (),
        (),
    ),
    (  # >jAb yjyb mjybA
        "say",
        "\u0623\u062c\u0627\u0628",
        "\u064a\u062c\u064a\u0628",
        (
            "\u0645\u062c\u064a\u0628\u0627",  # mjybA
        ),
        (),
    ),
    (  # tsA'l ytsA'l mtsA}lA mtsA}lp
        "say",
        "\u062a\u0633\u0627\u0621\u0644",
        "\u064a\u062a\u0633\u0627\u0621\u0644",
        (
            "\u0645\u062a\u0633\u0627\u0626\u0644\u0627",  # mtsA}lA
            "\u0645\u062a\u0633\u0627\u0626\u0644\u0629",  # mtsA}lp
        ),
        (),
    ),
    (  # lAHZ ylAHZ
        "say",
        "\u0644\u0627\u062d\u0638",
        "\u064a\u0644\u0627\u062d\u0638",
        (),
        (),
    ),
    (  # >Erb yErb mErbA mErbp
        "say",
        "\u0623\u0639\u0631\u0628",
        "\u064a\u0639\u0631\u0628",
        (
            "\u0645\u0639\u0631\u0628\u0627",  # mErbA
            "\u0645\u0639\u0631\u0628\u0629",  # mErbp
        ),
        (),
    ),
    (  # >kml mkmlA
        "add",
        "\u0623\u0643\u0645\u0644",
        "",
        (
            "\u0645\u0643\u0645\u0644\u0627",  # mkmlA
        ),
        (),
    ),
    (  # >DAf yDyf mDyfA mDyfp mDyfyn
        "add",
        "\u0623\u0636\u0627\u0641",
        "\u064a\u0636\u064a\u0641",
        (
            "\u0645\u0636\u064a\u0641\u0627",  # mDyfA
            "\u0645\u0636\u064a\u0641\u0629",  # mDyfp
            "\u0645\u0636\u064a\u0641\u064a\u0646",  # mDyfyn
        ),
        (),
    ),
    (  # tAbE ytAbE mtAbEA
        "add",
        "\u062a\u0627\u0628\u0639",
        "\u064a\u062a\u0627\u0628\u0639",
        (
            "\u0645\u062a\u0627\u0628\u0639\u0627",  # mtAbEA
        ),
        (),
    ),
    (  # AstTrd ystTrd mstTrdA
        "add",
        "\u0627\u0633\u062a\u0637\u0631\u062f",
        "\u064a\u0633\u062a\u0637\u0631\u062f",
        (
            "\u0645\u0633\u062a\u0637\u0631\u062f\u0627",  # mstTrdA
        ),
        (),
    ),
    (  # >rdf yrdf mrdfA
        "add",
        "\u0623\u0631\u062f\u0641",
        "\u064a\u0631\u062f\u0641",
        (
            "\u0645\u0631\u062f\u0641\u0627",  # mrdfA
        ),
        (),
    ),
    (  # zAd
        "add",
        "\u0632\u0627\u062f",
        "",
        (),
        (),
    ),
    (  # dEA ydEw dAEyA dAEyp dAEyn dEt dEwA tdEw ydEwn
        "call",
        "\u062f\u0639\u0627",
        "\u064a\u062f\u0639\u0648",
        (
            "\u062f\u0627\u0639\u064a\u0627",  # dAEyA
            "\u062f\u0627\u0639\u064a\u0629",  # dAEyp
            "\u062f\u0627\u0639\u064a\u0646",  # dAEyn
        ),
        (
            "\u062f\u0639\u062a",  # dEt
            "\u062f\u0639\u0648\u0627",  # dEwA
            "\u062a\u062f\u0639\u0648",  # tdEw
            "\u064a\u062f\u0639\u0648\u0646",  # ydEwn
        ),
    ),
    (  # TAlb yTAlb mTAlbA
        "call",
        "\u0637\u0627\u0644\u0628",
        "\u064a\u0637\u0627\u0644\u0628",
        (
            "\u0645\u0637\u0627\u0644\u0628\u0627",  # mTAlbA
        ),
        (),
    ),
    (  # nA$d ynA$d mnA$dA mnA$dp
        "call",
        "\u0646\u0627\u0634\u062f",
        "\u064a\u0646\u0627\u0634\u062f",
        (
            "\u0645\u0646\u0627\u0634\u062f\u0627",  # mnA$dA
            "\u0645\u0646\u0627\u0634\u062f\u0629",  # mnA$dp
        ),
        (),
    ),
    (  # Hv yHv HAvA
        "call",
        "\u062d\u062b",
        "\u064a\u062d\u062b",
        (
            "\u062d\u0627\u062b\u0627",  # HAvA
        ),
        (),
    ),
    (  # nql ynql nAqlA nqlt
        "relay",
        "\u0646\u0642\u0644",
        "\u064a\u0646\u0642\u0644",
        (
            "\u0646\u0627\u0642\u0644\u0627",  # nAqlA
        ),
        (
            "\u0646\u0642\u0644\u062a",  # nqlt
        ),
    ),
    (  # qwlh qwlhA qwlhm qwlh qwlhmA
        "noun",
        "",
        "",
        (),
        (
            "\u0642\u0648\u0644\u0647",  # qwlh
            "\u0642\u0648\u0644\u0647\u0627",  # qwlhA
            "\u0642\u0648\u0644\u0647\u0645",  # qwlhm
            "\u0642\u0648\u0644\u0647",  # qwlh
            "\u0642\u0648\u0644\u0647\u0645\u0627",  # qwlhmA
        ),
    ),
)

COMPLEMENTIZERS: tuple[str, ...] = (
    "\u0625\u0646",  # <n
    "\u0623\u0646",  # >n
)

BLOCKERS: tuple[str, ...] = (
    "\u0625\u0644\u0627",  # <lA
    "\u0628\u0639\u062f",  # bEd
    "\u0642\u0628\u0644",  # qbl
    "\u0645\u0646\u0630",  # mn*
    "\u0631\u063a\u0645",  # rgm
    "\u0628\u0631\u063a\u0645",  # brgm
    "\u063a\u064a\u0631",  # gyr
    "\u0643\u0645\u0627",  # kmA
    "\u062d\u064a\u062b",  # Hyv
    "\u0628\u0645\u0627",  # bmA
    "\u0645\u0639",  # mE
    "\u062f\u0648\u0646",  # dwn
    "\u0644\u0648",  # lw
    "\u064a\u062c\u0628",  # yjb
    "\u064a\u0646\u0628\u063a\u064a",  # ynbgy
    "\u064a\u0645\u0643\u0646",  # ymkn
    "\u0628\u062f",  # bd
    "\u062d\u062a\u0649",  # HtY
    "\u0644\u0643\u0646",  # lkn
)

ADDRESSEE_PREPS: tuple[str, ...] = (
    "\u0625\u0644\u0649",  # <lY
    "\u0623\u0645\u0627\u0645",  # >mAm
    "\u0644\u062f\u0649",  # ldY
)

ATTRIBUTIONS: tuple[str, ...] = (
    "\u0628\u062d\u0633\u0628",  # bHsb
    "\u062d\u0633\u0628",  # Hsb
    "\u062d\u0633\u0628\u0645\u0627",  # HsbmA
    "\u0648\u0641\u0642",  # wfq
    "\u0648\u0641\u0642\u0627",  # wfqA
    "\u0637\u0628\u0642\u0627",  # TbqA
    "\u0646\u0642\u0644\u0627",  # nqlA
    "\u0644\u0633\u0627\u0646",  # lsAn
    "\u062a\u0639\u0628\u064a\u0631",  # tEbyr
)

ANONYMOUS_HEADS: tuple[str, ...] = (
    "\u0645\u0635\u062f\u0631",  # mSdr
    "\u0645\u0635\u0627\u062f\u0631",  # mSAdr
    "\u0634\u0647\u0648\u062f",  # $hwd
    "\u0634\u0627\u0647\u062f",  # $Ahd
    "\u0645\u0631\u0627\u0642\u0628\u0648\u0646",  # mrAqbwn
    "\u0645\u062d\u0644\u0644\u0648\u0646",  # mHllwn
    "\u0645\u0637\u0644\u0639\u0648\u0646",  # mTlEwn
    "\u0646\u0627\u0634\u0637\u0648\u0646",  # nA$Twn
    "\u0645\u0635\u062f\u0631\u0627",  # mSdrA
)

ANONYMITY_MARKS: tuple[str, ...] = (
    "\u0647\u0648\u064a\u062a\u0647",  # hwyth
    "\u0647\u0648\u064a\u062a\u0647\u0627",  # hwythA
    "\u0647\u0648\u064a\u062a\u0647\u0645",  # hwythm
    "\u0627\u0633\u0645\u0647",  # Asmh
    "\u0627\u0633\u0645\u0647\u0627",  # AsmhA
    "\u0623\u0633\u0645\u0627\u0626\u0647\u0645",  # >smA}hm
    "\u0627\u0633\u0645\u0627\u0626\u0647\u0645",  # AsmA}hm
    "\u0647\u0648\u064a\u062a\u0647\u0645\u0627",  # hwythmA
    "\u062a\u0633\u0645\u0647",  # tsmh
    "\u064a\u0633\u0645\u0647",  # ysmh
    "\u062a\u0633\u0645\u0647\u0627",  # tsmhA
    "\u064a\u0633\u0645\u0647\u0627",  # ysmhA
    "\u062a\u0633\u0645\u0647\u0645",  # tsmhm
    "\u064a\u0633\u0645\u0647\u0645",  # ysmhm
)

ANAPHORIC_HEADS: tuple[str, ...] = (
    "\u0645\u0646\u0638\u0645\u0629",  # mnZmp
    "\u062d\u0631\u0643\u0629",  # Hrkp
    "\u0648\u0632\u0627\u0631\u0629",  # wzArp
    "\u0648\u0632\u064a\u0631",  # wzyr
    "\u0631\u0626\u064a\u0633",  # r}ys
    "\u0645\u0633\u0624\u0648\u0644",  # ms&wl
    "\u0645\u062a\u062d\u062f\u062b",  # mtHdv
    "\u0646\u0627\u0637\u0642",  # nATq
    "\u062c\u0645\u0627\u0639\u0629",  # jmAEp
    "\u062d\u0632\u0628",  # Hzb
    "\u0645\u062c\u0644\u0633",  # mjls
    "\u062c\u064a\u0634",  # jy$
    "\u062d\u0643\u0648\u0645\u0629",  # Hkwmp
    "\u0628\u064a\u0627\u0646",  # byAn
    "\u0648\u0643\u0627\u0644\u0629",  # wkAlp
    "\u0627\u0644\u0631\u0626\u0627\u0633\u0629",  # Alr}Asp
)

TITLE_CUES: tuple[str, ...] = (
    "\u0639\u0645\u0644\u064a\u0629",  # Emlyp
    "\u062d\u0645\u0644\u0629",  # Hmlp
    "\u0643\u062a\u0627\u0628",  # ktAb
    "\u0641\u064a\u0644\u0645",  # fylm
    "\u0628\u0631\u0646\u0627\u0645\u062c",  # brnAmj
    "\u0645\u0628\u0627\u062f\u0631\u0629",  # mbAdrp
    "\u0635\u062d\u064a\u0641\u0629",  # SHyfp
    "\u0645\u062c\u0644\u0629",  # mjlp
    "\u0648\u0643\u0627\u0644\u0629",  # wkAlp
    "\u0642\u0646\u0627\u0629",  # qnAp
    "\u0645\u0648\u0642\u0639",  # mwqE
    "\u0645\u0624\u062a\u0645\u0631",  # m&tmr
    "\u062d\u0632\u0628",  # Hzb
    "\u0645\u0646\u0638\u0645\u0629",  # mnZmp
    "\u062c\u0645\u0627\u0639\u0629",  # jmAEp
    "\u062d\u0631\u0643\u0629",  # Hrkp
    "\u062a\u0646\u0638\u064a\u0645",  # tnZym
    "\u0634\u0639\u0627\u0631",  # $EAr
    "\u0634\u0639\u0627\u0631\u0627\u062a",  # $EArAt
    "\u0648\u0633\u0645",  # wsm
    "\u0647\u0627\u0634\u062a\u0627\u063a",  # hA$tAg
    "\u0647\u0627\u0634\u062a\u0627\u062c",  # hA$tAj
    "\u0631\u0648\u0627\u064a\u0629",  # rwAyp
    "\u0642\u0627\u0646\u0648\u0646",  # qAnwn
    "\u0645\u0634\u0631\u0648\u0639",  # m$rwE
    "\u062e\u0637\u0629",  # xTp
    "\u0635\u0641\u0642\u0629",  # Sfqp
    "\u0645\u0633\u0644\u0633\u0644",  # mslsl
    "\u0644\u0642\u0628",  # lqb
    "\u0639\u0646\u0648\u0627\u0646",  # EnwAn
    "\u0628\u0639\u0646\u0648\u0627\u0646",  # bEnwAn
    "\u0627\u0633\u0645",  # Asm
    "\u0628\u0627\u0633\u0645",  # bAsm
    "\u0627\u0644\u0645\u0633\u0645\u0649",  # AlmsmY
    "\u0627\u0644\u0645\u0633\u0645\u0627\u0629",  # AlmsmAp
    "\u064a\u0633\u0645\u0649",  # ysmY
    "\u062a\u0633\u0645\u0649",  # tsmY
    "\u064a\u062f\u0639\u0649",  # ydEY
    "\u062a\u062f\u0639\u0649",  # tdEY
    "\u0645\u0633\u0631\u062d\u064a\u0629",  # msrHyp
    "\u0623\u063a\u0646\u064a\u0629",  # >gnyp
    "\u0642\u0635\u064a\u062f\u0629",  # qSydp
    "\u062a\u062d\u0627\u0644\u0641",  # tHAlf
    "\u0627\u0626\u062a\u0644\u0627\u0641",  # A}tlAf
    "\u0643\u062a\u064a\u0628\u0629",  # ktybp
    "\u0644\u0648\u0627\u0621",  # lwA'
    "\u062c\u0628\u0647\u0629",  # jbhp
    "\u062a\u0642\u0631\u064a\u0631",  # tqryr
    "\u062f\u0631\u0627\u0633\u0629",  # drAsp
    "\u0645\u0646\u0627\u0648\u0631\u0627\u062a",  # mnAwrAt
    "\u062a\u0645\u0631\u064a\u0646",  # tmryn
    "\u0645\u0646\u062a\u062f\u0649",  # mntdY
    "\u0645\u0647\u0631\u062c\u0627\u0646",  # mhrjAn
    "\u062c\u0627\u0626\u0632\u0629",  # jA}zp
    "\u0645\u0639\u0631\u0643\u0629",  # mErkp
    "\u0634\u0631\u0643\u0629",  # $rkp
    "\u0625\u062f\u0627\u0631\u0629",  # <dArp
    "\u0645\u062c\u0645\u0648\u0639\u0629",  # mjmwEp
)

NON_SUBJECT_STARTERS: tuple[str, ...] = (
    "\u0641\u064a",  # fy
    "\u062e\u0644\u0627\u0644",  # xlAl
    "\u0623\u0645\u0627\u0645",  # >mAm
    "\u0639\u0628\u0631",  # Ebr
    "\u0639\u0644\u0649",  # ElY
    "\u0639\u0646",  # En
    "\u0645\u0646",  # mn
    "\u0628\u0639\u062f",  # bEd
    "\u0642\u0628\u0644",  # qbl
    "\u0623\u0645\u0633",  # >ms
    "\u0627\u0644\u064a\u0648\u0645",  # Alywm
    "\u0645\u0633\u0627\u0621",  # msA'
    "\u0635\u0628\u0627\u062d",  # SbAH
    "\u0638\u0647\u0631",  # Zhr
    "\u0641\u062c\u0631",  # fjr
    "\u0644\u064a\u0644",  # lyl
    "\u0623\u064a\u0636\u0627",  # >yDA
    "\u0643\u0630\u0644\u0643",  # k*lk
    "\u0628\u062f\u0648\u0631\u0647",  # bdwrh
    "\u0628\u062f\u0648\u0631\u0647\u0627",  # bdwrhA
    "\u0628\u062f\u0648\u0631\u0647\u0645",  # bdwrhm
    "\u0645\u062c\u062f\u062f\u0627",  # mjddA
    "\u0645\u0631\u0627\u0631\u0627",  # mrArA
    "\u0633\u0627\u0628\u0642\u0627",  # sAbqA
    "\u0644\u0627\u062d\u0642\u0627",  # lAHqA
    "\u0645\u0624\u062e\u0631\u0627",  # m&xrA
    "\u062d\u064a\u0646\u0647\u0627",  # HynhA
    "\u064a\u0648\u0645\u0647\u0627",  # ywmhA
    "\u0627\u0644\u0623\u062d\u062f",  # Al>Hd
    "\u0627\u0644\u0627\u062b\u0646\u064a\u0646",  # AlAvnyn
    "\u0627\u0644\u0625\u062b\u0646\u064a\u0646",  # Al<vnyn
    "\u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621",  # AlvlAvA'
    "\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621",  # Al>rbEA'
    "\u0627\u0644\u062e\u0645\u064a\u0633",  # Alxmys
    "\u0627\u0644\u062c\u0645\u0639\u0629",  # AljmEp
    "\u0627\u0644\u0633\u0628\u062a",  # Alsbt
    "\u0644\u062f\u0649",  # ldY
    "\u0648\u0641\u064a",  # wfy
    "\u0636\u0645\u0646",  # Dmn
    "\u0625\u062b\u0631",  # <vr
    "\u0639\u0642\u0628",  # Eqb
    "\u0623\u062b\u0646\u0627\u0621",  # >vnA'
    "\u0625\u0644\u0649",  # <lY
    "\u0627\u0644\u0623\u0633\u0628\u0648\u0639",  # Al>sbwE
    "\u0627\u0644\u0634\u0647\u0631",  # Al$hr
    "\u0627\u0644\u0639\u0627\u0645",  # AlEAm
    "\u064a\u0648\u0645",  # ywm
)

# Words allowed between a preposed subject and its verb: auxiliaries (قد، كان) and
# a "but" carrying the subject as a pronoun (التلفزيون العراقي لكنه أوضح).
AUXILIARIES: tuple[str, ...] = (
    "\u0644\u0643\u0646\u0647",  # lknh
    "\u0644\u0643\u0646\u0647\u0627",  # lknhA
    "\u0644\u0643\u0646\u0647\u0645",  # lknhm
    "\u0642\u062f",  # qd
    "\u0643\u0627\u0646",  # kAn
    "\u0643\u0627\u0646\u062a",  # kAnt
    "\u0643\u0627\u0646\u0648\u0627",  # kAnwA
    "\u0641\u0642\u062f",  # fqd
    "\u0644\u0642\u062f",  # lqd
)

FROM_WORDS: tuple[str, ...] = (
    "\u0639\u0646",  # En
    "\u0644\u0633\u0627\u0646",  # lsAn
)

CALL_PREPS: tuple[str, ...] = (
    "\u0625\u0644\u0649",  # <lY
    "\u0639\u0644\u0649",  # ElY
)

RELAYING: tuple[str, ...] = (
    "\u0646\u0642\u0644\u0627",  # nqlA
)

# Prepositions: an entity right after one is not a verb's subject.
PREPOSITIONS: tuple[str, ...] = (
    "\u0641\u064a",  # fy
    "\u0645\u0646",  # mn
    "\u0639\u0646",  # En
    "\u0639\u0644\u0649",  # ElY
    "\u0625\u0644\u0649",  # <lY
    "\u0645\u0639",  # mE
    "\u0644\u062f\u0649",  # ldY
    "\u0623\u0645\u0627\u0645",  # >mAm
    "\u062d\u0648\u0644",  # Hwl
    "\u0636\u062f",  # Dd
    "\u0639\u0628\u0631",  # Ebr
    "\u062e\u0644\u0627\u0644",  # xlAl
    "\u0628\u064a\u0646",  # byn
    "\u0646\u062d\u0648",  # nHw
    "\u062a\u062c\u0627\u0647",  # tjAh
)

# Prepositions that take an attached pronoun (فيها، عنه، عليها، إليه، له، به): a verb
# followed by one has no subject after it (قال فيها، أعلن عنه).
PRONOUN_PREPS: tuple[str, ...] = (
    "\u0641\u064a",  # fy
    "\u0645\u0646",  # mn
    "\u0639\u0646",  # En
    "\u0639\u0644\u064a",  # Ely (ElY before a pronoun)
    "\u0625\u0644\u064a",  # <ly
    "\u0645\u0639",  # mE
    "\u0644\u062f\u064a",  # ldy
    "\u0644",  # l
    "\u0628",  # b
)

QAD: tuple[str, ...] = (
    "\u0642\u062f",  # qd
    "\u0641\u0642\u062f",  # fqd
    "\u0644\u0642\u062f",  # lqd
)

KANA: tuple[str, ...] = (
    "\u0643\u0627\u0646",  # kAn
    "\u0643\u0627\u0646\u062a",  # kAnt
    "\u0643\u0627\u0646\u0648\u0627",  # kAnwA
)

# Words that open a new clause with its own subject inside a sentence.
CLAUSE_OPENERS: tuple[str, ...] = (
    "\u0641\u064a\u0645\u0627",  # fymA
    "\u0628\u064a\u0646\u0645\u0627",  # bynmA
    "\u062d\u064a\u0646",  # Hyn
    "\u062d\u064a\u062b",  # Hyv
)

# Generic heads and the code roles of what they can name (المنظمة: an NGO or an IGO);
# heads not listed (المسؤول، المتحدث، البيان) can name anyone.
HEAD_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("\u0645\u0646\u0638\u0645\u0629", ("NGO", "IGO", "HRI")),  # mnZmp
    ("\u0648\u0632\u0627\u0631\u0629", ("GOV",)),  # wzArp
    ("\u0648\u0632\u064a\u0631", ("GOV",)),  # wzyr
    ("\u062d\u0643\u0648\u0645\u0629", ("GOV",)),  # Hkwmp
    ("\u0627\u0644\u0631\u0626\u0627\u0633\u0629", ("GOV",)),  # Alr}Asp
    ("\u0631\u0626\u064a\u0633", ("GOV", "LEG")),  # r}ys
    ("\u062c\u064a\u0634", ("MIL",)),  # jy$
    ("\u062d\u0632\u0628", ("PTY", "OPP")),  # Hzb
    ("\u062d\u0631\u0643\u0629", ("UAF", "REB", "PTY", "OPP", "IMG")),  # Hrkp
    ("\u062c\u0645\u0627\u0639\u0629", ("UAF", "REB", "OPP", "IMG")),  # jmAEp
    ("\u0648\u0643\u0627\u0644\u0629", ("MED",)),  # wkAlp
)

# A negation right before a speech verb: nothing is reported (لم يذكر اسمه).
NEGATIONS: tuple[str, ...] = (
    "\u0644\u0645",  # lm
    "\u0644\u0646",  # ln
    "\u0644\u0627",  # lA
    "\u0648\u0644\u0645",  # wlm (too short to peel its waw)
    "\u0648\u0644\u0646",  # wln
    "\u0648\u0644\u0627",  # wlA
)

# Impersonal verbs the journalist uses for asides (يذكر أن: it is worth noting that).
NARRATOR_ASIDES: tuple[str, ...] = (
    "\u064a\u0630\u0643\u0631",  # y*kr
)

# Spokespeople speak for an institution even unnamed (GUIDELINE: not anonymous).
SPOKESPERSONS: tuple[str, ...] = (
    "\u0645\u062a\u062d\u062f\u062b",  # mtHdv
    "\u0646\u0627\u0637\u0642",  # nATq
    "\u0645\u062a\u062d\u062f\u062b\u0629",  # mtHdvp
    "\u0646\u0627\u0637\u0642\u0629",  # nATqp
)

# Speech verbs whose reported content may be the object of a preposition (أشار إلى ضرورة
# الحوار، شدد على أهمية): each verb with its own preposition. Others report through أن
# only (ادعى على is "pressed charges against", أعلن عن is "announced").
OBJECT_PREPS: tuple[tuple[str, str], ...] = (
    ("\u0623\u0634\u0627\u0631", "\u0625\u0644\u0649"),  # >$Ar <lY
    ("\u0644\u0641\u062a", "\u0625\u0644\u0649"),  # lft <lY
    ("\u0646\u0648\u0647", "\u0625\u0644\u0649"),  # nwh <lY
    ("\u0623\u0644\u0645\u062d", "\u0625\u0644\u0649"),  # >lmH <lY
    ("\u0634\u062f\u062f", "\u0639\u0644\u0649"),  # $dd ElY
    ("\u0623\u0643\u062f", "\u0639\u0644\u0649"),  # >kd ElY
    ("\u0646\u0648\u0647", "\u0639\u0644\u0649"),  # nwh ElY
)

# Documents that speak for their author, named after ل (بيان لوزارة الخارجية).
DOCUMENTS: tuple[str, ...] = (
    "\u0628\u064a\u0627\u0646",  # byAn
    "\u062a\u0642\u0631\u064a\u0631",  # tqryr
    "\u062f\u0631\u0627\u0633\u0629",  # drAsp
    "\u0631\u0633\u0627\u0644\u0629",  # rsAlp
    "\u062a\u0635\u0631\u064a\u062d",  # tSryH
    "\u062a\u0635\u0631\u064a\u062d\u0627\u062a",  # tSryHAt
    "\u0645\u0630\u0643\u0631\u0629",  # m*krp
    "\u062a\u063a\u0631\u064a\u062f\u0629",  # tgrydp
)

# Ranks and honorifics that stand before a name (العقيد تركي المالكي).
RANKS: tuple[str, ...] = (
    "\u0639\u0642\u064a\u062f",  # Eqyd
    "\u0644\u0648\u0627\u0621",  # lwA'
    "\u0639\u0645\u064a\u062f",  # Emyd
    "\u0646\u0642\u064a\u0628",  # nqyb
    "\u0645\u0642\u062f\u0645",  # mqdm
    "\u0631\u0627\u0626\u062f",  # rA}d
    "\u062c\u0646\u0631\u0627\u0644",  # jnrAl
    "\u0645\u0634\u064a\u0631",  # m$yr
    "\u0641\u0631\u064a\u0642",  # fryq
    "\u0634\u064a\u062e",  # $yx
    "\u062f\u0643\u062a\u0648\u0631",  # dktwr
    "\u0633\u0641\u064a\u0631",  # sfyr
    "\u0623\u0645\u064a\u0631",  # >myr
    "\u0627\u0644\u0633\u064a\u062f",  # Alsyd
    "\u0627\u0644\u0633\u064a\u062f\u0629",  # Alsydp
)
