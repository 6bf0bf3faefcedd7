"""Funding at a glance: investors linked to the companies they fund, each company's rounds over time (SVG, page)."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.views.funding_data import Round
from aigraph.views.style import FONT_STACK, TYPE_STYLE, text_width

FUNDING_SVG = "funding.svg"
FUNDING_HTML = "funding.html"
ROW = 30.0
"""Height of a company's row."""
FONT = 13.0
NAME_CHARS = 30
"""Longer names are cut (the whole name is in the tooltip)."""
LINK_WIDTH = (1.5, 12.0)
"""Stroke widths of investor→company links, from the smallest amount to the largest."""
BUBBLE = (4.0, 17.0)
"""Radii of round markers, from the smallest amount to the largest."""
TIMELINE = 560.0
"""Width of the time axis."""
INVESTOR_COLOR = TYPE_STYLE["Investor"][0]
COMPANY_COLOR = TYPE_STYLE["Company"][0]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _year(date: str | None) -> float | None:
    """A date (YYYY, YYYY-MM, YYYY-MM-DD) as a fractional year: the middle of what it names."""
    if not date:
        return None
    parts = date.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return y + 0.5
        m = int(parts[1])
        d = int(parts[2]) if len(parts) > 2 else 15
    except ValueError:
        return None
    return y + (m - 1) / 12 + (d - 1) / 365


def money(value: float | None) -> str:
    """$640M, $1.2B: an amount in US dollars, short."""
    if value is None:
        return "amount not stated"
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= size:
            return f"${value / size:.3g}{unit}"
    return f"${value:.0f}"


def _round_tip(r: Round) -> str:
    date, own = r.when
    lines = [f"{r.company[1]}: {r.stated or 'amount not stated'}"
             + (f" ({r.amount:,.0f} {r.currency or ''}".rstrip() + ")" if r.amount is not None else "")
             + (f" · {date}" if own else f" · reported {date}" if date else " · date not stated")]
    if r.valuation is not None:
        lines.append(f"valuation {r.valuation:,.0f} {r.valuation_currency or ''}".rstrip())
    lines.append("investors: " + (", ".join(n for _, n in r.investors) or "not named"))
    for s in r.evidence[:3]:
        lines.append(f"“{s.text}” ({s.document}, sentence {s.sentence})")
    return "\n".join(lines)


@dataclass(frozen=True)
class Drawing:
    """The funding view as SVG, with what it shows."""

    svg: str
    """The picture."""
    rounds: int
    """Rounds drawn."""
    companies: int
    """Companies (rows)."""
    investors: int
    """Investors linked."""


def _row(rs: list[Round], x_of, x_undated: float, top_usd: float) -> tuple[list[tuple[float, float, Round]], set]:
    """Where a company's rounds go on its row, none covering another, and which have room for their amount."""
    placed: list[tuple[float, float, Round]] = []
    for r in rs:
        year = _year(r.when[0])
        x = x_of(year) if year is not None else x_undated
        rad = BUBBLE[0] + (BUBBLE[1] - BUBBLE[0]) * math.sqrt(r.usd / top_usd) if r.usd else BUBBLE[0]
        if placed and x - rad < placed[-1][0] + placed[-1][1] + 2:
            x = placed[-1][0] + placed[-1][1] + rad + 2
        placed.append((x, rad, r))
    labelled = set()
    for k, (x, rad, r) in enumerate(placed):
        room = placed[k + 1][0] - placed[k + 1][1] if k + 1 < len(placed) else float("inf")
        if r.usd and x + rad + 4 + text_width(money(r.usd), 11) <= room:
            labelled.add((x, rad, r))
    return placed, labelled


def draw(rounds: list[Round], links: bool = False) -> Drawing:
    """Investors on the left linked to the companies they fund (width by the amount of the rounds they
    joined), each company's rounds on its row along a time axis (area by amount; a dashed ring when only
    the report's date is known; undated ones in a column of their own). Hover anything for its rounds
    and the sentences they were read from. With `links`, names link to their pages on `aigraph serve`."""
    from aigraph.views.entity_page import entity_href

    companies: dict[str, str] = {}
    for r in rounds:
        companies[r.company[0]] = r.company[1]
    first = {c: min((_year(r.when[0]) or 1e9) for r in rounds if r.company[0] == c) for c in companies}
    order = sorted(companies, key=lambda c: (first[c], companies[c].casefold(), c))
    row_of = {c: k for k, c in enumerate(order)}
    pair_usd: dict[tuple[str, str], float] = {}
    pair_rounds: dict[tuple[str, str], list[Round]] = {}
    investors: dict[str, str] = {}
    for r in rounds:
        for iri, name in r.investors:
            investors[iri] = name
            key = (iri, r.company[0])
            pair_usd[key] = pair_usd.get(key, 0.0) + (r.usd or 0.0)
            pair_rounds.setdefault(key, []).append(r)
    # investors in the order of the companies they fund, so that links cross little
    bary = {i: sum(row_of[c] for (j, c) in pair_rounds if j == i) / sum(1 for (j, _) in pair_rounds if j == i)
            for i in investors}
    inv_order = sorted(investors, key=lambda i: (bary[i], investors[i].casefold(), i))
    rows = max(len(order), len(inv_order), 1)
    height_rows = rows * ROW
    top = 64.0
    inv_w = min(260.0, max((text_width(_short(n), FONT) for n in investors.values()), default=60.0)) + 16
    comp_w = min(260.0, max((text_width(_short(n), FONT) for n in companies.values()), default=60.0)) + 16
    x_inv = 16 + inv_w  # investors' dots
    x_comp = x_inv + 240.0  # companies' dots
    x_time = x_comp + comp_w + 40.0
    x_undated = x_time + TIMELINE + 70.0
    width = x_undated + 60.0
    height = top + height_rows + 56.0

    def y_comp(c: str) -> float:
        return top + (row_of[c] + 0.5) * height_rows / max(len(order), 1)

    y_inv = {i: top + (k + 0.5) * height_rows / max(len(inv_order), 1) for k, i in enumerate(inv_order)}
    years = [y for y in (_year(r.when[0]) for r in rounds) if y is not None]
    y0, y1 = (math.floor(min(years)), math.floor(max(years)) + 1) if years else (2020, 2025)
    if y1 - y0 < 2:
        y0 -= 1

    def x_of(year: float) -> float:
        return x_time + (year - y0) / (y1 - y0) * TIMELINE

    top_usd = max([r.usd for r in rounds if r.usd] + [v for v in pair_usd.values() if v] + [1.0])
    labelled: set = set()
    for c in order:
        placed, names = _row(sorted((r for r in rounds if r.company[0] == c), key=lambda r: (_year(r.when[0]) or 1e9, r.iri)),
                             x_of, x_undated, top_usd)
        labelled |= names
        width = max([width] + [x + rad + (60 if (x, rad, r) in names else 0) + 16 for x, rad, r in placed])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
           f'height="{height:.0f}" font-size="{FONT:.0f}" role="img" aria-label="Funding rounds">',
           f"<style>text {{ font-family: {_e(FONT_STACK)}; fill: #222; }} .axis {{ fill: #666; font-size: 11px; }}"
           " .link { fill: none; stroke: #f28e2b; stroke-opacity: .45; } .link:hover { stroke-opacity: .9; }"
           " .round:hover circle { stroke: #222; stroke-width: 2; }"
           " a text { fill: #1a5fb4; } a:hover text { text-decoration: underline; }</style>",
           f'<text x="16" y="24" font-size="16" font-weight="bold">Funding rounds: {len(rounds)} round'
           f'{"s" if len(rounds) != 1 else ""}, {len(order)} compan{"ies" if len(order) != 1 else "y"}, '
           f'{len(inv_order)} investor{"s" if len(inv_order) != 1 else ""}</text>',
           f'<text x="{x_inv:.0f}" y="50" text-anchor="end" class="axis">investors</text>',
           f'<text x="{x_comp + 8:.0f}" y="50" class="axis">companies</text>',
           f'<text x="{x_time:.0f}" y="50" class="axis">rounds over time, earliest first</text>',
           f'<text x="{x_undated:.0f}" y="50" text-anchor="middle" class="axis">no date</text>']
    if not rounds:
        out.append(f'<text x="16" y="{top + 20:.0f}">No funding rounds in this graph yet.</text></svg>')
        return Drawing("\n".join(out), 0, 0, 0)
    out.append("<g>")
    for k, c in enumerate(order):
        out.append(f'<rect x="{x_comp - 6:.0f}" y="{y_comp(c) - ROW / 2:.1f}" width="{width - x_comp - 10:.0f}" '
                   f'height="{ROW:.0f}" fill="{"#f4f6f9" if k % 2 == 0 else "#ffffff"}"/>')
    out.append("</g>")
    step = next(k for k in (1, 2, 5, 10, 20, 50, 100) if TIMELINE / (y1 - y0) * k >= 48 or k == 100)
    for year in range(y0 - y0 % step + (step if y0 % step else 0), y1 + 1, step):
        x = x_of(year)
        out.append(f'<line x1="{x:.1f}" y1="{top - 4:.0f}" x2="{x:.1f}" y2="{top + height_rows:.0f}" stroke="#ddd"/>'
                   f'<text x="{x:.1f}" y="{top + height_rows + 16:.0f}" text-anchor="middle" class="axis">{year}</text>')
    for (i, c), rs in sorted(pair_rounds.items(), key=lambda kv: (y_inv[kv[0][0]], y_comp(kv[0][1]))):
        usd = pair_usd[(i, c)]
        w = LINK_WIDTH[0] + (LINK_WIDTH[1] - LINK_WIDTH[0]) * math.sqrt(usd / top_usd) if usd else LINK_WIDTH[0]
        a, b = (x_inv + 6, y_inv[i]), (x_comp - 6, y_comp(c))
        mid = (a[0] + b[0]) / 2
        tip = (f"{investors[i]} → {companies[c]}: {len(rs)} round{'s' if len(rs) != 1 else ''}, "
               f"{money(usd) if usd else 'amounts not stated'}\n\n" + "\n\n".join(_round_tip(r) for r in rs))
        dash = "" if usd else ' stroke-dasharray="4 3"'
        out.append(f'<path class="link" d="M{a[0]:.1f},{a[1]:.1f} C{mid:.1f},{a[1]:.1f} {mid:.1f},{b[1]:.1f} '
                   f'{b[0]:.1f},{b[1]:.1f}" stroke-width="{w:.2f}"{dash}><title>{_e(tip)}</title></path>')

    def label(x: float, y: float, name: str, anchor: str, color: str) -> str:
        text = (f'<circle cx="{x + (6 if anchor == "end" else -6):.1f}" cy="{y:.1f}" r="4" fill="{color}"/>'
                f'<text x="{x:.1f}" y="{y + 4.5:.1f}" text-anchor="{anchor}">{_e(_short(name))}<title>{_e(name)}</title></text>')
        return f'<a href="{_e(entity_href(name))}">{text}</a>' if links else text

    for i in inv_order:
        out.append(label(x_inv - 2, y_inv[i], investors[i], "end", INVESTOR_COLOR))
    for c in order:
        out.append(label(x_comp + 8, y_comp(c), companies[c], "start", COMPANY_COLOR))
    for c in order:
        for x, rad, r in _row(sorted((r for r in rounds if r.company[0] == c), key=lambda r: (_year(r.when[0]) or 1e9, r.iri)),
                              x_of, x_undated, top_usd)[0]:
            style = (f'fill="{COMPANY_COLOR}" fill-opacity=".75" stroke="#ffffff"' if r.when[1]
                     else f'fill="{COMPANY_COLOR}" fill-opacity=".25" stroke="{COMPANY_COLOR}" stroke-dasharray="3 2"')
            short = f'<text x="{x + rad + 3:.1f}" y="{y_comp(c) + 4:.1f}" font-size="11">{_e(money(r.usd))}</text>' \
                if r.usd and (x, rad, r) in labelled else ""
            out.append(f'<g class="round"><title>{_e(_round_tip(r))}</title><circle cx="{x:.1f}" cy="{y_comp(c):.1f}" '
                       f'r="{rad:.1f}" {style}/>{short}</g>')
    out.append(f'<text x="16" y="{height - 12:.0f}" class="axis">Link width and marker area: amount raised (rough '
               "exchange rates). Dashed ring: the round's own date is not stated (placed at its report's date, or "
               "under “no date”). Hover for the sentences.</text>")
    out.append("</svg>")
    return Drawing("\n".join(out), len(rounds), len(order), len(inv_order))


def funding_page(rounds: list[Round], title: str = "aigraph: funding", links: bool = False) -> str:
    """The funding view as a page: the picture, a table of every round with its sentences, tooltips."""
    from importlib import resources

    d = draw(rounds, links)
    own = resources.files("aigraph.views").joinpath("templates")
    table = ["<table><thead><tr><th>company</th><th>date</th><th>amount</th><th>investors</th><th>sources</th></tr>"
             "</thead><tbody>"]
    for r in sorted(rounds, key=lambda r: (r.when[0] or "9999", r.company[1].casefold(), r.iri)):
        date, own_date = r.when
        table.append("<tr><td>" + _e(r.company[1]) + "</td><td>" + (_e(date) if own_date else
                     f'<span class="muted">reported {_e(date)}</span>' if date else "") + "</td><td>"
                     + _e(r.stated or "") + (f' <span class="muted">({_e(money(r.usd))})</span>' if r.usd else "")
                     + "</td><td>" + _e(", ".join(n for _, n in r.investors)) + "</td><td>"
                     + "".join(f'<div class="said">“{_e(s.text)}” <span class="muted">{_e(s.document)}, sentence '
                               f"{s.sentence}</span></div>" for s in r.evidence[:3]) + "</td></tr>")
    table.append("</tbody></table>")
    parts = {"TITLE": _e(title), "FONTS": FONT_STACK, "CSS": own.joinpath("funding.css").read_text("utf-8"),
             "JS": own.joinpath("funding.js").read_text("utf-8"), "SVG": d.svg, "TABLE": "\n".join(table),
             "COUNT": _e(f"{d.rounds} rounds · {d.companies} companies · {d.investors} investors")}
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], own.joinpath("funding.html").read_text("utf-8"))


def write_funding_page(rounds: list[Round], path: str | Path) -> dict:
    """Write the funding page to `path` (and the picture beside it as funding.svg when the page is named
    funding.html); returns what it drew."""
    path = Path(path)
    d = draw(rounds)
    with atomic_write(path) as fh:
        fh.write(funding_page(rounds))
    if path.name == FUNDING_HTML:
        with atomic_write(path.with_name(FUNDING_SVG)) as fh:
            fh.write(d.svg + "\n")
    return {"rounds": d.rounds, "companies": d.companies, "investors": d.investors,
            "count": f"{d.rounds} funding rounds, {d.companies} companies, {d.investors} investors"}


def write_funding(rounds: list[Round], out: Path, svg: bool = True) -> list[Path]:
    """funding.html (and funding.svg) into the folder `out`."""
    out = Path(out)
    written = []
    if svg:
        with atomic_write(out / FUNDING_SVG) as fh:
            fh.write(draw(rounds).svg + "\n")
        written.append(out / FUNDING_SVG)
    with atomic_write(out / FUNDING_HTML) as fh:
        fh.write(funding_page(rounds))
    written.append(out / FUNDING_HTML)
    return written
