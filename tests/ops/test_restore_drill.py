"""The restore drill (`make restore-drill`): a backup restored into a fresh database and folder is identical, and any
difference — a row, a sequence, a file — makes it fail."""

import importlib.util
import sqlite3
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("restore_drill", ROOT / "deploy" / "restore_drill.py")
restore_drill = importlib.util.module_from_spec(spec)
sys.modules["restore_drill"] = restore_drill  # dataclasses look their module up
spec.loader.exec_module(restore_drill)


@pytest.fixture
def uploads(tmp_path):
    media = tmp_path / "media"
    (media / "meetings" / "2017").mkdir(parents=True)
    (media / "meetings" / "2017" / "verbale.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 100)
    (media / "patti" / "pip").mkdir(parents=True)
    (media / "patti" / "pip" / "patto 12 – firmato.p7m").write_bytes(b"\x30\x82signed")
    return media


@pytest.fixture
def sqlite_database(tmp_path):
    path = tmp_path / "db.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE patto (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT, budget NUMERIC, signed DATE);
        INSERT INTO patto (code, budget, signed) VALUES ('CRE-4F7K2Q', 1800.00, '2016-09-15'),
                                                        ('CRA-77QX1B', 2000.00, NULL);
        CREATE TABLE empty_table (id INTEGER PRIMARY KEY);
        """
    )
    db.commit()
    db.close()
    return path


def test_the_drill_restores_sqlite_and_uploads_identically(sqlite_database, uploads, capsys):
    assert restore_drill.run_drill(f"sqlite:///{sqlite_database}", uploads) == []
    assert "compared 2 tables (2 rows), 1 sequences, 2 files" in capsys.readouterr().out


def test_the_drill_fails_on_a_changed_row_a_lost_file_or_a_changed_file(sqlite_database, uploads):
    def tamper(url, media):
        db = sqlite3.connect(url[len("sqlite:///") :])
        db.execute("UPDATE patto SET budget = 1900 WHERE code = 'CRE-4F7K2Q'")
        db.commit()
        db.close()
        (media / "meetings" / "2017" / "verbale.pdf").write_bytes(b"%PDF-1.7\ntruncated")
        (media / "patti" / "pip" / "patto 12 – firmato.p7m").unlink()

    found = restore_drill.run_drill(f"sqlite:///{sqlite_database}", uploads, tamper=tamper)
    assert [line.split(":")[0] for line in found] == [
        "table patto",
        "file meetings/2017/verbale.pdf",
        "file patti/pip/patto 12 – firmato.p7m",
    ]


def test_main_exits_non_zero_on_a_difference(sqlite_database, uploads, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{sqlite_database}")
    monkeypatch.setenv("MEDIA_ROOT", str(uploads))
    assert restore_drill.main([]) == 0
    monkeypatch.setattr(restore_drill, "differences", lambda before, after: ["table patto: 2 != 1"])
    assert restore_drill.main([]) == 1
    assert "RESTORE DRILL FAILED" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore of a PostgreSQL database")
def test_the_drill_restores_postgresql_identically(db, uploads, capsys):
    """On the test database itself (reference data: every table of the schema, committed before the test)."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    calls = []

    def tamper(drill_url, media):
        calls.append(drill_url)

    assert restore_drill.run_drill(url, uploads, tamper=tamper) == []
    out = capsys.readouterr().out
    assert "restore drill" not in out or "FAILED" not in out
    assert calls and "_drill_" in calls[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s", [settings["NAME"] + "_drill_%"])
        assert cursor.fetchone()[0] == 0  # the drill database is dropped afterwards
