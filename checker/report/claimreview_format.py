"""schema.org ClaimReview JSON-LD, one review per checked claim, for publishing fact-checks.

Rating scale 1..3: contradicted -> 1 "False", unverified -> 2 "Unverified", supported -> 3
"True". Settings in ``options.extra`` (from ``--review-*`` options or ``[claimreview]`` in the
config): ``author`` (the person who reviewed: a ``Person``), ``publisher`` (the organisation
that publishes: ``publisher``, and the ``author`` when no person is named; default
"claimcheck"), ``publisher_url``, ``date`` (``datePublished``; today when absent, so pass it
for reproducible output) and ``url`` (the published review page; each review gets
``url#claim-id``).
"""

from __future__ import annotations

import datetime as dt
import json

from ..models import ClaimResult, Report
from . import RenderOptions
from ._common import claim_accepted, claim_findings, loc_str

RATING = {
    "contradicted": (1, "False"),
    "unverified": (2, "Unverified"),
    "supported": (3, "True"),
}


def _date(options: RenderOptions) -> str:
    value = options.extra.get("date")
    if value is None:
        return dt.date.today().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()


def _review_body(report: Report, claim: ClaimResult) -> str:
    findings = claim_findings(report, claim) or claim_accepted(report, claim)
    if claim.verdict == "contradicted" and findings:
        return " ".join(" ".join(f.message.split()) for f in findings)
    if claim.evidence:
        best = max(claim.evidence, key=lambda e: e.score)
        verb = "Consistent with" if claim.verdict == "supported" else "Closest source passage:"
        return f"{verb} {loc_str(best)}: {' '.join(best.text.split())}"
    return "No source passage addresses this claim."


def review(report: Report, claim: ClaimResult, options: RenderOptions, date: str) -> dict:
    value, name = RATING[claim.verdict]
    publisher: dict = {"@type": "Organization", "name": options.extra.get("publisher") or "claimcheck"}
    if options.extra.get("publisher_url"):
        publisher["url"] = options.extra["publisher_url"]
    author = {"@type": "Person", "name": options.extra["author"]} if options.extra.get("author") else publisher
    out: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": name,
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {"@type": "CreativeWork", "name": loc_str(claim.location)},
        },
        "author": author,
        "publisher": publisher,
        "datePublished": date,
        "reviewBody": _review_body(report, claim),
    }
    if options.extra.get("url"):
        out["url"] = f"{options.extra['url']}#{claim.id}"
    return out


def render(report: Report, options: RenderOptions) -> str:
    date = _date(options)
    claims = sorted(report.claims, key=lambda c: (c.location.path, c.location.line, c.location.column, c.id))
    reviews = [review(report, c, options, date) for c in claims]
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
