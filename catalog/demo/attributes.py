"""Demo terroir attributes: process, origin, harvest year, packaging, format, volume, weight.

Each demo product gets the values its template calls for (``PRODUCT_FACTS``), its origin from
its cooperative's commune and region, and each variant its format (its name: "250 ml", "Lot de
3", "Ø 24 cm") and, when the name is one, its volume or weight. The format is the one
variant-selection attribute of every type, because every variant has one: a type mixing oils
(by volume) and saffron (by weight), or soaps sold as "100 g" and "Lot de 3", would otherwise
ask Saleor's storefront for a choice some variants cannot make. Volume and weight stay as
variant facts (not selection). Idempotent: rows are keyed on slugs, and values of a product or
variant are replaced, not added; re-seeding an older demo converges (selection flags updated,
stale variant values removed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
    AttributeVariant,
    Product,
    ProductType,
)
from catalog.models.attributes import AttributeInputType

from .cooperatives import COOPERATIVES
from .text import Tr

FOOD, CARE, CRAFT = "alimentaire", "cosmetique", "artisanat"
HARVEST_YEAR = 2025


@dataclass(frozen=True)
class AttributeSpec:
    slug: str
    name: Tr
    input_type: str
    product_types: tuple[str, ...] = ()  # product attribute of these types
    variant_types: tuple[str, ...] = ()  # variant attribute of these types
    selection: bool = False  # the variant attribute a shopper chooses by
    unit: str = ""
    values: tuple[tuple[str, Tr], ...] = ()


PROCESSES = (
    ("pressee-a-froid", Tr("Pressée à froid", "معصورة على البارد", "Cold-pressed")),
    ("torrefiee", Tr("Amandons torréfiés puis pressés", "لوز محمص ثم معصور",
                     "Roasted, then pressed")),
    ("brut", Tr("Brut, non chauffé", "خام غير مسخّن", "Raw, unheated")),
    ("moulu-a-la-meule", Tr("Moulu à la meule de pierre", "مطحون بالرحى الحجرية",
                            "Stone-ground")),
    ("roule-a-la-main", Tr("Roulé à la main", "مفتول باليد", "Hand-rolled")),
    ("seche-au-soleil", Tr("Séché au soleil", "مجفف تحت الشمس", "Sun-dried")),
    ("cueilli-a-la-main", Tr("Cueilli et trié à la main", "مقطوف ومنتقى باليد",
                             "Hand-picked and sorted")),
    ("distille", Tr("Distillé à la vapeur", "مقطّر بالبخار", "Steam-distilled")),
    ("saponifie-a-froid", Tr("Saponifié à froid", "مصبّن على البارد", "Cold-process soap")),
    ("cuit-au-chaudron", Tr("Cuit lentement au chaudron", "مطبوخ ببطء في القدر",
                            "Slow-cooked in a kettle")),
    ("prepare-a-la-main", Tr("Préparé à la main", "محضّر يدويًا", "Handmade")),
    ("affine", Tr("Affiné en cave", "معتّق في القبو", "Cave-aged")),
    ("tisse-a-la-main", Tr("Tissé à la main", "منسوج يدويًا", "Hand-woven")),
    ("tourne-emaille", Tr("Tourné et émaillé à la main", "مشكّل ومزجّج يدويًا",
                          "Hand-thrown and glazed")),
    ("tanne-vegetal", Tr("Tanné aux végétaux", "مدبوغ نباتيًا", "Vegetable-tanned")),
    ("marais-salants", Tr("Récolté dans les marais salants", "مستخرج من الملاحات",
                          "Harvested from salt pans")),
)

PACKAGINGS = (
    ("bouteille-verre", Tr("Bouteille en verre teinté", "قارورة زجاج ملوّن",
                           "Tinted glass bottle")),
    ("bocal-verre", Tr("Bocal en verre", "برطمان زجاجي", "Glass jar")),
    ("boite-metal", Tr("Boîte en métal", "علبة معدنية", "Tin")),
    ("sachet-kraft", Tr("Sachet kraft refermable", "كيس ورق كرافت قابل للإغلاق",
                        "Resealable kraft bag")),
    ("boite-carton", Tr("Boîte en carton recyclé", "علبة كرتون معاد تدويره",
                        "Recycled cardboard box")),
    ("papier-kraft", Tr("Papier kraft", "ورق كرافت", "Kraft paper wrap")),
    ("sac-toile", Tr("Sac en toile de coton", "كيس من قماش القطن", "Cotton bag")),
    ("calage-protege", Tr("Calage protégé, sans plastique", "تغليف واقٍ بدون بلاستيك",
                          "Protective, plastic-free padding")),
)

ATTRIBUTES = (
    AttributeSpec("process", Tr("Procédé", "طريقة التحضير", "Process"),
                  AttributeInputType.DROPDOWN, product_types=(FOOD, CARE, CRAFT),
                  values=PROCESSES),
    AttributeSpec("origin", Tr("Origine", "المنشأ", "Origin"), AttributeInputType.PLAIN_TEXT,
                  product_types=(FOOD, CARE, CRAFT)),
    AttributeSpec("harvest-year", Tr("Année de récolte", "سنة الجني", "Harvest year"),
                  AttributeInputType.NUMERIC, product_types=(FOOD, CARE)),
    AttributeSpec("packaging", Tr("Conditionnement", "التعبئة", "Packaging"),
                  AttributeInputType.DROPDOWN, product_types=(FOOD, CARE, CRAFT),
                  values=PACKAGINGS),
    AttributeSpec("format", Tr("Format", "الصيغة", "Size"), AttributeInputType.DROPDOWN,
                  variant_types=(FOOD, CARE, CRAFT), selection=True),
    AttributeSpec("volume", Tr("Volume", "الحجم", "Volume"), AttributeInputType.DROPDOWN,
                  variant_types=(FOOD, CARE), unit="l"),
    AttributeSpec("weight", Tr("Poids net", "الوزن الصافي", "Net weight"),
                  AttributeInputType.DROPDOWN, variant_types=(FOOD, CARE, CRAFT), unit="g"),
)

# Template key prefix -> (process, packaging): the first matching prefix wins.
PRODUCT_FACTS: tuple[tuple[str, str, str], ...] = (
    ("huile-argan-alimentaire", "torrefiee", "bouteille-verre"),
    ("huile-essentielle", "distille", "bouteille-verre"),
    ("huile-olive", "pressee-a-froid", "bouteille-verre"),
    ("huile-", "pressee-a-froid", "bouteille-verre"),
    ("eau-de-rose", "distille", "bouteille-verre"),
    ("boutons-rose", "seche-au-soleil", "sachet-kraft"),
    ("savon-noir", "cuit-au-chaudron", "bocal-verre"),
    ("savon-", "saponifie-a-froid", "papier-kraft"),
    ("creme-", "prepare-a-la-main", "bocal-verre"),
    ("rhassoul-", "seche-au-soleil", "sachet-kraft"),
    ("gant-kessa", "tisse-a-la-main", "papier-kraft"),
    ("henne", "moulu-a-la-meule", "sachet-kraft"),
    ("tajine", "tourne-emaille", "calage-protege"),
    ("plat-", "tourne-emaille", "calage-protege"),
    ("bol", "tourne-emaille", "calage-protege"),
    ("assiette", "tourne-emaille", "calage-protege"),
    ("jarre", "tourne-emaille", "calage-protege"),
    ("tapis", "tisse-a-la-main", "sac-toile"),
    ("kilim", "tisse-a-la-main", "sac-toile"),
    ("coussin", "tisse-a-la-main", "sac-toile"),
    ("pouf", "tanne-vegetal", "sac-toile"),
    ("sac-cuir", "tanne-vegetal", "sac-toile"),
    ("babouches", "tanne-vegetal", "sac-toile"),
    ("safran", "cueilli-a-la-main", "bocal-verre"),
    ("infusion", "seche-au-soleil", "boite-metal"),
    ("ras-el-hanout", "moulu-a-la-meule", "boite-metal"),
    ("origan", "seche-au-soleil", "sachet-kraft"),
    ("verveine", "seche-au-soleil", "sachet-kraft"),
    ("menthe", "seche-au-soleil", "sachet-kraft"),
    ("armoise", "seche-au-soleil", "sachet-kraft"),
    ("miel", "brut", "bocal-verre"),
    ("pollen", "brut", "bocal-verre"),
    ("pate-dattes", "moulu-a-la-meule", "bocal-verre"),
    ("sirop-dattes", "cuit-au-chaudron", "bouteille-verre"),
    ("dattes", "cueilli-a-la-main", "boite-carton"),
    ("amandes-grillees", "torrefiee", "sachet-kraft"),
    ("amandes", "cueilli-a-la-main", "sachet-kraft"),
    ("clementines", "cueilli-a-la-main", "boite-carton"),
    ("figues-sechees", "seche-au-soleil", "sachet-kraft"),
    ("cerises-sechees", "seche-au-soleil", "sachet-kraft"),
    ("tomates-sechees", "seche-au-soleil", "bocal-verre"),
    ("amlou", "moulu-a-la-meule", "bocal-verre"),
    ("confiture", "cuit-au-chaudron", "bocal-verre"),
    ("marmelade", "cuit-au-chaudron", "bocal-verre"),
    ("ecorces", "cuit-au-chaudron", "bocal-verre"),
    ("couscous", "roule-a-la-main", "sachet-kraft"),
    ("berkoukech", "roule-a-la-main", "sachet-kraft"),
    ("fromage-chevre-frais", "prepare-a-la-main", "bocal-verre"),
    ("fromage-", "affine", "papier-kraft"),
    ("lait-chamelle", "prepare-a-la-main", "boite-metal"),
    ("sel", "marais-salants", "sachet-kraft"),
    ("fleur-de-sel", "marais-salants", "bocal-verre"),
    ("courbine", "seche-au-soleil", "sachet-kraft"),
    ("algues", "seche-au-soleil", "sachet-kraft"),
    ("tomates-cerises", "cuit-au-chaudron", "bocal-verre"),
    ("sauce-tomate", "cuit-au-chaudron", "bocal-verre"),
    ("olives", "cueilli-a-la-main", "bocal-verre"),
)

VOLUME = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(ml|l)$", re.IGNORECASE)
WEIGHT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(g|kg)$", re.IGNORECASE)


def facts_for(template_key: str) -> tuple[str, str] | None:
    for prefix, process, packaging in PRODUCT_FACTS:
        if template_key.startswith(prefix):
            return process, packaging
    return None


def template_keys() -> dict[str, str]:
    """Demo product slug -> its template key (slugs are ``<key>-<cooperative code>``)."""
    return {f"{key}-{spec.code.lower()}": key for spec in COOPERATIVES for key in spec.products}


def variant_names() -> dict[str, Tr]:
    """A demo variant's French name -> its name in fr/ar/en (the format values)."""
    from .catalog import TEMPLATES

    return {v.name.fr: v.name for spec in TEMPLATES.values() for v in spec.variants}


def _slug(label: Tr) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.en.lower()).strip("-")[:250] or "x"


def _attribute_upsert(spec: AttributeSpec, types: dict[str, ProductType]) -> Attribute:
    attribute, _ = Attribute.objects.update_or_create(
        slug=spec.slug, defaults={"name": spec.name.fr, "input_type": spec.input_type,
                                  "unit": spec.unit, "visible_in_storefront": True,
                                  "filterable_in_storefront": spec.input_type
                                  == AttributeInputType.DROPDOWN})
    for language in ("ar", "en"):
        AttributeTranslation.objects.update_or_create(
            attribute=attribute, language_code=language,
            defaults={"name": spec.name.get(language)})
    for index, (slug, name) in enumerate(spec.values):
        _choice_upsert(attribute, slug, name, index)
    position = ATTRIBUTES.index(spec)
    for slug in spec.product_types:
        AttributeProduct.objects.update_or_create(
            attribute=attribute, product_type=types[slug], defaults={"sort_order": position})
    for slug in spec.variant_types:
        AttributeVariant.objects.update_or_create(
            attribute=attribute, product_type=types[slug],
            defaults={"sort_order": position, "variant_selection": spec.selection})
    return attribute


def _choice_upsert(attribute: Attribute, slug: str, name: Tr, sort_order: int
                   ) -> AttributeValue:
    value, _ = AttributeValue.objects.update_or_create(
        attribute=attribute, slug=slug, defaults={"name": name.fr, "sort_order": sort_order})
    for language in ("ar", "en"):
        AttributeValueTranslation.objects.update_or_create(
            attribute_value=value, language_code=language,
            defaults={"name": name.get(language)})
    return value


def _own_value(attribute: Attribute, product: Product, **fields: object) -> AttributeValue:
    """A non-choice value belongs to one product (Saleor's slug ``<product>_<attribute>``)."""
    value, _ = AttributeValue.objects.update_or_create(
        attribute=attribute, slug=f"{product.pk}_{attribute.pk}", defaults=fields)
    return value


def _origin(product: Product) -> Tr:
    city = product.cooperative.city
    region = city.region
    of = "d'" if city.name[:1].lower() in "aâeéèêiîoôuy" else "de "
    return Tr(f"Commune {of}{city.name}, région {region.name}",
              f"جماعة {city.name_ar}، جهة {region.name_ar}",
              f"{city.name_en} commune, {region.name_en} region")


def _measure(variant_name: str) -> tuple[str, Tr] | None:
    """``("volume" | "weight", label)`` read from a variant name such as "250 ml" or "1 kg"."""
    name = variant_name.strip()
    for slug, pattern, arabic in (("volume", VOLUME, {"ml": "مل", "l": "ل"}),
                                  ("weight", WEIGHT, {"g": "غ", "kg": "كغ"})):
        match = pattern.match(name)
        if match:
            amount, unit = match.group(1), match.group(2).lower()
            shown = unit.upper() if unit == "l" else unit
            return slug, Tr(f"{amount} {shown}", f"{amount} {arabic[unit]}", f"{amount} {shown}")
    return None


@transaction.atomic
def seed_attributes() -> str:
    """Attributes, their values in fr/ar/en, and each demo product's values."""
    types = {t.slug: t for t in ProductType.objects.filter(slug__in=(FOOD, CARE, CRAFT))}
    attributes = {spec.slug: _attribute_upsert(spec, types) for spec in ATTRIBUTES
                  if all(s in types for s in (*spec.product_types, *spec.variant_types))}
    if len(attributes) < len(ATTRIBUTES):
        return "skipped (the demo product types are missing)"
    keys = template_keys()
    names = variant_names()
    choices = {(v.attribute_id, v.slug): v for v in AttributeValue.objects.filter(
        attribute__in=[attributes["process"], attributes["packaging"]])}
    products = (Product.objects.filter(slug__in=keys).select_related(
        "cooperative__city__region", "product_type").prefetch_related("variants"))
    assigned = measured = 0
    for product in products:
        facts = facts_for(keys[product.slug])
        values: list[AttributeValue] = []
        if facts:
            values += [choices[(attributes["process"].pk, facts[0])],
                       choices[(attributes["packaging"].pk, facts[1])]]
        origin = _origin(product)
        text = _own_value(attributes["origin"], product, name=origin.fr[:250],
                          plain_text=origin.fr)
        for language in ("ar", "en"):
            AttributeValueTranslation.objects.update_or_create(
                attribute_value=text, language_code=language,
                defaults={"name": origin.get(language)[:250],
                          "plain_text": origin.get(language)})
        values.append(text)
        if product.product_type.slug in (FOOD, CARE):
            values.append(_own_value(attributes["harvest-year"], product,
                                     name=str(HARVEST_YEAR)))
        AssignedProductAttributeValue.objects.filter(product=product).exclude(
            value__in=values).delete()
        for index, value in enumerate(values):
            AssignedProductAttributeValue.objects.update_or_create(
                product=product, value=value, defaults={"sort_order": index})
        assigned += 1
        for variant in product.variants.all():
            label = names.get(variant.name.strip()) or Tr(*(variant.name.strip(),) * 3)
            variant_values = [_choice_upsert(attributes["format"], _slug(label), label, 0)]
            measure = _measure(variant.name)
            if measure is not None:
                slug, label = measure
                variant_values.append(_choice_upsert(attributes[slug], _slug(label), label, 0))
                measured += 1
            AssignedVariantAttributeValue.objects.filter(variant=variant).exclude(
                value__in=variant_values).delete()
            for value in variant_values:
                AssignedVariantAttributeValue.objects.get_or_create(variant=variant, value=value)
    _sort_measures(attributes["format"], attributes["volume"], attributes["weight"])
    return (f"{len(attributes)} attributes, {assigned} products described, "
            f"{measured} variants measured")


def _sort_measures(*attributes: Attribute) -> None:
    """Volumes and weights listed from the smallest up (250 ml before 1 L)."""
    factor = {"ml": 1, "l": 1000, "g": 1, "kg": 1000}
    for attribute in attributes:
        values = list(attribute.values.all())

        def size(value: AttributeValue) -> float:
            amount, _, unit = value.name.partition(" ")
            try:
                return float(amount.replace(",", ".")) * factor.get(unit.lower(), 1)
            except ValueError:
                return float("inf")
        for index, value in enumerate(sorted(values, key=size)):
            if value.sort_order != index:
                AttributeValue.objects.filter(pk=value.pk).update(sort_order=index)
