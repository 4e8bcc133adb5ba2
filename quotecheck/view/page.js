// quotecheck view: j/k or the arrow keys move between quotes; focusing a quote
// highlights its content and roles in the text; clicking a highlight focuses its quote.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-q]"));
  var lit = [];
  function show(card) {
    lit.forEach(function (e) { e.classList.remove("active"); });
    lit = [card].concat(Array.prototype.slice.call(
      document.querySelectorAll('.m[data-q="' + card.dataset.q + '"]')));
    lit.forEach(function (e) { e.classList.add("active"); });
    var first = document.querySelector('.m[data-q="' + card.dataset.q + '"][data-role="content"]');
    if (first) { first.scrollIntoView({block: "nearest"}); }
  }
  cards.forEach(function (card) {
    card.addEventListener("focus", function () { show(card); });
  });
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest(".m[data-q]");
    var card = mark && document.getElementById("card-" + mark.dataset.q);
    if (card) { card.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !cards.length) { return; }
    var step = {j: 1, ArrowDown: 1, k: -1, ArrowUp: -1}[event.key];
    if (!step) { return; }
    var here = cards.indexOf(document.activeElement);
    var next = here < 0 ? (step > 0 ? 0 : cards.length - 1) : here + step;
    event.preventDefault();
    cards[Math.max(0, Math.min(cards.length - 1, next))].focus();
  });
})();
