"""LinkedIn embeds.

Recognises ``iframe[src*="linkedin.com/embed/feed/update/urn:li:{share|ugcPost|activity}:{id}"]``
(also lazy ``data-src``). Only the URN survives; its ID encodes the time (``id >> 22`` ms).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dom import Page
from ..ids import linkedin_time
from ..model import Post
from ._common import Draft, frame_src, src_matches, xpath

PLATFORM = "linkedin"

_URN = re.compile(
    r"linkedin\.com/embed/feed/update/urn:li:(?P<kind>share|ugcPost|activity):(?P<id>\d{10,20})", re.I
)
_IFRAMES = xpath("//iframe[" + src_matches("linkedin\\.com/embed/feed/update/") + "]")


def extract(page: Page) -> Iterator[Post]:
    for iframe in _IFRAMES(page):
        m = _URN.search(frame_src(iframe))
        if m:
            urn = f"urn:li:{m['kind']}:{m['id']}"
            yield Draft(
                PLATFORM,
                "markup iframe linkedin.com/embed/feed/update",
                id=m["id"],
                url=f"https://www.linkedin.com/feed/update/{urn}/",
                id_time=linkedin_time(m["id"]),
                extra={"urn": urn},
            ).post(page, iframe)
