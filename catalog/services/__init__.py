"""Catalog services: every state change of a cooperative's catalog, for pages and the API.

Each function is keyword-only, runs in ``transaction.atomic``, takes the caller's
``cooperative_id`` and treats another cooperative's object exactly like a missing one
(``DomainError`` with ``ProductErrorCode.NOT_FOUND`` on the id's field; nothing changes).
Errors are ``backend.core.errors.DomainError`` holding ``ErrorItem(code, message, field)``
with codes of ``backend.graphql.core.error_codes.ProductErrorCode`` and Saleor's camelCase
field names. Object ids are database primary keys (int or digit string; the API decodes
global IDs first). Optional arguments default to ``common.UNSET`` = "leave as it is".
Derived data (search document/vector, ``ProductChannelListing.discounted_price_amount``,
``Product.default_variant``) is refreshed by the services themselves.

``catalog.services.editing``
    product_create(*, cooperative_id, name, category_id=None, product_type_id=None, slug=None,
                   description=None, seo_title="", seo_description="", labels=(),
                   channel_ids=()) -> Product
    product_update(*, cooperative_id, product_id, name=, slug=, description=, seo_title=,
                   seo_description=, category_id=, labels=) -> Product
    product_delete(*, cooperative_id, product_id) -> Product   (pk kept; order lines keep data)
    LabelInput(label_id, certificate_reference, expiry_date=None)
``catalog.services.variants``
    variant_create(*, cooperative_id, product_id, name="", sku=None, weight_grams=0,
                   prices=(), quantity=0, low_stock_threshold=, track_inventory=,
                   quantity_limit_per_customer=) -> ProductVariant      (errors on "product")
    variant_update(*, cooperative_id, variant_id, <same fields>) -> ProductVariant
    variant_delete(*, cooperative_id, variant_id) -> ProductVariant
    ChannelPriceInput(channel_id, price, cost_price=None)   price None/"" = remove from channel;
        a channel the product is not listed in: PRODUCT_NOT_ASSIGNED_TO_CHANNEL
``catalog.services.stock``
    stock_update(*, cooperative_id, variant_id, quantity) -> Stock   (never below allocated)
    variants_bulk_update_stock_and_prices(*, cooperative_id, channel_id, rows) -> [variants]
        rows: [BulkRow(variant_id, quantity=UNSET, price=UNSET)]; all or nothing; each
        error names the variant in ``ErrorItem.variants``.
``catalog.services.lots``   (a variant with lots has stock = sum of its lots)
    lot_create(*, cooperative_id, variant_id, lot_number, quantity, produced_on=None,
               best_before=None) -> StockLot
    lot_update(*, cooperative_id, lot_id, lot_number=, quantity=, produced_on=, best_before=)
    lot_delete(*, cooperative_id, lot_id) -> StockLot
``catalog.services.translations``   (language "fr" edits the product/variant itself)
    product_translation_set(*, cooperative_id, product_id, language_code, name=,
                            description=, seo_title=, seo_description=) -> Product
    variant_translation_set(*, cooperative_id, variant_id, language_code, name)
    language_clean(code) -> "fr" | "ar" | "en"   (accepts "AR", "ar-MA"; else INVALID)
``catalog.services.listings``
    product_channel_listing_update(*, cooperative_id, product_id, update_channels=(),
                                   remove_channels=()) -> Product
    ChannelListingInput(channel_id, is_published=, published_at=, visible_in_listings=,
                        available_for_purchase_at=)
``catalog.services.media``
    media_add(*, cooperative_id, product_id, image, alt="") -> ProductMedia
        image: an UploadedFile; refusals: REQUIRED, FILE_SIZE_LIMIT_EXCEEDED (bytes or pixels),
        INVALID_FILE_TYPE (not an image, damaged/truncated); field "image".
    media_reorder(*, cooperative_id, product_id, media_ids) -> [ProductMedia]
    media_move(*, cooperative_id, media_id, offset) -> [ProductMedia]   (offset -1 / +1)
    media_set_alt(*, cooperative_id, media_id, alt) -> ProductMedia
    media_delete(*, cooperative_id, media_id) -> ProductMedia
``catalog.services.products``   (derived-data helpers, used by the above and the factories)
"""
