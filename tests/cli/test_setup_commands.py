"""init, projects, services, people and completion through `main(argv, env)` with a temporary NLENTRY_HOME."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import CORPUS_CATALOG, Home

from nlentry import config

Cli = Callable[..., tuple[int, str, str]]


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nlentry: ") and "Traceback" not in err, err
    return lines[0]


# --- init ----------------------------------------------------------------------------------------


def test_init_with_flags_writes_a_private_config_and_imports_the_catalog(
        home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = home.cli(capsys, "init", "--provider", "local", "--language", "nl",
                                "--catalog", str(CORPUS_CATALOG), "--yes")
    assert status == 0, err
    path = home.path / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.path.stat().st_mode) == 0o700
    cfg = config.load(home.env)
    assert cfg.data["default_provider"] == "local" and cfg.data["language"] == "nl"
    assert "geschreven" in out and "23 projecten, 11 diensten" in out  # replies in the chosen language
    status, out, _ = home.cli(capsys, "projects", "--json")
    assert status == 0 and "Webshop" in {p["name"] for p in json.loads(out)}


def test_init_refuses_to_overwrite_without_force_and_keeps_other_providers(
        home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    config.set_provider_settings("timi", {"email": "me@example.com", "token": "timi-secret-123"},
                                 env=home.env)
    status, _, err = home.cli(capsys, "init", "--yes")
    assert status == 1 and "--force" in one_error_line(err)
    assert "default_provider" not in config.load(home.env).data

    status, out, err = home.cli(capsys, "init", "--provider", "timetagger", "--language", "en",
                                "--set", "base_url=http://127.0.0.1:9/api/v2", "--yes", "--force")
    assert status == 0, err
    cfg = config.load(home.env)
    assert cfg.default_provider == "timetagger"
    assert cfg.provider("timetagger") == {"base_url": "http://127.0.0.1:9/api/v2"}
    assert cfg.provider("timi")["token"] == "timi-secret-123"  # kept, and never shown
    assert "timi-secret-123" not in out + err
    assert "nlentry login timetagger" in out


def test_init_defaults_and_refusals(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = home.cli(capsys, "init", "--provider", "nosuch", "--yes")
    assert status == 1 and "nosuch" in one_error_line(err)
    status, _, err = home.cli(capsys, "init", "--language", "fr", "--yes")
    assert status == 1 and "fr" in one_error_line(err)
    status, _, err = home.cli(capsys, "init", "--provider", "timi", "--set", "token=abcd1234", "--yes")
    assert status == 1 and "nlentry login timi" in one_error_line(err) and "abcd1234" not in err
    status, _, err = home.cli(capsys, "init", "--set", "nonsense", "--yes")
    assert status == 1 and "KEY=VALUE" in one_error_line(err)
    assert not (home.path / "config.toml").exists()

    status, out, err = home.cli(capsys, "init", "--yes")  # no terminal, no flags: local, English
    assert status == 0, err
    cfg = config.load(home.env)
    assert (cfg.default_provider, cfg.data["language"]) == ("local", "en")
    assert "catalog import" in out  # local without a catalog: how to give it one


# --- projects, services, people ------------------------------------------------------------------


def test_projects_lists_client_aliases_and_inactive(cli: Cli) -> None:
    status, out, _ = cli("projects")
    assert status == 0
    lines = {line.split()[0] + (" " + line.split()[1] if line.startswith("Acme") else ""): line
             for line in out.splitlines()}
    assert "Bakkerij Bol" in lines["Webshop"] and "webwinkel" in lines["Webshop"]
    assert "(inactive)" in lines["Acme Legacy"] and "(inactive)" not in lines["Acme Portal"]
    assert "\x1b[" not in out  # no colour when not on a terminal

    status, out, _ = cli("projects", "--json", "--active")
    rows = json.loads(out)
    assert all(r["active"] for r in rows) and len(rows) == 21
    timi = next(r for r in rows if r["name"] == "Timi")
    assert timi == {"id": 47, "name": "Timi", "aliases": ["timi-app", "tango"], "client": "Timi BV",
                    "client_id": 2, "active": True}


def test_services_and_people_include_my_aliases(cli: Cli) -> None:
    assert cli("alias", "add", "ovl", "Overleg")[0] == 0
    status, out, _ = cli("services")
    assert status == 0
    overleg = next(line for line in out.splitlines() if line.startswith("Overleg"))
    assert "ovl" in overleg and "vergadering" in overleg
    status, out, _ = cli("people", "--json")
    people = {p["name"]: p["aliases"] for p in json.loads(out)}
    assert people["Rowan"] == ["ro"] and len(people) == 12


def test_listing_before_any_sync_gives_a_hint(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = home.cli(capsys, "projects")
    assert status == 0 and out == "" and "nlentry sync" in err
    status, out, _ = home.cli(capsys, "people", "--json")
    assert status == 0 and json.loads(out) == []
    status, _, err = home.cli(capsys, "services", "--provider", "nosuch")
    assert status == 1 and "nosuch" in one_error_line(err)


# --- completion ----------------------------------------------------------------------------------


def test_completion_scripts_carry_commands_options_and_the_names_helper(cli: Cli) -> None:
    for shell, dry_run in (("bash", "--dry-run"), ("zsh", "--dry-run"), ("fish", "-l dry-run")):
        status, out, _ = cli("completion", shell)
        assert status == 0
        for word in ("add", "login", "projects", dry_run, "completion --names"):
            assert word in out, (shell, word)
    status, _, err = cli("completion")
    assert status == 1 and "bash, zsh or fish" in one_error_line(err)
    status, _, err = cli("completion", "tcsh")
    assert status == 1


def test_names_helper_matches_names_and_aliases_by_prefix(cli: Cli) -> None:
    assert cli("completion", "--names", "web")[1].splitlines() == ["Webshop", "webwinkel"]
    assert cli("completion", "--names", "acme p")[1].splitlines() == ["Acme Portal"]
    assert cli("completion", "--names", "jos")[1].splitlines() == ["José"]  # accents ignored
    assert cli("completion", "--names", "r", "--kind", "person")[1].splitlines() == ["ro", "Rowan"]
    assert cli("completion", "--names", "zzz")[1] == ""


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_script_completes_commands_options_choices_and_names(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, script, _ = local_home.cli(capsys, "completion", "bash")
    assert status == 0
    path = tmp_path / "nlentry.bash"
    path.write_text(script, encoding="utf-8")
    program = Path(sys.executable).with_name("nlentry")
    assert program.exists(), "the nlentry console script is not installed beside the interpreter"

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{w}'" for w in (str(program), *words))
        code = (f"source '{path}'; COMP_WORDS=({line}); COMP_CWORD={len(words)}; _nlentry; "
                "printf '%s\\n' \"${COMPREPLY[@]}\"")
        done = subprocess.run(["bash", "--norc", "--noprofile", "-c", code], capture_output=True, text=True,
                              env={**local_home.env, "PATH": "/usr/bin:/bin"}, timeout=30, check=True)
        return [w for w in done.stdout.splitlines() if w]

    assert complete("am") == ["amend"]
    assert sorted(complete("log")) == ["log", "login"]
    assert complete("add", "--dr") == ["--dry-run"]
    assert complete("report", "--by", "cl") == ["client"]
    assert sorted(complete("add", "--provider", "tim")) == ["timeneye", "timetagger", "timi"]
    assert complete("add", "2", "uur", "aan", "Webs") == ["Webshop"]
    assert complete("catalog", "im") == ["import"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_is_valid(cli: Cli, tmp_path: Path) -> None:  # pragma: no cover - zsh is optional
    path = tmp_path / "_nlentry"
    path.write_text(cli("completion", "zsh")[1], encoding="utf-8")
    subprocess.run(["zsh", "-n", str(path)], check=True, timeout=30)


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_script_is_valid(cli: Cli, tmp_path: Path) -> None:  # pragma: no cover - fish is optional
    path = tmp_path / "nlentry.fish"
    path.write_text(cli("completion", "fish")[1], encoding="utf-8")
    subprocess.run(["fish", "--no-execute", str(path)], check=True, timeout=30)


def test_help_has_dutch_and_english_examples_and_the_exit_codes(
        home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = home.cli(capsys, "--help")
    assert status == 0
    assert "nlentry add 2,5 uur met Rowan aan Timi gewerkt" in out and "yesterday 9-11:30" in out
    assert "Uren boeken" in out and "3 ambiguous" in out and "4 a provider failed" in out
    for command in ("init", "login", "projects", "services", "people", "completion"):
        assert command in out
    status, out, _ = home.cli(capsys, "completion", "--help")
    assert "~/.config/fish/completions/nlentry.fish" in out and "bash-completion" in out
