"""The API core shared by every domain: IDs, money, connections, errors, filters."""
