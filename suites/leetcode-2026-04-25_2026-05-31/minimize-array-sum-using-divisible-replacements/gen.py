"""Inputs for minimize-array-sum-using-divisible-replacements: 1 <= n <= 1e5, 1 <= nums[i] <= 1e5."""
import random

N = 10**5
V = 10**5


def _check(nums):
    assert 1 <= len(nums) <= N
    assert all(isinstance(x, int) and 1 <= x <= V for x in nums)
    return {"args": {"nums": nums}}


def _primes(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
    return [i for i in range(limit + 1) if sieve[i]]


def _chains(rng, n, bases, vmax):
    """Values that are mostly multiples of a few bases (long divisor chains)."""
    out = []
    for _ in range(n):
        b = rng.choice(bases)
        out.append(b * rng.randint(1, vmax // b))
    return out


def generate(rng: random.Random) -> list[dict]:
    primes = _primes(V)
    big_primes = [p for p in primes if p > 300]
    tests = []
    # edge cases
    tests += [_check([1]), _check([V]), _check([2, 3]), _check([6, 4]), _check([4, 6]), _check([5, 5]),
              _check([1, V, 99991]), _check([8, 4, 2]), _check([2, 4, 8]), _check([8, 4]), _check([9, 6, 3]),
              _check([12, 18, 8, 27]), _check([V, 50000, 25000, 12500]), _check([99991, 99989, 99971]),
              _check([30, 42, 70, 105, 6, 35])]
    # small random, dense small values
    for _ in range(12):
        n = rng.randint(1, 12)
        tests.append(_check([rng.randint(1, rng.choice([10, 30, 100])) for _ in range(n)]))
    # random medium cases of every flavour
    for _ in range(10):
        n = rng.randint(10, 2000)
        kind = rng.randrange(4)
        if kind == 0:
            nums = [rng.randint(1, V) for _ in range(n)]
        elif kind == 1:
            nums = [rng.randint(2, 1000) for _ in range(n)]
        elif kind == 2:
            nums = _chains(rng, n, rng.sample(big_primes, 5) + [rng.randint(2, 50)], V)
        else:
            nums = [rng.randint(V // 2 + 1, V) for _ in range(n)]
        tests.append(_check(nums))
    for _ in range(6):
        n = rng.randint(2000, 30000)
        tests.append(_check(_chains(rng, n, rng.sample(range(2, 400), 6), V)))
    # maximum size
    # no value divides another (all in (V/2, V]): nothing changes, the sum exceeds 2^31
    tests.append(_check([rng.randint(V // 2 + 1, V) for _ in range(N)]))
    tests.append(_check([rng.randint(V - 1000, V) for _ in range(N)]))
    # every value 2..V once, plus extras: each value falls to its smallest prime factor
    nums = list(range(2, V + 1)) + [rng.randint(2, V) for _ in range(N - (V - 1))]
    rng.shuffle(nums)
    tests.append(_check(nums))
    # uniform random (usually contains 1)
    tests.append(_check([rng.randint(1, V) for _ in range(N)]))
    # multiples of a handful of large primes plus large noise
    nums = _chains(rng, N // 2, rng.sample(big_primes, 40), V) + [rng.randint(V // 2 + 1, V) for _ in range(N - N // 2)]
    rng.shuffle(nums)
    tests.append(_check(nums))
    # all equal large prime
    tests.append(_check([99991] * N))
    # one small divisor hidden at the end
    nums = [2 * rng.randint(V // 4 + 1, V // 2) for _ in range(N - 1)] + [2]
    tests.append(_check(nums))
    return tests
