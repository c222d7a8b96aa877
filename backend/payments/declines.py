"""Card declines told to the customer in their language, from Stripe's codes.

Stripe's own ``message`` is English and sometimes too revealing; following Stripe's advice,
suspected fraud, lost and stolen cards get the generic message.
"""
from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

GENERIC = _("Your card was declined. Please try another card or pay on delivery.")

DECLINE_MESSAGES = {
    "insufficient_funds": _("Your card has insufficient funds. Please try another card."),
    "expired_card": _("Your card has expired. Please use another card."),
    "incorrect_cvc": _("The security code (CVC) is incorrect. Please check it and try again."),
    "invalid_cvc": _("The security code (CVC) is incorrect. Please check it and try again."),
    "incorrect_number": _("The card number is incorrect. Please check it and try again."),
    "invalid_number": _("The card number is incorrect. Please check it and try again."),
    "invalid_expiry_month": _("The expiry date is incorrect. Please check it and try again."),
    "invalid_expiry_year": _("The expiry date is incorrect. Please check it and try again."),
    "card_velocity_exceeded": _("Your card has reached its spending limit. Please try another "
                                "card."),
    "withdrawal_count_limit_exceeded": _("Your card has reached its spending limit. Please try "
                                         "another card."),
    "processing_error": _("An error occurred while processing your card. Please try again."),
    "try_again_later": _("Your bank could not be reached. Please try again in a moment."),
    "authentication_required": _("Your bank asks you to confirm this payment. Please try "
                                 "again and complete the verification."),
    "payment_intent_authentication_failure": _("The verification with your bank failed. Please "
                                               "try again."),
    "card_not_supported": _("This card does not support this kind of purchase. Please try "
                            "another card."),
    "currency_not_supported": _("This card does not support payments in dirhams. Please try "
                                "another card."),
}

UNAVAILABLE = _("The card payment service is unavailable. Please try again in a moment.")


def decline_message(code: str = "", decline_code: str = "", language: str | None = None) -> str:
    """The customer-facing reason for a refused card, in ``language`` (fr, ar or en)."""
    message = (DECLINE_MESSAGES.get(decline_code or "") or DECLINE_MESSAGES.get(code or "")
               or GENERIC)
    return in_language(message, language)


def in_language(message: object, language: str | None) -> str:
    """Render a lazy message in ``language``, or in the active language when none is given."""
    if not language:
        return str(message)
    with translation.override(language[:2]):
        return str(message)
