"""How wide a line of Times New Roman is, so rule lines and table columns fit the text they serve.

The advance widths are Times New Roman's, read from Liberation Serif (its metric-compatible clone,
fonts-liberation2) in units of 1/2048 em. Vietnamese letters are as wide as their base letter,
except the horned ơ and ư, which are wider; tone marks add no width.
"""

from __future__ import annotations

import functools
import unicodedata

UNITS_PER_EM = 2048
TWIPS_PER_PT = 20

# Advance widths of " " (U+0020) to "~" (U+007E), in that order.
_ASCII = {
    False: (
        "512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 "
        "1024 1024 1024 1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 "
        "1366 1479 1251 1139 1479 1479 682 797 1479 1251 1821 1479 1479 1139 1479 1366 1139 "
        "1251 1479 1479 1933 1479 1479 1251 682 569 682 961 1024 682 909 1024 909 1024 909 "
        "682 1024 1024 569 569 1024 569 1593 1024 1024 1024 1024 682 797 569 1024 1024 1479 "
        "1024 1024 909 983 410 983 1108"
    ),
    True: (
        "512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 "
        "1024 1024 1024 1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 "
        "1479 1479 1366 1251 1593 1593 797 1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 "
        "1366 1479 1479 2048 1479 1479 1366 682 569 682 1190 1024 682 1024 1139 909 1139 909 "
        "682 1024 1139 569 682 1139 569 1706 1139 1024 1139 1139 909 797 682 1139 1024 1479 "
        "1024 1024 909 807 451 807 1065"
    ),
}
_EXTRA = {
    False: {"Đ": 1479, "đ": 1024, "Ơ": 1479, "ơ": 1083, "Ư": 1589, "ư": 1110, "–": 1024, "—": 2048,
            "“": 909, "”": 909, "‘": 682, "’": 682, "…": 2048, "\u00a0": 512},
    True: {"Đ": 1479, "đ": 1139, "Ơ": 1593, "ơ": 1134, "Ư": 1630, "ư": 1229, "–": 1024, "—": 2048,
           "“": 1024, "”": 1024, "‘": 682, "’": 682, "…": 2048, "\u00a0": 512},
}  # fmt: skip
_HORN = "\u031b"
_WIDTHS = {
    bold: {chr(32 + i): int(w) for i, w in enumerate(_ASCII[bold].split())} | _EXTRA[bold]
    for bold in (False, True)
}


def char_units(char: str, bold: bool = False) -> int:
    """The advance width of one character in 1/2048 em; an unknown letter counts as an "n"."""
    widths = _WIDTHS[bold]
    if char in widths:
        return widths[char]
    parts = unicodedata.normalize("NFD", char)
    base = parts[0]
    if _HORN in parts and base in "OoUu":
        base = unicodedata.normalize("NFC", base + _HORN)
    return widths.get(base, widths["n"])


@functools.lru_cache(maxsize=8192)
def text_units(text: str, bold: bool = False) -> int:
    """The advance width of `text` in 1/2048 em (remembered: table cells repeat their words)."""
    return sum(char_units(c, bold) for c in unicodedata.normalize("NFC", text))


def text_width(text: str, size_pt: float, bold: bool = False) -> int:
    """The width of `text` on one line at `size_pt`, in twips (1/20 pt)."""
    return round(text_units(text, bold) * size_pt * TWIPS_PER_PT / UNITS_PER_EM)


@functools.lru_cache(maxsize=8192)
def text_needs(text: str, size_pt: float, bold: bool = False) -> tuple[int, int]:
    """The width (twips) of the longest word of `text` and of its longest line (its lines split
    at its breaks, "\\n"). Remembered: a table's cells repeat their text (a budget table's
    empty cells, its "0" and its units), and a warm process (baocao xem) measures the same
    cells at every rebuild."""
    word = line = 0
    for text_line in text.split("\n"):
        line = max(line, text_width(text_line, size_pt, bold))
        for piece in text_line.split():
            word = max(word, text_width(piece, size_pt, bold))
    return word, line


def wrapped_widths(text: str, size_pt: float, bold: bool, available: int) -> list[int]:
    """The widths (twips) of the lines `text` fills when wrapped at spaces to `available` twips."""
    space = text_width(" ", size_pt, bold)
    widths = [0]
    for word in text.split():
        width = text_width(word, size_pt, bold)
        if widths[-1] and widths[-1] + space + width > available:
            widths.append(width)
        else:
            widths[-1] += (space if widths[-1] else 0) + width
    return widths
