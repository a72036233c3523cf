"""HTML pages: the gallery at / and the API docs at /docs (no CDN needed)."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from concepts.base import Concept
from concepts.text import pick

_STYLE = """
:root { color-scheme: light dark; }
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.5; background: #fff; color: #1f2328; }
a { color: #0969da; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
  gap: 1.5rem; }
.card { border: 1px solid #d8dee4; border-radius: 8px; padding: 1rem; }
.card img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
td, th { border: 1px solid #d8dee4; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
code { background: rgba(127,127,127,.15); padding: 0 .2rem; border-radius: 3px; }
@media (prefers-color-scheme: dark) {
  body { background: #16181d; color: #e6edf3; } a { color: #58a6ff; }
  .card, td, th { border-color: #30363d; } }
"""


def example_query(concept: Concept) -> str:
    return urlencode(concept.example, safe=",;:")


def gallery(concepts: dict[str, Concept], lang: str, summaries: dict[str, str]) -> str:
    """Return the gallery page: each concept's default example, drawn with <img>."""
    cards = []
    for concept in concepts.values():
        query = example_query(concept)
        url = f"/{concept.name}?{query}"
        title = html.escape(pick(concept.title, lang))
        cards.append(
            f'<div class="card"><h2><a href="/{concept.name}.html?{html.escape(query)}">'
            f"{title}</a></h2>"
            f'<img src="/{concept.name}.svg?{html.escape(query)}&amp;theme=auto" '
            f'alt="{title}">'
            f"<p>{html.escape(summaries.get(concept.name, ''))}</p>"
            f'<p><code>GET {html.escape(url)}</code> · '
            f'<a href="{html.escape(url)}">JSON</a> · '
            f'<a href="/{concept.name}.md?{html.escape(query)}">Markdown</a></p></div>')

    heading = "直观解释 API" if lang == "zh" else "Intuitive explanations API"
    intro = (
        "发送一个概念和你自己的数字，得到计算结果、步骤、解释和一幅 SVG 图。"
        if lang == "zh" else
        "Send a concept and your own numbers; get the result, the steps, an "
        "explanation and an SVG picture.")
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{heading}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{heading}</h1><p>{intro} <a href=\"/docs\">API docs</a> · "
            f'<a href="/openapi.yaml">openapi.yaml</a> · <a href="/concepts">/concepts</a>'
            f'</p><div class="cards">{"".join(cards)}</div></body></html>')


_PROBLEMS = [
    ("invalid-input", 400, "A parameter is missing, unknown or has a value that is "
     "not accepted. `errors` names each parameter."),
    ("too-large", 413, "The input is over a size limit (list length, graph size, "
     "body size). `/concepts` lists each concept's limits."),
    ("not-acceptable", 406, "The Accept header asks only for formats this endpoint "
     "does not serve."),
    ("not-found", 404, "No route with that path."),
    ("method-not-allowed", 405, "The path exists but not for that method."),
    ("internal-error", 500, "A bug on our side; it is logged."),
]


def docs(spec: dict) -> str:
    """Return human-readable API docs rendered from the OpenAPI document."""
    sections = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            rows = "".join(
                f"<tr><td><code>{html.escape(p['name'])}</code></td>"
                f"<td>{'yes' if p.get('required') else ''}</td>"
                f"<td>{html.escape(_type_text(p['schema']))}</td>"
                f"<td>{html.escape(p.get('description', ''))}</td>"
                f"<td><code>{html.escape(str(p.get('example', '')))}</code></td></tr>"
                for p in operation.get("parameters", []))
            table = ("<table><tr><th>parameter</th><th>required</th><th>type</th>"
                     f"<th>description</th><th>example</th></tr>{rows}</table>"
                     if rows else "")
            sections.append(
                f'<h2 id="{html.escape(operation["operationId"])}">'
                f"{method.upper()} {html.escape(path)}</h2>"
                f"<p><code>operationId: {html.escape(operation['operationId'])}</code></p>"
                f"<p>{html.escape(operation.get('description', ''))}</p>{table}")

    problems = "".join(
        f'<h3 id="problem-{slug}">{status} {slug}</h3><p>{html.escape(text)}</p>'
        for slug, status, text in _PROBLEMS)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>API docs</title><style>{_STYLE}</style></head><body>"
            f"<h1>{html.escape(spec['info']['title'])} {html.escape(spec['info']['version'])}</h1>"
            f"<p>{html.escape(spec['info']['description'])}</p>"
            f'<p>Machine-readable: <a href="/openapi.yaml">openapi.yaml</a>, '
            f'<a href="/openapi.json">openapi.json</a>.</p>'
            f'{"".join(sections)}<h2>Errors (application/problem+json)</h2>{problems}'
            "</body></html>")


def _type_text(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    return schema.get("type", "")
