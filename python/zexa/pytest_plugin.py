"""The ``zexa_sandbox`` pytest fixture, registered by the ``zexa`` package (``pytest11``).

Each test that asks for ``zexa_sandbox`` gets a fresh embedded ``zexa.testing.Sandbox``,
stopped after the test. Configure it with a marker::

    @pytest.mark.zexa_sandbox(manual_clock=True, failure_rate=0.0)
    def test_delivery(zexa_sandbox: Sandbox) -> None: ...
"""

from __future__ import annotations

from typing import Iterator

import pytest

from .testing import Sandbox

__all__ = ["zexa_sandbox", "pytest_configure"]


def pytest_configure(config: pytest.Config) -> None:
    """Declares the ``zexa_sandbox`` marker."""
    config.addinivalue_line(
        "markers",
        "zexa_sandbox(**settings): settings of the test's zexa_sandbox (zexa.testing.Sandbox arguments)",
    )


@pytest.fixture
def zexa_sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """A fresh embedded Zexa sandbox for one test."""
    marker = request.node.get_closest_marker("zexa_sandbox")
    settings = dict(marker.kwargs) if marker is not None else {}
    with Sandbox(**settings) as sandbox:
        yield sandbox
