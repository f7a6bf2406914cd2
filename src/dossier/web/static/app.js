// Dossier web UI: the only script. Evidence view clicks and ingest-job polling.
(function () {
  "use strict";

  function inside(span, seg) {
    var a = span.split("-").map(Number), b = seg.split("-").map(Number);
    return a[0] <= b[0] && b[1] <= a[1];
  }

  // Evidence view: clicking highlighted text shows the records over it.
  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("click", function (ev) {
      var seg = ev.target.closest(".seg");
      if (!seg) { return; }
      document.querySelectorAll(".seg.picked, .rec.on").forEach(function (el) {
        el.classList.remove("picked", "on");
      });
      seg.classList.add("picked");
      var first = null;
      seg.dataset.refs.split(" ").forEach(function (ref) {
        var li = document.getElementById(ref.replace(":", "-"));
        if (li) { li.classList.add("on"); first = first || li; }
      });
      if (first) { first.scrollIntoView({ block: "nearest" }); }
    });
    document.getElementById("records").addEventListener("click", function (ev) {
      var li = ev.target.closest(".rec");
      if (!li || ev.target.closest("a")) { return; }
      document.querySelectorAll(".seg.picked").forEach(function (el) { el.classList.remove("picked"); });
      var first = null;
      text.querySelectorAll(".seg").forEach(function (seg) {
        if (inside(li.dataset.span, seg.dataset.span)) { seg.classList.add("picked"); first = first || seg; }
      });
      if (first) { first.scrollIntoView({ block: "center" }); }
    });
  }

  // Ingest job: poll its JSON twin until it is done or failed.
  var job = document.getElementById("job");
  if (job && (job.dataset.state === "queued" || job.dataset.state === "running")) {
    var poll = function () {
      fetch("/ingest/jobs/" + job.dataset.job + ".json").then(function (r) { return r.json(); })
        .then(function (d) {
          job.dataset.state = d.state;
          document.getElementById("job-state").textContent = d.state;
          document.getElementById("job-done").textContent = d.files_done;
          document.getElementById("job-docs").textContent = d.documents;
          document.getElementById("job-current").textContent = d.current ? ", reading " + d.current : "";
          document.getElementById("job-progress").value = d.state === "done" ? 1 : d.progress;
          document.getElementById("job-error").textContent = d.error || "";
          if (d.summary) {
            document.getElementById("job-summary").textContent = d.summary.articles + " article(s), " +
              d.summary.quotes + " quote(s), " + d.summary.events + " event(s).";
          }
          var list = document.getElementById("job-rejected-list");
          list.replaceChildren.apply(list, (d.rejected || []).map(function (r) {
            var li = document.createElement("li"), b = document.createElement("b");
            b.textContent = r.file;
            li.append(b, ": " + r.reason);
            return li;
          }));
          document.getElementById("job-rejected").hidden = !(d.rejected || []).length;
          document.getElementById("job-cancel").hidden = !(d.state === "queued" || d.state === "running");
          if (d.state === "done") { document.getElementById("job-links").hidden = false; }
          if (d.state === "queued" || d.state === "running") { setTimeout(poll, 1000); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 500);
  }
})();
