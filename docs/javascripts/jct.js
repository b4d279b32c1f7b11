// Progressive enhancement only: every page works without JavaScript.
// Material loads pages instantly only with navigation.instant (not enabled), so
// a plain DOMContentLoaded hook runs once per page.
(function () {
  "use strict";

  // Promise tracker: filter rows by status and kommune without leaving the page.
  function setUpFilter(form) {
    var table = document.querySelector(".jct-promises");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
      return row.hasAttribute("data-status");
    });
    function apply() {
      var status = form.elements.status.value;
      var kommune = form.elements.kommune.value;
      var shown = 0;
      rows.forEach(function (row) {
        var statusMatches = !status || row.dataset.status === status ||
          (status === "overdue" && row.dataset.overdue === "ja");
        var visible = statusMatches && (!kommune || row.dataset.kommune === kommune);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      form.elements.count.value = shown + " af " + rows.length + " løfter vises";
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

  function init() {
    var form = document.querySelector("[data-jct-filter]");
    if (form) setUpFilter(form);
    var button = document.querySelector("[data-jct-reverse]");
    if (button) setUpTimelineOrder(button);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
