"""The matching engine: document -> candidate sentences -> matches -> context -> policy -> findings.

The fast path squeezes each block and sentence to letters and asks the lexicon index which
patterns could occur there (for a sentence also by its words: a verb or an exact word must be a
word of its own, not part of a longer one); only those are matched, and the spaCy pipeline only
runs on sentences whose matches need grammar (a separated verb particle). `exhaustive=True` is the straightforward
reference: every pattern on every sentence, and the pipeline over every sentence first. Both give
identical findings (tested, and checked in the benchmark).
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from taalcheck.documents.base import Document
from taalcheck.language.lookalikes import fold_lookalikes
from taalcheck.language.normalize import squeeze
from taalcheck.language.pipeline import DutchPipeline, describe_pipeline, load_pipeline
from taalcheck.language.text import Token, ascii_words, count_words, iter_blocks, iter_sentences, tokenize
from taalcheck.lexicon import Lexicon
from taalcheck.lexicon.context_rules import ContextRule, load_context_rules
from taalcheck.lexicon.model import Entry
from taalcheck.matching.agency import (
    any_between,
    decision_words,
    find_hidden_decisions,
    load_agency_rules,
)
from taalcheck.matching.context import Passage, Site, apply_context, block_quotes, is_legal_block
from taalcheck.matching.coverage import find_coverage, load_coverage_rules
from taalcheck.matching.matcher import RawMatch, clause_ids, match_sentence, particle_looks_separated
from taalcheck.matching.policy import Policy
from taalcheck.matching.suppression import apply_suppressions, mask_comments
from taalcheck.model import Balance, CoverageItem, FileResult, Finding, PositiveMatch, Severity
from taalcheck.settings import Settings


def register_analyses(lexicon: Lexicon) -> Lexicon:
    """Add the rules of the analyses beyond word lists (who decides) to the lexicon's entries."""
    entry = load_agency_rules().entry
    lexicon.analysis_entries.setdefault(entry.id, entry)
    return lexicon


@dataclass
class _Sentence:
    start: int
    end: int
    tokens: list[Token]
    doc: Any = None
    _clauses: list[int] | None = None

    @property
    def clauses(self) -> list[int]:
        """The clause number of each token (computed once)."""
        if self._clauses is None:
            self._clauses = clause_ids(self.tokens)
        return self._clauses


class _ParseDeferred(Exception):
    """A context rule asked for a parse that is not there yet: judge the match again after the batch."""


#: Sentences whose context needs the parse are parsed together, this many at a time (32: nearly all
#: of the gain of a batch; a larger one holds more parsed sentences in memory at once).
PARSE_BATCH = 32


class _Judgements:
    """The outcomes of the matches of one document, in document order.

    A match whose context rules need the parse of its sentence is judged again once a batch of
    such sentences has been parsed together: one pipeline call per batch costs far less than one
    per sentence, and the outcome is the same as judging it with the parse at hand.
    """

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.outcomes: list[Any] = []
        self._pending: list[tuple[int, Callable[[], Any]]] = []
        self._waiting: dict[int, _Sentence] = {}

    def judge(self, sentence: _Sentence, judgement: Callable[[], Any]) -> None:
        try:
            self.outcomes.append(judgement())
        except _ParseDeferred:
            self._pending.append((len(self.outcomes), judgement))
            self.outcomes.append(None)
            self._waiting[id(sentence)] = sentence
            if len(self._waiting) >= PARSE_BATCH:
                self.flush()

    def flush(self) -> None:
        """Parse the waiting sentences in one batch and judge their matches."""
        if not self._pending:
            return
        self.checker._analyse_together(list(self._waiting.values()))
        for slot, judgement in self._pending:
            self.outcomes[slot] = judgement()
        self._pending.clear()
        self._waiting.clear()


class Checker:
    """Checks documents against a lexicon; loads the Dutch pipeline lazily, once."""

    def __init__(self, lexicon: Lexicon, settings: Settings | None = None, exhaustive: bool = False) -> None:
        self.lexicon = lexicon
        self.settings = settings or Settings()
        self.policy = Policy(self.settings)
        self.exhaustive = exhaustive
        self.pipeline_choice = describe_pipeline(self.settings.model)
        self._pipeline: DutchPipeline | None = None
        self.agency = load_agency_rules()
        register_analyses(lexicon)
        self._context_rules: list[ContextRule] | None = None
        self._rules_by_entry: dict[tuple[str, tuple[str, ...]], list[ContextRule]] = {}

    @property
    def pipeline(self) -> DutchPipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.settings.model, parse_only=not self.exhaustive)
        return self._pipeline

    @property
    def context_rules(self) -> list[ContextRule]:
        """The lexicon's context rules (`context.yaml`): from the lexicon cache, or loaded once per file."""
        if self._context_rules is None:
            cached = self.lexicon.cached_context()
            self._context_rules = cached if cached is not None else _context_rules(self.lexicon.context_path)
        return self._context_rules

    def _rules_for(self, entry: Entry) -> list[ContextRule]:
        """The context rules that concern `entry`, in rule order (worked out once per entry)."""
        key = (entry.id, entry.tags)
        rules = self._rules_by_entry.get(key)
        if rules is None:
            rules = [rule for rule in self.context_rules if rule.concerns(entry.id, entry.tags)]
            self._rules_by_entry[key] = rules
        return rules

    @property
    def pipeline_loaded(self) -> bool:
        """Whether the Dutch pipeline has been loaded (the web page loads it at start-up)."""
        return self._pipeline is not None

    # -- matching -------------------------------------------------------------------------

    def _analysed(self, sentence: _Sentence) -> Any:
        """The pipeline's analysis of the sentence's own tokens (token i of the Doc is token i here)."""
        if sentence.doc is None:
            tokens = sentence.tokens
            spaces = [current.end < following.start for current, following in itertools.pairwise(tokens)]
            sentence.doc = self.pipeline.analyse_words([token.text for token in tokens], [*spaces, False])
        return sentence.doc

    def _analyse_together(self, sentences: list[_Sentence]) -> None:
        """Give each sentence without an analysis its analysis, in one batch."""
        todo = [sentence for sentence in sentences if sentence.doc is None]
        words = []
        for sentence in todo:
            tokens = sentence.tokens
            spaces = [current.end < following.start for current, following in itertools.pairwise(tokens)]
            words.append(([token.text for token in tokens], [*spaces, False]))
        for sentence, doc in zip(todo, self.pipeline.analyse_many(words), strict=True):
            sentence.doc = doc

    def _particle_confirmed(self, match: RawMatch, sentence: _Sentence) -> bool:
        """Does each separated particle belong to its verb (word order first, the parse where needed)?"""
        tokens = sentence.tokens
        clauses = sentence.clauses
        for verb, particle in match.checks:
            heuristic = particle_looks_separated(tokens, clauses, particle)
            if heuristic:
                continue
            if self.pipeline_choice.is_blank and not self.exhaustive:
                return False
            doc = self._analysed(sentence)
            if not self.pipeline.has_parser:
                return False
            # The parse must attach this particle to this verb ('wij leggen uit' is not 'vraag ... uit').
            if doc[particle].dep_ != "compound:prt" or doc[particle].head.i != verb:
                return False
        return True

    def _sentence_matches(self, text: str, start: int, end: int) -> tuple[_Sentence | None, list[RawMatch]]:
        tokens: list[Token] | None = None
        if self.exhaustive:
            patterns = self.lexicon.compiled.patterns
        else:
            passage = text[start:end]

            def words() -> list[str]:  # the candidate test reads the words when it needs them
                nonlocal tokens
                found = ascii_words(passage)
                if found is None:  # other text: the tokens themselves (kept for matching)
                    tokens = tokenize(text, start, end)
                    found = [token.norm for token in tokens if token.is_word]
                return found

            patterns = self.lexicon.compiled.sentence_candidates(squeeze(passage), words)
        if not patterns:
            return None, []
        sentence = _Sentence(start, end, tokenize(text, start, end) if tokens is None else tokens)
        if self.exhaustive and sentence.tokens:
            self._analysed(sentence)  # the reference analyses every sentence up front
        raw = match_sentence(
            patterns,
            text,
            sentence.tokens,
            self.exhaustive,
            self.lexicon.compiled.word_index,
            lambda: sentence.clauses,
        )
        raw = [match for match in raw if not match.checks or self._particle_confirmed(match, sentence)]
        return sentence, _without_overlaps(raw)

    def _parse(self, sentence: _Sentence) -> Any:
        """The parse of a sentence for context rules, or None without a parser (blank pipeline)."""
        if self.pipeline_choice.is_blank:
            return None
        doc = self._analysed(sentence)
        return doc if self.pipeline.has_parser else None

    def _parse_in_batch(self, sentence: _Sentence) -> Any:
        """`_parse`, but a sentence not analysed yet waits for the next batch (`_Judgements`)."""
        if sentence.doc is None and not self.pipeline_choice.is_blank and self.pipeline.has_parser:
            raise _ParseDeferred
        return self._parse(sentence)

    # -- documents ------------------------------------------------------------------------

    def check_document(self, document: Document) -> FileResult:
        """All findings, silenced findings, trust wording and balance of one document."""
        # Lookalike and wide letters read as the Latin letters they show (same length: offsets hold).
        text = fold_lookalikes(mask_comments(document.analysis_text))
        rules = self.context_rules
        regions = _page_spanning_blocks(document, text) if document.kind == "pdf" else None
        judgements = _Judgements(self)
        words = 0
        layout = _layout(document, text)
        #: Quotes of the paragraphs worked out here, for `_who_decides` (the same paragraphs often).
        block_quotes_found: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        for (block_start, block_end), sentences in layout:
            words += count_words(text, block_start, block_end)
            if not self.exhaustive and not self.lexicon.compiled.has_candidates(
                squeeze(text[block_start:block_end])
            ):
                continue
            block = (block_start, block_end)
            quotes: tuple[tuple[int, int], ...] | None = None
            block_memo: dict[Any, Any] = {}  # what context rules work out once for this paragraph
            legal_block = cache(
                lambda block=block, memo=block_memo: is_legal_block(text, *block, rules, memo)
            )
            earlier: list[int] = []  # starts of the sentences before, in this paragraph
            for start, end in sentences:
                previous = (earlier[-2] if len(earlier) > 1 else earlier[0], start) if earlier else None
                earlier.append(start)
                sentence, matches = self._sentence_matches(text, start, end)
                if sentence is None or not matches:
                    continue
                if quotes is None:
                    region = regions.get(block, block) if regions is not None else block
                    if region == block:
                        quotes = block_quotes_found[block] = block_quotes(text, *block, rules, block_memo)
                    else:
                        quotes = block_quotes(text, *region, rules)
                passage = Passage(
                    text,
                    (start, end),
                    block,
                    quotes,
                    tuple(sentence.tokens),
                    tuple(sentence.clauses),
                    previous,
                    legal_block,
                    cache(lambda sentence=sentence: self._parse_in_batch(sentence)),
                    block_memo=block_memo,
                )
                for match in matches:
                    entry = match.compiled.entry
                    if entry.kind == "trust":
                        judgement = lambda match=match, passage=passage: self._positive(match, passage)  # noqa: E731
                    else:
                        site = Site(match.spans, match.tokens, match.compiled.pattern.free_order)
                        judgement = lambda entry=entry, site=site, passage=passage: self._finding(  # noqa: E731
                            document, entry, site, passage
                        )
                    judgements.judge(sentence, judgement)
        judgements.flush()
        findings: list[Finding] = []
        silenced: list[Finding] = []
        positives: list[PositiveMatch] = []
        for outcome in judgements.outcomes:
            if isinstance(outcome, PositiveMatch):
                positives.append(outcome)
            else:
                finding, is_silenced = outcome
                (silenced if is_silenced else findings).append(finding)
        for finding, is_silenced in self._who_decides(document, text, layout, block_quotes_found):
            (silenced if is_silenced else findings).append(finding)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        findings, notices, suppressed = apply_suppressions(document.text, findings, self.lexicon.entries)
        silenced.extend(suppressed)
        # The balance counts word-list findings, before the view filter (min_severity).
        balance = _balance(words, [f for f in findings if f.rule != self.agency.entry.id], positives)
        return FileResult(
            path=document.path,
            findings=self.policy.visible(findings),
            silenced=silenced,
            positives=positives,
            balance=balance,
            document=document,
            notices=notices,
            coverage=self._coverage(document, text, layout),
        )

    def _coverage(self, document: Document, text: str, layout: _Layout) -> list[CoverageItem]:
        """What the report holds (matching/coverage.py): the 'In dit verslag' checklist."""
        sentences = layout.sentences()
        return find_coverage(
            load_coverage_rules(), text, [(s.start, s.end) for s in document.segments], sentences
        )

    def _who_decides(
        self,
        document: Document,
        text: str,
        layout: _Layout,
        known_quotes: dict[tuple[int, int], tuple[tuple[int, int], ...]] | None = None,
    ) -> list[tuple[Finding, bool]]:
        """Decisions written without an actor (matching/agency.py), as hint findings.

        `known_quotes`: the quotes of paragraphs the main pass has worked out already.
        """
        found: list[tuple[Finding, bool]] = []
        positions = decision_words(self.agency, text)
        if not positions:
            return found
        for block, sentences in layout:
            if not any_between(positions, *block):
                continue
            memo: dict[Any, Any] = {}  # the paragraph's literal scan, shared by the two tests below
            quotes = (known_quotes or {}).get(block)
            if quotes is None:
                quotes = block_quotes(text, *block, self.context_rules, memo)
            legal_block = cache(
                lambda block=block, memo=memo: is_legal_block(text, *block, self.context_rules, memo)
            )
            for decision in find_hidden_decisions(
                self.agency, text, block, quotes, self._parse_tokens, positions, sentences
            ):
                sentence = next(s for s in sentences if s[0] <= decision.start < s[1])
                tokens = tokenize(text, *sentence)
                passage = Passage(
                    text,
                    sentence,
                    block,
                    quotes,
                    tuple(tokens),
                    tuple(clause_ids(tokens)),
                    None,
                    legal_block,
                    block_memo=memo,
                )
                used = tuple(
                    i
                    for i, token in enumerate(tokens)
                    if any(s <= token.start and token.end <= e for s, e in decision.spans)
                )
                site = Site(decision.spans, used or (0,))
                found.append(self._finding(document, self.agency.entry, site, passage))
        return found

    def _parse_tokens(self, tokens: list[Token]) -> Any:
        """The parse of a sentence for the who-decides analysis, or None without a parser."""
        if self.pipeline_choice.is_blank or not self.pipeline.has_parser:
            return None
        start, end = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
        return self._analysed(_Sentence(start, end, tokens))

    def _positive(self, match: RawMatch, passage: Passage) -> PositiveMatch:
        """Trust wording, judged by the same context rules: negated, quoted or reported does not count."""
        entry = match.compiled.entry
        site = Site(match.spans, match.tokens, match.compiled.pattern.free_order)
        verdict = apply_context(self._rules_for(entry), Severity.SUGGESTION, entry, site, passage)
        quoted = bool(verdict.notes)
        return PositiveMatch(entry.id, entry.principle, site.start, site.end, quoted, tuple(verdict.notes))

    def _finding(
        self,
        document: Document,
        entry: Entry,
        site: Site,
        passage: Passage,
    ) -> tuple[Finding, bool]:
        """The finding for a match of `entry`, and whether context or configuration silences it."""
        severity = self.policy.severity(entry)
        verdict = apply_context(self._rules_for(entry), severity, entry, site, passage)
        spans = site.spans
        start, end = spans[0][0], spans[-1][1]
        line, column = document.line_column(start)
        end_line, end_column = document.line_column(end)
        passage_text = document.text[start:end]
        notes = list(verdict.notes)
        silenced = verdict.silenced
        configured = self.policy.silencing_note(entry, passage_text)
        if configured:
            silenced, notes = True, [*notes, configured]
        finding = Finding(
            rule=entry.id,
            severity=verdict.severity,
            principle=entry.principle,
            start=start,
            end=end,
            spans=spans,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=passage_text,
            message=entry.reason,
            suggestions=entry.alternatives,
            mention=verdict.mention,
            context=tuple(notes),
            original_severity=severity,
            location=document.location_at(start),
            entry=entry,
        )
        return finding, silenced


class _Layout:
    """The document's blocks (paragraphs, in segment order) with their sentences: cut once per document.

    Kept as flat arrays of offsets: a tuple per block and per sentence of a long text would take
    almost as much memory as the text itself. Iterating gives (block, its sentences) as before.
    """

    def __init__(self, blocks: array[int], sentences: array[int]) -> None:
        self._blocks = blocks  # start, end and index of the first sentence of each block
        self._sentences = sentences  # start and end of each sentence

    def __iter__(self) -> Iterator[tuple[tuple[int, int], list[tuple[int, int]]]]:
        blocks, offsets = self._blocks, self._sentences
        for index in range(0, len(blocks), 3):
            first = 2 * blocks[index + 2]
            last = 2 * blocks[index + 5] if index + 5 < len(blocks) else len(offsets)
            sentences = [(offsets[at], offsets[at + 1]) for at in range(first, last, 2)]
            yield (blocks[index], blocks[index + 1]), sentences

    def sentences(self) -> _Spans:
        """Every sentence of the document, in order."""
        return _Spans(self._sentences)


class _Spans(Sequence[tuple[int, int]]):
    """(start, end) pairs read from a flat array of offsets."""

    def __init__(self, offsets: array[int]) -> None:
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) // 2

    def __getitem__(self, index: int) -> tuple[int, int]:  # type: ignore[override]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._offsets[2 * index], self._offsets[2 * index + 1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        offsets = self._offsets
        return zip(offsets[::2], offsets[1::2], strict=True)


def _layout(document: Document, text: str) -> _Layout:
    blocks, sentences = array("q"), array("q")
    for segment in document.segments:
        for block in iter_blocks(text, segment.start, segment.end):
            blocks.extend((*block, len(sentences) // 2))
            for sentence in iter_sentences(text, *block):
                sentences.extend(sentence)
    return _Layout(blocks, sentences)


@cache
def _context_rules(path: Path) -> list[ContextRule]:
    return load_context_rules(path)


def _page_spanning_blocks(document: Document, text: str) -> dict[tuple[int, int], tuple[int, int]]:
    """For a PDF: a paragraph that runs on over a page break is one stretch for finding quotes.

    The last paragraph of a page joins the first of the next when it does not end a sentence or the
    next one starts in lower case, so a quote that crosses the page break is still a quote.
    """
    regions: dict[tuple[int, int], tuple[int, int]] = {}
    pages = [list(iter_blocks(text, segment.start, segment.end)) for segment in document.segments]
    for current, following in itertools.pairwise(pages):
        if not current or not following:
            continue
        last, first = current[-1], following[0]
        ending = text[last[0] : last[1]].rstrip()
        opening = text[first[0] : first[1]].lstrip()
        if ending[-1:] not in '.!?”"’»:' or opening[:1].islower():
            start = regions.get(last, last)[0]
            regions[last] = regions[first] = (start, first[1])
            for block, region in list(regions.items()):
                if region[0] == start:
                    regions[block] = (start, first[1])
    return regions


def _without_overlaps(matches: list[RawMatch]) -> list[RawMatch]:
    """One finding per passage: where matches of the same kind share a token, keep one.

    The match with more words wins (the more specific entry: 'gedwongen kader' over 'dwingen'), then
    the higher severity, then lexicon order; a match that loses to one that is itself dropped stays.
    """
    ranked = sorted(
        matches,
        key=lambda m: (-len(m.tokens), -m.compiled.entry.severity, m.compiled.index, m.tokens),
    )
    taken: dict[str, set[int]] = {}
    kept = []
    for match in ranked:
        used = taken.setdefault(match.compiled.entry.kind, set())
        if used.intersection(match.tokens):
            continue
        used.update(match.tokens)
        kept.append(match)
    return sorted(kept, key=lambda m: m.tokens)


def _balance(words: int, findings: list[Finding], positives: list[PositiveMatch]) -> Balance:
    by_principle: dict[str, int] = {}
    control = 0
    for finding in findings:
        by_principle[finding.principle] = by_principle.get(finding.principle, 0) + 1
        if not finding.mention:
            control += 1
    trust = sum(1 for positive in positives if not positive.quoted)
    return Balance(words=words, control=control, trust=trust, by_principle=by_principle)
