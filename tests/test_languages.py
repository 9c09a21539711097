from hypothesis import given, settings
from hypothesis import strategies as st

from claimclf.languages import latin_language, other_language, ranks


def test_word_lists_load_from_wordfreq():
    lists = ranks()
    assert {"en", "fr", "de", "es"} <= set(lists)
    assert lists["en"]["the"] < lists["en"].get("hemostasis", 10**6)


def test_each_word_votes_for_the_language_it_is_most_frequent_in():
    assert latin_language(["the", "patient", "was", "draped"])[0] == "en"
    assert latin_language(["le", "patient", "souhaite", "une", "chirurgie"])[0] == "fr"


def test_english_wins_close_calls_and_short_texts_are_not_judged():
    assert other_language(["patient", "trauma", "nasal", "obstruction"]) == ""  # shared medical words
    assert other_language(["una", "nariz"]) == ""  # too few words to say
    assert other_language(["il", "paziente", "desidera", "naso", "piccolo"]) == "Italian"


def test_a_token_stream_votes_as_its_latin_words_do():
    from claimclf.languages import other_language_of_tokens

    for text in ["el paciente tiene dolor en el ojo izquierdo desde hace meses y no puede ver bien",
                 "ptosis | covers the pupil 3 mm , 上睑 下垂", "der patient hat schmerzen | 5 ° und kann nicht sehen"]:
        tokens = text.split()
        words = [t for t in tokens if t.isascii() and t.isalpha()]
        assert other_language_of_tokens(tokens) == other_language(words)
    assert other_language_of_tokens("el paciente tiene dolor en el ojo y no puede ver".split()) == "Spanish"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["en", "en", "en", "fr", "de", "es", "it"]), max_size=40))
def test_the_quick_count_of_votes_gives_what_counting_every_language_gives(votes):
    from collections import Counter

    from claimclf.languages import _named_other, _top, other_language_of_votes

    assert other_language_of_votes(tuple(votes)) == _named_other(*_top(Counter(votes)))
    assert other_language_of_votes(iter(votes)) == _named_other(*_top(Counter(votes)))
