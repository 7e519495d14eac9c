"""The package list, found rather than typed: every folder under tei/ (the Python packages and the
data folders beside them, templates/ and locale/), and the folders at the top of the repository that
are installed inside the package as tei.schemas, tei.xslt, tei.registers and tei.docs (with their
subfolders). The rest of the configuration, and which files of each are installed (package-data),
is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

DATA_FOLDERS = {"tei.schemas": "schemas", "tei.xslt": "xslt", "tei.registers": "registers", "tei.docs": "docs"}
NOT_PACKAGES = ["*.__pycache__", "*.__pycache__.*"]


def data_packages() -> list[str]:
    return [name for package, folder in DATA_FOLDERS.items()
            for name in (package, *(f"{package}.{sub}" for sub in find_namespace_packages(where=folder, exclude=NOT_PACKAGES)))]


setup(packages=[*find_namespace_packages(include=["tei", "tei.*"], exclude=NOT_PACKAGES), *data_packages()],
      package_dir=DATA_FOLDERS)
