from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from quizzes.models import Quiz
from quizzes.opinions import is_scored
from quizzes.review import next_in_course, sections_to_review
from quizzes.scoring import describe_answer, describe_right_answer

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


@register.inclusion_tag("quizzes/lesson_quiz.html", takes_context=True)
def lesson_quiz(context, lesson):
    """The quiz that points to this lesson: lessons know nothing of quizzes."""
    return {
        "quiz": Quiz.objects.public().filter(lesson=lesson).first(),
        "request": context.get("request"),
    }


@register.inclusion_tag("quizzes/lesson_quiz.html", takes_context=True)
def course_quiz(context):
    return {
        "quiz": Quiz.objects.public().filter(lesson=None).first(),
        "request": context.get("request"),
        "course": True,
    }


@register.simple_tag
def review_of(questions):
    return sections_to_review(questions)


@register.simple_tag
def next_step(quiz):
    return next_in_course(quiz)
