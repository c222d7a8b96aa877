from .geography import City, Region

__all__ = ["City", "Region"]
