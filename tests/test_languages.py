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
