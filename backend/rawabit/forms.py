"""Forms of the Rawabit pages: they parse input; the services hold the rules."""
from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, ProductVariant
from fulfillment.models import Region

from .models import OpportunityKind, OpportunityReply, OpportunityStatus, QuantityUnit

MAX_QUANTITY = Decimal("999999999")


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Region) -> str:
        return obj.localized_name()


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("Offers and requests")), *OpportunityKind.choices])
    region = RegionChoiceField(label=_("Region"), required=False,
                               queryset=Region.objects.order_by("code"),
                               empty_label=_("All regions"))
    category = forms.ModelChoiceField(label=_("Category"), required=False,
                                      queryset=Category.objects.order_by("tree_id", "lft"),
                                      empty_label=_("All categories"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[(OpportunityStatus.OPEN, _("Open")),
                                        ("", _("All")), (OpportunityStatus.DEAL, _("Deal")),
                                        (OpportunityStatus.CLOSED, _("Closed"))])


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("I post"), choices=OpportunityKind.choices,
                             widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_(
        "e.g. “500 L of argan oil for export in March”, “shared transport to Casablanca on "
        "Thursdays”, “a joint order of glass jars”."))
    category = forms.ModelChoiceField(label=_("Product category"), required=False,
                                      queryset=Category.objects.order_by("tree_id", "lft"),
                                      empty_label=_("No category"))
    product_text = forms.CharField(label=_("Product or service"), max_length=200,
                                   required=False)
    quantity = forms.DecimalField(label=_("Quantity"), required=False, min_value=0,
                                  max_value=MAX_QUANTITY, max_digits=12, decimal_places=3)
    unit = forms.ChoiceField(label=_("Unit"), choices=QuantityUnit.choices,
                             initial=QuantityUnit.UNIT)
    period_from = forms.DateField(label=_("From"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}))
    period_to = forms.DateField(label=_("To"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    region = RegionChoiceField(label=_("Region"), required=False,
                               queryset=Region.objects.order_by("code"),
                               empty_label=_("Whole country"))
    description = forms.CharField(label=_("Details"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 5}))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class VariantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ProductVariant) -> str:
        return f"{obj.product.name} — {obj.name or obj.sku} ({obj.product.cooperative.name})"


class DealForm(forms.Form):
    reply = forms.ModelChoiceField(label=_("With"), queryset=OpportunityReply.objects.none())
    quantity = forms.DecimalField(label=_("Quantity"), min_value=Decimal("0.001"),
                                  max_value=MAX_QUANTITY, max_digits=12, decimal_places=3)
    unit_price = forms.DecimalField(label=_("Agreed unit price (MAD)"), min_value=0,
                                    max_value=MAX_QUANTITY, max_digits=12, decimal_places=2)
    variant = VariantChoiceField(label=_("Product of the selling cooperative (for a pro order)"),
                                 required=False, queryset=ProductVariant.objects.none(),
                                 empty_label=_("None"))
    variant_quantity = forms.IntegerField(label=_("Number of items"), required=False,
                                          min_value=1, max_value=1_000_000)
    note = forms.CharField(label=_("Note"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, opportunity, replies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reply"].queryset = OpportunityReply.objects.filter(
            opportunity=opportunity).select_related("replier__business_account",
                                                    "replier_cooperative")
        self.fields["reply"].label_from_instance = reply_label
        if opportunity.kind == OpportunityKind.OFFER:
            sellers = [opportunity.cooperative_id] if opportunity.cooperative_id else []
        else:
            sellers = [r.replier_cooperative_id for r in replies if r.replier_cooperative_id]
        self.fields["variant"].queryset = (ProductVariant.objects
                                           .filter(product__cooperative_id__in=sellers)
                                           .select_related("product__cooperative")
                                           .order_by("product__name", "sort_order"))


def reply_label(reply: OpportunityReply) -> str:
    return reply.replier_name
