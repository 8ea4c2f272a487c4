"""The body's numbered items as a tree.

Labels: Roman sections ("I.", "II-"), Arabic ("1.", "1/", "1)", "1.1."), letters ("a)", "đ)",
"a."), "Điều 1." for decisions and decrees, bullets ("-", "+", "•") as children only. Each kind of
label gets a depth when first seen, so "I." > "1." > "a)" > "-" whatever the document uses first.
Items inside a quotation (a cited text quoted with “...”) are not directives.
"""

from __future__ import annotations

from typing import Optional

from ._re import Match, rx
from .models import Directive
from .text import Line, clean

_LABEL = rx(
    r"^\s*(?:"
    r"(?P<dieu>(?:Điều|ĐIỀU|Dieu)\s+\d{1,3}[a-z]?)(?=\s*[.:,]|\s+\p{Lu})\s*[.:,]?"
    # (the questions of a Q&A letter, "Câu 1" alone on its line or with its colon)
    r"|(?P<cau>(?:Câu|CÂU)\s+\d{1,2})(?=\s*[.:]|\s*$)\s*[.:]?"
    r"|(?P<roman>[IVX]{1,5})\s*[.\-/)]\s*(?=\S)"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]|\s*/(?=\s)|\.(?=\p{Lu}))\s*(?=\S)(?!\d)"
    # (lower-case Roman numerals of two letters or more: "ii)", "(iv)"; "i)", "v)" and "x)" are read
    # as letters here and turned into numerals by ``_lower_roman`` when the list has "ii)")
    r"|\(?(?P<lroman>i{2,3}|iv|vi{1,3}|ix|xi{1,3})\s*\)\s*(?=\S)"
    r"|\(?(?P<letter>[a-zđ])\s*\)\s*(?=\S)"
    r"|(?P<letterdot>[a-hk-nđ])\.\s+(?=\S)"
    r"|(?P<bullet>[-–—+•])\s*(?=\S)"
    r")"
)
# The first words of a unit a directive may be addressed to ("2. Sở Tài chính: ...").
_ACTOR_HEADS = ("Sở", "Ban", "Phòng", "UBND", "Ủy ban", "Uỷ ban", "Trung tâm", "Cục", "Chi cục", "Tổng cục", "Đài",
                "Báo", "Cổng", "Văn phòng", "Bộ", "Đoàn", "Hội", "Công an", "Bảo hiểm", "Kho bạc", "Liên đoàn",
                "Thanh tra", "Viện", "Trường", "Các", "doanh nghiệp", "các")
_ACTOR_ORG = rx(
    r"^(?:Đề nghị\s+)?(?P<actor>(?:các\s+|Các\s+)?(?:" + "|".join(_ACTOR_HEADS) + r")[^:.;]{0,110})"
)


# The capitals a label can start with ("Điều", "Dieu", "Câu", Roman numerals). ``_LABEL``'s ``\\s`` only
# matches characters ``str.isspace`` accepts, so ``lstrip`` reaches the label's first character.
_UPPER_LABEL_FIRST = frozenset("ĐDIVXC")
_KIND_RANK = {"dieu": 0, "cau": 0, "roman": 1, "arabic0": 2, "arabic1": 3, "arabic2": 4, "arabic3": 5, "letter": 6,
              "lroman": 7}


_LETTER_LABEL_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzđ")


def _may_open_letter_label(s: str) -> bool:
    """Whether ``s`` (stripped, opening with a lower-case letter) can open ``_LABEL``'s letter
    labels: "a) ...", "a ) ..." or "a. ..." (the other label kinds open otherwise)."""
    if s[0] not in _LETTER_LABEL_FIRST:
        return False
    c2 = s[1:2]
    if c2 in ("i", "v", "x") and s[0] in "ivx":
        return True  # "ii)", "iv)", "vi)": a lower-case Roman numeral (``_LABEL`` decides)
    return c2 in (")", ".") or (c2.isspace() and s[1:].lstrip()[:1] == ")")


def _kind(m: Match) -> tuple[str, str]:
    k = m.lastgroup  # each alternative of ``_LABEL`` has one named group, none nested
    if k is None:
        return "none", ""
    v = m.group(k)
    if k == "arabic":
        return f"arabic{v.count('.')}", v
    if k == "letterdot":
        return "letter", v
    if k == "dieu":
        return "dieu", clean(v[0].upper() + v[1:].lower()) if v.isupper() else clean(v)
    if k == "cau":
        return "cau", "Câu " + v.split()[-1]
    if k == "bullet":
        return "bullet" + ("+" if v == "+" else "-"), "-" if v in "-–—" else v
    return k, v


# First words ``_ACTOR_ORG`` can start with: a line that has no ":" and starts otherwise cannot
# name an addressee, and is not cleaned at all.
_ACTOR_FIRST = ("Đề", "các", "Các", *(h.split()[0] for h in _ACTOR_HEADS))


def _addressed_to(first_line: str) -> Optional[str]:
    if ":" not in first_line and not first_line.replace("**", "").lstrip().startswith(_ACTOR_FIRST):
        return None
    s = clean(first_line)
    if not s:
        return None
    if ":" in s[:130]:
        head = s.split(":", 1)[0].strip()
        if 3 <= len(head) <= 130 and head[:1].isupper():
            m = _ACTOR_ORG.match(head)
            if m:
                return head.removeprefix("Đề nghị ").strip()
    m = rx(r"^Đề nghị\s+(?P<a>[^.:;]{3,120})$").match(s)
    if m:
        return m.group("a").strip()
    if len(s) <= 120 and not s.endswith(".") and _ACTOR_ORG.match(s) and s == s.rstrip(";,"):
        m2 = _ACTOR_ORG.match(s)
        if m2 and m2.end() == len(s):
            return s.removeprefix("Đề nghị ").strip()
    return None


# a quotation opens a line, after a scan's speck at most: "“Điều 9. ...", "l “Điều 27. ..."
_QUOTE_OPEN = rx(r"(?:\S\s)?[“\"]")
_QUOTE_AFTER_COLON = rx(r":\s*“")
# "Điều 16 Thông tư số ..." / "Điều 4 của Luật ...": an article of a cited text, not an article head
_CITED_ARTICLE = rx(r"\s*(?:cua|luat|bo luat|nghi dinh|thong tu|quyet dinh|nghi quyet|phap lenh|chi thi|hien phap)\b")
_CITED_LIST = rx(r"\s*(?:khoan|diem|dieu|chuong|muc|phu luc)\b")
# headings of a text's parts, which may end on their number ("Mục 1") right above an article
_PART_HEADS = ("chuong", "muc", "phan", "tieu muc")
_SEQUENCE_FIRST = {"arabic0": "1", "roman": "I", "letter": "a", "lroman": "i"}
# the letter each of "i", "v", "x" follows in a list of letters (the Vietnamese order: ... h i k
# ... u v x y); a letter item "i)" after another label than "h)" is the numeral i
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "v"}


def _lower_roman(items: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """Items "i)", "v)", "x)" read as letters turned into lower-case Roman numerals when the list
    has numerals of two letters ("i) Đối với Ngân hàng Sumitomo ..." / "ii) Đối với Ngân hàng BNP
    ..."), unless the letter before them in the list is the one they follow ("h)" / "i)")."""
    if not any(k == "lroman" for _, k, _, _ in items):
        return items
    out = []
    prev_letter = None
    for item in items:
        idx, kind, label, cstart = item
        if kind == "letter":
            if label in _LETTER_BEFORE and prev_letter != _LETTER_BEFORE[label]:
                item = (idx, "lroman", label, cstart)
            else:
                prev_letter = label
        out.append(item)
    return out


def _first_seen(items: list[tuple[int, str, str, int]], kind: str, lines: list[Line], lo: int) -> bool:
    """Whether the list's first item ("1.", "I.") is there: printed, implied by a sub-item ("1.3."),
    or its label cut off by a scan's margin (". Kiểm tra hàng hóa ..." above the first item)."""
    first = _SEQUENCE_FIRST[kind]
    if any(label == first or label.startswith(first + ".") for _, _, label, _ in items):
        return True
    top = next(idx for idx, k, _, _ in items if k == kind)
    return any(_CROPPED_LABEL.match(ln.text) for ln in lines[lo:top])


_CROPPED_LABEL = rx(r"\s*[.)]\s+\p{Lu}")


def extract_directives(lines: list[Line], lo: int, hi: int, text: str, articles: bool = True) -> list[Directive]:
    """Directive tree of the body lines [lo, hi). ``articles=False`` for a công văn: a letter has no
    articles of its own, so "Điều 24. ..." in it opens a quoted article or a cited one
    ("Điều 1, Thông tư số 111/2013/TT-BTC ..."), never a directive."""
    # pass 1: labelled lines outside quotations. A quotation (a cited text) opens on a line that
    # starts with an opening quote and is not closed on it; it ends at the next closing quote
    # (at most 80 lines later: an unbalanced quote must not swallow the rest of the document).
    items: list[tuple[int, str, str, int]] = []  # (line index, kind, label, content start offset)
    quote_open_at: Optional[int] = None
    quote_midline = False
    last_arabic = 0  # the last "N." of the letter's own numbering
    last_dieu = 0
    prev_open = False  # the previous line ends mid-sentence, on a lower-case letter (not a heading in capitals)
    for ln in lines[lo:hi]:
        if ln.blank:
            prev_open = False  # (a wrapped citation runs on the next line, no blank between)
            continue
        t = ln.text
        stripped = ln.stripped
        was_open, prev_open = prev_open, stripped[-1].islower() or (
            stripped[-1].isdigit() and not ln.folded.lstrip().startswith(_PART_HEADS))
        if quote_open_at is not None:
            if "”" in t or '"' in t or ln.index - quote_open_at > 80:
                quote_open_at = None
                continue
            # a quotation whose closing quote the text lost: the next item of the letter's own
            # numbering ends it ("2.6. ... : “Phối ..." / ... / "3. Tổ chức thực hiện:"; "“Điều 3a.
            # ..." / ... / "Điều 2. Thay thế ..." after the letter's "Điều 1."), an arabic item only
            # for a quotation opened mid-line (a quoted article's own clauses restart at "1.")
            m = _LABEL.match(t)
            if m is None:
                continue
            k, lab = _kind(m)
            if not ((k == "arabic0" and quote_midline and lab == str(last_arabic + 1))
                    or (k == "dieu" and last_dieu and lab == f"Điều {last_dieu + 1}")):
                continue
            quote_open_at = None
        q = _QUOTE_OPEN.match(stripped)
        if q is not None:
            rest = stripped[q.end() :]
            # (a quote mark and one or two letters alone on a line, '"C', is a scan's speck)
            if "”" not in rest and '"' not in rest and len(rest.strip()) > 2:
                quote_open_at = ln.index
                quote_midline = False
            continue
        if "“" in t and t.count("“") > t.count("”") and _QUOTE_AFTER_COLON.search(t):
            # a quotation opened after a colon and left open: "- Tại Khoản 3, Điều 9 quy định ...:
            # “a) Thời hạn ..." / "d) Thời hạn ...”;" (the line itself is outside it)
            quote_open_at = ln.index
            quote_midline = True
        first = stripped[0]
        if first.isupper() and first not in _UPPER_LABEL_FIRST:
            continue  # "Căn cứ ...", "Sở ...": no label starts with another capital
        if first.islower() and not _may_open_letter_label(stripped):
            continue  # a wrapped line ("thành phố, ..."): only "a)", "a )" and "a." labels start lower case
        m = _LABEL.match(t)
        if m:
            kind, label = _kind(m)
            if kind == "dieu" and not articles:
                continue
            if kind == "dieu":
                num = int(rx(r"\D").sub("", label) or 0)
                if num <= last_dieu:
                    continue  # articles only increase: "Điều 9" again is a citation of Điều 9
                if num != last_dieu + 1 and was_open:
                    continue  # "... thành cụm từ “khoản 2 Điều 16” tại" / "Điều 10.": a citation wrapped, out of sequence
                if m.group(0).rstrip()[-1:] not in ".:," and _CITED_ARTICLE.match(ln.folded, m.end()):
                    continue  # "Điều 16 Thông tư số 39/2014/TT-BTC ...": an article of another text
                if m.group(0).rstrip()[-1:] == "," and _CITED_LIST.match(ln.folded, m.end()):
                    continue  # "Điều 12, khoản 4 Điều 17, ...": a list of articles cited, wrapped
                last_dieu = num
            items.append((ln.index, kind, label, ln.start + m.end()))
            if kind == "arabic0" and label.isdigit():
                last_arabic = int(label)
    if not items:
        return []
    items = _lower_roman(items)
    # pass 2: depth by first appearance of each kind (a tờ trình may quote "Điều 1." of its draft
    # under its own "I."), with deeper Arabic numbering (1.1.) always below shallower (1.)
    order: list[str] = []
    for _, kind, _, _ in items:
        if not kind.startswith("bullet") and kind not in order:
            order.append(kind)
    if not order:
        return []
    arabic = sorted((k for k in order if k.startswith("arabic")), key=_KIND_RANK.__getitem__)
    it = iter(arabic)
    order = [next(it) if k.startswith("arabic") else k for k in order]
    rank = {k: i for i, k in enumerate(order)}
    top_kind = order[0]
    # sequence sanity for the top level: drop a top-level item that breaks the sequence badly
    roots: list[_Node] = []
    stack: list[tuple[int, _Node, int]] = []  # (depth, node, line index)
    starts: list[tuple[_Node, int]] = []
    for idx, kind, label, _cstart in items:
        if kind.startswith("bullet"):
            if not stack:
                continue
            depth = 100 + (1 if kind.endswith("+") else 0)
        else:
            depth = rank[kind]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        ln = lines[idx]
        node = _Node(label, (ln.span_of_content()[0], ln.end))
        if stack:
            stack[-1][1].children.append(node)
        elif kind == top_kind:
            roots.append(node)
        else:
            continue
        stack.append((depth, node, idx))
        starts.append((node, idx))
    if top_kind in _SEQUENCE_FIRST and not _first_seen(items, top_kind, lines, lo):
        # a list of the document's own opens with "1." (or "I."): items "2.", "42)" with no "1."
        # before them are the rest of a quoted text whose quote marks OCR lost or closed early
        return []
    # pass 3: extents — a node runs to the start of the next node at the same or lower depth
    _fill_extents(roots, lines, hi, text)
    return _to_models(roots)


class _Node:
    """A directive while the tree is built: plain attributes, turned into ``Directive`` models once
    at the end (a pydantic attribute assignment costs far more than a slot's)."""

    __slots__ = ("label", "text", "span", "children", "addressed_to")

    def __init__(self, label: str, span: tuple[int, int]) -> None:
        self.label = label
        self.text = ""
        self.span = span
        self.children: list[_Node] = []
        self.addressed_to: Optional[str] = None


def _to_models(nodes: list[_Node]) -> list[Directive]:
    out: list[Directive] = []
    for nd in nodes:
        # the same fields set as building the model empty and assigning span, text, addressed_to;
        # (the validating constructor: pydantic-core's is faster than ``model_construct``)
        d = Directive(label=nd.label, text=nd.text, span=nd.span, addressed_to=nd.addressed_to)
        d.children.extend(_to_models(nd.children))
        out.append(d)
    return out


def _strip_label(s: str) -> str:
    """``s`` without its leading label: ``_LABEL.sub("", s, count=1)``, but ``_LABEL`` is anchored
    with ``^`` (no MULTILINE), so only a match at the start can be removed and ``match`` suffices
    instead of a scan of the whole (possibly long) text."""
    m = _LABEL.match(s)
    return s[m.end() :] if m else s


def _fill_extents(nodes: list[_Node], lines: list[Line], hi: int, text: str, end_limit: Optional[int] = None) -> list[str]:
    """Set each node's extent (to the next sibling, trailing blanks trimmed), text (without its
    label) and addressee; return each node's whole text, label included.

    A node's text holds its children's, so it is joined from the children's texts instead of
    cleaning the whole extent again at every level (the parts meet at line breaks, so the join
    equals ``clean`` of the whole extent)."""
    limit = end_limit if end_limit is not None else (lines[hi - 1].end if hi > 0 else 0)
    wholes: list[str] = []
    for i, nd in enumerate(nodes):
        s0 = nd.span[0]
        end = nodes[i + 1].span[0] if i + 1 < len(nodes) else limit
        seg = text[s0:end].rstrip()
        end = s0 + len(seg)
        nd.span = (s0, end)
        nl = seg.find("\n")
        nd.addressed_to = _addressed_to(_strip_label(seg[:nl] if nl >= 0 else seg))  # its first line names it
        m = _LABEL.match(seg)
        body_at = m.end() if m else 0
        own_end = nd.children[0].span[0] - s0 if nd.children else len(seg)
        own = clean(seg[body_at:own_end])
        label = clean(seg[:body_at])
        # the label and the text after it: "1. Nội dung" (a space between) or "a)Nội dung" (none)
        sep = " " if seg[body_at - 1 : body_at + 1].strip() != seg[body_at - 1 : body_at + 1] else ""
        own_whole = (label + sep + own if own else label) if label else own
        if nd.children:
            inner = _fill_extents(nd.children, lines, hi, text, end)
            nd.text = " ".join(p for p in (own, *inner) if p)
            wholes.append(" ".join(p for p in (own_whole, *inner) if p))
        else:
            nd.text = own
            wholes.append(own_whole)
    return wholes
