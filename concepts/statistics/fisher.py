"""Fisher information and the Cramér–Rao bound for five distributions.

Notes
-----
The score is the derivative of the log-likelihood with respect to the
parameter. At the true parameter it averages to zero, and its variance
E[score²] is the Fisher information I(θ). For the families here that
equals -E[d²/dθ² log f], the expected curvature of the log-likelihood.
Independent observations add information, so n draws carry n·I(θ), and
no unbiased estimator has a variance below 1/(n·I(θ)), the Cramér–Rao
lower bound. Information depends on the parameterisation: for another
parameter η = g(θ) it is I(θ)·(dθ/dη)².

The drawing and the simulated estimates use each family's sufficient
statistic (the count and the sum of the observations) drawn directly
from its distribution, so their cost does not grow with n.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from marshmallow import Schema, ValidationError

from ..base import Concept, InputError, Outcome, register
from ..fields import Choice, Integer, Number, NumberList
from ..text import Message
from .fisher_drawing import draw
from .fisher_text import _FORMULAS, explain

MAX_N = 1_000_000
MAX_DATA_VALUES = 10_000
MAX_DATA_MAGNITUDE = 1e12
MAX_PARAMETER = 1e6
# Lower limit of lambda, sigma and rate, and the closest p may come to 0
# or 1. Within these limits, with n up to MAX_N and trials up to
# MAX_TRIALS, n·I is at most about 2e18. So n·I, the bound 1/(n·I) and its
# square root are finite and nonzero, and the score of accepted data is
# finite. Far closer to 0 they overflow or underflow: at a rate below
# about 1e-154, 1/rate² is already infinite.
MIN_PARAMETER = 1e-6
MIN_PROBABILITY = 1e-6
MAX_TRIALS = 1_000_000
# The explanations in fisher_text call this number "five" ("五个" in Chinese).
SIMULATED_SAMPLES = 5

DISTRIBUTIONS = ("poisson", "bernoulli", "binomial", "normal", "exponential")
PARAMETERS = {
    "poisson": ("lambda",),
    "bernoulli": ("p",),
    "binomial": ("trials", "p"),
    "normal": ("mu", "sigma"),
    "exponential": ("rate",),
}
DEFAULTS = {"lambda": 4.0, "p": 0.3, "trials": 10, "mu": 0.0, "sigma": 1.0, "rate": 1.0}

# Schema attribute names that differ from the query parameter names.
_PUBLIC_NAMES = {"lam": "lambda"}
_ATTRIBUTE_NAMES = {public: attribute for attribute, public in _PUBLIC_NAMES.items()}


class _Probability(Number):
    """A probability in [MIN_PROBABILITY, 1 - MIN_PROBABILITY].

    The endpoints 0 and 1 get their own message, which explains that the
    Fisher information about p diverges there. Values between an endpoint
    and the range get the message of ``_reject_near_zero``.
    """

    def __init__(self, **kwargs):
        super().__init__(minimum=MIN_PROBABILITY, maximum=1 - MIN_PROBABILITY,
                         **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> float:
        try:
            return super()._deserialize(value, attr, data, **kwargs)
        except ValidationError:
            endpoint = _as_endpoint(value)
            number = _as_float(value)
            if endpoint is None and number is not None and 0 < number < 1:
                _reject_near_zero(self, number, "p(1-p)", "", "")
            if endpoint is None:
                raise

        name = self.param_name
        raise ValidationError(Message(
            f"'{name}' must be strictly between 0 and 1; got {endpoint}. At p = "
            f"{endpoint} every outcome is the same, and the Fisher information about "
            "p, which is proportional to 1/(p(1-p)), is undefined there because it "
            "diverges.",
            f"“{name}”必须严格介于 0 和 1 之间，收到的是 {endpoint}。p = {endpoint} "
            "时每次的结果都一样，关于 p 的 Fisher 信息与 1/(p(1-p)) 成正比，"
            "在这里发散，因此没有定义。"))


class _Scale(Number):
    """A positive parameter in [MIN_PARAMETER, MAX_PARAMETER].

    A positive value below the range gets the message of
    ``_reject_near_zero``, which explains why such values are rejected.
    """

    def __init__(self, **kwargs):
        super().__init__(minimum=MIN_PARAMETER, maximum=MAX_PARAMETER, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> float:
        try:
            return super()._deserialize(value, attr, data, **kwargs)
        except ValidationError:
            number = _as_float(value)
            if number is not None and 0 < number < MIN_PARAMETER:
                _reject_near_zero(self, number, self.param_name,
                                  " or measure in other units", "，或换一种单位")
            raise


def _as_float(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _reject_near_zero(field: Number, number: float, quantity: str, advice_en: str,
                      advice_zh: str) -> None:
    """Raise the range error of a parameter whose ``quantity`` is too close to 0."""
    name = field.param_name
    interval = f"[{field.minimum:.15g}, {field.maximum:.15g}]"
    raise ValidationError(Message(
        f"'{name}' must be in {interval}; got {number:.15g}. With {quantity} that "
        "close to 0, the information n·I or the Cramér–Rao bound 1/(n·I) can "
        "overflow to infinity or underflow to 0 in double precision. Choose a value "
        f"in the range{advice_en}.",
        f"“{name}”必须在 {interval} 范围内，收到的是 {number:.15g}。{quantity} 这样"
        "接近 0 时，信息 n·I 或 Cramér–Rao 下界 1/(n·I) 在双精度下可能溢出为无穷大或"
        f"下溢为 0。请选择范围内的值{advice_zh}。"))


def _as_endpoint(value) -> str | None:
    """Return "0" or "1" when ``value`` is exactly that number, otherwise None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if number in (0.0, 1.0):
        return str(int(number))
    return None


class FisherInput(Schema):
    distribution = Choice(
        choices=DISTRIBUTIONS,
        load_default="poisson",
        description=(
            "The distribution of one observation. Each takes its own parameters: "
            "poisson takes lambda, bernoulli p, binomial trials and p, normal mu "
            "and sigma, exponential rate."
        ),
        example="poisson",
    )
    lam = _Scale(
        data_key="lambda",
        description=f"Poisson mean λ, the expected count, from {MIN_PARAMETER:g} to "
                    f"{MAX_PARAMETER:.0f} (default 4). Only for poisson.",
        example="4",
    )
    p = _Probability(
        description=(
            f"Success probability of one trial, from {MIN_PROBABILITY:g} to "
            f"{1 - MIN_PROBABILITY:g} (default 0.3). Only for bernoulli and binomial."
        ),
        example="0.3",
    )
    trials = Integer(
        minimum=1,
        maximum=MAX_TRIALS,
        description="Number of trials k of one binomial observation (default 10). "
                    "Only for binomial.",
        example="10",
    )
    mu = Number(
        minimum=-MAX_PARAMETER,
        maximum=MAX_PARAMETER,
        description="Mean μ of the normal distribution (default 0). Only for normal.",
        example="0",
    )
    sigma = _Scale(
        description=f"Standard deviation σ of the normal distribution, not the "
                    f"variance, from {MIN_PARAMETER:g} to {MAX_PARAMETER:.0f} "
                    "(default 1). Only for normal.",
        example="1",
    )
    rate = _Scale(
        description=f"Rate λ of the exponential distribution, from {MIN_PARAMETER:g} "
                    f"to {MAX_PARAMETER:.0f} (default 1). The mean is 1/rate. Only for "
                    "exponential.",
        example="1",
    )
    n = Integer(
        minimum=1,
        maximum=MAX_N,
        too_large=True,
        description=(
            f"Number of independent observations, at most {MAX_N}. Default 1, or "
            "the number of data values when data is given."
        ),
        example="10",
    )
    data = NumberList(
        max_length=MAX_DATA_VALUES,
        description=(
            f"Optional observed values, comma-separated, at most {MAX_DATA_VALUES}. "
            "With data the result adds the maximum-likelihood estimate, the "
            "observed information and the score of the data at the given parameter. "
            f"Exponential data need a mean of at least {1 / MAX_PARAMETER:g}, and "
            "normal data that are not all equal need a standard deviation σ̂ of at "
            f"least {MIN_PARAMETER:g}, so that the estimate stays in the accepted "
            "range of rate or sigma."
        ),
        example="3,5,4,2,6,4,3,7,5,4",
    )
    seed = Integer(
        minimum=0,
        maximum=2**32 - 1,
        load_default=0,
        description="Seed of the random generator for the simulated samples in "
                    "the drawing.",
        example="0",
    )


# One-parameter models of a whole sample. Each works on the sample's
# sufficient statistic: the number of observations m and their sum
# ``total``. ``relative`` returns the log-likelihood minus its supremum,
# so every curve peaks at 0 (or approaches 0 at a boundary estimate).


@dataclass(frozen=True)
class _Poisson:
    lam: float
    symbol = "λ"
    lower, upper = 0.0, math.inf

    @property
    def theta(self) -> float:
        return self.lam

    def information(self) -> float:
        return 1.0 / self.lam

    def mle(self, m: int, total: float) -> float:
        return total / m

    def on_boundary(self, m: int, total: float) -> bool:
        return total == 0

    def observed_information(self, m: int, total: float) -> float:
        return m / self.mle(m, total)

    def score(self, m: int, total: float) -> float:
        return total / self.lam - m

    def simulate(self, rng, n: int, count: int) -> np.ndarray:
        return rng.poisson(n * self.lam, size=count).astype(float)

    def relative(self, m: int, total: float, theta: np.ndarray) -> np.ndarray:
        if total == 0:
            return -m * theta
        t = theta / self.mle(m, total) - 1.0
        return total * (np.log1p(t) - t)


@dataclass(frozen=True)
class _Binomial:
    """Binomial with ``trials`` trials per observation. Bernoulli is ``trials`` = 1."""

    p: float
    trials: int
    symbol = "p"
    lower, upper = 0.0, 1.0

    @property
    def theta(self) -> float:
        return self.p

    def information(self) -> float:
        return self.trials / self.p / (1.0 - self.p)

    def mle(self, m: int, total: float) -> float:
        return total / (m * self.trials)

    def on_boundary(self, m: int, total: float) -> bool:
        return total == 0 or total == m * self.trials

    def observed_information(self, m: int, total: float) -> float:
        estimate = self.mle(m, total)
        return m * self.trials / estimate / (1.0 - estimate)

    def score(self, m: int, total: float) -> float:
        failures = m * self.trials - total
        return total / self.p - failures / (1.0 - self.p)

    def simulate(self, rng, n: int, count: int) -> np.ndarray:
        return rng.binomial(n * self.trials, self.p, size=count).astype(float)

    def relative(self, m: int, total: float, theta: np.ndarray) -> np.ndarray:
        estimate = self.mle(m, total)
        failures = m * self.trials - total
        curve = np.zeros_like(theta)
        if total > 0:
            curve += total * np.log1p(theta / estimate - 1.0)
        if failures > 0:
            curve += failures * np.log1p((estimate - theta) / (1.0 - estimate))
        return curve


@dataclass(frozen=True)
class _Exponential:
    rate: float
    symbol = "λ"
    lower, upper = 0.0, math.inf

    @property
    def theta(self) -> float:
        return self.rate

    def information(self) -> float:
        return 1.0 / self.rate / self.rate

    def mle(self, m: int, total: float) -> float:
        return m / total

    def on_boundary(self, m: int, total: float) -> bool:
        return False

    def observed_information(self, m: int, total: float) -> float:
        return total / m * total

    def score(self, m: int, total: float) -> float:
        return m / self.rate - total

    def simulate(self, rng, n: int, count: int) -> np.ndarray:
        return rng.gamma(n, 1.0 / self.rate, size=count)

    def relative(self, m: int, total: float, theta: np.ndarray) -> np.ndarray:
        t = theta / self.mle(m, total) - 1.0
        return m * (np.log1p(t) - t)


@dataclass(frozen=True)
class _NormalMean:
    """The normal log-likelihood in μ with σ held fixed, which the drawing uses."""

    mu: float
    sigma: float
    symbol = "μ"
    lower, upper = -math.inf, math.inf

    @property
    def theta(self) -> float:
        return self.mu

    def information(self) -> float:
        return 1.0 / self.sigma / self.sigma

    def mle(self, m: int, total: float) -> float:
        return total / m

    def simulate(self, rng, n: int, count: int) -> np.ndarray:
        means = self.mu + self.sigma / math.sqrt(n) * rng.standard_normal(count)
        return means * n

    def relative(self, m: int, total: float, theta: np.ndarray) -> np.ndarray:
        z = (total / m - theta) / self.sigma
        return -0.5 * m * z * z


def _model(distribution: str, values: dict):
    if distribution == "poisson":
        return _Poisson(values["lambda"])
    if distribution == "bernoulli":
        return _Binomial(values["p"], 1)
    if distribution == "binomial":
        return _Binomial(values["p"], values["trials"])
    if distribution == "exponential":
        return _Exponential(values["rate"])
    return _NormalMean(values["mu"], values["sigma"])


@dataclass
class _Facts:
    distribution: str
    values: dict
    n: int
    seed: int
    model: object
    simulated_totals: list[float]
    data: list[float] | None
    data_total: float | None


def compute(params: dict) -> Outcome:
    """Compute the Fisher information, the Cramér–Rao bound and, with data, the
    maximum-likelihood estimate and the observed information.
    """
    distribution = params["distribution"]
    values = _parameter_values(params, distribution)
    data = params.get("data")
    n = _observation_count(params.get("n"), data)
    if data is not None:
        _check_data(distribution, data, values)

    model = _model(distribution, values)
    rng = np.random.default_rng(params["seed"])
    simulated = [float(total) for total in model.simulate(rng, n, SIMULATED_SAMPLES)]

    if distribution == "normal":
        result = _normal_result(values, n, data)
    else:
        result = _scalar_result(distribution, model, n, data)
    result["simulated_mles"] = [model.mle(n, total) + 0.0 for total in simulated]

    inputs = {"distribution": distribution, **values, "n": n, "seed": params["seed"]}
    if data is not None:
        inputs["data"] = list(data)

    data_total = math.fsum(data) if data is not None else None
    facts = _Facts(distribution, values, n, params["seed"], model, simulated, data,
                   data_total)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _parameter_values(params: dict, distribution: str) -> dict:
    """Return the distribution's parameters with defaults filled in.

    Raises InputError for every given parameter that belongs to another
    distribution, since it would otherwise be silently ignored.
    """
    allowed = PARAMETERS[distribution]
    errors = {}
    for attribute, value in params.items():
        name = _PUBLIC_NAMES.get(attribute, attribute)
        if name not in DEFAULTS or name in allowed or value is None:
            continue
        users = ", ".join(key for key, names in PARAMETERS.items() if name in names)
        takes = " and ".join(allowed)
        errors[name] = Message(
            f"'{name}' does not apply to distribution '{distribution}', which takes "
            f"{takes}. Remove '{name}', or choose a distribution that uses it "
            f"({users}).",
            f"“{name}”不适用于分布“{distribution}”，该分布的参数是 "
            f"{'、'.join(allowed)}。请去掉“{name}”，或选择使用它的分布（{users}）。")
    if errors:
        raise InputError(errors)

    values = {}
    for name in allowed:
        value = params.get(_ATTRIBUTE_NAMES.get(name, name))
        values[name] = DEFAULTS[name] if value is None else value
    return values


def _observation_count(n: int | None, data: list[float] | None) -> int:
    if data is None:
        return 1 if n is None else n
    if n is not None and n != len(data):
        raise InputError({"n": Message(
            f"'n' is {n} but 'data' has {_values(len(data))}. The data are the n "
            "observations, so leave 'n' out or set it to the number of values.",
            f"“n”是 {n}，但“data”有 {len(data)} 个值。data 就是这 n 个观测，"
            "所以请省略“n”，或让它等于值的个数。")})
    return len(data)


def _values(count: int) -> str:
    return "1 value" if count == 1 else f"{count} values"


def _check_data(distribution: str, data: list[float], values: dict) -> None:
    """Raise InputError naming the first value that the distribution cannot produce."""
    rules = {
        "poisson": (lambda x: x >= 0 and x.is_integer(),
                    "Poisson data must be whole numbers of 0 or more",
                    "泊松分布的数据必须是非负整数"),
        "bernoulli": (lambda x: x in (0.0, 1.0),
                      "Bernoulli data must be 0 or 1",
                      "伯努利分布的数据必须是 0 或 1"),
        "binomial": (lambda x: x.is_integer() and 0 <= x <= values.get("trials", 0),
                     f"binomial data must be whole numbers from 0 to trials = "
                     f"{values.get('trials')}",
                     f"二项分布的数据必须是 0 到 trials = {values.get('trials')} 之间的整数"),
        "exponential": (lambda x: x > 0,
                        "exponential data must be greater than 0",
                        "指数分布的数据必须大于 0"),
        "normal": (lambda x: True, "", ""),
    }
    valid, rule_en, rule_zh = rules[distribution]
    for index, value in enumerate(data):
        if abs(value) > MAX_DATA_MAGNITUDE:
            rule_en = f"data values must be at most {MAX_DATA_MAGNITUDE:g} in absolute value"
            rule_zh = f"数据的绝对值不能超过 {MAX_DATA_MAGNITUDE:g}"
        elif valid(value):
            continue
        raise InputError({"data": Message(
            f"Entry {index + 1} of 'data' is {value:g}, but {rule_en}.",
            f"“data”的第 {index + 1} 项是 {value:g}，但{rule_zh}。")})

    if distribution == "exponential":
        _check_exponential_mean(data)
    elif distribution == "normal":
        _check_normal_spread(data)


def _check_exponential_mean(data: list[float]) -> None:
    """Raise InputError when the estimated rate 1/mean would exceed MAX_PARAMETER."""
    mean = math.fsum(data) / len(data)
    smallest = 1 / MAX_PARAMETER
    if mean >= smallest:
        return
    mean_text = _format_below(mean, smallest)
    raise InputError({"data": Message(
        f"The mean of 'data' is {mean_text}, below {smallest:g}, so the estimated rate "
        f"1/mean would be above {MAX_PARAMETER:.0f}, the largest accepted rate. "
        "Multiply the data by a power of 10 (measure in smaller units).",
        f"“data”的均值是 {mean_text}，低于 {smallest:g}，所以估计的速率 1/均值会超过允许的"
        f"最大速率 {MAX_PARAMETER:.0f}。请把数据乘以 10 的幂（换用更小的单位）。")})


def _check_normal_spread(data: list[float]) -> None:
    """Raise InputError when values that are not all equal have σ̂ below MIN_PARAMETER."""
    _, sigma_hat = _normal_estimates(np.asarray(data, dtype=float))
    if sigma_hat == 0 or sigma_hat >= MIN_PARAMETER:
        return
    sigma_text = _format_below(sigma_hat, MIN_PARAMETER)
    raise InputError({"data": Message(
        "The values of 'data' are not all equal, but their standard deviation "
        f"σ̂ = {sigma_text} is below {MIN_PARAMETER:g}, the smallest accepted sigma. "
        "Multiply the data by a power of 10 (measure in smaller units).",
        f"“data”的值并不全部相等，但它们的标准差 σ̂ = {sigma_text} 低于允许的最小 sigma "
        f"{MIN_PARAMETER:g}。请把数据乘以 10 的幂（换用更小的单位）。")})


def _format_below(value: float, limit: float) -> str:
    """Format ``value`` < ``limit`` with the fewest digits that still read below ``limit``."""
    for digits in range(4, 18):
        text = f"{value:.{digits}g}"
        if float(text) < limit:
            return text
    return repr(value)


def _normal_estimates(x: np.ndarray) -> tuple[float, float]:
    """Return the maximum-likelihood estimates (μ̂, σ̂) of the values ``x``.

    σ̂ is 0 exactly when all values are equal. Equal values are tested
    directly because their computed mean can differ from them in the last
    bit. The deviations are divided by the largest one before squaring, so
    that squares of tiny deviations cannot underflow to 0.
    """
    if x.min() == x.max():
        return float(x[0]), 0.0
    mean = math.fsum(x) / len(x)
    deviation = x - mean
    scale = float(np.max(np.abs(deviation)))
    sigma_hat = scale * math.sqrt(math.fsum((deviation / scale) ** 2) / len(x))
    return mean, sigma_hat


def _scalar_result(distribution: str, model, n: int, data) -> dict:
    information = model.information()
    total = n * information
    bound = 1.0 / total
    result = {
        "distribution": distribution,
        "parameters": [_ESTIMATED[distribution]],
        "about": _ABOUT[distribution],
        "n": n,
        "log_likelihood": _FORMULAS[distribution]["log_f"],
        "information_formula": _FORMULAS[distribution]["information"],
        "information_per_observation": information,
        "information_total": total,
        "cramer_rao_bound": bound,
        "min_standard_error": math.sqrt(bound),
        "score": {"formula": _FORMULAS[distribution]["score"], "at_true_parameter": None},
        "data": None,
    }
    if data is None:
        return result

    m, data_total = len(data), math.fsum(data)
    boundary = model.on_boundary(m, data_total)
    result["score"]["at_true_parameter"] = model.score(m, data_total) + 0.0
    result["data"] = {
        "count": m,
        "mean": data_total / m,
        "mle": model.mle(m, data_total) + 0.0,
        "mle_on_boundary": boundary,
        "observed_information": None if boundary
        else model.observed_information(m, data_total),
    }
    return result


def _normal_result(values: dict, n: int, data) -> dict:
    mu, sigma = values["mu"], values["sigma"]
    per_variance = 1.0 / sigma / sigma
    bound_mu = sigma * sigma / n
    bound_sigma = sigma * sigma / (2 * n)
    result = {
        "distribution": "normal",
        "parameters": ["mu", "sigma"],
        "about": _ABOUT["normal"],
        "n": n,
        "log_likelihood": _FORMULAS["normal"]["log_f"],
        "information_formula": _FORMULAS["normal"]["information"],
        "information_per_observation": [[per_variance, 0.0], [0.0, 2 * per_variance]],
        "information_total": [[n * per_variance, 0.0], [0.0, 2 * n * per_variance]],
        "cramer_rao_bound": {"mu": bound_mu, "sigma": bound_sigma},
        "min_standard_error": {"mu": math.sqrt(bound_mu), "sigma": math.sqrt(bound_sigma)},
        "score": {"formula": dict(_FORMULAS["normal"]["score"]), "at_true_parameter": None},
        "data": None,
    }
    if data is None:
        return result

    x = np.asarray(data, dtype=float)
    m = len(x)
    deviation = x - mu
    with np.errstate(over="ignore"):
        standardised = float(np.sum((deviation / sigma) ** 2))
    result["score"]["at_true_parameter"] = {
        "mu": math.fsum(deviation) / sigma / sigma + 0.0,
        "sigma": (standardised - m) / sigma + 0.0,
    }
    mean, sigma_hat = _normal_estimates(x)
    boundary = sigma_hat == 0
    observed = None
    if not boundary:
        precision = m / sigma_hat / sigma_hat
        observed = [[precision, 0.0], [0.0, 2 * precision]]
    result["data"] = {
        "count": m,
        "mean": mean,
        "mle": {"mu": mean, "sigma": sigma_hat},
        "mle_on_boundary": boundary,
        "observed_information": observed,
    }
    return result


_ESTIMATED = {"poisson": "lambda", "bernoulli": "p", "binomial": "p",
              "exponential": "rate"}

_ABOUT = {
    "poisson": "lambda, the Poisson mean",
    "bernoulli": "p, the probability of a 1",
    "binomial": "p, the success probability of each trial, with trials fixed",
    "normal": "mu and sigma: the mean and the standard deviation (not the variance)",
    "exponential": "rate (not the mean 1/rate)",
}


_NUMBER = {"type": "number"}
_MAYBE_INFINITE = {"anyOf": [{"type": "number"},
                             {"type": "string", "enum": ["Infinity", "-Infinity"]}]}
_MATRIX = {"type": "array", "minItems": 2, "maxItems": 2,
           "items": {"type": "array", "minItems": 2, "maxItems": 2,
                     "items": _MAYBE_INFINITE}}
_PER_NORMAL_PARAMETER = {"type": "object", "required": ["mu", "sigma"],
                         "properties": {"mu": _MAYBE_INFINITE, "sigma": _MAYBE_INFINITE}}
_SCALAR_OR_NORMAL = {"anyOf": [_MAYBE_INFINITE, _PER_NORMAL_PARAMETER]}
_SCALAR_OR_MATRIX = {"anyOf": [_MAYBE_INFINITE, _MATRIX]}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["distribution", "parameters", "about", "n", "log_likelihood",
                 "information_formula", "information_per_observation",
                 "information_total", "cramer_rao_bound", "min_standard_error",
                 "score", "data", "simulated_mles"],
    "properties": {
        "distribution": {"type": "string", "enum": list(DISTRIBUTIONS)},
        "parameters": {"type": "array", "items": {"type": "string"},
                       "description": "The parameters the information is about, in "
                                      "the order of the matrix rows for the normal."},
        "about": {"type": "string",
                  "description": "Which parameter the information is about; it "
                                 "changes with the parameterisation."},
        "n": {"type": "integer"},
        "log_likelihood": {"type": "string",
                           "description": "log f(x) of one observation."},
        "information_formula": {"type": "string"},
        "information_per_observation": {
            **_SCALAR_OR_MATRIX,
            "description": "I(θ) = E[score²]; for the normal the 2×2 matrix for "
                           "(mu, sigma)."},
        "information_total": {**_SCALAR_OR_MATRIX,
                              "description": "n·I(θ), the information in n observations."},
        "cramer_rao_bound": {
            **_SCALAR_OR_NORMAL,
            "description": "Minimum variance of an unbiased estimator, 1/(n·I); for the "
                           "normal per parameter from the inverse matrix."},
        "min_standard_error": {**_SCALAR_OR_NORMAL,
                               "description": "Square root of the Cramér–Rao bound."},
        "score": {
            "type": "object",
            "required": ["formula", "at_true_parameter"],
            "properties": {
                "formula": {"anyOf": [
                    {"type": "string"},
                    {"type": "object", "properties": {"mu": {"type": "string"},
                                                      "sigma": {"type": "string"}}}]},
                "at_true_parameter": {
                    "anyOf": [_SCALAR_OR_NORMAL, {"type": "null"}],
                    "description": "Score of all data values at the given parameter; "
                                   "null without data."},
            },
        },
        "data": {
            "anyOf": [{"type": "null"}, {
                "type": "object",
                "required": ["count", "mean", "mle", "mle_on_boundary",
                             "observed_information"],
                "properties": {
                    "count": {"type": "integer"},
                    "mean": _NUMBER,
                    "mle": {**_SCALAR_OR_NORMAL,
                            "description": "Maximum-likelihood estimate."},
                    "mle_on_boundary": {
                        "type": "boolean",
                        "description": "True when the estimate is on the edge of the "
                                       "parameter range (for example all-zero Poisson "
                                       "data); the observed information is then null."},
                    "observed_information": {
                        "anyOf": [_SCALAR_OR_MATRIX, {"type": "null"}],
                        "description": "Curvature of the data's log-likelihood at the "
                                       "estimate, -d²/dθ² log L."},
                },
            }],
        },
        "simulated_mles": {
            "type": "array", "items": _MAYBE_INFINITE,
            "description": "Estimates from the simulated samples in the drawing (for "
                           "the normal, of mu)."},
    },
}

CONCEPT = register(Concept(
    name="fisher",
    title={"en": "Fisher information and the Cramér–Rao bound",
           "zh": "Fisher 信息与 Cramér–Rao 下界"},
    description=(
        "Fisher information, the Cramér–Rao bound, the score and, for observed data, "
        "the MLE and observed information, for Poisson, Bernoulli, binomial, normal "
        "or exponential. Call it to explain how precisely data can pin down a "
        "parameter."
    ),
    schema=FisherInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"distribution": "poisson", "lambda": "4", "n": "10"},
    limits={
        "n": MAX_N,
        "data_values": MAX_DATA_VALUES,
        "data_absolute_value": MAX_DATA_MAGNITUDE,
        "lambda": f"[{MIN_PARAMETER:g}, {MAX_PARAMETER:.0f}]",
        "sigma": f"[{MIN_PARAMETER:g}, {MAX_PARAMETER:.0f}]",
        "rate": f"[{MIN_PARAMETER:g}, {MAX_PARAMETER:.0f}]",
        "mu": f"[{-MAX_PARAMETER:.0f}, {MAX_PARAMETER:.0f}]",
        "p": f"[{MIN_PROBABILITY:g}, {1 - MIN_PROBABILITY:g}]",
        "exponential_data_mean": f">= {1 / MAX_PARAMETER:g}",
        "normal_data_standard_deviation": f"0 or >= {MIN_PARAMETER:g}",
        "trials": MAX_TRIALS,
    },
    result_schema=RESULT_SCHEMA,
    family="statistics",
))
