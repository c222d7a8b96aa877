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
from .shipments import ActorKind, Shipment, ShipmentEvent, ShipmentStatus

__all__ = [
    "DEFAULT_CO2_GRAMS_PER_KM", "ActorKind", "City", "Partner", "PartnerCoverage", "PartnerKind",
    "PartnerStaff", "PartnerStatus", "PricingRule", "Region", "Shipment", "ShipmentEvent",
    "ShipmentStatus",
]
