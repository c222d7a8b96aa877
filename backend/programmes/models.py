"""Support programmes of the network (prizes, trainings, networking), their cohorts, the
cooperatives enrolled with their mentor, and the mentors' follow-up notes and action items.

A user is a mentor when it is the ``mentor`` of at least one enrolment: no role flag to keep in
sync, and unassigning the last enrolment ends the access.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    PRIZE = "prize", _("Prize")
    TRAINING = "training", _("Training")
    NETWORKING = "networking", _("Networking")


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ProgrammeKind.choices)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    """An edition of a prize or a cohort of a training: the unit a committee follows."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohorts",
                                  verbose_name=_("programme"))
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        ordering = ["programme__name", "-year", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(ends_on__isnull=True)
                           | models.Q(ends_on__gte=models.F("starts_on"))),
                name="cohort_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme.name} — {self.name}"


class Enrollment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrollments",
                               verbose_name=_("cohort"))
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="enrollments", verbose_name=_("cooperative"))
    prize = models.CharField(_("prize"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="mentored_enrollments",
                               verbose_name=_("mentor"))
    enrolled_on = models.DateField(_("enrolled on"), default=timezone.localdate)
    prize_awarded_on = models.DateField(_("prize awarded on"), null=True, blank=True)

    class Meta:
        ordering = ["cohort", "cooperative__name"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "cooperative"],
                                    name="unique_cohort_cooperative"),
        ]
        indexes = [models.Index(fields=["mentor", "cooperative"])]

    def __str__(self) -> str:
        return f"{self.cooperative} @ {self.cohort}"


class FollowUpNote(models.Model):
    """A mentor's note on a cooperative; append-only (a follow-up record, not a chat)."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="followup_notes", verbose_name=_("cooperative"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="followup_notes", verbose_name=_("author"))
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        indexes = [models.Index(fields=["cooperative", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.cooperative}: {self.body[:40]}"


class ActionItem(models.Model):
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE,
                                    related_name="action_items", verbose_name=_("cooperative"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="action_items", verbose_name=_("author"))
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+",
                                verbose_name=_("done by"))

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["cooperative", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today=None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())
