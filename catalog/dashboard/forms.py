"""Forms of the catalog pages: shape checks only; the services hold the rules."""
from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Category, Label


class ProductForm(forms.Form):
    name = forms.CharField(label=_("Name (French)"), max_length=250)
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none(),
                                      required=False, empty_label=_("— choose —"))
    description = forms.CharField(label=_("Description (French)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000)
    labels = forms.ModelMultipleChoiceField(label=_("Labels"), queryset=Label.objects.none(),
                                            required=False,
                                            widget=forms.CheckboxSelectMultiple)
    certificate = forms.CharField(label=_("Certificate reference of the labels"),
                                  max_length=64, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.order_by("tree_id", "lft")
        self.fields["labels"].queryset = Label.objects.all()


class VariantForm(forms.Form):
    name = forms.CharField(label=_("Size or weight"), max_length=255, required=False,
                           help_text=_("e.g. 250 ml, 1 g"))
    sku = forms.CharField(label=_("SKU (reference)"), max_length=255, required=False)
    weight_grams = forms.CharField(label=_("Shipping weight (grams)"), max_length=12,
                                   required=False, initial="0")
    price = forms.CharField(label=_("Price (MAD)"), max_length=20, required=False)
    quantity = forms.CharField(label=_("Stock"), max_length=12, required=False, initial="0")
    low_stock_threshold = forms.CharField(label=_("Alert below"), max_length=12,
                                          required=False, initial="5")


class CreateProductForm(ProductForm):
    """A new product and its first size in one page."""

    variant_name = forms.CharField(label=_("Size or weight"), max_length=255, required=False)
    sku = forms.CharField(label=_("SKU (reference)"), max_length=255, required=False)
    weight_grams = forms.CharField(label=_("Shipping weight (grams)"), max_length=12,
                                   required=False, initial="0")
    price = forms.CharField(label=_("Price (MAD)"), max_length=20, required=False)
    quantity = forms.CharField(label=_("Stock"), max_length=12, required=False, initial="0")


class TranslationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=250, required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000)
    seo_title = forms.CharField(label=_("Title for search engines"), max_length=70,
                                required=False)
    seo_description = forms.CharField(label=_("Summary for search engines"), max_length=300,
                                      required=False)


class LotForm(forms.Form):
    lot_number = forms.CharField(label=_("Lot number"), max_length=64)
    quantity = forms.CharField(label=_("Quantity"), max_length=12)
    produced_on = forms.CharField(label=_("Harvest or production date"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}), max_length=20)
    best_before = forms.CharField(label=_("Best before"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}), max_length=20)


class AltForm(forms.Form):
    alt = forms.CharField(label=_("Description of the photo"), max_length=250, required=False)
