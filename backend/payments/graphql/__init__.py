"""Saleor's transaction API over ``backend.payments``."""
