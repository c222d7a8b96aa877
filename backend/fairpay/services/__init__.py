"""Fair-pay services: each changes state in one transaction and raises ``DomainError``."""
