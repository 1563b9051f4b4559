"""Reproducible Dutch report prose for benchmarks: youth-care reports with or without lexicon terms.

The prose comes from sentence templates in the register of a youth-care report (gezinsvoogd,
moeder, vader, kinderen), filled with invented names, ages, dates, schools and places from a
seeded random generator. Lexicon terms are read from the lexicon at run time, so the corpus keeps
pace with a growing lexicon:

* every `examples.flag` sentence of every control entry, verbatim;
* sentences built from each entry's patterns: base form, inflected forms, compounds (first and
  last part), quoted forms, and verbs finite, split (particle at the end), as participle and with
  "te".

Every term sentence is checked once with the fast checker and kept only if it gives a finding;
every clean template is rendered with several families and dropped if any rendering gives a
finding (so "clean" stays clean when the lexicon grows). `density` is the share of sentences that
carry a term.

    python benchmarks/corpus.py --words 100000 --density 0.05 --seed 1 -o corpus.txt
    python benchmarks/corpus.py --words 400 --clean -o page.txt
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.language.text import count_words
from taalcheck.lexicon.morphology import nominal_forms, verb_forms, verb_participles
from taalcheck.lexicon.patterns import Word, parse_pattern
from taalcheck.matching.engine import Checker

DEFAULT_DENSITY = 0.05
PAGE_WORDS = 400

# -- vocabulary (invented) ---------------------------------------------------------------------

GIRLS = (
    "Noor",
    "Emma",
    "Julia",
    "Mila",
    "Sara",
    "Tess",
    "Zoë",
    "Yara",
    "Lotte",
    "Fenna",
    "Ilse",
    "Nina",
    "Sophie",
    "Fleur",
    "Lieke",
    "Amira",
    "Roos",
    "Evi",
)
BOYS = (
    "Sem",
    "Liam",
    "Daan",
    "Lucas",
    "Finn",
    "Milan",
    "Levi",
    "Noah",
    "Bram",
    "Jesse",
    "Ayoub",
    "Mohammed",
    "Thijs",
    "Ravi",
    "Jayden",
    "Omar",
    "Stijn",
    "Kian",
)
CHILD_NAMES = GIRLS + BOYS
SURNAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yılmaz",
    "El Amrani",
    "Kaya",
    "Postma",
    "van Dijk",
    "Kramer",
    "Verhoeven",
    "Schouten",
    "Hoekstra",
    "Öztürk",
)
PLACES = (
    "Zwolle",
    "Deventer",
    "Apeldoorn",
    "Amersfoort",
    "Leeuwarden",
    "Groningen",
    "Utrecht",
    "Nijmegen",
    "Arnhem",
    "Tilburg",
    "Breda",
    "Haarlem",
    "Leiden",
    "Delft",
    "Gouda",
    "Almere",
    "Lelystad",
    "Assen",
    "Emmen",
    "Hengelo",
    "Enschede",
    "Alkmaar",
    "Hoorn",
    "Dordrecht",
    "Venlo",
    "Roermond",
    "Heerlen",
)
SCHOOLS = (
    "De Regenboog",
    "Het Kompas",
    "De Wingerd",
    "De Vlieger",
    "Het Palet",
    "De Sterrenwacht",
    "De Klimop",
    "Het Baken",
    "De Zonnewijzer",
    "Het Mozaïek",
    "De Springplank",
    "De Esdoorn",
)
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ACTIVITIES = (
    "voetbal",
    "zwemles",
    "judo",
    "hockey",
    "muziekles",
    "de scouting",
    "turnen",
    "tekenles",
    "de bibliotheek",
    "paardrijden",
    "dansles",
    "de speeltuin",
)
HELPERS = (
    "de huisarts",
    "de intern begeleider",
    "de jeugdverpleegkundige",
    "de schoolmaatschappelijk werker",
    "de praktijkondersteuner",
    "de mentor",
    "de logopedist",
    "de kinderfysiotherapeut",
    "het wijkteam",
)
NETWORK = ("oma", "opa", "tante", "oom", "de buurvrouw", "een vriendin van moeder", "de peetoom")

CLEAN_TEMPLATES = (
    "{kind} is {leeftijd} jaar en zit in groep {groep} van basisschool {school} in {plaats}.",
    "{kind} woont sinds {maand} {jaar} bij moeder in {plaats}.",
    "Op {datum} heb ik als gezinsvoogd met moeder en vader gesproken over de zomervakantie.",
    "Moeder vertelt dat {kind} het naar de zin heeft op school en veel vriendjes heeft.",
    "Vader geeft aan dat hij {kind} graag vaker wil zien, bijvoorbeeld ook op {dag}.",
    "De ouders zijn het erover eens dat {kind} op {activiteit} blijft.",
    "{kind} vertelt dat {hij_zij} het fijn vindt om op {dag} bij vader te eten.",
    "Volgens de leerkracht gaat het goed met lezen en rekenen.",
    "In het gesprek van {datum} waren beide ouders aanwezig.",
    "Moeder werkt drie dagen per week in de thuiszorg en vader werkt in ploegendienst.",
    "{oma_opa} haalt {kind} op {dag} uit school en brengt {hem_haar} naar {activiteit}.",
    "Vader woont sinds kort in een appartement in {plaats2}, op twintig minuten fietsen.",
    "{kind} heeft een eigen kamer bij vader en heeft daar zelf de muur geverfd.",
    "De overdracht vindt plaats op school, zodat {kind} niet tussen de ouders in staat.",
    "Moeder en vader hebben samen afgesproken dat zij elkaar een keer per maand bellen.",
    "{kind} slaapt de laatste weken beter en heeft minder buikpijn.",
    "De ouders willen allebei dat {kind} weer met plezier naar school gaat.",
    "Op {datum} is er een gesprek geweest met {helper} over de ontwikkeling van {kind}.",
    "{helper_cap} vertelt dat {kind} goed meedoet in de klas en graag helpt.",
    "Moeder heeft een nieuwe baan gevonden en is daar blij mee.",
    "Vader heeft laten weten dat hij in de herfstvakantie met {kind} naar {plaats2} gaat.",
    "{kind} en {kind2} spelen graag samen buiten na het eten.",
    "{kind2} is {leeftijd2} jaar en gaat na de zomer naar de middelbare school.",
    "De ouders hebben een gezamenlijke agenda gemaakt voor de feestdagen.",
    "Tijdens het huisbezoek op {datum} liet {kind} trots de tekeningen voor oma zien.",
    "Ik heb met de ouders besproken hoe zij de verjaardag van {kind} willen vieren.",
    "Vader vertelt dat hij het lastig vindt dat hij weinig hoort over school.",
    "Moeder heeft voorgesteld om de rapporten van school voortaan naar beide ouders te sturen.",
    "De school stuurt de nieuwsbrief sinds {maand} naar beide ouders.",
    "{kind} zegt dat {hij_zij} het leuk vindt als papa komt kijken bij {activiteit}.",
    "Het contact tussen de ouders verloopt de laatste maanden rustiger.",
    "De ouders spreken elkaar kort bij het ophalen en dat gaat goed.",
    "In {maand} komen de ouders samen met mij terug om te kijken wat er goed gaat.",
    "Moeder wil graag dat {kind} een zwemdiploma haalt voor de zomer.",
    "Vader neemt {kind} elke tweede zaterdag mee naar de markt in {plaats2}.",
    "{kind} heeft een goede band met {kind2} en zoekt {hem_haar2} op als {hij_zij} verdrietig is.",
    "Oma is een belangrijke steun voor het gezin en past twee middagen per week op.",
    "De jeugdverpleegkundige ziet dat {kind} goed groeit en gezond eet.",
    "Moeder vertelt dat zij sinds {maand} een cursus volgt over opvoeden na een scheiding.",
    "Vader heeft samen met {kind} een fiets gekocht om naar school te fietsen.",
    "Ik spreek {kind} elke zes weken op school, in een rustig lokaal naast de bibliotheek.",
    "{kind} vertelt over {zijn_haar} nieuwe vriend uit de klas, die ook op {activiteit} zit.",
    "De ouders hebben afgesproken dat de kinderen de kerstdagen verdelen.",
    "Beide ouders vinden het belangrijk dat {kind} contact houdt met de familie van de andere ouder.",
    "Op {dag}middag gaat {kind} naar de naschoolse opvang in {plaats}.",
    "De mentor van {kind2} is tevreden over de inzet en de cijfers.",
    "{kind2} wil later dierenarts worden en helpt op zaterdag bij een manege.",
    "De ouders kiezen samen een nieuwe tandarts, omdat de oude praktijk sluit.",
    "Moeder vraagt of ik bij het volgende gesprek ook {helper} wil uitnodigen.",
    "Vader zegt dat hij de afspraken over de vakanties duidelijk vindt.",
    "{kind} heeft in {maand} een spreekbeurt gehouden over {zijn_haar} konijn.",
    "Het plan is om in {maand} {jaar} samen met de ouders opnieuw te kijken naar de omgangsregeling.",
    "De ouders zijn allebei naar de ouderavond op {datum} gegaan.",
    "Na school doet {kind} eerst {zijn_haar} huiswerk aan de keukentafel.",
    "{kind} mist soms de hond die bij vader woont.",
    "Moeder heeft de verhuizing naar {plaats2} met vader overlegd.",
    "De kinderen hebben hun eigen spullen in beide huizen, zodat zij weinig hoeven mee te nemen.",
    "Vader kookt op {dag} samen met de kinderen en zij mogen dan kiezen wat zij eten.",
    "{kind} vertelt dat {hij_zij} het spannend vond om naar een nieuwe school te gaan.",
    "Volgens {helper} heeft {kind} baat bij een vaste dagindeling.",
    "Ik heb beide ouders het verslag van {datum} toegestuurd en zij hebben gereageerd.",
    "Moeder en vader hebben elk een eigen gesprek met mij gehad.",
    "De ouders zijn tevreden over de hulp van {helper}.",
    "{kind} heeft een diploma gehaald bij {activiteit} en was daar heel trots op.",
    "In de kerstvakantie is {kind} een week bij moeder en een week bij vader geweest.",
    "{oma_opa_cap} woont in {plaats2} en ziet de kinderen ongeveer een keer per maand.",
    "Het gaat op school beter met de concentratie van {kind}.",
    "De ouders vragen zich af hoe zij {kind} kunnen helpen bij het plannen van huiswerk.",
    "Vader heeft een nieuwe partner, die {kind} al een paar keer heeft ontmoet.",
    "Moeder vindt het fijn dat zij met mij kan overleggen over de opvoeding.",
)

HEADINGS = (
    "Aanleiding",
    "Gezinssituatie",
    "Ontwikkeling van de kinderen",
    "School en vrije tijd",
    "Contact tussen de ouders",
    "Netwerk",
    "Wat gaat goed",
    "Afspraken",
    "Vervolg",
)

# Frames for inserted terms; {P} is the term phrase, {F} an inflected form, {C} a compound.
PHRASE_FRAMES = (
    "In het gesprek van {datum} ging het over {P}.",
    "Volgens het team is {P} nu het belangrijkste punt voor {kind}.",
    "Bij de overdracht in {plaats} stond {P} voorop.",
)
FORM_FRAMES = (
    "Na de zomer werd opnieuw gesproken over {F} bij de overdracht van {kind}.",
    "De aanpak in {maand} was sterk gericht op {F}.",
)
COMPOUND_FRAMES = ("Het {C} voor {kind} wordt in {maand} besproken.",)
QUOTE_FRAMES = (
    "Vader spreekt zelf van “{P}”.",
    "Moeder noemt het in het gesprek ‘{P}’.",
)
COMPOUND_HEADS = ("plan", "gesprek", "afspraak")
COMPOUND_FIRSTS = ("gezins", "ouder", "team")


@dataclass
class Family:
    surname: str
    kind: str
    kind2: str
    age: int
    age2: int
    school: str
    place: str
    place2: str
    girl: bool
    girl2: bool
    helper: str
    network: str


def _family(rng: random.Random) -> Family:
    kind, kind2 = rng.sample(CHILD_NAMES, 2)
    place, place2 = rng.sample(PLACES, 2)
    return Family(
        surname=rng.choice(SURNAMES),
        kind=kind,
        kind2=kind2,
        age=rng.randint(4, 11),
        age2=rng.randint(8, 16),
        school=rng.choice(SCHOOLS),
        place=place,
        place2=place2,
        girl=kind in GIRLS,
        girl2=kind2 in GIRLS,
        helper=rng.choice(HELPERS),
        network=rng.choice(NETWORK),
    )


def _slots(family: Family, rng: random.Random) -> dict[str, str]:
    year = rng.choice((2024, 2025, 2026))
    month = rng.choice(MONTHS)
    return {
        "kind": family.kind,
        "kind2": family.kind2,
        "leeftijd": str(family.age),
        "leeftijd2": str(family.age2),
        "groep": str(max(1, min(8, family.age - 4))),
        "school": family.school,
        "plaats": family.place,
        "plaats2": family.place2,
        "datum": f"{rng.randint(1, 28)} {month} {year}",
        "maand": month,
        "jaar": str(year),
        "dag": rng.choice(WEEKDAYS),
        "activiteit": rng.choice(ACTIVITIES),
        "helper": family.helper,
        "helper_cap": family.helper[0].upper() + family.helper[1:],
        "oma_opa": family.network,
        "oma_opa_cap": family.network[0].upper() + family.network[1:],
        "hij_zij": "zij" if family.girl else "hij",
        "hem_haar": "haar" if family.girl else "hem",
        "hem_haar2": "haar" if family.girl2 else "hem",
        "zijn_haar": "haar" if family.girl else "zijn",
    }


# -- term sentences from the lexicon --------------------------------------------------------------


def _phrase(words: tuple[Word, ...]) -> str:
    return " ".join(word.text.split(":")[0].replace("|", "") for word in words)


def _third_person(infinitive: str) -> str | None:
    forms = verb_forms(infinitive)
    candidates = sorted(
        form for form in forms if form.endswith("t") and form[:-1] in forms and not form.startswith("ge")
    )
    if not candidates and infinitive.endswith("n") and infinitive[:-1] + "t" in forms:
        return infinitive[:-1] + "t"
    return min(candidates, key=len) if candidates else None


def _participle(infinitive: str) -> str | None:
    forms = sorted((form for form in verb_participles(infinitive) if not form.endswith("e")), key=len)
    return forms[0] if forms else None


def _verb_sentences(groups: tuple[tuple[Word, ...], ...]) -> list[str]:
    verb = next(word for group in groups for word in group if word.kind == "v")
    others = " ".join(_phrase(group) for group in groups if verb not in group)
    infinitive = verb.infinitive or verb.base
    particle = verb.particle or ""
    third, participle = _third_person(infinitive), _participle(infinitive)
    sentences = []
    if third:
        if particle:
            sentences.append(
                f"De gezinsvoogd {third} {others} bij het huisbezoek {particle}.".replace("  ", " ")
            )
            sentences.append(f"Het team {particle}{third} {others} sinds de zomer.".replace("  ", " "))
        else:
            sentences.append(f"De gezinsvoogd {third} {others} elke week.".replace("  ", " "))
    if participle:
        sentences.append(
            f"Vorige maand is {others} door de jeugdbeschermer {particle}{participle}.".replace("  ", " ")
        )
    sentences.append(
        f"Het plan is om {others} {particle + ' te ' if particle else 'te '}{infinitive}.".replace("  ", " ")
    )
    return sentences


def flag_examples(checker: Checker) -> list[str]:
    """The `examples.flag` sentences of every control entry."""
    sentences = [s for e in checker.lexicon.entries.values() if e.kind == "control" for s in e.examples.flag]
    return list(dict.fromkeys(sentences))


def term_candidates(checker: Checker, rng: random.Random) -> list[str]:
    """Sentences that insert lexicon terms into frames, in all their forms (not yet verified)."""
    family = _family(rng)
    sentences: list[str] = []
    for entry in checker.lexicon.entries.values():
        if entry.kind != "control":
            continue
        for source in entry.patterns:
            pattern = parse_pattern(source)
            slots = _slots(family, rng)
            if pattern.free_order:
                sentences.extend(_verb_sentences(pattern.groups))
                continue
            words = pattern.groups[0]
            phrase = _phrase(words)
            for frame in PHRASE_FRAMES:
                sentences.append(frame.format(P=phrase, **slots))
            for frame in QUOTE_FRAMES:
                sentences.append(frame.format(P=phrase, **slots))
            if len(words) == 1 and words[0].kind == "n":
                base = words[0].base
                forms = sorted(
                    form for form in nominal_forms(base) if form != base and len(form) <= len(base) + 2
                )
                for form in forms[:3]:
                    for frame in FORM_FRAMES:
                        sentences.append(frame.format(F=form, **slots))
                if entry.compound in ("both", "first"):
                    for head in COMPOUND_HEADS:
                        sentences.append(COMPOUND_FRAMES[0].format(C=f"{base}s{head}", **slots))
                        sentences.append(COMPOUND_FRAMES[0].format(C=f"{base}{head}", **slots))
                if entry.compound in ("both", "head"):
                    for first in COMPOUND_FIRSTS:
                        sentences.append(COMPOUND_FRAMES[0].format(C=f"{first}{base}", **slots))
    return list(dict.fromkeys(sentence[0].upper() + sentence[1:] for sentence in sentences))


def _findings(checker: Checker, sentence: str) -> int:
    return len(checker.check_document(document_from_text(sentence)).findings)


@dataclass
class Pools:
    """Verified term sentences and clean templates for one lexicon."""

    #: The lexicon's own flag examples (verified) and sentences built from the patterns (verified).
    examples: list[str]
    inserted: list[str]
    clean: list[str]
    dropped_terms: list[str] = field(default_factory=list)
    dropped_clean: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        return self.examples + self.inserted


_POOLS: dict[int, Pools] = {}


def pools(checker: Checker | None = None, renderings: int = 6) -> Pools:
    """Term sentences that give a finding and clean templates that never do (cached per checker)."""
    checker = checker or make_checker()
    if id(checker) in _POOLS:
        return _POOLS[id(checker)]
    rng = random.Random(12345)
    examples, inserted, dropped_terms = [], [], []
    for sentence in flag_examples(checker):
        (examples if _findings(checker, sentence) else dropped_terms).append(sentence)
    for sentence in term_candidates(checker, rng):
        (inserted if _findings(checker, sentence) else dropped_terms).append(sentence)
    clean, dropped_clean = [], []
    for template in CLEAN_TEMPLATES:
        renders = [template.format(**_slots(_family(rng), rng)) for _ in range(renderings)]
        text = "\n\n".join(renders)
        (clean if not _findings(checker, text) else dropped_clean).append(template)
    result = Pools(examples, inserted, clean, dropped_terms, dropped_clean)
    _POOLS[id(checker)] = result
    return result


# -- reports -------------------------------------------------------------------------------------


def _report(rng: random.Random, pool: Pools, words: int, density: float) -> Iterator[str]:
    """Lines of one report of about `words` words (headings, paragraphs, blank lines)."""
    family = _family(rng)
    yield f"Rapportage gezin {family.surname}, {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice((2025, 2026))}"
    yield ""
    count = 6
    headings = list(HEADINGS)
    rng.shuffle(headings)
    while count < words:
        heading = headings.pop() if headings else rng.choice(HEADINGS)
        yield heading
        count += count_words(heading)
        sentences = []
        for _ in range(rng.randint(3, 6)):
            if (pool.examples or pool.inserted) and rng.random() < density:
                # Half the terms come from the lexicon's own examples, half from the frames.
                sentence = rng.choice(
                    pool.examples if pool.examples and rng.random() < 0.5 else pool.inserted or pool.examples
                )
            else:
                sentence = rng.choice(pool.clean).format(**_slots(family, rng))
            sentences.append(sentence)
            count += count_words(sentence)
            if count >= words:
                break
        yield " ".join(sentences)
        yield ""


def generate_reports(
    count: int,
    words: int = PAGE_WORDS,
    density: float = DEFAULT_DENSITY,
    seed: int = 1,
    checker: Checker | None = None,
) -> list[str]:
    """`count` one-page reports of about `words` words each."""
    pool = pools(checker)
    rng = random.Random(seed)
    return ["\n".join(_report(rng, pool, words, density)).rstrip() + "\n" for _ in range(count)]


def generate(
    words: int, density: float = DEFAULT_DENSITY, seed: int = 1, checker: Checker | None = None
) -> str:
    """A corpus of at least `words` words: reports of 300-900 words one after another."""
    pool = pools(checker)
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < words:
        size = min(rng.randint(300, 900), max(50, words - total))
        report = "\n".join(_report(rng, pool, size, density)).rstrip() + "\n"
        parts.append(report)
        total += count_words(report)
    return "\n".join(parts)


def generate_clean(words: int, seed: int = 1, checker: Checker | None = None) -> str:
    """A corpus without any lexicon term."""
    return generate(words, density=0.0, seed=seed, checker=checker)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=PAGE_WORDS)
    parser.add_argument(
        "--density", type=float, default=DEFAULT_DENSITY, help="share of sentences with a term"
    )
    parser.add_argument("--clean", action="store_true", help="no lexicon terms (verified)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--pools", action="store_true", help="show the verified sentence pools and exit")
    args = parser.parse_args(argv)
    checker = make_checker()
    if args.pools:
        pool = pools(checker)
        print(
            f"{len(pool.examples)} flag examples + {len(pool.inserted)} inserted term sentences, "
            f"{len(pool.dropped_terms)} dropped (no finding)"
        )
        for sentence in pool.dropped_terms:
            print(f"  dropped term: {sentence}")
        print(f"{len(pool.clean)} clean templates, {len(pool.dropped_clean)} dropped (gave a finding)")
        for sentence in pool.dropped_clean:
            print(f"  dropped clean: {sentence}")
        return 0
    text = (
        generate_clean(args.words, args.seed, checker)
        if args.clean
        else generate(args.words, args.density, args.seed, checker)
    )
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    findings = len(checker.check_document(document_from_text(text)).findings)
    print(f"{count_words(text)} words, {findings} findings", file=sys.stderr)
    if args.clean and findings:
        print("error: clean text gives findings", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
