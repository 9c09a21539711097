"""Distributed scoring: the model logged to MLflow and scored by ``mlflow.pyfunc.spark_udf`` on local Spark.

The path docs/spark.md describes, end to end: same probabilities as scoring here, row for row.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys

import pytest

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17 or newer) and none is installed here", allow_module_level=True)
if importlib.util.find_spec("pyspark") is None:
    pytest.skip("pyspark is not installed: pip install '.[spark]' (the dev extra includes it)", allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # Spark's Python workers run this same environment
    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimclf-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_udf_gives_the_same_probabilities_as_local_scoring(tmp_path, spark, small_model, small_corpus):
    import mlflow
    import mlflow.pyfunc
    import mlflow.sklearn
    import numpy as np
    import pandas as pd
    from mlflow.models import ModelSignature
    from mlflow.types.schema import Schema, TensorSpec

    from claimclf.decision import Policy
    from claimclf.persistence import load
    from claimclf.scoring.scorer import Scorer
    from claimclf.train import positive_index

    model = load(small_model)
    pipeline, sidecar = model.pipeline(), model.sidecar
    mlflow.set_tracking_uri(f"sqlite:///{tmp_path / 'mlflow.db'}")
    mlflow.set_experiment("spark-test")
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(
            pipeline,
            name="model",
            pyfunc_predict_fn="predict_proba",
            serialization_format="cloudpickle",  # skops (the default) is far slower on large vocabularies
            # a 1-D array of texts, which is what the pipeline's vectorizers expect
            signature=ModelSignature(inputs=Schema([TensorSpec(np.dtype(object), (-1,))])),
            pip_requirements=["claimclf"],
        )

    claims = pd.read_csv(small_corpus, dtype=str, keep_default_na=False)[["id", "text"]].head(240)
    udf = mlflow.pyfunc.spark_udf(spark, info.model_uri, result_type="array<double>", env_manager="local")
    pos = positive_index(pipeline)
    scored = (
        spark.createDataFrame(claims)
        .repartition(3)  # several partitions, so rows really travel between Python workers
        .withColumn("p_cosmetic", udf("text")[pos])
        .toPandas()
        .set_index("id")
        .loc[claims["id"]]
    )

    local = Scorer(model.engine(), Policy.from_sidecar(sidecar), evidence_terms=0).score_column(claims["text"].tolist())
    assert len(scored) == len(claims) == 240
    np.testing.assert_allclose(scored["p_cosmetic"].to_numpy(), pipeline.predict_proba(claims["text"].tolist())[:, pos],
                               rtol=0, atol=1e-12)
    # claimclf score adds its decision stage on top: confidence bounded by each text's words, and
    # doubtful texts pulled towards 0.5 and flagged in reason. Wherever it did not doubt, its
    # p_cosmetic is the Spark one, bounded, to the 6 decimals it writes.
    from claimclf.decision import WORDS_COUNTED, bound_confidence, count_content_tokens
    from claimclf.text import normalize, tokenize

    read = load(small_model).engine().focus  # words counted on what the model reads: long notes lose boilerplate
    words = [count_content_tokens(tokenize(read(normalize(t))), WORDS_COUNTED) for t in claims["text"]]
    bounded = np.array([bound_confidence(p, k) for p, k in zip(scored["p_cosmetic"], words, strict=True)])
    plain = (local["reason"] == "").to_numpy()
    assert plain.sum() > 200
    np.testing.assert_allclose(bounded[plain], local["p_cosmetic"].to_numpy()[plain], rtol=0, atol=5e-7)
