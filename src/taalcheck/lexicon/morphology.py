"""Regular Dutch inflection, generated from the base form written in the lexicon.

The word class decides the forms: a verb is conjugated, a noun gets plurals and diminutives, an
adjective -e, degrees and the partitive -s; no class gets the forms of another, so 'strijder' is
not a form of 'strijd' and 'plankje' not one of 'plan'. Where Dutch spelling depends on stress the
text does not show (gezinnen or monitoren), both spellings are made: such a non-word never occurs
in a report, while a missed real form would hide a finding. All forms are folded
(`taalcheck.language.normalize.fold`); the endings and word lists are data in
`language/data/dutch.yaml`.
"""

from __future__ import annotations

from functools import lru_cache

from taalcheck.language.normalize import fold
from taalcheck.language.wordlists import dutch_words

VOWELS = frozenset("aeiouy")
_KOFSCHIP = frozenset("tkfsxp")  # 't kofschip (+ ch, handled via 'h' below)
_WORDS = dutch_words()
_UNSTRESSED_PREFIXES = _WORDS.inseparable_prefixes
#: Strong and irregular verbs: infinitive -> (past singular, past plural, participle).
STRONG_VERBS: dict[str, tuple[str, str, str]] = _WORDS.strong_verbs
_IRREGULAR_PRESENT = _WORDS.irregular_present
_SHORT_INFINITIVES = _WORDS.short_infinitives
_SEPARABLE = _WORDS.separable_particles
_AMBIGUOUS = _WORDS.ambiguous_particles
_PARTICLES = tuple(sorted(_SEPARABLE | _AMBIGUOUS, key=len, reverse=True))
_ADJECTIVE_ENDINGS = _WORDS.adjective_endings
_UNSTRESSED_ENDINGS = _WORDS.unstressed_endings


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


def _particle_split(infinitive: str) -> tuple[str, str] | None:
    """(particle, verb) when a verb written without `|` starts with a verb particle (toelaten,
    opvolgen); the rest must look like a verb of its own (at least five letters, ending in -en)."""
    for particle in _PARTICLES:
        rest = infinitive[len(particle) :]
        if infinitive.startswith(particle) and len(rest) >= 5 and rest.endswith("en"):
            return particle, rest
    return None


def _participles_after(particle: str, participle: str) -> set[str]:
    """The participle of particle + verb, from the participle of the verb alone (gelaten)."""
    bare = participle[2:] if participle.startswith("ge") else participle
    forms = {particle + participle}  # toegelaten, opgevolgd
    if particle in _AMBIGUOUS:
        forms.add(particle + bare)  # overlegd, ondersteund, voorkomen
    return forms


@lru_cache(maxsize=4096)
def _conjugation(infinitive: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every form, the participles) of a verb without `|`."""
    inf = fold(infinitive)
    forms = {inf, inf + "d", inf + "de"}  # present participle: controlerend(e)
    participles: set[str] = set()
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
    split = _particle_split(inf)
    if strong is not None:
        past_sg, past_pl, participle = (fold(form) for form in STRONG_VERBS[strong])
        if prefix:  # bespreken -> besprak, besproken; toelaten -> toeliet, toegelaten
            past_sg, past_pl = prefix + past_sg, prefix + past_pl
            forms |= {prefix + form for form in _IRREGULAR_PRESENT.get(strong, ())}
            if prefix in _SEPARABLE or prefix in _AMBIGUOUS:
                participles |= _participles_after(prefix, participle)
            else:
                participles.add(prefix + (participle[2:] if participle.startswith("ge") else participle))
        else:
            forms |= set(_IRREGULAR_PRESENT.get(inf, ()))
            participles.add(participle)
        forms |= {past_sg, past_pl}
    else:
        for stem in stems:
            for ending in ("te", "ten", "de", "den"):
                forms.add(stem + ending)
            for final in ("t", "d"):
                base = stem if stem.endswith(final) else stem + final
                if split is not None:
                    particle, rest = split
                    tail = base[len(particle) :]
                    if rest.startswith(_UNSTRESSED_PREFIXES):
                        participles.add(base)  # voorbereid, aanbesteed
                    else:
                        participles |= _participles_after(particle, "ge" + tail)
                    if rest.endswith("eren"):  # inspecteren: no particle after all
                        participles.add("ge" + base)
                else:
                    participles.add("ge" + base)
                    if inf.startswith(_UNSTRESSED_PREFIXES):
                        participles.add(base)
    participles |= {form + "e" for form in participles}
    return frozenset(forms | participles), frozenset(participles)


@lru_cache(maxsize=4096)
def verb_forms(infinitive: str) -> frozenset[str]:
    """Finite forms, participles and infinitive-based forms of a verb without particle."""
    return _conjugation(infinitive)[0]


def _strong_verb(infinitive: str) -> tuple[str, str | None]:
    """(prefix, strong verb) when `infinitive` is a strong verb, possibly with a prefix or particle."""
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
    return _conjugation(infinitive)[1]


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


def word_class(base: str) -> str:
    """The class of a pattern word written without a marker: "a" (adjective) by its ending, else "n"."""
    word = fold(base)
    ending = next((e for e in _ADJECTIVE_ENDINGS if word.endswith(e)), None)
    return "a" if ending is not None and len(word) >= len(ending) + 2 else "n"


def _syllables(word: str) -> int:
    """Vowel groups in a (folded) word: 'kat' 1, 'gesprek' 2."""
    return sum(
        1
        for index, char in enumerate(word)
        if char in VOWELS and (index == 0 or word[index - 1] not in VOWELS)
    )


def _short_final_vowel(word: str) -> bool | None:
    """Whether the last syllable has one short vowel before one consonant (kat, gesprek, plan).

    True when the consonant doubles before -en/-e/-etje; None when the stress is unknown (a last
    syllable 'el' as in model or maatregel, or any syllable after the first: gezin, monitor).
    """
    if len(word) < 3 or word[-1] in VOWELS or word[-2] not in "aeiou" or word[-3] in VOWELS:
        return False
    if word[-1] in "hjwxy" or word.endswith(_UNSTRESSED_ENDINGS):
        return False
    return True if _syllables(word) == 1 else None


def _nominal_stems(word: str) -> set[str]:
    """The stem before -en or -e: maat -> mat(en), kat -> katt(en), brief -> briev(en), huis -> huiz(en)."""
    stems = {word}
    if len(word) >= 4 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in "aeou":
        if word[-4] not in VOWELS:  # a long vowel is written single in an open syllable
            stems = {word[:-2] + word[-1]}
    else:
        short = _short_final_vowel(word)
        if short is not None and short:
            stems = {word + word[-1]}
        elif short is None:
            stems.add(word + word[-1])  # stress unknown: both (gezinnen, monitoren)
    for final, voiced in (("f", "v"), ("s", "z")):
        for stem in list(stems):
            if stem.endswith(final) and (stem[-2:-1] in VOWELS or stem[-2:-1] in ("l", "r")):
                stems.add(stem[:-1] + voiced)  # the voiced consonant before a vowel (brieven, boze)
    return stems


def _diminutives(word: str) -> set[str]:
    """The diminutive of a noun by its ending: kindje, deurtje, probleempje, plannetje, koninkje."""
    last = word[-1]
    if word.endswith("ing") and _syllables(word) > 1:
        forms = {word[:-1] + "kje"}  # koninkje, vechtscheidinkje
    elif last in VOWELS:
        forms = {word + "tje"}  # ruzietje, risicotje
        if last in "aiouy" and word[-2:-1] not in VOWELS:
            forms.add(word + last + "tje")  # risicootje, autootje
    elif word.endswith("ng"):
        forms = {word + "etje"}  # belangetje
    elif last in "lmnrbg" and _short_final_vowel(word) is not False:
        forms = {word + last + "etje"}  # plannetje, stemmetje, bruggetje
        if _short_final_vowel(word) is None:
            forms.add(word + ("pje" if last == "m" else "tje" if last in "lnr" else "je"))
    elif last == "m":
        forms = {word + "pje"}  # probleempje, bezempje
    elif last in "lnrw":
        forms = {word + "tje"}  # deurtje, moedertje, regeltje
    else:
        forms = {word + "je"}  # kindje, gesprekje
    return forms | {form + "s" for form in forms}


@lru_cache(maxsize=4096)
def noun_forms(base: str) -> frozenset[str]:
    """A noun: the word, plurals (-en, -s, -n after -e), the genitive -s and the diminutives.

    No adjective forms: no -e, no comparative or superlative ('strijder' is not a form of 'strijd').
    """
    word = fold(base)
    forms = {word} | _diminutives(word)
    if not word.endswith("s"):
        forms.add(word + "s")  # moeders, risico's (folded), genitive
    if word.endswith("e"):
        forms.add(word + "n")  # behoeften
    if word.endswith(("ie", "ee")) or (word[-1] not in VOWELS and not word.endswith("en")):
        forms |= {stem + "en" for stem in _nominal_stems(word)}  # strijden, gesprekken, knieën, ideeën
    return frozenset(forms)


@lru_cache(maxsize=4096)
def adjective_forms(base: str) -> frozenset[str]:
    """An adjective: the word, -e (and -en as a noun: de zwakken), degrees and the partitive -s.

    No plural or diminutive forms. An adjective in -en (gedwongen, eigen) takes no -e.
    """
    word = fold(base)
    forms = {word}
    if word.endswith("e"):  # rigide, sterke
        return frozenset(forms | {word + "n", word + "r", word + "re", word + "st", word + "ste"})
    if word.endswith("en"):
        return frozenset(forms | {word + "s"})  # iets eigens
    stems = _nominal_stems(word)
    for stem in stems:
        forms |= {stem + "e", stem + "en"}
        if not word.endswith("r"):
            forms |= {stem + "er", stem + "ere"}  # harder, strakkere, hogere
    if word.endswith("r"):
        forms |= {word + "der", word + "dere"}  # duurder
    if word.endswith("s"):
        forms |= {word + "t", word + "te"}  # boost
    else:
        forms |= {word + "st", word + "ste", word + "s"}  # hardst, hardste, iets hards
    return frozenset(forms)


@lru_cache(maxsize=4096)
def nominal_forms(base: str) -> frozenset[str]:
    """Every noun and adjective form: for `exclude` words, which must not slip through in any form."""
    return noun_forms(base) | adjective_forms(base)
