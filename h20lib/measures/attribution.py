"""Who says what: direct quotations, reported speech, transcript turns and their speakers.

``attribute_document(text, rows)`` is a pure function of one document's raw text and its sentence rows
(as made by ``h20lib.parse.corpus.parse_document``). It returns, per sentence, the actors mentioned, the speaker
(an actor id, or "" where the outlet speaks in its own voice), whether the sentence is a direct quotation
and the cue that decided the speaker; and a row per quotation.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import cast

from h20lib import resources
from h20lib.measures.actors import PERSON_TYPES, Mention, actor_id_from_name, actor_type, find_mentions, register
from h20lib.parse.structure import is_asker, is_pull_quote_credit, word_count
from h20lib.patterns import CHINESE_CHARACTER, AnyOf, OpeningFinder, Screened
from h20lib.rows import AttributionColumns, QuoteRow, SentenceRow

# A speech word used as a noun or adjective, negated, or inside "as reported by": not a speaker's verb.
_NOT_A_SPEECH_VERB = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|our|for|of|to|widely|not|never|as|no|so|new|recent|earlier|"
    r"several|many|some|these|those|other|such|more|multiple|latest|previous|separate|over|about|amid|despite|following|"
    # nouns that make a speech word a noun ("news reports", "research notes"), but as a name's capitalised last
    # word the name's owner speaks ("Fox News said", "Counterpoint Research estimates")
    r"(?-i:earnings|research|news|revenue|consensus|press|investment|analyst))[\s-]+(?:\w+ly\s+)?"
    # a possessive right before, or before "own" or a figure ("Lutnick's 200,000-chip estimate")
    r"|\w(?:['’]s|s['’])\s+(?:(?:own|\S*\d\S*)\s+)?|\bneither\b.*)$",
    re.IGNORECASE,
)
_NEITHER = re.compile(r"\bneither\b", re.IGNORECASE)
# "by" and what follows it, unless a gerund of speech ("responded by saying"): an agent, or an action
_BY_NOT_SPEAKING = r"\s+by\s+(?!saying|stating|noting|arguing|calling|writing|telling|pointing|insisting)"
_BY_AGENT_FOLLOWS = re.compile(_BY_NOT_SPEAKING)
# "said" and "told" are never nouns: after a word that makes other speech words nouns ("analyst notes") they are
# the verb of that word's holder ("an analyst said")
_NEVER_NOUNS = frozenset({"said", "told"})
_NOUN_MAKER_BEFORE = re.compile(r"(?:earnings|research|news|revenue|consensus|press|investment|analyst)[\s-]+$")
# A passive verb ("was asked", "is called", "were told") makes its subject the one spoken to or about.
# "had earlier assured", "has also said": an auxiliary and an adverb before the verb
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:had|has|have|would|will)\s+(?:earlier|also|previously|since|repeatedly|not|never)\s+$|\bwent\s+on\s+to\s+$"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "added to", "adding to": a verb of sum, not of speech.
_NOT_SPEECH_AFTER = re.compile(r"\s+to\b")
_ADDING = frozenset({"add", "adds", "added", "adding"})
_INSTRUCTING = frozenset({"told", "tell", "tells", "telling", "asked", "asks"})
_REPORTING = frozenset({"report", "reports", "reported", "reporting", "posted"})
_RESULTS = re.compile(
    r"\s+(?:(?!that\b|on\b)[\w’'-]+\s+){0,3}?(?:earnings|results|revenue|sales|profits?|loss|losses|net\s+income)\b"
)
_CONTINUING = frozenset({"continued", "continues"})
# Speech verbs that are also nouns, and a determiner with capitalised words before them ("a CNBC report")
_NOUN_FORMS = frozenset({"report", "comment", "claim", "note", "estimate", "forecast", "fears", "views"})
# a determiner, or a verb's past tense taking the noun as its object ("downplayed US fears"), before the names
_DETERMINED = re.compile(
    r"\b(?:a|an|the|this|that|its|his|her|their|another|\w+ed)\s+(?:(?-i:[A-Z])[\w.&’'-]*\s+){0,4}$", re.I
)
_DEMAND = frozenset({"demand", "demands"})
_NOUN_AFTER = re.compile(r"\s+(?:for|in|from|of|is|was|has|had|remains|will|would|continues|grew|rose|fell)\b|[.,;]")
_RESPONDING = frozenset({"responded", "responds", "replied", "replies", "countered"})
_BY_ACTION = re.compile(_BY_NOT_SPEAKING + r"\w+ing\b")
_CONCLUDING = frozenset({"concluded", "concludes"})
_CONCLUSION_FOLLOWS = re.compile(r"\s+that\b|\s*[:：“\"]|\s*[.!?]?[”\"’']?\s*$")
_NOT_SPEECH_OBJECT = re.compile(
    r"\s+(?:off|down)\b|\s+(?:an?\s+|its\s+)?(?:[\w“”\"'-]+\s+){0,2}(?:rating|price\s+target)\b"
)
_REQUEST = re.compile(
    r"\s+(?:[\w’'.,-]+\s+){1,5}?to\s+(?:explain|clarify|brief|testify|justify|answer|disclose|reconsider|reverse|provide"
    r"|publish|release|share|revoke|rescind|block|reject)\b"
)
# "told suppliers to halt work"; not "told reporters that sales began to flow", where "that" opens the words told
_INSTRUCTION = re.compile(r"\s+(?:(?!that\b)[\w’'.,-]+\s+){1,5}?to\s+(?!the\b|a\b|an\b|its?\b|their\b)[a-z]+\b")
_CLOSING_QUOTE = re.compile(r"[”\"]")
# The same over a longer object ("asked suppliers such as Acme (ACME), which packages the chips, to halt work"),
# stopping where a pronoun or a finite verb opens the words told ("told reporters the company expects to ...")
_LONG_INSTRUCTION = re.compile(
    r"\s+(?:(?!(?:that|he|she|it|they|we|I|is|are|was|were|will|would|could|should|can|may|might|must|has|have|had"
    r"|does|did|do|expects?|plans?|hopes?|wants?|needs?|intends?|aims?|seeks?|tries|tried|continues?|began|begins?"
    r"|started|starts?|remains?|seems?|appears?|managed|failed|agreed|decided|refused|declined)\b)[\w’'.,()&-]+\s+)"
    r"{1,25}?to\s+(?!the\b|a\b|an\b|its?\b|their\b)[a-z]+\b"
)
_TRAILING_SOURCE = Screened(
    re.compile(r",\s+(?P<cue>according\s+to|per)\s+(?P<subject>[^,;:“”\"]{1,60}?)[.!?]?[”\"’']?$", re.IGNORECASE),
    shared="sentence",
)
# An attribution closing the sentence ("..., the report said on Monday.") names the speaker of all before it.
_TRAILING = Screened(
    re.compile(
        r",[”\"’']?\s+(?P<subject>[^,;:“”\"]{1,60}?)\s+(?P<verb>said|says|reported|reports|added|adds|wrote|writes|noted|notes|stated|states|concluded|concludes|told\s+\S+)"
        r"(?:\s+[^,;:“”\"]{0,50})?(?:,\s+(?:citing|referring|adding|noting|according|asking|speaking|declining|requesting)\b[^“”\"]{0,120})?[.!?]?[”\"’']?$"
    ),
    shared="sentence",
)
# The same with the verb first: "..., said the sources, who were not authorized to speak to media."
_TRAILING_INVERTED = Screened(
    re.compile(
        r",[”\"’']?\s+(?P<verb>said|says|added|adds|wrote|writes|noted|notes)\s+[^,;:“”\"]{1,120}?"
        r"(?:,\s+[^“”\"]{0,150})?[.!?]?[”\"’']?$"
    ),
    shared="sentence",
)
# "the deal, which Trump said": the relative pronoun is the object, the name before the verb its speaker.
_OBJECT_RELATIVE = re.compile(
    r"\b(?:which|that)\s+(?P<name>(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,4})\s+(?:(?:has|have|had)\s+)?$"
)
_CLAUSE_FOLLOWS = re.compile(r"\s+(?:would|will|was|is|had|has|could|should|might|may|were|are)\b")
# An opening phrase of speaking: "Speaking at a forum on Monday, Huang ...", "Asked about the chip, the minister ...".
_OPENING_SPEECH = re.compile(
    r"\s*(speaking|asked|responding|replying|commenting|talking|writing|testifying|addressing)\b[^,;:“”\"]{2,150},\s+",
    re.IGNORECASE,
)
# An outlet's name after a dash closing the sentence: the passage's source ("... for the H20. -The Information").
CREDIT_MAX_CHARS = 45  # a closing credit's dash and outlet name
_DASHES = re.compile(r"[-–—]")
_CLOSING_CREDIT = re.compile(r"(?<=[.!?”\"])\s*[-–—]\s?(?P<name>[A-Z][\w.&’' ]{1,40}?)[.]?\s*$")
# "X was quoted by Reuters as saying": the one quoted is the speaker.
_QUOTED_BY = re.compile(r"\s+(?:was|were|is|are|being)\s+quoted\s+(?:by\s+[^,;:]{1,60}?\s+)?as\s+$", re.IGNORECASE)
# An inverted attribution: the verb right after a comma or a closing quotation mark.
_INVERTED = re.compile(r"(?:,|[”\"’'],?)\s*$")
# Verbs that put the speaker after them: "..., said Rep. Jane Doe".
_INVERTING = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "asked",
        "asks",
        "stated",
        "states",
        "noted",
        "notes",
        "warned",
    }
    | {"warns", "continued", "continues", "explained", "explains", "reports", "reported"}
)
# "JPMorgan": up to two capitals may open a name before a capitalised word (not "CEOs", "GPUs")
_NAME_WORD = r"(?:[A-Z]{1,2}(?=[A-Z][a-zß-ÿ]{2}))?[A-ZÀ-Þ][a-zß-ÿ]+(?:[A-Z][a-zß-ÿ]+)*(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?"
# "John A. Doe", "John Doe Jr."
_NAME = re.compile(  # a Chinese character may stand right before a name: Chinese has no spaces
    r"(?<![^\W\u3400-\u9fff])(?<![.’'])"
    + _NAME_WORD
    + r"(?:\s+(?:[A-Z]\.\s+)?"
    + _NAME_WORD
    + r"){0,5}(?:,?\s+(?:Jr|Sr)\.?(?!\w))?"
)
# A speech verb in a relative or subordinate clause, or a participle after "while", is not the sentence's own.
_RELATIVE = re.compile(  # not a sentence's opening "That" ("That move, critics warn, is ..."), a determiner
    r"(?<=\S\s)\b(?:who|which|whom|that)\s+(?:[^\s,]+\s+){0,3}$"
    # "chips that Example Corp CEO Jane Roe has said": a longer run of capitals, not after "said that" or "says that"
    r"|(?<!ed\s)(?<!id\s)(?<!ys\s)\b(?:which|that)\s+(?:(?-i:[A-Z])\S*\s+){4,5}(?:(?:has|have|had)\s+)?$"
    r"|\b(?:after|before|when|since|because|if)\s+(?:[^\s,]+\s+){1,4}$"
    r"|^\W*(?:while|although|though|whereas)\s+[^,;]{1,80}\s$"
    r"|\bas\s+\S+\s+$|\bwhile\s+(?:also\s+)?$",
    re.IGNORECASE,
)
_AFTER_BY = re.compile(r"\bby\s+(?:[A-Z][\w.’'-]*\s+){1,6}$")  # "by" and a name, capitalised word by word
# Hedges that pass on a report without naming it: "Nvidia has reportedly asked ...", "X is said to have ..."
_REPORTEDLY = Screened(
    re.compile(
        r"\breportedly\b|\b(?:is|are|was|were)\s+said\s+to\b|\bit\s+(?:is|was|has\s+been)\s+(?:claimed|reported)\b"
        r"|\baccording\s+to\s+(?:the\s+|that\s+|this\s+)?reports?\b",
        re.IGNORECASE,
    ),
    shared="sentence",
)
_SUBORDINATE = re.compile(r"(?:after|before|when|since|while|although|though|whereas|as)\b", re.IGNORECASE)
_QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」"}  # 「」: Hong Kong and Taiwan papers' quotation marks
_CONNECTOR = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?")
_COORDINATED_VERB = re.compile(r",?\s+(?:but|and|yet)\s+(?:\w+ly\s+|also\s+)?$", re.IGNORECASE)
_ABSOLUTE_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\w+ing\b")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:from|of|in|at|on|with|for|by|to|including|such\s+as)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\.?\s+){0,3}$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]\s")
_ACRONYM = re.compile(r"(?-i:[A-Z][A-Z.]{1,4})")  # "White House AI adviser Jane Roe": "AI" stands among the titles
# The points of a list someone announced: "First, ...", "Second, ...", "第一，..."; "Finally, ..." only after a point
_ENUMERATED = re.compile(
    r"(?:First|Second|Third|Fourth|Fifth)(?:ly)?,\s|(?P<last>Finally|Lastly),\s"
    r"|(?:第[一二三四五]|其[一二三四五]|首先|其次|再次)[，,、：:]|(?P<last_zh>最后|最後)[，,、：:]"
)
_FIRST_PERSON_ZH = re.compile(r"(?:我们|我們|我)(?![国國军軍方])")  # not 我国 ("our country"), 我军, 我方
# The newsroom's own reporting, never a speaker's words run on: "It wasn't immediately clear ...", "X did not
# immediately respond to a request for comment", "could not be reached"
_NEWSROOM_VOICE = re.compile(
    r"\b(?:(?:is|was|isn[’']t|wasn[’']t|it[’']s)\s+(?:not\s+)?(?:immediately\s+)?clear|(?:did\s+not|didn[’']t)\s+"
    r"(?:immediately\s+)?(?:respond|reply|return)|could\s+not\s+(?:immediately\s+)?be\s+reached"
    r"|(?:has|have)\s+reached\s+out)\b",
    re.IGNORECASE,
)
_ANY_QUOTE = re.compile(r"[“”\"「」]")
_OPEN_QUOTATION = re.compile(r"[“\"「][^”\"」]{20,}")  # '“I’m disappointed with what I see but': never closed
_WHOLLY_QUOTED = re.compile(r"[“\"「][^”\"」]+[”\"」]")  # '"Blackwell is amazing."': a sentence all in quotation marks
_INTRODUCES = re.compile(r"[:：]\s*$")  # "Huang stated:", "The members write:": what follows is theirs
_DOCUMENT_SOURCE = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?")
# a letter or message sent to someone, named right before a participle of speech
_AFTER_ADDRESSEE = re.compile(
    r"\b(?:letter|message|memo|note|email|request|petition)\s+(?:[\w,’'-]+\s+){0,3}?to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.’'-]*\s+){1,6}$"
)
_APPOSITIVE = re.compile(
    r"(?:['’]s)?,\s[^,]{1,150},\s*(?:(?:\w+ly|also|has|have|had|once|again|long)\s+)*"
    r"(?:(?:in|on)\s+(?:an?\s+)?(?:statement|letter|interview|post|\w+day)\s+)?$"
)
_WHO_AFTER_NAME = re.compile(r"(?-i:[A-Z])[\w.’'-]*,\s+who\s$")  # "Jane Roe, who"
_CITING_APPOSITIVE = re.compile(r",\s+(?:citing|quoting)\s")
_OPENING_APPOSITIVE = re.compile(
    r"\W*(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3},\s+(?:an?|the)\s[^,]{1,150},\s*$"
)
_DASHED = re.compile(r"\s[—–]\s?[^—–]{1,90}\s?[—–]\s*(?:(?:\w+ly|also|has|have|had|once|again|long)\s+)*$")
FULL_QUOTE_WORDS = 4  # shorter quotations are scare quotes or quoted phrases, not someone's statement
QUOTE_SHARE = 0.5  # a sentence at least this much inside quotation marks is a direct quote
TITLE_CASE_SHARE = 0.8  # quoted words this much in title case are a name, not someone's statement
# A subject further from its verb than this is not the verb's subject ("X's ... public comments" is a noun).
MAX_WORDS_SUBJECT_TO_VERB = 4
SPEAKER_KINDS = ("body",)  # headlines are the outlet's own voice


@dataclass(frozen=True)
class _Rules:
    """The speech cues of speech_cues.toml and the role nouns of the actor register, compiled."""

    speech: OpeningFinder  # a speech verb or phrase
    speech_zh: re.Pattern[str]  # a Chinese reporting verb
    generic_zh: re.Pattern[str]  # an unnamed Chinese speaker ("专家", experts)
    generic_speakers_zh: dict[str, str]
    titles_zh: re.Pattern[str]  # a Chinese title a person's name follows ("专家", "研究员")
    family_names_zh: frozenset[str]
    after_name_zh: re.Pattern[str]  # what may stand between a titled name and its verb
    times_zh: re.Pattern[str]  # a day or time of day ("18日", "今天")
    continuing_verbs: frozenset[str]
    not_names: frozenset[str]
    according_to: Screened
    references: dict[str, str]  # pronoun or role noun -> the kind of actor it stands for
    generic_speakers: dict[str, str]
    unnamed: frozenset[str]  # the ids the unnamed speakers share ("unnamed_sources", "analysts"), in either language
    title_words: frozenset[str]
    reference: re.Pattern[str]  # "he", "it", or "the <up to three modifiers> company": the head noun decides the type
    generic: re.Pattern[str]
    qualified_group: re.Pattern[str]  # "Chinese regulators", "US media": an unnamed group named by its qualifiers
    role_owners: dict[str, tuple[str, ...]]  # "chief executive of nvidia" -> the register ids that hold the role
    role: re.Pattern[str]
    stopwords: frozenset[str]
    body_nouns: frozenset[str]  # last words of the names of bodies ("Council", "Department")
    source_documents: frozenset[str]  # "a note from Jefferies": documents whose source follows a preposition
    group_heads: frozenset[str]  # "a coalition of lawmakers": nouns of a group whose members follow "of"
    part_heads: frozenset[str]  # "one of the sources": a part of the unnamed group that follows "of"
    acronym: re.Pattern[str]  # "research firm IDC": an acronym after a word for a kind of organisation


@cache
def _rules() -> _Rules:
    cues = resources.lexicon("speech_cues.toml")
    speech_verbs = frozenset(cues["speech_verbs"].split())
    references = dict(cues["references"])
    generic_speakers = dict(cues["generic_speakers"])
    pronouns = sorted(word for word in references if " " not in word)
    role_heads = sorted({word.split()[-1] for word in references if word.startswith("the ")})
    for word, wanted in list(references.items()):
        # "the giant" and "the post" take the type of the listed role noun they end in ("the chip giant")
        references.setdefault("the " + word.split()[-1], wanted)
    role_owners: dict[str, tuple[str, ...]] = {}
    for actor in register().values():
        for role in actor.roles:
            key = role.lower().removeprefix("the ")
            role_owners[key] = (*role_owners.get(key, ()), actor.id)
    return _Rules(
        speech=OpeningFinder(
            re.compile(
                r"\b(?:"
                + "|".join(cues["speech_phrases"])
                + r"|"
                + "|".join(sorted(speech_verbs, key=len, reverse=True))
                + r")\b"
            )
        ),
        speech_zh=re.compile(cues["speech_verbs_zh"]),
        generic_zh=re.compile("|".join(map(re.escape, cues["generic_speakers_zh"]))),
        generic_speakers_zh=dict(cues["generic_speakers_zh"]),
        titles_zh=re.compile(cues["titles_zh"]),
        family_names_zh=resources.word_list("chinese_family_names.txt"),
        after_name_zh=re.compile(
            f"(?:{cues['times_zh']})?(?:在[^，,。；;：:“”「」《》]{{1,12}}?(?:{cues['occasion_endings_zh']})?)?"
            f"(?:{cues['acts_zh']})?(?:{cues['after_name_zh']})"
        ),
        times_zh=re.compile(cues["times_zh"]),
        continuing_verbs=frozenset(cues["continuing_verbs"].split()),
        not_names=frozenset(cues["not_names"].split()),
        according_to=Screened(re.compile(cues["according_to"], re.IGNORECASE), shared="sentence"),
        references=references,
        generic_speakers=generic_speakers,
        unnamed=frozenset(generic_speakers.values()) | frozenset(cues["generic_speakers_zh"].values()),
        title_words=frozenset(cues["titles"]["words"].split()),
        reference=re.compile(
            r"\b(?:(?P<pronoun>"
            + "|".join(pronouns)
            + r")|the\s+(?:[\w’'-]+\s+){0,3}?(?P<head>"
            + "|".join(map(re.escape, role_heads))
            + r")s?)\b",
            re.IGNORECASE,
        ),
        generic=re.compile(r"\b(?:" + "|".join(map(re.escape, generic_speakers)) + r")\b", re.IGNORECASE),
        qualified_group=re.compile(
            r"(?<![\w.])(?:(?:"
            + "|".join(map(re.escape, cues["qualified_groups"]["qualifiers"].split()))
            + r")\s+){1,2}(?:"
            + "|".join(cues["qualified_groups"]["nouns"].split())
            + r")\b",
            re.IGNORECASE,
        ),
        role_owners=role_owners,
        role=re.compile(
            r"\b(?:the|(?-i:[A-Z])[\w.]*['’]s)\s+(?:[\w’'.-]+\s+){0,2}?("
            + "|".join(map(re.escape, sorted(role_owners, key=len, reverse=True)))
            + r")s?\b",
            re.IGNORECASE,
        ),
        stopwords=resources.word_list("stopwords_en.txt"),
        body_nouns=resources.word_list("organisation_nouns.txt") | resources.word_list("government_nouns.txt"),
        source_documents=frozenset(cues["source_documents"].split()),
        group_heads=frozenset(cues["group_heads"].split()),
        part_heads=frozenset(cues["part_heads"].split()),
        acronym=re.compile(
            r"\b(?:" + "|".join(cues["acronym_descriptors"].split()) + r")\s+(?P<name>(?-i:[A-Z][A-Z&]{1,5}))(?![\w&])",
            re.IGNORECASE,
        ),
    )


class DocumentMentions:
    """The register actors named in one document, found in one pass over its text, looked up by stretch."""

    def __init__(self, text: str) -> None:
        self.mentions = find_mentions(text)
        self._starts = [mention.start for mention in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions lying wholly inside ``text[start:end]``, left to right."""
        first = bisect.bisect_left(self._starts, start)
        return [m for m in self.mentions[first : bisect.bisect_left(self._starts, end)] if m.end <= end]

    def actors(self, start: int, end: int) -> tuple[str, ...]:
        """Distinct actor ids named inside ``text[start:end]``, in order of first mention."""
        return tuple(dict.fromkeys(mention.actor for mention in self.within(start, end)))


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted words, without the quotation marks
    end: int

    def words(self, text: str) -> int:
        """Words quoted; Chinese, written without spaces, counts one word for every two characters."""
        return word_count(text[self.start : self.end])


@dataclass(frozen=True)
class Candidate:
    end: int
    actor: str  # an actor id, or a reference word still to resolve
    is_reference: bool = False
    start: int = -1


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph): curly or straight double quotes; an unclosed one
    runs to the paragraph's end, as news style leaves a quote open when it continues in the next paragraph."""
    quotes: list[Quote] = []
    position = start
    opening = re.compile(r'[“"「]')
    while True:
        found = opening.search(text, position, end)
        if not found:
            return quotes
        closing = text.find(_QUOTE_PAIRS[found.group()], found.end(), end)
        quote_end = end if closing < 0 else closing
        if quote_end > found.end():
            quotes.append(Quote(found.end(), quote_end))
        position = quote_end + 1


def _is_name_word(word: str, *, opening: bool = True) -> bool:
    """False for titles, common words, adjectives made from a name ("Guangdong-based", "Trump-era") and, where the
    word opens a name, adverbs ("Recently"); "Daily" may end one."""
    lowered, rules = word.lower(), _rules()
    return not (
        lowered in rules.title_words
        or word in rules.not_names
        or lowered in rules.stopwords
        or lowered in rules.references
        or lowered.endswith(_NAME_ADJECTIVE_ENDINGS)
        # an opening adverb ("Recently"), not a given name ending so ("Tilly Zhang", "Emily Roe")
        or (opening and lowered.endswith("ly") and lowered not in resources.word_list("female_given_names.txt"))
    )


_NAME_ADJECTIVE_ENDINGS = (
    "-based",
    "-born",
    "-listed",
    "-owned",
    "-backed",
    "-led",
    "-linked",
    "-funded",
    "-made",
    "-era",
    "-style",
    "-headquartered",
)


def names_in(text: str, start: int = 0, end: int | None = None):
    """(start, end, derived id) of capitalised names in ``text[start:end]``, without the titles and common words
    before or after them ("Commerce Secretary Jane Roe" -> jane_roe; "Metro Daily" keeps "Daily"). A body's name
    runs on over "of", "for" and "on" ("Council on Foreign Relations", "Bureau of Industry and Security")."""
    stop = len(text) if end is None else end
    matches = list(_NAME.finditer(text, start, stop))
    index = 0
    while index < len(matches):
        first = last = matches[index]
        index += 1
        while index < len(matches) and _joins_body_name(text, last, matches[index]):
            last = matches[index]
            index += 1
        words = list(_WORD.finditer(text, first.start(), last.end()))
        name_start = first.start()
        # "He Hui", "He Yadong": the Chinese family name He, not the pronoun, before a given name in capitals
        while words and not _is_name_word(words[0].group()) and not (words[0].group() == "He" and len(words) == 2):
            if words[0].group().lower() not in _ARTICLES:  # "Nvidia CFO Jane Roe": the name starts after the title
                name_start = words[1].start() if len(words) > 1 else name_start
            words.pop(0)
        # "Assistant Attorney General for National Security John A. Eisenberg", "Secretary of State Marco Rubio"
        portfolio = _PORTFOLIO.search(text, max(0, first.start() - 40), first.start())
        if portfolio and portfolio.group(1).lower() in _rules().title_words and len(words) > PERSON_NAME_WORDS[0]:
            # the title's portfolio runs up to the person's name: the last two words, or three with an initial
            words = words[-3:] if _INITIAL.fullmatch(words[-2].group()) else words[-2:]
            name_start = words[0].start()
        while words and not _is_name_word(words[-1].group(), opening=len(words) == 1):
            words.pop()
        titled = _person_after_title(words)
        if titled:
            yield titled[0].start(), last.end(), actor_id_from_name(" ".join(w.group() for w in titled))
        elif words:
            yield name_start, last.end(), actor_id_from_name(" ".join(w.group() for w in words))


_WORD = re.compile(r"\S+")
_ARTICLES = frozenset({"the", "a", "an"})
_PORTFOLIO = re.compile(r"\b(\w+)\s+(?:for|of)\s+$")  # a title's "for" or "of" before its portfolio
_INITIAL = re.compile(r"[A-Z]\.")
PERSON_NAME_WORDS = (2, 3)  # a name after a title within a run of capitals: "Jane Roe", "Jane A. Roe"


def _person_after_title(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of a person's name after an organisation and a title in one capitalised run ("Acme Chief
    Financial Officer Jane Roe" -> Jane Roe), or [] when the run is not of that shape."""
    rules = _rules()
    titles = [i for i, w in enumerate(words) if w.group().lower() in rules.title_words]
    if not titles or titles[0] == 0 or titles[-1] == len(words) - 1:
        return []
    name = words[titles[-1] + 1 :]
    shortest, longest = PERSON_NAME_WORDS
    if not shortest <= len(name) <= longest or any(w.group().lower() in rules.body_nouns for w in name):
        return []
    return name


def _joins_body_name(text: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """True when ``before`` ends in a word for a body and only "of", "for", "on" or "and" (after "of") lie between."""
    gap = text[before.end() : after.start()]
    head = before.group().split()[-1].lower()
    if _CONNECTOR.fullmatch(gap) and head in _rules().body_nouns:
        return True
    return gap == " and " and bool(
        re.search(r"\bof\s+(?:the\s+)?\S+$", text[max(0, before.start() - 30) : before.end()])
    )


def _candidates(text: str, start: int, end: int, context: _Context) -> list[Candidate]:
    """Possible speakers in ``text[start:end]``: register actors, other names, pronouns and role nouns."""
    found: list[Candidate] = []
    covered: list[tuple[int, int]] = []
    rules = _rules()
    for mention in context.mentions.within(start, end):
        if actor_type(mention.actor) in _PLACE_TYPES and _inside_longer_name(text, mention):
            continue  # "South China Morning Post", "China News Service": an organisation, not the country
        if "the " + mention.surface.lower() in rules.references and text[: mention.start].lower().endswith("the "):
            continue  # "the lawmakers": a reference to those named before, resolved below
        found.append(Candidate(mention.end, mention.actor, start=mention.start))
        covered.append((mention.start, mention.end))
    for name_start, name_end, derived in names_in(text, start, end):
        if any(a < name_end and name_start < b for a, b in covered):
            continue
        if (
            "_" not in derived
            and context.full_name(derived) == derived
            and _opens_clause_as_adjective(text, name_start, name_end)
        ):
            continue  # "Several media reports", "Recent rumors": a capital that only opens the sentence
        found.append(Candidate(name_end, derived, start=name_start))
        covered.append((name_start, name_end))
    for match in rules.acronym.finditer(text, start, end):
        if not any(a < match.end() and match.start("name") < b for a, b in covered):
            found.append(Candidate(match.end(), match.group("name").lower(), start=match.start("name")))
            covered.append((match.start("name"), match.end()))
    for short, actor in context.abbreviated.items():
        for match in re.compile(rf"\b{short.upper()}\b").finditer(text, start, end):
            if not any(a < match.end() and match.start() < b for a, b in covered):
                found.append(Candidate(match.end(), actor, start=match.start()))
    for mention in context.mentions.within(start, end):
        holder = _role_holder(text, mention, end)
        if holder:  # "Nvidia CEO praised ...": the organisation's holder of the role
            found.append(Candidate(holder[1], holder[0], start=mention.start))
    name_ends = {c.end for c in found}
    roles = {(m.start(), m.end()) for m in rules.role.finditer(text, start, end)}
    bodies_named = [(c.start, c.end) for c in found if actor_type(c.actor) not in (*_PLACE_TYPES, *PERSON_TYPES)]
    for match in rules.role.finditer(text, start, end):
        if match.end() in name_ends:
            continue  # "the Justice Department": a name whose last word is a role noun
        if any(match.start() <= a and b < match.end() for a, b in bodies_named):
            continue  # "China's Commerce Ministry spokesperson": the ministry speaks through its spokesperson
        if any(a < match.end() <= b for a, b in covered):
            continue  # "the House Select Committee on China": the role noun is a word of the name
        found.append(Candidate(match.end(), "role:" + match.group(1).lower(), is_reference=True))
    for match in rules.reference.finditer(text, start, end):
        if any(a <= match.start() and match.end() <= b for a, b in roles):
            continue
        if any(a < match.end() and match.start() < b for a, b in covered):
            continue  # "the Washington Post": a name, not the role noun "the post"
        word = match.group("pronoun") or "the " + match.group("head")
        found.append(Candidate(match.end(), word.lower(), is_reference=True, start=match.start()))
    reference_ends = {c.end for c in found if c.is_reference}
    bodies = {c.end: c for c in found if not c.is_reference and actor_type(c.actor) not in (*_PLACE_TYPES, "person")}
    for match in rules.generic.finditer(text, start, end):
        if match.end() in reference_ends:
            continue  # "the lawmakers" refers back; "lawmakers" alone is generic
        if match.start() - 1 in bodies:
            continue  # "Justice Department officials": the department speaks
        found.append(Candidate(match.end(), rules.generic_speakers[match.group().lower()], start=match.start()))
    for match in rules.qualified_group.finditer(text, start, end):
        if text[max(0, match.start() - 4) : match.start()].lower() == "the ":
            continue  # "the Chinese regulators": those named before, a reference resolved above
        found.append(Candidate(match.end(), actor_id_from_name(match.group().replace(".", "")), start=match.start()))
    return sorted(found, key=lambda c: c.end)


_ROLE_AFTER = re.compile(r"(?:['’]s)?\s+((?:[\w-]+\s+){0,1}[\w-]+)\b")


def _role_holder(text: str, mention: Mention, limit: int) -> tuple[str, int] | None:
    """(actor, end) of the register person whose role follows the name of their organisation ("Nvidia CEO",
    "Nvidia's chief executive"), where the role noun is not followed by the person's name itself."""
    organisation = register().get(mention.actor)
    if organisation is None or organisation.type in PERSON_TYPES:
        return None
    following = _ROLE_AFTER.match(text, mention.end, limit)
    if not following:
        return None
    for words in (following.group(1), following.group(1).split()[0]):
        holders = [
            owner
            for owner in _rules().role_owners.get(words.lower(), ())
            if register()[owner].affiliation.lower() == organisation.name.lower()
        ]
        role_end = mention.end + following.group().index(words) + len(words) + 1
        if len(holders) == 1 and not re.match(r"\s+(?-i:[A-Z])[a-z]", text[role_end - 1 : role_end + 3]):
            return holders[0], role_end - 1
    return None


# "the Institute for Progress (IFP)": a name, then its abbreviation in brackets
_ABBREVIATED = re.compile(r"((?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|and|on|the|in)\s+)*){1,8})\((?P<short>[A-Z]{2,6})\)")
_NAME_LINKS = frozenset({"of", "for", "and", "on", "the", "in"})


def abbreviations(text: str, mentions: DocumentMentions) -> dict[str, str]:
    """The abbreviations a document defines, each with the actor of the name it abbreviates: "ifp" ->
    "institute_for_progress" after "Institute for Progress (IFP)". The letters must be the initials of the name's
    last words (with or without "of", "for", "and" ...)."""
    found: dict[str, str] = {}
    for match in _ABBREVIATED.finditer(text):
        short = match.group("short")
        words = match.group(1).split()
        for first in range(len(words)):
            name = words[first:]
            if name[0].lower() in _NAME_LINKS:
                continue
            initials = "".join(word[0] for word in name).upper()
            capitals = "".join(word[0] for word in name if word.lower() not in _NAME_LINKS)
            if short in (initials, capitals):
                name_end = match.start(1) + len(match.group(1).rstrip())
                named = [m for m in mentions.within(name_end - len(" ".join(name)), name_end) if m.end == name_end]
                found.setdefault(
                    actor_id_from_name(short), named[0].actor if named else actor_id_from_name(" ".join(name))
                )
                break
    return found


class _Context:
    """Actors in order of salience within one document, for resolving "he", "the company", "the report"."""

    def __init__(self, mentions: DocumentMentions, abbreviated: dict[str, str] | None = None) -> None:
        self.mentions = mentions
        self.abbreviated = abbreviated or {}
        self.seen: list[str] = []
        self.speakers: list[str] = []
        self.legislators: set[str] = set()  # people outside the register named with a legislator's title
        self.names_zh: dict[str, str] = {}  # Chinese names outside the register, met after a title, and their ids

    def note(self, actors) -> None:
        self.seen.extend(actors)

    def extended(self, actors) -> _Context:
        """A copy that has also seen ``actors``, leaving this context as it is."""
        copy = _Context(self.mentions, self.abbreviated)
        copy.seen = [*self.seen, *actors]
        copy.speakers = list(self.speakers)
        copy.legislators = set(self.legislators)
        copy.names_zh = self.names_zh
        return copy

    def resolve(self, candidate: Candidate) -> str:
        if not candidate.is_reference:
            return self.full_name(candidate.actor)
        if candidate.actor.startswith("role:"):
            owners = _rules().role_owners[candidate.actor[5:]]
            seen = next((actor for actor in reversed(self.seen) if actor in owners), "")
            if not seen and candidate.actor[5:] in _SPEAKS_FOR_A_BODY:
                # "the spokesperson" again: the body that spoke last, else the body named last
                spoke = next((actor for actor in reversed(self.speakers) if actor_type(actor) in _BODY_TYPES), "")
                return spoke or self._latest(_BODY_TYPES)
            # else the latest actor of the holders' kind ("the lawmakers" after Sen. Warren), else the one holder
            fitting = self._latest(tuple({actor_type(owner) for owner in owners}))
            return seen or fitting or (owners[0] if len(owners) == 1 else "")
        wanted = _rules().references.get(candidate.actor, "")
        if not wanted:
            return ""
        if wanted == "speaker":
            return self.speakers[-1] if self.speakers else ""
        if wanted == "media_outlet":  # "the newspaper said", "the report said": the outlet cited last, else named last
            cited = next((actor for actor in reversed(self.speakers) if actor_type(actor) == "media_outlet"), "")
            return cited or self._latest(("media_outlet",))
        if candidate.actor == "they" and self.speakers and self.speakers[-1] in _rules().unnamed:
            return self.speakers[-1]  # "Six senators asked ... They also questioned": the group that spoke
        if wanted == "legislator":  # "the lawmakers": those named before, else lawmakers in general
            titled = next((actor for actor in reversed(self.seen) if actor in self.legislators), "")
            return self._latest(("legislator",)) or titled or _rules().generic_speakers.get("lawmakers", "")
        if candidate.actor in _GENDERED:  # "she" after "Jean Hu" and "Matthew Ramsay": Jean Hu
            female = candidate.actor in ("she", "her")
            named = next((a for a in reversed(self.seen) if _is_named_person(a) and _is_female(a) == female), "")
            return named or self._latest(("person", "legislator"))
        types = {
            "person": ("person", "legislator"),
            "organisation": ("company", "government_body", "government", "media_outlet", "organisation"),
            "group": ("legislature", "government", "government_body", "company", "country"),
        }.get(wanted, (wanted,))
        return self._latest(types)

    def full_name(self, actor: str) -> str:
        """A surname alone stands for the full name given earlier: "fairbanks" for "ellen_fairbanks", and "guo" for
        "guo_jiakun", as Chinese names put the family name first."""
        if actor in register():
            return actor
        if actor in self.abbreviated:
            return self.abbreviated[actor]
        if "_" in actor and actor.replace("_", "") in _ids_by_letters():
            return _ids_by_letters()[actor.replace("_", "")]  # "guo_jia_kun": "Guo Jia Kun", given name split
        return next(
            (
                seen
                for seen in reversed(self.seen)
                if (seen.removesuffix("_jr").removesuffix("_sr").endswith("_" + actor) or seen.startswith(actor + "_"))
                and actor_type(seen) in PERSON_TYPES
            ),
            actor,
        )

    def by_initials(self, initials: str) -> str:
        """The person named last whose name's initials these are ("JH": jensen_huang)."""
        return next(
            (
                actor
                for actor in reversed(self.seen)
                if _is_named_person(actor) and "".join(part[0] for part in actor.split("_")) == initials.lower()
            ),
            "",
        )

    def _latest(self, types) -> str:
        for actor in reversed(self.seen):
            if actor_type(actor) in types:
                return actor
        return ""


_GENDERED = frozenset({"he", "him", "she", "her"})
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,3}")  # a transcript label of a person's initials: "JH", "J.H."
# "Sen. Jane Roe", "Senator Jane Roe", "lawmaker Jane Roe": the name after the title, to the end of the stretch
_LEGISLATOR_TITLE = re.compile(
    r"\b(?:sen\.|senator|rep\.|representative|congressman|congresswoman|lawmaker)\s+(?:(?-i:[A-Z])[\w.’'-]*\s+){0,3}"
    r"(?-i:[A-Z])[\w’'-]*$",
    re.IGNORECASE,
)


def _is_female(actor: str) -> bool:
    """True when the person's given name is one that names a woman ("colette_kress", "Lisa Su" in the register)."""
    known = register().get(actor)
    given = (known.name if known else actor.replace("_", " ")).split()[0].lower()
    return given in resources.word_list("female_given_names.txt")


@cache
def _ids_by_letters() -> dict[str, str]:
    """Register ids of people keyed by their letters alone: "guojiakun" -> "guo_jiakun"."""
    return {actor.id.replace("_", ""): actor.id for actor in register().values() if actor.type in PERSON_TYPES}


_PLACE_TYPES = ("country", "government")
_BODY_TYPES = ("company", "government_body", "government", "media_outlet", "organisation")
_SPEAKS_FOR_A_BODY = frozenset({"spokesperson", "spokesman", "spokeswoman", "ministry spokesperson"})
_NEXT_WORD_AFTER_NAME = re.compile(r"\s+([a-z][\w’'-]*)")
_AUXILIARIES = frozenset(
    [
        "has",
        "had",
        "have",
        "is",
        "was",
        "were",
        "are",
        "will",
        "would",
        "also",
        "could",
        "can",
        "may",
        "might",
        "did",
        "does",
        "do",
        "told",
        "been",
    ]
)


def _inside_longer_name(text: str, mention: Mention) -> bool:
    """True when capitalised name words stand right before or after the mention."""
    before = re.search(r"(\S+)\s+$", text[max(0, mention.start - 40) : mention.start])
    after = re.match(r"\s+([^\s,;:.!?)]+)", text[mention.end : mention.end + 40])  # "Beijing Daily, on ...": Daily
    return any(
        match is not None
        and re.fullmatch(_NAME_WORD, match.group(1)) is not None
        and _is_name_word(match.group(1), opening=match is before)  # "Beijing Daily": a word in -ly may end a name
        for match in (before, after)
    )


def _opens_clause_as_adjective(text: str, start: int, end: int) -> bool:
    """True for a single capitalised word that opens the sentence and is followed by a common word, not a verb:
    "Several media reports", "Recent rumors"; but "Delgado added", "Fairbanks, a co-sponsor" are names."""
    before = text[:start].rstrip(" \t“\"‘'([")
    if before and before[-1] not in ".!?\n":
        return False
    following = _NEXT_WORD_AFTER_NAME.match(text, end)
    if not following:
        return False
    word = following.group(1).lower()
    return not (word in _AUXILIARIES or word.endswith("ly") or _rules().speech.pattern.fullmatch(word))


# "Sen. Jane Doe (D-Mass.), a member of ..., and Rep. John Roe": what joins two coordinated speakers.
_COORDINATION = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,[^;]{0,200}?,)?\s*and\s+(?:(?-i:[A-Z])[\w]*\.?\s+){0,2}")


def _first_of_coordinated(text: str, candidates: list[Candidate], chosen: Candidate, context: _Context) -> str:
    """The chosen speaker, or the first of two people, or of two actors of one kind, named as joint subjects ("X and
    Y wrote", "Reuters and Bloomberg report": X, Reuters)."""
    speaker = context.resolve(chosen)
    if chosen.start < 0:
        return speaker
    kind = actor_type(speaker)
    kinds = PERSON_TYPES if kind in PERSON_TYPES else (kind,)
    for earlier in candidates:
        if earlier.end >= chosen.start or earlier.is_reference:
            continue
        if _COORDINATION.fullmatch(text, earlier.end, chosen.start) and actor_type(context.resolve(earlier)) in kinds:
            return context.resolve(earlier)
    return speaker


_MEMBERS_FOLLOW = re.compile(r"\b(?:including|such\s+as)\s+(?:the\s+)?$", re.IGNORECASE)


def _listed_member(text: str, clause_start: int, candidate: Candidate, candidates: list[Candidate]) -> bool:
    """True for the first member listed after "including" or "such as" when the group before them names no actor
    ("News outlets including Reuters and CNBC report": Reuters; but "Sources including an official said": sources)."""
    listing = _MEMBERS_FOLLOW.search(text, clause_start, candidate.start)
    if not listing:
        return False
    group_end = listing.start()
    return not any(
        c is not candidate and c.end <= group_end and not text[c.end : group_end].strip(" ,") for c in candidates
    )


def _governed_by_preposition(text: str, clause_start: int, start: int) -> bool:
    return bool(_AFTER_PREPOSITION.search(text, clause_start, start))


def _after_role(text: str, clause_start: int, candidate: Candidate) -> bool:
    """True when the preposition before the candidate follows a title or role ("spokesperson for", "CEO of"), or a
    part of the unnamed group it names ("one of the sources")."""
    before = _AFTER_PREPOSITION.search(text, clause_start, candidate.start)
    head = re.search(r"([\w.-]+)\s+$", text[clause_start : before.start()]) if before else None
    rules = _rules()
    return head is not None and (
        head.group(1).lower() in rules.title_words
        or head.group(1).lower() in rules.generic_speakers
        or head.group(1).lower().rstrip("s") in rules.source_documents
        or head.group(1).lower() in rules.group_heads
        or (head.group(1).lower() in rules.part_heads and candidate.actor in rules.unnamed)
    )


def _is_named_person(actor: str) -> bool:
    """A person or legislator named in the text, not an unnamed group ("officials", "analysts")."""
    return actor_type(actor) in PERSON_TYPES and actor not in _rules().unnamed


# an aside that adds others to the subject rather than naming it
_ADDITION = re.compile(r"\s*[,—–]\s*(?:as\s+well\s+as|along\s+with|together\s+with|and|or|not|but)\b", re.I)
# the office a title holds, named after the person: "U.S. Attorney Jane Roe for the Southern District of Texas said"
_OFFICE_AFTER_NAME = re.compile(
    r"\s+(?:for|of|at|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of|and|for|on|the|[A-Z][\w.’'-]*)){0,6}\s+"
    r"(?:(?:has|have|had)\s+)?"
)


def _subject_before(text: str, start: int, verb_start: int, context: _Context, masked=()) -> str:
    """The speaker of a verb: the nearest candidate before it in its clause, looking past an appositive
    ("Lin Jian, spokesperson for the Foreign Ministry, stated")."""
    clause_start = start
    for match in _CLAUSE_BREAK.finditer(text, start, verb_start):
        clause_start = match.end()
    candidates = [
        c
        for c in _candidates(text, clause_start, verb_start, context)
        if c.end <= verb_start
        and not any(a < c.end <= b for a, b in masked)
        and text.rfind("(", clause_start, c.end) <= text.rfind(")", clause_start, c.end)  # not in "(R-Iowa)"
    ]
    if not candidates:
        return ""
    # "Rep. Jane Doe from Illinois said", "The move by Trump signalled": a name governed by a preposition is not the
    # verb's subject, unless the preposition follows a role ("a spokesperson for Acme said")
    subjects = [
        c
        for c in candidates
        if c.start < 0
        or not _governed_by_preposition(text, clause_start, c.start)
        # "with Bloomberg describing it as", "with the DoJ stating": an absolute phrase, its participle the name's
        or (_ABSOLUTE_WITH.search(text, clause_start, c.start) and _PARTICIPLE.match(text, verb_start))
        or _listed_member(text, clause_start, c, candidates)
    ]
    documents = [c for c in subjects if c.actor.removeprefix("the ") in _rules().source_documents]
    if documents:  # "The WeChat article from Example Daily, ..., said": the article's source, not the article, speaks
        sources = [c for c in candidates if c.start >= 0 and _after_role(text, clause_start, c)]
        named = [c for c in candidates if c.start >= 0 and not c.is_reference]
        sourced = [
            c
            for c in documents
            if any(_DOCUMENT_SOURCE.fullmatch(text, c.end, s.start) for s in sources)
            or any(c.start < s.start < c.end for s in named)  # "The IFP report adds": the name within its words
        ]
        subjects = [c for c in subjects if c not in sourced]
    candidates = subjects or [c for c in candidates if c.start < 0 or _after_role(text, clause_start, c)]
    if not candidates:
        return ""
    appositive = _APPOSITIVE.search(text, clause_start, verb_start) or _DASHED.search(text, clause_start, verb_start)
    if appositive:
        opener = candidates[0]
        if (
            re.match(r"(?:\s*\([^()]{1,30}\))?, ", text[opener.end : opener.end + 34])
            and len(text[clause_start : max(opener.start, clause_start)].split()) <= 1
            and (_is_named_person(context.resolve(opener)) or _CITING_APPOSITIVE.match(text, opener.end))
        ):
            # "Jane Roe, director of ..., a think tank, said", "Example Times, citing Roe, sees": the opening name
            return context.resolve(opener)
        before = [c for c in candidates if c.end <= appositive.start()]
        named = [c for c in candidates if c.start >= appositive.start() and _is_named_person(context.resolve(c))]
        adding = _ADDITION.match(text, appositive.start())  # "Lawmakers – as well as Trump himself – have said"
        if named and not adding and not any(_is_named_person(context.resolve(c)) for c in before):
            return context.resolve(named[0])  # "A former adviser, Jane Roe, said": the name in the commas speaks
        if before:
            return _first_of_coordinated(text, candidates, before[-1], context)
    gap = text[candidates[-1].end : verb_start]
    if len(gap.split()) > MAX_WORDS_SUBJECT_TO_VERB and not _OFFICE_AFTER_NAME.fullmatch(gap):
        return ""
    return _first_of_coordinated(text, candidates, candidates[-1], context)


def _subject_after(text: str, verb_end: int, limit: int, context: _Context) -> str:
    """The speaker named right after an inverting verb: "said Rep. Jane Doe, the ..."."""
    window_end = min(limit, verb_end + 60)
    following = text[verb_end:window_end]
    if not re.match(
        r"\s+(?:the\s+|an?\s+)?(?:\w+['’]s\s+)?(?:[A-Z]|(?:\w+\s+)?(?:chief|spokes|minister|secretary|senator|representative|people\b|persons?\b|sources?\b"
        r"|officials?\b|analysts?\b|experts?\b))",
        following,
    ):
        return ""
    stop = re.search(r"[,;]|\.\s*$|\s(?:in|on|at|during|that)\s", following)
    candidates = _candidates(text, verb_end, verb_end + (stop.start() if stop else len(following)), context)
    people = [c for c in candidates if not c.is_reference and actor_type(c.actor) in ("person", "legislator")]
    chosen = people[-1] if people else (candidates[0] if candidates else None)
    return context.resolve(chosen) if chosen else ""


def _not_a_speech_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends as _NOT_A_SPEECH_VERB describes. Only "neither" can open a match more than
    three words back (the words being runs of characters other than spaces and hyphens), so the search starts there:
    searched from ``start``, the pattern would be tried at every position of the sentence."""
    if _NEITHER.search(text, start, end):
        return bool(_NOT_A_SPEECH_VERB.search(text, start, end))
    position = end
    for _ in range(3):
        while position > start and (text[position - 1].isspace() or text[position - 1] == "-"):
            position -= 1
        while position > start and not (text[position - 1].isspace() or text[position - 1] == "-"):
            position -= 1
    return bool(_NOT_A_SPEECH_VERB.search(text, position, end))


def _speech_verbs(text: str, start: int, end: int, masked):
    for match in _rules().speech.finditer(text, start, end):
        verb = match.group().lower()
        if any(a <= match.start() < b for a, b in masked):
            continue
        if (
            _not_a_speech_verb(text, start, match.start())
            and not (verb == "saying" and text[max(start, match.start() - 3) : match.start()] == "as ")
            and not (verb in _NEVER_NOUNS and _NOUN_MAKER_BEFORE.search(text, start, match.start()))
            and not _AUXILIARY_BEFORE.search(text, start, match.start())
        ):
            continue  # but "quoting X as saying" is X's saying
        if not verb.split()[0].endswith("ing") and _PASSIVE.search(text, start, match.start()):
            continue
        if verb.endswith("ed") and _BY_AGENT_FOLLOWS.match(text, match.end()):
            continue  # "an interview cited by Reuters": a participle of the passive, its agent after "by"
        if verb in _ADDING and _NOT_SPEECH_AFTER.match(text, match.end()):
            continue
        if verb in _INSTRUCTING and _INSTRUCTION.match(text, match.end()) and not _REQUEST.match(text, match.end()):
            continue  # "told suppliers to halt work": an order reported, not words; "asked X to explain" is a request
        if verb in _NOUN_FORMS and _DETERMINED.search(text, start, match.start()):
            continue  # "a CNBC report citing ...", "the note said": a noun
        if verb in _DEMAND and _NOUN_AFTER.match(text, match.end()):
            continue  # "the military demand for chips": a noun
        if verb in _RESPONDING and _BY_ACTION.match(text, match.end()):
            continue  # "Nvidia responded by launching the chip": an action
        if verb in _CONCLUDING and not _CONCLUSION_FOLLOWS.match(text, match.end()):
            continue  # "As the committee meeting concluded, ...": it ended; "the report concluded that ..." is words
        if verb in _REPORTING and _RESULTS.match(text, match.end()):
            continue  # "Nvidia reported second-quarter earnings": results, not words
        if verb in _CONTINUING and _NOT_SPEECH_AFTER.match(text, match.end()):
            continue  # "sales continued to fall"
        if _NOT_SPEECH_OBJECT.match(text, match.end()):
            continue  # "wrote off $4.5 billion", "maintained an Overweight rating"
        yield match


def _verb_subject(text: str, start: int, end: int, verb: re.Match[str], context: _Context, masked=()) -> str:
    """The speaker of one speech verb in ``text[start:end]``."""
    before = text[start : verb.start()]
    quoted = _QUOTED_BY.search(before)
    if quoted and verb.group() == "saying":  # "X was quoted by Reuters as saying": X's words
        return _subject_before(text, start, start + quoted.start(), context, masked)
    if _COORDINATED_VERB.search(before):  # "X declined to comment, but said ...": X said it
        return _clause_subject(text, start, verb.start(), context)
    inverted = (
        verb.group().lower() in _INVERTING
        and _INVERTED.search(before)  # "..., said Kress"
        and not _OPENING_APPOSITIVE.match(before)  # "Jane Roe, a member of the panel, said China's ...": her words
    )
    speaker = _subject_after(text, verb.end(), end, context) if inverted else ""
    return speaker or _subject_before(text, start, verb.start(), context, masked)


def _clause_subject(text: str, start: int, end: int, context: _Context) -> str:
    """The subject of the sentence's main clause: its first candidate, after at most an opening phrase."""
    subjects = _candidates(text, start, end, context)
    if not subjects:
        return ""
    opening = text[start : subjects[0].end].rsplit(",", 1)[-1]
    if len(opening.split()) > MAX_WORDS_SUBJECT_TO_VERB:
        return ""
    head = subjects[0]
    for following in subjects[1:2]:
        between = text[head.end : following.start].split() if following.start >= 0 else ["?"]
        if all(
            word.lower() in _rules().title_words or _ACRONYM.fullmatch(word) for word in between
        ) and _is_named_person(context.resolve(following)):
            head = following  # "Foreign Ministry spokesman Lin Jian": the person the titles name
    return context.resolve(head)


def _participle_subject(text: str, start: int, participle_start: int, context: _Context) -> str:
    """The subject of a participle after a comma: that of the clause right before it ("While critics warned ...,
    Trump defended the deal, saying"), else of the sentence."""
    comma = text.rindex(",", start, participle_start)
    clause_start = text.rfind(",", start, comma) + 1 or start
    return _clause_subject(text, clause_start, comma, context) or _clause_subject(text, start, comma, context)


def _person_first(candidates: list[Candidate], context: _Context) -> str:
    """The source an "according to" names: the person where there is one ("according to Nvidia CEO Jensen Huang",
    "according to NVIDIA's CFO"), else the first actor."""
    resolved = [context.resolve(c) for c in candidates]
    return next((actor for actor in resolved if actor_type(actor) in PERSON_TYPES), resolved[0])


def _trailing_speaker(text: str, start: int, end: int, context: _Context) -> tuple[str, str]:
    """The speaker of an attribution that closes the sentence: "..., the report said on Monday.", "..., said the
    sources, who asked not to be named."."""
    match = _TRAILING.search(text, start, end)
    if not match:
        inverted = _TRAILING_INVERTED.search(text, start, end)
        if not inverted or _OPENING_APPOSITIVE.match(text, start, inverted.start() + 2):
            return "", ""
        speaker = _subject_after(text, inverted.end("verb"), end, context)
        return (speaker, inverted.group("verb")) if speaker else ("", "")
    if _RELATIVE.search(text[start : match.start("verb")]) or _OPENING_APPOSITIVE.match(
        text, start, match.start("verb")
    ):
        return "", ""  # "Jane Roe, a member of the panel, said ...": the sentence's subject speaks, not the appositive
    candidates = _candidates(text, match.start("subject"), match.end("subject"), context)
    if not candidates:
        return "", ""
    verb = match.group("verb").split()[0]
    if candidates[-1].actor in _GENDERED:  # "Trump will raise it with Xi, he told reporters": the person named first
        named = [context.resolve(c) for c in _candidates(text, start, match.start(), context) if not c.is_reference]
        female = candidates[-1].actor in ("she", "her")
        people = [actor for actor in named if _is_named_person(actor)]
        person = next((actor for actor in people if _is_female(actor) == female), people[0] if people else "")
        if person:
            return person, verb
    if candidates[-1].actor == "it":  # "The regulator wants Nvidia to explain ..., it said": the body named first
        named = [context.resolve(c) for c in _candidates(text, start, match.start(), context) if not c.is_reference]
        body = next((actor for actor in named if actor_type(actor) in _BODY_TYPES), "")
        if body:
            return body, verb
    # "Jane Roe from Example Research told Example Times": not a name a preposition governs, unless after a role
    subject_start = match.start("subject")
    subjects = [
        c
        for c in candidates
        if c.start < 0
        or not _governed_by_preposition(text, subject_start, c.start)
        or _after_role(text, subject_start, c)
    ]
    return context.resolve((subjects or candidates)[-1]), verb


# a preposition and up to six characters of title before a name ("与美国总统特朗普", "在政论节目《X》中"): the name is no
# subject
_CHINESE_PREPOSITION = re.compile(r"(?:针对|針對|关于|關於|[对對与與同跟向给給被把在])[^，,。；;：:]{0,6}$")
_CHINESE_PRONOUN = re.compile(r"(?<!其)[他她]")  # not 其他 ("other")
_CHINESE_SPOKESPERSON = re.compile(r"[发發]言人")
_OPENS_QUOTATION_ZH = re.compile(r"[道]?\s*[：:]?\s*[「“\"]")
_CHINESE_REGION_CHARS = 2  # "大陆外交部", "美国商务部": a region's name before the body the clause opens with
_CHINESE_TITLE_CHARS = 4  # "发言人", "部长", "首席执行官": a title between a body and its person
_CHINESE_ADVERB_CHARS = 3  # "他进一步强调", "他同时呼吁": at most an adverb of three characters between
_JOINING_ADVERB_ZH = re.compile(r"\s*(?:[并並还還也亦又另更再]|同时|同時)?")  # "并表示", "同时指出"
_CHINESE_ADVERB = re.compile(r"(?![们們])[\u4e00-\u9fff]*")  # not 他们 ("they")
_TITLE_MARK_THEN_VERB = re.compile(r"\s*》[也还還则則更亦又并並曾]?")  # "《彭博》也指出": the publication speaks
_IN_TITLE_MARKS = re.compile(r"[^《》]{0,3}》")
_CHINESE_ACCORDING_TO = re.compile(
    r"[据據]([^,，。;；]{1,40}?)(?:报道|報道|报导|報導|消息|披露|查证|查證|估算|估计|估計)"
)
_MARKED_NAME = re.compile(r"[「“\"《](?P<name>[^」”\"》]{2,12})[」”\"》]")
# A document that opens its clause, right before the verb ("声明指出", "文章稱", "該報告显示"): the statement, article or
# report of the source the page cited last.
_DOCUMENTS_ZH = "声明|聲明|文章|报道|報道|报导|報導|报告|報告|公告|评论|評論|社论|社論"
_NEWS_REPORT_ZH = re.compile(r"报道|報道|报导|報導|报$|報$")
_DOCUMENT_ZH = re.compile(rf"(?:(?:[该該此]|这篇|這篇|这份|這份)?(?:{_DOCUMENTS_ZH})|[该該]报|[该該]報)")
# what may stand between a source's name and the verb: a time and its document ("「X」昨日文章指", "X日前發表評論稱")
_NAME_TO_DOCUMENT_ZH = re.compile(rf"[^，,。；;：:「」“”《》]{{0,6}}?(?:{_DOCUMENTS_ZH})")


_LATIN_NAME = re.compile(r"\s?[A-Z][a-z]+(?:[ ·][A-Z][a-z’'-]+){1,2}\s?")


def _titled_name_zh(text: str, start: int, verb_start: int) -> str:
    """The person's name of two or three characters (or in Latin letters) that opens at ``start``, after a title,
    where what stands between it and the verb may follow a name ("专家张三表示", "专家张三的说法称", "教授张三18日在
    臉書發文表示"); else ""."""
    rules = _rules()
    latin = _LATIN_NAME.match(text, start, verb_start)  # "参议员Mike Rounds表示": a name in Latin letters
    if latin and rules.after_name_zh.fullmatch(text, latin.end(), verb_start):
        return latin.group().strip()
    if text[start : start + 1] not in rules.family_names_zh:
        return ""
    for length in (3, 2):
        end = start + length
        # "发言人周一在记者会上表示": a day of the week opens with a family name (周) and is no name; "张三在接受采访时
        # 表示": 在 opens the occasion, not the end of a name
        if (
            end <= verb_start
            and rules.after_name_zh.fullmatch(text, end, verb_start)
            and not rules.times_zh.fullmatch(text, start, end)
            and text[end - 1] != "在"
        ):
            return text[start:end]
    return ""


def _chinese_speaker(text: str, start: int, end: int, context: _Context) -> tuple[str, str]:
    """The speaker of a Chinese reporting verb: the last actor named before it in its clause; or the source of
    "据 X 报道" ("according to X's report")."""
    source = _CHINESE_ACCORDING_TO.search(text, start, end)
    if source:
        named = context.mentions.within(source.start(1), source.end(1))
        if named:
            return context.resolve(Candidate(named[0].end, named[0].actor)), source.group()[:1]
        marked = _MARKED_NAME.search(source.group(1)) or _NAME.search(source.group(1))
        derived = actor_id_from_name(marked.groupdict().get("name") or marked.group(), person=False) if marked else ""
        if derived:  # "根据《科技日报》报道", "据研究机构SemiAnalysis估算": a source the register lacks
            return derived, source.group()[:1]
    verbs = list(_rules().speech_zh.finditer(text, start, end))
    opening: re.Match[str] | None = None  # a verb the sentence opens with, without a subject of its own
    # the verb that opens a quotation ("回应称：「...」") is the sentence's own, before any verb of a clause before it
    verbs.sort(key=lambda verb: not _OPENS_QUOTATION_ZH.match(text, verb.end()))
    for verb in verbs:
        breaks = [m.end() for m in re.finditer(r"[,，。;；:：]", text[start : verb.start()])]
        clause_start = start + (breaks[-1] if breaks else 0)
        named = [
            m
            for m in context.mentions.within(clause_start, verb.start())
            # a name in title marks (《金融时报》) is a publication or event named, a speaker only right before the verb
            if not (
                _IN_TITLE_MARKS.match(text, m.end) and not _TITLE_MARK_THEN_VERB.fullmatch(text, m.end, verb.start())
            )
        ]
        # "辉达对特朗普的决定表示赞赏", "黄仁勋与美国总统特朗普会晤后表示": a name after a preposition is no subject
        subjects = [m for m in named if not _CHINESE_PREPOSITION.search(text, max(clause_start, m.start - 7), m.start)]
        found = [Candidate(m.end, m.actor, start=m.start) for m in subjects]
        rules = _rules()
        found += [
            Candidate(m.end(), rules.generic_speakers_zh[m.group()])
            for m in rules.generic_zh.finditer(text, clause_start, verb.start())
            if not _IN_TITLE_MARKS.match(text, m.end())  # "《专家来了》": a programme's name
        ]
        found += [  # 发言人 ("the spokesperson") just before the verb, after no body's name: as in English
            Candidate(m.end(), "role:spokesperson", is_reference=True)
            for m in _CHINESE_SPOKESPERSON.finditer(text, clause_start, verb.start())
            if verb.start() - m.end() <= _CHINESE_ADVERB_CHARS
            and not any(m.start() - _CHINESE_ADVERB_CHARS <= c.end <= m.start() for c in found)
        ]
        found += [  # a name in quotation or title marks right before the verb: 「芯智訊」指出, 《Example Daily》称
            Candidate(m.end(), derived)
            for m in _MARKED_NAME.finditer(text, clause_start, verb.start())
            # "「玉淵譚天」更直言", "「X」昨日文章指"; not "在“棱镜门”里就披露", a place in marks
            if (verb.start() - m.end() <= 1 or _NAME_TO_DOCUMENT_ZH.fullmatch(text, m.end(), verb.start()))
            and not context.mentions.within(m.start(), m.end())
            and not _CHINESE_PREPOSITION.search(text, max(clause_start, m.start() - 7), m.start())
            and (derived := actor_id_from_name(m.group("name"), person=False))
        ]
        titled = {  # a name after a title: "专家张三表示" (an expert, Zhang San, said), unless the register has it
            name: title.end() + len(name)
            for title in rules.titles_zh.finditer(text, clause_start, verb.start())
            if (name := _titled_name_zh(text, title.end(), verb.start()))
            and not any(m.start == title.end() for m in named)
        }
        context.names_zh.update({name: actor_id_from_name(name) for name in titled})
        found += [Candidate(name_end, actor_id_from_name(name)) for name, name_end in titled.items()]
        found += [  # the name again without its title, later in the page: "翁履中接着表示"
            Candidate(clause_start + m.end(), actor)
            for surface, actor in context.names_zh.items()
            for m in re.finditer(re.escape(surface), text[clause_start : verb.start()])
            if not _CHINESE_PREPOSITION.search(
                text, max(clause_start, clause_start + m.start() - 7), clause_start + m.start()
            )
        ]
        document = _DOCUMENT_ZH.match(text, clause_start, verb.start())
        if document and verb.start() - document.end() <= _CHINESE_ADVERB_CHARS:
            # a news report (报道, 该报) is an outlet's; a statement or an article may be anyone's who spoke
            news = _NEWS_REPORT_ZH.search(document.group())
            cited = next(
                (
                    actor
                    for actor in reversed(context.speakers)
                    if actor not in rules.unnamed and (not news or actor_type(actor) == "media_outlet")
                ),
                "",
            )
            found += [Candidate(document.end(), cited)] if cited else []
        found += [  # 他 / 她 ("he" / "she") just before the verb (an adverb between): the latest person named
            Candidate(m.end(), "he", is_reference=True)
            for m in _CHINESE_PRONOUN.finditer(text, clause_start, verb.start())
            if verb.start() - m.end() <= _CHINESE_ADVERB_CHARS
            and _CHINESE_ADVERB.fullmatch(text, m.end(), verb.start())
        ]
        if not found:  # only names after a preposition: the nearest may still be the subject
            found = [Candidate(m.end, m.actor, start=m.start) for m in named]
        if not found and verb.start() - clause_start <= _CHINESE_ADVERB_CHARS:
            # a clause that opens with its verb ("...，强调...") shares the subject an earlier clause opens with
            earlier_starts = [start, *(start + b for b in breaks[:-1])][::-1]
            found = (
                [
                    _opening_subject_zh(text, mentions)
                    for earlier in earlier_starts
                    if (mentions := context.mentions.within(earlier, clause_start))
                    and mentions[0].start - earlier <= _CHINESE_REGION_CHARS
                    and actor_type(mentions[0].actor) not in _PLACE_TYPES
                ][:1]
                or [  # "发言人还回顾了...，指出...": the spokesperson an earlier clause opens with
                    Candidate(spokesperson.end(), "role:spokesperson", is_reference=True)
                    for earlier in earlier_starts
                    if (spokesperson := _CHINESE_SPOKESPERSON.match(text, earlier))
                ][:1]
            )
            if (
                not found
                and not breaks
                and _JOINING_ADVERB_ZH.fullmatch(text, start, verb.start())
                and not rules.speech_zh.match(text, verb.end())  # "报道称": a noun before the verb
            ):
                # "并表示...": a sentence that opens with its verb goes on with the one who spoke last, unless a
                # later verb has a subject of its own ("报道称": the report said)
                opening = opening or verb
        if found:
            chosen = max(found, key=lambda c: c.end)
            # "卢特尼克接受专访，他透露...": 他 may stand for a person named earlier in the sentence
            resolver = (
                context.extended(m.actor for m in context.mentions.within(start, clause_start))
                if chosen.is_reference
                else context
            )
            speaker = resolver.resolve(chosen)
            outlets = [
                a for a in (*(c.actor for c in found), *(m.actor for m in named)) if actor_type(a) == "media_outlet"
            ]
            if outlets and speaker in rules.unnamed:  # "路透引述知情人士报导", "知情人士向路透社爆料称": as in English,
                return outlets[0], verb.group()  # the outlet the unnamed sources told is the source
            return speaker, verb.group()
    if opening and context.speakers:
        return context.speakers[-1], opening.group()
    return "", ""


def _opening_subject_zh(text: str, mentions: list[Mention]) -> Candidate:
    """The subject a Chinese clause opens with: its first name, or the person a title run from it names
    ("外交部发言人林剑": Lin Jian, after the ministry and the word for spokesperson)."""
    subject = mentions[0]
    for following in mentions[1:]:
        if following.start - subject.end > _CHINESE_TITLE_CHARS or actor_type(following.actor) not in PERSON_TYPES:
            break
        subject = following
    return Candidate(subject.end, subject.actor)


# A statement opening the sentence by whose it is: "Huang's key messages were unambiguous: ...".
_OWNED_STATEMENT = re.compile(
    r"\W*(?P<owner>his|her|(?-i:[A-Z][\w.’'-]*\s+){0,3}(?-i:[A-Z])[\w.’'-]*?['’]s?)\s+(?:[\w-]+\s+){0,2}"
    r"(?P<cue>message|messages|remarks|comments|argument|arguments|point|points|takeaway|stance|position|answer"
    r"|response|reply|read|verdict|view|assessment)\s+"
    r"(?:was|were|is|are|has\s+been|remains?|remained)\b",
    re.IGNORECASE,
)
# A position given by whose view it is, opening the sentence: "In Huang's view, ...", "In her words, ...".
_IN_VIEW = re.compile(
    r"\W*(?P<cue>in\s+(?P<owner>his|her|(?-i:[A-Z][\w.’'-]*\s+){0,3}(?-i:[A-Z])[\w.’'-]*?['’]s?)\s+"
    r"(?:view|opinion|words|estimation|assessment|telling))\b,?",
    re.IGNORECASE,
)
# a document by whose it is: "its annual report", "his blog post"
_POSSESSIVE_SOURCE = re.compile(
    r"(its|his|her)\s+(?:[\w-]+\s+){0,2}(?:report|filing|statement|website|blog|post)\b", re.I
)
_BY_AGENT = re.compile(r"\s+by\s+")
# where the agent after "by" ends: "announced by Commerce Secretary Jane Roe on Tuesday", "described by Reuters as"
_AGENT_END = re.compile(r"[,;:.]|\s(?:as|that|on|in|at|over|after|for|to)\s")
_IRREGULAR_PARTICIPLES = frozenset({"said", "told", "written", "quoted"})
_NOT_SPEECH_WITH_AGENT = frozenset({"called", "addressed"})  # "a meeting called by", "concerns addressed by"


def _passive_agent(text: str, start: int, end: int, masked, context: _Context) -> tuple[str, str]:
    """(speaker, cue) of the sentence's speech verb in the passive, with its agent: "The deal was criticised by
    lawmakers", "It has been confirmed by outlets including Reuters": the agent speaks."""
    for verb in _rules().speech.finditer(text, start, end):
        word = verb.group().lower()
        if any(a <= verb.start() < b for a, b in masked) or word in _NOT_SPEECH_WITH_AGENT:
            continue
        agent = _BY_AGENT.match(text, verb.end(), end)
        if not agent or not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
            continue
        before = text[start : verb.start()]
        if not _PASSIVE.search(before) or _RELATIVE.search(before):
            continue  # "the news, first reported by X", "which was reported by X": a detail of the story, not X's words
        stop = _AGENT_END.search(text, agent.end(), end)
        candidates = _candidates(text, agent.end(), stop.start() if stop else end, context)
        if candidates:
            return _person_first(candidates, context), f"{verb.group()} by"
    return "", ""


# An acronym as the whole source, or as a document's author: "according to DCD", "according to a report from NPR"
_SOURCE_ACRONYM = re.compile(
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:report|note|statement|analysis|study|survey)\s+(?:from|by)\s+)?"
    r"(?P<acronym>[A-Z]{2,6})\s*$"
)
_CITING = re.compile(r"[^;:.“”\"]{0,80}?\bciting\s+")
# a document and its author: "a Sunday report by the Institute for Progress", "an analysis from Example Research"
_CITED_DOCUMENT = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:report|study|analysis|note|survey|review|paper|research)\s+(?:by|from)\s+",
    re.IGNORECASE,
)


def _cited_origin(text: str, start: int, end: int, context: _Context) -> str:
    """The outlet or the document's author a relayed report cites ("according to a CNBC report citing The
    Information"; "according to Reuters, citing a report by the Institute for Progress"), which is the claim's
    origin; "" when it cites no one by name ("citing people familiar with the matter"), or a person or a platform
    whose words the outlet interprets ("Bloomberg, citing Lutnick, sees ...", "citing a post on Truth Social")."""
    citing = _CITING.match(text, start, end)
    if not citing:
        return ""
    stop = re.search(r"[,;.]", text[citing.end() : end])
    window_end = citing.end() + (stop.start() if stop else end - citing.end())
    named = [context.resolve(c) for c in _candidates(text, citing.end(), window_end, context) if not c.is_reference]
    named = [actor for actor in named if actor and actor not in _rules().unnamed]
    if named and _CITED_DOCUMENT.match(text, citing.end(), window_end):
        return named[0]
    return next((actor for actor in named[:1] if actor_type(actor) == "media_outlet"), "")


def _possessor(pronoun: str, position: int, context: _Context) -> str:
    """The actor a possessive pronoun stands for: "its" for the latest organisation, "his" or "her" for a person."""
    reference = {"its": "it", "his": "he", "her": "she"}[pronoun.lower()]
    return context.resolve(Candidate(position, reference, is_reference=True))


def _reported_speaker(text: str, start: int, end: int, masked, context: _Context) -> tuple[str, str]:
    """(speaker, cue) of a sentence's main speech verb, or ("", "") when it has none."""
    found: list[tuple[str, str]] = []
    trailing = _trailing_speaker(text, start, end, context)
    object_relative: list[tuple[str, str]] = []
    subordinate: list[tuple[str, str]] = []  # "days after Nvidia announced that ...": a claim the sentence reports
    closing_source = bool(trailing[0]) or bool(_TRAILING_SOURCE.search(text, start, end))
    for verb in _speech_verbs(text, start, end, masked):
        before = text[start : verb.start()]
        # "..., says the company's CEO Jane Roe" is the attribution itself, even after "that market,"
        inverted = verb.group().lower() in _INVERTING and _INVERTED.search(before)
        relative = None if inverted else _RELATIVE.search(before)
        if relative:
            named = _OBJECT_RELATIVE.search(before)
            if named and _CLAUSE_FOLLOWS.match(text, verb.end()):  # "the deal, which Trump said would apply"
                candidates = _candidates(text, start + named.start("name"), verb.start(), context)
                object_relative += [(context.resolve(c), verb.group()) for c in candidates[-1:]]
            elif _SUBORDINATE.match(relative.group()):
                clause_speaker = _subject_before(text, start + relative.start(), verb.start(), context, masked)
                subordinate += [(clause_speaker, f"{verb.group()} (in a subordinate clause)")] if clause_speaker else []
            elif _WHO_AFTER_NAME.search(before, 0, relative.start() + 4) and _ANY_QUOTE.search(text, verb.end(), end):
                # "... senators including Elizabeth Warren, who warned of a “colossal failure”": her quoted words,
                # unless the sentence has a speaker of its own
                named_before = _candidates(text, start, start + relative.start(), context)
                subordinate += [(context.resolve(named_before[-1]), f"{verb.group()} (who)")] if named_before else []
            continue
        if verb.group().endswith("ing") and _AFTER_BY.search(before):
            continue  # "fuelled by Secretary Jane Roe saying ...": a gerund in a phrase, not the sentence's verb
        if (
            verb.group().lower() in _INSTRUCTING
            and closing_source
            and not _CLOSING_QUOTE.search(before)  # "“...,” Roe told reporters ... to explain": words, not an order
            and _LONG_INSTRUCTION.match(text, verb.end())
        ):
            continue  # "Nvidia asked suppliers ... to halt work, the report said": the order is the report's news
        if found and verb.group().endswith("ing") and before.rstrip().endswith(","):
            continue  # "X said, citing people familiar": the participle shares the subject of the verb before it
        participle = verb.group().endswith("ing") and before.rstrip().endswith(",")
        # "Trump praised the chips, claiming ...": a participle after a comma shares the subject of the main clause
        speaker = (participle and _participle_subject(text, start, verb.start(), context)) or _verb_subject(
            text, start, end, verb, context, masked
        )
        if not speaker and verb.group().split()[0].endswith("ing") and _AFTER_ADDRESSEE.search(before):
            # "Kim sent a letter to Secretary Jane Roe raising concerns": the letter's sender raises them
            speaker = _clause_subject(text, start, verb.start(), context)
        if (
            speaker
            and verb.group().lower() == "citing"
            and (actor_type(speaker) == "media_outlet" or speaker in _rules().unnamed)
        ):
            # "Reuters, citing a report by the Institute for Progress, ...": the report cited is the origin
            speaker = _cited_origin(text, verb.start(), end, context) or speaker
        if speaker:
            found.append((speaker, verb.group()))
    found = [trailing, *found] if trailing[0] else found
    found += object_relative
    if not found:
        agent = _passive_agent(text, start, end, masked, context)
        found += [agent] if agent[0] else []
    # "... memory chips for the H20. -The Information": the outlet the passage is from; the credit's dash stands in
    # the sentence's last characters, and most sentences have none
    tail = max(start, end - CREDIT_MAX_CHARS)
    credit = None if found or not _DASHES.search(text, tail, end) else _CLOSING_CREDIT.search(text, tail, end)
    if credit:
        outlet = next((m.actor for m in context.mentions.within(credit.start("name"), end)), "")
        found += [(outlet, "credit")] if actor_type(outlet) == "media_outlet" else []
    opening = _OPENING_SPEECH.match(text, start, end)
    if not found and opening:  # "Asked about the future of AI, Huang said ...": the subject after the phrase
        speaker = _clause_subject(text, opening.end(), end, context)
        if speaker:
            found.append((speaker, opening.group(1).lower()))
    source = _TRAILING_SOURCE.search(text, start, end)
    if source:
        candidates = _candidates(text, source.start("subject"), source.end("subject"), context)
        if candidates:
            found.append((_person_first(candidates, context), source.group("cue")))
    if found:
        # an outlet relaying a named actor's words ("X said, CCTV reported"; "CNBC quoted X as saying") gives way
        generic = _rules().unnamed
        relayed = [
            (s, c)
            for s, c in found
            if actor_type(s) != "media_outlet" and s not in generic and (s, c) not in object_relative
        ]
        if relayed and actor_type(found[0][0]) == "media_outlet":
            return relayed[0]
        if not relayed and source and (origin := _cited_origin(text, source.start("subject"), end, context)):
            return origin, source.group("cue")  # "..., according to a CNBC report citing The Information"
        outlets = [m.actor for m in context.mentions.within(start, end) if actor_type(m.actor) == "media_outlet"]
        if found[0][0] in generic and outlets:  # "sources told the Financial Times": the outlet is the source
            return outlets[0], found[0][1]
        return found[0]
    source = _rules().according_to.search(text, start, end)
    if source:
        stop = re.search(r"[,;.]", text[source.end() : end])
        window_end = source.end() + (stop.start() if stop else end - source.end())
        candidates = _candidates(text, source.end(), window_end, context)
        owner = _POSSESSIVE_SOURCE.match(text, source.end(), window_end)
        if not candidates and owner:  # "Nvidia earned $17 billion, according to its annual report": the subject's
            subject = _clause_subject(text, start, source.start(), context)
            if subject and (actor_type(subject) in PERSON_TYPES) == (owner.group(1).lower() != "its"):
                return subject, source.group().strip()
            speaker = "" if text[start : source.start()].strip() else _possessor(owner.group(1), source.end(), context)
            if speaker:  # "According to its blog, ...": the one named last
                return speaker, source.group().strip()
        if candidates:
            origin = _cited_origin(text, source.end(), end, context)
            return origin or _person_first(candidates, context), source.group().strip()
        acronym = _SOURCE_ACRONYM.match(text, source.end(), window_end)
        if acronym:  # "according to a report from NPR", "according to DCD": an outlet the register lacks
            return acronym.group("acronym").lower(), source.group().strip()
        if source.group().strip().lower() == "citing":  # "Trump banned the chip, citing security concerns"
            speaker = _clause_subject(text, start, source.start(), context)
            if speaker:
                return speaker, "citing"
    view = _IN_VIEW.match(text, start, end) or _OWNED_STATEMENT.match(text, start, end)
    if view:  # "In Huang's view, AI has moved on", "In his words, ...": the position of the one named
        holder = view.group("owner").lower()
        candidates = (
            [Candidate(view.end("owner"), "he" if holder == "his" else holder, is_reference=True)]
            if holder in ("his", "her")
            else _candidates(text, view.start("owner"), view.end("owner"), context)
        )
        speaker = context.resolve(candidates[0]) if candidates else ""
        if speaker:
            return speaker, view.group("cue").lower()
    speaker, cue = _chinese_speaker(text, start, end, context)
    if speaker or not subordinate:
        return speaker, cue
    return subordinate[0]


@lru_cache(maxsize=1024)
def _label_mentions(label: str) -> list[Mention]:
    """The register actors a transcript turn label names (labels repeat, so each is scanned once). A label in
    capitals ("U.S. COMMERCE SECRETARY HOWARD LUTNICK") is read in title case, as the register writes names."""
    return find_mentions(label.title() if label.isupper() else label)


def _turn_speaker(turn: str, headline_actors: list[str], turn_text: str, context: _Context) -> str:
    """The speaker of a transcript turn: the asking side is the outlet its label names ("Reporter from AFP"), else
    "reporter"; the answer goes to the body named in the transcript's title, and a named label to that person
    (the last named: "Commerce Secretary Jane Roe"), a surname to the full name of an earlier label ("ROE")."""
    mentions = _label_mentions(turn)
    outlets = [m.actor for m in mentions if actor_type(m.actor) == "media_outlet"]
    if outlets:
        return outlets[-1]
    if is_asker(turn):
        # the asking outlet where the label names one ("Reporter from Phoenix TV"), else "reporter"
        named = re.search(r"\b(?:from|with|of)\s+(.+)$", turn)
        return actor_id_from_name(named.group(1)) if named else "reporter"
    if turn.lower() in ("a", "answer", "答"):
        answerers = [a for a in headline_actors if actor_type(a) in ("government_body", "person", "company")]
        people = [a for a in answerers if actor_type(a) == "person"]  # "Spokesperson Mao Ning's Press Conference"
        return (people or answerers or [""])[0]
    if mentions:
        people = [m.actor for m in mentions if actor_type(m.actor) in PERSON_TYPES]
        return people[-1] if people else mentions[-1].actor
    words = [word for word in turn.split() if word.lower() not in _rules().title_words]
    initialled = _INITIALS.fullmatch(turn) and context.by_initials(turn.replace(".", ""))
    if initialled:  # "JH:" in an interview with Jensen Huang
        return initialled
    if words:  # "Phoenix TV", "Spokesperson Zhang San" -> "zhang_san"
        return context.full_name(actor_id_from_name(" ".join(words)))
    return "reporter" if "?" in turn_text else actor_id_from_name(turn)


def _quote_speaker(
    text: str, quote: Quote, first: dict, last: dict, next_quote_start: int, previous_quote_end: int, context: _Context
) -> tuple[str, str]:
    after_start, after_end = quote.end + 1, min(last["char_end"], next_quote_start)
    for verb in _speech_verbs(text, after_start, after_end, []):
        if verb.group().lower() in _INVERTING:
            speaker = _subject_after(text, verb.end(), after_end, context)
            if speaker:
                return speaker, verb.group()
        speaker = _subject_before(text, after_start, verb.start(), context)
        if speaker:
            return speaker, verb.group()
        break
    closing = re.search(r"[。；;！？]", text[after_start:after_end])
    after_clause_end = after_start + closing.start() if closing else after_end
    if not text[after_start:after_clause_end].isascii():  # "「...」黃仁勳說。": a Chinese reporting verb after it
        speaker, cue = _chinese_speaker(text, after_start, after_clause_end, context)
        if speaker:
            return speaker, cue
    source = _rules().according_to.pattern.match(
        text, after_start + len(text[after_start:after_end]) - len(text[after_start:after_end].lstrip(" ,"))
    )
    if source:
        candidates = _candidates(text, source.end(), after_end, context)
        if candidates:
            return context.resolve(candidates[0]), source.group().strip()
    before_start = max(first["char_start"], previous_quote_end)
    for verb in _speech_verbs(text, first["char_start"], quote.start, []):
        speaker = _verb_subject(text, first["char_start"], quote.start, verb, context)
        if speaker:
            return speaker, verb.group()
    if before_start < quote.start and text[before_start : quote.start - 1].rstrip().endswith((":", "：")):
        # "Huang stayed on message: “...”": the clause before the colon names the speaker, else the last one
        colon = max(text.rfind(":", before_start, quote.start), text.rfind("：", before_start, quote.start))
        if not text[before_start:colon].isascii():  # "他说：“...”": a Chinese reporting verb before the colon
            speaker, cue = _chinese_speaker(text, before_start, colon, context)
            if speaker:
                return speaker, cue
        people = [
            c for c in _candidates(text, before_start, colon, context) if actor_type(context.resolve(c)) in PERSON_TYPES
        ]
        if people:
            return context.resolve(people[0]), ":"
        owner = _POSSESSIVE_SOURCE.search(text, before_start, colon)
        if owner:  # "As per its blog: “...”": the one whose document it is
            speaker = _possessor(owner.group(1), owner.start(), context)
            if speaker:
                return speaker, ":"
        return (context.speakers[-1], ":") if context.speakers else ("", "")
    before_paragraph = text[: quote.start - 1].rstrip(" \t")
    if before_paragraph.endswith("\n"):  # a quotation opening a paragraph, after a line that ends "... said:"
        previous = before_paragraph.rstrip()
        line_start = previous.rfind("\n") + 1
        if previous.endswith(":"):
            candidates = _candidates(text, line_start, len(previous), context)
            if candidates:
                return context.resolve(candidates[0]), ":"
    return "", ""


def _sentence_speaker(
    text, row, own_quotes, headline_actors, previous, actors, context, turn_text
) -> tuple[str, str, bool]:
    """(speaker, cue, is_quote) of one body sentence; the first rule that applies decides."""
    start, end = row["char_start"], row["char_end"]
    full = [(q, s, c) for q, s, c in own_quotes if q.words(text) >= FULL_QUOTE_WORDS]
    quoted_chars = sum(min(q.end, end) - max(q.start, start) for q, _, _ in full)
    is_quote = bool(full) and quoted_chars / max(end - start, 1) >= QUOTE_SHARE
    quote_speaker = next(((s, c) for _, s, c in full if s), None)
    if row["turn"]:
        return _turn_speaker(row["turn"], headline_actors, turn_text, context), f"turn {row['turn']}", is_quote
    if is_quote and quote_speaker:
        return quote_speaker[0], f"quote {quote_speaker[1]}".strip(), True
    speaker, cue = _reported_speaker(text, start, end, [(q.start, q.end) for q, _, _ in own_quotes], context)
    if speaker:
        return speaker, cue, is_quote
    if quote_speaker:
        return quote_speaker[0], f"quote {quote_speaker[1]}".strip(), is_quote
    hedge = _REPORTEDLY.search(text, start, end)
    if hedge:  # "Nvidia has reportedly asked suppliers ...": the outlet whose report the document has cited
        outlet = next((a for a in reversed(context.speakers) if actor_type(a) == "media_outlet"), "")
        if outlet:
            return outlet, hedge.group().lower(), is_quote
    continuing = _rules().continuing_verbs
    if (
        previous
        and previous.get("paragraph") == row["paragraph"]
        and previous.get("speaker")
        and previous["cue"] in continuing | {f"continued {verb}" for verb in continuing}
        and not _new_actors(text, start, end, actors, previous)
        and not _NEWSROOM_VOICE.search(text, start, end)
    ):
        verb = previous["cue"].removeprefix("continued ")
        return previous["speaker"], f"continued {verb}", False
    return "", "", is_quote


def _new_actors(text: str, start: int, end: int, actors, previous: dict) -> set[str]:
    """The actors a sentence names that the previous one did not (nor was spoken by). In Chinese, countries do
    not count: official speech runs on naming the sides ("中方", "美方", China's and the US side)."""
    new = set(actors) - set(previous["actors"]) - {previous["speaker"]}
    if CHINESE_CHARACTER.search(text, start, end):
        new = {actor for actor in new if actor_type(actor) != "country"}
    return new


def attribute_document(text: str, rows: Sequence[SentenceRow]) -> tuple[list[AttributionColumns], list[QuoteRow]]:
    """Per-sentence ``actors, speaker, is_quote, speaker_cue`` and a list of quotation rows for one document.

    A page with pinyin glosses ("認(rèn)為", as mirror sites print traditional characters) is read without them; the
    quotation rows' offsets still point into ``text``."""
    glosses = list(_PINYIN_GLOSS.finditer(text))
    if not glosses:
        return _attribute_document(text, rows)
    reading, raw_positions, removed_before = _without_glosses(text, glosses)
    gloss_starts = [gloss.start() for gloss in glosses]
    reading_rows = []
    for row in rows:
        start, end = (
            position - removed_before[bisect.bisect_right(gloss_starts, position)]
            for position in (row["char_start"], row["char_end"])
        )
        reading_rows.append(
            cast(SentenceRow, {**row, "char_start": start, "char_end": end, "text": reading[start:end]})
        )
    results, quotes = _attribute_document(reading, reading_rows)
    for quote in quotes:
        start, end = raw_positions[quote["char_start"]], raw_positions[quote["char_end"] - 1] + 1
        quote.update({"char_start": start, "char_end": end, "text": text[start:end]})
    return results, quotes


# A mirror copy's reading aid: a Chinese character followed by its pinyin with a tone mark in brackets ("英偉達(dá)"),
# which splits speech verbs and names; not a ticker or an abbreviation ("英伟达(nvda)", "人工智能(ai)")
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)"
)


def _without_glosses(text: str, glosses: list[re.Match[str]]) -> tuple[str, list[int], list[int]]:
    """``text`` without ``glosses``; the position in ``text`` of each of its characters (and of its end); and the
    number of characters removed before each gloss (and after the last, at the end)."""
    parts: list[str] = []
    raw_positions: list[int] = []
    removed_before = [0]
    previous = 0
    for gloss in glosses:
        parts.append(text[previous : gloss.start()])
        raw_positions.extend(range(previous, gloss.start()))
        previous = gloss.end()
        removed_before.append(removed_before[-1] + gloss.end() - gloss.start())
    parts.append(text[previous:])
    raw_positions.extend(range(previous, len(text) + 1))
    return "".join(parts), raw_positions, removed_before


def _attribute_document(text: str, rows: Sequence[SentenceRow]) -> tuple[list[AttributionColumns], list[QuoteRow]]:
    mentions = DocumentMentions(text)
    context = _Context(mentions, abbreviations(text, mentions))
    by_paragraph: dict[int, list[SentenceRow]] = {}
    for row in rows:
        if row["kind"] in SPEAKER_KINDS:
            by_paragraph.setdefault(row["paragraph"], []).append(row)
    quotes_by_sentence: dict[str, list[tuple[Quote, str, str]]] = {}
    quote_rows: list[QuoteRow] = []
    pending: dict[int, list[Quote]] = {
        paragraph: find_quotes(text, members[0]["char_start"], members[-1]["char_end"])
        for paragraph, members in by_paragraph.items()
    }
    results: list[AttributionColumns] = []
    headline_actors: list[str] = []
    attributed_paragraphs: set[int] = set()
    previous: dict | None = None  # the previous body sentence and how it was attributed
    open_quote_speaker = ""  # the speaker of a quotation left open at the end of the last paragraph
    # the speaker and paragraph of a sentence ending in a colon ("Huang stated:"): the next paragraph is theirs
    introduced: tuple[str, int] | None = None
    own_staff = _own_staff(row["turn"] for row in rows)
    context.note(actor_id_from_name(name) for name in sorted(own_staff) if " " in name)  # "MARTIN" is Michel Martin
    for row in rows:
        actors = context.mentions.actors(row["char_start"], row["char_end"])
        result: AttributionColumns = {"actors": actors, "speaker": "", "is_quote": False, "speaker_cue": ""}
        results.append(result)
        if row["kind"] == "headline":
            if previous is not None and previous["kind"] != "headline":
                headline_actors = []
            headline_actors.extend(actors)
        if row["kind"] not in SPEAKER_KINDS:
            previous = {"kind": row["kind"]}
            continue
        paragraph = row["paragraph"]
        if paragraph not in attributed_paragraphs:
            attributed_paragraphs.add(paragraph)
            last_speaker = previous.get("speaker", "") if previous else ""
            found = _attribute_quotes(
                text,
                by_paragraph[paragraph],
                pending[paragraph],
                quotes_by_sentence,
                context,
                carried=open_quote_speaker,
                last_speaker=last_speaker,
            )
            quote_rows.extend(found)
            paragraph_end = by_paragraph[paragraph][-1]["char_end"]
            left_open = bool(found) and found[-1]["char_end"] == paragraph_end
            open_quote_speaker = found[-1]["speaker"] if left_open else ""
        members = by_paragraph[paragraph]
        turn_text = text[members[0]["char_start"] : members[-1]["char_end"]]
        # the outlet's own host or reporter speaks in its own voice, quoting others as its prose does
        # but a host's turn that asks the guest a question is the host's, as a reporter's question is the outlet's
        own_turn = bool(row["turn"]) and _names_own_staff(row["turn"], own_staff) and "?" not in turn_text
        speaker, cue, is_quote = _sentence_speaker(
            text,
            {**row, "turn": ""} if own_turn else row,
            quotes_by_sentence.get(row["sentence_id"], []),
            headline_actors,
            previous,
            actors,
            context,
            turn_text,
        )
        carried = _carried_speaker(row, previous, speaker=speaker, is_quote=is_quote, actors=actors)
        if carried:
            speaker, cue = carried
        if introduced and paragraph != introduced[1]:
            if paragraph == introduced[1] + 1 and not speaker and not row["turn"]:
                speaker, cue = introduced[0], "introduced by a colon"
            else:
                introduced = None
        if speaker and _INTRODUCES.search(row["text"]):
            introduced = (speaker, paragraph)
        result.update({"speaker": speaker, "is_quote": is_quote, "speaker_cue": cue})
        previous = {"kind": row["kind"], "paragraph": paragraph, "speaker": speaker, "cue": cue, "actors": actors}
        context.note(actors)
        for name_start, name_end, derived in names_in(text, row["char_start"], row["char_end"]):
            # a surname alone ("Tung made the remarks") brings back the full name given earlier
            derived = derived if "_" in derived else context.full_name(derived)
            if "_" in derived and not context.mentions.within(name_start, name_end):
                context.note((derived,))
                if _LEGISLATOR_TITLE.search(text, max(0, name_start - 30), name_end):
                    context.legislators.add(derived)
        if speaker:
            context.note((speaker,))
            context.speakers.append(speaker)
    _credit_pull_quotes(text, rows, results, context)
    _credit_reported_questions(text, rows, results, context.mentions)
    _credit_paragraphs_closed_by_attribution(text, by_paragraph, rows, results)
    return results, quote_rows


def _carried_speaker(row, previous, *, speaker: str, is_quote: bool, actors) -> tuple[str, str] | None:
    """(speaker, cue) of the body sentence before, for a sentence that goes on with their words: a quotation after
    its speaker's sentence in the same paragraph ('"It's the chip," he said. "It is amazing."'), a Chinese sentence
    in the first person ("我们注意到..." "we note": Chinese news prose has no first person outside a speaker's words, so
    it goes on with the speaker before it, whoever it reports), or a point of a list they announced ("Liu said three
    shifts are under way. First, ..."; "Finally" only after a point); None for any other sentence."""
    if not previous or not previous.get("speaker"):
        return None
    gap, text = row["paragraph"] - previous["paragraph"], row["text"]
    if not speaker and gap <= 1 and _OPEN_QUOTATION.fullmatch(text):
        return previous["speaker"], "quotation left open after its speaker's sentence"  # a page cut inside it
    # names inside a sentence all in quotation marks are the quotation's own
    if not speaker and gap == 0 and ((is_quote and not actors) or _WHOLLY_QUOTED.fullmatch(text)):
        return previous["speaker"], "quotation after its speaker's sentence"
    if gap > 1:
        return None
    if not (speaker and is_quote) and _FIRST_PERSON_ZH.match(text):
        return previous["speaker"], "first person"
    point = _ENUMERATED.match(text)
    closing = point and (point.group("last") or point.group("last_zh"))
    if not speaker and point and not row["turn"] and (not closing or previous["cue"] == "enumerated point"):
        return previous["speaker"], "enumerated point"
    return None


def _credit_paragraphs_closed_by_attribution(text: str, by_paragraph, rows, results) -> None:
    """A paragraph of unquoted statement whose last sentence closes with its attribution ("China has made its
    position clear. We hope the US will act, Guo said.") is the speaker's throughout, when the speaker also spoke
    the body sentence before the paragraph."""
    index = {row["sentence_id"]: i for i, row in enumerate(rows)}
    body = [i for i, row in enumerate(rows) if row["kind"] in SPEAKER_KINDS]
    before = {
        rows[i]["paragraph"]: rows[j]
        for j, i in itertools.pairwise(body)
        if rows[i]["paragraph"] != rows[j]["paragraph"]
    }
    for paragraph, members in by_paragraph.items():
        last = members[-1]
        speaker = results[index[last["sentence_id"]]]["speaker"]
        previous = before.get(paragraph)
        if (
            len(members) < 2
            or not speaker
            or previous is None
            or results[index[previous["sentence_id"]]]["speaker"] != speaker
            or not _TRAILING.search(text, last["char_start"], last["char_end"])
            or _ANY_QUOTE.search(text, members[0]["char_start"], last["char_end"])
        ):
            continue
        for member in members[:-1]:
            result = results[index[member["sentence_id"]]]
            if not result["speaker"] and not member["turn"]:
                result.update({"speaker": speaker, "speaker_cue": "paragraph closed by its attribution"})


# A press-conference question told in prose: "There was a question from a foreign reporter: ...", "A reporter asked".
_QUESTION_FROM = AnyOf(
    r"\b(?:an?|the)\s+(?:\w+\s+){0,2}question\s+from\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:reporters?|journalists?|correspondents?)\b"
    r"|\b(?:an?|one)\s+(?:[\w-]+\s+){0,3}(?:reporter|journalist|correspondent)\s+asked\b"
    r"|有(?:外国|外國)?(?:记者|記者|媒体|媒體|外媒)(?:提)?(?:问|問)|(?:记者|記者)提(?:问|問)",
    shared="sentence",
)
# the outlet a questioner works for, right before the word for them: "a Bloomberg reporter", "彭博社记者"
_QUESTIONER = re.compile(r"\s*(?:reporter|journalist|correspondent|记者|記者)")
_QUESTION_MARK = re.compile(r"[?？]")
MAX_QUESTION_SENTENCES = 4  # a question told in prose runs at most this far before its question mark


def _credit_reported_questions(text: str, rows, results, mentions: DocumentMentions) -> None:
    """A question a reporter put at a press conference, told in prose, is the asking outlet's where the sentence
    names it ("A Bloomberg reporter asked"), else the reporter's, from the sentence that introduces it to the one
    with its question mark, whatever source the question itself cites."""
    for index, row in enumerate(rows):
        if row["kind"] != "body" or row["turn"] or not _QUESTION_FROM.search(row["text"]):
            continue
        outlets = [
            m.actor
            for m in mentions.within(row["char_start"], row["char_end"])
            if actor_type(m.actor) == "media_outlet" and _QUESTIONER.match(text, m.end)
        ]
        asker = outlets[0] if outlets else "reporter"
        asked = False  # a question mark seen: further sentences belong to the question only as questions
        question = rows[index : index + MAX_QUESTION_SENTENCES]
        for member, result in zip(question, results[index : index + MAX_QUESTION_SENTENCES]):
            is_question = _QUESTION_MARK.search(member["text"]) is not None
            if member["paragraph"] != row["paragraph"] or member["kind"] != "body" or (asked and not is_question):
                break
            result.update({"speaker": asker, "speaker_cue": "question from a reporter"})
            asked = asked or is_question


def _is_title(quoted: str) -> bool:
    """Quoted words that are a name in title case ("Secure and Feasible Exports Chips Act"), not a statement."""
    words = [word for word in quoted.split() if word[:1].isalpha() and word.lower() not in _rules().stopwords]
    return bool(words) and sum(word[:1].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


# A broadcast transcript's label for the outlet's own staff: "JANE ROE, HOST", "JOHN DOE, BYLINE".
_OWN_STAFF_LABEL = re.compile(r"^(?P<name>[^,]+),\s*(?:host|byline|anchor|co-host)\b", re.IGNORECASE)


def _own_staff(turns) -> frozenset[str]:
    """The names, and surnames, that label the outlet's own hosts and reporters in a broadcast transcript."""
    names: set[str] = set()
    for turn in turns:
        match = _OWN_STAFF_LABEL.match(turn)
        if match:
            name = match.group("name").strip().lower()
            names |= {name, name.split()[-1]}
    return frozenset(names)


def _names_own_staff(turn: str, own_staff: frozenset[str]) -> bool:
    return bool(own_staff) and turn.split(",")[0].strip().lower() in own_staff


def _credit_pull_quotes(text, rows, results, context: _Context) -> None:
    """Give the paragraph right above a pull-quote credit ("Jane Roe, Example Corp CEO") to the person it names,
    where its sentences have no speaker of their own."""
    for index, row in enumerate(rows):
        if row["kind"] != "metadata" or not is_pull_quote_credit(row["text"]) or index == 0:
            continue
        named = _candidates(text, row["char_start"], row["char_end"], context)
        people = [context.resolve(c) for c in named if actor_type(context.resolve(c)) in PERSON_TYPES]
        above = rows[index - 1]
        if not people or above["kind"] != "body":
            continue
        for earlier in range(index - 1, -1, -1):
            if rows[earlier]["paragraph"] != above["paragraph"]:
                break
            if not results[earlier]["speaker"]:
                results[earlier].update({"speaker": people[0], "speaker_cue": "pull quote"})


def _attribute_quotes(
    text, members, quotes, quotes_by_sentence, context, *, carried: str = "", last_speaker: str = ""
) -> list[QuoteRow]:
    """Quotation rows of one paragraph; ``carried`` is the speaker of a quotation the paragraph before left open,
    which a quotation opening this paragraph continues, as news style runs a long quotation over paragraphs.
    ``last_speaker`` is the speaker of the body sentence before the paragraph: a quotation that names no speaker
    of its own, before any other quotation of the paragraph, gives that speaker's words ("Trump praised the
    chips." then “We're ten years ahead.”)."""
    rows_out: list[QuoteRow] = []
    previous_end = members[0]["char_start"]
    for index, quote in enumerate(quotes):
        first = next(m for m in members if m["char_start"] <= quote.start < m["char_end"] + 1)
        last = next((m for m in members if m["char_start"] <= quote.end <= m["char_end"]), members[-1])
        next_start = quotes[index + 1].start - 1 if index + 1 < len(quotes) else last["char_end"]
        # the quote's own sentence may name people the context has not seen yet
        local = context.extended(
            mention.actor for mention in context.mentions.within(members[0]["char_start"], quote.start - 1)
        )
        # and the speakers of its earlier quotations have spoken ("an Example Corp spokesperson said “...” The
        # spokesperson added: “...”")
        local.speakers.extend(row["speaker"] for row in rows_out if row["speaker"])
        speaker, cue = _quote_speaker(text, quote, first, last, next_start, previous_end, local)
        if not speaker and carried and index == 0 and quote.start - 1 == members[0]["char_start"]:
            speaker, cue = carried, "continues quote of the paragraph before"
        if not speaker and quote.words(text) >= FULL_QUOTE_WORDS:
            speaker = next((row["speaker"] for row in reversed(rows_out) if row["full_quote"] and row["speaker"]), "")
            cue = "continues previous quote" if speaker else cue
        if (
            not speaker
            and not _candidates(text, first["char_start"], quote.start - 1, local)  # no one else named before it
            and quote.words(text) >= FULL_QUOTE_WORDS
            and not rows_out
            and last_speaker
            and not _is_title(text[quote.start : quote.end])
        ):
            speaker, cue = last_speaker, "quote after its speaker's sentence"
        for member in members:
            if member["char_start"] < quote.end and quote.start < member["char_end"]:
                quotes_by_sentence.setdefault(member["sentence_id"], []).append((quote, speaker, cue))
        rows_out.append(
            {
                "doc_id": first["doc_id"],
                "sentence_id": first["sentence_id"],
                "speaker": speaker,
                "cue": cue,
                "text": text[quote.start : quote.end],
                "char_start": quote.start,
                "char_end": quote.end,
                "full_quote": quote.words(text) >= FULL_QUOTE_WORDS,
            }
        )
        previous_end = quote.end + 1
    return rows_out
