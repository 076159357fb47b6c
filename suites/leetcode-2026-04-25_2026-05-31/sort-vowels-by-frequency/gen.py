import random
import string

VOWELS = "aeiou"
LOWER = string.ascii_lowercase
CONSONANTS = "".join(c for c in LOWER if c not in VOWELS)


def _check(s):
    assert 1 <= len(s) <= 10**5
    assert all("a" <= c <= "z" for c in s)
    return {"args": {"s": s}}


def _mix(rng, n, p_vowel, vowels=VOWELS, weights=None):
    out = []
    for _ in range(n):
        if rng.random() < p_vowel:
            out.append(rng.choices(vowels, weights=weights)[0] if weights else rng.choice(vowels))
        else:
            out.append(rng.choice(CONSONANTS))
    return "".join(out)


def generate(rng: random.Random) -> list[dict]:
    out = []
    # edge cases
    for s in ("a", "b", "z", "u", "ab", "ba", "ea", "ae", "aeae", "eaea", "uoiea", "aeiou",
              "bcdfg", "uuuaaa", "aaauuu", "oaoa", "xyz" * 3, "ieaeai"):
        out.append(_check(s))
    # ties broken by first occurrence, not by letter
    for _ in range(6):
        vs = rng.sample(VOWELS, rng.randint(2, 5))
        f = rng.randint(1, 6)
        letters = [v for v in vs for _ in range(f)]
        rng.shuffle(letters)
        out.append(_check("".join(c + rng.choice(CONSONANTS) * rng.randint(0, 2) for c in letters)))
    # small random
    for _ in range(20):
        n = rng.randint(1, 15)
        out.append(_check(_mix(rng, n, rng.random())))
    # medium random with skewed vowel frequencies
    for _ in range(10):
        n = rng.randint(16, 5000)
        w = [rng.randint(1, 20) for _ in VOWELS]
        out.append(_check(_mix(rng, n, rng.random(), VOWELS, w)))
    # maximum size
    out.append(_check("".join(rng.choice(VOWELS) for _ in range(10**5))))
    out.append(_check(_mix(rng, 10**5, 0.5)))
    out.append(_check(_mix(rng, 10**5, 0.9, VOWELS, [1, 2, 3, 4, 5])))
    out.append(_check("".join(rng.choice(LOWER) for _ in range(10**5))))
    out.append(_check("ae" * 50000))
    out.append(_check("u" * 50000 + "a" * 50000))
    out.append(_check("b" * 10**5))
    out.append(_check("aeiou" * 20000))
    return out
