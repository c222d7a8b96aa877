"""Two cooperatives (manager + member each), a programme with a cohort, and a mentor who
follows cooperative A only: isolation is tested both ways."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from backend.accounts.models import User
from backend.programmes.models import Cohort, Enrollment, Programme, ProgrammeKind
from tests.cooperatives.conftest import Coop, make_coop
from tests.factories.catalog import UserFactory


@dataclass
class Setup:
    a: Coop
    b: Coop
    mentor: User
    other_mentor: User  # mentors cooperative B
    cohort: Cohort


def enrol(cohort: Cohort, cooperative, mentor=None, prize: str = "") -> Enrollment:
    return Enrollment.objects.create(cohort=cohort, cooperative=cooperative, mentor=mentor,
                                     year=cohort.year, prize=prize)


@pytest.fixture
def programme(db) -> Programme:
    return Programme.objects.create(name="Prix Lalla Al Moutaâouina",
                                    slug="lalla-al-moutaaouina", kind=ProgrammeKind.PRIZE)


@pytest.fixture
def cohort(programme) -> Cohort:
    return Cohort.objects.create(programme=programme, name="4e édition", year=2024,
                                 starts_on=date(2024, 3, 8), ends_on=date(2024, 12, 31))


@pytest.fixture
def setup(cohort) -> Setup:
    a, b = make_coop(name="Coopérative Tifawine"), make_coop(name="Coopérative Zenaga",
                                                             city_slug="agadir")
    mentor = UserFactory(email="mentor@example.ma", first_name="Naima")
    other = UserFactory(email="mentor.b@example.ma")
    enrol(cohort, a.cooperative, mentor=mentor, prize="1er prix")
    enrol(cohort, b.cooperative, mentor=other)
    return Setup(a=a, b=b, mentor=mentor, other_mentor=other, cohort=cohort)


@pytest.fixture(autouse=True)
def _french():
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
