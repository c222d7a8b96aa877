"""The delivery partner of the fair-pay tests carries the dashboard's parcels."""
from tests.fairpay.conftest import partner  # noqa: F401 (fixture)
