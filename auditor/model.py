"""Records passed between the stages: hits from checks, findings, results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from typing import TYPE_CHECKING, Any

from auditor.extract import DateMention, Figure
from auditor.spans import Text

if TYPE_CHECKING:
    from auditor.relate import Relations
    from auditor.rulepack import RulePack


@dataclass(frozen=True)
class Hit:
    """What a check found: a span, the values for its message, the numbers."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    related: tuple[tuple[int, int], ...] = ()
    severity: str = ""  # overrides the rule's severity: an inferred reading is only a warning


@dataclass(frozen=True)
class Analysis:
    """One document as every check sees it, built once: the text and its
    normalised copy, the figures and dates, the relations between figures,
    and the check columns of the figures table (one mapping per figure)."""

    path: str
    text: Text
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    pack: "RulePack"
    blocks: tuple = ()
    tables: tuple = ()
    relations: "Relations | None" = None
    revisions: int = 0  # tracked changes the document still holds (read as accepted)
    columns: tuple[str, ...] = ()  # the check columns of the figures table, in order
    # only the figures some numeric rule judges have check values: a row for
    # every figure would hold most of a long document's memory
    check_values: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)
    # rule id → (the rule, what its check judged): the check's hits read it again
    # rather than judge the document a second time
    judged: Mapping[str, tuple[Any, Mapping[int, Any]]] = field(default_factory=dict, repr=False, compare=False)

    def row(self, index: int) -> dict[str, Any]:
        """The figure's row of check columns (empty where nothing judges it)."""
        return {**dict.fromkeys(self.columns), "value_num": self.figures[index].value, **self.check_values.get(index, {})}

    @property
    def rows(self) -> tuple[dict[str, Any], ...]:
        """Every figure's row, built when asked for (the figures table, the gx engine)."""
        return tuple(self.row(index) for index in range(len(self.figures)))
    comments: tuple[tuple[int, int, str], ...] = ()  # Word comments: (start, end, text) of what they are anchored to
    # a long document is analysed a piece at a time (auditor.pieces): where this
    # piece starts in the document, how many lines come before it, whether it is the
    # document's last, and state a check carries from piece to piece (None: the whole)
    offset: int = 0
    lines_before: int = 0
    at_document_end: bool = True
    carry: dict | None = None

    def state(self, rule_id: str) -> dict:
        """A check's state for this document: carried from piece to piece, fresh on a whole document."""
        return {} if self.carry is None else self.carry.setdefault(rule_id, {})


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    excerpt: str
    message: str
    details: dict[str, Any]
    related: tuple[dict[str, int], ...] = ()
    location: dict[str, int] = field(default_factory=dict)
    mark: tuple[int, int] = (0, 0)  # where the finding sits inside `excerpt`

    def as_json(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "details": {**self.details, "related": list(self.related)} if self.related else self.details,
        }
        if self.location:
            data["location"] = self.location
        return data

    def as_json_in(self, lang: str) -> dict[str, Any]:
        """as_json, with the location also told as a phrase (location.where)."""
        data = self.as_json()
        if self.location:
            from auditor.locate import describe

            where = describe(self.location, lang)
            data["location"] = {**self.location, **({"where": where} if where else {})}
        return data


class FindingPages(Sequence):
    """A long document's findings, held as compressed pages and decoded a page
    at a time as they are read: a 50 MB report has hundreds of thousands of
    findings, too many to hold as objects. Reads like a tuple of Findings."""

    PAGE = 2048

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._pages: list[bytes] = []
        self._last: list[Finding] = []  # the page being filled, not yet compressed
        self._size = self.PAGE
        self.extend(findings)

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self._last.append(finding)
            if len(self._last) == self._size:
                self._pages.append(_packed(self._last))
                self._last = []

    def append(self, finding: Finding) -> None:
        self.extend((finding,))

    def _page(self, number: int) -> list[Finding]:
        return _unpacked(self._pages[number]) if number < len(self._pages) else self._last

    def __iter__(self) -> Iterator[Finding]:
        for number in range(len(self._pages)):
            yield from _unpacked(self._pages[number])
        yield from list(self._last)

    def __len__(self) -> int:
        return len(self._pages) * self._size + len(self._last)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        length = len(self)
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError(index)
        return self._page(index // self._size)[index % self._size]

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"FindingPages({len(self)} findings)"


def _packed(findings: list[Finding]) -> bytes:
    import pickle
    import zlib

    return zlib.compress(pickle.dumps(findings, pickle.HIGHEST_PROTOCOL), 1)


def _unpacked(data: bytes) -> list[Finding]:
    import pickle
    import zlib

    return pickle.loads(zlib.decompress(data))


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    error_code: str | None = None
    text: str = ""
    figures: tuple[dict[str, Any], ...] = ()  # rows of the figures table, when asked for
    relations: tuple[dict[str, Any], ...] = ()  # rows of the relations table, when asked for
    suppressed: int = 0
    notice: str | None = None  # audited, but worth a word (an empty file), in the user's language
    notice_code: str | None = None
    unused_suppressions: tuple[Finding, ...] = ()  # AU001 notes, reported with --report-unused-suppressions
    facts: Any = None  # auditor.across.DocumentFacts, when checking across reports
    notices: tuple[str, ...] = ()  # warnings about the file that are not findings, in the report language


def plain(value: Any) -> Any:
    """Numbers in details as strings: exact and the same bytes every run."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is Decimal:
        return format_decimal(value)
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    return value


_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def format_decimal(value: Decimal) -> str:
    # normalize() rounds to the context's 28 digits: exact context for long figures
    text = format(value.normalize(_EXACT), "f") if value == value.to_integral_value() else format(value, "f")
    return "0" if text in ("-0", "") else text
