"""Shares as French writes them: "un client sur trois", "trois clients sur quatre".

A share ("1 sur 3") cannot be read before its label the way a percentage can ("68 % des
Français…"): French puts what is counted between the two numbers. The statistic names it, once
in the singular with its article ("un client", "une société") and once in the plural
("clients"); these functions place it.
"""

from decimal import Decimal

from django.utils.formats import number_format

WORDS = {
    0: "zéro",
    2: "deux",
    3: "trois",
    4: "quatre",
    5: "cinq",
    6: "six",
    7: "sept",
    8: "huit",
    9: "neuf",
    10: "dix",
    11: "onze",
    12: "douze",
    13: "treize",
    14: "quatorze",
    15: "quinze",
    16: "seize",
    17: "dix-sept",
    18: "dix-huit",
    19: "dix-neuf",
    20: "vingt",
    30: "trente",
    40: "quarante",
    50: "cinquante",
    100: "cent",
    1000: "mille",
}
ARTICLES = ("un ", "une ")


def plain_number(value):
    """How the site writes every figure's number: 1.00 → "1", 80.50 → "80,5", 1234 → "1 234"
    (a no-break space between thousands), never "-0": no trailing zeros, a decimal comma."""
    value = Decimal(value)
    if value == 0:
        value = Decimal(0)  # "-0" reads as a mistake
    return number_format(value.normalize(), force_grouping=True)


def has_words(value):
    """Whether prose writes this number in words: the whole numbers WORDS names, and one."""
    value = Decimal(value)
    return value == 1 or (value == value.to_integral() and int(value) in WORDS)


def in_words(value, feminine=False):
    """A whole number as prose writes it ("trois", "une"); other numbers in figures."""
    value = Decimal(value)
    if value == 1:
        return "une" if feminine else "un"
    if has_words(value):
        return WORDS[int(value)]
    return plain_number(value)


def split_article(singular):
    """ "une société" → ("une", "société"); without an article, "un" is assumed."""
    for article in ARTICLES:
        if singular.lower().startswith(article):
            return article.strip(), singular[len(article) :].strip()
    return "un", singular.strip()


def counted(value, one, many):
    """The noun that follows the number: singular for 0 and 1 (the French rule), else plural."""
    return one if abs(Decimal(value)) < 2 else many


def share_in_words(value, denominator, one="", many=""):
    """ "un client sur trois", "trois clients sur quatre"; "un sur trois" without a noun. In
    figures when a number has no short name: "25 Français sur 200"."""
    if not (denominator and has_words(value) and has_words(denominator)):
        return share_in_figures(value, denominator, one, many)
    on = in_words(denominator)
    if not one:
        return f"{in_words(value)} sur {on}"
    article, noun = split_article(one)
    if Decimal(value) == 1:
        return f"{article} {noun} sur {on}"
    number = in_words(value, feminine=article == "une")
    return f"{number} {counted(value, noun, many or noun)} sur {on}"


def share_in_figures(value, denominator, one="", many=""):
    """ "1 client sur 3", "3 clients sur 4": the same share, written as a headline writes it."""
    on = plain_number(denominator) if denominator else "?"
    if not one:
        return f"{plain_number(value)} sur {on}"
    noun = split_article(one)[1]
    return f"{plain_number(value)} {counted(value, noun, many or noun)} sur {on}"


def capitalize_first(text):
    return text[:1].upper() + text[1:]
