"""The programmes' monthly report: network admins only, the cohort's numbers, charts, and the
XLSX and PDF exports in French and Arabic (both parse and carry the numbers)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from backend.followup import definitions as d
from backend.followup.models import IndicatorDefinition
from backend.followup.reports import combine, prize_windows, programme_report
from backend.followup.selectors import indicators_for
from backend.followup.services import declared_indicators_save
from backend.programmes.models import Enrollment
from tests.factories.catalog import CooperativeFactory

from .conftest import make_programme, signed_in
from .data import APRIL, MARCH, two_months

PAGE = "/admin/programmes/report/"


@pytest.fixture
def cohort(channel, people):
    """The two-month records for the people's cooperative (first prize on 20 March 2026)."""
    two_months(channel, cooperative=people.cooperative, other=people.other)
    declared_indicators_save(cooperative_id=people.cooperative.pk, month=APRIL,
                             values={d.MEMBERS: "25", d.MEMBERS_WOMEN: "21"},
                             user=people.mentor)
    return people.cohort


def _query(cohort, **extra) -> str:
    params = {"cohort": cohort.pk, "month": "2026-04", "indicator": "sales", **extra}
    return "&".join(f"{key}={value}" for key, value in params.items())


def test_the_report_has_each_cooperative_the_cohort_and_the_prize_views(cohort, people):
    report = programme_report(cohort=cohort, month=APRIL, indicator=d.SALES)

    rows = {row.slug: row for row in report.rows}
    assert list(rows) == ["tifawine-safran", "voisine"]
    assert rows["tifawine-safran"].values == indicators_for(people.cooperative.pk, APRIL)
    assert rows["tifawine-safran"].values[d.SALES] == Decimal("300.00")
    assert rows["voisine"].values[d.SALES] == Decimal("0.00")
    assert report.totals[d.SALES] == Decimal("300.00")
    assert report.totals[d.MEMBERS] == 25  # only the first cooperative declared
    assert report.totals[d.SHORT_CIRCUIT_SHARE] == Decimal("100.00")  # mean of those with one
    assert report.by_region == [("Souss-Massa", Decimal("300.00"))]
    # The cohort's trend adds the neighbour's 30.00 of March.
    assert report.trend[-2:] == [(MARCH, Decimal("290.00")), (APRIL, Decimal("300.00"))]
    assert len(report.trend) == 12
    # Prize in March: before = September…February (no sales, 0.00), after = April only.
    [prize] = report.before_after
    assert (prize.before, prize.after) == (Decimal("0.00"), Decimal("300.00"))
    assert (prize.before_months, prize.after_months) == (6, 1)


def test_the_report_costs_the_same_queries_for_a_bigger_cohort(cohort, people,
                                                              django_assert_num_queries):
    with django_assert_num_queries(11):
        programme_report(cohort=cohort, month=APRIL)
    for _ in range(3):
        Enrollment.objects.create(cohort=cohort, cooperative=CooperativeFactory(), year=2025,
                                  prize_awarded_on=date(2026, 1, 5))
    with django_assert_num_queries(11):
        programme_report(cohort=cohort, month=APRIL)


def test_combining_sums_counts_and_averages_shares():
    assert combine(d.SALES, [Decimal("1.50"), None, Decimal("2.00")]) == Decimal("3.50")
    assert combine(d.SHORT_CIRCUIT_SHARE, [Decimal("50.0"), None, Decimal("100.0")]) == 75
    assert combine(d.MEMBERS, [None, None]) is None


def test_the_prize_windows_stop_at_the_report_month():
    before, after = prize_windows(date(2026, 3, 20), APRIL)

    assert before == [date(2025, m, 1) for m in (9, 10, 11, 12)] + [date(2026, 1, 1),
                                                                     date(2026, 2, 1)]
    assert after == [APRIL]


def test_the_admin_reads_the_report_page_with_charts_and_definition_links(client, cohort, people):
    signed_in(client, people.admin)

    response = client.get(f"{PAGE}?{_query(cohort)}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Coopérative Tifawine Safran" in html and "Souss-Massa" in html
    assert html.count('role="img"') == 3
    assert 'href="/indicators/short_circuit_share/"' in html
    assert "300,00" in html  # April's sales, French formatting
    assert f"xlsx/?cohort={cohort.pk}&amp;month=2026-04" in html


def test_the_report_page_reads_in_arabic(client, cohort, people):
    signed_in(client, people.admin)

    html = client.get(f"{PAGE}?{_query(cohort, lang='ar')}").content.decode()

    assert 'dir="rtl"' in html and "المبيعات" in html and "سوس ماسة" in html


@pytest.mark.parametrize("who", ["manager", "mentor", "member"])
def test_only_network_admins_open_the_report(client, cohort, people, who):
    signed_in(client, getattr(people, who))

    for path in (PAGE, f"{PAGE}xlsx/?{_query(cohort)}", f"{PAGE}pdf/?{_query(cohort)}"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("params", ["cohort=abc&month=2026-13&indicator=%3Cscript%3E",
                                    "cohort=%00&month=%00&lang=%00",
                                    "cohort=99999999999999999999&month=9999-99",
                                    "cohort=424242", "cohort=%C2%B2"])
def test_malformed_parameters_fall_back_and_never_fail(client, people, params):
    signed_in(client, people.admin)

    page = client.get(f"{PAGE}?{params}")

    assert page.status_code == 200
    assert "<script>" not in page.content.decode()
    assert client.get(f"{PAGE}xlsx/?{params}").status_code == 404
    assert client.get(f"{PAGE}pdf/?{params}").status_code == 404


def test_without_a_cohort_the_page_says_so(client, db):
    from tests.factories.catalog import UserFactory

    signed_in(client, UserFactory(email="root@reseau.ma", is_staff=True))

    response = client.get(PAGE)

    assert response.status_code == 200 and 'id="no-cohort"' in response.content.decode()


def _sheet_rows(content: bytes, sheet: int = 0):
    book = load_workbook(BytesIO(content))
    return book, list(book.worksheets[sheet].iter_rows(values_only=True))


def test_the_xlsx_export_holds_the_numbers_in_french(client, cohort, people):
    signed_in(client, people.admin)

    response = client.get(f"{PAGE}xlsx/?{_query(cohort, lang='fr')}")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2026-04-fr.xlsx"')
    book, rows = _sheet_rows(response.content)
    header = rows[2]
    assert header[:2] == ("Coopérative", "Région") and "Ventes (MAD)" in header
    sales = header.index("Ventes (MAD)")
    women = header.index("Membres femmes (#)")
    by_name = {row[0]: row for row in rows[3:]}
    assert by_name["Coopérative Tifawine Safran"][sales] == 300
    assert isinstance(by_name["Coopérative Tifawine Safran"][sales], (int, float))
    assert by_name["Coopérative Tifawine Safran"][women] == 21
    assert by_name["Cohorte"][sales] == 300
    assert book.worksheets[0].sheet_view.rightToLeft in (None, False)
    _, definitions = _sheet_rows(response.content, 2)
    assert [row[0] for row in definitions[1:]] == list(d.ALL_CODES)


def test_the_xlsx_export_in_arabic_is_right_to_left(client, cohort, people):
    signed_in(client, people.admin)

    response = client.get(f"{PAGE}xlsx/?{_query(cohort, lang='ar')}")

    book, rows = _sheet_rows(response.content)
    assert book.worksheets[0].sheet_view.rightToLeft is True
    assert "المبيعات (MAD)" in rows[2]
    assert rows[3][rows[2].index("المبيعات (MAD)")] == 300


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())  # table cells wrap their words


def test_the_pdf_export_in_french_names_the_cooperatives_and_the_numbers(client, cohort,
                                                                        people):
    signed_in(client, people.admin)

    response = client.get(f"{PAGE}pdf/?{_query(cohort, lang='fr')}")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Coopérative Tifawine Safran" in text and "Coopérative Voisine" in text
    assert "300,00" in text and "Souss-Massa" in text


def test_the_pdf_export_renders_in_arabic(client, cohort, people):
    signed_in(client, people.admin)

    response = client.get(f"{PAGE}pdf/?{_query(cohort, lang='ar')}")

    text = _pdf_text(response.content)
    assert "Coopérative Tifawine Safran" in text
    assert any(word in text for word in ("المبيعات", "سوس ماسة"))


def test_a_second_programme_cohort_shows_only_its_cooperatives(cohort, people):
    lonely = CooperativeFactory(name="Coopérative Jeunesse Atlas", slug="jeunesse-atlas")
    _, young = make_programme([lonely], slug="generation-solidaire")

    report = programme_report(cohort=cohort, month=APRIL)
    other = programme_report(cohort=young, month=APRIL)

    assert "jeunesse-atlas" not in [row.slug for row in report.rows]
    assert [row.slug for row in other.rows] == ["jeunesse-atlas"]
    assert other.totals[d.SALES] == Decimal("0.00") and other.before_after == []


def test_the_admin_lists_the_definitions_read_only_and_the_declared_values(client, cohort,
                                                                           people, definitions):
    signed_in(client, people.admin)

    definitions = client.get("/admin/followup/indicatordefinition/")
    declared = client.get("/admin/followup/declaredindicator/")
    row = IndicatorDefinition.objects.get(code="sales")
    change = client.post(f"/admin/followup/indicatordefinition/{row.pk}/change/", {"code": "x"})

    assert definitions.status_code == 200 and "repeat_customers" in definitions.content.decode()
    assert declared.status_code == 200 and "members_women" in declared.content.decode()
    assert change.status_code == 403
    assert IndicatorDefinition.objects.get(pk=row.pk).code == "sales"
