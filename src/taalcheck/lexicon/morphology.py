"""Regular Dutch inflection, generated from the base form written in the lexicon.

The generator over-generates on purpose (both spellings where a rule is uncertain): a non-word
never occurs in a report, while a missed real form would hide a finding. All forms are folded
(`taalcheck.language.normalize.fold`).
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
_NO_DEGREES = _WORDS.nouns_without_degrees


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


@lru_cache(maxsize=4096)
def nominal_forms(base: str) -> frozenset[str]:
    """Noun and adjective forms: plural, diminutive, genitive, adjective endings."""
    word = fold(base)
    # Comparative and superlative (hard -> harder), except for nouns where those are other words.
    adjective = word not in _NO_DEGREES
    degrees = ("er", "ere", "ste", "st") if adjective else ()
    forms = {word, word + "s", word + "en", word + "e", *(word + ending for ending in degrees)}
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
        forms |= {stem + "en", stem + "e"}
        if adjective:
            forms |= {stem + "er", stem + "ere"}
    for diminutive in ("je", "tje", "etje", "pje", "kje"):
        forms |= {word + diminutive, word + diminutive + "s"}
    if word.endswith("ing"):  # koning -> koninkje, vechtscheiding -> vechtscheidinkje
        forms |= {word[:-1] + "kje", word[:-1] + "kjes"}
    return frozenset(forms)
