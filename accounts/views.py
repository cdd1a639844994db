from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from attestations.models import Attestation
from caching import rate
from caching.addresses import public_url
from jobs import mail
from lessons.models import CoursePage, LessonRead
from lessons.reading import resume_point, session_lesson_ids
from privacy import registry
from quizzes.attempts import session_tokens
from quizzes.best import best_results
from quizzes.models import Attempt, Quiz
from workshops.positioning import learner_positioning
from workshops.roles import is_trainer
from workshops.roster import in_workshops

from .forms import DeleteAccountForm, SignInForm, SignUpForm
from .models import User

# Set in the browser a sign-up was made from: its activation link, opened in another browser, has
# none of the progress that browser's session holds, and says where it is.
SIGNED_UP_HERE = "signed_up_here"


def _safe_next(request):
    """The `next` of the request if it leads somewhere on this site, else "": never another
    site, whatever its spelling ("//autre.fr", "https://autre.fr", "/\\autre.fr"…)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _next_url(request, default="accounts:space"):
    return _safe_next(request) or reverse_lazy(default)


@never_cache
def signup(request):
    """A new account is activated from the e-mail it receives. The page says the same whether
    or not the address already has an account: only its owner learns it, by e-mail."""
    if request.user.is_authenticated:
        return redirect("accounts:space")
    form = SignUpForm(request.POST or None)
    context = {"form": form, "next": _safe_next(request)}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        limits = settings.SIGNUP_LIMITS
        if not (
            rate.allow("signup", rate.client_address(request), limits["per_ip"], 3600)
            and rate.allow("signup-mail", email, limits["per_email"], 3600)
        ):
            context["throttled"] = True
            return render(request, "accounts/signup.html", context, status=429)
        existing = form.existing_user()
        if existing is not None and existing.is_active:
            send_mail_from_templates(request, existing, "existing_account")
        else:
            user = existing or form.save(commit=False)
            user.set_password(form.cleaned_data["password1"])  # the latest sign-up's
            user.first_name = form.cleaned_data.get("first_name", "") or user.first_name
            user.is_active = False
            user.save()
            send_mail_from_templates(request, user, "activation", next_url=_next_url(request))
            request.session[SIGNED_UP_HERE] = user.pk
        return redirect(_with_next(reverse("accounts:signup_done"), _safe_next(request)))
    return render(request, "accounts/signup.html", context)


def signup_done(request):
    return render(
        request,
        "accounts/signup_done.html",
        {"kept": any(kept_on_sign_in(request)), "next": _safe_next(request)},
    )


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def send_mail_from_templates(request, user, name, next_url=""):
    """accounts/emails/<name>_subject.txt and <name>.txt, with the links the e-mail needs."""
    activation = reverse(
        "accounts:activate",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    if next_url:
        activation += "?" + urlencode({"next": str(next_url)})
    context = {
        "user": user,
        # The site's own address: a forged Host header must not lead a link elsewhere.
        "activation_url": public_url(activation, request),
        "login_url": public_url(reverse("accounts:login"), request),
        "reset_url": public_url(reverse("accounts:password_reset"), request),
    }
    subject = render_to_string(f"accounts/emails/{name}_subject.txt", context).strip()
    body = render_to_string(f"accounts/emails/{name}.txt", context)
    mail.send(user, subject, body)


@never_cache
def activate(request, uidb64, token):
    """The link of the sign-up e-mail: activates the account, signs in, goes on where the
    visitor was going (a workshop's join link, say). It works once."""
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/activation_invalid.html", status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
    kept = kept_on_sign_in(request)
    here = request.session.get(SIGNED_UP_HERE) == user.pk
    login(request, user, backend="workshops.backends.ModelBackend")
    request.session.pop(SIGNED_UP_HERE, None)
    if here or any(kept):
        messages.success(request, _("Votre compte est activé : bienvenue !"))
        say_what_was_kept(request, kept, _("avant l'inscription"))
        return redirect(_next_url(request))
    # Another browser (or device) than the one of the sign-up: what that one holds stays there
    # until the learner signs in from it.
    messages.info(
        request,
        _(
            "Votre compte est activé. Ce navigateur n'est pas celui de l'inscription : si vous "
            "avez lu des leçons ou fait des quiz sans compte, ils sont restés dans celui-là. "
            "Pour les garder, ouvrez le site dans ce navigateur-là et connectez-vous : ils "
            "passeront dans votre espace."
        ),
    )
    return redirect(_next_url(request) if _shows_here(_safe_next(request)) else "accounts:space")


def _shows_here(next_url):
    """Whether `next` shows in any browser: not the result of a quiz done without an account,
    which only the browser it was done in may see."""
    if not next_url:
        return False
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return True
    if match.view_name != "quizzes:result":
        return True
    return not Attempt.objects.filter(token=match.kwargs["token"], user=None).exists()


def kept_on_sign_in(request):
    """What this browser's session holds of a visitor's progress, that signing in attaches to
    the account (quizzes.signals, lessons.signals): (quiz attempts?, lessons read?)."""
    return bool(session_tokens(request)), bool(session_lesson_ids(request))


def say_what_was_kept(request, kept, when):
    attempts, lessons = kept
    if attempts and lessons:
        message = _(
            "Vos résultats aux quiz et les leçons lues %(when)s sont gardés dans votre espace."
        )
    elif attempts:
        message = _("Vos résultats aux quiz faits %(when)s sont gardés dans votre espace.")
    elif lessons:
        message = _("Les leçons lues %(when)s sont gardées dans votre espace.")
    else:
        return
    messages.info(request, message % {"when": when})


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        kept = kept_on_sign_in(self.request)
        response = super().form_valid(form)
        say_what_was_kept(self.request, kept, _("avant la connexion"))
        return response

    def get_default_redirect_url(self):
        """Trainers come to run their workshops: they land on "Mes ateliers"."""
        if is_trainer(self.request.user):
            return reverse("workshops:dashboard")
        return super().get_default_redirect_url()


@never_cache
@login_required
def space(request):
    """Mon espace: progress through each course, quiz history and best scores, quizzes to do."""
    read = set(LessonRead.objects.filter(user=request.user).values_list("lesson_id", flat=True))
    courses = []
    for course in CoursePage.objects.live().public():
        lessons = course.lessons().defer("body", "objectives", "sources")
        resume = resume_point(request, lessons)  # the lessons are read once, here
        done = sum(1 for lesson in lessons if lesson.pk in read)
        courses.append(
            {
                "page": course,
                "lessons": lessons,
                "read": done,
                "total": len(lessons),
                "resume": resume,
            }
        )

    attempts = Attempt.objects.for_user(request.user)
    best = best_results(request)
    quizzes = list(Quiz.objects.public().in_course_order())
    for quiz in quizzes:
        quiz.best = best.get(quiz.pk)
        quiz.best_score = quiz.best.score if quiz.best else None
    to_do = [
        quiz
        for quiz in quizzes
        if quiz.best_score is None
        or (quiz.pass_mark is not None and quiz.best_score < quiz.pass_mark)
    ]
    history = list(attempts.select_related("quiz")[:30])
    return render(
        request,
        "accounts/space.html",
        {
            "courses": courses,
            "read_lessons": read,
            "history": history,
            "best_scores": [quiz for quiz in quizzes if quiz.best_score is not None],
            "to_do": to_do,
            # Workshops' blocks only for their members (or those who asked to join one).
            "in_workshops": in_workshops(request.user),
            # Nothing yet: say where a visitor's progress stays, and how to bring it here.
            "nothing_yet": not read and not history,
            "positioning": learner_positioning(request.user),
            "attestations": Attestation.objects.current().filter(user=request.user),
        },
    )


@never_cache
@login_required
def my_data(request):
    """What the site keeps about the learner, and the download of all of it."""
    return render(request, "accounts/my_data.html")


@never_cache
@login_required
def my_data_download(request):
    """Everything we keep about the learner, as JSON (RGPD: right of access and portability), one
    section for each app that keeps something (privacy.registry). An assigned quiz's correction
    stays out until the trainer's date for it."""
    data = registry.export(request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-atelier-reseaux.json"'
    return response


@never_cache
@login_required
def delete_account(request):
    """Deletes the account and, with it, what each app registered as going with it; training
    evidence stays for its legal period (privacy.registry)."""
    form = DeleteAccountForm(request.user, request.POST or None)
    kept = registry.kept_after_deletion(request.user)
    if request.method == "POST" and form.is_valid():
        request.user.delete()
        logout(request)
        if not kept:
            messages.success(request, _("Votre compte et toutes vos données ont été supprimés."))
        else:
            messages.success(
                request,
                _(
                    "Votre compte a été supprimé, avec tout ce qui n'est pas une pièce de "
                    "formation que la loi oblige à garder. Restent, jusqu'à la fin de leur durée "
                    "légale de conservation : %(kept)s"
                )
                % {"kept": " ".join(kept)},
            )
        return redirect("/")
    years = {
        "certificate_years": settings.CERTIFICATE_RETENTION_YEARS,
        "attendance_years": settings.ATTENDANCE_RETENTION_YEARS,
    }
    return render(request, "accounts/delete_account.html", {"form": form, "kept": kept} | years)
