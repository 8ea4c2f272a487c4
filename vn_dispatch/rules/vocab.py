"""Vocabularies of the format checker (exact spellings the rulebooks prescribe), kept as data.

Sources: NĐ 30/2020 Phụ lục I and III [P]; HD 36-HD/VPTW and QĐ 66-QĐ/TW [S]; see
``shared/spec/format-rules.md`` sections 2–5.
"""

from __future__ import annotations

STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_TAGLINE = "Độc lập - Tự do - Hạnh phúc"
PARTY_HEADER = "ĐẢNG CỘNG SẢN VIỆT NAM"
YOUTH_HEADERS = ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH")

# Dash glyphs that stand in for the hyphen of the tiêu ngữ ("Độc lập – Tự do – Hạnh phúc").
DASH_VARIANTS = "–—‒−―"

# Urgency and secrecy marks as NĐ30 prints them (PL I III.2); "HOẢ" is the decree's own old accent placement.
URGENCY_SPELLINGS = frozenset({"HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN", "KHẨN"})
SECRECY_SPELLINGS = frozenset({"TUYỆT MẬT", "TỐI MẬT", "MẬT"})

# Type codes that are also common issuer or unit codes in công văn symbols ("CT" Cục Thuế, "TC"
# Tổng cục, "CĐ" Công đoàn, "TT" trung tâm, "TTr" thanh tra): never called a type code in a công văn.
AMBIGUOUS_CODES = frozenset({"CT", "TC", "CĐ", "TT", "TTR", "PC", "PB", "PG", "DA", "L", "PL", "HĐ", "BB"})

# Types that may be either administrative or legal normative (with a year in the symbol).
MAYBE_LEGAL_TYPES = frozenset({"Nghị quyết", "Quyết định", "Chỉ thị", "Lệnh"})
# Legal types whose symbol carries no year (VBHN) or no number at all.
LEGAL_WITHOUT_YEAR = frozenset({"Văn bản hợp nhất", "Hiến pháp", "Sắc lệnh"})

# Party (and Đoàn) type codes, HD 36-HD/VPTW as reported by secondary sources and real numbers
# (format-rules.md 4.4): Quy định is "QĐ" in most real numbers, "QĐi"/"QyĐ" in some.
PARTY_TYPE_CODES: dict[str, frozenset[str]] = {
    "Nghị quyết": frozenset({"NQ"}),
    "Quyết định": frozenset({"QĐ"}),
    "Quy định": frozenset({"QĐ", "QĐi", "QyĐ"}),
    "Chỉ thị": frozenset({"CT"}),
    "Kết luận": frozenset({"KL"}),
    "Quy chế": frozenset({"QC"}),
    "Thông tri": frozenset({"TT"}),
    "Hướng dẫn": frozenset({"HD"}),
    "Thông báo": frozenset({"TB"}),
    "Thông cáo": frozenset({"TC"}),
    "Báo cáo": frozenset({"BC"}),
    "Kế hoạch": frozenset({"KH"}),
    "Chương trình": frozenset({"CTr"}),
    "Đề án": frozenset({"ĐA"}),
    "Phương án": frozenset({"PA"}),
    "Tờ trình": frozenset({"TTr"}),
    "Công văn": frozenset({"CV"}),
    "Biên bản": frozenset({"BB"}),
    "Quy trình": frozenset({"QTr"}),
    "Giấy mời": frozenset({"GM"}),
    "Giấy giới thiệu": frozenset({"GGT"}),
}

# Issuer codes of Đoàn bodies (a Party-shaped number with one of these is a Đoàn document).
YOUTH_ISSUER_CODES = frozenset({"twdtn", "tdtn", "hdtn", "qdtn", "dtn"})

# Folded first words of a signer's personal title (as opposed to a collective body after "TM.").
PERSON_TITLE_HEADS: tuple[str, ...] = (
    "pho ", "giam doc", "tong giam doc", "chu tich", "bo truong", "thu truong", "thu tuong",
    "cuc truong", "tong cuc truong", "chi cuc truong", "vu truong", "truong ", "chanh ", "bi thu",
    "chu nhiem", "hieu truong", "vien truong", "uy vien",
)

# Academic degrees and honours that must not precede the signer's name (PL I II.7.c).
DEGREE_PREFIX = (
    r"^(?:(?:GS|PGS|TS|TSKH|ThS|Th\.S|BS|BSCKI{1,2}|BSCK[12]|DS|KS|CN|LS|NGND|NGƯT|TTND|TTƯT|NSND|NSƯT)"
    r"\s*\.\s*)+"
)
