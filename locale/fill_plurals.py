"""Give every plural message of the French catalogue its French forms, and no other message a
guessed translation.

The site's messages are written in French, so the catalogue leaves their translations empty and
gettext shows the message itself. For a plural message that fallback applies English rules
(one for 1, the plural for anything else: "0 participants"). Copying the two forms into
msgstr[0] and msgstr[1] lets the catalogue's French rule decide (singular for 0 and 1).
Run by `make messages`, between makemessages and compilemessages.
"""

import sys
from pathlib import Path

CATALOGUE = Path(__file__).parent / "fr" / "LC_MESSAGES" / "django.po"


def blocks(lines, start):
    """The lines of the keyword at `start` and of its continuation strings."""
    end = start + 1
    while end < len(lines) and lines[end].startswith('"'):
        end += 1
    return lines[start:end], end


def unfuzz(out):
    """Drop the "fuzzy" flag of the entry being read (makemessages sets it when a message
    changed; compilemessages would then skip it). True if it was there."""
    for index in range(len(out) - 1, -1, -1):
        if out[index] == "":
            return False
        if out[index].startswith("#,") and "fuzzy" in out[index]:
            flags = [f.strip() for f in out[index][2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                out[index] = "#, " + ", ".join(flags)
            else:
                del out[index]
            return True
    return False


def drop_history(out):
    """Drop the "#|" history of the entry being read: the guess it recorded is gone."""
    start = len(out) - 1
    while start > 0 and out[start - 1] != "":
        start -= 1
    out[start:] = [line for line in out[start:] if not line.startswith("#| ")]


def unguess(out, lines, i):
    """A message without plural keeps an empty translation (it is shown as written). When
    makemessages guessed one from a similar message (fuzzy, often a plural's "%(counter)s
    participant" for "Participant"), drop the guess, its flag and its "#|" history. Returns
    the index after the msgstr."""
    msgstr, end = blocks(lines, i)
    if unfuzz(out):
        drop_history(out)
        msgstr = ['msgstr ""']
    out.extend(msgstr)
    return end


def fill(text):
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("msgid "):
            out.append(line)
            i += 1
            continue
        singular, i = blocks(lines, i)
        out.extend(singular)
        if i >= len(lines) or not lines[i].startswith("msgid_plural "):
            if singular != ['msgid ""'] and i < len(lines) and lines[i].startswith("msgstr "):
                i = unguess(out, lines, i)
            continue
        plural, i = blocks(lines, i)
        out.extend(plural)
        forms = []
        while i < len(lines) and lines[i].startswith("msgstr["):
            form, i = blocks(lines, i)
            forms.append(form)
        fuzzy = unfuzz(out)
        if fuzzy:
            drop_history(out)
        if fuzzy or all(form == [f'msgstr[{n}] ""'] for n, form in enumerate(forms)):
            forms = [
                [singular[0].replace("msgid ", "msgstr[0] ", 1), *singular[1:]],
                [plural[0].replace("msgid_plural ", "msgstr[1] ", 1), *plural[1:]],
            ]
        for form in forms:
            out.extend(form)
    return "\n".join(out)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOGUE
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
