"""What the account itself holds, and what the frameworks keep about a person: sign-in records
(axes), sessions, and Django's and Wagtail's admin (editors' work). accounts registers them as
the owner of the user model and of signing in (privacy.registry)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.db.models import Q
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.users.models import UserProfile

from privacy.registry import DELETED, EXPIRES, UNLINKED, Expiry, Export, register

from .models import User


def account(user, now):
    return {
        "email": user.email,
        "prenom": user.first_name,
        "nom": user.last_name,
        "inscrit_le": user.date_joined.isoformat(),
        "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
    }


def sign_ins(user):
    """Sign-in records keep the address typed, not the account."""
    return Q(username=user.email)


def register_personal_data():
    register(
        User,
        on_account_deletion=DELETED,
        export=Export("compte", account),
        expiry=Expiry(
            "sign-ups never activated",
            "date_joined",
            "UNACTIVATED_ACCOUNT_RETENTION_DAYS",
            only=Q(is_active=False, last_login=None),
        ),
    )
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        register(
            model,
            on_account_deletion=DELETED,
            forget_by=sign_ins,
            expiry=Expiry("sign-in records", "attempt_time", "LOGIN_RECORDS_RETENTION_DAYS"),
            note="Each sign-in, right or wrong (address typed, IP, browser), against password "
            "guessing: kept briefly, not the learner's own data to carry away.",
        )
    register(
        Session,
        on_account_deletion=EXPIRES,
        expiry=Expiry("expired sessions", "expire_date"),
        note="A browser's session: deleting the account flushes that browser's; another "
        "browser's no longer signs anyone in, and goes when it expires.",
    )
    # The admin: what editors (staff) do there. None of it is a learner's.
    for model in (
        UserProfile,
        EditingSession,
        FormState,
        APIToken,
        Comment,
        CommentReply,
        PageSubscription,
    ):
        register(
            model,
            on_account_deletion=DELETED,
            note="An editor's admin preferences, drafts in progress, comments, subscriptions, "
            "tokens: staff work, not in a learner's export.",
        )
    for model in (
        Page,
        Revision,
        WorkflowState,
        TaskState,
        get_image_model(),
        get_document_model(),
        UploadedFile,
    ):
        register(
            model,
            on_account_deletion=UNLINKED,
            note="Content an editor wrote, locked, uploaded or moderated: it stays, without "
            "its author.",
        )
    for model in (PageLogEntry, ModelLogEntry):
        register(
            model,
            on_account_deletion=UNLINKED,
            note="The editorial history keeps a former editor's id (Wagtail shows it as a "
            "deleted user), never their name or address.",
        )
