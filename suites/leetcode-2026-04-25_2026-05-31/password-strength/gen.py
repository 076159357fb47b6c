import random
import string

LOW = string.ascii_lowercase
UP = string.ascii_uppercase
DIG = string.digits
SPE = "!@#$"
ALL = LOW + UP + DIG + SPE
MAXN = 10**5


def _check(s):
    assert 1 <= len(s) <= MAXN
    assert all(c in ALL for c in s)
    return {"args": {"password": s}}


def _rand(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # minimum size: one character of each class, and every special character
    for c in ["a", "z", "A", "Z", "0", "9", "!", "@", "#", "$"]:
        tests.append(_check(c))
    # repeated characters count once
    tests.append(_check("aaaa"))
    tests.append(_check("$$$$$$"))
    tests.append(_check("1" * 1000))
    tests.append(_check(SPE))
    tests.append(_check(ALL))  # every character once: 26 + 52 + 30 + 20
    tests.append(_check(ALL[::-1] * 3))
    # single-class strings
    for alpha in (LOW, UP, DIG, SPE):
        tests.append(_check(_rand(rng, rng.randint(2, 50), alpha)))
    # mixed pairs of classes
    for a, b in ((LOW, UP), (DIG, SPE), (UP, DIG), (LOW, SPE)):
        tests.append(_check(_rand(rng, rng.randint(5, 200), a + b)))
    # random small / medium
    for _ in range(20):
        n = rng.randint(1, 30)
        tests.append(_check(_rand(rng, n, ALL)))
    for _ in range(8):
        n = rng.randint(100, 5000)
        alpha = "".join(rng.sample(ALL, rng.randint(1, len(ALL))))
        tests.append(_check(_rand(rng, n, alpha)))
    # maximum size
    tests.append(_check(_rand(rng, MAXN, ALL)))
    tests.append(_check("a" * MAXN))
    tests.append(_check(_rand(rng, MAXN - 1, LOW + DIG) + "$"))
    tests.append(_check("".join(ALL[i % len(ALL)] for i in range(MAXN))))
    return tests
