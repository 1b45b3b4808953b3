"""The one place HTML from outside is made safe to show.

Every piece of uploaded or fetched HTML that reaches a page passes through
`sanitize_html`. It calls bleach today; bleach has been in maintenance mode
since 2023, and keeping it behind this seam makes a swap to nh3 a change here
alone, checked by the same tests (tests/documents/test_sanitize.py).
"""

from __future__ import annotations

import threading

import bleach

# A small allow-list for reading an article. Never add raw-text or foreign-content
# elements (script, style, svg, math, noscript, template, iframe, textarea, title,
# xmp, noembed, noframes, plaintext): they change how browsers parse what follows.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li",
        "blockquote", "q", "cite",
        "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
        "a", "abbr", "code", "pre",
        "table", "thead", "tbody", "tr", "th", "td", "caption",
        "figure", "figcaption",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"], "th": ["scope"]}
# No data:, javascript:, vbscript: or relative-protocol tricks: only these schemes.
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
_ABSOLUTE = tuple(f"{scheme}:" for scheme in sorted(ALLOWED_PROTOCOLS))


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    # Relative links mean nothing once the text is shown on our site; "//host" ones lead
    # elsewhere unannounced. Only absolute links with an allowed scheme stay.
    return name != "href" or value.strip().lower().startswith(_ABSOLUTE)


FORBIDDEN_TAGS = frozenset(
    {"script", "style", "svg", "math", "noscript", "template", "iframe", "textarea", "title"}
)
assert not ALLOWED_TAGS & FORBIDDEN_TAGS

# bleach's Cleaner keeps parser state between calls and is documented as not thread-safe:
# one shared by the threads of a server scrambled or cut short the notes it cleaned.
# Each thread builds its own once.
_local = threading.local()


def _cleaner() -> bleach.sanitizer.Cleaner:
    cleaner: bleach.sanitizer.Cleaner | None = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = bleach.sanitizer.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=_allow_attribute,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
        )
    return cleaner


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the allow-list: no scripts, handlers, styles or comments."""
    if not html:
        return ""
    cleaned: str = _cleaner().clean(html)  # bleach has no types
    return cleaned
