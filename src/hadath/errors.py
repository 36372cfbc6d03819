"""Named errors. A leaf module: any layer may import it."""


class HadathError(Exception):
    """Base class for hadath's own errors."""


class OffsetError(HadathError):
    """A span whose offsets do not read its text in the document."""


class InputError(HadathError):
    """An input record that cannot be coded; the message is its manifest reason."""


class LexiconError(HadathError):
    """A lexicon file that cannot be loaded (path:line: what is wrong)."""


class RegistryError(HadathError):
    """An unknown or badly declared pipeline component."""


class MissingExtraError(HadathError):
    """An optional feature whose dependencies are not installed; the message names the extra."""
