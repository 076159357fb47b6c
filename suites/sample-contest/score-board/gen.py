import random
import string


def generate(rng: random.Random) -> list[dict]:
    out = []
    for calls_max in [3] * 5 + [20] * 8 + [200] * 8 + [2000] * 3:
        names = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 10))) for _ in range(rng.randint(1, 40))]
        calls, args, seen = ["ScoreBoard"], [[]], []
        while len(calls) < calls_max:
            op = rng.random()
            if not seen or op < 0.5:
                p = rng.choice(names)
                calls.append("add")
                args.append([p, rng.randint(1, 10**5)])
                if p not in seen:
                    seen.append(p)
            elif op < 0.8:
                calls.append("top")
                args.append([rng.randint(1, len(seen))])
            else:
                calls.append("reset")
                args.append([rng.choice(seen)])
        assert len(calls) <= 2000
        out.append({"calls": calls, "args": args})
    return out
