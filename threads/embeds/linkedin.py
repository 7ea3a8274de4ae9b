"""LinkedIn embeds: addresses only.

LinkedIn's embed code is an iframe on ``linkedin.com/embed/feed/update/urn:li:{share|ugcPost|activity}:{id}``,
read by :mod:`threads.embeds.addresses` through :func:`link`. Only the URN survives; its ID encodes
the time (``id >> 22`` ms).
"""

from __future__ import annotations

import re

from ..ids import linkedin_time
from ._common import Link

PLATFORM = "linkedin"

_URN = re.compile(
    r"linkedin\.com/embed/feed/update/urn:li:(?P<kind>share|ugcPost|activity):(?P<id>\d{10,20})", re.I
)


_POST_PAGE = re.compile(
    r"linkedin\.com/(?:feed/update/urn:li:(?P<kind>share|ugcPost|activity):(?P<id>\d{10,20})"
    r"|posts/[^/?#]*?-(?P<pkind>share|ugcPost|activity)-(?P<pid>\d{10,20}))",
    re.I,
)


def link(url: str) -> Link | None:
    """A post's embed page (``/embed/feed/update/urn:li:…``) or its permalink (``/feed/update/urn:li:…``,
    ``/posts/{slug}-activity-{id}-…``)."""
    m = _URN.search(url)
    embed = m is not None
    if m is None and (p := _POST_PAGE.search(url)) is not None:
        kind, pid = p["kind"] or p["pkind"], p["id"] or p["pid"]
    elif m is not None:
        kind, pid = m["kind"], m["id"]
    else:
        return None
    urn = f"urn:li:{kind}:{pid}"
    return Link(PLATFORM, pid, f"https://www.linkedin.com/feed/update/{urn}/", id_time=linkedin_time(pid),
                embed=embed, extra={"urn": urn})  # fmt: skip
