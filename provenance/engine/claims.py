"""Read how strongly one sentence states a finding, whom it is about, and whether it advises.

The scale is the one science-communication researchers code releases and news on
(Sumner et al., BMJ 2014), in four steps: no relationship stated, a correlation
("is linked to"), a hedged cause ("may cut"), a cause ("cuts"). The reading is rules
over cue phrases, calibrated on labelled conclusion sentences (bench/claims.py measures
it on a held-out split); it is deterministic and needs nothing beyond the standard
library, so importing the engine stays cheap.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from functools import cache, total_ordering
from pathlib import Path

Span = tuple[int, int]


@total_ordering
class ClaimLevel(enum.Enum):
    """How strongly a sentence states a relationship; ordered NONE < ... < CAUSAL."""

    NONE = "none"
    CORRELATIONAL = "correlational"
    CONDITIONAL = "conditional"
    CAUSAL = "causal"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ClaimLevel):
            return NotImplemented
        return _RANK[self] < _RANK[other]


_RANK = {
    ClaimLevel.NONE: 0,
    ClaimLevel.CORRELATIONAL: 1,
    ClaimLevel.CONDITIONAL: 2,
    ClaimLevel.CAUSAL: 3,
}


@dataclass(frozen=True, slots=True)
class ClaimReading:
    """One sentence's claim: its level, the words that decided it, subjects and advice.

    `spans` index the text passed to claim_strength(): the relation words and any
    hedge or negation that changed their level. `subjects` names who the finding is
    about ("people", "animals", "cells"), read only where the rules find a relation;
    `advice` holds the spans of words that tell readers what to do.
    """

    level: ClaimLevel
    spans: tuple[Span, ...] = ()
    subjects: frozenset[str] = frozenset()
    # (kind, start, end) of each word naming a subject.
    subject_spans: tuple[tuple[str, int, int], ...] = ()
    advice: tuple[Span, ...] = ()
    question: bool = False
    negated: bool = False
    # The level the words state before negation or a question mark undo it.
    wording: ClaimLevel = ClaimLevel.NONE
    # What the cue rules alone read of the words, and what the learnt weights read
    # (None without weights): both before negation or a question mark.
    rules: ClaimLevel = ClaimLevel.NONE
    learnt: ClaimLevel | None = None
    # The kinds of relation cue the sentence holds ("cause", "corr"), sorted.
    cue_kinds: tuple[str, ...] = ()

    def words(self, text: str) -> str:
        """The deciding words, as a reader would quote them."""
        return " … ".join(" ".join(text[a:b].split()) for a, b in self.spans)


def _alt(*phrases: str) -> str:
    return "|".join(phrases)


# Relation cues. Each regex is matched on the lower-cased sentence with word edges.
_CORRELATIONAL = re.compile(
    r"\b(?:"
    + _alt(
        r"(?:positively |negatively |inversely |independently |significantly |strongly |"
        r"closely |directly |weakly )?(?:associated|correlated|linked|tied|connected|"
        r"related|coupled) (?:with|to)",
        r"associations?(?! football)",
        r"correlat(?:es?|ion|ions|ed)",
        r"links? (?:between|to|with)",
        r"linked",
        r"relationships? (?:between|of|with)",
        r"relation (?:between|to|with)",
        r"predict(?:s|ed|ive|or|ors|ing)?",
        r"(?:more|less) (?:likely|prone)",
        r"(?:higher|lower|greater|increased|reduced|decreased|elevated|raised|bigger|"
        r"smaller|excess) (?:risks?|odds|rates?|chances?|likelihood|incidence|"
        r"prevalence|mortality|hazard)",
        r"(?:at|of) (?:a )?(?:higher|lower|greater|increased|reduced) risk",
        r"(?:twice|three times|four times|\w+-fold|\d+% )(?:as likely|more likely|"
        r"less likely|the risk|higher|lower)",
        r"odds ratios?",
        r"hazard ratios?",
        r"risk factors?",
        r"(?:was|were|is|are) (?:higher|lower|greater|more common|less common) "
        r"(?:in|among|for|than)",
        r"go(?:es)? hand in hand",
        r"dependent on",
        r"co-?occur\w*",
        r"marker (?:of|for)",
    )
    + r")\b"
)

# Causal phrases that are never anything else.
_CAUSAL = re.compile(
    r"\b(?:"
    + _alt(
        r"leads? to|led to|leading to",
        r"results? in|resulted in|resulting in",
        r"contribut(?:es|ed|ing) to",
        r"(?:is|are|was|were) (?:to blame|responsible) for",
        r"blamed? for|to blame for",
        r"responsible for",
        r"due to",
        r"because of",
        r"attributable to",
        r"(?:has|have|had|having|makes?|made|exerts?) (?:a |an )?(?:\w+ )?"
        r"(?:effect|impact|influence) on",
        r"effective (?:at|in|for)",
        r"makes? (?:you|people|us|them|it)",
        r"(?:helps?|helped|helping)(?= \w)",
        r"thanks to",
    )
    + r")\b"
)
# Verbs that state a cause when used as verbs ("cuts your risk"), not as nouns ("budget
# cuts", "brain damage") or adjectives ("reduced risk"): _verb_use() decides which.
_VERB = re.compile(
    r"(?:reduc|increas|decreas|improv|lower|rais|prevent|protect|trigger|boost|slash|cut|"
    r"halv|worsen|damag|harm|kill|fight|beat|driv|enhanc|induc|promot|"
    r"inhibit|attenuat|elevat|benefit|impair|alleviat|ameliorat|aggravat|exacerbat|"
    r"restor|strengthen|weaken|shrink|block|curb|affect|impact|caus|"
    r"influenc|determin|modif|modulat|regulat|suppress|stimulat|accelerat|"
    r"delay|slow|extend|shorten|revers|cur|reliev|eas|tackl|combat|lead|"
    r"counteract|offset|alter|produc|activat|destroy|repair|heal|sav|"
    r"fuel|spark|spur|hamper|hinder|undermin|hurt|result|contribut|"
    r"dampen|bolster|amplif|lessen|diminish|minimis|minimiz|predispos|stav|ward)"
    r"(?:es|s|ed|d|ing|e|ies|ied|y)?"
)
_PREFIX_WORD = re.compile(r"[a-z][a-z'-]*")
# The first three letters of a word that every match of each pattern holds. A word
# added to a pattern needs its head here (the verbs' are read off their pattern).
_VERB_HEADS = frozenset(w[:3] for w in _VERB.pattern[3 : _VERB.pattern.index(")")].split("|"))
# Words (or word beginnings) that every match of each pattern holds: a sentence with none
# of them skips the pattern, as scanning with a long pattern costs far more than looking
# words up. A phrase added to a pattern needs its word here.
_CORRELATIONAL_WORDS = frozenset(
    [
        "associated",
        "correlated",
        "linked",
        "tied",
        "connected",
        "related",
        "coupled",
        "link",
        "links",
        "relationship",
        "relationships",
        "relation",
        "more",
        "less",
        "higher",
        "lower",
        "greater",
        "increased",
        "reduced",
        "decreased",
        "elevated",
        "raised",
        "bigger",
        "smaller",
        "excess",
        "likely",
        "risk",
        "odds",
        "hazard",
        "hand",
        "dependent",
        "marker",
    ]
)
_CORRELATIONAL_STARTS = ("associat", "correlat", "predict", "co-occur", "cooccur")
# A word can start so only where the text holds the letters: one search rules most
# sentences out before every word is looked at (likewise _ADVICE_GATE).
_CORRELATIONAL_GATE = re.compile("|".join(_CORRELATIONAL_STARTS))
_CAUSAL_WORDS = frozenset(
    [
        "lead",
        "leads",
        "led",
        "leading",
        "result",
        "results",
        "resulted",
        "resulting",
        "contributes",
        "contributed",
        "contributing",
        "blame",
        "blamed",
        "responsible",
        "due",
        "because",
        "attributable",
        "effect",
        "impact",
        "influence",
        "effective",
        "make",
        "makes",
        "help",
        "helps",
        "helped",
        "helping",
        "thanks",
    ]
)
_ADVICE_WORDS = frozenset(
    [
        "should",
        "must",
        "ought",
        "need",
        "needs",
        "have",
        "best",
        "wise",
        "advisable",
        "idea",
        "eat",
        "drink",
        "take",
        "smoke",
        "skip",
        "steer",
        "cut",
        "encouraged",
    ]
)
_ADVICE_STARTS = ("recommend", "advis", "urg")
_ADVICE_GATE = re.compile("|".join(_ADVICE_STARTS))


def _has_verb(words: set[str]) -> bool:
    return any(w[:3] in _VERB_HEADS and _VERB.fullmatch(w) for w in words)


_FIGURATIVE = frozenset(
    [
        "concern",
        "concerns",
        "question",
        "questions",
        "awareness",
        "hope",
        "hopes",
        "fear",
        "fears",
        "alarm",
        "money",
        "funds",
        "prospect",
        "possibility",
        "eyebrows",
    ]
)
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "am"])
_ASSIST = frozenset(
    [
        "may",
        "might",
        "could",
        "can",
        "cannot",
        "will",
        "would",
        "should",
        "must",
        "to",
        "does",
        "do",
        "did",
        "doesn't",
        "don't",
        "didn't",
        "won't",
        "can't",
        "couldn't",
        "wouldn't",
        "not",
        "never",
        "also",
        "help",
        "helps",
        "helped",
    ]
)
_NOUN_BEFORE = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "these",
        "those",
        "this",
        "that",
        "of",
        "in",
        "on",
        "for",
        "with",
        "and",
        "or",
        "to",
        "no",
        "any",
        "some",
        "such",
        "major",
        "new",
        "big",
        "more",
        "most",
        "less",
        "by",
        "from",
        "at",
        # Adjectives before a noun ("the lower benefits seen").
        "lower",
        "higher",
        "greater",
        "bigger",
        "smaller",
        "fewer",
        "health",
        "potential",
        "possible",
    ]
)
_NOUN_AFTER = frozenset(
    [
        "of",
        "to",
        "from",
        "are",
        "were",
        "have",
        "had",
        "has",
        "for",
        "and",
        "or",
        "in",
        "at",
        "on",
        "is",
        "was",
        "by",
        "as",
    ]
)
_ADJ_BEFORE = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "with",
        "of",
        "an",
        "a",
        "and",
        "or",
        "the",
        "by",
        "in",
        "to",
        "for",
        "than",
        "more",
        "most",
        "less",
        "had",
        "has",
        "have",
        "no",
    ]
)


# A match of _VERB between word edges is always a whole run of word characters (its
# letters are all word characters), so runs are found first and only those with a
# verb's head are tried: one long alternation tried at every position costs far more.
_WORD_RUN = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"\W*([a-z][a-z'-]*|\d+)")


def _verb_cues(low: str) -> list[tuple[int, int]]:
    """Causal verbs used as verbs; only the words around each candidate are looked at."""
    out = []
    heads = _VERB_HEADS
    for m in _WORD_RUN.finditer(low):
        w = m.group()
        if w[:3] not in heads or not _VERB.fullmatch(w):
            continue
        a, b = m.start(), m.end()
        if b < len(low) and low[b] in "'-":
            continue  # part of a longer word ("cut-off", "cure's")
        toks = _around(low, a, b, w)
        if _verb_use(toks, len(toks) - 2, w):
            out.append((a, b))
    return out


def _around(low: str, a: int, b: int, word: str) -> list[str]:
    """Up to four words before `word` (at [a, b)), the word itself and the word after it."""
    before = _PREFIX_WORD.findall(low, max(0, a - 60), a)
    after = _WORD_AFTER.match(low, b)
    return [*before[-4:], word, after.group(1) if after else ""]


def _verb_use(toks: list[str], i: int, w: str) -> bool:
    """Is word i used as a verb stating a cause (not a noun, adjective or passive)?"""
    j = i - 1
    while j >= 0 and toks[j].endswith("ly") and toks[j] not in ("only", "early"):
        j -= 1  # "can significantly reduce": look past the adverb
    prev = toks[j] if j >= 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if nxt in _FIGURATIVE:
        return False  # "raise concerns", "fuels fears": no finding about the world
    if w.endswith("ing"):
        return prev in _BE
    if w.endswith("ed"):
        return prev not in _ADJ_BEFORE and nxt not in ("by", "")
    if w.endswith("s") and not w.endswith("ss"):
        return prev not in _NOUN_BEFORE and nxt not in _NOUN_AFTER and nxt != ""
    # The bare verb: after a modal or "to", or after a plural subject before its object.
    if prev in _ASSIST:
        return True
    return prev.endswith("s") and prev not in _NOUN_BEFORE and nxt not in _NOUN_AFTER | {""}


# Words that turn a cause into a possibility, wherever they stand before it in the clause.
# Words that turn a cause into a possibility. Verbs of hedging ("suggests", "appears
# to") govern their whole clause; modals and adverbs ("may", "potentially") only the
# verb a few words after them ("potentially influential factors, risk increased" is
# not hedged).
_HEDGE = re.compile(
    r"\b(?:"
    + _alt(
        r"likely (?:to|that)",
        r"(?:is|are|was|were) likely",
        r"appears? to|appeared to|seems? to|seemed to",
        r"(?:thought|believed|said|expected|predicted) to",
        r"suggest(?:s|ed|ing)?",
        r"speculat(?:e|es|ed|ing)",
        r"hypothesi[sz](?:e|es|ed|ing)",
        r"believes?|believed",
        r"indicat(?:es|ed|e|ing)",
        r"point(?:s|ed)? to",
        r"hint(?:s|ed)?",
        r"role (?:for|in|of)",
        r"implicat(?:es|ed|e|ing)",
        r"warrant",
        r"support(?:s|ed)? (?:the )?(?:idea|notion|hypothesis|possibility|view)",
    )
    + r")\b"
)
_HEDGE_NEAR = re.compile(
    r"\b(?:may|might|could|would|possibly|potential(?:ly)?|probabl[ey]|perhaps|possible|"
    r"possibility|plausibl[ey]|putative)\b"
)
_CAN = re.compile(r"\b(?:can|cannot|can't)\b")

# Negation close before a relation cue makes the sentence state no relationship.
_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|without|lack|lacks|lacked|absence|failed to|"
    r"fail to|fails to|unrelated|unaffected|unchanged|n't|cannot|can't|don't|doesn't|"
    r"didn't|won't|isn't|aren't|wasn't|weren't|nothing|seldom|rarely|hardly|whether|"
    r"unclear|unknown|asked (?:\w+ )?if)\b|n't\b"
)
_NOT_NEGATION = re.compile(r"\bnot only\b|\bno longer\b|\bno more\b|\bwhether or not\b")

# Whom a finding is about.
_ANIMALS = re.compile(
    r"\b(?:mice|mouse|murine|rats?|rodents?|animals?|monkeys?|primates?|macaques?|"
    r"piglets?|zebrafish|fruit ?fl(?:y|ies)|flies|drosophila|worms?|c\. elegans|"
    r"nematodes?|yeast|rabbits?|hamsters?|guinea pigs?|lab animals?)\b"
)
# Cells as the subject of a study: grown in a lab, not the cells of a person's body.
_CELLS = re.compile(
    r"\b(?:in vitro|cell lines?|cell cultures?|cultured cells|in (?:a|the) (?:lab )?dish|"
    r"petri dish(?:es)?|test tubes?|organoids?|lab-grown)\b"
)
_PEOPLE = re.compile(
    r"\b(?:people|person|persons|patients?|humans?|men|women|man|woman|children|child|"
    r"kids?|babies|baby|infants?|adults?|teenagers?|teens?|adolescents?|girls?|boys?|"
    r"mothers?|fathers?|parents?|daughters?|sons?|families|grandchildren|pregnant|elderly|pensioners?|participants?|volunteers?|"
    r"smokers?|drinkers?|dieters?|you|your|yourself|britons?|americans?|"
    r"population|individuals?|consumers?|workers?|students?|those who|"
    r"anyone|everyone|someone|sufferers?|survivors?|in humans)\b"
)

# Advice to readers: telling them what to do.
_ADVICE = re.compile(
    r"\b(?:"
    + _alt(
        r"(?:you|people|we|everyone|adults|parents|women|men|children|one|smokers|drinkers) "
        r"(?:should|must|ought to|need to|needs to|have to)",
        r"should (?:eat|drink|avoid|cut down|cut back|limit|stop smoking|exercise)",
        r"(?:doctors?|experts?|nhs|gps?|dietitians?|nutritionists?) "
        r"(?:recommend|advise|urge)\w*",
        r"(?:is|are) (?:advised|recommended|urged|encouraged) to",
        r"it(?:'s| is) (?:best|wise|advisable|a good idea) to",
        r"(?:don't|do not) (?:eat|drink|take|smoke|skip)",
        r"steer clear",
        r"cut (?:down|back) on",
    )
    + r")\b"
)
_IMPERATIVE = re.compile(
    r"^(?:eat|drink|avoid|try|stop|limit|swap|skip|ditch|choose|snack|cut (?:down|back)|"
    r"don't|do not|never)\b"
)

# Words that leave the relation after them an open question.
_UNSETTLED = re.compile(
    r"\b(?:(?:further|more) (?:research|studies|work)|(?:research|studies|work) (?:is|are) "
    r"needed|it is not (?:yet )?(?:clear|known)|remains? unclear|to (?:find out|test|see) "
    r"(?:whether|if|how)|"
    # "does not prove that X caused Y": the cause is what the study could not show,
    # however many words stand between.
    r"(?:not|cannot|doesn't|don't|didn't) (?:\w+ )?(?:prove|show|establish|demonstrate|mean|"
    r"confirm)s?)\b"
)
_ASKING = re.compile(r"\b(?:what|which|how|whether|if|debate|question)\b")
_CLAUSE_BREAK = re.compile(r"[;:]|, (?:but|while|whereas|although|though|however)\b| but ")
_QUOTES = "\"'“”‘’«» "


def claim_strength(text: str) -> ClaimReading:
    """Read how strongly `text` (one sentence or a headline) states a relationship.

    Negated claims ("does not cause") and questions state none; hedges ("may",
    "suggests", "appears to") and "can" make a cause conditional; correlational
    wording ("linked to", "higher risk") stays correlational even when hedged;
    reported speech keeps the claim's own strength ("researchers say X causes Y").
    The level of the words themselves is scored with weights learnt from labelled
    sentences, over the rules' cues; negation and questions then apply as rules.
    """
    if not isinstance(text, str):
        raise ValueError("claim_strength() reads text.")
    return weigh(text, read_rules(text))


def read_rules(text: str) -> ClaimReading:
    """The cue rules' reading alone: cheap, for callers that weigh only some sentences."""
    return _rule_reading(_lower(text))


def weigh(text: str, rules: ClaimReading) -> ClaimReading:
    """Complete the rules' reading of `text` with the learnt weights (claim_strength())."""
    wording = rules.wording
    table = _weights()
    learnt = _weighted(claim_features(text, rules)) if table else None
    # The weights read researchers' sentences better than the rules (cross-validated on
    # the training split: macro-F1 0.76 against 0.62), so they decide, with exceptions
    # where the rules are sure. A hedge on a causal verb is unambiguous ("suggests that
    # X improves Y" is a possible cause). The weights learnt no news forms ("is to
    # blame for", "slashes"), and a causal verb with no correlational cue anywhere
    # ("scientists have found that X causes Y") is what the scale calls a cause, where
    # abstracts' "improved" often reports a measurement: where the weights see no
    # relationship, such a cause, or a cue whose words they never saw, stands.
    if learnt is not None and wording is not ClaimLevel.CONDITIONAL:
        sure = learnt is ClaimLevel.NONE and (
            (wording is ClaimLevel.CAUSAL and not _CORRELATIONAL.search(_lower(text)))
            or not _known_cue(text, rules, table)
        )
        if not sure:
            wording = learnt
    level = wording
    if rules.negated or rules.question:
        level = ClaimLevel.NONE
    return ClaimReading(
        level,
        rules.spans,
        rules.subjects,
        rules.subject_spans,
        rules.advice,
        rules.question,
        rules.negated,
        wording,
        rules.wording,
        learnt,
        rules.cue_kinds,
    )


def _known_cue(text: str, rules: ClaimReading, table: dict[str, list[float]]) -> bool:
    """Did the weights see every word of the rules' relation cue (or is there none)?"""
    if rules.rules is ClaimLevel.NONE or not rules.spans:
        return True
    a, b = rules.spans[-1]  # the cue itself; a hedge or negation before it comes first
    return all("w:" + w in table for w in _WORD.findall(_lower(text[a:b])))


def _rule_reading(low: str) -> ClaimReading:
    """The rules alone: the first relation cue, with a hedge or negation before it."""
    heads = _words(low)
    advice = _advice(low, heads)
    question = low.rstrip(_QUOTES + ".").endswith("?")
    cues = _cues(low, heads)
    if not cues:
        # Whom a sentence is about matters only where it states a finding.
        return ClaimReading(ClaimLevel.NONE, (), advice=advice, question=question)
    subjects, subject_spans = _subjects(low)
    start, end, kind = cues[0]
    spans: list[Span] = [(start, end)]
    clause_lo = _clause_start(low, start)
    wording = ClaimLevel.CORRELATIONAL if kind == "corr" else ClaimLevel.CAUSAL
    if wording is ClaimLevel.CAUSAL:
        near = max(clause_lo, _word_back(low, start, 4))
        hedge = (
            _last_before(_HEDGE_NEAR, low, near, start)
            or _last_before(_CAN, low, near, start)
            or _last_before(_HEDGE, low, clause_lo, start)
            or _coordinated_modal(low, clause_lo, start)
        )
        if hedge is not None:
            spans.insert(0, hedge)
            wording = ClaimLevel.CONDITIONAL
    neg = _negation_before(low, clause_lo, start, end) or _last_before(
        _UNSETTLED, low, clause_lo, start
    )
    if neg is not None:
        spans.insert(0, neg)
    level = ClaimLevel.NONE if neg is not None or question else wording
    return ClaimReading(
        level,
        tuple(sorted(spans)),
        subjects,
        subject_spans,
        advice,
        question,
        neg is not None,
        wording,
        wording,
        cue_kinds=tuple(sorted({k for _, _, k in cues})),
    )


_WEIGHTS_FILE = Path(__file__).with_name("claim_weights.json")
_LEVELS = tuple(ClaimLevel)


@cache
def _weights() -> dict[str, list[float]]:
    """Feature → one weight per level, learnt by bench/claims_train.py; read on first use."""
    if not _WEIGHTS_FILE.exists():
        return {}
    data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {str(k): [float(x) for x in v] for k, v in data["weights"].items()}


def _weighted(feats: list[str]) -> ClaimLevel:
    table = _weights()
    scores = [0.0] * len(_LEVELS)
    for f in feats:
        row = table.get(f)
        if row is not None:
            for i, w in enumerate(row):
                scores[i] += w
    best = max(range(len(_LEVELS)), key=lambda i: (scores[i], -i))
    return _LEVELS[best]


_WORD = re.compile(r"[a-z][a-z'-]*|\d+(?:\.\d+)?")


def claim_features(text: str, rules: ClaimReading | None = None) -> list[str]:
    """The features the weighted reading scores: words, word pairs, the rules' cues and
    where each cue stands (in the finding's own clause or a purpose clause, after a
    hedge, a modal or a negation).

    bench/claims_train.py learns one weight per feature and level from labelled
    sentences; the same function feeds training and reading, so they cannot drift.
    """
    low = _lower(text)
    words = ["<num>" if w[0].isdigit() else w for w in _WORD.findall(low)]
    out = ["bias"]
    out += ["w:" + w for w in words]
    out += ["b:" + a + "_" + b for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    if rules is None:
        rules = _rule_reading(low)
    out.append("r:level=" + rules.wording.value)
    out.append("r:stated=" + rules.level.value)
    if rules.negated:
        out.append("r:negated")
    if rules.question:
        out.append("r:question")
    out += ["r:cue=" + k for k in rules.cue_kinds]
    if _HEDGE.search(low) or _HEDGE_NEAR.search(low):
        out.append("r:hedge")
    if _CAN.search(low):
        out.append("r:can")
    out += _scope_features(low)
    return out


# What a sentence concludes comes after "suggest that", "we found that" and the like:
# a cue there is the finding; one before it is the study's framing.
_CONCLUSION = re.compile(
    r"\b(?:suggest|suggests|suggested|indicate|indicates|indicated|show|shows|showed|shown|"
    r"found|find|finds|demonstrate|demonstrates|demonstrated|conclude|concluded|reveal|"
    r"reveals|revealed|confirm|confirms|confirmed|support|supports|supported|imply|implies|"
    r"report|reported|observed|noted|evidence) that\b"
)
# A cue inside a clause that asks or plans rather than states ("to examine whether X
# reduces Y", "the effect of X on Y was studied").
_PURPOSE = re.compile(
    r"\b(?:whether|to (?:examine|investigate|assess|evaluate|determine|explore|test|study|"
    r"clarify|identify|compare|establish)|aim(?:s|ed)? to|objective|purpose|if)\b"
)
_MODAL = re.compile(r"\b(?:may|might|could|can|would|will|should|must)\b")
_EFFECT_NOUN = re.compile(r"\b(?:effects?|impacts?|influences?|role|benefits?)\b")


def _scope_features(low: str) -> list[str]:
    """Where each relation cue stands: these decide between a stated cause, a hedged one,
    a link, and a sentence that only frames a question."""
    out: list[str] = []
    concl = None
    for m in _CONCLUSION.finditer(low):
        concl = m
    tail_lo = concl.end() if concl is not None else 0
    if concl is not None:
        out.append("s:concl")
        out += ["c:" + w for w in _WORD.findall(low[tail_lo:])[:12]]
    for start, end, kind in _cues(low)[:3]:
        cue = low[start:end].split()[0] if low[start:end].split() else ""
        cue = cue[:6]
        lo = _clause_start(low, start)
        where = "concl" if concl is not None and start >= tail_lo else "pre" if concl else "main"
        out.append(f"s:{kind}@{where}")
        out.append(f"s:cue={kind}:{cue}")
        before = low[max(lo, _word_back(low, start, 4)) : start]
        modal = _MODAL.search(before)
        if modal is not None:
            out.append(f"s:{kind}+modal={modal.group()}")
        if _HEDGE_NEAR.search(before):
            out.append(f"s:{kind}+hedge_near")
        if _last_before(_HEDGE, low, lo, start) is not None:
            out.append(f"s:{kind}+hedge_clause")
        if _PURPOSE.search(low, lo, start):
            out.append(f"s:{kind}+purpose")
        if _NEGATION.search(before):
            out.append(f"s:{kind}+neg")
        if _EFFECT_NOUN.search(low, max(0, start - 12), end + 12):
            out.append(f"s:{kind}+effect_noun")
        prev = _PREFIX_WORD.findall(low[max(0, start - 20) : start])
        out.append(f"s:{kind}<{prev[-1] if prev else '^'}")
    return out


def _lower(text: str) -> str:
    """Lower-case without moving any character, so spans on it index the text."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'").replace("‘", "'")


def _words(low: str) -> set[str]:
    return set(_PREFIX_WORD.findall(low))


def _cues(low: str, heads: set[str] | None = None) -> list[tuple[int, int, str]]:
    """Relation cues in reading order; where two overlap, the longer wins.

    Each pattern runs only if the sentence has one of the words every match of it
    holds (see _CORRELATIONAL_WORDS).
    """
    if heads is None:
        heads = _words(low)
    found: list[tuple[int, int, str]] = []
    if heads & _CORRELATIONAL_WORDS or (
        _CORRELATIONAL_GATE.search(low) and any(w.startswith(_CORRELATIONAL_STARTS) for w in heads)
    ):
        found += [(m.start(), m.end(), "corr") for m in _CORRELATIONAL.finditer(low)]
    if heads & _CAUSAL_WORDS:
        found += [(m.start(), m.end(), "cause") for m in _CAUSAL.finditer(low)]
    if _has_verb(heads):
        found += [(a, b, "cause") for a, b in _verb_cues(low)]
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[tuple[int, int, str]] = []
    for c in found:
        if out and c[0] < out[-1][1]:
            continue
        out.append(c)
    return out


def _coordinated_modal(low: str, lo: int, cue: int) -> Span | None:
    """A modal further back that governs the cue through "and"/"or" ("could have the
    opposite effect and lead to")."""
    modal = _last_before(_HEDGE_NEAR, low, lo, cue) or _last_before(_CAN, low, lo, cue)
    if modal is not None and re.search(r"\b(?:and|or)\s+$", low[modal[1] : cue]):
        return modal
    return None


def _clause_start(low: str, cue: int) -> int:
    lo = 0
    for m in _CLAUSE_BREAK.finditer(low, 0, cue):
        lo = m.end()
    return lo


def _last_before(pattern: re.Pattern[str], low: str, lo: int, hi: int) -> Span | None:
    last = None
    for m in pattern.finditer(low, lo, hi):
        last = (m.start(), m.end())
    return last


def _negation_before(low: str, lo: int, start: int, end: int) -> Span | None:
    """A negation within a few words before the cue (or "no" right after "found")."""
    window_lo = max(lo, _word_back(low, start, 6))
    hit = _last_before(_NEGATION, low, window_lo, start)
    if hit is None:
        return None
    if _NOT_NEGATION.search(low, max(0, hit[0] - 1), min(len(low), hit[1] + 12)):
        return None
    return hit


def _word_back(low: str, at: int, n: int) -> int:
    pos = at
    for _ in range(n):
        nxt = low.rfind(" ", 0, max(0, pos - 1))
        if nxt < 0:
            return 0
        pos = nxt
    return pos


def _subjects(low: str) -> tuple[frozenset[str], tuple[tuple[str, int, int], ...]]:
    found: set[str] = set()
    spans: list[tuple[str, int, int]] = []
    animal_ends: set[int] = set()
    for name, pattern in (("animals", _ANIMALS), ("cells", _CELLS), ("people", _PEOPLE)):
        for m in pattern.finditer(low):
            if name == "animals":
                animal_ends.add(m.end())
            elif name == "people" and m.start() - 1 in animal_ends:
                continue  # "rat fathers", "mouse mothers" are animals
            found.add(name)
            spans.append((name, m.start(), m.end()))
    return frozenset(found), tuple(sorted(spans, key=lambda s: (s[1], s[2])))


_IMPERATIVE_ANYWHERE = re.compile(
    r"(?:^|[.!?:]\s+|\n\s*)[\"'“‘]?" + _IMPERATIVE.pattern[1:], re.MULTILINE
)


def has_advice(text: str) -> bool:
    """Does any sentence of `text` advise readers? One pass over the whole text; it may
    say yes where a sentence-by-sentence reading would not (a reported question), so a
    caller that looks for advice a text lacks errs towards finding none."""
    low = _lower(text)
    return bool(_ADVICE.search(low) or _IMPERATIVE_ANYWHERE.search(low))


def _may_advise(low: str, words: set[str]) -> bool:
    return bool(words & _ADVICE_WORDS) or bool(
        _ADVICE_GATE.search(low) and any(w.startswith(_ADVICE_STARTS) for w in words)
    )


def _advice(low: str, heads: set[str] | None = None) -> tuple[Span, ...]:
    if low.rstrip(_QUOTES + ".").endswith("?"):
        return ()  # "How much exercise do you need to …?" asks; it does not advise
    # "the debate about what foods parents should give" reports a question, not advice.
    spans = [
        (m.start(), m.end())
        for m in (_ADVICE.finditer(low) if _may_advise(low, heads or _words(low)) else ())
        if not _ASKING.search(low, _word_back(low, m.start(), 3), m.start())
    ]
    head = low.lstrip(_QUOTES)
    imp = _IMPERATIVE.match(head)
    if imp is not None and not head.rstrip(_QUOTES + ".").endswith("?"):
        off = len(low) - len(head)
        spans.insert(0, (off + imp.start(), off + imp.end()))
    return tuple(spans)
