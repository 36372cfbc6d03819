"""Lexicons: versioned TSV tables in lexicon/data/ and their cached loaders.

Each file has `# version:` and `# columns:` header lines (read by
`hadath.lexicon.tsv`); every loader raises LexiconError("file.tsv:LINE: ...").
Keys are folded Arabic forms (`fold_key`); clitics are stripped by the caller.
"""

from hadath.lexicon.countries import CountryEntry, CountryTable, load_countries
from hadath.lexicon.organisations import OrganisationEntry, OrganisationTable, load_organisations
from hadath.lexicon.places import Place, PlaceTable, load_places, resolve_place
from hadath.lexicon.roles import RoleEntry, RoleTable, load_roles
from hadath.lexicon.tsv import fold_key, read_tsv, version_of

__all__ = [
    "CountryEntry",
    "CountryTable",
    "OrganisationEntry",
    "OrganisationTable",
    "Place",
    "PlaceTable",
    "RoleEntry",
    "RoleTable",
    "fold_key",
    "load_countries",
    "load_organisations",
    "load_places",
    "load_roles",
    "read_tsv",
    "resolve_place",
    "version_of",
]
