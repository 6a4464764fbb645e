<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AcceptKeyDialog</name>
    <message>
        <source>Chấp nhận khóa mới của xã</source>
        <translation>Accept the commune&apos;s new key</translation>
    </message>
    <message>
        <source>Tệp này được ký bằng một khóa KHÁC với khóa tỉnh đã tin cậy cho xã. Có thể xã đã cài lại máy hoặc dùng máy khác, nhưng cũng có thể là tệp giả mạo.

Trước khi chấp nhận, hãy gọi điện cho cán bộ phụ trách của xã (theo số điện thoại tỉnh đã có, không dùng số ghi trong tệp), nhờ họ đọc mã khóa của máy xã; chỉ chấp nhận khi mã đó khớp với mã khóa mới dưới đây. Sau khi chấp nhận, tỉnh chỉ tin khóa mới; tệp ký bằng khóa cũ sẽ bị từ chối.</source>
        <translation>This file is signed with a DIFFERENT key from the one the province trusts for this commune. The commune may have reinstalled its PC or used another one, but the file may also be forged.

Before accepting, phone the commune&apos;s officer in charge (on the number the province already has, not one written in the file) and ask them to read out their PC&apos;s key code; accept only if it matches the new key code below. After accepting, the province trusts only the new key; files signed with the old key will be refused.</translation>
    </message>
    <message>
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <source>Mã khóa đang tin cậy:</source>
        <translation>Trusted key code:</translation>
    </message>
    <message>
        <source>Mã khóa mới trong tệp:</source>
        <translation>New key code in the file:</translation>
    </message>
    <message>
        <source>Tôi đã gọi điện cho xã và đối chiếu: mã khóa mới khớp với mã xã đọc.</source>
        <translation>I phoned the commune and checked: the new key code matches the code they read out.</translation>
    </message>
    <message>
        <source>Chấp nhận khóa mới</source>
        <translation>Accept the new key</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Logout</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Sửa tài khoản</source>
        <translation>Edit account</translation>
    </message>
    <message>
        <source>Tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Tài khoản {user}</source>
        <translation>Account {user}</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập *</source>
        <translation>&amp;Username *</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Vai trò</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>chữ thường không dấu, ví dụ: lan.nt</source>
        <translation>lower case without diacritics, e.g. lan.nt</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu tạm *</source>
        <translation>&amp;Temporary password *</translation>
    </message>
    <message>
        <source>Báo mật khẩu tạm này cho người dùng: lần đăng nhập đầu, phần mềm yêu cầu họ đặt mật khẩu riêng.</source>
        <translation>Tell the user this temporary password: at the first login the program asks them to set their own.</translation>
    </message>
    <message>
        <source>Đang sử dụng (bỏ chọn khi người này chuyển công tác)</source>
        <translation>In use (untick when this person leaves the office)</translation>
    </message>
    <message>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
</context>
<context>
    <name>AccountForms</name>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đăng nhập lần cuối</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Tạm khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <source>Chờ đổi mật khẩu tạm</source>
        <translation>Must change temporary password</translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Tài khoản người dùng</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Tạo mã khôi phục mới…</source>
        <translation>New recovery code…</translation>
    </message>
    <message>
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Cán bộ nhập liệu nhập, sửa số liệu của các kỳ chưa chốt; lãnh đạo chốt, gửi báo cáo và mở khóa kỳ; quản trị quản lý tài khoản, danh mục, cài đặt và sao lưu. Tài khoản của người chuyển công tác: bỏ chọn «Đang sử dụng» thay vì xóa, để nhật ký vẫn ghi đúng người.</source>
        <translation>Clerks enter and edit records of open periods; officers finalize and send reports and reopen periods; administrators manage accounts, catalogs, settings and backups. For someone who left the office, untick «In use» instead of deleting, so the audit log still names the right person.</translation>
    </message>
    <message>
        <source>Chỉ quản trị mới thêm, sửa tài khoản và đặt lại mật khẩu. Khi cần, hãy liên hệ quản trị: {admins}.</source>
        <translation>Only administrators add or edit accounts and reset passwords. When needed, ask an administrator: {admins}.</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Hãy chọn một tài khoản trong bảng trước.</source>
        <translation>Select an account in the table first.</translation>
    </message>
    <message>
        <source>Đã thêm tài khoản {user} ({role}).</source>
        <translation>Account {user} ({role}) added.</translation>
    </message>
    <message>
        <source>Đã lưu tài khoản {user}.</source>
        <translation>Account {user} saved.</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu tạm cho {user}: họ phải đổi ở lần đăng nhập tới.</source>
        <translation>Temporary password set for {user}: they must change it at the next login.</translation>
    </message>
    <message>
        <source>Tạo mã khôi phục mới</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <source>Mã khôi phục đang in trên giấy sẽ không dùng được nữa. Tạo mã mới và in ngay bây giờ?</source>
        <translation>The recovery code printed on paper will stop working. Make a new code and print it now?</translation>
    </message>
    <message>
        <source>Mã khôi phục MỚI (mã cũ không còn dùng được):</source>
        <translation>NEW recovery code (the old one no longer works):</translation>
    </message>
    <message>
        <source>Đã tạo mã khôi phục mới.</source>
        <translation>New recovery code made.</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>AdminForm</name>
    <message>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập *</source>
        <translation>&amp;Username *</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu *</source>
        <translation>&amp;Password *</translation>
    </message>
    <message>
        <source>&amp;Nhập lại mật khẩu *</source>
        <translation>&amp;Repeat password *</translation>
    </message>
    <message>
        <source>chữ thường không dấu, ví dụ: quantri hoặc hai.lv</source>
        <translation>lower case without diacritics, e.g. quantri or hai.lv</translation>
    </message>
    <message>
        <source>ví dụ: Lô Văn Hải</source>
        <translation>e.g. Lô Văn Hải</translation>
    </message>
    <message>
        <source>ít nhất {n} ký tự</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>Hiện mật khẩu</source>
        <translation>Show passwords</translation>
    </message>
    <message>
        <source>Quản trị thêm tài khoản cho cán bộ (nhập liệu) và lãnh đạo (chốt, gửi báo cáo), quản lý danh mục và sao lưu. Mỗi lần mở phần mềm đều phải đăng nhập.</source>
        <translation>The administrator adds accounts for clerks (data entry) and officers (finalize, send reports), manages catalogs and backups. Every start asks for a login.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>Người quản trị đăng nhập bằng tài khoản này, rồi thêm tài khoản cho cán bộ và lãnh đạo ở Cài đặt › Tài khoản.</source>
        <translation>The administrator logs in with this account, then adds accounts for clerks and officers in Settings › Accounts.</translation>
    </message>
    <message>
        <source>Tạo tài khoản &gt;</source>
        <translation>Create account &gt;</translation>
    </message>
</context>
<context>
    <name>AnswerForm</name>
    <message>
        <source>Lưu trả lời (Ctrl+Enter)</source>
        <translation>Save answer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Trả lời của tỉnh</source>
        <translation>Province&apos;s reply</translation>
    </message>
    <message>
        <source>Trạng thái *</source>
        <translation>Status *</translation>
    </message>
    <message>
        <source>Nội dung trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Ngày trả lời *</source>
        <translation>Answer date *</translation>
    </message>
    <message>
        <source>Bắt buộc khi đã giải quyết hoặc không chấp nhận. Enter xuống dòng; Ctrl+Enter để lưu</source>
        <translation>Required when resolved or declined. Enter for a new line; Ctrl+Enter saves</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Nhật ký thay đổi…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <source>Bản ghi đã xóa gần đây…</source>
        <translation>Recently deleted records…</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Thêm</source>
        <extracomment>The data_changed kind each restorable table&apos;s screens listen to. Columns holding a vocabulary code, shown with its label.</extracomment>
        <translation>Add</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Nhập tệp</source>
        <translation>File import</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Đăng nhập sai</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Đăng xuất</source>
        <translation>Logout</translation>
    </message>
    <message>
        <source>Ghi nhận đăng nhập</source>
        <translation>Login recorded</translation>
    </message>
    <message>
        <source>Chốt báo cáo</source>
        <translation>Finalize report</translation>
    </message>
    <message>
        <source>Mở khóa kỳ</source>
        <translation>Reopen period</translation>
    </message>
    <message>
        <source>Gửi báo cáo lên tỉnh</source>
        <translation>Sent to province</translation>
    </message>
    <message>
        <source>Hồ sơ TTHC</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung hồ sơ</source>
        <translation>Supplement request</translation>
    </message>
    <message>
        <source>Nhân sự</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Biên chế được giao</source>
        <translation>Posts assigned</translation>
    </message>
    <message>
        <source>Trang thiết bị</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Khó khăn, kiến nghị</source>
        <translation>Difficulties and proposals</translation>
    </message>
    <message>
        <source>Văn bản báo cáo</source>
        <translation>Report document</translation>
    </message>
    <message>
        <source>Báo cáo đã gửi</source>
        <translation>Reports sent</translation>
    </message>
    <message>
        <source>Chốt kỳ báo cáo</source>
        <translation>Period lock</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedures</translation>
    </message>
    <message>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Lịch làm việc (năm)</source>
        <translation>Working calendar (year)</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Thông tin xã</source>
        <translation>Commune profile</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Toàn bộ dữ liệu</source>
        <translation>Whole database</translation>
    </message>
    <message>
        <source>Khóa tin cậy</source>
        <translation>Trusted key</translation>
    </message>
    <message>
        <source>Danh sách xã</source>
        <translation>Communes</translation>
    </message>
    <message>
        <source>Báo cáo xã gửi</source>
        <translation>Commune report received</translation>
    </message>
    <message>
        <source>Kiến nghị của xã</source>
        <translation>Commune proposals</translation>
    </message>
    <message>
        <source>Tệp trả lời</source>
        <translation>Response file</translation>
    </message>
    <message>
        <source>Mã số bản ghi</source>
        <extracomment>Kinds offered by the log&apos;s filter in each mode.</extracomment>
        <translation>Record number</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Ghi chú nguồn</source>
        <translation>Origin note</translation>
    </message>
    <message>
        <source>Bắt đầu công tác</source>
        <translation>Start of service</translation>
    </message>
    <message>
        <source>Thôi công tác từ ngày</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Lý do thôi công tác</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <source>Trình độ chuyên môn</source>
        <translation>Professional level</translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation>Speciality</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>IT skills</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Tiếng dân tộc</source>
        <translation>Ethnic language</translation>
    </message>
    <message>
        <source>Làm việc tại TTPVHCC</source>
        <translation>Works at the service centre</translation>
    </message>
    <message>
        <source>Có chữ ký số</source>
        <translation>With digital signature</translation>
    </message>
    <message>
        <source>Chữ ký số hết hạn</source>
        <translation>Signature expires</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Địa chỉ người nộp</source>
        <translation>Applicant&apos;s address</translation>
    </message>
    <message>
        <source>Điện thoại người nộp</source>
        <translation>Applicant&apos;s phone</translation>
    </message>
    <message>
        <source>Thời điểm tiếp nhận</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Hạn trả (tính theo quy định)</source>
        <translation>Due date (by the rules)</translation>
    </message>
    <message>
        <source>Hạn trả (sửa tay)</source>
        <translation>Due date (set by hand)</translation>
    </message>
    <message>
        <source>Lý do sửa hạn trả</source>
        <translation>Reason for changing the due date</translation>
    </message>
    <message>
        <source>Ngày có kết quả</source>
        <translation>Result date</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Ngày trả kết quả</source>
        <translation>Date result returned</translation>
    </message>
    <message>
        <source>Ngày gửi thư xin lỗi</source>
        <translation>Apology letter date</translation>
    </message>
    <message>
        <source>Hẹn trả mới</source>
        <translation>New promised date</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Ngày yêu cầu bổ sung</source>
        <translation>Supplement requested on</translation>
    </message>
    <message>
        <source>Ngày bổ sung xong</source>
        <translation>Supplement completed on</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Số cần có</source>
        <translation>Number required</translation>
    </message>
    <message>
        <source>Số hiện có</source>
        <translation>Quantity held</translation>
    </message>
    <message>
        <source>Số đang dùng được</source>
        <translation>Number working</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày kiểm kê</source>
        <translation>Inventory date</translation>
    </message>
    <message>
        <source>Hết hạn</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Ngày nêu</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>Gửi tới</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nội dung trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Ngày trả lời</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu</source>
        <translation>By the data cut-off day</translation>
    </message>
    <message>
        <source>Lần báo cáo</source>
        <translation>Report revision</translation>
    </message>
    <message>
        <source>Chốt lúc</source>
        <translation>Finalized at</translation>
    </message>
    <message>
        <source>Người chốt</source>
        <translation>Finalized by</translation>
    </message>
    <message>
        <source>Mở khóa lúc</source>
        <translation>Reopened at</translation>
    </message>
    <message>
        <source>Người mở khóa</source>
        <translation>Reopened by</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Ngày gửi</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Mã SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Quyết định giao</source>
        <translation>Assigning decision</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Phải đổi mật khẩu</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Số lần nhập sai mật khẩu liên tiếp</source>
        <translation>Failed logins in a row</translation>
    </message>
    <message>
        <source>Tạm khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Đăng nhập lần cuối</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Mục cài đặt</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tên viết tắt</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Là Trung tâm Phục vụ hành chính công</source>
        <translation>Is the Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Thứ tự</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Tính thời hạn theo</source>
        <translation>Time limit counted in</translation>
    </message>
    <message>
        <source>Số ngày (nộp trực tiếp)</source>
        <translation>Days (in person)</translation>
    </message>
    <message>
        <source>Số ngày (nộp trực tuyến)</source>
        <translation>Days (online)</translation>
    </message>
    <message>
        <source>Số ngày (nộp qua bưu chính)</source>
        <translation>Days (by post)</translation>
    </message>
    <message>
        <source>Địa chỉ công khai</source>
        <translation>Public posting address</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Khu vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Số bản ghi mới</source>
        <translation>New records</translation>
    </message>
    <message>
        <source>Số bản ghi cập nhật</source>
        <translation>Updated records</translation>
    </message>
    <message>
        <source>(hệ thống)</source>
        <translation>(system)</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Mọi lần thêm, sửa, xóa bản ghi đều được ghi lại: ai làm, lúc nào, bản ghi nào, giá trị cũ và mới. Nhật ký không sửa hoặc xóa được; nút «Kiểm tra tính toàn vẹn» phát hiện nếu tệp dữ liệu bị sửa ngoài phần mềm.</source>
        <translation>Every record added, changed or deleted is logged: who, when, which record, old and new values. The log cannot be edited or deleted; «Check integrity» detects a data file altered outside the program.</translation>
    </message>
    <message>
        <source>&amp;Người dùng:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>&amp;Loại bản ghi:</source>
        <translation>&amp;Kind of record:</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Kiểm tra tính toàn vẹn</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>Tính lại mã băm của từng mục nhật ký để biết nhật ký có bị sửa ngoài phần mềm hay không.</source>
        <translation>Recomputes the hash of every log entry to tell whether the log was altered outside the program.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tất cả người dùng</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Các mục phần mềm tự ghi, không do người dùng nào: nâng cấp dữ liệu, cài đặt ban đầu, dữ liệu mẫu, nhập dữ liệu trước khi có tài khoản.</source>
        <translation>Entries the program made itself, not by any user: database upgrades, first set-up, demo data, imports before any account existed.</translation>
    </message>
    <message>
        <source>Tất cả loại bản ghi</source>
        <translation>All kinds of record</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Checking the log…</translation>
    </message>
    <message>
        <source>Nhật ký nguyên vẹn: {n} mục</source>
        <translation>Log intact: {n} entries</translation>
    </message>
    <message>
        <source>Nhật ký bị sửa từ mục #{id}: tệp dữ liệu đã bị thay đổi ngoài phần mềm; các mục từ đó trở đi không còn đáng tin. Hãy báo lãnh đạo và dùng bản sao lưu trước ngày đó để đối chiếu.</source>
        <translation>Log altered from entry #{id}: the data file was changed outside the program; entries from there on cannot be trusted. Tell an officer and compare with a backup from before that date.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Loại bản ghi</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Đang sao lưu tự động…</source>
        <translation>Automatic backup…</translation>
    </message>
    <message>
        <source>Sao lưu tự động không thành công: {reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Sao lưu ra…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Chỉ quản trị được khôi phục dữ liệu từ bản sao lưu.</source>
        <translation>Only an administrator may restore from a backup.</translation>
    </message>
    <message>
        <source>Sao lưu dữ liệu ra…</source>
        <translation>Back up the data to…</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Không sao lưu được</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Đã sao lưu</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <source>Đã sao lưu dữ liệu của {owner} vào:
{path}

Bản sao đã được kiểm tra toàn vẹn.</source>
        <translation>The data of {owner} was backed up to:
{path}

The copy passed the integrity check.</translation>
    </message>
    <message>
        <source>Chọn bản sao lưu để khôi phục</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>Không khôi phục được</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>Đang khôi phục dữ liệu…</source>
        <translation>Restoring the data…</translation>
    </message>
    <message>
        <source>Đã khôi phục nhưng không mở được dữ liệu</source>
        <translation>Restored, but the data cannot be opened</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu của {owner} từ bản sao lưu lập lúc {made}.</source>
        <translation>The data of {owner} was restored from the backup made {made}.</translation>
    </message>
    <message>
        <source>Dữ liệu trước khi khôi phục được giữ tại:
{path}</source>
        <translation>The data as it was before the restore is kept at:
{path}</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu từ bản sao lưu lập lúc {made}. Các thay đổi sau {lost} đã mất, hãy nhập lại nếu cần.</source>
        <translation>The data was restored from the backup made {made}. Changes after {lost} are lost: enter them again if needed.</translation>
    </message>
    <message>
        <source>Tệp bị hỏng được giữ tại:
{path}</source>
        <translation>The damaged file is kept at:
{path}</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Trước khi nâng cấp</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Tệp đã chọn</source>
        <translation>Chosen file</translation>
    </message>
    <message>
        <source>{revision} (cũ hơn: sẽ được nâng cấp tự động khi mở)</source>
        <translation>{revision} (older: upgraded automatically when opened)</translation>
    </message>
    <message>
        <source>thay toàn bộ dữ liệu</source>
        <translation>replaces all data</translation>
    </message>
    <message>
        <source>mất các thay đổi sau {time}</source>
        <translation>loses the changes after {time}</translation>
    </message>
</context>
<context>
    <name>CatalogsPage</name>
    <message>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedures</translation>
    </message>
    <message>
        <source>Lịch nghỉ, làm bù</source>
        <translation>Days off and swaps</translation>
    </message>
    <message>
        <source>Chỉ tiêu biên chế</source>
        <translation>Staffing quotas</translation>
    </message>
    <message>
        <source>Danh mục này không có thao tác đó.</source>
        <translation>This catalogue has no such action.</translation>
    </message>
    <message>
        <source>Danh mục này không nhập từ tệp.</source>
        <translation>This catalogue cannot be imported from a file.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Tài khoản {user} – {role}</source>
        <translation>Account {user} – {role}</translation>
    </message>
    <message>
        <source>Mật khẩu này do quản trị đặt tạm thời. Hãy đặt mật khẩu của riêng anh/chị (ít nhất {n} ký tự) trước khi bắt đầu làm việc.</source>
        <translation>This password was set temporarily by the administrator. Set your own password (at least {n} characters) before you start working.</translation>
    </message>
    <message>
        <source>Mật khẩu mới cần ít nhất {n} ký tự.</source>
        <translation>The new password needs at least {n} characters.</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;hiện tại</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;mới</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Nhập lại mật khẩu mới</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Hiện mật khẩu</source>
        <translation>Show passwords</translation>
    </message>
    <message>
        <source>Đổi mật khẩu (Enter)</source>
        <translation>Change password (Enter)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>CommuneForm</name>
    <message>
        <source>&amp;Mã xã *</source>
        <translation>&amp;Code *</translation>
    </message>
    <message>
        <source>Theo danh mục</source>
        <translation>Official list</translation>
    </message>
    <message>
        <source>&amp;Tên xã *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>&amp;Loại địa bàn</source>
        <translation>&amp;Area type</translation>
    </message>
    <message>
        <source>&amp;Ghi chú</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Đang theo dõi</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Xã đang theo dõi phải nộp báo cáo hằng kỳ; bỏ đánh dấu khi xã không còn (sáp nhập, đổi mã).</source>
        <translation>An active commune must report every period; untick when it no longer exists (merged, new code).</translation>
    </message>
    <message>
        <source>Ví dụ 16906</source>
        <translation>e.g. 16906</translation>
    </message>
    <message>
        <source>Mã đơn vị hành chính của xã, phường; không sửa được sau khi đã lưu.</source>
        <translation>The commune&apos;s official administrative code; it cannot be changed once saved.</translation>
    </message>
    <message>
        <source>Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu</source>
        <translation>Enter for a new line; Ctrl+Enter or Ctrl+S to save</translation>
    </message>
    <message>
        <source>Gõ đủ 5 chữ số của mã xã: tên theo danh mục năm 2025 hiện ở đây.</source>
        <translation>Type the five-digit code: the name in the 2025 list shows here.</translation>
    </message>
    <message>
        <source>Mã {code} không có trong danh mục năm 2025.</source>
        <translation>Code {code} is not in the 2025 list.</translation>
    </message>
    <message>
        <source>{name} – {province} ({code})</source>
        <translation>{name} – {province} ({code})</translation>
    </message>
</context>
<context>
    <name>CommuneRateChart</name>
    <message>
        <source>Toàn tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Toàn tỉnh: {rate}%</source>
        <translation>Province: {rate}%</translation>
    </message>
    <message>
        <source>Tỷ lệ giải quyết đúng hạn theo xã (%), thấp nhất ở trên</source>
        <translation>On-time rate by commune (%), lowest on top</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn của xã</source>
        <translation>Commune on-time rate</translation>
    </message>
</context>
<context>
    <name>CommunesPage</name>
    <message>
        <source>Danh sách xã</source>
        <translation>Communes</translation>
    </message>
    <message>
        <source>Tìm theo tên hoặc mã (không cần dấu)… Ctrl+F</source>
        <translation>Search by name or code… Ctrl+F</translation>
    </message>
    <message>
        <source>Chỉ xã đang theo dõi</source>
        <translation>Active communes only</translation>
    </message>
    <message>
        <source>Thêm theo danh mục chính thức</source>
        <translation>Add from the official list</translation>
    </message>
    <message>
        <source>Thêm mọi xã, phường của tỉnh theo danh mục năm 2025 còn thiếu; xã đã có giữ nguyên.</source>
        <translation>Add every commune and ward of the province in the 2025 list that is missing; existing ones are kept.</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên xã</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Loại địa bàn</source>
        <translation>Area type</translation>
    </message>
    <message>
        <source>Theo dõi</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Tệp báo cáo đã nhận</source>
        <translation>Report files received</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Chưa khai báo tỉnh (Cài đặt): chưa biết thêm xã của tỉnh nào.</source>
        <translation>The province is not declared yet (Settings): no list to add from.</translation>
    </message>
    <message>
        <source>Thêm vào danh sách các xã, phường của {province} ({n} đơn vị theo danh mục năm 2025)?</source>
        <translation>Add the communes and wards of {province} ({n} in the 2025 list)?</translation>
    </message>
    <message>
        <source>Chỉ thêm xã còn thiếu; xã đã có trong danh sách giữ nguyên như đã sửa.</source>
        <translation>Only missing communes are added; those already listed stay as edited.</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Không thêm</source>
        <translation>Do not add</translation>
    </message>
    <message>
        <source>Đã thêm {n} xã, phường theo danh mục chính thức.</source>
        <translation>Added {n} communes and wards from the official list.</translation>
    </message>
    <message>
        <source>Danh sách đã có đủ các xã, phường của tỉnh theo danh mục.</source>
        <translation>Every commune and ward of the province is already listed.</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <source>Quý {q}/{year}</source>
        <translation>Q{q}/{year}</translation>
    </message>
    <message>
        <source>6 tháng đầu {year}</source>
        <translation>H1 {year}</translation>
    </message>
    <message>
        <source>6 tháng cuối {year}</source>
        <translation>H2 {year}</translation>
    </message>
    <message>
        <source>Năm {year}</source>
        <translation>Year {year}</translation>
    </message>
    <message>
        <source>{status} (lần {n}, trễ hạn)</source>
        <translation>{status} (rev. {n}, late)</translation>
    </message>
    <message>
        <source>{status} (lần {n})</source>
        <translation>{status} (rev. {n})</translation>
    </message>
    <message>
        <source>Lần gửi đầu lập lúc {when}</source>
        <translation>First revision made at {when}</translation>
    </message>
    <message>
        <source>Lần gửi đầu trễ hạn.</source>
        <translation>The first revision was late.</translation>
    </message>
    <message>
        <source>Lần gửi đầu đúng hạn.</source>
        <translation>The first revision was on time.</translation>
    </message>
    <message>
        <source>Hạn nộp: {date}</source>
        <translation>Deadline: {date}</translation>
    </message>
    <message>
        <source>{sent}/{total} đã nộp</source>
        <translation>{sent}/{total} reported</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>{period} {range}
Hạn nộp: {date}</source>
        <translation>{period} {range}
Deadline: {date}</translation>
    </message>
    <message>
        <source>{name} – mã {code} – {area}</source>
        <translation>{name} – code {code} – {area}</translation>
    </message>
    <message>
        <source>Số xã đã nộp</source>
        <translation>Communes reported</translation>
    </message>
</context>
<context>
    <name>CompletenessPage</name>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>6 tháng</source>
        <translation>6 months</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tình hình nộp báo cáo</source>
        <translation>Report submissions</translation>
    </message>
    <message>
        <source>&amp;Loại kỳ:</source>
        <translation>Period &amp;kind:</translation>
    </message>
    <message>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Chỉ xã còn thiếu</source>
        <translation>Only communes still missing</translation>
    </message>
    <message>
        <source>Chỉ hiện các xã có ít nhất một kỳ đã quá hạn mà chưa nộp.</source>
        <translation>Show only communes with at least one overdue period not reported.</translation>
    </message>
    <message>
        <source>&amp;Kỳ cần nhắc:</source>
        <translation>&amp;Period to chase:</translation>
    </message>
    <message>
        <source>Xuất danh sách xã chưa nộp…</source>
        <translation>Export communes not reported…</translation>
    </message>
    <message>
        <source>Lưu ra Excel (.xlsx) hoặc CSV: mã xã, tên xã, loại địa bàn, hạn nộp.</source>
        <translation>Save as Excel (.xlsx) or CSV: code, name, area type, deadline.</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Năm {year} không có kỳ nào của loại này từ khi chính quyền hai cấp bắt đầu (01/07/2025).</source>
        <translation>{year} has no period of this kind since two-tier government began (01/07/2025).</translation>
    </message>
    <message>
        <source>Danh sách xã đang theo dõi còn trống: hãy thêm xã ở màn hình «Danh sách xã».</source>
        <translation>No commune is followed yet: add communes on the «Communes» screen.</translation>
    </message>
    <message>
        <source>Không có xã nào còn thiếu báo cáo đã quá hạn trong năm này.</source>
        <translation>No commune has an overdue report missing this year.</translation>
    </message>
    <message>
        <source>{communes} xã đang theo dõi. Hạn nộp: {days} ngày làm việc sau ngày cuối kỳ. Trong năm: {sent} báo cáo đã nộp ({late} trễ hạn), {missing} chưa nộp đã quá hạn.</source>
        <translation>{communes} communes followed. Deadline: {days} working days after the period&apos;s last day. This year: {sent} reports received ({late} late), {missing} overdue and missing.</translation>
    </message>
    <message>
        <source>{period} – {n} xã chưa nộp (hạn {date})</source>
        <translation>{period} – {n} communes not reported (due {date})</translation>
    </message>
    <message>
        <source>Mọi xã đã nộp báo cáo {period}: không có ai cần nhắc.</source>
        <translation>Every commune has reported for {period}: nobody to chase.</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Lưu danh sách xã chưa nộp</source>
        <translation>Save the communes not reported</translation>
    </message>
    <message>
        <source>Đã lưu danh sách {n} xã chưa nộp {period} vào {path}.</source>
        <translation>Saved the list of {n} communes not reported for {period} to {path}.</translation>
    </message>
</context>
<context>
    <name>ConsolidatedPage</name>
    <message>
        <source>Đang dựng bản xem trước…</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <source>Danh sách xã còn trống: vào «Danh sách xã» để thêm các xã, phường của tỉnh.</source>
        <translation>The commune list is empty: add the province&apos;s communes and wards under “Communes”.</translation>
    </message>
    <message>
        <source>Còn {missing}/{expected} xã chưa gửi báo cáo kỳ này ({names}): số liệu tổng hợp chỉ gồm {reported} xã đã gửi.</source>
        <translation>{missing}/{expected} communes have not reported for this period ({names}): the totals cover only the {reported} that did.</translation>
    </message>
    <message>
        <source>Cả {n} xã đã gửi báo cáo kỳ này: số liệu tổng hợp đầy đủ.</source>
        <translation>All {n} communes have reported for this period: the totals are complete.</translation>
    </message>
    <message>
        <source>Lưu báo cáo tổng hợp ra Excel</source>
        <translation>Save the consolidated report as Excel</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu báo cáo tổng hợp ra PDF</source>
        <translation>Save the consolidated report as PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Đang ghi {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp</source>
        <translation>Consolidated report</translation>
    </message>
    <message>
        <source>Số văn bản:</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <source>VD: 15/BC-SNV (để trống nếu ghi tay)</source>
        <translation>e.g. 15/BC-SNV (blank to write by hand)</translation>
    </message>
    <message>
        <source>Ngày ban hành:</source>
        <translation>Issued on:</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Xem tình hình nộp</source>
        <translation>See who reported</translation>
    </message>
    <message>
        <source>Kỳ mới nhất</source>
        <translation>Latest period</translation>
    </message>
    <message>
        <source>Quay về kỳ báo cáo mới nhất mà các xã đã gửi</source>
        <translation>Back to the latest period the communes reported for</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>Commune Desk – Tạo tài khoản quản trị</source>
        <translation>Commune Desk – create the administrator account</translation>
    </message>
    <message>
        <source>Dữ liệu {owner} chưa có tài khoản nào. Hãy tạo tài khoản quản trị: từ nay mỗi lần mở phần mềm đều phải đăng nhập, và quyền của từng người được kiểm tra khi lưu dữ liệu.</source>
        <translation>The data of {owner} has no accounts yet. Create the administrator account: from now on every start asks for a login, and each person&apos;s permissions are checked when data is saved.</translation>
    </message>
    <message>
        <source>này</source>
        <translation>this office</translation>
    </message>
    <message>
        <source>Đã tạo tài khoản quản trị {user}. Hãy in mã khôi phục trước khi bắt đầu.</source>
        <translation>Administrator account {user} created. Print the recovery code before you start.</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Bắt đầu dùng phần mềm</source>
        <translation>Start using the program</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hãy in hoặc chép mã, đánh dấu ô xác nhận rồi tiếp tục.</source>
        <translation>Print or copy the code, tick the confirmation box, then continue.</translation>
    </message>
</context>
<context>
    <name>DamagedStartDialog</name>
    <message>
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {name} bị hỏng.</source>
        <translation>The data file {name} is damaged.</translation>
    </message>
    <message>
        <source>Có thể do mất điện khi đang ghi hoặc ổ đĩa bị lỗi. Để không làm hỏng thêm, Commune Desk chưa mở tệp này. Hãy chọn một bản sao lưu còn tốt để khôi phục: các thay đổi sau thời điểm của bản sao lưu sẽ mất và cần nhập lại. Tệp bị hỏng vẫn được giữ lại trong thư mục «backups» để kỹ thuật viên cứu dữ liệu nếu cần.</source>
        <translation>Perhaps the power failed while it was being written, or the disk is failing. So as not to make it worse, Commune Desk has not opened this file. Choose a good backup to restore: changes made after the backup will be lost and must be entered again. The damaged file is kept in the «backups» folder, so a technician can try to rescue it if needed.</translation>
    </message>
    <message>
        <source>Không tìm thấy bản sao lưu nào còn tốt bên cạnh tệp dữ liệu. Nếu có bản sao lưu trên USB, hãy bấm «Chọn tệp sao lưu khác…».</source>
        <translation>No good backup was found beside the data file. If you have a backup on a USB stick, press «Choose another backup file…».</translation>
    </message>
    <message>
        <source>Bản sao lưu lập lúc</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Dữ liệu của</source>
        <translation>Data of</translation>
    </message>
    <message>
        <source>Nếu khôi phục</source>
        <translation>If restored</translation>
    </message>
    <message>
        <source>Khôi phục bản đã chọn</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <source>Chọn tệp sao lưu khác…</source>
        <translation>Choose another backup file…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Không dùng được tệp này</source>
        <translation>This file cannot be used</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>T{month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Đang tính số liệu tổng quan…</source>
        <translation>Computing the overview figures…</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Hồ sơ thủ tục hành chính trong kỳ</source>
        <translation>Administrative dossiers in the period</translation>
    </message>
    <message>
        <source>Nhân sự, trang thiết bị và kiến nghị</source>
        <translation>Staff, equipment and proposals</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cán bộ, công chức / chỉ tiêu</source>
        <translation>Officials / quota</translation>
    </message>
    <message>
        <source>Có chữ ký số</source>
        <translation>With digital signature</translation>
    </message>
    <message>
        <source>Thiết bị còn thiếu</source>
        <translation>Missing equipment</translation>
    </message>
    <message>
        <source>Kiến nghị chờ tỉnh trả lời</source>
        <translation>Proposals awaiting the province</translation>
    </message>
    <message>
        <source>Xem danh sách quá hạn</source>
        <translation>Show overdue list</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Bấm để xem danh sách hồ sơ quá hạn</source>
        <translation>Click to see the list of overdue dossiers</translation>
    </message>
    <message>
        <source>{label} {range}</source>
        <translation>{label} {range}</translation>
    </message>
    <message>
        <source>số liệu tính đến hết ngày {day}</source>
        <translation>figures up to the end of {day}</translation>
    </message>
    <message>
        <source>Mới nhận {new} · kỳ trước chuyển sang {carried}</source>
        <translation>New {new} · carried over {carried}</translation>
    </message>
    <message>
        <source>Trước hạn {early} · đúng hạn {on_time} · quá hạn {late}</source>
        <translation>Early {early} · on time {on_time} · late {late}</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giải quyết xong trong kỳ</source>
        <translation>No dossier resolved in the period yet</translation>
    </message>
    <message>
        <source>Trước hạn và đúng hạn trên tổng số đã giải quyết</source>
        <translation>Early and on time out of all resolved</translation>
    </message>
    <message>
        <source>Trong hạn {in_time}, trong đó chờ bổ sung {waiting}</source>
        <translation>Within time {in_time}, of which awaiting supplements {waiting}</translation>
    </message>
    <message>
        <source>Đang giải quyết, đã quá hạn tính đến hết ngày {day}</source>
        <translation>In progress and overdue as of the end of {day}</translation>
    </message>
    <message>
        <source>Chưa nhập chỉ tiêu năm {year}</source>
        <translation>No quota entered for {year}</translation>
    </message>
    <message>
        <source>Còn thiếu {n} so với chỉ tiêu năm {year}</source>
        <translation>{n} short of the {year} quota</translation>
    </message>
    <message>
        <source>Vượt {n} so với chỉ tiêu năm {year}</source>
        <translation>{n} over the {year} quota</translation>
    </message>
    <message>
        <source>Đủ chỉ tiêu năm {year}</source>
        <translation>{year} quota met</translation>
    </message>
    <message>
        <source>{with_sig}/{total} cán bộ, công chức có chữ ký số còn hạn</source>
        <translation>{with_sig}/{total} officials have a valid digital signature</translation>
    </message>
    <message>
        <source>Sổ nhân sự chưa có cán bộ, công chức</source>
        <translation>The staff register has no officials yet</translation>
    </message>
    <message>
        <source>{n} sắp hết hạn trong 60 ngày</source>
        <translation>{n} expiring within 60 days</translation>
    </message>
    <message>
        <source>Thiếu nhiều nhất: {kinds}</source>
        <translation>Most missing: {kinds}</translation>
    </message>
    <message>
        <source>Đủ thiết bị theo định mức</source>
        <translation>Equipment meets the norms</translation>
    </message>
    <message>
        <source>Chưa nhập trang thiết bị</source>
        <translation>No equipment entered yet</translation>
    </message>
    <message>
        <source>Không có kiến nghị nào đang chờ</source>
        <translation>No proposals awaiting a reply</translation>
    </message>
    <message>
        <source>Chờ lâu nhất {days} ngày (từ {day})</source>
        <translation>Longest wait {days} days (since {day})</translation>
    </message>
</context>
<context>
    <name>DayForm</name>
    <message>
        <source>Ngày *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tên ngày</source>
        <translation>Name of the day</translation>
    </message>
    <message>
        <source>Ví dụ: Nghỉ bù Quốc khánh</source>
        <translation>E.g. Day off in lieu of National Day</translation>
    </message>
</context>
<context>
    <name>DayKindCombo</name>
    <message>
        <source>Ngày nghỉ (rơi vào ngày thường)</source>
        <translation>Day off (on a weekday)</translation>
    </message>
    <message>
        <source>Ngày làm bù (thứ Bảy, Chủ nhật)</source>
        <translation>Extra working day (Saturday, Sunday)</translation>
    </message>
</context>
<context>
    <name>DeletedDialog</name>
    <message>
        <source>Bản ghi đã xóa gần đây</source>
        <translation>Recently deleted records</translation>
    </message>
    <message>
        <source>Hồ sơ, nhân sự, trang thiết bị, kiến nghị và dòng sổ báo cáo đã gửi bị xóa trong {days} ngày qua. Lãnh đạo hoặc quản trị có thể khôi phục nguyên bản ghi (hồ sơ kèm các lần yêu cầu bổ sung).</source>
        <translation>Dossiers, staff, equipment, proposals and rows of the register of reports sent deleted in the last {days} days. An officer or administrator can restore the whole record (a dossier with its supplement requests).</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo hoặc quản trị được khôi phục bản ghi đã xóa.</source>
        <translation>Only an officer or administrator may restore deleted records.</translation>
    </message>
    <message>
        <source>Đã khôi phục {record}.</source>
        <translation>Restored {record}.</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Nạp dữ liệu mẫu</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <source>Mất vài giây. Dữ liệu mẫu chỉ nạp được vào tệp dữ liệu còn trống.</source>
        <translation>Takes a few seconds. Sample data can only be loaded into an empty data file.</translation>
    </message>
    <message>
        <source>Sẽ nạp dữ liệu mẫu của {name}: nhân sự, hồ sơ thủ tục hành chính từ 01/07/2025 đến hôm qua, trang thiết bị và kiến nghị. Bấm «{button}» để bắt đầu.</source>
        <translation>Sample data for {name} will be loaded: staff, administrative dossiers from 01/07/2025 to yesterday, equipment and proposals. Click «{button}» to start.</translation>
    </message>
    <message>
        <source>Đang nạp dữ liệu mẫu…</source>
        <translation>Loading sample data…</translation>
    </message>
    <message>
        <source>Đã nạp {name} đến ngày {until}: {staff} nhân sự, {dossiers} hồ sơ.</source>
        <translation>Loaded {name} up to {until}: {staff} staff, {dossiers} dossiers.</translation>
    </message>
    <message>
        <source>Chưa nạp được dữ liệu mẫu.</source>
        <translation>Could not load the sample data.</translation>
    </message>
</context>
<context>
    <name>DossierForm</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thủ tục hành chính *</source>
        <translation>Administrative procedure *</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ *</source>
        <translation>Applicant *</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ngày giờ tiếp nhận *</source>
        <translation>Date/time received *</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Received via</translation>
    </message>
    <message>
        <source>Hạn và trạng thái</source>
        <translation>Deadline and status</translation>
    </message>
    <message>
        <source>Ngày giải quyết xong</source>
        <translation>Date resolved</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Ngày trả kết quả</source>
        <translation>Date result returned</translation>
    </message>
    <message>
        <source>Ngày văn bản xin lỗi</source>
        <translation>Date of apology letter</translation>
    </message>
    <message>
        <source>Ngày hẹn trả mới</source>
        <translation>New return date</translation>
    </message>
    <message>
        <source>Hạn điều chỉnh</source>
        <translation>Adjusted deadline</translation>
    </message>
    <message>
        <source>Lý do điều chỉnh hạn</source>
        <translation>Reason for adjusting</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requests</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Để trống: tự sinh mã theo mẫu của tỉnh</source>
        <translation>Blank: code made automatically</translation>
    </message>
    <message>
        <source>Mã dạng &lt;đơn vị&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;. Có thể gõ mã in trên phiếu của hệ thống một cửa tỉnh.</source>
        <translation>Code format &lt;unit&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;. You can type the code printed on the province one-stop system&apos;s receipt.</translation>
    </message>
    <message>
        <source>Gõ vài chữ của tên hoặc mã thủ tục, không cần dấu…</source>
        <translation>Type part of the name or code…</translation>
    </message>
    <message>
        <source>Gõ vài chữ của tên, không cần dấu…</source>
        <translation>Type part of a name…</translation>
    </message>
    <message>
        <source>Bắt buộc khi điều chỉnh hạn</source>
        <translation>Required if adjusted</translation>
    </message>
    <message>
        <source>Để trống: có ngày giải quyết xong thì ghi là “Đã giải quyết”.</source>
        <translation>Leave blank: with a resolution date it is recorded as “Resolved”.</translation>
    </message>
    <message>
        <source>(ngừng sử dụng)</source>
        <translation>(no longer used)</translation>
    </message>
    <message>
        <source>Chọn thủ tục và ngày giờ tiếp nhận để tính hạn giải quyết.</source>
        <translation>Choose a procedure and the reception date and time to compute the deadline.</translation>
    </message>
    <message>
        <source>Hạn giải quyết: {date} ({weekday})</source>
        <translation>Deadline: {date} ({weekday})</translation>
    </message>
    <message>
        <source>, đã điều chỉnh (theo quy định: {date})</source>
        <translation>, adjusted (by the rules: {date})</translation>
    </message>
    <message>
        <source>{state} {n} ngày làm việc</source>
        <translation>{state} by {n} working days</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Hồ sơ thủ tục hành chính</source>
        <translation>Administrative dossiers</translation>
    </message>
    <message>
        <source>Mọi kỳ</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Mọi lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplements</translation>
    </message>
    <message>
        <source>Kỳ theo ngày chốt số liệu. Lọc theo ngày tiếp nhận; với “Đã giải quyết”: theo ngày giải quyết.</source>
        <translation>Periods follow the cut-off day. Filtered by reception date; for “Resolved”, by resolution date.</translation>
    </message>
    <message>
        <source>Lĩnh vực (gõ không dấu)…</source>
        <translation>Field (accents optional)…</translation>
    </message>
    <message>
        <source>Trạng thái tính đến hết ngày hôm nay.</source>
        <translation>Status as of the end of today.</translation>
    </message>
    <message>
        <source>Mọi kênh</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Hạn
giải quyết</source>
        <translation>Due
date</translation>
    </message>
    <message>
        <source>Trạng thái
hôm nay</source>
        <translation>State
today</translation>
    </message>
    <message>
        <source>Số ngày
quá hạn</source>
        <translation>Days
overdue</translation>
    </message>
    <message>
        <source>Quá hạn {n} ngày làm việc</source>
        <translation>Overdue by {n} working days</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Xong trước hạn</source>
        <translation>Done early</translation>
    </message>
    <message>
        <source>Xong đúng hạn</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <source>Xong quá hạn</source>
        <translation>Done late</translation>
    </message>
    <message>
        <source>Không tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>Chưa tiếp nhận</source>
        <translation>Not yet received</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Hạn đã được điều chỉnh</source>
        <translation>The deadline was adjusted</translation>
    </message>
    <message>
        <source>Ngày giải quyết</source>
        <translation>Date resolved</translation>
    </message>
    <message>
        <source>hồ sơ {code} ({name})</source>
        <translation>dossier {code} ({name})</translation>
    </message>
</context>
<context>
    <name>DossierSection</name>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Lĩnh vực, công việc giải quyết theo cấp</source>
        <translation>Fields and matters handled, by level</translation>
    </message>
    <message>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Trong đó:
Trực tuyến</source>
        <translation>Of which:
online</translation>
    </message>
    <message>
        <source>Trong đó:
Trực tiếp, dịch vụ bưu chính</source>
        <translation>Of which:
in person or by post</translation>
    </message>
    <message>
        <source>Từ kỳ trước</source>
        <translation>From previous period</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Trong hạn</source>
        <translation>Within time</translation>
    </message>
    <message>
        <source>Chỉ hiện lĩnh vực có hồ sơ trong kỳ (bỏ chọn để xem đủ {n} lĩnh vực như biểu in)</source>
        <translation>Only fields with dossiers in the period (untick to see all {n} fields as on the printed form)</translation>
    </message>
    <message>
        <source>Số hồ sơ nhận giải quyết</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <source>Số hồ sơ đã giải quyết</source>
        <translation>Dossiers resolved</translation>
    </message>
    <message>
        <source>Số hồ sơ đang giải quyết</source>
        <translation>Dossiers in progress</translation>
    </message>
    <message>
        <source>chưa có hồ sơ mới</source>
        <translation>no new dossiers yet</translation>
    </message>
    <message>
        <source>Tỷ lệ giải quyết trước hạn và đúng hạn:</source>
        <translation>Resolved early or on time:</translation>
    </message>
    <message>
        <source>chưa có hồ sơ giải quyết</source>
        <translation>no dossiers resolved yet</translation>
    </message>
    <message>
        <source>Tỷ lệ hồ sơ trực tuyến:</source>
        <translation>Online dossiers:</translation>
    </message>
    <message>
        <source>(chỉ tiêu {n}%)</source>
        <translation>(target {n}%)</translation>
    </message>
    <message>
        <source>Trong kỳ còn có: {waiting} hồ sơ đang chờ bổ sung (đã tính trong cột 12), {stopped} hồ sơ rút hoặc dừng xử lý (đã tính trong cột 7), {apology} hồ sơ quá hạn có văn bản xin lỗi, {refused} hồ sơ không tiếp nhận (không tính vào biểu).</source>
        <translation>Also in the period: {waiting} dossiers awaiting supplements (counted in column 12), {stopped} withdrawn or stopped (counted in column 7), {apology} overdue with an apology letter, {refused} not accepted (not counted in the form).</translation>
    </message>
    <message>
        <source>(3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). Đơn vị tính: số hồ sơ thủ tục hành chính.</source>
        <translation>(3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). Unit: number of administrative dossiers.</translation>
    </message>
    <message>
        <source>Số liệu không khớp công thức của biểu: {rules}. Hãy kiểm tra dữ liệu hồ sơ.</source>
        <translation>The figures do not satisfy the form&apos;s formulas: {rules}. Please check the dossier data.</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Chọn một dòng để xem chi tiết.</source>
        <translation>Select a row to see the details.</translation>
    </message>
    <message>
        <source>{action} — {kind}: {record}</source>
        <translation>{action} — {kind}: {record}</translation>
    </message>
    <message>
        <source>Người thực hiện: {user} — lúc {at} — mục nhật ký #{id}</source>
        <translation>By: {user} — at {at} — log entry #{id}</translation>
    </message>
    <message>
        <source>Lý do: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
</context>
<context>
    <name>EquipmentChart</name>
    <message>
        <source>Trang thiết bị: cần có và đang hoạt động tốt (hiện trạng)</source>
        <translation>Equipment: needed and in good working order (current state)</translation>
    </message>
    <message>
        <source>Đang hoạt động tốt</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Cần có</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>EquipmentForm</name>
    <message>
        <source>Loại thiết bị *</source>
        <extracomment>A certificate expiring within this many days is shown in red (as storage.expiring_signatures warns).</extracomment>
        <translation>Equipment type *</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Đơn vị sử dụng</source>
        <translation>Used by unit</translation>
    </message>
    <message>
        <source>Số lượng cần có</source>
        <translation>Quantity needed</translation>
    </message>
    <message>
        <source>Số hiện có</source>
        <translation>Quantity held</translation>
    </message>
    <message>
        <source>Số đang hoạt động</source>
        <translation>Quantity working</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Ngày kiểm kê *</source>
        <translation>Inventory date *</translation>
    </message>
    <message>
        <source>Chứng thư số hết hạn</source>
        <translation>Certificate expires</translation>
    </message>
    <message>
        <source>Tình trạng, ghi chú</source>
        <translation>Condition, notes</translation>
    </message>
    <message>
        <source>VD: Máy tính Dell OptiPlex</source>
        <translation>E.g. Dell OptiPlex computer</translation>
    </message>
    <message>
        <source>Chỉ dùng cho loại «Chứng thư số, chữ ký số».</source>
        <translation>Only for the «Digital-signature certificate / token» type.</translation>
    </message>
    <message>
        <source>Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu</source>
        <translation>Enter for a new line; Ctrl+Enter or Ctrl+S to save</translation>
    </message>
    <message>
        <source>{missing} (hỏng, không dùng được: {broken})</source>
        <translation>{missing} (broken, unusable: {broken})</translation>
    </message>
    <message>
        <source>Đơn vị “{name}” không có trong danh sách đơn vị của xã.</source>
        <translation>Unit “{name}” is not in the commune&apos;s list of units.</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Trang thiết bị</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Tất cả loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Chỉ dòng còn thiếu</source>
        <translation>Only rows with shortages</translation>
    </message>
    <message>
        <source>Lọc theo loại thiết bị</source>
        <translation>Filter by equipment type</translation>
    </message>
    <message>
        <source>Lọc theo đơn vị sử dụng</source>
        <translation>Filter by unit using it</translation>
    </message>
    <message>
        <source>Đã hết hạn {n} ngày</source>
        <translation>Expired {n} days ago</translation>
    </message>
    <message>
        <source>Còn {n} ngày</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>Loại thiết bị</source>
        <translation>Equipment type</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Cần có</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Hiện có</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Hỏng</source>
        <translation>Broken</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ngày kiểm kê</source>
        <translation>Inventory date</translation>
    </message>
    <message>
        <source>Chứng thư số hết hạn</source>
        <translation>Certificate expires</translation>
    </message>
    <message>
        <source>Không có dòng nào còn thiếu trong danh sách đang xem.</source>
        <translation>No row in the current list has a shortage.</translation>
    </message>
    <message>
        <source>{kind}: {n}</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <source>Còn thiếu {total} thiết bị:</source>
        <translation>{total} items missing:</translation>
    </message>
    <message>
        <source>{kind} – {description}</source>
        <translation>{kind} – {description}</translation>
    </message>
</context>
<context>
    <name>EquipmentSection</name>
    <message>
        <source>Trang thiết bị công nghệ thông tin theo loại</source>
        <translation>IT equipment by type</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Loại thiết bị</source>
        <translation>Equipment type</translation>
    </message>
    <message>
        <source>Cần có</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Hiện có</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Hỏng</source>
        <translation>Broken</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Số liệu thiết bị là hiện trạng đang lưu, không phụ thuộc kỳ báo cáo. «Còn thiếu» = cần có − đang hoạt động, cộng theo từng dòng thiết bị.</source>
        <translation>Equipment figures are the current stored state, independent of the reporting period. «Missing» = needed − working, summed row by row.</translation>
    </message>
    <message>
        <source>Chưa có dòng thiết bị nào. Nhập ở màn hình Trang thiết bị.</source>
        <translation>No equipment rows yet. Enter them on the Equipment screen.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng; chi tiết đã được ghi vào nhật ký.</source>
        <translation>An unexpected error occurred. Saved data is not affected; the details were written to the log.</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExportResultBar</name>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Ẩn thông báo này</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <source>Đã ghi {files} tệp phản hồi ({answers} trả lời) vào {folder}:</source>
        <translation>Wrote {files} response files ({answers} answers) to {folder}:</translation>
    </message>
    <message>
        <source>• {file} — {commune}: {n} trả lời</source>
        <translation>• {file} — {commune}: {n} answers</translation>
    </message>
    <message>
        <source>Mang các tệp này đến xã để nhập vào Commune Desk của xã.</source>
        <translation>Take these files to the communes to import into their Commune Desk.</translation>
    </message>
    <message>
        <source>Không có trả lời nào chờ gửi: không ghi tệp nào.</source>
        <translation>No answer waiting to be sent: no file written.</translation>
    </message>
    <message>
        <source>Không ghi được tệp cho {commune}: {why}</source>
        <translation>Could not write the file for {commune}: {why}</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>Commune Desk – Bắt đầu</source>
        <translation>Commune Desk – Getting started</translation>
    </message>
    <message>
        <source>&amp;Tiếp theo &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hãy in hoặc chép mã, đánh dấu ô xác nhận rồi bấm «Hoàn tất».</source>
        <translation>Print or copy the code, tick the confirmation box, then press «Finish».</translation>
    </message>
    <message>
        <source>Sau khi nạp, đăng nhập bằng một tài khoản mẫu: {accounts}; mật khẩu {password}.</source>
        <translation>After loading, log in with a demo account: {accounts}; password {password}.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Lần gửi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Xã lập lúc</source>
        <translation>Made by commune</translation>
    </message>
    <message>
        <source>Tỉnh nhận lúc</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>hiện hành</source>
        <translation>current</translation>
    </message>
    <message>
        <source>đã thay thế</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>{name}
SHA-256: {sha}</source>
        <translation>{name}
SHA-256: {sha}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <source>&amp;Xã:</source>
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <source>Mở báo cáo PDF của xã</source>
        <translation>Open the commune&apos;s PDF</translation>
    </message>
    <message>
        <source>Mở bản Excel của xã</source>
        <translation>Open the commune&apos;s Excel</translation>
    </message>
    <message>
        <source>Mở đúng bản PDF xã đã ký gửi kèm trong tệp (nhấp đúp vào dòng cũng mở).</source>
        <translation>Open the very PDF the commune signed and sent in the file (double-clicking the row also opens it).</translation>
    </message>
    <message>
        <source>Mở bản Excel xã đã ký gửi kèm trong tệp.</source>
        <translation>Open the Excel workbook the commune signed and sent in the file.</translation>
    </message>
    <message>
        <source>Mọi lần gửi đều được lưu; lần gửi cao nhất của mỗi kỳ là bản hiện hành, dùng cho báo cáo tổng hợp.</source>
        <translation>Every revision is kept; the highest revision of each period is the current one, used in consolidated reports.</translation>
    </message>
    <message>
        <source>Tất cả các kỳ</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Tất cả các xã</source>
        <translation>All communes</translation>
    </message>
    <message>
        <source>{n} tệp đã nhận</source>
        <translation>{n} files received</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Đang kiểm tra tệp {name}…</source>
        <extracomment>Folder of the last file chosen, so the next dialog opens there (per run of the program).</extracomment>
        <translation>Checking file {name}…</translation>
    </message>
    <message>
        <source>Đang nhập {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>Đã nhập {rows} dòng «{kind}»: {created} thêm mới, {updated} cập nhật, {unchanged} giữ nguyên.</source>
        <translation>Imported {rows} «{kind}» rows: {created} added, {updated} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>Đã hủy; chưa lưu dòng nào.</source>
        <translation>Cancelled; no row was saved.</translation>
    </message>
    <message>
        <source>Không nhập được tệp</source>
        <translation>Could not import the file</translation>
    </message>
    <message>
        <source>Chọn tệp để nhập: {kind}</source>
        <translation>Choose a file to import: {kind}</translation>
    </message>
    <message>
        <source>Bảng tính Excel hoặc CSV (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;Mọi tệp (*)</source>
        <translation>Excel or CSV spreadsheet (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Mẫu nhập - {kind}.xlsx</source>
        <translation>Import template - {kind}.xlsx</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu: {kind}</source>
        <translation>Save template: {kind}</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {reason}. Hãy chọn thư mục khác hoặc đóng tệp nếu đang mở.</source>
        <translation>Could not write the file {path}: {reason}. Choose another folder, or close the file if it is open.</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Kiểm tra tệp trước khi nhập</source>
        <translation>Check the file before importing</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Loại dữ liệu:</source>
        <translation>Data type:</translation>
    </message>
    <message>
        <source>Số dòng dữ liệu:</source>
        <translation>Data rows:</translation>
    </message>
    <message>
        <source>Nếu nhập:</source>
        <translation>If imported:</translation>
    </message>
    <message>
        <source>{created} thêm mới · {updated} cập nhật · {unchanged} giữ nguyên</source>
        <translation>{created} added · {updated} updated · {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Tệp có {n} lỗi. Chưa lưu dòng nào và sẽ không lưu gì cho đến khi sửa xong tệp: sửa các ô được liệt kê dưới đây (số dòng như trong Excel) rồi nhập lại.</source>
        <translation>The file has {n} errors. Nothing has been saved, and nothing will be until the file is fixed: correct the cells listed below (row numbers as in Excel) and import again.</translation>
    </message>
    <message>
        <source>Tệp không có dòng dữ liệu nào dưới dòng tiêu đề; không có gì để nhập.</source>
        <translation>The file has no data rows below the header row; there is nothing to import.</translation>
    </message>
    <message>
        <source>Tệp hợp lệ: mọi dòng đều đúng. Bấm «{button}» để lưu vào cơ sở dữ liệu.</source>
        <translation>The file is valid: every row is correct. Click «{button}» to save it to the database.</translation>
    </message>
    <message>
        <source>Sao chép danh sách lỗi</source>
        <translation>Copy the error list</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nhập {n} dòng</source>
        <translation>Import {n} rows</translation>
    </message>
    <message>
        <source>Tệp: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Đã sao chép {n} lỗi</source>
        <translation>Copied {n} errors</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Sẽ làm gì / lý do</source>
        <translation>What will happen / why</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Lần gửi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Kết luận</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Đã nhập (mới)</source>
        <translation>Imported (new)</translation>
    </message>
    <message>
        <source>Đã nhập (thay thế)</source>
        <translation>Imported (replaces)</translation>
    </message>
    <message>
        <source>Bỏ qua (trùng)</source>
        <translation>Skipped (duplicate)</translation>
    </message>
    <message>
        <source>Bỏ qua (cũ hơn)</source>
        <translation>Skipped (older)</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Đăng ký khóa</source>
        <translation>Key registration</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Nhận báo cáo</source>
        <translation>Receive reports</translation>
    </message>
    <message>
        <source>Mở các tệp báo cáo (.cdesk) xã gửi lên: chọn tệp, chọn cả thư mục (USB), hoặc kéo thả vào đây. Phần mềm kiểm tra chữ ký và nội dung từng tệp và cho xem trước kết quả; chưa lưu gì cho đến khi bấm nút nhập.</source>
        <translation>Open the report files (.cdesk) the communes sent: choose files, a whole folder (USB), or drag and drop them here. Each file&apos;s signature and content are checked and the outcome previewed; nothing is stored until you press the import button.</translation>
    </message>
    <message>
        <source>Chọn &amp;tệp…</source>
        <translation>Choose &amp;files…</translation>
    </message>
    <message>
        <source>Chọn thư &amp;mục (USB)…</source>
        <translation>Choose a &amp;folder (USB)…</translation>
    </message>
    <message>
        <source>Mọi tệp .cdesk trong thư mục và các thư mục con đều được đọc.</source>
        <translation>Every .cdesk file in the folder and its subfolders is read.</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Tệp đang xem</source>
        <translation>Files in view</translation>
    </message>
    <message>
        <source>Lịch sử đã nhận</source>
        <translation>Received history</translation>
    </message>
    <message>
        <source>Kéo thả tệp .cdesk hoặc cả thư mục USB vào đây</source>
        <translation>Drop .cdesk files or a whole USB folder here</translation>
    </message>
    <message>
        <source>Có tệp ký bằng khóa khác — có thể giả mạo. Các tệp này bị từ chối; chọn dòng có dấu cảnh báo để xem chi tiết. Chỉ chấp nhận khóa mới sau khi đã gọi điện xác minh với xã.</source>
        <translation>Some files are signed with another key — possibly forged. They were rejected; select a row with the warning sign for details. Accept a new key only after checking with the commune by phone.</translation>
    </message>
    <message>
        <source>Chấp nhận khóa mới…</source>
        <translation>Accept new key…</translation>
    </message>
    <message>
        <source>Sau khi đã gọi điện cho xã và đối chiếu mã khóa: tin khóa mới của xã và kiểm tra lại các tệp.</source>
        <translation>After phoning the commune and comparing key codes: trust the commune&apos;s new key and check the files again.</translation>
    </message>
    <message>
        <source>&amp;Nhập {n} tệp hợp lệ</source>
        <translation>&amp;Import {n} valid files</translation>
    </message>
    <message>
        <source>Đang kiểm tra các tệp…</source>
        <translation>Checking the files…</translation>
    </message>
    <message>
        <source>Chưa chọn tệp nào.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>Mỗi xã gửi một tệp .cdesk cho mỗi kỳ báo cáo. Tệp được ký số: nếu bị sửa trên đường gửi, phần mềm sẽ phát hiện và từ chối.</source>
        <translation>Each commune sends one .cdesk file per reporting period. Files are digitally signed: a file changed on the way is detected and refused.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp .cdesk nào trong những gì đã chọn.</source>
        <translation>No .cdesk file found in what was chosen.</translation>
    </message>
    <message>
        <source>Đã nhập {done} trong {total} tệp: {new} mới, {newer} thay thế; bỏ qua {dup} trùng, {older} cũ hơn; {rejected} bị từ chối.</source>
        <translation>Imported {done} of {total} file(s): {new} new, {newer} replacing; skipped {dup} duplicate, {older} older; {rejected} rejected.</translation>
    </message>
    <message>
        <source>Bảng dưới đây cho biết đã làm gì với từng tệp.</source>
        <translation>The table below shows what was done with each file.</translation>
    </message>
    <message>
        <source>{total} tệp: {new} mới, {newer} thay thế, {dup} trùng, {older} cũ hơn, {rejected} bị từ chối</source>
        <translation>{total} file(s): {new} new, {newer} replacing, {dup} duplicate, {older} older, {rejected} rejected</translation>
    </message>
    <message>
        <source>Xem trước: chưa lưu gì. Bấm «Nhập» để lưu các tệp hợp lệ (màu xanh).</source>
        <translation>Preview: nothing stored yet. Press «Import» to store the valid files (in green).</translation>
    </message>
    <message>
        <source>Đã dừng: mới kiểm tra {done}/{total} tệp.</source>
        <translation>Stopped: only {done}/{total} files checked.</translation>
    </message>
    <message>
        <source>Chọn tệp báo cáo của xã</source>
        <translation>Choose commune report files</translation>
    </message>
    <message>
        <source>Tệp báo cáo Commune Desk (*.cdesk);;Mọi tệp (*)</source>
        <translation>Commune Desk report files (*.cdesk);;All files (*)</translation>
    </message>
    <message>
        <source>Chọn thư mục chứa tệp báo cáo (USB)</source>
        <translation>Choose the folder holding the report files (USB)</translation>
    </message>
    <message>
        <source>Đang nhập các tệp báo cáo…</source>
        <translation>Importing the report files…</translation>
    </message>
    <message>
        <source>Đang kiểm tra tệp {n}/{total}: {name}</source>
        <translation>Checking file {n}/{total}: {name}</translation>
    </message>
    <message>
        <source>Đang nhập tệp {n}/{total}: {name}</source>
        <translation>Importing file {n}/{total}: {name}</translation>
    </message>
    <message>
        <source>Chọn một dòng để xem đầy đủ lý do.</source>
        <translation>Select a row to read the full reason.</translation>
    </message>
    <message>
        <source>Tệp: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Xã: {commune}</source>
        <translation>Commune: {commune}</translation>
    </message>
    <message>
        <source>Kỳ báo cáo: {period}, lần gửi {revision}</source>
        <translation>Period: {period}, revision {revision}</translation>
    </message>
    <message>
        <source>Mã khóa đã ký tệp: {fp}</source>
        <translation>Key that signed the file: {fp}</translation>
    </message>
    <message>
        <source>Đã chấp nhận khóa mới của {commune}; đang kiểm tra lại các tệp.</source>
        <translation>Accepted the new key of {commune}; checking the files again.</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>{user} – {role}</source>
        <translation>{user} – {role}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Commune Desk – Đăng nhập</source>
        <translation>Commune Desk – log in</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quên mật khẩu?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu – đăng nhập thử bằng: {accounts}. Mật khẩu: {password}</source>
        <translation>Demo data – try logging in as: {accounts}. Password: {password}</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter the username.</translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Đang kiểm tra mật khẩu…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>Cần đặt mật khẩu mới trước khi bắt đầu làm việc.</source>
        <translation>A new password must be set before you can start working.</translation>
    </message>
    <message>
        <source>Không đăng nhập được</source>
        <translation>Cannot log in</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới: hãy đăng nhập bằng mật khẩu đó.</source>
        <translation>New password set: log in with it.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Màn hình này không có thao tác đó.</source>
        <translation>This screen has no such action.</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Trợ giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Xóa bản ghi đang chọn (Delete)</source>
        <translation>Delete selected record (Del)</translation>
    </message>
    <message>
        <source>Hoàn tác xóa</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>Tìm kiếm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Nhập từ tệp CSV/Excel…</source>
        <translation>Import from CSV/Excel file…</translation>
    </message>
    <message>
        <source>Tải tệp mẫu…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Giới thiệu Commune Desk</source>
        <translation>About Commune Desk</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Nhận báo cáo</source>
        <translation>Receive reports</translation>
    </message>
    <message>
        <source>Tình hình nộp</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>Báo cáo tổng hợp</source>
        <translation>Consolidated report</translation>
    </message>
    <message>
        <source>Kiến nghị của xã</source>
        <translation>Commune proposals</translation>
    </message>
    <message>
        <source>Danh sách xã</source>
        <translation>Communes</translation>
    </message>
    <message>
        <source>Nhân sự</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Hồ sơ TTHC</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Trang thiết bị</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Khó khăn &amp; kiến nghị</source>
        <translation>Difficulties &amp; proposals</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Danh mục</source>
        <translation>Catalogues</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>(chưa khai báo tỉnh)</source>
        <translation>(province not declared)</translation>
    </message>
    <message>
        <source>{province} – tổng hợp báo cáo các xã</source>
        <translation>{province} – communes&apos; reports</translation>
    </message>
    <message>
        <source>(chưa khai báo xã)</source>
        <translation>(commune not set up)</translation>
    </message>
    <message>
        <source>Kỳ hiện tại: {label} {range}</source>
        <translation>Current period: {label} {range}</translation>
    </message>
    <message>
        <source>Tệp dữ liệu: {name}</source>
        <translation>Data file: {name}</translation>
    </message>
    <message>
        <source>Đã làm mới dữ liệu.</source>
        <translation>Data refreshed.</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>{stamped} (chương trình này dùng {head})</source>
        <translation>{stamped} (this program uses {head})</translation>
    </message>
    <message>
        <source>Commune Desk {version}
Phiên bản cơ sở dữ liệu: {schema}
Cơ sở dữ liệu: {path}</source>
        <translation>Commune Desk {version}
Database schema version: {schema}
Database: {path}</translation>
    </message>
</context>
<context>
    <name>MonthlyDossierChart</name>
    <message>
        <source>Hồ sơ theo tháng và kết quả giải quyết</source>
        <translation>Dossiers by month and outcome</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>OnTimeRateChart</name>
    <message>
        <source>Tỷ lệ giải quyết đúng hạn (%)</source>
        <translation>On-time resolution rate (%)</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
</context>
<context>
    <name>OverdueDialog</name>
    <message>
        <source>Hồ sơ quá hạn</source>
        <translation>Overdue dossiers</translation>
    </message>
    <message>
        <source>{count} hồ sơ đang giải quyết đã quá hạn tính đến hết ngày {day}.</source>
        <translation>{count} dossiers in progress are overdue as of the end of {day}.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào quá hạn tính đến hết ngày {day}.</source>
        <translation>No dossier is overdue as of the end of {day}.</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Ngày tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hạn giải quyết</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Quá hạn (ngày làm việc)</source>
        <translation>Overdue (working days)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <source>Tháng {n}</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>Quý {n}</source>
        <translation>Quarter {n}</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>6 tháng cuối năm</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>6 tháng</source>
        <translation>6 months</translation>
    </message>
    <message>
        <source>9 tháng</source>
        <translation>9 months</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Loại kỳ báo cáo</source>
        <translation>Kind of reporting period</translation>
    </message>
    <message>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Kỳ sau</source>
        <translation>Next period</translation>
    </message>
    <message>
        <source>Kỳ hiện tại</source>
        <translation>Current period</translation>
    </message>
    <message>
        <source>Quay về kỳ báo cáo đang diễn ra</source>
        <translation>Back to the reporting period in progress</translation>
    </message>
</context>
<context>
    <name>PeriodStatusBar</name>
    <message>
        <source>Chốt báo cáo</source>
        <translation>Finalize report</translation>
    </message>
    <message>
        <source>Mở khóa kỳ…</source>
        <translation>Reopen period…</translation>
    </message>
    <message>
        <source>Trạng thái: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Chỉ lãnh đạo (hoặc quản trị) được chốt và mở khóa kỳ báo cáo.</source>
        <translation>Only an officer (or administrator) may finalize and reopen reporting periods.</translation>
    </message>
    <message>
        <source>Chốt báo cáo khóa các hồ sơ, biến động nhân sự, số liệu trang thiết bị và kiến nghị có ngày trong kỳ; muốn sửa phải mở khóa kỳ (ghi lý do) rồi lập lại báo cáo.</source>
        <translation>Finalizing locks the dossiers, staff changes, equipment counts and proposals dated in the period; to change them, reopen the period (with a reason) and issue the report again.</translation>
    </message>
    <message>
        <source>Mở khóa để sửa số liệu của kỳ đã chốt; cần ghi rõ lý do.</source>
        <translation>Reopen to correct a finalized period&apos;s records; a reason is required.</translation>
    </message>
    <message>
        <source>Chốt báo cáo {period}?</source>
        <translation>Finalize the report for {period}?</translation>
    </message>
    <message>
        <source>Sau khi chốt, các hồ sơ TTHC, biến động nhân sự, số liệu trang thiết bị và kiến nghị có ngày trong kỳ {range} bị khóa: không ai sửa được nữa. Muốn sửa, lãnh đạo phải mở khóa kỳ (ghi rõ lý do), sau đó lập lại báo cáo (lần sau).</source>
        <translation>Once finalized, the dossiers, staff changes, equipment counts and proposals dated in the period {range} are locked: nobody can change them. To correct them, an officer must reopen the period (giving a reason), then issue the report again (next revision).</translation>
    </message>
    <message>
        <source>Lưu ý: kỳ này chưa kết thúc. Sau khi chốt, không nhập thêm được hồ sơ có ngày trong kỳ.</source>
        <translation>Note: this period has not ended yet. Once finalized, no more dossiers dated in it can be entered.</translation>
    </message>
    <message>
        <source>Không chốt</source>
        <translation>Do not finalize</translation>
    </message>
    <message>
        <source>Đã chốt báo cáo {period} (lần {n}).</source>
        <translation>Finalized the report for {period} (revision {n}).</translation>
    </message>
    <message>
        <source>Đã mở khóa {period}.</source>
        <translation>Reopened {period}.</translation>
    </message>
</context>
<context>
    <name>PeriodStatusTable</name>
    <message>
        <source>Trạng thái các kỳ báo cáo</source>
        <translation>Status of reporting periods</translation>
    </message>
    <message>
        <source>Các kỳ đã chốt báo cáo: số liệu của kỳ bị khóa cho đến khi lãnh đạo mở khóa (ghi lý do). Kỳ không có trong bảng đang ở trạng thái «Đang soạn».</source>
        <translation>Periods whose report was finalized: their records stay locked until an officer reopens them (with a reason). Periods not listed are drafts.</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Cách tính kỳ</source>
        <translation>Period basis</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu</source>
        <translation>By the data cut-off day</translation>
    </message>
    <message>
        <source>Theo tháng dương lịch</source>
        <translation>By calendar month</translation>
    </message>
</context>
<context>
    <name>PickerCombo</name>
    <message>
        <source>Gõ vài chữ, không cần dấu…</source>
        <translation>Type a few letters, accents optional…</translation>
    </message>
</context>
<context>
    <name>ProcedureForm</name>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>{n} ngày làm việc</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>như nộp trực tiếp</source>
        <translation>as in person</translation>
    </message>
    <message>
        <source>Mã thủ tục *</source>
        <translation>Procedure code *</translation>
    </message>
    <message>
        <source>Tên thủ tục *</source>
        <translation>Procedure name *</translation>
    </message>
    <message>
        <source>Lĩnh vực *</source>
        <translation>Field *</translation>
    </message>
    <message>
        <source>Cách tính thời hạn</source>
        <translation>How the time limit is counted</translation>
    </message>
    <message>
        <source>Thời hạn – trực tiếp</source>
        <translation>Time limit – in person</translation>
    </message>
    <message>
        <source>Thời hạn – trực tuyến</source>
        <translation>Time limit – online</translation>
    </message>
    <message>
        <source>Thời hạn – bưu chính</source>
        <translation>Time limit – by post</translation>
    </message>
    <message>
        <source>Địa chỉ công khai (URL)</source>
        <translation>Public address (URL)</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Trang Cổng dịch vụ công đăng thủ tục (nếu có)</source>
        <translation>Page of the public service portal listing the procedure (if any)</translation>
    </message>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>days</translation>
    </message>
</context>
<context>
    <name>ProceduresPage</name>
    <message>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedures</translation>
    </message>
    <message>
        <source>Tất cả lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Chỉ thủ tục đang sử dụng</source>
        <translation>Only procedures in use</translation>
    </message>
    <message>
        <source>Trả trong ngày</source>
        <translation>Same-day return</translation>
    </message>
    <message>
        <source>Như nộp trực tiếp</source>
        <translation>As in person</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Trực
tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu
chính</source>
        <translation>Postal</translation>
    </message>
    <message>
        <source>Sử
dụng</source>
        <translation>In
use</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Ngừng</source>
        <translation>No</translation>
    </message>
    <message>
        <source>thủ tục “{name}”</source>
        <translation>procedure “{name}”</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Stop using</translation>
    </message>
    <message>
        <source>Dùng lại</source>
        <translation>Use again</translation>
    </message>
    <message>
        <source>Thủ tục không còn hiện khi nhận hồ sơ mới; hồ sơ cũ và báo cáo vẫn giữ nguyên.</source>
        <translation>The procedure is no longer offered for new dossiers; old dossiers and reports stay as they are.</translation>
    </message>
    <message>
        <source>Thủ tục lại được chọn khi nhận hồ sơ mới.</source>
        <translation>The procedure can be chosen again for new dossiers.</translation>
    </message>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure selected.</translation>
    </message>
    <message>
        <source>Đã cho dùng lại {name}.</source>
        <translation>{name} is in use again.</translation>
    </message>
    <message>
        <source>Đã ngừng sử dụng {name}.</source>
        <translation>{name} is no longer used.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <source>Người ký báo cáo</source>
        <translation>Report signatory</translation>
    </message>
    <message>
        <source>Chức vụ người ký *</source>
        <translation>Signatory&apos;s title *</translation>
    </message>
    <message>
        <source>Chủ tịch UBND</source>
        <translation>Chair of the People&apos;s Committee</translation>
    </message>
    <message>
        <source>Địa chỉ trụ sở</source>
        <translation>Office address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Ngày thành lập (sau sắp xếp)</source>
        <translation>Established on (after the merger)</translation>
    </message>
    <message>
        <source>Dân số (người)</source>
        <translation>Population (people)</translation>
    </message>
    <message>
        <source>Tổng số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Số hộ nghèo</source>
        <translation>Poor households</translation>
    </message>
    <message>
        <source>Số hộ cận nghèo</source>
        <translation>Near-poor households</translation>
    </message>
    <message>
        <source>Tỷ lệ hộ nghèo và cận nghèo</source>
        <translation>Poor and near-poor rate</translation>
    </message>
    <message>
        <source>Tỷ lệ người dân tộc thiểu số (%)</source>
        <translation>Ethnic minority share (%)</translation>
    </message>
    <message>
        <source>Địa bàn</source>
        <translation>Area type</translation>
    </message>
    <message>
        <source>Giám đốc Trung tâm Phục vụ hành chính công</source>
        <translation>Director of the Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Số người làm việc tại Trung tâm</source>
        <translation>Staff working at the Centre</translation>
    </message>
    <message>
        <source>Mã đơn vị trong mã hồ sơ</source>
        <translation>Unit code in dossier codes</translation>
    </message>
    <message>
        <source>Xã miền núi</source>
        <translation>Mountainous commune</translation>
    </message>
    <message>
        <source>Vùng sâu, vùng xa, đặc biệt khó khăn</source>
        <translation>Remote, especially disadvantaged area</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>ví dụ 85,5</source>
        <translation>e.g. 85,5</translation>
    </message>
    <message>
        <source>ví dụ CHỦ TỊCH, KT. CHỦ TỊCH – PHÓ CHỦ TỊCH</source>
        <translation>e.g. CHỦ TỊCH, KT. CHỦ TỊCH – PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
        <source>để trống: dùng mã xã {code}</source>
        <translation>leave blank: use commune code {code}</translation>
    </message>
    <message>
        <source>Phần đầu mã hồ sơ theo hệ thống của tỉnh, ví dụ H40.16906 trong H40.16906-250715-0001.</source>
        <translation>First part of dossier codes in the province&apos;s system, e.g. H40.16906 in H40.16906-250715-0001.</translation>
    </message>
    <message>
        <source>Thông tin xã (in trên các báo cáo)</source>
        <translation>Commune information (printed on reports)</translation>
    </message>
    <message>
        <source>Lưu thông tin xã (Enter)</source>
        <translation>Save commune information (Enter)</translation>
    </message>
    <message>
        <source>Hoàn lại (Esc)</source>
        <translation>Revert (Esc)</translation>
    </message>
    <message>
        <source>{name} – {province} (mã xã {code}, mã tỉnh {pcode})</source>
        <translation>{name} – {province} (commune code {code}, province code {pcode})</translation>
    </message>
    <message>
        <source>Chưa khai báo xã.</source>
        <translation>Commune not set up yet.</translation>
    </message>
    <message>
        <source>(cần tổng số hộ và số hộ nghèo, cận nghèo)</source>
        <translation>(needs total, poor and near-poor households)</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Khai báo xã</source>
        <translation>Set up the commune</translation>
    </message>
    <message>
        <source>Tên xã và tỉnh lấy theo danh mục đơn vị hành chính năm 2025. Các thông tin khác sửa được ở Cài đặt.</source>
        <translation>Commune and province names follow the 2025 list of administrative units. Other details can be changed in Settings.</translation>
    </message>
    <message>
        <source>Lưu và tiếp tục &gt;</source>
        <translation>Save and continue &gt;</translation>
    </message>
</context>
<context>
    <name>ProposalDetail</name>
    <message>
        <source>Chọn một kiến nghị trong danh sách để xem nội dung và trả lời.</source>
        <translation>Choose a proposal in the list to read it and answer.</translation>
    </message>
    <message>
        <source>Xã: {name} (mã {code})</source>
        <translation>Commune: {name} (code {code})</translation>
    </message>
    <message>
        <source>Ngày nêu: {day}; nhóm: {category}</source>
        <translation>Raised: {day}; group: {category}</translation>
    </message>
    <message>
        <source>Gửi cơ quan: {bodies}</source>
        <translation>Addressed to: {bodies}</translation>
    </message>
    <message>
        <source>(chưa ghi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>Trạng thái xã báo: {status}</source>
        <translation>Status reported by the commune: {status}</translation>
    </message>
    <message>
        <source>Đã chờ {days} ngày</source>
        <translation>Waiting for {days} days</translation>
    </message>
    <message>
        <source>chưa gửi xã</source>
        <translation>not yet sent to the commune</translation>
    </message>
    <message>
        <source>đã gửi xã lúc {when}</source>
        <translation>sent to the commune on {when}</translation>
    </message>
    <message>
        <source>Tỉnh đã trả lời: {status}, ngày {day} ({sent})</source>
        <translation>Province answer: {status}, {day} ({sent})</translation>
    </message>
    <message>
        <source>(Xã không ghi nội dung chi tiết.)</source>
        <translation>(The commune gave no details.)</translation>
    </message>
</context>
<context>
    <name>ProposalForm</name>
    <message>
        <source>Nhóm kiến nghị</source>
        <extracomment>Text colour of each status in the list: waiting ones dark orange, answered green, refused brown.</extracomment>
        <translation>Proposal group</translation>
    </message>
    <message>
        <source>Tiêu đề *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Ngày nêu *</source>
        <translation>Raised on *</translation>
    </message>
    <message>
        <source>Gửi cơ quan</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nội dung trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Ngày tỉnh trả lời</source>
        <translation>Province replied on</translation>
    </message>
    <message>
        <source>Trả lời của tỉnh</source>
        <translation>Province&apos;s reply</translation>
    </message>
    <message>
        <source>Ghi nhận trả lời của tỉnh (Ctrl+R)</source>
        <translation>Record the province&apos;s reply (Ctrl+R)</translation>
    </message>
    <message>
        <source>Enter xuống dòng; Ctrl+Enter hoặc Ctrl+S để lưu</source>
        <translation>Enter for a new line; Ctrl+Enter or Ctrl+S to save</translation>
    </message>
    <message>
        <source>Chọn sở, ngành hoặc gõ tên cơ quan khác; nhiều cơ quan cách nhau bởi dấu ;</source>
        <translation>Choose a department or type another agency; separate several agencies with ;</translation>
    </message>
</context>
<context>
    <name>ProposalPage</name>
    <message>
        <source>Khó khăn &amp; kiến nghị</source>
        <translation>Difficulties &amp; proposals</translation>
    </message>
    <message>
        <source>Tất cả trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Nhận phản hồi của tỉnh…</source>
        <translation>Province response…</translation>
    </message>
    <message>
        <source>Mở tệp phản hồi (.cdesk) tỉnh gửi về, xem trước rồi cập nhật trạng thái các kiến nghị.</source>
        <translation>Open the response file (.cdesk) sent by the province, preview it, then update the proposals&apos; status.</translation>
    </message>
    <message>
        <source>Chỉ kiến nghị đang chờ tỉnh trả lời</source>
        <translation>Only proposals awaiting the province</translation>
    </message>
    <message>
        <source>Lọc theo trạng thái</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Lọc theo cơ quan nhận kiến nghị</source>
        <translation>Filter by receiving agency</translation>
    </message>
    <message>
        <source>Ngày nêu</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số ngày
chờ</source>
        <translation>Days
waiting</translation>
    </message>
    <message>
        <source>Gửi cơ quan</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Ngày trả lời</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>kiến nghị “{title}”</source>
        <translation>proposal “{title}”</translation>
    </message>
    <message>
        <source>Hãy chọn trong danh sách kiến nghị cần ghi nhận trả lời.</source>
        <translation>Select the proposal whose reply you want to record.</translation>
    </message>
    <message>
        <source>Kiến nghị còn là dự thảo, chưa gửi tỉnh: hãy chọn trạng thái đã gửi trước khi ghi trả lời.</source>
        <translation>The proposal is still a draft, not sent to the province: set a sent status before recording a reply.</translation>
    </message>
    <message>
        <source>Nhập nội dung trả lời, chọn trạng thái mới rồi nhấn Ctrl+Enter để lưu.</source>
        <translation>Enter the reply, choose the new status, then press Ctrl+Enter to save.</translation>
    </message>
    <message>
        <source>Đã cập nhật {n} kiến nghị theo phản hồi của tỉnh.</source>
        <translation>Updated {n} proposals from the province&apos;s response.</translation>
    </message>
</context>
<context>
    <name>ProposalSection</name>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Số kiến nghị</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Nêu trong kỳ</source>
        <translation>Raised in the period</translation>
    </message>
    <message>
        <source>Đang chờ trả lời vào cuối kỳ</source>
        <translation>Awaiting a reply at the end of the period</translation>
    </message>
    <message>
        <source>Được trả lời trong kỳ</source>
        <translation>Answered in the period</translation>
    </message>
    <message>
        <source>Theo trạng thái (nêu đến cuối kỳ)</source>
        <translation>By status (raised up to the end of the period)</translation>
    </message>
    <message>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang chờ trả lời, theo cơ quan giải quyết</source>
        <translation>Awaiting a reply, by responsible agency</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>(chưa ghi cơ quan)</source>
        <translation>(no agency recorded)</translation>
    </message>
    <message>
        <source>Không có kiến nghị nào đang chờ.</source>
        <translation>No proposals awaiting a reply.</translation>
    </message>
</context>
<context>
    <name>ProvinceDashboardPage</name>
    <message>
        <source>Đang tính số liệu tổng quan…</source>
        <translation>Computing the overview figures…</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Báo cáo của các xã và hồ sơ thủ tục hành chính trong kỳ</source>
        <translation>Commune reports and administrative dossiers of the period</translation>
    </message>
    <message>
        <source>Trang thiết bị và kiến nghị</source>
        <translation>Equipment and proposals</translation>
    </message>
    <message>
        <source>Xã đã gửi báo cáo</source>
        <translation>Communes reported</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận</source>
        <translation>Dossiers received</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tỷ lệ đúng hạn toàn tỉnh</source>
        <translation>Province on-time rate</translation>
    </message>
    <message>
        <source>Thiết bị còn thiếu</source>
        <translation>Missing equipment</translation>
    </message>
    <message>
        <source>Kiến nghị đang chờ giải quyết</source>
        <translation>Proposals waiting</translation>
    </message>
    <message>
        <source>Trả lời chưa gửi xã</source>
        <translation>Answers not yet sent</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Chưa nhận báo cáo nào: vào «Nhận báo cáo» để nhập tệp của các xã.</source>
        <translation>No report received yet: import the communes&apos; files under “Receive reports”.</translation>
    </message>
    <message>
        <source>Kỳ mới nhất</source>
        <translation>Latest period</translation>
    </message>
    <message>
        <source>Quay về kỳ báo cáo mới nhất mà các xã đã gửi</source>
        <translation>Back to the latest period the communes reported for</translation>
    </message>
    <message>
        <source>{label} {range} — hạn nộp báo cáo: hết ngày {deadline}</source>
        <translation>{label} {range} — reports due by the end of {deadline}</translation>
    </message>
    <message>
        <source>Chưa có xã nào gửi báo cáo kỳ này: các biểu đồ còn trống.</source>
        <translation>No commune has reported for this period yet: the charts are empty.</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giải quyết xong trong kỳ (không có trong biểu đồ): {names}</source>
        <translation>Nothing resolved in the period (not in the chart): {names}</translation>
    </message>
    <message>
        <source>và {n} xã khác</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <source>Danh sách xã còn trống: vào «Danh sách xã» để thêm</source>
        <translation>The commune list is empty: add them under “Communes”</translation>
    </message>
    <message>
        <source>Chưa gửi: {names}</source>
        <translation>Missing: {names}</translation>
    </message>
    <message>
        <source>Tất cả các xã đã gửi báo cáo kỳ này</source>
        <translation>Every commune has reported for this period</translation>
    </message>
    <message>
        <source>Mới nhận {new} (trực tuyến {online}) · kỳ trước chuyển sang {carried}</source>
        <translation>New {new} (online {online}) · carried over {carried}</translation>
    </message>
    <message>
        <source>Trước hạn {early} · đúng hạn {on_time} · quá hạn {late}</source>
        <translation>Early {early} · on time {on_time} · late {late}</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giải quyết xong trong kỳ</source>
        <translation>No dossier resolved in the period yet</translation>
    </message>
    <message>
        <source>Thấp nhất: {name} {rate}</source>
        <translation>Lowest: {name} {rate}</translation>
    </message>
    <message>
        <source>Thiếu nhiều nhất: {kinds}</source>
        <translation>Most missing: {kinds}</translation>
    </message>
    <message>
        <source>Các xã đã gửi báo cáo đủ thiết bị theo định mức</source>
        <translation>The reporting communes have all the equipment required</translation>
    </message>
    <message>
        <source>Chưa có số liệu trang thiết bị trong kỳ</source>
        <translation>No equipment figures for the period</translation>
    </message>
    <message>
        <source>Không có kiến nghị nào đang chờ</source>
        <translation>No proposals awaiting a reply</translation>
    </message>
    <message>
        <source>Chờ lâu nhất {days} ngày; trả lời tại «Kiến nghị của xã»</source>
        <translation>Longest wait {days} days; answer under “Commune proposals”</translation>
    </message>
    <message>
        <source>Của {n} xã: xuất tệp phản hồi tại «Kiến nghị của xã»</source>
        <translation>For {n} communes: export response files under “Commune proposals”</translation>
    </message>
    <message>
        <source>Mọi trả lời đã được gửi về xã</source>
        <translation>Every answer has been sent to the communes</translation>
    </message>
</context>
<context>
    <name>ProvinceDemoPage</name>
    <message>
        <source>Nạp dữ liệu mẫu của tỉnh</source>
        <translation>Load the province demo</translation>
    </message>
    <message>
        <source>Mất khoảng nửa phút. Dữ liệu mẫu chỉ nạp được vào tệp dữ liệu còn trống.</source>
        <translation>Takes about half a minute. Demo data only goes into an empty database.</translation>
    </message>
    <message>
        <source>Sẽ nạp tỉnh Nghệ An và 3 xã mẫu ({names}): mỗi xã lập tệp báo cáo các tháng 7 đến 10/2025, tỉnh nhận các tệp đó như khi nhận từ USB. Bấm «{button}» để bắt đầu.</source>
        <translation>Loads Nghệ An and 3 demo communes ({names}): each makes its report files for July to October 2025 and the province receives them as from a USB stick. Press «{button}» to start.</translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu</source>
        <translation>Load sample data</translation>
    </message>
    <message>
        <source>Đang nạp dữ liệu mẫu của tỉnh…</source>
        <translation>Loading the province demo…</translation>
    </message>
    <message>
        <source>Đã nạp {communes} xã mẫu và nhận {files} tệp báo cáo.</source>
        <translation>Loaded {communes} demo communes and received {files} report files.</translation>
    </message>
    <message>
        <source>Chưa nạp được dữ liệu mẫu.</source>
        <translation>Could not load the sample data.</translation>
    </message>
</context>
<context>
    <name>ProvinceFileDialog</name>
    <message>
        <source>Xuất file gửi tỉnh</source>
        <extracomment>The folder of the last province file (often the USB stick) and the province&apos;s email address.</extracomment>
        <translation>Export the province file</translation>
    </message>
    <message>
        <source>Tệp .cdesk chứa số liệu của kỳ báo cáo kèm báo cáo Excel và PDF, có chữ ký số của xã. Tỉnh nhập tệp này vào phần mềm của tỉnh; không ai sửa được nội dung mà tỉnh không phát hiện.</source>
        <translation>The .cdesk file holds the period&apos;s figures with the Excel and PDF reports, digitally signed by the commune. The province imports it into its own software; any change to its content would be detected.</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>Kỳ tùy chọn không gửi tỉnh được: hãy chọn tháng, quý, 6 tháng, 9 tháng hoặc năm trên màn hình Báo cáo.</source>
        <translation>A custom period cannot be sent to the province: choose a month, quarter, half-year, nine months or year on the Reports screen.</translation>
    </message>
    <message>
        <source>Tệp gửi tỉnh lập theo ngày chốt số liệu chính thức: trên màn hình Báo cáo hãy đánh dấu «Theo ngày chốt số liệu» rồi xuất lại.</source>
        <translation>The province file follows the official data cut-off: on the Reports screen tick «By the data cut-off day» and export again.</translation>
    </message>
    <message>
        <source>&amp;Lưu vào thư mục:</source>
        <translation>Save &amp;to folder:</translation>
    </message>
    <message>
        <source>Cắm USB rồi chọn ổ USB, hoặc chọn một thư mục trên máy nếu gửi qua thư điện tử.</source>
        <translation>Plug in the USB stick and choose it, or choose a folder on this PC when sending by email.</translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Tên tệp:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Gửi qua:</source>
        <translation>Send by:</translation>
    </message>
    <message>
        <source>USB (mang tệp lên tỉnh)</source>
        <translation>USB stick (carried to the province)</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>&amp;Nơi nhận:</source>
        <translation>&amp;Recipient:</translation>
    </message>
    <message>
        <source>Không bắt buộc, ví dụ: Sở Nội vụ tỉnh</source>
        <translation>Optional, e.g. Provincial Department of Home Affairs</translation>
    </message>
    <message>
        <source>Địa chỉ &amp;thư của tỉnh:</source>
        <translation>Province&apos;s e&amp;mail:</translation>
    </message>
    <message>
        <source>Không bắt buộc, ví dụ: vanthu@nghean.gov.vn</source>
        <translation>Optional, e.g. vanthu@nghean.gov.vn</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Khóa ký số của xã</source>
        <translation>The commune&apos;s signing key</translation>
    </message>
    <message>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Khi tỉnh gọi điện xác minh, hãy đọc dãy ký tự này. Trước lần gửi đầu tiên có thể gửi tỉnh tệp đăng ký khóa để tỉnh tin cậy khóa của xã.</source>
        <translation>When the province calls to check, read out these characters. Before the first report you may send the province the key registration file so that it trusts the commune&apos;s key.</translation>
    </message>
    <message>
        <source>Xuất tệp đăng ký khóa…</source>
        <translation>Export key registration…</translation>
    </message>
    <message>
        <source>Xuất tệp</source>
        <translation>Export file</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chưa khai báo thông tin xã: hãy khai báo trong Cài đặt trước.</source>
        <translation>The commune profile is missing: fill it in under Settings first.</translation>
    </message>
    <message>
        <source>Kỳ này đã gửi lần {last}; tệp mới là lần {next} và sẽ thay thế lần {last}.</source>
        <translation>This period was sent as revision {last}; the new file is revision {next} and replaces revision {last}.</translation>
    </message>
    <message>
        <source>Đây là lần gửi đầu tiên của kỳ này.</source>
        <translation>This is the first file sent for this period.</translation>
    </message>
    <message>
        <source>Xuất tệp và soạn thư</source>
        <translation>Export and write email</translation>
    </message>
    <message>
        <source>Chọn thư mục lưu tệp gửi tỉnh</source>
        <translation>Choose the folder for the province file</translation>
    </message>
    <message>
        <source>Hãy chọn thư mục lưu tệp (ví dụ ổ USB).</source>
        <translation>Choose the folder to save the file in (e.g. the USB stick).</translation>
    </message>
    <message>
        <source>Không thấy thư mục này: USB đã cắm chưa? Hãy chọn lại thư mục.</source>
        <translation>This folder cannot be found: is the USB stick plugged in? Choose the folder again.</translation>
    </message>
    <message>
        <source>Địa chỉ thư không hợp lệ (ví dụ: vanthu@nghean.gov.vn).</source>
        <translation>Invalid email address (e.g. vanthu@nghean.gov.vn).</translation>
    </message>
    <message>
        <source>Đang lập tệp gửi tỉnh…</source>
        <translation>Making the province file…</translation>
    </message>
    <message>
        <source>Chưa xuất được tệp gửi tỉnh</source>
        <translation>The province file was not exported</translation>
    </message>
    <message>
        <source>Đã xuất tệp {name}.</source>
        <translation>Exported {name}.</translation>
    </message>
    <message>
        <source>Đã lưu tệp gửi tỉnh lần {n}: {name}</source>
        <translation>Saved the province file, revision {n}: {name}</translation>
    </message>
    <message>
        <source>Thư mục: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>Tệp này thay thế lần gửi {m}: tỉnh sẽ dùng lần {n}.</source>
        <translation>This file replaces revision {m}: the province will use revision {n}.</translation>
    </message>
    <message>
        <source>Đã ghi vào sổ «Báo cáo đã gửi».</source>
        <translation>Entered in the «Reports sent» register.</translation>
    </message>
    <message>
        <source>Đã mở chương trình thư điện tử với thư soạn sẵn và thư mục chứa tệp. Thư CHƯA được gửi: hãy đính kèm tệp {name} (kéo tệp từ thư mục vừa mở vào thư) rồi bấm Gửi.</source>
        <translation>The email program opened with a prepared message, and the folder holding the file. The email has NOT been sent: attach {name} (drag it from the folder just opened into the message), then press Send.</translation>
    </message>
    <message>
        <source>Máy này chưa có chương trình thư điện tử: hãy mở hộp thư (ví dụ trên trình duyệt), đính kèm tệp {name} từ thư mục vừa mở rồi gửi cho tỉnh.</source>
        <translation>This PC has no email program: open your mailbox (e.g. in the browser), attach {name} from the folder just opened and send it to the province.</translation>
    </message>
    <message>
        <source>Đã lưu tệp đăng ký khóa {name} vào {folder}. Gửi tệp này cho tỉnh, rồi đọc dấu vân tay {fingerprint} cho tỉnh qua điện thoại để đối chiếu.</source>
        <translation>Saved the key registration file {name} in {folder}. Send it to the province, then read the fingerprint {fingerprint} to the province on the phone so they can compare.</translation>
    </message>
    <message>
        <source>Báo cáo {period} của {commune} (tệp gửi tỉnh lần {n})</source>
        <translation>{commune} report for {period} (province file, revision {n})</translation>
    </message>
    <message>
        <source>Quý cơ quan</source>
        <translation>Sir or Madam</translation>
    </message>
    <message>
        <source>Kính gửi: {recipient}</source>
        <translation>To: {recipient}</translation>
    </message>
    <message>
        <source>{commune} gửi tệp báo cáo {period}, lần gửi {n}: {name} (tệp đính kèm).</source>
        <translation>{commune} sends its report file for {period}, revision {n}: {name} (attached).</translation>
    </message>
    <message>
        <source>Tệp này thay thế lần gửi {m}.</source>
        <translation>This file replaces revision {m}.</translation>
    </message>
    <message>
        <source>Mã SHA-256 của tệp: {sha}</source>
        <translation>SHA-256 of the file: {sha}</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa ký số của xã: {fingerprint}</source>
        <translation>Fingerprint of the commune&apos;s signing key: {fingerprint}</translation>
    </message>
    <message>
        <source>Chọn thư mục lưu tệp đăng ký khóa</source>
        <translation>Choose the folder for the key registration file</translation>
    </message>
    <message>
        <source>Chưa lưu được tệp đăng ký khóa</source>
        <translation>The key registration file was not saved</translation>
    </message>
    <message>
        <source>Đã lưu tệp đăng ký khóa {name}.</source>
        <translation>Saved the key registration file {name}.</translation>
    </message>
</context>
<context>
    <name>ProvinceForm</name>
    <message>
        <source>&amp;Tỉnh, thành phố *</source>
        <translation>&amp;Province *</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Cơ quan &amp;lập báo cáo</source>
        <translation>&amp;Issuing agency</translation>
    </message>
    <message>
        <source>Cơ quan &amp;chủ quản</source>
        <translation>&amp;Parent agency</translation>
    </message>
    <message>
        <source>Chức vụ người &amp;ký</source>
        <translation>Signer&apos;s &amp;title</translation>
    </message>
    <message>
        <source>&amp;Họ tên người ký</source>
        <translation>Signer&apos;s &amp;name</translation>
    </message>
    <message>
        <source>Gõ tên tỉnh, không cần dấu (ví dụ: nghe an)…</source>
        <translation>Type the province name, accents optional (e.g. nghe an)…</translation>
    </message>
    <message>
        <source>Để trống: UBND + tên tỉnh (ví dụ UBND TỈNH NGHỆ AN)</source>
        <translation>Empty: UBND + province name (e.g. UBND TỈNH NGHỆ AN)</translation>
    </message>
    <message>
        <source>Họ và tên, ví dụ Nguyễn Văn Bình</source>
        <translation>Full name, e.g. Nguyễn Văn Bình</translation>
    </message>
    <message>
        <source>In ở góc trên bên trái của báo cáo tổng hợp, dưới cơ quan chủ quản.</source>
        <translation>Printed top left on consolidated reports, below the parent agency.</translation>
    </message>
    <message>
        <source>Chưa chọn tỉnh, thành phố: gõ vài chữ của tên (không cần dấu) rồi chọn.</source>
        <translation>No province chosen: type a few letters of its name (accents optional), then pick it.</translation>
    </message>
    <message>
        <source>Không tìm thấy tỉnh, thành phố «{text}» trong danh mục.</source>
        <translation>No province «{text}» in the official list.</translation>
    </message>
    <message>
        <source>«{text}» khớp {n} tỉnh, thành phố: hãy chọn đúng một trong danh sách.</source>
        <translation>«{text}» matches {n} provinces: pick one from the list.</translation>
    </message>
</context>
<context>
    <name>ProvinceProfilePage</name>
    <message>
        <source>Khai báo tỉnh</source>
        <translation>Declare the province</translation>
    </message>
    <message>
        <source>Tên tỉnh lấy theo danh mục đơn vị hành chính năm 2025. Các thông tin khác sửa được ở Cài đặt.</source>
        <translation>The province comes from the 2025 list of administrative units. Everything else can be changed in Settings.</translation>
    </message>
    <message>
        <source>Thêm tất cả xã, phường của tỉnh theo &amp;danh mục chính thức</source>
        <translation>Add every commune and ward of the province from the official &amp;list</translation>
    </message>
    <message>
        <source>{n} xã, phường sẽ được thêm vào Danh sách xã; bỏ chọn để tự thêm hoặc nhập từ tệp sau.</source>
        <translation>{n} communes and wards will be added to the registry; untick to add them yourself or import a file later.</translation>
    </message>
    <message>
        <source>Danh sách xã dùng để biết xã nào đã nộp, xã nào chưa nộp báo cáo.</source>
        <translation>The commune registry tells which communes have reported and which have not.</translation>
    </message>
    <message>
        <source>Lưu và tiếp tục &gt;</source>
        <translation>Save and continue &gt;</translation>
    </message>
</context>
<context>
    <name>ProvinceProposalsPage</name>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Ngày nêu</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>Số ngày
chờ</source>
        <translation>Days
waiting</translation>
    </message>
    <message>
        <source>Tỉnh trả lời</source>
        <translation>Province answer</translation>
    </message>
    <message>
        <source>Gửi xã</source>
        <translation>To commune</translation>
    </message>
    <message>
        <source>Trạng thái
xã báo</source>
        <translation>Commune
status</translation>
    </message>
    <message>
        <source>Cơ quan giải quyết</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Chưa gửi xã</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Tất cả cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Chưa ghi cơ quan</source>
        <translation>No body named</translation>
    </message>
    <message>
        <source>{body} ({n} đang chờ)</source>
        <translation>{body} ({n} waiting)</translation>
    </message>
    <message>
        <source>Tất cả các xã</source>
        <translation>All communes</translation>
    </message>
    <message>
        <source>{n} kiến nghị</source>
        <translation>{n} proposals</translation>
    </message>
    <message>
        <source>Hãy chọn trong danh sách kiến nghị cần trả lời.</source>
        <translation>Choose the proposal to answer in the list.</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not saved: please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Đã lưu trả lời cho {commune}; nhớ xuất tệp phản hồi để gửi xã.</source>
        <translation>Answer saved for {commune}; remember to export the response file for the commune.</translation>
    </message>
    <message>
        <source>Mọi xã có trả lời chưa gửi ({n} xã)…</source>
        <translation>Every commune with answers to send ({n})…</translation>
    </message>
    <message>
        <source>Mọi xã có trả lời chưa gửi (không có)</source>
        <translation>Every commune with answers to send (none)</translation>
    </message>
    <message>
        <source>Chỉ xã của kiến nghị đang chọn…</source>
        <translation>Only the selected proposal&apos;s commune…</translation>
    </message>
    <message>
        <source>Chỉ {commune}…</source>
        <translation>Only {commune}…</translation>
    </message>
    <message>
        <source>Chọn thư mục (thẻ nhớ USB) để lưu tệp phản hồi</source>
        <translation>Choose the folder (USB stick) for the response files</translation>
    </message>
    <message>
        <source>Hãy chọn một kiến nghị của xã cần gửi trả lời.</source>
        <translation>Choose a proposal of the commune to send answers to.</translation>
    </message>
    <message>
        <source>Đang ghi tệp phản hồi cho các xã…</source>
        <translation>Writing the response files…</translation>
    </message>
    <message>
        <source>Đã ghi {n} tệp phản hồi vào {folder}.</source>
        <translation>Wrote {n} response files to {folder}.</translation>
    </message>
    <message>
        <source>Kiến nghị của xã</source>
        <translation>Commune proposals</translation>
    </message>
    <message>
        <source>Xuất tệp phản hồi cho xã…</source>
        <translation>Export response files…</translation>
    </message>
    <message>
        <source>Ghi các trả lời chưa gửi thành tệp phản hồi (mỗi xã một tệp) để mang về xã</source>
        <translation>Write the answers not yet sent into response files (one per commune) to take to the communes</translation>
    </message>
    <message>
        <source>Tìm (không cần dấu)… Ctrl+F</source>
        <translation>Search (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <source>Chỉ kiến nghị đang chờ</source>
        <translation>Waiting proposals only</translation>
    </message>
    <message>
        <source>Lọc theo cơ quan giải quyết</source>
        <translation>Filter by responsible body</translation>
    </message>
    <message>
        <source>Lọc theo xã</source>
        <translation>Filter by commune</translation>
    </message>
</context>
<context>
    <name>ProvinceRulesForm</name>
    <message>
        <source>Quy tắc nộp báo cáo (lưu trong cơ sở dữ liệu)</source>
        <translation>Reporting rules (stored in the database)</translation>
    </message>
    <message>
        <source>&amp;Hạn nộp báo cáo</source>
        <translation>Report &amp;deadline</translation>
    </message>
    <message>
        <source>Ngày &amp;chốt số liệu hằng tháng</source>
        <translation>Monthly &amp;cut-off day</translation>
    </message>
    <message>
        <source>&amp;Kỳ báo cáo</source>
        <translation>Reporting &amp;periods</translation>
    </message>
    <message>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Số ngày làm việc sau ngày cuối kỳ mà xã còn được nộp.</source>
        <translation>Working days after the end of the period within which a commune may report.</translation>
    </message>
    <message>
        <source>ngày </source>
        <translation>day </translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu (chính thức)</source>
        <translation>By data cut-off day (official)</translation>
    </message>
    <message>
        <source>Theo tháng dương lịch (từ ngày 1)</source>
        <translation>By calendar month (from day 1)</translation>
    </message>
    <message>
        <source>Báo cáo của xã là đúng hạn khi tệp được lập chậm nhất vào ngày hạn. Ngày chốt và kỳ báo cáo phải giống cài đặt ở các xã để kỳ báo cáo của xã và của tỉnh khớp nhau.</source>
        <translation>A commune&apos;s report is on time when its file is made by the deadline. The cut-off day and periods must match the communes&apos; settings so that their periods and the province&apos;s agree.</translation>
    </message>
    <message>
        <source>Lưu quy tắc (Enter)</source>
        <translation>Save rules (Enter)</translation>
    </message>
    <message>
        <source>Hoàn lại (Esc)</source>
        <translation>Revert (Esc)</translation>
    </message>
</context>
<context>
    <name>ProvinceSettingsPage</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Thông tin tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Quy tắc nộp báo cáo</source>
        <translation>Reporting rules</translation>
    </message>
    <message>
        <source>Khóa ký số</source>
        <translation>Signing keys</translation>
    </message>
    <message>
        <source>Giao diện</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Cơ quan tổng hợp và người ký báo cáo</source>
        <translation>Consolidating agency and signer</translation>
    </message>
    <message>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Hoàn lại (Esc)</source>
        <translation>Revert (Esc)</translation>
    </message>
    <message>
        <source>Khóa ký số của máy này</source>
        <translation>This installation&apos;s signing key</translation>
    </message>
    <message>
        <source>Sao chép dấu vân tay</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <source>Tệp trả lời gửi về xã được ký bằng khóa này. Lần đầu nhập tệp của tỉnh, phần mềm ở xã hiện dấu vân tay của khóa: hãy đọc dãy chữ số trên qua điện thoại để cán bộ xã đối chiếu.</source>
        <translation>Response files sent to communes are signed with this key. The first time a commune imports a province file, its software shows the key&apos;s fingerprint: read the characters above over the phone so the commune can compare.</translation>
    </message>
    <message>
        <source>Khóa của các xã đã tin cậy</source>
        <translation>Trusted commune keys</translation>
    </message>
    <message>
        <source>Khóa của mỗi xã được tin cậy từ tệp báo cáo đầu tiên (hoặc tệp đăng ký) của xã. Tệp ký bằng khóa khác bị từ chối cho đến khi anh/chị đối chiếu và chấp nhận khóa mới.</source>
        <translation>Each commune&apos;s key is trusted from its first report file (or its registration file). Files signed with another key are refused until you check and accept the new key.</translation>
    </message>
    <message>
        <source>Bỏ tin cậy khóa đang chọn…</source>
        <translation>Stop trusting the selected key…</translation>
    </message>
    <message>
        <source>Giao diện (chỉ trên máy này)</source>
        <translation>Interface (this computer only)</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Đã chuyển sang tiếng Anh, nhưng máy này chưa có tệp bản dịch giao diện ({path}).</source>
        <translation>Switched to English, but the interface translation file ({path}) is missing on this computer.</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ có hiệu lực ngay, không cần khởi động lại.</source>
        <translation>Language changes take effect at once, without restarting.</translation>
    </message>
    <message>
        <source>&amp;Cỡ chữ</source>
        <translation>&amp;Font size</translation>
    </message>
    <message>
        <source>Toàn bộ dữ liệu của tỉnh (danh sách xã, tệp báo cáo đã nhận, trả lời kiến nghị) nằm trong tệp {path}. Để sao lưu: đóng phần mềm rồi chép tệp này sang USB hoặc ổ đĩa khác.</source>
        <translation>All the province&apos;s data (communes, report files received, answers) is in {path}. To back up: close the program and copy this file to a USB stick or another drive.</translation>
    </message>
    <message>
        <source>Với quy tắc đang lưu: báo cáo {period} {range} phải nộp chậm nhất ngày {due}.</source>
        <translation>With the stored rules: the report for {period} {range} is due by {due}.</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not saved: please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Đã lưu thông tin của tỉnh.</source>
        <translation>Province details saved.</translation>
    </message>
    <message>
        <source>Đã lưu quy tắc nộp báo cáo.</source>
        <translation>Reporting rules saved.</translation>
    </message>
    <message>
        <source>Tệp báo cáo đầu tiên</source>
        <translation>First report file</translation>
    </message>
    <message>
        <source>Tệp đăng ký của xã</source>
        <translation>Registration file</translation>
    </message>
    <message>
        <source>Chấp nhận sau khi đối chiếu</source>
        <translation>Accepted after checking</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Tin cậy từ</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Chưa chọn khóa của xã nào.</source>
        <translation>No commune key selected.</translation>
    </message>
    <message>
        <source>Bỏ tin cậy khóa</source>
        <translation>Stop trusting the key</translation>
    </message>
    <message>
        <source>Bỏ tin cậy khóa {fingerprint} của {commune}?</source>
        <translation>Stop trusting key {fingerprint} of {commune}?</translation>
    </message>
    <message>
        <source>Tệp báo cáo tiếp theo của xã sẽ được tin cậy theo khóa ký trong chính tệp đó (tin cậy lần đầu). Chỉ làm khi xã đã cài lại máy hoặc mất khóa, và hãy gọi điện đối chiếu dấu vân tay khi nhận tệp.</source>
        <translation>The commune&apos;s next report file will be trusted by the key it is signed with (trust on first use). Only do this when the commune reinstalled its PC or lost its key, and phone to compare the fingerprint when the file arrives.</translation>
    </message>
    <message>
        <source>Bỏ tin cậy</source>
        <translation>Stop trusting</translation>
    </message>
    <message>
        <source>Giữ nguyên</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Đã bỏ tin cậy khóa của {commune}.</source>
        <translation>No longer trusting the key of {commune}.</translation>
    </message>
    <message>
        <source>Đã sao chép dấu vân tay khóa của tỉnh.</source>
        <translation>The province key&apos;s fingerprint was copied.</translation>
    </message>
    <message>
        <source>Cỡ chữ: {size} pt.</source>
        <translation>Font size: {size} pt.</translation>
    </message>
</context>
<context>
    <name>ProvinceStartPage</name>
    <message>
        <source>Cơ sở dữ liệu của tỉnh</source>
        <translation>Province database</translation>
    </message>
    <message>
        <source>Ở chế độ tỉnh, phần mềm nhận tệp báo cáo các xã gửi lên, theo dõi xã nào đã nộp, in báo cáo tổng hợp và gửi trả lời kiến nghị về xã.</source>
        <translation>In province mode the program receives the communes&apos; report files, tracks who has reported, prints consolidated reports and sends answers to proposals back to communes.</translation>
    </message>
    <message>
        <source>&amp;Khai báo tỉnh của tôi</source>
        <translation>&amp;Declare my province</translation>
    </message>
    <message>
        <source>Chọn tỉnh, cơ quan lập báo cáo và người ký. Có thể thêm ngay mọi xã, phường của tỉnh theo danh mục đơn vị hành chính năm 2025; sửa được sau ở Danh sách xã và Cài đặt.</source>
        <translation>Choose the province, the issuing agency and the signer. Every commune and ward of the province in the 2025 list can be added at once; change them later in Communes and Settings.</translation>
    </message>
    <message>
        <source>Dùng &amp;dữ liệu mẫu của tỉnh để làm quen</source>
        <translation>Try the province &amp;demo data</translation>
    </message>
    <message>
        <source>Tỉnh Nghệ An với 3 xã mẫu (Lượng Minh, Con Cuông, Chiêu Lưu) đã gửi báo cáo các tháng 7 đến 10/2025. Số liệu là giả lập; khi dùng thật, hãy tạo một tệp dữ liệu mới.</source>
        <translation>Nghệ An with 3 demo communes (Lượng Minh, Con Cuông, Chiêu Lưu) that reported for July to October 2025. The figures are simulated; for real use, create a new database.</translation>
    </message>
</context>
<context>
    <name>QuotasPage</name>
    <message>
        <source>Chỉ tiêu biên chế</source>
        <translation>Staffing quotas</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Biên chế được giao</source>
        <translation>Posts assigned</translation>
    </message>
    <message>
        <source>Số, ký hiệu quyết định giao</source>
        <translation>Assignment decision no.</translation>
    </message>
    <message>
        <source>Đang công tác</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy thay đổi (Esc)</source>
        <translation>Discard changes (Esc)</translation>
    </message>
    <message>
        <source>“—” là loại chưa được giao biên chế. Số đang công tác tính đến ngày {date}, theo danh sách nhân sự.</source>
        <translation>“—” means no posts assigned for that category. In post as of {date}, from the staff list.</translation>
    </message>
    <message>
        <source>Vượt {n}</source>
        <translation>Over by {n}</translation>
    </message>
    <message>
        <source>Biên chế cán bộ, công chức: được giao {quota}, đang công tác {in_post}, còn thiếu {gap}.</source>
        <translation>Official posts: {quota} assigned, {in_post} in post, {gap} short.</translation>
    </message>
    <message>
        <source>Biên chế cán bộ, công chức: được giao {quota}, đang công tác {in_post}, vượt {gap}.</source>
        <translation>Official posts: {quota} assigned, {in_post} in post, {gap} over.</translation>
    </message>
    <message>
        <source>Năm này chưa nhập biên chế cán bộ, công chức được giao.</source>
        <translation>No official posts entered for this year yet.</translation>
    </message>
    <message>
        <source>Đã lưu chỉ tiêu biên chế năm {year}.</source>
        <translation>Staffing quotas for {year} saved.</translation>
    </message>
    <message>
        <source>Chưa lưu</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Lưu chỉ tiêu biên chế năm {year} vừa sửa?</source>
        <translation>Save the changes to the {year} staffing quotas?</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Không lưu</source>
        <translation>Don&apos;t save</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Lưu (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>Lịch sử thay đổi</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Lịch sử: {kind} {name}</source>
        <translation>History: {kind} {name}</translation>
    </message>
    <message>
        <source>{n} lần thay đổi, cũ nhất ở trên.</source>
        <translation>{n} changes, oldest first.</translation>
    </message>
    <message>
        <source>Chưa có thay đổi nào được ghi cho bản ghi này (bản ghi có từ trước khi có nhật ký).</source>
        <translation>No change is logged for this record (it dates from before the log existed).</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecoveryCode</name>
    <message>
        <source>Đơn vị: {owner}</source>
        <translation>Office: {owner}</translation>
    </message>
    <message>
        <source>Tài khoản quản trị: {admin}</source>
        <translation>Administrator account: {admin}</translation>
    </message>
    <message>
        <source>Lập lúc: {made}</source>
        <translation>Made at: {made}</translation>
    </message>
    <message>
        <source>Khi quên mật khẩu quản trị: ở màn hình đăng nhập bấm «Quên mật khẩu?», nhập tên tài khoản quản trị, mã này và mật khẩu mới.</source>
        <translation>If the administrator password is forgotten: on the login screen press «Forgot password?», enter the administrator&apos;s username, this code and a new password.</translation>
    </message>
    <message>
        <source>Mỗi mã chỉ dùng được một lần. Sau khi dùng (hoặc khi quản trị tạo mã mới), phần mềm cấp mã mới và mã này không còn dùng được: hãy in mã mới và hủy tờ giấy này.</source>
        <translation>Each code works only once. After it is used (or when an administrator makes a new one), the program issues a new code and this one stops working: print the new code and destroy this sheet.</translation>
    </message>
    <message>
        <source>Cất tờ giấy này ở nơi an toàn trong cơ quan (tủ có khóa), không dán cạnh máy tính.</source>
        <translation>Keep this sheet somewhere safe in the office (a locked cabinet), not next to the computer.</translation>
    </message>
    <message>
        <source>Commune Desk – Mã khôi phục tài khoản quản trị</source>
        <translation>Commune Desk – administrator recovery code</translation>
    </message>
    <message>
        <source>Mã khôi phục Commune Desk</source>
        <translation>Commune Desk recovery code</translation>
    </message>
    <message>
        <source>In mã khôi phục</source>
        <translation>Print the recovery code</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeBox</name>
    <message>
        <source>&amp;In mã</source>
        <translation>&amp;Print code</translation>
    </message>
    <message>
        <source>Sao &amp;chép</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Mã này chỉ hiện một lần. Khi quên mật khẩu quản trị, mã này (cùng tên tài khoản quản trị) cho phép đặt mật khẩu mới. Cất tờ giấy ở nơi an toàn trong cơ quan.</source>
        <translation>This code is shown only once. If the administrator password is forgotten, this code (with the administrator&apos;s username) sets a new one. Keep the sheet somewhere safe in the office.</translation>
    </message>
    <message>
        <source>Tôi đã in hoặc chép mã này</source>
        <translation>I have printed or copied this code</translation>
    </message>
    <message>
        <source>Mã khôi phục tài khoản quản trị:</source>
        <translation>Administrator recovery code:</translation>
    </message>
    <message>
        <source>Đã gửi mã ra máy in.</source>
        <translation>The code was sent to the printer.</translation>
    </message>
    <message>
        <source>Đã chép mã vào bộ nhớ tạm: hãy dán vào nơi an toàn rồi xóa khỏi máy.</source>
        <translation>Code copied to the clipboard: paste it somewhere safe, then remove it from this computer.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Mã khôi phục mới</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Hãy in hoặc chép mã, đánh dấu ô bên trên rồi bấm «Xong».</source>
        <translation>Print or copy the code, tick the box above, then press «Done».</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <source>In mã khôi phục</source>
        <translation>Print the recovery code</translation>
    </message>
    <message>
        <source>Nếu quên mật khẩu quản trị, chỉ mã này mở lại được tài khoản. Hãy in và cất ở nơi an toàn.</source>
        <translation>If the administrator password is forgotten, only this code opens the account again. Print it and keep it somewhere safe.</translation>
    </message>
    <message>
        <source>&amp;In mã khôi phục</source>
        <translation>&amp;Print recovery code</translation>
    </message>
    <message>
        <source>Bấm «Hoàn tất» để bắt đầu. Lần sau mở phần mềm, đăng nhập bằng tài khoản {user} và mật khẩu vừa đặt.</source>
        <translation>Press «Finish» to start. Next time, log in as {user} with the password you just set.</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Quên mật khẩu quản trị</source>
        <translation>Forgotten administrator password</translation>
    </message>
    <message>
        <source>Dùng mã khôi phục đã in khi cài đặt (hoặc lần khôi phục trước) để đặt mật khẩu mới cho tài khoản quản trị. Cán bộ và lãnh đạo quên mật khẩu: nhờ quản trị đặt lại ở Cài đặt › Tài khoản.</source>
        <translation>Use the recovery code printed at set-up (or at the last recovery) to set a new password for the administrator account. Clerks and officers who forgot their password: ask an administrator to reset it in Settings › Accounts.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu quản trị</source>
        <translation>Reset the administrator password</translation>
    </message>
    <message>
        <source>Tài khoản &amp;quản trị</source>
        <translation>&amp;Administrator account</translation>
    </message>
    <message>
        <source>&amp;Mã khôi phục</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;mới</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Nhập lại mật khẩu mới</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Đặt mật khẩu mới</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <source>Xong, quay lại đăng nhập</source>
        <translation>Done, back to login</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hãy nhập tên tài khoản quản trị.</source>
        <translation>Enter the administrator&apos;s username.</translation>
    </message>
    <message>
        <source>Hãy nhập mã khôi phục in trên giấy.</source>
        <translation>Enter the recovery code printed on paper.</translation>
    </message>
    <message>
        <source>Đang kiểm tra mã khôi phục…</source>
        <translation>Checking the recovery code…</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới cho {user}. Mã khôi phục cũ KHÔNG còn dùng được nữa: hãy hủy tờ giấy cũ và in mã mới dưới đây.</source>
        <translation>A new password was set for {user}. The old recovery code NO longer works: destroy the old sheet and print the new code below.</translation>
    </message>
    <message>
        <source>Mã khôi phục MỚI (thay cho mã vừa dùng):</source>
        <translation>NEW recovery code (replaces the one just used):</translation>
    </message>
    <message>
        <source>Hãy in hoặc chép mã mới, đánh dấu ô xác nhận rồi bấm «Xong».</source>
        <translation>Print or copy the new code, tick the confirmation box, then press «Done».</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Thêm mới (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>Xóa (Delete)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <source>Nhập từ tệp…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <source>Tải tệp mẫu…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>Sửa: {name}</source>
        <translation>Edit: {name}</translation>
    </message>
    <message>
        <source>Tìm (không cần dấu)… Ctrl+F</source>
        <extracomment>The audit log&apos;s table for each screen&apos;s kind of record (the &quot;Lịch sử…&quot; button).</extracomment>
        <translation>Search (accents optional)… Ctrl+F</translation>
    </message>
    <message>
        <source>Lịch sử…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Ai đã thêm, sửa bản ghi đang chọn, lúc nào, giá trị cũ và mới.</source>
        <translation>Who added or changed the selected record, when, old and new values.</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not saved: please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Chưa lưu: xem thông báo màu đỏ dưới biểu mẫu.</source>
        <translation>Not saved: see the red message under the form.</translation>
    </message>
    <message>
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <source>Chưa chọn bản ghi để xóa.</source>
        <translation>No record selected to delete.</translation>
    </message>
    <message>
        <source>Xác nhận xóa</source>
        <translation>Confirm delete</translation>
    </message>
    <message>
        <source>Xóa {name}?</source>
        <translation>Delete {name}?</translation>
    </message>
    <message>
        <source>Có thể hoàn tác ngay sau khi xóa bằng Ctrl+Z.</source>
        <translation>You can undo right after deleting with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Không xóa</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <source>Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.</source>
        <translation>Deleted {name}. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>Không có thao tác xóa nào để hoàn tác.</source>
        <translation>There is no delete to undo.</translation>
    </message>
    <message>
        <source>Đã khôi phục {name}.</source>
        <translation>Restored {name}.</translation>
    </message>
    <message>
        <source>Chưa chọn bản ghi để xem lịch sử.</source>
        <translation>No record selected to show its history.</translation>
    </message>
</context>
<context>
    <name>RegistryImport</name>
    <message>
        <source>Đang kiểm tra tệp {name}…</source>
        <translation>Checking file {name}…</translation>
    </message>
    <message>
        <source>Đang nhập {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>Đã nhập danh sách xã: {created} thêm mới, {updated} cập nhật, {unchanged} giữ nguyên.</source>
        <translation>Commune registry imported: {created} new, {updated} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>Không nhập được tệp</source>
        <translation>Could not import the file</translation>
    </message>
    <message>
        <source>Chọn tệp danh sách xã để nhập</source>
        <translation>Choose the commune list file to import</translation>
    </message>
    <message>
        <source>Bảng tính Excel hoặc CSV (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;Mọi tệp (*)</source>
        <translation>Excel or CSV spreadsheet (*.xlsx *.csv);;Excel (*.xlsx);;CSV UTF-8 (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Mẫu danh sách xã{province}.csv</source>
        <translation>Commune list template{province}.csv</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu danh sách xã</source>
        <translation>Save the commune list template</translation>
    </message>
    <message>
        <source>CSV UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>RegistryPreviewDialog</name>
    <message>
        <source>Danh sách xã</source>
        <translation>Commune registry</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Mở khóa kỳ báo cáo</source>
        <translation>Reopen reporting period</translation>
    </message>
    <message>
        <source>Mở khóa {period} {range} để sửa số liệu đã báo cáo. Lý do được ghi vào nhật ký thay đổi; sau khi sửa, cần chốt và gửi lại báo cáo (lần sau).</source>
        <translation>Reopen {period} {range} to correct reported records. The reason is kept in the change log; after the correction, finalize and send the report again (next revision).</translation>
    </message>
    <message>
        <source>&amp;Lý do mở khóa (bắt buộc, ít nhất 10 ký tự):</source>
        <translation>&amp;Reason for reopening (required, at least 10 characters):</translation>
    </message>
    <message>
        <source>Ví dụ: Sửa ngày tiếp nhận hồ sơ nhập nhầm</source>
        <translation>E.g. Correct a dossier&apos;s mistyped receipt date</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportDocumentForm</name>
    <message>
        <source>Kết quả đạt được (thêm vào mục I, sau câu số liệu)</source>
        <extracomment>Where a draft came from, shown above the fields.</extracomment>
        <translation>Results achieved (added to section I, after the figures)</translation>
    </message>
    <message>
        <source>Khó khăn, vướng mắc (mục IV)</source>
        <translation>Difficulties (section IV)</translation>
    </message>
    <message>
        <source>Đề xuất, kiến nghị (mục V, sau số liệu kiến nghị)</source>
        <translation>Proposals (section V, after the proposal figures)</translation>
    </message>
    <message>
        <source>Nhiệm vụ trọng tâm kỳ tới (mục VI)</source>
        <translation>Key tasks for the next period (section VI)</translation>
    </message>
    <message>
        <source>Lưu nội dung (Ctrl+S)</source>
        <translation>Save texts (Ctrl+S)</translation>
    </message>
    <message>
        <source>Bỏ sửa đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Trở lại nội dung đã lưu của kỳ này</source>
        <translation>Go back to the texts saved for this period</translation>
    </message>
    <message>
        <source>Văn bản báo cáo</source>
        <translation>Report document</translation>
    </message>
    <message>
        <source>Mỗi dòng là một đoạn văn. Số liệu các mục I, II, III và V do phần mềm tự tính từ dữ liệu; ở đây chỉ viết phần nhận xét. Ctrl+S để lưu.</source>
        <translation>Each line is a paragraph. The figures of sections I, II, III and V are computed from the data; write only the commentary here. Ctrl+S saves.</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Ví dụ 05/BC-UBND; để trống để điền tay</source>
        <translation>E.g. 05/BC-UBND; blank to fill by hand</translation>
    </message>
    <message>
        <source>Ngày ban hành (để trống để điền tay)</source>
        <translation>Date of issue (blank: fill in by hand)</translation>
    </message>
    <message>
        <source>Trích yếu (dòng dưới chữ BÁO CÁO)</source>
        <translation>Summary line (under the word REPORT)</translation>
    </message>
    <message>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <source>Ví dụ TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH</source>
        <translation>E.g. TM. ỦY BAN NHÂN DÂN or KT. CHỦ TỊCH</translation>
    </message>
    <message>
        <source>Chức vụ người ký *</source>
        <translation>Signer&apos;s title *</translation>
    </message>
    <message>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>Nơi nhận (mỗi nơi một dòng)</source>
        <translation>Recipients (one per line)</translation>
    </message>
    <message>
        <source>Lấy nội dung kỳ trước làm gợi ý ({period}): hãy sửa cho kỳ này rồi lưu. Số và ngày văn bản để trống.</source>
        <translation>Previous period&apos;s texts offered as a start ({period}): adapt them to this period, then save. Number and date are left blank.</translation>
    </message>
    <message>
        <source>Nội dung đã lưu của kỳ này.</source>
        <translation>Texts saved for this period.</translation>
    </message>
    <message>
        <source>Kỳ này chưa có nội dung: hãy viết các phần dưới đây rồi lưu.</source>
        <translation>No texts for this period yet: write the sections below, then save.</translation>
    </message>
    <message>
        <source>Bỏ những gì đã sửa và trở lại nội dung trước đó?</source>
        <translation>Discard your changes and go back to the previous texts?</translation>
    </message>
</context>
<context>
    <name>ReportOutput</name>
    <message>
        <source>Đang dựng bản xem trước…</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <source>Báo cáo {period}</source>
        <translation>Report {period}</translation>
    </message>
    <message>
        <source>In báo cáo</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Đang in báo cáo…</source>
        <translation>Printing the report…</translation>
    </message>
    <message>
        <source>Lưu báo cáo ra Excel</source>
        <translation>Save report as Excel</translation>
    </message>
    <message>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lưu báo cáo ra PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Đang ghi {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Cập nhật bản xem trước</source>
        <translation>Update preview</translation>
    </message>
    <message>
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Nội dung hoặc kỳ báo cáo đã thay đổi sau lần xem trước: bấm «Cập nhật bản xem trước».</source>
        <translation>The texts or the period changed since this preview: click “Update preview”.</translation>
    </message>
    <message>
        <source>Bấm «Xem trước» để dựng bản PDF của báo cáo và xem ở đây.</source>
        <translation>Click “Preview” to build the report&apos;s PDF and see it here.</translation>
    </message>
    <message>
        <source>/ {n}</source>
        <translation>/ {n}</translation>
    </message>
</context>
<context>
    <name>ReportWorkspace</name>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>In… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Lưu Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>&amp;Gửi qua:</source>
        <translation>&amp;Sent by:</translation>
    </message>
    <message>
        <source>Mỗi tệp lưu ra được ghi vào sổ «Báo cáo đã gửi» với hình thức gửi chọn ở đây (mặc định USB) và mã SHA-256 của tệp.</source>
        <translation>Each file saved is recorded in the “Reports sent” register with the channel chosen here (USB by default) and the file&apos;s SHA-256.</translation>
    </message>
    <message>
        <source>In trên giấy A4; nội dung văn bản được lưu trước khi in.</source>
        <translation>Prints on A4; the texts are saved before printing.</translation>
    </message>
    <message>
        <source>Xuất file gửi tỉnh…</source>
        <translation>Province file…</translation>
    </message>
    <message>
        <source>Tệp .cdesk có chữ ký số của xã (số liệu, báo cáo Excel và PDF) để gửi tỉnh qua USB hoặc thư điện tử; nội dung văn bản được lưu trước.</source>
        <translation>The .cdesk file signed by the commune (figures, Excel and PDF reports) for the province, by USB stick or email; the report&apos;s texts are stored first.</translation>
    </message>
    <message>
        <source>Nội dung văn bản {period} có lỗi nên chưa lưu; vẫn được giữ lại, quay lại kỳ đó để sửa.</source>
        <translation>The texts of {period} have a problem and were not saved; they are kept: go back to that period to fix them.</translation>
    </message>
    <message>
        <source>Đã tự lưu nội dung văn bản {period}.</source>
        <translation>Texts of {period} saved automatically.</translation>
    </message>
    <message>
        <source>Đã lưu nội dung văn bản {period}.</source>
        <translation>Texts of {period} saved.</translation>
    </message>
    <message>
        <source>Hãy chọn một kỳ báo cáo hợp lệ trước.</source>
        <translation>Choose a valid reporting period first.</translation>
    </message>
    <message>
        <source>Bản xem trước có {n} trang.</source>
        <translation>The preview has {n} pages.</translation>
    </message>
    <message>
        <source>Đã gửi {n} trang tới máy in.</source>
        <translation>{n} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <source>Xóa khỏi sổ</source>
        <translation>Remove from register</translation>
    </message>
    <message>
        <source>Xóa dòng này khỏi sổ báo cáo đã gửi? Tệp đã lưu không bị xóa.</source>
        <translation>Remove this row from the register of reports sent? The saved file is not deleted.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>6 tháng</source>
        <translation>6 months</translation>
    </message>
    <message>
        <source>9 tháng</source>
        <translation>9 months</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tùy chọn (từ ngày… đến ngày…)</source>
        <translation>Custom (from… to…)</translation>
    </message>
    <message>
        <source>Tháng {n}</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>Quý {n}</source>
        <translation>Quarter {n}</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>6 tháng cuối năm</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>1. Kết quả giải quyết TTHC</source>
        <translation>1. Administrative procedure results</translation>
    </message>
    <message>
        <source>2. Nhân sự</source>
        <translation>2. Staff</translation>
    </message>
    <message>
        <source>3. Trang thiết bị</source>
        <translation>3. Equipment</translation>
    </message>
    <message>
        <source>4. Khó khăn, kiến nghị</source>
        <translation>4. Difficulties and proposals</translation>
    </message>
    <message>
        <source>Văn bản báo cáo và xem trước</source>
        <translation>Report document and preview</translation>
    </message>
    <message>
        <source>Báo cáo đã gửi</source>
        <translation>Reports sent</translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu (từ ngày {day} tháng trước)</source>
        <translation>By data cut-off day (from day {day} of the previous month)</translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu (ngày 1: trùng tháng dương lịch)</source>
        <translation>By data cut-off day (day 1: same as the calendar month)</translation>
    </message>
    <message>
        <source>Bỏ chọn để xem theo tháng dương lịch. Mặc định lấy từ Cài đặt › Quy tắc nghiệp vụ.</source>
        <translation>Untick to use calendar months. The default comes from Settings › Business rules.</translation>
    </message>
</context>
<context>
    <name>ReportsSentTable</name>
    <message>
        <source>Ngày gửi</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Hình thức gửi</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Mã SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Mỗi lần lưu báo cáo ra Excel, PDF hoặc xuất file gửi tỉnh, phần mềm ghi một dòng vào sổ này: ngày lưu, hình thức gửi, tên tệp (tệp gửi tỉnh ghi cả lần gửi: _v1, _v2…) và mã SHA-256 của tệp (để đối chiếu với bản tỉnh nhận được).</source>
        <translation>Each time the report is saved as Excel or PDF, or the province file is exported, a row is added here: the date, how it was sent, the file name (province files carry their revision: _v1, _v2…) and the file&apos;s SHA-256 (to compare with the copy the province received).</translation>
    </message>
    <message>
        <source>Xóa dòng đã chọn</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>Chỉ xóa dòng trong sổ, không xóa tệp đã lưu.</source>
        <translation>Removes the register row only, not the saved file.</translation>
    </message>
    <message>
        <source>{n} báo cáo trong sổ</source>
        <translation>{n} reports in the register</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu cho {user} ({name})</source>
        <translation>Reset the password of {user} ({name})</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu tạm *</source>
        <translation>&amp;Temporary password *</translation>
    </message>
    <message>
        <source>Báo mật khẩu tạm này cho người dùng. Lần đăng nhập tới, họ phải đặt mật khẩu riêng. Nếu tài khoản đang tạm khóa vì nhập sai nhiều lần, khóa được gỡ ngay.</source>
        <translation>Tell the user this temporary password. At the next login they must set their own. If the account is locked after repeated wrong passwords, the lock is lifted now.</translation>
    </message>
    <message>
        <source>Đặt lại (Enter)</source>
        <translation>Reset (Enter)</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Nhận phản hồi của tỉnh</source>
        <extracomment>The folder of the last response file opened (often the USB stick brought back from the province).</extracomment>
        <translation>Province response</translation>
    </message>
    <message>
        <source>Phản hồi của tỉnh về các kiến nghị của xã</source>
        <translation>The province&apos;s answers to the commune&apos;s proposals</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Nơi gửi:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>{province}, tệp phản hồi số {n}</source>
        <translation>{province}, response file no. {n}</translation>
    </message>
    <message>
        <source>Lần đầu nhận tệp của tỉnh: khóa {fingerprint} sẽ được tin cậy từ nay. Nếu nghi ngờ, hãy gọi điện cho tỉnh để đối chiếu dãy ký tự này trước khi cập nhật.</source>
        <translation>First file from the province: key {fingerprint} will be trusted from now on. If in doubt, call the province to compare these characters before updating.</translation>
    </message>
    <message>
        <source>Chữ ký số hợp lệ, đúng khóa của tỉnh đã tin cậy ({fingerprint}).</source>
        <translation>Valid signature with the province&apos;s trusted key ({fingerprint}).</translation>
    </message>
    <message>
        <source>{n} trả lời</source>
        <translation>{n} answers</translation>
    </message>
    <message>
        <source>{n} kiến nghị đổi trạng thái</source>
        <translation>{n} proposals change status</translation>
    </message>
    <message>
        <source>{n} giữ trạng thái, cập nhật nội dung trả lời</source>
        <translation>{n} keep their status, answer text updated</translation>
    </message>
    <message>
        <source>{n} không tìm thấy (bỏ qua)</source>
        <translation>{n} not found (skipped)</translation>
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Trạng thái: hiện tại → theo tỉnh</source>
        <translation>Status: now → per province</translation>
    </message>
    <message>
        <source>Nội dung trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Ngày trả lời</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Ghi trạng thái và nội dung trả lời của tỉnh vào các kiến nghị trong danh sách.</source>
        <translation>Store the province&apos;s status and answer in the proposals of the register.</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>không tìm thấy kiến nghị này</source>
        <translation>proposal not found</translation>
    </message>
    <message>
        <source>{status} (không đổi)</source>
        <translation>{status} (unchanged)</translation>
    </message>
    <message>
        <source>Không tìm thấy kiến nghị này trong danh sách của xã: bỏ qua.</source>
        <translation>This proposal is not in the commune&apos;s register: skipped.</translation>
    </message>
    <message>
        <source>Chưa cập nhật được theo phản hồi của tỉnh</source>
        <translation>The province&apos;s response was not applied</translation>
    </message>
</context>
<context>
    <name>ResponseImport</name>
    <message>
        <source>Chọn tệp phản hồi của tỉnh</source>
        <translation>Choose the province&apos;s response file</translation>
    </message>
    <message>
        <source>Tệp trao đổi Commune Desk (*.cdesk);;Mọi tệp (*)</source>
        <translation>Commune Desk exchange file (*.cdesk);;All files (*)</translation>
    </message>
    <message>
        <source>Cảnh báo: khóa ký số của tỉnh đã thay đổi</source>
        <translation>Warning: the province&apos;s signing key has changed</translation>
    </message>
    <message>
        <source>Tệp phản hồi không phải của xã này</source>
        <translation>The response file is not for this commune</translation>
    </message>
    <message>
        <source>Không nhận được tệp phản hồi</source>
        <translation>The response file was not accepted</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Bản sao lưu đạt kiểm tra toàn vẹn và dùng được.</source>
        <translation>The backup passed the integrity check and can be used.</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Dữ liệu của:</source>
        <translation>Data of:</translation>
    </message>
    <message>
        <source>Lập lúc:</source>
        <translation>Made:</translation>
    </message>
    <message>
        <source>Thay đổi mới nhất trong bản sao:</source>
        <translation>Newest change in the backup:</translation>
    </message>
    <message>
        <source>Phiên bản dữ liệu:</source>
        <translation>Data version:</translation>
    </message>
    <message>
        <source>Tôi hiểu, vẫn thay bằng dữ liệu của {other}</source>
        <translation>I understand: replace it with the data of {other}</translation>
    </message>
    <message>
        <source>Trước khi khôi phục, cơ sở dữ liệu hiện tại được giữ lại trong thư mục «backups» bên cạnh tệp dữ liệu. Sau khi khôi phục, cửa sổ chương trình sẽ tự mở lại.</source>
        <translation>Before the restore, the current database is kept in the «backups» folder beside the data file. After the restore, the program window reopens by itself.</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Toàn bộ dữ liệu hiện tại trên máy này sẽ được thay bằng dữ liệu trong bản sao lưu.</source>
        <translation>All current data on this PC will be replaced with the data in the backup.</translation>
    </message>
    <message>
        <source>Sẽ mất các thay đổi sau {time}.</source>
        <translation>Changes after {time} will be lost.</translation>
    </message>
    <message>
        <source>Trên máy này có {n} bản ghi đã thêm hoặc sửa sau thời điểm đó.</source>
        <translation>On this PC, {n} records were added or changed after that time.</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Ngày chốt số liệu hằng tháng</source>
        <translation>Monthly data cut-off day</translation>
    </message>
    <message>
        <source>Kỳ báo cáo mặc định</source>
        <translation>Default reporting period</translation>
    </message>
    <message>
        <source>Giờ chốt nhận hồ sơ trong ngày</source>
        <translation>Same-day cut-off time</translation>
    </message>
    <message>
        <source>Giờ hết giờ làm việc</source>
        <translation>End of working hours</translation>
    </message>
    <message>
        <source>Hồ sơ rút hoặc dừng xử lý</source>
        <translation>Withdrawn or stopped dossiers</translation>
    </message>
    <message>
        <source>Chỉ tiêu hồ sơ trực tuyến</source>
        <translation>Online dossier target</translation>
    </message>
    <message>
        <source>Hạn gửi báo cáo (ngày làm việc sau ngày chốt)</source>
        <translation>Report due (working days after cut-off)</translation>
    </message>
    <message>
        <source>Đường dẫn mã QR niêm yết thủ tục</source>
        <translation>QR link for the posting sheet</translation>
    </message>
    <message>
        <source>ngày </source>
        <translation>day </translation>
    </message>
    <message>
        <source>Kỳ tháng tính từ ngày này của tháng trước đến ngày liền trước của tháng báo cáo.</source>
        <translation>A monthly period runs from this day of the previous month to the day before it in the reported month.</translation>
    </message>
    <message>
        <source>Theo ngày chốt số liệu (chính thức)</source>
        <translation>By data cut-off day (official)</translation>
    </message>
    <message>
        <source>Theo tháng dương lịch (từ ngày 1)</source>
        <translation>By calendar month (from day 1)</translation>
    </message>
    <message>
        <source>Tính là giải quyết đúng hạn (như hệ thống của tỉnh)</source>
        <translation>Count as resolved on time (like the province&apos;s system)</translation>
    </message>
    <message>
        <source>Xếp trước hạn / đúng hạn / quá hạn theo ngày kết thúc</source>
        <translation>Rank as early / on time / late by their end date</translation>
    </message>
    <message>
        <source>Ví dụ: chốt ngày 15 thì số liệu tháng 7 tính từ 15/6 đến 14/7. Hồ sơ thủ tục trong ngày nhận sau giờ chốt được hẹn sang ngày làm việc tiếp theo. Khi đổi giờ chốt hoặc giờ hết giờ làm việc, hạn giải quyết của mọi hồ sơ đã lưu được tính lại.</source>
        <translation>Example: with cut-off day 15, July&apos;s figures run from 15/6 to 14/7. Same-day procedures received after the cut-off time are due the next working day. When the cut-off time or the end of working hours changes, the deadlines of all stored dossiers are recomputed.</translation>
    </message>
    <message>
        <source>https://…{code}… (để trống nếu chưa có)</source>
        <translation>https://…{code}… (leave empty if none)</translation>
    </message>
    <message>
        <source>Dùng cho bảng niêm yết thủ tục hành chính: {code} được thay bằng mã thủ tục. Thủ tục đã có đường dẫn riêng trong Danh mục thì dùng đường dẫn riêng. Để trống: in không kèm mã QR.</source>
        <translation>Used by the posting sheet of procedures: {code} is replaced by the procedure code. A procedure with its own link in the catalog uses that link. Empty: printed without a QR code.</translation>
    </message>
    <message>
        <source>Quy tắc nghiệp vụ (lưu trong cơ sở dữ liệu)</source>
        <translation>Business rules (stored in the database)</translation>
    </message>
    <message>
        <source>Lưu quy tắc (Enter)</source>
        <translation>Save rules (Enter)</translation>
    </message>
    <message>
        <source>Hoàn lại (Esc)</source>
        <translation>Revert (Esc)</translation>
    </message>
</context>
<context>
    <name>SavedBar</name>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Ẩn thông báo này</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <source>Đã lưu {name} vào {folder}.</source>
        <translation>Saved {name} in {folder}.</translation>
    </message>
</context>
<context>
    <name>SavedFileBar</name>
    <message>
        <source>Mở thư mục chứa tệp</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>Ẩn thông báo này</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <source>Đã lưu {name} vào {folder}.</source>
        <translation>Saved {name} in {folder}.</translation>
    </message>
    <message>
        <source>Đã ghi vào sổ «Báo cáo đã gửi» (SHA-256 {sha}…).</source>
        <translation>Recorded in the “Reports sent” register (SHA-256 {sha}…).</translation>
    </message>
    <message>
        <source>Chưa ghi vào sổ báo cáo đã gửi: {reason}</source>
        <translation>Not recorded in the register of reports sent: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Thông tin xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Giao diện</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Quy tắc nghiệp vụ</source>
        <translation>Business rules</translation>
    </message>
    <message>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Giao diện (chỉ trên máy này)</source>
        <translation>Interface (this computer only)</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Đã chuyển sang tiếng Anh, nhưng máy này chưa có tệp bản dịch giao diện ({path}): các chữ trên màn hình vẫn hiện tiếng Việt; tên danh mục, kỳ báo cáo và số liệu đã theo tiếng Anh.</source>
        <translation>Switched to English, but this computer has no interface translation file ({path}): on-screen texts stay in Vietnamese; catalogue names, reporting periods and figures are already in English.</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ có hiệu lực ngay, không cần khởi động lại.</source>
        <translation>Language changes take effect at once, without restarting.</translation>
    </message>
    <message>
        <source>&amp;Cỡ chữ</source>
        <translation>&amp;Font size</translation>
    </message>
    <message>
        <source>Cỡ chữ đổi ngay cho mọi màn hình. Chiều cao dòng của các bảng đã mở khớp hẳn với cỡ chữ mới sau khi khởi động lại phần mềm.</source>
        <translation>The font size changes at once on every screen. Row heights of tables already open fully match the new size after restarting the application.</translation>
    </message>
    <message>
        <source>Nơi lưu dữ liệu</source>
        <translation>Where data is stored</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Tệp nhật ký</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Tệp tùy chọn giao diện</source>
        <translation>Interface preferences file</translation>
    </message>
    <message>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Mở thư mục nhật ký</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Toàn bộ số liệu của xã nằm trong tệp cơ sở dữ liệu. Để sao lưu: đóng phần mềm rồi chép tệp này sang USB hoặc ổ đĩa khác. Khi gặp lỗi, gửi kèm tệp nhật ký cho người hỗ trợ.</source>
        <translation>All the commune&apos;s figures are in the database file. To back up: close the application, then copy this file to a USB stick or another drive. When reporting a problem, send the log file to whoever supports you.</translation>
    </message>
    <message>
        <source>Chưa lưu: hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Not saved: please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Đã lưu thông tin {name}.</source>
        <translation>Saved the details of {name}.</translation>
    </message>
    <message>
        <source>Đang tính lại hạn giải quyết của các hồ sơ đã lưu…</source>
        <translation>Recomputing the deadlines of stored dossiers…</translation>
    </message>
    <message>
        <source>Đã lưu quy tắc nghiệp vụ.</source>
        <translation>Business rules saved.</translation>
    </message>
    <message>
        <source>Đã tính lại hạn giải quyết: {n} hồ sơ thay đổi hạn.</source>
        <translation>Deadlines recomputed: {n} dossiers have a new deadline.</translation>
    </message>
    <message>
        <source>Chưa lưu quy tắc nghiệp vụ</source>
        <translation>Business rules not saved</translation>
    </message>
    <message>
        <source>Cỡ chữ: {size} pt.</source>
        <translation>Font size: {size} pt.</translation>
    </message>
    <message>
        <source>Không mở được thư mục</source>
        <translation>Could not open the folder</translation>
    </message>
    <message>
        <source>Không mở được thư mục {path}. Hãy mở bằng trình quản lý tệp.</source>
        <translation>Could not open the folder {path}. Please open it with the file manager.</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <source>&amp;Tỉnh, thành phố</source>
        <translation>&amp;Province, city</translation>
    </message>
    <message>
        <source>&amp;Xã, phường *</source>
        <translation>&amp;Commune, ward *</translation>
    </message>
    <message>
        <source>Người &amp;ký báo cáo</source>
        <translation>Report &amp;signatory</translation>
    </message>
    <message>
        <source>Chức vụ người ký *</source>
        <translation>Signatory&apos;s title *</translation>
    </message>
    <message>
        <source>Chủ tịch UBND</source>
        <translation>Chair of the People&apos;s Committee</translation>
    </message>
    <message>
        <source>Địa chỉ trụ sở</source>
        <translation>Office address</translation>
    </message>
    <message>
        <source>Tổng số hộ</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Tất cả – hoặc gõ tên tỉnh (ví dụ: nghe an)…</source>
        <translation>All – or type a province name (e.g. nghe an)…</translation>
    </message>
    <message>
        <source>Gõ tên xã, không cần dấu (ví dụ: luong minh)…</source>
        <translation>Type the commune name, accents optional (e.g. luong minh)…</translation>
    </message>
    <message>
        <source>Họ và tên, ví dụ Lô Văn Hải</source>
        <translation>Full name, e.g. Lô Văn Hải</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Chưa chọn xã, phường: gõ vài chữ của tên (không cần dấu) rồi chọn.</source>
        <translation>No commune or ward chosen: type a few letters of its name (accents optional), then pick it.</translation>
    </message>
    <message>
        <source>Không tìm thấy xã, phường «{text}» trong danh mục.</source>
        <translation>No commune or ward «{text}» in the list.</translation>
    </message>
    <message>
        <source>«{text}» khớp {n} xã, phường: hãy chọn đúng một xã trong danh sách.</source>
        <translation>«{text}» matches {n} communes or wards: pick exactly one from the list.</translation>
    </message>
</context>
<context>
    <name>ShortageChart</name>
    <message>
        <source>Trang thiết bị còn thiếu theo loại (các xã đã gửi báo cáo)</source>
        <translation>Equipment missing by kind (communes that reported)</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>Chức vụ, chức danh</source>
        <translation>Position, title</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Bắt đầu công tác *</source>
        <translation>Started work *</translation>
    </message>
    <message>
        <source>Thôi công tác từ ngày</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Lý do thôi công tác</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <source>Trình độ chuyên môn</source>
        <translation>Professional level</translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation>Speciality</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>IT skills</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Làm việc tại TTPVHCC</source>
        <translation>Works at the service centre</translation>
    </message>
    <message>
        <source>Có chữ ký số</source>
        <translation>Has digital signature</translation>
    </message>
    <message>
        <source>Chữ ký số hết hạn</source>
        <translation>Signature expires</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Nhân sự</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Tất cả loại</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Đang công tác ngày</source>
        <translation>In post on</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Bắt đầu</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Thôi công tác</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Chữ ký số</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>Nhân sự đang công tác ngày {date}</source>
        <translation>Staff in post on {date}</translation>
    </message>
    <message>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Hiện có</source>
        <translation>In post</translation>
    </message>
    <message>
        <source>Được giao</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Vượt chỉ tiêu</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>{n} / {quota} được giao</source>
        <translation>{n} / {quota} assigned</translation>
    </message>
    <message>
        <source>Tổng số đang công tác</source>
        <translation>Total in post</translation>
    </message>
    <message>
        <source>Cán bộ, công chức (biên chế)</source>
        <translation>Officials (official posts)</translation>
    </message>
    <message>
        <source>Làm việc tại Trung tâm Phục vụ hành chính công</source>
        <translation>Working at the Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Người dân tộc thiểu số</source>
        <translation>Ethnic minority</translation>
    </message>
    <message>
        <source>Có tôn giáo</source>
        <translation>With a religion</translation>
    </message>
    <message>
        <source>Cán bộ, công chức có chữ ký số còn hạn</source>
        <translation>Officials with a valid digital signature</translation>
    </message>
    <message>
        <source>Chữ ký số hết hạn trong 60 ngày tới</source>
        <translation>Digital signatures expiring in the next 60 days</translation>
    </message>
    <message>
        <source>Bắt đầu công tác trong kỳ</source>
        <translation>Started work in the period</translation>
    </message>
    <message>
        <source>Thôi công tác trong kỳ</source>
        <translation>Left in the period</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Theo đơn vị</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>Số liệu khác</source>
        <translation>Other figures</translation>
    </message>
    <message>
        <source>(Chưa phân công)</source>
        <translation>(Unassigned)</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ô «Được giao» để trống: chưa nhập chỉ tiêu biên chế năm {year}. Người hoạt động không chuyên trách và hợp đồng không tính vào biên chế.</source>
        <translation>An empty «Assigned» cell: no staffing quota entered for {year}. Semi-professional staff and contract workers do not count towards official posts.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Chào mừng đến với Commune Desk</source>
        <translation>Welcome to Commune Desk</translation>
    </message>
    <message>
        <source>Tệp dữ liệu này chưa có thông tin xã. Hãy chọn cách bắt đầu.</source>
        <translation>This data file has no commune information yet. Choose how to start.</translation>
    </message>
    <message>
        <source>&amp;Khai báo xã của tôi</source>
        <translation>&amp;Set up my commune</translation>
    </message>
    <message>
        <source>Chọn tỉnh, xã và người ký báo cáo. Danh mục lĩnh vực, thủ tục, các phòng ban mặc định và lịch ngày nghỉ được tạo sẵn; có thể sửa sau.</source>
        <translation>Choose the province, the commune and the report signatory. Fields, procedures, default departments and the days-off calendar are created for you; you can change them later.</translation>
    </message>
    <message>
        <source>Dùng &amp;dữ liệu mẫu để làm quen</source>
        <translation>Use &amp;sample data to get familiar</translation>
    </message>
    <message>
        <source>Xã Lượng Minh, Nghệ An (có số liệu đã công bố tháng 7/2025)</source>
        <translation>Lượng Minh commune, Nghệ An (with published figures for July 2025)</translation>
    </message>
    <message>
        <source>Xã Con Cuông, Nghệ An</source>
        <translation>Con Cuông commune, Nghệ An</translation>
    </message>
    <message>
        <source>Xã Chiêu Lưu, Nghệ An</source>
        <translation>Chiêu Lưu commune, Nghệ An</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu là số liệu giả lập (nhân sự, hồ sơ, thiết bị, kiến nghị từ 01/07/2025 đến hôm qua) để thử phần mềm. Khi dùng thật, hãy tạo một tệp dữ liệu mới và khai báo xã của mình.</source>
        <translation>Sample data is simulated (staff, dossiers, equipment, proposals from 01/07/2025 to yesterday) for trying the application. For real use, create a new data file and set up your own commune.</translation>
    </message>
    <message>
        <source>&amp;Cơ sở dữ liệu của tỉnh (tổng hợp báo cáo các xã)</source>
        <translation>&amp;Province database (consolidating the communes&apos; reports)</translation>
    </message>
    <message>
        <source>Dành cho Sở Nội vụ hoặc cơ quan của tỉnh: nhận tệp báo cáo các xã gửi lên, theo dõi tình hình nộp, in báo cáo tổng hợp và trả lời kiến nghị. Tệp dữ liệu này sẽ không dùng được cho một xã.</source>
        <translation>For the Department of Home Affairs or another province body: receive the communes&apos; report files, track submissions, print consolidated reports and answer proposals. This database cannot then be used by a commune.</translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message>
        <source>Đã chốt (lần {n})</source>
        <translation>Finalized (revision {n})</translation>
    </message>
    <message>
        <source>Đã gửi tỉnh (lần {n})</source>
        <translation>Sent to the province (revision {n})</translation>
    </message>
    <message>
        <source>Đã mở lại — cần lập lại báo cáo (lần {n})</source>
        <translation>Reopened — the report must be issued again (revision {n})</translation>
    </message>
    <message>
        <source>Đang soạn</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>SupplementRow</name>
    <message>
        <source>Ngày yêu cầu</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>Bổ sung xong</source>
        <translation>Supplied on</translation>
    </message>
    <message>
        <source>Để trống khi công dân chưa bổ sung (đang chờ).</source>
        <translation>Leave blank while the citizen has not supplied it yet (waiting).</translation>
    </message>
    <message>
        <source>Giấy tờ cần bổ sung, lý do…</source>
        <translation>Documents to supply, reason…</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Bỏ yêu cầu bổ sung này</source>
        <translation>Remove this supplement request</translation>
    </message>
</context>
<context>
    <name>SupplementsEditor</name>
    <message>
        <source>+ Thêm yêu cầu bổ sung</source>
        <translation>+ Add supplement request</translation>
    </message>
    <message>
        <source>Không có yêu cầu bổ sung.</source>
        <translation>No supplement requests.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>TimeUnitCombo</name>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>Ngày làm việc</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Ngày (kể cả ngày nghỉ)</source>
        <translation>Days (incl. days off)</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Tên đơn vị *</source>
        <translation>Unit name *</translation>
    </message>
    <message>
        <source>Tên viết tắt</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Trung tâm PVHCC</source>
        <translation>Service centre</translation>
    </message>
    <message>
        <source>Là Trung tâm Phục vụ hành chính công</source>
        <translation>Is the Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Thứ tự sắp xếp</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>No longer used</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Thứ tự</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Viết tắt</source>
        <translation>Short
name</translation>
    </message>
    <message>
        <source>TTPVHCC</source>
        <translation>Service
centre</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Đang
công tác</source>
        <translation>In
post</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang sử dụng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>đơn vị “{name}”</source>
        <translation>unit “{name}”</translation>
    </message>
</context>
<context>
    <name>WorkingCalendar</name>
    <message>
        <source>Thứ Hai</source>
        <extracomment>Dossiers received this long before a changed day may still have their due date on or after it. A &quot;changed day&quot; before any dossier: recompute them all (after importing a calendar file).</extracomment>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>WorkingCalendarPage</name>
    <message>
        <source>Làm bù</source>
        <translation>Make-up day</translation>
    </message>
    <message>
        <source>Người dùng nhập</source>
        <translation>Entered by user</translation>
    </message>
    <message>
        <source>Lịch nghỉ, làm bù</source>
        <translation>Days off and swaps</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Danh sách được điền sẵn theo các ngày lễ chính thức; hãy sửa lại khi thông báo nghỉ lễ của Chính phủ cho năm này khác.</source>
        <translation>The list is pre-filled with the official holidays; correct it when the Government&apos;s holiday notice for this year differs.</translation>
    </message>
    <message>
        <source>Điền sẵn</source>
        <translation>Pre-filled</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tên ngày</source>
        <translation>Name of the day</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>ngày {day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>Đang tính lại hạn giải quyết của hồ sơ…</source>
        <translation>Recomputing dossier deadlines…</translation>
    </message>
    <message>
        <source>Đã tính lại hạn giải quyết: {n} hồ sơ có hạn mới.</source>
        <translation>Deadlines recomputed: {n} dossiers have a new deadline.</translation>
    </message>
    <message>
        <source>Đã tính lại hạn giải quyết: không hồ sơ nào thay đổi.</source>
        <translation>Deadlines recomputed: no dossier changed.</translation>
    </message>
    <message>
        <source>Chưa tính lại được hạn giải quyết của hồ sơ; sẽ tính lại sau lần sửa lịch tiếp theo.</source>
        <translation>Could not recompute the dossier deadlines yet; they will be recomputed after the next calendar change.</translation>
    </message>
</context>
<context>
    <name>_StoringDialog</name>
    <message>
        <source>Không lưu được</source>
        <translation>Not saved</translation>
    </message>
</context>
</TS>
