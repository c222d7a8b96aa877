"""Saleor's content model: page types, pages (EditorJS content), menus and menu item trees.

French is stored on the rows themselves; Arabic and English live in translation rows, as in
the catalog (``translation(languageCode: FR)`` is null unless a French row exists).
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from mptt.models import MPTTModel, TreeForeignKey

from catalog.models.base import ModelWithMetadata, TranslatableMixin

from .links import is_safe_href

TRANSLATION_LANGUAGES = [("ar", "العربية"), ("en", "English"), ("fr", "Français")]


class PageQuerySet(models.QuerySet):
    def published(self, now=None) -> PageQuerySet:
        """What customers see: published, and not scheduled for later."""
        now = now or timezone.now()
        return self.filter(is_published=True).filter(
            models.Q(published_at__isnull=True) | models.Q(published_at__lte=now))


class PageType(ModelWithMetadata):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page type")
        verbose_name_plural = _("page types")

    def __str__(self) -> str:
        return self.name


class Page(TranslatableMixin, ModelWithMetadata):
    page_type = models.ForeignKey(PageType, on_delete=models.PROTECT, related_name="pages",
                                  verbose_name=_("page type"))
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    content = models.JSONField(_("content (EditorJS)"), default=dict, blank=True,
                               help_text=_('EditorJS JSON: {"blocks": [{"type": "paragraph", '
                                           '"data": {"text": "…"}}]}'))
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from .editorjs import content_errors

        problems = content_errors(self.content)
        if problems:
            raise ValidationError({"content": problems})

    def is_visible(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and (self.published_at is None or self.published_at <= now)


class PageTranslation(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(_("language"), max_length=8, choices=TRANSLATION_LANGUAGES)
    title = models.CharField(_("title"), max_length=250, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, blank=True, allow_unicode=True)
    content = models.JSONField(_("content (EditorJS)"), default=dict, blank=True)
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language_code"],
                                               name="unique_page_translation")]
        verbose_name = _("page translation")

    def __str__(self) -> str:
        return f"{self.page_id}:{self.language_code}"

    def clean(self) -> None:
        from .editorjs import content_errors

        problems = content_errors(self.content)
        if problems:
            raise ValidationError({"content": problems})


class Menu(ModelWithMetadata):
    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self) -> str:
        return self.name


class MenuItem(TranslatableMixin, ModelWithMetadata, MPTTModel):
    """One entry of a menu: a URL, or a link to a category, collection or page (at most one)."""

    menu = models.ForeignKey(Menu, on_delete=models.CASCADE, related_name="items",
                             verbose_name=_("menu"))
    name = models.CharField(_("name"), max_length=128)
    parent = TreeForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                            related_name="children", verbose_name=_("parent"))
    sort_order = models.IntegerField(_("sort order"), default=0, db_index=True)
    url = models.CharField(_("URL"), max_length=256, blank=True,
                           help_text=_("An https:// address or a path starting with /."))
    category = models.ForeignKey("catalog.Category", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="menu_items",
                                 verbose_name=_("category"))
    collection = models.ForeignKey("catalog.Collection", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="menu_items",
                                   verbose_name=_("collection"))
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="menu_items", verbose_name=_("page"))

    class MPTTMeta:
        order_insertion_by = ["sort_order", "name"]

    class Meta:
        ordering = ["tree_id", "lft"]
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self) -> str:
        return self.name

    def link_fields(self) -> list[str]:
        linked = [name for name in ("url", "category_id", "page_id", "collection_id")
                  if getattr(self, name, None)]
        return linked

    def clean(self) -> None:
        if len(self.link_fields()) > 1:
            raise ValidationError(_("A menu item links to one thing only: a URL, a category, "
                                    "a collection or a page."))
        if self.url and not is_safe_href(self.url):
            raise ValidationError({"url": _("Use an http(s):// address or a path starting "
                                            "with /.")})
        if self.parent_id and self.parent and self.parent.menu_id != self.menu_id:
            raise ValidationError({"parent": _("The parent belongs to another menu.")})


class MenuItemTranslation(models.Model):
    menu_item = models.ForeignKey(MenuItem, on_delete=models.CASCADE,
                                  related_name="translations")
    language_code = models.CharField(_("language"), max_length=8, choices=TRANSLATION_LANGUAGES)
    name = models.CharField(_("name"), max_length=128)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["menu_item", "language_code"],
                                               name="unique_menu_item_translation")]
        verbose_name = _("menu item translation")

    def __str__(self) -> str:
        return f"{self.menu_item_id}:{self.language_code}"
