"""Fulfillment's part of the GraphQL API (regions and cities; partners and delivery later)."""
