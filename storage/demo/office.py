"""Equipment shortages and the proposals of the provincial notice (seeds/000: Nghệ An, July 2025)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from storage.equipment import EquipmentData, save_equipment
from storage.proposals import ProposalData, save_proposal
from storage.units import list_units
from storage.vocab import EquipmentKind, ProposalCategory, ProposalStatus

INSPECTION = date(2025, 7, 11)  # the Provincial Party Secretary's inspection and conclusions
NOTICE = "Thông báo kết luận của Bí thư Tỉnh ủy sau kiểm tra ngày 11/7/2025"

# (kind, unit short name, required, available, working, notes): the notice reports computers,
# photocopiers and scanners missing or unusable and digital certificates not fully provided.
EQUIPMENT = (
    (EquipmentKind.DESKTOP, "TTPVHCC", 8, 5, 4, "01 máy hỏng nguồn, chưa có kinh phí sửa"),
    (EquipmentKind.DESKTOP, "VP", 10, 8, 6, "Máy cũ chuyển từ xã trước sáp nhập, cấu hình thấp"),
    (EquipmentKind.LAPTOP, "LĐ", 4, 1, 1, ""),
    (EquipmentKind.PRINTER, "TTPVHCC", 4, 3, 2, "01 máy kẹt giấy thường xuyên"),
    (EquipmentKind.PHOTOCOPIER, "TTPVHCC", 1, 1, 0, "Máy photo hỏng, không bảo đảm sử dụng"),
    (EquipmentKind.PHOTOCOPIER, "VP", 1, 0, 0, "Chưa được trang bị"),
    (EquipmentKind.SCANNER, "TTPVHCC", 4, 1, 1, "Thiếu máy scan để số hóa hồ sơ"),
    (EquipmentKind.ID_READER, "TTPVHCC", 2, 0, 0, "Chưa có đầu đọc CCCD gắn chip"),
    (EquipmentKind.QUEUE_MACHINE, "TTPVHCC", 1, 0, 0, "Chưa có máy lấy số thứ tự tự động"),
    (EquipmentKind.DISPLAY, "TTPVHCC", 1, 0, 0, "Chưa có màn hình hiển thị"),
    (EquipmentKind.CAMERA, "TTPVHCC", 2, 1, 1, ""),
    (EquipmentKind.NETWORK, "TTPVHCC", 2, 1, 1, "Đường truyền không ổn định, hay mất kết nối"),
    (EquipmentKind.UPS, "TTPVHCC", 6, 2, 1, "Mất điện thường xuyên"),
)

# The proposals of section 3.4 of the notice, each with the department it assigns.
NOTICE_PROPOSALS = (
    (
        ProposalCategory.STAFFING,
        "Thành lập phòng chuyên môn đối với 09 đơn vị cấp xã giữ nguyên không thực hiện sắp xếp",
        "Ban Tổ chức Tỉnh ủy",
        ProposalStatus.ASSIGNED,
        "Giao Ban Tổ chức Tỉnh ủy căn cứ Kết luận số 163-KL/TW ngày 06/6/2025 của Bộ Chính trị để tham mưu triển khai, "
        "tổ chức thực hiện theo yêu cầu.",
    ),
    (
        ProposalCategory.STAFFING,
        "Điều động, luân chuyển cán bộ, công chức tại xã",
        "Ban Tổ chức Tỉnh ủy",
        ProposalStatus.RESOLVED,
        "Đề nghị các xã căn cứ Kết luận số 578-KL/TU ngày 10/7/2025 của Ban Thường vụ Tỉnh ủy để thực hiện theo thẩm "
        "quyền việc rà soát, điều động, bố trí, sắp xếp cán bộ, công chức.",
    ),
    (
        ProposalCategory.FACILITIES,
        "Sớm bố trí nguồn lực tài chính từ ngân sách hỗ trợ đầu tư hạ tầng công nghệ "
        "thông tin, cơ sở vật chất thiết yếu (công trình phụ trợ, nhà vệ sinh…)",
        "Sở Tài chính",
        ProposalStatus.ASSIGNED,
        "Giao Sở Tài chính chủ trì tham mưu, đồng thời ưu tiên quan tâm các địa phương miền núi, khó khăn.",
    ),
    (
        ProposalCategory.LEGAL,
        "Ban hành hướng dẫn cụ thể, quy định chi tiết về chức năng, nhiệm vụ của Trung tâm văn "
        "hóa thể thao và truyền thông xã",
        "Sở Văn hóa, Thể thao và Du lịch",
        ProposalStatus.ASSIGNED,
        "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì tham mưu kịp thời sau khi có hướng dẫn của Trung ương.",
    ),
    (
        ProposalCategory.DISASTER,
        "Bố trí máy xúc chung cho cụm các xã để kịp thời xử lý các điểm sạt lở trên địa bàn",
        "Sở Nông nghiệp và Môi trường",
        ProposalStatus.ASSIGNED,
        "Giao Sở Nông nghiệp và Môi trường chủ trì tham mưu.",
    ),
    (
        ProposalCategory.FACILITIES,
        "Di dời cột tiếp sóng phát thanh nằm trong khuôn viên trụ sở xã Chiêu Lưu hiện không còn hoạt động",
        "Sở Văn hóa, Thể thao và Du lịch",
        ProposalStatus.ASSIGNED,
        "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với UBND xã Chiêu Lưu để tham mưu phương án thực hiện.",
    ),
    (
        ProposalCategory.DISASTER,
        "Thay thế các cầu tràn, đập tràn và xây dựng khu tái định cư cho người dân tại vùng "
        "nguy cơ sạt lở của xã Chiêu Lưu",
        "Sở Xây dựng",
        ProposalStatus.ASSIGNED,
        "Giao Sở Xây dựng chủ trì nghiên cứu phương án thực hiện.",
    ),
)

# Difficulties of section 2 of the notice, raised to the province and still awaiting an answer.
DIFFICULTIES = (
    (
        ProposalCategory.IT,
        "Hệ thống phần mềm liên thông hoạt động chưa ổn định, ảnh hưởng tiếp nhận hồ sơ",
        "Sở Khoa học và Công nghệ",
    ),
    (
        ProposalCategory.FACILITIES,
        "Thiếu máy tính, máy photo, máy scan tại Trung tâm Phục vụ hành chính công",
        "Sở Tài chính",
    ),
    (
        ProposalCategory.IT,
        "Việc cung cấp chứng thư số, chữ ký số cho cán bộ, công chức chưa đầy đủ",
        "Sở Khoa học và Công nghệ",
    ),
    (
        ProposalCategory.LEGAL,
        "Văn bản hướng dẫn tổ chức và hoạt động của chính quyền địa phương hai cấp chưa kịp thời",
        "Sở Nội vụ",
    ),
    (
        ProposalCategory.TRANSFER,
        "Vướng mắc khi tiếp nhận các dự án đầu tư công chuyển giao từ cấp huyện (cũ)",
        "Sở Tài chính",
    ),
    (
        ProposalCategory.STAFFING,
        "Trình độ ứng dụng công nghệ thông tin của cán bộ, công chức còn hạn chế; đề nghị mở lớp bồi dưỡng",
        "Sở Nội vụ",
    ),
)


def load_equipment(session: Session, until: date) -> int:
    """The equipment checklist as inventoried before the inspection."""
    units = {u.short_name: u.id for u in list_units(session)}
    n = 0
    for kind, unit, required, available, working, notes in EQUIPMENT:
        save_equipment(
            session,
            EquipmentData(
                kind=kind,
                inventory_date=date(2025, 7, 10),
                required=required,
                available=available,
                working=working,
                description=kind.label(),
                unit_id=units.get(unit),
                condition_notes=notes,
            ),
            today=until,
        )
        n += 1
    save_equipment(
        session,
        EquipmentData(
            kind=EquipmentKind.SIGNATURE,
            inventory_date=date(2025, 7, 10),
            required=20,
            available=12,
            working=12,
            description="Chứng thư số cá nhân (USB token)",
            unit_id=units.get("TTPVHCC"),
            expiry_date=date(2027, 6, 30),
            condition_notes="Còn thiếu chứng thư số cho công chức mới điều động",
        ),
        today=until,
    )
    return n + 1


def load_proposals(session: Session, until: date) -> int:
    """The notice's seven proposals (answered at the inspection) and its difficulties (awaiting)."""
    n = 0
    for category, title, dept, status, response in NOTICE_PROPOSALS:
        save_proposal(
            session,
            ProposalData(
                category=category,
                title=title,
                raised_date=INSPECTION,
                addressed_to=dept,
                status=status,
                content=f"Kiến nghị tại buổi làm việc với đoàn kiểm tra của Tỉnh ủy ngày {INSPECTION:%d/%m/%Y}.",
                response_text=f"{response} ({NOTICE}.)",
                response_date=INSPECTION,
            ),
            today=until,
        )
        n += 1
    for category, title, dept in DIFFICULTIES:
        save_proposal(
            session,
            ProposalData(
                category=category,
                title=title,
                raised_date=INSPECTION,
                addressed_to=dept,
                status=ProposalStatus.SENT,
                content="Khó khăn, vướng mắc nêu trong báo cáo vận hành mô hình chính quyền địa phương hai cấp.",
            ),
            today=until,
        )
        n += 1
    if until >= date(2026, 3, 10):
        save_proposal(
            session,
            ProposalData(
                category=ProposalCategory.IT,
                title="Đề nghị cấp bổ sung 08 chứng thư số cho công chức Trung tâm Phục vụ hành chính công",
                raised_date=date(2026, 3, 10),
                addressed_to="Sở Khoa học và Công nghệ",
                status=ProposalStatus.ACKNOWLEDGED,
                response_text="Đã tiếp nhận, tổng hợp vào đợt cấp quý II/2026.",
                response_date=date(2026, 3, 20),
            ),
            today=until,
        )
        n += 1
    return n
