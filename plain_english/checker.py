"""The plain-English checker: reading ease, long sentences, plainer words, passive voice, words we avoid.

It only advises. It reads text as (where, text) pairs, so the same code checks a saved page,
a revision or the editor's unsaved draft. Pure Python apart from textstat: no database here.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

import textstat

LONG_SENTENCE_WORDS = 25
# Enough for the longest chapter many times over; more is refused (cut short with a message),
# so a pasted book or a hostile request cannot keep a server process busy.
MAX_CHARACTERS = 50_000
# Fewer words than this give a meaningless score.
MIN_WORDS_FOR_SCORE = 10

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# A sentence ends at . ! ? (and the Arabic ؟ and Urdu ۔) followed by a space or the end, or at a
# line break (list items and headings often have no full stop). The Arabic comma ، and the
# Arabic semicolon ؛ do not end a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?؟۔…])[\"'”’)\]]*\s+|\n+")
# Dots that do not end a sentence: "e.g. this", "Mr. Khan", "No. 5".
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|mr|mrs|ms|dr|no|st|vs|approx)\.$", re.IGNORECASE)

# Passive voice, as a hint: a form of "to be" (optionally with "not", "always" or an -ly word between),
# then a past participle: a word ending in -ed or one of the common irregular ones. It misses
# some passives and flags a few adjectives ("is tired"); it is a hint, never an error.
BE = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't|'s|'re)"
IRREGULAR_PARTICIPLES = [
    "born",
    "bought",
    "brought",
    "built",
    "caught",
    "chosen",
    "done",
    "drawn",
    "driven",
    "eaten",
    "fallen",
    "felt",
    "forgotten",
    "forgiven",
    "found",
    "given",
    "gone",
    "grown",
    "heard",
    "held",
    "hidden",
    "hit",
    "hurt",
    "kept",
    "known",
    "laid",
    "led",
    "left",
    "lent",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "read",
    "run",
    "said",
    "seen",
    "sent",
    "set",
    "shown",
    "shut",
    "sold",
    "spent",
    "spoken",
    "stolen",
    "struck",
    "sung",
    "taken",
    "taught",
    "thought",
    "thrown",
    "told",
    "understood",
    "woken",
    "won",
    "worn",
    "written",
]
PASSIVE = re.compile(
    rf"\b{BE}\s+(?:(?:not|never|always|often|also|still|usually|\w+ly)\s+){{0,2}}(?:\w{{2,}}ed|{'|'.join(IRREGULAR_PARTICIPLES)})\b",
    re.IGNORECASE,
)
# -ed words that follow "is" or "are" as adjectives far more often than as passives.
NOT_PASSIVE = {"interested", "tired", "worried", "married", "excited", "scared", "pleased", "needed", "allowed"}


@dataclass
class Finding:
    """One piece of advice: where it is, the words concerned and what to do instead."""

    where: str
    text: str
    advice: str = ""


@dataclass
class Report:
    """Everything the checker found in one page or draft."""

    words: int = 0
    reading_ease: float | None = None
    long_sentences: list = field(default_factory=list)
    plainer_words: list = field(default_factory=list)
    passive: list = field(default_factory=list)
    avoided_terms: list = field(default_factory=list)
    truncated: bool = False

    @property
    def reading_ease_label(self):
        return reading_ease_label(self.reading_ease)

    @property
    def advice_count(self):
        return len(self.long_sentences) + len(self.plainer_words) + len(self.passive) + len(self.avoided_terms)


def reading_ease_label(score):
    """The Flesch reading ease score in words an editor understands, for the score as shown (a whole number)."""
    if score is None:
        return _("Not enough text to score yet")
    score = round(score)
    if score >= 80:
        return _("Very easy to read")
    if score >= 60:
        return _("Plain English")
    if score >= 50:
        return _("Fairly hard to read")
    return _("Hard to read")


def sentences(text):
    """Split text into sentences without breaking at abbreviations or numbers such as 2.5."""
    pieces = [piece.strip() for piece in SENTENCE_END.split(text)]
    merged = []
    for piece in pieces:
        if not piece:
            continue
        if merged and ABBREVIATIONS.search(merged[-1]):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def words(text):
    return WORD.findall(text)


def phrase_pattern(phrases):
    """One case-insensitive pattern matching any of the phrases as whole words, longest first."""
    phrases = sorted({phrase.strip().lower() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-]|-\w)", re.IGNORECASE)


def _limit(parts):
    """Keep parts up to MAX_CHARACTERS in total; say whether anything was cut."""
    kept, total = [], 0
    for where, text in parts:
        text = str(text or "")
        if total + len(text) > MAX_CHARACTERS:
            kept.append((where, text[: MAX_CHARACTERS - total]))
            return kept, True
        kept.append((where, text))
        total += len(text)
    return kept, False


def check(parts, plainer_words=None, avoided_terms=None):
    """Check (where, text) pairs. plainer_words and avoided_terms map a phrase to what to use instead."""
    plainer_words = {key.lower(): value for key, value in (plainer_words or {}).items()}
    avoided_terms = {key.lower(): value for key, value in (avoided_terms or {}).items()}
    plainer_pattern = phrase_pattern(plainer_words)
    avoided_pattern = phrase_pattern(avoided_terms)
    parts, truncated = _limit(parts)
    report = Report(truncated=truncated)
    all_sentences = []
    for where, text in parts:
        for sentence in sentences(text):
            count = len(words(sentence))
            if not count:
                continue
            report.words += count
            all_sentences.append(sentence)
            if count > LONG_SENTENCE_WORDS:
                report.long_sentences.append(Finding(where, sentence, _("%(count)d words. Try to split it.") % {"count": count}))
            for match in PASSIVE.finditer(sentence):
                if match.group(0).split()[-1].lower() not in NOT_PASSIVE:
                    report.passive.append(Finding(where, match.group(0), sentence))
        for pattern, replacements, findings in (
            (plainer_pattern, plainer_words, report.plainer_words),
            (avoided_pattern, avoided_terms, report.avoided_terms),
        ):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                findings.append(Finding(where, match.group(0), replacements[" ".join(match.group(0).lower().split())]))
    if report.words >= MIN_WORDS_FOR_SCORE:
        # textstat reads "." as the end of a sentence; give it the sentences we found.
        score = textstat.flesch_reading_ease(" ".join(sentence.rstrip(".!?؟۔…") + "." for sentence in all_sentences))
        report.reading_ease = max(0.0, min(100.0, round(score, 1)))
    return report
