"""Vocabularies of the domain, kept as data (NĐ 30/2020 Phụ lục III, HD 36-HD/VPTW, observed usage).

Patterns in the extractors are generated from these tables; add a document type or an issuer
prefix here, not in a regex. Keys that are matched against text are written in *folded* form
(lower case, no diacritics, đ -> d: see ``vn_dispatch.text.fold``) so that matching is insensitive
to tone placement, NFC/NFD and lost diacritics.
"""

from __future__ import annotations

# (canonical name, abbreviation or None, family) — NĐ30 Phụ lục III, Party table (HD36), VBQPPL.
DOC_TYPES: tuple[tuple[str, str | None, str], ...] = (
    ("Nghị quyết", "NQ", "admin"),
    ("Quyết định", "QĐ", "admin"),
    ("Chỉ thị", "CT", "admin"),
    ("Quy chế", "QC", "admin"),
    ("Quy định", "QyĐ", "admin"),
    ("Thông cáo", "TC", "admin"),
    ("Thông báo", "TB", "admin"),
    ("Hướng dẫn", "HD", "admin"),
    ("Chương trình", "CTr", "admin"),
    ("Kế hoạch", "KH", "admin"),
    ("Phương án", "PA", "admin"),
    ("Đề án", "ĐA", "admin"),
    ("Dự án", "DA", "admin"),
    ("Báo cáo", "BC", "admin"),
    ("Biên bản", "BB", "admin"),
    ("Tờ trình", "TTr", "admin"),
    ("Hợp đồng", "HĐ", "admin"),
    ("Công điện", "CĐ", "admin"),
    ("Bản ghi nhớ", "BGN", "admin"),
    ("Bản thỏa thuận", "BTT", "admin"),
    ("Giấy ủy quyền", "GUQ", "admin"),
    ("Giấy mời", "GM", "admin"),
    ("Giấy giới thiệu", "GGT", "admin"),
    ("Giấy nghỉ phép", "GNP", "admin"),
    ("Phiếu gửi", "PG", "admin"),
    ("Phiếu chuyển", "PC", "admin"),
    ("Phiếu báo", "PB", "admin"),
    ("Công văn", None, "admin"),
    ("Thư công", None, "admin"),
    ("Kết luận", "KL", "party"),
    ("Thông tri", "TT", "party"),
    ("Quy trình", "QTr", "party"),
    # legal-normative (VBQPPL)
    ("Hiến pháp", None, "legal"),
    ("Bộ luật", None, "legal"),
    ("Luật", None, "legal"),
    ("Pháp lệnh", "PL", "legal"),
    ("Lệnh", "L", "legal"),
    ("Nghị định", "NĐ", "legal"),
    ("Thông tư liên tịch", "TTLT", "legal"),
    ("Thông tư", "TT", "legal"),
    ("Nghị quyết liên tịch", "NQLT", "legal"),
    ("Văn bản hợp nhất", "VBHN", "legal"),
    ("Sắc lệnh", None, "legal"),
)

# The head words of the units a Nơi nhận item names (folded): two of them on one item line ("Vụ CST
# (BTC); vụ PC (BTC)") are two recipients whose second bullet was lost.
UNIT_HEADS: tuple[str, ...] = (
    "vu ", "cuc ", "so ", "phong ", "ban ", "vien ", "chi cuc ", "tong cuc ", "van phong ", "ubnd ",
    "uy ban ", "trung tam ",
)

# Loose words real dispatches use for a cited document (citations only, never a type title).
# (an investment certificate is cited by its long number alone: "Giấy chứng nhận đầu tư số
# 06043000128 ngày 22/8/2008 do Ban Quản lý ... cấp")
CITATION_ONLY_TYPES: tuple[str, ...] = ("Văn bản", "Điều ước", "Hiệp định", "Công thư", "Công hàm",
                                        "Giấy chứng nhận đầu tư", "Giấy chứng nhận đăng ký đầu tư",
                                        # a company's letter as Cục Thuế TP.HCM names it: "Trả lời văn
                                        # thư số 01/CV/2018/TNCN ngày 06/02/2018 của Công ty ..."
                                        "Văn thư")

# Type codes seen in symbols besides DOC_TYPES abbreviations (legacy and specialised).
EXTRA_TYPE_CODES: frozenset[str] = frozenset(
    {"CV", "QĐi", "QYĐ", "GN", "TTh", "UQ", "GT", "NP", "GP", "GCN", "SY", "TrS", "SL", "BS", "TĐ",
     "QĐ", "TT", "NĐ", "NQ", "CT", "TB", "KH", "HD", "BC", "TTr", "GM", "CĐ", "KL", "VBHN", "TTLT",
     "NQLT", "PL", "L", "QC", "QyĐ", "CTr", "PA", "ĐA", "DA", "BB", "HĐ", "GGT", "GNP", "GUQ", "BTT",
     "BGN", "PG", "PC", "PB", "TC", "QTr", "QyD", "QD", "ND"}
)

# Motto / header families. Folded, whitespace-free keys matched fuzzily.
MOTTOS: tuple[tuple[str, str], ...] = (
    ("state", "conghoaxahoichunghiavietnam"),
    ("party", "dangcongsanvietnam"),
    ("youth", "doantncshochiminh"),
    ("youth", "doanthanhniencongsanhochiminh"),
)
TAGLINE = "doclaptudohanhphuc"

# Signature authority marks: folded printed form -> normalised mark.
AUTHORITY_MARKS: dict[str, str] = {
    "tm": "TM.", "t/m": "TM.", "t.m": "TM.",
    "kt": "KT.", "k/t": "KT.", "k.t": "KT.",
    "tl": "TL.", "t/l": "TL.", "t.l": "TL.",
    "tuq": "TUQ.", "t/uq": "TUQ.", "t.uq": "TUQ.",
    "q": "Q.",
}

URGENCY: dict[str, str] = {"hoa toc": "Hỏa tốc", "thuong khan": "Thượng khẩn", "khan": "Khẩn"}
SECRECY: dict[str, str] = {"tuyet mat": "Tuyệt mật", "toi mat": "Tối mật", "mat": "Mật"}

# First words of a line that start a new body in the authority block (folded). A line that does
# not start with one of these continues the name on the line above ("VÀ XÃ HỘI", "TỈNH HẬU GIANG").
BODY_HEADS: tuple[str, ...] = (
    "uy ban", "ubnd", "hoi dong", "hdnd", "so ", "bo ", "tong cuc", "cuc ", "chi cuc", "ban ",
    "van phong", "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo",
    "chi bo", "truong ", "phong ", "trung tam", "hoi ", "lien doan", "tong lien doan", "cong doan",
    "bao hiem", "vien ", "toa an", "vien kiem sat", "cong ty", "tong cong ty", "chinh phu",
    "thu tuong", "quoc hoi", "bch ", "ban chap hanh", "doan ", "tinh doan", "thanh doan",
    "huyen doan", "mat tran", "kho bac", "ngan hang", "thanh tra", "kiem toan", "dai hoc",
    "hoc vien", "benh vien", "cong an", "bo chi huy", "bo tu lenh", "quan khu", "tap doan",
    "cuc thue", "tong cuc thue", "doi ", "to ", "nha xuat ban", "bao ", "dai ", "vu ",
    "ubkt", "uy ban kiem tra", "chu tich", "hoi lien hiep", "lien hiep", "chi nhanh", "ban quan ly",
    "bq", "btc", "ttg", "bhxh", "vp", "tct", "tchq", "kbnn", "ct ", "hq ",
)
# Words that continue a wrapped name even though they would otherwise start a body.
CONTINUATION_HEADS: tuple[str, ...] = (
    "va ", "tinh ", "thanh pho", "tp", "huyen ", "quan ", "xa ", "phuong ", "thi xa", "thi tran",
    "viet nam", "phu", "khu vuc", "trung uong", "nha nuoc", "cong nghe", "truyen thong", "xa hoi",
    "du lich", "dao tao", "-", "&", "thuong binh",
)

# Signer titles (folded prefixes) that mark a line of the signature block as a title.
TITLE_HEADS: tuple[str, ...] = (
    "pho ", "chu tich", "giam doc", "tong giam doc", "bo truong", "thu truong", "thu tuong",
    "cuc truong", "tong cuc truong", "chi cuc truong", "vu truong", "truong ", "chanh ",
    "bi thu", "chu nhiem", "hieu truong", "vien truong", "chanh an", "thu ky", "uy vien",
    "tong bi thu", "chu toa", "chu tri", "giam doc so", "tong thu ky", "thu truong co quan",
    "chu tich nuoc", "dai dien", "nguoi ", "tm", "kt", "tl", "tuq", "q.", "doi truong",
)



# Heads of a decision's authority line, printed between its title and its "Căn cứ" (folded):
# "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "BỘ TRƯỞNG BỘ TÀI CHÍNH", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM".
AUTHORITY_LINE_HEADS: tuple[str, ...] = (
    "chu tich", "pho chu tich", "bo truong", "thu tuong", "giam doc", "tong giam doc", "tong cuc truong",
    "cuc truong", "chanh an", "vien truong", "thong doc", "tong kiem toan", "chu nhiem", "truong ban",
    "uy ban nhan dan", "hoi dong nhan dan", "chinh phu", "ban thuong vu", "ban chap hanh", "thuong truc",
)

# Metadata lines legal-text websites print above a document (folded heads, before their colon):
# "Số hiệu: 155/KH-UBND", "Loại văn bản: ...", "Nơi ban hành: ...", "Người ký: ...".
WEB_METADATA_HEADS: tuple[str, ...] = (
    "so hieu", "so hieu van ban", "loai van ban", "noi ban hanh", "co quan ban hanh", "nguoi ky",
    "ngay ban hanh", "ngay hieu luc", "ngay co hieu luc", "ngay cong bao", "so cong bao", "linh vuc",
    "tinh trang", "tinh trang hieu luc", "ngay het hieu luc", "ngon ngu", "dinh dang van ban hien co",
)

# Addressee attribute lines (not addressees): "Địa chỉ: ...", "Mã số thuế: ...".
ADDRESSEE_ATTRIBUTE_HEADS: tuple[str, ...] = (
    "dia chi", "ma so thue", "mst", "dien thoai", "dt:", "fax", "email", "e-mail", "so dien thoai",
    "(dia chi", "ma so doanh nghiep", "d/c", "dc:", "(d/c", "tru so",
)

# Drafter / e-signature stamp lines inside signature blocks (folded prefixes): ignored.
STAMP_HEADS: tuple[str, ...] = (
    "ky boi", "ky bo", "nguoi ky", "co quan:", "thoi gian ky", "ngay ky", "email:", "dia chi:",
    "(da ky", "[da ky", "(ky", "[daky", "(daky", "(chu ky", "da ky", "(dau", "ky ten",
)

# Common Vietnamese family names (folded): a line of 2-5 words starting with one of them, after the
# signer's title, is the signer's name even in capitals ("NGUYỄN VĂN AN") or with OCR damage.
SURNAMES: frozenset[str] = frozenset({
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
    "ngo", "duong", "ly", "dinh", "doan", "trinh", "truong", "lam", "mai", "luong", "cao", "ha", "ta",
    "trieu", "tong", "vuong", "quach", "la", "luu", "kieu", "thai", "chu", "tang", "lai", "nong", "hua",
    "khuat", "giang", "giap", "lo", "sung", "sin", "ton", "nghiem", "u", "van", "kim", "ong",
    "dao", "to", "thach", "danh", "y", "ksor", "nie", "rmah", "hmok", "lu", "au", "an", "bach", "che",
    "diep", "dong", "khong", "khuc", "lac", "lieu", "man", "mac", "ninh", "phi", "phung", "quan", "sam",
    "tat", "thieu", "tiet", "tieu", "tu", "ung", "vien", "xa", "chau", "chung", "hau",
})
# Ranks and degrees printed before a signer's name despite the rule (PL I II.7.c).
NAME_PREFIXES: tuple[str, ...] = (
    "thuong tuong", "trung tuong", "thieu tuong", "dai tuong", "dai ta", "thuong ta", "trung ta",
    "thieu ta", "pgs.ts.", "pgs.ts", "gs.ts.", "ts.", "ths.", "gs.", "pgs.", "bs.", "bsckii.", "ks.",
)
