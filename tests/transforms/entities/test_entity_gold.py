"""Mentions on the seed articles against the hand-labelled gold file (tests/gold), with floors."""

from bench.eval_mentions import evaluate

# Measured at commit time: span F1 0.994, id accuracy 0.992, end-to-end P 0.992 R 0.992.
FLOORS = {"span_f1": 0.95, "id_accuracy": 0.95, "precision": 0.93, "recall": 0.93}


def test_seed_mentions_meet_the_floors():
    m = evaluate()
    print({k: round(v, 3) for k, v in m.items()})
    for name, floor in FLOORS.items():
        assert m[name] >= floor, f"{name} {m[name]:.3f} < {floor}"
