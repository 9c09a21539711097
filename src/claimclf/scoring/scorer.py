"""The batch loop: every input row in, exactly one scored row out, in the same order.

A row whose text cannot be scored (missing, empty, not text) is kept with
``decision=review`` and a ``reason``, never dropped and never a crash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from claimclf.config import EVIDENCE_TERMS
from claimclf.decision import WORDS_COUNTED, Doubt, Policy, bound_confidence, count_content_tokens, shrink
from claimclf.errors import ClaimError
from claimclf.scoring.clauses import Clauses
from claimclf.tables import RAW_LINE, Table, Unreadable, raw_lines, unreadable_rows
from claimclf.text import normalize, tokenize

if TYPE_CHECKING:
    import pandas as pd

    from claimclf.scoring.engine import Engine

OUTPUT_COLUMNS = ["predicted_label", "p_cosmetic", "decision", "evidence", "reason"]
MAX_CHARS = 100_000


class Decided(NamedTuple):
    """What scoring reports for one text."""

    p: float  # p_cosmetic as reported: bounded by the text's words, pulled towards 0.5 when doubted
    decision: str
    doubt: str  # why the text goes to review whatever its score, or ""
    p_model: float  # bounded but not pulled: the model's probability, which metrics measure


def _clean_text(value: object) -> tuple[str | None, str]:
    """The text to score and a reason when it is not scored as given."""
    if isinstance(value, Unreadable):
        return None, value.reason
    if value is None:
        return None, "missing text"
    if isinstance(value, float) and value != value:  # NaN
        return None, "missing text"
    if not isinstance(value, str):
        return None, f"text is not a string ({type(value).__name__})"
    if not value.strip():
        return None, "empty text"
    if len(value) > MAX_CHARS:
        return value[:MAX_CHARS], f"truncated to the first {MAX_CHARS} characters"
    return value, ""


class Scorer:
    """A model's engine, its decision policy, its doubt rules and its explainer, ready for batches.

    Scoring runs on the model's arrays (:class:`claimclf.scoring.engine.Engine`), which give the
    fitted pipeline's probabilities without scikit-learn. Each text is normalised once, here.
    """

    def __init__(self, engine: Engine, policy: Policy, evidence_terms: int = EVIDENCE_TERMS) -> None:
        from claimclf.decision import shipped_presumed_cosmetic
        from claimclf.scoring.explain import Explainer

        self.model = engine
        self.policy = policy
        self.doubt = Doubt(engine.presumed_cosmetic if engine.presumed_cosmetic is not None else shipped_presumed_cosmetic())
        self.evidence_terms = evidence_terms
        self.explainer = Explainer.from_engine(engine) if evidence_terms > 0 else None
        self.clauses = Clauses(engine) if engine.by_clause else None

    def score_texts(self, values: Iterable[object]) -> list[dict[str, object]]:
        """One result per value, in order."""
        columns = self._score(list(values))
        return [dict(zip(OUTPUT_COLUMNS, row, strict=True)) for row in zip(*columns.values(), strict=True)]

    def _score(self, values: list[object]) -> dict[str, list[object]]:
        """The output columns, one entry per value: built as columns, since that is what is written."""
        from claimclf.scoring.explain import format_evidence

        cleaned = list(map(_clean_text, values))
        n = len(cleaned)
        label: list[object] = [""] * n
        p_out: list[object] = [float("nan")] * n
        decision: list[object] = ["review"] * n
        evidence: list[object] = [""] * n
        reason: list[object] = [r for _, r in cleaned]
        todo = [i for i, (t, _) in enumerate(cleaned) if t is not None]
        if todo:
            texts = [cleaned[i][0] for i in todo]
            norms = [normalize(t) for t in texts]
            if self.clauses is not None:  # each clause's parts looked up, worked out only when new
                readings = self.clauses.read(norms)
                words, probs = self.model.transform_ids([r.word_ids for r in readings], [r.char_ids for r in readings])
                known = [(r.read, r.content, r.votes) for r in readings]
            else:  # content and votes are then counted by decide
                reads = [self.model.focus(n) for n in norms]
                words, probs = self.model.transform(reads, focused=True)
                known = [(read, None, None) for read in reads]
            # One pass of feature extraction serves both the score and the evidence.
            if self.explainer:
                found = self.explainer.explain(norms, k=self.evidence_terms, word_matrix=words)
            else:
                found = [[]] * len(texts)
            decide, policy_label = self.decide, self.policy.label
            for i, text, norm, (read, content, votes), p, ev in zip(todo, texts, norms, known, probs, found, strict=True):
                p, decision[i], doubt, _ = decide(text, norm, p, read=read, content=content, votes=votes)
                if doubt:
                    reason[i] = f"{reason[i]}; {doubt}" if reason[i] else doubt
                label[i] = policy_label(p)
                p_out[i] = round(p, 6)
                evidence[i] = format_evidence(ev) if ev else ""
        return dict(zip(OUTPUT_COLUMNS, (label, p_out, decision, evidence, reason), strict=True))

    def decide(self, text: str, norm: str, p: float, read: str | None = None, content: int | None = None,
               votes: tuple[str, ...] | None = None) -> Decided:
        """What to report for the engine's ``p`` on ``text`` (``norm`` its normalised form, ``read`` what the
        model read of it, ``content`` and ``votes`` its content tokens and language votes: worked out here
        when not given)."""
        # Confidence and doubt go by what the model read: a long note's boilerplate gives no words.
        norm = self.model.focus(norm) if read is None else read
        tokens = tokenize(norm) if content is None or votes is None else None
        content = count_content_tokens(tokens) if content is None else content
        content = min(content, WORDS_COUNTED)  # the doubt rules need fewer
        p = bound_confidence(p, content)
        doubt = self.doubt.reason(text, norm, tokens, content, votes)
        if doubt:
            return Decided(shrink(p), "review", doubt, p)
        return Decided(p, self.policy.decide(p), "", p)

    def score_columns(self, values: list[object]) -> dict[str, list[object]]:
        """The output columns for ``values``, one entry each, as plain lists: what a worker process sends back.

        Plain lists rather than a DataFrame, so a worker never imports pandas (about a second each).
        """
        try:
            return self._score(values)
        finally:
            clear_per_text_caches()

    def score_column(self, values: list[object]) -> pd.DataFrame:
        """The output columns for ``values`` as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.score_columns(values), columns=OUTPUT_COLUMNS)


def text_values(chunk: pd.DataFrame | Table, text_col: str) -> list[object]:
    """The chunk's texts, with :class:`~claimclf.tables.Unreadable` for rows the reader could not parse.

    All missing when the column is absent from this chunk only (JSONL).
    """
    if text_col not in chunk.columns:
        values = [None] * len(chunk)
    else:
        values = chunk.column(text_col) if isinstance(chunk, Table) else chunk[text_col].tolist()
    for position, reason in unreadable_rows(chunk).items():
        values[position] = Unreadable(reason)
    return values


def clear_per_text_caches() -> None:
    """Empty the caches keyed by whole claim texts, once per chunk.

    They pay off in cross-validation, but kept across chunks they grow with every distinct
    claim: 100,000 cached analyses hold about 400 MB. Caches of short clauses
    (segmenter.segment_run) stay.
    """
    from claimclf import features, text

    for cache in (getattr(text, "tokenize", None), getattr(features, "_analyze", None)):
        if hasattr(cache, "cache_clear"):
            cache.cache_clear()


def attach_results(frame: pd.DataFrame | Table, results: pd.DataFrame | dict[str, list[object]]) -> pd.DataFrame | Table:
    """``frame`` with the output columns of :meth:`Scorer.score_columns` appended, replacing any of the same name.

    Frames read from CSV, TSV or JSONL also get ``raw_line``: empty, except for rows the reader could not parse.
    """
    if isinstance(frame, Table):
        added = {col: results[col] for col in OUTPUT_COLUMNS}
        raw = raw_lines(frame)
        if raw is not None:
            added[RAW_LINE] = [raw.get(i, "") for i in range(len(frame))]
        return frame.with_columns(added)
    import pandas as pd

    if isinstance(results, dict):
        results = pd.DataFrame(results, columns=OUTPUT_COLUMNS)
    results = results.set_axis(frame.index)
    added = list(OUTPUT_COLUMNS)
    raw = raw_lines(frame)
    if raw is not None:  # text formats: the broken rows' lines as read, so nothing of them is lost
        results[RAW_LINE] = [raw.get(i, "") for i in range(len(frame))]
        added.append(RAW_LINE)
    kept = frame.drop(columns=[c for c in added if c in frame.columns])
    return pd.concat([kept, results], axis=1)


def count_review(out: pd.DataFrame | Table) -> int:
    """How many rows of a scored chunk went to review."""
    decisions = out.column("decision") if isinstance(out, Table) else out["decision"].tolist()
    return decisions.count("review")


def missing_column_error(column: str, columns: Iterable[object], option: str = "--text-col") -> ClaimError:
    """The error for a column the input lacks, naming the ``option`` that chose it and a likely alternative."""
    names = [str(c) for c in columns]
    if option == "--text-col":
        likely = ("text", "justification", "narrative", "note", "claim_text", "内容")
    else:
        likely = ("id", "claim_id", "claimid", "claim_no", "claim_number", "编号")
    guesses = [c for c in names if c.lower() in likely]
    hint = f" (did you mean {option} {guesses[0]}?)" if guesses else ""
    shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
    return ClaimError(f"no column {column!r} in the input (columns: {shown}): pass {option} NAME{hint}")
