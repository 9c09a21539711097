import json
import subprocess
import sys

import pytest

from claimclf.errors import ClaimError
from claimclf.persistence import load_model, sha256_file, sidecar_path


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
