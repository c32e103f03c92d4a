"""Start the team's lists with common plainer words and a few words we use instead of labels.

The team edits both lists in the admin afterwards; running this again adds nothing twice.
"""

import uuid

from django.conf import settings
from django.db import migrations

PLAINER_WORDS = {
    "utilise": "use",
    "utilize": "use",
    "commence": "start",
    "terminate": "end",
    "facilitate": "help",
    "assistance": "help",
    "endeavour": "try",
    "purchase": "buy",
    "require": "need",
    "sufficient": "enough",
    "approximately": "about",
    "additional": "extra",
    "in order to": "to",
    "prior to": "before",
    "subsequently": "later",
    "in the event that": "if",
    "with regard to": "about",
    "in relation to": "about",
    "a number of": "some",
    "ascertain": "find out",
    "demonstrate": "show",
    "obtain": "get",
    "remuneration": "pay",
    "reside": "live",
    "inform": "tell",
    "enquire": "ask",
    "necessitate": "need",
    "consequently": "so",
    "notwithstanding": "even though",
    "whilst": "while",
    "at this point in time": "now",
    "in receipt of": "get",
}

# Words we use, the words we avoid (one a line) and why.
PREFERRED_TERMS = [
    (
        "person seeking asylum",
        "asylum seeker\nasylum seekers",
        "It puts the person first, not a label.",
    ),
    (
        "person with lived experience",
        "service user\nservice users\nvictim\nvictims",
        "People told us these words make them feel passive or defined by what happened to them.",
    ),
    (
        "people who are undocumented",
        "illegal immigrant\nillegal immigrants\nillegals",
        "A person cannot be illegal.",
    ),
]


def seed(apps, schema_editor):
    PlainerWord = apps.get_model("plain_english", "PlainerWord")
    PreferredTerm = apps.get_model("plain_english", "PreferredTerm")
    Locale = apps.get_model("wagtailcore", "Locale")
    for word, plainer in PLAINER_WORDS.items():
        PlainerWord.objects.get_or_create(word=word, defaults={"plainer": plainer})
    english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if english is None:
        return
    for use, avoid, reason in PREFERRED_TERMS:
        if not PreferredTerm.objects.filter(locale=english, use=use).exists():
            PreferredTerm.objects.create(locale=english, translation_key=uuid.uuid4(), use=use, avoid=avoid, reason=reason)


class Migration(migrations.Migration):
    dependencies = [("plain_english", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
