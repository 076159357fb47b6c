import random


def _check(t):
    n, x = t["args"]["n"], t["args"]["x"]
    assert isinstance(n, int) and 0 <= n <= 10**5
    assert isinstance(x, int) and 0 <= x <= 9
    return t


def _t(n, x):
    return _check({"args": {"n": n, "x": x}})


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases: n = 0, single digits, the maximum, powers of ten
    for x in range(10):
        tests.append(_t(0, x))
    for n, x in [(7, 7), (7, 0), (9, 9), (10, 0), (10, 1), (100000, 0), (100000, 1),
                 (100000, 5), (99999, 9), (90000, 9), (90000, 0), (10001, 1), (20002, 2),
                 (11, 1), (12, 2), (21, 2), (55555, 5), (50005, 0), (40404, 4), (40404, 0),
                 (98765, 5), (98765, 9), (12345, 1), (12345, 6), (1000, 0), (101, 1), (110, 0)]:
        tests.append(_t(n, x))
    # random: n of every length, x chosen among the digits of n about half of the time
    for _ in range(60):
        length = rng.randint(1, 6)
        n = rng.randint(10 ** (length - 1) if length > 1 else 0, min(10**length - 1, 10**5))
        s = str(n)
        r = rng.random()
        if r < 0.35:
            x = int(rng.choice(s[1:] or s))
        elif r < 0.55:
            x = int(s[0])
        else:
            x = rng.randint(0, 9)
        tests.append(_t(n, x))
    # the leading digit also elsewhere / only elsewhere
    for _ in range(10):
        d = rng.randint(1, 9)
        other = rng.choice([c for c in "0123456789" if c != str(d)])
        n = int(str(d) + "".join(rng.choice([str(d), other]) for _ in range(4)))
        tests.append(_t(n, d))
        tests.append(_t(n, int(other)))
    return tests
