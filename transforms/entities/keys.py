"""Match keys: fold transliteration variants of one Arabic (or other) name onto one string.

``name_key("Ahmed al-Sharaa") == name_key("Ahmad Al Shara") == name_key("Mr Sharaa")[-1:]...``
The key is lossy on purpose: two spellings of one name share a key, and fuzzy matching on keys
(``resolve.py``) absorbs what the folding misses. Folding steps, in order:

1. Unicode compatibility decomposition, diacritics dropped (``Ḩ`` -> ``H``), lower case.
2. Apostrophes and ayn/hamza marks (' ’ ‘ ` ʿ ʾ ʼ) removed; hyphens, dots, slashes -> spaces.
3. Tokens: possessive ``'s`` and titles (``mr``, ``president``, ``sheikh``, ``spokesman``...)
   dropped; Arabic article tokens (al, el, ad, ar, as, ash, az, ez, ...) dropped.
4. Per token: a glued assimilated article (``Ezzor`` = ``ez-Zor``) split off; vowel
   alternations folded (ou/oo/o -> u, ee/ei/ey -> i/ai, e -> a, y between letters -> i, w
   between vowels -> u, French dj -> j),
   final ``h`` after a vowel dropped (``-ah``/``-eh`` -> ``-a``), doubled letters collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles and roles that precede a name but are not part of it.
TITLES = frozenset(
    """mr mrs ms dr sheikh shaikh shaykh sheik president spokesman spokeswoman spokesperson
    former late general gen brig colonel col commander cmdr lieutenant lt major maj captain capt
    minister prime premier king prince emir amir imam mullah ayatollah sayyed sayyid sir
    leader chief deputy senator sen secretary ambassador envoy""".split()  # noqa: SIM905
)
# Arabic definite-article forms, written as a separate token ("al-", "el ", "ash-").
ARTICLES = frozenset(
    "al el ul il ad ar as ash ach ech esh az ez es ed er at ath adh an en et".split()  # noqa: SIM905
)
# Letters that assimilate the article (sun letters, as romanised).
_SUN = "tdrzsnl"

_MARKS = re.compile(r"['’‘`ʿʾʼ´ʻ]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_DOUBLE = re.compile(r"(.)\1+")
_AW = re.compile(r"aw(?![aeiouy])")
_W_INNER = re.compile(r"(?<=[aeiou])w(?=[aeiou])")
_Y_INNER = re.compile(r"(?<=[a-z])y(?=[a-z])")
_GLUED = re.compile(rf"^e([{_SUN}])\1(?=[a-z]{{2}})")


def strip_accents(text: str) -> str:
    """Diacritics removed, compatibility forms folded (``Deïr`` -> ``Deir``, ``ﬁ`` -> ``fi``)."""
    if text.isascii():
        return text  # (most names: nothing to fold)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_token(tok: str) -> str:
    tok = _GLUED.sub(r"\1", tok)  # "ezzor" -> "zor"
    tok = tok.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ie", "i")
    tok = tok.replace("dj", "j")  # French "Djebel", "Djarablous"
    tok = _W_INNER.sub("u", tok)  # "Zaouiya" (-> "zauiya") ~ "Zawiya"
    tok = tok.replace("ei", "ai").replace("ey", "ai").replace("ay", "ai").replace("ae", "ai")
    tok = _AW.sub("u", tok)  # "Zawr" ~ "Zor", "Hawl" ~ "Hol"
    tok = tok.replace("ph", "f").replace("dh", "z").replace("ch", "sh").replace("q", "k")
    tok = tok.replace("e", "a").replace("o", "u")
    if len(tok) > 2:
        tok = tok[0] + _Y_INNER.sub("i", tok[1:])
    if len(tok) > 3 and tok.endswith("h") and tok[-2] in "aiu":
        tok = tok[:-1]
    return _DOUBLE.sub(r"\1", tok)


def key_tokens(name: str, *, drop_titles: bool = True) -> tuple[str, ...]:
    """The folded tokens of ``name`` (see module docstring); empty for a name of only titles."""
    text = _POSSESSIVE.sub("", name)
    text = _MARKS.sub("", strip_accents(text).lower())
    raw = [t for t in _SPLIT.split(text) if t]
    out: list[str] = []
    for i, tok in enumerate(raw):
        if drop_titles and tok in TITLES:
            continue
        if tok in ARTICLES and i + 1 < len(raw):
            continue  # an article is dropped unless it is the last token ("Mr Al")
        out.append(_fold_token(tok))
    return tuple(t for t in out if t)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """One string per name, shared by its transliteration variants ("" if nothing is left)."""
    return " ".join(key_tokens(name))


@lru_cache(maxsize=200_000)
def place_key(name: str) -> str:
    """``name_key`` keeping title words: in a place's name they are part of it ("Shaykh al
    Hadid" is not "Hadid", "Imam Sayyid Yusuf" not "Yusuf")."""
    return " ".join(key_tokens(name, drop_titles=False))


def vowel_blind(key: str) -> str:
    """A key with every vowel read as "a" ("salihia" and "salahia", from "Salihiyah" and
    "Salehiyeh", meet): Latin spellings of Arabic disagree most on short vowels."""
    return key.replace("i", "a").replace("u", "a")


def vowel_runs_blind(key: str) -> str:
    """``vowel_blind`` with a run of vowels read as one: a diphthong written as a plain vowel
    meets its full spelling ("suliman" and "sulaiman", "husainia" and "husinia"). Looser
    still: read only among the places a consonant skeleton already names."""
    return _VOWEL_RUN.sub("a", vowel_blind(key))


_VOWEL_RUN = re.compile(r"a{2,}")


# Consonant digraphs and letters that news outlets write for one Arabic sound, as one letter of
# the skeleton: sh (ch, French) -> x; kh, gh, g (Iraqi and Egyptian g for q) -> k; th (tha and
# dhal, "Thiban" = "Dhiban"; ``place_key`` has folded dh to z already) -> z.
_SKELETON_DIGRAPHS = (("sh", "x"), ("kh", "k"), ("gh", "k"), ("th", "z"), ("g", "k"))
_VOWELS = frozenset("aeiou")


def _skeleton_token(tok: str) -> str:
    for a, b in _SKELETON_DIGRAPHS:
        tok = tok.replace(a, b)
    out = []
    if tok[0] in _VOWELS:
        out.append("'")  # a word-initial vowel writes an ayn or a hamza: a consonant
    nisba = tok.endswith(("i", "ia")) and len(tok) > 3
    for i, c in enumerate(tok):
        if c in _VOWELS:
            continue
        if c in "yw" and i and (tok[i - 1] in _VOWELS or tok[i + 1 : i + 2] in _VOWELS):
            continue  # a semivowel beside a vowel is part of it ("Shuhayl", "Zawiya")
        if not i or tok[i - 1] != c:
            # (a letter written twice is one, a shadda; the same letter again after a vowel
            # is another: "Hadidah" is h-d-d, "Dawud" d-d)
            out.append(c)
    if nisba:
        out.append("y")  # "-i", "-iya(h)": a suffix of its own ("Khashman" is no "Khashmaniyah")
    return "".join(out)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """The consonant skeleton of a place key: digraphs folded to one letter, every vowel (and
    semivowel beside one) dropped, a word-initial vowel kept as one mark ("'"), a final "-i"
    or "-iya(h)" kept as "y", a letter written twice read once (the same letter again after a
    vowel is kept: "Hadidah" -> "hdd"). Spellings that differ in short
    vowels, elided vowels (Levantine "Jdeidat" for "Jadidat"), final -eh/-ah/-a, th/dh or
    g/q/k share it: "thiban" and "ziban" -> "zbn", "garma" and "karma" -> "krm". Loose on
    purpose: read only where a place is cued, and only when it names one place
    (``Registry.skeletons``)."""
    return " ".join(_skeleton_token(t) for t in key.split() if t)


def consonants(skel: str) -> int:
    """How many consonants a skeleton holds (its letters and marks, spaces aside)."""
    return len(skel) - skel.count(" ")


def token_key(token: str) -> str:
    """The key of one word, as it appears inside ``name_key`` (used for partial references)."""
    toks = key_tokens(token)
    return toks[-1] if toks else ""
