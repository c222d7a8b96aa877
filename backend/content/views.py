"""The content page of the storefront: ``/pages/<slug>/`` (and ``/ar/…``, ``/en/…``)."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from .editorjs import plain_text, render_content
from .selectors import page_get_public


def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = page_get_public(slug=slug)
    if page is None:
        raise Http404
    language = (get_language() or "fr")[:2]
    translated = page.translation_for(language)
    content = page.content
    if translated and isinstance(translated.content, dict) and translated.content.get("blocks"):
        content = translated.content
    title = page.translated("title", language)
    return render(request, "content/page.html", {
        "page": page,
        "page_title": title,
        "seo_title": page.translated("seo_title", language) or title,
        "seo_description": (page.translated("seo_description", language)
                            or plain_text(content, 160)),
        "page_html": render_content(content),
    })
