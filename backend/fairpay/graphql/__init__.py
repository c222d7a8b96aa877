"""Fair pay in the API: an order's split and a product's estimate."""
