from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts import retention


class Command(BaseCommand):
    help = (
        "Deletes the personal data whose retention period is over: anonymous quiz attempts, "
        "sign-in records, expired sessions, sign-ups never activated, and training evidence "
        "(attendance sheets, attestations) past its legal period. Run it once a day."
    )

    def handle(self, *args, **options):
        call_command("purge_anonymous_attempts", verbosity=options["verbosity"])
        for what, count in retention.purge().items():
            self.stdout.write(f"{count} {what} deleted.")
