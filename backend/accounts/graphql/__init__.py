"""The accounts API: users, addresses, JWT sign-in and the account mutations."""
