"""The pages of the site, as Markdown files with front matter and an HTML body.

Builder-agnostic: this module knows nothing about MkDocs. It returns page sources
(``uri -> text``) that any Markdown-based static site generator can render; the HTML
lives in the Jinja templates next to this module.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass, field

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..entries.corpus import Corpus, TrackedPromise
from ..entries.dates import PartialDate, elapsed, lateness
from ..entries.grammar import count, number, plural
from ..entries.method import UNCHECKED_AFTER_DAYS
from ..entries.model import (
    OVERDUE_LABEL,
    REPORT_KIND_PHRASES,
    REPORT_KINDS,
    STATE_LABELS,
    STATUS_LABELS,
    TIMELINESS_LABELS,
    TYPE_LABELS,
    UNCHECKED_LABEL,
)
from ..entries.reference import danish_slug, kommuner, regions, tags
from ..entries.render import markdown_to_html, markdown_to_text
from ..entries.snapshots import snapshot_date
from . import ordliste, sammenligning, tidslinje
from .about import About
from .forms import Forms
from .help import citizen_advisers
from .hyphenation import hyphenate, without_soft_hyphens
from .kort import locator, map_context
from .mailto import MailRoutes
from .urls import (
    ABOUT_URL,
    CONTRIBUTE_URL,
    FILTERS,
    FOLLOW_URL,
    HELP_URL,
    HOME_MAP_URL,
    PROMISE_FEED_URL,
    PROMISE_FOLLOW_URL,
    QUEUE_URL,
    REPEATED,
    REPEATED_LABEL,
    REPEATS_URL,
    SITE_FEED_URL,
    absolute_url,
    calendar_url,
    comparison_url,
    entry_url,
    filter_label,
    kommune_feed_url,
    kommune_follow_url,
    kommune_url,
    page_url,
    promise_anchor,
    relative,
    status_url,
    tag_url,
)
from .windows import history_window, thread_window
from .years import split_by_year

LATEST_ON_HOME = 10
_FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: same text, 6x faster
# A kommune page shows its newest years with summaries until this many entries are shown,
# older years with title, type and date only: with years of history the page stays small.
FULL_CARDS_ON_KOMMUNE = 20
# A long list keeps its newest whole years until it holds this many items; each older year
# gets a page of its own (see years.py), so no page grows with the whole record.
KOMMUNE_PAGE_ENTRIES = 40
TAG_PAGE_ENTRIES = 100
PROMISE_PAGE_ROWS = 150
PROMISE_HEADING_LENGTH = 120  # a promise up to this many characters long is its own heading
REPEATS_ON_PLAN = 3  # the newest reports linked at a promise that was criticised again
REPEAT_PAGE_ROWS = 100  # the national list of repeated criticism keeps its newest years until this many
QUEUE_ROWS = 150  # the national queue shows the most urgent; each kommune page shows all of its own
DESCRIPTION_LENGTH = 160  # a page's meta description, shortened at a word: what a search result or a shared link shows


@dataclass(frozen=True)
class SiteSettings:
    repo_url: str  # e.g. https://github.com/owner/repo, for "edit" and "report an error" links
    branch: str = "main"
    cases_dir: str = "cases"
    site_url: str = ""  # the published address, for the addresses readers copy (feeds, calendars, mail)
    about: About = About()  # who runs the site and how to reach them (site.about)


@dataclass
class Page:
    uri: str  # source path, e.g. "sager/2018-04-10-x.md"
    title: str
    template: str
    context: dict = field(default_factory=dict)
    description: str | None = None
    meta: dict = field(default_factory=dict)  # extra front matter, e.g. the page's own feed
    terms: bool = False  # the first use of each glossary word in the text links to the glossary

    @property
    def url(self) -> str:
        return page_url(self.uri)


def has_deadlines(promises: list[TrackedPromise]) -> bool:
    """Whether a deadline calendar exists for these promises (an empty one would be invalid)."""
    return any(p.promise.deadline for p in promises)


def describe(markdown: str) -> str:
    """A page's meta description from Markdown: one line of plain text, shortened at a word."""
    text = textwrap.shorten(markdown_to_text(markdown), width=DESCRIPTION_LENGTH, placeholder=" …")
    return text[:-2].rstrip(",;:–- ") + " …" if text.endswith(" …") else text


def _danish_date(value: PartialDate, short: bool = False) -> str:
    return value.danish("MMM" if short else "MMMM")


def _person(actor) -> str:
    """"Name, role (party)", as far as they are known."""
    return actor.name + (f", {actor.role}" if actor.role else "") + (f" ({actor.party})" if actor.party else "")


def _heading(text: str) -> str:
    """A sentence used as a heading: without its final full stop (an ellipsis stays)."""
    text = text.strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _number(value: float | int) -> str:
    """Danish number formatting: 1.667 and 0,5."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}".replace(",", "X").replace(".", ",").replace("X", ".")
    return number(int(value))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("jobcentertjek", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(md=markdown_to_html, danish_date=_danish_date, number=_number, person=_person, url=relative,
                       slug=danish_slug, count=count, plural=plural, heading=_heading, hyphenate=hyphenate,
                       elapsed_since=lambda later, earlier: elapsed(earlier, later),
                       lateness_of=lambda deadline, done: lateness(deadline, done).danish())
    env.filters["archived_on"] = snapshot_date  # the day of a Wayback Machine copy, from its address
    env.globals.update(
        entry_url=entry_url, kommune_url=kommune_url, tag_url=tag_url, status_url=status_url,
        STATUS_LABELS=STATUS_LABELS, STATE_LABELS=STATE_LABELS, TYPE_LABELS=TYPE_LABELS, REPORT_KINDS=REPORT_KINDS,
        REPORT_KIND_PHRASES=REPORT_KIND_PHRASES,
        OVERDUE_LABEL=OVERDUE_LABEL, UNCHECKED_LABEL=UNCHECKED_LABEL, QUEUE_URL=QUEUE_URL,
        UNCHECKED_AFTER_DAYS=UNCHECKED_AFTER_DAYS, PROMISE_HEADING_LENGTH=PROMISE_HEADING_LENGTH, kommuner=kommuner(), tags=tags(),
        promise_anchor=promise_anchor, history_window=history_window,
        SITE_FEED_URL=SITE_FEED_URL, PROMISE_FEED_URL=PROMISE_FEED_URL, calendar_url=calendar_url,
        has_deadlines=has_deadlines, filter_label=filter_label, REPEATED_LABEL=REPEATED_LABEL, REPEATS_URL=REPEATS_URL,
        REPEATS_ON_PLAN=REPEATS_ON_PLAN, FILTERS=FILTERS, comparison_url=comparison_url, HOME_MAP_URL=HOME_MAP_URL,
        FOLLOW_URL=FOLLOW_URL, PROMISE_FOLLOW_URL=PROMISE_FOLLOW_URL, kommune_follow_url=kommune_follow_url,
        ABOUT_URL=ABOUT_URL, HELP_URL=HELP_URL, CONTRIBUTE_URL=CONTRIBUTE_URL, citizen_advisers=citizen_advisers(),
    )
    return env


def search_documents(pages: dict[str, str], hand_written: bool = False) -> dict[str, str]:
    """Each page's content (HTML, by path) as the document search indexes (``search_page.html``),
    without the soft hyphens of its headings: a result's title and excerpt are copied and pasted."""
    template = _environment().get_template("search_page.html")
    return {path: template.render(content=Markup(without_soft_hyphens(html)), hand_written=hand_written)
            for path, html in pages.items()}


class SiteGenerator:
    """Turns a corpus into page sources."""

    def __init__(self, corpus: Corpus, settings: SiteSettings):
        self.corpus = corpus
        self.settings = settings
        self.env = _environment()
        forms = Forms(settings.repo_url, settings.branch, settings.cases_dir)
        self.env.globals.update(corpus=corpus, settings=settings, forms=forms, edit_url=forms.edit,
                                report_error_url=forms.report_error, new_case_url=forms.new_case,
                                about=settings.about, mail=MailRoutes(settings.about), address=self.address)

    def address(self, path: str) -> str:
        """A page's published address (absolute with a site_url), for a reader to copy or to mail."""
        return absolute_url(self.settings.site_url, path)

    def pages(self) -> list[Page]:
        return [self._home(), self._kommune_index(), *self._comparison_pages(), *self._kommune_pages(),
                *self._entry_pages(), *self._promise_pages(), *self._repeat_pages(), self._tag_index(),
                *self._tag_pages(), self._corrections(), self._glossary()]

    def render(self, page: Page) -> str:
        """The page source: YAML front matter, then the HTML body from its template."""
        # The pages are HTML, so MkDocs finds no headings for a table of contents: no empty sidebar.
        meta = {"title": page.title, "hide": ["toc"], **page.meta}
        if page.description:  # escaped: Material writes it into an attribute as it is
            meta["description"] = str(escape(page.description))
        body = self.env.get_template(page.template).render(page=page, page_url=page.url, **page.context)
        if page.terms:
            body = ordliste.link_terms(body, page.url)
        front_matter = yaml.dump(meta, Dumper=_FRONT_MATTER_DUMPER, allow_unicode=True, sort_keys=True)
        return "---\n" + front_matter + "---\n\n" + body

    def sources(self) -> dict[str, str]:
        """Every page's source, and the home page's map (``HOME_MAP_URL``)."""
        home_map = self.env.get_template("home_map.html").render(page_url=page_url("index.md"),
                                                                 kort=map_context(self.corpus))
        return {**{page.uri: self.render(page) for page in self.pages()}, HOME_MAP_URL: home_map}

    # --- the pages ------------------------------------------------------------------------

    def _home(self) -> Page:
        corpus = self.corpus
        promises = corpus.promises
        return Page("index.md", "Jobcentertjek", "home.html",
                    description="Et offentligt arkiv over kritik af jobcentrene, kommunernes svar og deres løfter.",
                    context=dict(latest=corpus.entries[:LATEST_ON_HOME], type_counts=corpus.type_counts(),
                                 promises=promises, state_counts=corpus.state_counts(promises),
                                 overdue=[p for p in promises if p.is_overdue], due=corpus.due_for_check,
                                 responses_with_promises=len({p.plan.id for p in promises if p.plan.entry.type == "response"}),
                                 kommuner_with_entries=sum(1 for k in corpus.by_kommune if k != "hele-landet")))

    def _kommune_index(self) -> Page:
        by_region = {region: [k for k in kommuner().values() if k.region == region] for region in regions()}
        lines = sammenligning.lines(self.corpus)
        return Page("kommuner/index.md", "Kommuner", "kommuner.html",
                    description="Alle 98 kommuner på et kort og side om side: sager, løfter, løfter over fristen og "
                                "svartider for hvert jobcenter.",
                    context=dict(by_region=by_region, national=kommuner()["hele-landet"], kort=map_context(self.corpus),
                                 lines=lines, columns=sammenligning.TABLE_COLUMNS, coverage=sammenligning.coverage(lines)))

    def _comparison_pages(self) -> list[Page]:
        """The /kommuner/ table sorted by each column, for readers without JavaScript."""
        lines = sammenligning.lines(self.corpus)
        return [Page(comparison_url(column).rstrip("/") + ".md", f"Kommuner sorteret efter {column.label.lower()}",
                     "kommuner_sorteret.html",
                     description=f"De 98 kommuner side om side, sorteret efter {column.label.lower()}.",
                     context=dict(lines=sammenligning.sorted_lines(lines, column), columns=sammenligning.TABLE_COLUMNS,
                                  current=column, coverage=sammenligning.coverage(lines, column)))
                for column in sammenligning.TABLE_COLUMNS[1:]]

    def _kommune_pages(self) -> list[Page]:
        return [page for kommune in kommuner().values() for page in self._kommune(kommune)]

    def _kommune(self, kommune) -> list[Page]:
        """The kommune's page with its newest years, and a page for each older year."""
        entries = self.corpus.by_kommune.get(kommune.slug, [])
        promises = self.corpus.promises_of(kommune=kommune.slug)
        response_days = self.corpus.response_days(kommune.slug)
        split = split_by_year(entries, _entry_year, KOMMUNE_PAGE_ENTRIES)
        url = kommune_url(kommune.slug)
        archive = split.archive(url)

        def part(items: list, with_overdue: bool = False) -> dict:
            """The promises and response times that belong with these entries."""
            ids = {item.id for item in items}
            return dict(promises=[p for p in promises if p.plan.id in ids or (with_overdue and p.is_overdue)],
                        response_days=[row for row in response_days if row[0].id in ids])

        again = self.corpus.recurrences_by_promise
        repeated = [(p, again[p.key]) for p in promises if p.key in again]
        feed = kommune_feed_url(kommune.slug) if entries else None
        years = _by_year(split.recent)
        pages = [Page(
            f"kommuner/{kommune.slug}.md", kommune.name, "kommune.html",
            description=_kommune_description(kommune, entries, promises),
            meta={"feed": feed, "feed_title": f"Jobcentertjek: {kommune.name}"} if feed else {},
            context=dict(calendar=calendar_url(kommune.slug) if has_deadlines(promises) else None,
                         kommune=kommune, entries=entries, years=years, full_years=newest_years(years),
                         locator=locator(kommune),
                         threads=[(self.corpus.thread_name(t), tidslinje.build(thread_window(t, t[-1].id), self.corpus))
                                  for t in tidslinje.threads_of(self.corpus, split.recent)],
                         all_promises=promises, state_counts=self.corpus.state_counts(promises), repeated=repeated,
                         due=[p for p in self.corpus.due_for_check if p.plan.entry.kommune == kommune.slug],
                         archive=archive, first_older_year=split.first_older_year,
                         **part(split.recent, with_overdue=bool(split.older))))]
        for year, items in split.older.items():
            pages.append(Page(f"kommuner/{kommune.slug}/{year}.md", f"{kommune.name}: {year}", "kommune_year.html",
                              description=f"{kommune.name} i {year}: {count(len(items), 'sag', 'sager')} om "
                                          "jobcentret, med løfter og svartider fra det år.",
                              context=dict(kommune=kommune, year=year, entries=items, archive=archive, **part(items))))
        return pages

    def _entry_pages(self) -> list[Page]:
        return [self._entry_page(item) for item in self.corpus.entries]

    def _entry_page(self, item) -> Page:
        # The whole thread, a plan's own follow-ups included: they say whether the promise was kept.
        thread = self.corpus.threads[item.id]
        window = thread_window(thread, item.id)
        return Page(f"sager/{item.id}.md", item.entry.title, "entry.html", terms=True,
                    description=describe(item.entry.summary),
                    context=dict(item=item, thread=window, thread_length=len(thread),
                                 thread_name=self.corpus.thread_name(thread),
                                 timeline=tidslinje.build(window, self.corpus, current=item.id),
                                 promises=self.corpus.promises_of(plan_id=item.id)))

    def _promise_pages(self) -> list[Page]:
        promises = self.corpus.promises
        filters = [(state, label, [p for p in promises if p.state == state]) for state, label in STATE_LABELS.items()]
        filters += [(timeliness, label, [p for p in promises if p.timeliness == timeliness])
                    for timeliness, label in TIMELINESS_LABELS.items()]
        filters.append(("unchecked", UNCHECKED_LABEL, self.corpus.due_for_check))
        repeated = self.corpus.recurrences_by_promise
        filters.append((REPEATED, REPEATED_LABEL, [p for p in promises if p.key in repeated]))
        pages = self._promise_list("loefter/", "Løfter", promises, filters, current=None,
                                   description="Alle løfter fra kommunernes handleplaner, med status og frist.")
        for status, label, subset in filters:
            if status != "unchecked":
                pages += self._promise_list(status_url(status), f"Løfter: {label}", subset, filters, current=status,
                                            description=f"Løfter fra kommunernes handleplaner: »{label}«: "
                                                        f"{count(len(subset), 'løfte', 'løfter')}.")
        due = self.corpus.due_for_check
        pages.append(Page(QUEUE_URL + "index.md", "Løfter, der skal efterprøves", "queue.html",
                          description="Løfter uden endelig status, som ingen har efterprøvet i over et år: "
                                      "de mest presserende først.",
                          context=dict(due=due[:QUEUE_ROWS], total=len(due), filters=filters, current="unchecked")))
        return pages

    def _promise_list(self, url: str, title: str, promises: list[TrackedPromise], filters: list, current: str | None,
                      description: str | None = None) -> list[Page]:
        """One list of the tracker: the promises of the newest plans, and a page for each older year."""
        split = split_by_year(promises, _plan_year, PROMISE_PAGE_ROWS)
        archive = split.archive(url)
        common = dict(filters=filters, current=current, state_counts=self.corpus.state_counts(promises),
                      archive=archive, total=len(promises))
        pages = [Page(url + "index.md", title, "promises.html", description=description,
                      context=dict(promises=split.recent, year=None, first_older_year=split.first_older_year,
                                   **common))]
        pages += [Page(f"{url}{year}.md", f"{title}, {year}", "promises.html",
                       description=f"{title}: løfterne fra handleplaner i {year}, med status og frist.",
                       context=dict(promises=items, year=year, first_older_year=None, **common))
                  for year, items in split.older.items()]
        return pages

    def _repeat_pages(self) -> list[Page]:
        """Every report that criticises an earlier promise again, newest first and by kommune;
        older years on pages of their own."""
        recurrences = self.corpus.recurrences
        split = split_by_year(recurrences, lambda r: r.report.entry.date.year, REPEAT_PAGE_ROWS)
        archive = split.archive(REPEATS_URL)
        counts = Counter(r.kommune for r in recurrences)
        per_kommune = sorted(counts.items(), key=lambda row: (-row[1], kommuner()[row[0]].name))
        common = dict(archive=archive, total=len(recurrences), kommune_count=len(counts))
        pages = [Page(REPEATS_URL + "index.md", "Gentaget kritik", "repeats.html",
                      description="Kritik, der kom igen efter et løfte om at rette op på den.",
                      context=dict(groups=_by_kommune(split.recent), year=None, per_kommune=per_kommune,
                                   first_older_year=split.first_older_year, **common))]
        pages += [Page(f"{REPEATS_URL}{year}.md", f"Gentaget kritik, {year}", "repeats.html",
                       description=f"Kritik fra {year}, der kom igen efter et løfte om at rette op på den.",
                       context=dict(groups=_by_kommune(items), year=year, per_kommune=None, first_older_year=None,
                                    **common))
                  for year, items in split.older.items()]
        return pages

    def _tag_index(self) -> Page:
        return Page("emner/index.md", "Emner", "tags.html",
                    description="Sagerne efter emne: sygedagpenge, fleksjob, førtidspension, ressourceforløb "
                                "og flere.",
                    context=dict(by_tag=self.corpus.by_tag))

    def _tag_pages(self) -> list[Page]:
        pages = []
        for tag in tags().values():
            url = tag_url(tag.name)
            split = split_by_year(self.corpus.by_tag[tag.name], _entry_year, TAG_PAGE_ENTRIES)
            archive = split.archive(url)
            pages.append(Page(url.rstrip("/") + ".md", f"Emne: {tag.name}", "tag.html",
                              description=f"Emne: {tag.name}. {tag.description}",
                              context=dict(tag=tag, entries=split.recent, year=None, archive=archive,
                                           first_older_year=split.first_older_year)))
            pages += [Page(f"{url}{year}.md", f"Emne: {tag.name}, {year}", "tag.html",
                           description=f"Sager fra {year} om emnet {tag.name}.",
                           context=dict(tag=tag, entries=items, year=year, archive=archive, first_older_year=None))
                      for year, items in split.older.items()]
        return pages

    def _corrections(self) -> Page:
        rows = sorted(((c, item) for item in self.corpus.entries for c in item.entry.corrections),
                      key=lambda row: (row[0].date.sort_key(), row[1].id), reverse=True)
        return Page("rettelser.md", "Rettelser", "corrections.html", context=dict(rows=rows),
                    description="Hver rettelse af en sag på Jobcentertjek, med dato, nyeste først: vi retter fejl "
                                "åbent.")

    def _glossary(self) -> Page:
        return Page("ordliste.md", "Ordliste", "ordliste.html", context=dict(terms=ordliste.terms()),
                    description="Fagordene i sagerne forklaret: ressourceforløb, jobafklaring, fleksjob og flere.")


def _kommune_description(kommune, entries: list, promises: list[TrackedPromise]) -> str:
    if not entries:
        return f"Jobcentret i {kommune.name}: der er endnu ingen sager. Kender du en rapport, et brev eller et løfte?"
    years = sorted({item.entry.date.year for item in entries})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    place = "jobcentrene i hele landet" if kommune.is_national else f"jobcentret i {kommune.name}"
    return (f"{count(len(entries), 'sag', 'sager')} om {place} fra {span}: kritik, svar og "
            f"{count(len(promises), 'løfte', 'løfter')}, med status og frister.")

def _entry_year(item) -> int:
    return item.entry.date.year


def _plan_year(promise: TrackedPromise) -> int:
    return promise.plan.entry.date.year


def _by_kommune(recurrences: list) -> dict[str, list[list]]:
    """Recurrences by the kommune whose promise it is (kommuner in the order of their newest), and
    within each by report: a report that repeats several of a kommune's promises is shown once."""
    groups: dict[str, dict[str, list]] = {}
    for recurrence in recurrences:
        groups.setdefault(recurrence.kommune, {}).setdefault(recurrence.report.id, []).append(recurrence)
    return {slug: list(reports.values()) for slug, reports in groups.items()}


def _by_year(entries: list) -> dict[int, list]:
    years: dict[int, list] = {}
    for item in entries:
        years.setdefault(item.entry.date.year, []).append(item)
    return years


def newest_years(years: dict[int, list]) -> set[int]:
    """The newest whole years (at least one) that hold ``FULL_CARDS_ON_KOMMUNE`` entries; ``years`` is newest first."""
    chosen, shown = set(), 0
    for year, items in years.items():
        if shown >= FULL_CARDS_ON_KOMMUNE:
            break
        chosen.add(year)
        shown += len(items)
    return chosen
