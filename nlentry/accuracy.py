"""The accuracy report: run case files through the parser and count what it gets right.

Usage::

    from nlentry import accuracy

    report = accuracy.run(["corpus", "../shared/peer-suites"])
    report.total.exact_rate          # share of cases with every expected field right
    report.total.fields["duration"]  # FieldTally(ok=..., total=...)
    report.failures()[:10]           # the first failing cases, with expected and got values

A case file is JSON Lines in the case format of the conventions: one object a line with `text`, `now`,
`expect` (only the keys present are checked), and optionally `id`, `lang` and `catalog` (a file name
resolved against the case file's folder and then its parents). Directories stand for every `*.jsonl`
below them.

Scoring, per key of `expect`:

- `date`, `start`, `end`, `duration` (and any other key of `Entry.to_dict()`): equal to the output value;
- `project`, `service`, `client`: equal to the id of the matched catalog item (None when unmatched);
- `persons`: the list of person names, in order; `tags`: the list of tags;
- `error`: true when the phrase must be refused: `EntryRefused` or `InputError` count as an error.
  A refused entry is still scored on its other fields through `EntryRefused.entry`.

The locale is not passed to the parser unless `use_lang=True`: detecting it is part of what is measured.

A wrong case is *silent* when the parser gave an entry at or above the confirmation threshold
(`confirm_below`, 0.6 by default): `nlentry add` would have saved it without asking. A wrong case the
parser refused, or read below the threshold, is *asked*: the user sees it before it is saved. Each tally
counts both (`silent_wrong`, `wrong_asked`), and the right readings that would still be asked about
(`right_asked`, the price of caution); the aim is few silent wrong readings (<= 0.5% of the cases).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from nlentry.booking.journal import DEFAULT_CONFIRM_BELOW
from nlentry.errors import EntryRefused, InputError, NlentryError
from nlentry.isotime import parse_now
from nlentry.model import Catalog, Entry

__all__ = [
    "Case",
    "CaseFileError",
    "CaseResult",
    "FieldResult",
    "FieldTally",
    "FileReport",
    "Report",
    "Tally",
    "check",
    "failure_to_dict",
    "field_order",
    "find_case_files",
    "load_cases",
    "parse_now",
    "run",
]

#: The order fields are reported in; fields outside it follow, sorted.
FIELD_ORDER = ("date", "start", "end", "duration", "project", "service", "client", "persons", "tags", "error")

_REF_FIELDS = ("project", "service", "client")

ParseFn = Callable[..., Entry]


class CaseFileError(ValueError):
    """A case file (or the catalog a case names) cannot be read; the message names file and line."""


# --- cases ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One case of a case file."""

    id: str
    text: str
    expect: dict[str, Any]
    now: datetime | None = None
    lang: str | None = None
    catalog: Path | None = None
    path: Path | None = None
    line: int = 0

    @property
    def where(self) -> str:
        """`file:line`, for messages."""
        return f"{self.path}:{self.line}" if self.path is not None else f"line {self.line}"


def find_case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (every `*.jsonl` below) into case files, in order, without repeats.

    Raises `CaseFileError` for a path that does not exist or a directory with no case files.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
            if not files:
                raise CaseFileError(f"{path}: no *.jsonl case files in this directory")
        elif path.is_file():
            files = [path]
        else:
            raise CaseFileError(f"{path}: no such file or directory")
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found


def _find_catalog(name: str, folder: Path) -> Path | None:
    for directory in (folder, *folder.parents):
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


def load_cases(path: str | Path) -> list[Case]:
    """Read one case file; raises `CaseFileError` naming file and line for anything malformed."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CaseFileError(f"{path}: not UTF-8 text") from None
    folder = path.resolve().parent
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CaseFileError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(raw, dict):
            raise CaseFileError(f"{where}: a case must be a JSON object")
        text, expect = raw.get("text"), raw.get("expect")
        if not isinstance(text, str):
            raise CaseFileError(f"{where}: 'text' must be a string")
        if not isinstance(expect, dict):
            raise CaseFileError(f"{where}: 'expect' must be an object")
        now = None
        if raw.get("now") is not None:
            if not isinstance(raw["now"], str):
                raise CaseFileError(f"{where}: 'now' must be a string")
            try:
                now = parse_now(raw["now"])
            except ValueError as exc:
                raise CaseFileError(f"{where}: 'now' is {exc}") from None
        catalog = None
        if raw.get("catalog") is not None:
            if not isinstance(raw["catalog"], str):
                raise CaseFileError(f"{where}: 'catalog' must be a file name")
            catalog = _find_catalog(raw["catalog"], folder)
            if catalog is None:
                raise CaseFileError(f"{where}: catalog {raw['catalog']!r} not found beside the file or above")
        lang = raw.get("lang")
        cases.append(Case(
            id=str(raw.get("id", f"{path.name}:{number}")),
            text=text,
            expect=expect,
            now=now,
            lang=lang if isinstance(lang, str) else None,
            catalog=catalog,
            path=path,
            line=number,
        ))
    return cases


# --- checking one case ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldResult:
    """One expected field of a case: what was expected, what the parser gave, and whether they agree."""

    expected: Any
    got: Any
    ok: bool


def field_order(names: Iterable[str]) -> list[str]:
    """Field names in report order: `FIELD_ORDER` first, then the rest sorted."""
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    return sorted(names, key=lambda name: (rank.get(name, len(rank)), name))


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one case. `error` holds the parser's message when it raised; `confidence` is the
    entry's when the parser gave one without raising; `sure` says it was at or above the threshold, so
    the entry would be saved without asking."""

    case: Case
    fields: dict[str, FieldResult]
    error: str | None = None
    seconds: float = 0.0
    confidence: float | None = None
    sure: bool = False

    @property
    def passed(self) -> bool:
        """Every expected field is right (an exact match)."""
        return all(f.ok for f in self.fields.values())

    @property
    def silent_wrong(self) -> bool:
        """Wrong, yet sure enough to be saved without asking: the worst outcome."""
        return self.sure and not self.passed

    def wrong(self) -> list[tuple[str, FieldResult]]:
        """The fields that are wrong, in report order."""
        return [(name, self.fields[name]) for name in field_order(self.fields) if not self.fields[name].ok]


def _got(key: str, entry: Entry | None, data: dict[str, Any] | None, raised: bool) -> Any:
    if key == "error":
        return raised
    if entry is None or data is None:
        return None
    if key in _REF_FIELDS:
        ref = getattr(entry, key)
        return None if ref is None else ref.id
    if key == "persons":
        return [p.name for p in entry.persons]
    if key == "tags":
        return list(entry.tags)
    return data.get(key)


def check(
    case: Case,
    *,
    catalog: Catalog | None = None,
    use_lang: bool = False,
    parse: ParseFn | None = None,
    confirm_below: float = DEFAULT_CONFIRM_BELOW,
) -> CaseResult:
    """Parse one case and compare the keys of its `expect`.

    Parameters:
        case: the case.
        catalog: the catalog to resolve names against (the caller loads the one the case names).
        use_lang: pass the case's `lang` as the locale instead of letting the parser detect it.
        parse: the parse function (default `nlentry.parse`); a seam for tests.
        confirm_below: the confidence below which an entry is confirmed before it is saved.

    Never raises for a parser failure: an unexpected exception is recorded as the case's `error`.
    """
    if parse is None:
        import nlentry  # the parser itself loads on first use

        parse = nlentry.parse
    entry: Entry | None = None
    error: str | None = None
    raised = False
    started = time.perf_counter()
    try:
        entry = parse(case.text, catalog=catalog, now=case.now, locale=case.lang if use_lang else None)
    except EntryRefused as exc:
        entry, error, raised = exc.entry, f"refused: {exc}", True
    except InputError as exc:
        error, raised = f"input error: {exc}", True
    except NlentryError as exc:
        error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a parser bug must not stop the report; it is counted as a failure
        error = f"internal error: {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started

    data = entry.to_dict() if entry is not None else None
    fields = {}
    for key, expected in case.expect.items():
        got = _got(key, entry, data, raised)
        if key == "error":
            expected = bool(expected)
        fields[key] = FieldResult(expected, got, got == expected)
    confidence = entry.confidence if entry is not None and error is None else None
    sure = confidence is not None and confidence >= confirm_below
    return CaseResult(case, fields, error, seconds, confidence, sure)


# --- aggregating ---------------------------------------------------------------------------------


@dataclass
class FieldTally:
    """How often one field was right."""

    ok: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.ok / self.total if self.total else 0.0


@dataclass
class Tally:
    """Counts over a set of cases: cases, exact matches, and per field."""

    cases: int = 0
    exact: int = 0
    seconds: float = 0.0
    fields: dict[str, FieldTally] = field(default_factory=dict)
    silent_wrong: int = 0
    wrong_asked: int = 0
    right_asked: int = 0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.cases if self.cases else 0.0

    @property
    def silent_wrong_rate(self) -> float:
        """The share of all cases that are wrong yet sure (saved without asking)."""
        return self.silent_wrong / self.cases if self.cases else 0.0

    def add(self, result: CaseResult) -> None:
        self.cases += 1
        self.exact += result.passed
        if not result.passed:
            if result.silent_wrong:
                self.silent_wrong += 1
            else:
                self.wrong_asked += 1
        elif not result.sure and result.error is None:
            self.right_asked += 1
        self.seconds += result.seconds
        for key, f in result.fields.items():
            tally = self.fields.setdefault(key, FieldTally())
            tally.total += 1
            tally.ok += f.ok

    def ordered_fields(self) -> list[tuple[str, FieldTally]]:
        """The fields in report order: `FIELD_ORDER` first, then the rest sorted."""
        return [(name, self.fields[name]) for name in field_order(self.fields)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "exact": self.exact,
            "exact_rate": round(self.exact_rate, 4),
            "silent_wrong": self.silent_wrong,
            "silent_wrong_rate": round(self.silent_wrong_rate, 4),
            "wrong_asked": self.wrong_asked,
            "right_asked": self.right_asked,
            "fields": {k: {"ok": t.ok, "total": t.total, "rate": round(t.rate, 4)}
                       for k, t in self.ordered_fields()},
        }


@dataclass
class FileReport(Tally):
    """The tally of one case file, with every case's result."""

    path: Path = Path()
    results: list[CaseResult] = field(default_factory=list)

    def add(self, result: CaseResult) -> None:
        super().add(result)
        self.results.append(result)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), **super().to_dict()}


@dataclass
class Report:
    """The whole report: one `FileReport` a file, and the total."""

    files: list[FileReport] = field(default_factory=list)
    total: Tally = field(default_factory=Tally)

    def failures(self) -> Iterator[CaseResult]:
        """The failing cases, in file and line order."""
        for report in self.files:
            for result in report.results:
                if not result.passed:
                    yield result

    def to_dict(self, *, failures: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {"files": [f.to_dict() for f in self.files], "total": self.total.to_dict()}
        if failures:
            out["failures"] = [failure_to_dict(r) for r in islice(self.failures(), failures)]
        return out


def failure_to_dict(result: CaseResult) -> dict[str, Any]:
    """A failing case as JSON: where it is, its text, and expected versus got for the wrong fields."""
    return {
        "id": result.case.id,
        "where": result.case.where,
        "text": result.case.text,
        "error": result.error,
        "confidence": result.confidence,
        "silent": result.silent_wrong,
        "fields": {k: {"expected": f.expected, "got": f.got} for k, f in result.wrong()},
    }


def run(
    paths: Iterable[str | Path],
    *,
    catalog: Catalog | None = None,
    use_lang: bool = False,
    parse: ParseFn | None = None,
    on_result: Callable[[CaseResult], None] | None = None,
    confirm_below: float = DEFAULT_CONFIRM_BELOW,
) -> Report:
    """Check every case of the given files and directories.

    Parameters:
        paths: case files, or directories (every `*.jsonl` below).
        catalog: when given, used for every case, overriding the catalogs the cases name.
        use_lang: pass each case's `lang` as the locale (default: the parser detects it).
        parse: the parse function (default `nlentry.parse`).
        on_result: called after each case, e.g. for progress.
        confirm_below: the confirmation threshold that decides which wrong cases are silent.

    All files are read before any case runs, so a bad file fails fast with `CaseFileError`.
    """
    loaded = [(path, load_cases(path)) for path in find_case_files(paths)]
    catalogs: dict[Path, Catalog] = {}

    def catalog_for(case: Case) -> Catalog | None:
        if catalog is not None or case.catalog is None:
            return catalog
        if case.catalog not in catalogs:
            try:
                catalogs[case.catalog] = Catalog.load(case.catalog)
            except NlentryError as exc:
                raise CaseFileError(f"{case.where}: {exc}") from None
        return catalogs[case.catalog]

    report = Report()
    for path, cases in loaded:
        file_report = FileReport(path=path)
        for case in cases:
            result = check(case, catalog=catalog_for(case), use_lang=use_lang, parse=parse,
                           confirm_below=confirm_below)
            file_report.add(result)
            report.total.add(result)
            if on_result is not None:
                on_result(result)
        report.files.append(file_report)
    return report
