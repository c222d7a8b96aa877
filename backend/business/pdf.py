"""Invoice PDFs in French or Arabic (right to left), rendered from HTML by weasyprint.

weasyprint (and the system pango it needs) is imported only here and only when a PDF is asked
for, so the application starts without it.
"""
from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from backend.core.money import format_money
from backend.core.pdf import html_to_pdf

from .models import Invoice

LANGUAGES = ("fr", "ar", "en")


def invoice_context(invoice: Invoice, language: str) -> dict:
    order = invoice.order
    lines = list(order.lines.select_related("cooperative").order_by("cooperative__name", "pk"))
    money = lambda amount: format_money(amount, invoice.currency, language)  # noqa: E731
    return {
        "invoice": invoice, "order": order, "language": language,
        "direction": "rtl" if language == "ar" else "ltr",
        "lines": [{"line": line, "name": line.translated_product_name or line.product_name,
                   "variant": line.translated_variant_name or line.variant_name,
                   "unit": money(line.unit_price_amount),
                   "total": money(line.total_price_amount)} for line in lines],
        "subtotal": money(order.subtotal_amount), "shipping": money(order.shipping_amount),
        "total": money(invoice.total_amount),
        "address": invoice.business,
    }


def invoice_html(invoice: Invoice, language: str) -> str:
    language = language if language in LANGUAGES else "fr"
    with translation.override(language):
        return render_to_string("business/invoice_pdf.html", invoice_context(invoice, language))


def invoice_pdf(invoice: Invoice, language: str) -> bytes:
    """The invoice as a PDF document in ``language`` (fr, ar or en)."""
    return html_to_pdf(invoice_html(invoice, language))
