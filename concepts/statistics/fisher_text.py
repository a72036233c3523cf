"""Explanation text of the Fisher information concept, in English and Chinese.

``explain`` writes the summary, the Markdown and the steps. ``_FORMULAS``
is defined here because the result (built in ``fisher``) and the
explanation both quote it. ``fisher`` imports this module, so this module
must not import ``fisher`` at load time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..base import Explanation, Outcome, Step
from ..text import fmt

if TYPE_CHECKING:
    from .fisher import _Facts


_FORMULAS = {
    "poisson": {
        "log_f": "x·log(λ) - λ - log(x!)",
        "score": "x/λ - 1",
        "second": "-x/λ²",
        "information": "1/λ",
    },
    "bernoulli": {
        "log_f": "x·log(p) + (1-x)·log(1-p)",
        "score": "x/p - (1-x)/(1-p)",
        "second": "-x/p² - (1-x)/(1-p)²",
        "information": "1/(p(1-p))",
    },
    "binomial": {
        "log_f": "log C(k,x) + x·log(p) + (k-x)·log(1-p)",
        "score": "x/p - (k-x)/(1-p)",
        "second": "-x/p² - (k-x)/(1-p)²",
        "information": "k/(p(1-p))",
    },
    "exponential": {
        "log_f": "log(λ) - λ·x",
        "score": "1/λ - x",
        "second": "-1/λ²",
        "information": "1/λ²",
    },
    "normal": {
        "log_f": "-log(σ) - log(2π)/2 - (x-μ)²/(2σ²)",
        "score": {"mu": "(x-μ)/σ²", "sigma": "-1/σ + (x-μ)²/σ³"},
        "second": {"mu_mu": "-1/σ²", "mu_sigma": "-2(x-μ)/σ³",
                   "sigma_sigma": "1/σ² - 3(x-μ)²/σ⁴"},
        "information": "[[1/σ², 0], [0, 2/σ²]]",
    },
}


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: _Facts = outcome.facts
    result = outcome.result
    writer = _ZH if lang == "zh" else _EN
    if facts.distribution == "normal":
        explanation = Explanation(
            summary=writer.normal_summary(facts, result),
            markdown=writer.normal_markdown(facts, result),
            steps=_normal_steps(facts, result, writer),
        )
    else:
        explanation = Explanation(
            summary=writer.summary(facts, result),
            markdown=writer.markdown(facts, result),
            steps=_scalar_steps(facts, result, writer),
        )
    if lang != "zh":
        return explanation

    return Explanation(
        summary=_tidy_chinese(explanation.summary),
        markdown=_tidy_chinese(explanation.markdown),
        steps=[Step(_tidy_chinese(step.text), step.values) for step in explanation.steps],
    )


# A space between two Chinese characters, or between one and a full-width
# bracket, is left over where a template spaces out a phrase that turned
# out to be Chinese ("关于 速率 λ"), so it is removed.
_STRAY_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）])\s+(?=[\u4e00-\u9fff（])")


def _tidy_chinese(text: str) -> str:
    return _STRAY_SPACE.sub("", text)


def _scalar_steps(facts: _Facts, result: dict, writer) -> list[Step]:
    formulas = _FORMULAS[facts.distribution]
    information = result["information_per_observation"]
    total = result["information_total"]
    steps = [
        Step(writer.step_log_f(facts), {"log_likelihood": formulas["log_f"]}),
        Step(writer.step_score(facts), {"score": formulas["score"]}),
        Step(writer.step_information(facts, information),
             {"second_derivative": formulas["second"],
              "information_per_observation": information}),
        Step(writer.step_total(facts, information, total),
             {"n": facts.n, "information_total": total}),
        Step(writer.step_bound(facts, result),
             {"cramer_rao_bound": result["cramer_rao_bound"],
              "min_standard_error": result["min_standard_error"]}),
    ]
    data = result["data"]
    if data is None:
        return steps

    steps.append(Step(writer.step_mle(facts, data),
                      {"count": data["count"], "mean": data["mean"], "mle": data["mle"],
                       "mle_on_boundary": data["mle_on_boundary"]}))
    steps.append(Step(writer.step_observed(facts, data),
                      {"observed_information": data["observed_information"]}))
    score = result["score"]["at_true_parameter"]
    steps.append(Step(writer.step_data_score(facts, score),
                      {"score_at_true_parameter": score}))
    return steps


def _normal_steps(facts: _Facts, result: dict, writer) -> list[Step]:
    formulas = _FORMULAS["normal"]
    steps = [
        Step(writer.step_log_f(facts), {"log_likelihood": formulas["log_f"]}),
        Step(writer.normal_step_score(), {"score": formulas["score"]}),
        Step(writer.normal_step_information(facts, result),
             {"second_derivatives": formulas["second"],
              "information_per_observation": result["information_per_observation"]}),
        Step(writer.normal_step_total(facts, result),
             {"n": facts.n, "information_total": result["information_total"]}),
        Step(writer.normal_step_bound(result),
             {"cramer_rao_bound": result["cramer_rao_bound"],
              "min_standard_error": result["min_standard_error"]}),
    ]
    data = result["data"]
    if data is None:
        return steps

    steps.append(Step(writer.normal_step_mle(data),
                      {"count": data["count"], "mle": data["mle"],
                       "mle_on_boundary": data["mle_on_boundary"]}))
    steps.append(Step(writer.normal_step_observed(data),
                      {"observed_information": data["observed_information"]}))
    score = result["score"]["at_true_parameter"]
    steps.append(Step(writer.normal_step_data_score(facts, score),
                      {"score_at_true_parameter": score}))
    return steps


def _matrix(rows: list[list[float]]) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt(v) for v in row) + "]" for row in rows) + "]"


def _observations(n: int) -> str:
    return "n = 1 observation" if n == 1 else f"n = {n} observations"


def _hat(symbol: str) -> str:
    return symbol + "\u0302"


def _spread(result: dict) -> tuple[float, float]:
    estimates = result["simulated_mles"]
    return min(estimates), max(estimates)


def _equal_reason(facts: _Facts, estimate: float, lang: str) -> str:
    """Return why every simulated estimate equals ``estimate`` when that is an
    edge of the parameter range, where each sample's total is 0 or every trial
    succeeds, and "" otherwise.
    """
    if facts.distribution == "normal":
        return ""
    if estimate == facts.model.lower:
        key = "all_zero" if facts.distribution == "poisson" else "no_success"
    elif estimate == facts.model.upper:
        key = "all_success"
    else:
        return ""
    return _EQUAL_REASONS[lang][key]


_EQUAL_REASONS = {
    "en": {
        "all_zero": ", because every simulated count is 0",
        "no_success": ", because none of the simulated samples contains a success",
        "all_success": ", because every simulated trial is a success",
    },
    "zh": {
        "all_zero": "，因为模拟的计数全都是 0",
        "no_success": "，因为模拟的样本中没有一次成功",
        "all_success": "，因为模拟的每次试验都成功",
    },
}


# Phrases that differ between the one-parameter families, per language.
_SCALAR_TEXT = {
    "poisson": {
        "interval": "λ > 0",
        "observed": "n/λ̂",
        "score_sum": "Σx/λ - n",
        "en": {
            "name": "Poisson",
            "about": "λ, the Poisson mean",
            "subject": "λ",
            "rule": "the mean",
            "why": "A larger λ gives less information per observation: counts with a "
                   "larger mean are also more spread out (their variance is λ), so "
                   "one count pins λ down less tightly.",
            "efficient": "The sample mean is unbiased and reaches this bound exactly, "
                         "so no unbiased estimator of λ does better than averaging.",
        },
        "zh": {
            "name": "泊松",
            "about": "λ（泊松分布的均值）",
            "subject": "λ",
            "rule": "均值",
            "why": "λ 越大，每个观测带来的信息越少：均值更大的计数也更分散（方差等于 λ），"
                   "所以单个计数对 λ 的约束更弱。",
            "efficient": "样本均值是无偏的，并且恰好达到这个下界，所以没有哪个 λ 的无偏"
                         "估计量比直接取平均更好。",
        },
    },
    "bernoulli": {
        "interval": "0 < p < 1",
        "observed": "n/(p̂(1-p̂))",
        "score_sum": "Σx/p - (n-Σx)/(1-p)",
        "en": {
            "name": "Bernoulli",
            "about": "p, the probability of a 1",
            "subject": "p",
            "rule": "the mean",
            "why": "The information is smallest at p = ½, where the outcome is hardest "
                   "to predict. It grows as p nears 0 or 1, where the outcome varies "
                   "less (its variance is p(1-p)) and the estimate p̂ moves less from "
                   "sample to sample.",
            "efficient": "The fraction of 1s is unbiased and reaches this bound exactly.",
        },
        "zh": {
            "name": "伯努利",
            "about": "p（取 1 的概率）",
            "subject": "p",
            "rule": "均值",
            "why": "信息在 p = ½ 处最小，那时结果最难预测。p 越接近 0 或 1，结果的波动"
                   "越小（方差是 p(1-p)），估计值 p̂ 在不同样本之间变化越小，信息也就越大。",
            "efficient": "1 出现的比例是无偏的，并且恰好达到这个下界。",
        },
    },
    "binomial": {
        "interval": "0 < p < 1",
        "observed": "n·k/(p̂(1-p̂))",
        "score_sum": "Σx/p - (n·k-Σx)/(1-p)",
        "en": {
            "name": "binomial",
            "about": "p, the success probability of each trial",
            "subject": "p",
            "rule": "mean/k",
            "why": "Each observation is k independent trials, so it carries k times the "
                   "information of one Bernoulli trial. Per trial the information is "
                   "smallest at p = ½ and grows as p nears 0 or 1, where the outcomes "
                   "vary less.",
            "efficient": "The overall fraction of successes, p̂ = Σx/(n·k), is unbiased "
                         "and reaches this bound exactly.",
        },
        "zh": {
            "name": "二项",
            "about": "p（每次试验成功的概率）",
            "subject": "p",
            "rule": "均值/k",
            "why": "每个观测是 k 次独立试验，所以信息是单次伯努利试验的 k 倍。按每次试验算，"
                   "信息在 p = ½ 处最小，p 越接近 0 或 1 越大，因为那里结果的波动更小。",
            "efficient": "总的成功比例 p̂ = Σx/(n·k) 是无偏的，并且恰好达到这个下界。",
        },
    },
    "exponential": {
        "interval": "λ > 0",
        "observed": "n/λ̂²",
        "score_sum": "n/λ - Σx",
        "en": {
            "name": "exponential",
            "about": "the rate λ (not the mean 1/λ)",
            "subject": "the rate λ",
            "rule": "1/mean",
            "why": "A larger rate gives less information about the rate. The "
                   "exponential is a scale family, so one waiting time pins λ down to "
                   "the same relative precision at every rate, and the absolute error "
                   "grows in proportion to λ. About the mean 1/λ, one observation "
                   "carries λ² instead.",
            "efficient": "No unbiased estimator of the rate reaches this bound at finite "
                         "n; the maximum-likelihood estimate 1/x̄ comes close as n grows.",
        },
        "zh": {
            "name": "指数",
            "about": "速率 λ（不是均值 1/λ）",
            "subject": "λ（速率）",
            "rule": "1/均值",
            "why": "速率越大，关于速率的信息越少。指数分布是尺度族，一个等待时间对 λ 的"
                   "相对精度在任何速率下都一样，所以绝对误差与 λ 成正比地增大。如果关心的"
                   "是均值 1/λ，每个观测带来的信息则是 λ²。",
            "efficient": "在有限的 n 下，速率的任何无偏估计量都达不到这个下界；最大似然"
                         "估计 1/x̄ 随 n 增大而逼近它。",
        },
    },
}


class _EN:
    @staticmethod
    def peaks(facts: _Facts, result: dict, name: str) -> str:
        low, high = _spread(result)
        if low == high:
            return (f"All five peaks, {name}, are at {fmt(low)}"
                    f"{_equal_reason(facts, low, 'en')}.")
        return f"Their peaks, {name}, fall between {fmt(low)} and {fmt(high)}."

    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        text = _SCALAR_TEXT[facts.distribution]["en"]
        theta = fmt(facts.model.theta)
        return (f"At {facts.model.symbol} = {theta}, one {text['name']} observation "
                "carries Fisher information "
                f"{fmt(result['information_per_observation'])} about {text['subject']}, "
                f"so the information in {_observations(facts.n)} is "
                f"{fmt(result['information_total'])} and no unbiased estimator can have "
                f"a variance below {fmt(result['cramer_rao_bound'])} (standard error "
                f"{fmt(result['min_standard_error'])}).")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        text = table["en"]
        formulas = _FORMULAS[facts.distribution]
        symbol = facts.model.symbol
        theta = fmt(facts.model.theta)
        information = fmt(result["information_per_observation"])
        total = fmt(result["information_total"])
        trials = (f" with k = {facts.values['trials']}"
                  if facts.distribution == "binomial" else "")
        parts = [
            f"**Fisher information about {text['about']}: {information} per "
            f"observation at {symbol} = {theta}, and {total} for "
            f"{_observations(facts.n)}.**",
            _EN.intuition(symbol),
            f"For one {text['name']} observation x, the log-likelihood is "
            f"`log f = {formulas['log_f']}`. Its slope in {symbol}, the **score**, is "
            f"`{formulas['score']}`, and at the true {symbol} it averages to 0. The "
            "information is the variance of the score, E[score²], which equals minus "
            f"the expected second derivative, -E[`{formulas['second']}`]. Both give "
            f"`I({symbol}) = {formulas['information']}`{trials}, which is "
            f"{information} at {symbol} = {theta}.",
            "Independent observations add their information, so the information in "
            f"{_observations(facts.n)} is n·I = {facts.n} × {information} = {total}. The "
            "**Cramér–Rao bound** turns that into a limit on precision: no unbiased "
            f"estimator of {symbol} has a variance below 1/(n·I) = "
            f"{fmt(result['cramer_rao_bound'])}, that is, a standard error below "
            f"{fmt(result['min_standard_error'])}. {text['efficient']}",
            f"{text['why']} Information depends on the parameterisation: for another "
            f"parameter η = g({symbol}) it becomes I({symbol})·(d{symbol}/dη)².",
        ]
        if result["data"] is not None:
            parts.append(_EN.data(facts, result, table))
        parts.append(_EN.drawing(facts, result))
        return "\n\n".join(parts)

    @staticmethod
    def intuition(symbol: str) -> str:
        return ("Fisher information measures how much an observation tells you about a "
                "parameter. Picture the log-likelihood as a hill over the possible "
                f"values of {symbol}. If the data make it a sharp, narrow peak, only "
                f"values near the top stay plausible and {symbol} is pinned down; if "
                "the hill is flat, many values fit almost equally well. Fisher "
                "information is the curvature at the true value, averaged over the "
                "data you might see: more curvature means more information and a "
                "smaller variance that any unbiased estimate can reach.")

    @staticmethod
    def data(facts: _Facts, result: dict, table: dict) -> str:
        data = result["data"]
        symbol = facts.model.symbol
        theta = fmt(facts.model.theta)
        score = result["score"]["at_true_parameter"]
        if data["count"] == 1:
            opening = f"**Your data.** Your single value is {fmt(data['mean'])}"
        else:
            opening = (f"**Your data.** The {data['count']} values have mean "
                       f"{fmt(data['mean'])}")
        head = (f"{opening}, so the maximum-likelihood estimate is {_hat(symbol)} = "
                f"{table['en']['rule']} = {fmt(data['mle'])}")
        if data["mle_on_boundary"]:
            middle = (f", on the edge of the allowed range {table['interval']}. The "
                      "log-likelihood keeps rising toward that edge instead of peaking "
                      "inside the range, so there is no peak whose curvature could be "
                      "measured: the observed information is undefined and reported as "
                      f"null (the formula {table['observed']} would divide by zero).")
        else:
            middle = (". The observed information, the curvature of your own "
                      f"log-likelihood at its peak, is {fmt(data['observed_information'])}: "
                      "an estimate of n·I from the data alone, to compare with n·I = "
                      f"{fmt(result['information_total'])} at {symbol} = {theta}.")
        return (head + middle + f" At {symbol} = {theta} the score of your data is "
                f"{fmt(score)}, {_EN.direction(score, theta)}.")

    @staticmethod
    def direction(score: float, theta: str) -> str:
        if score > 0:
            return ("so the log-likelihood is still rising there and your data's peak "
                    f"lies above {theta}")
        if score < 0:
            return ("so the log-likelihood is already falling there and your data's "
                    f"peak lies below {theta}")
        return "so your data's peak is exactly there"

    @staticmethod
    def drawing(facts: _Facts, result: dict) -> str:
        symbol = facts.model.symbol
        text = ("The drawing shows the log-likelihood of five samples of "
                f"{_observations(facts.n)}, simulated with seed {facts.seed} at {symbol} = "
                f"{fmt(facts.model.theta)}, each shifted so that its peak is at 0. "
                f"{_EN.peaks(facts, result, 'the maximum-likelihood estimates')} "
                "As n grows, each curve near its peak takes the shape "
                f"of the dashed parabola -n·I·({symbol}-{symbol}₀)²/2, whose curvature is "
                f"n·I = {fmt(result['information_total'])}: the sharper the peak, the "
                f"more the data pin down {symbol}.")
        if facts.data is not None:
            text += " The thick line is the log-likelihood of your data."
        return text

    @staticmethod
    def step_log_f(facts: _Facts) -> str:
        symbol = "μ, σ" if facts.distribution == "normal" else facts.model.symbol
        return (f"Log-likelihood of one observation: log f(x; {symbol}) = "
                f"{_FORMULAS[facts.distribution]['log_f']}.")

    @staticmethod
    def step_score(facts: _Facts) -> str:
        symbol = facts.model.symbol
        return (f"Score: d/d{symbol} log f = {_FORMULAS[facts.distribution]['score']}. "
                f"Its expected value at the true {symbol} is 0.")

    @staticmethod
    def step_information(facts: _Facts, information: float) -> str:
        symbol = facts.model.symbol
        formulas = _FORMULAS[facts.distribution]
        return (f"Information: I({symbol}) = E[score²] = -E[{formulas['second']}] = "
                f"{formulas['information']} = {fmt(information)} at {symbol} = "
                f"{fmt(facts.model.theta)}.")

    @staticmethod
    def step_total(facts: _Facts, information: float, total: float) -> str:
        return (f"Information adds over {_observations(facts.n)}: n·I = {facts.n} × "
                f"{fmt(information)} = {fmt(total)}.")

    @staticmethod
    def step_bound(facts: _Facts, result: dict) -> str:
        return (f"Cramér–Rao bound: Var({_hat(facts.model.symbol)}) ≥ 1/(n·I) = "
                f"{fmt(result['cramer_rao_bound'])}, so the standard error is at least "
                f"{fmt(result['min_standard_error'])}.")

    @staticmethod
    def step_mle(facts: _Facts, data: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        text = ("Maximum-likelihood estimate from the data: "
                f"{_hat(facts.model.symbol)} = {table['en']['rule']} = "
                f"{fmt(data['mle'])}.")
        if data["mle_on_boundary"]:
            text += f" It lies on the edge of the allowed range {table['interval']}."
        return text

    @staticmethod
    def step_observed(facts: _Facts, data: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        if data["observed_information"] is None:
            return ("Observed information: undefined, because the log-likelihood has no "
                    f"peak inside {table['interval']} ({table['observed']} would "
                    "divide by zero).")
        return (f"Observed information at the estimate: {table['observed']} = "
                f"{fmt(data['observed_information'])}.")

    @staticmethod
    def step_data_score(facts: _Facts, score: float) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        return (f"Score of the data at {facts.model.symbol} = {fmt(facts.model.theta)}: "
                f"{table['score_sum']} = {fmt(score)}.")

    @staticmethod
    def normal_summary(facts: _Facts, result: dict) -> str:
        information = result["information_per_observation"]
        bound = result["cramer_rao_bound"]
        return (f"At μ = {fmt(facts.values['mu'])} and σ = {fmt(facts.values['sigma'])}, "
                f"one observation carries Fisher information {fmt(information[0][0])} "
                f"about μ and {fmt(information[1][1])} about σ, so with n = {facts.n} no "
                f"unbiased estimator can have a variance below {fmt(bound['mu'])} for μ "
                f"or {fmt(bound['sigma'])} for σ.")

    @staticmethod
    def normal_markdown(facts: _Facts, result: dict) -> str:
        mu, sigma = fmt(facts.values["mu"]), fmt(facts.values["sigma"])
        bound = result["cramer_rao_bound"]
        error = result["min_standard_error"]
        total = _matrix(result["information_total"])
        parts = [
            f"**Fisher information about (μ, σ), the mean and the standard deviation, "
            f"at μ = {mu} and σ = {sigma}: "
            f"`{_matrix(result['information_per_observation'])}` per observation and "
            f"`{total}` for {_observations(facts.n)}.**",
            _EN.intuition("(μ, σ)") + " With two parameters the curvature is a "
            "matrix: one entry per pair of parameters.",
            f"For one observation x, the log-likelihood is "
            f"`log f = {_FORMULAS['normal']['log_f']}`. The **score** has one part per "
            "parameter, `∂/∂μ = (x-μ)/σ²` and `∂/∂σ = -1/σ + (x-μ)²/σ³`, and both "
            "average to 0 at the true values. The information matrix is the "
            "covariance of the score, which equals minus the expected matrix of "
            "second derivatives: `I = [[1/σ², 0], [0, 2/σ²]]`. The off-diagonal "
            "entries are 0, so μ and σ are orthogonal: not knowing σ costs nothing "
            "when estimating μ, and the other way round.",
            "Independent observations add their information, so the information in "
            f"{_observations(facts.n)} is `{total}`. The **Cramér–Rao bound** for each "
            "parameter is the matching diagonal entry of the inverse matrix: "
            f"Var(μ̂) ≥ σ²/n = {fmt(bound['mu'])} and Var(σ̂) ≥ σ²/(2n) = "
            f"{fmt(bound['sigma'])}, that is, standard errors of at least "
            f"{fmt(error['mu'])} and {fmt(error['sigma'])}. The sample mean reaches the "
            "bound for μ exactly. For σ no unbiased estimator reaches it at finite n, "
            "but the maximum-likelihood estimate comes close as n grows.",
            "Both entries shrink as σ grows, because a wider spread blurs the centre "
            "and the scale alike. This is information about σ itself: information "
            "depends on the parameterisation, and for the variance σ² or any other "
            "parameter η = g(σ) it becomes I(σ)·(dσ/dη)².",
        ]
        if result["data"] is not None:
            parts.append(_EN.normal_data(facts, result))
        parts.append(_EN.normal_drawing(facts, result))
        return "\n\n".join(parts)

    @staticmethod
    def normal_data(facts: _Facts, result: dict) -> str:
        data = result["data"]
        score = result["score"]["at_true_parameter"]
        mu, sigma = fmt(facts.values["mu"]), fmt(facts.values["sigma"])
        tail = (f" At the given μ = {mu} and σ = {sigma} the score of your data is "
                f"({fmt(score['mu'])}, {fmt(score['sigma'])}). A positive part means "
                "the log-likelihood still rises in that parameter, so the data's peak "
                "lies above the given value; a negative part puts the peak below it.")
        if data["mle_on_boundary"]:
            if data["count"] == 1:
                opening = (f"**Your data.** A single value, {fmt(data['mean'])}, cannot "
                           "show any spread")
            else:
                opening = (f"**Your data.** All {data['count']} values equal "
                           f"{fmt(data['mean'])}")
            return (opening + f", so μ̂ = {fmt(data['mle']['mu'])} and σ̂ = "
                    f"{fmt(data['mle']['sigma'])}, on the edge of the allowed range "
                    "σ > 0. The log-likelihood grows without limit as σ shrinks toward "
                    "0, so there is no peak whose curvature could be measured: the "
                    "observed information is undefined and reported as null." + tail)
        return (f"**Your data.** The {data['count']} values give the maximum-likelihood "
                f"estimates μ̂ = {fmt(data['mle']['mu'])} (the mean) and σ̂ = "
                f"{fmt(data['mle']['sigma'])} (the standard deviation that divides by "
                "n, not n - 1). The observed information at these estimates, the "
                "curvature of your own log-likelihood at its peak, is "
                f"`{_matrix(data['observed_information'])}`: an estimate of n·I from "
                "the data alone." + tail)

    @staticmethod
    def normal_drawing(facts: _Facts, result: dict) -> str:
        text = (f"The drawing shows the log-likelihood in μ, with σ held at "
                f"{fmt(facts.values['sigma'])}, for five samples of {_observations(facts.n)} "
                f"simulated with seed {facts.seed}, each shifted so that "
                f"its peak is at 0. {_EN.peaks(facts, result, 'the estimates μ̂')} "
                "For the normal mean every curve is "
                "exactly a parabola, -n·(μ-μ̂)²/(2σ²), with the curvature of the "
                f"dashed one, n/σ² = {fmt(result['information_total'][0][0])}; only the "
                "position of the peak changes from sample to sample.")
        if facts.data is not None:
            text += " The thick line is the log-likelihood of your data."
        return text

    @staticmethod
    def normal_step_score() -> str:
        score = _FORMULAS["normal"]["score"]
        return (f"Score: ∂/∂μ log f = {score['mu']} and ∂/∂σ log f = {score['sigma']}. "
                "Both have expected value 0 at the true parameters.")

    @staticmethod
    def normal_step_information(facts: _Facts, result: dict) -> str:
        second = _FORMULAS["normal"]["second"]
        return (f"Second derivatives: ∂²/∂μ² = {second['mu_mu']}, ∂²/∂μ∂σ = "
                f"{second['mu_sigma']}, ∂²/∂σ² = {second['sigma_sigma']}. Taking -E "
                "with E[x-μ] = 0 and E[(x-μ)²] = σ² gives I = "
                f"{_FORMULAS['normal']['information']} = "
                f"{_matrix(result['information_per_observation'])} at σ = "
                f"{fmt(facts.values['sigma'])}.")

    @staticmethod
    def normal_step_total(facts: _Facts, result: dict) -> str:
        return (f"Information adds over {_observations(facts.n)}: n·I = "
                f"{_matrix(result['information_total'])}.")

    @staticmethod
    def normal_step_bound(result: dict) -> str:
        bound = result["cramer_rao_bound"]
        return ("Cramér–Rao bound from the diagonal of (n·I)⁻¹ = diag(σ²/n, σ²/(2n)): "
                f"Var(μ̂) ≥ {fmt(bound['mu'])} and Var(σ̂) ≥ {fmt(bound['sigma'])}.")

    @staticmethod
    def normal_step_mle(data: dict) -> str:
        text = ("Maximum-likelihood estimates from the data: μ̂ = mean "
                f"= {fmt(data['mle']['mu'])}, σ̂ = √(Σ(x-μ̂)²/n) = "
                f"{fmt(data['mle']['sigma'])}.")
        if data["mle_on_boundary"]:
            text += " σ̂ = 0 lies on the edge of the allowed range σ > 0."
        return text

    @staticmethod
    def normal_step_observed(data: dict) -> str:
        if data["observed_information"] is None:
            return ("Observed information: undefined, because σ̂ = 0 and the "
                    "log-likelihood has no peak inside σ > 0.")
        return ("Observed information at the estimates: [[n/σ̂², 0], [0, 2n/σ̂²]] = "
                f"{_matrix(data['observed_information'])}.")

    @staticmethod
    def normal_step_data_score(facts: _Facts, score: dict) -> str:
        return (f"Score of the data at μ = {fmt(facts.values['mu'])}, σ = "
                f"{fmt(facts.values['sigma'])}: (Σ(x-μ)/σ², -n/σ + Σ(x-μ)²/σ³) = "
                f"({fmt(score['mu'])}, {fmt(score['sigma'])}).")


class _ZH:
    @staticmethod
    def peaks(facts: _Facts, result: dict, name: str) -> str:
        low, high = _spread(result)
        if low == high:
            return (f"五个峰顶，即{name}，都在 {fmt(low)}"
                    f"{_equal_reason(facts, low, 'zh')}。")
        return f"它们的峰顶，即{name}，落在 {fmt(low)} 到 {fmt(high)} 之间。"

    @staticmethod
    def summary(facts: _Facts, result: dict) -> str:
        text = _SCALAR_TEXT[facts.distribution]["zh"]
        return (f"在 {facts.model.symbol} = {fmt(facts.model.theta)} 处，一个"
                f"{text['name']}分布的观测关于 {text['subject']} 的 Fisher 信息是 "
                f"{fmt(result['information_per_observation'])}，所以 n = {facts.n} "
                f"个观测带来 {fmt(result['information_total'])}，任何无偏估计量的方差"
                f"都不能低于 {fmt(result['cramer_rao_bound'])}（标准误 "
                f"{fmt(result['min_standard_error'])}）。")

    @staticmethod
    def markdown(facts: _Facts, result: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        text = table["zh"]
        formulas = _FORMULAS[facts.distribution]
        symbol = facts.model.symbol
        theta = fmt(facts.model.theta)
        information = fmt(result["information_per_observation"])
        total = fmt(result["information_total"])
        trials = (f"（k = {facts.values['trials']}）"
                  if facts.distribution == "binomial" else "")
        parts = [
            f"**关于 {text['about']} 的 Fisher 信息：在 {symbol} = {theta} 处每个观测 "
            f"{information}，n = {facts.n} 个观测共 {total}。**",
            _ZH.intuition(symbol),
            f"对一个{text['name']}分布的观测 x，对数似然是 `log f = {formulas['log_f']}`。"
            f"它对 {symbol} 的斜率叫作**得分函数**（score），等于 `{formulas['score']}`，"
            f"在真实的 {symbol} 处平均为 0。信息是得分的方差 E[score²]，它也等于二阶导数"
            f"期望的相反数 -E[`{formulas['second']}`]。两种算法都得到 "
            f"`I({symbol}) = {formulas['information']}`{trials}，在 {symbol} = {theta} "
            f"处等于 {information}。",
            f"独立观测的信息可以相加，所以 n = {facts.n} 个观测带来 n·I = {facts.n} × "
            f"{information} = {total}。**Cramér–Rao 下界**把它变成精度的极限：{symbol} "
            f"的任何无偏估计量，方差都不能低于 1/(n·I) = {fmt(result['cramer_rao_bound'])}，"
            f"也就是标准误不低于 {fmt(result['min_standard_error'])}。{text['efficient']}",
            f"{text['why']}信息依赖于参数化：换成另一个参数 η = g({symbol}) 时，信息变为 "
            f"I({symbol})·(d{symbol}/dη)²。",
        ]
        if result["data"] is not None:
            parts.append(_ZH.data(facts, result, table))
        parts.append(_ZH.drawing(facts, result))
        return "\n\n".join(parts)

    @staticmethod
    def intuition(symbol: str) -> str:
        return ("Fisher 信息衡量一次观测能告诉你多少关于参数的信息。把对数似然想象成 "
                f"{symbol} 各个可能取值上的一座山：如果数据让山峰又尖又窄，只有峰顶附近"
                f"的值仍然可信，{symbol} 就被确定下来；如果山很平坦，许多值都差不多一样"
                "合适。Fisher 信息就是对数似然在真实值处的曲率，对所有可能的数据取平均："
                "曲率越大，信息越多，任何无偏估计能达到的方差也越小。")

    @staticmethod
    def data(facts: _Facts, result: dict, table: dict) -> str:
        data = result["data"]
        symbol = facts.model.symbol
        theta = fmt(facts.model.theta)
        score = result["score"]["at_true_parameter"]
        if data["count"] == 1:
            opening = f"**你的数据。** 你的唯一一个值是 {fmt(data['mean'])}"
        else:
            opening = f"**你的数据。** 这 {data['count']} 个值的均值是 {fmt(data['mean'])}"
        head = (f"{opening}，所以最大似然估计是 "
                f"{_hat(symbol)} = {table['zh']['rule']} = {fmt(data['mle'])}")
        if data["mle_on_boundary"]:
            middle = (f"，落在允许范围 {table['interval']} 的边界上。对数似然一直朝这个"
                      "边界上升，而不是在范围内部形成峰顶，所以没有可以测量曲率的峰："
                      "观测信息没有定义，结果中记为 null（公式 "
                      f"{table['observed']} 在这里会除以零）。")
        else:
            middle = ("。观测信息，也就是你自己的对数似然在峰顶处的曲率，是 "
                      f"{fmt(data['observed_information'])}：这是只用数据对 n·I 的估计，"
                      f"可以和 {symbol} = {theta} 处的 n·I = "
                      f"{fmt(result['information_total'])} 比较。")
        return (head + middle + f"在 {symbol} = {theta} 处，你的数据的得分是 "
                f"{fmt(score)}，{_ZH.direction(score, theta)}。")

    @staticmethod
    def direction(score: float, theta: str) -> str:
        if score > 0:
            return f"说明对数似然在那里仍在上升，数据的峰顶在 {theta} 之上"
        if score < 0:
            return f"说明对数似然在那里已经在下降，数据的峰顶在 {theta} 之下"
        return "说明数据的峰顶正好在那里"

    @staticmethod
    def drawing(facts: _Facts, result: dict) -> str:
        symbol = facts.model.symbol
        text = (f"图中画出了用种子 {facts.seed} 在 {symbol} = {fmt(facts.model.theta)} "
                f"处模拟的五个样本（每个样本 n = {facts.n} 个观测）的对数似然，每条曲线"
                f"都平移到峰顶为 0。{_ZH.peaks(facts, result, '最大似然估计')}"
                "随着 n 增大，每条曲线在峰顶附近的形状越来越接近虚线抛物线 "
                f"-n·I·({symbol}-{symbol}₀)²/2，其曲率为 n·I = "
                f"{fmt(result['information_total'])}：峰越尖，数据对 {symbol} 的约束越强。")
        if facts.data is not None:
            text += "粗线是你的数据的对数似然。"
        return text

    @staticmethod
    def step_log_f(facts: _Facts) -> str:
        symbol = "μ, σ" if facts.distribution == "normal" else facts.model.symbol
        return (f"一个观测的对数似然：log f(x; {symbol}) = "
                f"{_FORMULAS[facts.distribution]['log_f']}。")

    @staticmethod
    def step_score(facts: _Facts) -> str:
        symbol = facts.model.symbol
        return (f"得分函数：d/d{symbol} log f = {_FORMULAS[facts.distribution]['score']}，"
                f"在真实的 {symbol} 处期望为 0。")

    @staticmethod
    def step_information(facts: _Facts, information: float) -> str:
        symbol = facts.model.symbol
        formulas = _FORMULAS[facts.distribution]
        return (f"信息：I({symbol}) = E[score²] = -E[{formulas['second']}] = "
                f"{formulas['information']}，在 {symbol} = {fmt(facts.model.theta)} 处"
                f"等于 {fmt(information)}。")

    @staticmethod
    def step_total(facts: _Facts, information: float, total: float) -> str:
        return (f"n = {facts.n} 个独立观测：n·I = {facts.n} × {fmt(information)} = "
                f"{fmt(total)}。")

    @staticmethod
    def step_bound(facts: _Facts, result: dict) -> str:
        return (f"Cramér–Rao 下界：Var({_hat(facts.model.symbol)}) ≥ 1/(n·I) = "
                f"{fmt(result['cramer_rao_bound'])}，所以标准误至少是 "
                f"{fmt(result['min_standard_error'])}。")

    @staticmethod
    def step_mle(facts: _Facts, data: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        text = (f"由这 {data['count']} 个值得到最大似然估计：{_hat(facts.model.symbol)} = "
                f"{table['zh']['rule']} = {fmt(data['mle'])}。")
        if data["mle_on_boundary"]:
            text += f"它落在允许范围 {table['interval']} 的边界上。"
        return text

    @staticmethod
    def step_observed(facts: _Facts, data: dict) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        if data["observed_information"] is None:
            return (f"观测信息：没有定义，因为对数似然在 {table['interval']} 内部没有峰"
                    f"（{table['observed']} 会除以零）。")
        return (f"估计值处的观测信息：{table['observed']} = "
                f"{fmt(data['observed_information'])}。")

    @staticmethod
    def step_data_score(facts: _Facts, score: float) -> str:
        table = _SCALAR_TEXT[facts.distribution]
        return (f"数据在 {facts.model.symbol} = {fmt(facts.model.theta)} 处的得分："
                f"{table['score_sum']} = {fmt(score)}。")

    @staticmethod
    def normal_summary(facts: _Facts, result: dict) -> str:
        information = result["information_per_observation"]
        bound = result["cramer_rao_bound"]
        return (f"在 μ = {fmt(facts.values['mu'])}、σ = {fmt(facts.values['sigma'])} 处，"
                f"一个观测关于 μ 的 Fisher 信息是 {fmt(information[0][0])}，关于 σ 的是 "
                f"{fmt(information[1][1])}，所以 n = {facts.n} 时，μ 的无偏估计量方差"
                f"不能低于 {fmt(bound['mu'])}，σ 的不能低于 {fmt(bound['sigma'])}。")

    @staticmethod
    def normal_markdown(facts: _Facts, result: dict) -> str:
        mu, sigma = fmt(facts.values["mu"]), fmt(facts.values["sigma"])
        bound = result["cramer_rao_bound"]
        error = result["min_standard_error"]
        total = _matrix(result["information_total"])
        parts = [
            f"**关于 (μ, σ)（均值和标准差）的 Fisher 信息，在 μ = {mu}、σ = {sigma} "
            f"处：每个观测是 `{_matrix(result['information_per_observation'])}`，"
            f"n = {facts.n} 个观测是 `{total}`。**",
            _ZH.intuition("(μ, σ)") + "有两个参数时，曲率是一个矩阵，每对参数对应一项。",
            f"对一个观测 x，对数似然是 `log f = {_FORMULAS['normal']['log_f']}`。"
            "**得分函数**每个参数各有一部分：`∂/∂μ = (x-μ)/σ²` 和 "
            "`∂/∂σ = -1/σ + (x-μ)²/σ³`，在真实值处的平均都是 0。信息矩阵是得分的协方差，"
            "也等于二阶导数矩阵期望的相反数：`I = [[1/σ², 0], [0, 2/σ²]]`。非对角项是 0，"
            "所以 μ 和 σ 是正交的：估计 μ 时不知道 σ 没有损失，反过来也一样。",
            f"独立观测的信息可以相加，所以 n = {facts.n} 个观测带来 `{total}`。每个参数的 "
            "**Cramér–Rao 下界**是逆矩阵中对应的对角元素：Var(μ̂) ≥ σ²/n = "
            f"{fmt(bound['mu'])}，Var(σ̂) ≥ σ²/(2n) = {fmt(bound['sigma'])}，也就是标准误"
            f"至少为 {fmt(error['mu'])} 和 {fmt(error['sigma'])}。样本均值恰好达到 μ 的"
            "下界。对 σ，在有限的 n 下没有无偏估计量能达到下界，但最大似然估计随 n 增大"
            "而逼近它。",
            "σ 越大，两项信息都越小，因为更大的离散程度让中心和尺度都更模糊。这里说的是"
            "关于 σ 本身的信息：信息依赖于参数化，对方差 σ² 或任何其他参数 η = g(σ)，"
            "信息变为 I(σ)·(dσ/dη)²。",
        ]
        if result["data"] is not None:
            parts.append(_ZH.normal_data(facts, result))
        parts.append(_ZH.normal_drawing(facts, result))
        return "\n\n".join(parts)

    @staticmethod
    def normal_data(facts: _Facts, result: dict) -> str:
        data = result["data"]
        score = result["score"]["at_true_parameter"]
        mu, sigma = fmt(facts.values["mu"]), fmt(facts.values["sigma"])
        tail = (f"在给定的 μ = {mu}、σ = {sigma} 处，你的数据的得分是 "
                f"({fmt(score['mu'])}, {fmt(score['sigma'])})。某一项为正，说明对数似然"
                "在该参数方向上仍在上升，数据的峰顶在给定值之上；为负则峰顶在给定值之下。")
        if data["mle_on_boundary"]:
            if data["count"] == 1:
                opening = f"**你的数据。** 单个值 {fmt(data['mean'])} 无法体现任何离散程度"
            else:
                opening = (f"**你的数据。** 这 {data['count']} 个值都等于 "
                           f"{fmt(data['mean'])}")
            return (opening + f"，所以 μ̂ = {fmt(data['mle']['mu'])}，σ̂ = "
                    f"{fmt(data['mle']['sigma'])}，落在允许范围 σ > 0 的边界上。σ 趋向 0 "
                    "时对数似然无限增大，所以没有可以测量曲率的峰：观测信息没有定义，"
                    "结果中记为 null。" + tail)
        return (f"**你的数据。** 这 {data['count']} 个值给出最大似然估计 μ̂ = "
                f"{fmt(data['mle']['mu'])}（均值）和 σ̂ = {fmt(data['mle']['sigma'])}"
                "（除以 n 而不是 n - 1 的标准差）。这些估计值处的观测信息，也就是你自己的"
                f"对数似然在峰顶处的曲率，是 `{_matrix(data['observed_information'])}`："
                "这是只用数据对 n·I 的估计。" + tail)

    @staticmethod
    def normal_drawing(facts: _Facts, result: dict) -> str:
        text = (f"图中画出了 σ 固定为 {fmt(facts.values['sigma'])} 时关于 μ 的对数似然，"
                f"来自用种子 {facts.seed} 模拟的五个样本（每个样本 n = {facts.n} 个观测），"
                f"每条曲线都平移到峰顶为 0。{_ZH.peaks(facts, result, '估计值 μ̂')}"
                "对正态分布的均值，每条曲线都恰好是抛物线 "
                "-n·(μ-μ̂)²/(2σ²)，曲率与虚线相同，都是 n/σ² = "
                f"{fmt(result['information_total'][0][0])}；不同样本之间只有峰顶的位置在变。")
        if facts.data is not None:
            text += "粗线是你的数据的对数似然。"
        return text

    @staticmethod
    def normal_step_score() -> str:
        score = _FORMULAS["normal"]["score"]
        return (f"得分函数：∂/∂μ log f = {score['mu']}，∂/∂σ log f = {score['sigma']}，"
                "在真实参数处的期望都是 0。")

    @staticmethod
    def normal_step_information(facts: _Facts, result: dict) -> str:
        second = _FORMULAS["normal"]["second"]
        return (f"二阶导数：∂²/∂μ² = {second['mu_mu']}，∂²/∂μ∂σ = {second['mu_sigma']}，"
                f"∂²/∂σ² = {second['sigma_sigma']}。取 -E，并用 E[x-μ] = 0 和 "
                f"E[(x-μ)²] = σ²，得到 I = {_FORMULAS['normal']['information']}，在 σ = "
                f"{fmt(facts.values['sigma'])} 处等于 "
                f"{_matrix(result['information_per_observation'])}。")

    @staticmethod
    def normal_step_total(facts: _Facts, result: dict) -> str:
        return (f"n = {facts.n} 个独立观测：n·I = "
                f"{_matrix(result['information_total'])}。")

    @staticmethod
    def normal_step_bound(result: dict) -> str:
        bound = result["cramer_rao_bound"]
        return ("Cramér–Rao 下界取 (n·I)⁻¹ = diag(σ²/n, σ²/(2n)) 的对角元素："
                f"Var(μ̂) ≥ {fmt(bound['mu'])}，Var(σ̂) ≥ {fmt(bound['sigma'])}。")

    @staticmethod
    def normal_step_mle(data: dict) -> str:
        text = (f"由这 {data['count']} 个值得到最大似然估计：μ̂ = 均值 = "
                f"{fmt(data['mle']['mu'])}，σ̂ = √(Σ(x-μ̂)²/n) = "
                f"{fmt(data['mle']['sigma'])}。")
        if data["mle_on_boundary"]:
            text += "σ̂ = 0 落在允许范围 σ > 0 的边界上。"
        return text

    @staticmethod
    def normal_step_observed(data: dict) -> str:
        if data["observed_information"] is None:
            return "观测信息：没有定义，因为 σ̂ = 0，对数似然在 σ > 0 内部没有峰。"
        return ("估计值处的观测信息：[[n/σ̂², 0], [0, 2n/σ̂²]] = "
                f"{_matrix(data['observed_information'])}。")

    @staticmethod
    def normal_step_data_score(facts: _Facts, score: dict) -> str:
        return (f"数据在 μ = {fmt(facts.values['mu'])}、σ = {fmt(facts.values['sigma'])} "
                "处的得分：(Σ(x-μ)/σ², -n/σ + Σ(x-μ)²/σ³) = "
                f"({fmt(score['mu'])}, {fmt(score['sigma'])})。")
