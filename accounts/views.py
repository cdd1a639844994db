from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lessons.models import CoursePage, LessonRead
from quizzes.models import Attempt, Quiz
from workshops.models import Membership
from workshops.views import is_trainer

from .forms import DeleteAccountForm, SignInForm, SignUpForm


def _next_url(request, default="accounts:space"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse_lazy(default)


@never_cache
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:space")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="workshops.backends.ModelBackend")
        return redirect(_next_url(request))
    return render(
        request, "accounts/signup.html", {"form": form, "next": request.GET.get("next", "")}
    )


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

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
        lessons = list(course.lessons())
        done = sum(1 for lesson in lessons if lesson.pk in read)
        courses.append({"page": course, "lessons": lessons, "read": done, "total": len(lessons)})

    attempts = Attempt.objects.for_user(request.user)
    best = dict(
        attempts.exclude(quiz=None)
        .values_list("quiz_id")
        .annotate(best=Max("score"))
        .values_list("quiz_id", "best")
    )
    quizzes = list(Quiz.objects.public().in_course_order())
    for quiz in quizzes:
        quiz.best_score = best.get(quiz.pk)
    to_do = [
        quiz
        for quiz in quizzes
        if quiz.best_score is None
        or (quiz.pass_mark is not None and quiz.best_score < quiz.pass_mark)
    ]
    return render(
        request,
        "accounts/space.html",
        {
            "courses": courses,
            "read_lessons": read,
            "history": attempts.select_related("quiz")[:30],
            "best_scores": [quiz for quiz in quizzes if quiz.best_score is not None],
            "to_do": to_do,
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
    """Everything we keep about the learner, as JSON (RGPD: right of access and portability).
    An assigned quiz's correction stays out until the trainer's date for it."""
    user = request.user
    now = timezone.now()
    data = {
        "compte": {
            "email": user.email,
            "prenom": user.first_name,
            "nom": user.last_name,
            "inscrit_le": user.date_joined.isoformat(),
            "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
        },
        "lecons_lues": [
            {"lecon": title, "lue_le": read_at.isoformat()}
            for title, read_at in LessonRead.objects.filter(user=user).values_list(
                "lesson__title", "read_at"
            )
        ],
        "tentatives": [
            {
                "quiz": attempt.quiz_title,
                "envoyee_le": attempt.submitted_at.isoformat(),
                "score": attempt.score,
                "correction_visible_le": attempt.reveal_after.isoformat()
                if attempt.reveal_after
                else None,
                "questions": attempt.questions_for_learner(now),
            }
            for attempt in Attempt.objects.for_user(user)
        ],
        "ateliers": [
            {"atelier": name, "rejoint_le": joined.isoformat()}
            for name, joined in Membership.objects.filter(user=user).values_list(
                "workshop__name", "joined_at"
            )
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-atelier-reseaux.json"'
    return response


@never_cache
@login_required
def delete_account(request):
    """Deletes the account and, with it, every attempt, reading and membership."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.user.delete()
        logout(request)
        messages.success(request, _("Votre compte et toutes vos données ont été supprimés."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})
