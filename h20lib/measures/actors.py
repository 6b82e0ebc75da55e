"""The actor register and actor mentions in text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick
from pypinyin import lazy_pinyin

from h20lib import resources
from h20lib.patterns import CHINESE_CHARACTER, CHINESE_RUN

PERSON_TYPES = frozenset({"person", "legislator"})
_CHINESE_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")  # a family name and a given name of one to three characters


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    affiliation: str
    country: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.type in PERSON_TYPES


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int
    end: int
    surface: str


@cache
def register() -> dict[str, Actor]:
    """The actor register from h20lib/data/lexicons/actors.toml, by id."""
    entries = resources.lexicon("actors.toml")["actor"]
    actors = {}
    for entry in entries:
        actor = Actor(
            id=entry["id"],
            name=entry["name"],
            type=entry["type"],
            affiliation=entry["affiliation"],
            country=entry["country"],
            aliases=tuple(entry["aliases"]),
            roles=tuple(entry.get("roles", ())),
        )
        if actor.id in actors:
            raise ValueError(f"actors.toml: id {actor.id!r} appears twice")
        actors[actor.id] = actor
    return actors


@cache
def _aliases() -> tuple[ahocorasick.Automaton, dict[str, str]]:
    """An automaton finding every alias of the register (value: the alias and whether it is Chinese), and each
    alias's actor."""
    owner: dict[str, str] = {}
    for actor in register().values():
        for alias in actor.aliases:
            owner.setdefault(alias, actor.id)
            if alias.startswith("the "):  # the same alias opening a sentence: "The administration said"
                owner.setdefault("The " + alias[4:], actor.id)
    automaton = ahocorasick.Automaton()
    for alias in owner:
        automaton.add_word(alias, (alias, bool(CHINESE_CHARACTER.search(alias))))
    automaton.make_automaton()
    return automaton, owner


def _is_word_character(char: str) -> bool:
    """What \\w matches, but for Chinese characters: Chinese has no spaces, so "据CNN报道" names CNN as a word."""
    return (char.isalnum() or char == "_") and not "\u3400" <= char <= "\u9fff"


def find_mentions(text: str) -> list[Mention]:
    """Register actors named in ``text``, left to right, longest alias first where aliases overlap.

    A Latin alias counts as a whole word (no letter, digit, "_" or "." right before it, no letter, digit or "_"
    right after it; a Chinese character is none of these); Chinese writes words without spaces, so a Chinese alias counts anywhere, where no Latin alias
    starts. Where an alias is found, the search goes on after it."""
    automaton, owner = _aliases()
    # the register spells possessives with a straight apostrophe; the replacement keeps every offset
    normalised = text.replace("’", "'")
    found: dict[int, list[tuple[str, bool]]] = {}
    for end, (alias, chinese) in automaton.iter(normalised):
        found.setdefault(end + 1 - len(alias), []).append((alias, chinese))
    mentions = []
    resume = 0
    for start in sorted(found):
        if start < resume:
            continue
        opens_word = start == 0 or not (_is_word_character(normalised[start - 1]) or normalised[start - 1] == ".")
        whole = [
            alias
            for alias, chinese in found[start]
            if not chinese
            and opens_word
            and (start + len(alias) == len(normalised) or not _is_word_character(normalised[start + len(alias)]))
        ]
        chosen = whole or [alias for alias, chinese in found[start] if chinese]
        if chosen:
            alias = max(chosen, key=len)
            mentions.append(Mention(owner[alias], start, start + len(alias), text[start : start + len(alias)]))
            resume = start + len(alias)
    return mentions


def mentioned_actors(text: str) -> tuple[str, ...]:
    """Distinct actor ids named in ``text``, in order of first mention."""
    return tuple(dict.fromkeys(mention.actor for mention in find_mentions(text)))


@lru_cache(maxsize=8192)  # a page names the same few people and bodies again and again
def actor_id_from_name(name: str, *, person: bool = True) -> str:
    """A stable snake_case id for a name the register lacks: "Colette Kress" -> "colette_kress"; a Chinese name in
    characters is romanised in pinyin, family name first and the given name as one word: "張欣" -> "zhang_xin";
    the name of an organisation or a publication (``person=False``) syllable by syllable: "科技日报" -> "ke_ji_ri_bao"."""
    if person and _CHINESE_NAME.fullmatch(name.strip()):
        syllables = _pinyin(name.strip())
        return f"{syllables[0]}_{''.join(syllables[1:])}"
    if not person and CHINESE_RUN.fullmatch(name.strip()):
        return "_".join(_pinyin(name.strip()))
    ascii_name = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’]s\b", "", ascii_name)
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def _pinyin(characters: str) -> list[str]:
    """Syllables in pinyin without tones, ü written u as English-language news writes it ("吕" -> "lu")."""
    return [syllable.replace("ü", "u") for syllable in lazy_pinyin(characters, v_to_u=True)]


def actor_type(actor_id: str) -> str:
    """The register type of ``actor_id``. Names outside the register ending in a word for a body ("Justice
    Department", "Example Holdings", "Council on Foreign Relations": the noun before "of", "for" or "on") are
    organisations or government bodies, names of places ("South Korea") countries, names with a word for news
    among their last two ("Taipei Times", "China Media Group") outlets, other names of two or three words
    persons."""
    actor = register().get(actor_id)
    if actor:
        return actor.type
    if actor_id.replace("_", " ") in resources.word_list("place_names.txt"):
        return "country"
    head, _, last = actor_id.partition("_of_")[0].partition("_for_")[0].partition("_on_")[0].rpartition("_")
    last = last or head  # "council_on_foreign_relations" is typed by "council", the noun before "on"
    if {last, head.rpartition("_")[2]} & resources.word_list("media_nouns.txt"):
        return "media_outlet"
    if last in resources.word_list("government_nouns.txt"):
        return "government_body"
    if last in resources.word_list("organisation_nouns.txt"):
        return "organisation"
    return "person" if actor_id.count("_") in (1, 2) else "organisation"


def display_name(actor_id: str) -> str:
    actor = register().get(actor_id)
    return actor.name if actor else actor_id.replace("_", " ").title()
