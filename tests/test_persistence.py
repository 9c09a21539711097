import json
import subprocess
import sys

import pytest

from claimclf.errors import ClaimError
from claimclf.persistence import load_model, load_scoring_model, scoring_path, sha256_file, sidecar_path


def test_sidecar_describes_the_model(small_model, small_corpus):
    side = json.loads(sidecar_path(small_model).read_text())
    assert side["model_sha256"] == sha256_file(small_model)
    assert side["training_data"]["sha256"] == sha256_file(small_corpus)
    assert side["training_data"]["rows"] == 600
    assert side["libraries"]["scikit-learn"]
    assert {"accuracy", "macro_f1", "roc_auc"} <= set(side["cv"]["metrics"])
    assert side["created_at"] and side["model_version"]


def test_changed_file_is_refused(small_model, tmp_path):
    copy = tmp_path / "m.joblib"
    copy.write_bytes(small_model.read_bytes() + b"x")
    sidecar_path(copy).write_text(sidecar_path(small_model).read_text())
    with pytest.raises(ClaimError, match="does not match its sidecar"):
        load_model(copy)


def test_foreign_file_without_sidecar_is_refused(tmp_path):
    f = tmp_path / "foreign.joblib"
    f.write_bytes(b"not a model")
    with pytest.raises(ClaimError, match="no sidecar"):
        load_model(f)


def test_missing_model_says_train(tmp_path):
    with pytest.raises(ClaimError, match="claimclf train"):
        load_model(tmp_path / "absent.joblib")


def test_other_sklearn_version_is_reported(small_model, tmp_path):
    copy = tmp_path / "m.joblib"
    copy.write_bytes(small_model.read_bytes())
    side = json.loads(sidecar_path(small_model).read_text())
    side["libraries"]["scikit-learn"] = "0.0.1"
    sidecar_path(copy).write_text(json.dumps(side))
    warnings = []
    pipeline, _ = load_model(copy, warn=warnings.append)
    assert len(warnings) == 1 and "0.0.1" in warnings[0]
    assert pipeline.predict_proba(["upper lid skin on lashes"]).shape == (1, 2)


def test_saved_model_scores_in_a_fresh_process(small_model):
    code = (
        "import sys; from claimclf.persistence import load_model; "
        "p, _ = load_model(sys.argv[1]); "
        "print(p.predict_proba(['视野检查上方仅20度，提起上睑后改善', 'wants to look younger'])[:, 0].round(6).tolist())"
    )
    out = subprocess.run([sys.executable, "-c", code, str(small_model)], capture_output=True, text=True, check=True)
    here, _ = load_model(small_model)
    expected = here.predict_proba(["视野检查上方仅20度，提起上睑后改善", "wants to look younger"])[:, 0].round(6).tolist()
    assert json.loads(out.stdout) == expected


def _copy_model(small_model, tmp_path):
    """The model's three files under a new name."""
    copy = tmp_path / "m.joblib"
    copy.write_bytes(small_model.read_bytes())
    scoring_path(copy).write_bytes(scoring_path(small_model).read_bytes())
    side = json.loads(sidecar_path(small_model).read_text())
    side["scoring_file"] = scoring_path(copy).name
    sidecar_path(copy).write_text(json.dumps(side))
    return copy, side


def test_scoring_arrays_are_written_and_described(small_model):
    side = json.loads(sidecar_path(small_model).read_text())
    arrays = scoring_path(small_model)
    assert arrays.name == "model.scoring.npz" and side["scoring_file"] == arrays.name
    assert side["scoring_sha256"] == sha256_file(arrays)
    assert side["scoring_bytes"] == arrays.stat().st_size


def test_changed_scoring_arrays_are_refused(small_model, tmp_path):
    copy, _ = _copy_model(small_model, tmp_path)
    scoring_path(copy).write_bytes(scoring_path(copy).read_bytes() + b"x")
    with pytest.raises(ClaimError, match="scoring.npz does not match its sidecar"):
        load_scoring_model(copy)


def test_missing_scoring_arrays_say_what_to_copy(small_model, tmp_path):
    copy, _ = _copy_model(small_model, tmp_path)
    scoring_path(copy).unlink()
    with pytest.raises(ClaimError, match="copy the model's three files together"):
        load_scoring_model(copy)


def test_a_model_saved_without_scoring_arrays_still_scores(small_model, tmp_path):
    copy, side = _copy_model(small_model, tmp_path)
    scoring_path(copy).unlink()
    for key in ("scoring_file", "scoring_sha256", "scoring_bytes"):
        side.pop(key)
    sidecar_path(copy).write_text(json.dumps(side))
    old, _ = load_scoring_model(copy)
    new, _ = load_scoring_model(small_model)
    claims = ["ptosis covers the pupil, field 25 degrees", "想做双眼皮"]
    assert old.p_cosmetic(claims).tolist() == new.p_cosmetic(claims).tolist()
