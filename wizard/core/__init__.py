"""The Qt-free core: the saved document and its store, the progress model (its one writer), the flow as data, the
school's year, the status board, and the checks (school identity, the identifier file, the account matching, the
PRONOTE server). Nothing here imports Qt or the layers above (`wizard.commands`, `wizard.gui`, `wizard.pages`,
`wizard.app`): `pyproject.toml`'s import contracts, checked by `lint-imports` in CI, keep it so."""
