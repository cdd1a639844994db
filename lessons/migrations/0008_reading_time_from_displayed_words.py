"""Each lesson's reading time counted again from the words it displays (its key figures'
sentences, its charts' tables, its resources' cards), not only the text typed in its blocks:
a lesson of 2,300 words said 7 minutes. Saving a lesson keeps it so (LessonPage.save)."""

from django.db import migrations


def recount(apps, schema_editor):
    # The blocks as the site renders them (a migration's own block definitions have no
    # templates).
    from lessons.blocks import LessonBodyBlock
    from lessons.models import displayed_text, reading_minutes

    LessonPage = apps.get_model("lessons", "LessonPage")
    body_block = LessonBodyBlock()
    for lesson in LessonPage.objects.all():
        body = body_block.to_python(lesson.body.raw_data)
        text = displayed_text(lesson.summary, lesson.objectives, body, {"page": lesson})
        minutes = reading_minutes(text)
        if minutes != lesson.reading_minutes:
            LessonPage.objects.filter(pk=lesson.pk).update(reading_minutes=minutes)


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0007_link_checks"),
        ("figures", "0004_statistic_sentences_and_dates"),
    ]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
