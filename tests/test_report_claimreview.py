from __future__ import annotations

import datetime as dt
import json

from report_fixtures import sample_report

from checker.report import RenderOptions, render


def reviews(**extra) -> list[dict]:
    return json.loads(render(sample_report(), "claimreview", RenderOptions(extra=extra)))


def test_one_review_per_claim_with_rating_mapped_from_verdict():
    got = {r["claimReviewed"]: r for r in reviews(date="2026-01-15")}
    report = sample_report()
    assert set(got) == {c.text for c in report.claims}
    for claim in report.claims:
        r = got[claim.text]
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 3 and rating["worstRating"] == 1
        expected = {"contradicted": (1, "False"), "unverified": (2, "Unverified"), "supported": (3, "True")}
        assert (rating["ratingValue"], rating["alternateName"]) == expected[claim.verdict]
        assert r["itemReviewed"]["@type"] == "Claim"
        assert r["itemReviewed"]["appearance"]["name"].startswith(claim.location.path + ":")
        assert r["datePublished"] == "2026-01-15"


def test_publisher_url_and_default_date():
    out = reviews(publisher="Example Desk", url="https://example.org/checks/2026-01")
    assert {r["author"]["name"] for r in out} == {"Example Desk"}
    assert {r["author"]["@type"] for r in out} == {"Organization"}
    assert "https://example.org/checks/2026-01#troops-withdrawn" in {r["url"] for r in out}
    assert {r["datePublished"] for r in out} == {dt.date.today().isoformat()}
    assert {r["author"]["name"] for r in reviews()} == {"claimcheck"}


def test_review_body_gives_the_reason():
    got = {r["claimReviewed"][:10]: r["reviewBody"] for r in reviews(date="2026-01-15")}
    assert "40,500" in got["Over 45,00"]
    assert got["The minist"] == "No source passage addresses this claim."
