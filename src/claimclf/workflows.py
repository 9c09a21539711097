"""What each command does from start to end; the CLI parses options, calls one of these and prints.

Each workflow reads through :mod:`claimclf.dataset` or :mod:`claimclf.tables`, loads models
through :func:`claimclf.persistence.load` (every file checked), measures through
:func:`claimclf.evaluate.evaluate_model`, and hands what it produced to tracking to record.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimclf import config
from claimclf.errors import ClaimError

if TYPE_CHECKING:
    from claimclf.decision import Policy
    from claimclf.persistence import LoadedModel
    from claimclf.tracking.store import Tracker

Say = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


# ---------------------------------------------------------------- tracking around a command


@dataclass(frozen=True)
class Tracking:
    """The tracking options a command was given."""

    enabled: bool = True
    uri: str | None = None
    experiment: str = "claimclf"
    optional: bool = False


def _tracker(tracking: Tracking, say: Say) -> Tracker | None:
    """A probed tracker, or None when tracking is off (or optional and unreachable). Called before the work: fail fast."""
    if not tracking.enabled:
        return None
    from claimclf.tracking.store import prepare

    return prepare(True, tracking.uri, tracking.experiment, tracking.optional, say=say)


def _record(tracking: Tracking, log: Callable[[], dict[str, Any]], say: Say) -> str | None:
    """Record the run; a failing store is an error, or a warning with --track-optional (the files are written)."""
    from claimclf.tracking.store import TrackingError, display_uri

    try:
        info = log()
    except TrackingError as exc:
        if not tracking.optional:
            raise TrackingError(f"{exc} (the local files were written)") from None
        say(f"warning: {exc}; continuing WITHOUT tracking (--track-optional)")
        return None
    where = f"run {info['run_id']} in experiment {info['experiment_id']} ({display_uri(info['uri'])})"
    if info.get("version") is not None:
        kind = "evaluated" if info.get("evaluated") else "registered as"
        where += f"; {kind} claimclf version {info['version']}"
    if info.get("champion"):
        where += " (the champion: the first version in this registry)"
    return where


def model_name(ref: str | Path, sidecar: dict[str, Any]) -> str:
    """How plots name a model: ``claimclf v3`` / ``claimclf@champion`` for registered ones, else file and timestamp."""
    ref = str(ref)
    if ref.startswith("models:/"):
        return ref[len("models:/"):].replace("/", " v", 1)
    return f"{Path(ref).name} {sidecar.get('model_version', '')}".strip()


# ---------------------------------------------------------------- train


@dataclass
class Trained:
    result: Any  # claimclf.train.TrainResult
    policy: dict[str, Any]
    sidecar: dict[str, Any]
    model: Path
    tracked: str | None = None


def train_and_save(
    data: Path | list[Path] | None = None,
    model: Path | None = None,
    *,
    weights: dict[str, float] | list[str] | None = None,
    search: bool = True,
    review_band: tuple[float, float] | None = None,
    target_precision: float = 0.99,
    calibrate: bool = True,
    text_col: str = "text",
    label_col: str = "label",
    tracking: Tracking = Tracking(),
    say: Say = _quiet,
    warn: Say = _quiet,
) -> Trained:
    """Train on labelled data, write the model's three files, evaluate the held-out predictions, record the run.

    ``data`` may be several files (e.g. the shipped corpus and a team's own labels): their rows are
    kept apart in the folds, weighed by ``weights`` (file or file name -> weight), and measured per file.
    ``say`` hears the progress, ``warn`` the warnings (shown even when progress is not).
    """
    import tempfile

    from claimclf.dataset import fingerprint, fingerprint_files, parse_weights, read_labelled, read_training_files
    from claimclf.decision import Policy, presumed_cosmetic_bytes, shipped_presumed_cosmetic
    from claimclf.evaluate import evaluate_predictions, write_report
    from claimclf.files import sha256_file
    from claimclf.persistence import save_model, sha256
    from claimclf.segmenter import user_dictionary_path
    from claimclf.train import train

    paths = [Path(p) for p in (data if isinstance(data, (list, tuple)) else [data]) if p] or [config.default_corpus()]
    model = Path(model or config.default_model())
    for path in paths:
        if not path.exists() and path == config.default_corpus():
            raise ClaimError(f"shipped corpus not found at {path}: run `claimclf data generate` first")
    if isinstance(weights, list):  # --weight FILE=W as given on the command line
        weights = parse_weights(weights)
    if weights and len(paths) == 1:
        raise ClaimError("--weight weighs one --data file against another: give two or more --data files")
    tracker = _tracker(tracking, warn)
    if len(paths) == 1:
        df = read_labelled(paths[0], text_col, label_col, for_training=True)
        training_data = fingerprint(paths[0], df)
    else:
        df = read_training_files(paths, weights or {}, text_col, label_col)
        training_data = fingerprint_files(paths, df)
    data = paths[0] if len(paths) == 1 else paths
    say(f"training on {', '.join(map(str, paths))} ({len(df)} rows)")
    result = train(df, search=search, progress=say, calibrate=calibrate, target_precision=target_precision)
    policy = dict(result.policy)
    if review_band:
        policy.update(review_low=review_band[0], review_high=review_band[1], chosen_by="--review-band")
    else:
        policy["chosen_by"] = f"target precision {target_precision:g} on cross-validated predictions"
    meta = {
        "params": result.params,
        "training_data": training_data,
        "jieba_user_dict_sha256": sha256_file(Path(user_dictionary_path())),
        "presumed_cosmetic_sha256": sha256(presumed_cosmetic_bytes()),
        "cv": {"grouped": result.cv.grouped, "n_splits": result.cv.n_splits, "metrics": result.cv.metrics},
        "cv_ungrouped": result.cv_ungrouped.metrics if result.cv_ungrouped else None,
        "cv_leave_procedure_out": result.cv_procedure.metrics if result.cv_procedure else None,
        "cv_breakdown": result.cv_breakdown,
        "search": result.search,
        "calibration": result.calibration,
        "decision_policy": policy,
    }
    sidecar = save_model(result.pipeline, model, meta, shipped_presumed_cosmetic())
    trained = Trained(result, policy, sidecar, model)
    if tracker:
        oof = evaluate_predictions(df, result.oof_p, Policy.from_sidecar(sidecar))
        oof["note"] = "out-of-fold (cross-validated) predictions on the training data"
        with tempfile.TemporaryDirectory() as tmp:
            names = " + ".join(p.name for p in paths)
            subject = f"{names}, out of fold · {model_name(model, sidecar)} · n={len(df)}"
            report_paths = write_report(oof, df, result.oof_p, Path(tmp) / "evaluation", subject)
            from claimclf.tracking.runs import log_training

            trained.tracked = _record(tracking, lambda: log_training(
                tracker, result, df, data, model, sidecar, search, oof_report=oof, oof_paths=report_paths,
                text_col=text_col, label_col=label_col), warn)
    return trained


# ---------------------------------------------------------------- calibrate


@dataclass
class Recalibrated:
    calibration: dict[str, Any]
    policy: dict[str, Any]
    sidecar: dict[str, Any]
    model: Path
    tracked: str | None = None


def recalibrate_model(
    data: Path,
    out: Path,
    model: str | Path | None = None,
    *,
    folds: int = 5,
    target_precision: float = 0.99,
    overwrite: bool = False,
    text_col: str = "text",
    label_col: str = "label",
    tracking: Tracking = Tracking(),
    say: Say = _quiet,
) -> Recalibrated:
    """Refit an existing model's calibration and review band on a team's own labelled sample, as a new model.

    The features and word weights stay as trained; only Platt's slope and intercept and the band
    change. The band is chosen on cross-fitted probabilities (each row calibrated by a fit on the
    other folds), so it reflects claims the calibration has not seen.
    """
    import numpy as np

    from claimclf.dataset import fingerprint, read_labelled
    from claimclf.decision import PlattCalibrated, bound_confidences, choose_band, cross_fit_platt, fit_platt
    from claimclf.evaluate import expected_calibration_error
    from claimclf.features import reading
    from claimclf.persistence import load, save_model
    from claimclf.text import normalize
    from claimclf.train import positive_index

    out = Path(out)
    if out.exists() and not overwrite:
        raise ClaimError(f"{out} already exists: pass --overwrite to replace it, or choose another --out")
    ref = model or config.default_model()
    tracker = _tracker(tracking, say)
    loaded = load(ref, warn=say)
    df = read_labelled(data, text_col, label_col, for_training=True)
    counts = df["label"].value_counts()
    if counts.min() < folds:
        raise ClaimError(f"{data}: {counts.min()} {counts.idxmin()} row(s); cross-fitting in {folds} folds needs at "
                         f"least {folds} of each label (or pass --folds 2)")
    pipeline = loaded.load_pipeline()
    clf = pipeline.named_steps["clf"]
    base = getattr(clf, "estimator", clf)
    texts = df["text"].astype(str).tolist()
    z = base.decision_function(pipeline.named_steps["features"].transform(texts))
    if list(base.classes_).index(config.POSITIVE) == 0:
        z = -z
    raw = 1.0 / (1.0 + np.exp(-z))
    y = df["label"].to_numpy()
    before = pipeline.predict_proba(texts)[:, positive_index(pipeline)]
    held = cross_fit_platt(y, raw, folds)
    read = reading(pipeline)
    norms = [read(normalize(t)) for t in texts]
    policy = choose_band(y, bound_confidences(held, norms), target_precision)
    policy["chosen_by"] = f"target precision {target_precision:g} on cross-fitted probabilities of {Path(data).name}"
    a, b = fit_platt(y, raw)
    pipeline.set_params(clf=PlattCalibrated(base, a, b))
    y_pos = y == config.POSITIVE
    calibration = {
        "method": f"platt on {Path(data).name}, cross-fitted in {folds} folds",
        "a": a, "b": b,
        "ece_before": expected_calibration_error(y_pos, bound_confidences(before, norms)),
        "ece_after": expected_calibration_error(y_pos, bound_confidences(held, norms)),
        "previous": loaded.sidecar.get("calibration"),
    }
    keep = ("params", "training_data", "jieba_user_dict_sha256", "presumed_cosmetic_sha256", "cv", "cv_ungrouped",
            "cv_leave_procedure_out", "cv_breakdown", "search")
    meta = {k: loaded.sidecar[k] for k in keep if k in loaded.sidecar}
    meta.update(calibration=calibration, decision_policy=policy, calibration_data=fingerprint(Path(data), df),
                recalibrated_from={"model": str(ref), "model_version": loaded.sidecar.get("model_version"),
                                   "model_sha256": loaded.sidecar.get("model_sha256")})
    sidecar = save_model(pipeline, out, meta, loaded.engine().presumed_cosmetic)
    done = Recalibrated(calibration, policy, sidecar, out)
    if tracker:
        from claimclf.tracking.runs import log_recalibration

        done.tracked = _record(tracking, lambda: log_recalibration(tracker, pipeline, df, Path(data), out, sidecar,
                                                                   str(ref), loaded.sidecar), say)
    return done


# ---------------------------------------------------------------- evaluate


@dataclass
class Evaluated:
    report: dict[str, Any]
    paths: list[Path]
    tracked: str | None = None


def evaluate_file(
    data: Path | None = None,
    model: str | Path | None = None,
    *,
    report_dir: Path | None = None,
    review_band: tuple[float, float] | None = None,
    text_col: str = "text",
    label_col: str = "label",
    tracking: Tracking = Tracking(),
    say: Say = _quiet,
) -> Evaluated:
    """Evaluate a model on a labelled file: the report, its plots, the baselines, and a tracked run."""
    from claimclf.baselines import training_majority
    from claimclf.dataset import read_labelled
    from claimclf.decision import Policy
    from claimclf.evaluate import baseline_reports, evaluate_model, leakage_flags, write_report
    from claimclf.files import sha256_file
    from claimclf.persistence import load
    from claimclf.scoring.explain import Explainer

    data = Path(data or config.default_corpus())
    ref = model or config.default_model()
    tracker = _tracker(tracking, say)
    loaded = load(ref, warn=say)
    df = read_labelled(data, text_col, label_col)
    sidecar = loaded.sidecar
    engine = loaded.engine()
    report, p = evaluate_model(engine, df, Policy.from_sidecar(sidecar, review_band))
    report["model"] = {"path": str(ref), "version": sidecar.get("model_version"), "sha256": sidecar.get("model_sha256")}
    trained_on = sidecar.get("training_data", {})
    trained_shas = {trained_on.get("sha256"), *(f.get("sha256") for f in trained_on.get("files", []))}
    report["data"] = {"path": str(data), "rows": len(df), "in_sample": sha256_file(data) in trained_shas}
    explainer = Explainer.from_engine(engine)
    report["top_features"] = {lang: explainer.top_features(15, lang) for lang in ("en", "zh")}
    report["leakage_flags"] = leakage_flags(explainer.top_features(50, raw=True))
    report["baselines"] = baseline_reports(df, training_majority(sidecar))
    subject = f"{data.name} · {model_name(ref, sidecar)} · n={len(df)}"
    paths = write_report(report, df, p, Path(report_dir or config.default_report_dir()), subject)
    evaluated = Evaluated(report, paths)
    if tracker:
        from claimclf.tracking.runs import log_evaluation

        evaluated.tracked = _record(tracking, lambda: log_evaluation(tracker, report, df, data, str(ref), sidecar, paths),
                                    say)
    return evaluated


# ---------------------------------------------------------------- score and predict


def scorer_spec(model: str | Path | None, band: tuple[float, float] | None, evidence: int, say: Say = _quiet):
    """What every scoring process needs: the model's checked scoring arrays."""
    from claimclf.persistence import load
    from claimclf.scoring.workers import ScorerSpec

    return ScorerSpec.from_model(load(model or config.default_model(), warn=say), band, evidence)


@dataclass
class Scored:
    rows: int
    review: int
    seconds: float


def score_file(
    input: str,
    output: str = "-",
    *,
    model: str | Path | None = None,
    text_col: str = "text",
    id_col: str | None = None,
    fmt: str | None = None,
    output_format: str | None = None,
    encoding: str = "utf-8-sig",
    batch_size: int = 5000,
    overwrite: bool = False,
    review_band: tuple[float, float] | None = None,
    evidence: int = config.EVIDENCE_TERMS,
    jobs: int | None = None,
    progress: bool = False,
    say: Say = _quiet,
) -> Scored:
    """Score a file: every row out, in order, with the output columns; written under its name only when complete."""
    from claimclf.progress import Progress
    from claimclf.scoring.scorer import count_review, missing_column_error
    from claimclf.scoring.workers import Pool, batch_collection, default_jobs, score_stream
    from claimclf.tables import ReadMeter, TableWriter, check_output_path, infer_format, iter_table

    in_fmt = infer_format(input, fmt)
    if output != "-" and input != "-" and Path(output).resolve() == Path(input).resolve():
        raise ClaimError("output and input are the same file: choose another -o")
    if output != "-":
        check_output_path(output, overwrite)  # a directory or a missing one is named before its extension is judged
    out_fmt = infer_format(output, output_format, "--output-format") if (output != "-" or output_format) else in_fmt
    with contextlib.ExitStack() as stack:
        writer = stack.enter_context(TableWriter(output, out_fmt, overwrite=overwrite))  # refuses an existing output now
        spec = scorer_spec(model, review_band, evidence, say)
        jobs = jobs or default_jobs()
        # Workers start now, while this process reads, when the input is surely more than one chunk.
        pool = (stack.enter_context(contextlib.closing(Pool.start(spec, jobs)))
                if jobs > 1 and _bytes(input) > batch_size * EARLY_START_BYTES_PER_ROW else None)
        meter = ReadMeter()
        # CSV or TSV in and out: plain rows, no pandas (a second of this process's time)
        plain = in_fmt in ("csv", "tsv") and out_fmt in ("csv", "tsv")
        chunks = iter_table(input, fmt=in_fmt, encoding=encoding, batch_size=batch_size, meter=meter, plain=plain)
        first = next(chunks)
        for col, option in [(text_col, "--text-col")] + ([(id_col, "--id-col")] if id_col else []):
            if col not in first.columns:
                raise missing_column_error(col, first.columns, option)
        read = {"rows": 0}

        def counted():
            for chunk in itertools.chain([first], chunks):
                read["rows"] += len(chunk)
                yield chunk

        bar = Progress(progress, total=lambda done: meter.estimated_rows(read["rows"]))
        stack.callback(bar.close)
        stack.enter_context(_sigterm_as_interrupt())
        stack.enter_context(batch_collection())
        stream = stack.enter_context(contextlib.closing(
            score_stream(spec, counted(), text_col=text_col, jobs=jobs, on_chunk=bar.update, pool=pool)
        ))
        review = 0
        for out in stream:
            review += count_review(out)
            writer.write(out)
    return Scored(bar.done, review, bar.elapsed)


# Past this many bytes per row of a chunk, a file most likely holds several chunks (claims take a few hundred
# bytes), so workers are started before reading; when it holds one after all, they score it all the same.
EARLY_START_BYTES_PER_ROW = 200


def _bytes(path: str) -> int:
    """The size of the input file, 0 for standard input or anything that is not a plain file."""
    try:
        return os.stat(path).st_size if path != "-" and Path(path).is_file() else 0
    except OSError:
        return 0


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """SIGTERM (kill, timeout, a scheduler stopping the job) unwinds like Ctrl-C: temporary files are removed."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def predict_one(text: str, model: str | Path | None = None, evidence: int = 6, say: Say = _quiet) -> dict[str, Any]:
    """One claim's result, with its evidence as (term, weight) pairs."""
    from claimclf.text import normalize

    scorer = scorer_spec(model, None, evidence, say).build()
    result = scorer.score_texts([text])[0]
    items = scorer.explainer.explain([normalize(text)], k=evidence)[0] if scorer.explainer and text.strip() else []
    return dict(result, evidence=[(e.term, e.weight) for e in items])


# ---------------------------------------------------------------- data


def generate_data(out: Path | None = None, rows: int | None = None, seed: int | None = None,
                  sample: bool = True) -> list[str]:
    """Rebuild the corpus, its data card, the presumed-cosmetic list and (default --out) the sample; what was written."""
    from claimclf.corpus import datacard, generator
    from claimclf.corpus.presumed import write_presumed_cosmetic
    from claimclf.decision import PRESUMED_COSMETIC_FILE
    from claimclf.files import atomic_write_text

    target = Path(out or config.default_corpus())
    used_seed = generator.DEFAULT_SEED if seed is None else seed
    made = generator.write_corpus(target, n_rows=rows or generator.DEFAULT_ROWS, seed=used_seed)
    written = [f"{len(made)} labelled rows written to {target}"]
    card = target.with_name("README.md") if out is None else target.with_suffix(".card.md")
    atomic_write_text(card, datacard.render(made, seed=used_seed))
    written.append(f"data card written to {card}")
    if out is None:
        names = write_presumed_cosmetic(config.resources_dir() / PRESUMED_COSMETIC_FILE)
        written.append(f"{len(names)} presumed-cosmetic procedure names written to "
                       f"{config.resources_dir() / PRESUMED_COSMETIC_FILE}")
        if sample:
            s = generator.write_sample(config.default_sample())
            written.append(f"{len(s)} unlabelled sample claims written to {config.default_sample()}")
    return written


def validate_data(path: Path, fmt: str | None = None, encoding: str = "utf-8-sig"):
    """The validation report of a labelled file (see :func:`claimclf.dataset.validate`)."""
    from claimclf.dataset import validate
    from claimclf.tables import read_table

    return validate(read_table(str(path), fmt=fmt, encoding=encoding))


# ---------------------------------------------------------------- promote


def default_promotion_data() -> Path:
    """The team's dev set beside the project when present, else the shipped corpus."""
    dev = config.project_root().parent / "shared" / "dev" / "dev.csv"
    return dev if dev.is_file() else config.default_corpus()


def promote_version(
    version: str,
    data: Path | None = None,
    *,
    tolerance: float = 0.02,
    force: bool = False,
    tracking_uri: str | None = None,
    text_col: str = "text",
    label_col: str = "label",
    echo: Say = print,
    say: Say = _quiet,
) -> str:
    """Make ``version`` the champion if it is at least as good as the current one on the same data.

    Both are measured by :func:`claimclf.evaluate.evaluate_model`; the comparison is printed
    with ``echo`` and recorded (version tags and a run); a refusal raises
    :class:`~claimclf.tracking.registry.PromotionRefused` unless ``force``. Returns the status.
    """
    from claimclf.dataset import read_labelled
    from claimclf.decision import Policy
    from claimclf.evaluate import evaluate_model
    from claimclf.files import sha256_file
    from claimclf.persistence import load
    from claimclf.tracking.registry import (
        CHAMPION,
        PROMOTION_EXPERIMENT,
        REGISTERED_MODEL,
        Comparison,
        PromotionRefused,
        compare,
        record_promotion,
        versions,
    )
    from claimclf.tracking.store import Tracker, probe, resolve_tracking_uri

    version = str(version).lstrip("vV")
    if not version.isdigit():
        raise ClaimError(f"VERSION must be a registered version number like 3, not {version!r}")
    uri = resolve_tracking_uri(tracking_uri)
    probe(uri)
    data = Path(data) if data else default_promotion_data()
    if not data.is_file():
        raise ClaimError(f"evaluation data {data} not found: pass --data")
    tracker = Tracker(uri=uri, experiment=PROMOTION_EXPERIMENT)
    champion = versions(tracker, version)
    if champion == version:
        echo(f"claimclf v{version} is already the {CHAMPION}: nothing to do")
        return "unchanged"
    df = read_labelled(data, text_col, label_col)

    def measured(v: str) -> dict[str, Any]:
        loaded: LoadedModel = load(f"models:/{REGISTERED_MODEL}/{v}", warn=say, tracking_uri=uri)
        policy: Policy = Policy.from_sidecar(loaded.sidecar)
        return evaluate_model(loaded.engine(), df, policy)[0]

    new = measured(version)
    old = measured(champion) if champion is not None else None
    result = Comparison(version, champion, data, sha256_file(data), len(df), tolerance, compare(new, old, tolerance))
    for line in result.lines():
        echo(line)
    status = "first" if champion is None else ("passed" if result.passed else ("forced" if force else "refused"))
    record_promotion(tracker, result, status, force, new, old, move_alias=result.passed or force)
    if status == "refused":
        raise PromotionRefused(f"not promoted: v{version} is worse than champion v{champion} on {data.name} "
                               "(see the FAILS lines above); pass --force to promote anyway")
    if status == "forced":
        echo(f"forced: {CHAMPION} is now v{version} although the comparison failed (recorded as promotion.status=forced)")
    elif champion is None:
        echo(f"no {CHAMPION} before: {CHAMPION} is now v{version}")
    else:
        echo(f"promoted: {CHAMPION} is now v{version} (was v{champion})")
    return status


# ---------------------------------------------------------------- label


LABEL_STUDIO = "label-studio"


def _write_output(frame_or_bytes: Any, output: str, fmt: str, overwrite: bool) -> None:
    """A table (or Label Studio JSON bytes) to ``output``: ``-`` is stdout; a file is written whole, never over
    an existing one unless ``overwrite``."""
    import sys

    from claimclf.files import write_new_bytes
    from claimclf.tables import TableWriter

    if fmt != LABEL_STUDIO:
        with TableWriter(output, fmt, overwrite=overwrite) as writer:
            writer.write(frame_or_bytes)
        return
    if output == "-":
        sys.stdout.buffer.write(frame_or_bytes)
        sys.stdout.buffer.flush()
        return
    try:
        write_new_bytes(Path(output), frame_or_bytes, overwrite)
    except FileExistsError:
        raise ClaimError(f"output {output} appeared while this run was going (another run?) and was left as it was: "
                         "pass --overwrite to replace it, or choose another -o") from None


def _output_format(input: str, output: str, fmt: str | None, in_fmt: str, overwrite: bool,
                   allowed_json: bool = False) -> str:
    """The output's format (``label-studio`` only where ``allowed_json``), after refusing a bad output place."""
    from claimclf.tables import check_output_path, infer_format

    if output != "-" and input != "-" and Path(output).resolve() == Path(input).resolve():
        raise ClaimError("output and input are the same file: choose another -o")
    if output != "-":
        check_output_path(output, overwrite)
    if fmt and fmt.lower() == LABEL_STUDIO:
        if not allowed_json:
            raise ClaimError(f"--format {LABEL_STUDIO} is for `label suggest`; use csv, tsv, jsonl or parquet")
        return LABEL_STUDIO
    return infer_format(output, fmt, "--format") if (output != "-" or fmt) else in_fmt


def _labelled_ids(paths: list[Path], id_col: str, encoding: str) -> set[str]:
    """The ids in each ``--exclude`` file: claims already labelled (or sent out to label)."""
    from claimclf.scoring.scorer import missing_column_error
    from claimclf.tables import read_table

    ids: set[str] = set()
    for path in paths:
        table = read_table(str(path), encoding=encoding)
        if id_col not in table.columns:
            raise ClaimError(f"--exclude {path}: {missing_column_error(id_col, table.columns, '--id-col')}")
        ids |= set(table[id_col].dropna().astype(str).str.strip())
    return ids


@dataclass
class Suggested:
    counts: dict[str, int]
    format: str


def suggest_labels(
    input: str,
    output: str = "-",
    n: int = 50,
    *,
    exclude: list[Path] | None = None,
    model: str | Path | None = None,
    text_col: str = "text",
    id_col: str = "id",
    input_format: str | None = None,
    fmt: str | None = None,
    encoding: str = "utf-8-sig",
    overwrite: bool = False,
    review_band: tuple[float, float] | None = None,
    evidence: int = config.EVIDENCE_TERMS,
    seed: int = 0,
    say: Say = _quiet,
) -> Suggested:
    """Choose the ``n`` unlabelled claims of ``input`` worth labelling next and write them for labelling.

    Rows with a label in ``input`` and ids listed in ``exclude`` files are skipped. ``fmt`` is the
    output format: a table (an empty ``label`` column to fill) or ``label-studio`` import tasks.
    """
    import numpy as np
    import pandas as pd

    from claimclf.labelling.studio import tasks_json
    from claimclf.labelling.suggest import suggest
    from claimclf.scoring.scorer import missing_column_error, text_values
    from claimclf.tables import infer_format, iter_table

    in_fmt = infer_format(input, input_format, "--input-format")
    out_fmt = _output_format(input, output, fmt, in_fmt, overwrite, allowed_json=True)
    spec = scorer_spec(model, review_band, evidence, say)
    chunks = list(iter_table(input, fmt=in_fmt, encoding=encoding, batch_size=100_000))
    frame = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    if text_col not in frame.columns:
        raise missing_column_error(text_col, frame.columns, "--text-col")
    skip = np.zeros(len(frame), dtype=bool)
    if exclude:
        if id_col not in frame.columns:
            raise missing_column_error(id_col, frame.columns, "--id-col")
        skip |= frame[id_col].astype(str).str.strip().isin(_labelled_ids(list(exclude), id_col, encoding)).to_numpy()
    if "label" in frame.columns:
        skip |= (frame["label"].fillna("").astype(str).str.strip() != "").to_numpy()
    values = [v for chunk in chunks for v in text_values(chunk, text_col)]  # unreadable rows are marked per chunk
    scorer = spec.build()
    scored = pd.DataFrame(scorer.score_columns(values))
    policy = scorer.policy
    chosen, counts = suggest(frame, scored, n, (policy.review_low, policy.review_high), policy.threshold, skip,
                             text_col=text_col, seed=seed)
    if out_fmt == LABEL_STUDIO:
        _write_output(tasks_json(chosen, text_col), output, out_fmt, overwrite)
    else:
        _write_output(chosen, output, out_fmt, overwrite)
    return Suggested(counts, out_fmt)


def import_label_studio(
    export: Path,
    output: str = "-",
    *,
    id_col: str = "id",
    from_name: str | None = None,
    fmt: str | None = None,
    overwrite: bool = False,
):
    """A Label Studio JSON export as a labelled table (``label`` and ``label_votes`` after the task's data).

    Returns the :class:`~claimclf.labelling.studio.Imported` counts, to say what was left out and why.
    """
    import json

    import pandas as pd

    from claimclf.labelling.studio import read_export

    export = Path(export)
    if not export.is_file():
        raise ClaimError(f"Label Studio export not found: {export}" if not export.exists() else f"{export} is not a file")
    out_fmt = _output_format(str(export), output, fmt, "csv", overwrite)
    try:
        payload = json.loads(export.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ClaimError(f"{export} is not UTF-8 text: export the project as JSON from Label Studio") from None
    except json.JSONDecodeError as exc:
        raise ClaimError(f"{export} is not valid JSON (line {exc.lineno}: {exc.msg}): export the project as JSON") from None
    done = read_export(payload, id_col=id_col, from_name=from_name)
    if not done.rows:
        raise ClaimError(f"{export}: no task has a usable annotation ({'; '.join(done.lines()[1:]) or 'no tasks'})")
    columns = list(dict.fromkeys(k for row in done.rows for k in row if k not in ("label", "label_votes")))
    frame = pd.DataFrame(done.rows, columns=[*columns, "label", "label_votes"])
    _write_output(frame, output, out_fmt, overwrite)
    return done


@dataclass
class LabelIssues:
    rows: int
    flagged: int
    with_corpus: bool


def find_label_issues(
    data: Path,
    output: str = "-",
    *,
    with_corpus: bool = True,
    corpus: Path | None = None,
    folds: int = 5,
    text_col: str = "text",
    label_col: str = "label",
    fmt: str | None = None,
    overwrite: bool = False,
    say: Say = _quiet,
) -> LabelIssues:
    """Rank the rows of a labelled file by how likely their label is wrong (see :mod:`claimclf.labelling.issues`).

    The probabilities are out of fold: each row is scored by the pipeline trained on the other
    folds, with the shipped corpus (or ``corpus``) in every training fold unless ``with_corpus`` is off.
    """
    from claimclf.dataset import read_labelled
    from claimclf.labelling.issues import out_of_fold, rank_issues

    out_fmt = _output_format(str(data), output, fmt, "csv", overwrite)
    df = read_labelled(data, text_col, label_col, for_training=True)
    counts = df["label"].value_counts()
    if counts.min() < folds:
        raise ClaimError(f"{data}: {counts.min()} {counts.idxmin()} row(s); {folds}-fold cross-validation needs at "
                         f"least {folds} of each label (or pass --folds 2)")
    extra = None
    if with_corpus:
        corpus = Path(corpus or config.default_corpus())
        if not corpus.is_file():
            raise ClaimError(f"corpus {corpus} not found: run `claimclf data generate`, pass --corpus, or --without-corpus")
        extra = read_labelled(corpus)
        say(f"cross-validating {len(df)} rows in {folds} folds, each fold also trained on {corpus.name} ({len(extra)} rows) ...")
    else:
        say(f"cross-validating {len(df)} rows in {folds} folds ...")
    ranked = rank_issues(df, out_of_fold(df, extra, folds))
    renames = {k: v for k, v in (("text", text_col), ("label", label_col)) if k != v}
    _write_output(ranked.rename(columns=renames), output, out_fmt, overwrite)
    return LabelIssues(len(ranked), int(ranked["label_issue"].sum()), with_corpus)
