"""Inputs for check-adjacent-digit-differences: 2 <= len(s) <= 100, digits only."""
import random

DIGITS = "0123456789"


def _check(s):
    assert isinstance(s, str) and 2 <= len(s) <= 100
    assert all(c in DIGITS for c in s)
    return {"args": {"s": s}}


def _walk(rng, n, max_step):
    """A digit string whose adjacent differences are all <= max_step."""
    d = rng.randint(0, 9)
    out = [d]
    for _ in range(n - 1):
        d = min(9, max(0, d + rng.randint(-max_step, max_step)))
        out.append(d)
    return "".join(map(str, out))


def _break_at(rng, s, pos, diff):
    """Set s[pos+1] so that |s[pos] - s[pos+1]| == diff (when possible)."""
    a = int(s[pos])
    choices = [b for b in (a - diff, a + diff) if 0 <= b <= 9]
    if not choices:
        return s
    b = rng.choice(choices)
    return s[:pos + 1] + str(b) + s[pos + 2:]


def generate(rng: random.Random) -> list[dict]:
    tests = []
    # edge cases: length 2, each difference 0..9 in both directions
    for a, b in [(0, 0), (0, 2), (2, 0), (0, 3), (3, 0), (9, 7), (7, 9), (9, 6), (0, 9), (9, 0), (4, 5), (5, 1)]:
        tests.append(_check(f"{a}{b}"))
    tests.append(_check("0" * 100))
    tests.append(_check("9" * 100))
    tests.append(_check("13579" * 20))   # all differences exactly 2
    tests.append(_check("02468" * 20))   # 8 -> 0 wraps: difference 8
    tests.append(_check("0123456789" * 10))  # 9 -> 0 difference 9
    tests.append(_check("0246886420" * 10))  # valid zigzag
    # valid strings that are only violated at the very end / very start
    s = _walk(rng, 100, 2)
    tests.append(_check(s))
    tests.append(_check(_break_at(rng, s, 98, 3)))
    tests.append(_check(_break_at(rng, s, 0, 3)))
    tests.append(_check(_break_at(rng, s, 50, 7)))
    # random valid walks of varied lengths (answer true)
    for _ in range(12):
        tests.append(_check(_walk(rng, rng.randint(2, 100), rng.choice([1, 2]))))
    # random walks broken at one place by exactly 3 (answer false)
    for _ in range(10):
        n = rng.randint(3, 100)
        w = _walk(rng, n, 2)
        tests.append(_check(_break_at(rng, w, rng.randrange(n - 1), 3)))
    # uniformly random digit strings (almost always false)
    for _ in range(6):
        n = rng.randint(2, 100)
        tests.append(_check("".join(rng.choice(DIGITS) for _ in range(n))))
    # maximum length
    tests.append(_check(_walk(rng, 100, 2)))
    tests.append(_check(_break_at(rng, _walk(rng, 100, 2), rng.randrange(99), rng.randint(3, 9))))
    tests.append(_check("".join(rng.choice(DIGITS) for _ in range(100))))
    return tests
