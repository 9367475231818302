"""The one upload validator: content checks that stay bounded (zip bombs, XML bombs) and FatturaPA by its root."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.uploads import detect_kind, validate_document

FATTURAPA = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<p:FatturaElettronica versione="FPR12" '
    b'xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">'
    b"<FatturaElettronicaHeader/></p:FatturaElettronica>"
)


def odf(mimetype: bytes, *, compression=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=compression)
        archive.writestr("content.xml", b"<office:document-content/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_a_real_odt_is_accepted():
    validate_document(upload("verbale.odt", odf(b"application/vnd.oasis.opendocument.text")))
    validate_document(upload("conti.ods", odf(b"application/vnd.oasis.opendocument.spreadsheet")))


def test_a_zip_bomb_in_the_mimetype_entry_is_refused_without_decompressing_it():
    # 200 MB of the same byte compress to ~200 KB: the check must not unpack them.
    bomb = odf(
        b"application/vnd.oasis.opendocument.text" + b" " * (200 * 1024 * 1024), compression=zipfile.ZIP_DEFLATED
    )
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError, match="non corrisponde a un documento ODT"):
            validate_document(upload("bomba.odt", bomb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"the content check used {peak} bytes"


def test_a_mimetype_entry_whose_header_lies_about_its_size_is_read_only_a_few_bytes():
    """A forged header claiming a tiny entry: the read is bounded anyway (CRC or size mismatch → refused)."""
    content = bytearray(odf(b"application/vnd.oasis.opendocument.text" + b"x" * 5000))
    # Patch the uncompressed size in the local header and the central directory to 40 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        position = content.find(signature)
        content[position + offset : position + offset + 4] = (40).to_bytes(4, "little")
    assert detect_kind(io.BytesIO(bytes(content))) is None


def test_fatturapa_is_recognised_by_its_parsed_root_element():
    validate_document(upload("IT01234567890_00001.xml", FATTURAPA))
    validate_document(upload("IT01234567890_00002.xml", b"\xef\xbb\xbf\n" + FATTURAPA))


@pytest.mark.parametrize(
    "content",
    [
        # The name appears, but not as the root element.
        b"<html><body>FatturaElettronica</body></html>",
        b"<!-- FatturaElettronica --><root/>",
        # The right local name in a foreign namespace, or in none.
        b'<FatturaElettronica xmlns="http://example.invalid/"/>',
        b"<FatturaElettronica/>",
        # Not well-formed.
        b"<p:FatturaElettronica",
    ],
)
def test_other_xml_mentioning_fatturapa_is_refused(content):
    with pytest.raises(ValidationError, match="non corrisponde a un documento XML"):
        validate_document(upload("fattura.xml", content))


def test_an_xml_bomb_is_refused_without_expanding_entities():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10) for i in range(1, 10)
        )
        + b']><p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">'
        b"&lol9;</p:FatturaElettronica>"
    )
    with pytest.raises(ValidationError):
        validate_document(upload("fattura.xml", bomb))


def test_an_external_entity_is_never_fetched():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">&x;'
        b"</p:FatturaElettronica>"
    )
    with pytest.raises(ValidationError):
        validate_document(upload("fattura.xml", xxe))
