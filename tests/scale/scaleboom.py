"""A test-only pipeline stage: raises on an article saying "boom", kills its process on one saying "die"."""

from __future__ import annotations

import os


def make_stage(config):
    def boom(state) -> None:
        if " says boom" in state.text:
            raise RuntimeError("boom")
        if " says die" in state.text:
            os._exit(3)
    return boom
