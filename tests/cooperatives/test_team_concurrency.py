"""Two managers demoting each other at the same moment: the cooperative keeps one manager."""
from __future__ import annotations

import threading

import pytest
from django.db import connection

from backend.cooperatives.models import CooperativeStaff
from backend.cooperatives.services.team import staff_role_change
from backend.core.errors import DomainError

from .conftest import make_coop


@pytest.mark.django_db(transaction=True)
def test_two_managers_demoting_each_other_at_once_leave_one_manager():
    coop = make_coop()
    first = CooperativeStaff.objects.get(user=coop.manager)
    second = CooperativeStaff.objects.create(cooperative=coop.cooperative,
                                             user=coop.member.__class__.objects.create_user(
                                                 email="second@example.ma", password="x"),
                                             role="manager")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def demote(staff_id: int) -> None:
        try:
            barrier.wait(5)
            staff_role_change(cooperative_id=coop.cooperative.pk, staff_id=staff_id,
                              role="member")
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(str(error.errors[0].code))
        finally:
            connection.close()

    threads = [threading.Thread(target=demote, args=(s.pk,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes) == ["last_manager", "ok"]
    assert CooperativeStaff.objects.filter(cooperative=coop.cooperative,
                                           role="manager").count() == 1
