"""The event stage fixture shared by the event tests (helpers live in coding_helpers, a uniquely named module, so
that this folder's tests import cleanly next to other folders' conftest modules)."""

from __future__ import annotations

import pytest

from eventcoder.config import Config


@pytest.fixture(scope="session")
def stage():
    from eventcoder.events.stage import make_stage
    return make_stage(Config())
