"""Character maps of the two legacy Vietnamese 8-bit encodings found in archives, as data.

Both maps go from a Unicode letter (NFC) to its bytes, as the published charts give them; the
decoders in ``legacy.py`` are derived from these two dicts and nothing else.

- ``TCVN3`` — TCVN 5712:1993 "VN3", the ABC encoding of the ``.VnTime``/``.VnArial`` fonts: one
  byte per letter, lower-case letters only (plus the seven bare capitals Ă Â Ê Ô Ơ Ư Đ at
  0xA1–0xA7). Capital letters with a tone are written with the lower-case byte in a capital
  font (``.VnTimeH``), so ``"CỘNG"`` is stored as ``b"C\xe9NG"`` — the case is lost in the bytes.
  Read as Windows-1252 the bytes give ``"Céng hoµ x· héi chñ nghÜa ViÖt Nam"``.
- ``VNI`` — VNI-Windows, the encoding of the ``VNI-Times`` fonts: a base ASCII letter followed by a
  mark byte (``"á"`` = ``b"a\xf9"`` = ``"aù"`` in Windows-1252; ``"ấ"`` = ``b"a\xe1"`` = ``"aá"``), one byte
  for ``đ ơ ư``, the five toned ``i`` and ``ỵ``; capitals use the capital base and the mark byte
  minus 0x20. Read as Windows-1252: ``"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"``.

Every Vietnamese letter other than the unmarked ASCII vowels is listed (134 in VNI; in TCVN3 the
67 lower-case ones and the 7 bare capitals). The tests round-trip all of them and compare the
maps with the published charts written out in chart order.
"""

from __future__ import annotations

# TCVN3 (ABC): letter -> byte. Rows: base, sắc, huyền, hỏi, ngã, nặng.
TCVN3: dict[str, int] = {
    "á": 0xB8, "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ắ": 0xBE, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ấ": 0xCA, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "é": 0xD0, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ế": 0xD5, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "í": 0xDD, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ó": 0xE3, "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ố": 0xE8, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ớ": 0xED, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ú": 0xF3, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ứ": 0xF8, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ý": 0xFD, "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7, "đ": 0xAE,
}


# Characters that PDF text extraction gives for two TCVN3 bytes (format-rules 7.6): 0xAD (ư, a soft
# hyphen in Windows-1252) may come out as U+2212 MINUS SIGN, 0xB7 (ã) as U+2219 BULLET OPERATOR.
TCVN3_PDF_ALIASES: dict[str, str] = {"\u2212": "ư", "\u2219": "ã"}

# VNI-Windows: letter -> bytes. Rows: base, sắc, huyền, hỏi, ngã, nặng; the comment shows the
# bytes as Windows-1252 text.
VNI: dict[str, bytes] = {
    "á": b"a\xf9", "à": b"a\xf8", "ả": b"a\xfb", "ã": b"a\xf5", "ạ": b"a\xef",  # aù aø aû aõ aï
    "ă": b"a\xea", "ắ": b"a\xe9", "ằ": b"a\xe8", "ẳ": b"a\xfa", "ẵ": b"a\xfc", "ặ": b"a\xeb",  # aê aé aè aú aü aë
    "â": b"a\xe2", "ấ": b"a\xe1", "ầ": b"a\xe0", "ẩ": b"a\xe5", "ẫ": b"a\xe3", "ậ": b"a\xe4",  # aâ aá aà aå aã aä
    "é": b"e\xf9", "è": b"e\xf8", "ẻ": b"e\xfb", "ẽ": b"e\xf5", "ẹ": b"e\xef",  # eù eø eû eõ eï
    "ê": b"e\xe2", "ế": b"e\xe1", "ề": b"e\xe0", "ể": b"e\xe5", "ễ": b"e\xe3", "ệ": b"e\xe4",  # eâ eá eà eå eã eä
    "í": b"\xed", "ì": b"\xec", "ỉ": b"\xe6", "ĩ": b"\xf3", "ị": b"\xf2",  # í ì æ ó ò
    "ó": b"o\xf9", "ò": b"o\xf8", "ỏ": b"o\xfb", "õ": b"o\xf5", "ọ": b"o\xef",  # où oø oû oõ oï
    "ô": b"o\xe2", "ố": b"o\xe1", "ồ": b"o\xe0", "ổ": b"o\xe5", "ỗ": b"o\xe3", "ộ": b"o\xe4",  # oâ oá oà oå oã oä
    "ơ": b"\xf4", "ớ": b"\xf4\xf9", "ờ": b"\xf4\xf8", "ở": b"\xf4\xfb", "ỡ": b"\xf4\xf5", "ợ": b"\xf4\xef",  # ô ôù ôø ôû ôõ ôï
    "ú": b"u\xf9", "ù": b"u\xf8", "ủ": b"u\xfb", "ũ": b"u\xf5", "ụ": b"u\xef",  # uù uø uû uõ uï
    "ư": b"\xf6", "ứ": b"\xf6\xf9", "ừ": b"\xf6\xf8", "ử": b"\xf6\xfb", "ữ": b"\xf6\xf5", "ự": b"\xf6\xef",  # ö öù öø öû öõ öï
    "ý": b"y\xf9", "ỳ": b"y\xf8", "ỷ": b"y\xfb", "ỹ": b"y\xf5", "ỵ": b"\xee",  # yù yø yû yõ î
    "đ": b"\xf1",  # ñ
    "Á": b"A\xd9", "À": b"A\xd8", "Ả": b"A\xdb", "Ã": b"A\xd5", "Ạ": b"A\xcf",  # AÙ AØ AÛ AÕ AÏ
    "Ă": b"A\xca", "Ắ": b"A\xc9", "Ằ": b"A\xc8", "Ẳ": b"A\xda", "Ẵ": b"A\xdc", "Ặ": b"A\xcb",  # AÊ AÉ AÈ AÚ AÜ AË
    "Â": b"A\xc2", "Ấ": b"A\xc1", "Ầ": b"A\xc0", "Ẩ": b"A\xc5", "Ẫ": b"A\xc3", "Ậ": b"A\xc4",  # AÂ AÁ AÀ AÅ AÃ AÄ
    "É": b"E\xd9", "È": b"E\xd8", "Ẻ": b"E\xdb", "Ẽ": b"E\xd5", "Ẹ": b"E\xcf",  # EÙ EØ EÛ EÕ EÏ
    "Ê": b"E\xc2", "Ế": b"E\xc1", "Ề": b"E\xc0", "Ể": b"E\xc5", "Ễ": b"E\xc3", "Ệ": b"E\xc4",  # EÂ EÁ EÀ EÅ EÃ EÄ
    "Í": b"\xcd", "Ì": b"\xcc", "Ỉ": b"\xc6", "Ĩ": b"\xd3", "Ị": b"\xd2",  # Í Ì Æ Ó Ò
    "Ó": b"O\xd9", "Ò": b"O\xd8", "Ỏ": b"O\xdb", "Õ": b"O\xd5", "Ọ": b"O\xcf",  # OÙ OØ OÛ OÕ OÏ
    "Ô": b"O\xc2", "Ố": b"O\xc1", "Ồ": b"O\xc0", "Ổ": b"O\xc5", "Ỗ": b"O\xc3", "Ộ": b"O\xc4",  # OÂ OÁ OÀ OÅ OÃ OÄ
    "Ơ": b"\xd4", "Ớ": b"\xd4\xd9", "Ờ": b"\xd4\xd8", "Ở": b"\xd4\xdb", "Ỡ": b"\xd4\xd5", "Ợ": b"\xd4\xcf",  # Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ
    "Ú": b"U\xd9", "Ù": b"U\xd8", "Ủ": b"U\xdb", "Ũ": b"U\xd5", "Ụ": b"U\xcf",  # UÙ UØ UÛ UÕ UÏ
    "Ư": b"\xd6", "Ứ": b"\xd6\xd9", "Ừ": b"\xd6\xd8", "Ử": b"\xd6\xdb", "Ữ": b"\xd6\xd5", "Ự": b"\xd6\xcf",  # Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ
    "Ý": b"Y\xd9", "Ỳ": b"Y\xd8", "Ỷ": b"Y\xdb", "Ỹ": b"Y\xd5", "Ỵ": b"\xce",  # YÙ YØ YÛ YÕ Î
    "Đ": b"\xd1",  # Ñ
}
