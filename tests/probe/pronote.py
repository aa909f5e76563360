"""What a PRONOTE server's InfoMobileApp.json looks like (DOMAIN.md), and the other answers tests serve."""
from __future__ import annotations

import json

OCCITANIE_CAS = "https://cas.mon-ent-occitanie.fr/"
INFO_PATH = "/pronote/InfoMobileApp.json"
INFO_QUERY = "id=0D264427-EEFC-4810-A9E9-346942A862A4"

PORTAL_PAGE = (b"<!DOCTYPE html><html><head><title>Portail de l'\xc3\xa9tablissement</title></head>"
               b"<body><a href='/pronote/'>PRONOTE</a></body></html>")


def pronote_info(*, cas_active: bool = True, cas_url: str = OCCITANIE_CAS, name: str = "COLLEGE VIA DOMITIA",
                 version: list | None = None) -> dict:
    return {
        "nomEtab": name,
        "version": version if version is not None else [2024, 2, 5],
        "date": "2024-09-02",
        "modeModif": False,
        "espaces": [
            {"nom": "Espace Élèves", "URL": "mobile.eleve.html", "genreEspace": 6, "avecDelegation": cas_active},
            {"nom": "Espace Parents", "URL": "mobile.parent.html", "genreEspace": 7, "avecDelegation": cas_active},
            {"nom": "Espace Professeurs", "URL": "mobile.professeur.html", "genreEspace": 8,
             "avecDelegation": cas_active},
            {"nom": "Espace Direction", "URL": "mobile.direction.html", "genreEspace": 17},
        ],
        "CAS": {"actif": cas_active, "casURL": cas_url if cas_active else "", "jetonCAS": ""},
    }


def info_body(**kwargs) -> bytes:
    return json.dumps(pronote_info(**kwargs), ensure_ascii=False).encode("utf-8")


def plain(text: str) -> str:
    """French typography's non-breaking spaces (before « : ; ! ? », inside « ») as plain ones, so that tests
    compare the words; typography has its own tests."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")
