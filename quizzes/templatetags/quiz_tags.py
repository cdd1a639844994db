from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from quizzes.best import best_results
from quizzes.models import Quiz
from quizzes.opinions import is_scored
from quizzes.review import first_to_review as first_section_to_review
from quizzes.review import next_in_course, sections_to_review
from quizzes.scoring import describe_answer, describe_right_answer, given_choices, right_choices

register = template.Library()


@register.filter
def explanation(text):
    """An attempt's explanation: rich text rendered when it was recorded (rendered by the site
    from the editors' rich text), or the plain text of attempts recorded before."""
    if text.lstrip().startswith("<"):
        return mark_safe(text)
    return format_html("<p>{}</p>", text)


@register.filter
def scored(question):
    """Whether a question of an attempt has a right answer (and counts in its score)."""
    return is_scored(question)


@register.simple_tag
def answer_text(question):
    return describe_answer(question)


@register.simple_tag
def right_answer_text(question):
    return describe_right_answer(question)


@register.simple_tag
def several_given(question):
    """The choices ticked, when there are several (shown as a list), else []."""
    choices = is_scored(question) and question["kind"] != "numeric" and question["given"]
    texts = given_choices(question) if choices else []
    return texts if len(texts) > 1 else []


@register.simple_tag
def several_right(question):
    """A question's right choices, when there are several (shown as a list), else []."""
    texts = right_choices(question) if is_scored(question) and question["kind"] != "numeric" else []
    return texts if len(texts) > 1 else []


@register.inclusion_tag("quizzes/lesson_quiz.html", takes_context=True)
def lesson_quiz(context, lesson):
    """The quiz that points to this lesson: lessons know nothing of quizzes."""
    return {
        "quiz": Quiz.objects.public().filter(lesson=lesson).first(),
        "request": context.get("request"),
    }


@register.inclusion_tag("quizzes/lesson_quiz.html", takes_context=True)
def course_quiz(context):
    """The quiz of the whole course, with the learner's best result at it (the course page)."""
    request = context.get("request")
    quiz = Quiz.objects.public().filter(lesson=None).first()
    best = best_results(request, [quiz.pk]).get(quiz.pk) if quiz and request else None
    return {"quiz": quiz, "request": request, "course": True, "best": best}


@register.simple_tag(takes_context=True)
def with_quizzes(context, lessons):
    """[(lesson, its quiz, the learner's Best)] for the course page, in the lessons' order; the
    quiz only where the learner has a result at it (no query for a visitor without any)."""
    best = best_results(context["request"])
    quizzes = {}
    if best:
        for quiz in (
            Quiz.objects.public()
            .filter(lesson__in=lessons, pk__in=list(best))
            .only("id", "slug", "title", "lesson_id")
        ):
            quizzes[quiz.lesson_id] = quiz
    rows = []
    for lesson in lessons:
        quiz = quizzes.get(lesson.pk)
        rows.append((lesson, quiz, best.get(quiz.pk) if quiz else None))
    return rows


@register.simple_tag
def review_of(questions):
    return sections_to_review(questions)


@register.simple_tag
def first_to_review(review):
    return first_section_to_review(review or [])


@register.simple_tag
def next_step(quiz):
    return next_in_course(quiz)
