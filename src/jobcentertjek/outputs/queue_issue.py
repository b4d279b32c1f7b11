"""``jobcentertjek efterproevning``: the promises due a check, most urgent first, as the Markdown body of
the issue "Løfter, der skal efterprøves" that a monthly workflow keeps up to date
(.github/workflows/efterproevning.yml, scripts/hold-issue.sh).

Exit 0 when no promise is due (the workflow closes the issue), 1 when some are (it opens or updates
it), 2 when the entries do not pass the check (it leaves the issue alone).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..entries.corpus import Corpus
from ..entries.dates import PartialDate
from ..entries.grammar import count
from ..entries.problems import ValidationFailed
from ..entries.reference import kommuner
from ..entries.render import shortened
from ..site.forms import Forms
from ..site.urls import QUEUE_URL, absolute_url, entry_url, promise_anchor

SHOWN = 100  # an issue body holds at most 65,536 characters; the site's list has the rest
_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _plain(text: str, width: int = 160) -> str:
    """An entry's Markdown as one line of plain text that GitHub shows as written, never as markup."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", shortened(text, width))


def issue_body(corpus: Corpus, repo_url: str, site_url: str) -> str:
    env = Environment(loader=PackageLoader("jobcentertjek", "templates"), autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(plain=_plain, danish_date=PartialDate.danish, count=count)
    due = corpus.due_for_check
    forms = Forms(repo_url.rstrip("/"))
    rows = [dict(p=p, kommune=kommuner()[p.plan.entry.kommune].name, found=forms.found_outcome(p),
                 nothing=forms.found_nothing(p),
                 link=absolute_url(site_url, entry_url(p.plan.id) + "#" + promise_anchor(p))) for p in due[:SHOWN]]
    return env.get_template("queue_issue.md.j2").render(rows=rows, total=len(due),
                                                        queue_link=absolute_url(site_url, QUEUE_URL))


def _settings(config_file: Path) -> tuple[str, str]:
    """The repository and site addresses from mkdocs.yml, read as data (its !!python tags are not run)."""
    class _Loader(yaml.SafeLoader):
        pass
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text("utf-8"), Loader=_Loader)
    return config["extra"]["jobcentertjek"]["repo_url"], config.get("site_url") or ""


def _command(args) -> int:
    try:
        corpus = Corpus.load(Path(args.cases))
    except ValidationFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        print("Sagerne har fejl; listen er ikke lavet. Kør: jobcentertjek check", file=sys.stderr)
        return 2
    repo_url, site_url = _settings(Path(args.config_file))
    due = corpus.due_for_check
    if args.markdown:
        Path(args.markdown).write_text(issue_body(corpus, repo_url, site_url), encoding="utf-8")
    for p in due:
        print(f"{p.plan.path}: {kommuner()[p.plan.entry.kommune].name}: {_plain(p.promise.text, 90)} "
              f"(seneste oplysning {p.last_looked.danish()})")
    print(f"{count(len(due), 'løfte', 'løfter')} skal efterprøves.", file=sys.stderr)
    return 1 if due else 0


def add_queue_command(commands) -> None:
    """``jobcentertjek efterproevning``: list the promises due a check (for the monthly issue)."""
    queue = commands.add_parser(
        "efterproevning", help="vis løfterne, der skal efterprøves (ingen har set efter i over et år)",
        description="Vis løfterne uden endelig status, som ingen har efterprøvet i over et år, de mest presserende "
                    "først. Afslutter med 1, når der er nogen, og 0, når der ingen er.")
    queue.add_argument("--cases", default="cases", metavar="MAPPE", help="mappen med sagerne (standard: cases)")
    queue.add_argument("--config-file", default="mkdocs.yml", metavar="FIL",
                       help="MkDocs' indstillinger, med projektets adresse (standard: mkdocs.yml)")
    queue.add_argument("--markdown", metavar="FIL", help="skriv listen som Markdown til et GitHub-issue i FIL")
    queue.set_defaults(run=_command)
