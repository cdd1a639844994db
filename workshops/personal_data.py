"""What workshops keep about a person (privacy.registry). A workshop's evidence outlives the
learner's account: once a workshop has begun, deleting the account leaves its roster, its results
and its group figures as they were. The learner stays a former member, under the name the sheets
and attestations give; their attempts and progress rows stay without the account, name or e-mail,
under the account's former id; all of it until CERTIFICATE_RETENTION_YEARS after the end of the
year of the workshop's last payment. Outside a workshop that has begun, everything goes."""

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from privacy.registry import (
    DELETED,
    PSEUDONYMISED,
    UNLINKED,
    Expiry,
    Export,
    YearEndExpiry,
    register,
)
from quizzes.models import Attempt

from .models import (
    AssignedAttempt,
    AssignmentProgress,
    EntryReopening,
    Invitation,
    JoinRequest,
    Membership,
    Workshop,
)

# The purge's name for what a workshop keeps of deleted accounts.
FORMER_MEMBERS = "workshop results of deleted accounts"


def memberships(user, now):
    return [
        {"atelier": name, "rejoint_le": joined.isoformat(), "entreprise": company}
        for name, joined, company in Membership.objects.filter(user=user).values_list(
            "workshop__name", "joined_at", "company"
        )
    ]


def join_requests(user, now):
    return [
        {"atelier": name, "demande_le": requested.isoformat(), "entreprise": company}
        for name, requested, company in JoinRequest.objects.filter(user=user).values_list(
            "workshop__name", "requested_at", "company"
        )
    ]


def begun_workshops(user, now):
    """The user's workshops whose evidence exists: a session or their start is today or past,
    or the user has opened one of their quizzes."""
    today = timezone.localdate(now)
    return Workshop.objects.filter(memberships__user=user).filter(
        Q(sessions__date__lte=today) | Q(starts_on__lte=today) | Q(assignments__progress__user=user)
    )


def keep_workshop_evidence(user):
    """Before the account goes: in each workshop that has begun, the membership, progress rows,
    attempts and the trainer's reopenings of the entry test stay, without the account
    (pseudonymised: the account's former id); a reopening drops the learner's name."""
    workshops = begun_workshops(user, timezone.now()).values("pk")
    linked = AssignedAttempt.objects.filter(user=user, assignment__workshop__in=workshops)
    Attempt.objects.filter(pk__in=linked.values("attempt_id")).update(user=None)
    linked.update(user=None, former_user_id=user.pk)
    AssignmentProgress.objects.filter(user=user, assignment__workshop__in=workshops).update(
        user=None, former_user_id=user.pk
    )
    # The reopening keeps its reason (it says why a later entry attempt counts) but no name.
    EntryReopening.objects.filter(user=user, assignment__workshop__in=workshops).update(
        user=None, former_user_id=user.pk, learner_name=""
    )
    Membership.objects.filter(user=user, workshop__in=workshops).update(
        user=None,
        former_user_id=user.pk,
        former_first_name=user.first_name,
        former_last_name=user.last_name,
    )


def until(expiry, workshops):
    """[(workshop, the last day its evidence is kept)], in the order of those dates."""
    rows = [(w, expiry.last_day(w.evidence_year)) for w in workshops.with_evidence_year()]
    return sorted(rows, key=lambda row: (row[1], row[0].name))


def tells(user, expiry):
    workshops = Workshop.objects.filter(pk__in=begun_workshops(user, timezone.now()).values("pk"))
    return [
        _(
            "Atelier « %(name)s » : votre nom dans la liste des participants et vos réponses à "
            "ses quiz, détachées de votre compte et de votre e-mail, jusqu'au %(date)s, pour que "
            "les résultats du groupe restent ceux de la formation."
        )
        % {"name": workshop.name, "date": date_format(last_day, "j F Y")}
        for workshop, last_day in until(expiry, workshops)
    ]


def reopenings(user, now):
    return [
        {
            "atelier": name,
            "rouvert_le": reopened.isoformat(),
            "rouvert_par": by,
            "motif": reason,
        }
        for name, reopened, by, reason in EntryReopening.objects.filter(user=user).values_list(
            "assignment__workshop__name", "reopened_at", "reopened_by_name", "reason"
        )
    ]


def tells_reopenings(user, expiry):
    """The reopenings of the entry test that stay: in a workshop that has begun, with their
    reason, which a trainer wrote and which says why a later attempt counts; without the name."""
    begun = begun_workshops(user, timezone.now()).values("pk")
    reasons = {}
    for workshop_id, reason in EntryReopening.objects.filter(
        user=user, assignment__workshop__in=begun
    ).values_list("assignment__workshop", "reason"):
        reasons.setdefault(workshop_id, []).append(reason)
    workshops = Workshop.objects.filter(pk__in=reasons)
    return [
        _(
            "Atelier « %(name)s » : la réouverture de votre test d'entrée par le formateur, "
            "avec son motif (« %(reasons)s »), sans votre nom, jusqu'au %(date)s : elle dit "
            "laquelle de vos réponses compte dans les résultats du groupe."
        )
        % {
            "name": workshop.name,
            "reasons": " » ; « ".join(reasons[workshop.pk]),
            "date": date_format(last_day, "j F Y"),
        }
        for workshop, last_day in until(expiry, workshops)
    ]


def former_rows_up_to(workshop):
    """The former members' rows of workshops whose evidence year is `year` or earlier."""

    def up_to(year):
        expired = Workshop.objects.evidence_year_at_most(year).values("pk")
        return Q(user=None, former_user_id__isnull=False, **{f"{workshop}__in": expired})

    return up_to


def delete_their_attempts(rows, now):
    Attempt.objects.filter(pk__in=rows.values("attempt_id"), user=None).delete()


def expiry(workshop, on_purge=None):
    return YearEndExpiry(
        FORMER_MEMBERS, "CERTIFICATE_RETENTION_YEARS", former_rows_up_to(workshop), on_purge
    )


def register_personal_data():
    register(
        Membership,
        on_account_deletion=PSEUDONYMISED,
        export=Export("ateliers", memberships),
        expiry=expiry("workshop"),
        keep=keep_workshop_evidence,
        tells=tells,
        note="Kept with the name the workshop's sheets and attestations give, as its roster.",
    )
    register(
        AssignmentProgress,
        on_account_deletion=PSEUDONYMISED,
        expiry=expiry("assignment__workshop"),
        note="Counted from the learner's attempts on an assigned quiz, which the export holds "
        "(tentatives).",
    )
    register(
        AssignedAttempt,
        on_account_deletion=PSEUDONYMISED,
        expiry=expiry("assignment__workshop", on_purge=delete_their_attempts),
        note="Ties an attempt, which the export holds (tentatives), to its assignment; its "
        "attempt goes with it.",
    )
    register(
        EntryReopening,
        on_account_deletion=PSEUDONYMISED,
        export=Export("reouvertures_du_test_d_entree", reopenings),
        expiry=expiry("assignment__workshop"),
        tells=tells_reopenings,
        note="The trainer's leave to take the closed entry test once more (who, when, why): it "
        "says which of the learner's attempts count, so it stays beside them, under the former "
        "id and without the learner's name. Its reason stays: the trainer's justification, "
        "without which the later attempt would not count.",
    )
    register(
        JoinRequest,
        on_account_deletion=DELETED,
        export=Export("demandes_d_inscription", join_requests),
        note="A request to join a workshop, until a trainer answers it.",
    )
    register(
        Invitation,
        on_account_deletion=UNLINKED,
        expiry=Expiry("expired invitations", "invited_at", "INVITATION_VALID_DAYS"),
        note="A trainer's invitation (the invitee's name and e-mail, no account): it goes when "
        "it is accepted, cancelled, or has expired; the inviting trainer is unlinked.",
    )
    register(
        Workshop,
        on_account_deletion=UNLINKED,
        note="Links its trainers and members (members' own rows: Membership); a workshop left "
        "without a trainer is archived (workshops.signals).",
    )
