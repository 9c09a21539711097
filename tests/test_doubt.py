from claimclf.doubt import doubt_reason, shrink


def test_bare_name_of_a_procedure_that_needs_a_reason_is_doubted():
    assert "too short" in doubt_reason("Septoplasty")
    assert "too short" in doubt_reason("鼻中隔矫正")


def test_presumed_cosmetic_names_are_not_doubted():
    assert doubt_reason("双眼皮") == ""
    assert doubt_reason("Botox forehead") == ""


def test_no_english_or_chinese():
    assert "no English or Chinese" in doubt_reason("!!! ??? 123")
    assert "no English or Chinese" in doubt_reason("ادعاء تأمين")


def test_unknown_words_are_doubted_with_a_vocabulary():
    vocab = {"pain", "field", "wants", "younger"}
    assert "does not know" in doubt_reason("le patient souhaite une chirurgie du nez esthétique", vocab)
    assert doubt_reason("pain pain field wants younger", vocab) == ""


def test_a_real_justification_is_not_doubted():
    assert doubt_reason("Upper lid skin rests on the lashes; superior field 22 degrees, 45 taped.") == ""


def test_shrink_pulls_to_the_middle():
    assert shrink(1.0) == 0.625 and shrink(0.0) == 0.375 and shrink(0.5) == 0.5
