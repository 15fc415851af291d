"""News outlets' spellings of Arabic place names, as rules applied to gazetteer names.

Who's On First writes villages in BGN/PCGN-style romanisation ("Al Lataminah", "Dayr Hafir",
"Al Karmah"); reporting writes them as each outlet's convention and the local dialect have it
("Al-Latamneh", "Deir Hafer", "Garma"). ``respell`` turns a gazetteer name into such a
spelling by one to three of the rules below, chosen at random (seeded), each modelled on a
documented convention of English-, French- or Arabic-language outlets and of Levantine or
Iraqi speech, never on the matcher's folding (``transforms.entities.keys``): the probe
``bench.probe_villages --respell`` measures how far the matcher reads what outlets write.

Rules (``RULES``; each applies only where its pattern occurs):

- ``article``: the article hyphenated and written unassimilated, as most English outlets do
  ("Ash Shuhayl" -> "al-Shuhayl"), or dropped ("Al Bulayl" -> "Bulayl").
- ``ta_marbuta``: the feminine ending written -eh (Levantine, French), -a, or -e ("Hasakah" ->
  "Hasakeh").
- ``imala``: ay -> ei (Levantine raising, "Shuhayl" -> "Shuheil"); aw -> ou/o ("Hawl" -> "Hol").
- ``french_vowels``: u -> ou, long i -> i, sh -> ch, j -> dj (French-language agencies: SANA's
  French service, AFP's first drafts): "Qalamun" -> "Qalamoun", "Jarabulus" -> "Djarabulus".
- ``long_vowels``: long i -> ee, long u -> oo (English phonetic spelling: "Hit" -> "Heet").
- ``qaf``: q -> g (Iraqi and Bedouin speech: "Qa'im" -> "Ga'im", "Al Karmah" is "Garma"), or
  q -> k (Kurdish and Turkish-language sources).
- ``interdental``: dh -> th or z or d, th -> t or s (Levantine and Egyptian speech: "Dhiban"
  -> "Thiban", "Thawrah" -> "Sawra").
- ``elision``: the short vowel of a first open syllable dropped before a stressed long one
  (Levantine: "Jadidah" -> "Jdidah", "Kafr" -> "Kfar", "Muhradah" -> "Mhardeh" in part).
- ``shadda``: a medial consonant doubled or undoubled ("Lataminah" -> "Lattaminah").
- ``e_for_a``: an unstressed a written e (Levantine and French: "Dayr" -> "Deir",
  "Jabal" -> "Jebel", "Tall" -> "Tell").
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_ARTICLE = re.compile(r"\b(?:Al|Ad|Adh|An|Ar|As|Ash|At|Ath|Az|El|Ed|En|Er|Es|Esh|Et|Ez)[ -](?=\w)")
_VOWEL = "aeiou"


def _article(name: str, rng: random.Random) -> str:
    if not _ARTICLE.search(name):
        return name
    if rng.random() < 0.3:  # dropped: "Al Bulayl" -> "Bulayl"
        out = _ARTICLE.sub("", name, count=1)
        return out[:1].upper() + out[1:]
    return _ARTICLE.sub(lambda m: "al-" if m.start() else "Al-", name)


def _ta_marbuta(name: str, rng: random.Random) -> str:
    ending = rng.choice(["eh", "a", "e"])
    return re.sub(r"(?<=[a-z])ah\b", ending, name)


def _imala(name: str, rng: random.Random) -> str:
    out = re.sub(r"ay(?![aeiou])", "ei", name)
    return re.sub(r"aw(?![aeiou])", rng.choice(["ou", "o"]), out)


def _french_vowels(name: str, rng: random.Random) -> str:
    out = re.sub(r"(?<![aeiou])u", "ou", name)
    out = out.replace("sh", "ch").replace("Sh", "Ch")
    return re.sub(r"\bJ", "Dj", out) if rng.random() < 0.5 else out


def _long_vowels(name: str, rng: random.Random) -> str:
    # BGN marks long vowels, but the plain names here have lost the marks: a vowel before a
    # single consonant and the word's end or before another vowel is taken as long
    out = re.sub(r"(?<![aeiou])i(?=[bdfhklmnrstz]\b)", "ee", name)
    return re.sub(r"(?<![aeiou])u(?=[bdfhklmnrstz]\b)", "oo", out)


def _qaf(name: str, rng: random.Random) -> str:
    if "q" not in name.lower():
        return name
    letter = "g" if rng.random() < 0.7 else "k"
    return name.replace("q", letter).replace("Q", letter.upper())


def _interdental(name: str, rng: random.Random) -> str:
    out = re.sub(r"[Dd]h", lambda m: rng.choice(["th", "z", "d"]) if m.group()[0] == "d"
                 else rng.choice(["Th", "Z", "D"]), name)  # fmt: skip
    return re.sub(r"(?<![ST])th|\bTh", lambda m: rng.choice(["t", "s"]) if m.group()[0] == "t"
                  else rng.choice(["T", "S"]), out)  # fmt: skip


def _elision(name: str, rng: random.Random) -> str:
    # C V C V... at a word's start, the word long enough: the first short vowel goes
    def drop(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) < 6 or word.lower().startswith(("al", "el", "abu", "umm")):
            return word
        if (
            word[0] not in _VOWEL.upper()
            and word[1] in "aiu"
            and word[2] not in _VOWEL + "hwy"
            and word[3:4] in _VOWEL
        ):
            return word[0] + word[2:]
        return word

    return re.sub(r"\b[A-Z][a-z]+", drop, name)


def _shadda(name: str, rng: random.Random) -> str:
    doubled = re.search(r"([bdfjklmnrstz])\1", name)
    if doubled is not None:
        return name[: doubled.start()] + name[doubled.start() + 1 :]
    spots = [m.start(1) for m in re.finditer(r"[aeiou]([bdfklmnrstz])[aeiou]", name)]
    if not spots:
        return name
    at = rng.choice(spots)
    return name[:at] + name[at] + name[at:]


def _e_for_a(name: str, rng: random.Random) -> str:
    out = re.sub(r"\bDayr\b", "Deir", name)
    out = re.sub(r"\bJabal\b", "Jebel", out)
    out = re.sub(r"\bTall\b", rng.choice(["Tell", "Tel"]), out)
    out = re.sub(r"\bKhirbat\b", "Khirbet", out)
    if out != name:
        return out
    consonant = "[b-df-hj-np-tv-z]"
    spots = [m.start() for m in re.finditer(rf"(?<={consonant})a(?={consonant}[a-z])", name)]
    if not spots:
        return name
    at = spots[-1]
    return name[:at] + "e" + name[at + 1 :]


RULES: dict[str, Callable[[str, random.Random], str]] = {
    "article": _article,
    "ta_marbuta": _ta_marbuta,
    "imala": _imala,
    "french_vowels": _french_vowels,
    "long_vowels": _long_vowels,
    "qaf": _qaf,
    "interdental": _interdental,
    "elision": _elision,
    "shadda": _shadda,
    "e_for_a": _e_for_a,
}


def respell(name: str, rng: random.Random, most: int = 3) -> tuple[str, list[str]]:
    """``name`` as an outlet might write it, and the rules that changed it (none when no
    rule's pattern occurs in it): up to ``most`` rules, in a random order."""
    order = list(RULES)
    rng.shuffle(order)
    want = rng.randint(1, most)
    used: list[str] = []
    for rule in order:
        if len(used) == want:
            break
        out = RULES[rule](name, rng)
        if out != name:
            name = out
            used.append(rule)
    return name, used
