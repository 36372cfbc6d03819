// Article page: toggle highlight layers, jump from a trigger to its event, post verdicts.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  document.querySelectorAll("#legend input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
  if (text) {
    text.addEventListener("click", function (ev) {
      var seg = ev.target.closest("[data-ref]");
      if (!seg) return;
      var card = document.getElementById(seg.dataset.ref);
      if (!card) return;
      card.scrollIntoView({ behavior: "smooth", block: "center" });
      card.classList.add("flash");
      setTimeout(function () { card.classList.remove("flash"); }, 1500);
    });
  }

  var tokenInput = document.getElementById("token");
  if (tokenInput) {
    tokenInput.value = sessionStorage.getItem("hadath-token") || "";
    tokenInput.addEventListener("change", function () {
      sessionStorage.setItem("hadath-token", tokenInput.value);
    });
  }

  function post(form, verdict) {
    var body = { article_id: form.dataset.article, idx: Number(form.dataset.idx), verdict: verdict };
    if (verdict === "corrected") {
      ["cameo", "source", "target"].forEach(function (name) {
        body[name] = form.elements[name].value.trim();
      });
    }
    var note = form.elements.note.value.trim();
    if (note) body.note = note;
    var headers = { "Content-Type": "application/json" };
    if (tokenInput && tokenInput.value) headers.Authorization = "Bearer " + tokenInput.value;
    var message = form.querySelector(".verdict-message");
    message.textContent = "saving…";
    fetch("/v1/verdicts", { method: "POST", headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) { message.textContent = result.data.error || "not saved"; return; }
        var state = form.querySelector(".verdict-state");
        state.textContent = "";
        var badge = document.createElement("span");
        badge.className = "verdict verdict-" + result.data.verdict.verdict;
        badge.textContent = result.data.verdict.verdict;
        state.appendChild(badge);
        message.textContent = "saved";
      })
      .catch(function (err) { message.textContent = "not saved: " + err; });
  }

  document.querySelectorAll("form.verdict-form").forEach(function (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.querySelectorAll("button[data-verdict]").forEach(function (button) {
      button.addEventListener("click", function () { post(form, button.dataset.verdict); });
    });
  });
})();
