"""What every view draws with: colours and shapes by type, community colours, the CJK font stack, text widths."""

from __future__ import annotations

import unicodedata

TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "Company": ("#4e79a7", "dot", "●"),
    "Investor": ("#f28e2b", "diamond", "◆"),
    "Model": ("#e15759", "triangle", "▲"),
    "Chip": ("#76b7b2", "square", "■"),
    "Product": ("#59a14f", "star", "★"),
    "Person": ("#edc948", "triangleDown", "▼"),
    "Trend": ("#b07aa1", "hexagon", "⬢"),
}
"""Colour, vis-network shape and legend glyph of each entity type."""
OTHER_STYLE = ("#9c9c9c", "dot", "●")

COMMUNITY_COLORS = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
                    "#9c755f", "#8cd17d", "#86bcb6", "#d4a6c8")
"""Colours of the named communities' clusters, largest community first (drawn faint, behind the nodes)."""

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Droid Sans Fallback", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei")
"""Fonts with Chinese glyphs, in order of preference: Debian's fonts-noto-cjk and fonts-wqy-zenhei, then
those of macOS and Windows."""
FONT_STACK = ", ".join(["system-ui", "-apple-system", '"Segoe UI"', "Roboto", '"DejaVu Sans"']
                       + [f'"{f}"' for f in CJK_FAMILIES] + ["sans-serif"])
"""The CSS font stack of every page and canvas label: Latin from the system font, Chinese from a CJK font."""

# advance widths of printable ASCII (32..126) in hundredths of an em, as DejaVu Sans (Debian's system-ui)
# draws them: one of the widest common sans fonts, so labels measured with it are never too short
_ASCII = (32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
          34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63,
          61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97,
          63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84)


def text_width(text: str, size: float) -> float:
    """Width of one line of text at font size `size` (px), a little generous: wide (CJK) characters one
    em, ASCII as DejaVu Sans, anything else two thirds of an em."""
    em = 0.0
    for c in text:
        o = ord(c)
        if 32 <= o < 127:
            em += _ASCII[o - 32] / 100
        elif unicodedata.east_asian_width(c) in "WF":
            em += 1.0
        elif unicodedata.category(c)[0] in "MC":  # combining marks and controls take no room
            continue
        else:
            em += 0.67
    return em * size * 1.04


def type_order(t: str | None) -> tuple[int, str]:
    """Sort key of entity types: the legend's order, unknown types last."""
    return (list(TYPE_STYLE).index(t) if t in TYPE_STYLE else len(TYPE_STYLE), str(t))
