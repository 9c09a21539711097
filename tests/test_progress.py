"""The progress bar: what it draws, how often, and that it can be silent."""

import io

from claimclf.progress import Progress, format_duration, render


def test_render_with_and_without_a_total():
    line = render(2_500, 10_000, 5.0, rate=500.0)
    assert "25%" in line and "2,500 of ~10,000 rows" in line and "500 rows/s" in line and "ETA 0:15" in line
    assert render(2_500, None, 5.0) == "2,500 rows  500 rows/s  0:05 elapsed"
    assert "starting" in render(0, 100, 1.0)
    assert format_duration(3725) == "1:02:05"


def test_redraws_at_most_every_interval_and_erases_itself():
    now = [0.0]
    out = io.StringIO()
    bar = Progress(True, total=lambda done: 1000, stream=out, interval=1.0, clock=lambda: now[0])
    for _ in range(10):
        now[0] += 0.25
        bar.update(10)
    assert out.getvalue().count("\r") == 3  # at 0.25 s, 1.25 s and 2.25 s
    assert bar.done == 100 and bar.rate() == 90 / 2.25
    bar.close()
    assert out.getvalue().endswith("\r")


def test_disabled_bar_writes_nothing_but_still_counts():
    out = io.StringIO()
    bar = Progress(False, stream=out)
    bar.update(5)
    bar.close()
    assert out.getvalue() == "" and bar.done == 5
