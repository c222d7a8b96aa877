"""Team: managers invite, change roles and remove staff; never the last manager; the
invitation link works once, before it expires, for the invited address only."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from backend.accounts.models import User
from backend.cooperatives.models import CooperativeInvitation, CooperativeStaff
from backend.cooperatives.services.team import invitation_create, token_hash
from tests.factories.catalog import UserFactory


def _staff(cooperative) -> list[tuple[str, str]]:
    return sorted(CooperativeStaff.objects.filter(cooperative=cooperative)
                  .values_list("user__email", "role"))


def _invite(client, coop, email="nadia@example.ma", role="member", capture=None):
    client.force_login(coop.manager)
    with capture(execute=True):
        response = client.post(reverse("coop:team"), {"email": email, "role": role})
    return response


def _link_token() -> str:
    return re.search(r"/coop/invitations/([^/\s]+)/", mail.outbox[-1].body).group(1)


def test_a_manager_invites_and_the_invitee_creates_an_account_and_joins(
        client, coop_a, django_capture_on_commit_callbacks):
    response = _invite(client, coop_a, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 303
    assert mail.outbox[-1].to == ["nadia@example.ma"]
    token = _link_token()
    invitation = CooperativeInvitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash
    assert invitation.invited_by == coop_a.manager

    client.logout()
    assert client.get(reverse("coop:invitation", args=[token])).status_code == 200
    response = client.post(reverse("coop:invitation", args=[token]),
                           {"first_name": "Nadia", "password": "Saffron-Red-2026!"})
    assert response.status_code == 303
    user = User.objects.get(email="nadia@example.ma")
    assert CooperativeStaff.objects.get(user=user).role == "member"
    assert client.get(reverse("coop:home")).status_code == 200  # signed in
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None


def test_a_used_link_is_refused_the_second_time(client, coop_a, django_capture_on_commit_callbacks):
    _invite(client, coop_a, capture=django_capture_on_commit_callbacks)
    token = _link_token()
    client.logout()
    client.post(reverse("coop:invitation", args=[token]), {"password": "Saffron-Red-2026!"})
    client.logout()
    before = (_staff(coop_a.cooperative), User.objects.count())
    response = client.post(reverse("coop:invitation", args=[token]),
                           {"password": "Another-Pass-2026!"})
    assert response.status_code == 404
    assert "déjà été utilisée" in response.content.decode()
    assert (_staff(coop_a.cooperative), User.objects.count()) == before


def test_an_expired_link_is_refused_and_changes_nothing(client, coop_a):
    created = invitation_create(cooperative_id=coop_a.cooperative.pk, email="old@example.ma",
                                role="member")
    CooperativeInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    before = (_staff(coop_a.cooperative), User.objects.count())
    response = client.post(reverse("coop:invitation", args=[created.token]),
                           {"password": "Saffron-Red-2026!"})
    assert response.status_code == 404 and "expiré" in response.content.decode()
    assert (_staff(coop_a.cooperative), User.objects.count()) == before
    assert CooperativeInvitation.objects.get().accepted_at is None


@pytest.mark.parametrize("token", ["wrong", "x" * 500, "%00abc", "a" * 43])
def test_a_wrong_token_is_a_clear_404(client, coop_a, token):
    invitation_create(cooperative_id=coop_a.cooperative.pk, email="n@example.ma", role="member")
    before = (_staff(coop_a.cooperative), User.objects.count())
    response = client.post(f"/coop/invitations/{token}/", {"password": "Saffron-Red-2026!"})
    assert response.status_code == 404
    assert (_staff(coop_a.cooperative), User.objects.count()) == before


def test_a_signed_in_user_with_another_address_cannot_take_the_invitation(client, coop_a):
    created = invitation_create(cooperative_id=coop_a.cooperative.pk, email="n@example.ma",
                                role="manager")
    intruder = UserFactory(email="intruder@example.ma")
    client.force_login(intruder)
    before = _staff(coop_a.cooperative)
    response = client.post(reverse("coop:invitation", args=[created.token]))
    assert response.status_code == 400 and _staff(coop_a.cooperative) == before
    assert CooperativeInvitation.objects.get().accepted_at is None


def test_an_existing_account_signs_in_then_joins_with_its_role(client, coop_a, coop_b):
    created = invitation_create(cooperative_id=coop_a.cooperative.pk,
                                email=coop_b.member.email, role="manager")
    page = client.get(reverse("coop:invitation", args=[created.token])).content.decode()
    assert "login" in page  # asked to sign in first
    client.force_login(coop_b.member)
    assert client.post(reverse("coop:invitation", args=[created.token])).status_code == 303
    assert CooperativeStaff.objects.get(cooperative=coop_a.cooperative,
                                        user=coop_b.member).role == "manager"


def test_inviting_someone_already_in_the_team_is_refused(client, coop_a,
                                                         django_capture_on_commit_callbacks):
    response = _invite(client, coop_a, email=coop_a.member.email.upper(),
                       capture=django_capture_on_commit_callbacks)
    assert response.status_code == 400 and not mail.outbox
    assert not CooperativeInvitation.objects.exists()


@pytest.mark.parametrize("email, role", [
    ("bad", "member"), ("a\x00@b.ma", "member"), ("n@example.ma", "owner"),
    ("x" * 300 + "@b.ma", "member")])
def test_bad_invitations_are_refused(client, coop_a, email, role,
                                     django_capture_on_commit_callbacks):
    response = _invite(client, coop_a, email=email, role=role,
                       capture=django_capture_on_commit_callbacks)
    assert response.status_code == 400 and not CooperativeInvitation.objects.exists()


def test_a_member_cannot_invite_change_roles_or_remove(client, coop_a):
    client.force_login(coop_a.member)
    manager_staff = CooperativeStaff.objects.get(user=coop_a.manager)
    before = _staff(coop_a.cooperative)
    assert client.post(reverse("coop:team"), {"email": "x@example.ma",
                                              "role": "manager"}).status_code == 403
    assert client.post(reverse("coop:team_role", args=[manager_staff.pk]),
                       {"role": "member"}).status_code == 403
    assert client.post(reverse("coop:team_remove", args=[manager_staff.pk])).status_code == 403
    assert _staff(coop_a.cooperative) == before and not CooperativeInvitation.objects.exists()


def test_a_manager_changes_a_role_and_removes_a_member(client, coop_a):
    member = CooperativeStaff.objects.get(user=coop_a.member)
    client.force_login(coop_a.manager)
    assert client.post(reverse("coop:team_role", args=[member.pk]),
                       {"role": "manager"}).status_code == 303
    member.refresh_from_db()
    assert member.role == "manager"
    assert client.post(reverse("coop:team_remove", args=[member.pk])).status_code == 303
    assert not CooperativeStaff.objects.filter(pk=member.pk).exists()


def test_the_last_manager_can_be_neither_demoted_nor_removed(client, coop_a):
    manager = CooperativeStaff.objects.get(user=coop_a.manager)
    client.force_login(coop_a.manager)
    before = _staff(coop_a.cooperative)
    client.post(reverse("coop:team_role", args=[manager.pk]), {"role": "member"})
    response = client.post(reverse("coop:team_remove", args=[manager.pk]), follow=True)
    assert _staff(coop_a.cooperative) == before
    assert "au moins un gérant" in response.content.decode()


def test_another_cooperatives_staff_are_404_and_unchanged_both_ways(client, coop_a, coop_b):
    staff_b = CooperativeStaff.objects.get(user=coop_b.member)
    staff_a = CooperativeStaff.objects.get(user=coop_a.member)
    invitation_b = invitation_create(cooperative_id=coop_b.cooperative.pk,
                                     email="n@example.ma", role="member").invitation
    before = (_staff(coop_a.cooperative), _staff(coop_b.cooperative))
    client.force_login(coop_a.manager)
    assert client.post(reverse("coop:team_role", args=[staff_b.pk]),
                       {"role": "manager"}).status_code == 404
    assert client.post(reverse("coop:team_remove", args=[staff_b.pk])).status_code == 404
    assert client.post(reverse("coop:team_revoke", args=[invitation_b.pk])).status_code == 404
    assert coop_b.member.email not in client.get(reverse("coop:team")).content.decode()
    client.force_login(coop_b.manager)
    assert client.post(reverse("coop:team_remove", args=[staff_a.pk])).status_code == 404
    assert (_staff(coop_a.cooperative), _staff(coop_b.cooperative)) == before
    invitation_b.refresh_from_db()
    assert invitation_b.revoked_at is None


def test_a_revoked_invitation_no_longer_works(client, coop_a):
    created = invitation_create(cooperative_id=coop_a.cooperative.pk, email="n@example.ma",
                                role="member")
    client.force_login(coop_a.manager)
    assert client.post(reverse("coop:team_revoke",
                               args=[created.invitation.pk])).status_code == 303
    client.logout()
    assert client.get(reverse("coop:invitation", args=[created.token])).status_code == 404


def test_a_network_admin_invites_from_the_admin(admin_client, coop_a,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:cooperatives_cooperativeinvitation_add"),
                                     {"cooperative": coop_a.cooperative.pk,
                                      "email": "new.manager@example.ma", "role": "manager"})
    assert response.status_code == 302
    invitation = CooperativeInvitation.objects.get()
    assert invitation.role == "manager" and mail.outbox[-1].to == ["new.manager@example.ma"]
    assert invitation.token_hash == token_hash(_link_token())
    # someone already in the team: a form error, nothing created
    response = admin_client.post(reverse("admin:cooperatives_cooperativeinvitation_add"),
                                 {"cooperative": coop_a.cooperative.pk,
                                  "email": coop_a.member.email, "role": "member"})
    assert response.status_code == 200 and CooperativeInvitation.objects.count() == 1


def test_the_team_page_lists_staff_in_a_fixed_number_of_queries(client, coop_a,
                                                                django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coop_a.manager)

    def count() -> int:
        # A first view fills the per-process catalog rows (storefront/basics.py): measure the next.
        client.get(reverse("coop:team"))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("coop:team")).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(8):
        CooperativeStaff.objects.create(cooperative=coop_a.cooperative,
                                        user=UserFactory(email=f"m{i}@example.ma"))
        invitation_create(cooperative_id=coop_a.cooperative.pk, email=f"i{i}@example.ma",
                          role="member")
    assert count() == few
