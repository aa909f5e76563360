"""Assistant d'interconnexion PRONOTE – mon ENT Occitanie."""

__version__ = "0.1.0"
