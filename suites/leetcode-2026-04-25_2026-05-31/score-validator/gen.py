import random

EVENTS = ["0", "1", "2", "3", "4", "6", "W", "WD", "NB"]
RUNS = ["0", "1", "2", "3", "4", "6"]


def _check(events):
    assert 1 <= len(events) <= 1000
    assert all(e in EVENTS for e in events)
    return {"args": {"events": events}}


def _rand(rng, n, pw):
    out = []
    for _ in range(n):
        if rng.random() < pw:
            out.append("W")
        else:
            out.append(rng.choice([e for e in EVENTS if e != "W"]))
    return out


def generate(rng: random.Random) -> list[dict]:
    T = []
    for e in EVENTS:
        T.append(_check([e]))
    T.append(_check(["W"] * 9))
    T.append(_check(["W"] * 10))
    T.append(_check(["W"] * 10 + ["6"]))
    T.append(_check(["W"] * 9 + ["WD", "NB", "6"]))
    T.append(_check(["6"] * 5 + ["W"] * 10 + ["4", "WD", "NB", "W"]))
    T.append(_check(["WD"] * 5 + ["NB"] * 5 + ["W"] * 11))
    T.append(_check(["W", "WD"] * 12))
    T.append(_check(["NB", "W", "6"] * 12))
    T.append(_check(["0"] * 1000))
    T.append(_check(["6"] * 1000))
    T.append(_check(["W"] * 1000))
    T.append(_check(["6"] * 999 + ["W"]))
    T.append(_check(["WD"] * 500 + ["NB"] * 500))
    # exactly ten wickets, the tenth being the last event / in the middle
    for n in [10, 37, 1000]:
        ev = _rand(rng, n, 0.0)
        for i in rng.sample(range(n - 1), 9):
            ev[i] = "W"
        ev[n - 1] = "W"
        T.append(_check(ev))
        ev = _rand(rng, n, 0.0)
        for i in rng.sample(range(n), 10):
            ev[i] = "W"
        T.append(_check(ev))
    # random of every size and wicket rate
    for _ in range(40):
        n = rng.choice([rng.randint(1, 15), rng.randint(16, 200), rng.randint(200, 1000)])
        pw = rng.choice([0.0, 0.01, 0.03, 0.05, 0.1, 0.3, 0.6])
        T.append(_check(_rand(rng, n, pw)))
    # maximum size
    for pw in [0.0, 0.005, 0.009, 0.5]:
        T.append(_check(_rand(rng, 1000, pw)))
    return T
