"""pandoc, the one in pypandoc_binary: its version, and the conversions baocao asks of it.

The render stage's document (pandoc's JSON AST) goes to pandoc on stdin: to DOCX with the style
doc, or to pandoc Markdown for reading (`baocao render`). The JSON must carry the API version of
the pandoc that reads it (docs/pandoc.md, "The API version"), so pandoc is asked once and the
answer kept in the cache folder, beside the style doc, for as long as the binary is the same.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import importlib.machinery
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from baocao.problems import BaocaoError, display_path, os_reason

# pandoc's runtime sizes its heap at 64 MB (+RTS --info: -with-rtsopts -H64m); touching it costs
# a short run more system time than the collections it saves (docs/pandoc.md, "pandoc's heap").
HEAP = ("+RTS", "-H32m", "-RTS")


@dataclass(frozen=True)
class Pandoc:
    """The pandoc binary, its version ("3.9"), the API version its JSON carries, and the
    runtime options it is run with (HEAP, or none where the binary refuses them)."""

    path: str
    version: str
    api_version: tuple[int, ...]
    runtime: tuple[str, ...] = ()

    @property
    def command(self) -> list[str]:
        """The binary and its runtime options: what every run of it starts with."""
        return [self.path, *self.runtime]


def pandoc_path() -> str:
    """The pandoc to run: the one PYPANDOC_PANDOC names, as pypandoc would take it, else the
    binary pypandoc_binary bundles, whose version the DOCX is known to come out right with
    (pypandoc's own search runs every pandoc it finds, on PATH and elsewhere, and takes the
    newest); pypandoc's search only where neither is there."""
    chosen = os.environ.get("PYPANDOC_PANDOC")
    if chosen:
        if os.sep not in chosen:  # a command name, looked for on PATH
            import shutil

            return shutil.which(chosen) or chosen
        return os.path.expanduser(chosen)
    return _bundled_pandoc()


@functools.cache
def _bundled_pandoc() -> str:
    """The binary pypandoc_binary bundles, else pypandoc's choice: looked for once in a process
    (the search of sys.path costs a warm process's rebuild a tenth of a millisecond each time)."""
    spec = importlib.machinery.PathFinder.find_spec("pypandoc")
    binary = "pandoc.exe" if sys.platform == "win32" else "pandoc"
    for folder in (spec.submodule_search_locations or []) if spec else []:
        bundled = os.path.join(os.path.realpath(folder), "files", binary)
        if os.path.isfile(bundled) and os.access(bundled, os.X_OK):
            return bundled
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def find_pandoc(cache: Path) -> Pandoc:
    """The bundled pandoc; its versions come from `cache` while the binary is unchanged."""
    path = pandoc_path()
    stat = os.stat(path)
    remembered = cache / f"pandoc-{stat.st_size}-{stat.st_mtime_ns}.json"
    known = _remembered(path, remembered)
    if known is not None:
        return known
    runtime, said = _runtime(path)
    found = Pandoc(path, said.split()[1], _api_version([path, *runtime]), runtime)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob("pandoc-*.json"):
            stale.unlink()
        partial = remembered.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(
            json.dumps(
                {
                    "version": found.version,
                    "api_version": found.api_version,
                    "runtime": found.runtime,
                }
            ),
            encoding="utf-8",
        )
        partial.replace(remembered)
    except OSError:
        pass  # an unwritable cache only costs the question next time
    return found


def _remembered(path: str, remembered: Path) -> Pandoc | None:
    """What the cache file says of the binary at `path`, if it is readable and well formed."""
    try:
        known = json.loads(remembered.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = known.get("version") if isinstance(known, dict) else None
    api = known.get("api_version") if isinstance(known, dict) else None
    runtime = known.get("runtime") if isinstance(known, dict) else None
    if not isinstance(version, str) or not isinstance(api, list) or not api:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in api):
        return None
    if not isinstance(runtime, list) or not all(isinstance(o, str) for o in runtime):
        return None
    return Pandoc(path, version, tuple(api), tuple(runtime))


def _runtime(path: str) -> tuple[tuple[str, ...], str]:
    """The runtime options the binary takes (HEAP; none from a pandoc built without them,
    which refuses every run given them), and what it says of its version."""
    try:
        return HEAP, _run([path, *HEAP], ["--version"]).decode()
    except BaocaoError:
        return (), _run([path], ["--version"]).decode()


def _api_version(command: list[str]) -> tuple[int, ...]:
    empty = json.loads(_run(command, ["--from=markdown", "--to=json"]))
    return tuple(empty["pandoc-api-version"])


DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # no room, or over the quota
# pandoc's I/O errors (Haskell's, in its stderr) → what they mean; the first that matches wins.
PANDOC_IO_ERRORS = (
    ("no space left on device", "ENOSPC"),
    ("disk quota exceeded", "EDQUOT"),
    ("read-only file system", "EROFS"),
    ("permission denied", "EACCES"),
    ("is a directory", "EISDIR"),
    ("does not exist", "ENOENT"),
)


def _run(
    command: list[str], arguments: list[str], given: bytes = b"", writing: Path | None = None
) -> bytes:
    """pandoc's output for `arguments` and stdin `given` (`command`: the binary and its runtime
    options); any failure is one Vietnamese line (`writing`: the file pandoc writes, named when
    the disk is full). pandoc's own words, a Haskell error or backtrace, show with
    BAOCAO_DEBUG=1."""
    try:
        with _stdin(given) as stdin:
            done = subprocess.run([*command, *arguments], stdin=stdin, capture_output=True)
    except OSError as exc:
        if exc.errno in DISK_FULL:
            raise BaocaoError(_disk_full(writing)) from None
        raise BaocaoError(f"không chạy được pandoc ({command[0]}): {os_reason(exc)}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace")
        message = "pandoc không dựng được tệp (lỗi không rõ; chạy lại với BAOCAO_DEBUG=1 để xem)"
        for phrase, name in PANDOC_IO_ERRORS:
            if phrase in said.lower():
                number = getattr(errno, name, errno.ENOSPC)
                if number in DISK_FULL:
                    message = _disk_full(writing)
                else:
                    message = f"pandoc không ghi hay đọc được tệp: {os_reason(OSError(number, ''))}"
                break
        if os.environ.get("BAOCAO_DEBUG"):
            message += " — pandoc: " + " ".join(said.split())
        raise BaocaoError(message)
    return done.stdout


@contextlib.contextmanager
def _stdin(given: bytes) -> Iterator[int | IO[bytes]]:
    """pandoc's stdin holding `given`: a file in memory rather than a pipe, so that subprocess
    only waits for pandoc instead of feeding it 512 bytes at a time, taking the interpreter's
    lock for each (while the source date is found on another thread)."""
    if not given:
        yield subprocess.DEVNULL
        return
    try:
        handle: IO[bytes] = os.fdopen(os.memfd_create("baocao-pandoc"), "w+b")
    except (AttributeError, OSError):  # not Linux
        import tempfile

        handle = tempfile.TemporaryFile()
    with handle:
        handle.write(given)
        handle.seek(0)
        yield handle


def _disk_full(writing: Path | None) -> str:
    where = f" vào “{display_path(writing.parent)}”" if writing is not None else ""
    return f"đĩa đầy: không ghi được tệp Word{where}; giải phóng chỗ trống trên đĩa rồi dựng lại"


def default_styles(pandoc: Pandoc) -> bytes:
    """pandoc's own reference.docx: it has every style pandoc writes (Compact, First Paragraph…)."""
    return _run(pandoc.command, ["--print-default-data-file", "reference.docx"])


def as_json(document: dict[str, Any], pandoc: Pandoc) -> bytes:
    """The document as the JSON pandoc reads. The render stage builds a tree (a node may stand
    in several places, never inside itself): json need not watch for cycles, a third of its
    time."""
    versioned = {"pandoc-api-version": list(pandoc.api_version), **document}
    text = json.dumps(versioned, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8")


def docx_arguments(style_doc: Path, target: Path, source: str = "json") -> list[str]:
    """What a build asks of pandoc: the JSON on stdin to `target`, styled by `style_doc` (make
    bench runs pandoc alone with the same, on the JSON or on the Markdown of `baocao render`)."""
    return [
        f"--from={source}",
        "--to=docx",
        f"--reference-doc={style_doc}",
        "--syntax-highlighting=none",  # no coloured code-token styles in styles.xml
        f"--output={target}",
    ]


def to_docx(document: dict[str, Any], style_doc: Path, target: Path, pandoc: Pandoc) -> Path:
    """Write `target` from the document, styled by `style_doc`; pandoc's complaints become a
    BaocaoError."""
    arguments = docx_arguments(style_doc, target)
    _run(pandoc.command, arguments, as_json(document, pandoc), writing=target)
    return target


def to_markdown(document: dict[str, Any], pandoc: Pandoc) -> str:
    """The document as pandoc Markdown, for reading and debugging (`baocao render`); its text
    split into words as pandoc's Markdown writer needs it (render.ast.canonical)."""
    from baocao.render.ast import canonical

    arguments = ["--from=json", "--to=markdown", "--wrap=none"]
    return _run(pandoc.command, arguments, as_json(canonical(document), pandoc)).decode("utf-8")
