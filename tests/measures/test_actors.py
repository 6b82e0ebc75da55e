import random
import re

import pytest

from h20lib import config
from h20lib.measures.actors import (
    actor_id_from_name,
    actor_type,
    display_name,
    find_mentions,
    mentioned_actors,
    register,
)

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Commerce Secretary Rutenberg said", ("howard_lutnick",)),
        ("U.S. Commerce Secretary Howard Lutnick", ("united_states", "howard_lutnick")),
        ("Lutenick told the network", ("howard_lutnick",)),
        ("Huang Renxun", ("jensen_huang",)),
        ("Huang Jen-hsun arrived in Beijing", ("jensen_huang", "china")),
        ("Mr. Huang's leather jacket", ("jensen_huang",)),
        ("Nvidia CEO Jensen Huang", ("nvidia", "jensen_huang")),
        ("Nvidia Corp.'s shares", ("nvidia",)),
        ("NVIDIA’s H20", ("nvidia",)),
        ("Yingweida", ("nvidia",)),
        ("Nvidia CFO Colette Kress said", ("nvidia", "colette_kress")),
        ("China's Ministry of Commerce", ("mofcom",)),
        ("China's Commerce Ministry said", ("mofcom",)),
        ("China’s Ministry of Commerce said", ("mofcom",)),
        ("Chinese Ministry of Commerce", ("mofcom",)),
        ("the trade ministry added", ("mofcom",)),
        ("MOFCOM", ("mofcom",)),
        ("a spokesperson for China's commerce ministry", ("mofcom",)),
        ("Lin Jian", ("lin_jian",)),
        ("Mao Ning, a foreign ministry spokesperson", ("mao_ning", "chinese_foreign_ministry")),
        ("China's Foreign Ministry", ("chinese_foreign_ministry",)),
        ("U.S. Department of Commerce", ("us_commerce_department",)),
        ("the Bureau of Industry and Security", ("us_commerce_department",)),
        ("House Select Committee on the CCP", ("house_select_committee_china",)),
        ("the White House", ("trump_administration",)),
        ("President Xi Jinping", ("xi_jinping",)),
        ("Vice Premier He Lifeng", ("he_lifeng",)),
        ("US-China talks", ("united_states", "china")),
        ("Lutnick told CNBC that Nvidia will ship to China", ("howard_lutnick", "cnbc", "nvidia", "china")),
        ("Huawei Technologies and Huawei", ("huawei",)),
        ("Advanced Micro Devices", ("amd",)),
        ("The Wall Street Journal reported", ("wall_street_journal",)),
        ("Xinhua News Agency", ("xinhua",)),
        # the register's Chinese names: transliterations and the bodies of the story
        ("卢特尼克称", ("howard_lutnick",)),
        ("習近平表示", ("xi_jinping",)),
        ("国家安全部发文提醒", ("ministry_of_state_security",)),
        ("工信部要求企业说明", ("ministry_of_industry_and_information_technology",)),
        ("中国贸促会邀请", ("china_council_for_the_promotion_of_international_trade",)),
        # the names Taiwan and Hong Kong papers use, and short forms of agencies
        ("輝達執行長黃仁勳表示", ("nvidia", "jensen_huang")),
        ("超微也獲准出口", ("amd",)),
        ("據路透報導", ("reuters",)),
        ("彭博引述消息人士", ("bloomberg",)),
        ("白宮發言人說", ("trump_administration",)),
        ("參議員華倫批評", ("elizabeth_warren",)),
    ],
)
def test_mentioned_actors(text, expected):
    assert mentioned_actors(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The chips will ship within weeks.",
        "Artificial Intelligence chips",
        "Xinjiang and Huangshan",
        "a USB cable and a trumpet",
        "the focus of the talks",
        "Colette said",
    ],
)
def test_texts_without_actors(text):
    assert mentioned_actors(text) == ()
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lutnick told CNBC", [("howard_lutnick", 0, 7, "Lutnick"), ("cnbc", 13, 17, "CNBC")]),
        ("the Chinese Ministry of Commerce", [("mofcom", 4, 32, "Chinese Ministry of Commerce")]),
        ("Nvidia CEO Jensen Huang", [("nvidia", 0, 6, "Nvidia"), ("jensen_huang", 11, 23, "Jensen Huang")]),
    ],
)
def test_find_mentions_offsets(text, expected):
    mentions = find_mentions(text)
    assert [(m.actor, m.start, m.end, m.surface) for m in mentions] == expected
    assert all(text[m.start : m.end] == m.surface for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nvidia's chips", ["nvidia"]),  # a possessive ends the word
        ("NvidiaX and x.Nvidia", []),  # no alias inside a longer word or after a dot
        ("_Nvidia", []),
        ("英伟达公司", ["nvidia"]),  # a Chinese alias counts inside a run of characters
        ("据CNN报道", ["cnn"]),  # a Latin alias between Chinese characters is a whole word
        ("AMD表示", ["amd"]),
        ("The administration said", ["trump_administration"]),  # "the ..." aliases open a sentence too
    ],
)
def test_find_mentions_word_boundaries(text, expected):
    assert [m.actor for m in find_mentions(text)] == expected


def _alias_regex() -> re.Pattern[str]:
    """The register's aliases as one regular expression with find_mentions's rules: the longest alias first, Latin
    ones as whole words (a Chinese character next to one ends the word), Chinese ones anywhere."""
    aliases = {a for actor in register().values() for a in actor.aliases}
    aliases |= {"The " + alias[4:] for alias in aliases if alias.startswith("the ")}
    cjk = re.compile(r"[\u3400-\u9fff]")
    latin = sorted((a for a in aliases if not cjk.search(a)), key=len, reverse=True)
    chinese = sorted((a for a in aliases if cjk.search(a)), key=len, reverse=True)
    word = r"[^\W\u3400-\u9fff]"  # a word character other than a Chinese one
    latin_part = rf"(?<!{word})(?<![.])(?:" + "|".join(map(re.escape, latin)) + rf")(?!{word})"
    return re.compile("|".join([latin_part, *map(re.escape, chinese)]))


def test_find_mentions_agrees_with_the_aliases_as_one_regular_expression():
    """On every real page and on text spliced from aliases and word characters, the same mentions, left to
    right, as searching the whole alternation."""
    pattern = _alias_regex()
    rng = random.Random(7)
    aliases = sorted({a for actor in register().values() for a in actor.aliases})
    pieces = [*aliases, " ", ".", "_", "s", "'s ", "’s ", "X", "中", "9", "\n"]
    spliced = ["".join(rng.choice(pieces) for _ in range(30)) for _ in range(500)]
    pages = [path.read_text(encoding="utf-8") for path in sorted(config.REAL_CORPUS_DIR.glob("*.txt"))]
    for text in [*pages, *spliced]:
        expected = [(m.start(), m.end()) for m in pattern.finditer(text.replace("’", "'"))]
        assert [(m.start, m.end) for m in find_mentions(text)] == expected, text


def test_register_ids_are_unique_snake_case_keys():
    actors = register()
    assert all(key == actor.id for key, actor in actors.items())
    assert all(SNAKE_CASE.match(actor_id) for actor_id in actors), sorted(a for a in actors if not SNAKE_CASE.match(a))
    assert {
        "jensen_huang",
        "nvidia",
        "howard_lutnick",
        "mofcom",
        "lin_jian",
        "chinese_foreign_ministry",
        "reporter",
    } <= set(actors)


def test_register_aliases_name_one_actor_each():
    owners: dict[str, list[str]] = {}
    for actor in register().values():
        for alias in actor.aliases:
            owners.setdefault(alias, []).append(actor.id)
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Colette Kress", "colette_kress"),
        ("colette_kress", "colette_kress"),
        ("Stacy Rasgon", "stacy_rasgon"),
        ("Tomás Ibáñez", "tomas_ibanez"),
        ("Margarethe Vössing", "margarethe_vossing"),
        ("Lutnick's", "lutnick"),
        ("Jen-Hsun Huang", "jen_hsun_huang"),
        ("  Alicia   Moreno ", "alicia_moreno"),
        ("Phoenix TV", "phoenix_tv"),
        ("O'Brien", "o_brien"),
        ("張欣", "zhang_xin"),
        ("吕一民", "lu_yimin"),
    ],
)
def test_actor_id_from_name(name, expected):
    assert actor_id_from_name(name) == expected


def test_actor_id_from_name_curly_possessive():
    assert actor_id_from_name("Huang’s") == "huang"


@pytest.mark.parametrize(
    ("actor_id", "expected"),
    [
        ("jensen_huang", "person"),
        ("raja_krishnamoorthi", "legislator"),
        ("nvidia", "company"),
        ("mofcom", "government_body"),
        ("cnbc", "media_outlet"),
        ("stacy_rasgon", "person"),
        ("trendforce", "organisation"),
        ("south_korea", "country"),
        ("capitol_hill", "country"),
        ("taipei_times", "media_outlet"),
        ("china_media_group", "media_outlet"),
        ("example_holdings", "organisation"),
        ("air_force", "government_body"),
    ],
)
def test_actor_type(actor_id, expected):
    assert actor_type(actor_id) == expected


@pytest.mark.parametrize(
    ("actor_id", "expected"),
    [("jensen_huang", "Jensen Huang"), ("mofcom", "Ministry of Commerce of China"), ("stacy_rasgon", "Stacy Rasgon")],
)
def test_display_name(actor_id, expected):
    assert display_name(actor_id) == expected
