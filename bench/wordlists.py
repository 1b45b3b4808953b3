"""Word lists and patterns the derivative generator draws on (all invented or generic)."""

from __future__ import annotations

import re


def _wordlist(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- Tables ----------------------------------------------------------------------------

SYNONYMS_PAIRS = """
study research; studies investigations; researchers scientists; scientist researcher;
found discovered; find discover; finding result; findings results; show reveal;
shows reveals; showed revealed; suggest indicate; suggests indicates; suggested indicated;
people individuals; patients sufferers; patient sufferer; risk likelihood; risks dangers;
increase rise; increased raised; increases rises; reduce cut; reduced lowered;
reduces lowers; reduction fall; higher greater; lower smaller; likely probable;
new novel; help assist; helps assists; helped assisted; important key; significant substantial;
significantly substantially; said stated; says states;  work research;
children youngsters; child youngster; women females; men males; treatment therapy;
treatments therapies; disease illness; diseases illnesses; health wellbeing; data information;
evidence proof; team group; large big; small little; many numerous; often frequently;
  because since; could might; may might;  major main;
effect impact; effects impacts; cause trigger; causes triggers; caused triggered;
common widespread; rate level; rates levels;
improve boost; improved boosted; improves boosts; early initial; recent latest;
previous earlier; current present; public community; care support; hospital clinic;
doctors physicians; doctor physician; test trial; tests trials; trial experiment;
analysis assessment; analysed assessed; examined investigated; looked searched;
developed created; develop create; prevent stop; prevented stopped; linked connected;
link connection; associated connected; compared contrasted; within inside; among amongst;
between amid; about around;  less fewer; need require; needs requires;
needed required; use employ; used employed; using employing; people's individuals';
university institution; published released; journal publication;
participants volunteers; group cohort;  approach method; aim goal;
future coming; potential possible; problem issue; problems issues; clear obvious;
able capable; likely expected; levels amounts; help aid; lead result; led resulted;
provide offer; provides offers; provided offered; first initial; high elevated;
low reduced; show demonstrate; difference gap; differences gaps; suggest propose;
experts specialists; expert specialist; government administration; policy strategy;
support backing; report paper; reported noted; measures steps; action steps;
funding money; countries nations; country nation; officers officials; officials staff;
crossings journeys; agreement deal; arrangement deal; operational practical;
strengthen reinforce; tackle address; challenge difficulty
"""
SYNONYMS: dict[str, str] = {}
for _pair in SYNONYMS_PAIRS.replace("\n", " ").split(";"):
    _a, _b = _pair.split()
    SYNONYMS.setdefault(_a, _b)
    SYNONYMS.setdefault(_b, _a)

STOPWORDS = frozenset(
    _wordlist(
        "a an the and or but of in on at to for from by with as is are was were be been "
        "being it its this that these those which who whom whose what when where why how "
        "not no than then there their they them he she his her we our you your i me my "
        "has have had do does did so such can could may might will would should shall "
        "must into over under about after before during while if also only more most very "
        "all any some each other own same just both between through up down out off again "
        "further once said says"
    )
)

LOWERCASE_SAFE = frozenset(
    _wordlist(
        "The This These That Those It Its In A An Our They We There Their Such Some Many "
        "Most However Also Although While When For"
    )
)

FIRST_NAMES = _wordlist(
    "Alice Brendan Chloe Dmitri Eleanor Farid Grace Hamish Imogen Joaquin Keira "
    "Lorcan Maeve Nikhil Orla Piotr Quentin Rosalind Soren Tamsin Ulrich Vanessa "
    "Wilfred Ximena Yusuf Zara"
)
LAST_NAMES = _wordlist(
    "Ashworth Brennan Calloway Dunmore Everett Fairclough Galloway Hargreaves Ingleby "
    "Jessop Kettering Lockwood Marchetti Northcott Oyelaran Pemberton Quayle Rowntree "
    "Southgate Thistlewood Underhill Valcourt Whitcombe Yardley Zeller"
)
TITLES = ("Dr", "Professor", "Mr", "Mrs", "Ms", "Sir", "Dame", "Lord", "Lady", "Prof")
NAME_RE = re.compile(
    r"\b(?:Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+"
    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
)
FIRST_NAME_RE = re.compile(r"\b(" + "|".join(FIRST_NAMES) + r")\s+([A-Z][a-z]+)\b")

SUBSTITUTES = _wordlist(
    "controversial remarkable unexpected modest dramatic limited regional seasonal "
    "urban rural temporary voluntary private national digital genetic chemical "
    "financial political economic historic"
)
INSERTS = ["reportedly", "largely", "apparently", "unexpectedly", "possibly", "partly", "notably"]

NUMBER_WORDS = _wordlist("zero one two three four five six seven eight nine ten")
HYPHEN_PREFIXES = _wordlist("co re pre non anti multi inter post sub semi mid over under")

ROLES = (
    "a spokesperson for the charity",
    "the local MP",
    "a senior lecturer who was not involved in the work",
    "the chair of the patients' association",
    "a campaigner",
)
QUOTE_TEMPLATES = (
    "This is a welcome step, but we will judge it by the results it delivers for {t}.",
    "We have waited a long time for clear answers about {t}, and this is only a start.",
    "Families affected by {t} deserve better information than they have had so far.",
    "The real test is whether anything changes for {t} over the next few years.",
    "Nobody should read too much into a single report on {t} at this stage.",
)
TOPICS = ("local services", "this condition", "our community", "ordinary families")

FILLER_WORDS = _wordlist(
    "council market harbour festival railway committee weather library garden "
    "orchestra bridge museum volunteers tickets season village river parking "
    "timetable exhibition autumn evening shop café school football match theatre road "
    "repairs residents"
)
