"""Who may read a cooperative's follow-up: staff, its mentor, network admins; nobody else."""
from __future__ import annotations

from backend.programmes.access import can_view_cooperative, mentored_cooperative_ids
from tests.factories.catalog import UserFactory

from .conftest import enrol


def test_a_mentor_has_only_its_assigned_cooperatives(setup):
    assert mentored_cooperative_ids(setup.mentor) == [setup.a.cooperative.pk]
    assert mentored_cooperative_ids(setup.other_mentor) == [setup.b.cooperative.pk]


def test_two_enrolments_of_one_cooperative_count_once(setup, programme):
    from backend.programmes.models import Cohort

    later = Cohort.objects.create(programme=programme, name="5e édition", year=2025,
                                  starts_on="2025-03-08")
    enrol(later, setup.a.cooperative, mentor=setup.mentor)
    assert mentored_cooperative_ids(setup.mentor) == [setup.a.cooperative.pk]


def test_users_who_mentor_nothing_have_no_cooperative(setup):
    from django.contrib.auth.models import AnonymousUser

    assert mentored_cooperative_ids(AnonymousUser()) == []
    assert mentored_cooperative_ids(UserFactory()) == []
    assert mentored_cooperative_ids(setup.a.manager) == []


def test_can_view_cooperative_both_ways(setup):
    a, b = setup.a.cooperative.pk, setup.b.cooperative.pk
    assert can_view_cooperative(setup.mentor, a) and not can_view_cooperative(setup.mentor, b)
    assert can_view_cooperative(setup.other_mentor, b)
    assert not can_view_cooperative(setup.other_mentor, a)
    assert can_view_cooperative(setup.a.member, a) and not can_view_cooperative(setup.a.member, b)
    assert can_view_cooperative(setup.b.manager, b) and not can_view_cooperative(setup.b.manager, a)
    admin = UserFactory(is_staff=True)
    assert can_view_cooperative(admin, a) and can_view_cooperative(admin, b)
    consumer = UserFactory()
    assert not can_view_cooperative(consumer, a) and not can_view_cooperative(consumer, b)


def test_an_unassigned_or_deactivated_mentor_loses_access_at_once(setup):
    from backend.programmes.models import Enrollment

    a = setup.a.cooperative.pk
    setup.mentor.is_active = False
    setup.mentor.save()
    assert not can_view_cooperative(setup.mentor, a)
    setup.mentor.is_active = True
    setup.mentor.save()
    Enrollment.objects.filter(mentor=setup.mentor).update(mentor=None)
    assert not can_view_cooperative(setup.mentor, a)
    assert mentored_cooperative_ids(setup.mentor) == []
