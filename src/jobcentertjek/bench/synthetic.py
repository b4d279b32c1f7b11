"""A realistic synthetic dataset for the benchmark: N valid entries as real YAML files.

Every place (the 98 kommuner and ``hele-landet``) gets entries, big kommuner more than
small ones. Each kommune's history is written in date order, so the threads are real:
responses answer earlier reports in the same kommune, plans promise things with
deadlines (many now overdue), and updates change the status of earlier plans' promises.
The text is Danish of realistic length, built from sentence templates and word lists.
The same ``count`` and ``seed`` always give the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..entries.dates import PartialDate
from ..entries.method import status_problems
from ..entries.model import REPORT_KINDS, Promise
from ..entries.reference import danish_slug, kommuner, tags

FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
LATEST_DEADLINE = dt.date(2026, 6, 30)  # entry dates may not lie in the future; deadlines neither
TYPE_WEIGHTS = {"report": 45, "response": 25, "plan": 15, "update": 15}
# Promises of plans from before this day carry a history of two checks, the newest with the kommune's
# answer: what the method asks before "Brudt", "Gået i stå" or "Kan ikke efterprøves" (entries/method.py).
CHECKED_BEFORE = dt.date(2025, 1, 1)
CHECKS = [
    {"date": "2025-02-03", "searched": "Udvalgets referater og kommunens nyheder", "found": "Intet om løftet."},
    {"date": "2025-10-06", "searched": "Udvalgets referater, kommunens nyheder og lokalavisen",
     "found": "Intet afgørende.", "asked": {"date": "2025-09-15", "how": "e-mail til forvaltningen",
                                           "answer": "Forvaltningen har ikke opgjort det.", "answer_date": "2025-09-30"}},
]
PROGRESS = {  # the statuses an update may move a promise to, from its current status (if the method allows)
    "not-assessed": ["in-progress", "stalled", "kept", "unverifiable"],
    "in-progress": ["kept", "partly-kept", "stalled", "broken", "in-progress"],
    "stalled": ["in-progress", "broken", "partly-kept"],
    "unverifiable": ["in-progress", "kept", "broken"],
}

PUBLISHERS = {
    "official-report": ["Kommunens revision", "Beskæftigelsesministeriet", "Styrelsen for Arbejdsmarked og Rekruttering"],
    "commissioned-report": ["Rambøll Management Consulting", "VIVE", "Deloitte", "Damvad Analytics", "KORA"],
    "survey": ["HK Kommunal", "Dansk Socialrådgiverforening", "Danske Handicaporganisationer", "Dansk Sygeplejeråd"],
    "citizens-letter": ["En borger i et åbent brev", "En gruppe sygemeldte borgere", "Forældre til en ung med handicap"],
    "proposals": ["Borgerpanelet", "Handicaprådet", "Udsatterådet", "Et tværpolitisk udvalg"],
    "news": ["DR", "TV 2", "Jyllands-Posten", "Politiken", "Berlingske", "Fagbladet FOA", "Avisen Danmark"],
    "ankestyrelsen": ["Ankestyrelsen"],
    "ombudsmand": ["Folketingets Ombudsmand"],
}
DOMAINS = ["dr.dk", "tv2.dk", "jp.dk", "politiken.dk", "ast.dk", "ombudsmanden.dk", "hk.dk", "socialraadgiverne.dk",
           "dch.dk", "vive.dk", "kl.dk", "bm.dk", "avisendanmark.dk", "altinget.dk"]
FIRST_NAMES = ["Mette", "Lars", "Anne", "Jens", "Hanne", "Peter", "Kirsten", "Søren", "Camilla", "Mads", "Louise",
               "Henrik", "Birgitte", "Rasmus", "Pia", "Thomas", "Sanne", "Jakob", "Lone", "Mikkel", "Ida", "Ole"]
LAST_NAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
              "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
              "Østergaard", "Lund", "Holm", "Bech", "Vestergaard", "Kjær"]
PARTIES = ["S", "V", "K", "SF", "EL", "RV", "DF", "LA", "M", "ALT"]
ROLES = ["borgmester", "formand for beskæftigelsesudvalget", "næstformand for beskæftigelsesudvalget",
         "jobcenterchef", "beskæftigelsesdirektør", "medlem af kommunalbestyrelsen", "kommunaldirektør"]
MINISTERS = ["beskæftigelsesminister", "formand for KL's arbejdsmarkedsudvalg", "direktør i STAR"]

TOPICS = ["sygedagpenge", "fleksjob", "førtidspension", "ressourceforløb", "jobafklaring", "kontanthjælp",
          "sagsbehandlingstiden", "lægeattester", "rehabiliteringsteamet", "klagesagerne", "arbejdsprøvninger",
          "revurderingerne", "virksomhedspraktikkerne", "mentorstøtten", "de unges uddannelseshjælp"]
PROBLEMS = [
    "sagsbehandlingstiden er alt for lang", "borgerne skifter sagsbehandler for ofte",
    "der stilles for mange krav om lægeattester", "afgørelserne mangler en ordentlig begrundelse",
    "klager ikke bliver behandlet inden for fristen", "sygemeldte sendes i forløb uden mening",
    "aftaler bliver aflyst med kort varsel", "rehabiliteringsteamet får ikke de nødvendige oplysninger",
    "borgerne bliver ikke hørt, før der træffes afgørelse", "partshøringen bliver ofte glemt",
    "for mange sager ender med at blive omgjort i Ankestyrelsen", "breve fra jobcentret er svære at forstå",
    "hver sagsbehandler har langt flere sager end anbefalet", "borgerne må vente måneder på en samtale",
    "de lægelige oplysninger bliver ikke læst grundigt", "arbejdsprøvninger gentages uden ny viden",
    "borgere med psykiske lidelser mødes med mistillid", "de unge bliver sendt fra kontor til kontor",
]
GROUPS = ["Flere borgere", "En sygemeldt kvinde på 52 år", "En ung mand med autisme", "Pårørende",
          "Tidligere medarbejdere", "Socialrådgivere i jobcentret", "Handicaporganisationerne", "Flere fagforeninger",
          "En far til to", "Praktiserende læger i området", "Borgerrådgiveren", "Tillidsrepræsentanten"]
EXPERIENCES = [
    "de har ventet over et år på en afklaring", "de har haft fem forskellige sagsbehandlere på to år",
    "de ikke ved, hvem de skal ringe til", "de føler sig mistænkeliggjort ved hver samtale",
    "de har fået tre lægeattester underkendt", "deres sag har ligget stille i månedsvis",
    "de blev sendt i praktik trods lægens fraråden", "mødeindkaldelserne kom efter mødet var holdt",
    "de måtte klage flere gange, før noget skete", "de ikke har fået en skriftlig begrundelse",
]
MEASURES = [
    "ansætte flere sagsbehandlere", "indføre faste sagsbehandlere for borgere i lange forløb",
    "gennemgå alle verserende sager om førtidspension", "oprette en uafhængig borgerrådgiver",
    "forenkle brevene til borgerne", "halvere ventetiden på den første samtale",
    "sikre at partshøring altid sker", "uddanne medarbejderne i den nye lovgivning",
    "følge op på alle omgjorte afgørelser", "invitere borgerne med i et følgepanel",
    "lægge sagsbehandlingstiderne frem hvert kvartal", "stoppe gentagne arbejdsprøvninger uden ny viden",
    "nedbringe antallet af sager pr. medarbejder til højst 45", "give borgerne ret til en bisidder ved alle møder",
]
OUTCOMES = [
    "Antallet af omgjorte sager er faldet en smule", "Ventetiden er faldet, men ikke så meget som lovet",
    "Forvaltningen oplyser, at arbejdet er i gang", "Der er endnu ikke ansat flere medarbejdere",
    "Udvalget har fået en status, men tallene er ikke offentlige", "Borgerrådgiveren er ansat og har åbent",
    "Brevene er skrevet om og testet med borgere", "Planen blev udskudt på grund af budgettet",
    "Tallene for det seneste kvartal viser ingen forbedring", "Medarbejderne har gennemført kurset",
]
FILLERS = [
    "Sagen har fået stor opmærksomhed i lokalpressen.", "Kommunen har ikke ønsket at kommentere enkeltsager.",
    "Flere politikere har bedt om en redegørelse.", "Kritikken er ikke ny, men omfanget overrasker.",
    "Forvaltningen har fået en frist til at svare.", "Tallene stammer fra kommunens eget ledelsesinformationssystem.",
    "Lignende problemer er set i andre kommuner i regionen.", "Borgerne har ret til at klage over afgørelserne.",
    "Der er tale om en stikprøve, så tallene er usikre.", "Udvalget behandler sagen på sit næste møde.",
    "Det fremgår ikke, hvor mange borgere der er berørt i alt.", "Sagen er sendt videre til kommunalbestyrelsen.",
]
# The problem a measure was meant to fix: a later report that criticises the measure's promise
# again describes this problem, in its own words (it rarely quotes the promise).
FIXES = {
    "ansætte flere sagsbehandlere": "hver sagsbehandler har langt flere sager end anbefalet",
    "indføre faste sagsbehandlere for borgere i lange forløb": "borgerne skifter sagsbehandler for ofte",
    "gennemgå alle verserende sager om førtidspension": "sagsbehandlingstiden er alt for lang",
    "oprette en uafhængig borgerrådgiver": "borgerne bliver ikke hørt, før der træffes afgørelse",
    "forenkle brevene til borgerne": "breve fra jobcentret er svære at forstå",
    "halvere ventetiden på den første samtale": "borgerne må vente måneder på en samtale",
    "sikre at partshøring altid sker": "partshøringen bliver ofte glemt",
    "uddanne medarbejderne i den nye lovgivning": "afgørelserne mangler en ordentlig begrundelse",
    "følge op på alle omgjorte afgørelser": "for mange sager ender med at blive omgjort i Ankestyrelsen",
    "invitere borgerne med i et følgepanel": "borgerne bliver ikke hørt, før der træffes afgørelse",
    "lægge sagsbehandlingstiderne frem hvert kvartal": "sagsbehandlingstiden er alt for lang",
    "stoppe gentagne arbejdsprøvninger uden ny viden": "arbejdsprøvninger gentages uden ny viden",
    "nedbringe antallet af sager pr. medarbejder til højst 45": "hver sagsbehandler har langt flere sager end anbefalet",
    "give borgerne ret til en bisidder ved alle møder": "borgere med psykiske lidelser mødes med mistillid",
}
REPEAT_SHARE = 0.15  # of the reports in a kommune with earlier promises: those that criticise one again
FIGURE_LABELS = [("Sager gennemgået", None), ("Andel omgjorte afgørelser", "procent"),
                 ("Gennemsnitlig sagsbehandlingstid", "uger"), ("Sager pr. sagsbehandler", None),
                 ("Borgere i undersøgelsen", None), ("Andel der har skiftet sagsbehandler", "procent")]


@dataclass
class _Kommune:
    """What the walk through one kommune's history has produced so far."""

    slug: str
    name: str
    reports: list[str] = field(default_factory=list)
    answered: set[str] = field(default_factory=set)
    plans: list[tuple[str, dict]] = field(default_factory=list)  # (plan id, {promise id: status})
    allowed: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # the statuses the method allows
    promises: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # plan id, date, id, measure, topic


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes text with line breaks as literal blocks (``summary: |``), as contributors do."""


def _represent_str(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


class _Writer:
    """Writes one kommune's entries in date order, keeping track of threads and promises."""

    def __init__(self, rng: random.Random, root: Path, used_ids: set[str], again: random.Random | None = None):
        self.rng = rng
        # Repeats draw from a stream of their own, so the rest of the record is the same with or without them.
        self.again = again or random.Random(0)
        self.root = root
        self.used_ids = used_ids
        self.tag_names = list(tags())

    # --- text --------------------------------------------------------------------------

    def person(self, national: bool = False) -> dict:
        person = {"name": f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
                  "role": self.rng.choice(MINISTERS if national else ROLES).capitalize()}
        if self.rng.random() < 0.7:
            person["party"] = self.rng.choice(PARTIES)
        return person

    def sentence(self, place: str) -> str:
        r = self.rng
        templates = [
            lambda: f"Ifølge kilden er problemet, at {r.choice(PROBLEMS)}.",
            lambda: f"{r.choice(GROUPS)} fortæller, at {r.choice(EXPERIENCES)}.",
            lambda: f"Især på området for {r.choice(TOPICS)} peger kritikken på, at {r.choice(PROBLEMS)}.",
            lambda: f"Gennemgangen omfatter {r.randint(12, 480)} sager og interviews med {r.randint(5, 60)} borgere.",
            lambda: f"Jobcentret i {place} har tidligere fået kritik for {r.choice(TOPICS)}.",
            lambda: f"Det bliver også fremhævet, at {r.choice(PROBLEMS)}, og at {r.choice(PROBLEMS)}.",
            lambda: f"Forvaltningen vil nu {r.choice(MEASURES)}.",
            lambda: f"{r.choice(OUTCOMES)}.",
            lambda: r.choice(FILLERS),
        ]
        return r.choice(templates)()

    def summary(self, place: str, opening: str) -> str:
        """About 60 to 150 words: an opening sentence, then template sentences, in one or two paragraphs."""
        target = self.rng.randint(60, 150)
        sentences = [opening]
        while sum(len(s.split()) for s in sentences) < target:
            sentences.append(self.sentence(place))
        paragraphs = [sentences]
        if len(sentences) > 5 and self.rng.random() < 0.4:
            middle = len(sentences) // 2
            paragraphs = [sentences[:middle], sentences[middle:]]
        return "\n\n".join(textwrap.fill(" ".join(p), width=92) for p in paragraphs) + "\n"

    def source(self, date: str, title: str, publisher: str) -> dict:
        domain = self.rng.choice(DOMAINS)
        source = {"title": title, "publisher": publisher, "date": date,
                  "url": f"https://www.{domain}/nyheder/{danish_slug(title)[:60].strip('-')}"}
        if self.rng.random() < 0.3:
            source["archive_url"] = f"https://web.archive.org/web/2024/https://www.{domain}/{self.rng.randint(1000, 99999)}"
        return source

    def tags(self, *preferred: str) -> list[str]:
        chosen = [t for t in preferred if t in self.tag_names]
        for tag in self.rng.sample(self.tag_names, self.rng.randint(1, 3)):
            if tag not in chosen:
                chosen.append(tag)
        return chosen[:4]

    # --- dates and ids ------------------------------------------------------------------

    def written_date(self, day: dt.date) -> str:
        """Mostly exact days; some sources give only the month or the year."""
        roll = self.rng.random()
        if roll < 0.85:
            return day.isoformat()
        return f"{day.year:04d}-{day.month:02d}" if roll < 0.95 else f"{day.year:04d}"

    def new_id(self, date: str, title: str) -> str:
        words = danish_slug(title).split("-")[:6]
        base = f"{date}-{'-'.join(words)}"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate

    def write(self, kommune: _Kommune, entry: dict) -> str:
        entry_id = self.new_id(entry["date"], entry["title"])
        folder = self.root / kommune.slug
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(entry, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"{entry_id}.yaml").write_text(
            "# yaml-language-server: $schema=../../schema/entry.schema.json\n" + text, encoding="utf-8")
        return entry_id

    # --- the four entry types -------------------------------------------------------------

    def base(self, kommune: _Kommune, kind: str, title: str, date: str, summary: str, *preferred_tags: str) -> dict:
        return {"type": kind, "title": title, "date": date, "kommune": kommune.slug,
                "tags": self.tags(*preferred_tags), "summary": summary}

    def report(self, kommune: _Kommune, day: dt.date) -> None:
        r = self.rng
        kind = r.choice(list(REPORT_KINDS))
        publisher = r.choice(PUBLISHERS[kind])
        topic, problem = r.choice(TOPICS), r.choice(PROBLEMS)
        date = self.written_date(day)
        opening = f"{publisher} har undersøgt jobcentret i {kommune.name} og konkluderer, at {problem}."
        summary = self.summary(kommune.name, opening)
        repeated = self.repeated(kommune, date)
        if repeated:  # the report criticises again what its first repeated promise was to fix
            topic, problem = repeated[0][4], FIXES[repeated[0][3]]
        title = f"{publisher}: {problem[0].upper()}{problem[1:]} i {kommune.name}"
        entry = self.base(kommune, "report", title, date, summary, topic)
        entry["kind"] = kind
        entry["publisher"] = publisher
        entry["findings"] = [f"{p[0].upper()}{p[1:]}." for p in r.sample(PROBLEMS, r.randint(2, 6))]
        if repeated:
            entry["findings"][0] = f"{problem[0].upper()}{problem[1:]}."
            if self.again.random() < 0.3:  # now and then a report recalls the promise itself
                entry["findings"].append(f"Kommunen lovede allerede i {repeated[0][1][:4]} at {repeated[0][3]}.")
            entry["repeats"] = [{"plan": plan_id, "promise": promise_id,
                                 **({"note": f"Rapporten peger igen på, at {FIXES[measure]}."}
                                    if self.again.random() < 0.5 else {})}
                                for plan_id, _, promise_id, measure, _ in repeated]
        entry["figures"] = [self.figure(label, unit) for label, unit in r.sample(FIGURE_LABELS, r.randint(0, 3))]
        entry["people"] = [self.person(kommune.slug == "hele-landet") for _ in range(r.randint(0, 2))]
        entry["sources"] = [self.source(date, title, publisher)]
        kommune.reports.append(self.write(kommune, {k: v for k, v in entry.items() if v != []}))

    def repeated(self, kommune: _Kommune, date: str) -> list[tuple]:
        """For some reports, one or two of the kommune's recent promises made surely before ``date``."""
        if not kommune.promises or self.again.random() >= REPEAT_SHARE:
            return []
        first = PartialDate.parse(date).first_day
        earlier = [p for p in kommune.promises[-8:] if PartialDate.parse(p[1]).last_day < first]
        return self.again.sample(earlier, min(len(earlier), self.again.choice([1, 1, 1, 2])))

    def figure(self, label: str, unit: str | None) -> dict:
        value = round(self.rng.uniform(3, 95), 1) if unit == "procent" else self.rng.randint(12, 900)
        return {"label": label, "value": value, **({"unit": unit} if unit else {})}

    def response(self, kommune: _Kommune, day: dt.date) -> None:
        r = self.rng
        open_reports = [rid for rid in kommune.reports[-6:] if rid not in kommune.answered] or kommune.reports[-3:]
        targets = r.sample(open_reports, min(len(open_reports), r.choice([1, 1, 1, 2])))
        kommune.answered.update(targets)
        responder = self.person(kommune.slug == "hele-landet")
        topic = r.choice(TOPICS)
        date = self.written_date(day)
        title = f"{responder['role']} {responder['name']} svarer på kritikken af {topic} i {kommune.name}"
        opening = (f"{responder['name']}, {responder['role'].lower()}, erkender en del af kritikken, "
                   f"men mener, at jobcentret allerede er i gang med at {r.choice(MEASURES)}.")
        entry = self.base(kommune, "response", title, date, self.summary(kommune.name, opening), topic)
        entry["responds_to"] = targets
        entry["responders"] = [responder]
        entry["sources"] = [self.source(date, title, r.choice(PUBLISHERS["news"]))]
        self.write(kommune, entry)

    def plan(self, kommune: _Kommune, day: dt.date) -> None:
        r = self.rng
        topic = r.choice(TOPICS)
        date = self.written_date(day)
        title = f"{kommune.name} vedtager handleplan for {topic}"
        opening = f"Kommunalbestyrelsen i {kommune.name} har vedtaget en handleplan, der skal rette op på {topic}."
        entry = self.base(kommune, "plan", title, date, self.summary(kommune.name, opening), "handleplan", topic)
        if kommune.reports and r.random() < 0.6:
            entry["responds_to"] = [r.choice(kommune.reports[-4:])]
        promised_by = self.person(kommune.slug == "hele-landet")  # copied per promise: no YAML aliases
        promises, state = [], {}
        measures = r.sample(MEASURES, r.randint(1, 4))
        for measure in measures:
            promise = self.promise(measure, day, promised_by, date, title)
            promises.append(promise)
            state[promise["id"]] = promise["status"]
        entry["promises"] = promises
        entry["sources"] = [self.source(date, title, f"{kommune.name} Kommune")]
        plan_id = self.write(kommune, entry)
        kommune.plans.append((plan_id, state))
        plan_date = PartialDate.parse(date)
        for promise in promises:
            model = Promise.model_validate(promise)
            kommune.allowed[(plan_id, promise["id"])] = {
                status for status in ("stalled", "broken", "unverifiable")
                if not status_problems(status, model, plan_date, LAST_DAY)}
        kommune.promises += [(plan_id, date, p["id"], measure, topic) for p, measure in zip(promises, measures)]

    def promise(self, measure: str, day: dt.date, promised_by: dict, date: str, title: str) -> dict:
        r = self.rng
        promise = {"id": danish_slug(measure)[:40].strip("-"), "text": f"Vi vil {measure}.",
                   "promised_by": dict(promised_by)}
        if r.random() < 0.85:
            deadline = min(day + dt.timedelta(days=r.randint(90, 900)), LATEST_DEADLINE)
            promise["deadline"] = f"{deadline.year:04d}-{deadline.month:02d}" if r.random() < 0.5 else deadline.isoformat()
        promise["status"] = "not-assessed"
        if day < CHECKED_BEFORE:
            promise["checks"] = [{**check, **({"asked": dict(check["asked"])} if "asked" in check else {})}
                                 for check in CHECKS]  # copies: no YAML aliases
        if r.random() < 0.2:
            promise["status"] = "in-progress"
            promise["status_note"] = f"{r.choice(OUTCOMES)}."
            promise["sources"] = [self.source(date, title, "Forvaltningens statusnotat")]
        return promise

    def update(self, kommune: _Kommune, day: dt.date) -> None:
        r = self.rng
        plan_id, state = r.choice(kommune.plans[-3:])
        open_promises = [pid for pid, status in state.items() if status in PROGRESS] or list(state)
        changes = []
        for pid in r.sample(open_promises, min(len(open_promises), r.randint(1, 2))):
            allowed = kommune.allowed[(plan_id, pid)]
            choices = [s for s in PROGRESS.get(state[pid], ["kept", "broken"])
                       if s in allowed or s not in ("stalled", "broken", "unverifiable")]
            status = r.choice(choices or ["in-progress"])
            state[pid] = status
            changes.append({"promise": pid, "status": status, "note": f"{r.choice(OUTCOMES)}. {r.choice(FILLERS)}"})
        date = self.written_date(day)
        title = f"Opfølgning på handleplanen i {kommune.name}: {r.choice(OUTCOMES).lower()}"
        opening = f"Et år efter planen har forvaltningen i {kommune.name} gjort status over løfterne."
        entry = self.base(kommune, "update", title, date, self.summary(kommune.name, opening), "handleplan")
        entry["plan"] = plan_id
        entry["changes"] = changes
        entry["sources"] = [self.source(date, title, f"{kommune.name} Kommune")]
        self.write(kommune, entry)


def _allocate(count: int, rng: random.Random) -> dict[str, int]:
    """Entries per place: every place has at least one, bigger kommuner (listed first) more."""
    slugs = list(kommuner())
    weights = [1 / (rank + 1) ** 0.6 for rank in range(len(slugs))]
    shares = {slug: 1 for slug in slugs} if count >= len(slugs) else {}
    for slug in rng.choices(slugs, weights=weights, k=count - len(shares)):
        shares[slug] = shares.get(slug, 0) + 1
    return shares


def _days(n: int, rng: random.Random) -> list[dt.date]:
    span = (LAST_DAY - FIRST_DAY).days
    return sorted(FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))


def _kind(place: _Kommune, rng: random.Random) -> str:
    """The next entry's type, by the realistic mix as far as the history so far allows:
    a response needs an earlier report, an update an earlier plan."""
    kind = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    if kind == "response" and not place.reports:
        return "report"
    if kind == "update" and not place.plans:
        return "plan" if place.reports else "report"
    return kind


def generate_cases(root: Path, count: int, seed: int = 2026) -> Path:
    """Write ``count`` valid entries under ``root`` (``root/<kommune>/<id>.yaml``) and return ``root``."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    writer = _Writer(rng, root, used_ids=set(), again=random.Random(seed + 1))
    places = kommuner()
    for slug, n in _allocate(count, rng).items():
        place = _Kommune(slug, places[slug].name)
        for day in _days(n, rng):
            getattr(writer, _kind(place, rng))(place, day)
    return root
