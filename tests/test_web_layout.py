"""Documents as legal-text websites print them (thuvienphapluat.vn and its copies): the header
table one cell after another with a line holding only "|" between cells, each cell wrapped at the
web column's width (often right after its first word), a caps title with the body's first
sentence or the decision's authority line right under it, and a paragraph's first word alone on
its line ("Căn" / "cứ ..."). The shapes are those of real pages (Kế hoạch 36/KH-UBND Cà Mau,
135/KH-UBND Sóc Trăng, Quyết định 216/QĐ-UBND Quảng Nam, 2022-2023); expectations hand-written."""

import vn_dispatch

_HEAD_FIRST_WORD = (
    "ỦY\nBAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n|\nSố:\n36/KH-UBND\n|\nCà\nMau, ngày 21 tháng 02 năm 2022\n|\n"
)
_HEAD_WRAPPED_MOTTO = (
    "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n|\nSố: 135/KH-UBND\n|\nSóc Trăng, ngày\n27 tháng 09 năm 2022\n|\n"
)


def test_header_cells_joined():
    for head, issuer, num, place, ymd in (
        (_HEAD_FIRST_WORD, "ỦY BAN NHÂN DÂN TỈNH CÀ MAU", ("36", "KH-UBND"), "Cà Mau", (2022, 2, 21)),
        (_HEAD_WRAPPED_MOTTO, "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG", ("135", "KH-UBND"), "Sóc Trăng", (2022, 9, 27)),
    ):
        d = vn_dispatch.parse(head + "KẾ HOẠCH\nRÀ SOÁT HỘ NGHÈO NĂM 2022\n\nNội dung.\n")
        assert d.header.issuer == issuer and d.header.issuer_parent is None and d.header.motto == "state"
        assert (d.doc_number.number, d.doc_number.symbol) == num
        assert d.issue_place == place
        assert (d.issue_date.year, d.issue_date.month, d.issue_date.day) == ymd
        assert d.doc_type == "Kế hoạch" and d.subject == "RÀ SOÁT HỘ NGHÈO NĂM 2022"


def test_caps_title_then_body_sentence_and_lone_first_word():
    d = vn_dispatch.parse(
        _HEAD_FIRST_WORD + "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH SỨC KHỎE HỌC ĐƯỜNG GIAI ĐOẠN 2022 - 2025 TRÊN ĐỊA\n"
        "BÀN TỈNH CÀ MAU\nThực hiện Quyết định số 1660/QĐ-TTg\nngày 02/10/2021 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình,\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
        "Tổ chức triển khai.\n2. Yêu cầu\n- Xác định nhiệm vụ.\nII. NHIỆM VỤ\nNội dung.\n")
    assert d.subject == "THỰC HIỆN CHƯƠNG TRÌNH SỨC KHỎE HỌC ĐƯỜNG GIAI ĐOẠN 2022 - 2025 TRÊN ĐỊA BÀN TỈNH CÀ MAU"
    assert [(x.label, [c.label for c in x.children]) for x in d.directives] == [("I", ["1", "2"]), ("II", [])]
    assert [(r.number, r.symbol, r.role) for r in d.references] == [("1660", "QĐ-TTg", "implementing")]


def test_decision_authority_line_after_caps_title():
    d = vn_dispatch.parse(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\n|\nSố: 216/QĐ-UBND\n|\nQuảng Nam, ngày 06 tháng 02 năm 2023\n|\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ\nQUYẾT SỐ 41/2022/NQ-HĐND NGÀY 09/12/2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH\n"
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nCăn\ncứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ về cơ chế;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Triển khai thực hiện.\nĐiều 2. Giao Sở Kế hoạch.\n")
    assert d.subject == ("VỀ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 41/2022/NQ-HĐND NGÀY 09/12/2022 "
                         "CỦA HỘI ĐỒNG NHÂN DÂN TỈNH")
    nd = [r for r in d.references if r.number == "27"]
    assert nd and nd[0].role == "legal_basis" and nd[0].issuer == "Chính phủ"
    assert [x.label for x in d.directives] == ["Điều 1", "Điều 2"]


def test_website_metadata_above_the_document_is_not_its_header():
    # phapluatcongdong.vn / caselaw.vn print the page's metadata first ("Số hiệu:", "Ngày ban hành:")
    d = vn_dispatch.parse(
        "Kế hoạch 155/KH-UBND năm 2017 triển khai Chương trình hành động quốc gia về hộ tịch\n"
        "Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác\nNơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Tiến Nhường\n"
        "Ngày ban hành: 26/05/2017 Ngày hiệu lực: Đang cập nhật\n\nỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 155/KH-UBND\n\n"
        "Bắc Ninh, ngày 26 tháng 5 năm 2017\n\n \n\nKẾ HOẠCH\n\nTRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA\n\n"
        "Thực hiện Luật Hộ tịch năm 2014, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC TIÊU\n")
    assert (d.doc_number.number, d.doc_number.symbol) == ("155", "KH-UBND")
    assert d.issue_place == "Bắc Ninh" and (d.issue_date.year, d.issue_date.month, d.issue_date.day) == (2017, 5, 26)
    assert d.header.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    assert d.subject == "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA"


def test_authority_line_between_blank_lines_and_glued_so():
    # vanbanphapluat.co: blank lines between paragraphs; "Nghị định s20/2008/NĐ-CP" ("số" lost "ố")
    d = vn_dispatch.parse(
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\n\nSố: 06/2018/QĐ-UBND\n\nNinh Bình, ngày 05 tháng 4 năm 2018\n\n \n\nQUYẾT ĐỊNH\n\n"
        "BAN HÀNH QUY CHẾ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ\n\nỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\n"
        "Căn cứ Nghị định s20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về việc tiếp nhận;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành Quy chế.\n\nĐiều 2. Quyết định này có hiệu lực.\n")
    assert d.subject == "BAN HÀNH QUY CHẾ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ"
    assert [(r.number, r.symbol, r.issuer, r.role) for r in d.references] == [
        ("20", "2008/NĐ-CP", "Chính phủ", "legal_basis")]


def test_document_sharing_site_text():
    # 123doc-style text of a PDF: the page marker glued onto the first line, the body's first words
    # glued onto the last addressee
    d = vn_dispatch.parse(
        "Trang 1UỶ BAN NHÂN DÂN\nTHỊ TRẤN HƯƠNG SƠN\nSố: 67 /TTr - UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHương Sơn, ngày 26 tháng 9 năm 2014\nTỜ TRÌNH\nVề việc đề nghị công nhận đạt chuẩn\n"
        "Kính gửi: - Uỷ ban nhân dân huyện Phú Bình\n- Phòng Giáo dục và Đào tạo huyện Phú Bình Căn cứ Luật giáo dục năm 2005;\n"
        "Căn cứ kế hoạch số 150/KH – BCĐ ngày 09 tháng 01 năm 2014 của Ban chỉ đạo huyện Phú Bình\n"
        "Nơi nhận:\n- UBND huyện;\n- Lưu: VT, BCĐPC.\nTM UBND THỊ TRẤN HƯƠNG SƠN\nCHỦ TỊCH\nNguyễn Văn Bình\n")
    assert d.header.issuer == "UỶ BAN NHÂN DÂN THỊ TRẤN HƯƠNG SƠN"
    assert (d.doc_number.number, d.doc_number.symbol) == ("67", "TTr-UBND")
    assert d.addressees == ["Uỷ ban nhân dân huyện Phú Bình", "Phòng Giáo dục và Đào tạo huyện Phú Bình"]
    assert [(r.number, r.symbol, r.role) for r in d.references] == [("150", "KH-BCĐ", "legal_basis")]
    assert (d.signature.authority, d.signature.on_behalf_of, d.signature.title, d.signature.name) == (
        "TM.", "UBND THỊ TRẤN HƯƠNG SƠN", "CHỦ TỊCH", "Nguyễn Văn Bình")
