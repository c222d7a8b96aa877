"""Forms of the delivery city, the cart and the checkout steps.

They only read the input: the rules (stock, quantities, addresses, phone numbers, delivery
options) are the services' and come back as ``DomainError``, shown next to the fields.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Address
from backend.accounts.services.addresses import AddressInput
from backend.payments.gateways import Gateway
from fulfillment.cart_quotes import QuoteGroup
from fulfillment.routing import DeliveryOption

from .selectors import CartPage, RegionCities

# Service field names (the API's) -> form field names.
ADDRESS_FIELDS = {
    "email": "email", "firstName": "first_name", "lastName": "last_name",
    "streetAddress1": "street_address_1", "streetAddress2": "street_address_2",
    "city": "city", "cityArea": "street_address_2", "postalCode": "postal_code",
    "countryArea": "city", "country": "city", "phone": "phone",
}
MAX_TEXT = 256


def city_choices(regions: Sequence[RegionCities]) -> list[tuple[str, Any]]:
    """Cities grouped by region (an ``<optgroup>`` each), names in the active language."""
    return [("", _("Choose your city…"))] + [
        (group.region.localized_name(), [(c.slug, c.localized_name()) for c in group.cities])
        for group in regions]


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """Django's ``attrs.html``: `` name="value"``, a bare name for True, nothing for False."""
    return SafeString("".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items() if value is not False))


class PrintedSelect(forms.Select):
    """Django's ``Select``, the same HTML printed by Python: the city picker has some sixty
    options, and its template rendered one included template per option (a quarter of a
    product page's render)."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            # select_option.html ends with a newline, kept by the include.
            parts.extend(format_html('\n  <option value="{}"{}>{}</option>\n', str(option["value"]),
                                     _attrs(option["attrs"]), option["label"])
                         for option in options)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return SafeString("".join(parts))


class CityField(forms.ChoiceField):
    """One select for the city: the region is read from it, never asked separately."""

    widget = PrintedSelect
    default_error_messages = {
        "required": _("Choose your city."),
        "invalid_choice": _("Choose a city from the list."),
    }

    def __init__(self, *, regions: Sequence[RegionCities] = (), **kwargs: Any) -> None:
        kwargs.setdefault("label", _("City"))
        super().__init__(choices=city_choices(regions), **kwargs)


class CityForm(forms.Form):
    """The product page's "deliver to" picker."""

    city = CityField()
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args: Any, regions: Sequence[RegionCities] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"] = CityField(regions=regions, label=_("Deliver to"))
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"


class AddToCartForm(forms.Form):
    variant = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), initial=1,
                                  error_messages={"invalid": _("Enter a whole number.")})

    def __init__(self, *args: Any, max_quantity: int = 50, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quantity"].widget.attrs.update(
            {"min": 1, "max": max(max_quantity, 1), "inputmode": "numeric", "class": "qty"})


def quantity_field_name(line_id: object) -> str:
    return f"quantity-{line_id}"


class CartForm(forms.Form):
    """One quantity per cart line; a quantity of 0 removes the line."""

    def __init__(self, *args: Any, page: CartPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        from backend.business.rules import max_line_quantity  # wholesale carts hold more

        limit = max_line_quantity(page.checkout.channel, 50)
        for info in page.lines:
            self.fields[quantity_field_name(info.line.pk)] = forms.IntegerField(
                label=_("Quantity"), initial=info.quantity, required=False,  # absent: unchanged
                error_messages={"invalid": _("Enter a whole number.")},
                widget=forms.NumberInput(attrs={"min": 0, "max": limit, "inputmode": "numeric",
                                                "class": "qty"}))

    def changed_quantities(self) -> dict[int, int]:
        """Variant id -> new quantity, for the lines whose quantity the shopper changed."""
        changed = {}
        for info in self.page.lines:
            quantity = self.cleaned_data.get(quantity_field_name(info.line.pk))
            if quantity is not None and quantity != info.quantity:
                changed[info.variant.pk] = quantity
        return changed

    def field_for_variant(self) -> dict[int, str]:
        return {info.variant.pk: quantity_field_name(info.line.pk) for info in self.page.lines}


class AddressForm(forms.Form):
    """A delivery address; the city select also gives the region."""

    first_name = forms.CharField(label=_("First name"), max_length=MAX_TEXT)
    last_name = forms.CharField(label=_("Last name"), max_length=MAX_TEXT)
    street_address_1 = forms.CharField(label=_("Street and number"), max_length=MAX_TEXT)
    street_address_2 = forms.CharField(label=_("Building, floor, landmark (optional)"),
                                       max_length=MAX_TEXT, required=False)
    city = CityField()
    postal_code = forms.CharField(label=_("Postal code (optional)"), max_length=20,
                                  required=False)
    phone = forms.CharField(
        label=_("Phone"), max_length=32,
        help_text=_("The delivery partner calls this number before coming."))

    autocomplete = {
        "first_name": "given-name", "last_name": "family-name",
        "street_address_1": "address-line1", "street_address_2": "address-line2",
        "city": "address-level2", "postal_code": "postal-code", "phone": "tel",
    }

    def __init__(self, *args: Any, regions: Sequence[RegionCities] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"] = CityField(regions=regions)
        for name, value in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "dir": "ltr",
                                                  "placeholder": "06 12 34 56 78"})
        self.fields["postal_code"].widget.attrs.update({"inputmode": "numeric", "dir": "ltr"})

    def to_input(self) -> AddressInput:
        data = self.cleaned_data
        return AddressInput(
            first_name=data["first_name"], last_name=data["last_name"],
            street_address_1=data["street_address_1"],
            street_address_2=data.get("street_address_2", ""), city=data["city"],
            postal_code=data.get("postal_code", ""), country="MA", phone=data["phone"])

    @staticmethod
    def initial_from(address: Address | None) -> dict[str, str]:
        """The form's values for a stored address (its city by slug)."""
        if address is None:
            return {}
        return {
            "first_name": address.first_name, "last_name": address.last_name,
            "street_address_1": address.street_address_1,
            "street_address_2": address.street_address_2,
            "city": address.city_ref.slug if address.city_ref_id else "",
            "postal_code": address.postal_code, "phone": address.phone,
        }


class CheckoutAddressForm(AddressForm):
    """Contact e-mail, then the delivery address."""

    email = forms.CharField(label=_("E-mail"), max_length=MAX_TEXT,
                            help_text=_("For the order confirmation and delivery updates."),
                            widget=forms.EmailInput(attrs={"autocomplete": "email",
                                                           "dir": "ltr"}))
    field_order = ["email", "first_name", "last_name", "city", "street_address_1",
                   "street_address_2", "postal_code", "phone"]


def delivery_field_name(cooperative_id: int) -> str:
    return f"delivery-{cooperative_id}"


@dataclass(frozen=True)
class ParcelChoice:
    """A cooperative's parcel on the delivery step: its quote, its field and its options."""

    group: QuoteGroup
    field: forms.BoundField | None
    options: list[tuple[str, DeliveryOption]]


class DeliveryPaymentForm(forms.Form):
    """One delivery option per cooperative's parcel, then the payment method."""

    def __init__(self, *args: Any, groups: Sequence[QuoteGroup], gateways: Sequence[Gateway],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        for group in self.groups:
            if not group.quote.options:
                continue  # nothing to choose: ``clean`` refuses the step
            self.fields[delivery_field_name(group.cooperative.pk)] = forms.ChoiceField(
                choices=[(group.option_id(o), group.option_id(o)) for o in group.quote.options],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a delivery for this parcel."),
                                "invalid_choice": _("Choose one of the deliveries offered.")})
        self.fields["payment"] = forms.ChoiceField(
            choices=[(g.id, g.name) for g in gateways], widget=forms.RadioSelect,
            error_messages={"required": _("Choose a payment method."),
                            "invalid_choice": _("Choose one of the payment methods offered.")})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if any(not group.quote.options for group in self.groups):
            raise forms.ValidationError(
                _("A parcel cannot be delivered to this city: remove its products from the cart "
                  "or choose another address."), code="delivery_method_not_applicable")
        return cleaned

    def parcels(self) -> list[ParcelChoice]:
        """What the template draws for each parcel."""
        return [ParcelChoice(
            group=group,
            field=(self[delivery_field_name(group.cooperative.pk)] if group.quote.options
                   else None),
            options=[(group.option_id(option), option) for option in group.quote.options])
            for group in self.groups]

    def chosen_options(self) -> list[tuple[int, str]]:
        """(cooperative id, option id) of every parcel."""
        return [(group.cooperative.pk,
                 self.cleaned_data[delivery_field_name(group.cooperative.pk)])
                for group in self.groups]
