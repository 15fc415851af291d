"""Page chrome out, article body in: general line rules, not a list of any site's lines.

A line is chrome when it is navigation or UI vocabulary only, a breadcrumb, a sign-up or
newsletter prompt, a "Welcome to <site>" banner, a font-size or player widget, a market ticker,
a copyright notice, or a bare credit. A line repeated several times is a caption: kept once,
apart from the body. Everything else is body, kept whole and in order.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from transforms.ingest.dates import is_dateline, strip_date_stamps

# Words that make up menus, share bars, players and buttons. A short line of only these is UI.
UI_WORDS = frozenset(
    [
        "menu",
        "search",
        "bookmark",
        "bookmarks",
        "share",
        "shares",
        "close",
        "print",
        "email",
        "e-mail",
        "comment",
        "comments",
        "play",
        "pause",
        "play/pause",
        "stop",
        "mute",
        "unmute",
        "listen",
        "audio",
        "video",
        "watch",
        "english",
        "arabic",
        "french",
        "home",
        "login",
        "log",
        "in",
        "out",
        "sign",
        "up",
        "register",
        "subscribe",
        "subscribed",
        "follow",
        "us",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "telegram",
        "instagram",
        "youtube",
        "copy",
        "link",
        "save",
        "saved",
        "next",
        "previous",
        "prev",
        "more",
        "read",
        "skip",
        "to",
        "content",
        "main",
        "advertisement",
        "advertising",
        "sponsored",
        "ad",
        "ads",
        "top",
        "back",
        "market",
        "data",
        "markets",
        "latest",
        "news",
        "trending",
        "most",
        "popular",
        "view",
        "all",
        "see",
        "also",
        "related",
        "topics",
        "section",
        "sections",
        "open",
        "navigation",
        "toggle",
        "a",
        "font",
        "size",
        "text",
        "reset",
        "accessibility",
        "print-friendly",
        "gift",
        "article",
        "send",
        "feedback",
        "download",
        "app",
        "apps",
        "our",
        "the",
        "this",
        "and",
        "or",
        "on",
        "via",
        "with",
    ]
)
_BULLET = re.compile(r"^[\s•·▪◦●*|»>\-–—]+")
_SIGNUP = re.compile(
    r"\b(sign[ -]?up|subscribe|newsletters?|in your inbox|to your inbox|daily updates|"
    r"create (?:a|an|your) (?:free )?account|log ?in to|register (?:now|for free)|"
    r"already a (?:member|subscriber)|support (?:our|independent) journalism)\b",
    re.IGNORECASE,
)
_WELCOME = re.compile(r"^\s*welcome to (?:the )?(?P<site>[\w.&' -]{2,40}?)[\s!.]*$", re.IGNORECASE)
_FONT_WIDGET = re.compile(r"^[+\-−–↺↻⟳aA\s]*\d{1,2}\s*(?:px|pt)\b[\s+\-−–↺↻⟳aA]*$")
_PERCENT = re.compile(r"[+\-−]?\d+(?:[.,]\d+)?\s?%")
_TICKER = re.compile(r"\b[A-Z]{2,6}\b\s*[+\-−]?\d+(?:[.,]\d+)?")
_COPYRIGHT = re.compile(r"(©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_COOKIE = re.compile(r"\b(cookies?|privacy policy|terms of (?:use|service))\b", re.IGNORECASE)
# Photo and licence credits that end or make up a caption line.
CREDIT = re.compile(
    r"(getty images|shutterstock|wikimedia commons|\bcc[ -]by\b|\bphoto(?:graph)?\s*(?:by|:)|"
    r"\bimage\s*(?:by|:)|\(photo\b|file photo|\bsource:\s|/\s?(?:reuters|afp|ap|epa)\b|"
    r"\b(?:reuters|afp|ap|epa|anadolu)\s*(?:photo|images?)\b)",
    re.IGNORECASE,
)
# Cheap substring tests before the case-insensitive regexes, which scan slowly: a line without
# any of these words cannot match the pattern that follows them.
CREDIT_NEEDLES = (
    "getty",
    "shutterstock",
    "wikimedia",
    "cc by",
    "cc-by",
    "photo",
    "image",
    "source:",
    "/",
)
SIGNUP_NEEDLES = (
    "sign",
    "subscri",
    "newsletter",
    "inbox",
    "daily updates",
    "account",
    "log in",
    "login",
    "register",
    "already a",
    "journalism",
)
LEGAL_NEEDLES = ("©", "(c)", "copyright", "rights reserved", "cookie", "privacy", "terms of")


def has_any(lowered: str, needles: tuple[str, ...]) -> bool:
    return any(n in lowered for n in needles)


def credit_in(line: str) -> re.Match[str] | None:
    """The photo/licence credit in a line, if any."""
    return CREDIT.search(line) if has_any(line.lower(), CREDIT_NEEDLES) else None


_WORD = re.compile(r"[\w/'’.-]+")
_TERMINAL = re.compile(r"""[.!?]["'”’)\]]*$""")
MAX_UI_WORDS = 8
MAX_PROMPT_WORDS = 25
MAX_CAPTION_WORDS = 60


@dataclass
class Cleaned:
    """Body text, the caption kept once, the headline if any, and the dropped lines with why."""

    body: str
    caption: str | None = None
    title: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_ticker(core: str, words: list[str]) -> bool:
    """Prices and percentages in a row, with hardly any lower-case words (not a sentence)."""
    if len(_PERCENT.findall(core)) < 2 and len(_TICKER.findall(core)) < 3:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return sum(w[:1].islower() for w in alpha) <= 0.3 * len(alpha)


# Lines judged once per process: republished copies of a story, and an outlet's boilerplate,
# repeat their lines across thousands of documents.
LINE_CACHE_SIZE = 16_384


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def chrome_kind(line: str) -> str | None:
    """Why a single line is chrome ('ui', 'signup', ...), or None when it may be body."""
    # Chrome is short: a long line is body, and skipping the rules keeps ingestion fast.
    if line.count(" ") >= MAX_PROMPT_WORDS + 8:
        return None
    core = _BULLET.sub("", line).strip()
    if not core:
        return "ui" if line.strip() else None
    if is_dateline(core):
        return "dateline"
    core = strip_date_stamps(core)
    if not core:
        return "dateline"
    words = _words(core)
    if len(words) > MAX_PROMPT_WORDS:
        return None
    if _WELCOME.match(core):
        return "welcome"
    if _FONT_WIDGET.match(core):
        return "font_widget"
    if len(words) <= MAX_UI_WORDS and all(w.lower().strip(".’'") in UI_WORDS for w in words):
        return "ui"
    lowered = core.lower()
    if has_any(lowered, SIGNUP_NEEDLES) and _SIGNUP.search(core):
        return "signup"
    if _is_ticker(core, words):
        return "ticker"
    if has_any(lowered, LEGAL_NEEDLES) and (_COPYRIGHT.search(core) or _COOKIE.search(core)):
        return "legal"
    if len(words) <= 4:
        if sum(map(str.isalnum, core)) < len(core) * 0.5:
            return "ui"
        if line.lstrip().startswith("|"):
            return "breadcrumb"
    return None


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_title_candidate(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 30
        and not re.search(r"""[.!?:;,]["'”’]?$""", line)
        and sum(w[:1].isupper() for w in words) >= 2
    )


def _is_body_paragraph(line: str) -> bool:
    """A sentence of the article: a dozen words or more, ending as a sentence does, and not in
    headline case (a photo caption repeating the headline, "Islamic State Claims New Attacks
    on ...", before its credit is a caption still)."""
    return len(line.split()) >= 12 and bool(_TERMINAL.search(line)) and not _headline_case(line)


# Share of a line's longer words (after the first) written capitalised, from which the line is
# in headline case ("Gunmen Kill Five in Attack on Checkpoint Near Mosul").
HEADLINE_CASE_SHARE = 0.7


def _headline_case(line: str) -> bool:
    words = [w for w in line.split()[1:] if len(w) >= 4 and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= 4 and capitalised >= HEADLINE_CASE_SHARE * len(words)


def clean_text_lines(text: str) -> Cleaned:
    """Split text into body, caption and headline; chrome lines are dropped with their kind."""
    lines = [ln.strip() for ln in text.split("\n")]
    counts = Counter(_norm(ln) for ln in lines if ln)
    kinds: list[str | None] = []
    caption: str | None = None
    for i, line in enumerate(lines):
        if not line:
            kinds.append(None)
            continue
        kind = chrome_kind(line)
        short = line.count(" ") < MAX_CAPTION_WORDS
        if kind is None and short:
            repeats = counts[_norm(line)]
            credit = credit_in(line)
            if (repeats >= 3 or (repeats >= 2 and credit)) or (
                credit and not _is_body_paragraph(line[: credit.start()].rstrip())
            ):
                kind = "caption"
        # A sign-up prompt that wraps onto a second, lower-case line takes that line with it.
        if (
            kind is None
            and i
            and kinds[-1] == "signup"
            and line[:1].islower()
            and len(line.split()) <= MAX_PROMPT_WORDS
        ):
            kind = "signup"
        if kind == "caption" and caption is None:
            caption = line
        kinds.append(kind)
    out = Cleaned(body="", caption=caption)
    body: list[str] = []
    seen_body = False
    for line, kind in zip(lines, kinds, strict=True):
        if kind is not None:
            out.removed.append((kind, line))
            continue
        if not line:
            if body and body[-1]:
                body.append("")
            continue
        if not seen_body and out.title is None and _is_title_candidate(line):
            out.title = line
            continue
        seen_body = seen_body or _is_body_paragraph(line)
        body.append(line)
    out.body = "\n".join(body).strip()
    return out
