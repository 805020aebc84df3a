"""The public face is lazy: `import wirewatch` must not pull in the NLP stack or numpy."""

from __future__ import annotations

import subprocess
import sys

import wirewatch


def test_import_loads_neither_spacy_nor_numpy() -> None:
    code = (
        "import sys, wirewatch\n"
        "heavy = [m for m in ('spacy', 'numpy', 'datasketch', 'thinc') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_public_name_resolves() -> None:
    for name in wirewatch.__all__:
        assert getattr(wirewatch, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        wirewatch.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")
