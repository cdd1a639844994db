"""Who is a trainer: a member of the Trainers group (created by build_content)."""

TRAINERS_GROUP = "Trainers"


def is_trainer(user):
    """Asked by the trainer views and by the header: once per request. The authentication
    backend loads it with the user (workshops.backends); otherwise it is asked here once."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_trainer"):
        user._is_trainer = user.groups.filter(name=TRAINERS_GROUP).exists()
    return user._is_trainer
