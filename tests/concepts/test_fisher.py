"""Fisher information, the Cramér–Rao bound and maximum likelihood against scipy.

The numerical oracle differentiates scipy.stats log densities by central
differences, so it shares no formula with the concept. E[score²] and
-E[d²/dθ² log f] are sums over the pmf for discrete distributions and
scipy.integrate.quad integrals for continuous ones.
"""

from __future__ import annotations

import math
import re
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError
from scipy import integrate, optimize, stats

import concepts.statistics.fisher as fisher
from concepts import InputError
from concepts.draw.svg import text_width
from concepts.text import fmt
from tests.conftest import SVG_NS, parse_svg, strict_json, svg_texts

CONCEPT = fisher.CONCEPT


def run(**query):
    params = CONCEPT.schema().load({key: str(value) for key, value in query.items()})
    return CONCEPT.compute(params)


# scipy log densities as functions of (x, parameter), one parameter each.
LOG_DENSITY = {
    "poisson": lambda x, lam, values: stats.poisson.logpmf(x, lam),
    "bernoulli": lambda x, p, values: stats.bernoulli.logpmf(x, p),
    "binomial": lambda x, p, values: stats.binom.logpmf(x, values["trials"], p),
    "exponential": lambda x, rate, values: stats.expon.logpdf(x, scale=1 / rate),
}
PARAMETER = {"poisson": "lambda", "bernoulli": "p", "binomial": "p", "exponential": "rate"}


def _step(distribution, theta, relative=1e-4):
    """Return a difference step that keeps theta ± step inside the parameter range."""
    if distribution in ("bernoulli", "binomial"):
        return relative * min(theta, 1 - theta)
    return relative * theta


def _derivatives(distribution, x, theta, values):
    """Return the first and second central differences of the log density in theta."""
    log_density = LOG_DENSITY[distribution]
    h = _step(distribution, theta)
    up = log_density(x, theta + h, values)
    middle = log_density(x, theta, values)
    down = log_density(x, theta - h, values)
    return (up - down) / (2 * h), (up - 2 * middle + down) / (h * h)


def _support(distribution, theta, values):
    if distribution == "poisson":
        return np.arange(0, int(stats.poisson.isf(1e-16, theta)) + 2)
    if distribution == "bernoulli":
        return np.array([0, 1])
    return np.arange(0, values["trials"] + 1)


def numeric_information(distribution, values):
    """Return (E[score²], -E[second derivative]) for one observation."""
    theta = values[PARAMETER[distribution]]
    log_density = LOG_DENSITY[distribution]
    if distribution == "exponential":
        def weighted(x, power):
            first, second = _derivatives(distribution, x, theta, values)
            term = first * first if power == 2 else -second
            return math.exp(log_density(x, theta, values)) * term

        upper = stats.expon.isf(1e-14, scale=1 / theta)
        squared = integrate.quad(weighted, 0, upper, args=(2,), limit=200)[0]
        curvature = integrate.quad(weighted, 0, upper, args=(-2,), limit=200)[0]
        return squared, curvature

    x = _support(distribution, theta, values)
    weights = np.exp(log_density(x, theta, values))
    first, second = _derivatives(distribution, x, theta, values)
    return float(np.sum(weights * first * first)), float(-np.sum(weights * second))


def numeric_normal_information(mu, sigma):
    """Return the 2×2 matrices E[score scoreᵀ] and -E[Hessian] for (mu, sigma)."""
    h = 1e-4 * sigma

    def log_density(x, m, s):
        return stats.norm.logpdf(x, loc=m, scale=s)

    def score(x):
        return np.array([
            (log_density(x, mu + h, sigma) - log_density(x, mu - h, sigma)) / (2 * h),
            (log_density(x, mu, sigma + h) - log_density(x, mu, sigma - h)) / (2 * h),
        ])

    def hessian(x):
        centre = log_density(x, mu, sigma)
        mu_mu = (log_density(x, mu + h, sigma) - 2 * centre
                 + log_density(x, mu - h, sigma)) / (h * h)
        sigma_sigma = (log_density(x, mu, sigma + h) - 2 * centre
                       + log_density(x, mu, sigma - h)) / (h * h)
        mu_sigma = (log_density(x, mu + h, sigma + h) - log_density(x, mu + h, sigma - h)
                    - log_density(x, mu - h, sigma + h)
                    + log_density(x, mu - h, sigma - h)) / (4 * h * h)
        return np.array([[mu_mu, mu_sigma], [mu_sigma, sigma_sigma]])

    low, high = mu - 12 * sigma, mu + 12 * sigma
    outer = np.zeros((2, 2))
    curvature = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            outer[i, j] = integrate.quad(
                lambda x: stats.norm.pdf(x, mu, sigma) * score(x)[i] * score(x)[j],
                low, high, limit=200)[0]
            curvature[i, j] = -integrate.quad(
                lambda x: stats.norm.pdf(x, mu, sigma) * hessian(x)[i, j],
                low, high, limit=200)[0]
    return outer, curvature


# Seed examples


def test_poisson_lambda_4_n_10():
    result = run(distribution="poisson", **{"lambda": 4}, n=10).result
    assert result["information_per_observation"] == pytest.approx(0.25)
    assert result["information_total"] == pytest.approx(2.5)
    assert result["cramer_rao_bound"] == pytest.approx(0.4)
    assert result["min_standard_error"] == pytest.approx(math.sqrt(0.4))
    assert result["parameters"] == ["lambda"]
    assert "mean" in result["about"]


def test_example_loads_and_matches_poisson():
    outcome = CONCEPT.compute(CONCEPT.schema().load(CONCEPT.example))
    assert outcome.result["information_total"] == pytest.approx(2.5)


@pytest.mark.parametrize("query,per_observation", [
    ({"distribution": "bernoulli", "p": 0.3}, 1 / (0.3 * 0.7)),
    ({"distribution": "bernoulli", "p": 0.5}, 4.0),
    ({"distribution": "binomial", "trials": 10, "p": 0.3}, 10 / (0.3 * 0.7)),
    ({"distribution": "exponential", "rate": 2}, 0.25),
    ({"distribution": "poisson", "lambda": 0.5}, 2.0),
])
def test_closed_forms(query, per_observation):
    result = run(**query, n=7).result
    assert result["information_per_observation"] == pytest.approx(per_observation)
    assert result["information_total"] == pytest.approx(7 * per_observation)
    assert result["cramer_rao_bound"] == pytest.approx(1 / (7 * per_observation))


def test_defaults_per_distribution():
    assert run(distribution="poisson").inputs["lambda"] == 4
    assert run(distribution="binomial").inputs == {
        "distribution": "binomial", "trials": 10, "p": 0.3, "n": 1, "seed": 0}
    assert run(distribution="normal").inputs["sigma"] == 1
    assert run(distribution="exponential").inputs["rate"] == 1


def test_exponential_about_rate_not_mean():
    result = run(distribution="exponential", rate=4).result
    assert result["about"] == "rate (not the mean 1/rate)"
    assert result["information_per_observation"] == pytest.approx(1 / 16)


@pytest.mark.parametrize("sigma", [0.5, 1.0, 3.0])
def test_normal_matrix_diagonal(sigma):
    result = run(distribution="normal", mu=2, sigma=sigma, n=5).result
    information = np.array(result["information_per_observation"])
    np.testing.assert_allclose(information, [[1 / sigma**2, 0], [0, 2 / sigma**2]])
    total = np.array(result["information_total"])
    np.testing.assert_allclose(total, 5 * information)
    inverse = np.linalg.inv(total)
    assert result["cramer_rao_bound"]["mu"] == pytest.approx(inverse[0, 0])
    assert result["cramer_rao_bound"]["sigma"] == pytest.approx(inverse[1, 1])
    assert result["cramer_rao_bound"]["sigma"] == pytest.approx(sigma**2 / 10)


# Numerical oracle: E[score²] and -E[second derivative] from scipy.stats


@pytest.mark.parametrize("distribution,values", [
    ("poisson", {"lambda": 4.0}),
    ("poisson", {"lambda": 0.3}),
    ("bernoulli", {"p": 0.3}),
    ("bernoulli", {"p": 0.02}),
    ("binomial", {"trials": 10, "p": 0.3}),
    ("exponential", {"rate": 1.0}),
    ("exponential", {"rate": 3.5}),
])
def test_information_matches_numeric_expectations(distribution, values):
    result = run(distribution=distribution, **values).result
    squared, curvature = numeric_information(distribution, values)
    assert result["information_per_observation"] == pytest.approx(squared, rel=1e-5)
    assert result["information_per_observation"] == pytest.approx(curvature, rel=1e-4)


def test_normal_matrix_matches_numeric_expectations():
    result = run(distribution="normal", mu=1.5, sigma=2.0).result
    outer, curvature = numeric_normal_information(1.5, 2.0)
    np.testing.assert_allclose(result["information_per_observation"], outer,
                               rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(result["information_per_observation"], curvature,
                               rtol=1e-4, atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(distribution=st.sampled_from(["poisson", "bernoulli", "binomial", "exponential"]),
       scale=st.floats(min_value=0.05, max_value=60),
       p=st.floats(min_value=0.01, max_value=0.99),
       trials=st.integers(min_value=1, max_value=60),
       n=st.integers(min_value=1, max_value=1000))
def test_information_property(distribution, scale, p, trials, n):
    values = {"poisson": {"lambda": scale}, "bernoulli": {"p": p},
              "binomial": {"trials": trials, "p": p},
              "exponential": {"rate": scale}}[distribution]
    result = run(distribution=distribution, n=n, **values).result
    squared, curvature = numeric_information(distribution, values)
    information = result["information_per_observation"]
    assert information == pytest.approx(squared, rel=1e-4)
    assert information == pytest.approx(curvature, rel=1e-3)
    assert result["information_total"] == pytest.approx(n * information, rel=1e-12)
    assert result["cramer_rao_bound"] == pytest.approx(1 / (n * information), rel=1e-12)


@settings(max_examples=15, deadline=None)
@given(mu=st.floats(min_value=-100, max_value=100),
       sigma=st.floats(min_value=0.05, max_value=50),
       n=st.integers(min_value=1, max_value=1000))
def test_normal_property(mu, sigma, n):
    result = run(distribution="normal", mu=mu, sigma=sigma, n=n).result
    outer, _ = numeric_normal_information(mu, sigma)
    np.testing.assert_allclose(result["information_per_observation"], outer,
                               rtol=1e-4, atol=1e-9 / sigma**2)
    inverse = np.linalg.inv(np.array(result["information_total"]))
    assert result["cramer_rao_bound"]["mu"] == pytest.approx(inverse[0, 0], rel=1e-9)
    assert result["cramer_rao_bound"]["sigma"] == pytest.approx(inverse[1, 1], rel=1e-9)


def _assert_json_ready(value, path="result"):
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), path
            _assert_json_ready(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _assert_json_ready(item, f"{path}[{index}]")
    elif isinstance(value, float):
        assert math.isfinite(value), (path, value)
    else:
        assert value is None or type(value) in (bool, int, str), (path, type(value))


extreme = st.floats(min_value=fisher.MIN_PARAMETER, max_value=fisher.MAX_PARAMETER)
probability = st.floats(min_value=fisher.MIN_PROBABILITY,
                        max_value=1 - fisher.MIN_PROBABILITY)


@settings(max_examples=60, deadline=None)
@given(distribution=st.sampled_from(fisher.DISTRIBUTIONS),
       positive=extreme,
       p=probability,
       mu=st.floats(min_value=-1e6, max_value=1e6),
       trials=st.integers(min_value=1, max_value=fisher.MAX_TRIALS),
       n=st.integers(min_value=1, max_value=fisher.MAX_N),
       seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_extreme_parameters_no_nan(distribution, positive, p, mu, trials, n, seed):
    values = {"poisson": {"lambda": positive}, "bernoulli": {"p": p},
              "binomial": {"trials": trials, "p": p},
              "normal": {"mu": mu, "sigma": positive},
              "exponential": {"rate": positive}}[distribution]
    params = CONCEPT.schema().load({"distribution": distribution, "n": n, "seed": seed,
                                    **values})
    outcome = CONCEPT.compute(params)
    _assert_json_ready(outcome.result)
    bound = outcome.result["cramer_rao_bound"]
    for value in bound.values() if isinstance(bound, dict) else [bound]:
        assert value > 0
    CONCEPT.explain(outcome, "en")
    parse_svg(CONCEPT.draw(outcome, "zh", "dark"))


def _valid_data(distribution, values):
    size = {"min_size": 1, "max_size": 40}
    if distribution == "poisson":
        return st.lists(st.integers(min_value=0, max_value=10**12), **size)
    if distribution == "bernoulli":
        return st.lists(st.integers(min_value=0, max_value=1), **size)
    if distribution == "binomial":
        return st.lists(st.integers(min_value=0, max_value=values["trials"]), **size)
    if distribution == "exponential":
        return st.lists(st.floats(min_value=5e-324, max_value=1e12), **size)
    return st.lists(st.floats(min_value=-1e12, max_value=1e12), **size)


def _estimate_out_of_range(distribution, data):
    """Return True for data whose estimate the concept rejects: an exponential
    mean below 1/MAX_PARAMETER, or a positive normal σ̂ below MIN_PARAMETER.
    """
    if distribution == "exponential":
        return statistics.fmean(data) < 1 / fisher.MAX_PARAMETER
    if distribution == "normal":
        # statistics.pstdev sums the squared deviations exactly, so it does
        # not underflow for tiny spreads.
        spread = statistics.pstdev(data)
        return 0 < spread < fisher.MIN_PARAMETER or (
            spread == 0 and min(data) != max(data))
    return False


@settings(max_examples=80, deadline=None)
@given(choice=st.data(), distribution=st.sampled_from(fisher.DISTRIBUTIONS),
       positive=extreme, p=probability,
       mu=st.floats(min_value=-1e6, max_value=1e6),
       trials=st.integers(min_value=1, max_value=fisher.MAX_TRIALS))
def test_extreme_data_no_nan(choice, distribution, positive, p, mu, trials):
    values = {"poisson": {"lambda": positive}, "bernoulli": {"p": p},
              "binomial": {"trials": trials, "p": p},
              "normal": {"mu": mu, "sigma": positive},
              "exponential": {"rate": positive}}[distribution]
    data = choice.draw(_valid_data(distribution, values))
    params = CONCEPT.schema().load({"distribution": distribution, "data": data, **values})
    if _estimate_out_of_range(distribution, data):
        with pytest.raises(InputError) as error:
            CONCEPT.compute(params)
        assert "data" in error.value.errors
        return
    outcome = CONCEPT.compute(params)
    _assert_json_ready(outcome.result)
    summary = outcome.result["data"]
    assert (summary["observed_information"] is None) == summary["mle_on_boundary"]
    CONCEPT.explain(outcome, "zh")
    parse_svg(CONCEPT.draw(outcome, "en", "light"))


# Input checks


@pytest.mark.parametrize("distribution", ["bernoulli", "binomial"])
@pytest.mark.parametrize("p", ["0", "1", "0.0", "1e0"])
def test_p_endpoint_rejected_as_divergent(distribution, p):
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load({"distribution": distribution, "p": p})
    message = error.value.messages["p"][0]
    assert "strictly between 0 and 1" in message
    assert "diverges" in message
    assert "发散" in message.zh


@pytest.mark.parametrize("query,name", [
    ({"lambda": "0"}, "lambda"),
    ({"lambda": "-1"}, "lambda"),
    ({"lambda": "2e6"}, "lambda"),
    ({"sigma": "0"}, "sigma"),
    ({"rate": "0"}, "rate"),
    ({"p": "1.5"}, "p"),
    ({"trials": "0"}, "trials"),
    ({"distribution": "gamma"}, "distribution"),
])
def test_schema_rejects_out_of_range(query, name):
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load(query)
    assert name in error.value.messages


@pytest.mark.parametrize("query,name,value,interval", [
    ({"distribution": "exponential", "rate": "1e-300"}, "rate", "1e-300", "[1e-06, 1000000]"),
    ({"distribution": "normal", "sigma": "1e-300"}, "sigma", "1e-300", "[1e-06, 1000000]"),
    ({"distribution": "exponential", "rate": "1e-154"}, "rate", "1e-154", "[1e-06, 1000000]"),
    ({"distribution": "poisson", "lambda": "1e-320"}, "lambda", "9.99988867182683e-321",
     "[1e-06, 1000000]"),
    ({"distribution": "bernoulli", "p": "1e-300"}, "p", "1e-300", "[1e-06, 0.999999]"),
    ({"distribution": "binomial", "p": "0.9999999"}, "p", "0.9999999", "[1e-06, 0.999999]"),
])
def test_parameter_near_zero_rejected(query, name, value, interval):
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load(query)
    message = error.value.messages[name][0]
    assert f"'{name}' must be in {interval}; got {value}." in message
    assert "overflow" in message
    assert f"“{name}”必须在 {interval} 范围内，收到的是 {value}。" in message.zh


@pytest.mark.parametrize("distribution,values", [
    ("poisson", {"lambda": "1e-6"}),
    ("bernoulli", {"p": "1e-6"}),
    ("binomial", {"trials": str(fisher.MAX_TRIALS), "p": "0.999999"}),
    ("normal", {"sigma": "1e-6"}),
    ("exponential", {"rate": "1e-6"}),
])
def test_smallest_parameters_finite_bound(distribution, values):
    result = run(distribution=distribution, n=fisher.MAX_N, **values).result
    _assert_json_ready(result)
    bound = result["cramer_rao_bound"]
    bound = bound["mu"] if distribution == "normal" else bound
    total = result["information_total"]
    total = total[0][0] if distribution == "normal" else total
    assert bound == pytest.approx(1 / total, rel=1e-12)
    assert 0 < bound < 1e-11


def test_limits_state_parameter_ranges():
    assert CONCEPT.limits["rate"] == "[1e-06, 1000000]"
    assert CONCEPT.limits["p"] == "[1e-06, 0.999999]"
    assert "1e-06" in CONCEPT.schema().fields["sigma"].metadata["description"]


@pytest.mark.parametrize("query,phrase", [
    ({"distribution": "normal", "data": "1e-300,2e-300"}, "σ̂ = 5e-301 is below 1e-06"),
    ({"distribution": "normal", "data": "1,1.0000001"}, "σ̂ = 5e-08 is below 1e-06"),
    ({"distribution": "exponential", "data": "1e-300,2e-300"},
     "The mean of 'data' is 1.5e-300, below 1e-06"),
])
def test_data_estimate_out_of_range_rejected(query, phrase):
    with pytest.raises(InputError) as error:
        run(**query)
    message = error.value.errors["data"]
    assert phrase in message
    assert "10 的幂" in message.zh


def test_normal_tiny_spread_at_limit_accepted():
    outcome = run(distribution="normal", data="1e-5,1.3e-5")
    assert outcome.result["data"]["mle"]["sigma"] == pytest.approx(1.5e-6, rel=1e-9)
    assert outcome.result["data"]["mle_on_boundary"] is False
    assert "All 2 values" not in CONCEPT.explain(outcome, "en").markdown


def test_n_over_limit_is_413():
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load({"n": str(fisher.MAX_N + 1)})
    assert error.value.messages["n"][0].status == 413


def test_data_over_limit_is_413():
    data = ",".join(["1"] * (fisher.MAX_DATA_VALUES + 1))
    with pytest.raises(ValidationError) as error:
        CONCEPT.schema().load({"data": data})
    assert error.value.messages["data"][0].status == 413


@pytest.mark.parametrize("query,name,accepted", [
    ({"distribution": "poisson", "p": "0.3"}, "p", "lambda"),
    ({"distribution": "bernoulli", "trials": "5"}, "trials", "takes p."),
    ({"distribution": "binomial", "lambda": "2"}, "lambda", "trials and p"),
    ({"distribution": "normal", "rate": "2"}, "rate", "mu and sigma"),
    ({"distribution": "exponential", "sigma": "2"}, "sigma", "takes rate"),
])
def test_foreign_parameter_rejected(query, name, accepted):
    with pytest.raises(InputError) as error:
        run(**query)
    message = error.value.errors[name]
    assert f"'{name}'" in message
    assert accepted in message
    assert f"“{name}”" in message.zh
    assert error.value.status == 400


def test_foreign_parameters_all_named():
    with pytest.raises(InputError) as error:
        run(distribution="poisson", p="0.3", sigma="2")
    assert set(error.value.errors) == {"p", "sigma"}


@pytest.mark.parametrize("query,entry,value", [
    ({"distribution": "bernoulli", "data": "0,1,2"}, 3, "2"),
    ({"distribution": "bernoulli", "data": "0.5"}, 1, "0.5"),
    ({"distribution": "poisson", "data": "1,-1"}, 2, "-1"),
    ({"distribution": "poisson", "data": "1,2,2.5,-1"}, 3, "2.5"),
    ({"distribution": "binomial", "trials": "10", "data": "3,11"}, 2, "11"),
    ({"distribution": "exponential", "data": "1,0"}, 2, "0"),
    ({"distribution": "normal", "data": "1,2e13"}, 2, "2e+13"),
])
def test_invalid_data_names_first_entry(query, entry, value):
    with pytest.raises(InputError) as error:
        run(**query)
    message = error.value.errors["data"]
    assert f"Entry {entry} of 'data' is {value}," in message
    assert f"第 {entry} 项" in message.zh


def test_n_must_match_data():
    with pytest.raises(InputError) as error:
        run(distribution="poisson", n=5, data="1,2,3")
    assert "'n' is 5 but 'data' has 3 values" in error.value.errors["n"]
    with pytest.raises(InputError) as error:
        run(distribution="poisson", n=3, data="1")
    assert "'n' is 3 but 'data' has 1 value." in error.value.errors["n"]
    assert run(distribution="poisson", n=3, data="1,2,3").result["n"] == 3
    assert run(distribution="poisson", data="1,2,3").result["n"] == 3


def test_fields_documented():
    schema = CONCEPT.schema()
    for name, field in schema.fields.items():
        assert field.metadata.get("description"), name
        assert field.metadata.get("example") is not None, name
    assert schema.fields["lam"].data_key == "lambda"
    assert schema.fields["n"].too_large
    assert len(CONCEPT.description) < 300
    assert CONCEPT.family == "statistics"
    assert CONCEPT.limits["n"] == fisher.MAX_N
    assert CONCEPT.limits["data_values"] == fisher.MAX_DATA_VALUES


# Data: maximum-likelihood estimate, observed information, score


def _numeric_log_likelihood(distribution, data, values):
    x = np.asarray(data)
    log_density = LOG_DENSITY[distribution]
    return lambda theta: float(np.sum(log_density(x, theta, values)))


@pytest.mark.parametrize("distribution,values,data,bounds", [
    ("poisson", {"lambda": 4.0}, [3, 5, 4, 2, 6, 1], (1e-6, 50)),
    ("bernoulli", {"p": 0.3}, [0, 1, 1, 0, 0, 0, 1], (1e-9, 1 - 1e-9)),
    ("binomial", {"trials": 10, "p": 0.3}, [3, 4, 2, 5, 1], (1e-9, 1 - 1e-9)),
    ("exponential", {"rate": 2.0}, [0.3, 0.9, 0.1, 1.7], (1e-6, 100)),
])
def test_mle_observed_information_score(distribution, values, data, bounds):
    outcome = run(distribution=distribution, data=",".join(map(str, data)),
                  **{key: str(value) for key, value in values.items()})
    result = outcome.result
    log_likelihood = _numeric_log_likelihood(distribution, data, values)

    best = optimize.minimize_scalar(lambda theta: -log_likelihood(theta), bounds=bounds,
                                    method="bounded", options={"xatol": 1e-10})
    estimate = result["data"]["mle"]
    assert estimate == pytest.approx(best.x, rel=1e-5)
    assert result["data"]["mle_on_boundary"] is False

    h = _step(distribution, estimate)
    curvature = -(log_likelihood(estimate + h) - 2 * log_likelihood(estimate)
                  + log_likelihood(estimate - h)) / (h * h)
    assert result["data"]["observed_information"] == pytest.approx(curvature, rel=1e-4)

    theta = values[PARAMETER[distribution]]
    h = _step(distribution, theta, relative=1e-6)
    slope = (log_likelihood(theta + h) - log_likelihood(theta - h)) / (2 * h)
    assert result["score"]["at_true_parameter"] == pytest.approx(slope, rel=1e-5, abs=1e-6)


def test_exponential_mle_matches_scipy_fit():
    data = [0.3, 0.9, 0.1, 1.7, 0.05]
    result = run(distribution="exponential", data=",".join(map(str, data))).result
    _, scale = stats.expon.fit(data, floc=0)
    assert result["data"]["mle"] == pytest.approx(1 / scale, rel=1e-9)


def test_normal_mle_matches_scipy_fit():
    data = [0.5, 1.5, 3.0, -1.0, 2.25]
    result = run(distribution="normal", mu=1, sigma=2, data=",".join(map(str, data))).result
    loc, scale = stats.norm.fit(data)
    assert result["data"]["mle"]["mu"] == pytest.approx(loc, rel=1e-12)
    assert result["data"]["mle"]["sigma"] == pytest.approx(scale, rel=1e-12)
    count = len(data)
    np.testing.assert_allclose(result["data"]["observed_information"],
                               [[count / scale**2, 0], [0, 2 * count / scale**2]])
    x = np.array(data)
    assert result["score"]["at_true_parameter"]["mu"] == pytest.approx(np.sum(x - 1) / 4)
    assert result["score"]["at_true_parameter"]["sigma"] == pytest.approx(
        -count / 2 + np.sum((x - 1) ** 2) / 8)


def test_normal_observed_information_numeric_hessian():
    data = np.array([0.5, 1.5, 3.0, -1.0, 2.25])
    result = run(distribution="normal", data=",".join(map(str, data))).result
    mu, sigma = result["data"]["mle"]["mu"], result["data"]["mle"]["sigma"]

    def log_likelihood(m, s):
        return float(np.sum(stats.norm.logpdf(data, m, s)))

    h = 1e-4
    centre = log_likelihood(mu, sigma)
    mu_mu = (log_likelihood(mu + h, sigma) - 2 * centre + log_likelihood(mu - h, sigma)) / h**2
    sigma_sigma = (log_likelihood(mu, sigma + h) - 2 * centre
                   + log_likelihood(mu, sigma - h)) / h**2
    np.testing.assert_allclose(np.diag(result["data"]["observed_information"]),
                               [-mu_mu, -sigma_sigma], rtol=1e-4)


@pytest.mark.parametrize("query,estimate", [
    ({"distribution": "poisson", "data": "0,0,0"}, 0.0),
    ({"distribution": "poisson", "data": "0"}, 0.0),
    ({"distribution": "bernoulli", "data": "1,1,1,1"}, 1.0),
    ({"distribution": "bernoulli", "data": "0,0"}, 0.0),
    ({"distribution": "binomial", "trials": "3", "data": "3,3"}, 1.0),
])
def test_boundary_mle_has_no_observed_information(query, estimate):
    outcome = run(**query)
    data = outcome.result["data"]
    assert data["mle"] == estimate
    assert data["mle_on_boundary"] is True
    assert data["observed_information"] is None
    assert "undefined" in CONCEPT.explain(outcome, "en").markdown
    assert "没有定义" in CONCEPT.explain(outcome, "zh").markdown
    parse_svg(CONCEPT.draw(outcome, "en", "light"))


@pytest.mark.parametrize("data", ["2,2,2", "5", "0.1,0.1,0.1", "999999999999.7,999999999999.7"])
def test_normal_zero_spread_has_no_observed_information(data):
    outcome = run(distribution="normal", data=data)
    assert outcome.result["data"]["mle"]["sigma"] == 0
    assert outcome.result["data"]["observed_information"] is None
    assert "undefined" in CONCEPT.explain(outcome, "en").markdown
    parse_svg(CONCEPT.draw(outcome, "en", "light"))


@pytest.mark.parametrize("query", [
    {"distribution": "poisson"},
    {"distribution": "poisson", "data": "0,0"},
    {"distribution": "poisson", "lambda": "1e-6", "n": "1000000"},
    {"distribution": "binomial", "trials": "4", "data": "1,2"},
    {"distribution": "normal", "data": "1,2.5"},
    {"distribution": "normal", "data": "3"},
    {"distribution": "exponential", "data": "0.5"},
])
def test_result_matches_result_schema(query):
    # jsonschema_rs comes with schemathesis, which the test extra installs.
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    from service.encoding import to_plain

    validator = jsonschema_rs.validator_for(fisher.RESULT_SCHEMA)
    result = to_plain(CONCEPT.compute(CONCEPT.schema().load(query)).result)
    validator.validate(result)


def test_score_without_data_is_formula_only():
    score = run(distribution="poisson").result["score"]
    assert score == {"formula": "x/λ - 1", "at_true_parameter": None}


def test_equal_simulated_estimates_worded():
    # With n = 3 and p = 0.01 the five simulated samples of seed 0 have no success.
    outcome = run(distribution="bernoulli", p="0.01", n=3)
    assert outcome.result["simulated_mles"] == [0.0] * fisher.SIMULATED_SAMPLES
    english = CONCEPT.explain(outcome, "en").markdown
    assert "between 0 and 0" not in english
    assert ("All five peaks, the maximum-likelihood estimates, are at 0, because none "
            "of the simulated samples contains a success.") in english
    chinese = CONCEPT.explain(outcome, "zh").markdown
    assert "0 到 0" not in chinese
    assert "都在 0，因为模拟的样本中没有一次成功" in chinese


def test_simulated_estimates_variance_near_bound():
    # Over many seeds the simulated estimates of λ should have the variance of
    # an efficient estimator, the Cramér–Rao bound λ/n = 0.08.
    estimates = []
    for seed in range(200):
        estimates.extend(run(distribution="poisson", n=50, seed=seed).result["simulated_mles"])
    assert np.mean(estimates) == pytest.approx(4.0, abs=0.05)
    assert np.var(estimates) == pytest.approx(0.08, rel=0.2)


# Explanation


_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:×10\^-?\d+)?")
# Constants of the formulas, such as 1/λ, 2/σ², n - 1 and 0 < p < 1.
FORMULA_CONSTANTS = {"0", "1", "-1", "2"}

EXPLAINED = [
    {"distribution": "poisson", "lambda": "4", "n": "10"},
    {"distribution": "poisson", "lambda": "0.5", "data": "0,0,0"},
    {"distribution": "poisson", "lambda": "3", "data": "4,2,7,3"},
    {"distribution": "bernoulli", "p": "0.3", "data": "1"},
    {"distribution": "bernoulli", "p": "0.12", "n": "25", "seed": "7"},
    {"distribution": "bernoulli", "p": "0.01", "n": "3"},
    {"distribution": "binomial", "trials": "12", "p": "0.35", "data": "3,4,2,5,1"},
    {"distribution": "normal", "mu": "1", "sigma": "2", "data": "0.5,1.5,3,-1"},
    {"distribution": "normal", "mu": "-3", "sigma": "0.25", "n": "40"},
    {"distribution": "normal", "data": "2,2"},
    {"distribution": "exponential", "rate": "2", "data": "0.3,0.9,0.1"},
    {"distribution": "exponential", "rate": "0.001", "n": "1000000"},
]


def _known_numbers(outcome) -> set[str]:
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found.add(fmt(value))

    walk(outcome.result)
    walk(outcome.inputs)
    return found


@pytest.mark.parametrize("query", EXPLAINED)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explanation_numbers_match_result(query, lang):
    outcome = CONCEPT.compute(CONCEPT.schema().load(query))
    explanation = CONCEPT.explain(outcome, lang)
    allowed = _known_numbers(outcome) | FORMULA_CONSTANTS
    for text in (explanation.summary, explanation.markdown):
        cited = set(_NUMBER.findall(text))
        assert cited, text
        assert cited <= allowed, cited - allowed


def test_explanation_cites_seed_example():
    explanation = CONCEPT.explain(run(distribution="poisson", **{"lambda": 4}, n=10), "en")
    assert "0.25 per observation" in explanation.markdown
    assert "1/(n·I) = 0.4" in explanation.markdown
    assert "curvature" in explanation.markdown
    assert "0.25" in explanation.summary


@pytest.mark.parametrize("query", EXPLAINED)
def test_steps_cover_derivation(query):
    outcome = CONCEPT.compute(CONCEPT.schema().load(query))
    steps = CONCEPT.explain(outcome, "en").steps
    texts = " ".join(step.text for step in steps)
    assert "Score" in texts
    assert "E[score²]" in texts or "-E" in texts
    assert "Cramér–Rao" in texts
    total = next(step.values for step in steps if "information_total" in step.values)
    assert total["information_total"] == outcome.result["information_total"]
    if outcome.result["data"] is not None:
        assert any("Maximum-likelihood" in step.text for step in steps)
        assert any("Observed information" in step.text for step in steps)
    assert len(CONCEPT.explain(outcome, "zh").steps) == len(steps)


# Drawing


def test_svg_parts_and_labels():
    outcome = run(distribution="poisson", **{"lambda": 4}, n=10)
    text = CONCEPT.draw(outcome, "en", "light")
    root = parse_svg(text)
    assert root.find(f"{SVG_NS}desc").text == CONCEPT.explain(outcome, "en").summary
    texts = svg_texts(root)
    assert "curvature n·I = 2.5" in texts
    assert "λ₀ = 4" in texts
    assert len(root.findall(f"{SVG_NS}path")) == fisher.SIMULATED_SAMPLES + 1
    assert "nan" not in text.lower()


def test_svg_deterministic_and_small():
    query = {"distribution": "binomial", "trials": 10, "p": 0.3, "n": 20, "seed": 3}
    first = CONCEPT.draw(run(**query), "en", "light")
    second = CONCEPT.draw(run(**query), "en", "light")
    assert first == second
    assert len(first.encode()) < 12_000
    assert first != CONCEPT.draw(run(**{**query, "seed": 4}), "en", "light")


@pytest.mark.parametrize("theme", ["light", "dark", "auto"])
@pytest.mark.parametrize("query", EXPLAINED)
def test_svg_every_case_and_theme(query, theme):
    outcome = CONCEPT.compute(CONCEPT.schema().load(query))
    for lang in ("en", "zh"):
        text = CONCEPT.draw(outcome, lang, theme)
        parse_svg(text)
        assert "nan" not in text.lower()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_svg_curvature_label_clear_of_peaks(lang):
    outcome = run(distribution="normal", data="1,2,3,4")
    root = parse_svg(CONCEPT.draw(outcome, lang, "light"))
    label = next(node for node in root.iter(f"{SVG_NS}text")
                 if "n/σ² = 4" in "".join(node.itertext()))
    width = text_width("".join(label.itertext()), float(label.get("font-size")))
    left = float(label.get("x"))
    if label.get("text-anchor") == "end":
        left -= width
    baseline = float(label.get("y"))
    peaks = [node for node in root.iter(f"{SVG_NS}circle")
             if float(node.get("cy")) < baseline + 40]
    assert len(peaks) == fisher.SIMULATED_SAMPLES + 1
    for peak in peaks:
        x, radius = float(peak.get("cx")), float(peak.get("r"))
        assert x + radius < left or x - radius > left + width, (x, left, width)


def test_svg_data_far_off_is_noted():
    outcome = run(distribution="poisson", **{"lambda": 4}, data="40,41,39")
    texts = svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light")))
    assert any("outside the plotted range" in text for text in texts)


def test_svg_narrow_window_uses_offsets():
    outcome = run(distribution="normal", mu=1e6, sigma=0.001, n=3)
    texts = svg_texts(parse_svg(CONCEPT.draw(outcome, "en", "light")))
    assert "μ - 1×10^6" in texts


def test_dark_theme_uses_dark_background():
    text = CONCEPT.draw(run(distribution="normal"), "en", "dark")
    assert ".bg{fill:#16181d}" in text


# Over HTTP


def test_http_smallest_lambda_finite(client):
    response = client.get("/fisher?distribution=poisson&lambda=1e-6&n=1000000")
    assert response.status_code == 200
    body = strict_json(response.get_data(as_text=True))
    assert body["result"]["information_total"] == pytest.approx(1e12)
    assert body["result"]["cramer_rao_bound"] == pytest.approx(1e-12)


@pytest.mark.parametrize("query,name", [
    ("distribution=exponential&rate=1e-300", "rate"),
    ("distribution=normal&sigma=1e-300", "sigma"),
    ("distribution=poisson&lambda=1e-320&n=1000000", "lambda"),
])
def test_http_tiny_parameter_is_400(client, query, name):
    response = client.get(f"/fisher?{query}")
    assert response.status_code == 400
    body = strict_json(response.get_data(as_text=True))
    assert name in body["errors"]


def test_http_foreign_parameter_is_400(client):
    response = client.get("/fisher?distribution=poisson&p=0.3")
    assert response.status_code == 400
    body = strict_json(response.get_data(as_text=True))
    assert "p" in body["errors"]


def test_http_p_zero_is_400(client):
    response = client.get("/fisher?distribution=bernoulli&p=0")
    assert response.status_code == 400


def test_http_n_over_limit_is_413(client):
    response = client.get(f"/fisher?n={fisher.MAX_N + 1}")
    assert response.status_code == 413
