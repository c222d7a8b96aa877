"""Invoice PDFs in French and Arabic, downloaded only by their buyer."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from backend.business.pdf import invoice_html, invoice_pdf
from backend.orders.services.checkout_complete import checkout_complete

from .conftest import make_business, make_pro_product, pro_ready_checkout

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(channel, pro_channel, buyer):
    argan = make_pro_product(channel=channel, name="Huile d'argan")
    argan.cooperative.ice = "001234567000089"
    argan.cooperative.save()
    checkout = pro_ready_checkout(buyer.user, [(argan.default_variant, 60)])
    return checkout_complete(checkout_token=checkout.token).order.invoice


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_french_invoice_names_both_ices_the_due_date_and_the_total(invoice, buyer):
    text = _text(invoice_pdf(invoice, "fr"))

    assert invoice.number in text
    assert "001234567000089" in text and buyer.ice in text
    assert invoice.due_on.strftime("%d/%m/%Y") in text
    assert "Facture" in text
    assert "4\u202f525,00" in text or "4 525,00" in text  # babel's fr_MA grouping


def test_the_arabic_invoice_is_right_to_left_with_arabic_labels(invoice):
    html = invoice_html(invoice, "ar")
    text = _text(invoice_pdf(invoice, "ar"))

    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert invoice.number in text
    assert "فاتورة" in html
    assert any("\u0600" <= char <= "\u06ff" for char in text)  # Arabic glyphs were drawn


def test_the_buyer_downloads_its_invoice_and_nobody_else_can(client, invoice, customer):
    url = f"/pro/invoices/{invoice.pk}/ar.pdf"

    anonymous = client.get(url)
    client.force_login(customer)
    consumer = client.get(url)
    client.force_login(make_business().user)
    other_buyer = client.get(url)
    client.force_login(invoice.business.user)
    own = client.get(url)
    bad_language = client.get(f"/pro/invoices/{invoice.pk}/de.pdf")

    assert [anonymous.status_code, consumer.status_code, other_buyer.status_code,
            bad_language.status_code] == [404, 404, 404, 404]
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert invoice.number in _text(own.content)


def test_the_pro_page_lists_the_buyers_invoices(client, invoice):
    client.force_login(invoice.business.user)

    page = client.get("/pro/").content.decode()

    assert invoice.number in page
    assert f"/pro/invoices/{invoice.pk}/fr.pdf" in page
    assert f"/pro/invoices/{invoice.pk}/ar.pdf" in page
