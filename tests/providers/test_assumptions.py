"""Every value a hosted provider's documents do not state is named in one place: its `assumptions.py`.

Each module lists its assumptions in `ASSUMED`; the comment above each one quotes the note of
spec/providers.md that says the document leaves it unknown (Timi section 1, Timeneye section 2, Tyme
section 4, Toggl Track 5, Clockify 6, Harvest 7). Every other constant there says where it comes from
([doc]) or that it is nlentry's own.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys

import pytest

SECTIONS = {"timi": 1, "timeneye": 2, "tyme": 4, "toggl": 5, "clockify": 6, "harvest": 7}


def constants(name: str) -> dict[str, str]:
    """Each upper-case name assigned in the provider's assumptions.py, with the `#:` comment above it
    (names assigned on consecutive lines, like `DATE_FIELDS` under `DURATION_FIELDS`, share one)."""
    lines = inspect.getsource(importlib.import_module(f"nlentry.providers.{name}.assumptions")).splitlines()
    found: dict[str, str] = {}
    previous = ""
    for node in ast.parse("\n".join(lines)).body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        for target in targets:
            if isinstance(target, ast.Name) and target.id.isupper():
                comment: list[str] = []
                row = node.lineno - 2
                while row >= 0 and lines[row].startswith("#:"):
                    comment.insert(0, lines[row][2:].strip())
                    row -= 1
                found[target.id] = previous = " ".join(comment) or (previous if lines[row].strip() else "")
    return found


def used_names(name: str) -> set[str]:
    """The assumptions the provider's client, mapping and auth modules refer to."""
    names: set[str] = set()
    for part in ("client", "mapping", "auth"):
        tree = ast.parse(inspect.getsource(importlib.import_module(f"nlentry.providers.{name}.{part}")))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith(".assumptions"):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "assumptions":
                names.add(node.attr)
    return names


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_each_assumption_is_named_and_cites_the_spec(name: str) -> None:
    module = importlib.import_module(f"nlentry.providers.{name}.assumptions")
    declared = constants(name)
    assert module.ASSUMED, f"{name} declares no assumptions"
    for key in module.ASSUMED:
        assert hasattr(module, key), f"{name}: ASSUMED names {key}, which is not defined"
        assert f"ASSUMED (section {SECTIONS[name]}" in declared[key], f"{name}.{key} does not cite the spec"
    for key, comment in declared.items():
        if key != "ASSUMED" and key not in module.ASSUMED:
            assert "[doc]" in comment or "nlentry's own" in comment, \
                f"{name}.{key}: neither documented nor nlentry's own, so it belongs in ASSUMED"


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_the_provider_uses_its_assumptions(name: str) -> None:
    module = importlib.import_module(f"nlentry.providers.{name}.assumptions")
    provider = importlib.import_module(f"nlentry.providers.{name}").PROVIDER
    assert provider.DEFAULT_BASE_URL == module.BASE_URL
    unused = set(module.ASSUMED) - used_names(name)
    assert not unused, f"{name}: declared but not used: {sorted(unused)}"


def test_the_assumptions_import_nothing_heavy() -> None:
    code = ("import sys\n"
            f"for name in {tuple(SECTIONS)!r}:\n"
            "    __import__(f'nlentry.providers.{name}.assumptions')\n"
            "print('httpx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
