"""Stage 4: leftover words resolved against the catalog (nlentry.catalog)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlentry.catalog.index import CatalogIndex, normalize, one_edit
from nlentry.catalog.match import Cues, NameMatch, Word, match_names
from nlentry.model import Alternative, Catalog, Ref

NL = Cues(
    project=frozenset({"aan", "voor", "op", "bij"}),
    person=frozenset({"met", "samen met"}),
    joiners=frozenset({"en", ","}),
)
NL_ARTICLES = Cues(NL.project, NL.person, NL.joiners, articles=frozenset({"een"}))
"""The Dutch cues with the indefinite article: a name right after it is left to the full assignment."""
EN = Cues(
    project=frozenset({"for", "on", "at"}),
    person=frozenset({"with", "together with"}),
    joiners=frozenset({"and", ","}),
)

CATALOG = Catalog.from_dict({
    "clients": [
        {"id": 1, "name": "Acme"},
        {"id": 2, "name": "Globex"},
        {"id": 3, "name": "Initech"},
    ],
    "projects": [
        {"id": 47, "name": "Timi", "client_id": 1, "aliases": ["timi-app", "tango"]},
        {"id": 48, "name": "Webshop", "client_id": 2},
        {"id": 49, "name": "Nieuwe Website", "client_id": 2},
        {"id": 50, "name": "Intranet 2.0", "client_id": 3},
        {"id": 51, "name": "Timing"},
        {"id": 52, "name": "Tangerine", "client_id": 3, "aliases": ["tango"]},
        {"id": 53, "name": "Oud Archief", "client_id": 1, "aliases": ["archief", "timi"], "active": False},
        {"id": 54, "name": "Webstop", "client_id": 3},
    ],
    "services": [
        {"id": 1, "name": "Development", "aliases": ["coden", "programmeren"]},
        {"id": 2, "name": "Testing", "aliases": ["testen"]},
        {"id": 3, "name": "Code review"},
        {"id": 4, "name": "Overleg", "aliases": ["meeting"]},
    ],
    "people": [
        {"id": 2, "name": "Rowan", "aliases": ["ro"]},
        {"id": 3, "name": "Kaat"},
        {"id": 4, "name": "Memo"},
        {"id": 5, "name": "Erik"},
        {"id": 6, "name": "Zoë"},
    ],
})


def words(text: str, *consumed: str, pattern: str = r"\S+") -> list[Word]:
    """The words of `text` minus those inside the `consumed` substrings (what the time grammar took)."""
    taken = [(text.index(c), text.index(c) + len(c)) for c in consumed]
    return [Word(m.group(), m.start(), m.end()) for m in re.finditer(pattern, text)
            if not any(s <= m.start() < e for s, e in taken)]


def match(text: str, *consumed: str, cues: Cues = NL, catalog: Catalog = CATALOG,
          pattern: str = r"\S+") -> NameMatch:
    return match_names(text, words(text, *consumed, pattern=pattern), CatalogIndex.of(catalog), cues)


def description(text: str, result: NameMatch, *consumed: str) -> list[str]:
    ws = words(text, *consumed)
    return [w.text for i, w in enumerate(ws) if i not in result.used]


# --- names ---------------------------------------------------------------------------------------


def test_alias_selects_project_and_its_client() -> None:
    text = "2 uur aan timi-app gewerkt"
    r = match(text, "2 uur")
    assert r.project == Ref(47, "Timi")
    assert r.client == Ref(1, "Acme")
    assert r.penalty == 0
    assert not r.alternatives
    assert description(text, r, "2 uur") == ["gewerkt"]
    assert [(s.field, s.text) for s in r.spans] == [("project", "timi-app")]


def test_multi_word_project_and_service() -> None:
    r = match("code review voor de Nieuwe Website")
    assert r.service == Ref(3, "Code review")
    assert r.project == Ref(49, "Nieuwe Website")
    assert r.client == Ref(2, "Globex")
    assert {(s.field, s.text) for s in r.spans} == {("service", "code review"), ("project", "Nieuwe Website")}


def test_name_with_inner_punctuation_and_digits() -> None:
    r = match("deploy Intranet 2.0, daarna koffie")
    assert r.project == Ref(50, "Intranet 2.0")
    assert [s.text for s in r.spans] == ["Intranet 2.0"]


def test_name_split_into_punctuation_words_still_matches() -> None:
    text = "aan timi-app gewerkt"
    r = match(text, pattern=r"\w+|[^\w\s]")
    assert r.project == Ref(47, "Timi")
    assert [s.text for s in r.spans] == ["timi-app"]


def test_case_and_accents_are_ignored() -> None:
    assert match("NIEUWE wébsite").project == Ref(49, "Nieuwe Website")
    assert match("met zoe").persons == (Ref(6, "Zoë"),)
    assert match("met ZOË").persons == (Ref(6, "Zoë"),)
    assert normalize("  Nieuwe   Wébsite. ") == "nieuwe website"


def test_longest_match_first() -> None:
    catalog = Catalog.from_dict({"projects": [{"id": 1, "name": "Website"},
                                              {"id": 2, "name": "Nieuwe Website"}]})
    assert match("Nieuwe Website", catalog=catalog).project == Ref(2, "Nieuwe Website")


# --- near misses ---------------------------------------------------------------------------------


def test_one_edit_typo_matches_with_penalty() -> None:
    r = match("webshp bijgewerkt")
    assert r.project == Ref(48, "Webshop")
    assert 0.1 <= r.penalty <= 0.2
    assert r.warnings


@pytest.mark.parametrize("typo", ["Wbeshop", "Webshopp", "Webshoq", "Nieuwe Webiste"])
def test_every_kind_of_single_edit(typo: str) -> None:
    assert match(typo).project is not None


def test_typos_of_short_words_or_names_do_not_match() -> None:
    assert match("Tmi").project is None          # query under five letters
    assert match("Timii").project is None        # name "Timi" under five letters
    assert match("Kaaat belde").persons == ()
    assert match("Webshhopp").project is None     # two edits


def test_exact_beats_near_miss() -> None:
    r = match("Timing")
    assert r.project == Ref(51, "Timing")
    assert r.penalty == 0


def test_stop_words_never_fuzzy_match() -> None:
    catalog = Catalog.from_dict({"projects": [{"id": 1, "name": "Voort"}, {"id": 2, "name": "Aang"}],
                                 "services": [{"id": 1, "name": "Metaal"}]})
    r = match("Voor aan met de", catalog=catalog)
    assert (r.project, r.service, r.persons, r.used) == (None, None, (), frozenset())


def test_one_edit() -> None:
    assert one_edit("webshop", "webshp") and one_edit("webshop", "wbeshop") and one_edit("webshop", "webshoq")
    assert not one_edit("webshop", "webshop") and not one_edit("abc", "bca")


# --- clients -------------------------------------------------------------------------------------


def test_client_selects_its_sole_active_project() -> None:
    r = match("voor Acme")   # Acme also owns an inactive project
    assert r.project == Ref(47, "Timi")
    assert r.client == Ref(1, "Acme")
    assert [(s.field, s.text) for s in r.spans] == [("client", "Acme")]
    assert r.used == frozenset({0, 1})


def test_client_with_two_projects_does_not_select_one() -> None:
    r = match("Globex overleg")
    assert r.project is None
    assert r.client == Ref(2, "Globex")
    assert r.service == Ref(4, "Overleg")
    assert [a.id for a in r.alternatives["project"]] == [48, 49]


def test_client_always_follows_from_project() -> None:
    assert match("Webshop").client == Ref(2, "Globex")
    assert match("Timing").client is None


# --- people --------------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [r"\S+", r"[^\s,]+|,"])
def test_persons_in_order_with_unknown_person(pattern: str) -> None:
    text = "overleg met Ro, Kaat en Jan over de planning"
    r = match(text, pattern=pattern)
    assert r.persons == (Ref(2, "Rowan"), Ref(3, "Kaat"), Ref(None, "Jan"))
    assert r.service == Ref(4, "Overleg")
    assert 0 < r.penalty < 0.15
    kept = [w.text for i, w in enumerate(words(text, pattern=pattern)) if i not in r.used]
    assert kept == ["over", "de", "planning"]
    assert [s.text for s in r.spans if s.field == "person"] == ["Ro", "Kaat", "Jan"]


def test_multi_word_person_cue_and_english() -> None:
    r = match("samen met Memo en Erik")
    assert r.persons == (Ref(4, "Memo"), Ref(5, "Erik"))
    assert r.used == frozenset(range(5))
    r = match("call together with Kaat and Bob on Webshop", cues=EN)
    assert r.persons == (Ref(3, "Kaat"), Ref(None, "Bob"))
    assert r.project == Ref(48, "Webshop")


def test_unknown_person_must_be_capitalised_when_the_writer_uses_capitals() -> None:
    assert match("Overleg met de klant").persons == ()
    assert match("Overleg met Jan").persons == (Ref(None, "Jan"),)
    assert match("overleg met jan").persons == (Ref(None, "jan"),)


def test_person_without_cue_only_when_in_catalog() -> None:
    assert match("Kaat en Memo gebeld").persons == (Ref(3, "Kaat"), Ref(4, "Memo"))
    assert match("Kaat en Memo gebeld").used == frozenset({0, 1, 2})
    assert match("Jan gebeld").persons == ()


def test_person_cue_then_service_name_is_a_service() -> None:
    r = match("bezig met code review")
    assert r.persons == ()
    assert r.service == Ref(3, "Code review")


def test_same_person_twice_is_listed_once() -> None:
    assert match("met Rowan en ro").persons == (Ref(2, "Rowan"),)


def test_cue_decides_between_fields() -> None:
    catalog = Catalog.from_dict({"projects": [{"id": 9, "name": "Erik"}],
                                 "people": [{"id": 5, "name": "Erik"}]})
    assert match("met Erik", catalog=catalog).persons == (Ref(5, "Erik"),)
    assert match("met Erik", catalog=catalog).project is None
    assert match("aan Erik", catalog=catalog).project == Ref(9, "Erik")
    r = match("Erik", catalog=catalog)
    assert r.project == Ref(9, "Erik") and r.persons == ()
    assert r.alternatives["persons"] == (Alternative(5, "Erik", 0.9),)
    assert r.penalty > 0


# --- tags ----------------------------------------------------------------------------------------


def test_tags_and_ticket_numbers() -> None:
    text = "bug #1234 opgelost #urgent, #klant-a"
    r = match(text)
    assert r.tags == ("urgent", "klant-a")
    assert description(text, r) == ["bug", "#1234", "opgelost"]
    assert [s.text for s in r.spans] == ["#urgent", "#klant-a"]


# --- ambiguity -----------------------------------------------------------------------------------


def test_alias_on_two_projects_is_reported() -> None:
    r = match("tango")
    assert r.project == Ref(47, "Timi")
    assert r.alternatives["project"] == (Alternative(52, "Tangerine", 0.9),)
    assert r.penalty >= 0.3


def test_near_miss_of_two_names_is_reported() -> None:
    r = match("websop")
    assert r.project == Ref(48, "Webshop")
    assert [a.id for a in r.alternatives["project"]] == [54]
    assert r.penalty >= 0.3 + 0.15


def test_two_projects_in_one_phrase() -> None:
    r = match("Timi en Webshop")
    assert r.project == Ref(48, "Webshop")   # equally likely: the longer name, then catalog order
    assert [a.id for a in r.alternatives["project"]] == [47]
    assert r.penalty >= 0.3
    r = match("Timi en Timing")
    assert r.project == Ref(51, "Timing")
    assert [a.id for a in r.alternatives["project"]] == [47]


def test_names_that_agree_are_not_ambiguous() -> None:
    r = match("Tangerine en tango")
    assert r.project == Ref(52, "Tangerine")
    assert (r.alternatives, r.penalty) == ({}, 0)
    assert description("Tangerine en tango", r) == ["en"]


def test_cue_lifts_one_of_two_projects() -> None:
    r = match("Timing aan Timi")
    assert r.project == Ref(47, "Timi")
    assert [a.id for a in r.alternatives["project"]] == [51]
    assert 0 < r.penalty < 0.3
    assert description("Timing aan Timi", r) == ["Timing"]


def test_inactive_project_only_when_nothing_active_matches() -> None:
    assert match("timi").project == Ref(47, "Timi")
    r = match("archief opgeruimd")
    assert r.project == Ref(53, "Oud Archief")
    assert r.penalty > 0 and r.warnings


# --- cues, gaps, used words ----------------------------------------------------------------------


def test_at_prefix_and_lone_at_are_project_cues() -> None:
    r = match("@acme")
    assert r.project == Ref(47, "Timi") and r.used == frozenset({0})
    assert [s.text for s in r.spans] == ["acme"]
    assert match("@ Webshop").used == frozenset({0, 1})


def test_no_name_across_a_time_expression() -> None:
    text = "Nieuwe 10:00 Website"
    r = match(text, "10:00")
    # "Nieuwe" alone may start the name (a prefix reading, always asked); "Website" is never joined to it
    assert [s.text for s in r.spans] in ([], ["Nieuwe"])
    assert r.project is None or r.penalty >= 0.45
    assert r.used <= frozenset({0})


def test_cue_must_touch_its_name() -> None:
    text = "aan 10:00 Timi"
    r = match(text, "10:00")
    assert r.project == Ref(47, "Timi")
    assert r.used == frozenset({1})


def test_used_indices_leave_the_description() -> None:
    text = "2 uur aan Timi gewerkt met Kaat #urgent"
    r = match(text, "2 uur")
    assert r.used == frozenset({0, 1, 3, 4, 5})
    assert description(text, r, "2 uur") == ["gewerkt"]


def test_unused_cue_words_stay() -> None:
    r = match("aan de muur gewerkt met 2 collega's")
    assert r.used == frozenset()
    assert r.persons == ()


def test_empty_input() -> None:
    r = match("")
    assert (r.project, r.persons, r.tags, r.used, r.penalty) == (None, (), (), frozenset(), 0)


def test_index_is_cached_per_catalog() -> None:
    assert CatalogIndex.of(CATALOG) is CatalogIndex.of(CATALOG)
    assert CatalogIndex.of(Catalog()) is not CatalogIndex.of(CATALOG)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="abcXYZ019 -.,\t\u00e9\u00df", min_size=1)))
def test_normalize_of_a_plain_word_is_its_lowercase(text: str) -> None:
    """The shortcut for one plain ASCII word gives the key the general folding gives."""
    from nlentry.catalog.index import _SPACES, EDGE_PUNCT, fold

    assert normalize(text) == _SPACES.sub(" ", fold(text)).strip().strip(EDGE_PUNCT).strip()


def test_an_index_is_forgotten_with_its_catalog() -> None:
    import gc

    catalog = Catalog.from_dict({"projects": [{"id": 1, "name": "Vergankelijk"}]})
    CatalogIndex.of(catalog)
    key = id(catalog)
    assert key in CatalogIndex._cache
    del catalog
    gc.collect()
    assert key not in CatalogIndex._cache


# --- a large catalog -----------------------------------------------------------------------------


def synthetic_catalog(projects: int = 10_000, seed: int = 7) -> Catalog:
    """`projects` projects with three aliases each, made of pronounceable invented words."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    seen: set[str] = set()

    def word() -> str:
        while True:
            w = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                return w

    rows = []
    for i in range(projects):
        name = word().capitalize()
        rows.append({"id": i, "name": f"{name} {word()}" if i % 3 == 0 else name, "client_id": i % 50,
                     "aliases": [f"{name.lower()}-app", word(), f"p{i}"]})
    return Catalog.from_dict({"clients": [{"id": c, "name": f"Client {c:02d}"} for c in range(50)],
                              "projects": rows})


def test_large_catalog() -> None:
    catalog = synthetic_catalog()
    assert sum(len(p.aliases) for p in catalog.projects) == 30_000
    index = CatalogIndex.of(catalog)
    target = catalog.projects[7777]
    text = f"aan {target.aliases[1]} gewerkt met Rowan"
    r = match_names(text, words(text), index, NL)
    assert r.project == Ref(7777, target.name)
    assert r.persons == (Ref(None, "Rowan"),)

    multi = catalog.projects[6000]
    text = f"voor {multi.name} #urgent"
    assert match_names(text, words(text), index, NL).project == Ref(6000, multi.name)

    spelling = target.aliases[1]
    typo = spelling[:2] + spelling[3] + spelling[2] + spelling[4:]
    expected = {p.id for p in catalog.projects
                if any(one_edit(typo, normalize(s)) for s in (p.name, *p.aliases) if len(s) >= 5)}
    r = match_names(typo, words(typo), index, NL)
    if expected == {7777}:
        assert r.project == Ref(7777, target.name) and r.penalty > 0
    else:
        assert r.project is not None and r.project.id in expected


# --- fast paths ----------------------------------------------------------------------------------


def test_name_match_behaves_as_a_frozen_dataclass() -> None:
    from dataclasses import fields, replace

    values = (Ref(1, "a"), None, Ref(2, "b"), (Ref(None, "c"),), ("t",), (), frozenset({1}),
              (("doubt", "ambiguous", "w"),))
    built = NameMatch(*values)
    assert built == NameMatch(*values) and hash(built.persons) == hash(NameMatch(*values).persons)
    as_fields = {f.name: getattr(built, f.name) for f in fields(NameMatch)}
    assert as_fields == dict(zip(NameMatch.__slots__, values, strict=True))
    fewer = replace(built, facts=(("doubt", "preferred", None),))
    assert (fewer.penalty, fewer.warnings) == (0.1, ()) and (built.penalty, built.warnings) == (0.3, ("w",))
    assert repr(built).startswith("NameMatch(project=Ref(id=1, name='a'), service=None, ")
    with pytest.raises(AttributeError):
        built.facts = ()  # type: ignore[misc]


@pytest.mark.parametrize("text", [
    "lang gepraat over het weer", "nieuwe webiste", "webshp", "2 uur intranet 2.0", "met iemand", "#tag",
    "@timi", "@ iets", "wat , en", "¨abc timi", "vandaag niets bijzonders gedaan", "Oud Archief",
])
def test_skipping_phrases_without_candidate_words_changes_nothing(text: str) -> None:
    from nlentry.catalog.match import _compile, _Reader

    ws = words(text)
    index = CatalogIndex.of(CATALOG)
    assert match_names(text, ws, index, NL) == _Reader(text, ws, index, _compile(NL)).run()


@pytest.mark.parametrize("text", [
    "Timi", "2 uur timi-app", "webshop testen", "Acme", "Globex", "Oud Archief", "archief", "intranet 2.0",
    "tango", "coden", "Code review", "meeting gehad", "gewerkt aan iets anders dan Timing", "Webstop.",
    "(Initech)", "Nieuwe Website bijgewerkt", "Rowan", "Timi Webshop", "#tag Timi", "timi, tango",
])
def test_the_single_name_shortcut_reads_as_the_full_assignment(text: str) -> None:
    """`_Reader._single` (one uncued exact name) gives what the general `_assign` gives, or declines."""
    from nlentry.catalog.match import _compile, _Reader

    reader = _Reader(text, words(text), CatalogIndex.of(CATALOG), _compile(NL))
    mentions, tags = reader.segment()
    single = reader._single(mentions[0]) if len(mentions) == 1 and not tags else None
    full = reader._assign(mentions, tags)
    if single is not None:
        assert single == full
    assert match(text) == full


def _general(text: str, ws: list[Word], catalog: Catalog = CATALOG, cues: Cues = NL) -> NameMatch:
    """The reading without any shortcut: segment, then the full assignment."""
    from nlentry.catalog.match import _compile, _nothing, _Reader

    if not ws:
        return _nothing()
    reader = _Reader(text, ws, CatalogIndex.of(catalog), _compile(cues))
    mentions, tags = reader.segment()
    return reader._assign(mentions, tags) if mentions or tags else _nothing()


@pytest.mark.parametrize("text", [
    "webshop testen", "Timi Webshop", "testen aan Webshop", "overleg met Rowan aan Timi", "Rowan en Kaat",
    "met Rowan en Kaat overleg", "coden voor Oud Archief", "Acme testen", "Globex meeting",
    "een Webshop testen",
    "Timi Tangerine", "met Rowan , Kaat en Rowan over Timing", "@timi overleg", "met Erik aan Intranet 2.0",
    "Webshop Webstop", "meeting aan Rowan", "testen en coden", "met Memo aan Acme",
    "webshp testen", "met Jan aan Timi", "met jan", "Timi #tag", "#tag", "met Acmee", "met Rowna aan Timi",
    "intranet testen", "coden voor Oud Archief #oud", "met Jan en Jan", "Webshop en webshp",
])
def test_the_plain_shortcut_reads_as_the_full_assignment(text: str) -> None:
    """`_Reader._plain` (names that do not compete) gives what the general `_assign` gives, or declines."""
    from nlentry.catalog.match import _compile, _Reader

    reader = _Reader(text, words(text), CatalogIndex.of(CATALOG), _compile(NL))
    mentions, tags = reader.segment()
    plain = reader._plain(mentions, tags)
    full = reader._assign(mentions, tags)
    if plain is not None:
        assert plain == full
    assert match(text) == full == _general(text, words(text))


def test_the_plain_shortcut_takes_the_common_phrases() -> None:
    from nlentry.catalog.match import _compile, _Reader

    for text in ("webshop testen", "overleg met Rowan aan Timi", "met Rowan en Kaat overleg", "webshp testen",
                 "met Jan aan Timi", "Timi #tag", "met Acmee", "intranet testen"):
        reader = _Reader(text, words(text), CatalogIndex.of(CATALOG), _compile(NL))
        assert reader._plain(*reader.segment()) is not None, text


@pytest.mark.parametrize("word", [
    "Timi", "timi-app", "Webshop.", "(Initech)", "@timi", "#tag", "Rowan", "tango", "archief", "Acme",
    "Globex", "coden", "met", "webshp", "niets", "Oud", "",
])
def test_a_lone_word_reads_as_in_the_reader(word: str) -> None:
    text = f"2 uur {word}"
    ws = [Word(word, 6, 6 + len(word))] if word else []
    assert match_names(text, ws, CatalogIndex.of(CATALOG), NL) == _general(text, ws)


_VOCABULARY = [
    "Timi", "timi-app", "tango", "Webshop", "webshp", "Nieuwe", "Website", "Intranet", "2.0", "Timing",
    "Tangerine", "Oud", "Archief", "archief", "Webstop", "Acme", "acmee", "Globex", "Initech", "Development",
    "coden", "testen", "Code", "review", "Overleg", "meeting", "Rowan", "ro", "Kaat", "Memo", "Erik", "Zoë",
    "met", "samen", "aan", "voor", "op", "bij", "en", ",", "een", "de", "het", "#tag", "@", "@timi", "Jan",
    "jan", "gewerkt", "iets", "(Timi)", "Webshop,", "Rowan.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=7), st.lists(st.booleans(), min_size=7,
                                                                                  max_size=7))
def test_the_shortcuts_never_change_a_reading(chosen: list[str], glued: list[bool]) -> None:
    """match_names (with its shortcuts for one word and for names that do not compete) reads every
    phrase as segmenting and the full assignment do."""
    text = ""
    for k, w in enumerate(chosen):
        text += ("" if not k else "-" if glued[k] and w.isalpha() and chosen[k - 1].isalpha() else " ") + w
    ws = words(text, pattern=r"[^\s-]+")
    assert match_names(text, ws, CatalogIndex.of(CATALOG), NL) == _general(text, ws)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abc", min_size=4, max_size=4), min_size=1, max_size=10, unique=True),
       st.text("abc", min_size=3, max_size=5))
def test_near_short_finds_every_four_letter_name_one_edit_away(names: list[str], query: str) -> None:
    """`near_short` probes a table of one-letter-less strings; it must find what a pass over every short
    name finds (a small alphabet, so that most queries are one edit from some name)."""
    catalog = Catalog.from_dict({"projects": [{"id": n, "name": name} for n, name in enumerate(names)]})
    expected = tuple(n for n, name in enumerate(names) if one_edit(query, name))  # projects: target n
    assert CatalogIndex.of(catalog).near_short(query) == expected


def test_near_short_checks_only_names_that_share_a_letter_less(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a thousand four-letter names, "met Jann" checks a handful, not every one (it used to check
    each of them with `one_edit`: milliseconds a phrase with a large catalog)."""
    from nlentry.catalog import index as index_module

    rng = random.Random(7)
    names = sorted({"".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(2))
                    for _ in range(1500)})[:1000] + ["Jans"]
    catalog = Catalog.from_dict({"projects": [{"id": n, "name": name} for n, name in enumerate(names)]})
    index = CatalogIndex.of(catalog)
    checked: list[tuple[str, str]] = []

    def counting(a: str, b: str) -> bool:
        checked.append((a, b))
        return one_edit(a, b)

    monkeypatch.setattr(index_module, "one_edit", counting)
    assert [index.targets[n].name for n in index.near_short("jann")] == ["Jans"]
    assert 0 < len(checked) < 20


_NAME_WORDS = ["timi", "timo", "tango", "webshop", "webstop", "website", "nieuwe", "acme", "globex", "2.0",
               "intranet", "rowan", "kaat", "review", "code", "archief", "jans", "portal", "portaal"]


def _typo(word: str, at: int) -> str:
    """`word` with one letter dropped (or, for a short word, doubled): a near miss of it."""
    at %= len(word)
    return word[:at] + word[at + 1:] if len(word) > 4 else word[:at] + word[at] + word[at:]


@st.composite
def _catalog_and_phrase(draw: st.DrawFn) -> tuple[Catalog, str, str]:
    """A small catalog whose names share words (exact, near misses, multi-word names, aliases on several
    items, clients with one or more projects, inactive projects, people) and a phrase made of those words,
    their typos, cue words and other words; and how to cut the phrase into words."""
    name = st.tuples(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=3),
                     st.sampled_from([" ", " ", "-"])).map(lambda words_and_join: words_and_join[1].join(
                         words_and_join[0]))
    items = st.lists(st.tuples(name, st.lists(name, max_size=2)), min_size=1, max_size=4)
    clients = draw(items)
    data = {
        "clients": [{"id": n, "name": nm, "aliases": al} for n, (nm, al) in enumerate(clients)],
        "projects": [{"id": n, "name": nm, "aliases": al, "active": draw(st.booleans()),
                      "client_id": draw(st.sampled_from([None, *range(len(clients))]))}
                     for n, (nm, al) in enumerate(draw(items))],
        "services": [{"id": n, "name": nm, "aliases": al} for n, (nm, al) in enumerate(draw(items))],
        "people": [{"id": n, "name": nm.title(), "aliases": al} for n, (nm, al) in enumerate(draw(items))],
    }
    names = [n for section in data.values() for item in section for n in (item["name"], *item["aliases"])]
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(names), st.tuples(st.sampled_from(names), st.integers(0, 9)).map(lambda n: " ".join(
            [_typo(n[0].split(" ")[0], n[1]), *n[0].split(" ")[1:]])),  # a name, its first word mistyped
        st.sampled_from(_NAME_WORDS), st.sampled_from(_NAME_WORDS).map(str.title),
        st.tuples(st.sampled_from(_NAME_WORDS), st.integers(0, 9)).map(lambda w: _typo(*w)),
        st.sampled_from(["met", "aan", "voor", "en", ",", "een", "de", "gewerkt", "Jan", "#tag", "@", "@timi",
                         "Timi.", "(acme)"])), min_size=1, max_size=3))
    from nlentry.api import _WORDS  # how a parse cuts the leftover text into words ("Timi." is two)

    return Catalog.from_dict(data), " ".join(pieces), draw(st.sampled_from([r"\S+", _WORDS.pattern]))


@pytest.mark.parametrize("cues", [NL, NL_ARTICLES], ids=["nl", "nl-articles"])
@settings(max_examples=300, deadline=None)
@given(_catalog_and_phrase())
def test_the_shortcuts_never_change_a_reading_of_any_catalog(cues: Cues,
                                                             case: tuple[Catalog, str, str]) -> None:
    """Over generated catalogs: match_names (which skips phrases without a word that can be part of a
    name, reads a lone name, and one name among words that read nothing, without the reader, and takes
    the single and plain shortcuts) reads every phrase as the reader's segmenting and full assignment do."""
    catalog, text, pattern = case
    ws = words(text, pattern=pattern)
    assert match_names(text, ws, CatalogIndex.of(catalog), cues) == _general(text, ws, catalog, cues)


def test_catalog_item_and_client_of() -> None:
    catalog = Catalog.from_dict({
        "clients": [{"id": 1, "name": "Acme"}],
        "projects": [{"id": 7, "name": "Portal", "client_id": 1}, {"id": 8, "name": "Intern"}],
        "people": [{"id": 7, "name": "Rowan"}],
    })
    assert catalog.item("project", 7).name == "Portal" and catalog.item("person", 7).name == "Rowan"
    assert catalog.item("service", 7) is None
    assert catalog.client_of(7).name == "Acme"
    assert catalog.client_of(8) is None and catalog.client_of(99) is None


def test_a_word_is_weighed_once_per_catalog_and_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a word can read (`CatalogIndex.may_name`, the lookups behind it) is learnt the first time the
    word is met with a catalog and a locale's cues, and remembered: later phrases with it skip the work."""
    catalog = Catalog.from_dict({"projects": [{"id": 1, "name": "Webshop"}], "services": [
        {"id": 1, "name": "Testing"}]})
    index = CatalogIndex.of(catalog)
    asked: list[str] = []
    may_name = index.may_name

    def counting(key: str, first: str) -> bool:
        asked.append(key)
        return may_name(key, first)

    texts = ("gewerkt", "webshop", "gewerkt testing", "2 uur gewerkt", "webshop gewerkt")
    expected = [_general(text, words(text), catalog) for text in texts]
    monkeypatch.setattr(index, "may_name", counting)
    for text, reading in zip(texts, expected, strict=True):
        assert match_names(text, words(text), index, NL) == reading
    assert sorted(asked) == ["2", "gewerkt", "testing", "uur", "webshop"]
    assert match(" Webshop", catalog=catalog).spans[0].start == 1


def test_what_a_word_reads_is_remembered_per_cues_and_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same word reads by each locale's cues ("met" is a person cue in Dutch only), and the memory of
    words is emptied when full, so that no stream of new words grows it without bound."""
    from nlentry.catalog import match as match_module

    monkeypatch.setattr(match_module, "WORD_MEMO_SIZE", 3)
    index = CatalogIndex.of(CATALOG)
    assert match("met Jan").persons == (Ref(None, "Jan"),)
    assert match("met Jan", cues=EN).persons == ()
    assert match("met Jan").persons == (Ref(None, "Jan"),)
    for k in range(10):
        assert match(f"woord{k} Timi").project == Ref(47, "Timi")
    assert all(len(memo[2]) <= 3 for memo in index.word_memos.values())


@pytest.mark.parametrize(("text", "shortcut"), [
    ("lang gewerkt Webshop", True), ("Webshop gewerkt.", True), ("lang (Webshop) gewerkt", True),
    ("de webshop", True), ("Acme gewerkt", True), ("gewerkt, Globex", False), ("gewerkt , Timing", False),
    ("een Webshop", False), ("aan Webshop", False), ("en Webshop", False), ("Webshop Timi", False),
    ("gewerkt Rowan", False), ("gewerkt Oud", False), ("nieuwe Website", False), ("gewerkt tango", False),
    ("gewerkt #tag", False), ("gewerkt webshp", False), ("review gewerkt", False),
])
def test_one_name_among_words_that_read_nothing_is_read_without_the_reader(
        text: str, shortcut: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """When only one word of several can start a reading and it alone is the name of a project or service
    with one reading, uncued and after no article, the reader would read just that name: `match_names`
    reads it without the reader. Anything else (a cue or article before it, a name of several words, a
    name with several readings, a person, a tag, a near miss) is left to the reader."""
    from nlentry.catalog.match import _Reader

    ws = words(text, pattern=r"\w[\w.-]*|[^\w\s]")
    expected = _general(text, ws, cues=NL_ARTICLES)
    read = []
    run = _Reader.run

    def counted(reader: _Reader) -> NameMatch:
        read.append(reader)
        return run(reader)

    monkeypatch.setattr(_Reader, "run", counted)
    assert match_names(text, ws, CatalogIndex.of(CATALOG), NL_ARTICLES) == expected
    assert (not read) == shortcut
    if shortcut:
        assert len(expected.spans) == 1 and expected.spans[0].field in ("project", "service", "client")
