"""Factories for the behaviour tests: each test builds the few people, pages, figures, quizzes,
workshops and live sessions it needs, on the seed content (ordinary tests) or on an empty site
(`committed_db`, the browser tests). Pages, statistics and quizzes are published as an editor
publishes them: a revision, then its publication.

The seed content stays the subject of the tests about that content (the lessons' text, the
figures matching their sources, the real pages' accessibility)."""

import uuid
from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.html import escape
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from caching.addresses import configured_site_fields
from figures.models import FiguresSettings, KeyFiguresPage, Series, SeriesItem, Statistic
from home.models import HomePage, SiteSettings
from lessons.models import CoursePage, LessonPage, Resource
from live import services as live_services
from live.models import LiveSession
from quizzes.models import Quiz
from workshops.models import Assignment, Membership, Workshop
from workshops.roles import TRAINERS_GROUP

PASSWORD = "Mot-de-passe-42"
FIRST_NAMES = ["Léa", "Omar", "Inès", "Hugo", "Chloé", "Yanis", "Manon", "Louis"]
LAST_NAMES = ["Roux", "Diallo", "Martin", "Petit", "Moreau", "Girard", "Lefebvre", "Fournier"]


# People.


def add_groups(user, names):
    """Groups made by the migrations (with their permissions): a missing one fails loudly."""
    user.groups.add(*(Group.objects.get(name=name) for name in names))


class UserFactory(DjangoModelFactory):
    """A learner: an account without any group. `groups=["Editors"]` adds groups."""

    email = factory.Sequence(lambda n: f"personne{n}@test.fr")
    first_name = factory.Sequence(lambda n: FIRST_NAMES[n % len(FIRST_NAMES)])
    last_name = factory.Sequence(lambda n: LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)])
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            add_groups(user, names)


class TrainerFactory(UserFactory):
    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create:
            add_groups(user, [TRAINERS_GROUP, *(names or [])])


class EditorFactory(UserFactory):
    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create:
            add_groups(user, ["Editors", *(names or [])])


class ModeratorFactory(UserFactory):
    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create:
            add_groups(user, ["Moderators", *(names or [])])


# Pages.


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under its parent, then published from a revision."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create:
            page.save_revision().publish()


class HomePageFactory(PublishedPageFactory):
    title = "Les réseaux sociaux au service de votre entreprise"
    slug = "accueil"
    introduction = "<p>Un cours pour les dirigeants de petites entreprises.</p>"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


def site_home():
    """The default site's home page: the seed's, or, on an empty site (the tree's root and the
    page Wagtail's migrations make), a new one that the default site then serves, with the
    settings rows a site gets when it is set up (else the first page shown would make them, and
    change the content generation: tests counting queries would see it)."""
    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    placeholder = site.root_page
    home = HomePageFactory()
    site.root_page = home
    site.site_name = "Atelier Réseaux"
    for name, value in configured_site_fields().items():
        setattr(site, name, value)
    site.save()
    if placeholder.depth > 1 and not placeholder.get_children().exists():
        placeholder.delete()
    SiteSettings.for_site(site)
    FiguresSettings.load()
    return home


class CoursePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Les réseaux sociaux, cours {n}")
    slug = factory.Sequence(lambda n: f"cours-{n}")
    introduction = "<p>Neuf leçons courtes pour utiliser les réseaux sociaux.</p>"
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = CoursePage

    @factory.post_generation
    def in_navigation(course, create, extracted, **kwargs):
        """The site's header leads to the course if it leads to none yet (as build_content
        fills the navigation settings)."""
        if create:
            settings = SiteSettings.for_site(course.get_site())
            if settings.course_page_id is None:
                settings.course_page = course
                settings.save()


# A lesson's sections: (heading, its anchor, the paragraph under it).
SECTIONS = [
    (
        "Connaître ses clients",
        "connaitre-ses-clients",
        "<p>Les réseaux sociaux vous apprennent ce que vos clients aiment et attendent.</p>",
    ),
    (
        "Répondre aux avis",
        "repondre-aux-avis",
        "<p>Un avis, même négatif, mérite une réponse rapide et courtoise.</p>",
    ),
    (
        "Mesurer les résultats",
        "mesurer-les-resultats",
        "<p>Choisissez quelques indicateurs et suivez-les chaque mois.</p>",
    ),
]


def lesson_body(sections=SECTIONS, statistic=None):
    """StreamField data of a lesson: a heading and a paragraph per section, then the statistic
    as a key figure, if any."""
    body = []
    for heading, anchor, text in sections:
        body.append({"type": "heading", "value": {"text": heading, "anchor": anchor}})
        body.append({"type": "text", "value": text})
    if statistic is not None:
        body.append({"type": "key_figure", "value": {"statistic": statistic.pk}})
    return body


class LessonPageFactory(PublishedPageFactory):
    """A lesson of three sections (SECTIONS), in a new course unless `parent` names one."""

    title = factory.Sequence(lambda n: f"La relation client, leçon {n}")
    slug = factory.Sequence(lambda n: f"lecon-{n}")
    summary = "Ce que les réseaux sociaux changent à la relation avec vos clients."
    objectives = factory.LazyFunction(
        lambda: [{"type": "objective", "value": "Répondre à un avis publié en ligne"}]
    )
    body = factory.LazyFunction(lesson_body)
    parent = factory.SubFactory(CoursePageFactory)

    class Meta:
        model = LessonPage


# Figures.


class PublishedSnippetFactory(DjangoModelFactory):
    """A snippet with drafts: saved as a draft, then published from a revision."""

    live = False

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(snippet, create, extracted, **kwargs):
        if create and extracted is not False:
            snippet.save_revision().publish()


class StatisticFactory(PublishedSnippetFactory):
    """A published figure, 65 %, dated as the seed's undated figures are (`publish=False`: a
    draft)."""

    slug = factory.Sequence(lambda n: f"statistique-{n}")
    value = Decimal("65")
    unit = "percent"
    label = "des internautes suivaient au moins une marque sur un réseau social"
    scope = "internautes français"
    source = "Baromètre des usages numériques"
    year = None
    published_in = "2013–2014"

    class Meta:
        model = Statistic


class SeriesFactory(PublishedSnippetFactory):
    """A published series of `items` (statistic, bar label, group) drawn as one chart; by
    default two networks' shares."""

    slug = factory.Sequence(lambda n: f"serie-{n}")
    title = factory.Sequence(lambda n: f"Les inscrits par réseau, série {n}")
    description = "La part des internautes inscrits sur chaque réseau."

    class Meta:
        model = Series

    @factory.post_generation
    def items(series, create, items, **kwargs):
        if not create:
            return
        if items is None:
            items = [
                (StatisticFactory(value=Decimal("68")), "Facebook", ""),
                (StatisticFactory(value=Decimal("21")), "Twitter", ""),
            ]
        for i, (statistic, label, group) in enumerate(items):
            SeriesItem.objects.create(
                series=series, statistic=statistic, label=label, group=group, sort_order=i
            )

    @factory.post_generation
    def publish(series, create, extracted, **kwargs):  # after its items: they are in the revision
        if create and extracted is not False:
            series.save_revision().publish()


def key_figures_body(sections):
    """StreamField data of the key-figures page: a section per (title, anchor, figures), each
    figure a statistic (its card) or a series (its chart)."""
    return [
        {
            "type": "section",
            "value": {
                "title": title,
                "anchor": anchor,
                "introduction": "",
                "items": [
                    {"type": "chart", "value": {"series": figure.pk}}
                    if isinstance(figure, Series)
                    else {"type": "key_figure", "value": {"statistic": figure.pk}}
                    for figure in figures
                ],
            },
        }
        for title, anchor, figures in sections
    ]


class KeyFiguresPageFactory(PublishedPageFactory):
    """The key-figures page; `body=key_figures_body([...])` gives its sections (by default a
    chart and a figure)."""

    title = "Chiffres clés"
    slug = factory.Sequence(lambda n: f"chiffres-cles-{n}")
    introduction = "<p>Les chiffres cités dans le cours, réunis en un seul endroit.</p>"
    body = factory.LazyFunction(
        lambda: key_figures_body([("Les usages", "usages", [SeriesFactory(), StatisticFactory()])])
    )
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = KeyFiguresPage


class ResourceFactory(PublishedSnippetFactory):
    """A published further-reading resource: an article, by its link."""

    slug = factory.Sequence(lambda n: f"ressource-{n}")
    title = factory.Sequence(lambda n: f"Guide de la relation client, tome {n}")
    kind = "article"
    publisher = "Chambre de commerce"
    url = factory.Sequence(lambda n: f"https://www.example.org/guide-{n}")
    description = "Un guide pratique pour répondre aux clients en ligne."

    class Meta:
        model = Resource


# Quizzes: StreamField data of each kind of question, as the quizzes' blocks store it.


def _rich(text):
    """Plain text → rich text, as the seed stores it: one paragraph, escaped."""
    return f"<p>{escape(text)}</p>" if text else ""


def _question(kind, text, explanation, lesson, anchor, **value):
    return {
        "type": kind,
        "id": str(uuid.uuid4()),
        "value": {
            "text": text,
            "explanation": _rich(explanation),
            "lesson": lesson.pk if lesson else None,
            "anchor": anchor,
            **value,
        },
    }


def _choices(choices):
    """(text, right or not, feedback) → the choices' data, each with its stable id."""
    return [
        {
            "type": "item",
            "id": str(uuid.uuid4()),
            "value": {"text": text, "correct": correct, "feedback": _rich(feedback)},
        }
        for text, correct, feedback in choices
    ]


def single(text, choices, explanation="Parce que.", lesson=None, anchor=""):
    return _question("single", text, explanation, lesson, anchor, choices=_choices(choices))


def multiple(text, choices, explanation="Parce que.", lesson=None, anchor=""):
    return _question("multiple", text, explanation, lesson, anchor, choices=_choices(choices))


def true_false(text, answer, explanation="Parce que.", lesson=None, anchor=""):
    return _question("true_false", text, explanation, lesson, anchor, answer=answer)


def numeric(
    text,
    answer=None,
    statistic=None,
    tolerance=0,
    unit="",
    explanation="Parce que.",
    lesson=None,
    anchor="",
):
    """An estimate: of a typed `answer`, or of a statistic's published value."""
    return _question(
        "numeric",
        text,
        explanation,
        lesson,
        anchor,
        statistic=statistic.pk if statistic else None,
        answer=None if answer is None else str(answer),
        tolerance=str(tolerance),
        unit=unit,
    )


# Questions without a right answer (quizzes.opinions): never scored.


def _opinion(kind, text, **value):
    return {"type": kind, "id": str(uuid.uuid4()), "value": {"text": text, **value}}


def poll(text, choices, multiple=False):
    items = [{"type": "item", "id": str(uuid.uuid4()), "value": choice} for choice in choices]
    return _opinion("poll", text, choices=items, multiple=multiple)


def scale(text, scale="1-5", low_label="Pas du tout à l'aise", high_label="Tout à fait à l'aise"):
    return _opinion("scale", text, scale=scale, low_label=low_label, high_label=high_label)


def word_cloud(text):
    return _opinion("word_cloud", text)


def open_question(text):
    return _opinion("open", text)


def opinion_questions():
    """One question of each kind without a right answer, as a trainer opens a workshop."""
    return [
        poll(
            "Votre entreprise est-elle déjà sur un réseau social\u00a0?",
            ["Oui, sur plusieurs", "Oui, sur un seul", "Pas encore"],
        ),
        scale("Êtes-vous à l'aise pour répondre à un avis en ligne\u00a0?"),
        word_cloud("En un mot, ce que vous attendez de cet atelier\u00a0?"),
        open_question("Quelle question voulez-vous poser au groupe\u00a0?"),
    ]


def questions_of_each_kind(lesson, statistic):
    """One question of each kind, each linked to a section of the lesson (SECTIONS); the
    estimate follows the statistic, ± 5. As in the seed, right answers come first, and texts
    have their non-breaking spaces (before "?")."""
    anchors = [anchor if lesson else "" for _heading, anchor, _text in SECTIONS]
    return [
        single(
            "Que faire d'un avis négatif publié sur votre page\u00a0?",
            [
                ("Y répondre vite et poliment", True, ""),
                ("Le supprimer sans rien dire", False, "Supprimer un avis fâche davantage."),
                ("Attendre qu'il soit oublié", False, "Un avis sans réponse reste visible."),
            ],
            "Une réponse rapide montre que vous écoutez vos clients.",
            lesson,
            anchors[1],
        ),
        multiple(
            "Que peuvent vous apprendre les réseaux sociaux sur vos clients\u00a0?",
            [
                ("Leurs centres d'intérêt", True, ""),
                ("Ce qu'ils attendent de votre entreprise", True, ""),
                ("Le code de leur carte bancaire", False, "Évidemment pas."),
            ],
            "Leurs goûts et leurs attentes, qu'ils publient eux-mêmes.",
            lesson,
            anchors[0],
        ),
        true_false(
            "Un commerce doit publier au moins dix fois par jour.",
            False,
            "Mieux vaut publier moins, mais régulièrement.",
            lesson,
            anchors[2],
        ),
        numeric(
            "Quelle part des internautes suivaient une marque sur un réseau social\u00a0?",
            statistic=statistic,
            tolerance=5,
            explanation="Environ deux sur trois.",
            lesson=lesson,
            anchor=anchors[2],
        ),
    ]


class QuizFactory(PublishedSnippetFactory):
    """A published quiz of a new lesson, with a question of each kind (questions_of_each_kind);
    `questions=[single(…), numeric(…)]` gives others."""

    title = factory.Sequence(lambda n: f"Quiz {n} sur la relation client")
    slug = factory.Sequence(lambda n: f"quiz-relation-client-{n}")
    lesson = factory.SubFactory(LessonPageFactory)
    intro = "Vérifiez ce que vous avez retenu de la leçon."
    pass_mark = 60
    questions = factory.LazyAttribute(
        lambda quiz: questions_of_each_kind(quiz.lesson, quiz.figure or StatisticFactory())
    )

    class Params:
        figure = None  # the statistic the default estimate follows (a new one if None)

    class Meta:
        model = Quiz


# Workshops.


class WorkshopFactory(DjangoModelFactory):
    """A workshop run by `trainers` (a new trainer by default), with `members`."""

    name = factory.Sequence(lambda n: f"Atelier {n} de la CCI")

    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    @factory.post_generation
    def trainers(workshop, create, trainers, **kwargs):
        if create:
            workshop.trainers.add(*(trainers if trainers is not None else [TrainerFactory()]))

    @factory.post_generation
    def members(workshop, create, members, **kwargs):
        if create:
            for user in members or []:
                Membership.objects.create(workshop=workshop, user=user)


class AssignmentFactory(DjangoModelFactory):
    """A quiz assigned to a workshop, open for a week since an hour ago."""

    workshop = factory.SubFactory(WorkshopFactory)
    quiz = factory.SubFactory(QuizFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))

    class Meta:
        model = Assignment


# Live sessions.


class LiveSessionFactory(DjangoModelFactory):
    """A session started as a trainer starts one (live.services.start): `quiz`, `trainer`,
    and start's options (`workshop`, `timer_seconds`, `question_count`, `podium`)."""

    quiz = factory.SubFactory(QuizFactory)
    trainer = factory.SubFactory(TrainerFactory)

    class Meta:
        model = LiveSession

    @classmethod
    def _create(cls, model_class, quiz, trainer, **options):
        return live_services.start(quiz, trainer, **options)
