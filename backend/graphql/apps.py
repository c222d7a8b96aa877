from django.apps import AppConfig


class GraphQLConfig(AppConfig):
    name = "backend.graphql"
    label = "coop_graphql"
    verbose_name = "GraphQL API"
