// drafter: the page's own behaviour, sent by drafter's server (the page's
// Content-Security-Policy runs no inline script and no onclick attribute).
// Loaded at the end of the body, before the page's load event starts the terminal.
(function () {
  // The Start and Restart buttons: wake the server, then open the page again.
  function startUrl() {
    const url = new URL(window.location.href);
    const params = new URLSearchParams(url.search);
    params.delete("delay");
    return url.pathname + "?" + params.toString();
  }
  async function refresh() {
    const pingUrl = document.body.dataset.pingurl;
    if (pingUrl) {
      await fetch(pingUrl, { method: "GET", mode: "no-cors" });
    }
    window.location.href = startUrl();
  }
  for (const button of document.querySelectorAll("button[data-refresh]")) {
    button.addEventListener("click", refresh);
  }

  // The resume code. Kept in this browser, so a reloaded tab opens the same
  // work; ?resume=CODE in the address opens it from another browser.
  const key = "drafter-resume";
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const valid = (c) => /^[0-9A-HJKMNP-TV-Z]{25}$/.test(c);
  const url = new URL(window.location.href);
  let code = (url.searchParams.get("resume") || "").replace(/[\s-]/g, "").toUpperCase();
  if (!valid(code)) {
    try {
      code = localStorage.getItem(key) || "";
    } catch (e) {
      code = "";
    }
  }
  if (!valid(code)) {
    const bytes = new Uint8Array(25);
    crypto.getRandomValues(bytes);
    code = Array.from(bytes, (b) => alphabet[b % 32]).join("");
  }
  try {
    localStorage.setItem(key, code);
  } catch (e) {}
  if (url.searchParams.has("resume")) {
    url.searchParams.delete("resume");
    history.replaceState(null, "", url);
  }
  const terminal = document.getElementById("terminal");
  terminal.dataset.sessionWebsocketUrl += "/" + code;
})();
