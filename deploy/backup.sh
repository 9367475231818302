#!/usr/bin/env bash
# Nightly backup of Wel(l)Fare Legami: the PostgreSQL database named by DATABASE_URL (pg_dump, custom format) and
# the uploaded files under MEDIA_ROOT (tar), with their SHA-256 sums, into BACKUP_DIR; older than BACKUP_KEEP_DAYS
# are deleted (backups hold identities too: keep them no longer than needed, and copy them off the machine).
# Restore: see README "Backups and the restore drill"; `make restore-drill` proves a backup restores identically.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/wellfare}"
BACKUP_KEEP_DAYS="${BACKUP_KEEP_DAYS:-30}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
umask 077
mkdir -p "$BACKUP_DIR"
pg_dump --format=custom --no-owner --file="$BACKUP_DIR/wellfare-$stamp.dump" "$DATABASE_URL"
tar --create --gzip --file="$BACKUP_DIR/media-$stamp.tar.gz" --directory="$MEDIA_ROOT" .
(cd "$BACKUP_DIR" && sha256sum "wellfare-$stamp.dump" "media-$stamp.tar.gz" > "wellfare-$stamp.sha256")
find "$BACKUP_DIR" -maxdepth 1 -type f \( -name 'wellfare-*' -o -name 'media-*' \) -mtime "+$BACKUP_KEEP_DAYS" -delete
echo "backup: $BACKUP_DIR/wellfare-$stamp.dump $BACKUP_DIR/media-$stamp.tar.gz"
