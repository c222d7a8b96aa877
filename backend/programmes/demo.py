"""Demo programmes: the network's prizes (Lalla Al Moutaâouina, Génération solidaire), its
trainings (Mourafaka, BootCoop) and Rawabit, with demo cooperatives enrolled and one mentor.

Idempotent (keyed on slugs, cohort names and the mentor's email); called from ``seed_demo``
after the cooperatives and accounts exist. Facts from the issue: 24 women-led cooperatives
awarded the Lalla Al Moutaâouina prize over four editions; Rawabit networked 55 cooperatives.
"""
from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative, CooperativeStatus

from .models import ActionItem, Cohort, Enrollment, FollowUpNote, Programme, ProgrammeKind

MENTOR_EMAIL = "mentor@demo.coopstore.ma"

PROGRAMMES = [
    ("lalla-al-moutaaouina", "Prix Lalla Al Moutaâouina", ProgrammeKind.PRIZE,
     "Prix national des coopératives dirigées par des femmes : 24 coopératives primées en "
     "quatre éditions, suivies ensuite par des indicateurs, un mentorat et un comité mensuel."),
    ("generation-solidaire", "Prix Génération solidaire", ProgrammeKind.PRIZE,
     "Prix national des jeunes coopérateurs, avec un suivi après le prix."),
    ("mourafaka", "Mourafaka", ProgrammeKind.TRAINING,
     "Accompagnement des coopératives nouvellement créées."),
    ("rawabit", "Rawabit", ProgrammeKind.NETWORKING,
     "Mise en réseau des coopératives entre elles et avec des acheteurs professionnels : "
     "55 coopératives et 57 opportunités dans sa première phase."),
    ("bootcoop", "BootCoop", ProgrammeKind.TRAINING,
     "Formation intensive de coopératives en cohortes."),
]
PRIZES = ["1er prix", "2e prix", "3e prix", "Prix spécial du jury"]


def _cohort(programme: Programme, name: str, year: int, starts: date,
            ends: date | None) -> Cohort:
    cohort, _ = Cohort.objects.update_or_create(
        programme=programme, name=name,
        defaults={"year": year, "starts_on": starts, "ends_on": ends})
    return cohort


def _enrol(cohort: Cohort, cooperative: Cooperative, *, mentor: User | None, prize: str = "",
           awarded: date | None = None) -> Enrollment:
    enrollment, _ = Enrollment.objects.update_or_create(
        cohort=cohort, cooperative=cooperative,
        defaults={"year": cohort.year, "prize": prize, "prize_awarded_on": awarded,
                  "mentor": mentor, "enrolled_on": cohort.starts_on})
    return enrollment


@transaction.atomic
def seed_programmes(password: str = "coopstore-demo") -> str:
    """Seed the programmes; returns a one-line summary for seed_demo's progress output."""
    programmes = {}
    for slug, name, kind, description in PROGRAMMES:
        programmes[slug], _ = Programme.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "description": description})
    mentor, _ = User.objects.update_or_create(
        email=MENTOR_EMAIL,
        defaults={"password": make_password(password), "first_name": "Naima",
                  "last_name": "Berrada", "is_active": True, "language_code": "fr",
                  "is_staff": False, "is_superuser": False})
    approved = Cooperative.objects.filter(status=CooperativeStatus.APPROVED).order_by("slug")
    women = list(approved.filter(women_led=True)[:8])
    youth = list(approved.filter(youth_led=True)[:3])
    others = list(approved.filter(women_led=False, youth_led=False)[:4])

    lalla = programmes["lalla-al-moutaaouina"]
    editions = [_cohort(lalla, f"{n}e édition", year, date(year, 3, 8), date(year, 12, 31))
                for n, year in zip((1, 2, 3, 4), (2021, 2022, 2023, 2024), strict=True)]
    for index, cooperative in enumerate(women):
        edition = editions[index % len(editions)]
        _enrol(edition, cooperative, mentor=mentor if index < 2 else None,
               prize=PRIZES[index // len(editions) % len(PRIZES)],
               awarded=date(edition.year, 3, 8))
    generation = _cohort(programmes["generation-solidaire"], "Édition 2024", 2024,
                         date(2024, 6, 1), date(2024, 12, 31))
    for index, cooperative in enumerate(youth):
        _enrol(generation, cooperative, mentor=mentor if index == 0 else None,
               prize=PRIZES[index % len(PRIZES)], awarded=date(2024, 6, 1))
    mourafaka = _cohort(programmes["mourafaka"], "Cohorte 2025", 2025, date(2025, 1, 15),
                        date(2025, 12, 15))
    bootcoop = _cohort(programmes["bootcoop"], "Cohorte printemps 2026", 2026,
                       date(2026, 3, 1), date(2026, 6, 30))
    rawabit = _cohort(programmes["rawabit"], "Phase 1", 2025, date(2025, 1, 1), None)
    for cooperative in others[:2]:
        _enrol(mourafaka, cooperative, mentor=None)
    for cooperative in others[2:]:
        _enrol(bootcoop, cooperative, mentor=None)
    for cooperative in (women + youth + others)[:10]:
        _enrol(rawabit, cooperative, mentor=None)

    mentored = Cooperative.objects.filter(enrollments__mentor=mentor).distinct().order_by("slug")
    first = mentored.first()
    if first is not None and not FollowUpNote.objects.filter(cooperative=first,
                                                             author=mentor).exists():
        FollowUpNote.objects.create(
            cooperative=first, author=mentor,
            body="Visite de suivi : l'atelier de conditionnement est prêt ; les ventes en ligne "
                 "progressent. Prochaine étape : la certification bio.")
        ActionItem.objects.get_or_create(
            cooperative=first, author=mentor, title="Déposer le dossier de certification bio",
            defaults={"due_on": timezone.localdate() + timedelta(days=30)})
    enrolled = Enrollment.objects.count()
    return (f"{len(programmes)} programmes, {Cohort.objects.count()} cohorts, {enrolled} "
            f"enrolments; mentor {MENTOR_EMAIL} follows {mentored.count()} cooperatives")
