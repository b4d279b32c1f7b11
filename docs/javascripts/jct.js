// Progressive enhancement only: every page works without JavaScript.
// Material loads pages instantly only with navigation.instant (not enabled), so
// a plain DOMContentLoaded hook runs once per page.
(function () {
  "use strict";

  // Promise tables (tracker, kommune pages): filter rows by state, kept on time or late, due a check,
  // criticised again, and kommune, without leaving the page.
  function setUpFilter(form) {
    var table = document.querySelector(".jct-promises");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
      return row.hasAttribute("data-status");
    });
    function apply() {
      var status = form.elements.status.value;
      var kommune = form.elements.kommune ? form.elements.kommune.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var statusMatches = !status || row.dataset.status === status ||
          row.dataset.timeliness === status ||
          (status === "unchecked" && row.dataset.unchecked === "ja") ||
          (status === "repeated" && row.dataset.repeated === "ja");
        var visible = statusMatches && (!kommune || row.dataset.kommune === kommune);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      form.elements.count.value = shown + " af " + rows.length + (rows.length === 1 ? " løfte" : " løfter") + " vises";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  // Kommune timeline: newest first by default; the button reverses the order.
  function setUpTimelineOrder(button) {
    var timeline = document.querySelector("[data-jct-timeline]");
    if (!timeline) return;
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      var reversed = button.getAttribute("aria-pressed") !== "true";
      var sections = Array.prototype.slice.call(timeline.children).reverse();
      sections.forEach(function (section) {
        timeline.appendChild(section);
        var list = section.querySelector("ol");
        Array.prototype.slice.call(list.children).reverse().forEach(function (item) {
          list.appendChild(item);
        });
      });
      button.setAttribute("aria-pressed", reversed ? "true" : "false");
      button.textContent = reversed ? "Vis nyeste først" : "Vis ældste først";
    });
  }

  // Kommuner side by side: a heading sorts the table in place (without JavaScript it links
  // to a page sorted by that column). Numbers largest first, names A to Å, dates newest first.
  function setUpSorting(table) {
    var body = table.tBodies[0];
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    table.addEventListener("click", function (event) {
      var link = event.target.closest("[data-jct-sort]");
      if (!link) return;
      event.preventDefault();
      var column = Number(link.dataset.jctSort);
      var byName = column === 0;
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[column];
        return byName ? cell.textContent : (cell.dataset.v || "");
      }
      rows.sort(function (a, b) {
        if (byName) return key(a).localeCompare(key(b), "da");
        var x = key(a), y = key(b);
        var numeric = x !== "" && y !== "" && !isNaN(x) && !isNaN(y);
        var order = numeric ? Number(y) - Number(x) : (y > x ? 1 : y < x ? -1 : 0);
        return order || a.cells[0].textContent.localeCompare(b.cells[0].textContent, "da");
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headings.forEach(function (th, i) {
        if (i === column) th.setAttribute("aria-sort", byName ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      var status = document.querySelector("[data-jct-sort-status]");
      if (status) status.textContent = "Sorteret efter " + link.textContent.toLowerCase();
    });
  }

  // The home page's map (forsidekort.html) is two thirds of the home page's HTML and, on a
  // phone, below the first screen: it is fetched once its place is in view above the bottom
  // seventh of the screen (at once on a wide screen), so that a reader who opens the page and
  // searches straight away does not wait for it. Without JavaScript, or if it cannot be
  // fetched, its place says where the map is.
  function setUpMap(slot) {
    function load() {
      fetch(slot.getAttribute("data-jct-map")).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      }).then(function (html) {
        slot.insertAdjacentHTML("afterend", html);
        slot.remove();
      }).catch(function () {
        slot.classList.add("jct-map-slot--failed");
      });
    }
    if (!window.IntersectionObserver) return load();
    var watch = new IntersectionObserver(function (seen) {
      if (!seen[0].isIntersecting) return;
      watch.disconnect();
      load();
    }, {rootMargin: "0px 0px -15% 0px"});
    watch.observe(slot);
  }

  function init() {
    var slot = document.querySelector("[data-jct-map]");
    if (slot) setUpMap(slot);
    var form = document.querySelector("[data-jct-filter]");
    if (form) setUpFilter(form);
    var button = document.querySelector("[data-jct-reverse]");
    if (button) setUpTimelineOrder(button);
    var sortable = document.querySelector("[data-jct-sortable]");
    if (sortable) setUpSorting(sortable);
  }

  // Material's scripts (its bundle: the colour scheme toggle, the header, the sidebars) start
  // after the page has loaded, not before: on a phone they took about 0.35 s of a slow line and
  // CPU before a tap on the search was answered (README, "Performance"). main.html leaves the
  // bundle's tag inert (data-jct-later); this adds it a second after the page has loaded, or,
  // if the reader has started a search by then, once its first result is on screen (or 3 s
  // later), so that the search's files have a slow line to themselves. Material starts on
  // DOMContentLoaded, long past by then, so it is handed the document as that event would
  // (document$, the stream Material exposes for extra scripts). At that moment it also takes
  // every link[rel=alternate] for a language version of the site and fetches sitemap.xml next
  // to it; the feed links step out of its way ("feed" added to rel) for that moment only.
  function startMaterial(bundle) {
    var script = document.createElement("script");
    script.src = bundle.src;
    script.onload = function () {
      var feeds = document.querySelectorAll('link[rel=alternate][type="application/rss+xml"]');
      var rel = function (value) { feeds.forEach(function (link) { link.rel = value; }); };
      rel("alternate feed");
      window.document$.next(document);
      rel("alternate");
      document.documentElement.setAttribute("data-jct-material", "");
    };
    document.body.appendChild(script);
  }

  function startMaterialLater() {
    var bundle = document.querySelector("script[data-jct-later]");
    if (!bundle) return;
    var started = false;
    var start = function () {
      if (started) return;
      started = true;
      startMaterial(bundle);
    };
    window.addEventListener("load", function () {
      setTimeout(function () {
        var search = document.querySelector("[data-jct-search]");
        if (!window.jctPagefind || !search || search.hasAttribute("data-answered")) return start();
        search.addEventListener("jct:answered", start);
        setTimeout(start, 3000);
      }, 1000);
    });
  }

  startMaterialLater();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
