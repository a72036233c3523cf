"""Shannon entropy, cross-entropy and KL divergence of the caller's distribution.

Notes
-----
The surprisal of an outcome with probability p is -log p: rare outcomes
surprise more. Entropy H(p) is the average surprisal under p. When the
outcomes follow p but are coded or predicted with a model q, the average
surprisal is the cross-entropy H(p, q), and the extra cost over H(p) is
the Kullback–Leibler divergence D(p || q) = H(p, q) - H(p) >= 0.

References
----------
C. E. Shannon, "A Mathematical Theory of Communication", 1948.
T. M. Cover and J. A. Thomas, "Elements of Information Theory", 2nd ed.,
chapter 2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from marshmallow import Schema

from ..base import Concept, Explanation, InputError, Outcome, Step, register
from ..draw.charts import (Axes, BarSeries, draw_bars, draw_legend, draw_line,
                           draw_x_axis, draw_y_axis, nice_ticks)
from ..draw.svg import Svg, text_width
from ..fields import Choice, NumberList, TextList
from ..text import Message, fmt, md_escape

MAX_OUTCOMES = 1000
# 1000 entries of at most 1e300 sum to at most 1e303, far below the
# float maximum of about 1.8e308.
MAX_ENTRY = 1e300
UNITS = {"2": ("bits", "比特"), "e": ("nats", "奈特"), "10": ("dits", "迪特")}
_LOG_OF_BASE = {"2": math.log(2), "e": 1.0, "10": math.log(10)}
_LOG_NAME = {"2": "log2", "e": "ln", "10": "log10"}


class EntropyInput(Schema):
    p = NumberList(
        required=True,
        max_length=MAX_OUTCOMES,
        description=(
            "Probabilities or counts, comma-separated; they are normalised to sum "
            "to 1. A single value p in [0, 1] means the Bernoulli distribution "
            "(p, 1-p)."
        ),
        example="0.5,0.25,0.25",
    )
    q = NumberList(
        max_length=MAX_OUTCOMES,
        description=(
            "Optional model distribution with as many entries as p; adds "
            "cross-entropy H(p,q) and KL divergence D(p||q)."
        ),
        example="0.25,0.25,0.5",
    )
    base = Choice(
        choices=("2", "e", "10"),
        load_default="2",
        description="Logarithm base: 2 gives bits, e gives nats, 10 gives dits.",
        example="2",
    )
    labels = TextList(
        max_length=MAX_OUTCOMES,
        description="Optional outcome names, comma-separated, one per entry of p.",
        example="sun,rain,snow",
    )


@dataclass
class _Facts:
    labels: list[str]
    p: list[float]
    q: list[float] | None
    base: str
    bernoulli: bool
    p_total: float | None
    q_total: float | None
    zero_outcomes: list[int]
    infinite_outcomes: list[int]


def compute(params: dict) -> Outcome:
    """Compute entropy, surprisals and, with ``q``, cross-entropy and KL divergence."""
    base = params["base"]
    raw_p, bernoulli = _expand_bernoulli(params["p"], "p")
    p, p_total = _normalise(raw_p, "p")
    q = q_total = None
    if params.get("q") is not None:
        raw_q, _ = _expand_bernoulli(params["q"], "q")
        if len(raw_q) != len(raw_p):
            raise InputError({"q": Message(
                f"'q' has {len(raw_q)} entries but 'p' has {len(raw_p)}; "
                "give one entry of q per outcome of p.",
                f"“q”有 {len(raw_q)} 项，而“p”有 {len(raw_p)} 项；"
                "q 必须为 p 的每个结果各给一项。")})
        q, q_total = _normalise(raw_q, "q")

    labels = _labels(params.get("labels"), len(p), bernoulli)
    scale = _LOG_OF_BASE[base]
    surprisal = [_surprisal(value, scale) for value in p]
    entropy = math.fsum(pi * si for pi, si in zip(p, surprisal) if pi > 0) + 0.0
    result = {
        "unit": UNITS[base][0],
        "p": p,
        "normalised": {"p": p_total is not None},
        "surprisal": surprisal,
        "entropy": entropy,
        "max_entropy": math.log(len(p)) / scale + 0.0,
        "bernoulli": bernoulli,
    }
    if p_total is not None:
        result["normalised"]["p_total"] = p_total

    infinite = []
    if q is not None:
        infinite = [i for i, (pi, qi) in enumerate(zip(p, q)) if pi > 0 and qi == 0]
        result.update(_cross_terms(p, q, scale, entropy, infinite, labels))
        result["normalised"]["q"] = q_total is not None
        if q_total is not None:
            result["normalised"]["q_total"] = q_total

    inputs = {"p": raw_p, "base": base, "labels": labels}
    if q is not None:
        inputs["q"] = raw_q

    facts = _Facts(labels, p, q, base, bernoulli, p_total, q_total,
                   [i for i, value in enumerate(p) if value == 0], infinite)
    return Outcome(inputs=inputs, result=result, facts=facts)


def _expand_bernoulli(values: list[float], name: str) -> tuple[list[float], bool]:
    if len(values) != 1:
        return values, False

    value = values[0]
    if not 0 <= value <= 1:
        raise InputError({name: Message(
            f"A single value of '{name}' is the Bernoulli probability p and must be "
            f"in [0, 1]; got {value:g}. Give two or more entries for a general "
            "distribution or for counts.",
            f"“{name}”只有一个值时表示伯努利分布的概率 p，必须在 [0, 1] 内，"
            f"收到的是 {value:g}。一般分布或计数请给出两个或更多项。")})

    return [value, 1.0 - value], True


def _normalise(values: list[float], name: str) -> tuple[list[float], float | None]:
    """Return the distribution and the original total, or None when it summed to 1."""
    for index, value in enumerate(values):
        if value < 0:
            raise InputError({name: Message(
                f"Entry {index + 1} of '{name}' is {value:g}; probabilities and "
                "counts must be zero or more.",
                f"“{name}”的第 {index + 1} 项是 {value:g}；概率和计数都不能为负。")})

    for index, value in enumerate(values):
        if value > MAX_ENTRY:
            raise InputError({name: Message(
                f"Entry {index + 1} of '{name}' is {value:g}; entries up to "
                f"{MAX_ENTRY:g} are accepted, so that their sum stays finite.",
                f"“{name}”的第 {index + 1} 项是 {value:g}；每项最大为 {MAX_ENTRY:g}，"
                "以保证总和是有限的。")})

    total = math.fsum(values)
    if total == 0:
        raise InputError({name: Message(
            f"All entries of '{name}' are 0; at least one must be positive.",
            f"“{name}”的所有项都是 0；至少要有一项为正。")})

    if abs(total - 1.0) <= 1e-9:
        return list(values), None

    return [value / total for value in values], total


def _labels(given: list[str] | None, count: int, bernoulli: bool) -> list[str]:
    if given is None:
        if bernoulli:
            return ["1", "0"]
        return [f"x{index + 1}" for index in range(count)]

    if len(given) != count:
        raise InputError({"labels": Message(
            f"'labels' has {len(given)} {'entry' if len(given) == 1 else 'entries'} "
            f"but there are {count} outcomes; "
            "give one label per outcome.",
            f"“labels”有 {len(given)} 项，但共有 {count} 个结果；每个结果一个标签。")})

    return given


def _surprisal(probability: float, scale: float) -> float:
    if probability == 0:
        return math.inf

    return -math.log(probability) / scale + 0.0


def _cross_terms(p, q, scale, entropy, infinite, labels) -> dict:
    q_surprisal = [_surprisal(value, scale) for value in q]
    if infinite:
        cross_entropy = kl = math.inf
    else:
        cross_entropy = math.fsum(pi * si for pi, si in zip(p, q_surprisal) if pi > 0)
        # log p - log q, not log(p / q): the ratio overflows for subnormal q.
        kl = math.fsum(pi * (math.log(pi) - math.log(qi))
                       for pi, qi in zip(p, q) if pi > 0)
        kl = max(kl / scale, 0.0)

    return {
        "q": q,
        "q_surprisal": q_surprisal,
        "cross_entropy": cross_entropy + 0.0,
        "kl_divergence": kl + 0.0,
        "infinite_because": [labels[i] for i in infinite],
    }


def explain(outcome: Outcome, lang: str) -> Explanation:
    """Write the summary, the Markdown explanation and the steps in ``lang``."""
    facts: _Facts = outcome.facts
    result = outcome.result
    writer = _ZH if lang == "zh" else _EN
    unit = UNITS[facts.base][1 if lang == "zh" else 0]
    return Explanation(
        summary=writer.summary(facts, result, unit),
        markdown=writer.markdown(facts, result, unit),
        steps=_steps(facts, result, unit, writer),
    )


def _steps(facts: _Facts, result: dict, unit: str, writer) -> list[Step]:
    log = _LOG_NAME[facts.base]
    steps = []
    if facts.p_total is not None:
        steps.append(Step(writer.normalise("p", facts.p_total),
                          {"total": facts.p_total, "p": facts.p}))

    for index, label in enumerate(facts.labels):
        pi, si = facts.p[index], result["surprisal"][index]
        contribution = 0.0 if pi == 0 else pi * si
        steps.append(Step(writer.term(label, pi, si, contribution, log, unit),
                          {"outcome": label, "p": pi, "surprisal": si,
                           "contribution": contribution}))

    steps.append(Step(writer.entropy_sum(result["entropy"], unit),
                      {"entropy": result["entropy"]}))
    if facts.q is None:
        return steps

    if facts.q_total is not None:
        steps.append(Step(writer.normalise("q", facts.q_total),
                          {"total": facts.q_total, "q": facts.q}))

    steps.append(Step(writer.cross(result, unit, log),
                      {"cross_entropy": result["cross_entropy"]}))
    steps.append(Step(writer.identity(result, unit),
                      {"cross_entropy": result["cross_entropy"],
                       "entropy": result["entropy"],
                       "kl_divergence": result["kl_divergence"]}))
    return steps


class _EN:
    @staticmethod
    def summary(facts: _Facts, result: dict, unit: str) -> str:
        entropy = _amount(result["entropy"], unit)
        text = (f"The entropy of p is {entropy}: on average an outcome carries "
                f"{entropy} of surprise.")
        if facts.q is None:
            return text

        if math.isinf(result["cross_entropy"]):
            names = ", ".join(result["infinite_because"])
            return text + (f" q gives probability 0 to {names}, which p can produce, "
                           "so the cross-entropy and D(p||q) are infinite.")
        return text + (f" Predicting it with q costs "
                       f"{_amount(result['cross_entropy'], unit)} per outcome, so "
                       f"D(p||q) = {_amount(result['kl_divergence'], unit)}.")

    @staticmethod
    def normalise(name: str, total: float) -> str:
        return (f"The entries of {name} sum to {fmt(total)}, not 1, so each is divided "
                f"by {fmt(total)} to make a probability distribution.")

    @staticmethod
    def term(label, p, s, contribution, log, unit) -> str:
        if p == 0:
            return (f"{label}: p = 0. It never happens, and by the convention "
                    "0·log 0 = 0 it adds nothing.")
        return (f"{label}: p = {fmt(p)}, surprisal -{log} {fmt(p)} = {_amount(s, unit)}, "
                f"contributes {fmt(p)} × {fmt(s)} = {fmt(contribution)}.")

    @staticmethod
    def entropy_sum(entropy, unit) -> str:
        return f"H(p) = sum of the contributions = {_amount(entropy, unit)}."

    @staticmethod
    def cross(result, unit, log) -> str:
        if math.isinf(result["cross_entropy"]):
            names = ", ".join(result["infinite_because"])
            return (f"q gives probability 0 to {names}, which p gives a positive "
                    f"probability, so -{log} q is infinite there and H(p,q) = ∞.")
        return (f"H(p,q) = -Σ p(x) {log} q(x) = {_amount(result['cross_entropy'], unit)}.")

    @staticmethod
    def identity(result, unit) -> str:
        return (f"D(p||q) = H(p,q) - H(p) = {fmt(result['cross_entropy'])} - "
                f"{fmt(result['entropy'])} = {_amount(result['kl_divergence'], unit)}.")

    @staticmethod
    def markdown(facts: _Facts, result: dict, unit: str) -> str:
        entropy, maximum = result["entropy"], result["max_entropy"]
        count = len(facts.p)
        parts = [
            "**Surprisal** measures how unexpected one outcome is: an outcome with "
            "probability p has surprisal -log p, so a sure thing has none and a "
            "rare event has a lot. **Entropy** is the average surprisal when the "
            "outcomes follow p.",
        ]
        if facts.p_total is not None:
            parts.append(f"Your values summed to {fmt(facts.p_total)}, so they were "
                         "divided by that total and read as a distribution.")
        if facts.bernoulli:
            parts.append(f"A single value means a yes/no outcome with probability "
                         f"{fmt(facts.p[0])} for 1 and {fmt(facts.p[1])} for 0.")

        rare = _rarest(facts)
        detail = ""
        if rare:
            names = ", ".join(md_escape(facts.labels[i]) for i in rare)
            subject = "outcome" if len(rare) == 1 else "outcomes"
            verb = "has" if len(rare) == 1 else "have"
            detail = (f" The rarest {subject} ({names}, p = {fmt(facts.p[rare[0]])}) "
                      f"{verb} the largest surprisal, "
                      f"{_amount(result['surprisal'][rare[0]], unit)}.")
        parts.append(f"Here H(p) = **{_amount(entropy, unit)}**.{detail} With {count} "
                     f"outcomes the maximum is {_amount(maximum, unit)}, reached only "
                     "when all are equally likely; "
                     + _closeness_en(entropy, maximum))
        if facts.zero_outcomes:
            names = ", ".join(md_escape(facts.labels[i]) for i in facts.zero_outcomes)
            parts.append(f"Probability 0: {names}. Such an outcome never happens; its "
                         "surprisal is infinite but it adds nothing to the average, "
                         "because 0·log 0 = 0.")
        if facts.q is not None:
            parts.append(_EN._cross_markdown(facts, result, unit))

        return "\n\n".join(parts)

    @staticmethod
    def _cross_markdown(facts, result, unit) -> str:
        if math.isinf(result["cross_entropy"]):
            names = ", ".join(md_escape(name) for name in result["infinite_because"])
            return ("**Cross-entropy and KL divergence are infinite.** The model q "
                    f"gives probability 0 to {names}, but under p it happens. An "
                    "outcome that q calls impossible has infinite surprisal under q, "
                    "so a code built from q has no codeword for it. Nothing was "
                    "smoothed: if q is an estimate, give every outcome that p allows "
                    "some probability.")
        return (f"**Cross-entropy** H(p,q) = {fmt(result['cross_entropy'])} {unit} "
                "is the average surprisal if the outcomes follow p but you predict "
                "them with q. It can never be below H(p); the gap is the **KL "
                f"divergence** D(p||q) = {fmt(result['kl_divergence'])} {unit}, the "
                "extra cost per outcome of using the wrong model. It is 0 only "
                "when q equals p, and it is not symmetric: D(q||p) is usually "
                "different.")


def _closeness_en(entropy: float, maximum: float) -> str:
    if maximum == 0:
        return "with a single outcome there is no uncertainty at all."
    ratio = entropy / maximum
    return f"this distribution reaches {fmt(100 * ratio, 3)}% of it."


class _ZH:
    @staticmethod
    def summary(facts: _Facts, result: dict, unit: str) -> str:
        text = (f"p 的熵是 {fmt(result['entropy'])} {unit}：平均每个结果带来 "
                f"{fmt(result['entropy'])} {unit}的意外程度。")
        if facts.q is None:
            return text

        if math.isinf(result["cross_entropy"]):
            names = "、".join(result["infinite_because"])
            return text + (f"q 给 {names} 的概率是 0，而 p 会产生它，"
                           "所以交叉熵和 D(p||q) 都是无穷大。")
        return text + (f"用 q 来预测时每个结果平均花费 {fmt(result['cross_entropy'])} "
                       f"{unit}，所以 D(p||q) = {fmt(result['kl_divergence'])} {unit}。")

    @staticmethod
    def normalise(name: str, total: float) -> str:
        return (f"{name} 的各项之和是 {fmt(total)} 而不是 1，所以每一项都除以 "
                f"{fmt(total)}，得到一个概率分布。")

    @staticmethod
    def term(label, p, s, contribution, log, unit) -> str:
        if p == 0:
            return f"{label}：p = 0。它从不发生，按照约定 0·log 0 = 0，对熵没有贡献。"
        return (f"{label}：p = {fmt(p)}，自信息 -{log} {fmt(p)} = {fmt(s)} {unit}，"
                f"贡献 {fmt(p)} × {fmt(s)} = {fmt(contribution)}。")

    @staticmethod
    def entropy_sum(entropy, unit) -> str:
        return f"H(p) = 各项贡献之和 = {fmt(entropy)} {unit}。"

    @staticmethod
    def cross(result, unit, log) -> str:
        if math.isinf(result["cross_entropy"]):
            names = "、".join(result["infinite_because"])
            return (f"q 给 {names} 的概率是 0，而 p 给它的概率为正，所以那里的 "
                    f"-{log} q 是无穷大，H(p,q) = ∞。")
        return f"H(p,q) = -Σ p(x) {log} q(x) = {fmt(result['cross_entropy'])} {unit}。"

    @staticmethod
    def identity(result, unit) -> str:
        return (f"D(p||q) = H(p,q) - H(p) = {fmt(result['cross_entropy'])} - "
                f"{fmt(result['entropy'])} = {fmt(result['kl_divergence'])} {unit}。")

    @staticmethod
    def markdown(facts: _Facts, result: dict, unit: str) -> str:
        entropy, maximum = result["entropy"], result["max_entropy"]
        count = len(facts.p)
        parts = [
            "**自信息**衡量一个结果有多出人意料：概率为 p 的结果，自信息是 -log p。"
            "必然发生的事没有自信息，罕见的事自信息很大。**熵**就是结果服从 p 时"
            "自信息的平均值。",
        ]
        if facts.p_total is not None:
            parts.append(f"你给的数值之和是 {fmt(facts.p_total)}，所以每一项都除以这个"
                         "总和，当作概率分布来读。")
        if facts.bernoulli:
            parts.append(f"只给一个值表示一个是/否事件：取 1 的概率是 {fmt(facts.p[0])}，"
                         f"取 0 的概率是 {fmt(facts.p[1])}。")

        rare = _rarest(facts)
        detail = ""
        if rare:
            names = "、".join(md_escape(facts.labels[i]) for i in rare)
            detail = (f"最罕见的结果（{names}，p = {fmt(facts.p[rare[0]])}）自信息最大，"
                      f"为 {fmt(result['surprisal'][rare[0]])} {unit}。")
        parts.append(f"这里 H(p) = **{fmt(entropy)} {unit}**。{detail}"
                     f"{count} 个结果时熵的最大值是 {fmt(maximum)} {unit}，只有所有"
                     "结果等可能时才能达到；" + _closeness_zh(entropy, maximum))
        if facts.zero_outcomes:
            names = "、".join(md_escape(facts.labels[i]) for i in facts.zero_outcomes)
            pronoun = "它" if len(facts.zero_outcomes) == 1 else "它们"
            parts.append(f"{names} 从不发生（p = 0）。{pronoun}的自信息是无穷大，但对平均值"
                         "没有贡献，因为 0·log 0 = 0。")
        if facts.q is not None:
            parts.append(_ZH._cross_markdown(facts, result, unit))

        return "\n\n".join(parts)

    @staticmethod
    def _cross_markdown(facts, result, unit) -> str:
        if math.isinf(result["cross_entropy"]):
            names = "、".join(md_escape(name) for name in result["infinite_because"])
            return ("**交叉熵和 KL 散度都是无穷大。** 模型 q 给 "
                    f"{names} 的概率是 0，但在 p 下它会发生。q 认为不可能的结果，"
                    "在 q 下的自信息是无穷大，按 q 设计的编码里根本没有它的码字。"
                    "这里没有做任何平滑：如果 q 是估计出来的，请给 p 允许的每个结果"
                    "留一点概率。")
        return (f"**交叉熵** H(p,q) = {fmt(result['cross_entropy'])} {unit}，是结果服从 p "
                "却用 q 来预测时的平均自信息。它不会小于 H(p)；两者之差就是 **KL 散度** "
                f"D(p||q) = {fmt(result['kl_divergence'])} {unit}，即用错模型时每个结果"
                "多付出的代价。只有 q 等于 p 时它才为 0，而且它不对称：D(q||p) 一般"
                "不同。")


def _closeness_zh(entropy: float, maximum: float) -> str:
    if maximum == 0:
        return "只有一个结果时完全没有不确定性。"
    return f"这个分布达到了最大值的 {fmt(100 * entropy / maximum, 3)}%。"


def _rarest(facts: _Facts) -> list[int]:
    """Return the outcomes with the smallest positive probability, if not all tie."""
    positive = [value for value in facts.p if value > 0]
    if min(positive) == max(positive):
        return []
    smallest = min(positive)
    return [i for i, value in enumerate(facts.p) if value == smallest]


def _amount(value: float, unit: str) -> str:
    """Format an amount of information in English, "1 bit" but "2 bits"."""
    if value == 1 and unit.endswith("s"):
        return f"1 {unit[:-1]}"
    return f"{fmt(value)} {unit}"


def draw(outcome: Outcome, lang: str, theme: str) -> str:
    """Draw p (and q) as bars over their surprisals; add the binary entropy
    curve for a Bernoulli input.
    """
    facts: _Facts = outcome.facts
    result = outcome.result
    words = _DRAW_WORDS[lang]
    unit = UNITS[facts.base][1 if lang == "zh" else 0]
    widest = max(text_width(label, 11) for label in facts.labels)
    slot = min(max(widest + 12, 60), 110)
    bars_width = min(max(300, slot * len(facts.p) + 120), 760)
    bars_width = max(bars_width, text_width(words["average"], 11) + 90)
    curve_width = 300 if facts.bernoulli else 0
    width, height = bars_width + curve_width, 470
    svg = Svg(width, height, title=words["title_q" if facts.q else "title"],
              desc=explain(outcome, lang).summary, theme=theme)

    legend = [("p", 0)] + ([("q", 1)] if facts.q is not None else [])
    draw_legend(svg, 70, 24, legend)
    # Many outcomes have small probabilities: scale the axis to them.
    largest = max(facts.p + (facts.q or []))
    y_top = 1.0 if largest > 0.5 else nice_ticks(0, largest * 1.25, 4)[-1]
    y_top = max(y_top, largest * 1.1)
    top = Axes(70, 44, bars_width - 90, 150, 0, 1, 0, y_top)
    draw_y_axis(svg, top, nice_ticks(0, y_top, 4), words["probability"])
    series = [BarSeries("p", facts.p, 0)]
    if facts.q is not None:
        series.append(BarSeries("q", facts.q, 1))
    draw_bars(svg, top, facts.labels, series)

    _draw_surprisal_panel(svg, facts, result, bars_width, words, unit)
    if facts.bernoulli:
        _draw_binary_curve(svg, facts, result, bars_width, words, unit)

    return svg.render()


def _draw_surprisal_panel(svg, facts, result, bars_width, words, unit) -> None:
    finite = [value for value in result["surprisal"] + result.get("q_surprisal", [])
              if math.isfinite(value)]
    reference = [result["entropy"]]
    if facts.q is not None and math.isfinite(result["cross_entropy"]):
        reference.append(result["cross_entropy"])
    y_max = max(finite + reference + [1e-9]) * 1.18
    panel = Axes(70, 260, bars_width - 90, 150, 0, 1, 0, y_max)
    draw_y_axis(svg, panel, nice_ticks(0, y_max, 4), f"{words['surprisal']} ({unit})")
    series = [BarSeries("p", _bar_values(facts.p, result["surprisal"]), 0)]
    if facts.q is not None:
        series.append(BarSeries("q", _bar_values(facts.p, result["q_surprisal"]), 1))
    draw_bars(svg, panel, facts.labels, series)

    labels = [(result["entropy"], "line-fg", f"H(p) = {fmt(result['entropy'])}")]
    if facts.q is not None:
        labels.append((result["cross_entropy"], "t1",
                       f"H(p,q) = {fmt(result['cross_entropy'])}"))
    # The legend of the dashed lines sits well above the panel, clear of the
    # value labels over bars that reach the top (an infinite surprisal).
    legend_y = panel.top - 24
    x = panel.right
    for value, style, text in reversed(labels):
        svg.text(x, legend_y, text, size=11, anchor="end")
        svg.line(x - text_width(text, 11) - 24, legend_y - 4,
                 x - text_width(text, 11) - 6, legend_y - 4, class_=style,
                 stroke_width=1.5, stroke_dasharray="5 4")
        x -= text_width(text, 11) + 36
        if math.isfinite(value):
            y = panel.y(value)
            svg.line(panel.left, y, panel.right, y, class_=style, stroke_width=1.5,
                     stroke_dasharray="5 4")
    svg.text(panel.left, panel.bottom + 34, words["average"], size=11, class_="muted")


def _bar_values(p, surprisal):
    # Outcomes that p never produces are left out of the surprisal panel:
    # their surprisal is infinite but their weight in the average is zero.
    return [s if pi > 0 else None for pi, s in zip(p, surprisal)]


def _draw_binary_curve(svg, facts, result, left, words, unit) -> None:
    scale = _LOG_OF_BASE[facts.base]
    axes = Axes(left + 50, 60, 220, 200, 0, 1, 0, math.log(2) / scale * 1.1)
    draw_y_axis(svg, axes, nice_ticks(0, axes.y_max, 4), f"H(p) ({unit})")
    draw_x_axis(svg, axes, [0, 0.25, 0.5, 0.75, 1.0], "p")
    points = []
    for step in range(101):
        x = step / 100
        points.append((x, _binary_entropy(x) / scale))
    draw_line(svg, axes, points, 0)
    x, y = axes.x(facts.p[0]), axes.y(result["entropy"])
    svg.line(x, y, x, axes.bottom, class_="t3", stroke_width=1.2, stroke_dasharray="3 3")
    svg.circle(x, y, 5, class_="s3")
    svg.circle(axes.left + 5, axes.bottom + 52, 5, class_="s3")
    svg.text(axes.left + 16, axes.bottom + 56,
             f"p = {fmt(facts.p[0])}, H(p) = {fmt(result['entropy'])} {unit}", size=12)
    svg.text(axes.left + axes.width / 2, 40, words["binary"], size=12, anchor="middle")


def _binary_entropy(p: float) -> float:
    if p in (0.0, 1.0):
        return 0.0
    return -(p * math.log(p) + (1 - p) * math.log(1 - p))


_DRAW_WORDS = {
    "en": {"title": "Entropy of p", "title_q": "Entropy, cross-entropy and KL divergence",
           "probability": "probability", "surprisal": "surprisal",
           "average": "Each dashed line is the p-weighted average of its bars.",
           "binary": "Binary entropy H(p)"},
    "zh": {"title": "p 的熵", "title_q": "熵、交叉熵与 KL 散度",
           "probability": "概率", "surprisal": "自信息",
           "average": "每条虚线是对应柱子按 p 加权的平均值。",
           "binary": "二元熵 H(p)"},
}

_INFINITE = {"anyOf": [{"type": "number"},
                       {"type": "string", "enum": ["Infinity"]}]}
_NUMBERS = {"type": "array", "items": {"type": "number"}}
_MAYBE_INFINITE_NUMBERS = {"type": "array", "items": _INFINITE}

RESULT_SCHEMA = {
    "type": "object",
    "required": ["unit", "p", "surprisal", "entropy", "max_entropy", "normalised"],
    "properties": {
        "unit": {"type": "string", "enum": ["bits", "nats", "dits"]},
        "p": _NUMBERS,
        "normalised": {"type": "object",
                       "description": "Whether p (and q) were divided by their total."},
        "surprisal": {**_MAYBE_INFINITE_NUMBERS,
                      "description": "-log p(x) per outcome; \"Infinity\" where p(x) = 0."},
        "entropy": {"type": "number"},
        "max_entropy": {"type": "number"},
        "bernoulli": {"type": "boolean"},
        "q": _NUMBERS,
        "q_surprisal": _MAYBE_INFINITE_NUMBERS,
        "cross_entropy": {**_INFINITE,
                          "description": "\"Infinity\" when q(x) = 0 where p(x) > 0."},
        "kl_divergence": {**_INFINITE,
                          "description": "\"Infinity\" when q(x) = 0 where p(x) > 0."},
        "infinite_because": {"type": "array", "items": {"type": "string"},
                             "description": "Outcomes with q(x) = 0 < p(x)."},
    },
}

CONCEPT = register(Concept(
    name="entropy",
    title={"en": "Entropy, cross-entropy and KL divergence",
           "zh": "熵、交叉熵与 KL 散度"},
    description=(
        "Shannon entropy, surprisal, cross-entropy and KL divergence of a discrete "
        "distribution (probabilities or counts), in bits, nats or dits. Call it to "
        "explain how uncertain a distribution is or how far a model q is from p."
    ),
    schema=EntropyInput,
    compute=compute,
    explain=explain,
    draw=draw,
    example={"p": "0.5,0.25,0.25"},
    limits={"outcomes": MAX_OUTCOMES, "label_characters": 40, "max_entry": MAX_ENTRY},
    result_schema=RESULT_SCHEMA,
    family="information theory",
))
