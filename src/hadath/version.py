"""The package version, kept apart so leaves can import it without the pipeline."""

__version__ = "0.1.0"
