"""`baocao new`: a new document folder of a chosen kind, for the editor to fill in.

Each kind's parts are data: templates/new/<slug>/*.md, the slug being the kind's in
templates/kinds.yaml (`baocao new NAME --loai quyet-dinh`). Their front matter is valid as it
is (a draft without number, dated this month: `{month}` becomes it) and every "…" marks what
the editor must write, so the new document builds at once, and check lists each "…" as a
problem until it is filled (baocao.parse.placeholders).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from baocao.parse.kinds import kinds
from baocao.parse.syntax import ID, ID_CHARACTERS, suggested_name
from baocao.problems import UsageError, os_reason
from baocao.templates import TEMPLATES

SKELETONS = TEMPLATES / "new"
DEFAULT_KIND = "bao-cao"


def skeleton(kind: str) -> dict[str, str]:
    """The parts of a new document of kind `kind` (a slug): file name → text; a slug that no
    kind offers is a usage error that lists those that do."""
    slugs = kinds().slugs
    if kind not in slugs:
        raise UsageError(
            f"baocao new: không có loại văn bản “{kind}”; chọn một trong: {', '.join(slugs)} "
            f"(ví dụ: baocao new quyet-dinh-to-cong-tac --loai quyet-dinh)"
        )
    folder = SKELETONS / kind
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


def new_document(
    content: Path, name: str, today: datetime.date | None = None, kind: str = DEFAULT_KIND
) -> Path:
    """Create `content/<name>/` with the parts of `kind`; refuse a bad name, an unknown kind or
    an existing folder."""
    parts = skeleton(kind)
    if not name.strip():
        raise UsageError("thiếu tên văn bản, ví dụ: baocao new bao-cao-quy-3-2027")
    if not ID.fullmatch(name):
        hint = suggested_name(name) or "bao-cao-quy-3"
        raise UsageError(
            f"tên văn bản “{name}” không dùng được: tên {ID_CHARACTERS}, ví dụ “{hint}”"
        )
    folder = content / name
    if folder.exists():
        raise UsageError(f"đã có “{folder}”: chọn tên khác, hoặc sửa văn bản đó")
    month = (today or datetime.date.today()).strftime("%Y-%m")
    try:
        folder.mkdir(parents=True)
        for filename, text in parts.items():
            (folder / filename).write_text(text.replace("{month}", month), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"không tạo được “{folder}”: {os_reason(exc)}") from None
    return folder
