// The search box: Pagefind's index (pagefind/, built by `jobcentertjek build`) searched as
// the reader types. Loaded by the box's inline script (partials/jct-search.html) on its first
// focus, never with the page.
// Results are links in a list: arrows move between the box and the results, Enter opens
// the first result, Escape closes. Every text put on the page is set as text, never as HTML.
(function () {
  "use strict";

  var base = new URL("..", document.currentScript.src);  // the site's root: search.js is in javascripts/
  var root = document.querySelector("[data-jct-search]");
  var pagefind = window.jctPagefind;  // Pagefind's module, being loaded since the box got focus
  if (!root || !pagefind || root.dataset.ready) return;
  root.dataset.ready = "true";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 40;  // coalesces keys that arrive together; a typist never waits for it
  var BADGES = {"Kritik": "report", "Svar": "response", "Handleplan": "plan", "Opfølgning": "update"};
  var FILTER_ORDER = {type: ["Kritik", "Svar", "Handleplan", "Opfølgning"]};

  // The panel is built here, not sent with every page. Constant markup: no data in it.
  root.querySelector(".jct-search__dialog").insertAdjacentHTML("beforeend",
    '<div class="jct-search__panel" hidden>' +
    '<details class="jct-search__filters"><summary>Afgræns søgningen</summary><div class="jct-search__selects">' +
    '<label>Kommune <select data-filter="kommune"><option value="">Alle kommuner</option></select></label>' +
    '<label>Type <select data-filter="type"><option value="">Alle typer</option></select></label>' +
    '<label>År <select data-filter="år"><option value="">Alle år</option></select></label>' +
    '</div></details>' +
    '<p class="jct-search__status" role="status"></p>' +
    '<ol class="jct-search__results" aria-label="Søgeresultater"></ol>' +
    '<button type="button" class="jct-search__more" hidden>Vis flere resultater</button></div>');

  var input = root.querySelector(".jct-search__input");
  var panel = root.querySelector(".jct-search__panel");
  var status = root.querySelector(".jct-search__status");
  var list = root.querySelector(".jct-search__results");
  var more = root.querySelector(".jct-search__more");
  var details = root.querySelector(".jct-search__filters");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var opener = root.querySelector(".jct-search__open");

  var generation = 0;  // each search gets a number; an answer to an older one is dropped
  var timer = null;
  var results = [];
  var shown = 0;
  var closing = false;

  function filters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.dataset.filter] = select.value;
    });
    return chosen;
  }

  function say(text) {
    status.textContent = text;
  }

  function open() {
    panel.hidden = false;
  }

  // Escape or the back arrow: on a phone the search closes; on a wide screen the results do.
  function close() {
    panel.hidden = true;
    if (root.classList.contains("jct-search--open")) {
      root.classList.remove("jct-search--open");
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    } else {
      closing = true;  // the box's focus handler would open the results again
      input.focus();
      closing = false;
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function run() {
    var term = input.value.trim();
    var chosen = filters();
    var mine = ++generation;
    prefetch(term);
    if (!term && !Object.keys(chosen).length) {
      results = [];
      list.textContent = "";
      list.removeAttribute("data-query");
      more.hidden = true;
      say("");
      panel.hidden = !details.open;
      return;
    }
    open();
    pagefind.then(function (module) {
      return module.search(term || null, {filters: chosen});
    }).then(function (search) {
      if (mine !== generation || !search) return;
      results = search.results;
      shown = 0;
      list.textContent = "";
      list.setAttribute("data-query", term);
      say(count(results.length, term, Object.keys(chosen).length));
      showMore();
    }).catch(function () {
      if (mine !== generation) return;
      say("Søgningen kunne ikke indlæses. Prøv igen om lidt, eller find din kommune under Kommuner.");
      answered();
    });
  }

  // The first answer (a result on screen, no results, or an error) lets Material's scripts
  // start (javascripts/jct.js): until then the search's files have a slow line to themselves.
  function answered() {
    if (root.hasAttribute("data-answered")) return;
    root.setAttribute("data-answered", "");
    root.dispatchEvent(new Event("jct:answered"));
  }

  // Pagefind fetches the index chunk that holds a word only once its WebAssembly has arrived
  // and started. The list of chunks (pagefind/jct-chunks.json, written by `jobcentertjek build`,
  // fetched by the box's script) lets this fetch it while all that is still on its way, by
  // Pagefind's own rule (1.6): the word as Pagefind normalises it (lower case, no punctuation, no
  // accents); every chunk whose first and last word enclose it, or if none does, every chunk
  // whose bounds enclose it when both are cut to the same length (the bounds are prefixes of
  // words). Pagefind's request for the same chunk is then answered from the cache; a chunk only
  // its stemmed form needs is left to Pagefind.
  var fetched = {};
  function prefetch(term) {
    var words = term.toLowerCase().replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, "")
      .normalize("NFD").replace(/\p{M}/gu, "").split(/\s+/);
    (window.jctChunks || Promise.reject()).then(function (chunks) {
      words.forEach(function (word) {
        if (!word) return;
        var strict = chunks.filter(function (c) { return word >= c[0] && word <= c[1]; });
        (strict.length ? strict : chunks.filter(function (c) {
          return word.slice(0, c[0].length) >= c[0].slice(0, word.length) &&
            word.slice(0, c[1].length) <= c[1].slice(0, word.length);
        })).forEach(function (chunk) {
          if (fetched[chunk[2]]) return;
          fetched[chunk[2]] = true;
          fetch(new URL("pagefind/index/" + chunk[2] + ".pf_index", base)).catch(function () {});
        });
      });
    }).catch(function () {});
  }

  function count(n, term, filtered) {
    var scope = filtered ? " med de valgte afgrænsninger" : "";
    if (!n) return (term ? "Ingen resultater for »" + term + "«" : "Ingen resultater") + scope + ".";
    return (n === 1 ? "1 resultat" : n + " resultater") + scope + ".";
  }

  // Adds the next page of results, each as soon as its own fragment has arrived. On a first
  // search the first result's fragment is fetched alone: on a slow phone it comes sooner.
  function showMore() {
    var mine = generation;
    var items = results.slice(shown, shown + PAGE_SIZE).map(function (result) {
      var item = document.createElement("li");
      item.className = "jct-result";
      item.hidden = true;
      list.appendChild(item);
      return function () {
        return result.data().then(function (data) {
          if (mine !== generation) return;
          fill(item, data);
          item.hidden = false;
        });
      };
    });
    var first = shown || !items.length ? Promise.resolve() : items.shift()();
    first.catch(function () {}).then(function () {
      answered();
      items.forEach(function (load) { load(); });
    });
    shown = Math.min(results.length, shown + PAGE_SIZE);
    more.hidden = shown >= results.length;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function fill(item, data) {
    var meta = data.meta || {};
    var link = element("a", "jct-result__link");
    link.href = data.url;
    link.appendChild(element("span", "jct-result__title", meta.title || data.url));
    var line = element("span", "jct-result__meta");
    if (meta.type) {
      line.appendChild(element("span", "jct-badge jct-badge--" + (BADGES[meta.type] || "page"), meta.type));
    }
    var facts = [meta.dato, meta.kommune].filter(Boolean).join(" · ");
    if (facts) line.appendChild(document.createTextNode(" " + facts));
    link.appendChild(line);
    link.appendChild(excerpt(data.excerpt || ""));
    item.appendChild(link);
  }

  // Pagefind marks the matched words with <mark> in an otherwise escaped text; rebuild it
  // from text nodes so that nothing in an entry can ever become markup here.
  function excerpt(html) {
    var node = element("span", "jct-result__excerpt");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        var text = document.createTextNode(decode(part));
        if (marked) {
          var mark = document.createElement("mark");
          mark.appendChild(text);
          node.appendChild(mark);
        } else {
          node.appendChild(text);
        }
      }
      return marked;
    }, false);
    return node;
  }

  var decoder = document.createElement("textarea");
  function decode(text) {
    decoder.innerHTML = text;  // a textarea's content is text: entities are decoded, tags stay text
    return decoder.value;
  }

  // The filters' choices, with how many pages each holds, are fetched when first opened.
  function fillFilters() {
    details.removeEventListener("toggle", fillFilters);
    open();
    pagefind.then(function (module) { return module.filters(); }).then(function (available) {
      selects.forEach(function (select) {
        var values = Object.keys(available[select.dataset.filter] || {});
        var order = FILTER_ORDER[select.dataset.filter];
        if (order) values.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
        else if (select.dataset.filter === "år") values.sort().reverse();
        else values.sort(function (a, b) { return a.localeCompare(b, "da"); });
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + available[select.dataset.filter][value] + ")";
          select.appendChild(option);
        });
      });
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("li:not([hidden]) .jct-result__link"));
  }

  input.addEventListener("input", schedule);
  input.addEventListener("focus", function () {
    if (!closing && (input.value.trim() || details.open)) open();
  });
  input.addEventListener("keydown", function (event) {
    var first = links()[0];
    if (event.key === "ArrowDown" && first && panel.hidden) {
      event.preventDefault();
      open();  // the results closed with Escape come back
    } else if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === "Enter" && first) {
      event.preventDefault();
      first.click();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : all[Math.min(next, all.length - 1)]).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  details.addEventListener("toggle", fillFilters);
  more.addEventListener("click", showMore);
  root.querySelector(".jct-search__close").addEventListener("click", close);
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target) && !root.classList.contains("jct-search--open")) panel.hidden = true;
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target.tagName === "SELECT") close();
  });

  if (input.value.trim()) run();  // what was typed while this file was on its way

  // Pagefind splits what is typed with Intl.Segmenter, and a page's first Segmenter costs a
  // slow phone some 100 ms (its rules are loaded then; later ones are free). Made here, while
  // Pagefind's files are still on their way, that time is not spent waiting for the results.
  setTimeout(function () {
    if (!window.Intl || !Intl.Segmenter) return;
    new Intl.Segmenter(document.documentElement.lang || "da", {granularity: "grapheme"});
  }, 0);
})();
