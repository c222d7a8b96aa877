"""The demo programmes seed idempotently; network admins manage programmes in the admin."""
from __future__ import annotations

from django.contrib.auth import authenticate
from django.urls import reverse

from backend.programmes.demo import MENTOR_EMAIL, seed_programmes
from backend.programmes.models import Cohort, Enrollment, Programme
from tests.factories.catalog import CooperativeFactory, UserFactory


def test_seed_programmes_is_idempotent_and_creates_the_mentor(db):
    for index in range(3):
        CooperativeFactory(status="approved", women_led=True, slug=f"femmes-{index}")
    CooperativeFactory(status="approved", youth_led=True, slug="jeunes-0")
    CooperativeFactory(status="approved", slug="autre-0")
    seed_programmes("coopstore-demo")
    counts = (Programme.objects.count(), Cohort.objects.count(), Enrollment.objects.count())
    seed_programmes("coopstore-demo")
    assert (Programme.objects.count(), Cohort.objects.count(),
            Enrollment.objects.count()) == counts
    assert set(Programme.objects.values_list("slug", flat=True)) == {
        "lalla-al-moutaaouina", "generation-solidaire", "mourafaka", "rawabit", "bootcoop"}
    assert sorted(Cohort.objects.filter(programme__slug="lalla-al-moutaaouina")
                  .values_list("year", flat=True)) == [2021, 2022, 2023, 2024]
    mentor = authenticate(email=MENTOR_EMAIL, password="coopstore-demo")
    assert mentor is not None and not mentor.is_staff
    mentored = set(Enrollment.objects.filter(mentor=mentor)
                   .values_list("cooperative__slug", flat=True))
    assert mentored == {"femmes-0", "femmes-1", "jeunes-0"}
    assert Enrollment.objects.filter(cohort__programme__slug="lalla-al-moutaaouina",
                                     prize="").count() == 0


def test_admins_open_the_programme_pages(client, setup):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name, args in (("admin:programmes_programme_changelist", []),
                       ("admin:programmes_cohort_change", [setup.cohort.pk]),
                       ("admin:programmes_enrollment_changelist", []),
                       ("admin:programmes_followupnote_changelist", []),
                       ("admin:programmes_actionitem_changelist", []),
                       ("admin:programmes_cohort_add", [])):
        assert client.get(reverse(name, args=args)).status_code == 200, name
