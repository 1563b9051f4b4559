"""Load and validate lexicon YAML files into `Entry` objects."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from taalcheck.datacache import compile_regex
from taalcheck.errors import LexiconError
from taalcheck.lexicon.model import Entry, Examples
from taalcheck.model import PRINCIPLES, Severity
from taalcheck.yamlfile import YamlProblem, dutch_type, read_yaml

_ID = compile_regex(r"^[a-z0-9][a-z0-9-]*$")
_COMPOUND_MODES = ("both", "head", "first", "none")
_TAGS = (
    "legal-term",
    "legal-sense",
    "legal-measure",
    "enforcement",
    "monitoring",
    "intervention",
    "negation-in-term",
    "label",
)
_KINDS = ("control", "trust")

_REQUIRED = {
    "control": ("id", "term", "principle", "severity", "reason", "alternatives", "examples"),
    "trust": ("id", "term", "principle"),
}
_OPTIONAL = ("patterns", "exclude", "compound", "tags", "source", "note", "examples", "severity")
_ALLOWED = {kind: set(_REQUIRED[kind]) | set(_OPTIONAL) for kind in _KINDS}
_ALLOWED["trust"] -= {"severity"}


_PACKAGED = Path(__file__).resolve().parent.parent / "lexicon_data"
_CHECKOUT = Path(__file__).resolve().parents[3] / "lexicon"


def bundled_lexicon_dir() -> Path:
    """The lexicon shipped with taalcheck: `taalcheck/lexicon_data` in an installed package (the
    build maps the top-level `lexicon/` there), else `lexicon/` of the source checkout."""
    for folder in (_PACKAGED, _CHECKOUT):
        if (folder / "context.yaml").is_file():
            return folder
    return _PACKAGED


def bundled_lexicon_files() -> list[Path]:
    """The bundled lexicon files; a `LexiconError` when there are none (a broken installation
    would otherwise report "no findings" for every text)."""
    folder = bundled_lexicon_dir()
    files = sorted(path for path in folder.glob("*.yaml") if path.name != "context.yaml")
    if not files or not (folder / "context.yaml").is_file():
        raise LexiconError(
            str(folder),
            "het meegeleverde lexicon ontbreekt; de installatie is onvolledig (installeer opnieuw)",
        )
    return files


def _load_yaml(path: Path) -> Any:
    try:
        return read_yaml(path)
    except YamlProblem as problem:
        raise LexiconError(str(path), str(problem)) from None


def _strings(
    value: Any, path: str, entry: str, key: str, minimum: int = 0, maximum: int | None = None
) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise LexiconError(path, f"moet een lijst met tekst zijn, niet {dutch_type(value)}", entry, key)
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise LexiconError(path, "moet een lijst met tekst zijn", entry, key)
    if len(value) < minimum:
        raise LexiconError(path, f"moet minstens {minimum} item(s) bevatten", entry, key)
    if maximum is not None and len(value) > maximum:
        raise LexiconError(path, f"mag hoogstens {maximum} items bevatten", entry, key)
    return tuple(item.strip() for item in value)


def _text(value: Any, path: str, entry: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(path, "moet een (niet-lege) tekst zijn", entry, key)
    return " ".join(value.split())


def _choice(value: Any, choices: Iterable[str], path: str, entry: str | None, key: str, what: str) -> str:
    """A text that must be one of `choices`; anything else (a list, a number) is a clear error."""
    options = ", ".join(choices)
    if not isinstance(value, str):
        raise LexiconError(
            path, f"verwacht een tekst (een van: {options}), niet {dutch_type(value)}", entry, key
        )
    if value not in choices:
        raise LexiconError(path, f"onbekend{what} '{value}' (kies uit: {options})", entry, key)
    return value


def _text_keys(raw: dict[Any, Any], path: str, entry: str | None) -> None:
    for key in raw:
        if not isinstance(key, str):
            raise LexiconError(
                path, f"een sleutel moet een tekst zijn, niet {dutch_type(key)} ({key!r})", entry
            )


def _entry(raw: Any, path: str, index: int, kind: str, file_tags: tuple[str, ...] = ()) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(path, f"item {index + 1} is geen mapping (sleutel: waarde) maar {dutch_type(raw)}")
    entry_id = raw.get("id")
    label = entry_id if isinstance(entry_id, str) else f"#{index + 1}"
    _text_keys(raw, path, label)
    unknown = sorted(set(raw) - _ALLOWED[kind])
    if unknown:
        raise LexiconError(
            path, f"onbekend veld (toegestaan: {', '.join(sorted(_ALLOWED[kind]))})", label, unknown[0]
        )
    for key in _REQUIRED[kind]:
        if key not in raw:
            raise LexiconError(path, "ontbreekt", label, key)
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise LexiconError(path, "moet bestaan uit kleine letters, cijfers en '-'", label, "id")
    principle = _choice(raw["principle"], PRINCIPLES, path, label, "principle", " principe")
    severity = Severity.HINT
    if kind == "control":
        try:
            severity = Severity.parse(raw["severity"]) if isinstance(raw["severity"], str) else None
        except ValueError:
            severity = None
        if severity is None:
            raise LexiconError(
                path,
                f"onbekende ernst '{raw['severity']}' (kies uit: hint, suggestion, warning)",
                label,
                "severity",
            )
    compound = _choice(
        raw.get("compound", "both"), _COMPOUND_MODES, path, label, "compound", "e samenstellingswijze"
    )
    tags = _tags(raw.get("tags", []), path, label)
    tags = (*file_tags, *(tag for tag in tags if tag not in file_tags))
    examples = raw.get("examples", {}) or {}
    if not isinstance(examples, dict) or set(examples) - {"flag", "ok"}:
        raise LexiconError(path, "moet een mapping met 'flag' en/of 'ok' zijn", label, "examples")
    term = _text(raw["term"], path, label, "term")
    patterns = _strings(raw.get("patterns", [term]), path, label, "patterns", minimum=1)
    from taalcheck.lexicon.patterns import PatternError, parse_pattern

    for pattern in patterns:
        try:
            parse_pattern(pattern)
        except PatternError as error:
            raise LexiconError(path, f"ongeldig patroon '{pattern}': {error}", label, "patterns") from None
    return Entry(
        id=entry_id,
        term=term,
        principle=principle,
        severity=severity,
        reason=_text(raw["reason"], path, label, "reason") if kind == "control" else "",
        alternatives=_strings(raw["alternatives"], path, label, "alternatives", 1, 3)
        if kind == "control"
        else (),
        patterns=patterns,
        examples=Examples(
            flag=_strings(examples.get("flag", []), path, label, "examples.flag"),
            ok=_strings(examples.get("ok", []), path, label, "examples.ok"),
        ),
        source_file=path,
        kind=kind,
        exclude=_strings(raw.get("exclude", []), path, label, "exclude"),
        compound=compound,
        tags=tags,
        source=_text(raw["source"], path, label, "source") if "source" in raw else None,
        note=_text(raw["note"], path, label, "note") if "note" in raw else None,
    )


def _tags(value: Any, path: str, label: str | None) -> tuple[str, ...]:
    tags = tuple(_strings(value, path, label, "tags"))
    for tag in tags:
        if tag not in _TAGS:
            raise LexiconError(path, f"onbekend label '{tag}' (kies uit: {', '.join(_TAGS)})", label, "tags")
    return tags


def load_file(path: Path) -> list[Entry]:
    """Load one lexicon file; raises `LexiconError` naming file, entry and key."""
    data = _load_yaml(path)
    name = str(path)
    if not isinstance(data, dict) or "entries" not in data:
        raise LexiconError(name, "verwacht een mapping met de sleutel 'entries'")
    _text_keys(data, name, None)
    unknown = sorted(set(data) - {"kind", "entries", "description", "tags"})
    if unknown:
        raise LexiconError(name, "onbekende sleutel bovenin het bestand", key=unknown[0])
    kind = _choice(data.get("kind", "control"), _KINDS, name, None, "kind", "e soort")
    if not isinstance(data["entries"], list):
        raise LexiconError(name, f"moet een lijst zijn, niet {dutch_type(data['entries'])}", key="entries")
    file_tags = _tags(data.get("tags", []), name, None)  # labels for every entry of the file
    return [_entry(raw, name, index, kind, file_tags) for index, raw in enumerate(data["entries"])]


def load_entries(paths: Iterable[Path]) -> list[Entry]:
    """Load several files; ids must be unique across all of them."""
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for path in paths:
        for entry in load_file(path):
            if entry.id in seen:
                raise LexiconError(str(path), f"dubbel id (staat ook in {seen[entry.id]})", entry.id, "id")
            seen[entry.id] = str(path)
            entries.append(entry)
    return entries
