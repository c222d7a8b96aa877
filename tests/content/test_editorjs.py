"""EditorJS rendering: only whitelisted blocks and inline tags reach the page, escaped."""
from __future__ import annotations

import pytest
from django.utils import translation

from backend.content.editorjs import (
    content_errors,
    paragraphs_to_content,
    plain_text,
    render_content,
    sanitize_inline,
)


def doc(*blocks: dict) -> dict:
    return {"blocks": list(blocks)}


def para(text: object) -> dict:
    return {"type": "paragraph", "data": {"text": text}}


def test_paragraph_header_list_and_quote_render_as_html():
    html = render_content(doc(
        para("Bonjour <b>gras</b> et <i>italique</i>"),
        {"type": "header", "data": {"text": "Titre", "level": 2}},
        {"type": "list", "data": {"style": "ordered", "items": ["un", "deux"]}},
        {"type": "list", "data": {"style": "unordered", "items": [
            {"content": "parent", "items": [{"content": "enfant", "items": []}]}]}},
        {"type": "quote", "data": {"text": "Citation", "caption": "Fatima"}},
    ))
    assert html == ("<p>Bonjour <b>gras</b> et <i>italique</i></p>\n<h2>Titre</h2>\n"
                    "<ol><li>un</li><li>deux</li></ol>\n"
                    "<ul><li>parent<ul><li>enfant</li></ul></li></ul>\n"
                    "<blockquote><p>Citation</p><footer>Fatima</footer></blockquote>")


def test_script_tags_and_event_attributes_are_escaped_or_dropped():
    html = render_content(doc(para('<script>alert(1)</script><b onclick="x()">ok</b>'
                                   '<img src=x onerror=alert(1)>&lt;tag&gt;')))
    assert html == "<p>alert(1)<b>ok</b>&lt;tag&gt;</p>"
    assert "<script" not in html and "onclick" not in html and "<img" not in html


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:x",
    "data:text/html;base64,PHNjcmlwdD4=", "//evil.example/x", "vbscript:x", "",
])
def test_links_with_unsafe_targets_keep_their_text_but_lose_the_link(href):
    html = sanitize_inline(f'<a href="{href}">lien</a> suite')
    assert html == "lien suite"


@pytest.mark.parametrize("href", ["https://coopstore.ma/a?b=1&c=2", "/pages/livraison/",
                                  "mailto:bonjour@coopstore.ma"])
def test_safe_links_are_kept_with_rel_and_escaped_href(href):
    html = sanitize_inline(f'<a href="{href}" style="x" target="_blank">lien</a>')
    escaped = href.replace("&", "&amp;")
    assert html == f'<a href="{escaped}" rel="nofollow noopener">lien</a>'


def test_unclosed_and_misnested_tags_are_balanced():
    assert sanitize_inline("<b>gras <i>les deux</b> fin</i>") == \
        "<b>gras <i>les deux</i></b> fin"
    assert sanitize_inline("<b>jamais fermé") == "<b>jamais fermé</b>"
    assert sanitize_inline("stray </b></i> end") == "stray  end"


def test_header_levels_are_clamped_below_the_page_title():
    html = render_content(doc({"type": "header", "data": {"text": "A", "level": 1}},
                              {"type": "header", "data": {"text": "B", "level": 9}},
                              {"type": "header", "data": {"text": "C", "level": "2"}}))
    assert html == "<h2>A</h2>\n<h4>B</h4>\n<h2>C</h2>"


def test_unknown_blocks_and_malformed_documents_render_nothing():
    assert render_content(doc({"type": "raw", "data": {"html": "<script>x</script>"}})) == ""
    assert render_content(doc({"type": "paragraph"}, "text", para(None))) == ""
    assert render_content("not a document") == ""
    assert render_content({"blocks": "nope"}) == ""


@translation.override("en")
def test_content_errors_name_each_bad_block():
    assert content_errors({}) == []
    assert content_errors(doc(para("ok"))) == []
    assert content_errors([1, 2]) == ['EditorJS content is an object with a "blocks" list.']
    errors = content_errors(doc(para("ok"), {"type": "raw", "data": {}}, {"type": "list"}))
    assert len(errors) == 2
    assert "Block 2" in errors[0] and "raw" in errors[0] and "Block 3" in errors[1]
    assert content_errors(doc(para("nul\x00"))) == ["The content contains a NUL character."]


def test_plain_text_strips_markup_for_meta_descriptions():
    content = doc(para("Le <b>prix</b> juste"), {"type": "list", "data": {"items": ["a", "b"]}})
    assert plain_text(content) == "Le prix juste a b"
    assert plain_text(content, limit=6) == "Le pri"


def test_paragraphs_typed_as_text_become_editorjs_blocks():
    content = paragraphs_to_content("## Titre\n\nUn paragraphe\nsur deux lignes\n\n- un\n- deux"
                                    "\n\n> Citation")
    assert content == {"blocks": [
        {"type": "header", "data": {"text": "Titre", "level": 2}},
        {"type": "paragraph", "data": {"text": "Un paragraphe<br>sur deux lignes"}},
        {"type": "list", "data": {"style": "unordered", "items": ["un", "deux"]}},
        {"type": "quote", "data": {"text": "Citation", "caption": ""}},
    ]}
    assert content_errors(content) == []


def test_content_errors_are_translated_in_french_and_arabic():
    bad = {"blocks": [{"type": "raw", "data": {}}]}
    with translation.override("fr"):
        assert content_errors(bad) == ["Bloc 1 : type inconnu raw (utilisez paragraph, header, "
                                       "list ou quote)."]
    with translation.override("ar"):
        assert content_errors(bad)[0].startswith("الكتلة 1: نوع غير معروف raw")
