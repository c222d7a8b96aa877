"""The cooperative's catalog pages at /coop/products/ (namespace ``coop_catalog``)."""
