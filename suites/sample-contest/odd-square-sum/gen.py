import random


def generate(rng: random.Random) -> list[dict]:
    cases = [[1], [-1], [2], [10**6 - 1] * 5, [-(10**6) + 1, 10**6 - 1]]
    for size in (3, 10, 100, 1000):
        for _ in range(4):
            cases.append([rng.randint(-10**6, 10**6) for _ in range(size)])
    # Maximum size with the largest odd values: the answer needs 64 bits.
    cases.append([10**6 - 1] * 10**5)
    cases.append([rng.choice((-1, 1)) * (10**6 - 1) for _ in range(10**5)])
    for c in cases:
        assert 1 <= len(c) <= 10**5 and all(-10**6 <= x <= 10**6 for x in c)
    return [{"args": {"nums": c}} for c in cases]
