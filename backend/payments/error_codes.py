"""Error codes of the payment services, with the values of Saleor's enums of the same name."""
from enum import StrEnum


class PaymentGatewayConfigErrorCode(StrEnum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"


class TransactionInitializeErrorCode(StrEnum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    UNIQUE = "unique"
    CHECKOUT_COMPLETION_IN_PROGRESS = "checkout_completion_in_progress"


class TransactionProcessErrorCode(StrEnum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    TRANSACTION_ALREADY_PROCESSED = "transaction_already_processed"
    MISSING_PAYMENT_APP_RELATION = "missing_payment_app_relation"
    MISSING_PAYMENT_APP = "missing_payment_app"


class RefundErrorCode(StrEnum):
    """Saleor's OrderGrantRefundCreateErrorCode, plus the provider's refusal."""

    GRAPHQL_ERROR = "graphql_error"
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    REQUIRED = "required"
    AMOUNT_GREATER_THAN_AVAILABLE = "amount_greater_than_available"
    SHIPPING_COSTS_ALREADY_GRANTED = "shipping_costs_already_granted"
    PAYMENT_PROVIDER_ERROR = "payment_provider_error"
