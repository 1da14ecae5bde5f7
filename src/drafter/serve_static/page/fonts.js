// drafter: the terminal draws on a canvas and keeps each glyph it has drawn, so
// both faces must be loaded before it starts (textual.js starts it on load). A
// face that fails to load must not keep the app from starting: wait at most 5 s.
// Loaded right after textual.js, whose window.onload it wraps.
(function () {
  const start = window.onload;
  window.onload = function (event) {
    const faces = document.fonts
      ? Promise.all([
          document.fonts.load('16px "Roboto Mono"', "Aa"),
          document.fonts.load('16px "Roboto Mono"', "\u2588\u25cf\u2192\u2500"),
        ])
      : Promise.resolve();
    const late = new Promise((resolve) => setTimeout(resolve, 5000));
    Promise.race([faces, late])
      .catch(() => {})
      .then(() => start && start.call(window, event));
  };
})();
