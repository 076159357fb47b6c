import random


def generate(rng: random.Random) -> list[dict]:
    # the whole input space is 1..1000: test every value, in a shuffled order
    values = list(range(1, 1001))
    rng.shuffle(values)
    out = []
    for n in values:
        assert isinstance(n, int) and 1 <= n <= 1000
        out.append({"args": {"n": n}})
    return out
