"""File names from people's names: every letter kept, as itself or spelled in ASCII where a
system needs it (Œ is "OE", never dropped as Django's slugify drops it)."""

import re
import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose into an ASCII letter and a mark.
SPELLED = str.maketrans(
    {
        "Œ": "OE",
        "œ": "oe",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "ß": "ss",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Þ": "Th",
        "þ": "th",
        "ı": "i",
    }
)
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def ascii_slug(text):
    """ "Œdipe Ørsted" → "oedipe-orsted"."""
    return slugify(unicodedata.normalize("NFKD", text.translate(SPELLED)))


def file_safe(text):
    """The name as written, accents kept, without what no file system accepts."""
    return " ".join(UNSAFE.sub(" ", unicodedata.normalize("NFC", text)).split())


def sort_key(text):
    """Alphabetical order as a reader expects it: Œ with OE, É with E, case aside."""
    spelled = unicodedata.normalize("NFKD", text.translate(SPELLED))
    return "".join(c for c in spelled if not unicodedata.combining(c)).casefold()
