"""The key of each school's keyed hashes, kept apart from the hashes.

The progress file keeps keyed hashes of identifiers (the import history, the matching decisions). ENT logins are
built from names: with the key beside the hashes, guessing common names re-identified the pupil a saved decision
was about. So the key lives elsewhere:
- in the operating system's store of the user's secrets when there is one – Windows Credential Manager (protected
  by DPAPI), the macOS Keychain, the Secret Service of a Linux desktop (GNOME Keyring, KWallet) – through
  `keyring`, each backend chosen by name (never a third-party one that would write a plain file);
- else in a file of its own in the data folder, `hash-keys.json`, readable by the user only (0600).
`PRONOTE_ENT_WIZARD_KEY_STORE=file` keeps to the file (a portable setup; the tests, so as never to touch the
developer's own key store).

The document keeps only `hash_key_id`, a keyed fingerprint of the key (`key_id`): it names the key's entry and
tells a key found from a wrong one, and reveals nothing of it. A key that is lost cannot be made again: the hashes
it made can never be compared again, and the progress says so (`progress.Progress.hash_key`). Qt-free; `keyring`
is imported only when a key is first needed (an analysis, a matching), never for the first page.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.errors import UserError
from wizard.core.i18n import tr

if TYPE_CHECKING:  # keyring loads when a key is first needed
    from keyring.backend import KeyringBackend

SERVICE = "pronote-ent-wizard"
FILE_NAME = "hash-keys.json"
ENVIRONMENT = "PRONOTE_ENT_WIZARD_KEY_STORE"
KEY_DIGITS = 64  # 32 random bytes


class KeyUnavailable(UserError):
    """The system's key store is there but refused (locked, the unlock prompt dismissed)."""


def key_id(key_hex: str) -> str:
    import hashlib
    import hmac

    return hmac.new(bytes.fromhex(key_hex), b"pronote-ent-wizard: key id", hashlib.sha256).hexdigest()[:16]


def is_key(text: str) -> bool:
    """A key as `progress.random_hex(32)` makes them: 64 hexadecimal digits."""
    return len(text) == KEY_DIGITS and all(char in "0123456789abcdefABCDEF" for char in text)


def entry_name(school_id: str, kid: str) -> str:
    return f"{school_id}.{kid}"


class KeyStore:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.file = self.data_dir / FILE_NAME
        self._looked = False  # for the system's store (looked for once, when a key is first needed)
        self._system: KeyringBackend | None = None

    # -- the system's store ----------------------------------------------------------------------
    @property
    def system(self) -> KeyringBackend | None:
        if not self._looked:
            self._looked = True
            self._system = _system_keyring()
        return self._system

    # -- reading, writing, forgetting ------------------------------------------------------------
    def get(self, name: str) -> str | None:
        """The key under `name`, from the system's store then the file; None when it is nowhere, or when what is
        there is not a key (a hand-edited or damaged file: before, `key_id` failed on it – « Erreur inattendue »
        from `check --mode partiel`, the file page's analysis ending in the crash dialog): it is then lost, and
        the progress says so as for any lost key."""
        if self.system is not None:
            try:
                found: str | None = self.system.get_password(SERVICE, name)
            except Exception as problem:  # noqa: BLE001 - every backend has its own errors (locked, dismissed)
                raise KeyUnavailable(unavailable_message()) from problem
            if found and is_key(found):
                return found
        kept = self._read_file().get(name)
        return kept if kept is not None and is_key(kept) else None

    def put(self, name: str, key: str) -> None:
        """OSError when neither the system's store nor the file could keep it."""
        if self.system is not None:
            try:
                self.system.set_password(SERVICE, name, key)
                return
            except Exception:  # noqa: BLE001 - falls back to the file, readable by the user only
                pass
        keys = self._read_file()
        keys[name] = key
        self._write_file(keys)

    def delete(self, names: list[str]) -> list[str]:
        """Forget the keys `names` and the key file; what could not be removed (paths or entries)."""
        left = []
        if self.system is not None:
            for name in names:
                try:
                    self.system.delete_password(SERVICE, name)
                except Exception:  # noqa: BLE001 - absent (kept in the file), or the store refused
                    if self._system_has(name):
                        left.append(tr("la clé « {name} » du trousseau du système").format(name=name))
        try:
            self.file.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            left.append(str(self.file))
        return left

    def _system_has(self, name: str) -> bool:
        system = self.system
        try:
            return system is not None and bool(system.get_password(SERVICE, name))
        except Exception:  # noqa: BLE001
            return True

    # -- the file --------------------------------------------------------------------------------
    def _read_file(self) -> dict[str, str]:
        import json

        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        keys = data.get("keys") if isinstance(data, dict) else None
        return {k: v for k, v in keys.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(
            keys, dict) else {}

    def _write_file(self, keys: dict[str, str]) -> None:
        import contextlib
        import json
        import tempfile

        fd, name = tempfile.mkstemp(prefix=FILE_NAME + ".", suffix=".tmp", dir=self.data_dir)
        try:
            with contextlib.suppress(OSError):
                os.chmod(name, 0o600)  # mkstemp makes it 0600 already; said for the reader
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"version": 1, "keys": keys}, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(name, self.file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise


def _system_keyring() -> KeyringBackend | None:
    """The operating system's own store, when it answers; None otherwise (no D-Bus session, no Secret Service)."""
    if os.environ.get(ENVIRONMENT, "").lower() == "file":
        return None
    try:
        if sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring as Backend
        elif sys.platform == "darwin":
            from keyring.backends.macOS import Keyring as Backend
        else:
            from keyring.backends.SecretService import Keyring as Backend
        if Backend.priority <= 0:  # a property that raises when the store cannot be used here
            return None
        # keyring's KeyringBackend.__init__ has no annotations: an untyped call to the checker.
        return Backend()  # type: ignore[no-untyped-call]
    except Exception:  # noqa: BLE001 - any failure means « no system store here »: the file serves
        return None


def unavailable_message() -> str:
    return tr("Le trousseau du système (où l'assistant garde la clé des empreintes) est verrouillé ou ne répond "
              "pas : les imports précédents et les décisions de rapprochement ne peuvent pas être comparés pour "
              "l'instant. Déverrouillez-le, puis relancez l'analyse.")


def lost_message() -> str:
    return tr("La clé des empreintes de cet établissement est introuvable (trousseau du système ou fichier "
              "« {file} » effacé, ou données copiées sur un autre poste) : les empreintes déjà enregistrées "
              "(historique des imports, décisions de rapprochement) ne peuvent plus être comparées et ont été "
              "retirées. Une nouvelle clé a été créée ; le prochain import partiel ne pourra pas signaler les "
              "personnes déjà importées.").format(file=FILE_NAME)
