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
from .services.products import product_refresh_listing_prices


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

    def save_related(self, request, form, formsets, change):
        """A listing added here gets its cheapest price, which visibility reads."""
        super().save_related(request, form, formsets, change)
        product_refresh_listing_prices(product=form.instance)


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

    # Prices changed or removed here must reach the product's listings (their cheapest
    # price decides whether the product shows at all: catalog.selectors.listing_offered_q).
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        product_refresh_listing_prices(product=form.instance.product)
        moved_from = form.initial.get("product") if "product" in form.changed_data else None
        if moved_from:
            for product in Product.objects.filter(pk=moved_from):
                product_refresh_listing_prices(product=product)

    def delete_model(self, request, obj):
        product = obj.product
        super().delete_model(request, obj)
        product_refresh_listing_prices(product=product)

    def delete_queryset(self, request, queryset):
        products = list(Product.objects.filter(variants__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for product in products:
            product_refresh_listing_prices(product=product)
