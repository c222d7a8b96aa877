from .geography import City, Region
from .partners import (
    DEFAULT_CO2_GRAMS_PER_KM,
    Partner,
    PartnerCoverage,
    PartnerKind,
    PartnerStaff,
    PartnerStatus,
    PricingRule,
)

__all__ = [
    "DEFAULT_CO2_GRAMS_PER_KM", "City", "Partner", "PartnerCoverage", "PartnerKind",
    "PartnerStaff", "PartnerStatus", "PricingRule", "Region",
]
