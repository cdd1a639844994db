"""The bottom layer: what makes the site fast without ever serving stale or personal content.

- generation: one value shared by every worker and server, changed whenever published content
  changes; everything derived from content is keyed by it.
- memo: what each process remembers of the content until the generation changes.
- pagecache: whole pages for anonymous visitors.
- routing: Wagtail's page serving, starting from where an address was found to lead.
- addresses: the site's public address (the default Wagtail Site's), for absolute addresses.
- sessions: sessions in the database, read through the shared cache.
- internals: every use of a framework's private attributes, in one place.

It imports no app of the project: each app says what invalidates it
(`generation.invalidate_on_change`), in its AppConfig.ready().
"""
