"""The Qt shell around the pages: the window, the application start, the background worker and the dialogs
(help, « À propos », unexpected error). With `wizard/pages/` the only place that imports Qt (besides the PDF
renderer); `pyproject.toml` holds the import contracts that keep it so."""
