"""Progress bars on a terminal only; the items pass through unchanged either way."""

from __future__ import annotations

import io
import os
import pty
import select
import sys

from flows import progress


def test_off_a_terminal_items_pass_through_silently(monkeypatch):
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    assert list(progress.track(iter(range(5)), "chunks", total=5)) == [0, 1, 2, 3, 4]
    assert buffer.getvalue() == ""


def test_on_a_terminal_a_bar_is_drawn(monkeypatch):
    leader, follower = pty.openpty()
    with os.fdopen(follower, "w") as tty:
        monkeypatch.setattr(sys, "stderr", tty)
        assert list(progress.track(iter(range(3)), "detect-entity-mentions", total=3)) == [0, 1, 2]
        tty.flush()
    assert "detect-entity-mentions" in _read_all(leader)


def _read_all(leader: int) -> str:
    """Everything written to the terminal: one read returns only what the pty holds at that
    moment, so read until it has stayed empty for a while."""
    chunks = []
    while select.select([leader], [], [], 0.5)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


def _drawn(monkeypatch, work) -> str:
    leader, follower = pty.openpty()
    with os.fdopen(follower, "w") as tty:
        monkeypatch.setattr(sys, "stderr", tty)
        work()
        tty.flush()
    return _read_all(leader)


def test_an_unknown_total_is_counted(monkeypatch):
    got = []
    drawn = _drawn(monkeypatch, lambda: got.extend(progress.track(iter("abcd"), "ingest inputs")))
    assert got == list("abcd")
    assert "ingest inputs" in drawn and "/?" in drawn


def test_a_one_call_stage_shows_a_spinner_on_a_terminal_only(monkeypatch):
    def work():
        with progress.stage("merge events"):
            pass

    assert "merge events" in _drawn(monkeypatch, work)
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    work()
    assert buffer.getvalue() == ""


def test_a_counter_shows_what_the_block_counted_on_a_terminal_only(monkeypatch):
    def work():
        with progress.counter("ingest: inputs") as advance:
            advance(2000)
            advance(37)

    drawn = _drawn(monkeypatch, work)
    assert "ingest: inputs" in drawn and "2037/?" in drawn
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    work()
    assert buffer.getvalue() == ""
