"""The one place where the schema is assembled from each domain's Query (and, later, Mutation).
"""
import graphene

from backend.cooperatives.graphql.queries import CooperativeQueries
from catalog.graphql.attributes import ASSIGNED_ATTRIBUTE_TYPES
from catalog.graphql.queries import CatalogQueries
from fulfillment.graphql.queries import RegionQueries
from fulfillment.graphql.queries_delivery import DeliveryQueries

from .shop import ShopQueries


class Query(ShopQueries, CatalogQueries, CooperativeQueries, RegionQueries, DeliveryQueries,
            graphene.ObjectType):
    pass


# Concrete types reachable only through an interface must be listed to be in the schema.
schema = graphene.Schema(query=Query, types=ASSIGNED_ATTRIBUTE_TYPES)
