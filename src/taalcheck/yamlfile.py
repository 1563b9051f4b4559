"""Reading the YAML data files (lexicon, extension files, word lists) defensively.

Plain data only: anchors and aliases are refused (an alias bomb never expands), the document
size and nesting depth are capped, and every problem is one Dutch phrase for the caller to put
behind the file name.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

#: Far above the largest bundled file (about 25 kB) and far below anything that strains memory.
MAX_BYTES = 2_000_000
#: A lexicon file nests file -> entries -> entry -> examples -> flag -> sentence: six levels.
MAX_DEPTH = 12


class YamlProblem(ValueError):
    """`str(problem)` is a Dutch phrase: what is wrong with the file (not which file)."""


def read_yaml(path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH, cache: bool = False) -> Any:
    """The data of a YAML file; raises `YamlProblem` for a missing, oversized or unsafe file.

    With `cache` (taalcheck's own data files), what the file parses to is kept in the cache folder
    (`taalcheck.datacache`), so the next run neither parses it nor imports the YAML library.
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            raise YamlProblem("geen gewoon bestand (een pipe, apparaat of socket)")
        if status.st_size > max_bytes:
            raise YamlProblem(f"bestand is te groot ({status.st_size} bytes; de grens is {max_bytes})")
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)  # bounded, also when the file grows meanwhile
    except FileNotFoundError:
        raise YamlProblem("bestand niet gevonden") from None
    except IsADirectoryError:
        raise YamlProblem("is een map, geen bestand") from None
    except OSError as error:
        raise YamlProblem(f"kan niet worden gelezen ({error.strerror})") from None
    if cache:
        from taalcheck.datacache import cached_parse

        return cached_parse(raw, lambda: _decode_and_parse(raw[:max_bytes], max_depth), f"yaml:{max_depth}")
    return _decode_and_parse(raw[:max_bytes], max_depth)


def _decode_and_parse(raw: bytes, max_depth: int) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise YamlProblem("is geen UTF-8-tekst") from None
    return parse_yaml(text, max_depth)


def parse_yaml(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse YAML text as plain data (no anchors, aliases or tags beyond the standard ones)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise YamlProblem(
                    f"YAML-ankers en -verwijzingen (& en *) zijn niet toegestaan (regel {line})"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > max_depth:
                    line = event.start_mark.line + 1 if event.start_mark else "?"
                    raise YamlProblem(f"te diep genest (meer dan {max_depth} niveaus, regel {line})")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise YamlProblem(f"ongeldige YAML{where}") from None


def dutch_type(value: Any) -> str:
    """What kind of value this is, in Dutch, for messages ('een lijst', 'een getal')."""
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, str):
        return "een tekst"
    if isinstance(value, (list, tuple)):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel"
    return "een datum" if hasattr(value, "isoformat") else "een onbekende waarde"
