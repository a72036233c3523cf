"""The words of the sorting concept: step texts, summaries and explanations.

Every count cited comes from the result and every value from an event,
formatted with ``fmt``.
"""

from __future__ import annotations

import math

from ..base import Explanation, Step
from ..text import fmt

NAMES = {
    "en": {"selection": "Selection sort", "bubble": "Bubble sort",
           "insertion": "Insertion sort", "shell": "Shell sort",
           "merge": "Merge sort", "quick": "Quicksort", "heap": "Heap sort"},
    "zh": {"selection": "选择排序", "bubble": "冒泡排序", "insertion": "插入排序",
           "shell": "希尔排序", "merge": "归并排序", "quick": "快速排序",
           "heap": "堆排序"},
}

# English names inside a sentence. Shell sort keeps its capital because
# it is named after Donald Shell.
NAMES_INLINE = {"selection": "selection sort", "bubble": "bubble sort",
                "insertion": "insertion sort", "shell": "Shell sort",
                "merge": "merge sort", "quick": "quicksort", "heap": "heap sort"}

# Chinese for the complexity strings of the result, which stay in English.
_COMPLEXITY_ZH = {"no proven bound": "尚无已证明的界",
                  "O(log n) average, O(n) worst": "平均 O(log n)，最坏 O(n)"}

PIVOT_RULES = {
    "en": {"last": "last element", "first": "first element",
           "median-of-three": "median of three", "random": "random element"},
    "zh": {"last": "末元素", "first": "首元素", "median-of-three": "三数取中",
           "random": "随机元素"},
}


def explanation(summary: str, markdown: str, steps: list[Step]) -> Explanation:
    return Explanation(summary=summary, markdown=markdown, steps=steps)


def value(number) -> str:
    """Format an array value exactly enough to tell neighbours apart."""
    return fmt(number, 12)


def event_values(event: tuple) -> dict:
    """Return the JSON values of one event."""
    kind = event[0]
    if kind == "compare":
        _, i, j, x, y = event
        if j is None:
            return {"kind": kind, "i": i, "key": y, "values": [x, y]}
        return {"kind": kind, "i": i, "j": j, "values": [x, y]}
    if kind == "swap":
        _, i, j, x, y = event
        return {"kind": kind, "i": i, "j": j, "values": [x, y]}
    if kind == "write":
        return {"kind": kind, "i": event[1], "value": event[2]}
    if kind == "pivot":
        _, p, pivot, lo, hi = event
        return {"kind": kind, "i": p, "value": pivot, "range": [lo, hi]}
    if kind == "merge":
        _, lo, mid, hi = event
        return {"kind": kind, "range": [lo, hi - 1], "mid": mid}
    if kind == "heapify":
        return {"kind": kind, "i": event[1], "size": event[2]}
    return {"kind": kind, "gap": event[1]}


def amount(count: int, noun: str) -> str:
    """Write an English count with its noun: "1 swap", "0 swaps", "2 array writes"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _reference(n: int) -> tuple[int, float]:
    """Return n(n-1)/2 and n·log2 n, the two yardsticks for comparison counts."""
    return n * (n - 1) // 2, (n * math.log2(n) if n > 1 else 0.0)


def _complexity_table(result: dict, header: str, lang: str) -> str:
    cells = [result["complexity"][key] for key in ("best", "average", "worst", "space")]
    if lang == "zh":
        cells = [_COMPLEXITY_ZH.get(cell, cell) for cell in cells]
    return f"{header}\n|---|---|---|---|\n| " + " | ".join(cells) + " |"


class _English:
    lang = "en"

    def event(self, event: tuple) -> str:
        kind = event[0]
        if kind == "compare":
            _, i, j, x, y = event
            if j is None:
                return f"Compare a[{i}] = {value(x)} with the key {value(y)}."
            return f"Compare a[{i}] = {value(x)} with a[{j}] = {value(y)}."
        if kind == "swap":
            _, i, j, x, y = event
            return f"Swap a[{i}] = {value(x)} and a[{j}] = {value(y)}."
        if kind == "write":
            return f"Write {value(event[2])} into a[{event[1]}]."
        if kind == "pivot":
            _, p, pivot, lo, hi = event
            return f"Partition a[{lo}..{hi}] around the pivot a[{p}] = {value(pivot)}."
        if kind == "merge":
            _, lo, mid, hi = event
            return f"Merge a[{lo}..{mid - 1}] with a[{mid}..{hi - 1}]."
        if kind == "heapify":
            return f"Sift a[{event[1]}] down in the heap a[0..{event[2] - 1}]."
        return f"Gap {event[1]}: insertion sort on the elements {event[1]} apart."

    def summary(self, result: dict) -> str:
        name = NAMES["en"][result["algorithm"]]
        text = (f"{name} sorted {amount(result['n'], 'value')} with "
                f"{amount(result['comparisons'], 'comparison')}, "
                f"{amount(result['swaps'], 'swap')} and "
                f"{amount(result['writes'], 'array write')}.")
        if result["algorithm"] == "quick":
            rule = PIVOT_RULES["en"][result["pivot"]]
            text += (f" Pivot rule: {rule} (Lomuto partition); recursion depth "
                     f"{result['recursion_depth']}.")
        return text

    def markdown(self, result: dict, max_steps: int) -> str:
        parts = [self._method(result), self._counts(result),
                 self._stability(result),
                 _complexity_table(result, "| best | average | worst | extra space |",
                                   "en"),
                 self._steps(result, max_steps)]
        return "\n\n".join(parts)

    def _method(self, result: dict) -> str:
        algorithm = result["algorithm"]
        if algorithm == "shell":
            gaps = ", ".join(str(h) for h in result["gaps"]) or "none (n < 2)"
            return _METHOD_EN["shell"].format(sequence=result["gap_sequence"],
                                              gaps=gaps)
        if algorithm == "quick":
            return _METHOD_EN["quick"].format(rule=_RULE_DETAIL_EN[result["pivot"]])
        return _METHOD_EN[algorithm]

    def _counts(self, result: dict) -> str:
        n = result["n"]
        if n < 2:
            return (f"Your input has {n} value{'s' if n != 1 else ''}, so there is "
                    "nothing to compare: it is already sorted.")
        pairs, nlogn = _reference(n)
        text = (f"On your {n} values it made "
                f"**{amount(result['comparisons'], 'comparison')}**, "
                f"**{amount(result['swaps'], 'swap')}** and "
                f"**{amount(result['writes'], 'array write')}** "
                f"(a swap writes two positions). For scale: comparing every pair once "
                f"takes n(n-1)/2 = {amount(pairs, 'comparison')}, and n·log2 n ≈ "
                f"{fmt(nlogn, 3)}.")
        if result["algorithm"] == "quick":
            text += " " + self._depth(result)
        elif result["algorithm"] == "merge":
            levels = amount(result["recursion_depth"], "level")
            text += f" The halving went {levels} deep, which is log2 n rounded up."
        return text

    def _depth(self, result: dict) -> str:
        n, depth = result["n"], result["recursion_depth"]
        rule = PIVOT_RULES["en"][result["pivot"]]
        if depth == n - 1 and n >= 3:
            if result["pivot"] in ("last", "first"):
                cause = (f"With the {rule} as pivot this happens on sorted or reversed "
                         "input and on many equal values. A median-of-three or random "
                         "pivot avoids the sorted cases.")
            else:
                cause = ("With this pivot rule it happens mostly when many values are "
                         "equal, because the Lomuto partition puts every value equal "
                         "to the pivot on the same side.")
            return (f"The recursion reached depth {depth} = n - 1: every partition "
                    "split off only the pivot, which is quicksort's worst case. "
                    f"{cause} (This service sorts with an explicit stack, so deep "
                    "recursion cannot overflow.)")
        levels = fmt(math.log2(n), 3)
        return (f"The recursion reached depth {depth}; perfectly even splits would "
                f"need about log2 n ≈ {levels} level{'' if levels == '1' else 's'}.")

    def _stability(self, result: dict) -> str:
        name = NAMES["en"][result["algorithm"]]
        info = result["stability"]
        if result["stable"]:
            text = f"{name} is **stable**: equal values keep their input order. "
        else:
            text = f"{name} is **not stable**: equal values may change order. "
        if not info["equal_keys"]:
            return text + "Your input has no repeated values, so it cannot show this."
        if info["order_kept"]:
            if result["stable"]:
                return text + "Your repeated values kept their order, as promised."
            return (text + "Here the repeated values happened to keep their order, "
                    "but other inputs can change it.")
        example = info["example"]
        first, second = example["positions"]
        return (text + f"It happened here: the {value(example['value'])} from input "
                f"position {first} ended up before the one from position {second}.")

    def _steps(self, result: dict, max_steps: int) -> str:
        if result["steps_truncated"]:
            return (f"This run had {result['events']} events (compares, swaps, writes "
                    f"and markers). The steps list the first {max_steps}; the counts "
                    "above include all of them.")
        if result["events"] == 0:
            return "This run had no events, so there are no steps."
        if result["events"] == 1:
            return ("The steps list the run's only event. Replaying the swaps and "
                    "writes on your input gives the sorted output.")
        return (f"The steps list all {result['events']} events: every compare, swap "
                "and write, plus the pivots, merges, heapify calls or gaps that "
                "organise them. Replaying the swaps and writes on your input gives "
                "the sorted output.")

    def table_row(self, row: dict) -> str:
        text = (f"{NAMES['en'][row['algorithm']]}: "
                f"{amount(row['comparisons'], 'comparison')}, "
                f"{amount(row['swaps'], 'swap')}, {amount(row['writes'], 'write')}")
        if "recursion_depth" in row:
            text += f", recursion depth {row['recursion_depth']}"
        return text + "."

    def all_summary(self, result: dict) -> str:
        fewest, most = _extremes(result["table"])
        if fewest is None:
            return (f"With {amount(result['n'], 'value')}, no algorithm needs a "
                    "comparison.")
        fewest_names = " and ".join(NAMES_INLINE[row["algorithm"]] for row in fewest)
        most_names = " and ".join(NAMES_INLINE[row["algorithm"]] for row in most)
        return (f"On these {result['n']} values, {fewest_names} made the fewest "
                f"comparisons ({fewest[0]['comparisons']}) and {most_names} the most "
                f"({most[0]['comparisons']}).")

    def all_markdown(self, result: dict, facts) -> str:
        rows = ["| algorithm | comparisons | swaps | writes | recursion depth | stable "
                "| equal values kept order |", "|---|---|---|---|---|---|---|"]
        for row in result["table"]:
            kept = {True: "yes", False: "no", None: "no equal values"}[row["order_kept"]]
            rows.append(f"| {NAMES['en'][row['algorithm']]} | {row['comparisons']} | "
                        f"{row['swaps']} | {row['writes']} | "
                        f"{row.get('recursion_depth', '–')} | "
                        f"{'yes' if row['stable'] else 'no'} | {kept} |")
        n = result["n"]
        pairs, nlogn = _reference(n)
        gaps = ", ".join(str(h) for h in result["gaps"]) or "none"
        return "\n\n".join([
            f"All seven algorithms sorted the same {amount(n, 'value')}. Quicksort "
            f"used the {PIVOT_RULES['en'][result['pivot']]} as pivot (Lomuto "
            f"partition), and Shell sort used the gaps {gaps} "
            f"(gaps={result['gap_sequence']}). A swap counts as two array writes.",
            "\n".join(rows),
            f"For scale: n(n-1)/2 = {pairs} and n·log2 n ≈ {fmt(nlogn, 3)}. The "
            "simple algorithms (selection, bubble, insertion) grow with n² on "
            "typical input, merge and heap sort with n·log n, and quicksort too "
            "unless its pivots split badly. Comparisons are not the whole cost: "
            "writes matter when moving a value is expensive, which is where "
            "selection sort's few swaps help.",
            "Ask for one algorithm (algorithm=quick, …) to get its every step and "
            "an animation.",
        ])


class _Chinese:
    lang = "zh"

    def event(self, event: tuple) -> str:
        kind = event[0]
        if kind == "compare":
            _, i, j, x, y = event
            if j is None:
                return f"比较 a[{i}] = {value(x)} 与待插入的键 {value(y)}。"
            return f"比较 a[{i}] = {value(x)} 与 a[{j}] = {value(y)}。"
        if kind == "swap":
            _, i, j, x, y = event
            return f"交换 a[{i}] = {value(x)} 和 a[{j}] = {value(y)}。"
        if kind == "write":
            return f"把 {value(event[2])} 写入 a[{event[1]}]。"
        if kind == "pivot":
            _, p, pivot, lo, hi = event
            return f"以 a[{p}] = {value(pivot)} 为枢轴划分 a[{lo}..{hi}]。"
        if kind == "merge":
            _, lo, mid, hi = event
            return f"合并 a[{lo}..{mid - 1}] 与 a[{mid}..{hi - 1}]。"
        if kind == "heapify":
            return f"在堆 a[0..{event[2] - 1}] 中把 a[{event[1]}] 下沉。"
        return f"间隔 {event[1]}：对相隔 {event[1]} 的元素做插入排序。"

    def summary(self, result: dict) -> str:
        name = NAMES["zh"][result["algorithm"]]
        text = (f"{name}对 {result['n']} 个数排序，做了 {result['comparisons']} 次比较、"
                f"{result['swaps']} 次交换和 {result['writes']} 次数组写入。")
        if result["algorithm"] == "quick":
            rule = PIVOT_RULES["zh"][result["pivot"]]
            text += (f"枢轴规则：{rule}（Lomuto 划分）；递归深度 "
                     f"{result['recursion_depth']}。")
        return text

    def markdown(self, result: dict, max_steps: int) -> str:
        parts = [self._method(result), self._counts(result), self._stability(result),
                 _complexity_table(result, "| 最好 | 平均 | 最坏 | 额外空间 |", "zh"),
                 self._steps(result, max_steps)]
        return "\n\n".join(parts)

    def _method(self, result: dict) -> str:
        algorithm = result["algorithm"]
        if algorithm == "shell":
            gaps = "、".join(str(h) for h in result["gaps"]) or "无（n < 2）"
            return _METHOD_ZH["shell"].format(sequence=result["gap_sequence"],
                                              gaps=gaps)
        if algorithm == "quick":
            return _METHOD_ZH["quick"].format(rule=_RULE_DETAIL_ZH[result["pivot"]])
        return _METHOD_ZH[algorithm]

    def _counts(self, result: dict) -> str:
        n = result["n"]
        if n < 2:
            return f"你的输入只有 {n} 个数，没有什么可比较的：它本来就是有序的。"
        pairs, nlogn = _reference(n)
        text = (f"对你的 {n} 个数，它做了 **{result['comparisons']} 次比较**、"
                f"**{result['swaps']} 次交换**和 **{result['writes']} 次数组写入**"
                f"（一次交换写入两个位置）。作为参照：每对数各比较一次需要 n(n-1)/2 = "
                f"{pairs} 次比较，而 n·log2 n ≈ {fmt(nlogn, 3)}。")
        if result["algorithm"] == "quick":
            text += self._depth(result)
        elif result["algorithm"] == "merge":
            text += (f"对半拆分共 {result['recursion_depth']} 层，即 log2 n "
                     "向上取整。")
        return text

    def _depth(self, result: dict) -> str:
        n, depth = result["n"], result["recursion_depth"]
        rule = PIVOT_RULES["zh"][result["pivot"]]
        if depth == n - 1 and n >= 3:
            if result["pivot"] in ("last", "first"):
                cause = (f"以{rule}为枢轴时，有序或逆序的输入以及大量相等的值都会这样；"
                         "三数取中或随机枢轴可以避开有序的情况。")
            else:
                cause = ("在这种枢轴规则下，这主要发生在大量值相等时，因为 Lomuto 划分"
                         "把所有等于枢轴的值都放在同一侧。")
            return (f"递归深度达到 {depth} = n - 1：每次划分只分出枢轴本身，这是快速"
                    f"排序的最坏情况。{cause}（本服务用显式栈代替递归，所以再深也不会"
                    "栈溢出。）")
        return (f"递归深度为 {depth}；如果每次都恰好对半分，大约只需 log2 n ≈ "
                f"{fmt(math.log2(n), 3)} 层。")

    def _stability(self, result: dict) -> str:
        name = NAMES["zh"][result["algorithm"]]
        info = result["stability"]
        if result["stable"]:
            text = f"{name}是**稳定的**：相等的值保持输入时的先后顺序。"
        else:
            text = f"{name}**不稳定**：相等的值可能改变先后顺序。"
        if not info["equal_keys"]:
            return text + "你的输入没有重复的值，所以看不出这一点。"
        if info["order_kept"]:
            if result["stable"]:
                return text + "你输入中重复的值确实保持了原来的顺序。"
            return text + "这次重复的值碰巧保持了顺序，但换一个输入就可能改变。"
        example = info["example"]
        first, second = example["positions"]
        return (text + f"这次就发生了：来自输入位置 {first} 的 "
                f"{value(example['value'])} 排到了来自位置 {second} 的那个前面。")

    def _steps(self, result: dict, max_steps: int) -> str:
        if result["steps_truncated"]:
            return (f"这次运行共有 {result['events']} 个事件（比较、交换、写入和标记）。"
                    f"步骤只列出前 {max_steps} 个；上面的计数包含全部事件。")
        return (f"步骤列出了全部 {result['events']} 个事件：每一次比较、交换和写入，"
                "以及组织它们的枢轴、合并、堆调整或间隔。把其中的交换和写入依次作用在"
                "你的输入上，就得到排序后的结果。")

    def table_row(self, row: dict) -> str:
        text = (f"{NAMES['zh'][row['algorithm']]}：{row['comparisons']} 次比较，"
                f"{row['swaps']} 次交换，{row['writes']} 次写入")
        if "recursion_depth" in row:
            text += f"，递归深度 {row['recursion_depth']}"
        return text + "。"

    def all_summary(self, result: dict) -> str:
        fewest, most = _extremes(result["table"])
        if fewest is None:
            return f"只有 {result['n']} 个数时，任何算法都不需要比较。"
        fewest_names = "和".join(NAMES["zh"][row["algorithm"]] for row in fewest)
        most_names = "和".join(NAMES["zh"][row["algorithm"]] for row in most)
        return (f"对这 {result['n']} 个数，{fewest_names}比较次数最少"
                f"（{fewest[0]['comparisons']} 次），{most_names}最多"
                f"（{most[0]['comparisons']} 次）。")

    def all_markdown(self, result: dict, facts) -> str:
        rows = ["| 算法 | 比较 | 交换 | 写入 | 递归深度 | 稳定 | 相等值保持顺序 |",
                "|---|---|---|---|---|---|---|"]
        for row in result["table"]:
            kept = {True: "是", False: "否", None: "无相等值"}[row["order_kept"]]
            rows.append(f"| {NAMES['zh'][row['algorithm']]} | {row['comparisons']} | "
                        f"{row['swaps']} | {row['writes']} | "
                        f"{row.get('recursion_depth', '–')} | "
                        f"{'是' if row['stable'] else '否'} | {kept} |")
        n = result["n"]
        pairs, nlogn = _reference(n)
        gaps = "、".join(str(h) for h in result["gaps"]) or "无"
        return "\n\n".join([
            f"七种算法对同样的 {n} 个数排序。快速排序以"
            f"{PIVOT_RULES['zh'][result['pivot']]}为枢轴（Lomuto 划分），希尔排序的间隔"
            f"是 {gaps}（gaps={result['gap_sequence']}）。一次交换算两次数组写入。",
            "\n".join(rows),
            f"作为参照：n(n-1)/2 = {pairs}，n·log2 n ≈ {fmt(nlogn, 3)}。简单算法"
            "（选择、冒泡、插入）在一般输入上随 n² 增长，归并和堆排序随 n·log n 增长，"
            "快速排序也是如此，除非枢轴分得很差。比较次数并不是全部代价：移动一个值"
            "很贵时，写入次数同样重要，这正是选择排序交换次数少的用处。",
            "只请求一个算法（例如 algorithm=quick）即可得到它的每一步和动画。",
        ])


def _extremes(table: list[dict]):
    """Return the rows with the fewest and with the most comparisons (ties kept)."""
    counts = [row["comparisons"] for row in table]
    if max(counts) == 0:
        return None, None
    fewest = [row for row in table if row["comparisons"] == min(counts)]
    most = [row for row in table if row["comparisons"] == max(counts)]
    return fewest, most


_METHOD_EN = {
    "selection": (
        "**Selection sort** scans the unsorted part for its smallest value and "
        "swaps it to the front of that part, so after pass k the first k values "
        "are final. It scans the whole unsorted part whatever the order, so it "
        "always makes n(n-1)/2 comparisons, but at most n-1 swaps."),
    "bubble": (
        "**Bubble sort** walks through the array comparing neighbours and swaps "
        "any pair that is out of order, so each pass carries the largest remaining "
        "value to the end. This version stops after a pass without a swap, so "
        "sorted input costs one pass of n-1 comparisons."),
    "insertion": (
        "**Insertion sort** takes the values one by one, holds the new one aside "
        "as the key, and shifts the larger values of the sorted part one place "
        "right until the key's place opens up. Each shift is one array write; on "
        "sorted input nothing moves and it makes n-1 comparisons."),
    "shell": (
        "**Shell sort** runs insertion sort on the elements a gap apart, with "
        "shrinking gaps that end at 1. Early passes move values far in few "
        "writes, so the last pass, a plain insertion sort, finds the array nearly "
        "sorted. Gaps here ({sequence} sequence): {gaps}."),
    "merge": (
        "**Merge sort** splits the array in halves until the pieces have one "
        "element, then merges neighbouring sorted pieces, always taking the "
        "smaller front value and the left one on a tie, which keeps it stable. "
        "Merging needs a buffer of n values."),
    "quick": (
        "**Quicksort** picks a pivot, moves the values smaller than or equal to "
        "it before it and the larger ones after it (the Lomuto partition), and "
        "then sorts both sides the same way. Pivot rule here: {rule}."),
    "heap": (
        "**Heap sort** first arranges the array as a max-heap, in which every "
        "a[i] is at least its children a[2i+1] and a[2i+2], so the largest value "
        "sits at a[0]. It then swaps a[0] with the last element of the heap, "
        "shrinks the heap by one and sifts the new root down, n-1 times."),
}

_RULE_DETAIL_EN = {
    "last": "the last element of each range",
    "first": "the first element of each range, swapped to the end before partitioning",
    "median-of-three": ("the median of the first, middle and last elements, found "
                        "with two or three extra comparisons per range"),
    "random": "a random element of each range, drawn from the seed",
}

_METHOD_ZH = {
    "selection": (
        "**选择排序**在未排序部分中找出最小的值，把它交换到这一部分的最前面，所以第 k "
        "趟之后前 k 个值就确定了。不管输入顺序如何，它都要扫描整个未排序部分，所以"
        "总是做 n(n-1)/2 次比较，但最多只交换 n-1 次。"),
    "bubble": (
        "**冒泡排序**从头到尾比较相邻的两个值，顺序不对就交换，所以每一趟都把剩下"
        "最大的值带到末尾。这个版本在某一趟没有任何交换时就停止，所以已经有序的输入"
        "只需一趟、n-1 次比较。"),
    "insertion": (
        "**插入排序**逐个取出值，把新取出的值作为键放在一边，再把已排序部分中比它大"
        "的值依次右移一位，直到空出它的位置。每次右移是一次数组写入；输入已经有序时"
        "什么都不用移动，只做 n-1 次比较。"),
    "shell": (
        "**希尔排序**对相隔一个间隔的元素做插入排序，间隔逐步缩小，最后为 1。前几趟"
        "用很少的写入把值移到远处，所以最后一趟（普通插入排序）面对的数组已经接近"
        "有序。这里的间隔（{sequence} 序列）：{gaps}。"),
    "merge": (
        "**归并排序**把数组不断对半拆分，直到每块只有一个元素，再把相邻的有序块合并："
        "每次取两块开头较小的值，相等时取左边的，所以它是稳定的。合并需要 n 个值的"
        "缓冲区。"),
    "quick": (
        "**快速排序**选一个枢轴，把小于或等于它的值移到它前面、大于它的值移到后面"
        "（Lomuto 划分），再用同样的方法排序两边。这里的枢轴规则：{rule}。"),
    "heap": (
        "**堆排序**先把数组整理成大顶堆：每个 a[i] 都不小于它的子节点 a[2i+1] 和 "
        "a[2i+2]，所以最大值在 a[0]。然后把 a[0] 与堆的最后一个元素交换，堆缩小一个，"
        "再让新的根下沉，重复 n-1 次。"),
}

_RULE_DETAIL_ZH = {
    "last": "取每段的最后一个元素",
    "first": "取每段的第一个元素，划分前先把它换到末尾",
    "median-of-three": "取首、中、尾三个元素的中位数，每段多用两到三次比较",
    "random": "按种子随机取每段中的一个元素",
}

WRITERS = {"en": _English(), "zh": _Chinese()}
