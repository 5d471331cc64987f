"""What a cold parse imports: nothing it can do without (platformdirs on Linux, calendar), with the same
answers as the modules it does without."""

from __future__ import annotations

import calendar
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from nlentry import locales
from nlentry.resolve import month_days


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is taken on Linux only")
@pytest.mark.parametrize("xdg", [None, "", "   ", "/tmp/somewhere-else", "relative/cache"])
def test_the_cache_dir_is_platformdirs_own(xdg: str | None, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.delenv("NLENTRY_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert locales.cache_dir() == platformdirs.user_cache_dir("nlentry")


def test_the_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NLENTRY_CACHE_DIR", str(tmp_path / "c"))
    assert locales.cache_dir() == str(tmp_path / "c")


@pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is taken on Linux only")
def test_a_parse_imports_neither_platformdirs_nor_calendar(tmp_path: Path) -> None:
    code = ("import sys, nlentry; nlentry.parse('gisteren 2 uur overleg'); "
            "print(sorted(m for m in ('platformdirs', 'calendar') if m in sys.modules))")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_language_detection_reads_its_table_from_the_cache(tmp_path: Path) -> None:
    """Which words mark which language is read from the cache in a new process: no locale's vocabulary
    (its grammar's keywords, found by scanning the grammar text) is worked out on a parse."""
    code = ("import nlentry; from nlentry import locales; "
            "entry = nlentry.parse('gisteren 2 uur overleg met Rowan', now=None); "
            "print(entry.locale, locales._vocabulary.cache_info().currsize, "
            "locales._literal_set.cache_info().currsize)")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "NLENTRY_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run builds the cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                             check=True)
    assert out.stdout.split() == ["nl", "0", "0"]


def test_month_days_is_calendar_s() -> None:
    years = [*range(1, 10000), -400, -1, 0, 10_400, 123_456]
    assert [month_days(y, m) for y in years for m in range(1, 13)] == [
        calendar.monthrange(y, m)[1] for y in years for m in range(1, 13)]
