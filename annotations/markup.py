"""Render a Markdown note or reply as safe HTML."""

from __future__ import annotations

import markdown
from django.utils.safestring import SafeString, mark_safe

from documents.sanitize import sanitize_html


def render_markdown(source: str) -> SafeString:
    """Markdown → HTML → the one sanitiser, so a note can never carry script or styles."""
    if not source.strip():
        return mark_safe("")
    html = markdown.markdown(source, extensions=["sane_lists"], output_format="html")
    return mark_safe(sanitize_html(html))  # noqa: S308 - sanitize_html is the allow-list seam
