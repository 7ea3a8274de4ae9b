"""Dutch: only the words embed signatures and consent notices print ("om 15:55", "Geplaatst door
… op dinsdag 3 maart 2020")."""

from __future__ import annotations

from . import Language

LANGUAGE = Language(
    code="nl",
    consent_openings=(
        "Om deze inhoud te bekijken", "Om deze inhoud te kunnen zien",
        "Deze inhoud kan niet worden weergegeven",
    ),
    consent_words=("cookies", "toestemming", "accepteren", "instellingen", "privacy"),
    weekdays=("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    copulas=("is", "was", "waren"),
    recipient_prepositions=("aan",),
    series_positions=("eerste", "tweede", "derde", "laatste", "nieuwe", "volgende"),
    byline_words=("Door",),
    follow_words=("Volgen",),
    under_words=("onder",),
    quote_verbs=("citeerde", "citeert"),
    at_words=("om",),
    on_words=("op",),
)  # fmt: skip
