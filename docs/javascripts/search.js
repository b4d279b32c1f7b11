// The search box: Pagefind's index (pagefind/, built by `jobcentertjek build`) searched as
// the reader types. Loaded by the box's inline script (partials/jct-search.html) on its first
// focus, never with the page.
// Results are links in a list: arrows move between the box and the results, Enter opens
// the first result, Escape closes. Every text put on the page is set as text, never as HTML.
// A search never dead-ends: a kommune's or a topic's page comes first for its name (the names
// are in pagefind/jct-names.json, written by `jobcentertjek build` and fetched here, at the
// first search), and when no page holds all the words typed, the pages that hold any of them
// are shown, and the status says so. Each excerpt is cut from the page's own text, from the
// start of the sentence that holds the most of the words searched for.
(function () {
  "use strict";

  var base = new URL("..", document.currentScript.src);  // the site's root: search.js is in javascripts/
  var root = document.querySelector("[data-jct-search]");
  var pagefind = window.jctPagefind;  // Pagefind's module, being loaded since the box got focus
  if (!root || !pagefind || root.dataset.ready) return;
  root.dataset.ready = "true";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 40;  // coalesces keys that arrive together; a typist never waits for it
  var EXCERPT_WORDS = 28;  // an excerpt's length, from the start of its sentence
  var SHORTCUTS = 3;  // at most this many kommune and topic pages put first
  var SEPARATORS = /[^\S\uFEFF]+/;  // how Pagefind splits a page's text into the words its locations count
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

  var names = fetch(new URL("pagefind/jct-names.json", base)).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).catch(function () { return {kommuner: [], emner: []}; });  // only the shortcuts are lost

  var generation = 0;  // each search gets a number; an answer to an older one is dropped
  var query = [];  // the words of the search shown, as plain() writes them
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
    var filtered = Object.keys(chosen).length > 0;
    // With filters chosen, the reader asks for entries: no kommune or topic page is put first.
    var offers = term && !filtered ? names.then(function (known) { return shortcuts(known, term); }) : Promise.resolve([]);
    pagefind.then(function (module) {
      return module.search(term || null, {filters: chosen}).then(function (search) {
        var words = distinct(term);
        if (!search || search.results.length || words.length < 2) return {results: search ? search.results : []};
        // No page holds every word: the pages that hold any of them, those with most of the words first.
        return Promise.all(words.map(function (word) {
          return module.search(word, {filters: chosen});
        })).then(function (each) {
          return {results: anyOf(each), words: words};
        });
      });
    }).then(function (found) {
      return offers.then(function (first) {
        if (mine !== generation) return;
        results = first.concat(found.results);
        query = plain(term).split(" ");
        shown = 0;
        list.textContent = "";
        list.setAttribute("data-query", term);
        // A page put first is nearly always among Pagefind's results too, where it is left out
        // as it comes (showMore): the count is Pagefind's.
        say(found.words ? partial(found.words, found.results.length, filtered) :
          count(Math.max(found.results.length, first.length), term, filtered));
        showMore();
      });
    }).catch(function () {
      if (mine !== generation) return;
      say("Søgningen kunne ikke indlæses. Prøv igen om lidt, eller find din kommune under Kommuner.");
      answered();
    });
  }

  function distinct(term) {
    var seen = {};
    return term.split(/\s+/).filter(function (word) {
      var key = word.toLowerCase();
      if (!word || seen[key]) return false;
      seen[key] = true;
      return true;
    });
  }

  // The results of one search per word, as one list: a page once, with the words it holds.
  function anyOf(searches) {
    var pages = {};
    var order = [];
    searches.forEach(function (search) {
      (search ? search.results : []).forEach(function (result) {
        var page = pages[result.id];
        if (!page) {
          page = pages[result.id] = {id: result.id, parts: [], score: 0};
          order.push(page);
        }
        page.parts.push(result);
        page.score += result.score;
      });
    });
    order.sort(function (a, b) { return b.parts.length - a.parts.length || b.score - a.score; });
    return order.map(function (page) {
      return {id: page.id, data: function () { return combined(page.parts); }};
    });
  }

  // A page's text with the places of every word found in it. Pagefind keeps one copy of a page
  // and sets the places of the latest word asked for on it, so the words are asked one by one.
  function combined(parts) {
    var locations = [];
    return parts.reduce(function (previous, part) {
      return previous.then(function () { return part.data(); }).then(function (data) {
        locations = locations.concat(data.locations || []);
        return data;
      });
    }, Promise.resolve()).then(function (data) {
      return Object.assign({}, data, {locations: locations});
    });
  }

  // Text compared as Pagefind compares it: lower case, no accents, words apart.
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  // Where the words typed hold a name: the whole name, a genitive or other short ending on its
  // last word ("Koldings", "sygedagpengene"), or the start of it while it is being typed.
  function holds(typed, name, typing) {
    var words = name.split(" ");
    for (var at = 0; at + words.length <= typed.length; at++) {
      var matches = words.every(function (word, i) {
        var got = typed[at + i];
        var lastWord = i === words.length - 1;
        if (got === word) return true;
        if (!lastWord) return false;
        var typingIt = typing && at + i === typed.length - 1 && got.length >= 4 && word.indexOf(got) === 0;
        return typingIt || (got.indexOf(word) === 0 && got.length - word.length <= 3);
      });
      if (matches) return true;
    }
    return false;
  }

  // The kommuner and the topics the words typed name, as results of their own: kommuner first.
  function shortcuts(known, term) {
    var typed = plain(term).split(" ");
    var typing = !/\s$/.test(input.value);
    function found(list, make) {
      return (list || []).filter(function (entry) { return holds(typed, plain(entry[0]), typing); }).map(make);
    }
    return found(known.kommuner, function (k) {
      var text = k[1] === "kommuner/hele-landet/" ? "Sager, der gælder alle jobcentre: " + nouns(k[2], "sag", "sager") + "." :
        k[2] ? "Kommunens side: " + nouns(k[2], "sag", "sager") + " med tidslinje og løfter." :
        "Kommunens side. Der er endnu ingen sager om jobcentret i " + k[0] + ".";
      return shortcut(k[1], k[0], "Kommune", text);
    }).concat(found(known.emner, function (e) {
      return shortcut(e[1], "Emne: " + e[0], "Emne", "Emnets side: " + nouns(e[2], "sag", "sager") + " om " + e[0] + ".");
    })).slice(0, SHORTCUTS);
  }

  function shortcut(path, title, type, text) {
    var url = new URL(path, base).pathname;
    return {url: url, data: function () {
      return Promise.resolve({url: url, meta: {title: title, type: type}, text: text});
    }};
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

  // Danish numbers: a point between thousands.
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function nouns(n, one, other) {
    return number(n) + " " + (n === 1 ? one : other);
  }

  function quoted(words) {
    var all = words.map(function (word) { return "»" + word + "«"; });
    return all.slice(0, -1).join(", ") + " og " + all[all.length - 1];
  }

  function count(n, term, filtered) {
    var scope = filtered ? " med de valgte afgrænsninger" : "";
    if (!n) return (term ? "Ingen resultater for »" + term + "«" : "Ingen resultater") + scope + ".";
    return nouns(n, "resultat", "resultater") + scope + ".";
  }

  // When no page holds every word: say so, and what is shown instead.
  function partial(words, n, filtered) {
    var none = "Ingen side" + (filtered ? " med de valgte afgrænsninger" : "") + " indeholder " +
      (words.length === 2 ? "både " : "alle ordene ") + quoted(words) + ". ";
    return none + (n ? "Her er " + nouns(n, "side", "sider") + " med mindst ét af ordene." :
      "Ingen side indeholder nogen af dem.");
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
          if (!result.url && firsts().indexOf(new URL(data.url, base).pathname) >= 0) {
            item.remove();  // the kommune's or topic's page, already put first
            return;
          }
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

  // The pages put first (kommuner and topics), by their path.
  function firsts() {
    return results.filter(function (result) { return result.url; }).map(function (result) { return result.url; });
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
    link.appendChild(data.text ? element("span", "jct-result__excerpt", data.text) : excerpt(data));
    item.appendChild(link);
  }

  // The excerpt: from the start of the first sentence that holds the most of the words searched
  // for, in the page's own text after its title (not its lists of people and sources); the words
  // found are marked. A page where the words are only in its title or lists shows its first sentence.
  function excerpt(data) {
    var node = element("span", "jct-result__excerpt");
    var words = (data.content || "").split(SEPARATORS);
    var title = ((data.meta || {}).title || "").split(SEPARATORS).filter(Boolean);
    var body = 0;
    if (title.length && words.slice(0, title.length).join(" ").replace(/\.$/, "") === title.join(" ")) body = title.length;
    var lists = listed(data.anchors || [], words.length);
    var found = {};
    (data.locations || []).forEach(function (at) { if (at >= body) found[at] = true; });
    var starts = sentences(words, body).filter(function (at) { return !lists[at]; });
    var best = starts[0] || body;
    var most = 0;
    starts.forEach(function (start, i) {
      var end = i + 1 < starts.length ? starts[i + 1] : words.length;
      var held = {};
      for (var at = start; at < end; at++) if (found[at] && !lists[at]) held[searched(words[at])] = true;
      var n = Object.keys(held).length;
      if (n > most) { most = n; best = start; }
    });
    var first = best;
    while (most && !found[first]) first++;
    var from = best;
    var to = Math.max(from + EXCERPT_WORDS, first + 8);
    if (to - from > 2 * EXCERPT_WORDS) {  // a very long sentence: start near the word found
      from = first - 8;
      node.appendChild(document.createTextNode("… "));
      to = from + EXCERPT_WORDS;
    }
    to = Math.min(to, words.length);
    for (var at = from; at < to; at++) {
      if (at > from) node.appendChild(document.createTextNode(" "));
      node.appendChild(found[at] ? element("mark", "", words[at]) : document.createTextNode(words[at]));
    }
    if (to < words.length) node.appendChild(document.createTextNode(" …"));
    return node;
  }

  // The words of an entry's lists of people and of sources (search.js cuts its excerpts from the
  // entry's own text): from each list's anchor (its id, which Pagefind records with the number
  // of the word it starts at) to the next anchor.
  var LISTS = {personer: true, svarede: true, kilder: true};
  function listed(anchors, length) {
    var inside = {};
    anchors.forEach(function (anchor, i) {
      if (!LISTS[anchor.id]) return;
      var end = i + 1 < anchors.length ? anchors[i + 1].location : length;
      for (var at = anchor.location; at < end; at++) inside[at] = true;
    });
    return inside;
  }

  // Which of the words searched for a word found is (Pagefind also finds inflected forms and
  // words that begin with the one typed): the one it shares the longest beginning with.
  function searched(word) {
    var found = plain(word);
    var best = 0;
    var longest = 0;
    query.forEach(function (typed, i) {
      var n = 0;
      while (n < typed.length && typed[n] === found[n]) n++;
      if (n > longest) { longest = n; best = i; }
    });
    return best;
  }

  // Where each sentence begins, from ``body`` on: after a word ending in . ! or ? (not an initial
  // such as "H.P." or an ordinal such as "24." before a lower-case word) before a capital or a digit.
  function sentences(words, body) {
    var starts = body < words.length ? [body] : [];
    for (var at = body + 1; at < words.length; at++) {
      var before = words[at - 1];
      if (/[.!?]["»«”)]*$/.test(before) && !/^(\p{Lu}\.)+$/u.test(before) && /^["»“(]?[\p{Lu}\d]/u.test(words[at])) {
        starts.push(at);
      }
    }
    return starts;
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
          option.textContent = value + " (" + number(available[select.dataset.filter][value]) + ")";
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
