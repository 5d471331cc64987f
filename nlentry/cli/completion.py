"""Shell completion: the bash, zsh and fish scripts `nlentry completion SHELL` prints, and name lookup.

The scripts are generated from the argument parser, so every command and option completes as
`--help` lists it. Words of a phrase (`nlentry add 2 uur aan Web<Tab>`) complete to project,
service, client and person names and aliases from the cached catalog, through the hidden helper
`nlentry completion --names PREFIX` (no network, no parse). The quick-entry prompt uses
`catalog_names` too.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlentry.model import Catalog

__all__ = ["Command", "catalog_items", "catalog_names", "commands", "script"]

#: commands whose free words are a phrase: their words complete to catalog names
PHRASE = frozenset({"add", "start", "stop", "amend", "explain", "log", "parse"})


def _fold(text: str) -> str:
    from nlentry.catalog.index import fold

    return " ".join(fold(text).split())


def catalog_items(catalog: Catalog, kind: str | None = None) -> Iterator[tuple[str, str, str]]:
    """(text, kind, canonical name) for every name and alias in the catalog, of one kind or all."""
    sections = (("project", catalog.projects), ("service", catalog.services),
                ("client", catalog.clients), ("person", catalog.people))
    for section, items in sections:
        if kind is not None and section != kind:
            continue
        for item in items:
            yield item.name, section, item.name
            for alias in item.aliases:
                yield alias, section, item.name


def catalog_names(catalog: Catalog, prefix: str, kind: str | None = None) -> list[str]:
    """The names and aliases starting with `prefix` (case and accents ignored), sorted, each once."""
    folded = _fold(prefix)
    seen: dict[str, str] = {}
    for text, _, _ in catalog_items(catalog, kind):
        if _fold(text).startswith(folded):
            seen.setdefault(text.casefold(), text)
    return sorted(seen.values(), key=str.casefold)


# --- what the parser says ------------------------------------------------------------------------


@dataclass
class Command:
    """One command as the scripts need it."""

    name: str
    help: str
    options: list[str] = field(default_factory=list)
    #: option -> its choices (options taking a value without choices complete to files)
    choices: dict[str, list[str]] = field(default_factory=dict)
    #: options that take a value
    valued: list[str] = field(default_factory=list)
    #: help text of each option (fish and zsh show it)
    option_help: dict[str, str] = field(default_factory=dict)
    #: the words its first positional may be (sub-actions such as import/export, or choices)
    words: list[str] = field(default_factory=list)
    phrase: bool = False


def commands(parser: argparse.ArgumentParser, providers: list[str] | None = None) -> list[Command]:
    """The commands of the `nlentry` parser, with their options, option choices and sub-actions."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {a.dest: a.help or "" for a in sub._choices_actions}
    found = []
    for name, p in sub.choices.items():
        command = Command(name, helps.get(name, ""), phrase=name in PHRASE)
        for action in p._actions:
            if action.help == argparse.SUPPRESS:
                continue
            if isinstance(action, argparse._SubParsersAction):
                command.words += list(action.choices)
            elif not action.option_strings:
                if action.choices and not command.words:
                    command.words += [str(c) for c in action.choices]
            else:
                command.options += action.option_strings
                for flag in action.option_strings:
                    command.option_help[flag] = (action.help or "").replace("%(default)s",
                                                                            str(action.default))
                if action.nargs != 0:
                    command.valued += action.option_strings
                    values = [str(c) for c in action.choices] if action.choices else \
                        (providers or []) if action.dest == "provider" else []
                    if values:
                        for flag in action.option_strings:
                            command.choices[flag] = values
        found.append(command)
    return found


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    """The completion script for `shell` (bash, zsh or fish)."""
    from nlentry import providers

    found = commands(parser, providers.names())
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](found)


# --- bash ----------------------------------------------------------------------------------------


def _bash(found: list[Command]) -> str:
    names = " ".join(c.name for c in found)
    values = []
    for c in found:
        for flag, choices in c.choices.items():
            values.append(f'        "{c.name} {flag}") '
                          f'COMPREPLY=( $(compgen -W "{" ".join(choices)}" -- "$cur") ); return;;')
        others = [f for f in c.valued if f not in c.choices]
        if others:
            cases = "|".join(f'"{c.name} {f}"' for f in others)
            values.append(f"        {cases}) return;;")
    options = [f'        {c.name}) COMPREPLY=( $(compgen -W "{" ".join(c.options)}" -- "$cur") );;'
               for c in found]
    words = [f'        {c.name}) (( n == 0 )) && '
             f'COMPREPLY=( $(compgen -W "{" ".join(c.words)}" -- "$cur") );;' for c in found if c.words]
    phrase = "|".join(c.name for c in found if c.phrase)
    return f"""\
# bash completion for nlentry (made by 'nlentry completion bash'). Install:
#   nlentry completion bash > ~/.local/share/bash-completion/completions/nlentry
_nlentry() {{
    local cur prev cmd word i n=0
    COMPREPLY=()
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=""
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${{COMP_WORDS[i]}}"
        if [[ -z "$cmd" ]]; then
            [[ "$word" != -* ]] && cmd="$word"
        elif [[ "$word" != -* && "${{COMP_WORDS[i-1]}}" != -* ]]; then
            (( n++ ))
        fi
    done
    if [[ -z "$cmd" ]]; then
        COMPREPLY=( $(compgen -W "{names} --help --version" -- "$cur") )
        return
    fi
    case "$cmd $prev" in
{chr(10).join(values)}
    esac
    if [[ "$cur" == -* ]]; then
        case "$cmd" in
{chr(10).join(options)}
        esac
        return
    fi
    case "$cmd" in
        {phrase})
            local IFS=$'\\n'
            COMPREPLY=( $("${{COMP_WORDS[0]}}" completion --names "$cur" 2>/dev/null) );;
{chr(10).join(words)}
    esac
}}
complete -o default -o bashdefault -F _nlentry nlentry
"""


# --- zsh -----------------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh(found: list[Command]) -> str:
    described = "\n".join(f"    {_zsh_quote(c.name + ':' + c.help.replace(':', ' -'))}" for c in found)
    values = []
    for c in found:
        for flag, choices in c.choices.items():
            values.append(f'    "{c.name} {flag}") compadd -- {" ".join(choices)}; return;;')
        others = [f for f in c.valued if f not in c.choices]
        if others:
            cases = "|".join(f'"{c.name} {f}"' for f in others)
            values.append(f"    {cases}) _files; return;;")
    options = [f"    {c.name}) compadd -- {' '.join(c.options)};;" for c in found]
    words = [f"    {c.name}) (( n == 0 )) && compadd -- {' '.join(c.words)} || _files;;"
             for c in found if c.words]
    phrase = "|".join(c.name for c in found if c.phrase)
    return f"""\
#compdef nlentry
# zsh completion for nlentry (made by 'nlentry completion zsh'). Install:
#   nlentry completion zsh > "${{fpath[1]}}/_nlentry"     (or in ~/.zshrc: source <(nlentry completion zsh))
_nlentry() {{
  local -a _nl_commands _nl_names
  local cmd="" i n=0
  _nl_commands=(
{described}
  )
  for (( i = 2; i < CURRENT; i++ )); do
    if [[ -z $cmd ]]; then
      [[ ${{words[i]}} != -* ]] && cmd=${{words[i]}}
    elif [[ ${{words[i]}} != -* && ${{words[i-1]}} != -* ]]; then
      (( n++ ))
    fi
  done
  if [[ -z $cmd ]]; then
    if [[ $PREFIX == -* ]]; then compadd -- --help --version
    else _describe -t commands 'nlentry command' _nl_commands; fi
    return
  fi
  case "$cmd ${{words[CURRENT-1]}}" in
{chr(10).join(values)}
  esac
  if [[ $PREFIX == -* ]]; then
    case $cmd in
{chr(10).join(options)}
    esac
    return
  fi
  case $cmd in
    {phrase})
      _nl_names=(${{(f)"$(${{words[1]}} completion --names "$PREFIX" 2>/dev/null)"}})
      compadd -M 'm:{{a-zA-Z}}={{A-Za-z}}' -a _nl_names;;
{chr(10).join(words)}
    *) _files;;
  esac
}}
if [[ "$funcstack[1]" == "_nlentry" ]]; then _nlentry "$@"; else compdef _nlentry nlentry; fi
"""


# --- fish ----------------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


_FLAG = re.compile(r"^--?")


def _fish(found: list[Command]) -> str:
    lines = ["# fish completion for nlentry (made by 'nlentry completion fish'). Install:",
             "#   nlentry completion fish > ~/.config/fish/completions/nlentry.fish",
             "complete -c nlentry -f"]
    for c in found:
        lines.append(f"complete -c nlentry -n __fish_use_subcommand -a {c.name} -d {_fish_quote(c.help)}")
    for c in found:
        seen = f"'__fish_seen_subcommand_from {c.name}'"
        for flag in c.options:
            kind = "-l" if flag.startswith("--") else "-s"
            line = f"complete -c nlentry -n {seen} {kind} {_FLAG.sub('', flag)}"
            if flag in c.choices:
                line += f" -x -a {_fish_quote(' '.join(c.choices[flag]))}"
            elif flag in c.valued:
                line += " -r -F"
            help_text = c.option_help.get(flag, "")
            lines.append(line + (f" -d {_fish_quote(help_text)}" if help_text else ""))
        if c.words:
            words = " ".join(c.words)
            lines.append(f"complete -c nlentry -n '__fish_seen_subcommand_from {c.name}; and not "
                         f"__fish_seen_subcommand_from {words}' -a {_fish_quote(words)}")
    phrase = " ".join(c.name for c in found if c.phrase)
    lines.append(f"complete -c nlentry -n '__fish_seen_subcommand_from {phrase}' "
                 "-a '(nlentry completion --names (commandline -ct) 2>/dev/null)'")
    files = " ".join(c.name for c in found if not c.phrase and not c.words) + " catalog"
    lines.append(f"complete -c nlentry -n '__fish_seen_subcommand_from {files}' -F")
    return "\n".join(lines) + "\n"
