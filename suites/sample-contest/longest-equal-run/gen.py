import random
import string


def generate(rng: random.Random) -> list[dict]:
    cases = [("a", 0), ("a", 1), ("ab", 0), ("ab", 2), ("zzzz", 0)]
    for size in (5, 20, 200, 2000):
        for _ in range(4):
            alphabet = string.ascii_lowercase[: rng.randint(1, 26)]
            s = "".join(rng.choice(alphabet) for _ in range(size))
            cases.append((s, rng.randint(0, size)))
    n = 10**5
    cases.append(("".join(rng.choice("ab") for _ in range(n)), n // 3))
    cases.append(("".join(rng.choice(string.ascii_lowercase) for _ in range(n)), 1000))
    cases.append(("ab" * (n // 2), 0))
    for s, k in cases:
        assert 1 <= len(s) <= 10**5 and 0 <= k <= len(s) and s.islower()
    return [{"args": {"s": s, "k": k}} for s, k in cases]
