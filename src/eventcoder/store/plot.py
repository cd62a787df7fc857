"""`eventcoder plot timeline`: events between two actors over time, as a PNG an analyst can paste in a report.

Two panels sharing the time axis: stacked bars of event counts per period, coloured by QuadClass or PLOVER type,
and the Goldstein sum per period (cooperation above zero, conflict below). Periods with no events are drawn as
zero rather than skipped, so gaps read as gaps. Uses matplotlib's Agg backend: no display needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import EventcoderError
from .duckdb import Store
from .filters import EVENTS_FROM, EventFilter
from .stats import QUAD_LABELS

QUAD_COLOURS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f4a259", 4: "#c0392b"}
PERIODS = ("month", "week")


class PlotError(EventcoderError):
    """Nothing to plot, or the figure cannot be written."""


@dataclass
class Timeline:
    """Counts per period and category, and the Goldstein sum per period."""

    periods: list[date]
    categories: list[str]
    counts: dict[str, list[int]]
    goldstein: list[float]


def _next(day: date, period: str) -> date:
    if period == "week":
        return day + timedelta(days=7)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def timeline(store: Store, selection: EventFilter, by: str = "quad", period: str = "month") -> Timeline:
    """Gather the selected events per period (month: day- or month-precise dates; week: day-precise only)."""
    if period not in PERIODS or by not in ("quad", "type"):
        raise PlotError(f"cannot plot by {by!r} per {period!r} (by quad or type, per month or week)")
    where, params = selection.where()
    precision = "('day', 'month')" if period == "month" else "('day')"
    category = "CAST(e.quad_class AS VARCHAR)" if by == "quad" else "e.plover_type"
    rows = store.con.execute(
        f"SELECT date_trunc('{period}', e.date_start)::DATE AS p, {category} AS c, count(*), sum(e.goldstein)"
        f" FROM {EVENTS_FROM} WHERE {where} AND e.date_start IS NOT NULL AND e.date_precision IN {precision}"
        f" GROUP BY ALL ORDER BY p", params).fetchall()
    if not rows:
        raise PlotError("no dated events match the selection: nothing to plot")
    periods, day = [], rows[0][0]
    while day <= rows[-1][0]:
        periods.append(day)
        day = _next(day, period)
    index = {p: i for i, p in enumerate(periods)}
    categories = sorted({r[1] for r in rows})
    counts = {c: [0] * len(periods) for c in categories}
    goldstein = [0.0] * len(periods)
    for p, c, n, g in rows:
        counts[c][index[p]] += n
        goldstein[index[p]] += g or 0.0
    return Timeline(periods, categories, counts, goldstein)


def plot_timeline(data: Timeline, out: str | Path, title: str, by: str = "quad", period: str = "month") -> None:
    """Draw the timeline to `out` (format from its extension: .png, .svg, .pdf)."""
    if not Path(out).suffix:  # matplotlib would quietly write OUT.png, not the file the user named
        raise PlotError(f"cannot write {out}: give a file name ending in .png, .svg or .pdf")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [p.strftime("%Y-%m") if period == "month" else p.strftime("%Y-%m-%d") for p in data.periods]
    x = list(range(len(labels)))
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(min(14.0, max(7.0, 0.35 * len(x) + 3)), 6.5),
                                      gridspec_kw={"height_ratios": [3, 2]})
    base = [0] * len(x)
    cmap = plt.get_cmap("tab20")
    for i, cat in enumerate(data.categories):
        if by == "quad":
            colour, label = QUAD_COLOURS.get(int(cat)), f"{cat} {QUAD_LABELS.get(int(cat), '')}"
        else:
            colour, label = cmap(i % 20), cat
        top.bar(x, data.counts[cat], bottom=base, color=colour, label=label, width=0.8)
        base = [b + c for b, c in zip(base, data.counts[cat])]
    top.set_ylabel("events")
    top.set_title(title, fontsize=13)
    top.legend(title="QuadClass" if by == "quad" else "PLOVER type", fontsize=9, title_fontsize=9,
               loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    top.yaxis.get_major_locator().set_params(integer=True)
    top.grid(axis="y", alpha=0.3)
    colours = ["#2e86de" if g >= 0 else "#c0392b" for g in data.goldstein]
    bottom.bar(x, data.goldstein, color=colours, width=0.8)
    bottom.axhline(0, color="#555", linewidth=0.8)
    bottom.set_ylabel("Goldstein sum")
    bottom.grid(axis="y", alpha=0.3)
    step = -(-len(x) // 24)  # at most about 24 labelled periods, however long the timeline
    bottom.set_xticks(x[::step])
    bottom.set_xticklabels(labels[::step], rotation=45 if len(x) > 6 else 0, ha="right" if len(x) > 6 else "center")
    bottom.set_xlabel(period)
    for axis in (top, bottom):
        axis.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    try:
        fig.savefig(out, dpi=150, bbox_inches="tight")
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise PlotError(f"cannot write {out}: {reason}") from None
    finally:
        plt.close(fig)
