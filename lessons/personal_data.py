"""What lessons keep about a person (privacy.registry)."""

from privacy.registry import DELETED, EDITORS_LOCK, UNLINKED, Export, register

from .models import Resource
from .reading import LessonRead, ReadingPosition


def lessons_read(user, now):
    return [
        {"lecon": title, "lue_le": read_at.isoformat()}
        for title, read_at in LessonRead.objects.filter(user=user).values_list(
            "lesson__title", "read_at"
        )
    ]


def reading_position(user, now):
    position = ReadingPosition.objects.filter(user=user).select_related("lesson").first()
    if position is None:
        return None
    return {
        "lecon": position.lesson.title,
        "section": position.section,
        "lecon_terminee": position.finished,
        "le": position.moved_at.isoformat(),
    }


def register_personal_data():
    register(LessonRead, on_account_deletion=DELETED, export=Export("lecons_lues", lessons_read))
    register(
        ReadingPosition,
        on_account_deletion=DELETED,
        export=Export("position_de_lecture", reading_position),
    )
    register(Resource, on_account_deletion=UNLINKED, note=EDITORS_LOCK)
