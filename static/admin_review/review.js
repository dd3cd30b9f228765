/* The review screen: highlights ↔ fact rows, "select all proposed", and a
 * text selection turned into the span of a fact added by hand.
 * Offsets: every segment of #article-text carries data-o, its offset in the
 * stored text, so a selection point is data-o + its offset in the segment. */
"use strict";
(function () {
  const text = document.getElementById("article-text");
  if (!text) return;

  function flash(element) {
    document.querySelectorAll(".active").forEach((e) => e.classList.remove("active"));
    element.classList.add("active");
  }

  // Highlight → row.
  function goToRow(mark) {
    const key = (mark.dataset.facts || "").split(" ")[0];
    const row = document.getElementById("fact-" + key);
    if (!row) return;
    flash(row);
    row.scrollIntoView({ behavior: "smooth", block: "center" });
    const first = row.querySelector("select, input:not([type=hidden]):not([type=checkbox])");
    if (first) first.focus({ preventScroll: true });
  }
  text.addEventListener("click", (event) => {
    const mark = event.target.closest(".fact-mark");
    if (mark && window.getSelection().isCollapsed) goToRow(mark);
  });
  // A mark is focusable (for the keyboard), and Chromium, focusing one that a
  // line does not start with on the press of a drag from its first character,
  // drops the selection the drag begins: a press does not focus a mark (its
  // tabindex is back once the press is handled; a click still opens its row).
  text.addEventListener("mousedown", (event) => {
    const mark = event.target.closest(".fact-mark");
    if (!mark) return;
    mark.removeAttribute("tabindex");
    setTimeout(() => mark.setAttribute("tabindex", "0"));
  });
  text.addEventListener("keydown", (event) => {
    const mark = event.target.closest(".fact-mark");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); goToRow(mark); }
  });

  // Row → highlight (scrolls the text panel, not the page).
  document.querySelectorAll(".fact-quote").forEach((link) => {
    link.addEventListener("click", (event) => {
      const mark = document.getElementById(link.dataset.mark);
      if (!mark) return;
      event.preventDefault();
      flash(mark);
      // Within the text panel only (it is sticky, so always in view); a
      // second scrollIntoView would cancel this smooth scroll half-way.
      const top = mark.getBoundingClientRect().top - text.getBoundingClientRect().top + text.scrollTop;
      text.scrollTo({ top: Math.max(0, top - text.clientHeight / 3), behavior: "smooth" });
      mark.focus({ preventScroll: true });
    });
  });

  // A row opened by its #fact-… anchor (after adding by hand) is marked too.
  if (location.hash.startsWith("#fact-")) {
    const row = document.getElementById(location.hash.slice(1));
    if (row) flash(row);
  }

  // The admin's select2 widgets name their combobox by the chosen value alone,
  // and by nothing while empty: prefix the field's label (the <span id="…-label">
  // of its row). Runs after django.jQuery's ready handler of autocomplete.js,
  // which builds the widgets, because it is registered after it.
  function nameComboboxes() {
    document.querySelectorAll(".fact-field select").forEach((select) => {
      const label = document.getElementById(select.id + "-label");
      const combobox = select.parentElement.querySelector(".select2-selection[role=combobox]");
      if (!label || !combobox) return;
      const rendered = combobox.querySelector(".select2-selection__rendered");
      combobox.setAttribute("aria-labelledby", label.id + (rendered && rendered.id ? " " + rendered.id : ""));
      if (rendered) rendered.setAttribute("aria-labelledby", label.id);
    });
  }
  if (window.django && window.django.jQuery) window.django.jQuery(nameComboboxes);

  // Select all proposed rows for a bulk decision.
  const all = document.getElementById("select-proposed");
  if (all) {
    all.addEventListener("change", () => {
      document.querySelectorAll(".fact-row.status-proposed .fact-select input").forEach((box) => {
        box.checked = all.checked;
      });
    });
  }

  // A selection in the text becomes the span of a fact added by hand.
  const start = document.getElementById("id_hand-span_start");
  const end = document.getElementById("id_hand-span_end");
  const quote = document.getElementById("hand-quote");
  if (!start || !end) return;

  function offsetOf(node, offset) {
    if (node === text) {
      // A point between segments: the offset of the segment that follows.
      const child = text.childNodes[offset];
      return child ? Number(child.dataset.o) : Number(text.dataset.length || text.textContent.length);
    }
    const segment = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest("[data-o]");
    if (!segment || !text.contains(segment)) return null;
    if (node.nodeType !== Node.TEXT_NODE) {
      return Number(segment.dataset.o) + (offset > 0 ? segment.textContent.length : 0);
    }
    return Number(segment.dataset.o) + offset;
  }

  text.addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    const a = offsetOf(range.startContainer, range.startOffset);
    const b = offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    start.value = a;
    end.value = b;
    quote.textContent = "“" + selection.toString() + "”";
    quote.classList.add("chosen");
    quote.dataset.start = a;
    quote.dataset.end = b;
  });
})();
