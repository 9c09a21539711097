"""The ``claimclf`` command line: parse options, call one workflow (:mod:`claimclf.workflows`), print.

Heavy libraries are imported inside the commands so that ``claimclf --help``
answers at once. Every error the user can fix ends as one line on stderr and a
non-zero exit; tracebacks never print local variables (claim text may be private).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from claimclf.errors import ClaimError, OutputClosed, environment_error

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
label_app = typer.Typer(help="Choose claims to label, read labels back from Label Studio, find labels that look wrong.",
                        no_args_is_help=True)
app.add_typer(label_app, name="label")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _stdout_gone() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's capture)
        pass


def friendly_errors(func):
    """Turn a :class:`ClaimError` (or any crash) into one line on stderr and an exit code.

    A closed stdout (``score ... | head``) ends quietly with exit 141, as a killed pipe writer
    does; a full disk or a read-only place is named with its cause (exit codes: docs/scoring.md).
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (OutputClosed, BrokenPipeError):
            _stdout_gone()
            raise typer.Exit(OutputClosed.exit_code) from None
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
            known = environment_error(exc, action="use") if isinstance(exc, OSError) else None
            if known is not None:
                _err(f"Error: {known}")
                raise typer.Exit(known.exit_code) from None
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
# MLflow tracking: the options are shared by train and evaluate; mlflow is imported only when tracking.
TextColOpt = Annotated[str, typer.Option(help="Column holding the claim text.")]
LabelColOpt = Annotated[str, typer.Option(help="Column holding the label.")]
OverwriteOpt = Annotated[bool, typer.Option(help="Replace an existing output file.")]
TrackOpt = Annotated[bool, typer.Option("--track/--no-track", help="Record an MLflow run (default: on).")]
TrackingUriOpt = Annotated[
    str | None,
    typer.Option(help="MLflow tracking URI (default: $MLFLOW_TRACKING_URI, else sqlite experiments/mlflow.db)."),
]
ExperimentOpt = Annotated[str, typer.Option(help="MLflow experiment name.")]
TrackOptionalOpt = Annotated[
    bool, typer.Option("--track-optional", help="If the tracking store cannot be reached, go on without tracking.")
]


@app.command()
@friendly_errors
def train(
    data: Annotated[list[Path] | None, typer.Option(help="Labelled CSV/TSV/JSONL/Parquet (default: the shipped corpus); "
                                                   "repeat to train on several files, e.g. the corpus and your own labels.")] = None,
    model: ModelOpt = None,
    weight: Annotated[list[str] | None, typer.Option(help="FILE=WEIGHT: weigh each row of a --data file (default 1), "
                                                     "e.g. --weight ours.csv=3.")] = None,
    search: Annotated[bool, typer.Option(help="Choose C by grouped cross-validation (off: use the default).")] = True,
    review_band: BandOpt = None,
    target_precision: Annotated[
        float, typer.Option(min=0.5, max=1.0, help="Precision automatic decisions must reach on held-out predictions.")
    ] = 0.99,
    calibrate: Annotated[bool, typer.Option(help="Platt-scale p_cosmetic on grouped out-of-fold predictions.")] = True,
    text_col: TextColOpt = "text",
    label_col: LabelColOpt = "label",
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
    from claimclf.decision import parse_band
    from claimclf.workflows import Tracking, train_and_save

    done = train_and_save(
        data or None, model, weights=weight, search=search, review_band=parse_band(review_band),
        target_precision=target_precision,
        calibrate=calibrate, text_col=text_col, label_col=label_col,
        tracking=Tracking(track, tracking_uri, experiment, track_optional), say=(lambda m: None) if quiet else _err,
        warn=_err,
    )
    result, policy = done.result, done.policy
    kind = "grouped by scenario" if result.cv.grouped else "stratified"
    typer.echo(f"cross-validated ({result.cv.n_splits} folds, {kind}): {_fmt(result.cv.metrics)}")
    if result.cv_ungrouped:
        typer.echo(f"cross-validated (ungrouped, for comparison): {_fmt(result.cv_ungrouped.metrics)}")
    if result.cv_procedure:
        typer.echo(f"cross-validated (whole procedures held out): {_fmt(result.cv_procedure.metrics)}")
    for name, m in ((result.cv_breakdown or {}).get("source_file") or {}).items():
        typer.echo(f"  held out, {name}: n={m['n']}  accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
    typer.echo(f"chosen: C={result.params['C']:g}")
    if result.calibration:
        c = result.calibration
        typer.echo(f"calibration: {c['method']}, ECE {c['cv_ece_before']:.3f} -> {c['cv_ece_after']:.3f}")
    share = policy.get("cv_review_share")
    typer.echo(
        f"decisions: cosmetic if p_cosmetic >= {policy['review_high']:.3f}, therapeutic if <= {policy['review_low']:.3f}, "
        f"review between ({policy['chosen_by']}"
        + (f"; {share:.1%} of cross-validated claims to review)" if share is not None and not review_band else ")")
    )
    typer.echo(f"model written to {done.model} (version {done.sidecar['model_version']}, sidecar {done.model.name}.json)")
    if done.tracked:
        typer.echo(f"tracked: {done.tracked}")


@app.command()
@friendly_errors
def calibrate(
    data: Annotated[Path, typer.Option(help="Your labelled claims (CSV/TSV/JSONL/Parquet), e.g. a reviewed sample.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the recalibrated model (its .joblib).")],
    model: ModelOpt = None,
    folds: Annotated[int, typer.Option(min=2, max=20, help="Folds for cross-fitting the band's probabilities.")] = 5,
    target_precision: Annotated[
        float, typer.Option(min=0.5, max=1.0, help="Precision automatic decisions must reach on your claims.")
    ] = 0.99,
    overwrite: Annotated[bool, typer.Option(help="Replace --out if it exists.")] = False,
    text_col: TextColOpt = "text",
    label_col: LabelColOpt = "label",
    track: TrackOpt = True,
    tracking_uri: TrackingUriOpt = None,
    experiment: ExperimentOpt = "claimclf",
    track_optional: TrackOptionalOpt = False,
) -> None:
    """Refit a model's calibration and review band on your own labelled claims, without retraining it.

    The word weights stay as trained; p_cosmetic and the review band are refitted to your claims
    (the band on cross-fitted probabilities) and written as a new model (a new registered version).
    """
    from claimclf.workflows import Tracking, recalibrate_model

    done = recalibrate_model(
        data, out, model, folds=folds, target_precision=target_precision, overwrite=overwrite, text_col=text_col,
        label_col=label_col, tracking=Tracking(track, tracking_uri, experiment, track_optional), say=_err,
    )
    c, p = done.calibration, done.policy
    typer.echo(f"calibration: {c['method']}: slope {c['a']:.3f}, intercept {c['b']:+.3f}; "
               f"ECE on {data.name} {c['ece_before']:.3f} -> {c['ece_after']:.3f} (cross-fitted)")
    typer.echo(f"decisions: cosmetic if p_cosmetic >= {p['review_high']:.3f}, therapeutic if <= {p['review_low']:.3f}; "
               f"{p['cv_review_share']:.1%} of your claims to review")
    typer.echo(f"model written to {done.model} (version {done.sidecar['model_version']})")
    if done.tracked:
        typer.echo(f"tracked: {done.tracked}")


@app.command()
@friendly_errors
def evaluate(
    data: Annotated[Path | None, typer.Option(help="Labelled data to evaluate on (default: the shipped corpus).")] = None,
    model: ModelOpt = None,
    report: Annotated[Path | None, typer.Option(help="Directory for report.json and the plots (default: reports/).")] = None,
    review_band: BandOpt = None,
    text_col: TextColOpt = "text",
    label_col: LabelColOpt = "label",
    track: TrackOpt = True,
    tracking_uri: TrackingUriOpt = None,
    experiment: ExperimentOpt = "claimclf",
    track_optional: TrackOptionalOpt = False,
) -> None:
    """Measure a model on labelled claims: metrics by language and slice, report and plots."""
    from claimclf.decision import parse_band
    from claimclf.evaluate import summary_lines
    from claimclf.workflows import Tracking, evaluate_file

    done = evaluate_file(data, model, report_dir=report, review_band=parse_band(review_band), text_col=text_col,
                         label_col=label_col, tracking=Tracking(track, tracking_uri, experiment, track_optional), say=_err)
    for line in summary_lines(done.report, done.report["data"]["path"]):
        typer.echo(line)
    typer.echo(f"report written to {done.paths[0]} (plots: {', '.join(p.name for p in done.paths[1:])})")
    if done.tracked:
        typer.echo(f"tracked: {done.tracked}")


@app.command()
@friendly_errors
def score(
    input: Annotated[str, typer.Argument(help="Claims file (CSV, TSV, JSONL, Parquet) or - for stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")] = "-",
    text_col: TextColOpt = "text",
    id_col: Annotated[str | None, typer.Option(help="Column holding the claim id (checked if given).")] = None,
    format: Annotated[str | None, typer.Option("--format", help="Input format: csv, tsv, jsonl, parquet.")] = None,
    output_format: Annotated[str | None, typer.Option(help="Output format (default: from -o, else the input's).")] = None,
    encoding: Annotated[str, typer.Option(help="Input encoding, e.g. gb18030 (default: UTF-8, BOM or not).")] = "utf-8-sig",
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per chunk.")] = 5000,
    overwrite: OverwriteOpt = False,
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
    from claimclf.decision import parse_band
    from claimclf.progress import format_duration
    from claimclf.workflows import score_file

    done = score_file(
        input, output, model=model, text_col=text_col, id_col=id_col, fmt=format, output_format=output_format,
        encoding=encoding, batch_size=batch_size, overwrite=overwrite, review_band=parse_band(review_band),
        evidence=evidence, jobs=jobs,
        # The bar goes to a terminal only, and never when the scored rows themselves go to stdout.
        progress=not quiet and output != "-" and sys.stderr.isatty(), say=_err,
    )
    if not quiet and output != "-":
        rate = f", {done.rows / done.seconds:,.0f} rows/s" if done.seconds > 0 else ""
        _err(f"{done.rows} rows scored ({done.review} to review) in {format_duration(done.seconds)}{rate} -> {output}")


def _reads_as_text(arg: str) -> bool:
    """A dash argument no option can be: a sentence ("-m lid skin …") or a number ("-5 mm ptosis")."""
    return arg.startswith("-") and not arg.startswith("--") and (any(c.isspace() for c in arg) or arg[1:2].isdigit())


class _ClaimTextCommand(TyperCommand):
    """``predict``: a claim that starts with '-' is text, not a cluster of short options."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if "--" not in args and any(_reads_as_text(a) for a in args):
            args = [a for a in args if not _reads_as_text(a)] + ["--", *[a for a in args if _reads_as_text(a)]]
        return super().parse_args(ctx, args)


@app.command(cls=_ClaimTextCommand)
@friendly_errors
def predict(
    text: Annotated[str, typer.Argument(help="One claim justification (quote it). Text may start with '-' "
                                        "(\"-5 mm ptosis …\"); a single word that looks like an option needs -- before it.")],
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    evidence: Annotated[int, typer.Option(min=0, help="Evidence terms to show.")] = 6,
) -> None:
    """Score one claim and show the evidence behind the answer."""
    from claimclf.workflows import predict_one

    result = predict_one(text, model, evidence, say=_err)
    if as_json:
        payload = dict(result, evidence=[{"term": t, "weight": round(w, 4)} for t, w in result["evidence"]])
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    if result["reason"] and not result["predicted_label"]:
        typer.echo(f"decision: review ({result['reason']})")
        return
    typer.echo(f"decision: {result['decision']}  (predicted {result['predicted_label']}, p_cosmetic {result['p_cosmetic']:.3f})")
    if result["reason"]:
        typer.echo(f"note: {result['reason']}")
    if result["evidence"]:
        typer.echo("evidence (+ towards cosmetic, - towards therapeutic):")
        for term, weight in result["evidence"]:
            typer.echo(f"  {weight:+.3f}  {term}")


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
    text_col: TextColOpt = "text",
    label_col: LabelColOpt = "label",
) -> None:
    """Set the 'champion' alias to VERSION if it is at least as good as the current champion.

    Both are scored on the same data: macro-F1 must not be lower and no language's accuracy lower by
    more than --tolerance. The comparison is printed and recorded (version tags and a run).
    """
    from claimclf.workflows import promote_version

    promote_version(version, data, tolerance=tolerance, force=force, tracking_uri=tracking_uri, text_col=text_col,
                    label_col=label_col, echo=typer.echo, say=_err)


@data_app.command("generate")
@friendly_errors
def data_generate(
    out: Annotated[Path | None, typer.Option(help="Corpus file (default: data/claims_labelled.csv).")] = None,
    rows: Annotated[int | None, typer.Option(min=20, help="Number of rows (default 8000).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: the shipped corpus's).")] = None,
    sample: Annotated[bool, typer.Option(help="Also rebuild data/sample/claims.csv (only with the default --out).")] = True,
) -> None:
    """Rebuild the shipped labelled corpus (byte for byte with the default seed), its data card, the
    presumed-cosmetic list and the sample file."""
    from claimclf.workflows import generate_data

    for line in generate_data(out, rows, seed, sample):
        typer.echo(line)


@data_app.command("validate")
@friendly_errors
def data_validate(
    path: Annotated[Path, typer.Argument(help="Labelled data file to check.")],
    format: Annotated[str | None, typer.Option("--format", help="csv, tsv, jsonl or parquet.")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding.")] = "utf-8-sig",
) -> None:
    """Check labelled data: schema, labels, empty/duplicate texts, conflicts, balance by language."""
    from claimclf.workflows import validate_data

    report = validate_data(path, format, encoding)
    typer.echo(f"{path}:")
    for line in report.lines():
        typer.echo(line)
    if not report.ok:
        raise ClaimError(f"{path} failed validation (see the FAIL lines above)")
    typer.echo("valid")


@label_app.command("suggest")
@friendly_errors
def label_suggest(
    input: Annotated[str, typer.Argument(help="Unlabelled claims (CSV, TSV, JSONL, Parquet) or - for stdin.")],
    n: Annotated[int, typer.Option("-n", min=1, help="How many claims to choose.")] = 50,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")] = "-",
    format: Annotated[str | None, typer.Option("--format", help="Output format: csv, tsv, jsonl, parquet, or label-studio "
                                               "(Label Studio import tasks, JSON); default: from -o.")] = None,
    exclude: Annotated[list[Path] | None, typer.Option(help="File of claims already labelled: their ids are skipped "
                                                       "(repeatable).")] = None,
    id_col: Annotated[str, typer.Option(help="Column holding the claim id (needed with --exclude).")] = "id",
    text_col: TextColOpt = "text",
    input_format: Annotated[str | None, typer.Option(help="Input format: csv, tsv, jsonl, parquet.")] = None,
    encoding: Annotated[str, typer.Option(help="Input encoding, e.g. gb18030 (default: UTF-8, BOM or not).")] = "utf-8-sig",
    overwrite: OverwriteOpt = False,
    model: ModelOpt = None,
    review_band: BandOpt = None,
    seed: Annotated[int, typer.Option(help="Seed of the grouping of similar claims.")] = 0,
) -> None:
    """Choose the N unlabelled claims that would teach the model most, for labelling.

    Uncertain claims (near the threshold, in the review band), spread over languages and groups of
    similar claims, no near-copies. The output has every input column, an empty label column to fill,
    and predicted_label, p_cosmetic, evidence and why_chosen (docs/labelling.md).
    """
    from claimclf.decision import parse_band
    from claimclf.workflows import suggest_labels

    done = suggest_labels(input, output, n, exclude=exclude, model=model, text_col=text_col, id_col=id_col,
                          input_format=input_format, fmt=format, encoding=encoding, overwrite=overwrite,
                          review_band=parse_band(review_band), seed=seed, say=_err)
    c = done.counts
    _err(f"{c['chosen']} of {c['candidates']} candidate claims chosen ({c['already_labelled']} already labelled, "
         f"{c['not_judged']} the model cannot judge) -> {output}")


@label_app.command("import")
@friendly_errors
def label_import(
    export: Annotated[Path, typer.Argument(help="Label Studio export, JSON format (a list of tasks with annotations).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Labelled table to write, or - for stdout.")] = "-",
    format: Annotated[str | None, typer.Option("--format", help="Output format: csv, tsv, jsonl, parquet.")] = None,
    id_col: Annotated[str, typer.Option(help="Field of the task data holding the claim id.")] = "id",
    from_name: Annotated[str | None, typer.Option(help="Read only the Choices control of this name (default: any).")] = None,
    overwrite: OverwriteOpt = False,
) -> None:
    """Read a Label Studio JSON export back as a labelled table (text, label, label_votes and the task's data).

    Skipped annotations do not count; a ground-truth annotation decides; otherwise the majority of
    annotators does, and claims they split evenly on are left out and named.
    """
    from claimclf.workflows import import_label_studio

    done = import_label_studio(export, output, id_col=id_col, from_name=from_name, fmt=format, overwrite=overwrite)
    for line in done.lines():
        _err(line)


@label_app.command("issues")
@friendly_errors
def label_issues(
    data: Annotated[Path, typer.Argument(help="Labelled claims (CSV/TSV/JSONL/Parquet).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Ranked table to write, or - for stdout.")] = "-",
    format: Annotated[str | None, typer.Option("--format", help="Output format: csv, tsv, jsonl, parquet.")] = None,
    with_corpus: Annotated[bool, typer.Option("--with-corpus/--without-corpus",
                                              help="Train each fold on the shipped corpus too (slower, finds more).")] = True,
    corpus: Annotated[Path | None, typer.Option(help="Labelled corpus for --with-corpus (default: the shipped one).")] = None,
    folds: Annotated[int, typer.Option(min=2, max=20, help="Cross-validation folds.")] = 5,
    text_col: TextColOpt = "text",
    label_col: LabelColOpt = "label",
    overwrite: OverwriteOpt = False,
) -> None:
    """Rank labelled rows by how likely their label is wrong (cross-validated probabilities, cleanlab).

    Adds given_label, suggested_label, label_quality (0: surely wrong .. 1: surely right), label_issue
    (flagged by confident learning) and rank (1: check first); rows come out in rank order.
    """
    from claimclf.workflows import find_label_issues

    done = find_label_issues(data, output, with_corpus=with_corpus, corpus=corpus, folds=folds, text_col=text_col,
                             label_col=label_col, fmt=format, overwrite=overwrite, say=_err)
    _err(f"{done.flagged} of {done.rows} labels flagged as likely wrong -> {output}")


def main() -> None:
    app(prog_name="claimclf")


if __name__ == "__main__":
    main()
