"""Input fields that read both query strings and JSON bodies.

Every concept's input schema is a marshmallow ``Schema`` built from these
fields. A field accepts the text form used in a URL (``p=0.5,0.25``) and
the native JSON form used in a POST body (``"p": [0.5, 0.25]``). Its
errors are bilingual ``Message`` objects that name the value and what is
accepted, and ``openapi()`` describes it for the OpenAPI document.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from marshmallow import ValidationError, fields

from .text import Message

_NUMBER_PATTERN = r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?"


def _show(value: Any, limit: int = 60) -> str:
    """Quote a caller's value as they wrote it: JSON values as JSON."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, allow_nan=True)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A JSON body may send a number as text, as a URL does.
_NUMBER_TEXT = {"type": "string", "pattern": rf"^\s*{_NUMBER_PATTERN}\s*$"}


def _number_text(value: float) -> str:
    """Format a number for a URL without losing precision."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _parse_number(raw: Any, name: str) -> float:
    """Convert one list entry or scalar to a finite float."""
    if isinstance(raw, bool):
        raise ValidationError(
            Message(
                f"'{name}' must be a number, not {_show(raw)}.",
                f"“{name}”必须是数字，而不是 {_show(raw)}。",
            )
        )

    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = str(raw).strip()
        if not re.fullmatch(_NUMBER_PATTERN, text):
            raise ValidationError(
                Message(
                    f"'{name}' must be a number such as 0.25; "
                    f"got '{_show(text)}'.",
                    f"“{name}”必须是数字（例如 0.25），收到的是“{_show(text)}”。",
                )
            )
        value = float(text)

    if not math.isfinite(value):
        raise ValidationError(
            Message(
                f"'{name}' must be a finite number; got {_show(raw)}.",
                f"“{name}”必须是有限的数字，收到的是 {_show(raw)}。",
            )
        )

    return value


class Field(fields.Field):
    """Base of the project's fields: carries OpenAPI description and example.

    Parameters
    ----------
    description : str
        What the parameter sets, in what unit; goes into the OpenAPI file.
    example : Any
        The value shown in the OpenAPI file and the docs, in query form.
    """

    def __init__(self, *, description: str, example: Any = None, **kwargs):
        metadata = kwargs.pop("metadata", {})
        metadata.update(description=description)
        if example is not None:
            metadata["example"] = example
        super().__init__(metadata=metadata, **kwargs)

    @property
    def param_name(self) -> str:
        return self.data_key or self.name

    def openapi(self) -> dict:
        """Return the JSON Schema of the query-string form of this field."""
        schema = {"type": "string"}
        schema.update(self._openapi_extra())
        return schema

    def _openapi_extra(self) -> dict:
        return {}

    def openapi_body(self) -> dict:
        """Return the JSON Schema of this field inside a POST body.

        Lists may come as the same comma-separated text as in a URL or as a
        JSON array, so list fields override this; others reuse ``openapi()``.
        """
        return self.openapi()

    def to_query(self, value: Any) -> str:
        """Format a loaded value back into its query-string form."""
        return str(value)


class Number(Field):
    """A finite number, optionally bounded; ``exclusive`` bounds exclude the ends."""

    def __init__(
        self,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        exclusive_minimum: bool = False,
        exclusive_maximum: bool = False,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.minimum = minimum
        self.maximum = maximum
        self.exclusive_minimum = exclusive_minimum
        self.exclusive_maximum = exclusive_maximum

    def _deserialize(self, value, attr, data, **kwargs) -> float:
        number = _parse_number(value, self.param_name)
        _check_range(self, number)
        return number

    def openapi_body(self) -> dict:
        return {"anyOf": [self.openapi(), _NUMBER_TEXT]}

    def openapi(self) -> dict:
        schema = {"type": "number"}
        if self.minimum is not None:
            key = "exclusiveMinimum" if self.exclusive_minimum else "minimum"
            schema[key] = self.minimum
        if self.maximum is not None:
            key = "exclusiveMaximum" if self.exclusive_maximum else "maximum"
            schema[key] = self.maximum
        return schema

    def to_query(self, value: Any) -> str:
        return _number_text(value)


def _check_range(field: Number, number: float) -> None:
    name = field.param_name
    low, high = field.minimum, field.maximum
    too_low = low is not None and (
        number < low or (field.exclusive_minimum and number == low)
    )
    too_high = high is not None and (
        number > high or (field.exclusive_maximum and number == high)
    )
    if not (too_low or too_high):
        return

    left = "(" if field.exclusive_minimum else "["
    right = ")" if field.exclusive_maximum else "]"
    low_text = "-∞" if low is None else _number_text(low)
    high_text = "∞" if high is None else _number_text(high)
    interval = f"{left}{low_text}, {high_text}{right}"
    raise ValidationError(
        Message(
            f"'{name}' must be in {interval}; got {number:g}.",
            f"“{name}”必须在 {interval} 范围内，收到的是 {number:g}。",
        )
    )


class Integer(Field):
    """A whole number between ``minimum`` and ``maximum`` inclusive.

    A value above ``maximum`` is a size limit when ``too_large`` is set,
    and then gets a 413 instead of a 400.
    """

    def __init__(self, *, minimum: int, maximum: int, too_large=False, **kwargs):
        super().__init__(**kwargs)
        self.minimum = minimum
        self.maximum = maximum
        self.too_large = too_large

    def _deserialize(self, value, attr, data, **kwargs) -> int:
        name = self.param_name
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip() if not isinstance(value, int) else str(value)
        if isinstance(value, bool) or not re.fullmatch(r"[-+]?\d{1,12}", text):
            raise ValidationError(
                Message(
                    f"'{name}' must be a whole number; got '{_show(value)}'.",
                    f"“{name}”必须是整数，收到的是“{_show(value)}”。",
                )
            )

        number = int(text)
        if number < self.minimum or number > self.maximum:
            status = 413 if self.too_large and number > self.maximum else 400
            raise ValidationError(
                Message(
                    f"'{name}' must be a whole number from {self.minimum} "
                    f"to {self.maximum}; got {number}.",
                    f"“{name}”必须是 {self.minimum} 到 {self.maximum} 之间的整数，"
                    f"收到的是 {number}。",
                    status,
                )
            )

        return number

    def openapi(self) -> dict:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def openapi_body(self) -> dict:
        return {"anyOf": [self.openapi(), {"type": "string", "pattern": r"^\s*[-+]?\d+\s*$"}]}


class Choice(Field):
    """One of a fixed set of words."""

    def __init__(self, *, choices: tuple[str, ...], **kwargs):
        super().__init__(**kwargs)
        self.choices = tuple(choices)

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        accepted_type = isinstance(value, (str, int)) and not isinstance(value, bool)
        text = str(value).strip().lower() if accepted_type else None
        if text not in self.choices:
            accepted = ", ".join(self.choices)
            raise ValidationError(
                Message(
                    f"'{self.param_name}' must be one of {accepted}; "
                    f"got '{_show(value)}'.",
                    f"“{self.param_name}”必须是 {accepted} 之一，"
                    f"收到的是“{_show(value)}”。",
                )
            )

        return text

    def openapi(self) -> dict:
        return {"type": "string", "enum": list(self.choices)}

    def openapi_body(self) -> dict:
        numeric = [int(choice) for choice in self.choices if choice.isdigit()]
        if not numeric:
            return self.openapi()
        return {"anyOf": [self.openapi(), {"type": "integer", "enum": numeric}]}


class Boolean(Field):
    """``true`` or ``false`` (also 1/0, yes/no)."""

    _TRUE = {"true", "1", "yes"}
    _FALSE = {"false", "0", "no"}

    def _deserialize(self, value, attr, data, **kwargs) -> bool:
        if isinstance(value, bool):
            return value

        text = value.strip().lower() if isinstance(value, str) else None
        if text in self._TRUE:
            return True
        if text in self._FALSE:
            return False

        raise ValidationError(
            Message(
                f"'{self.param_name}' must be true or false; got '{_show(value)}'.",
                f"“{self.param_name}”必须是 true 或 false，收到的是“{_show(value)}”。",
            )
        )

    def openapi(self) -> dict:
        return {"type": "boolean"}

    def openapi_body(self) -> dict:
        words = sorted(self._TRUE | self._FALSE)
        return {"anyOf": [self.openapi(), {"type": "string", "enum": words}]}

    def to_query(self, value: Any) -> str:
        return "true" if value else "false"


class NumberList(Field):
    """Comma-separated numbers in a URL, or a JSON array of numbers.

    More than ``max_length`` entries is a size limit and gets a 413.
    """

    def __init__(self, *, min_length: int = 1, max_length: int, **kwargs):
        super().__init__(**kwargs)
        self.min_length = min_length
        self.max_length = max_length

    def _deserialize(self, value, attr, data, **kwargs) -> list[float]:
        name = self.param_name
        if isinstance(value, (list, tuple)):
            items = list(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            items = [value]
        elif isinstance(value, str):
            items = [] if value.strip() == "" else value.split(",")
        else:
            raise ValidationError(
                Message(
                    f"'{name}' must be comma-separated numbers or a JSON array "
                    f"of numbers; got {_show(value)}.",
                    f"“{name}”必须是逗号分隔的数字或数字组成的 JSON 数组，"
                    f"收到的是 {_show(value)}。",
                )
            )

        _check_length(name, len(items), self.min_length, self.max_length)
        numbers = []
        for index, item in enumerate(items):
            try:
                numbers.append(_parse_number(item, name))
            except ValidationError as error:
                raise ValidationError(
                    Message(
                        f"Entry {index + 1} of '{name}' is not a finite number: "
                        f"'{_show(item)}'.",
                        f"“{name}”的第 {index + 1} 项不是有限的数字："
                        f"“{_show(item)}”。",
                    )
                ) from error

        return numbers

    def _openapi_extra(self) -> dict:
        pattern = rf"^\s*{_NUMBER_PATTERN}\s*(,\s*{_NUMBER_PATTERN}\s*)*$"
        return {"pattern": pattern}

    def openapi_body(self) -> dict:
        array = {"type": "array", "items": {"type": "number"},
                 "minItems": self.min_length, "maxItems": self.max_length}
        return {"anyOf": [self.openapi(), array]}

    def to_query(self, value: Any) -> str:
        return ",".join(_number_text(item) for item in value)


class TextList(Field):
    """Comma-separated words in a URL, or a JSON array of strings.

    In the URL form a backslash escapes a comma that belongs to a word
    (``c\\,d``) and a backslash itself (``\\\\``).
    """

    def __init__(self, *, max_length: int, max_chars: int = 40, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length
        self.max_chars = max_chars

    def _deserialize(self, value, attr, data, **kwargs) -> list[str]:
        name = self.param_name
        if isinstance(value, (list, tuple)):
            items = [item if isinstance(item, str) else None for item in value]
            if None in items:
                raise ValidationError(
                    Message(
                        f"Every entry of '{name}' must be a string.",
                        f"“{name}”的每一项都必须是字符串。",
                    )
                )
        elif isinstance(value, str):
            items = _split_escaped(value)
        else:
            raise ValidationError(
                Message(
                    f"'{name}' must be comma-separated text or a JSON array of "
                    f"strings; got {_show(value)}.",
                    f"“{name}”必须是逗号分隔的文本或字符串组成的 JSON 数组，"
                    f"收到的是 {_show(value)}。",
                )
            )

        _check_length(name, len(items), 1, self.max_length)
        for index, item in enumerate(items):
            if len(item) > self.max_chars:
                raise ValidationError(
                    Message(
                        f"Entry {index + 1} of '{name}' has {len(item)} characters; "
                        f"at most {self.max_chars} are accepted.",
                        f"“{name}”的第 {index + 1} 项有 {len(item)} 个字符，"
                        f"最多接受 {self.max_chars} 个。",
                    )
                )

        return [item.strip() for item in items]

    def openapi_body(self) -> dict:
        array = {"type": "array", "items": {"type": "string", "maxLength": self.max_chars},
                 "minItems": 1, "maxItems": self.max_length}
        return {"anyOf": [self.openapi(), array]}

    def to_query(self, value: Any) -> str:
        return ",".join(item.replace("\\", "\\\\").replace(",", "\\,") for item in value)


def _split_escaped(text: str) -> list[str]:
    """Split on commas that no backslash escapes, removing the escapes."""
    items, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(char)

    items.append("".join(current))
    return items


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _check_length(name: str, count: int, minimum: int, maximum: int) -> None:
    if count > maximum:
        raise ValidationError(
            Message(
                f"'{name}' has {_entries(count)}; at most {maximum} are accepted.",
                f"“{name}”有 {count} 项，最多接受 {maximum} 项。",
                413,
            )
        )

    if count < minimum:
        raise ValidationError(
            Message(
                f"'{name}' needs at least {_entries(minimum)}; got {count}.",
                f"“{name}”至少需要 {minimum} 项，收到的是 {count} 项。",
            )
        )

