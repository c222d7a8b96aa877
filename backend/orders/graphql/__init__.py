"""The checkout and order API, Saleor's shapes over the orders services."""
