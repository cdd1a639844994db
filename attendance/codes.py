"""The room's code: six digits shown on the projector, which change every ROOM_CODE_SECONDS, so
that a photo sent to someone at home is useless by the time it arrives. Computed from the sheet's
secret and the time (as TOTP does), so any server computes the same code without storing it."""

import hashlib
import hmac

from django.conf import settings

DIGITS = 6


def code_at(sheet, moment):
    step = int(moment.timestamp()) // settings.ROOM_CODE_SECONDS
    digest = hmac.new(sheet.code_secret.encode(), str(step).encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:4], 'big') % 10**DIGITS:0{DIGITS}d}"


def seconds_left(moment):
    return settings.ROOM_CODE_SECONDS - int(moment.timestamp()) % settings.ROOM_CODE_SECONDS


def accepted(sheet, code, moment):
    """The code shown now, or the one just before (typed while it changed)."""
    typed = "".join(character for character in code or "" if character.isdigit())
    earlier = moment.timestamp() - settings.ROOM_CODE_SECONDS
    shown = {code_at(sheet, moment), code_at(sheet, moment.fromtimestamp(earlier, moment.tzinfo))}
    return any(hmac.compare_digest(typed, candidate) for candidate in shown)
