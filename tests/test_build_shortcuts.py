"""The build's shortcuts must not change the site: they only skip work whose result is known.

The MkDocs adapter hands generated pages to Material without a Markdown pass (they are
HTML already) and trims the indentation of Material's templates. Both rely on facts
that a change to the templates could break; these tests check the facts.
"""

from __future__ import annotations

import importlib.util
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import REPO
from mkdocs.utils.meta import get_data

from jobcentertjek.bench.synthetic import generate_cases
from jobcentertjek.publish.outputs import generate_outputs

CONFIG = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))


def adapter():
    spec = importlib.util.spec_from_file_location("adapter", REPO / "src/jobcentertjek/publish/mkdocs_adapter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def markdown_converter() -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up from mkdocs.yml's markdown_extensions."""
    names, configs = [], {}
    for item in CONFIG["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


@pytest.fixture(scope="module", params=["real", "synthetic"])
def pages(request, tmp_path_factory) -> dict[str, str]:
    cases = REPO / "cases"
    if request.param == "synthetic":
        cases = generate_cases(tmp_path_factory.mktemp("synthetic") / "cases", 300)
    outputs = generate_outputs(cases, "https://github.com/example/jobcentertjek", "https://example.org/")
    return {uri: text for uri, text in outputs.items() if uri.endswith(".md")}


def test_markdown_gives_every_generated_page_back_unchanged(pages):
    converter = markdown_converter()
    for uri, source in pages.items():
        body, _ = get_data(source)
        assert converter.reset().convert(body) == body.strip(), f"{uri}: Markdown would change this page"


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts.append(f"<{tag} {sorted(attrs)}>")


def text_and_tags(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def test_trimming_keeps_text_tags_and_preformatted_blocks():
    page = ('<div>\n    <a href="x">Et</a>\n    <a href="y">to</a>\n  </div>\n'
            '<p>En <code>kode</code>\n      og <em>mere</em></p>\n'
            '<span class="md-ellipsis">\n    \n  \n    Forside\n  \n\n  </span>\n')
    trimmed = adapter().on_post_page(page, page=None, config=None)
    assert len(trimmed) < len(page)
    assert text_and_tags(trimmed) == text_and_tags(page)  # words stay apart, nothing is lost
    with_pre = page + "<pre><code>\n    indented\n</code></pre>"
    assert adapter().on_post_page(with_pre, page=None, config=None) == with_pre


def test_built_entry_pages_carry_no_template_indentation_or_blank_lines(built_site):
    for page in (built_site / "sager").glob("*/index.html"):
        assert not re.search(r"\n[ \t]|[ \t]\n|\n\n", page.read_text("utf-8")), page
