"""The one place where the schema is assembled from each domain's Query and Mutation parts.
"""
import graphene

from backend.accounts.graphql.mutations import AccountMutations
from backend.accounts.graphql.queries import AccountQueries
from backend.cooperatives.graphql.queries import CooperativeQueries
from backend.orders.graphql.mutations import CheckoutMutations
from backend.orders.graphql.queries import CheckoutQueries
from backend.payments.graphql.mutations import PaymentMutations
from catalog.graphql.attributes import ASSIGNED_ATTRIBUTE_TYPES
from catalog.graphql.queries import CatalogQueries
from fulfillment.graphql.queries import RegionQueries
from fulfillment.graphql.queries_delivery import DeliveryQueries

from .shop import ShopQueries


class Query(ShopQueries, CatalogQueries, CooperativeQueries, RegionQueries, DeliveryQueries,
            CheckoutQueries, AccountQueries, graphene.ObjectType):
    pass


class Mutation(CheckoutMutations, PaymentMutations, AccountMutations, graphene.ObjectType):
    pass


# Concrete types reachable only through an interface must be listed to be in the schema.
schema = graphene.Schema(query=Query, mutation=Mutation, types=ASSIGNED_ATTRIBUTE_TYPES)
