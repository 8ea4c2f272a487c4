"""Legacy encodings and broken Unicode: the TCVN3/VNI tables, decode_bytes and repair_text."""

import difflib
import doctest
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vn_dispatch import legacy
from vn_dispatch.legacy import decode_bytes, decode_legacy, encode_legacy, repair_text
from vn_dispatch.legacy_tables import TCVN3, VNI

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = FIXTURES / "docs"
VARIANTS = FIXTURES / "variants"
VARIANT_IDS = sorted(p.stem for p in (VARIANTS / "vni").glob("*.txt"))
ALL_DOC_IDS = sorted(p.stem for p in DOCS.glob("*.txt"))
LABELS = {"utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "cp1252"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def doc(doc_id: str) -> str:
    return nfc((DOCS / f"{doc_id}.txt").read_text(encoding="utf-8"))


def cp1252_reading(data: bytes) -> str:
    """What a Windows-1252 program shows (undefined bytes as the C1 control of the same number)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed where the code page has the
    letter, otherwise base letter + combining tone (Python's codec only takes the former)."""
    out = bytearray()
    for c in nfc(text):
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tones = "".join(x for x in d if x in "\u0300\u0301\u0303\u0309\u0323")
            out += nfc("".join(x for x in d if x not in tones)).encode("cp1258", errors="replace")
            out += tones.encode("cp1258")
    return bytes(out)


# ------------------------------------------------------------------------------------------
# the tables

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng
VOWELS = "a ă â e ê i o ô ơ u ư y".split()
CHART_LOWER = [nfc(v + t) for v in VOWELS for t in TONES] + ["đ"]  # chart order, 73 letters
CHART_UPPER = [c.upper() for c in CHART_LOWER]
LETTERS = [c for c in CHART_LOWER + CHART_UPPER if not c.isascii()]  # the 134 Vietnamese letters

# The published charts in chart order (rows: base, sắc, huyền, hỏi, ngã, nặng; then đ), each
# code shown as the Windows-1252 characters of its bytes.
VNI_CHART_LOWER = """
a aù aø aû aõ aï   aê aé aè aú aü aë   aâ aá aà aå aã aä   e eù eø eû eõ eï   eâ eá eà eå eã eä
i í ì æ ó ò   o où oø oû oõ oï   oâ oá oà oå oã oä   ô ôù ôø ôû ôõ ôï   u uù uø uû uõ uï
ö öù öø öû öõ öï   y yù yø yû yõ î   ñ
""".split()
VNI_CHART_UPPER = """
A AÙ AØ AÛ AÕ AÏ   AÊ AÉ AÈ AÚ AÜ AË   AÂ AÁ AÀ AÅ AÃ AÄ   E EÙ EØ EÛ EÕ EÏ   EÂ EÁ EÀ EÅ EÃ EÄ
I Í Ì Æ Ó Ò   O OÙ OØ OÛ OÕ OÏ   OÂ OÁ OÀ OÅ OÃ OÄ   Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ   U UÙ UØ UÛ UÕ UÏ
Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ   Y YÙ YØ YÛ YÕ Î   Ñ
""".split()
TCVN3_CHART_LOWER = """
a ¸ µ ¶ · ¹   ¨ ¾ » ¼ ½ Æ   © Ê Ç È É Ë   e Ð Ì Î Ï Ñ   ª Õ Ò Ó Ô Ö   i Ý × Ø Ü Þ
o ã ß á â ä   « è å æ ç é   ¬ í ê ë ì î   u ó ï ñ ò ô   \xad ø õ ö ÷ ù   y ý ú û ü þ   ®
""".split()
TCVN3_CAPITALS = dict(zip("ĂÂÊÔƠƯĐ", "¡¢£¤¥¦§"))


def test_letter_inventory():
    assert len(LETTERS) == 134 and len(set(LETTERS)) == 134
    assert set(VNI) == set(LETTERS)
    lower = {c for c in LETTERS if c.islower()}
    assert set(TCVN3) == lower | set(TCVN3_CAPITALS)
    assert len(set(TCVN3.values())) == len(TCVN3) and len(set(VNI.values())) == len(VNI)


@pytest.mark.parametrize("letters,chart", [(CHART_LOWER, VNI_CHART_LOWER), (CHART_UPPER, VNI_CHART_UPPER)])
def test_vni_table_is_the_published_chart(letters, chart):
    assert len(chart) == len(letters) == 73
    for letter, code in zip(letters, chart):
        if not letter.isascii():
            assert VNI[letter].decode("cp1252") == code, letter


def test_tcvn3_table_is_the_published_chart():
    assert len(TCVN3_CHART_LOWER) == 73
    for letter, code in zip(CHART_LOWER, TCVN3_CHART_LOWER):
        if not letter.isascii():
            assert bytes([TCVN3[letter]]).decode("cp1252") == code, letter
    for letter, code in TCVN3_CAPITALS.items():
        assert bytes([TCVN3[letter]]).decode("cp1252") == code


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_every_letter(letter):
    data = encode_legacy(letter, "vni")
    assert decode_legacy(data, "vni") == letter
    assert decode_legacy(cp1252_reading(data), "vni") == letter
    word = ("NG" if letter.isupper() else "ng") + letter + ("NG" if letter.isupper() else "ng")
    assert decode_legacy(encode_legacy(word, "vni"), "vni") == word


@pytest.mark.parametrize("letter", LETTERS)
def test_tcvn3_round_trip_every_letter(letter):
    data = encode_legacy(letter, "tcvn3")
    assert len(data) == 1
    if letter in TCVN3:  # the 67 lower-case letters and Ă Â Ê Ô Ơ Ư Đ
        assert decode_legacy(data, "tcvn3") == letter
        assert decode_legacy(cp1252_reading(data), "tcvn3") == letter
    else:  # a capital with a tone has no byte of its own (.VnTimeH): alone it reads lower-case ...
        assert decode_legacy(data, "tcvn3") == letter.lower()
    # ... and in a word typed in capitals its case comes back
    word = "NGH" + letter + "NG" if letter.isupper() else "ngh" + letter + "ng"
    assert decode_legacy(encode_legacy(word, "tcvn3"), "tcvn3") == word


def test_tcvn3_capitals_in_a_heading():
    for heading in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "QUYẾT ĐỊNH",
                    "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"]:
        data = encode_legacy(heading, "tcvn3")
        assert decode_legacy(data, "tcvn3") == heading, data
    # a title-case word keeps its lower case where the capital is only its first ASCII letter
    assert decode_legacy("Sè: 12/Q§-UBND", "tcvn3") == "Số: 12/QĐ-UBND"


def test_vni_lenient_forms():
    assert decode_legacy("iù iø yï Aù aÙ", "vni") == "í ì ỵ Á á"


def test_unknown_encoding_name():
    with pytest.raises(ValueError):
        encode_legacy("a", "viscii")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        decode_legacy(b"a", "utf-8")  # type: ignore[arg-type]


def test_encode_unknown_characters():
    assert encode_legacy("“Số” ≥ 5", "vni") == b"\x93So\xe1\x94 ? 5"
    assert encode_legacy("Ủy", "tcvn3") == b"\xf1y"


# ------------------------------------------------------------------------------------------
# decode_bytes

CONG_HOA = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize("data,text,label", [
    (b"", "", "utf-8"),
    (CONG_HOA.encode("utf-8"), CONG_HOA, "utf-8"),
    (b"\xef\xbb\xbf" + CONG_HOA.encode("utf-8"), CONG_HOA, "utf-8-sig"),
    (CONG_HOA.encode("utf-16"), CONG_HOA, "utf-16"),
    (b"\xfe\xff" + CONG_HOA.encode("utf-16-be"), CONG_HOA, "utf-16"),
    (CONG_HOA.encode("utf-16-le"), CONG_HOA, "utf-16"),  # no BOM: NULs in every other byte
    (CONG_HOA.encode("utf-16-be"), CONG_HOA, "utf-16"),
    (cp1258_bytes(CONG_HOA), CONG_HOA, "cp1258"),
    (b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    (b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
    (encode_legacy(CONG_HOA, "vni"), CONG_HOA, "vni"),
    ("Les élèves sont allés à l'école.".encode("cp1252"), "Les élèves sont allés à l'école.", "cp1252"),
    (b"\x93Quoted\x94 text", "“Quoted” text", "cp1252"),
    ("Hà Nội, ngày 5".encode() + b"\xff", "Hà Nội, ngày 5\ufffd", "utf-8"),  # one broken byte
])
def test_decode_bytes(data, text, label):
    assert decode_bytes(data) == (text, label)


def test_decode_bytes_cp1258_fixture_documents():
    for doc_id in ALL_DOC_IDS:
        if sum(ord(c) > 127 for c in doc(doc_id)) < 100:
            # a scan in a broken font is nearly ASCII ("Kfnh grii: C6ng ty ..."): its few other
            # characters cannot tell cp1258 from cp1252
            continue
        text, label = decode_bytes(cp1258_bytes(doc(doc_id)))
        assert label == "cp1258", doc_id
        assert text == nfc(cp1258_bytes(doc(doc_id)).decode("cp1258", errors="replace"))


def _lines_without_stray_symbols(text: str) -> list[str]:
    """Lines made only of ASCII, Vietnamese letters and common punctuation: OCR debris such as
    ``¥`` or ``§`` collides with legacy codes and cannot come back from a legacy encoding."""
    ok = set(VNI) | set("“”‘’–—…•\u00a0")
    return [s for s in text.split("\n") if all(c.isascii() or c in ok for c in s)]


@pytest.mark.parametrize("doc_id", VARIANT_IDS)
def test_decode_bytes_vni_variants(doc_id):
    text, label = decode_bytes((VARIANTS / "vni" / f"{doc_id}.txt").read_bytes())
    assert label == "vni"
    assert text == doc(doc_id)


@pytest.mark.parametrize("doc_id", VARIANT_IDS)
def test_decode_bytes_tcvn3_variants(doc_id):
    text, label = decode_bytes((VARIANTS / "tcvn3" / f"{doc_id}.txt").read_bytes())
    assert label == "tcvn3"
    orig = doc(doc_id)
    # TCVN3 keeps no case for capitals with tones: letters must all come back, case almost always
    keep = set(_lines_without_stray_symbols(orig))
    pairs = [(s, o) for s, o in zip(text.split("\n"), orig.split("\n"), strict=True) if o in keep]
    assert len(pairs) >= 0.9 * len(orig.split("\n"))
    assert all(s.lower() == o.lower() for s, o in pairs)
    assert difflib.SequenceMatcher(None, orig, text, autojunk=False).ratio() > 0.995


@pytest.mark.parametrize("kind", ["nfd", "mojibake", "nodiac", "crlf"])
def test_decode_bytes_utf8_variants(kind):
    for doc_id in VARIANT_IDS:
        data = (VARIANTS / kind / f"{doc_id}.txt").read_bytes()
        assert decode_bytes(data) == (data.decode("utf-8"), "utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_never_raises(data):
    text, label = decode_bytes(data)
    assert isinstance(text, str) and label in LABELS


# ------------------------------------------------------------------------------------------
# repair_text

TCVN3_NOTE = "converted from TCVN3"
VNI_NOTE = "converted from VNI"
MOJIBAKE_NOTE = "fixed mojibake"


@pytest.mark.parametrize("text,expected,note", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", TCVN3_NOTE),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", TCVN3_NOTE),
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân", TCVN3_NOTE),
    ("nhµ n−íc", "nhà nước", TCVN3_NOTE),  # PDF extraction: ư as U+2212
    ("x∙ héi", "xã hội", TCVN3_NOTE),  # PDF extraction: ã as U+2219
    ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TCVN3_NOTE),  # .VnTimeH
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VNI_NOTE),
    ("UÛY BAN NHAÂN DAÂN TÆNH", "ỦY BAN NHÂN DÂN TỈNH", VNI_NOTE),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", VNI_NOTE),
    ("Ñaø Naüng", "Đà Nẵng", VNI_NOTE),
    ("Tr√≠ch xu·∫•t", "Trích xuất", MOJIBAKE_NOTE + ": UTF-8 read as Mac Roman"),
    ("Cá»™ng hÃ²a", "Cộng hòa", MOJIBAKE_NOTE + ": UTF-8 read as Windows-1252"),
    ("Ä\x90á»™c láº\xadp", "Độc lập", MOJIBAKE_NOTE),  # Latin-1 reading: C1 controls kept
    ("TrÃ\xadch yáº¿u", "Trích yếu", MOJIBAKE_NOTE),
    ("vÃ  nhÃ¢n dÃ¢n", "và nhân dân", MOJIBAKE_NOTE),  # à whose no-break space became a space
    ("TriÌ\x81ch xuaÌ\x82Ì\x81t", "Trích xuất", MOJIBAKE_NOTE),  # NFD, then UTF-8 read as Windows-1252
    ("TriÃÅch xuaÃÇÃÅt", "Trích xuất", MOJIBAKE_NOTE),  # NFD (macOS), then read as Mac Roman
    ("C\x00\xd9\x1en\x00g\x00", "Cộng", "converted from UTF-16"),
    ("Vie\u0323\u0302t Nam", "Việt Nam", "normalised to NFC"),
])
def test_repair_examples(text, expected, note):
    out, notes = repair_text(text)
    assert out == expected
    assert len(notes) == 1 and notes[0].startswith(note), notes


CLEAN = [
    "", "Hello world", "Số: 12/QĐ-UBND", "Hà Nội, ngày 05 tháng 3 năm 2024", "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "hoà hoá toà khoá thuỷ", "Hòa Bình", "Giám đốc Sở Tài chính",
    "XÃ\u00a0HỘI", "“XÃ”", "CỘNG HÒA “XÃ”", "Ô”", "café", "naïve", "Müller", "Giá: 5 £", "§ 3. Điều khoản",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Hải Yến", "Kính gửi: Bộ Tài chính\r\n", "CONG HOA XA HOI CHU NGHIA VIET NAM",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text):
    assert repair_text(text) == (text, [])


@pytest.mark.parametrize("doc_id", ALL_DOC_IDS)
def test_fixture_documents_are_unchanged(doc_id):
    text = doc(doc_id)
    assert repair_text(text) == (text, [])


@pytest.mark.parametrize("kind,note", [("tcvn3", TCVN3_NOTE), ("vni", VNI_NOTE)])
@pytest.mark.parametrize("doc_id", VARIANT_IDS)
def test_repair_legacy_read_as_cp1252(kind, note, doc_id):
    data = (VARIANTS / kind / f"{doc_id}.txt").read_bytes()
    out, notes = repair_text(cp1252_reading(data))
    assert out == decode_bytes(data)[0]
    assert [n[: len(note)] for n in notes] == [note]
    out_latin1, _ = repair_text(data.decode("latin-1"))
    assert out_latin1 == out


@pytest.mark.parametrize("doc_id", VARIANT_IDS)
def test_repair_utf8_variants(doc_id):
    orig = doc(doc_id)
    mojibake = (VARIANTS / "mojibake" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert repair_text(mojibake)[0] == orig
    nfd = (VARIANTS / "nfd" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert repair_text(nfd) == (orig, ["normalised to NFC (decomposed diacritics composed)"])
    for kind in ("nodiac", "crlf"):
        text = (VARIANTS / kind / f"{doc_id}.txt").read_bytes().decode("utf-8")
        assert repair_text(text) == (text, [])


@pytest.mark.parametrize("doc_id", VARIANT_IDS[:6])
def test_repair_other_readings(doc_id):
    orig = doc(doc_id)
    data = orig.encode("utf-8")
    assert repair_text(data.decode("latin-1"))[0] == orig
    assert repair_text(data.decode("mac_roman"))[0] == orig
    assert repair_text(unicodedata.normalize("NFD", orig).encode("utf-8").decode("mac_roman"))[0] == orig
    twice = cp1252_reading(cp1252_reading(data).encode("utf-8"))  # mojibake of mojibake
    assert repair_text(twice)[0] == orig
    for enc in ("utf-16", "utf-16-le", "utf-16-be"):  # UTF-16 read as 8-bit
        assert repair_text(orig.encode(enc).decode("latin-1"))[0] == orig
    tcvn3_mojibake = cp1252_reading(cp1252_reading(encode_legacy(orig, "vni")).encode("utf-8"))
    assert repair_text(tcvn3_mojibake)[0] == orig


def test_repair_keeps_clean_lines_of_a_mixed_document():
    header = "ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 12/QĐ-UBND"
    body = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÝnh göi: C¸c së, ban, ngµnh"
    out, notes = repair_text(header + "\n" + body)
    assert out == header + "\nCộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nKính gửi: Các sở, ban, ngành"
    assert notes[0].startswith(TCVN3_NOTE)


@pytest.mark.parametrize("kind", ["tcvn3", "vni", "mojibake", "nfd"])
def test_repair_is_idempotent_on_variants(kind):
    for doc_id in VARIANT_IDS:
        data = (VARIANTS / kind / f"{doc_id}.txt").read_bytes()
        text = data.decode("utf-8") if kind in ("mojibake", "nfd") else cp1252_reading(data)
        once = repair_text(text)[0]
        assert repair_text(once) == (once, [])


# arbitrary text, biased towards the characters the repairs look at
_ALPHABETS = [
    "abcdeghiklmnopqrstuvxy ", "ABCDEGHIKLMNOPQRSTUVXY", "".join(VNI), legacy._CP1252[0x80:],
    legacy._MACROMAN[0x80:], "\x00\n\r\t ", "−∙·µ¸¶¹¨©ª«¬®§", "ùøûõïâêáàåãäéèúüëñöôòóæî",
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b",
]
_BIASED = st.lists(st.sampled_from(_ALPHABETS).flatmap(lambda a: st.text(alphabet=a, min_size=1, max_size=12)),
                   max_size=12).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), _BIASED))
def test_repair_never_raises_and_is_idempotent(text):
    once, _ = repair_text(text)
    assert unicodedata.is_normalized("NFC", once)
    assert repair_text(once)[0] == once


_WORDS = sorted({w for i in ALL_DOC_IDS for w in doc(i).split() if not w.isascii()
                 and all(c.isascii() or c in VNI or c in "“”" for c in w)})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60), st.sampled_from([" ", "\n", ", "]))
def test_repair_leaves_vietnamese_prose_alone(words, sep):
    text = sep.join(words)
    assert repair_text(text) == (text, [])


# ------------------------------------------------------------------------------------------
# documentation and an outside opinion


def test_docstring_examples():
    assert doctest.testmod(legacy, raise_on_error=False).failed == 0


def test_mojibake_agrees_with_ftfy():
    ftfy = pytest.importorskip("ftfy")  # optional: not a dependency, used here as a second opinion
    for doc_id in VARIANT_IDS:
        mojibake = (VARIANTS / "mojibake" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert repair_text(mojibake)[0] == nfc(ftfy.fix_encoding(mojibake))
