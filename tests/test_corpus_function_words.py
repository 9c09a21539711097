"""The function words the corpus is held to use evenly are words the model never uses as features."""

from claimclf.corpus.function_words import FUNCTION_WORDS
from claimclf.function_words import NOT_FEATURES
from claimclf.text import normalize, tokenize


def test_every_balanced_entry_is_never_a_feature():
    for category, by_lang in FUNCTION_WORDS.items():
        for lang, entries in by_lang.items():
            for entry in entries:
                tokens = [t for t in tokenize(normalize(entry)) if t != "|"]
                assert tokens and all(t in NOT_FEATURES for t in tokens), (category, lang, entry, tokens)
