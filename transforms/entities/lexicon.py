"""Word lists the matcher and the reference builder share: tunables, in one place.

Each list is about language, not about the seed articles: English words that a gazetteer alias
must not shadow, country demonyms, and the context cues that decide a span's type.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common English words (lower case). A gazetteer alternate name equal to one of them is dropped
# (GeoNames lists "Hit", "Said", "Tall" ...), and a capitalised one of them never starts a
# candidate proper name on its own.
STOPWORDS = _words(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your
    yours one two three four five six seven eight nine ten first second third last next new old
    many much several said says say according added told reported reports report amid despite
    however meanwhile although though since earlier later today yesterday tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec news agency state group forces force army military government ministry city town
    village province governorate district region area north south east west northern southern
    eastern western central hit tall mar man men war sun bar ban car hall well mill gate market
    camp base border river desert mountain mount lake road street bridge port airport station
    prison hospital school university police security defence defense interior foreign affairs
    president minister leader spokesman spokesperson commander general officer official officials
    source sources people peace union national international global local regional federal
    republic democratic islamic arab kurdish syrian iraqi turkish iranian russian american
    western eastern free front party council committee office department service center centre
    media press times post daily world home house white black red green blue gold silver black
    al el ad as an at ar us it is in on his her its our we he she they photo image images video
    play pause menu search bookmark sign close updated share read more click subscribe follow
    source credit caption getty afp via english arabic french kurdish persian turkish
    islamist islamists jihadist jihadists militant militants get listen skip tags related
    opinion politics advertisement welcome breaking exclusive analysis watch latest trending
    newsletter led backed based linked affiliated allied born
    hay hayy hai""".replace("\n", " ")
)  # hay/hayy/hai: Arabic's "neighbourhood" heading a quarter's name ("Hay al-Amil")

# Words of STOPWORDS that may still be part of a name ("Syrian Democratic Forces", "Islamic
# State"): a multi-word window may start or end with them; a name is never only them.
NAME_WORDS = _words(
    """state group forces force army military government ministry city town village province
    governorate district region area north south east west northern southern eastern western
    central security defence defense interior foreign affairs national international global
    local regional federal republic democratic islamic arab kurdish syrian iraqi turkish
    iranian russian american free front party council committee office department service
    center centre media press times post daily world home house white black red green blue
    gold silver union people peace news agency camp base border river desert mountain mount
    lake road street bridge port airport station prison hospital school university police
    new old first second third"""
)
# Words that never start or end a name: function words, dates, page furniture.
FUNCTION_WORDS = STOPWORDS - NAME_WORDS

# Country names and demonyms -> ISO country code. Used to pick a country's own ministry
# ("Iraq's Defence Ministry") and as document country context.
DEMONYMS: dict[str, str] = {
    "syria": "SY", "syrian": "SY", "syrians": "SY",
    "iraq": "IQ", "iraqi": "IQ", "iraqis": "IQ",
    "turkey": "TR", "turkish": "TR", "turkiye": "TR",
    "iran": "IR", "iranian": "IR",
    "russia": "RU", "russian": "RU",
    "us": "US", "u.s.": "US", "american": "US", "united states": "US",
    "israel": "IL", "israeli": "IL",
    "jordan": "JO", "jordanian": "JO",
    "lebanon": "LB", "lebanese": "LB",
    # peoples of other countries: each a word, never a place read by key or skeleton ("near
    # the Saudi border" is no "Sa'diyah", "a Belgian fighter" no "Balkanah")
    "saudi": "SA", "qatari": "QA", "emirati": "AE", "kuwaiti": "KW", "bahraini": "BH",
    "omani": "OM", "yemeni": "YE", "egyptian": "EG", "libyan": "LY", "tunisian": "TN",
    "algerian": "DZ", "moroccan": "MA", "sudanese": "SD", "somali": "SO", "palestinian": "PS",
    "afghan": "AF", "pakistani": "PK", "indian": "IN", "chinese": "CN", "uighur": "CN",
    "uyghur": "CN", "uzbek": "UZ", "tajik": "TJ", "kazakh": "KZ", "chechen": "RU",
    "dagestani": "RU", "azeri": "AZ", "azerbaijani": "AZ", "georgian": "GE", "british": "GB",
    "english": "GB", "french": "FR", "german": "DE", "belgian": "BE", "dutch": "NL",
    "danish": "DK", "swedish": "SE", "norwegian": "NO", "finnish": "FI", "italian": "IT",
    "spanish": "ES", "portuguese": "PT", "greek": "GR", "austrian": "AT", "swiss": "CH",
    "polish": "PL", "ukrainian": "UA", "bosnian": "BA", "albanian": "AL", "australian": "AU",
    "canadian": "CA", "japanese": "JP", "korean": "KR", "indonesian": "ID",
}  # fmt: skip
# Demonym that prefixes a country's institutions in registry aliases ("Iraqi Defence Ministry").
COUNTRY_ADJECTIVE: dict[str, str] = {
    "SY": "Syrian", "IQ": "Iraqi", "TR": "Turkish", "IR": "Iranian", "RU": "Russian",
    "US": "US", "IL": "Israeli", "JO": "Jordanian", "LB": "Lebanese",
}  # fmt: skip

# Context cues (lower case) around a span.
PERSON_TITLES = _words(
    """mr mrs ms dr sheikh president spokesman spokeswoman spokesperson minister commander
    general gen leader chief emir imam prince king envoy ambassador"""
)
# Words (or a two-word phrase) before a name that make it a person's, whatever follows: "met X
# in Diyala", "according to X in Diyala".
PERSON_BEFORE = PERSON_TITLES | _words("met meets meeting told tells") | {"according to"}
PLACE_AFTER = _words("province governorate district region city town village countryside area")
GOVERNORATE_AFTER = _words("province governorate countryside")
# (a suburb, a neighbourhood or the centre is a town's: "a southern suburb of Kirkuk" is the
# city, not the governorate that shares its name)
TOWN_BEFORE = (
    "city of", "town of", "village of", "outskirts of", "suburb of", "suburbs of",
    "neighbourhood of", "neighborhood of", "neighbourhoods of", "neighborhoods of",
    "centre of", "center of", "streets of",
)  # fmt: skip
TOWN_AFTER = _words("city town village")
ORG_AFTER = _words(
    """group groups forces force agency ministry militia militias army brigade brigades
    battalion front movement party council command organisation organization faction
    factions network outlet"""
)
# Arabic article forms glued to a name by a hyphen ("al-Tanf", "Er-Raqqa"), as a regex.
ARTICLE_PREFIXES = "al|el|ad|ed|ar|er|as|es|ash|esh|ach|ech|az|ez|an|en|at|et"
# A capitalised word that can join two capitalised words inside one proper name.
NAME_JOINERS = _words("al el bin ibn bint abu abd abdul of de la du ad ar as ash az ez and")

# Cues that a capitalised name is a place (``matcher.place_cued``): a minor village's name
# ("Ahmad Khamis", "Salam") counts only with one of them. The word right before the name ...
PLACE_CUE_BEFORE = _words(
    """in near outside around at into inside toward towards between reached entered stormed
    captured recaptured shelled bombed village villages town towns hamlet farms"""
)
# The words before a list that make each of its names a place ("shelled A, B and C", "the
# villages of A and B"): not "in" ("in Aleppo, Ahmad and his brother").
LIST_CUE_BEFORE = _words(
    """shelled bombed bombarded pounded struck targeted stormed captured recaptured entered
    reached villages towns"""
)
LIST_CUE_OF = _words("villages towns outskirts vicinity countryside areas")
# ... "<one of these> of" before it ("the village of", "40 km east of", "the outskirts of") ...
PLACE_CUE_OF = _words(
    """village villages town towns city hamlet outskirts countryside area areas district
    subdistrict suburb suburbs vicinity west east north south northwest northeast southwest
    southeast km kilometres kilometers miles outside near residents people farms farmlands
    fronts front frontline frontlines axis entrance entrances hill hills surroundings
    environs edge edges fringe fringes"""
)
# ... or the word right after it ("Ahmad Khamis village", "the Salam area").
PLACE_CUE_AFTER = _words(
    """village villages town area district subdistrict sub-district countryside neighbourhood
    neighborhood farms farm checkpoint crossing road highway desert frontline frontlines
    front-line axis"""
)
# ... or one of these right after it, written in lower case ("the Btar front", "Tal Hajar
# hill"): capitalised, they end an organisation's name ("the Levant Front").
PLACE_CUE_AFTER_LOWER = _words("front fronts hill hills")
# A building right after a name makes the name the building's ("the Imam Ali shrine", "the
# al-Askari mosque", "the Ibn Sina hospital"): mosques, shrines, hospitals and schools bear a
# saint's or a patron's name, not a minor village's, whatever cue comes before ("at the").
# Bases, airports, prisons and camps are not here: they are named after their places.
BUILDING_AFTER = _words(
    """mosque mosques shrine shrines church churches cathedral monastery tomb mausoleum
    hospital hospitals clinic school schools university college hotel restaurant cafe
    bakery stadium museum cemetery palace"""
)
# ... or an attack named after its place ("the Tell Tamer bombings", "Hamam al-Alil massacre"):
# for a name of several words only (a one-word name before them may be an acronym or a
# festival: "IED bombing", "Ashura bombings").
EVENT_CUE_AFTER = _words("bombing bombings massacre shelling")
# Words for communities and faiths: "a Shia town", "the Sunni district" never name a place,
# though a few villages bear them ("Shi'ah", "Turkman"): dropped from the gazetteer's aliases.
NOT_PLACE_NAMES = _words(
    """shia shiite shiites shi'ite sunni sunnis christian christians druze yazidi yazidis
    alawite alawites turkmen turkman kurd kurds arab arabs assyrian chaldean armenian"""
)
