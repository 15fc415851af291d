"""Phrase banks for the benchmark corpus: actors and their aliases, outlets, page chrome, victims,
official sources and people. Data only; ``bench/corpus.py`` assembles articles from it.

Every alias an actor gets here is a spelling real outlets print; the generator picks one per
article, so one event is reported under several spellings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """A perpetrator: canonical name (None: unknown assailants), surfaces, where and how it acts."""

    canonical: str | None
    aliases: tuple[str, ...]
    countries: frozenset[str]
    admin1: frozenset[str] | None  # None: anywhere in its countries
    kinds: tuple[str, ...]  # keys of KINDS
    adjective: str | None = None  # "Turkish" in "a Turkish drone strike"
    claims: bool = False  # issues claims of responsibility
    weight: float = 1.0


NORTH_SYRIA = frozenset({"Al-Hasakah", "Aleppo", "Ar-Raqqah"})
KURDISTAN = frozenset({"Duhok", "Erbil", "Sulaymaniyah", "Nineveh", "Halabja"})

ACTORS: tuple[Actor, ...] = (
    Actor(
        "Islamic State",
        (
            "Islamic State",
            "ISIS",
            "IS",
            "Daesh",
            "ISIL",
            "the Islamic State group",
            "Islamic State",
        ),
        frozenset({"SY", "IQ"}),
        None,
        ("ied", "car_bomb", "suicide", "ambush", "shooting", "assassination"),
        claims=True,
        weight=5.0,
    ),
    Actor(
        "Syrian Democratic Forces",
        ("Syrian Democratic Forces", "SDF", "the Kurdish-led Syrian Democratic Forces"),
        frozenset({"SY"}),
        frozenset({"Al-Hasakah", "Ar-Raqqah", "Deir ez-Zor", "Aleppo"}),
        ("ambush", "shelling"),
        weight=1.0,
    ),
    Actor(
        "Hayat Tahrir al-Sham",
        ("Hayat Tahrir al-Sham", "HTS", "Hay'at Tahrir al-Sham", "Hayat Tahrir Al Sham"),
        frozenset({"SY"}),
        frozenset({"Idlib", "Aleppo", "Hama", "Latakia"}),
        ("ambush", "shelling"),
        claims=True,
        weight=0.8,
    ),
    Actor(
        "Syrian Army",
        ("Syrian army", "Syrian government forces", "Syrian Arab Army", "Syrian army troops"),
        frozenset({"SY"}),
        None,
        ("shelling", "drone", "ambush"),
        adjective="Syrian army",
        weight=1.2,
    ),
    Actor(
        "Iraqi Security Forces",
        ("Iraqi security forces", "Iraqi forces", "ISF", "Iraqi troops"),
        frozenset({"IQ"}),
        None,
        ("ambush", "drone"),
        adjective="Iraqi",
        weight=1.0,
    ),
    Actor(
        "Kurdistan Workers' Party",
        ("PKK", "Kurdistan Workers' Party", "Kurdistan Workers Party", "PKK militants"),
        frozenset({"IQ"}),
        KURDISTAN,
        ("ambush", "ied"),
        claims=True,
        weight=0.6,
    ),
    Actor(
        "Turkish Armed Forces",
        ("Turkish forces", "the Turkish military", "Turkish Armed Forces", "Turkish army"),
        frozenset({"SY", "IQ"}),
        NORTH_SYRIA | KURDISTAN,
        ("drone", "shelling"),
        adjective="Turkish",
        weight=1.2,
    ),
    Actor(
        "Popular Mobilization Forces",
        ("Popular Mobilization Forces", "PMF", "Popular Mobilisation Forces", "Hashd al-Shaabi"),
        frozenset({"IQ"}),
        None,
        ("ambush", "shelling"),
        weight=0.6,
    ),
    Actor(
        "US-led coalition",
        (
            "US-led coalition",
            "the US-led coalition",
            "coalition forces",
            "the international coalition",
        ),
        frozenset({"SY", "IQ"}),
        None,
        ("drone",),
        adjective="US-led coalition",
        weight=0.6,
    ),
    Actor(
        None,
        (
            "unknown assailants",
            "unidentified gunmen",
            "unknown attackers",
            "unidentified assailants",
        ),
        frozenset({"SY", "IQ"}),
        None,
        ("ied", "shooting", "assassination"),
        weight=1.5,
    ),
)

# kind -> (ACLED event type, sub-event type, weapon, nouns for "the {noun}")
KINDS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "ied": (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Explosives",
        ("roadside bomb", "improvised explosive device", "IED", "landmine"),
    ),
    "car_bomb": (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Explosives",
        ("car bomb", "booby-trapped car", "vehicle-borne bomb"),
    ),
    "suicide": (
        "Explosions/Remote violence",
        "Suicide bomb",
        "Explosives",
        ("suicide bomber", "suicide bombing", "suicide attack"),
    ),
    "drone": (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Explosives",
        ("drone strike", "airstrike", "drone attack", "air strike"),
    ),
    "shelling": (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Explosives",
        ("artillery shelling", "mortar attack", "rocket attack", "shelling"),
    ),
    "ambush": ("Battles", "Armed clash", "Firearms", ("ambush", "attack", "assault")),
    "shooting": (
        "Violence against civilians",
        "Attack",
        "Firearms",
        ("shooting", "attack", "gun attack"),
    ),
    "assassination": (
        "Violence against civilians",
        "Attack",
        "Firearms",
        ("assassination", "targeted killing", "attack"),
    ),
}

# Victims: (singular, plural); military victims for battles, civilians for attacks on civilians.
MILITARY_VICTIMS = (
    ("soldier", "soldiers"),
    ("security force member", "security force members"),
    ("member of the internal security forces", "members of the internal security forces"),
    ("police officer", "police officers"),
    ("fighter", "fighters"),
    ("army officer", "army officers"),
)
CIVILIAN_VICTIMS = (
    ("civilian", "civilians"),
    ("shepherd", "shepherds"),
    ("farmer", "farmers"),
    ("child", "children"),
    ("local official", "local officials"),
    ("truck driver", "truck drivers"),
)
TARGETS_MILITARY = (
    "a military checkpoint",
    "an army patrol",
    "a convoy of security forces",
    "a military post",
    "a police station",
    "an army vehicle",
)
TARGETS_CIVILIAN = (
    "a busy market",
    "a group of farmers",
    "a minibus carrying civilians",
    "a mosque",
    "a truffle hunters' camp",
    "a wedding party",
)

NUMBER_WORDS = tuple(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ]
)

# Official sources by country: who says what happened.
SOURCES = {
    "SY": (
        "Syria's Defence Ministry",
        "the Syrian Defense Ministry",
        "Syria's Interior Ministry",
        "state news agency SANA",
        "the Syrian Observatory for Human Rights",
        "a local security official",
        "a military source",
        "medics at a local hospital",
    ),
    "IQ": (
        "Iraq's Security Media Cell",
        "the Iraqi Joint Operations Command",
        "Iraq's Interior Ministry",
        "a police officer who spoke on condition of anonymity",
        "the Kurdistan Region's counter-terrorism service",
        "a local official",
        "a security source",
        "medics at a local hospital",
    ),
}
DATELINES = {"SY": ("DAMASCUS", "BEIRUT", "AMMAN"), "IQ": ("BAGHDAD", "ERBIL", "BAGHDAD")}

# Governorate spellings outlets use, keyed by the GeoNames admin1 name.
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "Al-Hasakah": ("Hasakah", "Hasaka", "al-Hasakah"),
    "Aleppo": ("Aleppo",),
    "Ar-Raqqah": ("Raqqa", "Raqqah", "al-Raqqa"),
    "As-Suwayda": ("Sweida", "Suwayda", "As-Suwayda"),
    "Daraa": ("Daraa", "Deraa", "Dara'a"),
    "Deir ez-Zor": ("Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Deir el-Zour"),
    "Damascus": ("Damascus",),
    "Hama": ("Hama", "Hamah"),
    "Homs": ("Homs",),
    "Idlib": ("Idlib", "Idleb"),
    "Latakia": ("Latakia", "Lattakia"),
    "Quneitra": ("Quneitra", "Qunaitra"),
    "Rif Dimashq": ("Rif Dimashq", "Damascus countryside", "Rural Damascus"),
    "Tartus": ("Tartus", "Tartous"),
    "Al Anbar": ("Anbar", "al-Anbar"),
    "Al Muthanna": ("Muthanna", "al-Muthanna"),
    "Al Qadisiyah": ("Qadisiyah", "Diwaniyah"),
    "An Najaf": ("Najaf",),
    "Erbil": ("Erbil", "Arbil", "Irbil"),
    "Baghdad": ("Baghdad",),
    "Basra": ("Basra", "Basrah"),
    "Babil": ("Babil", "Babylon"),
    "Dhi Qar": ("Dhi Qar", "Thi Qar"),
    "Diyala": ("Diyala",),
    "Duhok": ("Duhok", "Dohuk", "Dahuk"),
    "Halabja": ("Halabja",),
    "Karbala": ("Karbala", "Kerbala"),
    "Kirkuk": ("Kirkuk",),
    "Maysan": ("Maysan", "Missan"),
    "Nineveh": ("Nineveh", "Ninewa", "Nineveh"),
    "Salah ad Din": ("Salahuddin", "Salah al-Din", "Saladin"),
    "Sulaymaniyah": ("Sulaimaniyah", "Sulaymaniyah", "Slemani"),
    "Wasit": ("Wasit",),
}

# People named in background sentences, with their transliteration variants.
PEOPLE = (
    ("Ahmed al-Sharaa", "Ahmad Al Shara", "Ahmed al-Shara", "Ahmad al-Sharaa"),
    ("Mohammed Shia al-Sudani", "Mohammad Shia al-Sudani", "Mohammed Shia' al-Sudani"),
    ("Mazloum Abdi", "Mazlum Abdi", "Mazloum Kobani"),
    ("Abu Hudhayfa al-Ansari", "Abu Hudhaifa al-Ansari", "Abu Huthayfa al-Ansari"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Tayyip Erdogan"),
    ("Masrour Barzani", "Masrur Barzani"),
)
PRESIDENT = {"SY": 0, "IQ": 1}  # index into PEOPLE of the head of government

# name, domain, short name, is_wire
OUTLETS = (
    ("Reuters", "reuters.com", "Reuters", True),
    ("Agence France-Presse", "afp.com", "AFP", True),
    ("Associated Press", "apnews.com", "AP", True),
    ("The National", "thenationalnews.com", "The National", False),
    ("The Straits Times", "straitstimes.com", "ST", False),
    ("News.Az", "news.az", "News.Az", False),
    ("The Jerusalem Post", "jpost.com", "JPost", False),
    ("EconoTimes", "econotimes.com", "EconoTimes", False),
    ("Al-Monitor", "al-monitor.com", "Al-Monitor", False),
    ("Rudaw", "rudaw.net", "Rudaw", False),
    ("Kurdistan24", "kurdistan24.net", "Kurdistan24", False),
    ("Shafaq News", "shafaq.com", "Shafaq", False),
    ("The New Arab", "newarab.com", "The New Arab", False),
    ("Asharq Al-Awsat", "english.aawsat.com", "Asharq Al-Awsat", False),
    ("Enab Baladi", "english.enabbaladi.net", "Enab Baladi", False),
    ("Anadolu Agency", "aa.com.tr", "AA", False),
    ("Arab News", "arabnews.com", "Arab News", False),
    ("Middle East Eye", "middleeasteye.net", "MEE", False),
    ("North Press Agency", "npasyria.com", "North Press", False),
    ("Daily Sabah", "dailysabah.com", "Daily Sabah", False),
    ("Iraqi News Agency", "ina.iq", "INA", False),
    ("Xinhua", "english.news.cn", "Xinhua", True),
)

# Page chrome: lines a scraper keeps around the article body.
CHROME_TOP = (
    "Menu",
    "Search",
    "Menu\n\nSearch",
    "  |   Politics",
    "Sign up now: Get {short}'s newsletters delivered to your inbox",
    "Welcome to {name}",
    "+ ↺ − 16 px",
    "  • Play/Pause English\n  • Play/Pause Arabic",
    "Bookmark",
    "Skip to main content",
    "Home | World | Middle East | Opinion | Video",
    "Advertisement",
    "BREAKING: {ticker}",
    "Listen to this article",
)
CHROME_BOTTOM = (
    "Share on Facebook\nShare on X\nShare on WhatsApp\nCopy link",
    "  • Market Data\nClose",
    "Sign up for daily updates for the most important stories unfolding in the region.",
    "Read more:",
    "© 2026 {name}. All rights reserved.",
    "Subscribe to our newsletter",
    "Tags: Syria, Iraq, Security, Middle East",
    "Advertisement",
    "Follow {short} on Telegram",
    "Most read",
)
TICKERS = (
    "Brent crude ${a}.{b} ▲0.{c}%",
    "Gold ${a}{b}.{c} ▼0.{c}%",
    "USD/IQD 1,3{a} ▲",
    "Oil prices edge higher as markets weigh supply risks",
)
RELATED = (
    "Iraq's parliament approves {year} budget after months of delay",
    "Syria's new government signs energy deal with Gulf investors",
    "Kurdistan Region oil exports resume through Turkish pipeline",
    "UN envoy calls for inclusive political process in Syria",
    "Drought threatens wheat harvest across northern Iraq",
    "Thousands return to homes in {gov} as services improve",
    "Explainer: who controls what in northeast Syria",
)
CAPTIONS = (
    "A fighter from {actor}. The group said it has begun a renewed campaign of attacks. "
    "Getty Images",
    "Security forces deploy in {gov} province. Reuters",
    "Syrian military personnel at a checkpoint near {gov}. AFP",
    "Iraqi troops patrol the desert west of {gov}. File photo",
    "Residents inspect the site of an earlier attack. Photo: {short}",
)

# Sentences that name actors, places or numbers but report no new attack. Slots: {A2}/{a2} an
# armed group's alias (capitalised or not), {leader} a head of government, {isis} an Islamic
# State alias, {p2} {p3} places, {g2} a governorate, {person}, {n}, {n7}, {month}, {year},
# {country}.
DISTRACTORS = (
    "Attacks blamed on {a2} have risen in {g2} since {month}, officials say.",
    "At least {n7} people have been killed in attacks across {country} this year, "
    "according to a monitoring group.",
    "Last week, security forces foiled a plot to bomb a market in {p2}, arresting {n} suspects.",
    "Authorities said they had thwarted an attempt to assassinate {person} in {p2}.",
    "Several social media accounts supporting {a2} have called for intensified attacks "
    "using motorcycles and firearms.",
    "Channels linked to {a2} urged followers to strike checkpoints around {p2}.",
    '{isis} overran large swathes of Syria and Iraq in 2014, proclaiming a "caliphate" in the '
    "land it controlled.",
    "{p2} was the scene of heavy fighting in {year} before government forces regained control.",
    "Analysts warn that sleeper cells remain active in the desert between {p2} and {p3}.",
    "The army announced a new phase of operations aimed at eliminating hideouts in the {g2} "
    "desert.",
    "Last month, the government reopened the highway between {p2} and {p3} after months of "
    "closure.",
    "More than {n},000 people are still held in camps in northeastern Syria, including al-Hol.",
    "In {year}, a string of bombings in {g2} killed dozens of people, the deadliest period in "
    "a decade.",
    "{leader} has sought to assure Washington that his government can keep the militants at bay.",
    "The United States has carried out several strikes in recent months, officials said.",
    "{A2} denied any role in recent violence in {p2}, calling the accusations baseless.",
    "Two days earlier, officials in {p2} met tribal leaders to discuss security in the area.",
    "{isis} was territorially defeated in Iraq in 2017 and in Syria in 2019, but its cells "
    "continue to carry out attacks.",
    "A court in {p2} sentenced {n} people to death last month on terrorism charges.",
    "{leader} said on Sunday that the country would not become a base for attacks on its "
    "neighbours.",
)
# Context sentences with no actor, place or casualty: filler. Slots: {quote}, {source}.
BACKGROUND = (
    "The attack comes amid a broader rise in violence that has strained the security forces.",
    "Residents said the area had been calm for weeks before the incident.",
    "The government has struggled to restore services and attract investment after years of war.",
    "Humanitarian agencies say millions of people still depend on aid to survive.",
    "Diplomats said talks on the future of foreign troop deployments are expected to resume "
    "next month.",
    "Local leaders called for more checkpoints and better coordination between security agencies.",
    "The road is a vital route for trade and for families travelling between the provinces.",
    "Many families displaced by earlier fighting have yet to return to their homes.",
    "Officials have repeatedly promised to strengthen intelligence gathering in remote areas.",
    "Observers say the vast desert makes it difficult to track small, mobile groups of fighters.",
    "Electricity shortages and rising prices remain a daily concern for residents.",
    "The ministry did not respond to a request for further comment.",
    '"{quote}," {source} said.',
    "Security forces cordoned off the area and launched a search for the attackers.",
    "The death toll could rise, as some of the wounded are in critical condition.",
    "Funerals were held the following day, attended by hundreds of mourners.",
    "Photographs shared on social media showed burned-out vehicles and debris on the road.",
    "The interior ministry said an investigation had been opened.",
    "Schools in the area were closed as a precaution, local media reported.",
    "Such incidents have become more frequent since the start of the year, residents say.",
)
QUOTES = (
    "This cowardly attack will not go unpunished",
    "We are pursuing the cells responsible and will bring them to justice",
    "The terrorists want to sow chaos, but they will fail",
    "Our forces remain on high alert across the area",
    "Such attacks only strengthen our resolve",
)
