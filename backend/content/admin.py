"""Django admin for network admins: page types, pages (EditorJS JSON or plain paragraphs),
menus and their item trees, with fr/ar/en translations."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from mptt.admin import MPTTModelAdmin

from .editorjs import content_errors, paragraphs_to_content, plain_text
from .models import Menu, MenuItem, MenuItemTranslation, Page, PageTranslation, PageType


class PageForm(forms.ModelForm):
    content_text = forms.CharField(
        label=_("Write as text"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Optional: paragraphs separated by a blank line; “## ” starts a heading, "
                    "“- ” a list item, “> ” a quote. When filled, it replaces the EditorJS "
                    "content above."))

    class Meta:
        model = Page
        fields = ["page_type", "title", "slug", "content", "seo_title", "seo_description",
                  "is_published", "published_at", "metadata"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        text = data.get("content_text") or ""
        if "\x00" in text:
            self.add_error("content_text", _("The text contains a NUL character."))
        elif text.strip():
            data["content"] = paragraphs_to_content(text)
            problems = content_errors(data["content"])
            if problems:
                self.add_error("content_text", problems)
        return data


class PageTranslationInline(admin.StackedInline):
    model = PageTranslation
    extra = 0


@admin.register(PageType)
class PageTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = ["title", "slug", "page_type", "is_published", "published_at", "excerpt"]
    list_filter = ["is_published", "page_type"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PageTranslationInline]
    fields = ["page_type", "title", "slug", "content", "content_text", "seo_title",
              "seo_description", "is_published", "published_at", "metadata"]

    @admin.display(description=_("text"))
    def excerpt(self, page: Page) -> str:
        return plain_text(page.content, 80)


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    extra = 0
    fields = ["name", "parent", "sort_order", "url", "category", "collection", "page"]
    show_change_link = True


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MenuItemInline]


class MenuItemTranslationInline(admin.TabularInline):
    model = MenuItemTranslation
    extra = 0


@admin.register(MenuItem)
class MenuItemAdmin(MPTTModelAdmin):
    list_display = ["name", "menu", "sort_order", "url", "category", "collection", "page"]
    list_filter = ["menu"]
    search_fields = ["name"]
    inlines = [MenuItemTranslationInline]
