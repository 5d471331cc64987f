"""The outbox storm, larger: many quick-entry commands as real processes against failing providers.

    .venv/bin/python benchmarks/storm.py                          # 150 commands per provider, a new seed
    .venv/bin/python benchmarks/storm.py --seed 1234 --steps 400  # replay a run, or a longer one
    .venv/bin/python benchmarks/storm.py --provider timi --provider tyme

For each provider (the Timi, Timeneye, Tyme, Toggl Track, Clockify and Harvest emulators served over
HTTP, and the real TimeTagger server), `python -m nlentry add/amend/undo/flush` run one after another,
with the provider answering 500 / 429 (Toggl: or its 402 quota) / stored-but-timed-out at random and
the commands SIGKILLed at random points (mid-post too);
then the faults stop and `nlentry flush` runs until quiet. `tests/storm_support.py` has the details.
It prints the seed and the counts per provider: acknowledged, at provider, duplicates, lost,
undone-still-there (and wrong form, stray, stuck), then every broken invariant. Exit status 1 when
an invariant broke, else 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from storm_support import PROVIDERS, Faults, provider_target, run_storm  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=None, help="replay this seed (default: a new one)")
    parser.add_argument("--steps", type=int, default=150, help="commands per provider (default 150)")
    parser.add_argument("--faults", type=float, default=1.0, metavar="FACTOR",
                        help="every fault's chance times FACTOR (default 1: 28%% of requests fail)")
    parser.add_argument("--same", type=float, default=0.5, metavar="SHARE",
                        help="the share of adds that use the one identical phrase (default 0.5)")
    parser.add_argument("--log", action="store_true", help="print every command and fault of a broken run")
    parser.add_argument("--provider", action="append", choices=PROVIDERS,
                        help="storm only this provider (repeatable; default: all seven)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10 ** 9)
    print(f"storm seed {seed} (replay: benchmarks/storm.py --seed {seed} --steps {args.steps} "
          f"--faults {args.faults:g} --same {args.same:g})", flush=True)
    broken = 0
    with tempfile.TemporaryDirectory(prefix="nlentry-storm-") as tmp:
        for name in args.provider or PROVIDERS:
            with provider_target(name, Path(tmp)) as target:
                result = run_storm(target, Path(tmp), seed=seed, steps=args.steps,
                                   faults=Faults().scaled(args.faults), same=args.same)
            print(result.line(), flush=True)
            for problem in result.problems():
                print(f"  {name}: {problem}", flush=True)
            if args.log and result.problems():
                print("\n".join(result.log), flush=True)
            broken += bool(result.problems())
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
