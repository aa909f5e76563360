"""The headless commands (`check`, `reconcile`, `probe`, `record`, `notice`): `cli` parses and dispatches, one module
per command, `console` writes to the terminal. Qt-free, except `pdf` (`record`, `notice`), which draws with Qt."""
