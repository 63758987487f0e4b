"""Readers: every input becomes an Article (or an error Article), text exactly as decoded."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from pipeline.io.html import html_to_text
from pipeline.io.readers import decode, discover, read_articles, read_path


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_discover_walks_folders_in_sorted_order_and_skips_sidecars(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.txt", "two")
    write(tmp_path / "b" / "1.md", "one")
    write(tmp_path / "a.json", '{"text": "a"}')
    write(tmp_path / "a.meta.json", "{}")
    write(tmp_path / "notes.csv", "x,y")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.json", "b/1.md", "b/2.txt"]


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", "Officials said on Tuesday that talks failed.\n")
    write(
        tmp_path / "story.meta.json",
        json.dumps(
            {
                "date": "2023-06-13",
                "title": "Talks",
                "url": "https://example.org/t",
                "section": "world",
            }
        ),
    )
    [article] = read_articles([tmp_path])
    assert article.id == "story"
    assert article.text == "Officials said on Tuesday that talks failed.\n"
    assert (article.date, article.title, article.url) == (
        "2023-06-13",
        "Talks",
        "https://example.org/t",
    )
    assert article.meta()["section"] == "world"
    assert article.error is None and article.warnings == []


def test_default_date_only_fills_missing_dates(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"id": "x", "text": "t", "date": "2020-01-02"}\n{"text": "u"}\n')
    first, second = read_articles([tmp_path], default_date="2024-05-06")
    assert (first.id, first.date) == ("x", "2020-01-02")
    assert (second.id, second.date, second.line) == ("a-2", "2024-05-06", 2)


def test_jsonl_bad_lines_become_error_articles_and_good_lines_survive(tmp_path: Path) -> None:
    lines = [
        '{"id": "ok1", "text": "Fine."}',
        "{not json",
        '{"id": "nt"}',
        '{"text": 5}',
        "[1, 2]",
        "",
        '{"id": "ok2", "text": "Also fine."}',
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles = list(read_articles([tmp_path]))
    assert [(a.id, a.line, a.error["code"] if a.error else None) for a in articles] == [
        ("ok1", 1, None),
        ("feed-2", 2, "E002"),
        ("nt", 3, "E003"),
        ("feed-4", 4, "E004"),
        ("feed-5", 5, "E006"),
        ("ok2", 7, None),
    ]
    assert "feed.jsonl line 2" in articles[1].error["message"]


@pytest.mark.parametrize(
    ("data", "text", "codes"),
    [
        (b"plain ascii", "plain ascii", []),
        ("caf\u00e9 \u201cquoted\u201d".encode(), "caf\u00e9 \u201cquoted\u201d", []),
        (codecs.BOM_UTF8 + "x\u00e9".encode(), "x\u00e9", ["W006"]),
        (
            codecs.BOM_UTF16_LE + "Seoul \uc11c\uc6b8".encode("utf-16-le"),
            "Seoul \uc11c\uc6b8",
            ["W006"],
        ),
        (b"bad \xff\xfe byte", "bad \ufffd\ufffd byte", ["W001"]),
    ],
)
def test_decode(data: bytes, text: str, codes: list[str]) -> None:
    decoded, warnings = decode(data, "f.txt")
    assert decoded == text
    assert [w["code"] for w in warnings] == codes


def test_binary_file_is_an_error_not_text(tmp_path: Path) -> None:
    write(tmp_path / "image.txt", bytes(range(256)) * 4)
    [article] = read_articles([tmp_path])
    assert article.error["code"] == "E005" and article.text == ""


def test_broken_symlink_and_loop_are_reported_once(tmp_path: Path) -> None:
    write(tmp_path / "real.txt", "Real news.")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path, tmp_path / "loop")
    articles = list(read_articles([tmp_path]))
    assert [(a.id, a.error["code"] if a.error else None) for a in articles] == [
        ("broken", "E001"),
        ("real", None),
    ]


def test_invalid_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.json", '{"text": "t", "date": "June 13th"}')
    [article] = read_articles([tmp_path])
    assert article.date is None and [w["code"] for w in article.warnings] == ["W007"]


def test_duplicate_ids_are_renamed_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a" / "same.txt", "one")
    write(tmp_path / "b" / "same.txt", "two")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["same", "same~2"]


def test_html_main_text_drops_scripts_navigation_and_keeps_blocks() -> None:
    markup = """<html><head><title>Oil &amp; sanctions</title><style>p{}</style></head>
    <body><nav>Home | World</nav><article><h1>Oil shipments resume</h1>
    <p>Russia shipped <b>44,655 barrels</b> of oil,
       officials said.</p><script>alert("x")</script><p>Kim &lt;script&gt; continued.</p>
    </article><footer>Copyright</footer></body></html>"""
    title, text = html_to_text(markup)
    assert title == "Oil & sanctions"
    assert text == (
        "Oil shipments resume\nRussia shipped 44,655 barrels of oil, officials said.\n"
        "Kim <script> continued."
    )


@pytest.mark.parametrize("markup", ["", "   ", "<html></html>", "<script>only()</script>"])
def test_html_without_text_gives_empty_text(markup: str) -> None:
    assert html_to_text(markup)[1] == ""


def test_an_unreadable_input_is_an_error_article(tmp_path: Path) -> None:
    # A folder named like an article, given explicitly, cannot be read as a file
    # (chmod 000 would not do: tests may run as root, who reads anything).
    folder = tmp_path / "odd.txt"
    folder.mkdir()
    [article] = read_path(folder)
    assert article.error["code"] == "E001" and "odd.txt" in article.error["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod-000 file")
def test_a_file_without_read_permission_is_an_error_article(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    [article] = read_articles([tmp_path])
    assert article.error["code"] == "E001"


def test_html_is_parsed_never_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    markup = """<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html><head>
    <link rel="stylesheet" href="http://example.invalid/a.css">
    <script src="http://example.invalid/a.js"></script></head><body>
    <iframe src="http://example.invalid/frame"></iframe><img src="http://example.invalid/i.png">
    <p>Police said 3 people were hurt.</p></body></html>"""
    write(tmp_path / "page.html", markup)
    [article] = read_articles([tmp_path])
    assert article.text == "Police said 3 people were hurt."
