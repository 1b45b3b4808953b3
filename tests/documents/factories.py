"""Build test inputs in code: Word and PDF files, archives, HTML pages."""

from __future__ import annotations

import io
import zipfile

ARTICLE = (
    "The minister announced a new plan for the coast today.\n\n"
    "Officers will patrol the beaches every night, the Home Office said, "
    "and the number of patrols will double by the summer.\n\n"
    "Critics said the plan would do little to stop the crossings."
)


def docx_bytes(paragraphs: list[str], title: str = "", author: str = "") -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.core_properties.title = title
    document.core_properties.author = author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a real text layer, written by hand."""
    text_ops = " ".join(
        f"({line.replace('(', r'\(').replace(')', r'\)')}) Tj 0 -16 Td" for line in lines
    )
    stream = f"BT /F1 12 Tf 72 720 Td {text_ops} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A PDF whose page has no text layer, like a scan."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def html_page(body: str, title: str = "Coast plan - The Paper", head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><nav>Home | News | Sport</nav><article>{body}</article>"
        "<footer>Copyright The Paper</footer></body></html>"
    )


ARTICLE_HTML = html_page(
    "<h1>Coast plan announced</h1>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE.split("\n\n")),
    head='<meta name="author" content="Jane Doe">'
    '<meta property="article:published_time" content="2024-01-31T09:30:00+00:00">'
    '<meta property="og:site_name" content="The Paper">',
)
