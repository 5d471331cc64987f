"""The outbox under a storm: nothing acknowledged is lost or doubled, whatever the provider and the kills do.

Quick-entry commands (`add` with the same phrase again and again and with distinct ones, `amend`,
`undo`, `flush`) run as real `python -m nlentry` processes against each hosted provider's emulator
(Timi, Timeneye, Tyme, Toggl Track, Clockify, Harvest) and the real TimeTagger server, behind a proxy
that answers 500 / 429 (Toggl: or its 402 quota) / stored-but-timed-out at random and SIGKILLs
commands mid-post; commands are also killed after random delays. Then `flush` runs until quiet
and every acknowledged entry must be at the provider exactly once in its latest form, every undone
one gone, and nothing else there (`tests/storm_support.py`). The counts are printed.

The seed is fixed (`STORM_SEED=<n>` replays another); `benchmarks/storm.py` is the larger run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storm_support import PROVIDERS, Faults, provider_target, run_storm

from nlentry.providers.timetagger.testing import timetagger_installed

#: with this seed and half again the benchmark's fault rate, the storm failed on the code before each
#: of the two fixes it led to (an amend lost after a flusher died mid-amend: timi and timetagger "wrong
#: form"; an undone TimeTagger record left on the server: "undone-still-there"); timed kills and a
#: busy machine make a run vary, so that is likely, not certain, for every run
SEED = int(os.environ.get("STORM_SEED", "3"))
STEPS = 30
#: the three trackers added later take fewer, so that the seven storms stay near three minutes; each
#: still adds the identical phrase several times, amends, undoes and is killed (asserted below)
FEWER_STEPS = {"toggl": 24, "clockify": 24, "harvest": 24}
FAULTS = Faults().scaled(1.5)


@pytest.mark.slow
@pytest.mark.parametrize("name", PROVIDERS)
def test_storm_loses_and_doubles_nothing(name: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    if name == "timetagger" and not timetagger_installed():
        pytest.skip("the timetagger package is not installed (pip install -e '.[test]')")
    with provider_target(name, tmp_path) as target:
        result = run_storm(target, tmp_path, seed=SEED, steps=FEWER_STEPS.get(name, STEPS), faults=FAULTS)
    with capsys.disabled():
        print(f"\n{result.line()}")
    assert result.problems() == [], "\n".join([result.line(), *result.problems(), "", *result.log])
    assert result.acknowledged > 0 and sum(result.faults.values()) > result.faults["pass"], \
        "the storm acknowledged entries and injected faults"
    assert result.same_adds > 1 and result.commands["amend"] and result.commands["undo"] and result.killed, \
        "identical phrases, amends, undos and kills in the mix"
