from django import template

from attestations import self_study

register = template.Library()


@register.inclusion_tag("attestations/self_study_panel.html", takes_context=True)
def self_study_panel(context):
    """Mon espace: the attestation de suivi, once issued; else the form that asks for it, when
    its conditions are met; else what is left to do."""
    user = context["request"].user
    done = self_study.completion(user)
    if not done.offered:
        return {"done": None}
    return {
        "done": done,
        "attestation": self_study.current(user, done.course),
        "missing": self_study.missing(done),
        "name": f"{user.first_name} {user.last_name}".strip(),
        "limit": self_study.NAME_LENGTH,
        "csrf_token": context.get("csrf_token"),
    }
