"""One typed Settings object: defaults < settings file < environment < command line."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

#: The settings file read from the working directory when $MARSAD_CONFIG is not set.
DEFAULT_CONFIG_FILE = "marsad.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be configured with."""

    #: Store URL: a SQLite path (the default) or a postgresql:// URL.
    db: str = "marsad.db"
    #: Largest single document read into memory, in bytes.
    max_document_bytes: int = 10 * 1024 * 1024
    #: Smallest share of Arabic letters among all letters for a text to count as Arabic.
    min_arabic_share: float = 0.6
    #: Seconds before an HTTP request is abandoned.
    http_timeout: float = 20.0
    #: Seconds to wait between two requests to the same host.
    http_delay: float = 1.0
    #: Retries after a connection error, 429 or 5xx, with exponential backoff.
    http_retries: int = 3
    #: Redirects followed before a URL is dropped.
    http_max_redirects: int = 5
    #: Longest Retry-After (seconds) honoured before a URL is dropped.
    http_max_retry_after: float = 60.0
    #: ISO alpha-3 of the outlets' country: the state of domestic actors (protesters,
    #: security forces…) in an article that names no state; empty: none.
    home_country: str = ""


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} must be a {kind.__name__}, got {value!r}") from exc


def _apply(settings: Settings, values: Mapping[str, Any], origin: str) -> Settings:
    known = {f.name: type(getattr(settings, f.name)) for f in fields(settings)}
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name not in known:
            raise ConfigError(f"unknown setting {name!r} in {origin}; known: {sorted(known)}")
        changes[name] = _coerce(name, value, known[name])
    return replace(settings, **changes)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from exc
    section = data.get("marsad", data)
    if not isinstance(section, dict):
        raise ConfigError(f"settings file {path}: [marsad] must be a table")
    return section


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Build Settings from defaults, the settings file, ``MARSAD_*`` variables and overrides."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or (Path(env["MARSAD_CONFIG"]) if env.get("MARSAD_CONFIG") else None)
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    if path is not None:
        settings = _apply(settings, _read_file(path), str(path))
    from_env = {
        f.name: env[f"MARSAD_{f.name.upper()}"]
        for f in fields(settings)
        if f"MARSAD_{f.name.upper()}" in env
    }
    settings = _apply(settings, from_env, "the environment")
    return _apply(settings, overrides or {}, "the command line")
