"""The one place where the schema is assembled from each domain's Query and Mutation."""
import graphene


class Query(graphene.ObjectType):
    ping = graphene.String()

    def resolve_ping(self, info):
        return "pong"


schema = graphene.Schema(query=Query)
