"""Following, writing in and trusting the site without GitHub or knowing what RSS is (issue 27).

The real site (no contact set in mkdocs.yml yet) and a fixture site built with a contact set, as
the owners will: the "Følg med" pages with their feeds and calendars, the e-mail routes and their
prefilled text decoded, "Om Jobcentertjek" and "Hvad kan du selv gøre?" linked from every page,
a description of its own on every page, Open Graph tags, and the site's own verdicts labelled.
"""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml
from conftest import CONTACT, CONTACT_TITLE, REPO, build_fixture_site, configured_mkdocs
from helpers import dump, report, site_pages
from test_feeds import SITE_URL, linked_file

from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.reference import kommuner
from jobcentertjek.publish.build import build_site
from jobcentertjek.site.about import About, AboutError, read_about
from jobcentertjek.site.help import citizen_advisers, help_sources
from jobcentertjek.site.mailto import mailto

CORPUS = Corpus.load(REPO / "cases")
REPO_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["extra"]["jobcentertjek"]["repo_url"]
PRIVACY = "Skriv ikke CPR-numre, helbredsoplysninger om navngivne personer"


class Page(HTMLParser):
    """Links with their text, meta tags, and the text of elements by id and class."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []  # attrs of each <a>, plus "text"
        self.meta: dict[str, str] = {}  # name or property -> content
        self.canonical: str | None = None
        self.by_id: dict[str, str] = {}
        self._open: list[tuple[str, dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta[attrs.get("name") or attrs.get("property") or ""] = attrs["content"]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        if tag in ("meta", "link", "img", "br", "input"):
            return
        self._open.append((tag, attrs, []))

    def handle_endtag(self, tag):
        while self._open:
            name, attrs, text = self._open.pop()
            joined = " ".join("".join(text).split())
            if self._open:
                self._open[-1][2].append(joined + " ")
            if attrs.get("id"):
                self.by_id[attrs["id"]] = joined
            if name == "a":
                self.links.append({**attrs, "text": joined})
            if name == tag:
                return

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    """Every page a reader can land on (the 404 page is not one to share)."""
    return site_pages(site)


def target(page: Path, href: str) -> Path:
    return linked_file(page, href).resolve()


# --- "Følg med" -------------------------------------------------------------------------------


def test_favrskov_follow_page_gives_its_feed_and_says_why_there_is_no_calendar(built_site):
    kommune_page = built_site / "kommuner" / "favrskov" / "index.html"
    [follow] = [a for a in read(kommune_page).links if a["text"] == "Følg med i Favrskov"]
    page = built_site / "kommuner" / "favrskov" / "foelg" / "index.html"
    assert target(kommune_page, follow["href"]) == page.resolve()
    parsed, text = read(page), page.read_text("utf-8")
    feeds = [a for a in parsed.links if a.get("type") == "application/rss+xml"]
    assert [target(page, a["href"]) for a in feeds] == [(built_site / "kommuner/favrskov/feed.xml").resolve()]
    assert feeds[0]["text"] == f"{SITE_URL}kommuner/favrskov/feed.xml"  # the whole address, to copy
    assert "Ingen frister at følge endnu" in text
    assert "Vi har ikke registreret nogen løfter fra Favrskov" in text  # why: reports and responses, no plan
    assert "gemmer ingen e-mailadresser og sender ingen e-mails" in text
    assert not any(a["href"].startswith("webcal:") or a["href"].endswith(".ics") for a in parsed.links)
    assert "<?xml-stylesheet" not in (built_site / "kommuner/favrskov/feed.xml").read_text("utf-8")  # no XSLT


def test_every_kommune_has_a_follow_page_with_what_there_is_to_follow(built_site):
    for slug, kommune in kommuner().items():
        page = built_site / "kommuner" / slug / "foelg" / "index.html"
        parsed = read(page)
        feeds = [a for a in parsed.links if a.get("type") == "application/rss+xml"]
        calendars = [a for a in parsed.links if a["href"].startswith("webcal:")]
        assert bool(feeds) == (slug in CORPUS.by_kommune), slug
        assert bool(calendars) == any(p.promise.deadline for p in CORPUS.promises_of(kommune=slug)), slug
        if not feeds:  # nothing yet: the page says so and points to the whole site's feed
            assert "Der er endnu ingen sager om" in page.read_text("utf-8")
            assert any(target(page, a["href"]) == (built_site / "foelg/index.html").resolve() for a in parsed.links)
        kommune_page = built_site / "kommuner" / slug / "index.html"
        follow = [a for a in read(kommune_page).links if a["text"].startswith("Følg med i")]
        assert [target(kommune_page, a["href"]) for a in follow] == [page.resolve()], slug


def test_links_to_follow_lead_to_a_follow_page_never_to_raw_xml(built_site):
    """A reader who taps "Følg" or "Abonnér" gets a page that explains, not XML: only the "Følg med"
    pages, which explain what a feed and a calendar are, and the open data page link the files."""
    for page in pages(built_site):
        where = page.relative_to(built_site).as_posix()
        if where.endswith("foelg/index.html") or where == "data/index.html":
            continue
        files = [a["href"] for a in read(page).links if a["href"].endswith((".xml", ".ics"))]
        assert files == [], where


# --- every page -------------------------------------------------------------------------------


def test_about_help_and_follow_pages_are_linked_from_every_page(built_site):
    wanted = {"Om Jobcentertjek": "om", "Hvad kan du selv gøre?": "hjaelp", "Følg med": "foelg"}
    for page in pages(built_site):
        footer = page.read_text("utf-8").split('class="md-copyright jct-footer"', 1)[1].split("</nav>", 1)[0]
        found = {m.group(2): m.group(1) for m in re.finditer(r'<a href="([^"]+)">([^<]+)</a>', footer)}
        for text, where in wanted.items():
            assert target(page, found[text]) == (built_site / where / "index.html").resolve(), page


def test_entry_and_kommune_pages_ask_whether_you_are_in_a_similar_situation(built_site):
    help_page = (built_site / "hjaelp" / "index.html").resolve()
    places = [built_site / "sager" / item.id / "index.html" for item in CORPUS.entries]
    places += [built_site / "kommuner" / slug / "index.html" for slug in kommuner()]
    for page in places:
        links = read(page).links
        [question] = [a for a in links if a["text"] == "Står du selv i en lignende situation?"]
        assert target(page, question["href"]) == help_page, page
    koebenhavn = read(built_site / "kommuner" / "koebenhavn" / "index.html").links
    assert citizen_advisers()["koebenhavn"].url in [a["href"] for a in koebenhavn]


def test_every_page_has_a_description_of_its_own(built_site):
    descriptions: dict[str, Path] = {}
    for page in pages(built_site):
        description = read(page).meta.get("description")
        assert description and len(description) <= 170, page
        assert description not in descriptions, f"{page} and {descriptions.get(description)}: {description}"
        descriptions[description] = page
    item = CORPUS.by_id["2018-04-10-taskforce-foertidspension-fleksjob"]
    description = read(built_site / "sager" / item.id / "index.html").meta["description"]
    words = " ".join(item.entry.summary.split()).split()
    assert description.split()[:8] == words[:8]  # from the summary
    assert description.endswith(" …") and description[:-2].split()[-1] in words  # shortened at a word


@pytest.mark.parametrize("path, kind", [
    ("", "website"), ("sager/2018-04-10-taskforce-foertidspension-fleksjob/", "article"),
    ("kommuner/favrskov/", "article"), ("om/", "article"), ("metode/", "article")])
def test_open_graph_tags_describe_the_page_when_it_is_shared(built_site, path, kind):
    parsed = read(built_site / path / "index.html")
    og = {k: v for k, v in parsed.meta.items() if k.startswith("og:")}
    title = re.search(r"<title>(.*?)</title>", (built_site / path / "index.html").read_text("utf-8")).group(1)
    assert title.startswith(og["og:title"])
    assert og["og:description"] == parsed.meta["description"]
    assert og["og:site_name"] == "Jobcentertjek" and og["og:locale"] == "da_DK" and og["og:type"] == kind
    assert og["og:url"] == parsed.canonical == SITE_URL + path
    image = built_site / og["og:image"].removeprefix(SITE_URL)
    assert og["og:image"].startswith(SITE_URL) and image.is_file()
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image.read_bytes()[16:24])
    assert (width, height) == (int(og["og:image:width"]), int(og["og:image:height"])) == (1200, 630)
    assert og["og:image:alt"]


# --- the site's own verdict -----------------------------------------------------------------


def test_a_promise_status_is_labelled_as_the_sites_verdict_dated_by_its_latest_look(built_site):
    plan_id = "2018-04-16-udvalget-beder-om-handleplan"
    html = (built_site / "sager" / plan_id / "index.html").read_text("utf-8")
    for p in CORPUS.promises_of(plan_id=plan_id):
        section = html.split(f'id="loefte-{p.promise.id}"', 1)[1].split("</section>", 1)[0]
        verdict = section.split('class="jct-verdict"', 1)[1]
        label = re.search(r'class="jct-verdict__label"[^>]*>(.*?)</p>', verdict).group(1)
        # dated by the latest status step or check, whichever is newer: when the site last looked
        assert re.sub(r"<[^>]+>", "", label) == f"Jobcentertjeks vurdering, {p.last_looked.danish()}"
        assert f"jct-status--{p.state}" in verdict  # the state sits inside the verdict
        assert "Lovet af" not in verdict  # what the source says stays outside it
    sources = html.split("<h2>Kilder</h2>", 1)[1]
    assert "jct-verdict" not in sources.split("</ul>", 1)[0]
    update_id = "2018-12-06-handleplan-vedtaget-flere-foertidspensioner"
    update_html = (built_site / "sager" / update_id / "index.html").read_text("utf-8")
    changes = update_html.split("<h2>Ændringer af løfter</h2>", 1)[1].split("<h2>", 1)[0]
    assert "Jobcentertjeks vurdering, " + CORPUS.by_id[update_id].entry.date.danish() in re.sub(r"<[^>]+>", "", changes)


# --- without a contact: the real site today ---------------------------------------------------


def test_without_a_contact_the_site_says_so_and_has_no_mail_route(built_site):
    about = (built_site / "om" / "index.html").read_text("utf-8")
    assert "Der er endnu ikke angivet nogen kontakt til siden" in about
    assert "Det er endnu ikke oplyst her, hvem der driver Jobcentertjek" in about
    assert "hvem der betaler for siden, og hvem den er uafhængig af" in about
    for page in pages(built_site):
        assert "mailto:" not in page.read_text("utf-8"), page
    entry = (built_site / "sager" / CORPUS.entries[0].id / "index.html").read_text("utf-8")
    assert "Uden GitHub: siden har endnu ingen e-mailadresse." in re.sub(r"<[^>]+>", "", entry)


def test_every_github_button_says_that_github_needs_a_free_account(built_site):
    for page in [built_site / "sager" / item.id / "index.html" for item in CORPUS.entries[:10]] + [
            built_site / "kommuner" / slug / "index.html" for slug in ("koebenhavn", "vejle", "hele-landet")] + [
            built_site / "bidrag" / "index.html", built_site / "om" / "index.html"]:
        parsed = read(page)
        buttons = [a for a in parsed.links if a["href"].startswith(REPO_URL) and "md-button" in a.get("class", "")]
        assert buttons, page
        for button in buttons:
            note = parsed.by_id[button["aria-describedby"]]
            assert "GitHub" in note and "gratis konto" in note, (page, button["text"])


def test_the_build_warns_once_without_a_contact_and_builds(tmp_path, capsys):
    code, site, _ = build_fixture_site(tmp_path, {"koebenhavn/2018-04-10-rapport.yaml": dump(report())})
    err = capsys.readouterr().err
    assert code == 0 and (site / "om" / "index.html").is_file()
    assert err.count("Advarsel: mkdocs.yml sætter ingen kontakt (extra.jobcentertjek.contact.email).") == 1


# --- with a contact, as the owners will set it ------------------------------------------------

def mail_link(page: Path, text: str) -> tuple[str, str, str]:
    """The address, subject and body of the mailto: link with this text, decoded."""
    [href] = [a["href"] for a in read(page).links if a["text"] == text]
    assert re.fullmatch(r"mailto:[A-Za-z0-9@._%+-]+\?subject=[A-Za-z0-9%._~-]*&body=[A-Za-z0-9%._~-]*", href), href
    url = urlsplit(href)
    query = parse_qs(url.query, strict_parsing=True)
    body = query["body"][0]
    assert "\n" not in body.replace("\r\n", "")  # lines end in CRLF (RFC 6068)
    return unquote(url.path), query["subject"][0], body.replace("\r\n", "\n")


def test_a_new_case_by_mail_from_a_kommune_page(contact_site):
    page = contact_site / "kommuner" / "koebenhavn" / "index.html"
    address, subject, body = mail_link(page, "Send en sag om København på e-mail")
    assert address == CONTACT["email"] and subject == "Ny sag om København"
    assert body.startswith("Kommune: København\n\nHvad skete der?")
    for asked in ("Hvornår skete det?", "Links til kilderne", PRIVACY):
        assert asked in body
    parsed = read(page)
    [button] = [a for a in parsed.links if a["text"] == "Send en sag om København på e-mail"]
    assert CONTACT["email"] in parsed.by_id[button["aria-describedby"]]
    # beside it, the form on GitHub, which says it needs an account
    [form] = [a for a in parsed.links if a["text"] == "Tilføj en sag om København"]
    assert "gratis" in parsed.by_id[form["aria-describedby"]]


def test_an_error_a_follow_up_and_a_reply_by_mail(contact_site):
    report_page = contact_site / "sager" / "2018-04-10-rapport" / "index.html"
    address, subject, body = mail_link(report_page, "Meld en fejl på e-mail")
    assert address == CONTACT["email"]
    assert subject == f"Fejl i sagen: {CONTACT_TITLE}"  # &, quotes, ?, # and æøå survive
    assert body.startswith(f"Sagen: {SITE_URL}sager/2018-04-10-rapport/\n\nHvad er forkert?")
    assert "Hvad er det rigtige, og hvor står det?" in body and PRIVACY in body
    plan_page = contact_site / "sager" / "2018-05-01-handleplan" / "index.html"
    _, subject, body = mail_link(plan_page, "Send en opfølgning på e-mail")
    assert subject == "Opfølgning på: Handleplan"
    assert body.startswith(f"Handleplanen: {SITE_URL}sager/2018-05-01-handleplan/\n\nHvilket løfte")
    # a kommune replies from its page (an entry page links to "Om"), with the kommune filled in
    _, subject, body = mail_link(contact_site / "kommuner" / "koebenhavn" / "index.html", "send jeres svar på e-mail")
    assert subject == "Svar til Jobcentertjek: København"
    assert body.startswith("Kommune eller myndighed: København\n\nHvilken sag") and "Hvem svarer?" in body
    assert "Send en opfølgning på e-mail" not in [a["text"] for a in read(report_page).links]


def test_the_contribute_page_puts_the_mail_route_first(contact_site):
    page = contact_site / "bidrag" / "index.html"
    _, subject, body = mail_link(page, "Send en sag på e-mail")
    assert subject == "Ny sag til Jobcentertjek" and body.startswith("Kommune: \n")
    html = page.read_text("utf-8")
    assert html.index("Send en sag på e-mail") < html.index("Formularen på GitHub")
    assert "YAML" not in html and "pull request" not in html  # that is CONTRIBUTING.md's


def test_the_about_page_says_who_runs_the_site_and_how_to_reach_them(contact_site):
    page = contact_site / "om" / "index.html"
    text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")).split())
    assert "Jobcentertjek drives af Foreningen Testtjek, ansvarlig redaktør Test Testesen." in text
    assert f"Skriv til {CONTACT['email']}" in text and f"Post kan sendes til {CONTACT['address']}." in text
    assert "Siden drives af frivillige uden støtte (test)." in text
    assert "Det er endnu ikke oplyst her, hvem siden er uafhængig af." in text  # only funding was set
    assert f"mailto:{CONTACT['email']}" in [a["href"] for a in read(page).links]
    _, subject, _ = mail_link(page, "Send et svar på e-mail")
    assert subject == "Svar til Jobcentertjek"
    for link in ("metode/", "rettelser/", "data/"):
        assert any(urljoin("https://x/om/", a["href"]) == f"https://x/{link}" for a in read(page).links)


@pytest.mark.parametrize("settings, message", [
    ({"contact": {"email": "ikke en adresse"}},
     "mkdocs.yml: extra.jobcentertjek.contact.email: 'ikke en adresse' er ikke en e-mailadresse."),
    ({"contact": {"emial": "a@example.org"}}, "mkdocs.yml: extra.jobcentertjek.contact.emial: ukendt nøgle."),
    ({"contact": "a@example.org"}, "mkdocs.yml: extra.jobcentertjek.contact: skal være en liste"),
    ({"about": {"funding": ["penge"]}}, "mkdocs.yml: extra.jobcentertjek.about.funding: skal være en tekst."),
])
def test_a_wrong_contact_stops_the_build_with_a_danish_message(tmp_path, capsys, settings, message):
    with pytest.raises(AboutError, match=re.escape(message)):
        read_about(settings)
    config = configured_mkdocs(tmp_path / "config", contact=settings.get("contact"), about=settings.get("about"))
    (tmp_path / "cases").mkdir()
    code, _ = build_site(config, tmp_path / "site", tmp_path / "cases")
    assert code == 1 and not (tmp_path / "site").exists()
    assert message in capsys.readouterr().err


def test_the_warning_names_what_is_missing():
    assert "ingen kontakt" in About().warning()
    assert "hverken redaktør eller organisation" in About(email="a@example.org").warning()
    assert About(email="a@example.org", editor="A").warning() is None
    assert read_about({"contact": {"email": "  ", "editor": None}}) == About()  # empty is unset


def test_mailto_percent_encodes_subject_and_body_as_utf8():
    href = mailto("redaktion@example.org", "Æ & ø? #1 = 100 %", "Linje 1\nLinje 2: a&b=c")
    assert href == ("mailto:redaktion@example.org?subject=%C3%86%20%26%20%C3%B8%3F%20%231%20%3D%20100%20%25"
                    "&body=Linje%201%0D%0ALinje%202%3A%20a%26b%3Dc")


# --- what a reader can do ---------------------------------------------------------------------

OFFICIAL = ("ast.dk", "ombudsmanden.dk", "civilstyrelsen.dk", "borger.dk", "kk.dk", "herlev.dk", "frederiksberg.dk",
            "odense.dk", "kolding.dk", "haderslev.dk", "ballerup.dk")


def test_every_statement_on_the_help_page_cites_an_official_page_read_on_a_given_day(built_site):
    page = built_site / "hjaelp" / "index.html"
    html = page.read_text("utf-8").split('class="jct-page jct-help"', 1)[1]
    sources = help_sources()
    for source in sources.values():
        assert urlsplit(source.url).hostname.removeprefix("www.") in OFFICIAL, source.url
        assert f'id="kilde-{source.id}"' in html and source.url in html
        assert f'href="#kilde-{source.id}"' in html, f"{source.id} is listed but never cited"
    assert html.count("Læst 7. december 2026") == len(sources)
    for adviser in citizen_advisers().values():
        assert urlsplit(adviser.url).hostname.removeprefix("www.") in OFFICIAL and adviser.url in html
    # every point in the sections on complaints, the Ombudsman and help cites its source
    body = html.split('<h2 id="kilder"', 1)[0] + "<h2 "
    checked = 0
    for heading, section in re.findall(r'<h2 id="([^"]+)">(.*?)(?=<h2 )', body, re.S):
        if heading == "fortael":  # what Jobcentertjek itself does (docs/metode.md)
            continue
        for item in re.findall(r"<(?:li|p)>(.*?)</(?:li|p)>", section, re.S):
            if "Vi har" in item or "Kommuner i arkivet" in item or "kommunens side om" in item:
                continue  # what we found or did not find, said as such
            assert 'class="jct-cite"' in item, (heading, item[:80])
            checked += 1
    assert checked >= 15
