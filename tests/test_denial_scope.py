"""What a denial denies (connect/conflicts._rejects_as_such): a claim noun followed, after a short phrase of whose
or where, by its own content ("reports made over the weekend that ...") denies that content, not the claim as
such; "as baseless", "and said ..." or a comma end the noun's phrase. Wordings from a court report, a club's
statement, a translated ministry note and a tabloid rebuttal, none used by the project before."""

from __future__ import annotations

import pytest

from wirewatch.connect.conflicts import _rejects_as_such


@pytest.mark.parametrize("scope", [
    "denied claims circulating on social media that the minister had resigned",
    "rejected a United Nations report concluding that the drones were assembled locally",
    "dismissed allegations made by the prosecution on Monday about payments to the referee",
    "refuted reports made over the weekend that it had pledged troops",
    "rejected accusations of bribery",
])
def test_a_claim_with_its_own_content_is_not_rejected_as_such(scope: str) -> None:
    assert not _rejects_as_such(scope)


@pytest.mark.parametrize("scope", [
    "dismissed the allegations as politically motivated",
    "denied the charges and said that it would appeal the ruling",
    "rejected the claims outright",
    "called the reports a fabrication",
    "rejected Ankara's accusations",
])
def test_a_claim_rejected_as_such(scope: str) -> None:
    assert _rejects_as_such(scope)
