"""The ``claimclf`` command line: parse options, call the modules, print.

Heavy libraries are imported inside the commands so that ``claimclf --help``
answers at once. Every error the user can fix ends as one line on stderr and a
non-zero exit; tracebacks never print local variables (claim text may be private).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimclf.errors import ClaimError

app = typer.Typer(
    name="claimclf",
    help="Tell therapeutic from purely cosmetic procedures in English and Chinese claim justifications.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
data_app = typer.Typer(help="Generate and check labelled data.", no_args_is_help=True)
app.add_typer(data_app, name="data")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def friendly_errors(func):
    """Turn a :class:`ClaimError` (or any crash) into one line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ClaimError as exc:
            _err(f"Error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("Interrupted: nothing was written under the output name.")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback, no claim text
            if os.environ.get("CLAIMCLF_DEBUG"):
                raise
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb else ""
            _err(
                f"Error: unexpected {type(exc).__name__}{where}; "
                "set CLAIMCLF_DEBUG=1 to see the traceback, and please report it"
            )
            raise typer.Exit(1) from None

    return wrapper


def _parse_band(band: str | None) -> tuple[float, float] | None:
    if band is None:
        return None
    try:
        low, high = (float(x) for x in band.split(","))
    except ValueError:
        raise ClaimError(f"--review-band {band!r} must be two numbers like 0.35,0.65") from None
    if not 0 <= low <= high <= 1:
        raise ClaimError(f"--review-band {band!r}: need 0 ≤ low ≤ high ≤ 1")
    return low, high


def _fmt(metrics: dict) -> str:
    return "  ".join(f"{k} {v['mean']:.3f} ± {v['std']:.3f}" for k, v in metrics.items())


ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", "-m", help="Model file (default: models/claimclf.joblib); evaluate, score and "
                 "predict also take a registered model: models:/claimclf@champion or models:/claimclf/3."),
]
BandOpt = Annotated[
    str | None,
    typer.Option(help="p_cosmetic range that goes to review, as LOW,HIGH (default: the model's stored band)."),
]
# MLflow tracking (issue 3): the options are shared by train and evaluate; mlflow is imported only when tracking.
TrackOpt = Annotated[bool, typer.Option("--track/--no-track", help="Record an MLflow run (default: on).")]
TrackingUriOpt = Annotated[
    str | None,
    typer.Option(help="MLflow tracking URI (default: $MLFLOW_TRACKING_URI, else sqlite experiments/mlflow.db)."),
]
ExperimentOpt = Annotated[str, typer.Option(help="MLflow experiment name.")]
TrackOptionalOpt = Annotated[
    bool, typer.Option("--track-optional", help="If the tracking store cannot be reached, go on without tracking.")
]


def _load_model(model: Path | None):
    """The local joblib model (default), or a registered one for ``models:/claimclf@champion`` or
    ``models:/claimclf/3``: only then is mlflow imported, so local scoring needs no tracking store."""
    from claimclf import config

    if model is not None and str(model).startswith("models:/"):
        from claimclf.tracking import load_registered

        return load_registered(str(model), warn=_err)
    from claimclf.persistence import load_model

    return load_model(model or config.default_model(), warn=_err)


@app.command()
@friendly_errors
def train(
    data: Annotated[Path | None, typer.Option(help="Labelled CSV/TSV/JSONL/Parquet (default: the shipped corpus).")] = None,
    model: ModelOpt = None,
    search: Annotated[bool, typer.Option(help="Choose C by grouped cross-validation (off: use the default).")] = True,
    review_band: BandOpt = None,
    target_precision: Annotated[
        float, typer.Option(min=0.5, max=1.0, help="Precision automatic decisions must reach on held-out predictions.")
    ] = 0.99,
    calibrate: Annotated[bool, typer.Option(help="Platt-scale p_cosmetic on grouped out-of-fold predictions.")] = True,
    text_col: Annotated[str, typer.Option(help="Column holding the claim text.")] = "text",
    label_col: Annotated[str, typer.Option(help="Column holding the label.")] = "label",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the result.")] = False,
    track: TrackOpt = True,
    tracking_uri: TrackingUriOpt = None,
    experiment: ExperimentOpt = "claimclf",
    track_optional: TrackOptionalOpt = False,
) -> None:
    """Train a model on labelled claims and save it with its sidecar.

    The review band is chosen so that automatic decisions are right at least --target-precision
    of the time on cross-validated predictions, unless --review-band fixes it.
    """
    from claimclf import config
    from claimclf.dataset import fingerprint
    from claimclf.io import read_table
    from claimclf.model import train as fit
    from claimclf.persistence import save_model, sha256_file

    data = data or config.default_corpus()
    model = model or config.default_model()
    if not Path(data).exists() and data == config.default_corpus():
        raise ClaimError(f"shipped corpus not found at {data}: run `claimclf data generate` first")
    tracker = _tracker(track, tracking_uri, experiment, track_optional)  # before training: fail fast
    df = read_table(str(data))
    say = (lambda m: None) if quiet else _err
    say(f"training on {data} ({len(df)} rows)")
    result = fit(df, search=search, text_col=text_col, label_col=label_col, progress=say, calibrate=calibrate,
                 target_precision=target_precision)
    policy = dict(result.policy)
    fixed = _parse_band(review_band)
    if fixed:
        policy.update(review_low=fixed[0], review_high=fixed[1], chosen_by="--review-band")
    else:
        policy["chosen_by"] = f"target precision {target_precision:g} on cross-validated predictions"
    from claimclf.text import user_dictionary_path

    meta = {
        "params": result.params,
        "training_data": fingerprint(Path(data), df),
        "jieba_user_dict_sha256": sha256_file(Path(user_dictionary_path())),
        "cv": {"grouped": result.cv.grouped, "n_splits": result.cv.n_splits, "metrics": result.cv.metrics},
        "cv_ungrouped": result.cv_ungrouped.metrics if result.cv_ungrouped else None,
        "cv_breakdown": result.cv_breakdown,
        "search": result.search,
        "calibration": result.calibration,
        "decision_policy": policy,
    }
    sidecar = save_model(result.pipeline, model, meta)
    kind = "grouped by scenario" if result.cv.grouped else "stratified"
    typer.echo(f"cross-validated ({result.cv.n_splits} folds, {kind}): {_fmt(result.cv.metrics)}")
    if result.cv_ungrouped:
        typer.echo(f"cross-validated (ungrouped, for comparison): {_fmt(result.cv_ungrouped.metrics)}")
    typer.echo(f"chosen: C={result.params['C']:g}")
    if result.calibration:
        c = result.calibration
        typer.echo(f"calibration: {c['method']}, ECE {c['cv_ece_before']:.3f} -> {c['cv_ece_after']:.3f}")
    share = policy.get("cv_review_share")
    typer.echo(
        f"decisions: cosmetic if p_cosmetic >= {policy['review_high']:.3f}, therapeutic if <= {policy['review_low']:.3f}, "
        f"review between ({policy['chosen_by']}"
        + (f"; {share:.1%} of cross-validated claims to review)" if share is not None and not fixed else ")")
    )
    typer.echo(f"model written to {model} (version {sidecar['model_version']}, sidecar {Path(model).name}.json)")
    if tracker:
        _track(track_optional, lambda: tracker.log_training(
            result, df, Path(data), Path(model), sidecar, search=search, text_col=text_col, label_col=label_col))


def _tracker(track: bool, tracking_uri: str | None, experiment: str, optional: bool):
    """A tracking.Tracker, or None when tracking is off (or optional and unreachable)."""
    if not track:
        return None
    from claimclf.tracking import prepare

    return prepare(True, tracking_uri, experiment, optional, say=_err)


def _track(optional: bool, log) -> None:
    """Record the run; a failing store is an error, or a warning with --track-optional (the files are written)."""
    from claimclf.tracking import TrackingError, display_uri

    try:
        info = log()
    except TrackingError as exc:
        if not optional:
            raise TrackingError(f"{exc} (the local files were written)") from None
        _err(f"warning: {exc}; continuing WITHOUT tracking (--track-optional)")
        return
    where = f"run {info['run_id']} in experiment {info['experiment_id']} ({display_uri(info['uri'])})"
    if info.get("version") is not None:
        where += f"; registered as claimclf version {info['version']}"
    typer.echo(f"tracked: {where}")


@app.command()
@friendly_errors
def evaluate(
    data: Annotated[Path | None, typer.Option(help="Labelled data to evaluate on (default: the shipped corpus).")] = None,
    model: ModelOpt = None,
    report: Annotated[Path | None, typer.Option(help="Directory for report.json and the plots (default: reports/).")] = None,
    review_band: BandOpt = None,
    text_col: Annotated[str, typer.Option(help="Column holding the claim text.")] = "text",
    label_col: Annotated[str, typer.Option(help="Column holding the label.")] = "label",
    track: TrackOpt = True,
    tracking_uri: TrackingUriOpt = None,
    experiment: ExperimentOpt = "claimclf",
    track_optional: TrackOptionalOpt = False,
) -> None:
    """Measure a model on labelled claims: metrics by language and slice, report and plots."""
    from claimclf import config
    from claimclf.baselines import training_majority
    from claimclf.evaluate import baseline_reports, evaluate_frame, leakage_flags, write_report
    from claimclf.explain import Explainer
    from claimclf.io import read_table
    from claimclf.model import check_training_frame, predict_p_cosmetic
    from claimclf.scoring import Policy

    data = data or config.default_corpus()
    model = model or config.default_model()
    tracker = _tracker(track, tracking_uri, experiment, track_optional)
    pipeline, sidecar = _load_model(model)
    df = read_table(str(data))
    df = check_training_frame(df, text_col=text_col, label_col=label_col).rename(
        columns={text_col: "text", label_col: "label"}
    )
    policy = Policy.from_sidecar(sidecar, _parse_band(review_band))
    p = predict_p_cosmetic(pipeline, df["text"].astype(str).tolist())
    result = evaluate_frame(df, p, policy)
    result["model"] = {"path": str(model), "version": sidecar.get("model_version"), "sha256": sidecar.get("model_sha256")}
    result["data"] = {"path": str(data), "rows": len(df)}
    from claimclf.persistence import sha256_file

    in_sample = sha256_file(Path(data)) == sidecar.get("training_data", {}).get("sha256")
    result["data"]["in_sample"] = in_sample
    explainer = Explainer.from_pipeline(pipeline)
    result["top_features"] = {lang: explainer.top_features(15, lang) for lang in ("en", "zh")}
    result["leakage_flags"] = leakage_flags(explainer.top_features(50, raw=True))
    result["baselines"] = baseline_reports(df, training_majority(sidecar))
    out_dir = report or config.default_report_dir()
    paths = write_report(result, df, p, out_dir)
    o = result["overall"]
    auc = f"{o['roc_auc']:.3f}" if o["roc_auc"] is not None else "n/a"
    typer.echo(f"{data}: n={o['n']}  accuracy {o['accuracy']:.3f}  macro-F1 {o['macro_f1']:.3f}  "
               f"ROC-AUC {auc}  ECE {o['ece']:.3f}")
    for label, m in o["per_class"].items():
        typer.echo(f"  {label:<12} precision {m['precision']:.3f}  recall {m['recall']:.3f}  n={m['support']}")
    cm = o["confusion_matrix"]["matrix"]
    typer.echo(f"  confusion (rows true, cols predicted; therapeutic, cosmetic): {cm}")
    for column in ("lang", "slice"):
        for value, m in result.get(f"by_{column}", {}).items():
            typer.echo(f"  {column}={value:<14} n={m['n']:<5} accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
    for name, b in result["baselines"].items():
        typer.echo(f"  baseline {name:<13} accuracy {b['overall']['accuracy']:.3f}  macro-F1 {b['overall']['macro_f1']:.3f}")
    d = result["decisions"]
    auto = f"{d['auto_accuracy']:.3f}" if d["auto_accuracy"] is not None else "n/a"
    typer.echo(f"  review band {d['review_band']}: {d['review_share']:.1%} to review, accuracy outside it {auto}")
    if result["leakage_flags"]:
        shown = ", ".join(f"{f['term']!r}" for f in result["leakage_flags"][:6])
        typer.echo(f"  possible leakage among the strongest features: {shown} (see report.json)")
    if in_sample:
        typer.echo("  note: this is the model's own training data, so these numbers are in-sample; "
                   "the honest ones are the grouped cross-validation printed by `claimclf train`")
    typer.echo(f"report written to {paths[0]} (plots: {', '.join(p.name for p in paths[1:])})")
    if tracker:
        _track(track_optional, lambda: tracker.log_evaluation(result, df, Path(data), str(model), sidecar, paths))


@app.command()
@friendly_errors
def score(
    input: Annotated[str, typer.Argument(help="Claims file (CSV, TSV, JSONL, Parquet) or - for stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")] = "-",
    text_col: Annotated[str, typer.Option(help="Column holding the claim text.")] = "text",
    id_col: Annotated[str | None, typer.Option(help="Column holding the claim id (checked if given).")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Input format: csv, tsv, jsonl, parquet.")] = None,
    output_format: Annotated[str | None, typer.Option(help="Output format (default: from -o, else the input's).")] = None,
    encoding: Annotated[str, typer.Option(help="Input encoding, e.g. gb18030 (default: UTF-8, BOM or not).")] = "utf-8-sig",
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per chunk.")] = 5000,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output file.")] = False,
    model: ModelOpt = None,
    review_band: BandOpt = None,
    evidence: Annotated[int, typer.Option(min=0, help="Evidence terms per claim (0: none, faster).")] = 4,
    jobs: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: one per core).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Score a file of claims: every row out, in order, with predicted_label, p_cosmetic, decision, evidence.

    Reads and writes in chunks (memory stays flat whatever the size), scores them on every core,
    and writes to a temporary file renamed into place only when every row is done.
    """
    import itertools

    from claimclf.io import ReadMeter, TableWriter, infer_format, iter_table
    from claimclf.jobs import default_jobs, score_stream
    from claimclf.progress import Progress, format_duration
    from claimclf.scoring import missing_column_error

    in_fmt = infer_format(input, format)
    out_fmt = infer_format(output, output_format) if (output != "-" or output_format) else in_fmt
    if output != "-" and Path(output).exists() and not overwrite:
        raise ClaimError(f"output {output} already exists: pass --overwrite to replace it, or choose another -o")
    if output != "-" and input != "-" and Path(output).resolve() == Path(input).resolve():
        raise ClaimError("output and input are the same file: choose another -o")
    spec = _scorer_spec(model, _parse_band(review_band), evidence)
    meter = ReadMeter()
    chunks = iter_table(input, fmt=in_fmt, encoding=encoding, batch_size=batch_size, meter=meter)
    first = next(chunks)
    for col in [text_col] + ([id_col] if id_col else []):
        if col not in first.columns:
            raise missing_column_error(col, first.columns)
    read = {"rows": 0}

    def counted():
        for chunk in itertools.chain([first], chunks):
            read["rows"] += len(chunk)
            yield chunk

    # The bar goes to a terminal only, and never when the scored rows themselves go to stdout.
    bar = Progress(not quiet and output != "-" and sys.stderr.isatty(), total=lambda done: meter.estimated_rows(read["rows"]))
    review = 0
    with _sigterm_as_interrupt(), contextlib.ExitStack() as stack:
        stack.callback(bar.close)
        writer = stack.enter_context(TableWriter(output, out_fmt, overwrite=overwrite))
        stream = stack.enter_context(contextlib.closing(
            score_stream(spec, counted(), text_col=text_col, jobs=jobs or default_jobs(), on_chunk=bar.update)
        ))
        for out in stream:
            review += int((out["decision"] == "review").sum())
            writer.write(out)
    if not quiet and output != "-":
        rate = f", {bar.done / bar.elapsed:,.0f} rows/s" if bar.elapsed > 0 else ""
        _err(f"{bar.done} rows scored ({review} to review) in {format_duration(bar.elapsed)}{rate} -> {output}")


def _scorer_spec(model: Path | None, band: tuple[float, float] | None, evidence: int):
    """What every scoring process needs: a local model's scoring arrays, checked here and read by whoever scores."""
    from claimclf import config
    from claimclf.jobs import ScorerSpec

    if model is not None and str(model).startswith("models:/"):
        pipeline, sidecar = _load_model(model)
        return ScorerSpec.from_pipeline(pipeline, sidecar, band, evidence, str(model))
    return ScorerSpec.from_path(model or config.default_model(), band, evidence, warn=_err)


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


@app.command()
@friendly_errors
def predict(
    text: Annotated[str, typer.Argument(help="One claim justification (quote it).")],
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    evidence: Annotated[int, typer.Option(min=0, help="Evidence terms to show.")] = 6,
) -> None:
    """Score one claim and show the evidence behind the answer."""
    scorer = _scorer_spec(model, None, evidence).build()
    result = scorer.score_texts([text])[0]
    items = scorer.explainer.explain([text], k=evidence)[0] if scorer.explainer and text.strip() else []
    if as_json:
        payload = dict(result, evidence=[{"term": e.term, "weight": round(e.weight, 4)} for e in items])
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    if result["reason"] and not result["predicted_label"]:
        typer.echo(f"decision: review ({result['reason']})")
        return
    typer.echo(f"decision: {result['decision']}  (predicted {result['predicted_label']}, p_cosmetic {result['p_cosmetic']:.3f})")
    if result["reason"]:
        typer.echo(f"note: {result['reason']}")
    if items:
        typer.echo("evidence (+ towards cosmetic, - towards therapeutic):")
        for e in items:
            typer.echo(f"  {e.weight:+.3f}  {e.term}")


@app.command()
@friendly_errors
def promote(
    version: Annotated[str, typer.Argument(help="Registered version of model 'claimclf' to make champion, e.g. 3.")],
    force: Annotated[bool, typer.Option(help="Promote even if the comparison with the champion fails.")] = False,
    tolerance: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Largest accuracy drop allowed in any language.")
    ] = 0.02,
    data: Annotated[
        Path | None,
        typer.Option(help="Labelled evaluation data (default: ../shared/dev/dev.csv if present, else the shipped corpus)."),
    ] = None,
    tracking_uri: TrackingUriOpt = None,
    text_col: Annotated[str, typer.Option(help="Column holding the claim text.")] = "text",
    label_col: Annotated[str, typer.Option(help="Column holding the label.")] = "label",
) -> None:
    """Set the 'champion' alias to VERSION if it is at least as good as the current champion.

    Both are scored on the same data: macro-F1 must not be lower and no language's accuracy lower by
    more than --tolerance. The comparison is printed and recorded (version tags and a run).
    """
    from claimclf.tracking import promote as run_promotion

    run_promotion(version, data=data, tolerance=tolerance, force=force, tracking_uri=tracking_uri,
                  text_col=text_col, label_col=label_col, echo=typer.echo)


@data_app.command("generate")
@friendly_errors
def data_generate(
    out: Annotated[Path | None, typer.Option(help="Corpus file (default: data/claims_labelled.csv).")] = None,
    rows: Annotated[int | None, typer.Option(min=20, help="Number of rows (default 8000).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: the shipped corpus's).")] = None,
    sample: Annotated[bool, typer.Option(help="Also rebuild data/sample/claims.csv (only with the default --out).")] = True,
) -> None:
    """Rebuild the shipped labelled corpus (byte for byte with the default seed) and the sample file."""
    from claimclf import config
    from claimclf.corpus import datacard, generator
    from claimclf.io import atomic_write_text

    target = out or config.default_corpus()
    used_seed = generator.DEFAULT_SEED if seed is None else seed
    made = generator.write_corpus(target, n_rows=rows or generator.DEFAULT_ROWS, seed=used_seed)
    typer.echo(f"{len(made)} labelled rows written to {target}")
    card = Path(target).with_name("README.md") if out is None else Path(target).with_suffix(".card.md")
    atomic_write_text(card, datacard.render(made, seed=used_seed))
    typer.echo(f"data card written to {card}")
    if sample and out is None:
        s = generator.write_sample(config.default_sample())
        typer.echo(f"{len(s)} unlabelled sample claims written to {config.default_sample()}")


@data_app.command("validate")
@friendly_errors
def data_validate(
    path: Annotated[Path, typer.Argument(help="Labelled data file to check.")],
    format: Annotated[str | None, typer.Option("--format", help="csv, tsv, jsonl or parquet.")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding.")] = "utf-8-sig",
) -> None:
    """Check labelled data: schema, labels, empty/duplicate texts, conflicts, balance by language."""
    from claimclf.dataset import validate
    from claimclf.io import read_table

    report = validate(read_table(str(path), fmt=format, encoding=encoding))
    typer.echo(f"{path}:")
    for line in report.lines():
        typer.echo(line)
    if not report.ok:
        raise ClaimError(f"{path} failed validation (see the FAIL lines above)")
    typer.echo("valid")


def main() -> None:
    app(prog_name="claimclf")


if __name__ == "__main__":
    main()
