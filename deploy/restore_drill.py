"""Restore drill: back up the database named by DATABASE_URL and the uploads under MEDIA_ROOT, restore both into a
fresh database and folder, and prove the copy identical — row counts and a checksum of every table, sequence
positions, and a SHA-256 of every file. Exits 1 on any difference (`make restore-drill`; CI runs it on PostgreSQL).

    DATABASE_URL=postgres://… MEDIA_ROOT=/var/lib/wellfare/media python deploy/restore_drill.py [--keep]

PostgreSQL: the dump is taken with `pg_dump --format=custom` inside an exported snapshot, and the source's checksums
are read in that same snapshot, so the drill is exact even while the application keeps writing. The copy is restored
with `pg_restore` into a new database `<name>_drill_<pid>`, dropped at the end unless `--keep`.
SQLite (the embedded default): the online backup API copies the file; the checksums are computed the same way.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Snapshot:
    """What must be identical after a restore."""

    tables: dict[str, tuple[int, str]] = field(default_factory=dict)  # table -> (rows, checksum)
    sequences: dict[str, int | None] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256


# --- files --------------------------------------------------------------------------------------------------------


def file_manifest(root: Path) -> dict[str, str]:
    manifest = {}
    if not root.is_dir():
        return manifest
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            manifest[path.relative_to(root).as_posix()] = digest.hexdigest()
    return manifest


def archive_files(root: Path, names: list[str], archive: Path) -> None:
    with tarfile.open(archive, "w:gz") as tar:
        for name in names:
            tar.add(root / name, arcname=name, recursive=False)


def extract_files(archive: Path, target: Path) -> None:
    target.mkdir(parents=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(target, filter="data")


# --- PostgreSQL ---------------------------------------------------------------------------------------------------

TABLES_SQL = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
SEQUENCES_SQL = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename"


def pg_checksums(cursor) -> tuple[dict[str, tuple[int, str]], dict[str, int | None]]:
    from psycopg2 import sql

    cursor.execute(TABLES_SQL)
    tables = {}
    for (name,) in cursor.fetchall():
        # Order-independent: the md5 of each row's text form, sorted, hashed again.
        cursor.execute(
            sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "
                "FROM (SELECT md5(t::text) AS h FROM {} AS t) AS rows"
            ).format(sql.Identifier(name))
        )
        count, checksum = cursor.fetchone()
        tables[name] = (count, checksum)
    cursor.execute(SEQUENCES_SQL)
    return tables, dict(cursor.fetchall())


def tool(name: str) -> str:
    """Full path of a PostgreSQL client program (pg_dump, pg_restore), or a clear failure."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"restore drill: {name} not found (Debian: apt-get install postgresql-client)")
    return path


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def pg_drill(url: str, media_root: Path, work: Path, *, keep: bool, tamper=None) -> tuple[Snapshot, Snapshot]:
    import psycopg2

    source_name = urlsplit(url).path.lstrip("/")
    drill_name = f"{source_name}_drill_{os.getpid()}"[:63]
    drill_url = with_database(url, drill_name)
    dump = work / "database.dump"

    source = psycopg2.connect(url)
    try:
        source.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with source.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            subprocess.run(  # noqa: S603 - pg_dump/pg_restore by full path, argument list, no shell
                [tool("pg_dump"), "--format=custom", "--no-owner", f"--snapshot={snapshot_id}", f"--file={dump}", url],
                check=True,
            )
            tables, sequences = pg_checksums(cursor)
        source.rollback()
    finally:
        source.close()
    files = file_manifest(media_root)
    archive_files(media_root, list(files), work / "media.tar.gz")
    before = Snapshot(tables, sequences, files)
    print(f"backup: {dump.stat().st_size:,} bytes of database dump, {len(files)} uploaded files")

    admin = psycopg2.connect(with_database(url, "postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{drill_name}"')
            cursor.execute(f'CREATE DATABASE "{drill_name}"')
        try:
            subprocess.run(  # noqa: S603 - pg_dump/pg_restore by full path, argument list, no shell
                [tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={drill_url}", str(dump)], check=True
            )
            restored_media = work / "media-restored"
            extract_files(work / "media.tar.gz", restored_media)
            if tamper is not None:
                tamper(drill_url, restored_media)
            copy = psycopg2.connect(drill_url)
            try:
                with copy.cursor() as cursor:
                    tables, sequences = pg_checksums(cursor)
            finally:
                copy.close()
            after = Snapshot(tables, sequences, file_manifest(restored_media))
            print(f"restored into database {drill_name} and folder {restored_media}")
        finally:
            if not keep:
                with admin.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{drill_name}" WITH (FORCE)')
    finally:
        admin.close()
    return before, after


# --- SQLite -------------------------------------------------------------------------------------------------------


def sqlite_checksums(path: Path) -> tuple[dict[str, tuple[int, str]], dict[str, int | None]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        tables = {}
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            hashes = sorted(
                hashlib.md5(repr(row).encode(), usedforsecurity=False).hexdigest()
                for row in connection.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names from the schema
            )
            tables[name] = (len(hashes), hashlib.md5("".join(hashes).encode(), usedforsecurity=False).hexdigest())
        sequences = {}
        if "sqlite_sequence" in {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}:
            sequences = dict(connection.execute("SELECT name, seq FROM sqlite_sequence"))
        return tables, sequences
    finally:
        connection.close()


def sqlite_drill(path: Path, media_root: Path, work: Path, *, keep: bool, tamper=None) -> tuple[Snapshot, Snapshot]:
    dump = work / "database.sqlite3"
    source = sqlite3.connect(path)
    target = sqlite3.connect(dump)
    try:
        source.backup(target)  # a consistent copy even while the application writes
    finally:
        target.close()
        source.close()
    tables, sequences = sqlite_checksums(dump)
    files = file_manifest(media_root)
    archive_files(media_root, list(files), work / "media.tar.gz")
    before = Snapshot(tables, sequences, files)
    restored = work / "restored.sqlite3"
    shutil.copyfile(dump, restored)
    restored_media = work / "media-restored"
    extract_files(work / "media.tar.gz", restored_media)
    if tamper is not None:
        tamper(f"sqlite:///{restored}", restored_media)
    tables, sequences = sqlite_checksums(restored)
    return before, Snapshot(tables, sequences, file_manifest(restored_media))


# --- comparison ---------------------------------------------------------------------------------------------------


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    found = []
    for label, old, new in (
        ("table", before.tables, after.tables),
        ("sequence", before.sequences, after.sequences),
        ("file", before.files, after.files),
    ):
        for name in sorted(set(old) | set(new)):
            if name not in new:
                found.append(f"{label} {name}: missing from the restore")
            elif name not in old:
                found.append(f"{label} {name}: only in the restore")
            elif old[name] != new[name]:
                found.append(f"{label} {name}: {old[name]} != {new[name]}")
    return found


def run_drill(database_url: str, media_root: Path, *, keep: bool = False, tamper=None) -> list[str]:
    """Back up, restore, compare; returns the differences (empty: the backup restores identically)."""
    with tempfile.TemporaryDirectory(prefix="wellfare-drill-") as tmp:
        work = Path(tmp)
        if database_url.startswith(("postgres://", "postgresql://", "pgsql://")):
            url = "postgresql://" + database_url.split("://", 1)[1]
            before, after = pg_drill(url, media_root, work, keep=keep, tamper=tamper)
        elif database_url.startswith("sqlite:///"):
            before, after = sqlite_drill(
                Path(database_url[len("sqlite://") :]), media_root, work, keep=keep, tamper=tamper
            )
        else:
            raise SystemExit(f"restore drill: unsupported DATABASE_URL scheme: {database_url.split(':', 1)[0]}")
        if keep:
            kept = Path(tempfile.mkdtemp(prefix="wellfare-drill-kept-"))
            shutil.copytree(work, kept, dirs_exist_ok=True)
            print(f"kept the backup and the restored files in {kept}")
    rows = sum(count for count, _ in before.tables.values())
    print(
        f"compared {len(before.tables)} tables ({rows:,} rows), {len(before.sequences)} sequences, "
        f"{len(before.files)} files"
    )
    return differences(before, after)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the restored database and files for inspection")
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
    media_root = Path(os.environ.get("MEDIA_ROOT", ROOT / "media"))
    found = run_drill(database_url, media_root, keep=args.keep)
    if found:
        print("RESTORE DRILL FAILED: the restored copy differs from the source:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("restore drill OK: every table, sequence and file is identical after the restore")
    return 0


if __name__ == "__main__":
    sys.exit(main())
