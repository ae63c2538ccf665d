"""The one escaping point (macros.render.html): its promises, for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lea_site.render.html import dl, esc, md, md_inline, table

from .injection import PAYLOADS, scan_html

# Text built from the characters that matter to HTML, Markdown and attr_list.
hostile = st.text(alphabet=st.sampled_from(list("<>&\"'`[](){}:=#*_!|\\-\n\r\t \u2028ajvscriptonfocus1")), max_size=200)
texts = st.one_of(hostile, st.sampled_from(list(PAYLOADS.values())))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_escaped_text_has_no_line_break_and_no_markup(text: str):
    # No line break: a blank line would end the finished HTML block and hand the rest to Markdown.
    for out in (esc(text), md(text), md_inline(text)):
        assert "\n" not in out and "\r" not in out
    assert "<" not in esc(text) and '"' not in esc(text)
    assert not scan_html(f'<p title="{esc(text)}">{esc(text)}</p>{md(text)}', "x")


def test_markdown_fields_keep_their_features_and_lose_script():
    out = md("Een **vet** woord, een [link](https://example.org/a?b=c) en een [relatieve](../partners/).\n\n- een\n- twee")
    assert "<strong>vet</strong>" in out and 'href="https://example.org/a?b=c"' in out and 'href="../partners/"' in out
    assert "<ul>" in out and "<li>een</li>" in out
    for attack in ("[x](javascript:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)", "[x](data:text/html,hi)",
                   "[x](vbscript:x)", "[x](JAVASCRIPT:x)", "[x](&#106;avascript:x)", "<a href='javascript:x'>x</a>"):
        assert "javascript" not in md(attack).split(">", 1)[0].lower() and not scan_html(md(attack), attack), attack
    assert "bcc" not in md("[schrijf ons](mailto:lea@gemeente.nl?bcc=iemand@example.org)")
    assert "<img" not in md("![foto](https://tracker.example/p.png)")  # no request to another site


def test_labels_and_headers_are_text():
    assert "<img" not in dl([("<img src=x onerror=alert(1)>", "waarde")])
    assert "<img" not in table(["<img src=x onerror=alert(1)>"], [["a"]], caption="<b>c</b>", stack=True)
