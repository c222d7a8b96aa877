"""Catalog pages of a cooperative: thin views over ``catalog.services`` and the selectors.

Every look-up is scoped by ``request.coop.cooperative_id``: another cooperative's product,
variant, photo or lot is a 404 (selectors) or a NOT_FOUND from the service, shown as a 404.
"""
from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from backend.cooperatives.access import cooperative_staff_required
from backend.core.errors import DomainError

from ..models import Channel, StockLot
from ..selectors.core import channel_get_default
from ..services import editing, listings, lots, media, stock, translations, variants
from ..services.common import TRANSLATED_LANGUAGES, editorjs_from_text
from ..services.products import editorjs_plaintext
from . import selectors
from .forms import (
    AltForm,
    CreateProductForm,
    LotForm,
    ProductForm,
    TranslationForm,
    VariantForm,
)

PAGE_SIZE = 25
# Service field names (Saleor's camelCase) → form field names.
FIELDS = {"seoTitle": "seo_title", "seoDescription": "seo_description", "weight": "weight_grams",
          "lowStockThreshold": "low_stock_threshold", "lotNumber": "lot_number",
          "producedOn": "produced_on", "bestBefore": "best_before", "channelId": "price"}


def _errors_to_form(form, exc: DomainError, *, prefix_map: dict[str, str] | None = None) -> None:
    for item in exc.errors:
        if item.code.name == "NOT_FOUND" and item.field in {"id", "product", "variant"}:
            raise Http404
        name = (prefix_map or {}).get(item.field or "") or FIELDS.get(item.field or "",
                                                                     item.field)
        form.add_error(name if name in form.fields else None, item.message)


def _coop_id(request: HttpRequest) -> int:
    return request.coop.cooperative_id


def _edit_url(product_id: int, anchor: str = "") -> str:
    return reverse("coop_catalog:edit", args=[product_id]) + (f"#{anchor}" if anchor else "")


def _redirect(url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(url, status=303)


@cooperative_staff_required
def product_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "")[:100]
    published = request.GET.get("published", "")
    out_of_stock = request.GET.get("stock") == "out"
    missing = request.GET.get("missing") == "translation"
    products = selectors.coop_products(_coop_id(request), query=query,
                                       published=published if published in {"yes", "no"}
                                       else "", out_of_stock=out_of_stock,
                                       missing_translation=missing)
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    selectors.coop_products_page_prefetch(items, channel_get_default())
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "catalog/dashboard/product_list.html", {
        "page": page, "rows": selectors.product_rows(items), "query": query,
        "published": published, "out_of_stock": out_of_stock, "missing": missing,
        "querystring": params.urlencode(),
    })


@cooperative_staff_required
@require_http_methods(["GET", "POST"])
def product_create(request: HttpRequest) -> HttpResponse:
    form = CreateProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        channel = channel_get_default()
        try:
            with transaction.atomic():
                product = editing.product_create(
                    cooperative_id=_coop_id(request), name=data["name"],
                    category_id=data["category"].pk if data["category"] else None,
                    description=editorjs_from_text(data["description"]),
                    labels=[editing.LabelInput(label.pk, data["certificate"])
                            for label in data["labels"]],
                    channel_ids=[channel.pk] if channel else [])
                if data["variant_name"] or data["sku"] or data["price"]:
                    variants.variant_create(
                        cooperative_id=_coop_id(request), product_id=product.pk,
                        name=data["variant_name"], sku=data["sku"],
                        weight_grams=data["weight_grams"] or 0,
                        quantity=data["quantity"] or 0,
                        prices=[variants.ChannelPriceInput(channel.pk, data["price"])]
                        if channel and data["price"] else [])
        except DomainError as exc:
            _errors_to_form(form, exc, prefix_map={"name": "name", "labels": "certificate"})
        else:
            messages.success(request, _("The product is created. Add photos and sizes, "
                                        "then publish it."))
            return _redirect(_edit_url(product.pk))
    return render(request, "catalog/dashboard/product_create.html", {"form": form})


def _translation_forms(product, posted_language: str | None = None, data=None) -> list:
    existing = {t.language_code: t for t in product.translations.all()}
    result = []
    for language in TRANSLATED_LANGUAGES:
        translation = existing.get(language)
        initial = {"name": translation.name, "seo_title": translation.seo_title,
                   "seo_description": translation.seo_description,
                   "description": editorjs_plaintext(translation.description)} \
            if translation else {}
        bound = data if language == posted_language else None
        form = TranslationForm(bound, initial=initial, prefix=language)
        result.append((language, form, translation is None or not translation.name))
    return result


def _edit_page(request: HttpRequest, product, *, form=None, variant_form=None,
               translation_forms=None, status: int = 200) -> HttpResponse:
    channel = channel_get_default()
    labels = {pl.label_id: pl for pl in product.product_labels.all()}
    form = form or ProductForm(initial={
        "name": product.name, "category": product.category_id,
        "description": editorjs_plaintext(product.description),
        "labels": list(labels), "certificate": next(
            (pl.certificate_reference for pl in labels.values()), "")})
    listed = {listing.channel_id: listing for listing in product.channel_listings.all()}
    channels = [(c, listed.get(c.pk)) for c in Channel.objects.filter(is_active=True)]
    variant_rows = []
    for variant in product.variants.all():
        price = next((vl.price_amount for vl in variant.channel_listings.all()
                      if channel and vl.channel_id == channel.pk), None)
        variant_rows.append((variant, price, list(variant.lots.all())))
    return render(request, "catalog/dashboard/product_edit.html", {
        "product": product, "form": form, "channels": channels, "channel": channel,
        "variant_form": variant_form or VariantForm(prefix="new"),
        "variant_rows": variant_rows,
        "translation_forms": translation_forms or _translation_forms(product),
        "missing": selectors.missing_languages(product),
        "photos": list(product.media.all()),
        "max_photos": media.MAX_MEDIA_PER_PRODUCT,
    }, status=status)


@cooperative_staff_required
@require_http_methods(["GET", "POST"])
def product_edit(request: HttpRequest, product_id: int) -> HttpResponse:
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    if request.method != "POST":
        return _edit_page(request, product)
    form = ProductForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            editing.product_update(
                cooperative_id=_coop_id(request), product_id=product.pk, name=data["name"],
                category_id=data["category"].pk if data["category"] else None,
                description=editorjs_from_text(data["description"]),
                labels=[editing.LabelInput(label.pk, data["certificate"])
                        for label in data["labels"]])
        except DomainError as exc:
            _errors_to_form(form, exc, prefix_map={"labels": "certificate"})
        else:
            messages.success(request, _("Saved."))
            return _redirect(_edit_url(product.pk))
    return _edit_page(request, product, form=form, status=400)


@cooperative_staff_required
@require_POST
def product_translate(request: HttpRequest, product_id: int, language: str) -> HttpResponse:
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    if language not in TRANSLATED_LANGUAGES:
        raise Http404
    forms_ = _translation_forms(product, language, request.POST)
    form = next(f for lang, f, _missing in forms_ if lang == language)
    if form.is_valid():
        data = form.cleaned_data
        try:
            translations.product_translation_set(
                cooperative_id=_coop_id(request), product_id=product.pk,
                language_code=language, name=data["name"],
                description=editorjs_from_text(data["description"]),
                seo_title=data["seo_title"], seo_description=data["seo_description"])
        except DomainError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Translation saved."))
            return _redirect(_edit_url(product.pk, f"tr-{language}"))
    return _edit_page(request, product, translation_forms=forms_, status=400)


@cooperative_staff_required
@require_POST
def product_publish(request: HttpRequest, product_id: int) -> HttpResponse:
    """Publish or unpublish in one channel, or add/remove the channel (buttons)."""
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    action = request.POST.get("action", "")
    channel_id = request.POST.get("channel", "")
    try:
        if action == "remove":
            listings.product_channel_listing_update(
                cooperative_id=_coop_id(request), product_id=product.pk,
                remove_channels=[channel_id])
        elif action in {"publish", "unpublish", "add"}:
            entry = listings.ChannelListingInput(
                channel_id=channel_id,
                is_published=listings.UNSET if action == "add" else action == "publish")
            listings.product_channel_listing_update(
                cooperative_id=_coop_id(request), product_id=product.pk,
                update_channels=[entry])
        else:
            raise Http404
    except DomainError as exc:
        for item in exc.errors:
            messages.error(request, item.message)
    else:
        messages.success(request, {"publish": _("Published."), "unpublish": _("Unpublished."),
                                   }.get(action, _("Saved.")))
    return _redirect(_edit_url(product.pk, "channels"))


@cooperative_staff_required
@require_POST
def product_delete(request: HttpRequest, product_id: int) -> HttpResponse:
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    editing.product_delete(cooperative_id=_coop_id(request), product_id=product.pk)
    messages.success(request, _("The product is deleted."))
    return _redirect(reverse("coop_catalog:products"))


def _variant_values(data: dict, channel) -> dict:
    values = {"name": data["name"], "sku": data["sku"],
              "weight_grams": data["weight_grams"] or 0,
              "low_stock_threshold": data["low_stock_threshold"] or 0,
              "quantity": data["quantity"] or 0}
    if channel is not None:
        values["prices"] = [variants.ChannelPriceInput(channel.pk, data["price"])]
    return values


@cooperative_staff_required
@require_POST
def variant_add(request: HttpRequest, product_id: int) -> HttpResponse:
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    form = VariantForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            variants.variant_create(cooperative_id=_coop_id(request), product_id=product.pk,
                                    **_variant_values(form.cleaned_data, channel_get_default()))
        except DomainError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Size added."))
            return _redirect(_edit_url(product.pk, "variants"))
    return _edit_page(request, product, variant_form=form, status=400)


@cooperative_staff_required
@require_http_methods(["GET", "POST"])
def variant_edit(request: HttpRequest, variant_id: int) -> HttpResponse:
    variant = selectors.coop_variant(_coop_id(request), variant_id)
    channel = channel_get_default()
    price = next((vl.price_amount for vl in variant.channel_listings.all()
                  if channel and vl.channel_id == channel.pk), None)
    stock_row = getattr(variant, "stock", None)
    form = VariantForm(request.POST or None, initial={
        "name": variant.name, "sku": variant.sku, "weight_grams": variant.weight_grams,
        "price": price, "quantity": stock_row.quantity if stock_row else 0,
        "low_stock_threshold": variant.low_stock_threshold})
    has_lots = bool(list(variant.lots.all()))
    if has_lots:
        form.fields["quantity"].disabled = True
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = _variant_values(form.cleaned_data, channel)
            if has_lots:
                values.pop("quantity")
            try:
                variants.variant_update(cooperative_id=_coop_id(request),
                                        variant_id=variant.pk, **values)
            except DomainError as exc:
                _errors_to_form(form, exc)
            else:
                messages.success(request, _("Saved."))
                return _redirect(reverse("coop_catalog:variant", args=[variant.pk]))
        status = 400
    return render(request, "catalog/dashboard/variant_edit.html", {
        "variant": variant, "form": form, "lots": list(variant.lots.all()),
        "lot_form": LotForm(prefix="lot"), "has_lots": has_lots,
        "stock": stock_row}, status=status)


@cooperative_staff_required
@require_POST
def variant_delete(request: HttpRequest, variant_id: int) -> HttpResponse:
    variant = selectors.coop_variant(_coop_id(request), variant_id)
    variants.variant_delete(cooperative_id=_coop_id(request), variant_id=variant.pk)
    messages.success(request, _("Size deleted."))
    return _redirect(_edit_url(variant.product_id, "variants"))


@cooperative_staff_required
@require_POST
def lot_add(request: HttpRequest, variant_id: int) -> HttpResponse:
    variant = selectors.coop_variant(_coop_id(request), variant_id)
    form = LotForm(request.POST, prefix="lot")
    if form.is_valid():
        try:
            lots.lot_create(cooperative_id=_coop_id(request), variant_id=variant.pk,
                            **form.cleaned_data)
        except DomainError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Lot added: the stock is now the sum of the lots."))
            return _redirect(reverse("coop_catalog:variant", args=[variant.pk]))
    for field, errors in form.errors.items():
        for message in errors:
            messages.error(request, f"{form.fields[field].label}: {message}"
                           if field in form.fields else message)
    return _redirect(reverse("coop_catalog:variant", args=[variant.pk]) + "#lots")


@cooperative_staff_required
@require_POST
def lot_delete(request: HttpRequest, lot_id: int) -> HttpResponse:
    lot = (StockLot.objects.filter(pk=lot_id,
                                   variant__product__cooperative_id=_coop_id(request))
           .first())
    if lot is None:
        raise Http404
    try:
        lots.lot_delete(cooperative_id=_coop_id(request), lot_id=lot.pk)
    except DomainError as exc:
        for item in exc.errors:
            messages.error(request, item.message)
    else:
        messages.success(request, _("Lot removed."))
    return _redirect(reverse("coop_catalog:variant", args=[lot.variant_id]) + "#lots")


@cooperative_staff_required
@require_POST
def media_upload(request: HttpRequest, product_id: int) -> HttpResponse:
    """Several photos at once; each is checked on its own and refused with its reason."""
    product = selectors.coop_product_detail(_coop_id(request), product_id)
    files = request.FILES.getlist("images")
    if not files:
        messages.error(request, _("Choose a photo."))
    added = 0
    for upload in files[:media.MAX_MEDIA_PER_PRODUCT]:
        try:
            media.media_add(cooperative_id=_coop_id(request), product_id=product.pk,
                            image=upload, alt=request.POST.get("alt", "")[:250])
        except DomainError as exc:
            for item in exc.errors:
                messages.error(request, f"{upload.name[:80]}: {item.message}")
        else:
            added += 1
    if added:
        messages.success(request, _("%(count)d photo(s) added.") % {"count": added})
    return _redirect(_edit_url(product.pk, "photos"))


def _own_media(request: HttpRequest, media_id: int):
    from ..models import ProductMedia

    found = ProductMedia.objects.filter(
        pk=media_id, product__cooperative_id=_coop_id(request)).first()
    if found is None:
        raise Http404
    return found


@cooperative_staff_required
@require_POST
def media_move(request: HttpRequest, media_id: int, direction: str) -> HttpResponse:
    photo = _own_media(request, media_id)
    if direction not in {"up", "down"}:
        raise Http404
    media.media_move(cooperative_id=_coop_id(request), media_id=photo.pk,
                     offset=-1 if direction == "up" else 1)
    return _redirect(_edit_url(photo.product_id, "photos"))


@cooperative_staff_required
@require_POST
def media_alt(request: HttpRequest, media_id: int) -> HttpResponse:
    photo = _own_media(request, media_id)
    form = AltForm(request.POST)
    if form.is_valid():
        try:
            media.media_set_alt(cooperative_id=_coop_id(request), media_id=photo.pk,
                                alt=form.cleaned_data["alt"])
        except DomainError as exc:
            for item in exc.errors:
                messages.error(request, item.message)
        else:
            messages.success(request, _("Saved."))
    else:
        messages.error(request, _("The description of the photo is too long."))
    return _redirect(_edit_url(photo.product_id, "photos"))


@cooperative_staff_required
@require_POST
def media_remove(request: HttpRequest, media_id: int) -> HttpResponse:
    photo = _own_media(request, media_id)
    media.media_delete(cooperative_id=_coop_id(request), media_id=photo.pk)
    messages.success(request, _("Photo removed."))
    return _redirect(_edit_url(photo.product_id, "photos"))


@cooperative_staff_required
@require_http_methods(["GET", "POST"])
def bulk_stock(request: HttpRequest) -> HttpResponse:
    """Every size of the cooperative on one page: stock and price, saved all or nothing."""
    channel = channel_get_default()
    rows = selectors.coop_variants_for_bulk(_coop_id(request), channel)
    errors: dict[str, list[str]] = {}
    posted: dict[str, dict[str, str]] = {}
    if request.method == "POST":
        updates = []
        for variant in rows:
            quantity = request.POST.get(f"q-{variant.pk}")
            price = request.POST.get(f"p-{variant.pk}")
            posted[str(variant.pk)] = {"q": quantity or "", "p": price or ""}
            row = stock.BulkRow(
                variant_id=variant.pk,
                quantity=stock.UNSET if quantity is None or list(variant.lots.all())
                else quantity,
                price=price if price else stock.UNSET)
            if row.quantity is not stock.UNSET or row.price is not stock.UNSET:
                updates.append(row)
        if channel is None:
            raise Http404
        try:
            stock.variants_bulk_update_stock_and_prices(
                cooperative_id=_coop_id(request), channel_id=channel.pk, rows=updates)
        except DomainError as exc:
            for item in exc.errors:
                for variant_id in item.variants or ("",):
                    errors.setdefault(variant_id, []).append(item.message)
            messages.error(request, _("Nothing was saved: correct the rows marked in red."))
        else:
            messages.success(request, _("Stock and prices saved."))
            return _redirect(reverse("coop_catalog:stock"))
    table = []
    for variant in rows:
        price = next((vl.price_amount for vl in variant.channel_listings.all()), None)
        current = posted.get(str(variant.pk), {})
        stock_row = getattr(variant, "stock", None)
        table.append({"variant": variant, "lots": bool(list(variant.lots.all())),
                      "quantity": current.get("q", stock_row.quantity if stock_row else 0),
                      "allocated": stock_row.quantity_allocated if stock_row else 0,
                      "price": current.get("p", price if price is not None else ""),
                      "errors": errors.get(str(variant.pk), [])})
    return render(request, "catalog/dashboard/bulk_stock.html",
                  {"table": table, "channel": channel},
                  status=400 if errors else 200)
