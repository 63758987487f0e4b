"""The review's speakers page in a real headless Chromium, against the DuckDB view.

Uses the browser of ``test_review_browser`` (Debian's chromium driven by
Playwright; skipped, saying why, only when it is absent and cannot be installed).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipeline.corpus.database import write_database
from pipeline.review import write_review

from ..corpus.corpus_records import kirby_records
from ..records import hand_record, pipeline_records
from .test_review_browser import browser, open_page  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROWS = """[...document.querySelectorAll('table.speakers tbody tr')].map(row => ({
    id: row.dataset.speaker,
    cells: [...row.querySelectorAll('td')].map(cell => cell.innerText.trim()),
}))"""


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory) -> tuple[list[dict], Path]:
    records = [*pipeline_records(nlp), hand_record(), *kirby_records(nlp)]
    out = tmp_path_factory.mktemp("review-speakers")
    summary = write_review(records, out)
    return records, summary.index


def test_index_links_to_the_speakers_page_with_one_kirby(browser, corpus) -> None:  # noqa: F811
    records, index = corpus
    page, events = open_page(browser, index)
    page.click("#speakers-link")
    page.wait_for_load_state("load")
    assert page.url.endswith("/speakers.html")
    rows = {row["id"]: row["cells"] for row in page.evaluate(ROWS)}
    kirby = rows["person:john-kirby"]
    # speaker, id, type, articles, claims, denials, accusations, first, last, names, roles, in
    assert kirby[:9] == ["John Kirby", "person:john-kirby", "person", "4", "7", "1", "0",
                         "2023-06-13", "2024-05-20"]  # fmt: skip
    assert "Kirby" in kirby[9].split(", ") and "spokesman" in kirby[10]
    assert not any(key.startswith("person:kirby") for key in rows)
    assert events["errors"] == [] and events["dialogs"] == []
    page.click('tr[data-speaker="person:john-kirby"] a:text("kirby-2")')
    page.wait_for_load_state("load")
    assert page.url.endswith("/articles/kirby-2.html")
    assert "Kirby denied the report" in page.inner_text("#text")
    page.close()


def test_speakers_page_agrees_with_the_duckdb_view(browser, corpus, tmp_path: Path) -> None:  # noqa: F811
    records, index = corpus
    db = tmp_path / "corpus.duckdb"
    write_database(json.loads(json.dumps(records)), db)
    with duckdb.connect(str(db), read_only=True) as con:
        view = con.execute(
            "SELECT speaker_id, canonical_name, articles, claims, denials, accusations, "
            "coalesce(CAST(first_date AS VARCHAR), ''), coalesce(CAST(last_date AS VARCHAR), '') "
            "FROM speakers_across_articles"
        ).fetchall()
    page, _ = open_page(browser, index.with_name("speakers.html"))
    shown = [
        (row["id"], c[0], int(c[3]), int(c[4]), int(c[5]), int(c[6]), c[7], c[8])
        for row in page.evaluate(ROWS)
        for c in [row["cells"]]
    ]
    page.close()
    assert len(shown) == len(view) > 10
    assert sorted(shown) == sorted(view)
    assert [r[0] for r in shown] == [r[0] for r in view]  # the same order: most articles first
