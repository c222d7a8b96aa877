"""Cooperative managers read their money here; members and other cooperatives cannot."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from backend.cooperatives.access import cooperative_staff_required

from .earnings import cooperative_earnings_page


@cooperative_staff_required(managers_only=True)
def earnings(request: HttpRequest) -> HttpResponse:
    access = request.coop
    return render(request, "fairpay/earnings.html", {
        "cooperative": access.cooperative, "seo_noindex": True,
        "earnings": cooperative_earnings_page(cooperative_id=access.cooperative_id)})
