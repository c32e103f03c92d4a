"""PostgreSQL full-text search that stems each page in its own language.

One configuration for the whole index would stem French and Arabic pages as English (the
server's default). Here each page is indexed with the configuration for its locale's language
where PostgreSQL has one, and "simple" (no stemming, no stop words) where it has none; a
reader's search uses the configuration of the language they are reading in, which is the only
language searched (guidance_pages.views.search).
"""

import copy
from collections import defaultdict

from django.utils import translation

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

# Content languages that PostgreSQL's built-in text search knows; the rest use "simple".
POSTGRES_TEXT_SEARCH = {"ar": "arabic", "en": "english", "fr": "french"}


def config_for(language_code):
    return POSTGRES_TEXT_SEARCH.get((language_code or "").split("-")[0], "simple")


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            locale = getattr(obj, "locale", None)
            by_config[config_for(locale.language_code if locale else None)].append(obj)
        for config, group in by_config.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            super(LanguageIndex, index).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for(translation.get_language())


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler


SearchBackend = LanguageSearchBackend
