"""Write encoding/Unicode-form variants of the labelled fixture documents.

    python tests/make_variants.py [--limit 12]

For the documents labelled in ``tests/fixtures/golden/`` (seeds first, then the others from the
shortest up), writes ``tests/fixtures/variants/<kind>/<id>.txt`` for each kind:

- ``tcvn3``    bytes in TCVN3 (ABC, .VnTime); capitals with tones lose their case, as with .VnTimeH
- ``vni``      bytes in VNI-Windows (VNI-Times)
- ``nfd``      UTF-8, decomposed (NFD)
- ``mojibake`` the UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1), saved as UTF-8
- ``nodiac``   UTF-8 with every diacritic removed and đ/Đ -> d/D (unrecoverable; a parser robustness case)
- ``crlf``     UTF-8 with Windows line endings
- ``mdtable``  the header and the closing as one-row Markdown layout tables, the way markitdown
               writes a Word layout table: a cell's paragraphs joined by spaces, upper-case
               paragraphs and the signer's name in bold (documents without a Nơi nhận block or a
               "Kính gửi"/body start are left out of this kind)

The sources are the NFC form of the documents. Deterministic: running it again writes the same bytes.

One more kind is not written here: ``layout`` is ``pdftotext -layout`` (poppler-utils 22.12) of the
PDF fixtures in ``tests/fixtures/pdf`` whose text is labelled: the text an archive gets from a PDF
with its columns kept as spaces (signature cell far right, wrapped lines at column 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from vn_dispatch.legacy import encode_legacy  # noqa: E402

FIXTURES = HERE / "fixtures"
KINDS = ("tcvn3", "vni", "nfd", "mojibake", "nodiac", "crlf", "mdtable")


def cp1252_reading(data: bytes) -> str:
    """What a Windows-1252 program shows for these bytes (undefined bytes 0x81 0x8D 0x8F 0x90 0x9D
    become the C1 controls of the same number, as Windows does)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def strip_diacritics(text: str) -> str:
    """``"Đồng Nai"`` -> ``"Dong Nai"``: drop every combining mark, đ/Đ -> d/D."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


_GAP = re.compile(r"\s{3,}")
_RIGHT_HEAD = re.compile(r"(?i)cộng hòa|cộng hoà|độc lập|đảng cộng sản|ngày\s+\S*\s*tháng")
_MARK = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\s*\.")
_NAME = re.compile(r"^(?:[A-ZĐ][^\s\d,;:.()]*\s+){1,4}[A-ZĐ][^\s\d,;:.()]*$")


def _upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cell(parts: list[str]) -> str:
    """A markitdown cell: paragraphs joined by spaces, upper-case ones and names in bold."""
    parts = [p.replace("**", "").strip() for p in parts]
    return " ".join(f"**{p}**" if _upper(p) or _NAME.match(p) else p for p in parts if p)


def md_layout_tables(text: str) -> str | None:
    """The document with its header and closing as one-row Markdown layout tables, or None."""
    lines = text.split("\n")
    date = next((i for i, ln in enumerate(lines[:25]) if re.search(r"ngày\s+\S*\s*tháng", ln)), None)
    start = next((i for i, ln in enumerate(lines[:40]) if re.match(r"\W*Kính gửi", ln)), None)
    if date is not None and (start is None or start > date + 12):
        start = date + 1  # no Kính gửi near: the table ends with the date row
    close = next((i for i in range(len(lines) - 1, -1, -1) if re.match(r"\W*Nơi nhận", lines[i])), None)
    if start is None or close is None or close <= start:
        return None
    left: list[str] = []
    right: list[str] = []
    for ln in lines[:start]:
        for piece in (p.strip() for p in _GAP.split(ln)):
            if piece:
                (right if _RIGHT_HEAD.search(piece) else left).append(piece)
    c_left: list[str] = []
    c_right: list[str] = []
    for ln in lines[close:]:
        for piece in (p.strip() for p in _GAP.split(ln)):
            if not piece:
                continue
            sig = _MARK.match(piece) or (_upper(piece) and not piece.startswith("-")) or _NAME.match(piece)
            (c_right if sig or piece.startswith("(") else c_left).append(piece)
    if not left or not c_left or not c_right:
        return None
    out = [f"| {_cell(left)} | {_cell(right)} |", "| --- | --- |", ""]
    out += lines[start:close]
    out += ["", f"| {_cell(c_left)} | {_cell(c_right)} |", "| --- | --- |", ""]
    return "\n".join(out)


def variants(text: str) -> dict[str, bytes]:
    """All variant kinds of one document's text, as the bytes to write (``mdtable`` may be absent)."""
    nfc = unicodedata.normalize("NFC", text)
    md = md_layout_tables(nfc)
    return {**({"mdtable": md.encode("utf-8")} if md is not None else {}),
        "tcvn3": encode_legacy(nfc, "tcvn3"),
        "vni": encode_legacy(nfc, "vni"),
        "nfd": unicodedata.normalize("NFD", nfc).encode("utf-8"),
        "mojibake": cp1252_reading(nfc.encode("utf-8")).encode("utf-8"),
        "nodiac": strip_diacritics(nfc).encode("utf-8"),
        "crlf": nfc.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"),
    }


def select_ids(limit: int) -> list[str]:
    """Seeds first, then the other labelled documents from the shortest up (ties by id)."""
    ids = []
    for g in sorted((FIXTURES / "golden").glob("*.json")):
        source = json.loads(g.read_text(encoding="utf-8")).get("source") or f"{g.stem}.txt"
        if "/" not in source and source.endswith(".txt") and (FIXTURES / "docs" / source).is_file():
            ids.append(Path(source).stem)
    seeds = sorted(i for i in ids if i.startswith("seed-"))
    others = sorted((i for i in ids if not i.startswith("seed-")),
                    key=lambda i: ((FIXTURES / "docs" / f"{i}.txt").stat().st_size, i))
    return (seeds + others)[:limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=12, help="number of documents (default 12)")
    ap.add_argument("--out", type=Path, default=FIXTURES / "variants")
    args = ap.parse_args(argv)
    ids = select_ids(args.limit)
    for doc_id in ids:
        text = (FIXTURES / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        for kind, data in variants(text).items():
            path = args.out / kind / f"{doc_id}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
    print(f"{len(ids)} documents x {len(KINDS)} kinds -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
