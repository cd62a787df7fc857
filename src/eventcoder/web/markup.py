"""The article text as HTML with its annotations marked, built so that no article byte can become markup.

Marks overlap freely (an actor inside a quote inside an event's evidence), so the text is cut at every mark
boundary and each piece becomes one `<span>` carrying the classes of every mark covering it. Every piece of
text and every attribute value goes through `markupsafe.escape`; the result is a `Markup` the template prints
as is, which is safe only because nothing unescaped ever enters it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape

MARK_KINDS: tuple[str, ...] = ("evidence", "quote", "actor", "place", "date")


@dataclass(frozen=True)
class Mark:
    """A span of the text to mark: its kind (a CSS class), a tooltip, and an anchor placed at its start.

    The anchor's `badge` is shown by CSS (`attr(data-n)`), so numbering events adds no text to the article.
    """

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None
    badge: str = ""
    href: str = ""  # where the anchor's badge links to (the event's card)


def mark_up(text: str, marks: list[Mark]) -> Markup:
    """The escaped text with every valid mark applied (marks outside the text or empty are ignored)."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n and m.kind in MARK_KINDS]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    anchors: dict[int, list[Mark]] = {}
    for m in marks:
        if m.anchor:
            anchors.setdefault(m.start, []).append(m)
    out: list[Markup] = []
    for a, b in itertools.pairwise(cuts):
        for m in anchors.get(a, []):
            out.append(Markup('<a class="anchor" id="{}" href="{}" data-n="{}"></a>').format(
                m.anchor, m.href or f"#{m.anchor}", m.badge))
        covering = sorted((m for m in marks if m.start <= a and m.end >= b),
                          key=lambda m: (MARK_KINDS.index(m.kind), m.start))
        piece = text[a:b]
        if not covering:
            out.append(escape(piece))
            continue
        kinds = list(dict.fromkeys(m.kind for m in covering))
        labels = list(dict.fromkeys(m.label for m in covering if m.label))
        out.append(Markup('<span class="{}" title="{}">{}</span>').format(
            " ".join(f"mk-{k}" for k in kinds), "\n".join(labels), piece))
    return Markup("").join(out)
