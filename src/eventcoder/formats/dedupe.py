"""Deduplication over the store, never deleting a raw row.

One-a-day (the ICEWS/Phoenix convention): one event per date x source x target x type, the most confident kept,
with `n_duplicates` and the `merged_ids` it stands for. It is a view (`events_one_a_day`), so it always reflects
the store as it is now. Negated and hypothetical events are grouped apart from real ones (never merged into them).

Cross-article: the same event reported by several articles (outlets) has the same dyad and type, dates at most a
day apart and evidence sentences that say much the same. Candidate pairs come from one SQL self-join on
(type, dyad, flags, date +/- days); rapidfuzz's token-set ratio over the evidence confirms them; connected pairs
form one group whose earliest-published report is kept. The groups are written to `event_duplicates` (rewritten
whole by each run) and read through the view `events_cross_article`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.duckdb import Store

DAY_KEY = ("e.date", "coalesce(e.source_code, e.source_name, '')", "coalesce(e.target_code, e.target_name, '')",
           "e.plover_type", "e.negated", "e.hypothetical")
_PARTITION = f"PARTITION BY {', '.join(DAY_KEY)}"
# the kept report: most confident, most often stated, earliest published, then a fixed order
_RANK = ("ORDER BY e.confidence DESC NULLS LAST, e.mentions DESC NULLS LAST, d.published NULLS LAST, e.doc_id,"
         " e.evidence_start, e.id")

_OUTER = _PARTITION.replace("e.", "r.")
ONE_A_DAY_SQL = (
    "SELECT * EXCLUDE (rank_in_day) FROM ("
    f" SELECT r.*, (count(*) OVER ({_OUTER})) - 1 AS n_duplicates,"
    f" coalesce(list(r.id ORDER BY r.id) FILTER (WHERE r.rank_in_day > 1) OVER ({_OUTER}), []) AS merged_ids"
    f" FROM (SELECT e.*, row_number() OVER ({_PARTITION} {_RANK}) AS rank_in_day FROM events e"
    " LEFT JOIN documents d ON d.id = e.doc_id) r)"
    " WHERE rank_in_day = 1")

DUPLICATES_TABLE = """CREATE OR REPLACE TABLE event_duplicates (
    event_id VARCHAR PRIMARY KEY,   -- a report of an event already kept as canonical_id
    canonical_id VARCHAR NOT NULL,  -- the kept report (earliest published article, then most confident)
    similarity DOUBLE NOT NULL      -- rapidfuzz token-set ratio (0-100) of the pair that linked it
)"""
CROSS_ARTICLE_SQL = (
    "SELECT e.*, coalesce(g.n, 0) AS n_duplicates, coalesce(g.ids, []) AS merged_ids FROM events e"
    " LEFT JOIN (SELECT canonical_id, count(*) AS n, list(event_id ORDER BY event_id) AS ids FROM event_duplicates"
    " GROUP BY canonical_id) g ON g.canonical_id = e.id"
    " WHERE e.id NOT IN (SELECT event_id FROM event_duplicates)")

VIEWS = {"one-a-day": "events_one_a_day", "cross-article": "events_cross_article"}


@dataclass(frozen=True)
class DedupeResult:
    """What a deduplication found."""

    events: int  # raw events considered
    kept: int  # events left after merging
    groups: list[tuple]  # (kept id, n_duplicates, merged ids, type, source, target, date) largest first


def one_a_day(store: Store, top: int = 10) -> DedupeResult:
    """(Re)create the `events_one_a_day` view and summarise it."""
    store.con.execute(f"CREATE OR REPLACE VIEW events_one_a_day AS {ONE_A_DAY_SQL}")
    total = store.scalar("SELECT count(*) FROM events")
    kept = store.scalar("SELECT count(*) FROM events_one_a_day")
    groups = store.con.execute(
        "SELECT id, n_duplicates, merged_ids, plover_type, source_code, target_code, date FROM events_one_a_day"
        " WHERE n_duplicates > 0 ORDER BY n_duplicates DESC, date, id LIMIT ?", [top]).fetchall()
    return DedupeResult(total, kept, groups)


def _pairs(store: Store, days: int) -> list[tuple]:
    return store.con.execute(
        "SELECT a.id, b.id, a.evidence, b.evidence FROM events a JOIN events b"
        " ON a.plover_type = b.plover_type AND a.negated = b.negated AND a.hypothetical = b.hypothetical"
        " AND coalesce(a.source_code, a.source_name, '') = coalesce(b.source_code, b.source_name, '')"
        " AND coalesce(a.target_code, a.target_name, '') = coalesce(b.target_code, b.target_name, '')"
        " AND a.doc_id < b.doc_id AND abs(date_diff('day', a.date_start, b.date_start)) <= ?"
        " WHERE a.date_start IS NOT NULL AND b.date_start IS NOT NULL", [days]).fetchall()


def cross_article(store: Store, days: int = 1, threshold: float = 60.0, top: int = 10) -> DedupeResult:
    """Find reports of one event in several articles; rewrite `event_duplicates` and the view over it."""
    from rapidfuzz import fuzz, utils

    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    link: dict[str, float] = {}
    for a, b, text_a, text_b in _pairs(store, days):
        score = fuzz.token_set_ratio(text_a, text_b, processor=utils.default_process)
        if score >= threshold:
            parent[find(a)] = find(b)
            link[a] = max(link.get(a, 0.0), score)
            link[b] = max(link.get(b, 0.0), score)
    members: dict[str, list[str]] = {}
    for event_id in parent:
        members.setdefault(find(event_id), []).append(event_id)
    rows: list[tuple[str, str, float]] = []
    if members:
        order = {r[0]: r[1:] for r in store.con.execute(
            "SELECT e.id, d.published, -coalesce(e.confidence, 0), e.id FROM events e"
            " JOIN documents d ON d.id = e.doc_id WHERE e.id IN (SELECT unnest(?))", [list(parent)]).fetchall()}
        for group in members.values():
            keep = min(group, key=lambda i: (order[i][0] is None, order[i][0] or 0, order[i][1], order[i][2]))
            rows += [(i, keep, link[i]) for i in group if i != keep]
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DUPLICATES_TABLE)
        if rows:
            con.executemany("INSERT INTO event_duplicates VALUES (?, ?, ?)", rows)
        con.execute(f"CREATE OR REPLACE VIEW events_cross_article AS {CROSS_ARTICLE_SQL}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    total = store.scalar("SELECT count(*) FROM events")
    groups = con.execute(
        "SELECT id, n_duplicates, merged_ids, plover_type, source_code, target_code, date FROM events_cross_article"
        " WHERE n_duplicates > 0 ORDER BY n_duplicates DESC, date, id LIMIT ?", [top]).fetchall()
    return DedupeResult(total, total - len(rows), groups)
