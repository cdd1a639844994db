"""Wagtail's own messages that its French catalogue gets wrong, listed so that `makemessages`
keeps them in ours (locale/fr/LC_MESSAGES/django.po, whose translations win: LOCALE_PATHS comes
before the apps' catalogues). Without this list, `make messages` would mark their corrected
translations obsolete and drop them (`--no-obsolete`), and Wagtail's French would come back.

Nothing calls these: `gettext_noop` and a lazy `ngettext_lazy` only mark the messages. Each one
is copied exactly from Wagtail 8.0's source; when an upgrade changes a message, its entry here
no longer matches and the catalogue's translation is dropped at the next `make messages`
(tests/test_admin_french.py then fails on the screen that shows it).

What Wagtail's French says instead, and why it is wrong:
- after "Soumettre à la validation", a snippet is said to be "planifié(e) pour la publication"
  (scheduled), though nothing is scheduled: it waits for a moderator;
- "Status" (English) for "Statut", "Commenter" (a verb) for a comment, "approver",
  "Seul les", "Approuver et Publier", "crées", "Historique du Site";
- the lock and moderation sentences guess the gender of the model's name ("ce(tte)",
  "le/la"): ours say "ce contenu" and give the name in brackets;
- elsewhere it writes both genders at once ("Publié(e)", "Ajouter un(e) statistique", "Êtes-vous
  sûr(e)", "Aucun(e)"): ours use a noun ("Publication", "création enregistrée") or a sentence
  that needs no agreement ("Voulez-vous vraiment…").
"""

from django.utils.translation import gettext_noop, ngettext_lazy

SUBMITTED = [
    # wagtail/admin/views/generic/models.py (snippets: create and edit views)
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    # wagtail/admin/templatetags/wagtailadmin_tags.py: workflow_status_with_date
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    # wagtail/admin/templates/wagtailadmin/home/user_objects_in_workflow_moderation.html
    gettext_noop("Awaiting"),
    gettext_noop("Changes requested at"),
    # wagtail/models/audit_log.py: a rejection in the history
    gettext_noop("Rejected at '%(task)s'. Changes requested"),
]

STATUS = [
    # wagtailadmin/shared/page_status_tag.html (page listings, dashboard)
    gettext_noop("Current page status:"),
    # wagtailadmin/shared/side_panels/includes/status/workflow.html
    gettext_noop("Status: "),
    # wagtailadmin/reports/listing/_list_unlock.html
    gettext_noop("Locking status"),
    # wagtail/forms.py (the moderator's comment) and the history's "Comment: …"
    gettext_noop("Comment"),
    # the moderator's actions: "Approuver et publier", "Approuver avec un commentaire et publier"
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Site history"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy("Used %(usage_count)s time", "Used %(usage_count)s times"),
]

LOCKS = [
    # wagtail/locks.py: the status side panel's "Verrou" section during moderation
    gettext_noop("Locked by workflow"),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    # wagtailadmin/shared/side_panels/includes/status/locked.html
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Anyone can edit this %(model_name)s"),
]

SAVING = [
    # Saving, scheduling, deleting, reverting (the messages above the edit form)
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been "
        "scheduled for publishing."
    ),
    gettext_noop('Version %(revision_id)s of "%(object)s" unscheduled.'),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("'%(object)s' unpublished."),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    ngettext_lazy("%(count)d %(model_name)s deleted.", "%(count)d %(model_name)s deleted."),
]

LISTING = [
    # Listings, buttons, choosers, the history's actions, the "Programmer" dialog
    gettext_noop("Add %(model_name)s"),
    gettext_noop("Add %(label)s"),
    gettext_noop("Create a new %(model_name)s"),
    gettext_noop("Edit this %(object)s"),
    gettext_noop("Choose another"),
    gettext_noop(
        'Why not <a class="create-one-now" href="#tab-new" data-action="w-tabs#select:prevent" '
        'data-w-tabs-target="trigger" data-w-tabs-focus-param="true">create one now</a>?'
    ),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("None"),
    gettext_noop("Published"),
    gettext_noop("Created"),
    gettext_noop("Moved"),
    gettext_noop("Renamed"),
    gettext_noop("Reordered"),
    gettext_noop("Reordered under '%(parent)s'"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
]

USAGE = [
    # Usage counts and the deletion refusal
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times"),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
    ),
    gettext_noop("One or more references to this %(model_name)s prevent it from being deleted."),
    gettext_noop("the %(model_name)s will also be deleted"),
]

CONFIRM = [
    # Confirmations ("Êtes-vous sûr(e)" becomes "Voulez-vous vraiment")
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("Are you sure you want to delete this %(snippet_type_name)s?"),
    gettext_noop("Are you sure you want to delete %(count)s %(snippet_type_name)s?"),
    gettext_noop("Are you sure you want to unpublish this %(model_name)s?"),
    gettext_noop("Would you still like to publish this %(model_name)s?"),
    gettext_noop("Would you still like to publish this page?"),
    gettext_noop("Publishing this %(model_name)s will cancel the current workflow."),
    gettext_noop("You don't have permission to delete this %(snippet_type_name)s"),
    gettext_noop("Are you sure you want to delete this page?"),
    gettext_noop("Are you sure you want to unpublish this page?"),
    gettext_noop("Are you sure you want to delete these pages?"),
    gettext_noop("Are you sure you want to publish these pages?"),
    gettext_noop("Are you sure you want to unpublish these pages?"),
    gettext_noop("Are you sure you want to move these pages?"),
    gettext_noop("Are you sure you want to move this page into '%(title)s'?"),
    gettext_noop(
        "Are you sure you want to move this page and all of its children into '%(title)s'?"
    ),
    gettext_noop("Are you sure you want to convert this alias into an ordinary page?"),
    ngettext_lazy(
        "Are you sure you want to delete this document?",
        "Are you sure you want to delete these documents?",
    ),
    ngettext_lazy(
        "Are you sure you want to delete this image?",
        "Are you sure you want to delete these images?",
    ),
]

LOCKING = [
    # Locks (the status panel, the locked-content report)
    gettext_noop("Locked"),
    gettext_noop("Unlocked"),
    gettext_noop("Locked by you"),
    gettext_noop("Locked by another user"),
    gettext_noop("Locked by schedule"),
    gettext_noop("Currently locked and will go live on the scheduled date"),
    gettext_noop("<b>'{title}' is locked</b> by <b>you</b>."),
    gettext_noop("<b>'{title}' is locked</b>."),
    gettext_noop("<b>'{title}' was locked</b> by <b>you</b> on <b>{datetime}</b>."),
    gettext_noop("<b>'{title}' was locked</b> by <b>{user}</b> on <b>{datetime}</b>."),
    gettext_noop("No one can make changes while the %(model_name)s is locked"),
    gettext_noop("Only you can make changes while the %(model_name)s is locked"),
    gettext_noop("Only %(user)s can make changes while the %(model_name)s is locked"),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("%(model_name)s '%(title)s' is now unlocked."),
    gettext_noop(
        "{model_name} '{title}' is locked and has been scheduled to go live at {datetime}"
    ),
    gettext_noop("Locked by <b>you</b> at <b>%(locking_date)s</b>"),
    gettext_noop("Locked by <b>%(locked_by)s</b> at <b>%(locking_date)s</b>"),
    gettext_noop("Locked at <b>%(locking_date)s</b>"),
]

MODERATION = [
    # Moderation states, and the notifications moderators and editors receive
    gettext_noop(
        "This %(model_name)s was marked as needing changes at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop(
        "This %(model_name)s is currently at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from "
        "<b>%(created_at)s</b> by %(user)s"
    ),
    gettext_noop(
        "This {model_name} is awaiting <b>'{task_name}'</b> in the "
        "<b>'{workflow_name}'</b> workflow."
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in '
        'workflow "%(workflow)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in '
        'moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in '
        'moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval to '
        'moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to '
        'workflow "%(workflow)s".'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
]

MESSAGES = [*SUBMITTED, *STATUS, *LOCKS, *SAVING, *LISTING, *USAGE, *CONFIRM, *LOCKING, *MODERATION]
