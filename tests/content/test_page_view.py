"""``/pages/<slug>/``: a published page in fr, ar and en, its EditorJS content made safe."""
from __future__ import annotations

import pytest

from .conftest import make_page


def test_a_page_renders_in_french_with_its_blocks(client, channel, fair_pay_page):
    fair_pay_page.content = {"blocks": [
        {"type": "header", "data": {"text": "Où va votre argent", "level": 2}},
        {"type": "list", "data": {"style": "unordered", "items": ["La coopérative", "Le livreur"]}},
        {"type": "quote", "data": {"text": "Enfin", "caption": "Une présidente"}}]}
    fair_pay_page.seo_description = "Comment chaque paiement est partagé."
    fair_pay_page.save()
    response = client.get("/pages/prix-juste/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Le prix juste</h1>" in html
    assert "<h2>Où va votre argent</h2>" in html
    assert "<ul><li>La coopérative</li><li>Le livreur</li></ul>" in html
    assert "<blockquote><p>Enfin</p><footer>Une présidente</footer></blockquote>" in html
    assert '<meta name="description" content="Comment chaque paiement est partagé.">' in html
    assert '<link rel="alternate" hreflang="ar" href="http://testserver/ar/pages/prix-juste/">' \
        in html


@pytest.mark.parametrize("prefix, title, text", [
    ("/ar", "السعر العادل", "<p>السعر العادل.</p>"),
    ("/en", "Fair pay", "<p>Fair pay.</p>"),
])
def test_a_page_renders_translated(client, channel, fair_pay_page, prefix, title, text):
    html = client.get(f"{prefix}/pages/prix-juste/").content.decode()
    assert f"<h1>{title}</h1>" in html and text in html
    assert f"<title>{title} · CoopStore</title>" in html


def test_html_in_the_content_and_title_is_escaped(client, channel, page_type):
    make_page(page_type, "piege", "<script>alert('t')</script>", blocks=[
        {"type": "paragraph", "data": {"text": "<script>alert(1)</script><a href=\"javascript:"
                                               "alert(2)\">clic</a> <b>ok</b>"}},
        {"type": "raw", "data": {"html": "<iframe src=x></iframe>"}}])
    html = client.get("/pages/piege/").content.decode()
    assert "<script>alert" not in html and "<iframe" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in html
    assert "<p>alert(1)clic <b>ok</b></p>" in html


@pytest.mark.parametrize("fixture", ["draft_page", "scheduled_page"])
def test_unpublished_pages_are_not_found(client, channel, request, fixture):
    page = request.getfixturevalue(fixture)
    assert client.get(f"/pages/{page.slug}/").status_code == 404
    assert client.get(f"/ar/pages/{page.slug}/").status_code == 404


@pytest.mark.parametrize("path", ["/pages/inconnue/", "/pages/" + "a" * 300 + "/",
                                  "/pages/%00/", "/pages/a%00b/"])
def test_unknown_or_malformed_slugs_are_not_found(client, channel, fair_pay_page, path):
    assert client.get(path).status_code == 404
