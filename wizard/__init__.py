"""Assistant d'interconnexion PRONOTE – ENT (the ENT's own words: resources/ent/)."""

__version__ = "0.1.0"
