"""Stage 1: bring raw text to the clean NFC text that every span points into.

What it removes is layout noise only, never words: Markdown emphasis (``**KT. GIÁM ĐỐC``), table
pipes and separator rows, decorative rules (``-----``, ``____``), page markers
(``--- PAGE 2 ---``), gazette running heads (``CÔNG BÁO/Số 11 + 12/Ngày 10-01-2023``), lone page
numbers, zero-width characters and soft hyphens. A document flattened onto one line gets line
breaks back before its structural keywords.
"""

from __future__ import annotations

import re
import unicodedata

from ._re import rx
from .tables import WEB_METADATA_HEADS
from .text import alphabet_map_where, alphabet_map_without, encodes_with, fold, folding_to

_CHAR_TABLE: dict[int, str | int | None] = {0x00D0: "\u0110"}
_CHAR_SUSPECT = rx("[\u00d0\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000"
                              "\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
_CHAR_TABLE.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_CHAR_TABLE.update({cp: " " for cp in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x09)})
_CHAR_TABLE.update({cp: " " for cp in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)})
# Markdown emphasis marks: "**Số:**". Written to open with the literal "*" (the look-behind checks
# the character before it) so that the search jumps from star to star instead of testing a
# look-behind at every position.
_EMPH_OPEN = rx(r"\*(?<![\w*]\*)\*{0,2}(?=[^\s*])")
_EMPH_CLOSE = rx(r"\*(?<=[^\s*]\*)\*{0,2}(?![\w*])")
_MD_HEADING = rx(r"^\s{0,3}#{1,6}\s+", re.M)
_TABLE_SEP_ROW = rx(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_RULE_LINE = rx(r"^\s*(?:[-_=~—–‒―.·•]\s*){3,}$")
_TRAILING_SPACE = rx(r"[ ]+$", re.M)

# whole-line noise, matched on folded text
_NOISE = rx(
    r"^\s*(?:"
    r"-{2,}\s*page\s*(?:\d+|break)\s*-{2,}"             # --- PAGE 3 ---, --- PAGE BREAK ---
    r"|(?:\d{1,4}\s+)?cong bao\s*/\s*so\s*[\d\s+]+/\s*ngay\s*[\d\s/-]+"  # [24   ]CÔNG BÁO/Số 11 + 12/Ngày 10-01-2023
    r"|(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?"        # 6   |  Trang 2/5
    # Công báo section heads printed above a document's header
    r"|van ban quy pham phap luat|van ban phap luat khac|van ban hop nhat\s*-|dieu uoc quoc te"
    r")\s*$"
)

# Where to break a document that arrives as one long line: structural keywords (on folded text)
# and shapes that need letter case (on the original): sentence ends before a capital, "Số" with
# a symbol, "Place, ngày", authority marks, a signer's name after the title.
_RELAYOUT = rx(
    r"(?<=\S)\s+(?="
    r"v\s*[/.]\s*v\b"
    r"|kinh\s*g[uo]i\b"
    r"|noi\s*nhan\s*:"
    r"|cong hoa xa hoi"
    r"|doc lap\s*-"
    r"|-\s*luu\s*:?"
    r"|(?:[1-9]\d?|[ivx]{1,4})\s*[.)]\s+[^\W\d_]"
    r"|[a-dđeg]\)\s+"
    r")"
)
_RELAYOUT_CASED = rx(
    r"(?<=[.!?])(?<!(?:^|\s)(?:\d{1,2}|[IVX]{1,4}|[a-zđ]|KT|TM|TL|TUQ|Q|TP|Tp|P|TS|ThS|PGS|GS)\.)\s+(?=[\p{Lu}“\"(])"
    r"|(?<=[.;:,])\s+(?=[-–•+]\s+\S)"
    r"|\s+(?=Số\s*:?\s*\d*\s*[/-]?\s*(?:\d{4}/)?[\p{Lu}])"
    r"|\s+(?=\*\s)|(?<=\s\*)\s+"
    r"|(?<!\b\p{Lu}[\p{Ll}.]+)\s+(?=(?:\p{Lu}[\p{Ll}.]*\s){0,4}\p{Lu}[\p{Ll}.]*,?\s+ngày\s+(?:\d|tháng))"
    r"|\s+(?=(?:K/T|T/M|T/L|KT\.|TM\.|TL\.|TUQ\.|Q\.)\s*\p{Lu})"
    r"|(?<=\p{Lu}{2})\s+(?=PHÓ\s+\p{Lu})"
    r"|(?<=\p{Lu}{2})\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,4}\s*$)"
)


# a document-sharing site's page marker glued onto the first line: "Trang 1UỶ BAN NHÂN DÂN"
_PAGE_MARK_GLUED = rx(r"Trang\s?\d{1,3}(?=\p{Lu}{2})")
# a số line with the trích yếu glued after the symbol (on folded text)
_NUMBER_THEN_VV = rx(r"^\s*so\s*[:.]?\s*[\d.…_ ]*[/-]\s*[a-z0-9đ&.\-/]{2,40}\s(?P<vv>v\s*/\s*v\b)")

# First characters that can start a rule line: a cheap test before ``_RULE_LINE`` (every
# character ``\\s`` matches is ``str.isspace``, so ``lstrip`` reaches the same first character).
_RULE_FIRST = frozenset("-_=~—–‒―.·•")
# A ``_NOISE`` line starts (after blanks) with a dash ("--- PAGE 3 ---"), a decimal digit (a page
# number; ``str.isdecimal``: ``\\d`` is every Unicode decimal digit) or two characters folding to
# the start of one of its word forms ("co" cong bao, "tr" trang, "va" van ban, "di" dieu uoc).
_NOISE_HEADS = frozenset(a + b for x, y in ("co", "tr", "va", "di") for a in folding_to(x) for b in folding_to(y))

_NO_SUSPECT_MAP = alphabet_map_without(_CHAR_SUSPECT)


def clean_characters_map() -> object:
    """A charmap-codec map of the characters neither this stage nor the encoding repair
    (``legacy.needs_repair``) looks at: a text that encodes with it needs neither (one C-speed pass
    instead of two); ``normalize(text, suspects=False)`` then skips its own test."""
    from .legacy import _SUSPECT

    return alphabet_map_where(lambda c: _CHAR_SUSPECT.match(c) is not None or _SUSPECT.match(c) is not None)


def _has_suspect(text: str) -> bool:
    """``_CHAR_SUSPECT.search(text)``, with a cheap test first (see ``text.alphabet_map_without``)."""
    if "\x00" not in text and encodes_with(text, _NO_SUSPECT_MAP):
        return False
    return _CHAR_SUSPECT.search(text) is not None


# A Markdown table row of a header or closing layout table (converters such as markitdown put a
# whole Word cell on one row, its paragraphs joined by spaces): the cues that tell such a row from
# a data table's, on folded text.
# (below the head of the document only the closing's cues count: a data table of a plan may have
# a "ngày ... tháng" or "Số:" cell without being a layout table)
_CLOSING_CUES = r"noi\s*nhan\s*:|(?:^|[|*\s])(?:kt|tm|tl|tuq)\s*\.\s*\S"
_LAYOUT_ROW_CUE = rx(
    r"cong hoa xa hoi|doc lap\s*-|dang cong san|doan tncs|kinh\s*gui\b|\bv\s*/\s*v\b"
    r"|(?:^|[|*\s])so\s*:\s*\S|ngay\s+[\d.…_ ]*thang|" + _CLOSING_CUES
)
_CLOSING_ROW_CUE = rx(_CLOSING_CUES)
_HEAD_ROWS = 30  # lines of the text that may hold the header table
_BOLD_BREAK = rx(r"\*\*\s+\*\*|<br\s*/?>")  # "**SỞ ...** **CỘNG HÒA ...**": two bold paragraphs


def _is_markdown_row(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|"


def _layout_row(line: str, head: bool = True) -> list[str] | None:
    """The lines of a header or closing layout row, cells side by side as on the page.

    ``| UBND TỈNH X **SỞ Y** | **CỘNG HÒA ...** **Độc lập - Tự do - Hạnh phúc** |`` ->
    ``["UBND TỈNH X   CỘNG HÒA ...", "SỞ Y   Độc lập - Tự do - Hạnh phúc"]``: each cell is cut into
    its paragraphs (at bold-run and ``<br>`` breaks and before the structural keywords a one-line
    document is cut at), and the cells' paragraphs are paired line by line, three spaces apart, the
    way a flattened two-column page reads. None when the row is not a layout row or has one
    paragraph per cell (the plain pipe handling then applies).
    """
    if not (_LAYOUT_ROW_CUE if head else _CLOSING_ROW_CUE).search(fold(line)):
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    columns: list[list[str]] = []
    for cell in cells:
        parts: list[str] = []
        for piece in _BOLD_BREAK.split(cell):
            piece = _EMPH_CLOSE.sub("", _EMPH_OPEN.sub("", piece)).strip()
            if piece:
                parts += [x.strip() for x in _relayout_folded(piece).split("\n") if x.strip()]
        columns.append(parts)
    depth = max((len(c) for c in columns), default=0)
    if depth <= 1:
        return None
    return ["   ".join(c[i] if i < len(c) else "" for c in columns).rstrip() for i in range(depth)]


def _normalize_line(line: str) -> str:
    if not line:
        return line  # (a third of a document's lines are empty)
    if "|" in line:
        if _TABLE_SEP_ROW.match(line):
            return ""
        stripped = line.strip()
        if stripped.startswith("|") or stripped.endswith("|") or " | " in line:
            line = stripped.strip("|")
            line = rx(r"\s*\|\s*").sub("   ", line)
    head = line.lstrip()[:2]
    first = head[:1]
    if not first:
        return line  # blank: neither a rule nor noise (both need a non-blank character)
    if first == "T" and line.startswith("Trang"):
        pm = _PAGE_MARK_GLUED.match(line)
        if pm is not None:
            line = line[pm.end() :]  # "Trang 1UỶ BAN NHÂN DÂN": the page marker is not the name's
            head = line[:2]
    if first in _RULE_FIRST and _RULE_LINE.match(line):
        return ""
    if ((first in "-–—−" or first.isdecimal() or head in _NOISE_HEADS) and len(line.strip()) <= 80
            and _NOISE.match(fold(line))):
        return ""
    if first in "Ss" and "/" in line:
        vv = _NUMBER_THEN_VV.match(fold(line))
        if vv is not None:
            # "Số: 245/STTTT-TTBCXB V/v tuyên truyền ...": two paragraphs of one cell joined by a
            # converter; the blank before "V/v" becomes a line break (same length: spans hold)
            cut = vv.start("vv") - 1
            line = line[:cut] + "\n" + line[cut + 1 :]
    return line


def normalize(raw: str, *, suspects: bool = True) -> tuple[str, list[str]]:
    """Return (normalised text, notes). Idempotent: ``normalize(normalize(x)[0])[0] == normalize(x)[0]``.

    >>> normalize("**KT. GIÁM ĐỐC**\\r\\nPHÓ GIÁM ĐỐC")[0]
    'KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC'
    """
    notes: list[str] = []
    if not raw:
        return "", notes
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "|" in text:
        text = _layout_tables(text)
        if "\n|" in text:
            text = _web_cells(text, notes)
    if not unicodedata.is_normalized("NFC", text):
        notes.append("text was not in NFC (decomposed diacritics); normalised")
        text = unicodedata.normalize("NFC", text)
    # one pass for single characters: Icelandic Eth used for Vietnamese Đ, zero-width characters
    # and soft hyphens dropped, exotic spaces and control characters as spaces
    if suspects and _has_suspect(text):
        text = text.translate(_CHAR_TABLE)  # per-character translate is slow: only when needed
    if "*" in text:
        text = _EMPH_OPEN.sub("", text)
        text = _EMPH_CLOSE.sub("", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    lines = text.split("\n")
    head = text[:1500]
    if any(k in head for k in _WEB_METADATA_CUES) and _WEB_METADATA.search(fold(head)):
        lines = _drop_web_metadata(lines, notes)
        text = "\n".join(lines)
    longest = max(map(len, lines))  # ``split`` gives at least one line
    if longest > 2000 and len(text) / max(1, len(lines)) > 600:
        notes.append("long unbroken lines: line breaks restored before structural keywords")
        text = _relayout_folded(text)
        lines = text.split("\n")
    text = "\n".join(_normalize_line(s) for s in lines)
    if " \n" in text or text.endswith(" "):
        text = _TRAILING_SPACE.sub("", text)
    if "\n\n\n\n" in text:
        text = rx(r"\n{4,}").sub("\n\n\n", text)
    text = text.strip("\n")
    return text, notes


# metadata a legal-text website prints above the document ("Số hiệu: 155/KH-UBND", "Người ký: ..."):
# its "Số hiệu" and dates are not the header's
_WEB_METADATA = rx(r"(?:^|\n)[\s•*-]*(?:" + "|".join(sorted(WEB_METADATA_HEADS, key=len, reverse=True)) + r")\s*:")

# (the words the metadata blocks of the sites seen print: a C-speed test before folding the head)
_WEB_METADATA_CUES = ("Số hiệu", "Loại văn bản", "Người ký", "Ngày ban hành", "Nơi ban hành", "Cơ quan ban hành")


def _drop_web_metadata(lines: list[str], notes: list[str]) -> list[str]:
    """Blank the website's metadata lines among the first 30 when there are two or more."""
    hits = [i for i, ln in enumerate(lines[:30]) if _WEB_METADATA.match(fold(ln))]
    if len(hits) < 2:
        return lines
    notes.append("web page metadata lines above the document ignored")
    out = list(lines)
    for i in hits:
        out[i] = ""
    return out


# Legal-text websites (thuvienphapluat.vn and its copies) print the header table one cell after
# another, a line holding only "|" between the cells, and wrap each cell at the web column's
# width, often after its first word: "ỦY" / "BAN NHÂN DÂN" / "TỈNH CÀ MAU" / "-------" / "|" /
# "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" / ... / "|" / "Số:" / "36/KH-UBND" / "|" / "Cà" /
# "Mau, ngày 21 tháng 02 năm 2022" / "|". Their bodies keep a paragraph's first word on a line of
# its own ("Căn" / "cứ Luật ..."). ``_web_cells`` joins what the web column broke.
_WEB_HEAD_LINES = 60
_ONE_WORD = rx(r"\s*\p{Lu}[\p{L}.:]*\s*")
_SO_OR_DATE = rx(r"^\W*so\b|ngay\b.*\bthang\b|\bngay\s*$")


def _web_cells(text: str, notes: list[str]) -> str:
    lines = text.split("\n")
    bars = [i for i, ln in enumerate(lines[:_WEB_HEAD_LINES]) if ln.strip() == "|"]
    if len(bars) < 2 or bars[0] > 15:
        return text
    out: list[str] = []
    start = 0
    for b in bars:
        out += _join_cell(lines[start:b])
        out.append("")
        start = b + 1
    # the body: a paragraph's first word alone on its line, the rest below in lower case
    rest = lines[start:]
    body: list[str] = []
    i = 0
    while i < len(rest):
        ln = rest[i]
        if (i + 1 < len(rest) and len(ln) <= 12 and _ONE_WORD.fullmatch(ln) and not ln.strip().endswith(":")
                and rest[i + 1][:1].islower()):
            body.append(ln.strip() + " " + rest[i + 1])
            i += 2
            continue
        body.append(ln)
        i += 1
    notes.append("web page layout: header cells and wrapped lines joined")
    return "\n".join(out + body)


def _join_cell(cell: list[str]) -> list[str]:
    """The lines of one header cell as printed: a số or date cell on one line, a motto on one line
    above its tagline, a first word the web column left alone joined to the line below."""
    words = [ln.strip() for ln in cell if ln.strip() and not _RULE_LINE.match(ln)]
    rules = [ln for ln in cell if ln.strip() and _RULE_LINE.match(ln)]
    if not words:
        return rules
    f = fold(" ".join(words))
    if _SO_OR_DATE.search(f) and len(f) <= 120:
        return [" ".join(words)] + rules
    joined: list[str] = []
    for w in words:
        last = fold(joined[-1]) if joined else ""
        if "cong hoa" in last and "doc lap" not in last and not fold(w).startswith("doc lap"):
            joined[-1] += " " + w  # "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"
        elif joined and len(joined[-1].split()) == 1 and _ONE_WORD.fullmatch(joined[-1]):
            joined[-1] += " " + w  # "ỦY" / "BAN NHÂN DÂN", "CỘNG" / "HÒA XÃ HỘI ..."
        else:
            joined.append(w)
    return joined + rules


def _layout_tables(text: str) -> str:
    """Header and closing layout tables of Markdown input laid out as a page (see ``_layout_row``)."""
    lines = text.split("\n")
    # a Markdown table has a separator row ("| --- | --- |"); OCR text has stray bars, not tables
    if not any("-" in ln and _TABLE_SEP_ROW.match(ln) for ln in lines):
        return text
    out: list[str] = []
    changed = False
    for i, line in enumerate(lines):
        rows = _layout_row(line, i < _HEAD_ROWS) if "|" in line and _is_markdown_row(line) else None
        if rows is None:
            out.append(line)
        else:
            out += rows
            changed = True
    return "\n".join(out) if changed else text


def _relayout_folded(text: str) -> str:
    """Give line breaks back to a document flattened onto one or a few very long lines."""
    folded = fold(text)
    cuts = {(m.start(), m.end()) for m in _RELAYOUT.finditer(folded)}
    cuts |= {(m.start(), m.end()) for m in _RELAYOUT_CASED.finditer(text)}
    out: list[str] = []
    last = 0
    for s, e in sorted(cuts):
        if s < last:
            continue
        out.append(text[last:s])
        out.append("\n")
        last = e
    out.append(text[last:])
    return "".join(out)
