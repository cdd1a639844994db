from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from privacy import registry


def normalize_email(email):
    """E-mail addresses are kept and compared in lower case: "Lea@x.fr" signs in as "lea@x.fr"."""
    return (email or "").strip().lower()


class EmailUserManager(UserManager):
    """Users sign in with their e-mail address; there is no username."""

    def get_by_natural_key(self, username):
        return self.get(email=normalize_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)  # whatever form created it (the admin's too)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """The training evidence that stays without the account is set aside first
        (privacy.registry.keep), then the account goes with what its relations take."""
        with transaction.atomic():
            registry.keep(self)
            return super().delete(*args, **kwargs)
