from claimclf.workflows import model_name


def test_plots_name_registered_versions_and_local_files():
    sidecar = {"model_version": "20261203T093721Z"}
    assert model_name("models:/claimclf/3", sidecar) == "claimclf v3"
    assert model_name("models:/claimclf@champion", sidecar) == "claimclf@champion"
    assert model_name("models/claimclf.joblib", sidecar) == "claimclf.joblib 20261203T093721Z"
