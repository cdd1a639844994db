from django.core.management.base import BaseCommand

from privacy import registry


class Command(BaseCommand):
    help = (
        "Deletes the personal data whose retention period is over, as each app registered it "
        "(privacy.registry): anonymous quiz attempts and live sessions' guests, sign-in records, "
        "expired sessions, sign-ups never activated, and training evidence (attendance sheets, "
        "attestations) past its legal period. Run it once a day."
    )

    def handle(self, *args, **options):
        for what, count in registry.purge().items():
            self.stdout.write(f"{count} {what} deleted.")
