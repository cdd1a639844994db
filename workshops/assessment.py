"""When the entry test and the final test may be taken (Qualiopi 8 and 11). The entry test
(positionnement) measures where a learner starts: taken once, it closes when the programme's
first session starts, unless the trainer reopens it for one learner, with a reason. The final
test (évaluation des acquis) opens when the last session starts, and only for those whom every
registered rule lets in: attendance, a layer above, registers its own (the learner signed that
session's sheet) in its AppConfig.ready(), as apps register their personal data."""

from django.db.models import BigIntegerField, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import AssignedAttempt, EntryReopening, Reveal, Stage
from .names import learner_name

# rule(assignment, user, session, now): why `user` may not take the final test `assignment`
# now, during `session` (the programme's last), in French; None when the rule lets them.
_final_test_rules = []


def register_final_test_rule(rule):
    """Add a rule the final test must pass; registering it again changes nothing."""
    if rule not in _final_test_rules:
        _final_test_rules.append(rule)
    return rule


def first_session(workshop):
    return workshop.sessions.order_by("date", "starts_at", "pk").first()


def last_session(workshop):
    return workshop.sessions.order_by("-date", "-starts_at", "-pk").first()


def when(moment):
    return date_format(timezone.localtime(moment), "l j F Y à H:i")


def entry_closes_at(assignment):
    """When the entry test closes: the programme's first session's start (None when it is no
    entry test, is taken in the room, or the workshop has no programme yet)."""
    if assignment.stage != Stage.ENTRY or assignment.in_room:
        return None
    first = first_session(assignment.workshop)
    return first.start() if first else None


def latest_reopening(assignment, user):
    return EntryReopening.objects.filter(assignment=assignment, user=user).last()


def entry_refusal(assignment, user, now):
    """For an entry test that has closed: why `user` may not take it now (None when the
    trainer reopened it for them and they have not taken it since). For any other, or before
    it closes: None, and the ordinary dates and limits apply."""
    closes = entry_closes_at(assignment)
    if closes is None or now < closes:
        return None
    reopening = latest_reopening(assignment, user)
    if reopening is None:
        return _(
            "Le test d'entrée mesure votre niveau avant la formation : il a fermé au début de la "
            "première séance (%(date)s). Votre formateur peut le rouvrir pour vous."
        ) % {"date": when(closes)}
    taken = AssignedAttempt.objects.filter(
        assignment=assignment, user=user, attempt__submitted_at__gte=reopening.reopened_at
    )
    if taken.exists():
        return _("Vous avez passé le test d'entrée que votre formateur avait rouvert pour vous.")
    return None


def entry_reopened(assignment, user, now):
    """The entry test has closed, and the trainer's reopening lets `user` take it now."""
    closes = entry_closes_at(assignment)
    return closes is not None and now >= closes and entry_refusal(assignment, user, now) is None


def counted_entry_attempts(assignment):
    """The entry test's attempts that measure a starting point: made before it closed, or once
    the trainer reopened it for their learner (None: every attempt counts, it has no closing)."""
    closes = entry_closes_at(assignment)
    if closes is None:
        return None
    reopened = Q()
    # A deleted account's reopening and attempts are both under its former id.
    for learner, moment in assignment.reopenings.values_list(
        Coalesce("user_id", "former_user_id", output_field=BigIntegerField()), "reopened_at"
    ):
        reopened |= (Q(user_id=learner) | Q(user=None, former_user_id=learner)) & Q(
            attempt__submitted_at__gte=moment
        )
    return assignment.assigned_attempts.filter(Q(attempt__submitted_at__lt=closes) | reopened)


class Refused(Exception):
    """What the trainer asked is refused; the message says why, in French."""


def reopen_entry(assignment, learner, trainer, reason, now=None):
    """The trainer reopens the closed entry test for one learner, with the reason."""
    reason = (reason or "").strip()
    if assignment.stage != Stage.ENTRY:
        raise Refused(_("Seul le test d'entrée se rouvre pour un participant."))
    if not reason:
        raise Refused(_("Indiquez le motif : il reste attaché aux résultats."))
    if not assignment.workshop.memberships.filter(user=learner).exists():
        raise Refused(_("Cette personne ne participe pas à l'atelier."))
    now = now or timezone.now()
    closes = entry_closes_at(assignment)
    if closes is None or now < closes:
        raise Refused(_("Le test d'entrée n'est pas encore fermé : rien à rouvrir."))
    return EntryReopening.objects.create(
        assignment=assignment,
        user=learner,
        learner_name=learner_name(learner.first_name, learner.last_name),
        reason=reason,
        reopened_by=trainer,
        reopened_by_name=learner_name(trainer.first_name, trainer.last_name),
        reopened_at=now,
    )


def final_refusal(assignment, user, now):
    """Why `user` may not take the final test now: before the last session starts, or when a
    registered rule says no. None for any other assignment, or without a programme."""
    if assignment.stage != Stage.FINAL or assignment.in_room:
        return None
    last = last_session(assignment.workshop)
    if last is None:
        return None
    if now < last.start():
        return _(
            "Le test final ouvre pendant la dernière séance, à partir du %(date)s : il évalue "
            "ce que vous avez acquis pendant la formation."
        ) % {"date": when(last.start())}
    for rule in _final_test_rules:
        reason = rule(assignment, user, last, now)
        if reason:
            return reason
    return None


def same_quiz_warning(workshop):
    """The same quiz as entry and final test, the entry's correction shown at once: the learners
    see the answers before the final test, which then measures their memory of them."""
    tests = {
        assignment.stage: assignment
        for assignment in workshop.assignments.exclude(stage=Stage.NONE)
    }
    entry, final = tests.get(Stage.ENTRY), tests.get(Stage.FINAL)
    if not entry or not final or entry.quiz_id != final.quiz_id:
        return None
    if entry.reveal != Reveal.AFTER_SUBMISSION:
        return None
    return _(
        "Le même quiz sert de test d'entrée et de test final, et la correction du test d'entrée "
        "s'affiche dès l'envoi : les participants verront les bonnes réponses avant le test "
        "final. Choisissez « après la date limite » pour le test d'entrée, ou un autre quiz "
        "pour le test final."
    )
