"""A new extractor version re-reads every stored document: its events are appended,
the `events` view switches to it, older versions stay queryable, and no alert is re-sent."""
from __future__ import annotations

import pipeline.extract
from pipeline.cycle import Settings, reextract, run_cycle


def test_reextract_appends_the_new_version_and_alerts_nobody(workdir, monkeypatch):
    settings = Settings.from_environment()
    first = run_cycle(settings)
    assert first.events_accepted > 0 and first.alerts_created > 0
    old_version = pipeline.extract.EXTRACTOR_VERSION

    monkeypatch.setattr(pipeline.extract, "EXTRACTOR_VERSION", old_version + "+test")
    report = reextract(settings)
    assert report.reextracted_documents == 1 and report.alerts_created == 0
    assert report.events_accepted == first.events_accepted

    import duckdb

    con = duckdb.connect(str(settings.db), read_only=True)
    by_version = dict(con.execute(
        "SELECT extractor_version, count(*) FROM event_log GROUP BY 1").fetchall())
    assert by_version == {old_version: first.events_accepted, old_version + "+test": first.events_accepted}
    assert con.execute("SELECT DISTINCT extractor_version FROM events").fetchall() == [(old_version + "+test",)]
    assert con.execute("SELECT count(*) FROM alerts").fetchall()[0][0] == first.alerts_created
    con.close()

    again = run_cycle(settings)  # the next scheduled cycle: nothing new, nothing sent
    assert (again.events_accepted, again.alerts_created, again.alerts_sent) == (0, 0, 0)
