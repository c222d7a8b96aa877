"""EditorJS content: checked when saved, rendered to safe HTML when shown.

Only the blocks the storefront knows are rendered (paragraph, header, list, quote); inside
them only ``b``/``strong``/``i``/``em``/``br`` and ``a`` with a safe ``href`` survive. All other
markup is shown as text (escaped), so an admin's paste can never inject a script.
"""
from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .links import is_safe_href

BLOCK_TYPES = {"paragraph", "header", "list", "quote"}
INLINE_TAGS = {"b": "b", "strong": "strong", "i": "i", "em": "em", "a": "a"}
VOID_TAGS = {"br"}
MAX_BLOCKS = 500
MAX_TEXT = 20_000


class _InlineSanitizer(HTMLParser):
    """Re-emits allowed inline tags without their attributes (``a`` keeps a safe href)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self.out.append("<br>")
            return
        if tag not in INLINE_TAGS:
            return
        if tag == "a":
            href = dict(attrs).get("href")
            if not is_safe_href(href):
                self.open.append("")  # keep the text, drop the link
                return
            self.out.append(f'<a href="{escape(href, quote=True)}" rel="nofollow noopener">')
        else:
            self.out.append(f"<{tag}>")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self.out.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost matching open tag (and those opened inside it); a stray
        closing tag is dropped. A refused link was pushed as ``""``: its ``</a>`` matches it."""
        if tag not in INLINE_TAGS:
            return
        for index in range(len(self.open) - 1, -1, -1):
            entry = self.open[index]
            if entry == tag or (tag == "a" and entry == ""):
                self.out.extend(f"</{e}>" for e in reversed(self.open[index:]) if e)
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            last = self.open.pop()
            if last:
                self.out.append(f"</{last}>")
        return "".join(self.out)


def sanitize_inline(text: object) -> str:
    """EditorJS inline HTML reduced to the allowed tags, everything else escaped."""
    if not isinstance(text, str):
        return ""
    parser = _InlineSanitizer()
    parser.feed(text.replace("\x00", ""))
    return parser.result()


def _list_items(items: Any) -> list[tuple[str, list]]:
    """EditorJS lists: strings (list 1.x) or ``{content, items}`` (nested list 2.x)."""
    result = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            result.append((item, []))
        elif isinstance(item, dict):
            result.append((item.get("content", ""), item.get("items") or []))
    return result


def _render_list(items: Any, ordered: bool, depth: int = 0) -> str:
    tag = "ol" if ordered else "ul"
    parts = []
    for content, children in _list_items(items):
        nested = _render_list(children, ordered, depth + 1) if children and depth < 4 else ""
        parts.append(f"<li>{sanitize_inline(content)}{nested}</li>")
    return f"<{tag}>{''.join(parts)}</{tag}>" if parts else ""


def render_block(block: Any) -> str:
    if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
        return ""
    data, kind = block["data"], block.get("type")
    if kind == "paragraph":
        text = sanitize_inline(data.get("text"))
        return f"<p>{text}</p>" if text else ""
    if kind == "header":
        level = data.get("level")
        # The page title is the h1: EditorJS headers start at h2.
        level = min(max(level, 2), 4) if isinstance(level, int) else 2
        return f"<h{level}>{sanitize_inline(data.get('text'))}</h{level}>"
    if kind == "list":
        return _render_list(data.get("items"), data.get("style") == "ordered")
    if kind == "quote":
        caption = sanitize_inline(data.get("caption"))
        footer = f"<footer>{caption}</footer>" if caption else ""
        return f"<blockquote><p>{sanitize_inline(data.get('text'))}</p>{footer}</blockquote>"
    return ""


def render_content(content: Any) -> SafeString:
    """Safe HTML of an EditorJS document; unknown blocks are skipped."""
    blocks = content.get("blocks") if isinstance(content, dict) else None
    if not isinstance(blocks, list):
        return mark_safe("")
    html = "\n".join(part for part in (render_block(b) for b in blocks[:MAX_BLOCKS]) if part)
    return mark_safe(html)  # noqa: S308 (every piece above is escaped or whitelisted)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(content: Any, limit: int = 300) -> str:
    """The text of a document without markup (meta descriptions, search)."""
    blocks = content.get("blocks") if isinstance(content, dict) else None
    pieces: list[str] = []
    for block in blocks if isinstance(blocks, list) else []:
        data = block.get("data") if isinstance(block, dict) else None
        if not isinstance(data, dict):
            continue
        texts = [data.get("text")] + [c for c, _children in _list_items(data.get("items"))]
        for text in texts:
            if isinstance(text, str):
                parser = _TextOnly()
                parser.feed(text)
                parser.close()
                pieces.append("".join(parser.parts))
    return " ".join(" ".join(pieces).split())[:limit]


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def content_errors(content: Any) -> list[str]:
    """Why a document cannot be saved (empty list when it can). An empty document is fine."""
    if content in ({}, None, ""):
        return []
    if not isinstance(content, dict) or not isinstance(content.get("blocks"), list):
        return [_('EditorJS content is an object with a "blocks" list.')]
    if _has_nul(content):
        return [_("The content contains a NUL character.")]
    blocks = content["blocks"]
    if len(blocks) > MAX_BLOCKS:
        return [_("At most %(count)d blocks.") % {"count": MAX_BLOCKS}]
    problems = []
    for index, block in enumerate(blocks, start=1):
        if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
            problems.append(_("Block %(n)d: a block has a type and a data object.") % {"n": index})
        elif block.get("type") not in BLOCK_TYPES:
            problems.append(_("Block %(n)d: unknown type %(type)s (use paragraph, header, list "
                              "or quote).") % {"n": index, "type": str(block.get("type"))[:40]})
        elif len(str(block["data"])) > MAX_TEXT:
            problems.append(_("Block %(n)d is too long.") % {"n": index})
    return problems


def paragraphs_to_content(text: str) -> dict:
    """The admin's simple editor: blank-line separated paragraphs become EditorJS blocks;
    a line starting with ``## `` is a header, lines starting with ``- `` a list."""
    blocks: list[dict] = []
    for chunk in (part.strip() for part in text.replace("\r\n", "\n").split("\n\n")):
        if not chunk:
            continue
        lines = chunk.split("\n")
        if chunk.startswith("## "):
            blocks.append({"type": "header", "data": {"text": chunk[3:].strip(), "level": 2}})
        elif all(line.startswith("- ") for line in lines):
            blocks.append({"type": "list", "data": {
                "style": "unordered", "items": [line[2:].strip() for line in lines]}})
        elif chunk.startswith("> "):
            blocks.append({"type": "quote", "data": {"text": chunk[2:].strip(), "caption": ""}})
        else:
            blocks.append({"type": "paragraph", "data": {"text": "<br>".join(lines)}})
    return {"blocks": blocks}
