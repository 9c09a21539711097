import json
import subprocess
import sys

import pandas as pd
import pytest

from claimclf.errors import ClaimError
from claimclf.files import sha256_file
from claimclf.persistence import load, scoring_path, sidecar_path
from claimclf.text import normalize


def test_sidecar_describes_the_model(small_model, small_corpus):
    side = json.loads(sidecar_path(small_model).read_text())
    assert side["model_sha256"] == sha256_file(small_model)
    assert side["training_data"]["sha256"] == sha256_file(small_corpus)
    assert side["training_data"]["rows"] == len(pd.read_csv(small_corpus))
    assert side["libraries"]["scikit-learn"]
    assert {"accuracy", "macro_f1", "roc_auc"} <= set(side["cv"]["metrics"])
    assert side["created_at"] and side["model_version"]


def test_changed_file_is_refused(small_model, tmp_path):
    copy, _ = _copy_model(small_model, tmp_path)
    copy.write_bytes(small_model.read_bytes() + b"x")
    model = load(copy)  # the pickle is read only when the pipeline is asked for
    with pytest.raises(ClaimError, match="does not match its recorded sha256"):
        model.pipeline()


def test_foreign_file_without_sidecar_is_refused(tmp_path):
    f = tmp_path / "foreign.joblib"
    f.write_bytes(b"not a model")
    with pytest.raises(ClaimError, match="no sidecar"):
        load(f)


def test_missing_model_says_train(tmp_path):
    with pytest.raises(ClaimError, match="claimclf train"):
        load(tmp_path / "absent.joblib")


def test_other_sklearn_version_is_reported(small_model, tmp_path):
    copy, side = _copy_model(small_model, tmp_path)
    side["libraries"]["scikit-learn"] = "0.0.1"
    sidecar_path(copy).write_text(json.dumps(side))
    warnings = []
    pipeline = load(copy, warn=warnings.append).pipeline()
    assert len(warnings) == 1 and "0.0.1" in warnings[0]
    assert pipeline.predict_proba(["upper lid skin on lashes"]).shape == (1, 2)


def test_saved_model_scores_in_a_fresh_process(small_model):
    code = (
        "import sys; from claimclf.persistence import load; "
        "p = load(sys.argv[1]).pipeline(); "
        "print(p.predict_proba(['视野检查上方仅20度，提起上睑后改善', 'wants to look younger'])[:, 0].round(6).tolist())"
    )
    out = subprocess.run([sys.executable, "-c", code, str(small_model)], capture_output=True, text=True, check=True)
    here = load(small_model).pipeline()
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
    with pytest.raises(ClaimError, match="scoring.npz does not match its recorded sha256"):
        load(copy)


def test_missing_scoring_arrays_say_what_to_copy(small_model, tmp_path):
    copy, _ = _copy_model(small_model, tmp_path)
    scoring_path(copy).unlink()
    with pytest.raises(ClaimError, match="copy the model's three files together"):
        load(copy)


def test_a_model_saved_without_scoring_arrays_still_scores(small_model, tmp_path):
    copy, side = _copy_model(small_model, tmp_path)
    scoring_path(copy).unlink()
    for key in ("scoring_file", "scoring_sha256", "scoring_bytes"):
        side.pop(key)
    sidecar_path(copy).write_text(json.dumps(side))
    old, new = load(copy).engine(), load(small_model).engine()
    claims = [normalize(t) for t in ("ptosis covers the pupil, field 25 degrees", "想做双眼皮")]
    assert old.p_cosmetic(claims).tolist() == new.p_cosmetic(claims).tolist()


def test_model_files_get_the_umask_mode(small_model):
    import os
    import stat

    mask = os.umask(0o022)
    os.umask(mask)
    for path in (small_model, scoring_path(small_model), sidecar_path(small_model)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


def test_a_model_pickled_before_the_move_of_platt_scaling_still_loads(small_model, tmp_path, monkeypatch):
    """Older models name claimclf.calibration.PlattCalibrated; the loader maps it to claimclf.decision."""
    import hashlib
    import pickle
    import types
    import zlib

    from claimclf.decision import PlattCalibrated

    pipeline = load(small_model).pipeline()
    old_module = types.ModuleType("claimclf.calibration")
    old_module.PlattCalibrated = PlattCalibrated
    monkeypatch.setitem(sys.modules, "claimclf.calibration", old_module)
    monkeypatch.setattr(PlattCalibrated, "__module__", "claimclf.calibration")
    data = zlib.compress(pickle.dumps(pipeline, protocol=5), 6)
    monkeypatch.undo()
    assert b"claimclf.calibration" in zlib.decompress(data) and "claimclf.calibration" not in sys.modules
    copy, side = _copy_model(small_model, tmp_path)
    copy.write_bytes(data)
    side["model_sha256"] = hashlib.sha256(data).hexdigest()
    sidecar_path(copy).write_text(json.dumps(side))
    loaded = load(copy).pipeline()
    assert type(loaded.named_steps["clf"]).__module__ == "claimclf.decision"


def test_a_changed_segmentation_dictionary_is_reported(small_model, tmp_path):
    copy, side = _copy_model(small_model, tmp_path)
    assert len(side["jieba_user_dict_sha256"]) == 64
    warnings = []
    load(copy, warn=warnings.append)
    assert warnings == []
    side["jieba_user_dict_sha256"] = "0" * 64
    sidecar_path(copy).write_text(json.dumps(side))
    load(copy, warn=warnings.append)
    assert len(warnings) == 1 and "segmentation dictionary" in warnings[0]


def test_model_files_get_the_umask_mode_not_0600(small_model):
    """The model's three files are written through a temporary file, yet keep the mode the umask gives."""
    import os
    import stat

    mask = os.umask(0)
    os.umask(mask)
    for path in (small_model, sidecar_path(small_model), scoring_path(small_model)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path
