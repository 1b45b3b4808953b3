"""Bytes in, text and metadata out: one reader per type we accept.

The type is decided by the content, not the file name: a renamed executable is
refused whatever it is called. Every refusal is a `RejectedInput` whose message
tells the admin what to do next.
"""

from __future__ import annotations

import codecs
import io
import re
import time
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

import charset_normalizer
import markdown
import puremagic
from django.conf import settings
from lxml import html as lxml_html

from documents.errors import RejectedInput
from documents.metadata import Metadata
from documents.sanitize import sanitize_html

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["Extracted", "RejectedInput", "extract", "extract_pasted", "sniff"]

TEXT_PLAIN = "text/plain"
TEXT_HTML = "text/html"
TEXT_MARKDOWN = "text/markdown"
APPLICATION_PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"
READABLE = "We read plain text, HTML, Markdown, Word (.docx) and PDF files with a text layer."

# A compressed member may expand at most this many times; real documents stay far below.
ZIP_MAX_RATIO = 100
ZIP_MAX_MEMBERS = 5000


@dataclass(frozen=True)
class Extracted:
    text: str
    content_type: str
    metadata: Metadata = field(default_factory=Metadata)
    display_html: str = ""


def extract_pasted(text: str) -> Extracted:
    """Read text an admin pasted into the form."""
    return Extracted(text=normalise_newlines(text), content_type=f"{TEXT_PLAIN}; charset=utf-8")


def extract(
    data: bytes,
    filename: str = "",
    declared_type: str = "",
    encoding: str = "",
    *,
    max_chars: int | None = None,
) -> Extracted:
    """Read one document from its bytes; `filename` and `declared_type` are hints only.

    `encoding`, when given, is the uploader's choice for a text file (see
    `encoding_choices`) and replaces detection. The text may be at most `max_chars`
    characters (EXTRACT_MAX_CHARS by default); a PDF is refused as soon as it passes
    that, or EXTRACT_MAX_SECONDS, or has more than PDF_MAX_PAGES pages.
    """
    limit = max_chars if max_chars is not None else settings.EXTRACT_MAX_CHARS
    check_size(data, filename)
    kind = sniff(data, filename)
    if kind == APPLICATION_PDF:
        return _read_pdf(data, limit)
    if kind == DOCX:
        return _within(_read_docx(data), limit)
    if kind == ZIP:
        raise RejectedInput(
            "This is a zip archive, not a single document. Upload it as a bulk import."
        )
    text, encoding = _checked(data, encoding) if encoding else decode_text(data)
    suffix = PurePosixPath(filename.lower()).suffix
    if kind == TEXT_HTML or "html" in declared_type:
        return _within(_read_html(text), limit)
    if suffix in {".md", ".markdown"} or "markdown" in declared_type:
        return _within(_read_markdown(text, encoding), limit)
    return _within(
        Extracted(text=normalise_newlines(text), content_type=f"{TEXT_PLAIN}; charset={encoding}"),
        limit,
    )


def _within(extracted: Extracted, limit: int) -> Extracted:
    if len(extracted.text) > limit:
        raise RejectedInput(
            f"This document's text is {len(extracted.text):,} characters long; "
            f"we take at most {limit:,}. Upload a shorter part of it."
        )
    return extracted


def check_size(data: bytes, name: str = "") -> None:
    label = f"“{name}”" if name else "This file"
    if not data or not data.strip():
        raise RejectedInput(f"{label} is empty.")
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise RejectedInput(
            f"{label} is {_megabytes(len(data))}; the limit is "
            f"{_megabytes(settings.UPLOAD_MAX_BYTES)}."
        )


def sniff(data: bytes, filename: str = "") -> str:
    """Return the content type of `data` judged by its bytes, or raise RejectedInput."""
    suffix = PurePosixPath(filename.lower()).suffix
    if data.startswith(b"%PDF-"):
        return APPLICATION_PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile as exc:
            raise RejectedInput("This zip-based file is damaged and cannot be opened.") from exc
        return DOCX if "word/document.xml" in names else ZIP
    if suffix in {".pdf", ".docx"}:
        raise RejectedInput(
            f"This file is named {suffix} but its content is not a {suffix[1:].upper()} file."
        )
    if _has_text_bom(data) or _looks_like_utf16(data):
        return _text_or_html(data)
    if b"\x00" in data[:8192] or data.startswith(_NOT_TEXT):
        raise RejectedInput(f"We cannot read this kind of file ({_describe(data)}). {READABLE}")
    return _text_or_html(data)


def _text_or_html(data: bytes) -> str:
    head = data[:4096].decode("latin-1").lstrip("\ufeffï»¿þÿ\x00 \t\r\n").lower()
    looks_html = head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")) or bool(
        re.search(r"<(html|body|article|p|div)[\s>]", head)
    )
    return TEXT_HTML if looks_html else TEXT_PLAIN


_SIGNATURES = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls); save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file; save it as .docx or PDF"),
)
# Formats that can pass for text (no NUL bytes early on) but are not documents we read.
_NOT_TEXT = (b"{\\rtf", b"\x7fELF", b"\xd0\xcf\x11\xe0")


def _describe(data: bytes) -> str:
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return f"it looks like {name}"
    try:
        matches = puremagic.magic_string(data[:8192])
    except (puremagic.PureError, ValueError):
        matches = []
    # puremagic's names for rare formats confuse more than they help; trust common ones.
    for match in matches:
        if match.mime_type:
            return f"it looks like {match.mime_type}"
    return "it looks like binary data"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _has_text_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _looks_like_utf16(data: bytes) -> bool:
    """Spot UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    odd, even = sample[1::2], sample[0::2]
    return (odd.count(0) > 0.6 * len(odd) and even.count(0) == 0) or (
        even.count(0) > 0.6 * len(even) and odd.count(0) == 0
    )


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding), detecting the encoding; raise RejectedInput if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data, encoding)
    if _looks_like_utf16(data):
        sample = data[:4096]
        return _checked(data, "utf-16-le" if sample[1::2].count(0) else "utf-16-be")
    try:
        return _checked(data, "utf-8")
    except RejectedInput:
        pass
    unreadable = RejectedInput(
        "This file is not readable text in any encoding we know (UTF-8, UTF-16, Windows-1252, "
        "Latin-1…). Save it as UTF-8 and try again."
    )
    for encoding in _likely_encodings(data):
        try:
            return _checked(data, encoding)
        except RejectedInput:
            continue
    raise unreadable


@dataclass(frozen=True)
class EncodingChoice:
    encoding: str
    preview: str


# Detector results this close to the best one (charset-normalizer's "chaos", 0 = clean)
# are as plausible as it: when they read differently, detection is unsure.
CLOSE_CHAOS = 0.05
PREVIEW_CHARS = 400
# The name shown for a family of encodings that read the same bytes alike.
_COMMON_NAMES = (
    "cp1252",
    "mac_roman",
    "shift_jis",
    "cp932",
    "euc_jp",
    "cp949",
    "euc_kr",
    "gb18030",
    "big5",
    "koi8_r",
    "cp1251",
    "iso8859_2",
    "cp1250",
)


def encoding_choices(data: bytes, filename: str = "") -> list[EncodingChoice]:
    """The readings of a text file that detection cannot choose between; [] when it is sure.

    Sure means: a byte-order mark, UTF-16, valid UTF-8, not text at all (extraction
    then says why), or Windows-1252 among the detector's three best (the corpus is
    mostly Western European, see `_likely_encodings`). Otherwise each encoding the
    detector finds about as plausible as its best, and Windows-1252, is tried; if
    they give different texts the uploader picks from a preview of each.
    """
    try:
        kind = sniff(data, filename)
    except RejectedInput:
        return []
    if kind in {APPLICATION_PDF, DOCX, ZIP} or _has_text_bom(data) or _looks_like_utf16(data):
        return []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return []
    matches = list(charset_normalizer.from_bytes(data))
    if not matches or any("cp1252" in m.could_be_from_charset for m in matches[:3]):
        return []
    best = matches[0].chaos
    names = [
        _common_name(m.could_be_from_charset, m.encoding)
        for m in matches
        if m.chaos <= best + CLOSE_CHAOS
    ]
    choices: list[EncodingChoice] = []
    seen: set[str] = set()
    for name in [*names, "cp1252"]:
        try:
            text, encoding = _checked(data, name)
        except RejectedInput:
            continue
        if text not in seen:
            seen.add(text)
            preview = normalise_newlines(text)[:PREVIEW_CHARS]
            choices.append(EncodingChoice(encoding, preview))
    return choices if len(choices) > 1 else []


def _common_name(aliases: list[str], fallback: str) -> str:
    return next((name for name in _COMMON_NAMES if name in aliases), fallback)


def _likely_encodings(data: bytes) -> list[str]:
    """Candidate single-byte encodings, Windows-1252 first when it is among the plausible.

    Detectors guess poorly on short texts (a cp1252 note may come back as cp1250 or
    cp775); our corpus is mostly Western European, so cp1252 (a superset of Latin-1's
    printable range) wins whenever the detector counts it among its top three.
    """
    matches = list(charset_normalizer.from_bytes(data))[:3]
    if any("cp1252" in match.could_be_from_charset for match in matches):
        return ["cp1252"]
    return [match.encoding for match in matches] + ["cp1252"]


def _checked(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise RejectedInput("This file's bytes are not text in any encoding we know.") from exc
    text = text.removeprefix("\ufeff")
    controls = sum(
        1 for ch in text if unicodedata.category(ch) in {"Cc", "Co", "Cs"} and ch not in "\t\n\r\f"
    )
    if controls > max(2, len(text) // 200):
        raise RejectedInput(
            "This file does not decode to readable text (it contains control characters). "
            + READABLE
        )
    name = codecs.lookup(encoding).name
    return text, "utf-8" if name == "utf-8-sig" else name


def normalise_newlines(text: str) -> str:
    """Unify line endings and drop a BOM; everything else stays as written."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip("\n")


# --- HTML ---------------------------------------------------------------------------------

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")
_BLOCKS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "table", "ul", "ol", "figure", "figcaption", "header", "footer",
)  # fmt: skip


def _read_html(source: str) -> Extracted:
    import trafilatura
    from trafilatura.settings import Document as Extraction

    doc = None
    body = None
    try:
        doc = trafilatura.bare_extraction(
            source, with_metadata=True, favor_recall=True, include_comments=False
        )
        body = trafilatura.extract(
            source,
            output_format="html",
            favor_recall=True,
            include_comments=False,
            include_formatting=True,
            include_links=True,
        )
    except Exception:
        doc = body = None
    tree = _parse_html(source)
    # bare_extraction gives a dict only when asked (as_dict=True), which we never do.
    text = normalise_newlines(doc.text) if isinstance(doc, Extraction) and doc.text else ""
    if not text.strip() and tree is not None:
        # Short pages fall below trafilatura's minimum; read the body ourselves.
        body = lxml_html.tostring(tree, encoding="unicode")
        text = html_to_text(body)
    if not re.search(r"\w", text):
        raise RejectedInput(
            "We found no readable text in this HTML. It may be malformed, or the article may be "
            "loaded by JavaScript; paste the text instead."
        )
    meta = Metadata(
        title=_clean(getattr(doc, "title", None)) or _tree_title(tree),
        author=_clean(getattr(doc, "author", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        url=_clean(getattr(doc, "url", None)),
        published=_published(tree, getattr(doc, "date", None)),
        language=_clean(tree.get("lang") if tree is not None else "")[:20],
    )
    return Extracted(
        text=text,
        content_type=f"{TEXT_HTML}; charset=utf-8",
        metadata=meta,
        display_html=sanitize_html(_body_inner(body or "")),
    )


def _parse_html(source: str) -> lxml_html.HtmlElement | None:
    try:
        tree = lxml_html.document_fromstring(source.encode("utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for element in tree.iter(*_DROP):
        # Always true in a tree lxml.html parsed; it narrows the type for drop_tree.
        if isinstance(element, lxml_html.HtmlElement):
            element.drop_tree()
    # A list first: removing nodes while iterating the tree would skip some. Comments
    # outside the root element have no parent, and are not in the text anyway.
    for comment in list(tree.iter(lxml_html.etree.Comment)):
        parent = comment.getparent()
        if parent is not None:
            parent.remove(comment)
    return tree


def _body_inner(html: str) -> str:
    match = re.search(r"<body[^>]*>(.*)</body>", html, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else html


def _tree_title(tree: lxml_html.HtmlElement | None) -> str:
    if tree is None:
        return ""
    found = tree.findtext(".//title") or tree.findtext(".//h1") or ""
    return _clean(found)


def _published(tree: lxml_html.HtmlElement | None, date: str | None) -> str:
    """Prefer a declared publication time when it agrees with the extracted date."""
    if tree is not None:
        for value in tree.xpath(
            "//meta[@property='article:published_time' or @name='date' "
            "or @itemprop='datePublished' or @name='pubdate']/@content"
            " | //time[@datetime]/@datetime"
        ):
            if not isinstance(value, str):
                continue
            value = value.strip()
            if len(value) > 10 and (not date or value.startswith(date)):
                return value
    return date or ""


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def html_to_text(html: str) -> str:
    """Turn HTML into text with one blank line between blocks (for fallbacks and Markdown)."""
    try:
        tree = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for element in tree.iter(*_DROP):
        element.drop_tree()
    for element in tree.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = tree.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _read_markdown(source: str, encoding: str) -> Extracted:
    rendered = markdown.markdown(source, extensions=["extra"], output_format="html")
    text = html_to_text(rendered)
    if not text:
        raise RejectedInput("This Markdown file has no text.")
    title = next((line.lstrip("# ").strip() for line in source.splitlines() if line.strip()), "")
    return Extracted(
        text=text,
        content_type=f"{TEXT_MARKDOWN}; charset={encoding}",
        metadata=Metadata(title=title[:300]),
        display_html=sanitize_html(rendered),
    )


# --- Office and PDF ---------------------------------------------------------------------


def check_zip(
    archive: zipfile.ZipFile, *, max_total: int | None = None, check_ratio: bool = True
) -> None:
    """Refuse archives that would expand out of all proportion (zip bombs) or are encrypted."""
    infos = archive.infolist()
    if len(infos) > ZIP_MAX_MEMBERS:
        raise RejectedInput(f"This archive has {len(infos)} files; the limit is {ZIP_MAX_MEMBERS}.")
    total = sum(info.file_size for info in infos)
    limit = max_total if max_total is not None else 10 * settings.UPLOAD_MAX_BYTES
    if total > limit:
        raise RejectedInput(
            f"This archive would expand to {_megabytes(total)}, over the {_megabytes(limit)} limit."
        )
    compressed = sum(info.compress_size for info in infos)
    # Bulk imports check the ratio per member instead, so one bomb does not sink the rest.
    if check_ratio and total > 1024 * 1024 and total > ZIP_MAX_RATIO * max(compressed, 1):
        raise RejectedInput(
            "This archive expands more than a hundredfold; it looks like a zip bomb."
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member, refusing if it expands past its declared size, ratio or the limit."""
    limit = min(info.file_size, settings.UPLOAD_MAX_BYTES)
    if info.file_size > settings.UPLOAD_MAX_BYTES:
        raise RejectedInput(
            f"“{info.filename}” is {_megabytes(info.file_size)}; the limit is "
            f"{_megabytes(settings.UPLOAD_MAX_BYTES)}."
        )
    if info.file_size > 1024 * 1024 and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
        raise RejectedInput(f"“{info.filename}” expands more than a hundredfold (a zip bomb).")
    if info.flag_bits & 0x1:
        raise RejectedInput(f"“{info.filename}” is encrypted.")
    chunks: list[bytes] = []
    read = 0
    try:
        with archive.open(info) as stream:
            # Declared sizes can lie; count what actually comes out.
            while chunk := stream.read(64 * 1024):
                read += len(chunk)
                if read > limit:
                    raise RejectedInput(
                        f"“{info.filename}” expands beyond its declared size (a zip bomb)."
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        # A CRC mismatch is also what a member that lies about its size produces.
        raise RejectedInput(
            f"“{info.filename}” is damaged or does not match its declared size."
        ) from exc
    return b"".join(chunks)


def _read_docx(data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, max_total=5 * settings.UPLOAD_MAX_BYTES)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise RejectedInput("This Word document is damaged and could not be read.") from exc
    except Exception as exc:
        raise RejectedInput("This Word document could not be read.") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                paragraphs.append(" | ".join(cells))
    if not paragraphs:
        raise RejectedInput("This Word document has no text.")
    props = document.core_properties
    # core_properties.created is when the file was made (python-docx's template says 2013),
    # not when the text was published, so it is not offered as the date.
    return Extracted(
        text="\n\n".join(paragraphs),
        content_type=DOCX,
        metadata=Metadata(
            title=_clean(props.title),
            author=_clean(props.author),
            language=_clean(props.language)[:20],
        ),
    )


def _read_pdf(data: bytes, limit: int) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise RejectedInput("This PDF is password-protected. Upload an unprotected copy.")
        pages = _pdf_pages(reader, limit)
        info = reader.metadata
    except RejectedInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise RejectedInput("This PDF is damaged and could not be read.") from exc
    except Exception as exc:
        raise RejectedInput("This PDF could not be read.") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise RejectedInput(
            "This PDF has no text layer (it is probably a scan). Run it through OCR, "
            "or paste its text instead."
        )
    created = None
    if info is not None:
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
    return Extracted(
        text=normalise_newlines(text),
        content_type=APPLICATION_PDF,
        metadata=Metadata(
            title=_clean(info.title if info else ""),
            author=_clean(info.author if info else ""),
            published=created,
        ),
    )


def _pdf_pages(reader: PdfReader, limit: int) -> list[str]:
    """Each page's text, refusing as soon as the pages, characters or seconds run over.

    A small PDF can name one content stream from thousands of pages; reading them all
    before checking would spend a minute on text we then refuse.
    """
    # The page tree's declared count first: counting the pages themselves parses every
    # page object (a millisecond each), which is the cost the limit is there to avoid.
    count = max(_declared_pages(reader), 0)
    if count <= settings.PDF_MAX_PAGES:
        count = len(reader.pages)
    if count > settings.PDF_MAX_PAGES:
        raise RejectedInput(
            f"This PDF has {count:,} pages; we read at most {settings.PDF_MAX_PAGES:,}. "
            "Upload the pages you need, or paste their text."
        )
    deadline = time.monotonic() + settings.EXTRACT_MAX_SECONDS
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        text = (page.extract_text() or "").strip()
        total += len(text)
        if total > limit:
            raise RejectedInput(
                f"This PDF's text runs past {limit:,} characters, the most we take. "
                "Upload the pages you need, or paste their text."
            )
        if time.monotonic() > deadline:
            raise RejectedInput(
                f"This PDF takes too long to read (over {settings.EXTRACT_MAX_SECONDS} "
                "seconds). Upload the pages you need, or paste their text."
            )
        pages.append(text)
    return pages


def _declared_pages(reader: PdfReader) -> int:
    """The /Count the PDF's page tree declares (it may lie low; `len` checks after)."""
    from pypdf.generic import DictionaryObject

    try:
        pages = reader.root_object.get("/Pages")
        pages = pages.get_object() if pages is not None else None
        if not isinstance(pages, DictionaryObject):
            return 0
        return int(pages.get("/Count", 0))
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
