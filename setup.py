"""Everything else is in pyproject.toml. This only ships the repository's `resources/` folder (ENT data, icons,
help, translations — whatever it holds) inside the package as `wizard/resources/`, where `wizard.core.paths` looks
first, so an installed copy works from any folder. pyproject.toml cannot map a folder from outside the package."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["wizard", "wizard.*"]) + ["wizard.resources"],
    package_dir={"wizard.resources": "resources"},
    package_data={"wizard.resources": ["**/*"]},
)
