"""The deployment files (Dockerfile, compose.yaml, deploy/systemd/*, deploy/Caddyfile,
deploy/slack-manifest.yaml) and the guide (docs/deploy.md) run nothing the tests have not run.

Neither Docker nor systemd runs here, so every command line those files give nlentry is read out of them
and run for real: `nlentry db upgrade` against a PostgreSQL database of the test cluster, `nlentry serve
...` as its own process with that database (the only change: the port, 8080 or the systemd instance
`%i`, becomes a free one), the Dockerfile's health check against that process (0 while it serves, not 0
once it is gone), and `/readyz`. A command line of another kind fails the test until a test runs it.
The compose file, the Caddyfile and the Slack manifest are checked for their structure: which services
run which image and command, where the secrets come from (the environment, never a literal), which
upstreams Caddy asks, and that the manifest's URLs are routes of the app and its scopes what the server
uses. The guide is followed from an empty database: its nlentry command lines in order, then its `curl`
lines against a process serving what they made.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from nlentry.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PORT = "8080"


def dockerfile() -> dict[str, list[str]]:
    """The Dockerfile's instructions that take a JSON array (ENTRYPOINT, CMD, HEALTHCHECK's CMD)."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"(ENTRYPOINT|CMD|HEALTHCHECK)\s+(.*)", line.strip())
        if match:
            array = match[2]
            if match[1] == "HEALTHCHECK":  # options, then CMD and the command
                options, _, array = array.partition(" CMD ")
                assert array.startswith("["), line
            found[match[1]] = json.loads(array)
    return found


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit's `[Service]` settings: name -> values in order."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in (DEPLOY / "systemd" / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            settings.setdefault(key, []).append(value)
    return settings


def nlentry_commands() -> list[tuple[str, list[str]]]:
    """(where, nlentry's arguments) of every nlentry command line in the deployment files."""
    found = []
    image = dockerfile()
    assert image["ENTRYPOINT"] == ["nlentry"]
    found.append(("Dockerfile CMD", image["CMD"]))
    for name, service in compose()["services"].items():
        if service.get("build") == ".":  # the image of the Dockerfile: its ENTRYPOINT runs the command
            found.append((f"compose.yaml {name}", service.get("command", image["CMD"])))
    for name in sorted(p.name for p in (DEPLOY / "systemd").glob("*.service")):
        for line in unit(name).get("ExecStart", []):
            program, *args = shlex.split(line)
            assert Path(program).name == "nlentry", f"{name}: {line}"
            found.append((f"{name} ExecStart", args))
    return found


def test_the_deployment_files_run_only_upgrade_and_serve() -> None:
    commands = nlentry_commands()
    kinds = {tuple(args[:2]) if args[0] == "db" else (args[0],) for _, args in commands}
    assert kinds == {("db", "upgrade"), ("serve",)}, commands  # what test_each_command_runs runs
    assert len(commands) == 6  # Dockerfile, compose migrate + 2 processes, 2 systemd units


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


@pytest.mark.slow
def test_each_command_runs(tmp_path: Path, pg_url: str, secret_key: str) -> None:
    env = {"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_DATABASE_URL": pg_url,
           "NLENTRY_SECRET_KEY": secret_key, "PATH": os.environ.get("PATH", "")}
    health = dockerfile()["HEALTHCHECK"]
    for where, args in nlentry_commands():
        if args[:2] == ["db", "upgrade"]:
            assert main(args, env=env) == 0, where
            continue
        port = _free_port()
        argv = [str(port) if a in (PORT, "%i") else a for a in args]
        assert argv != args, f"{where}: no port to replace in {args}"
        server = subprocess.Popen([sys.executable, "-m", "nlentry", *argv], env=env, cwd=tmp_path,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        probe = [sys.executable if a == "python" else a.replace(f":{PORT}/", f":{port}/") for a in health]
        try:
            deadline = time.monotonic() + 60
            while _get(port, "/healthz") != 200:
                assert server.poll() is None, f"{where}: {server.stderr.read().decode()[-2000:]}"  # type: ignore[union-attr]
                assert time.monotonic() < deadline, f"{where}: not up in 60 s"
                time.sleep(0.2)
            assert _get(port, "/readyz") == 200, where
            assert subprocess.run(probe, timeout=30).returncode == 0, (where, probe)
        finally:
            server.terminate()
            server.wait(30)
        assert subprocess.run(probe, timeout=30, capture_output=True).returncode != 0, probe  # it checks


def test_compose_runs_postgres_an_upgrade_two_processes_and_a_tls_proxy() -> None:
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:15")
    assert services["migrate"]["command"] == ["db", "upgrade"] and services["migrate"]["restart"] == "no"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    processes = [n for n, s in services.items() if s.get("command", [""])[0] == "serve"]
    assert len(processes) == 2
    for name in processes:
        service = services[name]
        assert service["build"] == "." and service["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully")
        assert "nlentry-home:/var/lib/nlentry" in service["volumes"]  # one home: the users' journals
    # every secret comes from the environment (.env), none is written in the file
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET|DATABASE_URL", key):
                assert "${" in str(value), f"{name}: {key} must come from .env"
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:") and {"80:80", "443:443"} <= set(proxy["ports"])
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    upstreams = re.search(r"reverse_proxy\s+([^{\n]+)", caddyfile)
    assert upstreams and sorted(upstreams[1].split()) == sorted(f"{n}:{PORT}" for n in processes)
    assert re.search(r"health_uri\s+/readyz", caddyfile)


def test_the_image_and_the_units_keep_secrets_out_and_run_as_nlentry() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.\d+-slim$", text, re.M)
    assert "pip install --no-cache-dir '.[server,postgres]'" in text
    assert re.search(r"^USER nlentry$", text, re.M) and "VOLUME /var/lib/nlentry" in text
    assert "ENV NLENTRY_HOME=/var/lib/nlentry" in text
    assert not re.search(r"SECRET|PASSWORD|DATABASE_URL", text.split("ENTRYPOINT")[0].replace(
        "NLENTRY_SECRET_KEY, the database password in NLENTRY_DATABASE_URL", ""))
    copied = re.findall(r"^COPY (.+) \S+$", text, re.M)
    for part in " ".join(copied).split():
        assert (ROOT / part).exists(), part
    for name in ("nlentry@.service", "nlentry-db-upgrade.service"):
        service = unit(name)
        assert service["User"] == ["nlentry"] and service["EnvironmentFile"] == ["/etc/nlentry/nlentry.env"]
        assert service["Environment"] == ["NLENTRY_HOME=/var/lib/nlentry"]
    assert unit("nlentry-db-upgrade.service")["Type"] == ["oneshot"]
    upgrade = (DEPLOY / "systemd" / "nlentry@.service").read_text(encoding="utf-8")
    assert re.search(r"^After=.*nlentry-db-upgrade\.service", upgrade, re.M)


@pytest.mark.anyio
async def test_the_slack_manifest_points_at_the_apps_routes_with_the_scopes_it_uses(tmp_path: Path) -> None:
    import httpx

    from nlentry.server.app import create_app
    from nlentry.server.settings import Settings

    manifest = yaml.safe_load((DEPLOY / "slack-manifest.yaml").read_text(encoding="utf-8"))
    (command,) = manifest["features"]["slash_commands"]
    interactivity = manifest["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    settings = Settings.load({"NLENTRY_HOME": str(tmp_path), "NLENTRY_SLACK_SIGNING_SECRET": "s" * 32})
    app = create_app(settings, worker=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.post("/slack/no-such-route")).status_code == 404
        for url in (command["url"], interactivity["request_url"]):
            assert url.startswith("https://")
            # unsigned: refused (401), so the route is there
            answer = await client.post("/" + url.split("/", 3)[3], content=b"x=1")
            assert answer.status_code == 401, (url, answer.status_code)
    await app.state.nlentry.aclose()
    app.state.nlentry.close()
    assert command["command"].startswith("/") and command["should_escape"] is False
    # the server answers in the response and through response_url: no Web API method, so no other scope
    slack = (ROOT / "nlentry" / "server" / "slack.py").read_text(encoding="utf-8")
    assert "slack.com/api" not in slack
    assert manifest["oauth_config"]["scopes"] == {"bot": ["commands"]}


# --- the guide: docs/deploy.md ---------------------------------------------------------------------

GUIDE = ROOT / "docs" / "deploy.md"
#: how the guide runs nlentry: in a compose container, as the image's entry point, from the virtualenv
_NLENTRY = re.compile(r"(?:docker compose exec \S+ nlentry|docker run --rm nlentry:latest"
                      r"|/opt/nlentry/bin/nlentry)\s+([^)#\n]*)")
SITE = "https://nlentry.example.com"


def guide_sections() -> dict[str, str]:
    """The guide's `## ` sections (title -> text), its shell lines joined where they end in a backslash."""
    text = GUIDE.read_text(encoding="utf-8").replace("\\\n", " ")
    return {part.split("\n", 1)[0]: part for part in re.split(r"^## ", text, flags=re.M)[1:]}


def guide_commands(section: str) -> list[list[str]]:
    """nlentry's arguments of every nlentry command line of a section of the guide, in order."""
    found = []
    for match in _NLENTRY.finditer(section):
        args = [a for a in shlex.split(match[1]) if a != "2>/dev/null"]
        found.append(args)
    return found


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "nlentry", *args], env=env, input=stdin, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout.strip()


@pytest.mark.slow
def test_the_guide_takes_an_operator_from_nothing_to_a_serving_bot(tmp_path: Path, pg_cluster: Any) -> None:
    """Each way of the guide (A. compose, B. systemd) on an empty database: its nlentry commands in order
    (the key from its `db keygen`, the schema from the `db upgrade` its units run, then its users, keys
    and links), then a process serving that state, asked with the guide's own curl lines."""
    import uuid

    sections = guide_sections()
    ways = [title for title in sections if re.match(r"[AB]\. ", title)]
    assert len(ways) == 2, list(sections)
    checks = sorted({line.split("#")[0].strip() for text in sections.values() for line in text.splitlines()
                     if re.match(rf"\s*curl [^/]*{SITE}/", line)})  # the guide's requests to the bot
    assert len(checks) >= 3, checks  # /healthz, /readyz and /v1/parse at least
    ran: list[list[str]] = []
    for way in ways:
        commands = guide_commands(sections[way])
        assert commands[0] == ["db", "keygen"], (way, commands)
        name = f"t_{uuid.uuid4().hex[:16]}"
        env = {"PATH": os.environ.get("PATH", ""), "NLENTRY_HOME": str(tmp_path / name),
               "NLENTRY_DATABASE_URL": pg_cluster.database(name)}
        env["NLENTRY_SECRET_KEY"] = _run(commands[0], env)
        _run(["db", "upgrade"], env)  # what the guide's migrate service and oneshot unit run
        key = ""
        for args in commands[1:]:
            out = _run(args, env, stdin="a-timetagger-token\n" if "token=-" in args else "")
            key = out if args[:2] == ["apikey", "create"] else key
        assert key.startswith("nle_"), (way, commands)
        ran += commands
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "nlentry", "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while _get(port, "/healthz") != 200:
                assert server.poll() is None and time.monotonic() < deadline, way
                time.sleep(0.2)
            for line in checks:
                answer = subprocess.run(["bash", "-c", line.replace(SITE, f"http://127.0.0.1:{port}")],
                                        env={**env, "KEY": key}, capture_output=True, text=True, timeout=30)
                assert answer.returncode == 0, (line, answer.stderr)
                body = json.loads(answer.stdout)
                if "/v1/parse" in line:
                    assert body["duration"] > 0 and body["text"], (line, body)
                else:
                    assert body["status"] == "ok", (line, body)
        finally:
            server.terminate()
            server.wait(30)
        pg_cluster.drop(name)
    kinds = {tuple(args[:2]) for args in ran}
    assert kinds == {("db", "keygen"), ("users", "add"), ("apikey", "create"), ("users", "link")}, kinds
