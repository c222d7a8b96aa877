"""A cooperative's team: invitations (by its managers or a network admin), roles, removal.

Invitation tokens are random and only their SHA-256 is stored; the link works once, before it
expires, for the invited address only. A cooperative always keeps at least one manager.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.core.validation import email_clean

from ..error_codes import CooperativeErrorCode as Code
from ..models import Cooperative, CooperativeInvitation, CooperativeStaff, StaffRole

INVITATION_DAYS = 7
TOKEN_MAX_LENGTH = 128


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewInvitation:
    invitation: CooperativeInvitation
    token: str  # shown once (in the email), never stored


def _role_clean(role: str) -> str:
    if role not in StaffRole.values:
        raise DomainError.single(Code.INVALID, _("Choose a role."), "role")
    return role


def _lock_cooperative(cooperative_id: int) -> Cooperative:
    """Lock the cooperative row: team changes of one cooperative run one at a time, so two
    managers demoting each other cannot leave it without a manager."""
    cooperative = Cooperative.objects.select_for_update().filter(pk=cooperative_id).first()
    if cooperative is None:
        raise DomainError.single(Code.NOT_FOUND, _("Cooperative not found."), "cooperative")
    return cooperative


def invitation_clean(*, cooperative_id: int, email: str, role: str) -> tuple[str, str]:
    """The cleaned address and role of an invitation, or why it can't be sent."""
    email = email_clean(email, code_enum=Code)
    role = _role_clean(role)
    if CooperativeStaff.objects.filter(cooperative_id=cooperative_id,
                                       user__email__iexact=email).exists():
        raise DomainError.single(Code.ALREADY_STAFF,
                                 _("This person is already in the team."), "email")
    return email, role


def invitation_create(*, cooperative_id: int, email: str, role: str, invited_by=None,
                      base_url: str = "") -> NewInvitation:
    """Invite ``email``; a pending invitation to the same address is replaced. The email with
    the link is sent after commit (``base_url`` is the site's origin)."""
    with transaction.atomic():
        cooperative = _lock_cooperative(cooperative_id)
        email, role = invitation_clean(cooperative_id=cooperative.pk, email=email, role=role)
        now = timezone.now()
        CooperativeInvitation.objects.filter(
            cooperative=cooperative, email=email, accepted_at__isnull=True,
            revoked_at__isnull=True).update(revoked_at=now)
        token = secrets.token_urlsafe(32)
        invitation = CooperativeInvitation.objects.create(
            cooperative=cooperative, email=email, role=role, token_hash=token_hash(token),
            invited_by=invited_by if getattr(invited_by, "pk", None) else None,
            expires_at=now + timedelta(days=INVITATION_DAYS))
        from ..emails import send_invitation

        transaction.on_commit(lambda: send_invitation(invitation_id=invitation.pk, token=token,
                                                      base_url=base_url))
    return NewInvitation(invitation=invitation, token=token)


def invitation_revoke(*, cooperative_id: int, invitation_id: int) -> None:
    with transaction.atomic():
        updated = CooperativeInvitation.objects.filter(
            pk=invitation_id, cooperative_id=cooperative_id, accepted_at__isnull=True,
            revoked_at__isnull=True).update(revoked_at=timezone.now())
    if not updated:
        raise DomainError.single(Code.NOT_FOUND, _("Invitation not found."), "invitation")


def invitation_find(token: str) -> CooperativeInvitation | None:
    """The invitation a link's token names (any state), or None for an unknown/garbled one."""
    token = str(token or "")
    if not token or len(token) > TOKEN_MAX_LENGTH or "\x00" in token:
        return None
    return (CooperativeInvitation.objects.select_related("cooperative")
            .filter(token_hash=token_hash(token)).first())


def invitation_check(invitation: CooperativeInvitation | None) -> CooperativeInvitation:
    """Refuse unknown, revoked, used and expired invitations with a clear error."""
    if invitation is None or invitation.revoked_at is not None:
        raise DomainError.single(Code.NOT_FOUND,
                                 _("This invitation link is not valid."), "token")
    if invitation.accepted_at is not None:
        raise DomainError.single(Code.ALREADY_USED,
                                 _("This invitation has already been used."), "token")
    if invitation.expires_at <= timezone.now():
        raise DomainError.single(Code.EXPIRED, _("This invitation has expired: ask the "
                                                 "cooperative's manager for a new one."), "token")
    return invitation


def invitation_accept(*, token: str, user=None, password: str = "", first_name: str = "",
                      last_name: str = "", language_code: str = "fr") -> CooperativeStaff:
    """Join the team: the signed-in user (with the invited address) or a new account.

    Locks the invitation row, so a link clicked twice joins once.
    """
    from backend.accounts.services.accounts import account_register

    found = invitation_find(token)
    with transaction.atomic():
        invitation = invitation_check(
            CooperativeInvitation.objects.select_for_update().filter(pk=found.pk).first()
            if found else None)
        if user is not None and user.is_authenticated:
            if user.email.lower() != invitation.email.lower():
                raise DomainError.single(
                    Code.WRONG_ACCOUNT, _("This invitation is for %(email)s: sign out and "
                                          "open the link again.") % {"email": invitation.email},
                    "email")
        elif get_user_model().objects.filter(email__iexact=invitation.email).exists():
            raise DomainError.single(Code.WRONG_ACCOUNT, _("An account with this address "
                                                           "exists: sign in to accept."), "email")
        else:
            user = account_register(email=invitation.email, password=password,
                                    first_name=first_name[:150].replace("\x00", ""),
                                    last_name=last_name[:150].replace("\x00", ""),
                                    language_code=language_code)
        staff, created = CooperativeStaff.objects.get_or_create(
            cooperative_id=invitation.cooperative_id, user=user,
            defaults={"role": invitation.role})
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return staff


def _staff_of(cooperative_id: int, staff_id: object) -> CooperativeStaff:
    try:
        pk = int(str(staff_id))
    except ValueError:
        pk = 0
    staff = (CooperativeStaff.objects.select_related("user")
             .filter(pk=pk, cooperative_id=cooperative_id).first() if 0 < pk < 2**63 else None)
    if staff is None:
        raise DomainError.single(Code.NOT_FOUND, _("Team member not found."), "staff")
    return staff


def _refuse_last_manager(cooperative_id: int, staff: CooperativeStaff) -> None:
    if staff.role == StaffRole.MANAGER and not CooperativeStaff.objects.filter(
            cooperative_id=cooperative_id, role=StaffRole.MANAGER).exclude(pk=staff.pk).exists():
        raise DomainError.single(Code.LAST_MANAGER, _("The cooperative needs at least one "
                                                      "manager: name another one first."), "role")


def staff_role_change(*, cooperative_id: int, staff_id: object, role: str) -> CooperativeStaff:
    role = _role_clean(role)
    with transaction.atomic():
        _lock_cooperative(cooperative_id)
        staff = _staff_of(cooperative_id, staff_id)
        if role != StaffRole.MANAGER:
            _refuse_last_manager(cooperative_id, staff)
        staff.role = role
        staff.save(update_fields=["role"])
    return staff


def staff_remove(*, cooperative_id: int, staff_id: object) -> None:
    with transaction.atomic():
        _lock_cooperative(cooperative_id)
        staff = _staff_of(cooperative_id, staff_id)
        _refuse_last_manager(cooperative_id, staff)
        staff.delete()
