"""The database refuses an attendance whose participant belongs to another lab than the session.

A CheckConstraint cannot look at other tables and Django has no composite foreign key, so this is a trigger, written
for both databases we run on (the service `attendance_set` and `Attendance.clean` say it in Italian first).
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER wellfare_lab_attendance_same_lab_insert BEFORE INSERT ON wellfare_lab_attendance
    FOR EACH ROW WHEN (SELECT lab_id FROM wellfare_lab_session WHERE id = NEW.session_id)
        IS NOT (SELECT lab_id FROM wellfare_lab_participant WHERE id = NEW.participant_id)
    BEGIN SELECT RAISE(ABORT, 'attendance of a participant of another lab'); END;
    """,
    """
    CREATE TRIGGER wellfare_lab_attendance_same_lab_update BEFORE UPDATE ON wellfare_lab_attendance
    FOR EACH ROW WHEN (SELECT lab_id FROM wellfare_lab_session WHERE id = NEW.session_id)
        IS NOT (SELECT lab_id FROM wellfare_lab_participant WHERE id = NEW.participant_id)
    BEGIN SELECT RAISE(ABORT, 'attendance of a participant of another lab'); END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS wellfare_lab_attendance_same_lab_insert;",
    "DROP TRIGGER IF EXISTS wellfare_lab_attendance_same_lab_update;",
]
POSTGRES = [
    """
    CREATE OR REPLACE FUNCTION wellfare_lab_attendance_same_lab() RETURNS trigger AS $$
    BEGIN
        IF (SELECT lab_id FROM wellfare_lab_session WHERE id = NEW.session_id)
           IS DISTINCT FROM (SELECT lab_id FROM wellfare_lab_participant WHERE id = NEW.participant_id) THEN
            RAISE EXCEPTION 'attendance of a participant of another lab' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER wellfare_lab_attendance_same_lab BEFORE INSERT OR UPDATE ON wellfare_lab_attendance
    FOR EACH ROW EXECUTE FUNCTION wellfare_lab_attendance_same_lab();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS wellfare_lab_attendance_same_lab ON wellfare_lab_attendance;",
    "DROP FUNCTION IF EXISTS wellfare_lab_attendance_same_lab();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("wellfare_lab", "0001_wellfare_lab")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
