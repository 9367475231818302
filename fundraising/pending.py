"""Import files kept server-side between review and confirmation, reached by a signed, short-lived token that only
their owner can use (issue 12: the confirmation step no longer re-posts the whole file)."""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance.imports import MAX_IMPORT_BYTES

from .models import PendingUpload

SALT = "fundraising.pending-upload"
LIFETIME = dt.timedelta(minutes=30)
EXPIRED = "Il file da confermare non è più disponibile (scaduto o già importato): caricarlo di nuovo."
NOT_YOURS = "Il file da confermare è stato caricato da un altro utente: caricarlo di nuovo."


def pending_store(*, upload, purpose: str, user, options: dict | None = None) -> str:
    """Keep a checked upload for its owner; return the token the confirmation form carries."""
    PendingUpload.objects.filter(created_at__lt=timezone.now() - LIFETIME).delete()
    upload.seek(0)
    raw = upload.read()
    if len(raw) > MAX_IMPORT_BYTES:
        raise ValidationError("Il file è troppo grande per essere importato.")
    pending = PendingUpload.objects.create(
        owner=user, purpose=purpose, name=upload.name[:200], content=raw, options=options or {}
    )
    return signing.dumps({"id": pending.pk, "owner": user.pk, "purpose": purpose}, salt=SALT)


def pending_open(*, token: str, purpose: str, user) -> tuple[PendingUpload, SimpleUploadedFile]:
    """The stored upload behind `token`, if it is this user's, for this import, and not expired (else an Italian
    ValidationError: nothing is imported)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired as expired:
        raise ValidationError(EXPIRED) from expired
    except signing.BadSignature as bad:
        raise ValidationError("Il file da confermare non è leggibile: caricarlo di nuovo.") from bad
    if data.get("owner") != user.pk:
        raise ValidationError(NOT_YOURS)
    pending = PendingUpload.objects.filter(
        pk=data.get("id"), owner=user, purpose=purpose, created_at__gte=timezone.now() - LIFETIME
    ).first()
    if pending is None or data.get("purpose") != purpose:
        raise ValidationError(EXPIRED)
    return pending, SimpleUploadedFile(pending.name, bytes(pending.content))


def pending_done(pending: PendingUpload) -> None:
    """The confirmed file is not kept."""
    pending.delete()
