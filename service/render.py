"""Render a response document as JSON, SVG, Markdown or a standalone HTML page."""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from concepts.text import md_escape

from .encoding import dumps

# Markdown steps are cut here; the JSON keeps every step.
MARKDOWN_STEP_LIMIT = 40

# Raw HTML in Markdown is switched off, so nothing in an explanation can
# become markup in the page even if an escape were missed upstream.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")

_WORDS = {
    "en": {"steps": "Steps", "more": "more steps are in the JSON response",
           "formats": "Other formats", "picture": "Picture"},
    "zh": {"steps": "步骤", "more": "步在 JSON 响应中", "formats": "其他格式",
           "picture": "图"},
}


def as_json(document: dict, outcome) -> str:
    return dumps(document)


def as_svg(document: dict, outcome) -> str:
    return document["svg"]


def as_markdown(document: dict, outcome) -> str:
    words = _WORDS[document["lang"]]
    # The summary is plain text that may quote caller input, so it is escaped.
    lines = [f"# {document['title']}", "", md_escape(document["summary"]), ""]
    # Links are left out when the input is too long for a URL; then there is
    # no picture URL either, and the SVG is only in the other formats.
    if document["links"]:
        lines += [f"![{document['title']}]({document['links']['svg']})", ""]
    lines += [document["explanation"], "", f"## {words['steps']}", ""]
    steps = document["steps"]
    for number, step in enumerate(steps[:MARKDOWN_STEP_LIMIT], start=1):
        lines.append(f"{number}. {_markdown_line(step['text'])}")
    if len(steps) > MARKDOWN_STEP_LIMIT:
        lines.append("")
        lines.append(f"… {len(steps) - MARKDOWN_STEP_LIMIT} {words['more']}.")

    return "\n".join(lines) + "\n"


def _markdown_line(text: str) -> str:
    # Step text is plain text that may quote caller input: escape it.
    return md_escape(text)


def as_html(document: dict, outcome) -> str:
    words = _WORDS[document["lang"]]
    steps = "".join(f"<li>{html.escape(step['text'])}</li>"
                    for step in document["steps"][:200])
    more = len(document["steps"]) - 200
    if more > 0:
        steps += f"<li>… {more} {html.escape(words['more'])}</li>"
    links = " · ".join(
        f'<a href="{html.escape(url)}">{name}</a>'
        for name, url in document["links"].items()) or "–"
    return PAGE.format(
        lang="zh-CN" if document["lang"] == "zh" else "en",
        title=html.escape(document["title"]),
        summary=html.escape(document["summary"]),
        svg=document["svg"],
        explanation=_MARKDOWN.render(document["explanation"]),
        steps_title=words["steps"],
        steps=steps,
        formats=words["formats"],
        links=links,
    )


PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root {{ color-scheme: light dark; }}
body {{ font-family: system-ui, sans-serif; max-width: 56rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.55; background: #fff; color: #1f2328; }}
a {{ color: #0969da; }}
figure {{ margin: 1.5rem 0; overflow-x: auto; }}
.summary {{ font-size: 1.1rem; }}
@media (prefers-color-scheme: dark) {{
  body {{ background: #16181d; color: #e6edf3; }} a {{ color: #58a6ff; }} }}
</style></head>
<body>
<h1>{title}</h1>
<p class="summary">{summary}</p>
<figure>{svg}</figure>
{explanation}
<h2>{steps_title}</h2>
<ol>{steps}</ol>
<p>{formats}: {links}</p>
</body></html>
"""

FORMATTERS = {"json": as_json, "svg": as_svg, "md": as_markdown, "html": as_html}
