"""Every curl example in README.md runs against the app and answers as described."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BASE = "http://127.0.0.1:8000"


def _commands() -> list[list[str]]:
    text = README.read_text(encoding="utf-8").replace("\\\n", " ")
    return [shlex.split(line.strip()) for line in text.splitlines()
            if line.strip().startswith("curl ")]


def _request(words: list[str]) -> tuple[str, str, dict | None]:
    method, url, body = "GET", None, None
    words = iter(words[1:])
    for word in words:
        if word == "-X":
            method = next(words)
        elif word == "-d":
            body = json.loads(next(words))
        elif word in ("-H", "-o"):
            next(words)
        elif word.startswith(BASE):
            url = word[len(BASE):]
    return method, url, body


COMMANDS = [_request(words) for words in _commands()]
# The README shows this one to explain the error format.
ERROR_EXAMPLES = {"/entropy?p=0.5,-0.1,0.6"}


def test_readme_has_examples():
    assert len(COMMANDS) > 20


@pytest.mark.parametrize("method,url,body", COMMANDS, ids=[c[1][:60] for c in COMMANDS])
def test_readme_example_answers(client, method, url, body):
    if method == "POST":
        response = client.post(url, json=body)
    else:
        response = client.get(url)
    expected = 400 if url in ERROR_EXAMPLES else 200
    assert response.status_code == expected, response.get_data(as_text=True)[:300]


def test_readme_quick_start_matches_ci():
    readme = README.read_text(encoding="utf-8")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"python3 -m venv \.venv && \.venv/bin/pip install '\.\[test\]'"
                             r" && \.venv/bin/python -m pytest -q", readme)
    assert test_command is not None
    assert test_command.group(0) in ci
