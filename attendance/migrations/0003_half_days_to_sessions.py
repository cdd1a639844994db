"""Each half-day's sheet becomes the sheet of a scheduled session (data only)."""

from datetime import time

from django.db import migrations

# A half-day's sheet becomes the sheet of a scheduled session at the usual hours of that half-day.
HOURS = {"am": (time(9, 0), time(12, 30)), "pm": (time(13, 30), time(17, 0))}


def sheets_from_half_days(apps, schema_editor):
    HalfDay = apps.get_model("attendance", "HalfDay")
    Sheet = apps.get_model("attendance", "Sheet")
    Presence = apps.get_model("attendance", "Presence")
    WorkshopSession = apps.get_model("workshops", "WorkshopSession")
    for half_day in HalfDay.objects.all():
        starts_at, ends_at = HOURS[half_day.period]
        session = WorkshopSession.objects.create(
            workshop_id=half_day.workshop_id,
            date=half_day.date,
            starts_at=starts_at,
            ends_at=ends_at,
            topic="Demi-journée",
            room="Salle de formation",
        )
        sheet = Sheet.objects.create(
            session=session,
            trainer_id=half_day.trainer_id,
            trainer_name=half_day.trainer_name,
            countersigned_at=half_day.countersigned_at,
            trainer_signature=half_day.trainer_signature,
        )
        Presence.objects.filter(half_day=half_day).update(sheet=sheet)


class Migration(migrations.Migration):

    dependencies = [
        ("attendance", "0002_sheets_for_scheduled_sessions"),
        ("workshops", "0006_workshop_sessions"),
    ]

    operations = [
        migrations.RunPython(sheets_from_half_days, migrations.RunPython.noop),
    ]
