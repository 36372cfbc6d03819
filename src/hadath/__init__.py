"""hadath: Arabic news to political event data (CAMEO, PLOVER), with evidence for every record."""

from hadath.version import __version__

__all__ = ["__version__"]
