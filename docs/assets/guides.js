/* Decision guides. Every rule lives in Python (macros/decisions); the build embeds its results as
   data, and this script only looks them up: it walks the question tree, or, for the permissions,
   takes the union of per-option data and drops what another choice includes. Answers live in the
   query string; nothing read from it ever becomes HTML. */
(() => {
  "use strict";
  const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  /* Walk a tree {q, a: {answer: node}} with the answers; a leaf is an index. */
  const walk = (node, answers) => {
    const asked = [];
    while (typeof node === "object") {
      asked.push(node.q);
      const answer = (answers.get(node.q) || [])[0];
      if (answer === undefined || !own(node.a, answer)) return { asked, leaf: null };
      node = node.a[answer];
    }
    return { asked, leaf: node };
  };

  /* The generic combinator: union of the needs, minus what another chosen item implies. */
  const cover = (data, chosen) => {
    const wanted = new Set(chosen.flatMap((c) => data.needs[c]));
    const leftOut = new Map();
    for (const name of wanted) {
      const by = [...wanted].filter((other) => data.implies[other].includes(name)).sort();
      if (by.length) leftOut.set(name, by);
    }
    const kept = [...wanted].filter((name) => !leftOut.has(name)).sort();
    return { kept, leftOut };
  };

  const setup = (root) => {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    const data = JSON.parse(root.dataset.model);
    const form = root.querySelector(".decision-guide__form");
    const result = root.querySelector(".decision-guide__result");
    const inputs = [...form.querySelectorAll("input[data-question]")];
    const names = [...new Set(inputs.map((i) => i.dataset.question))];
    const valid = (name, value) => inputs.some((i) => i.dataset.question === name && i.value === value);

    /* Only known options count; anything else in the URL is ignored. */
    const fromUrl = () => {
      const params = new URLSearchParams(location.search);
      const answers = new Map();
      for (const name of names) {
        const values = params.getAll(name).filter((v) => valid(name, v));
        if (values.length) answers.set(name, values);
      }
      return answers;
    };
    const fromForm = () => {
      const answers = new Map();
      for (const input of inputs) {
        if (!input.checked || input.closest("fieldset").hidden) continue;
        const name = input.dataset.question;
        answers.set(name, (answers.get(name) || []).concat(input.value));
      }
      return answers;
    };

    const show = (outcome, content) => {
      result.dataset.outcome = outcome;
      result.replaceChildren(...content);
    };

    const render = (answers) => {
      let asked = names;
      if (data.kind === "tree") {
        const path = walk(data.tree, answers);
        asked = path.asked;
        if (path.leaf === null) show("", []);
        else {
          const panel = root.querySelector(`#${root.id}-o${path.leaf}`).cloneNode(true);
          panel.removeAttribute("id");
          show(data.outcomes[path.leaf], [panel]);
        }
      } else {
        const chosen = answers.get(data.question) || [];
        const { kept, leftOut } = cover(data, chosen);
        const parts = root.querySelector(".decision-guide__parts").content;
        const title = parts.querySelector(".decision-guide__title").cloneNode(true);
        const list = parts.querySelector("ul").cloneNode(false);
        for (const name of kept) list.append(parts.querySelector(`[data-kept="${name}"]`).cloneNode(true));
        for (const [name, by] of leftOut) {
          const item = parts.querySelector(`[data-left-out="${name}"]`).cloneNode(true);
          item.querySelector("[data-by]").textContent = by.join(", ");
          list.append(item);
        }
        if (chosen.length) show(kept.join("+") || "none", [title, list]);
        else show("", []);
      }
      for (const fieldset of form.querySelectorAll("fieldset")) fieldset.hidden = !asked.includes(fieldset.dataset.name);
      for (const input of inputs) input.checked = (answers.get(input.dataset.question) || []).includes(input.value);
      return asked;
    };

    /* Keep the URL in step: this guide's answers on the path, everything else untouched. */
    const save = (answers, asked) => {
      const params = new URLSearchParams(location.search);
      for (const name of names) params.delete(name);
      for (const name of asked) for (const value of answers.get(name) || []) params.append(name, value);
      const query = params.toString();
      const url = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    };

    form.addEventListener("change", () => {
      const answers = fromForm();
      save(answers, render(answers));
    });
    form.querySelector(".decision-guide__reset").addEventListener("click", () => {
      save(new Map(), render(new Map()));
      form.querySelector("input").focus();
    });
    refreshers.set(root, () => render(fromUrl()));

    form.hidden = false;
    root.querySelector(".decision-guide__paths").open = false;
    render(fromUrl());
  };

  /* Back and forward: every guide on the page takes its answers from the URL again. */
  const refreshers = new WeakMap();
  addEventListener("popstate", () => document.querySelectorAll(".decision-guide").forEach((root) => refreshers.get(root)?.()));

  const start = () => document.querySelectorAll(".decision-guide").forEach(setup);
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
