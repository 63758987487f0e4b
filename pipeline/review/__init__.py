"""The HTML review of newsclaims records: ``write_review(records, out_dir)`` (see ``render``)."""

from .render import ReviewSummary, clear_review, render_article, render_index, write_review

__all__ = ["ReviewSummary", "clear_review", "render_article", "render_index", "write_review"]
