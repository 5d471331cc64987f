"""Fuzz `nlentry.parse`: many generated phrases, and every one must give an entry or an `NlentryError`.

Usage::

    python benchmarks/fuzz.py                     # 100,000 inputs, a random seed (printed)
    python benchmarks/fuzz.py --seed 1234         # the same inputs again
    python benchmarks/fuzz.py --count 20000       # fewer

The phrases are built from the parser's own vocabulary (every keyword of each locale's grammar, the
number, ordinal, day-part and cue words of its `locale.toml`, the catalog's names and aliases), the
words of the corpus phrases, numbers of every size and shape (`1e999`, `999999999999999999999`,
`31-12-9999`, `٣`, `²`), separators, and hostile Unicode (lone surrogates, control and bidi
characters, combining marks, characters whose case folding changes their length). A quarter of them
are corpus phrases with words swapped, inserted or dropped, so the deeper stages are reached too. Each
is read with a `now` near the corpus's, or (one in fifty) at the edges of what `datetime` holds; one
in five with a `locale` given.

It prints the seed, the count of inputs, of entries, of `NlentryError`s and of any other exception
(which must be 0: each is a crash, shown with its input and where it was raised), the slowest input
and its time (the 20 slowest of the run are timed again, best of 5, so that a pause of the machine
does not count), and the inputs per second. The exit status is 1 when there was a crash, else 0.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

NUMBERS = ["0", "00", "1", "2", "9", "10", "12", "13", "23", "24", "25", "59", "60", "61", "99", "100", "999",
           "1000", "9999", "10000", "99999", "999999999999999999999", "-1", "-0", "+3", "1e999", "1e3", "0.5",
           "2,5", "2.5", ",5", "1,", "1.", "1/2", "½", "٣", "²", "２", "1_000", "0x10", "nan", "inf"]
SHAPES = ["{h}:{m}", "{h}.{m}", "{h}u{m}", "{h}h{m}", "{d}-{mo}", "{d}/{mo}", "{d}-{mo}-{y}", "{d}/{mo}/{y}",
          "{y}-{mo}-{d}", "{h}-{h2}", "{h}:{m}-{h2}:{m}", "{n}h", "{n}m", "{n}u", "{n}min", "{n}pm", "{n}am"]
SEPARATORS = [" ", " ", " ", " ", "", ",", ", ", "-", " - ", "–", "—", "/", ":", ".", "&", "+", "~", "  ",
              "\t", "..", "'", '"', "(", ")", "#", "@"]
HOSTILE = ["\ud800", "\udcff", "\udfff\ud800", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029",
           "\u202e", "\u200d", "\u200b", "\ufeff", "\ufffd", "\u0301", "\u0338", "e\u0301", "\U0001f600",
           "\U0001f1f3\U0001f1f1", "ß", "İ", "ı", "ﬁ", "ŉ", "ǰ", "ΐ", "Σ", "ς", "\u00a0", "\u3000", "…", "·",
           "ⅷ", "Ⅻ", "①", "𝟗", "\U000e0041", "\uffff", "\U0010ffff", "ǅ", "ᾈ"]


def vocabulary() -> list[str]:
    """Every word the parser knows: grammar keywords, locale tables, catalog names, corpus words."""
    from nlentry import locales

    words: set[str] = set()
    for code in locales.available():
        locale = locales.get(code)
        words |= set(locale.literals)
        words |= set(locale.numbers) | set(locale.ordinals) | set(locale.daypart_words)
        for cues in locale.cues.values():
            words |= set(cues)
    catalog = json.loads((CORPUS / "catalog.json").read_text(encoding="utf-8"))
    for items in catalog.values():
        for item in items:
            words.add(item["name"])
            words |= set(item.get("aliases", ()))
    for phrase in corpus_phrases():
        words |= set(phrase.split())
    return sorted(words)


def corpus_phrases() -> list[str]:
    phrases = []
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                phrases.append(json.loads(line)["text"])
    return phrases


class Inputs:
    """The generator of fuzz inputs (a text and a `now`), all drawn from one seeded `random.Random`."""

    def __init__(self, seed: int) -> None:
        from nlentry import locales

        self.rng = random.Random(seed)
        self.words = vocabulary()
        self.phrases = corpus_phrases()
        self.codes = list(locales.available())
        self.base = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))

    def number(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            return rng.choice(NUMBERS)
        if kind < 0.7:
            return str(rng.randrange(10 ** rng.randint(1, 30)))
        shape = rng.choice(SHAPES)
        return shape.format(h=rng.randint(0, 30), h2=rng.randint(0, 30), m=f"{rng.randint(0, 99):02d}",
                            d=rng.randint(0, 40), mo=rng.randint(0, 14), y=rng.choice(["0", "1", "26", "2026",
                            "9999", "10000", "0001", str(rng.randint(0, 99999))]), n=self.rng.choice(NUMBERS))

    def token(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.55:
            word = rng.choice(self.words)
            return word.upper() if rng.random() < 0.05 else word
        if kind < 0.85:
            return self.number()
        if kind < 0.95:
            return rng.choice(HOSTILE)
        return "".join(chr(rng.randint(0x20, 0x10FFFF)) for _ in range(rng.randint(1, 3)))

    def text(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            words = rng.choice(self.phrases).split()
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(words) + 1)
                action = rng.random()
                if action < 0.4:
                    words.insert(at, self.token())
                elif action < 0.8 and at < len(words):
                    words[at] = self.token()
                elif at < len(words) and len(words) > 1:
                    del words[at]
            return " ".join(words)
        count = rng.randint(1, 12) if rng.random() < 0.98 else rng.randint(50, 400)
        parts = []
        for i in range(count):
            if i:
                parts.append(rng.choice(SEPARATORS))
            parts.append(self.token())
        return "".join(parts)

    def locale(self) -> str | None:
        """Mostly detected; one in five given, which may then not fit the phrase."""
        return self.rng.choice(self.codes) if self.rng.random() < 0.2 else None

    def now(self) -> datetime:
        rng = self.rng
        if rng.random() < 0.02:
            edge = rng.choice([datetime(1, 1, 1, 0, 0), datetime(1, 1, 1, 0, 30),
                               datetime(9999, 12, 31, 23, 59), datetime(9999, 12, 30, 12, 0)])
            return edge.replace(tzinfo=rng.choice([timezone.utc, timezone(timedelta(hours=14)),
                                                   timezone(timedelta(hours=-12))]))
        return self.base + timedelta(minutes=rng.randint(-60 * 24 * 400, 60 * 24 * 400))


def run(count: int, seed: int) -> int:
    """Run `count` inputs; print the report; return the number of crashes."""
    import nlentry
    from nlentry.errors import EntryRefused, NlentryError
    from nlentry.model import Catalog, Entry
    from nlentry.render import summary

    def show(entry: Entry | None) -> None:
        """What the front ends do with an entry: write it as UTF-8 JSON (no NaN) and as a summary."""
        if entry is not None:
            json.dumps(entry.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")
            summary(entry).encode("utf-8")

    catalog = Catalog.load(CORPUS / "catalog.json")
    inputs = Inputs(seed)
    for phrase in inputs.phrases:  # untimed: build the parsers, load the fallback's dateparser
        with contextlib.suppress(Exception):  # a crash here is found again in the run
            nlentry.parse(phrase, catalog=catalog, now=inputs.base)
    outcomes: Counter[str] = Counter()
    crashes: dict[tuple[str, str], tuple[int, str, datetime, str]] = {}
    slowest: list[tuple[int, str, datetime, str | None]] = []  # a heap of the 20 slowest

    def crashed(exc: Exception, text: str, now: datetime) -> str:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        key = (type(exc).__name__, f"{Path(frame.filename).name}:{frame.lineno}")
        seen = crashes.get(key)
        crashes[key] = (seen[0] + 1 if seen else 1, text, now, f"{type(exc).__name__}: {exc}")
        return "crash"

    started = time.perf_counter()
    for _ in range(count):
        text, now, locale = inputs.text(), inputs.now(), inputs.locale()
        entry: Entry | None = None
        t0 = time.perf_counter_ns()
        try:
            entry = nlentry.parse(text, catalog=catalog, now=now, locale=locale)
            outcome = "entry"
        except EntryRefused as exc:
            entry, outcome = exc.entry, "NlentryError"
        except NlentryError:
            outcome = "NlentryError"
        except Exception as exc:  # a crash: what this script looks for
            outcome = crashed(exc, text, now)
        elapsed = time.perf_counter_ns() - t0
        if entry is not None:
            try:
                show(entry)
            except Exception as exc:
                outcome = crashed(exc, text, now)
        outcomes[outcome] += 1
        if len(slowest) < 20:
            heapq.heappush(slowest, (elapsed, text, now, locale))
        elif elapsed > slowest[0][0]:
            heapq.heapreplace(slowest, (elapsed, text, now, locale))
    seconds = time.perf_counter() - started
    say = print  # the report
    say(f"seed: {seed}")
    say(f"inputs: {count}  entries: {outcomes['entry']}  NlentryError: {outcomes['NlentryError']}")
    say(f"other exceptions (crashes): {outcomes['crash']}")
    for (name, where), (times, text, now, message) in sorted(crashes.items(), key=lambda c: -c[1][0]):
        say(f"  {times} x {name} at {where}: {message[:200]}")
        say(f"    input: {text!r} now={now.isoformat()}")
    first, worst = max(slowest)[0], retimed(slowest, lambda t, n, c: nlentry.parse(t, catalog=catalog, now=n,
                                                                                   locale=c))
    ns, text, now = worst
    say(f"slowest in the run: {first / 1e6:.2f} ms; the 20 slowest timed again (best of 5), the slowest is "
        f"{ns / 1e6:.2f} ms ({len(text)} chars, now={now.isoformat()}): "
        f"{text[:300]!r}{' ...' if len(text) > 300 else ''}")
    say(f"inputs/second: {count / seconds:,.0f} ({seconds:.1f} s)")
    return outcomes["crash"]


def retimed(slowest: list[tuple[int, str, datetime, str | None]],
            parse: Callable[[str, datetime, str | None], object]) -> tuple[int, str, datetime]:
    """The slowest input after timing each candidate again (best of 5): a pause of the machine in the
    run (another process, the garbage collector) is not the parser's doing."""
    best = []
    for _, text, now, locale in slowest:
        times = []
        for _ in range(5):
            t0 = time.perf_counter_ns()
            with contextlib.suppress(Exception):  # errors and crashes are counted in the run
                parse(text, now, locale)
            times.append(time.perf_counter_ns() - t0)
        best.append((min(times), text, now))
    return max(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="how many inputs (default 100,000)")
    parser.add_argument("--seed", type=int, default=None, help="the seed (default: a new one, printed)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    return 1 if run(args.count, seed) else 0


if __name__ == "__main__":
    sys.exit(main())
