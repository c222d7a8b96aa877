"""Cooperative managers read their money here; members and other cooperatives cannot."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from backend.cooperatives.models import CooperativeStaff, StaffRole

from .earnings import cooperative_earnings_page


@login_required
def earnings(request: HttpRequest) -> HttpResponse:
    role = (CooperativeStaff.objects.filter(user=request.user, role=StaffRole.MANAGER)
            .select_related("cooperative").order_by("pk").first())
    if role is None:
        raise PermissionDenied
    return render(request, "fairpay/earnings.html", {
        "cooperative": role.cooperative, "seo_noindex": True,
        "earnings": cooperative_earnings_page(cooperative_id=role.cooperative_id)})
