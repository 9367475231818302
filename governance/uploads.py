"""The one upload validator of the project (ARCHITECTURE.md, "Data rules").

Accepted: PDF (signed PDF included), signed CAdES `.p7m`, ODT/ODS, DOCX/XLSX, JPG/PNG scans and FatturaPA XML;
recognised by their content (magic bytes), not by the name alone; at most `settings.UPLOAD_MAX_BYTES`.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

ALLOWED_EXTENSIONS = {
    "pdf": "pdf",
    "p7m": "p7m",
    "odt": "odt",
    "ods": "ods",
    "docx": "docx",
    "xlsx": "xlsx",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "xml": "fatturapa",
}
ALLOWED_LABEL = "PDF, P7M, ODT, ODS, DOCX, XLSX, JPG, PNG o fattura elettronica XML"


def _zip_kind(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return {
                    "application/vnd.oasis.opendocument.text": "odt",
                    "application/vnd.oasis.opendocument.spreadsheet": "ods",
                }.get(mimetype)
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def detect_kind(fileobj) -> str | None:
    """The document kind from its content, or None if it is not one we accept."""
    fileobj.seek(0)
    head = fileobj.read(4096)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fileobj)
        fileobj.seek(0)
        return kind
    # CAdES signed file: a DER-encoded PKCS#7 SEQUENCE (0x30, long-form length), or its Base64 form.
    if head[:1] == b"\x30" and head[1:2] in (b"\x80", b"\x81", b"\x82", b"\x83", b"\x84"):
        return "p7m"
    if head.startswith(b"MII"):
        return "p7m"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<") and b"FatturaElettronica" in head:
        return "fatturapa"
    return None


def validate_document(upload) -> None:
    """Reject anything that is not an accepted document, or is too large, with an Italian message."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"Il file è troppo grande ({filesizeformat(upload.size)}): il massimo è {filesizeformat(limit)}."
        )
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = ALLOWED_EXTENSIONS.get(extension)
    if expected is None:
        raise ValidationError(f"Tipo di file non ammesso. Sono ammessi: {ALLOWED_LABEL}.")
    kind = detect_kind(upload)
    if kind != expected:
        raise ValidationError(
            f"Il contenuto del file non corrisponde a un documento {extension.upper()} valido. "
            f"Sono ammessi: {ALLOWED_LABEL}."
        )
