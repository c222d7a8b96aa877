"""Trilingual text (fr / ar / en) and EditorJS documents for the demo content."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

LANGUAGES = ("fr", "ar", "en")
TRANSLATED_LANGUAGES = ("ar", "en")
EDITORJS_VERSION = "2.28.0"
# A fixed EditorJS timestamp keeps the seeded descriptions identical from one run to the next.
EDITORJS_TIME = 1_767_225_600_000


@dataclass(frozen=True)
class Tr:
    """The same text in French (stored on the model), Arabic and English."""

    fr: str
    ar: str
    en: str

    def get(self, language: str) -> str:
        return getattr(self, language)

    def render(self, **context: Tr | str) -> Tr:
        """Fill ``{placeholders}`` in each language with the value of that language."""

        def value(item: Tr | str, language: str) -> str:
            return item.get(language) if isinstance(item, Tr) else item

        return Tr(*(self.get(lang).format(**{k: value(v, lang) for k, v in context.items()})
                    for lang in LANGUAGES))


def same(text: str) -> Tr:
    """A text written the same way in the three languages (a size such as "250 ml")."""
    return Tr(text, text, text)


def editorjs(*paragraphs: str) -> dict:
    """An EditorJS document of paragraphs, with stable block ids."""
    blocks = []
    for text in paragraphs:
        block_id = hashlib.sha1(text.encode()).hexdigest()[:10]
        blocks.append({"id": block_id, "type": "paragraph", "data": {"text": text}})
    return {"time": EDITORJS_TIME, "blocks": blocks, "version": EDITORJS_VERSION}


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary so it fits ``limit`` characters (an ellipsis if cut)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"
