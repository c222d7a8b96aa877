"""Scale data for benchmarks: ``manage.py seed_scale`` and the marker of what it seeded."""
from __future__ import annotations


def marker(using: str = "default") -> dict | None:
    """The last finished seed of the database ``using``: parameters, anchor, seconds, counts;
    None when it was never seeded (or its tables do not exist yet)."""
    from django.db import DatabaseError, connections

    from .models import ScaleSeed

    try:
        seed = ScaleSeed.objects.using(using).order_by("-finished_at", "-pk").first()
    except DatabaseError:
        if not connections[using].get_autocommit():
            raise
        return None
    if seed is None:
        return None
    return {"parameters": dict(seed.parameters), "anchor": seed.anchor.isoformat(),
            "seconds": seed.seconds, "counts": dict(seed.counts),
            "finished_at": seed.finished_at.isoformat()}


def seeded_parameters(using: str = "default") -> dict | None:
    """The parameters (cooperatives, products, orders, seed, members_per_coop) last seeded in
    the database, or None."""
    found = marker(using)
    return found["parameters"] if found else None
