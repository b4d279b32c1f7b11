"""The pages around the record: how to follow it, who runs it, what a reader can do, how to contribute.

``Site`` is the whole site: the record's pages (``SiteGenerator``) and these. Readers who do
not know what RSS is get a "Følg med" page per kommune, for the promise tracker and for the
whole site, not raw XML: what each feed carries and its address to copy into a feed reader,
the deadline calendar as a subscription (``webcal:``) or why there is none, and how to get the
feed by e-mail although the site keeps no addresses. "Om Jobcentertjek" says who runs the site
(site.about), "Hvad kan du selv gøre?" rests on official pages (site.help), and "Bidrag" puts
the citizen's routes, e-mail and the forms, before the developers' (CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..entries.corpus import TrackedPromise
from ..entries.reference import kommuner
from .help import citizen_advisers, help_sources
from .pages import Page, SiteGenerator, has_deadlines
from .urls import PROMISE_FEED_URL, SITE_FEED_URL, calendar_url, kommune_feed_url, kommune_url


@dataclass(frozen=True)
class Subscription:
    """A feed or a calendar: where it is on the site and the address a reader copies."""

    title: str
    what: str  # what it carries, after "Du får besked om"
    path: str  # root-relative, for the link
    address: str  # absolute when the site has a site_url, for copying into a reader

    @property
    def webcal(self) -> str | None:
        """The ``webcal:`` address that makes a phone or calendar program offer to subscribe."""
        scheme, sep, rest = self.address.partition("://")
        return f"webcal://{rest}" if sep and scheme in ("http", "https") else None


@dataclass(frozen=True)
class Follow:
    subject: str  # what is followed, after "Følg med i": "Favrskov", "løfterne", "hele Jobcentertjek"
    feeds: list[Subscription]
    calendar: Subscription | None
    no_calendar: str | None  # why there is no calendar, when there is none
    back: tuple[str, str]  # (name, root-relative URL) of the page this one belongs to


class Site(SiteGenerator):
    """Every page of the site."""

    def pages(self) -> list[Page]:
        return [*super().pages(), *self._follow_pages(), self._about(), self._help(), self._contribute()]

    def _subscription(self, title: str, what: str, path: str) -> Subscription:
        return Subscription(title, what, path, self.address(path))

    def _calendar(self, promises: list[TrackedPromise], slug: str | None = None) -> Subscription | None:
        if not has_deadlines(promises):
            return None
        return self._subscription("Frister", "fristerne", calendar_url(slug))

    def _follow_pages(self) -> list[Page]:
        """"Følg med" for the whole site, for the promise tracker, and for each kommune."""
        everything = self._subscription("Alle sager", "hver ny sag i arkivet: kritik, svar, handleplaner og "
                                        "opfølgninger", SITE_FEED_URL)
        promises = self._subscription("Løfterne", "nye løfter, når et løfte skifter status, når nogen har ledt "
                                      "efter, hvad der blev af et løfte, og når kritikken kom igen", PROMISE_FEED_URL)
        calendar = self._calendar(self.corpus.promises)
        no_calendar = None if calendar else "Ingen af de løfter, vi har registreret, har en frist."
        pages = [
            Page("foelg.md", "Følg med", "follow.html",
                 description="Sådan får du besked om nye sager og løfter på Jobcentertjek: som nyhedsfeed (RSS), "
                             "i din kalender eller på e-mail.",
                 context=dict(follow=Follow("hele Jobcentertjek", [everything, promises], calendar, no_calendar,
                                            ("forsiden", "")))),
            Page("loefter/foelg.md", "Følg med i løfterne", "follow.html",
                 description="Sådan får du besked, når et løfte skifter status eller en frist nærmer sig: som "
                             "nyhedsfeed (RSS), i din kalender eller på e-mail.",
                 meta={"feed": PROMISE_FEED_URL, "feed_title": "Jobcentertjek: løfter"},
                 context=dict(follow=Follow("løfterne", [promises], calendar, no_calendar,
                                            ("løfterne", "loefter/")))),
        ]
        for kommune in kommuner().values():
            entries = self.corpus.by_kommune.get(kommune.slug, [])
            kommune_promises = self.corpus.promises_of(kommune=kommune.slug)
            feeds = [self._subscription(f"Sager om {_about_place(kommune)}",
                                        f"hver ny sag om {_about_place(kommune)}, og når kritik af et løfte "
                                        "kommer igen", kommune_feed_url(kommune.slug))] if entries else []
            calendar = self._calendar(kommune_promises, kommune.slug)
            pages.append(Page(
                f"kommuner/{kommune.slug}/foelg.md", f"Følg med i {kommune.name}", "follow.html",
                description=f"Sådan får du besked om nye sager om {_about_place(kommune)} på Jobcentertjek: som "
                            "nyhedsfeed (RSS), i din kalender eller på e-mail.",
                meta={"feed": kommune_feed_url(kommune.slug), "feed_title": f"Jobcentertjek: {kommune.name}"}
                if entries else {},
                context=dict(follow=Follow(_about_place(kommune), feeds, calendar,
                                           None if calendar else _no_calendar(kommune, kommune_promises),
                                           (kommune.name, kommune_url(kommune.slug))))))
        return pages

    def _about(self) -> Page:
        return Page("om.md", "Om Jobcentertjek", "about.html",
                    description="Hvem står bag Jobcentertjek, hvordan du kontakter os, hvordan vi arbejder, og "
                                "hvordan kommunerne kan svare.")

    def _help(self) -> Page:
        return Page("hjaelp.md", "Hvad kan du selv gøre?", "help.html",
                    description="Står du selv i en lignende situation? Sådan klager du over en afgørelse fra "
                                "kommunen, og her kan du få hjælp: borgerrådgiver, bisidder og Ombudsmanden.",
                    context=dict(sources=help_sources(), advisers=citizen_advisers()))

    def _contribute(self) -> Page:
        return Page("bidrag.md", "Bidrag", "bidrag.html",
                    description="Kender du en sag om et jobcenter, der mangler? Sådan sender du den, på e-mail "
                                "eller med en formular, og sådan melder du en fejl.")


def _about_place(kommune) -> str:
    """A place after "om": "Favrskov", or "hele landet" for the national entries."""
    return "hele landet" if kommune.is_national else kommune.name


def _no_calendar(kommune, promises: list[TrackedPromise]) -> str:
    """Why a kommune has no deadline calendar (it has no promise with a deadline)."""
    source = "for hele landet" if kommune.is_national else f"fra {kommune.name}"
    if not promises:
        return f"Vi har ikke registreret nogen løfter {source}, så der er ingen frister at sætte i en kalender."
    if len(promises) == 1:
        return f"Det ene løfte {source}, vi har registreret, har ingen frist."
    return f"Ingen af de {len(promises)} løfter {source}, vi har registreret, har en frist."
