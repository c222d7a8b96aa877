from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairpayConfig(AppConfig):
    name = "backend.fairpay"
    label = "fairpay"
    verbose_name = _("Fair pay")

    def ready(self) -> None:
        # Every charge and refund the payments app records reaches the ledger exactly once.
        from backend.payments.hooks import register_money_listener

        from .payment_listener import ledger_record_money_movement

        register_money_listener(ledger_record_money_movement)
