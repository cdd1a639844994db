"""E-mail addresses are kept in lower case (sign-in compares them so): lower the ones an admin
form saved with capitals, unless another account already has the lower-case address."""

from django.db import migrations


def lower_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    taken = set(User.objects.values_list("email", flat=True))
    for user in User.objects.all().only("email"):
        lowered = user.email.strip().lower()
        if lowered != user.email and lowered not in taken:
            taken.discard(user.email)
            taken.add(lowered)
            user.email = lowered
            user.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_groups_and_permissions")]

    operations = [migrations.RunPython(lower_emails, migrations.RunPython.noop)]
