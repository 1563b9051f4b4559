"""Regular Dutch inflection, generated from the base form written in the lexicon.

The generator over-generates on purpose (both spellings where a rule is uncertain): a non-word
never occurs in a report, while a missed real form would hide a finding. All forms are folded
(`taalcheck.language.normalize.fold`).
"""

from __future__ import annotations

from functools import lru_cache

from taalcheck.language.normalize import fold

VOWELS = frozenset("aeiouy")
_KOFSCHIP = frozenset("tkfsxp")  # 't kofschip (+ ch, handled via 'h' below)
_UNSTRESSED_PREFIXES = ("be", "ge", "her", "er", "ont", "ver")

# Strong and irregular verbs: infinitive -> (past singular, past plural, participle).
STRONG_VERBS: dict[str, tuple[str, str, str]] = {
    "bieden": ("bood", "boden", "geboden"),
    "binden": ("bond", "bonden", "gebonden"),
    "blijven": ("bleef", "bleven", "gebleven"),
    "brengen": ("bracht", "brachten", "gebracht"),
    "denken": ("dacht", "dachten", "gedacht"),
    "doen": ("deed", "deden", "gedaan"),
    "dragen": ("droeg", "droegen", "gedragen"),
    "dringen": ("drong", "drongen", "gedrongen"),
    "dwingen": ("dwong", "dwongen", "gedwongen"),
    "gaan": ("ging", "gingen", "gegaan"),
    "geven": ("gaf", "gaven", "gegeven"),
    "grijpen": ("greep", "grepen", "gegrepen"),
    "hebben": ("had", "hadden", "gehad"),
    "helpen": ("hielp", "hielpen", "geholpen"),
    "houden": ("hield", "hielden", "gehouden"),
    "kiezen": ("koos", "kozen", "gekozen"),
    "kijken": ("keek", "keken", "gekeken"),
    "komen": ("kwam", "kwamen", "gekomen"),
    "krijgen": ("kreeg", "kregen", "gekregen"),
    "laten": ("liet", "lieten", "gelaten"),
    "leggen": ("legde", "legden", "gelegd"),
    "liggen": ("lag", "lagen", "gelegen"),
    "lopen": ("liep", "liepen", "gelopen"),
    "nemen": ("nam", "namen", "genomen"),
    "roepen": ("riep", "riepen", "geroepen"),
    "schieten": ("schoot", "schoten", "geschoten"),
    "schrijven": ("schreef", "schreven", "geschreven"),
    "slaan": ("sloeg", "sloegen", "geslagen"),
    "sluiten": ("sloot", "sloten", "gesloten"),
    "spreken": ("sprak", "spraken", "gesproken"),
    "staan": ("stond", "stonden", "gestaan"),
    "stellen": ("stelde", "stelden", "gesteld"),
    "treden": ("trad", "traden", "getreden"),
    "trekken": ("trok", "trokken", "getrokken"),
    "vallen": ("viel", "vielen", "gevallen"),
    "vechten": ("vocht", "vochten", "gevochten"),
    "verbieden": ("verbood", "verboden", "verboden"),
    "verliezen": ("verloor", "verloren", "verloren"),
    "vinden": ("vond", "vonden", "gevonden"),
    "vragen": ("vroeg", "vroegen", "gevraagd"),
    "werpen": ("wierp", "wierpen", "geworpen"),
    "wijzen": ("wees", "wezen", "gewezen"),
    "winnen": ("won", "wonnen", "gewonnen"),
    "zeggen": ("zei", "zeiden", "gezegd"),
    "zetten": ("zette", "zetten", "gezet"),
    "zien": ("zag", "zagen", "gezien"),
    "zijn": ("was", "waren", "geweest"),
    "zitten": ("zat", "zaten", "gezeten"),
    "zoeken": ("zocht", "zochten", "gezocht"),
    "snijden": ("sneed", "sneden", "gesneden"),
    "sturen": ("stuurde", "stuurden", "gestuurd"),
    "wegen": ("woog", "wogen", "gewogen"),
    "heffen": ("hief", "hieven", "geheven"),
    "schenden": ("schond", "schonden", "geschonden"),
    "breken": ("brak", "braken", "gebroken"),
    "eisen": ("eiste", "eisten", "geëist"),
    "treffen": ("trof", "troffen", "getroffen"),
    "bedriegen": ("bedroog", "bedrogen", "bedrogen"),
    "begrijpen": ("begreep", "begrepen", "begrepen"),
    "beginnen": ("begon", "begonnen", "begonnen"),
    "bevelen": ("beval", "bevalen", "bevolen"),
    "bewegen": ("bewoog", "bewogen", "bewogen"),
    "buigen": ("boog", "bogen", "gebogen"),
    "drijven": ("dreef", "dreven", "gedreven"),
    "eten": ("at", "aten", "gegeten"),
    "gelden": ("gold", "golden", "gegolden"),
    "genieten": ("genoot", "genoten", "genoten"),
    "glijden": ("gleed", "gleden", "gegleden"),
    "hangen": ("hing", "hingen", "gehangen"),
    "heten": ("heette", "heetten", "geheten"),
    "kopen": ("kocht", "kochten", "gekocht"),
    "krimpen": ("kromp", "krompen", "gekrompen"),
    "lezen": ("las", "lazen", "gelezen"),
    "liegen": ("loog", "logen", "gelogen"),
    "lijden": ("leed", "leden", "geleden"),
    "lijken": ("leek", "leken", "geleken"),
    "meten": ("mat", "maten", "gemeten"),
    "mijden": ("meed", "meden", "gemeden"),
    "ontvangen": ("ontving", "ontvingen", "ontvangen"),
    "raden": ("raadde", "raadden", "geraden"),
    "rijden": ("reed", "reden", "gereden"),
    "schuiven": ("schoof", "schoven", "geschoven"),
    "slijten": ("sleet", "sleten", "gesleten"),
    "smijten": ("smeet", "smeten", "gesmeten"),
    "springen": ("sprong", "sprongen", "gesprongen"),
    "steken": ("stak", "staken", "gestoken"),
    "stijgen": ("steeg", "stegen", "gestegen"),
    "sterven": ("stierf", "stierven", "gestorven"),
    "strijden": ("streed", "streden", "gestreden"),
    "trappen": ("trapte", "trapten", "getrapt"),
    "verdwijnen": ("verdween", "verdwenen", "verdwenen"),
    "vergeten": ("vergat", "vergaten", "vergeten"),
    "verlaten": ("verliet", "verlieten", "verlaten"),
    "verwijten": ("verweet", "verweten", "verweten"),
    "vliegen": ("vloog", "vlogen", "gevlogen"),
    "wijken": ("week", "weken", "geweken"),
    "worden": ("werd", "werden", "geworden"),
    "zingen": ("zong", "zongen", "gezongen"),
    "zwijgen": ("zweeg", "zwegen", "gezwegen"),
    "kunnen": ("kon", "konden", "gekund"),
    "willen": ("wilde", "wilden", "gewild"),
    "mogen": ("mocht", "mochten", "gemogen"),
    "moeten": ("moest", "moesten", "gemoeten"),
    "zullen": ("zou", "zouden", "gezuld"),
}
#: Irregular present-tense forms.
_IRREGULAR_PRESENT = {
    "hebben": ("heb", "hebt", "heeft"),
    "zijn": ("ben", "bent", "is"),
    "kunnen": ("kan", "kunt"),
    "willen": ("wil", "wilt"),
    "zullen": ("zal", "zult"),
    "mogen": ("mag",),
    "komen": ("kom", "komt"),
}
_SHORT_INFINITIVES = {
    "gaan": "ga",
    "staan": "sta",
    "slaan": "sla",
    "doen": "doe",
    "zien": "zie",
    "zijn": "ben",
}


def _stems(stem: str, verb: bool = False, diaeresis: bool = False) -> set[str]:
    """Spelling variants of a verb or noun stem in a closed syllable."""
    variants = {stem}
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        variants.add(stem[:-1])  # legg -> leg
    elif (
        len(stem) >= 3
        and stem[-1] not in VOWELS
        and stem[-2] in "aeou"
        and (stem[-3] not in VOWELS or diaeresis or stem[-3:-1] == "ie")
    ):
        # controler -> controleer, stur -> stuur, intervenier (interveniëren) -> intervenieer.
        # A one-syllable verb stem is always long ('sprek' from spreken never occurs); with more
        # syllables the vowel may be unstressed (luister, monitor), so both spellings stay.
        variants.add(stem[:-2] + stem[-2] * 2 + stem[-1])
        single_vowel = stem[-3] not in VOWELS
        if verb and single_vowel and not any(char in VOWELS for char in stem[:-3]):
            variants.discard(stem)
    for final, devoiced in (("v", "f"), ("z", "s")):
        for variant in list(variants):
            if variant.endswith(final):
                variants.add(variant[:-1] + devoiced)
    return variants


@lru_cache(maxsize=4096)
def verb_forms(infinitive: str) -> frozenset[str]:
    """Finite forms, participles and infinitive-based forms of a verb without particle."""
    inf = fold(infinitive)
    forms = {inf, inf + "d", inf + "de"}  # present participle: controlerend(e)
    if inf in _SHORT_INFINITIVES:
        stems = {_SHORT_INFINITIVES[inf]}
        forms |= {inf[:-1] + "t"} if inf != "zijn" else {"is", "bent"}
    elif inf.endswith("en"):
        stems = _stems(inf[:-2], verb=True, diaeresis=any(char in infinitive for char in "ëïËÏ"))
    else:
        stems = {inf[:-1]}
    for stem in stems:
        forms.add(stem)
        forms.add(stem if stem.endswith("t") else stem + "t")
    prefix, strong = _strong_verb(inf)
    if strong is not None:
        past_sg, past_pl, participle = (fold(form) for form in STRONG_VERBS[strong])
        if prefix:  # bespreken -> besprak, besproken; onderhouden -> onderhield, onderhouden
            past_sg, past_pl = prefix + past_sg, prefix + past_pl
            participle = prefix + (participle[2:] if participle.startswith("ge") else participle)
            forms |= {prefix + form for form in _IRREGULAR_PRESENT.get(strong, ())}
        else:
            forms |= set(_IRREGULAR_PRESENT.get(inf, ()))
        forms |= {past_sg, past_pl, participle, participle + "e"}
    else:
        for stem in stems:
            for ending in ("te", "ten", "de", "den"):
                forms.add(stem + ending)
            for final in ("t", "d"):
                base = stem if stem.endswith(final) else stem + final
                forms |= {"ge" + base, "ge" + base + "e"}
                if inf.startswith(_UNSTRESSED_PREFIXES):
                    forms |= {base, base + "e"}
    return frozenset(forms)


def _strong_verb(infinitive: str) -> tuple[str, str | None]:
    """(prefix, strong verb) when `infinitive` is a strong verb, possibly with an inseparable prefix."""
    if infinitive in STRONG_VERBS:
        return "", infinitive
    for cut in range(2, len(infinitive) - 3):
        rest = infinitive[cut:]
        if rest in STRONG_VERBS and len(rest) >= 4:
            return infinitive[:cut], rest
    return "", None


@lru_cache(maxsize=4096)
def verb_participles(infinitive: str) -> frozenset[str]:
    """The participle forms (with and without adjective -e) of a verb without particle."""
    return frozenset(form for form in verb_forms(infinitive) if _is_participle(form, fold(infinitive)))


def _is_participle(form: str, inf: str) -> bool:
    prefix, strong = _strong_verb(inf)
    if strong is not None:
        participle = fold(STRONG_VERBS[strong][2])
        if prefix:
            participle = prefix + (participle[2:] if participle.startswith("ge") else participle)
        return form in (participle, participle + "e")
    if form.startswith("ge") and not inf.startswith("ge"):
        return form.endswith(("t", "d", "te", "de")) and not form.endswith(("ten", "den"))
    if inf.startswith(_UNSTRESSED_PREFIXES):
        return form.endswith(("t", "d", "te", "de")) and form not in (inf + "d", inf + "de")
    return False


@lru_cache(maxsize=4096)
def finite_forms(infinitive: str) -> frozenset[str]:
    """Forms that can stand apart from a separable particle (legt ... op, dwong ... af)."""
    inf = fold(infinitive)
    participles = verb_participles(infinitive)
    return frozenset(
        form
        for form in verb_forms(infinitive)
        if form not in participles and form not in (inf + "d", inf + "de")
    )


@lru_cache(maxsize=4096)
def separable_forms(particle: str, infinitive: str) -> frozenset[str]:
    """Closed forms of a separable verb: opleggen, oplegt, oplegde, opgelegd(e), opleggend."""
    prefix = fold(particle)
    return frozenset(prefix + form for form in verb_forms(infinitive))


@lru_cache(maxsize=4096)
def nominal_forms(base: str) -> frozenset[str]:
    """Noun and adjective forms: plural, diminutive, genitive, adjective endings."""
    word = fold(base)
    forms = {word, word + "s", word + "en", word + "e", word + "er", word + "ere", word + "ste", word + "st"}
    if word.endswith("e"):
        forms |= {word + "n", word + "tje", word + "tjes"}
    if word[-1] in VOWELS:
        forms |= {word + "tje", word + "tjes", word + "s"}
    stems = _stems(word)
    if len(word) >= 3 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in "aeou":
        stems.add(word[:-2] + word[-1])  # maat -> mat (maten), beheersbaar -> beheersbar(e)
    if (
        len(word) >= 2
        and word[-1] not in VOWELS
        and word[-2] in VOWELS
        and (len(word) < 3 or word[-3] not in VOWELS)
    ):
        stems.add(word + word[-1])  # kat -> katt (katten)
    for final, voiced in (("f", "v"), ("s", "z")):
        if word.endswith(final):
            stems.add(word[:-1] + voiced)
    for stem in stems:
        forms |= {stem + "en", stem + "e", stem + "er", stem + "ere"}
    for diminutive in ("je", "tje", "etje", "pje", "kje"):
        forms |= {word + diminutive, word + diminutive + "s"}
    return frozenset(forms)
