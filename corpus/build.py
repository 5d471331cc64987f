#!/usr/bin/env python3
"""Build the labelled corpus: the cases are defined in Python and the JSONL files are generated from them.

Each locale's cases live beside its files, in `corpus/<code>/cases.py`: one function `<kind>_cases(f)`
per case file `corpus/<code>/<kind>.jsonl`. Locales are discovered from those folders, so a new language
is a new folder and nothing here changes. Every expected date, clock time and duration is computed from
the case's own `now` with the helpers of `common.py` (datetime arithmetic), never typed in by eye.

Usage::

    python corpus/build.py            # rewrite corpus/catalog.json and corpus/<code>/*.jsonl
    python corpus/build.py --check    # exit 1 when the files differ from what this script makes

`tests/test_corpus_build.py` runs the check, so the committed files always equal what the code computes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # the cases modules import `common` from here

from common import (  # noqa: E402
    AMSTERDAM,
    CATALOG,
    CATALOG_FILE,
    CATALOG_KEYS,
    DAY,
    CaseFile,
    _minutes_of,
)

# The case files of a locale, in this order; a locale's cases.py defines `<kind>_cases` for those it has.
KINDS = ("duration", "clock", "range", "date", "entry", "negative")


# =================================================================================================
# Building, validating, writing
# =================================================================================================

def locales(root: Path = HERE) -> tuple[str, ...]:
    """The locale codes with cases: every `corpus/<code>/` folder that holds a `cases.py`, sorted."""
    return tuple(sorted(p.parent.name for p in root.glob("*/cases.py")))


def cases_module(code: str, root: Path = HERE) -> ModuleType:
    """`corpus/<code>/cases.py`, loaded by path (the folders are not a package)."""
    spec = importlib.util.spec_from_file_location(f"corpus_{code}_cases", root / code / "cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_case_files(root: Path = HERE) -> list[CaseFile]:
    """Every case file of every locale: `<kind>_cases(f)` of `<code>/cases.py` fills `<code>/<kind>.jsonl`."""
    files = []
    for code in locales(root):
        module = cases_module(code, root)
        for kind in KINDS:
            builder = getattr(module, f"{kind}_cases", None)
            if builder is not None:
                f = CaseFile(code, kind)
                builder(f)
                files.append(f)
    return files


def validate(files: list[CaseFile]) -> list[str]:
    """Consistency checks on the cases themselves; returns a list of problems (empty when fine)."""
    problems: list[str] = []
    ids = {section: {row["id"] for row in CATALOG[section]} for section in CATALOG}
    person_names = {row["name"] for row in CATALOG["people"]}
    for f in files:
        seen: set[tuple[str, str]] = set()
        for rec in f.records():
            where = f"{rec['id']} {rec['text']!r}"
            e = rec["expect"]
            text = rec["text"]
            if text != text.strip() or not text:
                problems.append(f"{where}: text has surrounding blanks or is empty")
            key = (text, rec["now"])
            if key in seen:
                problems.append(f"{where}: duplicate of an earlier case (same text and now)")
            seen.add(key)
            now = datetime.fromisoformat(rec["now"])
            wall = now.replace(tzinfo=None)
            if wall.replace(tzinfo=AMSTERDAM).utcoffset() != now.utcoffset():
                problems.append(f"{where}: now offset is not Europe/Amsterdam's")
            if not e:
                problems.append(f"{where}: empty expect")
            if "error" in e and e != {"error": True}:
                problems.append(f"{where}: an error case expects only error: true")
            if "date" in e:
                date.fromisoformat(e["date"])
            for k in ("start", "end"):
                if e.get(k) is not None:
                    _minutes_of(e[k])
            if all(e.get(k) is not None for k in ("start", "end", "duration")):
                delta = (_minutes_of(e["end"]) - _minutes_of(e["start"])) % (24 * 60)
                if delta * 60 != e["duration"]:
                    problems.append(f"{where}: duration is not end - start")
            if e.get("duration") is not None and not (isinstance(e["duration"], int) and 0 < e["duration"] <= DAY):
                problems.append(f"{where}: duration must be whole seconds in (0, 24h]")
            for k, section in (("project", "projects"), ("service", "services"), ("client", "clients")):
                if e.get(k) is not None and e[k] not in ids[section]:
                    problems.append(f"{where}: {k} {e[k]!r} is not in the catalog")
            for p in e.get("persons", []):
                if p not in person_names and p not in text.split() and p + "," not in text.split():
                    problems.append(f"{where}: person {p!r} is neither a catalog name nor a word of the text")
            for t in e.get("tags", []):
                if "#" + t not in text:
                    problems.append(f"{where}: tag {t!r} is not written as #{t} in the text")
            if CATALOG_KEYS & set(e) and rec.get("catalog") != CATALOG_FILE:
                problems.append(f"{where}: names are expected but no catalog is given")
    return problems


def _catalog_text() -> str:
    """catalog.json: one row per line, so a diff shows which item changed."""
    parts = ["{"]
    sections = list(CATALOG)
    for i, section in enumerate(sections):
        parts.append(f'  "{section}": [')
        rows = CATALOG[section]
        for j, row in enumerate(rows):
            comma = "," if j < len(rows) - 1 else ""
            parts.append("    " + json.dumps(row, ensure_ascii=False) + comma)
        parts.append("  ]" + ("," if i < len(sections) - 1 else ""))
    parts.append("}")
    return "\n".join(parts) + "\n"


def render() -> dict[Path, str]:
    """Every generated file (path relative to corpus/) with its exact text."""
    files = build_case_files()
    problems = validate(files)
    if problems:
        raise ValueError("invalid cases:\n  " + "\n  ".join(problems))
    out: dict[Path, str] = {Path(CATALOG_FILE): _catalog_text()}
    for f in files:
        lines = [json.dumps(rec, ensure_ascii=False) for rec in f.records()]
        out[Path(f.lang) / f"{f.kind}.jsonl"] = "\n".join(lines) + "\n"
    return out


def check(root: Path = HERE) -> list[str]:
    """Differences between the files under `root` and what `render()` makes (empty when equal)."""
    expected = render()
    problems = []
    for rel, text in expected.items():
        path = root / rel
        if not path.exists():
            problems.append(f"missing: {rel}")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"differs: {rel}")
    for lang in locales(root):
        for path in sorted((root / lang).glob("*.jsonl")) if (root / lang).is_dir() else []:
            if path.relative_to(root) not in expected:
                problems.append(f"not generated by build.py: {path.relative_to(root)}")
    return problems


def write(root: Path = HERE) -> dict[Path, str]:
    rendered = render()
    for rel, text in rendered.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return rendered


def counts(rendered: dict[Path, str]) -> dict[str, int]:
    return {str(rel): text.count("\n") for rel, text in rendered.items() if rel.suffix == ".jsonl"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the files differ from the generated ones")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print("corpus is out of date: run python corpus/build.py", file=sys.stderr)
            return 1
        print("corpus is up to date")
        return 0
    rendered = write()
    for rel, n in counts(rendered).items():
        print(f"{n:5d}  {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
