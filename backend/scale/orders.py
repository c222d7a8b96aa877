"""Orders over the last twelve months: lines, deliveries with their legs and food-kilometres,
the fair-pay split frozen at order time (the real engine), captured payments, the balanced
capture journals, shipments (delivered for all but the recent ones) and their parcel holds."""
from __future__ import annotations

import bisect
import uuid
from collections import defaultdict
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from backend.accounts.models import Address
from backend.core.money import to_minor_units
from backend.fairpay import splits
from backend.fairpay.models import (
    AccountKind,
    CooperativeFairPay,
    Entry,
    Journal,
    JournalKind,
    OrderLineSplit,
    OrderSplit,
    ParcelHold,
    PaymentMethod,
    SplitPolicy,
)
from backend.fairpay.services.policy import split_policy_for
from backend.orders.models import (
    AuthorizeStatus,
    ChargeStatus,
    Order,
    OrderDelivery,
    OrderLine,
    OrderStatus,
)
from backend.orders.numbers import SEQUENCE
from backend.payments.gateways import CASH_ON_DELIVERY, STRIPE
from backend.payments.models import TransactionEvent, TransactionEventType, TransactionItem
from catalog.models import Channel
from fulfillment.models import ActorKind, Shipment, ShipmentEvent, ShipmentStatus

from .bulk import reserve_ids, reserve_sequence
from .catalog import Sellable
from .context import SeedContext, km_between
from .ledger import PAYEE_KIND, Ledger, seed_accounts
from .network import Carrier, Coop, Customer
from .writer import ChunkWriter

CHUNK = 5000
CENTS = Decimal("0.01")
CURRENCY = "MAD"
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENTS, rounding=ROUND_HALF_UP)


class OrderWriter:
    """Builds the rows of a chunk of orders, then copies them table by table."""

    MODELS = (Address, Order, OrderLine, OrderDelivery, OrderSplit, OrderLineSplit,
              TransactionItem, TransactionEvent, Journal, Entry, Shipment, ShipmentEvent,
              ParcelHold)

    def __init__(self, ctx: SeedContext, coops: list[Coop], carriers: list[Carrier],
                 customers: list[Customer], sellables: dict[int, list[Sellable]],
                 ledger: Ledger) -> None:
        self.ctx, self.ledger = ctx, ledger
        self.rng = ctx.rng("orders")
        self.customers = customers
        self.sellers = [c for c in coops if sellables.get(c.id)]
        self.sellables = sellables
        self.by_region: dict[int, list[Coop]] = defaultdict(list)
        for coop in self.sellers:
            self.by_region[coop.place.region_id].append(coop)
        self.carriers: dict[int, list[Carrier]] = defaultdict(list)
        for carrier in carriers:
            self.carriers[carrier.region_id].append(carrier)
        overrides = dict(CooperativeFairPay.objects.filter(
            cooperative_id__in=[c.id for c in self.sellers]).values_list(
            "cooperative_id", "commission_override"))
        self.terms = {c.id: splits.CooperativeTerms(
            id=c.id, women_led=c.women_led, youth_led=c.youth_led,
            commission_override=overrides.get(c.id)) for c in self.sellers}
        self.channel_id = Channel.objects.get(slug="maroc").pk
        split_policy_for(ctx.anchor)  # creates version 1 in a database without a policy
        ordered = list(SplitPolicy.objects.order_by("effective_from", "version"))
        self.starts = [version.effective_from for version in ordered]
        self.versions = [(version, version.to_policy()) for version in ordered]
        self.rows: dict[type, list[dict]] = {model: [] for model in self.MODELS}

    # ---------------------------------------------------------------------------------
    def policy_for(self, at: datetime):
        """The version in force at ``at`` (``split_policy_for``'s rule), from the versions
        loaded once: the newest one started by then, else the first one."""
        index = bisect.bisect_right(self.starts, at)
        return self.versions[max(index - 1, 0)]

    def _legs(self, coop: Coop, customer: Customer, weight: int) -> dict:
        rng = self.rng
        dest = customer.place
        origin_carriers = self.carriers[coop.place.region_id]
        first = origin_carriers[rng.randrange(len(origin_carriers))]
        km = km_between(coop.latitude, coop.longitude, dest.latitude, dest.longitude)
        if coop.place.region_id == dest.region_id:
            hops = [(first, km, coop.place.city_id, dest.city_id)]
            level = "LOCAL" if coop.place.city_id == dest.city_id else "REGIONAL"
        else:
            dest_carriers = self.carriers[dest.region_id]
            second = dest_carriers[rng.randrange(len(dest_carriers))]
            hub = next(p for p in self.ctx.places if p.city_id == first.hub_city_id)
            km1 = km_between(coop.latitude, coop.longitude, hub.latitude, hub.longitude)
            km2 = km_between(hub.latitude, hub.longitude, dest.latitude, dest.longitude)
            hops = [(first, km1, coop.place.city_id, hub.city_id),
                    (second, km2, hub.city_id, dest.city_id)]
            km, level = km1 + km2, "NATIONAL_RELAY"
        legs, price, co2 = [], Decimal(0), 0
        extra_kg = max(0, (weight - 2000 + 999) // 1000)
        for carrier, leg_km, from_city, to_city in hops:
            leg_price = max(carrier.minimum_fee, _money(
                carrier.base_fee + carrier.fee_per_km * leg_km + 2 * extra_kg))
            price += leg_price
            co2 += int(leg_km * carrier.co2_per_km)
            legs.append({"partner_id": carrier.id, "partner_slug": carrier.slug,
                         "partner_name": carrier.slug, "from_city_id": from_city,
                         "to_city_id": to_city, "km": str(leg_km), "price": str(leg_price)})
        days = 1 if level == "LOCAL" else 2 if level == "REGIONAL" else 3
        return {"legs": legs, "price": price, "km": km, "co2": co2, "level": level,
                "min_days": days, "max_days": days + 1,
                "option_id": f"{coop.id}/" + "+".join(leg["partner_slug"] for leg in legs)}

    def _pick_coops(self, customer: Customer) -> list[Coop]:
        rng = self.rng
        count = rng.choices((1, 2, 3), (70, 22, 8))[0]
        local = self.by_region.get(customer.place.region_id)
        chosen: dict[int, Coop] = {}
        while len(chosen) < min(count, len(self.sellers)):
            pool = local if local and rng.random() < 0.4 else self.sellers
            coop = pool[rng.randrange(len(pool))]
            chosen.setdefault(coop.id, coop)
        return list(chosen.values())

    # ---------------------------------------------------------------------------------
    def add(self, number: int, created: datetime, delivery_ids) -> None:
        """All rows of one order."""
        rng, ctx = self.rng, self.ctx
        customer = self.customers[rng.randrange(len(self.customers))]
        order_id = _uuid(rng)
        language = rng.choice(("fr", "fr", "fr", "ar", "en"))
        address_id = next(self.address_ids)
        self.rows[Address].append({"id": address_id, **customer.address_fields})
        cash = rng.random() < 0.4
        gateway = CASH_ON_DELIVERY if cash else STRIPE
        age_days = (ctx.anchor - created).total_seconds() / 86400
        canceled = rng.random() < 0.02
        lines, parcels = [], []
        for coop in self._pick_coops(customer):
            offer = self.sellables[coop.id]
            count = min(len(offer), rng.choices((1, 2, 3), (60, 30, 10))[0])
            picked = rng.sample(offer, count)
            coop_lines = []
            for sellable in picked:
                quantity = rng.choices((1, 2, 3), (70, 22, 8))[0]
                line = {"id": _uuid(rng), "order_id": order_id,
                        "variant_id": sellable.variant_id, "cooperative_id": coop.id,
                        "product_name": sellable.product_name.fr[:386],
                        "variant_name": sellable.variant_name.fr,
                        "translated_product_name": sellable.product_name.get(language)[:386],
                        "translated_variant_name": sellable.variant_name.get(language),
                        "product_sku": sellable.sku, "quantity": quantity,
                        "currency": CURRENCY, "unit_price_amount": sellable.price,
                        "total_price_amount": sellable.price * quantity,
                        "weight_grams": sellable.weight_grams * quantity}
                coop_lines.append(line)
            weight = sum(line["weight_grams"] for line in coop_lines)
            route = self._legs(coop, customer, weight)
            delivery_id = next(delivery_ids)
            self.rows[OrderDelivery].append({
                "id": delivery_id, "order_id": order_id, "cooperative_id": coop.id,
                "option_id": route["option_id"], "price_amount": route["price"],
                "minimum_delivery_days": route["min_days"],
                "maximum_delivery_days": route["max_days"], "distance_km": route["km"],
                "co2_grams": route["co2"], "short_circuit_level": route["level"],
                "legs": route["legs"]})
            lines += coop_lines
            parcels.append((coop, coop_lines, delivery_id, route, weight))
        subtotal = sum((line["total_price_amount"] for line in lines), Decimal(0))
        shipping = sum((p[3]["price"] for p in parcels), Decimal(0))
        total = subtotal + shipping
        self.rows[OrderLine] += lines

        # The split, frozen at order time by the real engine.
        version, policy = self.policy_for(created)
        method = PaymentMethod.CASH if cash else PaymentMethod.CARD
        request = splits.SplitRequest(
            seed=f"order:{order_id}", currency=CURRENCY,
            lines=tuple(splits.LineInput(key=f"line:{line['id']}",
                                         cooperative=self.terms[line["cooperative_id"]],
                                         amount=to_minor_units(line["total_price_amount"],
                                                               CURRENCY))
                        for line in sorted(lines, key=lambda item: str(item["id"]))),
            deliveries=tuple(splits.DeliveryInput(
                key=f"delivery:{delivery_id}", cooperative_id=coop.id,
                amount=to_minor_units(route["price"], CURRENCY),
                legs=tuple(splits.LegQuote(partner_id=leg["partner_id"],
                                           quoted=to_minor_units(Decimal(leg["price"]),
                                                                 CURRENCY))
                           for leg in route["legs"]))
                for coop, _, delivery_id, route, _ in sorted(parcels, key=lambda p: p[2])),
            policy=policy, method=splits.PaymentMethod(method))
        split = splits.split_order(request)
        assert split.paid == to_minor_units(total, CURRENCY), "split does not add up"
        split_id = next(self.split_ids)
        self.rows[OrderSplit].append({
            "id": split_id, "order_id": order_id, "policy_id": version.pk, "method": method,
            "currency": CURRENCY, "paid_minor": split.paid, "fee_minor": split.fee,
            "seed": request.seed, "discounts": [], "prepaid_minor": 0, "created_at": created})
        coop_of_line = {str(line["id"]): line["cooperative_id"] for line in lines}
        coop_of_delivery = {str(p[2]): p[0].id for p in parcels}
        cells = []  # (parcel cooperative, entry fields)
        for part in split.parts:
            kind, pk = part.source.split(":", 1)
            payee = part.payee
            is_partner = payee.kind == splits.PayeeKind.PARTNER
            self.rows[OrderLineSplit].append({
                "order_split_id": split_id,
                "order_line_id": pk if kind == "line" else None,
                "delivery_id": int(pk) if kind == "delivery" else None,
                "payee_kind": payee.kind.value,
                "cooperative_id": None if is_partner else payee.id,
                "partner_id": payee.id if is_partner else None,
                "role": part.role.value, "amount_minor": part.amount, "rate": part.rate})
            parcel = coop_of_line[pk] if kind == "line" else coop_of_delivery[pk]
            cells.append((parcel, {
                "account_id": self.ledger.of(PAYEE_KIND[payee.kind], payee.id),
                "amount": -part.amount, "order_line_id": pk if kind == "line" else None,
                "delivery_id": int(pk) if kind == "delivery" else None,
                "role": part.role.value, "parcel_cooperative_id": parcel}))

        # Shipments, and when each parcel was delivered.
        delivered_at: dict[int, datetime] = {}
        for coop, coop_lines, delivery_id, route, weight in parcels:
            last = len(route["legs"]) - 1
            if canceled:
                status = ShipmentStatus.CANCELED
            elif age_days > 12 or (age_days > 4 and rng.random() < 0.6):
                status = ShipmentStatus.DELIVERED
                delivered_at[coop.id] = created + timedelta(hours=rng.randrange(20, 24 * 6))
            elif age_days > 2:
                status = rng.choice((ShipmentStatus.PICKED_UP, ShipmentStatus.IN_TRANSIT,
                                     ShipmentStatus.OUT_FOR_DELIVERY))
            else:
                status = rng.choice((ShipmentStatus.AWAITING_PREPARATION,
                                     ShipmentStatus.READY_FOR_PICKUP, ShipmentStatus.ACCEPTED))
            current = last if status in (ShipmentStatus.DELIVERED,
                                         ShipmentStatus.OUT_FOR_DELIVERY) else 0
            shipment_id = _uuid(rng)
            tracking = "CS" + "".join(TRACKING_ALPHABET[rng.randrange(32)]
                                      for _ in range(3)) + _crockford(delivery_id, 7)
            parcel_total = (sum((line["total_price_amount"] for line in coop_lines), Decimal(0))
                            + route["price"])
            changed = delivered_at.get(coop.id, created + timedelta(hours=2))
            for line in coop_lines:
                line["quantity_fulfilled"] = (line["quantity"]
                                              if status == ShipmentStatus.DELIVERED else 0)
            self.rows[Shipment].append({
                "id": shipment_id, "order_id": order_id, "cooperative_id": coop.id,
                "delivery_id": delivery_id, "status": status, "tracking_number": tracking,
                "legs": route["legs"], "current_leg": current,
                "partner_id": route["legs"][current]["partner_id"], "weight_grams": weight,
                "currency": CURRENCY,
                "cash_to_collect_amount": parcel_total if cash else Decimal(0),
                "delivery_code_salt": f"{rng.getrandbits(128):032x}",
                "created_at": created, "updated_at": changed})
            if status not in (ShipmentStatus.AWAITING_PREPARATION, ShipmentStatus.CANCELED):
                self.rows[ShipmentEvent].append({
                    "shipment_id": shipment_id, "occurred_at": changed, "created_at": changed,
                    "actor_kind": ActorKind.PARTNER,
                    "actor_partner_id": route["legs"][current]["partner_id"],
                    "city_id": customer.place.city_id if status == ShipmentStatus.DELIVERED
                    else None,
                    "from_status": "", "to_status": status, "leg": current})
            if coop.id in delivered_at:
                self.rows[ParcelHold].append({
                    "order_id": order_id, "cooperative_id": coop.id,
                    "release_at": delivered_at[coop.id] + timedelta(days=version.holding_days),
                    "created_at": delivered_at[coop.id]})
            if cash and coop.id in delivered_at:
                collector = route["legs"][last]["partner_id"]
                reference = f"cash-{tracking}"
                self._capture(order_id, created, [c for p, c in cells if p == coop.id],
                              at=delivered_at[coop.id], method=PaymentMethod.CASH,
                              debit=self.ledger.of(AccountKind.CASH_HELD_BY_PARTNER, collector),
                              reference=f"{reference}:{coop.id}", psp=reference,
                              gateway=CASH_ON_DELIVERY, hold=version.holding_days)

        charged = Decimal(0)
        if not canceled and not cash:
            psp = f"pi_scale{number}"
            charged = total
            self._capture(order_id, created, [c for _, c in cells],
                          at=created + timedelta(minutes=1), method=PaymentMethod.CARD,
                          debit=self.ledger.of(AccountKind.PROVIDER_CLEARING), reference=psp,
                          psp=psp, gateway=STRIPE, hold=version.holding_days)
        elif cash:
            charged = sum((p[3]["price"] + sum((line["total_price_amount"] for line in p[1]),
                                               Decimal(0))
                           for p in parcels if p[0].id in delivered_at), Decimal(0))
        delivered = len(delivered_at)
        status = (OrderStatus.CANCELED if canceled else OrderStatus.FULFILLED
                  if delivered == len(parcels) else OrderStatus.PARTIALLY_FULFILLED
                  if delivered else OrderStatus.UNFULFILLED)
        charge = (ChargeStatus.FULL if charged == total else
                  ChargeStatus.PARTIAL if charged else ChargeStatus.NONE)
        self.rows[Order].append({
            "id": order_id, "number": number, "status": status, "user_id": customer.id,
            "user_email": customer.email, "channel_id": self.channel_id,
            "language_code": language, "checkout_token": _uuid(rng),
            "tracking_token": _uuid(rng), "shipping_address_id": address_id,
            "billing_address_id": address_id, "currency": CURRENCY,
            "subtotal_amount": subtotal, "shipping_amount": shipping, "total_amount": total,
            "total_charged_amount": charged, "charge_status": charge,
            "authorize_status": AuthorizeStatus.FULL if charge == ChargeStatus.FULL
            else AuthorizeStatus.NONE,
            "payment_gateway": gateway, "created_at": created,
            "updated_at": max([created, *delivered_at.values()])})

    def _capture(self, order_id, created: datetime, cells: list[dict], *, at: datetime,
                 method: PaymentMethod, debit: int, reference: str, psp: str, gateway: str,
                 hold: int) -> None:
        """The payment (transaction and its charge event) and its balanced capture journal."""
        credits = [cell for cell in cells if cell["amount"]]
        amount_minor = -sum(cell["amount"] for cell in credits)
        if amount_minor <= 0:
            return
        amount = Decimal(amount_minor) / 100
        transaction_id = next(self.transaction_ids)
        self.rows[TransactionItem].append({
            "id": transaction_id, "token": _uuid(self.rng), "created_at": at,
            "modified_at": at, "gateway": gateway,
            "name": "Stripe" if gateway == STRIPE else "Cash on delivery",
            "psp_reference": psp if gateway == STRIPE else "",
            "idempotency_key": "" if gateway == STRIPE else psp, "currency": CURRENCY,
            "authorized_amount": Decimal(0), "charged_amount": amount,
            "available_actions": ["REFUND"], "order_id": order_id})
        self.rows[TransactionEvent].append({
            "transaction_id": transaction_id, "type": TransactionEventType.CHARGE_SUCCESS,
            "amount": amount, "currency": CURRENCY, "psp_reference": psp,
            "source": "seed_scale", "created_at": at})
        journal_id = next(self.journal_ids)
        self.rows[Journal].append({
            "id": journal_id, "kind": JournalKind.CAPTURE, "currency": CURRENCY,
            "order_id": order_id, "method": method, "reference": reference,
            "occurred_at": at, "created_at": at})
        release = at + timedelta(days=hold)
        entries = self.rows[Entry]
        entries.append({"journal_id": journal_id, "account_id": debit, "amount": amount_minor,
                        "order_id": order_id, "available_at": at})
        for cell in credits:
            entries.append({"journal_id": journal_id, "order_id": order_id,
                            "available_at": release, **cell})

    def flush(self) -> None:
        """Hand this chunk's rows to the writer thread, which copies them while the next
        chunk is generated."""
        rows, self.rows = self.rows, {model: [] for model in self.MODELS}
        self.writer.put(rows)


def _crockford(value: int, width: int) -> str:
    """``value`` in base 32 (Crockford's alphabet), left-padded to ``width``."""
    digits = []
    while value:
        value, rest = divmod(value, 32)
        digits.append(TRACKING_ALPHABET[rest])
    return "".join(reversed(digits)).rjust(width, "0")[-width:]


def _ids(first: int):
    value = first
    while True:
        yield value
        value += 1


def seed_orders(ctx: SeedContext, coops: list[Coop], carriers: list[Carrier],
                customers: list[Customer], sellables: dict[int, list[Sellable]]) -> None:
    ledger = seed_accounts(ctx, coops, carriers)
    writer = OrderWriter(ctx, coops, carriers, customers, sellables, ledger)
    n = ctx.params.orders
    if n == 0 or not writer.sellers:
        return
    rng = ctx.rng("order-dates")
    start = ctx.anchor - timedelta(days=365)
    # A gentle upward trend: more orders in the recent months.
    moments = sorted(start + timedelta(seconds=int(365 * 86400 * (rng.random() ** 0.8)))
                     for _ in range(n))
    first_number = reserve_sequence(f"'{SEQUENCE}'", n)
    most_parcels = n * 3
    delivery_ids = _ids(reserve_ids(OrderDelivery, most_parcels))
    writer.address_ids = _ids(reserve_ids(Address, n))
    writer.split_ids = _ids(reserve_ids(OrderSplit, n))
    writer.transaction_ids = _ids(reserve_ids(TransactionItem, most_parcels))
    writer.journal_ids = _ids(reserve_ids(Journal, most_parcels))
    bar = ctx.progress("orders", n)
    writer.writer = ChunkWriter(ctx)
    try:
        for index, created in enumerate(moments):
            writer.add(first_number + index, created, delivery_ids)
            if (index + 1) % CHUNK == 0 or index + 1 == n:
                writer.flush()
                bar.advance(CHUNK if (index + 1) % CHUNK == 0 else n % CHUNK)
    finally:
        writer.writer.close()
    bar.finish()
