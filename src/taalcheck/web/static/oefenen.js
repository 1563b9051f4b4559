// Oefenmodus: the participant rewrites a passage; the page shows which findings are gone, which
// remain and how the balance moves. Nothing is stored: the texts live only in this page.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const passages = JSON.parse($("voorbeelden").dataset.passages || "[]");
  let original = "";
  let timer = null;
  let sequence = 0;

  $("groot").addEventListener("change", (event) => {
    document.body.classList.toggle("groot", event.target.checked);
  });

  $("voorbeeld").addEventListener("change", (event) => {
    const index = event.target.value;
    if (index !== "") {
      $("origineel").value = passages[Number(index)];
    }
  });

  // With "Namen eruit" on, the server replaces names and other details by labels before the
  // exercise starts: the group only ever sees (and rewrites) the text with labels.
  async function withoutNames(text) {
    const status = $("start-status");
    status.textContent = "Even geduld: namen en gegevens worden vervangen door labels…";
    const response = await fetch("/oefenen/anonimiseren", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tekst: text }),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.fout || "Dat lukte niet.");
    status.textContent = "Namen en gegevens zijn vervangen door labels zoals [PERSOON-1].";
    return data.tekst;
  }

  $("start").addEventListener("click", async () => {
    let text = $("origineel").value.trim();
    if (!text) {
      $("origineel").focus();
      return;
    }
    if ($("anonimiseer").checked) {
      $("start").disabled = true;
      try {
        text = await withoutNames(text);
      } catch (error) {
        $("start-status").textContent =
          error instanceof TypeError ? "De pagina kon de server niet bereiken." : error.message;
        return;
      } finally {
        $("start").disabled = false;
      }
      $("origineel").value = text;
    } else {
      $("start-status").textContent = "";
    }
    original = text;
    $("herschrijving").value = original;
    $("oefening").hidden = false;
    $("herschrijving").focus();
    check();
  });

  $("controleer").addEventListener("click", check);
  $("herschrijving").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  });

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function list(title, items, className) {
    const section = element("div", "group " + className);
    section.appendChild(element("h3", "", title + " (" + items.length + ")"));
    const ul = element("ul");
    for (const item of items) {
      ul.appendChild(element("li", "", item.term + ": “" + item.text + "”"));
    }
    if (!items.length) ul.appendChild(element("li", "none", "geen"));
    section.appendChild(ul);
    return section;
  }

  function ratio(balance) {
    return balance.ratio === null ? "–" : String(balance.ratio).replace(".", ",") + " : 1";
  }

  function show(data) {
    const out = $("uitkomst");
    out.replaceChildren();
    const tally = element("p", "tally");
    tally.appendChild(element("span", "status-resolved", data.resolved.length + " opgelost"));
    tally.appendChild(element("span", "status-kept", data.kept.length + " gebleven"));
    tally.appendChild(element("span", "status-added", data.added.length + " nieuw"));
    out.appendChild(tally);
    const balance = element("p", "balance-move");
    balance.id = "balans";
    const ratios = data.balance.old.ratio === null && data.balance.new.ratio === null
      ? ""
      : " (verhouding " + ratio(data.balance.old) + " → " + ratio(data.balance.new) + ")";
    balance.textContent =
      "Balans: controle " + data.balance.old.control + " → " + data.balance.new.control +
      ", vertrouwen " + data.balance.old.trust + " → " + data.balance.new.trust + ratios;
    out.appendChild(balance);
    const text = element("div", "text practice-text");
    text.lang = "nl";
    text.innerHTML = data.html; // escaped by the server (report.html.highlight)
    out.appendChild(text);
    const groups = element("div", "groups");
    groups.appendChild(list("Opgelost", data.resolved, "resolved"));
    groups.appendChild(list("Gebleven", data.kept, "kept"));
    groups.appendChild(list("Nieuw", data.added, "added"));
    out.appendChild(groups);
  }

  async function check() {
    clearTimeout(timer);
    const mine = ++sequence;
    const rewrite = $("herschrijving").value;
    try {
      const response = await fetch("/oefenen/controleren", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ origineel: original, herschrijving: rewrite }),
      });
      const data = await response.json();
      if (mine !== sequence) return; // a newer check is on its way
      if (!response.ok) {
        $("uitkomst").replaceChildren(element("p", "error", data.fout || "Dat lukte niet."));
        return;
      }
      show(data);
    } catch (error) {
      $("uitkomst").replaceChildren(element("p", "error", "De pagina kon de controle niet bereiken."));
    }
  }
})();
