"""State changes of cooperatives: sign-up, approval, team and invitations, low-stock alerts."""
