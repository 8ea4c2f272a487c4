"""Header extractors: motto, issuer block, số/ký hiệu, place and date.

Works on the header zone found by ``segment``; each line may hold two flattened columns
("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 496/TCT-KK Hà Nội, ngày 06 tháng 02
năm 2018"), so each line is cut into cells around the motto, number and date matches.
"""

from __future__ import annotations

from typing import Optional, Union, cast

from . import dates
from ._re import Match, rx
from .models import DocNumber, Header, MottoFamily, PartialDate
from .numbers import (
    CODE_HEAD,
    CODE_TAIL,
    NUMBER_LINE,
    glued_place,
    normalise_symbol,
    parse_number_match,
    split_symbol,
    symbol_looks_real,
)
from .segment import (
    BARE_NUMBER,
    VV_RE,
    Hit,
    Zones,
    date_match,
    motto_match,
    number_match,
    tagline_match,
    type_title,
)
from .tables import BODY_HEADS, CONTINUATION_HEADS
from .text import Line, clean, fold, is_upper_text

_CELL_GAP = rx(r"\s{3,}")
_GAZETTE_HEAD = rx(r"van ban hop nhat\s*-\s*(?=\S)")
# a word of OCR or table debris inside a header cell: "==", "|", "<>", "__"
_CELL_JUNK = rx(r"[=|<>{}\[\]]|[_~]{2}")
# (a scan's speck before the name may open with a digit: "6“ BỘ TÀI CHÍNH")
_JUNK_EDGES = rx(r"^(?:\d[^\w\s]+\s+(?=\p{Lu}+\s+\p{Lu}{2}))?[\W_]*|[\s_\-=|*~“”\"'`,;:]+$")
_LOWER_SPECK_END = rx(r"(?<=\p{Lu}\S*)\s+\p{Ll}{1,2}$")


def _cells(line: Line) -> list[tuple[int, int]]:
    """Column cells of a header line as (start, end) offsets relative to the line."""
    t = line.text
    cuts: list[tuple[int, int]] = []
    for kind in ("motto", "tagline", "number", "date"):
        m: Optional[Union[Hit, Match]] = None
        if kind == "motto":
            mm = motto_match(line)
            m = mm[1] if mm else None
        elif kind == "tagline":
            m = tagline_match(line)
        elif kind == "number":
            m = number_match(line)
        else:
            m = date_match(line)
        if m:
            s, e = m.span()
            if kind == "date":
                # the place before the date belongs to the date cell
                s = _place_start(t, s, line)
            cuts.append((s, e))
    cuts.sort()
    free: list[tuple[int, int]] = []
    pos = 0
    for s, e in cuts:
        if s > pos:
            free.append((pos, s))
        pos = max(pos, e)
    if pos < len(t):
        free.append((pos, len(t)))
    out: list[tuple[int, int]] = []
    for s, e in free:
        seg = t[s:e]
        last = 0
        for g in _CELL_GAP.finditer(seg):
            out.append((s + last, s + g.start()))
            last = g.end()
        out.append((s + last, e))
    return [(s, e) for s, e in out if t[s:e].strip()]


# lower-case words inside a place name: "Thành phố", "thị xã", "thị trấn" (and a scan's "Thành phó")
_PLACE_LOWER_WORDS = frozenset({"phố", "phó", "pho", "xã", "trấn", "thị"})


def _place_start(t: str, date_start: int, line: Line) -> int:
    """Offset where the place name before a date starts ("Hà Nội, ngày ...")."""
    left = t[:date_start]
    nm = number_match(line)
    floor = nm.end() if nm and nm.end() <= date_start else 0
    if floor and nm is not None:
        glued = glued_place(line.text[nm.start("sym") : nm.end("sym")].rstrip())
        if glued is not None:
            floor = nm.start("sym") + glued.start("w")  # "Số: 12/SYT - Hà Nội, ngày": the symbol took "Hà"
    gap = None
    for gap in rx(r"\s{3,}").finditer(left, floor):  # noqa: B007 - the last wide gap: a cell edge
        pass
    if gap is not None and left[gap.end() :].strip():
        floor = gap.end()  # "BAN TUYÊN GIÁO   Lai Châu, ngày ...": the place starts its own cell
    tokens: list[Match] = list(rx(r"\S+").finditer(left[floor:]))
    if floor and 0 < len(tokens) <= 6 and tokens[0].group(0)[:1].isupper():
        return floor + tokens[0].start()  # the whole cell after the số cell: "Hà nội, ngày ..."
    start = date_start
    count = 0
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        w = tok.group(0).strip(",")
        if not w:
            continue
        if w in ("-", "–") and count and k > 0 and tokens[k - 1].group(0)[:1].isupper():
            continue  # "Phan Rang - Tháp Chàm, ngày ...": a place joined by a dash
        if (any(ch in w.rstrip(";:") for ch in ":;/#") or (count and w.endswith(":"))
                or (count and not w.isdigit() and any(ch.isdigit() for ch in w))):
            break  # no place name holds these: a số cell the OCR garbled ("Só:4#?LĐTBXH-BHXH Hà Nội",
            # "Se': Hd Nrri, ngdy ...": a label before the place; "Äf03Y!CTHN-TTHT Ha Nội": digits
            # among letters)
        if w[0].isupper() or w.lower() in _PLACE_LOWER_WORDS or w[0] in "(":
            if (count and len(w) >= 3 and w.isupper() and not w.endswith(".")  # ("TP. Hồ Chí Minh")
                    and not left[start:date_start].isupper()):
                break  # a code before a place in mixed case: "thuế GTGT Hà Nội, ngày ...", "ICT-ATHT Bắc Ninh"
            start = floor + tok.start()
            count += 1
            if count >= 6:
                break
        else:
            break
    return start


def extract_place(line: Line, m: Match, s: Optional[int] = None) -> Optional[str]:
    """``"Lai Châu, ngày 20 tháng 02 năm 2024"`` -> ``"Lai Châu"``; ``s``: the place's start on
    the line when the caller has it (``_place_start``)."""
    if s is None:
        s = _place_start(line.text, m.start(), line)
    place = line.text[s : m.start()]
    place = clean(place).rstrip(",;:. ").strip()
    place = rx(r"^[\W_]+").sub("", place)
    if not place or len(place) > 60 or not place[0].isupper():
        return None
    return place


def _longest_prefix(folded: str, heads: tuple[str, ...]) -> int:
    best = 0
    for h in heads:
        if folded.startswith(h) and len(h) > best:
            best = len(h)
    return best


# Where one upper-case cell holds two bodies ("TỈNH ỦY LAI CHÂU BAN TUYÊN GIÁO", flattened lines):
# before a strong body head that is not the tail of a compound ("ỦY BAN", "TỔNG CỤC", "VĂN PHÒNG").
_CELL_SPLIT = rx(
    r"(?<=\S\s\S+)(?<!\buy)(?<!\btong)(?<!\bchi)(?<!\bvan)(?<!\bthanh)\s+"
    r"(?=(?:so|ban|phong|cuc|tong cuc|chi cuc|van phong|trung tam|ubnd|uy ban nhan dan)\s)"
)


def _split_cell(cell: str) -> list[str]:
    if len(cell.split()) < 5:
        return [cell]
    f = fold(cell)
    cuts = [m.start() for m in _CELL_SPLIT.finditer(f)]
    parts, last = [], 0
    for c in cuts:
        parts.append(cell[last:c].strip())
        last = c
    parts.append(cell[last:].strip())
    return [p for p in parts if p]


def group_issuer_lines(cells: list[str]) -> list[str]:
    """Join wrapped name lines; return bodies top to bottom.

    ``["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]`` -> one body;
    ``["UBND TỈNH KON TUM", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]`` -> two bodies.
    """
    bodies: list[str] = []
    for cell in [part for c in cells for part in _split_cell(c)]:
        f = fold(cell).strip()
        if not bodies:
            bodies.append(cell)
            continue
        prev = bodies[-1]
        body = _longest_prefix(f, BODY_HEADS)
        cont = _longest_prefix(f, CONTINUATION_HEADS)
        prev_f = fold(prev).rstrip()
        connector = prev_f.endswith((" va", "-", ",", "&", " cua"))
        if connector or cont > body:
            bodies[-1] = prev + " " + cell
        elif body:
            bodies.append(cell)
        elif len(cell.split()) <= 2:
            bodies[-1] = prev + " " + cell
        else:
            bodies.append(cell)
    return bodies


# a số cell a scan garbled beyond the số pattern: it opens with "Số:" or an OCR form of it, or
# holds digits and a symbol's codes ("86:,3284 ICT-TTHT")
_GARBLED_SO_CELL = rx(r"^\W{0,2}(?:[sS]\S{0,2}|\d{1,2})\s*[:;]|\d.*[\p{Lu}\d]{2,}\s?-\s?[\p{Lu}\d]{2,}")


_SO_INSIDE = rx(r"\s+[Ss][ốoô6é]?\s*:")


def extract_header(lines: list[Line], z: Zones) -> Header:
    if z.header_end <= z.header_start:
        return Header()
    # plain values, the model built once at the end (pydantic assignments cost)
    motto: Optional[MottoFamily] = None
    motto_lines: list[str] = []
    issuer_cells: list[str] = []
    vv_skip = set()
    if z.vv_line is not None:
        vv_skip.add(z.vv_line)
    spans: list[tuple[int, int]] = []
    for ln in lines[z.header_start : z.header_end]:
        if ln.blank:
            continue
        mm = motto_match(ln)
        if mm:
            fam, m = mm
            if motto is None:
                motto = cast(MottoFamily, fam)  # motto_match names one of the families
            motto_lines.append(clean(ln.text[m.start() : m.end()]))
        tm = tagline_match(ln)
        if tm:
            motto_lines.append(clean(ln.text[tm.start() : tm.end()]))
        if ln.index in vv_skip or VV_RE.match(ln.folded):
            continue
        if type_title(ln):
            continue
        for s, e in _cells(ln):
            cell = ln.text[s:e]
            c = _JUNK_EDGES.sub("", cell.strip())
            gh = _GAZETTE_HEAD.match(fold(c))
            if gh:
                c = c[gh.end() :]  # "VĂN BẢN HỢP NHẤT - BỘ KẾ HOẠCH VÀ ĐẦU TƯ": Công báo section head
            if _CELL_JUNK.search(c):  # (no junk in the cell: none in any of its words)
                c = " ".join(w for w in c.split() if not _CELL_JUNK.search(w))
            c = clean(c)
            if not c or len(c) > 90 or not is_upper_text(c):
                continue
            if c[-1].islower():
                c = _LOWER_SPECK_END.sub("", c)  # "BỘ TÀI CHÍNH l": a scan's speck after the name
            if "-" in c and " " not in c and _CODE_RUN.fullmatch(c):
                continue  # "TANDTC-BCA-BQP-BLĐTBXH": a symbol's second line, not a body's name
            if _GARBLED_SO_CELL.search(c):
                continue  # "Số: 2254 NHNN-QLNH", "6:2.9992 JCTHN-KK": a số cell OCR garbled
            so = _SO_INSIDE.search(c)
            if so is not None:
                c = c[: so.start()]  # "CUC THUE TP HA NOI Số: S¥O¥OICT-TTHT": the số cell glued on
            if rx(r"[\W\d_]+").fullmatch(c):
                continue
            if type_title(Line(0, 0, 0, c, fold(c))):
                continue
            if issuer_cells and fold(issuer_cells[-1]) == fold(c):
                continue  # gazette section heading repeating the issuer
            issuer_cells.append(c)
            spans.append((ln.start + s, ln.start + e))
    # a Công báo section head repeating the whole issuer block above it, wrapped at other words
    # ("BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI" / "BỘ LAO ĐỘNG - THƯƠNG" / "BINH VÀ XÃ HỘI")
    keys = [rx(r"[^a-z]").sub("", fold(c)) for c in issuer_cells]
    for k in range(1, len(issuer_cells)):
        if keys[k] and "".join(keys[:k]) == "".join(keys[k:]):
            # keep the document's own copy unless the other one groups into fewer bodies (a
            # wrap at "THƯƠNG" / "BINH ..." reads as two bodies, one at "... BINH" / "VÀ ..." as one)
            if len(group_issuer_lines(issuer_cells[:k])) < len(group_issuer_lines(issuer_cells[k:])):
                issuer_cells, spans = issuer_cells[:k], spans[:k]
            else:
                issuer_cells, spans = issuer_cells[k:], spans[k:]
            break
    if not issuer_cells:
        return Header(motto=motto, motto_lines=motto_lines, issuer_lines=issuer_cells)
    bodies = group_issuer_lines(issuer_cells)
    # a gazette page head may repeat the issuer's name above the header: one body, not its parent
    bodies = [b for b in bodies[:-1] if fold(b) != fold(bodies[-1])] + bodies[-1:]
    return Header(motto=motto, motto_lines=motto_lines, issuer_lines=issuer_cells, issuer=bodies[-1],
                  issuer_parent=" ".join(bodies[:-1]) or None, span=(spans[0][0], spans[-1][1]))


def find_number(
    lines: list[Line], z: Zones, text: str, folded: str, cong_van: Optional[bool]
) -> tuple[Optional[DocNumber], bool]:
    """The document's số/ký hiệu: header first, then a "Số:" line anywhere (e.g. a VBHN's
    closing certification). Returns (number, found_outside_header)."""
    if z.number_line is not None:
        ln = lines[z.number_line]
        m = number_match(ln)
        if m:
            dn = parse_number_match(m, ln.text, cong_van)
            cont = _symbol_continuation(lines, z.number_line, dn.symbol) if dn.symbol else None
            if cont:
                dn.symbol = f"{dn.symbol}-{cont}"
                dn.year, dn.type_code, dn.issuer_code, dn.unit_code = split_symbol(
                    dn.symbol, party_form=m.group("sep") == "-" and dn.number is not None, cong_van=cong_van)
            if dn.number is None and not dn.raw.lower().startswith("s"):
                # "/TB-UBND" with the number stamped on a line of its own a few lines away
                # ("Số: 542"): a signed PDF's text read without its layout
                for near in lines[max(0, z.number_line - 6) : z.number_line + 4]:
                    bare = BARE_NUMBER.match(near.folded)
                    if bare:
                        dn.number = near.text[bare.start("num") : bare.end("num")]
                        break
            return _shift(dn, ln.start), False
    for ln in lines:
        # (indented as "pdftotext -layout" lays out a VBHN's closing certification)
        if not rx(r"^\W{0,2}so\s*:").match(ln.folded.lstrip()) or len(ln.stripped) > 120:
            continue
        m = NUMBER_LINE.search(ln.folded, len(ln.folded) - len(ln.folded.lstrip()))
        if m and symbol_looks_real(ln.text[m.start("sym") : m.end("sym")]):
            dn = parse_number_match(m, ln.text, cong_van)
            return _shift(dn, ln.start), True
    return _unreadable_number(lines, z, cong_van), False


# a run of codes joined by "-", no blank: "TANDTC-BCA-BQP-BLĐTBXH" (a symbol's second line, not a body)
_CODE_RUN = rx(r"[A-ZĐ][A-ZĐ0-9&]*(?:-[A-ZĐ0-9&]+)+|[A-ZĐ][A-ZĐ0-9&]{1,}")
_DANGLING = rx(r"\s?-\s*(?:\s{2}|$)")


def _symbol_continuation(lines: list[Line], idx: int, symbol: str) -> Optional[str]:
    """The rest of a symbol wrapped in its cell: "Số: 01/2022/TTLT-VKSNDTC-" over
    "TANDTC-BCA-BQP-BLĐTBXH" (a joint circular's issuers); None when the symbol ends on its line."""
    t = lines[idx].text
    last = rx(r"[-/]").split(symbol)[-1]
    k = t.find(last)
    if k < 0 or not _DANGLING.match(t, k + len(last)):
        return None
    for ln in lines[idx + 1 : idx + 3]:
        if ln.blank:
            continue
        cell = _CELL_GAP.split(ln.stripped, maxsplit=1)[0]
        return cell if _CODE_RUN.fullmatch(cell) else None
    return None


# The symbol after the last "/" of a số cell whose number OCR garbled ("Số: 5 2Ÿ Š /CT-TTHT",
# "Số: §B./,/TCHQ-TXNK"): codes of upper-case letters joined by "-" (or one code of three letters).
_LAST_SYMBOL = rx(rf"/\s*(?P<sym>{CODE_HEAD}(?:\s?-\s?{CODE_TAIL})+|[A-ZĐ]{{3,}}[0-9]*)\s*$")


# a số cell whose slash OCR lost or read as "7", "1", "l", "I": the number, then codes joined by "-"
# ("86:,3284 ICT-TTHT": "Số" read as "86", a speck before the number)
_SLASH_LOST = rx(rf"^\W{{0,2}}(?:S\S{{0,2}}|86)\s*[:;.]\s*[,.]?(?P<num>\d{{1,6}})\s+[7|lI1!]?(?P<sym>{CODE_HEAD}(?:-{CODE_TAIL})+)\s*$")


def _unreadable_number(lines: list[Line], z: Zones, cong_van: Optional[bool]) -> Optional[DocNumber]:
    """A header "Số:" cell whose number cannot be read: its symbol, number None."""
    end = min(len(lines), z.kinh_gui_line if z.kinh_gui_line is not None else 25, 25)
    for ln in lines[:end]:
        head = rx(r"^\W{0,2}(?:s[o]|86)\s*[:;]").match(ln.folded)
        if head is None or len(ln.text) > 160:
            continue
        cell_end = len(ln.text)
        dm = date_match(ln)
        if dm is not None:
            cell_end = _place_start(ln.text, dm.start(), ln)
        gap = rx(r"\s{3,}|\s\|").search(ln.text, head.end())
        if gap is not None and gap.start() < cell_end:
            cell_end = gap.start()
        cell = ln.text[:cell_end].rstrip(" |_")
        number: Optional[str] = None
        m = _LAST_SYMBOL.search(cell)
        if m is None:
            m = _SLASH_LOST.match(cell)  # "Số: 3942 LĐTBXH-BHXH": the number read, its slash lost
            if m is not None:
                number = m.group("num")
        if m is None or not symbol_looks_real(m.group("sym")):
            continue
        sym = normalise_symbol(m.group("sym"))
        year, type_code, issuer, unit = split_symbol(sym, cong_van=cong_van)
        raw = cell.strip()
        start = ln.start + ln.text.index(raw)
        return DocNumber(raw=raw, number=number, symbol=sym, type_code=type_code, issuer_code=issuer,
                         unit_code=unit, year=year, span=(start, start + len(raw)))
    return None


def _shift(dn: DocNumber, offset: int) -> DocNumber:
    if dn.span is not None:
        dn.span = (dn.span[0] + offset, dn.span[1] + offset)
    return dn


def find_place_date(
    lines: list[Line], z: Zones, near: Optional[int] = None
) -> tuple[Optional[str], Optional[PartialDate], Optional[tuple[int, int]]]:
    """Place and date of the header's date line; with ``near`` (the line of a số found outside
    the header, e.g. a VBHN's closing certification) the date line within 8 lines of it."""
    idx = z.date_line
    if idx is None and near is not None:
        for j in range(max(0, near - 3), min(len(lines), near + 9)):
            if date_match(lines[j]):
                idx = j
                break
    if idx is None:
        return None, None, None
    ln = lines[idx]
    m = date_match(ln)
    if not m:
        return None, None, None
    d = dates.from_match(m, ln.text, ln.start)
    pstart = _place_start(ln.text, m.start(), ln)
    place = extract_place(ln, m, pstart)
    return place, d, (pstart + ln.start, d.span[1] if d.span else ln.end)
