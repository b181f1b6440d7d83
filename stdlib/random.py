# molt's `random`, written for molt (not CPython's code). The Mersenne Twister core lives
# in the runtime (the private module `_random`); this module derives every distribution
# from it by the same steps as CPython 3.11, so a seed gives CPython's streams: the same
# draws, in the same order, with the same rejection loops.
#
# A generator's state is a list of 625 ints (the 624 twister words and the position of the
# next one), which is CPython's `getstate()[1]` as a list.

import _random
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import floor as _floor, isfinite as _isfinite
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
from collections.abc import Sequence as _Sequence

__all__ = [
    "Random",
    "SystemRandom",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2.0 ** -BPF
_ONE = 1

_WORD_MASK = 0xFFFFFFFF


def _index(x):
    # operator.index: ints as they are, else `__index__` (range() raises the same TypeError).
    if isinstance(x, int):
        return x
    return range(x).stop


def _as_range_bound(x, what):
    try:
        return _index(x)
    except TypeError:
        as_int = int(x)
        if as_int != x:
            raise ValueError("non-integer %s for randrange()" % what)
        return as_int


def _seed_int(a, version):
    # The non-negative int CPython's generator is seeded from, or None for OS entropy.
    if a is None:
        return None
    if isinstance(a, (bytes, bytearray)):
        raise NotImplementedError("molt: seeding from bytes is not supported yet")
    if isinstance(a, str):
        if version == 1:
            x = ord(a[0]) << 7 if a else 0
            for ch in a:
                x = ((1000003 * x) ^ ord(ch)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            return x
        if version == 2:
            return _random.str_seed(a)
    if isinstance(a, int):
        return -a if a < 0 else a
    if isinstance(a, float) or isinstance(a, str):
        # The C layer seeds other accepted types from their hash, read as unsigned.
        return hash(a) % (1 << 64)
    raise TypeError(
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."
    )


class Random:
    """A Mersenne Twister generator with its own state (CPython's `random.Random`)."""

    VERSION = 3

    def __init__(self, x=None):
        self._mt = [0] * 625
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, **kwargs):
        # A subclass that brings its own random() without getrandbits() draws integers
        # through random() (CPython's rule, walking the MRO for the first definition).
        for c in cls.__mro__:
            if "_randbelow" in c.__dict__:
                break
            if "getrandbits" in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if "random" in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def seed(self, a=None, version=2):
        """Reseeds from `a`: None (OS entropy), an int (all its bits), a float (its hash)
        or a str (version 2: all its bits through SHA-512; version 1: a 64-bit hash)."""
        _random.seed(self._mt, _seed_int(a, version))
        self.gauss_next = None

    def random(self):
        """The next float in [0.0, 1.0)."""
        return _random.random(self._mt)

    def getrandbits(self, k):
        """An int of `k` random bits."""
        k = _index(k)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        return _random.getrandbits(self._mt, k)

    def getstate(self):
        """The state as CPython's `(3, tuple of 625 ints, gauss_next)`."""
        return self.VERSION, tuple(self._mt), self.gauss_next

    def setstate(self, state):
        """Restores a state `getstate` returned."""
        version = state[0]
        if version == 3:
            version, internal, gauss_next = state
        elif version == 2:
            version, internal, gauss_next = state
            internal = tuple(x % (2**32) for x in internal)
        else:
            raise ValueError(
                "state with version %s passed to Random.setstate() of version %s"
                % (version, self.VERSION)
            )
        if not isinstance(internal, tuple):
            raise TypeError("state vector must be a tuple")
        if len(internal) != 625:
            raise ValueError("state vector is the wrong size")
        words = []
        for x in internal[:624]:
            x = _index(x)
            if x < 0:
                raise OverflowError("can't convert negative int to unsigned")
            if x >= 1 << 64:
                raise OverflowError("Python int too large to convert to C unsigned long")
            words.append(x & _WORD_MASK)
        position = _index(internal[624])
        if position < 0 or position > 624:
            raise ValueError("invalid state")
        words.append(position)
        self._mt[:] = words
        self.gauss_next = gauss_next

    def _randbelow_with_getrandbits(self, n):
        bits = n.bit_length()
        draw = self.getrandbits
        r = draw(bits)
        while r >= n:
            r = draw(bits)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        draw = self.random
        if n >= maxsize:
            return _floor(draw() * n)
        limit = (maxsize - maxsize % n) / maxsize
        r = draw()
        while r >= limit:
            r = draw()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=_ONE):
        """A random item of range(start, stop, step), for ranges of any size."""
        low = _as_range_bound(start, "arg 1")
        if stop is None:
            if step is not _ONE:
                raise TypeError("Missing a non-None stop argument")
            if low > 0:
                return self._randbelow(low)
            raise ValueError("empty range for randrange()")
        high = _as_range_bound(stop, "stop")
        width = high - low
        stride = _as_range_bound(step, "step")
        if stride == 1:
            if width > 0:
                return low + self._randbelow(width)
            raise ValueError(
                "empty range for randrange() (%d, %d, %d)" % (low, high, width)
            )
        if stride > 0:
            count = (width + stride - 1) // stride
        elif stride < 0:
            count = (width + stride + 1) // stride
        else:
            raise ValueError("zero step for randrange()")
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return low + stride * self._randbelow(count)

    def randint(self, a, b):
        """A random int in [a, b], both ends included."""
        return self.randrange(a, b + 1)

    def choice(self, seq):
        """A random item of a non-empty sequence."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffles the list `x` in place."""
        below = self._randbelow
        i = len(x) - 1
        while i > 0:
            j = below(i + 1)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def sample(self, population, k, *, counts=None):
        """`k` distinct picks from a sequence, in selection order."""
        if not isinstance(population, _Sequence):
            raise TypeError(
                "Population must be a sequence.  For dicts or sets, use sorted(d)."
            )
        n = len(population)
        if counts is not None:
            bounds = list(_accumulate(counts))
            if len(bounds) != n:
                raise ValueError("The number of counts does not match the population")
            total = bounds.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            picks = self.sample(range(total), k=k)
            return [population[_bisect(bounds, s)] for s in picks]
        below = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        out = [None] * k
        # CPython's choice of algorithm: a pool list when it is no bigger than the set of
        # picks would be, else a set of the indexes taken.
        set_cost = 21
        if k > 5:
            set_cost += 4 ** _ceil(_log(k * 3, 4))
        if n <= set_cost:
            pool = list(population)
            for i in range(k):
                j = below(n - i)
                out[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            taken = set()
            for i in range(k):
                j = below(n)
                while j in taken:
                    j = below(n)
                taken.add(j)
                out[i] = population[j]
        return out

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """`k` picks with replacement, optionally weighted."""
        draw = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                scale = n + 0.0
                return [population[_floor(draw() * scale)] for _ in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError(
                    "The number of choices must be a keyword argument: k=%r" % (weights,)
                ) from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _isfinite(total):
            raise ValueError("Total of weights must be finite")
        last = n - 1
        return [
            population[_bisect(cum_weights, draw() * total, 0, last)]
            for _ in _repeat(None, k)
        ]

    def uniform(self, a, b):
        """A float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """The triangular distribution over [low, high] peaking at mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """The normal distribution (Kinderman and Monahan's ratio of uniforms)."""
        draw = self.random
        while True:
            u1 = draw()
            u2 = 1.0 - draw()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """The normal distribution by Box-Muller, keeping the second value for the next call."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """exp of a normal variate."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """The exponential distribution of rate lambd."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """The von Mises distribution of mean angle mu and concentration kappa."""
        draw = self.random
        if kappa <= 1e-6:
            return TWOPI * draw()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            z = _cos(_pi * draw())
            d = z / (r + z)
            u2 = draw()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if draw() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """The gamma distribution of shape alpha and scale beta."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        draw = self.random
        if alpha > 1.0:
            # Cheng's rejection method.
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = draw()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - draw()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        if alpha == 1.0:
            return -_log(1.0 - draw()) * beta
        # alpha < 1: the method of Ahrens and Dieter.
        while True:
            u = draw()
            b = (_e + alpha) / _e
            p = b * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_log((b - p) / alpha)
            u1 = draw()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    return x * beta
            elif u1 <= _exp(-x):
                return x * beta

    def betavariate(self, alpha, beta):
        """The beta distribution, from two gamma variates."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """The Pareto distribution of shape alpha."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """The Weibull distribution of scale alpha and shape beta."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)


class SystemRandom(Random):
    """Draws from the operating system's entropy source; it has no state to seed or save."""

    def random(self):
        """A float in [0.0, 1.0) from 53 bits of OS entropy."""
        return (_random.urandom_int(7) >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """An int of `k` bits of OS entropy."""
        k = _index(k)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        nbytes = (k + 7) // 8
        return _random.urandom_int(nbytes) >> (nbytes * 8 - k)

    def seed(self, *args, **kwds):
        """Does nothing: there is no state."""
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = _notimplemented
    setstate = _notimplemented


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
