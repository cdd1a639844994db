"""Helpers to take a quiz through the test client, the way a learner's browser would."""

from django.urls import reverse


def start(client, slug):
    response = client.get(reverse("quizzes:detail", args=[slug]))
    assert response.status_code == 200
    return response.context["form"], response.context["token"]


# What a learner answers to a question without a right answer (neither right nor wrong).
OPINIONS = {"scale": "4", "word_cloud": "Réactivité", "open": "Comment répondre aux avis ?"}


def opinion_answer(question):
    if question.kind == "poll":
        first = question.field.field.choices[0][0]
        return [first] if question.multiple else first
    return OPINIONS[question.kind]


def right_answer(question):
    value = question.value
    if not question.scored:
        return opinion_answer(question)
    if question.kind in ("single", "multiple"):
        right = [c.id for c in value["choices"].bound_blocks if c.value["correct"]]
        return right if question.kind == "multiple" else right[0]
    if question.kind == "true_false":
        return "true" if value["answer"] else "false"
    statistic = value.get("statistic")
    return str(statistic.value if statistic else value["answer"])


def wrong_answer(question):
    value = question.value
    if not question.scored:
        return opinion_answer(question)
    if question.kind in ("single", "multiple"):
        wrong = [c.id for c in value["choices"].bound_blocks if not c.value["correct"]]
        return wrong[:1] if question.kind == "multiple" else wrong[0]
    if question.kind == "true_false":
        return "false" if value["answer"] else "true"
    return "-1000"


def answers(form, token, pick=right_answer):
    data = {"attempt": token}
    for question in form.question_list:
        data[question.field.html_name] = pick(question)
    return data


def submit(client, slug, data):
    return client.post(reverse("quizzes:submit", args=[slug]), data)


def post_twice_at_once(post):
    """Run post() in two threads released together (each with its own database connection);
    returns what each returned."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(2)
    results = []

    def run():
        barrier.wait()
        results.append(post())
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
