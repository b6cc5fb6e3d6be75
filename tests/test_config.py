"""Settings: defaults < file < environment < command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.config import Settings, load_settings
from marsad.errors import ConfigError


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text('[marsad]\ndb = "file.db"\nmax_document_bytes = 100\n', "utf-8")
    env = {"MARSAD_DB": "env.db"}
    settings = load_settings(environ=env, config_file=config)
    assert settings.db == "env.db"
    assert settings.max_document_bytes == 100
    assert load_settings({"db": "cli.db"}, environ=env, config_file=config).db == "cli.db"


def test_env_values_are_typed() -> None:
    settings = load_settings(environ={"MARSAD_MAX_DOCUMENT_BYTES": "2048"})
    assert settings.max_document_bytes == 2048


def test_bad_values_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"max_document_bytes.*int"):
        load_settings(environ={"MARSAD_MAX_DOCUMENT_BYTES": "lots"})
    bad = tmp_path / "bad.toml"
    bad.write_text("db = [", "utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(environ={}, config_file=bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('colour = "red"\n', "utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(environ={}, config_file=unknown)
