"""The catalog's part of the GraphQL API (Saleor's products, variants, categories, channels)."""
