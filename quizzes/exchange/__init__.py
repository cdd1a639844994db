"""Questions in bulk: a quiz's questions exported to GIFT, Aiken or a spreadsheet's CSV, and
questions imported from them (a preview first, then a draft submitted to moderation)."""
