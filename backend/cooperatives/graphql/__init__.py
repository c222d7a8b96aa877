"""Cooperatives in the GraphQL API: CoopStore's extension, in Saleor's style."""
