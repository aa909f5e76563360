"""What a server check found, as plain data the pages, the progress and `probe --json` share."""
from __future__ import annotations

from dataclasses import dataclass, field

from wizard.core.outcomes import ADDRESS, ERROR


@dataclass(frozen=True)
class Space:
    """One PRONOTE space (pupils, parents, teachers…) as the server lists it."""

    nom: str
    url: str
    genre: str  # the space's page name: eleve, parent, professeur… or the raw number when unknown
    genre_code: int | None
    delegation: bool  # the server says this space delegates authentication (`avecDelegation`)

    def to_json(self) -> dict[str, object]:
        return {"nom": self.nom, "url": self.url, "genre": self.genre, "genre_code": self.genre_code,
                "delegation": self.delegation}


@dataclass(frozen=True)
class ProbeResult:
    url: str  # the PRONOTE root that was checked (normalised), or what was typed when refused
    outcome: str
    reachable: bool
    is_pronote: bool
    message: str  # the whole verdict in French for the page that asked (verdict.py), or the bare finding
    school_name: str | None = None
    version: str | None = None  # as PRONOTE writes it: « 2024 – 2.5 »
    cas_active: bool | None = None  # None when the server is not PRONOTE
    cas_host: str | None = None
    delegated_to_ent: bool = False
    spaces: tuple[Space, ...] = ()
    reason: str = ""  # why nothing could be read (client.ProbeFailure codes), or ""
    warnings: tuple[str, ...] = field(default_factory=tuple)  # from the address normaliser
    purpose: str = ADDRESS
    level: str = ERROR  # ok | warning | error, for `purpose` (verdict.py)
    # False exactly when the server answered as PRONOTE without delegating to the ENT: confirming the
    # publication by hand would then record what the server itself contradicts.
    allows_manual_confirmation: bool = True
    finding: str = ""  # the bare fact in French, whatever the purpose (what the `probe` command prints)
    clock_warning: str = ""  # the server's date and this PC's are days apart (pcclock.server_clock_message)

    def to_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "outcome": self.outcome,
            "reachable": self.reachable,
            "school_name": self.school_name,
            "version": self.version,
            "cas_active": self.cas_active,
            "cas_host": self.cas_host,
            "delegated_to_ent": self.delegated_to_ent,
            "spaces": [space.to_json() for space in self.spaces],
            "message": self.message,
            "level": self.level,
            "purpose": self.purpose,
            "allows_manual_confirmation": self.allows_manual_confirmation,
            "finding": self.finding,
            "clock_warning": self.clock_warning,
        }
