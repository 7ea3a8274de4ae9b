"""Quotes in running prose, who said them, and whether they are social posts.

A quote is a post only with social evidence: a platform verb or phrase in its attribution
("tweeted", "wrote on Facebook", "schrieb auf Instagram", "escribió en su cuenta de X"), a passage
saying the speaker's posts are being quoted ("sent out a series of tweets", "Tributes poured in
on Twitter"), the post itself as the subject ("the tweet said"), or a caption marker beside it
("Name (Twitter)"). Quotes without a speaker (scare quotes, headline fragments) never are; quotes
with a speaker but no social evidence only with ``all_quotes``.

The attribution rules are a registry (:data:`RULES`, :mod:`threads.prose.rules`), their words a
lexicon per language (:mod:`threads.lexicon`).
"""

from __future__ import annotations

from .rules import RULES, Rule
from .scanner import Finding, explain, extract

__all__ = ["RULES", "Finding", "Rule", "explain", "extract"]
