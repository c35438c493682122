"""Builds and checks documents: parse → resolve → render → docx, and check (the first two only).

A document may cite another document's amounts, `{{ tien("ke-hoach-2027:pl.camera") }}`. Resolve
asks for that document by name; here the name is looked up as a folder beside the citing one —
in the same content folder, never elsewhere — and resolved in turn (a cycle is a problem, never a
loop). A document that resolves without errors is kept, per process, with a digest of the files
it rests on, so a batch resolves a document many documents cite once, and an edit is never missed.

Every DOCX built leaves a record in the output folder's cache: the digest of each document it
rests on (itself and those it cites, at any depth), of baocao's code and templates, and of the DOCX
written. A document is current while its record holds; `baocao build` with no argument builds the
others (`stale_documents`), so a second run builds nothing, and a change rebuilds exactly what it
touches.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from hashlib import blake2b
from pathlib import Path
from typing import Any, Generic, TypeVar

from baocao import codes
from baocao.parse.document import (
    document_folders,
    document_parts,
    linked_folder,
    parse_document,
    read_part,
)
from baocao.parse.syntax import ID
from baocao.problems import BaocaoError, ContentErrors, Problem, UsageError, os_reason
from baocao.resolve.citations import CitationProblem, Registry
from baocao.resolve.document import Resolution, ResolvedDocument, resolve_document
from baocao.templates import HERE, TEMPLATES

# render and docx (pandoc, the finishing pass, lxml) are imported by build_document only:
# `baocao check` and a `baocao build` with nothing to build never pay for them.

CACHE = ".cache"  # in the output folder: the style doc and what pandoc said of itself
T = TypeVar("T")


@dataclass(frozen=True)
class Built:
    """One document written: where, how long it took, and the warnings its content raised."""

    name: str
    target: Path
    seconds: float
    warnings: list[Problem]
    exported: tuple[Path, ...] = ()  # the PDF and the workbook asked for, as written
    unexported: tuple[str, ...] = ()  # why another format asked for was not written


Sources = dict[str, str]  # each document a DOCX rests on, by folder name → its parts' digest


def resolve_folder(folder: Path) -> Resolution:
    """A document folder parsed and resolved: its model, and every problem of its content.

    Citations of another document's amounts ("ke-hoach-2027:pl.camera") read the folder of that
    name beside this one."""
    return _Library(folder.parent).resolve(folder)


def _resolve_sources(folder: Path) -> tuple[Resolution, Sources]:
    """The resolution, and the documents it rests on (itself and those it cited, at any depth)."""
    resolution, citable = _Library(folder.parent)._resolve(folder)
    sources = {} if citable is None else {path.name: digest for path, digest in citable.sources}
    return resolution, sources


# ---------------------------------------------------------------------------------------------
# Documents cited by other documents

CITABLE_KEPT = 64  # resolved documents kept per process for citing


@dataclass(frozen=True)
class _Citable:
    """A document resolved without errors: its amounts, and the documents they rest on (itself
    and every one it cites, at any depth), each folder with the digest of its parts then."""

    registry: Registry
    sources: tuple[tuple[Path, str], ...]


_kept: OrderedDict[Path, _Citable] = OrderedDict()
_kept_lock = threading.Lock()


def parts_digest(folder: Path) -> str:
    """A digest of a document's numbered parts, their names and bytes: all that resolve reads."""
    digest = blake2b(digest_size=16)
    for path in document_parts(folder):
        read = read_part(path)  # what parse reads: a link or a FIFO is refused, never followed
        data = read if isinstance(read, bytes) else b"\0refused: " + read.message.encode()
        for piece in (path.name.encode(), data):
            digest.update(len(piece).to_bytes(8, "big") + piece)
    return digest.hexdigest()


def _place(folder: Path) -> Path:
    """A document folder's absolute path, the folder itself never followed (a link is refused,
    and may lead nowhere)."""
    return folder.parent.resolve() / folder.name


def _recall(folder: Path) -> _Citable | None:
    """The kept resolution of a document, when no file it rests on has changed since."""
    with _kept_lock:
        kept = _kept.get(folder)
    if kept is None or any(parts_digest(path) != digest for path, digest in kept.sources):
        return None
    with _kept_lock:
        if folder in _kept:
            _kept.move_to_end(folder)
    return kept


def _keep(folder: Path, citable: _Citable) -> None:
    with _kept_lock:
        _kept[folder] = citable
        _kept.move_to_end(folder)
        while len(_kept) > CITABLE_KEPT:
            _kept.popitem(last=False)


class _Library:
    """The documents of one content folder as one resolve sees them: those being resolved (so
    that a cycle is found), and the cycles found."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.active: list[str] = []
        self.cycles: list[tuple[str, ...]] = []

    def resolve(self, folder: Path) -> Resolution:
        return self._resolve(folder)[0]

    def _resolve(self, folder: Path) -> tuple[Resolution, _Citable | None]:
        sources = {_place(folder): parts_digest(folder)}
        found: dict[str, Registry | CitationProblem] = {}  # each document cited, or why not

        def lookup(name: str) -> Registry:
            if name not in found:
                try:
                    cited = self.cite(name)
                except CitationProblem as exc:
                    found[name] = exc
                else:
                    sources.update(cited.sources)
                    found[name] = cited.registry
            registry = found[name]
            if isinstance(registry, CitationProblem):
                raise CitationProblem(registry.code, registry.message)
            return registry

        self.active.append(folder.name)
        try:
            resolution = resolve_document(parse_document(folder), lookup)
        finally:
            self.active.pop()
        if resolution.document is None or resolution.errors:
            return resolution, None
        citable = _Citable(resolution.registry, tuple(sources.items()))
        _keep(_place(folder), citable)
        return resolution, citable

    def cite(self, name: str) -> _Citable:
        """The document `name` of this content folder, resolved for the one being resolved."""
        if not ID.fullmatch(name):  # parse refuses such names first: never a path elsewhere
            raise CitationProblem(codes.ID_SYNTAX, f"“{name}” không phải tên văn bản")
        citing = self.active[-1]
        if name in self.active:
            cycle = tuple(self.active[self.active.index(name) :])
            self.cycles.append(cycle)
            raise CitationProblem(codes.CITATION_CYCLE, _cycle_message(cycle, citing))
        folder = self.content / name
        if linked_folder(folder):  # the cited folder is read under the same rule as any
            raise CitationProblem(
                codes.DOCUMENT_LINKED,
                f"văn bản “{name}” là một liên kết (symlink) tới chỗ khác, không được đọc nên "
                "không trích được số tiền của nó; hãy chép thư mục văn bản đó vào đây",
            )
        if not folder.is_dir() or not document_parts(folder):
            raise CitationProblem(codes.DOCUMENT_NOT_FOUND, self._missing(name))
        kept = _recall(_place(folder))
        if kept is not None:
            return kept
        resolution, citable = self._resolve(folder)
        if citable is not None:
            return citable
        for cycle in self.cycles:  # it failed because it cites, at some depth, the citing one
            if citing in cycle and _successor(cycle, citing) == name:
                raise CitationProblem(codes.CITATION_CYCLE, _cycle_message(cycle, citing))
        count = len(resolution.errors) or 1  # an unreadable front matter is one at least
        raise CitationProblem(
            codes.CITED_DOCUMENT_ERRORS,
            f"văn bản “{name}” còn {count} lỗi nên chưa trích được số tiền của nó; sửa văn bản "
            f"đó trước (baocao check {name})",
        )

    def _missing(self, name: str) -> str:
        names = [p.name for p in document_folders(self.content)]
        import difflib

        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f" — có phải: {', '.join(f'“{n}”' for n in close)}?" if close else ""
        return f"không có văn bản “{name}” trong {self.content.resolve().name}/{hint}"


def _successor(cycle: tuple[str, ...], name: str) -> str:
    return cycle[(cycle.index(name) + 1) % len(cycle)]


def _cycle_message(cycle: tuple[str, ...], start: str) -> str:
    """ "to-trinh → ke-hoach → to-trinh", from the document where the problem is reported."""
    at = cycle.index(start)
    chain = " → ".join((*cycle[at:], *cycle[:at], start))
    return (
        f"các văn bản trích số tiền của nhau thành vòng: {chain}; số tiền chỉ trích theo một "
        "chiều, từ văn bản gốc sang văn bản dùng nó"
    )


def check_document(folder: Path) -> list[Problem]:
    """Every problem in a document's content, errors and warnings, without building anything;
    a placeholder still to fill ("…") is an error here."""
    return list(resolve_folder(folder).problems)


def ready_document(folder: Path) -> tuple[ResolvedDocument, list[Problem]]:
    """The document ready to render, and its warnings; ContentErrors when it has errors. A
    placeholder still to fill ("…") is a warning here: a new document builds as it is."""
    document, problems, _ = _ready(folder)
    return document, problems


def _ready(folder: Path) -> tuple[ResolvedDocument, list[Problem], Sources]:
    """ready_document, and the documents the DOCX will rest on."""
    resolution, sources = _resolve_sources(folder)
    problems = [replace(p, as_warning=True) if p.draft else p for p in resolution.problems]
    if resolution.document is None or resolution.errors:
        raise ContentErrors(problems)
    return resolution.document, problems, sources


def prepare_output(directory: Path) -> Path:
    """The output directory, created if needed; an unusable one is a usage error."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(f"không tạo được thư mục kết quả “{directory}”: {reason}") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(f"không ghi được vào thư mục kết quả “{directory}”")
    return directory


# A build writes `.NAME.PID.partial.docx` and renames it into place. A killed process leaves its
# file behind, maybe truncated.
PARTIAL = re.compile(r"\A\..+\.([0-9]{1,12})\.partial(?:\.docx)?\Z")
STALE_AFTER = 3600.0  # seconds unwritten after which a partial file is stale even if its PID lives


def remove_stale_partials(output: Path) -> list[Path]:
    """Remove the partial files that killed builds left in `output`: those whose process is gone,
    or that are older than the process now holding their PID (a reused PID). A build still
    running keeps its own. Returns what was removed."""
    try:
        entries = list(os.scandir(output))
    except OSError:
        return []
    removed = []
    for entry in entries:
        match = PARTIAL.match(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if _writer_alive(int(match.group(1)), info.st_mtime):
                continue
            Path(entry.path).unlink()
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _writer_alive(pid: int, written: float) -> bool:
    """Whether the process `pid` can still be writing a file last written at `written`."""
    if pid <= 0:
        return False
    if os.name == "nt":  # there os.kill(pid, 0) ends the process (TerminateProcess) rather than ask
        return time.time() - written < STALE_AFTER
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, another user's
    except (OSError, OverflowError):
        return False
    started = _process_start(pid)
    if started is not None:
        return written >= started - 1  # the start is known to the second
    return time.time() - written < STALE_AFTER


def _process_start(pid: int) -> float | None:
    """When the process `pid` started, on Linux (/proc); None elsewhere. A process that has
    ended but is not yet reaped (a zombie: a worker whose parent was killed, until the system
    reaps it) writes nothing more: its start is taken as never, so no file is its."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        if fields[0] in ("Z", "X"):
            return float("inf")
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


class _Aside(threading.Thread, Generic[T]):
    """A call run on a thread of its own, started at once; `result` waits for it and gives what
    it returned, or raises what it raised."""

    def __init__(self, call: Callable[[], T]) -> None:
        super().__init__(daemon=True)
        self._call = call
        self._value: T | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def result(self) -> T:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


def _ready_to_finish(folder: Path) -> int:
    """The finishing pass loaded (its code, lxml, its definition) and the date the DOCX bears
    found: run on a thread while pandoc converts, they take none of the build's time."""
    import baocao.docx.finish  # noqa: F401  (its imports, lxml above all)
    from baocao.docx.dating import source_date_epoch
    from baocao.docx.styles import load_definition

    load_definition()
    return source_date_epoch(folder)


def build_document(folder: Path, output: Path, formats: frozenset[str] = frozenset()) -> Built:
    """Build one document into `output/<name>.docx`, and into the other `formats` asked for
    (EXPORTS: `pdf`, `xlsx`) beside it.

    Content with errors raises ContentErrors before anything is written; the DOCX is assembled
    in a temporary file and moved into place only when complete, so a failed build leaves the
    previous output untouched; the partial files that killed builds left are removed first.
    The exports follow the DOCX (docs/xuat-ban.md): one that fails is said in `unexported`,
    the DOCX in place, and leaves no older file of its own behind.
    """
    from baocao.render.document import render_document

    started = time.perf_counter()
    remove_stale_partials(output)
    remove_stale_partials(output / CACHE / RECORDS)  # a record's, left by a killed build
    document, warnings, sources = _ready(folder)
    target = write_docx(folder, document, render_document(document), output)
    written = file_digest(target)
    epoch = None
    if "pdf" in formats:  # the PDF bears the DOCX's date
        from baocao.docx.dating import source_date_epoch

        epoch = source_date_epoch(folder)
    exported, failed = export(document, target, formats, epoch or 0)
    done = {path.suffix[1:]: file_digest(path) for path in exported}
    done |= {name: "" for name in formats if name not in done and name not in failed}
    unexported = tuple(f"{name.upper()}: {why}" for name, why in failed.items())
    try:
        record_build(output, folder.name, sources, written, done)
    except OSError as exc:
        raise BaocaoError(f"không ghi được bản ghi của “{target}”: {os_reason(exc)}") from None
    seconds = time.perf_counter() - started
    return Built(document.name, target, seconds, warnings, exported, unexported)


def write_docx(
    folder: Path,
    document: ResolvedDocument,
    page: dict[str, Any],
    output: Path,
    epoch: int | None = None,
) -> Path:
    """The DOCX of a document ready and rendered (`page`, pandoc's JSON AST), written to
    `output/<name>.docx` through a partial file, bearing the date `epoch` (default: the one its
    sources give). The preview (baocao xem) calls it with the resolution it has already shown,
    and the date it found once. Any record of the DOCX it replaces goes first: that DOCX is no
    longer current (`is_current`)."""
    from baocao.docx.pandoc import find_pandoc, to_docx
    from baocao.docx.styles import style_doc

    target = output / f"{document.name}.docx"
    partial = output / f".{document.name}.{os.getpid()}.partial.docx"
    cache = output / CACHE
    try:
        pandoc = find_pandoc(cache)
        styles = style_doc(cache, pandoc)
        ready = _Aside(lambda: _ready_to_finish(folder) if epoch is None else epoch)
        try:
            to_docx(page, styles, partial, pandoc)
        finally:
            epoch = ready.result()
        from baocao.docx.finish import finish_document

        finish_document(partial, epoch, title=document.front.subject)
        forget_build(output, folder.name)  # never a record of the DOCX this one replaces
        partial.replace(target)
    except OSError as exc:
        raise BaocaoError(f"không ghi được “{target}”: {os_reason(exc)}") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


EXPORTS = ("pdf", "xlsx")


def export(
    document: ResolvedDocument, docx: Path, formats: frozenset[str], epoch: int
) -> tuple[tuple[Path, ...], dict[str, str]]:
    """The built document in the other formats asked for, beside its DOCX: the PDF/A that the
    electronic document system takes, the workbook of its budget tables (none when it has no
    budget table). What was written, and why each of the others was not (by format): one
    failing leaves the DOCX and the other formats as they are, and no older file of its own; a
    format not asked for this time is removed, made from an older DOCX."""
    written: list[Path] = []
    failed: dict[str, str] = {}
    for name in EXPORTS:
        target = docx.with_suffix(f".{name}")
        if name not in formats:  # made from an older DOCX: it would pass for this one
            target.unlink(missing_ok=True)
            continue
        try:
            if name == "xlsx":
                from baocao.export.xlsx import write_xlsx

                made = write_xlsx(document, target)
            else:
                from baocao.export.pdf import write_pdf

                made = write_pdf(docx, target, document.front, epoch)
        except BaocaoError as exc:
            failed[name] = str(exc)
        except OSError as exc:
            target.unlink(missing_ok=True)
            failed[name] = f"không ghi được “{target}”: {os_reason(exc)}"
        else:
            if made is not None:
                written.append(made)
    return tuple(written), failed


# ---------------------------------------------------------------------------------------------
# What is current: each DOCX's record of what it was built from

RECORDS = "dung"  # in the output folder's CACHE: one record per document, <folder name>.json


def file_digest(path: Path) -> str:
    """A digest of a file's bytes ("" when it cannot be read: never equal to a recorded one)."""
    try:
        with path.open("rb") as stream:
            return blake2b(stream.read(), digest_size=16).hexdigest()
    except OSError:
        return ""


_engine: list[str] = []  # engine_digest's answer, once per process


def engine_digest() -> str:
    """A digest of what turns any document into a DOCX besides its sources: baocao's code and
    templates, as installed (a wheel) or checked out, the version of the Python running it, and
    the pandoc binary (its path, size and time). An upgrade or an edit of any makes every DOCX
    stale."""
    if not _engine:
        from baocao.docx.pandoc import pandoc_path  # finds the binary without running it

        try:
            pandoc = pandoc_path()
            found = os.stat(pandoc)
            binary = f"{pandoc}\0{found.st_size}\0{found.st_mtime_ns}"
        except (OSError, RuntimeError):  # none: the build says so, and records nothing
            binary = ""
        digest = blake2b(f"{sys.version}\0{binary}".encode(), digest_size=16)
        for root in dict.fromkeys((HERE, TEMPLATES)):
            for path in sorted(root.rglob("*")):
                if "__pycache__" in path.parts or not path.is_file():
                    continue
                name = path.relative_to(root).as_posix().encode()
                data = path.read_bytes()
                for piece in (name, data):
                    digest.update(len(piece).to_bytes(8, "big") + piece)
        _engine.append(digest.hexdigest())
    return _engine[0]


def _record_path(output: Path, name: str) -> Path:
    return output / CACHE / RECORDS / f"{name}.json"


def record_build(
    output: Path, name: str, sources: Sources, written: str, exports: dict[str, str] | None = None
) -> None:
    """Record that `output/<name>.docx`, whose digest is `written`, was built from `sources`
    by this engine, with the `exports` made from it (format → digest of the file written, ""
    when there was nothing to write: a workbook of a document without budget tables); replaced
    whole, never half written."""
    target = _record_path(output, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    record = {"engine": engine_digest(), "sources": sources, "docx": written}
    record["exports"] = exports or {}
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def forget_build(output: Path, name: str) -> None:
    """Remove a document's record: its DOCX is about to change, or is no longer built."""
    _record_path(output, name).unlink(missing_ok=True)


def is_current(folder: Path, output: Path, formats: frozenset[str] = frozenset()) -> bool:
    """Whether `output/<folder name>.docx` is what a build would write now: its record is there,
    by this engine, every document it rests on has the parts it had, and the DOCX is the one
    that build wrote; and so is each of the other `formats` asked for."""
    try:
        record = json.loads(_record_path(output, folder.name).read_text(encoding="utf-8"))
        engine, sources, written = record["engine"], record["sources"], record["docx"]
        exports = record.get("exports", {})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    for name in formats:
        made = exports.get(name) if isinstance(exports, dict) else None
        if not isinstance(made, str):
            return False
        if made and file_digest(output / f"{folder.name}.{name}") != made:
            return False
    if engine != engine_digest() or not isinstance(sources, dict) or folder.name not in sources:
        return False
    if not all(_folder_name(name) for name in sources):  # only folders beside it are read
        return False
    content = folder.parent
    if any(parts_digest(content / name) != digest for name, digest in sources.items()):
        return False
    return isinstance(written, str) and file_digest(output / f"{folder.name}.docx") == written


def _folder_name(name: object) -> bool:
    """Whether a record's name is a folder's own name, never a path to elsewhere."""
    return isinstance(name, str) and name not in ("", ".", "..") and Path(name).name == name


def stale_documents(
    folders: list[Path], output: Path, formats: frozenset[str] = frozenset()
) -> list[Path]:
    """The documents among `folders` whose DOCX, or another of the `formats` asked for, is
    missing or not current, in the order given."""
    return [folder for folder in folders if not is_current(folder, output, formats)]


# ---------------------------------------------------------------------------------------------
# Many documents, one process per core


@dataclass(frozen=True)
class Outcome:
    """What became of one document of a batch: built, refused for its content (every problem,
    and how many are errors), or failed by pandoc or the disk (why)."""

    folder: Path
    built: Built | None = None
    problems: tuple[Problem, ...] = ()
    errors: int = 0
    failure: str = ""


def _outcome(folder: Path, output: Path, formats: frozenset[str] = frozenset()) -> Outcome:
    """Build one document; what went wrong with its content or its writing is an Outcome (the
    others are still built), a usage error or a bug is raised."""
    try:
        return Outcome(folder, built=build_document(folder, output, formats))
    except ContentErrors as exc:
        return Outcome(folder, problems=tuple(exc.problems), errors=len(exc.errors))
    except UsageError:
        raise  # the output folder or the command: no other document would fare better
    except BaocaoError as exc:  # pandoc or the disk failed this one: try the others
        return Outcome(folder, failure=str(exc))


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def build_all(
    folders: list[Path],
    output: Path,
    jobs: int = 1,
    start_method: str | None = None,
    formats: frozenset[str] = frozenset(),
) -> Iterator[Outcome]:
    """Build documents, each into `output`, and give their outcomes in the order given.

    With `jobs` above 1 (0: one per core), the documents are shared among that many processes,
    each taking the next document as it finishes one: one process per core, not one per
    document. What they share on disk (pandoc's versions, the style doc) is made ready first.
    On Linux the processes are forked, and inherit the code already loaded, so a process starts
    building at once; elsewhere, or with `start_method` "spawn" (Windows' and macOS' way), each
    starts a fresh Python that loads baocao itself. Each process ends with this one, even one
    killed outright (baocao.lifeline)."""
    jobs = min(jobs or cores(), len(folders))
    if jobs <= 1:
        for folder in folders:
            yield _outcome(folder, output, formats)
        return
    import importlib
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from baocao.docx.pandoc import find_pandoc
    from baocao.docx.styles import load_definition, style_doc
    from baocao.lifeline import watch_parent

    for module in ("baocao.render.document", "baocao.docx.finish"):  # once, before a fork
        importlib.import_module(module)
    style_doc(output / CACHE, find_pandoc(output / CACHE))
    load_definition()
    if start_method is None and sys.platform.startswith("linux"):
        start_method = "fork"  # macOS has it too, but unsafe there: Python spawns by default
    context = multiprocessing.get_context(start_method)
    each = folders, [output] * len(folders), [formats] * len(folders)
    with ProcessPoolExecutor(jobs, context, initializer=watch_parent) as workers:
        yield from workers.map(_outcome, *each)
