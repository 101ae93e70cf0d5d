// If Kinplan ever stops (a fault in the WebAssembly), nobody is left with
// a blank or frozen page: this plain script, which does not depend on the
// part that failed, puts up a page that says what happened, that what was
// saved is safe, and offers a reload and a download of everything Kinplan
// keeps on this device, exactly as stored. Kinplan's import reads that
// file ("kinplan-device-backup", docs/export-format.md).
//
// While a child has the screen (child mode), the page only asks for the
// worker: a child must not be able to download the family's records.
"use strict";

(function () {
  var shown = false;

  function fromWasm(error) {
    if (!error) return false;
    if (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) return true;
    var stack = String(error.stack || "");
    return /wasm/.test(stack);
  }

  function kinplanRecords() {
    var records = {};
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf("kinplan.") === 0) records[key] = localStorage.getItem(key);
    }
    return records;
  }

  function download() {
    var made = new Date().toISOString();
    var text = JSON.stringify({ format: "kinplan-device-backup", made: made, records: kinplanRecords() });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "kinplan-backup-" + made.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    return node;
  }

  function show() {
    if (shown) return;
    shown = true;
    var childMode = false;
    try {
      childMode = localStorage.getItem("kinplan.child-lock") !== null;
    } catch (e) {
      childMode = true;
    }
    var main = element("main", null, { id: "main", class: "width-container crash-page", tabindex: "-1" });
    main.appendChild(element("h1", "Something went wrong"));
    if (childMode) {
      main.appendChild(element("p", "Please ask your worker to look at the screen.", { class: "child-ask-worker" }));
    } else {
      main.appendChild(element("p", "Kinplan has stopped working. What was saved is safe on this device: every change is saved as you make it, so only the last moment's typing may be missing."));
      main.appendChild(element("p", "Reload Kinplan to carry on. If it stops again, download a backup of everything first, and tell your team's Kinplan contact."));
    }
    var buttons = element("div", null, { class: "button-group" });
    var reload = element("button", "Reload Kinplan", { type: "button", class: "button" });
    reload.addEventListener("click", function () { location.reload(); });
    buttons.appendChild(reload);
    if (!childMode) {
      var backup = element("button", "Download a backup of everything", { type: "button", class: "button button-secondary", id: "crash-backup" });
      backup.addEventListener("click", download);
      buttons.appendChild(backup);
    }
    main.appendChild(buttons);
    // Everything Kinplan drew goes: it may be half-updated.
    document.body.replaceChildren(main);
    document.title = "Something went wrong - Kinplan";
    main.focus();
  }

  window.addEventListener("error", function (event) {
    if (fromWasm(event.error)) show();
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (fromWasm(event.reason)) show();
  });
})();
