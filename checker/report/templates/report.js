(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  if (!form) { return; }
  function checked(name) {
    var out = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }
  function apply() {
    var verdicts = checked("verdict"), severities = checked("severity");
    var total = 0, visible = 0;
    document.querySelectorAll("article.claim").forEach(function (claim) {
      var findings = claim.querySelectorAll("li.finding");
      var anyFinding = false;
      findings.forEach(function (f) {
        var on = severities[f.dataset.severity] !== false;
        f.hidden = !on;
        anyFinding = anyFinding || on;
      });
      var verdict = claim.dataset.verdict;
      var show = (verdict === "" || verdicts[verdict] !== false) && (findings.length === 0 || anyFinding);
      claim.hidden = !show;
      if (verdict !== "") { total += 1; if (show) { visible += 1; } }
    });
    document.querySelectorAll("section.file").forEach(function (section) {
      section.hidden = section.querySelector("article.claim:not([hidden])") === null;
    });
    if (shown) { shown.textContent = "Showing " + visible + " of " + total + " claims"; }
  }
  // The filter state lives in the URL hash (#verdict=contradicted&severity=error,warning),
  // so a filtered view can be bookmarked or shared.
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    ["verdict", "severity"].forEach(function (name) {
      if (!params.has(name)) { return; }
      var wanted = params.get(name).split(",");
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1;
      });
    });
  }
  function toHash() {
    var parts = [];
    ["verdict", "severity"].forEach(function (name) {
      var boxes = form.querySelectorAll('input[name="' + name + '"]');
      var on = [];
      boxes.forEach(function (box) { if (box.checked) { on.push(box.value); } });
      if (on.length !== boxes.length) { parts.push(name + "=" + on.join(",")); }
    });
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : window.location.pathname);
  }
  form.addEventListener("change", function () { apply(); toHash(); });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
