"""Shapes of the demo content: product templates, their variants and the units they are sold in.

A product template is written once per product family with ``{placeholders}`` (``{de}``: "de
Taroudant" / "d'Essaouira" in French, ``{place}``: the place name, ``{coop}``: the cooperative's
name, ``{region}``: its region) and becomes one product per cooperative that makes it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Tr


@dataclass(frozen=True)
class VariantSpec:
    code: str  # the SKU's last part, e.g. "250ML"
    name: Tr  # "250 ml" / "250 مل" / "250 ml"
    grams: int  # shipping weight, packaging included
    price: int  # base retail price in MAD; each cooperative varies it a little


@dataclass(frozen=True)
class ProductSpec:
    key: str  # slug stem, e.g. "huile-argan-alimentaire"
    sku: str  # SKU middle part, e.g. "ARGAN-ALIM"
    category: str  # category slug
    product_type: str  # product type slug
    picture: str  # drawing in catalog.demo.images
    name: Tr
    text: Tr  # first paragraph: origin and making
    usage: Tr  # second paragraph: how to use and keep it
    variants: tuple[VariantSpec, ...]
    gi: str | None = None  # label slug granted where the place holds that indication
    organic: bool = False  # may carry the organic label when the cooperative is certified
    stock: tuple[int, int] = (12, 140)  # range of units in stock per variant


def ml(amount: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"{amount}ML", Tr(f"{amount} ml", f"{amount} مل", f"{amount} ml"), grams,
                       price)


def litre(amount: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"{amount}L", Tr(f"{amount} L", f"{amount} ل", f"{amount} L"), grams,
                       price)


def g(amount: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"{amount}G", Tr(f"{amount} g", f"{amount} غ", f"{amount} g"), grams,
                       price)


def kg(amount: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"{amount}KG", Tr(f"{amount} kg", f"{amount} كغ", f"{amount} kg"),
                       grams, price)


def pack(count: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"LOT{count}", Tr(f"Lot de {count}", f"مجموعة من {count}",
                                         f"Pack of {count}"), grams, price)


def piece(grams: int, price: int) -> VariantSpec:
    return VariantSpec("PIECE", Tr("Pièce", "قطعة", "Single piece"), grams, price)


def diameter(cm: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"D{cm}", Tr(f"Ø {cm} cm", f"قطر {cm} سم", f"Ø {cm} cm"), grams, price)


def height(cm: int, grams: int, price: int) -> VariantSpec:
    return VariantSpec(f"H{cm}", Tr(f"Hauteur {cm} cm", f"علو {cm} سم", f"Height {cm} cm"),
                       grams, price)


def rug(width: int, length: int, grams: int, price: int) -> VariantSpec:
    size = f"{width} × {length} cm"
    return VariantSpec(f"{width}X{length}", Tr(size, f"{width} × {length} سم", size), grams,
                       price)


def shoe(size: int, price: int) -> VariantSpec:
    return VariantSpec(f"P{size}", Tr(f"Pointure {size}", f"مقاس {size}", f"EU size {size}"),
                       650, price)
