from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from caching.addresses import public_url
from jobs import mail

from .models import User, normalize_email


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "first_name"]
        labels = {"first_name": _("Prénom (facultatif)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()

    def validate_password_for_user(self, user, password_field_name="password1"):
        """A weak password is said under the password, not under its confirmation (Django's
        choice): that is the field to change."""
        super().validate_password_for_user(user, password_field_name=password_field_name)

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def validate_unique(self):
        """An address already used is not an error here: the form must not tell (the e-mail
        sent to that address does)."""

    def existing_user(self):
        return User.objects.filter(email=self.cleaned_data["email"]).first()


class SignInForm(AuthenticationForm):
    """Sign-in by e-mail address, found whatever its case (accounts.models.normalize_email):
    the errors say so in French, without Django's "un adresse" or its note that both fields may
    be case-sensitive (only the password is)."""

    username = forms.EmailField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
        error_messages={
            "required": _("Saisissez votre adresse e-mail."),
            "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."),
        },
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Saisissez une adresse e-mail et un mot de passe valides. Le mot de passe "
            "distingue les majuscules des minuscules ; l'adresse, non."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].error_messages["required"] = _("Saisissez votre mot de passe.")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect : rien n'a été supprimé."))
        return password


class AdminLoginForm(WagtailLoginForm):
    """The admin's sign-in, in French: Wagtail's form leaves the password's label in English."""

    password = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Votre mot de passe")}),
        strip=False,
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset, its e-mail sent by the task worker and its link made with the
    site's own address (a forged Host header must not lead it elsewhere)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        scheme, _sep, domain = public_url("").partition("://")
        context = {**context, "protocol": scheme, "domain": domain}
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        mail.send(context["user"], subject, render_to_string(email_template_name, context))
