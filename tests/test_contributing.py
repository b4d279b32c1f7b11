"""The contributor's path: guide, examples, forms, templates, pre-commit hook and the site's links to them."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from jobcentertjek.cli import build_parser, main
from jobcentertjek.entries.model import OVERDUE_LABEL, STATUS_LABELS
from jobcentertjek.entries.validate import check_paths

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "CONTRIBUTING.md").read_text("utf-8")
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (Material's emoji settings); they do not matter here."""


_MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
REPO_URL = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), _MkDocsLoader)["extra"]["jobcentertjek"]["repo_url"]
EXAMPLE = re.compile(r"^Fil: `(?P<path>cases/[^`]+)`\n\n```yaml\n(?P<text>.*?)^```", re.M | re.S)
FIELD_TYPES = {"input", "textarea", "dropdown", "checkboxes"}


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", GUIDE, re.M | re.S)


def examples() -> dict[str, str]:
    return {m.group("path"): m.group("text") for m in EXAMPLE.finditer(GUIDE)}


def write_examples(root: Path) -> Path:
    for name, text in examples().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "cases"


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self.links.append((self._href, ""))

    def handle_data(self, data):
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def links(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    return [(href, text.strip()) for href, text in parser.links]


def form(name: str) -> dict:
    return yaml.safe_load((FORMS / name).read_text("utf-8"))


def field_ids(name: str) -> set[str]:
    return {item["id"] for item in form(name)["body"] if item["type"] != "markdown"}


# --- CONTRIBUTING.md -----------------------------------------------------------------------


def test_guide_has_a_complete_example_of_each_type():
    types = {yaml.safe_load(text)["type"] for text in examples().values()}
    assert types == {"report", "response", "plan", "update"}
    assert all(text.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json\n")
               for text in examples().values())


def test_guide_examples_pass_the_check_together(tmp_path):
    entries, problems = check_paths([write_examples(tmp_path)])
    assert problems == []
    assert len(entries) == 4


def test_guide_shows_the_error_line_the_check_really_prints(tmp_path, monkeypatch, capsys):
    shown = [line for block in code_blocks("text") for line in block.splitlines() if "ukendt emne" in line]
    assert len(shown) == 1
    path = shown[0].split(":")[0]
    write_examples(tmp_path)
    case = tmp_path / path
    case.write_text(case.read_text("utf-8").replace("sagsbehandling]", "sagsbehandlig]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", path]) == 1
    assert capsys.readouterr().out.splitlines() == shown


def test_guide_commands_match_the_cli():
    commands = [line for block in code_blocks("sh") for line in block.splitlines() if line.startswith("jobcentertjek ")]
    assert {shlex.split(c)[1] for c in commands} >= {"check", "new"}
    assert {shlex.split(c)[2] for c in commands if shlex.split(c)[1] == "new"} == {"report", "response", "plan", "update"}
    for command in commands:
        build_parser().parse_args(shlex.split(command)[1:])  # exits (fails the test) on unknown options


def test_guide_make_targets_exist():
    targets = {line.split()[1] for block in code_blocks("sh") for line in block.splitlines() if line.startswith("make ")}
    assert {"check", "test", "build"} <= targets
    for target in targets:
        assert subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True).returncode == 0, target


def test_guide_explains_statuses_sources_and_people():
    for key, label in STATUS_LABELS.items():
        assert re.search(rf"^\| {re.escape(label)} \| `{key}` \| \S", GUIDE, re.M), key
    assert f"**{OVERDUE_LABEL}** skriver du aldrig selv" in GUIDE
    for rule in ("web.archive.org", "archive_url", "CPR-numre", "private e-mailadresser", "offentlige rolle",
                 "# yaml-language-server: $schema=../../schema/entry.schema.json", "make check",
                 "jobcentertjek check cases", "corrections"):
        assert rule in GUIDE, rule


def test_guide_links_resolve():
    anchors = {github_anchor(h) for h in re.findall(r"^#+ (.+)$", GUIDE, re.M)}
    for target in re.findall(r"\]\(([^)\s]+)\)", GUIDE):
        if target.startswith("#"):
            assert target[1:] in anchors, target
        elif target.startswith(REPO_URL + "/issues/new?template="):
            assert (FORMS / parse_qs(urlsplit(target).query)["template"][0]).is_file(), target
        elif not target.startswith("https://"):
            assert (REPO / target).exists(), target


# --- issue forms, pull request template, site page -------------------------------------------


@pytest.mark.parametrize("name", ["ny-sag.yml", "rettelse.yml"])
def test_issue_forms_follow_githubs_schema(name):
    data = form(name)
    assert data["name"] and data["description"] and data["body"]
    assert set(data) <= {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
    ids, labels = [], []
    for item in data["body"]:
        assert item["type"] in FIELD_TYPES | {"markdown"}
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"])
        ids.append(item["id"])
        labels.append(item["attributes"]["label"])
        if item["type"] in ("dropdown", "checkboxes"):
            assert item["attributes"]["options"]
    assert len(ids) == len(set(ids)) and len(labels) == len(set(labels))


def test_new_case_form_asks_for_facts_and_sources():
    required = {item["id"] for item in form("ny-sag.yml")["body"]
                if item.get("validations", {}).get("required")}
    assert {"type", "kommune", "date", "summary", "sources"} <= required


def test_issue_chooser_links_the_guide():
    config = yaml.safe_load((FORMS / "config.yml").read_text("utf-8"))
    assert f"{REPO_URL}/blob/main/CONTRIBUTING.md" in {link["url"] for link in config["contact_links"]}


def test_pull_request_template_is_a_short_checklist():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text("utf-8")
    items = re.findall(r"^- \[ \] ", text, re.M)
    assert 4 <= len(items) <= 10
    assert "make check" in text and f"{REPO_URL}/blob/main/CONTRIBUTING.md" in text


def test_bidrag_page_links_the_guide_and_the_forms(built_site):
    targets = [href for href, _ in links((built_site / "bidrag" / "index.html").read_text("utf-8"))]
    assert f"{REPO_URL}/blob/main/CONTRIBUTING.md" in targets
    assert f"{REPO_URL}/blob/main/CONTRIBUTING.md#ny-sag-med-formularen" in targets
    assert "ny-sag-med-formularen" in {github_anchor(h) for h in re.findall(r"^#+ (.+)$", GUIDE, re.M)}
    forms = {parse_qs(urlsplit(t).query)["template"][0] for t in targets if t.startswith(f"{REPO_URL}/issues/new?")}
    assert forms == {"ny-sag.yml", "rettelse.yml"}
    assert all((FORMS / name).is_file() for name in forms)


# --- the built site ---------------------------------------------------------------------------


def test_report_an_error_link_prefills_the_rettelse_form(built_site):
    entry_id = "2018-04-10-taskforce-foertidspension-fleksjob"
    html = (built_site / "sager" / entry_id / "index.html").read_text("utf-8")
    [href] = [href for href, text in links(html) if text == "Meld en fejl"]
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(url.query)
    assert query.pop("template") == ["rettelse.yml"]
    assert query == {"entry": [entry_id]}
    assert set(query) <= field_ids("rettelse.yml")  # GitHub prefills a field by its id


def _form_link(html: str, text: str) -> dict[str, list[str]]:
    [href] = [href for href, shown in links(html) if shown == text]
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(url.query)
    assert query.pop("template") == ["ny-sag.yml"]
    assert set(query) <= field_ids("ny-sag.yml")  # GitHub prefills a field by its id
    return query


def _options(field_id: str) -> list[str]:
    [item] = [i for i in form("ny-sag.yml")["body"] if i.get("id") == field_id]
    return item["attributes"]["options"]


@pytest.mark.parametrize("slug, text, kommune", [("koebenhavn", "Tilføj en sag om København", "København"),
                                                 ("aeroe", "Tilføj en sag om Ærø", "Ærø"),
                                                 ("hele-landet", "Tilføj en sag om hele landet", "Hele landet")])
def test_kommune_page_links_the_new_case_form_with_the_kommune(built_site, slug, text, kommune):
    html = (built_site / "kommuner" / slug / "index.html").read_text("utf-8")
    assert _form_link(html, text) == {"kommune": [kommune]}
    assert kommune in _options("kommune")


def test_plan_page_links_a_follow_up_that_from_issue_accepts(built_site, tmp_path, monkeypatch):
    """The prefilled fields, with the rest filled in by a contributor, make a valid update."""
    from jobcentertjek.contribute.fromissue import from_issue
    from jobcentertjek.contribute.issueform import read_form, render_body

    plan_id = "2018-04-16-udvalget-beder-om-handleplan"
    query = _form_link((built_site / "sager" / plan_id / "index.html").read_text("utf-8"), "Tilføj en opfølgning")
    assert query == {"type": ["Opfølgning"], "kommune": ["København"], "plan": [plan_id]}
    assert "Opfølgning" in _options("type")
    report = (built_site / "sager" / "2018-04-10-taskforce-foertidspension-fleksjob" / "index.html").read_text("utf-8")
    assert "Tilføj en opfølgning" not in [shown for _, shown in links(report)]

    fields = read_form(FORMS / "ny-sag.yml")
    answers = {key: value[0] for key, value in query.items()} | {
        "headline": "Forslaget til handleplan er klar", "date": "juni 2018", "tags": ["handleplan"],
        "summary": "Forvaltningen lagde forslaget frem.", "followed-promises": "handleplan", "status": "Holdt",
        "sources": "https://www.kk.dk/x | Forslag til handleplan | Københavns Kommune | juni 2018",
        "confirm": list(fields[-1].options)}
    event = {"issue": {"number": 1, "labels": [{"name": "ny sag"}], "body": render_body(fields, answers)}}
    shutil.copytree(REPO / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    result = from_issue(event, fields, Path("cases"))
    assert result.path is not None, result.reply
    update = yaml.safe_load(result.path.read_text("utf-8"))
    assert (update["type"], update["kommune"], update["plan"]) == ("update", "koebenhavn", plan_id)
    assert update["changes"] == [{"promise": "handleplan", "status": "kept"}]


@pytest.mark.parametrize("page", ["index.html", "sager/2018-04-10-taskforce-foertidspension-fleksjob/index.html"])
def test_footer_links_bidrag_and_rettelser(built_site, page):
    html = (built_site / page).read_text("utf-8")
    footer = re.search(r'<div class="md-copyright jct-footer">(.*?)</div>', html, re.S)
    assert footer
    found = {text: href for href, text in links(footer.group(1))}
    for text, target in (("Bidrag", "bidrag/index.html"), ("Rettelser", "rettelser/index.html")):
        path = urlsplit(urljoin(f"http://site/{page}", found[text])).path.lstrip("/")
        assert (path + "index.html" if path.endswith("/") else path) == target
        assert (built_site / target).is_file()


# --- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hook_checks_case_files():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["language"] in ("system", "python")
    files = re.compile(hook["files"])
    assert files.search("cases/koebenhavn/2018-04-10-taskforce-foertidspension-fleksjob.yaml")
    assert files.search("cases/aarhus/2019-x.yml")
    assert not files.search("docs/metode.md") and not files.search("mkdocs.yml")
    dry_run = subprocess.run([*shlex.split(hook["entry"]), "-n"], cwd=REPO, capture_output=True, text=True)
    assert dry_run.returncode == 0
    assert "jobcentertjek check cases" in dry_run.stdout
