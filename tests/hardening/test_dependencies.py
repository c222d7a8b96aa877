"""Dependency audit: the virtualenv is exactly ``requirements.lock``, which satisfies
pyproject.toml.

pip-audit needs the online vulnerability database (PyPI/OSV), unreachable here, so the pinned
lock file is the check: an upgrade is a reviewed change of one line, and the lock can be fed to
``pip-audit -r requirements.lock`` wherever the network allows it.
"""
from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
NOT_PINNED = {"pip", "setuptools", "wheel", "distribute", "coopstore"}


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned with ==: {line!r}"
            pins[canonicalize_name(name)] = version
    return pins


def _installed() -> dict[str, str]:
    return {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()
            if canonicalize_name(d.metadata["Name"]) not in NOT_PINNED}


def test_every_installed_distribution_is_the_locked_version():
    locked = {k: v for k, v in _locked().items() if k not in NOT_PINNED}
    installed = _installed()

    differences = {name: (installed.get(name), locked.get(name))
                   for name in installed.keys() | locked.keys()
                   if installed.get(name) != locked.get(name)}
    assert differences == {}, ("installed vs requirements.lock differ (installed, locked); "
                               "regenerate the lock with pip freeze --exclude-editable")


def test_the_lock_satisfies_every_requirement_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    locked = _locked()

    unmet = []
    for text in requirements:
        requirement = Requirement(text)
        version = locked.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            unmet.append((text, version))
    assert unmet == []
