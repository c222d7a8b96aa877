"""Follow-up fixtures: a prize programme's cohort with two cooperatives, their staff and
mentors, and a network admin."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from backend.accounts.models import User
from backend.cooperatives.models import CooperativeStaff
from backend.programmes.models import Cohort, Enrollment, Programme
from tests.factories.catalog import CooperativeFactory, UserFactory

PASSWORD = "coop-pass-2026"


@dataclass
class People:
    cooperative: object
    other: object
    manager: User
    member: User
    other_manager: User
    mentor: User
    other_mentor: User
    admin: User
    programme: Programme
    cohort: Cohort


def make_programme(cooperatives, *, mentor=None, other_mentor=None, awarded=None,
                   slug="lalla-al-moutaaouina"):
    programme = Programme.objects.create(name="Prix Lalla Al Moutaâouina" if slug ==
                                         "lalla-al-moutaaouina" else slug, slug=slug,
                                         kind="prize")
    cohort = Cohort.objects.create(programme=programme, name="4e édition", year=2025,
                                   starts_on=date(2025, 3, 1))
    for index, cooperative in enumerate(cooperatives):
        Enrollment.objects.create(cohort=cohort, cooperative=cooperative, year=2025,
                                  prize="Premier prix" if index == 0 else "",
                                  mentor=mentor if index == 0 else other_mentor,
                                  prize_awarded_on=awarded if index == 0 else None)
    return programme, cohort


@pytest.fixture
def people(db) -> People:
    cooperative = CooperativeFactory(name="Coopérative Tifawine Safran", slug="tifawine-safran")
    other = CooperativeFactory(name="Coopérative Voisine", slug="voisine")
    manager = UserFactory(email="manager@tifawine.ma")
    member = UserFactory(email="member@tifawine.ma")
    other_manager = UserFactory(email="manager@voisine.ma")
    CooperativeStaff.objects.create(cooperative=cooperative, user=manager, role="manager")
    CooperativeStaff.objects.create(cooperative=cooperative, user=member, role="member")
    CooperativeStaff.objects.create(cooperative=other, user=other_manager, role="manager")
    mentor = UserFactory(email="mentor@reseau.ma")
    other_mentor = UserFactory(email="autre.mentor@reseau.ma")
    admin = UserFactory(email="admin@reseau.ma", is_staff=True, is_superuser=True)
    programme, cohort = make_programme([cooperative, other], mentor=mentor,
                                       other_mentor=other_mentor, awarded=date(2026, 3, 20))
    return People(cooperative=cooperative, other=other, manager=manager, member=member,
                  other_manager=other_manager, mentor=mentor, other_mentor=other_mentor,
                  admin=admin, programme=programme, cohort=cohort)


@pytest.fixture
def definitions(db):
    """The definition rows of the data migration, loaded again when a transactional test
    flushed them (as ``tests.factories.catalog.city`` does for the geography)."""
    from backend.followup.definitions import definitions_sync
    from backend.followup.models import IndicatorDefinition

    if not IndicatorDefinition.objects.exists():
        definitions_sync(IndicatorDefinition)


def signed_in(client, user):
    client.force_login(user)
    return client
