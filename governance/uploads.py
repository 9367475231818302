"""The one upload validator of the project (ARCHITECTURE.md, "Data rules").

Accepted: PDF (signed PDF included), signed CAdES `.p7m`, ODT/ODS, DOCX/XLSX, JPG/PNG scans and FatturaPA XML;
recognised by their content (magic bytes), not by the name alone; at most `settings.UPLOAD_MAX_BYTES`.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

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


# The content check reads at most this much of any entry of an archive (an ODF `mimetype` entry is ~40 bytes):
# a zip bomb whose `mimetype` claims or unpacks to megabytes is refused without being decompressed.
ZIP_ENTRY_READ_LIMIT = 1024
# A FatturaPA file is recognised by its root element, parsed from at most this many bytes of the file's start.
XML_HEAD_LIMIT = 64 * 1024
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
FATTURAPA_NAMESPACE_PREFIX = "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/"
FATTURAPA_ROOTS = {"FatturaElettronica", "FatturaElettronicaSemplificata"}


def _zip_kind(fileobj) -> str | None:
    """The kind of an ODF/OOXML document from the archive's directory, decompressing a few bytes at most."""
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > ZIP_ENTRY_READ_LIMIT or info.compress_size > ZIP_ENTRY_READ_LIMIT:
                    return None
                with archive.open(info) as entry:
                    # Bounded read: never more than the limit, whatever the header claims.
                    raw = entry.read(ZIP_ENTRY_READ_LIMIT + 1)
                if len(raw) > ZIP_ENTRY_READ_LIMIT:
                    return None
                return ODF_MIMETYPES.get(raw.decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError, NotImplementedError):
        return None
    return None


class _RootFound(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class _Refused(Exception):
    pass


def _xml_root(head: bytes) -> str | None:
    """The namespaced name ("uri localname") of the root element, parsed safely from `head`.

    Safe: a document type declaration or an entity declaration is refused (no entity expansion, no external
    resource), and parsing stops at the first start tag, so at most `XML_HEAD_LIMIT` bytes are ever parsed.
    """
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(name, attributes):
        raise _RootFound(name)

    def refuse(*args):
        raise _Refused

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(head, False)
    except _RootFound as found:
        return found.name
    except (_Refused, expat.ExpatError, ValueError):
        return None
    return None


def _is_fatturapa(head: bytes) -> bool:
    name = _xml_root(head)
    if not name or " " not in name:
        return False
    namespace, local = name.rsplit(" ", 1)
    return local in FATTURAPA_ROOTS and namespace.startswith(FATTURAPA_NAMESPACE_PREFIX)


def detect_kind(fileobj) -> str | None:
    """The document kind from its content, or None if it is not one we accept."""
    fileobj.seek(0)
    head = fileobj.read(XML_HEAD_LIMIT)
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
    if text.startswith(b"<") and _is_fatturapa(text):
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
