"""OCR and broken-font forms of the dispatch's fixed words, each a real string from the corpus
(``shared/corpus/text``): the rules of the fourth session, one table per rule."""

import pytest

from vn_dispatch import parse
from vn_dispatch.closing import parse_archive
from vn_dispatch.dates import find_date
from vn_dispatch.numbers import NUMBER_LINE
from vn_dispatch.segment import kinh_gui_match, motto_match, tagline_match
from vn_dispatch.text import Line, fold, has_vowel_word


def _line(s: str) -> Line:
    return Line(0, 0, len(s), s, fold(s))


@pytest.mark.parametrize("s", ["Kinh grii: Cuc Thu€ TP He NQi", "Kfnh gti: Cdng ty TNHH dAu nOi diQn tri Kyocera",
                               "Knh eti:", "Kinh gm: C c Thu� cac tinh", "Kinh sui: - Cuc ThuiS tinh Kh6nh Hda",
                               "Ktuh eiri:", "Kfnh gtii Cuc Thui5 tinh Be Na - Vfing Tiu"])
def test_kinh_gui_in_broken_fonts(s):
    assert kinh_gui_match(fold(s)) is not None


@pytest.mark.parametrize("s", ["Kinh phí: 20 triệu đồng", "Kinh tế: tăng trưởng", "Khánh Hòa, ngày 5", "Kinh giới cây"])
def test_not_kinh_gui(s):
    assert kinh_gui_match(fold(s)) is None


@pytest.mark.parametrize("s,ymd", [
    ("Hd N|i, ngdy 08 thdng 5 ndm 2015", (2015, 5, 8)),
    ("Hd N|i, ngay{0 thdng Q ndm 2016", (2016, None, None)),
    ("Hd N|t, ngdy 2O thdng + ndm 2022", (2022, None, 20)),      # "2O": an OCR 0
    ("Hd N|i, ngdy J0 thdng0l ndm 2016", (2016, 1, None)),       # "0l": an OCR 1
    ("ngAy ,l,l thdng l2 ndm 2014", (2014, 12, None)),           # a month's leading "l" is a 1
    ("Hà Nội, ngayl6 tháng JÔ năm 2020", (2020, None, None)),    # a day's is not (it was the 26th)
    ("Thông tư số 75/2022/TT-BTC ngày \n22 tháng 12 năm 2022 của", (2022, 12, 22)),
    ("Nghị định số 140/2025/NĐ-CP ngày 12 tháng \n6 năm 2025 của", (2025, 6, 12)),  # wrapped after "tháng"
    ("Hà Nội, ngày 04 tháng 9% năm 2019", (2019, 9, 4)),         # a speck after the digit
    ("Bình Dương, ngày 4% tháng 02_năm 2020", (2020, 2, 4)),     # (no day 40-49)
    ("Hà Nội, ngày 22” tháng # năm 2020", (2020, None, 22)),
    ("Hà Nội, ngày 12 tháng 1% năm 2020", (2020, None, 12)),     # "1%" may have been 10, 11 or 12
])
def test_dates(s, ymd):
    d = find_date(fold(s), s)
    assert d is not None and (d.year, d.month, d.day) == ymd


@pytest.mark.parametrize("s", ["TONG CUC THUE DQc l$p - Tr; do - H4nh phric", "EOc l6p - Tu do - H4nh phric",
                               "rOxc cuc rnun D0\" l6p - Tq do - H4nh phric"])
def test_tagline_in_broken_fonts(s):
    assert tagline_match(_line(s)) is not None


@pytest.mark.parametrize("second", ["CUC THUE TP HA NOI Độc lập - TY .", "CỤC THUE TP HÀ NỘI Độc lập - Tự È",
                                    # cut after "Tự do -" (tax-cv-1433, tax-cv-3772, tax-cv-2273)
                                    "CỤC THUÉ TỈNH BẮC NINH Độc lập - Tự do - Hits", "CỤC THUÊ TỈNH BẮC NINH Độc lập - Tự Do -"])
def test_tagline_cut_short_leaves_the_issuer_cell(second):
    # a scan cut the tagline after "Độc lập -": the issuer cell before it is still the issuer
    text = ("TONG CỤC THUE CONG HOA XÃ H VIET NAM\n" + second
            + "\nSố: 24126/CTHN-TTHT Hà Nội, ngày 14 tháng 6 năm 2022\nV/v kê khai thuế nhà thầu\n")
    h = parse(text).header
    assert (h.issuer_parent, h.issuer) == ("TONG CỤC THUE", second.split(" Độc")[0])


def test_tagline_cut_is_only_a_line_end():
    assert tagline_match(_line("Độc lập - Tự do là mục tiêu của cuộc đấu tranh lâu dài")) is None


@pytest.mark.parametrize("s", ["BO TAI CHINH ceNG HoA xA ugr cnu xcniA vrET NAM",
                               "B0 T Al CHINH CQ G HOA XA HQI CHU NGHiA VJ¥T NAM",
                               # the first words garbled past "HÒA XÃ" (tax-cv-4205, -300, -5540)
                               "BỘ TÀI CHÍNH CONG HO¿ 21 CHỦ NGHĨA VIET NAD", "BỘ TÀI CHÍNH CONG E 1ÔI CHỦ NGHĨA VIỆT NAM",
                               "PONG CỤC THUE Coma WOA XÃ HỘI CHỦ NGHĨA VI"])
def test_state_motto_in_broken_fonts(s):
    m = motto_match(_line(s))
    assert m is not None and m[0] == "state"
    assert s[: m[1].start()].strip() in {"BO TAI CHINH", "B0 T Al CHINH", "BỘ TÀI CHÍNH", "PONG CỤC THUE"}


@pytest.mark.parametrize("s,num,sym", [("86: 35934 /CT-TTHT", "35934", "ct-ttht"), ("86:-4440 /CT-TTHT", "4440", "ct-ttht"),
                                       ("Se^,: /TCT-CS", "", "tct-cs"), ('ty sé: 40345" /BTC-TCT.', "40345", "btc-tct")])
def test_number_line_forms(s, num, sym):
    m = NUMBER_LINE.search(fold(s))
    assert m is not None and m.group("num").strip() == num and m.group("sym").replace(" ", "") == sym


@pytest.mark.parametrize("raw,holders,drafter,copies", [
    ("- Luu:VT. TNCN.r", ["VT", "TNCN"], None, None),
    ("- Luu: VT, QLNHI. Wy", ["VT", "QLNHI"], None, None),
    ("- Luu: VT; TTr (3b). tụ", ["VT", "TTr"], None, 3),
    ("- Lưu: VT, GSQL3b) Ay", ["VT", "GSQL"], None, 3),
    ("- Lưu: VT, PC@b „", ["VT", "PC"], None, None),
    ("- Lưu: VT, KGVX VHTin507.", ["VT", "KGVX"], "VHTin507", None),
    ("- Luu: VT, TXNK-H.Linh (3b). X", ["VT", "TXNK"], "H.Linh", 3),
    ("~ Lưu: VT. TXNK- H.Linh (1b) VV", ["VT", "TXNK"], "H.Linh", 1),
    ("~ Lưu: VT, TXNK-D. Thuận (3b). w", ["VT", "TXNK"], "D. Thuận", 3),
    ("- Lưu: VT, TTHT, W.", ["VT", "TTHT"], "W", None),
    ("~ Law: VT, TTHT.", ["VT", "TTHT"], None, None),
    ("- Lưu: VT, TT&HT. C6 bĐ", ["VT", "TT&HT"], None, None),
    ("- Lưu: Văn thư, KTTH.", ["Văn thư", "KTTH"], None, None),
    ("- Lưu: VT; TXNK-Nhung (03).", ["VT", "TXNK"], "Nhung", 3),        # the drafter without an initial
    ("- Lưu: VT, TXNK-PL-Thảo (3b). gy", ["VT", "TXNK-PL"], "Thảo", 3),  # a sub-unit's code before the name
    # "Lưu" misread by OCR, before the Văn thư holder; a speck glued after the last code
    ("-Lmu: VI, TTHT@). (65)", ["VI", "TTHT"], None, None),
    ("- Lm: VT, mg, (63)", ["VT"], "mg", None),
    ("- Lan: VT, TTHT.", ["VT", "TTHT"], None, None),
    ("- Lim: VT, CS (3b). & X⁄.?", ["VT", "CS"], None, 3),
    ("- Lưu VT, KTI@)", ["VT", "KTI"], None, None),
])
def test_archive_forms(raw, holders, drafter, copies):
    a = parse_archive(raw, (0, len(raw)))
    assert (a.holders, a.drafter, a.copies) == (holders, drafter, copies)


@pytest.mark.parametrize("s,expected", [("PHÓ CỤC TRƯỞNG", True), ("TCDN - BTC", False), ("HTQT", False),
                                        ("CỤC THUẾ TỈNH HÒA BÌNH", True)])
def test_has_vowel_word(s, expected):
    assert has_vowel_word(s, 4) is expected


@pytest.mark.parametrize("top,issuer", [
    # a speck opening with a digit before the name (the number of a scan's stamp), not before a code
    ("6“ BỘ TÀI CHÍNH CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BỘ TÀI CHÍNH"),
    ("BỘ TÀI CHÍNH", "BỘ TÀI CHÍNH"),
])
def test_issuer_speck(top, issuer):
    text = top + "\nTỔNG CỤC THUẾ Độc lập - Tự do - Hạnh phúc\nSố: 12/TCT-CS Hà Nội, ngày 5 tháng 3 năm 2016\n"
    d = parse(text)
    assert d.header.issuer_parent == issuer and d.header.issuer == "TỔNG CỤC THUẾ"


@pytest.mark.parametrize("addressee,body", [
    ("Vin phdng Uy ban nh6n d6n tinh Ldo Cai", "Tdng cuc Thu6 nh$n dugc C6ng vin sO 649IUBND-TM ngdy 1410212015"),
    ("Cuc Thui5 tinh Be Na - Vfing Tiu", "Tri lcri c6ng vdn s5 8007/CT-TTHT ,gdy O4lOgl2O20 cria Cuc thu6 tinh Ba"),
    ("@J,!,,,U ryt Me. . lthnn", "Thgc hiQn ph6n c6ng cira BQ Tdi chinh, TOng cuc Thu6 du th6o Th6ng tu"),
])
def test_body_starts_after_broken_font_addressee(addressee, body):
    # the broken-font body's first line right under the addressee (no blank line) ends the Kính gửi
    text = ("BO TAI CHINH\nTONG CUC THUE\nSố: 12/TCT-CS\nV/v: chinh sach thue\nKinh gui: " + addressee + "\n"
            + body + "\nrest of the paragraph.\n")
    assert parse(text).addressees == [addressee]


@pytest.mark.parametrize("label,first", [("Nơi nhận fA", None), ("Noi nhận: F—", None), ("Noi nhQn:n.'\nt", None),
                                         ("Nơi nhận:                          Nguyễn Minh Cường", "Nguyễn Minh Cường")])
def test_noi_nhan_label_line_debris(label, first):
    # a speck after the label (or on the line under it) is no item; a name across the page is the signer's
    text = ("UBND TỈNH A\nSỞ B\nSố: 12/SB-VP\nV/v: việc c\nKính gửi: Sở C\nNội dung.\n" + label
            + "\n- Như trên;\n- Phòng PC;\n- Lưu: VT, TTHT.\n")
    d = parse(text)
    assert d.recipients == ["Như trên", "Phòng PC"]
    assert (d.signature.name if d.signature else None) == first


@pytest.mark.parametrize("line,addressee", [
    ("Công ty TNHH Haseko HimlamBC (De: Khu dat ký hiệu CTI, P. Long Biên, TP. Hà Nội)", "Công ty TNHH Haseko HimlamBC"),
    ("Công ty TNHH ABC (Địa chỉ: số 5 phố Huế, Hà Nội)", "Công ty TNHH ABC"),
    ("Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp luật)", "Bộ Tư pháp (Vụ Phổ biến, giáo dục pháp luật)"),
])
def test_address_in_brackets_after_the_addressee(line, addressee):
    d = parse("UBND TỈNH A\nSỞ B\nSố: 12/SB-VP\nV/v: việc c\nKính gửi: " + line + "\n\nNội dung.\n")
    assert d.addressees == [addressee]


@pytest.mark.parametrize("vv,subject", [
    ("V/v hướng dẫn khấu trừ thuế. Bey d4", "hướng dẫn khấu trừ thuế."),
    ("V/v chi phí được trừ khi xác định thu nhập chịu thuế TNDN .{.c[y W.",
     "chi phí được trừ khi xác định thu nhập chịu thuế TNDN"),
    ("V/v thuế GTGT năm 2024. Lần 2", "thuế GTGT năm 2024. Lần 2"),  # no garbled token: kept
])
def test_scan_debris_after_the_subject(vv, subject):
    text = ("TỔNG CỤC THUẾ\nSố: 12/TCT-CS\n" + vv + "\n\nKính gửi: Công ty TNHH S.K Tech ^\n\nNội dung.\n")
    d = parse(text)
    assert d.subject == subject and d.snippet(d.spans["subject"]).endswith(subject[-8:])
    assert d.addressees == ["Công ty TNHH S.K Tech"]


def test_vv_read_as_v4():
    # the scan read "V/v" as "V4": the trích yếu of a công văn all the same (only near the header)
    text = ("BO TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 4674/BTC-CST Hà Nội, ngày 23 tháng 4 năm 2018\nV4 Thuế GTGT đối với sản.\nphẩm của NMLD Dung Quất\n\n"
            "Kính gửi: Công ty TNHH MTV Lọc - Hóa dầu Bình Sơn\n\nNội dung.\n")
    d = parse(text)
    assert (d.doc_type, d.subject) == ("Công văn", "Thuế GTGT đối với sản. phẩm của NMLD Dung Quất")


@pytest.mark.parametrize("line,is_luu", [
    ("- Lưu: VT, TTBCXB (LMV).", True),
    ("- Lrru: VT, CS.", True),
    ("-Ltru: VT, TCT", True),
    ("- Liru: VT, PC", True),
    ("-LUll:VT, TfHT", True),
    ("- Làm; VT, TT).", True),
    ("Lưu Đức Huy", False),        # the surname, not the Lưu line
    ("Lan: Vũ Thị Hoa", False),    # a short word in "l" before a colon needs the Văn thư code after it
    ("Luật: Luật Quản lý thuế", False),
])
def test_luu_line_ocr_forms(line, is_luu):
    from vn_dispatch.segment import is_luu_line
    from vn_dispatch.text import Line, fold

    assert is_luu_line(Line(0, 0, len(line), line, fold(line))) is is_luu


def test_headless_list_with_items_wrapped_over_three_lines_and_a_speck_before_the_mark() -> None:
    """tax-cv-3778 (scan): "Nơi nhận:" read as "oe" before the mark, items wrapped over three lines
    (the middle one ends on a word), a speck after an item's ";", dashes before the signer's name."""
    text = ("Số: 3778/TCHQ-GSQL\nHà Nội, ngày 09 tháng 6 năm 2020\nV/v điều kiện kiểm tra\n\n"
            "Kính gửi: Cục Hải quan các tỉnh, thành phố.\n\nTổng cục Hải quan thông báo để biết./. £\n\n"
            "oe KT. TONG CYC TRƯỞNG\n- Văn phòng Chính phủ (để biết); PHÓ TỎNG CỤC TRƯỞNG\n\n"
            "- UBND tỉnh Vĩnh Phúc (để phối hợp);\n\n"
            "- Công ty TNHH Arcadyan Việt Nam, KCN Bá\nThiện, thị tran Bá Hiến, huyện Bình Xuyên, tỉnh\n"
            "Vinh Phúc (thay trả lời); _\n\n- Lưu: VT, GSQL (03b).\n\n——Mai Xuân Thanh")
    d = parse(text)
    assert d.recipients == ["Văn phòng Chính phủ (để biết)", "UBND tỉnh Vĩnh Phúc (để phối hợp)",
                            "Công ty TNHH Arcadyan Việt Nam, KCN Bá Thiện, thị tran Bá Hiến, huyện Bình Xuyên, "
                            "tỉnh Vinh Phúc (thay trả lời)"]
    s = d.signature
    assert s is not None
    assert (s.authority, s.on_behalf_of, s.title, s.name) == ("KT.", "TONG CYC TRƯỞNG", "PHÓ TỎNG CỤC TRƯỞNG",
                                                               "Mai Xuân Thanh")


@pytest.mark.parametrize("s", ["các nước xã hội chủ nghĩa trên thế giới", "Các nước xã hội chủ nghĩa anh em"])
def test_a_sentence_naming_socialism_is_no_motto(s: str) -> None:
    assert motto_match(_line(s)) is None


def test_noi_nhan_read_as_specks_before_the_mark_and_a_code_line_below_the_title() -> None:
    """tax-cv-1952 (scan): "Nơi nhận:" read "im: Aol —" before the mark on its line; a registry code
    in brackets under the title is no part of it."""
    text = ("Số: 1952/CT-TTHT\nBình Dương, ngày 09 tháng 02 năm 2023\nV/v chính sách thuế\n\n"
            "Kính gửi: Công ty TNHH Polytex Far Eastern (Việt Nam)\n\nCục Thuế trả lời để Công ty biết./. )\n"
            "im: Aol — KT, CỤC TRUONG\nHÓ-CỤC TRƯỞNG\n\n...Š (email);\n- Lưu: VT, TTHT.\n"
            "(230206/ZV09/0001/7401/003505509)\n")
    d = parse(text)
    s = d.signature
    assert s is not None and (s.authority, s.on_behalf_of, s.title) == ("KT.", "CỤC TRUONG", "HÓ-CỤC TRƯỞNG")
    assert d.archive is not None and d.archive.holders == ["VT", "TTHT"]
