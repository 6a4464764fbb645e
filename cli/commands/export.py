"""`export --period SPEC --format xlsx|pdf --out PATH`: the official report files, for batch use."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from cli.commands.summary import resolve_period
from cli.session import open_db, parse_day
from cli.text import t
from storage.errors import UserError
from storage.periods import Period
from storage.profile import load_profile
from storage.report_documents import NARRATIVE_SECTIONS, ReportDocumentData, draft_for, save_report_document
from storage.reports_sent import ReportSentData, file_sha256, save_report_sent
from storage.vocab import ReportChannel

KINDS = ("periodic", "posting", "card")
FORMATS = ("xlsx", "pdf", "cdesk")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=t("xuất báo cáo ra tệp Excel/PDF", "write a report as Excel/PDF"))
    p.add_argument("--period", metavar="SPEC", help=t("kỳ báo cáo, ví dụ 2025-07", "reporting period, e.g. 2025-07"))
    p.add_argument("--calendar", action="store_true", help=t("kỳ theo lịch", "calendar periods"))
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        dest="fmt",
        help=t(
            "pdf, xlsx, hoặc cdesk: tệp gửi tỉnh (có chữ ký số, gồm cả Excel và PDF)",
            "pdf, xlsx, or cdesk: the signed file for the province (Excel and PDF inside)",
        ),
    )
    p.add_argument(
        "--kind",
        choices=KINDS,
        default="periodic",
        help=t(
            "periodic: báo cáo định kỳ; posting: bảng niêm yết TTHC; card: thẻ tóm tắt xã",
            "periodic report; posting sheet of procedures; commune summary card",
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=t("ĐƯỜNG_DẪN", "PATH"),
        help=t("tệp cần ghi, hoặc thư mục (tên tệp tự đặt)", "file to write, or a folder"),
    )
    p.add_argument(
        "--narrative",
        type=Path,
        metavar=t("TỆP", "FILE"),
        help=t(
            "tệp .json hoặc .txt chứa phần lời văn (lưu lại cùng báo cáo)",
            "a .json or .txt file with the narrative (kept with the report)",
        ),
    )
    p.set_defaults(handler=run)


def read_narrative(path: Path, base: ReportDocumentData) -> ReportDocumentData:
    """Officer texts from a file: JSON with the document fields, or text split by section headings.

    A text file's lines "[Kết quả đạt được]" (or "[results]") start a section; text before the first
    heading goes to the results section.
    """
    # Messages in Vietnamese throughout: Python's own error texts are English.
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Tệp lời văn {path.name} không lưu ở bảng mã UTF-8 (byte lạ ở vị trí {exc.start}); "
            "hãy mở tệp và lưu lại với bảng mã UTF-8.",
            f"The narrative file {path.name} is not UTF-8 (odd byte at position {exc.start}); save it as UTF-8.",
        ) from exc
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy tệp lời văn {path}.", f"Narrative file {path} not found.") from exc
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp lời văn {path} ({exc.strerror or exc}).",
            f"Cannot read the narrative file {path} ({exc.strerror or exc}).",
        ) from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UserError(
                f"Tệp {path.name} không phải JSON hợp lệ (lỗi ở dòng {exc.lineno}, cột {exc.colno}).",
                f"{path.name} is not valid JSON (error at line {exc.lineno}, column {exc.colno}).",
            ) from exc
        if not isinstance(data, dict):
            raise UserError("Tệp JSON lời văn phải là một đối tượng {...}.", "The narrative JSON must be an object.")
        narrative = data.get("narrative", {})
        if not isinstance(narrative, dict):
            raise UserError('Mục "narrative" phải là một đối tượng.', '"narrative" must be an object.')
        issued = data.get("issued_on")
        return replace(
            base,
            document_number=str(data.get("document_number", base.document_number)),
            issued_on=parse_day(issued) if issued else base.issued_on,
            title=str(data.get("title", base.title)),
            narrative={str(k): str(v) for k, v in narrative.items()} or base.narrative,
            signer_authority=str(data.get("signer_authority", base.signer_authority)),
            signer_title=str(data.get("signer_title", base.signer_title)),
            signer_name=str(data.get("signer_name", base.signer_name)),
            recipients=tuple(str(r) for r in data.get("recipients", base.recipients)),
        )
    keys = {f"[{vi.lower()}]": key for key, vi, _en in NARRATIVE_SECTIONS} | {
        f"[{key}]": key for key, _vi, _en in NARRATIVE_SECTIONS
    }
    current, parts = "results", {key: [] for key, _vi, _en in NARRATIVE_SECTIONS}
    for line in raw.splitlines():
        heading = keys.get(line.strip().lower())
        if heading:
            current = heading
        else:
            parts[current].append(line)
    return replace(base, narrative={k: "\n".join(v).strip() for k, v in parts.items()})


def _target(out: Path, stem: str, fmt: str) -> Path:
    if out.is_dir() or (not out.suffix and not out.exists()):
        out.mkdir(parents=True, exist_ok=True)
        return out / f"{stem}.{fmt}"
    if out.suffix.lower() != f".{fmt}":
        raise UserError(f"Tệp {out.name} không có đuôi .{fmt}.", f"{out.name} does not end in .{fmt}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def run(args: argparse.Namespace) -> int:
    from reports.vn_text import safe_file_stem

    db = open_db(args)
    try:
        with db.sessions.begin() as s:
            profile = load_profile(s)
            if profile is None:
                raise UserError(
                    "Chưa khai báo thông tin xã (lệnh init hoặc demo).", "No commune profile yet (run init or demo)."
                )
            if args.kind == "periodic":
                if not args.period:
                    raise UserError(
                        "Báo cáo định kỳ cần --period, ví dụ --period 2025-07.",
                        "A periodic report needs --period, e.g. --period 2025-07.",
                    )
                period = resolve_period(s, args.period, args.calendar)
                if args.fmt == "cdesk":
                    return _export_cdesk(s, args, period, profile.signer_name)
                path = _export_periodic(s, args, period, profile.signer_name)
                stem_period: Period | None = period
            else:
                if args.fmt != "pdf":  # before _target, which may create the output folder
                    raise UserError(
                        "Bảng niêm yết và thẻ tóm tắt chỉ xuất ra PDF (--format pdf).",
                        "The posting sheet and card are PDF only (--format pdf).",
                    )
                stem = (
                    f"danh-muc-tthc-{profile.name}"
                    if args.kind == "posting"
                    else f"thong-tin-tom-tat-{profile.name}-{date.today():%Y-%m-%d}"
                )
                path = _target(args.out, safe_file_stem(stem), args.fmt)
                _export_other(s, args.kind, args.fmt, path)
                stem_period = None
            if stem_period is not None:
                save_report_sent(
                    s,
                    ReportSentData(
                        period_spec=stem_period.spec,
                        period_start=stem_period.start,
                        period_end=stem_period.end,
                        sent_date=date.today(),
                        kind=args.kind,
                        channel=ReportChannel.OTHER,
                        file_name=path.name,
                        sha256=file_sha256(path),
                        notes="Xuất bằng dòng lệnh",
                    ),
                )
    finally:
        db.close()
    sys.stdout.write(t(f"Đã ghi {path}\n", f"Wrote {path}\n"))
    return 0


def _export_cdesk(s, args: argparse.Namespace, period: Period, signer: str) -> int:  # type: ignore[no-untyped-def]
    """The signed province file; the register entry is made by export_report_file itself."""
    from reports.exchange.report_file import export_report_file

    document = None
    if args.narrative is not None:
        document = read_narrative(args.narrative, draft_for(s, "periodic", period.spec, period.official, signer))
        save_report_document(s, document)
    out = args.out
    if not out.suffix:
        out.mkdir(parents=True, exist_ok=True)
    exported = export_report_file(s, period, out, channel=ReportChannel.OTHER, document=document)
    sys.stdout.write(
        t(
            f"Đã ghi {exported.path} (lần gửi {exported.revision}"
            + (f", thay thế lần {exported.replaces_revision}" if exported.replaces_revision else "")
            + f"; {exported.size // 1024} KB).\n",
            f"Wrote {exported.path} (revision {exported.revision}"
            + (f", replaces revision {exported.replaces_revision}" if exported.replaces_revision else "")
            + f"; {exported.size // 1024} KB).\n",
        )
    )
    return 0


def _export_periodic(s, args: argparse.Namespace, period: Period, signer: str) -> Path:  # type: ignore[no-untyped-def]
    from reports.periodic import build_periodic_report
    from reports.vn_text import safe_file_stem

    document = draft_for(s, "periodic", period.spec, period.official, signer)
    if args.narrative is not None:
        document = read_narrative(args.narrative, document)
        save_report_document(s, document)
    report = build_periodic_report(s, period, document)
    path = _target(args.out, safe_file_stem(f"bao-cao-{report.commune_name}-{period.spec}"), args.fmt)
    if args.fmt == "xlsx":
        from reports.excel_writer import write_xlsx

        write_xlsx(report, path)
    else:
        from reports.pdf_writer import write_pdf

        write_pdf(report, path)
    return path


def _export_other(s, kind: str, fmt: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    if fmt != "pdf":
        raise UserError("Bảng niêm yết và thẻ tóm tắt chỉ xuất ra PDF.", "The posting sheet and card are PDF only.")
    if kind == "posting":
        from reports.posting_sheet import write_posting_pdf

        write_posting_pdf(s, path)
    else:
        from reports.summary_card import write_card_pdf

        write_card_pdf(s, path)
