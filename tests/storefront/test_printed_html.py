"""HTML printed by Python for speed is the HTML Django's templates print: the city select, the
product cards (with promotions, several prices, no stock, labels, no photo)."""
from __future__ import annotations

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from catalog.models import ProductMedia, Stock
from storefront.checkout_forms import PrintedSelect
from tests.factories.discounts import make_promotion
from tests.storefront.helpers import card_slugs

CHOICES = [
    ("", "Choisissez…"),
    ("Souss-Massa", [("taliouine", "Taliouine"), ("agadir", "Agadir & <Inezgane>")]),
    ("Drâa \"Tafilalet\"", [("errachidia", "Errachidia")]),
    ("casablanca", "Casablanca"),
]


@pytest.mark.parametrize("value", ["", "agadir", "casablanca", None, "nope"])
@pytest.mark.parametrize("attrs", [
    None,
    {"autocomplete": "address-level2", "required": True, "aria-invalid": "true"},
    {"disabled": False, "data-x": 'a "quote" & <tag>', "id": "id_city"},
])
def test_the_printed_select_is_djangos_select(value, attrs):
    printed = PrintedSelect(choices=CHOICES).render("city", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("city", value, attrs=attrs)

    assert printed == django


def test_the_city_picker_of_a_bound_form_with_an_error_is_djangos(db):
    from storefront.checkout_forms import CityForm
    from storefront.selectors import cities_by_region

    for data in ({"city": "nope"}, {"city": "taliouine"}):
        form = CityForm(data, regions=cities_by_region())
        form.is_valid()
        printed = str(form["city"])
        field = form.fields["city"]
        field.widget = forms.Select(choices=field.choices, attrs=field.widget.attrs)

        assert printed == str(form["city"])
        assert "<optgroup" in printed


_CARD = re.compile(r'<article class="card">.*?</article>', re.S)

# The card as its template printed it before the cards were computed in Python.
OLD_CARD = Template(
    '{% load i18n shop promotions %}<article class="card">\n'
    '  {% with photo=product|images|first name=product|tr:"name" %}{% if photo %}'
    '{% picture photo alt=name sizes="(min-width: 60em) 17rem, (min-width: 40em) 30vw, 46vw" '
    'css_class="card-img" %}{% else %}<span class="card-img ph" aria-hidden="true">'
    '{{ name|first }}</span>{% endif %}\n'
    '  <div class="card-body">\n'
    '    <h3><a class="card-link" href="{% url \'storefront:product\' product.slug %}">'
    '{{ name }}</a></h3>{% endwith %}\n'
    '    <p class="muted">{{ product.cooperative|tr:"name" }} · '
    '{{ product.cooperative.region|tr:"name" }}</p>\n'
    '    {% promo_price product as promo %}{% if promo.on_sale %}<p class="price price-sale">'
    '{% if promo.several %}{% translate "from" %} {% endif %}'
    '<del>{{ promo.undiscounted|money:currency }}</del> <ins>{{ promo.price|money:currency }}'
    '</ins></p>{% else %}\n'
    '    <p class="price">{% price_range product currency %}</p>{% endif %}\n'
    '    {% if not product|is_available %}<p class="stock stock-out">'
    '{% translate "Out of stock" %}</p>{% endif %}\n'
    '    {% if product.product_labels.all %}<p class="badges">'
    '{% for pl in product.product_labels.all %}<span class="badge badge-label">'
    '{{ pl.label|label_badge }}</span>{% endfor %}</p>{% endif %}\n'
    '  </div>\n'
    '</article>')


@pytest.mark.parametrize("prefix", ["", "/ar", "/en"])
def test_the_cards_are_the_cards_the_template_printed(client, rf, shop, prefix):
    from catalog.selectors import ProductFilters, channel_get_storefront, products_listing

    make_promotion(shop.channel, products=[shop.saffron], value="50")
    make_promotion(shop.channel, products=[shop.argan_oil], value="10", name="Argan")
    ProductMedia.objects.filter(product=shop.dates).delete()  # no photo: the initial
    Stock.objects.filter(variant__product=shop.dates).update(quantity=0)  # out of stock

    html = client.get(f"{prefix}/search/").content.decode()

    language = prefix.strip("/") or "fr"
    with translation.override(language):
        request = rf.get(f"{prefix}/search/")
        products = list(products_listing(channel=channel_get_storefront(),
                                         filters=ProductFilters(), language=language))
        expected = [OLD_CARD.render(Context({"product": p, "currency": "MAD",
                                             "request": request})) for p in products]
    assert card_slugs(html) == [p.slug for p in products]
    assert _CARD.findall(html) == expected
    assert "price-sale" in html and "stock-out" in html and "badge-label" in html
    assert 'class="card-img ph"' in html
