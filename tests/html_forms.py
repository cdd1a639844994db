"""Read a page's form the way a browser would submit it, so that a test can change a field or
two and post the rest unchanged (the Wagtail admin's editors hold hundreds of fields)."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = form_id is None
        self.pairs = []
        self._textarea = None
        self._select = None
        self._select_values = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id is not None:
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.pairs.append([name, attrs.get("value", "on")])
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.pairs.append([name, attrs.get("value", "")])
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            self.pairs.append(self._textarea)
        elif tag == "select" and name:
            self._select = name
            self._select_values = []
        elif tag == "option" and self._select and "selected" in attrs:
            self._select_values.append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that follows <textarea>.
            self._textarea[1] = self._textarea[1].removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select:
            self.pairs.extend([self._select, value] for value in self._select_values)
            self._select = None
        elif tag == "form" and self.form_id is not None:
            self.inside = False

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def form_data(html, form_id=None):
    """{name: [values]} of the form (the page's first fields, or the form with this id)."""
    parser = _FormParser(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    return data


def stream_data(field_name, stream_value):
    """The POST data of a StreamField, as Wagtail's editor (JavaScript) would send it."""
    data = {}
    _stream(data, field_name, stream_value.stream_block, list(stream_value))
    return data


def _stream(data, prefix, block, children):
    data[f"{prefix}-count"] = str(len(children))
    for i, child in enumerate(children):
        data[f"{prefix}-{i}-type"] = child.block_type
        data[f"{prefix}-{i}-id"] = child.id or ""
        data[f"{prefix}-{i}-deleted"] = ""
        data[f"{prefix}-{i}-order"] = str(i)
        _value(data, f"{prefix}-{i}-value", child.block, child.value)


def _value(data, prefix, block, value):
    from wagtail import blocks

    if isinstance(block, blocks.StreamBlock):
        _stream(data, prefix, block, list(value))
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks)
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-id"] = item.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            _value(data, f"{prefix}-{i}-value", block.child_block, item.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _value(data, f"{prefix}-{name}", child_block, value.get(name))
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = "" if value is None else str(value.pk)
    elif isinstance(block, blocks.RichTextBlock):
        # Draftail posts its content state, as JSON.
        data[prefix] = block.get_form_state(value)
    else:
        data[prefix] = "" if value is None else str(value)


def edit_form(client, edit_url, instance):
    """An admin edit form as the browser sends it: the fields of the page, and each of the
    instance's StreamFields as the editor's script posts them."""
    from wagtail.fields import StreamField

    data = form_data(client.get(edit_url).content.decode())
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(stream_data(field.name, getattr(instance, field.name)))
    return data
