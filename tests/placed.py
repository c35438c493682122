"""Problems as the tests compare them: where (file, line, column) and which code, not the words."""

from __future__ import annotations

from collections.abc import Iterable

from baocao.problems import Problem


def placed(problems: Iterable[Problem]) -> list[tuple[str, int, int, str]]:
    """(file name, line, column, code) of each problem, in order."""
    return [
        (p.position.path.name, p.position.line, p.position.column, p.code.code) for p in problems
    ]


def codes_of(problems: Iterable[Problem]) -> list[str]:
    """The code of each problem, in order."""
    return [p.code.code for p in problems]
