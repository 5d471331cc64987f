"""Issue 12 on a real terminal (pexpect + the pyte VT100 screen): questions asked, or not, as a person
meets them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from cli_support import Home, Terminal

Start = Callable[..., Terminal]


def saved(home: Home, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    status, out, _ = home.cli(capsys, "ls", "--json")
    assert status == 0
    return [item["entry"] for item in json.loads(out)]


def test_picking_another_project_never_teaches_a_catalog_name_as_alias(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["add", "2 uur aan Timi en Webshop"], local_home.env)
    screen = term.wait_for("Opslaan? [J/n/1-2]")
    assert "1) Timi *" in screen and "2) Webshop" in screen
    term.type("2\r")
    term.wait_for("opgeslagen in local")
    assert term.wait_exit() == 0
    assert "onthouden" not in term.text  # 'Timi' is a project's own name: never an alias of Webshop
    assert [e["project"] for e in saved(local_home, capsys)] == [{"id": 52, "name": "Webshop"}]
    assert local_home.cli(capsys, "alias", "ls")[1] == ""
    status, out, _ = local_home.cli(capsys, "add", "2,5 uur met Rowan aan Timi gewerkt")
    assert status == 0 and "project Timi" in out


def test_a_near_miss_is_asked_once_then_learned(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["add", "2 uur aan webshp"], local_home.env)
    screen = term.wait_for("Opslaan? [J/n]")
    assert "'webshp' gelezen als project 'Webshop'" in screen and "project Webshop" in screen
    term.type("\r")
    term.wait_for("'webshp' onthouden als Webshop? [j/N]")
    term.type("j\r")
    term.wait_for("opgeslagen in local")
    assert term.wait_exit() == 0
    # the second time the alias is known: saved at once, no question
    term = terminal(["add", "1 uur aan webshp"], local_home.env)
    term.wait_for("opgeslagen in local")
    assert term.wait_exit() == 0
    assert "Opslaan?" not in term.text and "onthouden" not in term.text
    assert [e["project"] for e in saved(local_home, capsys)] == [{"id": 52, "name": "Webshop"}] * 2


def test_continue_on_a_terminal(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert local_home.cli(capsys, "add", "1 uur overleg aan Timi met Rowan #review")[0] == 0
    assert local_home.cli(capsys, "add", "30 min testing for Acme Portal")[0] == 0
    term = terminal(["ls", "--keys"], local_home.env)
    term.wait_for("#2")
    assert term.wait_exit() == 0
    term = terminal(["continue", "2"], local_home.env)
    screen = term.wait_for("verder met: Timi · Overleg")
    assert "timer gestart" in screen
    assert term.wait_exit() == 0
    term = terminal(["status"], local_home.env)
    assert "Timi · Overleg" in term.wait_for("sinds")
    assert term.wait_exit() == 0


def test_undo_shows_the_entry_and_asks(terminal: Start, local_home: Home,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert local_home.cli(capsys, "add", "2 uur overleg aan Webshop")[0] == 0
    term = terminal(["undo"], local_home.env)
    screen = term.wait_for("Weghalen? [j/N]")
    assert "dit verdwijnt:" in screen and "2:00 · Webshop · Overleg" in screen
    term.type("n\r")
    term.wait_for("niets weggehaald")
    assert term.wait_exit() == 0
    assert len(saved(local_home, capsys)) == 1
    term = terminal(["undo"], local_home.env)
    term.wait_for("Weghalen? [j/N]")
    term.type("j\r")
    term.wait_for("ongedaan")
    assert term.wait_exit() == 0
    assert saved(local_home, capsys) == []
    assert local_home.cli(capsys, "add", "1 uur overleg aan Webshop")[0] == 0
    term = terminal(["undo", "-y"], local_home.env)  # -y: no question
    term.wait_for("ongedaan")
    assert term.wait_exit() == 0 and "Weghalen?" not in term.text


def test_the_chart_is_coloured_on_a_terminal_only(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert local_home.cli(capsys, "add", "2 uur aan Webshop")[0] == 0
    assert local_home.cli(capsys, "add", "1 uur aan Timi")[0] == 0
    term = terminal(["week"], local_home.env)
    screen = term.wait_for("Webshop 2:00")
    assert term.wait_exit() == 0
    assert "█" in screen
    colours = {char.fg for line in term.screen.buffer.values() for char in line.values() if char.data == "█"}
    assert len(colours - {"default"}) == 2  # one colour a project
    plain = terminal(["week"], {**local_home.env, "NO_COLOR": "1"})
    screen = plain.wait_for("Webshop 2:00")
    assert plain.wait_exit() == 0
    assert "█" not in screen and "# Webshop 2:00  = Timi 1:00" in screen


def test_the_quick_entry_prompt_asks_about_a_near_miss_once(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal([], local_home.env)
    term.wait_for("quick entry")
    term.type("2 uur aan webshp")
    term.wait_for("Enter vraagt: 'webshp' gelezen als project 'Webshop'")  # said before Enter
    term.type("\r")
    term.wait_for("Opslaan? [J/n]")
    term.type("\r")
    term.wait_for("'webshp' onthouden als Webshop? [j/N]")
    term.type("j\r")
    term.wait_for("opgeslagen in local")
    term.type("1 uur aan webshp")  # learned: nothing to ask any more
    term.wait_for('1:00 · project Webshop · dienst — · "aan webshp"')
    term.pump(0.3)
    assert "Enter vraagt" not in term.text.split("opgeslagen in local")[-1]
    term.type("\r")
    term.wait_for("opgeslagen in local\n>")
    term.wait_for("Ctrl-D leaves")
    for _ in range(5):  # a key sent while the prompt is still being drawn again can be lost: press again
        term.control("d")
        term.pump(1.0)
        if not term.child.isalive():
            break
    assert term.wait_exit() == 0
    assert term.text.count("Opslaan?") == 1
    assert [e["project"] for e in saved(local_home, capsys)] == [{"id": 52, "name": "Webshop"}] * 2
