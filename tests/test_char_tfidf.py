"""The character block learns no feature, rather than failing, from data with no frequent Chinese n-gram."""

import numpy as np
import pandas as pd
from typer.testing import CliRunner

from claimclf.char_tfidf import CharTfidfVectorizer
from claimclf.cli import app
from claimclf.features import ChineseRuns
from claimclf.scoring.engine import Engine, to_bytes
from claimclf.text import normalize
from claimclf.train import build_pipeline, predict_p_cosmetic

ENGLISH = ["wants to look younger", "severe pain and infection"] * 20
LABELS = np.array(["cosmetic", "therapeutic"] * 20)


def test_texts_without_chinese_give_an_empty_vocabulary_not_an_error():
    vec = CharTfidfVectorizer(analyzer="char_wb", preprocessor=ChineseRuns(normalize), min_df=3, ngram_range=(1, 4))
    X = vec.fit_transform(ENGLISH)
    assert X.shape == (40, 0) and vec.vocabulary_ == {} and vec.idf_.shape == (0,)
    assert vec.transform(["双眼皮", "ptosis"]).shape == (2, 0)
    assert len(vec.get_feature_names_out()) == 0
    assert vec.fit(ENGLISH).vocabulary_ == {}


def test_with_chinese_it_is_scikit_learns_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["想要双眼皮", "上睑下垂遮挡视线", "双眼皮 wants", "视线遮挡"] * 3
    ours = CharTfidfVectorizer(analyzer="char_wb", preprocessor=ChineseRuns(normalize), min_df=3).fit(texts)
    theirs = TfidfVectorizer(analyzer="char_wb", preprocessor=ChineseRuns(normalize), min_df=3).fit(texts)
    assert ours.vocabulary_ == theirs.vocabulary_
    assert (ours.transform(texts) != theirs.transform(texts)).nnz == 0


def test_an_english_only_model_learns_from_words_and_scores_without_scikit_learn():
    pipe = build_pipeline(C=4.0, char_ngram=(1, 3)).fit(ENGLISH, LABELS)
    queries = ["look younger please", "infection with pain", "想要变年轻", ""]
    p = predict_p_cosmetic(pipe, queries)
    assert p[0] > 0.5 > p[1]
    engine = Engine.from_bytes(to_bytes(pipe))
    assert len(engine.chars.terms) == 0
    np.testing.assert_allclose(engine.p_cosmetic([normalize(t) for t in queries]), p, rtol=0, atol=1e-12)


def test_training_and_scoring_english_claims_alone_through_the_cli(tmp_path, small_corpus):
    df = pd.read_csv(small_corpus)
    english = df[df["lang"] == "en"]
    data, model, out = tmp_path / "en.csv", tmp_path / "en.joblib", tmp_path / "scored.csv"
    english.to_csv(data, index=False)
    runner = CliRunner()
    trained = runner.invoke(app, ["train", "--data", str(data), "--model", str(model), "--no-search", "--no-track", "-q"])
    assert trained.exit_code == 0, trained.output
    scored = runner.invoke(app, ["score", str(data), "-o", str(out), "--model", str(model), "-q"])
    assert scored.exit_code == 0, scored.output
    result = pd.read_csv(out)
    assert len(result) == len(english)
    assert (result["predicted_label"] == english["label"].to_numpy()).mean() > 0.9
