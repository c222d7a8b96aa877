"""The GraphQL endpoint; GraphiQL only with DEBUG."""
from graphene_django.views import GraphQLView


class CoopGraphQLView(GraphQLView):
    pass
