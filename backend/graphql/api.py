"""The one place where the schema is assembled from each domain's Query and Mutation parts.
"""
import graphene
from graphql import DirectiveLocation

from backend.accounts.graphql.mutations import AccountMutations
from backend.accounts.graphql.queries import AccountQueries
from backend.content.graphql.queries import ContentQueries
from backend.content.graphql.types import CONTENT_INTERFACE_TYPES
from backend.cooperatives.graphql.queries import CooperativeQueries
from backend.discounts.graphql.mutations import DiscountMutations
from backend.integrations.graphql.queries import AppQueries
from backend.orders.graphql.mutations import CheckoutMutations
from backend.orders.graphql.queries import CheckoutQueries
from backend.payments.graphql.mutations import PaymentMutations
from catalog.graphql.attributes import ASSIGNED_ATTRIBUTE_TYPES
from catalog.graphql.mutations import CatalogMutations
from catalog.graphql.queries import CatalogQueries
from fulfillment.graphql.queries import RegionQueries
from fulfillment.graphql.queries_delivery import DeliveryQueries

from .introspection import list_deprecated_inputs
from .shop import ShopQueries


class Query(ShopQueries, CatalogQueries, CooperativeQueries, RegionQueries, DeliveryQueries,
            CheckoutQueries, AccountQueries, ContentQueries, AppQueries, graphene.ObjectType):
    pass


class Mutation(CheckoutMutations, PaymentMutations, AccountMutations, DiscountMutations,
               CatalogMutations,
               graphene.ObjectType):
    pass


# Concrete types reachable only through an interface must be listed to be in the schema.
schema = graphene.Schema(query=Query, mutation=Mutation,
                         types=[*ASSIGNED_ATTRIBUTE_TYPES, *CONTENT_INTERFACE_TYPES])

# graphql-core 3.2.14 lists DIRECTIVE_DEFINITION among @deprecated's locations (a draft of the
# spec); graphql-js 16, which Saleor's storefront builds its types with, rejects the whole
# introspection on it ("Unexpected Name DIRECTIVE_DEFINITION"). Announce Saleor's locations.
_deprecated = schema.graphql_schema.get_directive("deprecated")
_deprecated.locations = tuple(location for location in _deprecated.locations
                              if location != DirectiveLocation.DIRECTIVE_DEFINITION)

# Deprecated arguments and input fields stay in the default introspection, as on Saleor.
list_deprecated_inputs()
