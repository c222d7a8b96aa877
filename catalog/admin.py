"""Django admin for network admins: channels, the category tree, products and labels."""
from django.contrib import admin
from mptt.admin import MPTTModelAdmin

from .models import (
    Category,
    CategoryTranslation,
    Channel,
    Label,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "currency_code", "default_country", "is_active"]


class CategoryTranslationInline(admin.TabularInline):
    model = CategoryTranslation
    extra = 0


@admin.register(Category)
class CategoryAdmin(MPTTModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CategoryTranslationInline]


@admin.register(ProductType)
class ProductTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "has_variants"]


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]


class ProductTranslationInline(admin.StackedInline):
    model = ProductTranslation
    extra = 0


class ProductLabelInline(admin.TabularInline):
    model = ProductLabel
    extra = 0


class ProductMediaInline(admin.TabularInline):
    model = ProductMedia
    extra = 0
    fields = ["image", "alt", "sort_order"]


class ProductChannelListingInline(admin.TabularInline):
    model = ProductChannelListing
    extra = 0
    exclude = ["discounted_price_amount"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "cooperative", "category", "updated_at"]
    list_filter = ["category", "cooperative__region"]
    search_fields = ["name", "slug", "variants__sku"]
    raw_id_fields = ["cooperative", "default_variant"]
    exclude = ["search_document", "search_vector", "description_plaintext"]
    inlines = [ProductChannelListingInline, ProductTranslationInline, ProductLabelInline,
               ProductMediaInline]
    list_select_related = ["cooperative", "category"]


class VariantListingInline(admin.TabularInline):
    model = ProductVariantChannelListing
    extra = 0


class StockInline(admin.TabularInline):
    model = Stock
    extra = 0


@admin.register(ProductVariant)
class ProductVariantAdmin(admin.ModelAdmin):
    list_display = ["sku", "name", "product"]
    search_fields = ["sku", "product__name"]
    raw_id_fields = ["product"]
    inlines = [VariantListingInline, StockInline]
    list_select_related = ["product"]
