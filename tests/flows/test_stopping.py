"""A Ctrl-C lost on its way (caught by some call) still stops the run before its next stage."""

from __future__ import annotations

import os
import signal
import time

import pytest

from flows import stopping


@pytest.fixture
def sigint_handler():
    before = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, before)
    stopping._asked.clear()


def test_a_lost_ctrl_c_is_raised_again_between_stages(sigint_handler):
    stopping.check()  # nothing asked: the run goes on
    stopping.install()
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.5)  # the handler runs at the next bytecode
    # some call caught the interrupt and carried on: the next stage does not start
    with pytest.raises(KeyboardInterrupt, match="Ctrl-C"):
        stopping.check()
