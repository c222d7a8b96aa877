"""Apps and app tokens (Saleor's model): integrations that call the API as themselves."""
