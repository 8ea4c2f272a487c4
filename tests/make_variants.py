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

The sources are the NFC form of the documents. Deterministic: running it again writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from vn_dispatch.legacy import encode_legacy  # noqa: E402

FIXTURES = HERE / "fixtures"
KINDS = ("tcvn3", "vni", "nfd", "mojibake", "nodiac", "crlf")


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


def variants(text: str) -> dict[str, bytes]:
    """All variant kinds of one document's text, as the bytes to write."""
    nfc = unicodedata.normalize("NFC", text)
    return {
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
        if (FIXTURES / "docs" / source).is_file():
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
