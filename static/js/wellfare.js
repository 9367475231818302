/* The project's own small behaviours (no inline script: the Content-Security-Policy forbids it). */

/* A table wider than the screen scrolls inside its .table-responsive box (a chart inside its .chart-scroll box):
   while it does, the box becomes a focusable region labelled by the table's caption (or named after the chart's
   title), so that keyboard users can scroll it too (WCAG 2.1.1; the pattern of Heydon Pickering's "Inclusive
   Components: data tables"). Boxes that fit stay out of the tab order. */
function markScrollableTables() {
  document.querySelectorAll(".table-responsive, .chart-scroll").forEach(function (box, index) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("data-scroll-region", "");
      var caption = box.querySelector("caption");
      var chartTitle = box.querySelector("svg > title");
      if (caption) {
        caption.id = caption.id || "table-caption-" + index;
        box.setAttribute("aria-labelledby", caption.id);
      } else if (chartTitle) {
        // Not the title alone: the chart's section is often a region named by the same words.
        box.setAttribute("aria-label", "Grafico scorrevole: " + chartTitle.textContent);
      } else {
        box.setAttribute("aria-label", document.documentElement.lang === "en" ? "Scrollable table" : "Tabella scorrevole");
      }
    } else if (!scrolls && box.hasAttribute("data-scroll-region")) {
      ["tabindex", "role", "data-scroll-region", "aria-labelledby", "aria-label"].forEach(function (name) {
        box.removeAttribute(name);
      });
    }
  });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll("[data-confirm]").forEach(function (el) {
    el.addEventListener("click", function (event) {
      if (!window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  markScrollableTables();
});
/* Web fonts and images change widths after DOMContentLoaded; so does rotating a phone. */
window.addEventListener("load", markScrollableTables);
window.addEventListener("resize", markScrollableTables);

/* Donor combobox (ARIA 1.2 "combobox with listbox popup"): a text field marked data-donor-lookup gets suggestions
   from the server (at most 15 donors) as the user types; arrows move, Enter chooses, Escape closes. Without
   JavaScript the donor's code typed in the field is enough, so nothing depends on this. */
function donorCombobox(input, index) {
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var timer = null, active = -1, options = [];
  list.id = input.id + "-suggestions";
  list.className = "combobox-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Donatori suggeriti");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.parentNode.classList.add("combobox");
  input.insertAdjacentElement("afterend", list);
  list.insertAdjacentElement("afterend", status);

  function close() {
    list.hidden = true; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlight(next) {
    options.forEach(function (li, i) { li.setAttribute("aria-selected", i === next ? "true" : "false"); });
    active = next;
    if (next >= 0) {
      input.setAttribute("aria-activedescendant", options[next].id);
      options[next].scrollIntoView({block: "nearest"});
    }
  }
  function choose(i) { input.value = options[i].textContent; close(); }
  function render(results) {
    list.textContent = "";
    options = results.map(function (result, i) {
      var li = document.createElement("li");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = result.label;
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      list.appendChild(li);
      return li;
    });
    status.textContent = results.length ? results.length + " donatori suggeriti: usare le frecce e Invio." : "Nessun donatore trovato.";
    if (results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1; } else { close(); }
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { close(); return; }
    timer = setTimeout(function () {
      fetch(input.getAttribute("data-donor-lookup") + "?q=" + encodeURIComponent(query), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) { if (input.value.trim() === query) { render(data.results); } });
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp" && !list.hidden) {
      event.preventDefault(); highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault(); choose(active);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault(); close();
    }
  });
  input.addEventListener("blur", close);
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-donor-lookup]").forEach(donorCombobox);
});
