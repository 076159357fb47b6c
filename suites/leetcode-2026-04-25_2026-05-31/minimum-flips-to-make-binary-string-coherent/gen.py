import random

MAXN = 10**5


def _check(s):
    assert isinstance(s, str) and 1 <= len(s) <= MAXN
    assert set(s) <= {"0", "1"}
    return {"args": {"s": s}}


def _rand(rng, n, p1):
    return "".join("1" if rng.random() < p1 else "0" for _ in range(n))


def _ends(rng, n, noise):
    """1 0...0 1 with a few flipped characters."""
    s = ["1"] + ["0"] * (n - 2) + ["1"]
    for i in rng.sample(range(n), min(n, noise)):
        s[i] = "1" if s[i] == "0" else "0"
    return "".join(s)


def generate(rng: random.Random) -> list[dict]:
    T = []
    fixed = ["0", "1", "00", "01", "10", "11", "000", "001", "010", "011", "100", "101", "110", "111",
             "0110", "1001", "1010", "0101", "1111", "0000", "1000", "0001", "0111", "1110", "1011", "1101",
             "10001", "01110", "11011", "10101", "100001", "110011", "0110110", "1100011"]
    for s in fixed:
        T.append(_check(s))
    # small random
    for _ in range(20):
        n = rng.randint(3, 20)
        T.append(_check(_rand(rng, n, rng.random())))
    for _ in range(6):
        n = rng.randint(3, 20)
        T.append(_check(_ends(rng, n, rng.randint(0, 3))))
    # medium random
    for _ in range(10):
        n = rng.randint(21, 5000)
        kind = rng.random()
        if kind < 0.5:
            T.append(_check(_rand(rng, n, rng.choice([0.001, 0.1, 0.5, 0.9, 0.999]))))
        else:
            T.append(_check(_ends(rng, n, rng.randint(0, n // 10))))
    # maximum size
    n = MAXN
    T.append(_check(_rand(rng, n, 0.5)))
    T.append(_check(_rand(rng, n, 0.9)))
    T.append(_check(_rand(rng, n, 0.1)))
    T.append(_check(_ends(rng, n, 300)))
    T.append(_check("1" * n))
    T.append(_check("0" * n))
    T.append(_check("1" + "0" * (n - 2) + "1"))
    T.append(_check("0" * (n // 2) + "1" * (n - n // 2)))
    T.append(_check("10" * (n // 2)))
    return T
