"""Every command that shows data prints JSON with --json (one document) and, for listings, JSON Lines
with --jsonl; each output is checked against the shape docs/schema/nlentry-cli.schema.json gives it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import ROOT, Home

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "schema" / "nlentry-cli.schema.json").read_text(encoding="utf-8"))
NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday


def check(value: Any, shape: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    schema = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{shape}"}
    jsonschema.validate(value, schema, cls=jsonschema.Draft202012Validator)


#: (command, the shape of its --json document, the shape of each --jsonl line or None)
COMMANDS: tuple[tuple[tuple[str, ...], str, str | None], ...] = (
    (("add", "2 uur overleg aan Webshop met Rowan #klant"), "add", None),
    (("add", "maandag en dinsdag 1 uur aan Timi"), "add", None),
    (("add", "--dry-run", "1h30 testing the webshop"), "add", None),
    (("start", "aan Timi"), "timer", None),
    (("status",), "status", None),
    (("stop",), "item", None),
    (("continue",), "timer", None),
    (("stop", "--cancel"), "timer", None),
    (("amend", "3 uur"), "item", None),
    (("ls", "--week"), "items", "item"),
    (("log", "--week"), "items", "item"),
    (("report", "--week"), "report", None),
    (("report", "--week", "--by", "person"), "report", None),
    (("export", "--week"), "items", "item"),
    (("parse", "2 uur aan Timi"), "entry", None),
    (("explain", "2 uur aan Timi"), "explain", None),
    (("sync",), "sync", None),
    (("flush",), "flush", None),
    (("outbox", "--all"), "outbox_items", "outbox_item"),
    (("alias", "ls"), "aliases", "alias"),
    (("providers",), "providers", "provider"),
    (("projects",), "catalog_rows", "catalog_row"),
    (("services",), "catalog_rows", "catalog_row"),
    (("people",), "catalog_rows", "catalog_row"),
    (("undo", "--yes"), "item", None),
)
NO_NOW = frozenset({"sync", "flush", "outbox", "alias", "providers", "projects", "services", "people",
                    "undo"})
LISTS = {"outbox_items": "outbox_item", "aliases": "alias", "providers": "provider",
         "catalog_rows": "catalog_row"}


def test_every_command_prints_json_of_its_documented_shape(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cli = local_home.cli
    assert cli(capsys, "alias", "add", "wbs", "Webshop")[0] == 0
    (local_home.path / "config.toml").write_text('default_provider = "local"\n[targets]\nweek = 36\n',
                                                 encoding="utf-8")
    for argv, shape, line_shape in COMMANDS:
        extra = () if argv[0] in NO_NOW else ("--now", NOW)
        if argv[0] == "export":
            extra += ("--format", "json")
        status, out, err = cli(capsys, *argv, "--json", *extra)
        assert status == 0, (argv, err)
        document = json.loads(out)
        if shape in LISTS:
            assert isinstance(document, list) and document, argv
            for row in document:
                check(row, LISTS[shape])
        else:
            check(document, shape)
        if line_shape is not None:
            status, out, err = cli(capsys, *[a for a in argv], "--jsonl", *[e for e in extra if e != "json"
                                                                            and e != "--format"])
            assert status == 0, (argv, err)
            lines = out.splitlines()
            assert len(lines) == len(document) and lines, argv
            for line in lines:
                check(json.loads(line), line_shape)


def test_the_schema_names_a_shape_for_each_command() -> None:
    shapes = {shape for _, shape, _ in COMMANDS} - set(LISTS) | set(LISTS.values())
    assert shapes <= set(SCHEMA["$defs"])
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in shapes:
        assert f"`{name}`" in doc, f"docs/cli.md does not name the shape {name}"
