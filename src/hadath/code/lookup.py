"""`hadath actors lookup`: how a name or phrase resolves, and why."""

from __future__ import annotations

from hadath.code.actors import code_mentions
from hadath.extract.gazetteer import load_gazetteer, match_tokens
from hadath.extract.names import find_names
from hadath.text.fold import fold_str
from hadath.text.sentences import split_sentences
from hadath.text.tokens import tokenize

__all__ = ["explain_name"]


def _describe_entry(entry: object, date: str | None) -> str:
    from hadath.code.actors import parse_published

    kind, code, name, via = (getattr(entry, k) for k in ("kind", "code", "name", "via"))
    if kind == "person":
        person = entry.ref[0]  # type: ignore[attr-defined]
        roles = "; ".join(str(r) for r in person.roles)
        return (f"person {person.name} [{via}]: roles {roles}; "
                f"code on {date or 'latest'}: {person.code_on(parse_published(date))}")
    return f"{kind} {code or '-'} {name} (via {via})"


def explain_name(text: str, date: str | None = None) -> list[str]:
    """Lines telling how `text` is matched in the lexicons and coded in context."""
    tokens = tokenize(text)
    lines = [f"folded: {fold_str(text)}"]
    for match in match_tokens(tokens, load_gazetteer()):
        phrase = text[tokens[match.start].start:tokens[match.end - 1].end]
        lines.append(f"lexicon match «{phrase}»:")
        lines.extend(f"  {_describe_entry(entry, date)}" for entry in match.entries[:6])
    names = find_names(text, split_sentences(text), tokens)
    lines.extend(f"recognised {n.type} «{n.text}» ({n.latin})" for n in names)
    mentions = code_mentions(text, tokens, date, names)
    if not mentions:
        lines.append("no actor found")
    for m in mentions:
        lines.append(f"=> «{m.text}» {m.type} {m.code or 'uncoded'} {m.name} — {m.basis}")
    return lines
