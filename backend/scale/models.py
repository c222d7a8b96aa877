"""The marker of a ``seed_scale`` run: which parameters the database was seeded with."""
from __future__ import annotations

from django.db import models


class ScaleSeed(models.Model):
    """One finished seed; written in the seed's own transaction, so it exists only if every row
    of that seed does. The bench runner compares ``parameters`` to reuse a seeded database."""

    parameters = models.JSONField()
    anchor = models.DateTimeField(help_text="Orders are dated in the 12 months before this.")
    seconds = models.FloatField(default=0)
    counts = models.JSONField(default=dict)
    finished_at = models.DateTimeField()

    class Meta:
        ordering = ["-finished_at", "-pk"]

    def __str__(self) -> str:
        return f"seed_scale {self.parameters}"
