/* The project's own small behaviours (no inline script: the Content-Security-Policy forbids it). */

/* A table wider than the screen scrolls inside its .table-responsive box: while it does, the box becomes a
   focusable region labelled by the table's caption, so that keyboard users can scroll it too (WCAG 2.1.1;
   the pattern of Heydon Pickering's "Inclusive Components: data tables"). Boxes that fit stay out of the tab order. */
function markScrollableTables() {
  document.querySelectorAll(".table-responsive").forEach(function (box, index) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("data-scroll-region", "");
      var caption = box.querySelector("caption");
      if (caption) {
        caption.id = caption.id || "table-caption-" + index;
        box.setAttribute("aria-labelledby", caption.id);
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
