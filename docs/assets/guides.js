/* Decision guides: the rules live in Python (macros/); this only looks up the data the build
   embedded. Answers live in the query string; nothing read from it becomes HTML. */
(() => {
  "use strict";
  const full = (pattern, text) => new RegExp(`^(?:${pattern})$`).test(text);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (Object.hasOwn(values, key) ? values[key] : m));

  /* Walk a tree {q, a: {answer: node}}; a leaf is an index. */
  const walk = (node, answers) => {
    const asked = [];
    while (typeof node === "object") {
      asked.push(node.q);
      const answer = (answers.get(node.q) || [])[0];
      if (answer === undefined || !Object.hasOwn(node.a, answer)) return { asked, leaf: null };
      node = node.a[answer];
    }
    return { asked, leaf: node };
  };

  /* Permissions: the union of the needs, minus what another chosen one implies; those kept that need approval;
     the union of the sources of each part present (macros/decisions/permissions.py, cover_sources). */
  const cover = (data, chosen) => {
    const wanted = new Set(chosen.flatMap((c) => data.needs[c]));
    const leftOut = new Map();
    for (const name of [...wanted].sort()) {
      const by = [...wanted].filter((other) => data.implies[other].includes(name)).sort();
      if (by.length) leftOut.set(name, by);
    }
    const kept = [...wanted].filter((name) => !leftOut.has(name)).sort();
    const approval = kept.filter((name) => data.approval.includes(name));
    const { base, approval: byApproval, kept: ofKept } = data.sources;
    const sources = [...new Set([...base, ...approval.flatMap((name) => byApproval[name]), ...(kept.length ? ofKept : [])])];
    return { kept, leftOut, id: kept.join("+") || "none", approval, sources };
  };

  /* The "Sources" block of these source ids, from the ones the build embedded. */
  const cited = (root, ids) => {
    const block = root.querySelector(".decision-guide__source-items").content.firstElementChild.cloneNode(true);
    const list = block.querySelector("ul");
    list.replaceChildren(...ids.map((id) => list.querySelector(`[data-source="${id}"]`)));
    return block;
  };

  /* Each kind shows its result and returns the questions it asks now. */
  const kinds = {
    tree(root, data, answers, show) {
      const path = walk(data.tree, answers);
      if (path.leaf === null) show("", []);
      else {
        const panel = root.querySelector(`#${root.id}-o${path.leaf}`).cloneNode(true);
        panel.removeAttribute("id");
        show(data.outcomes[path.leaf], [panel]);
      }
      return path.asked;
    },

    cover(root, data, answers, show) {
      const chosen = answers.get(data.question) || [];
      const { kept, leftOut, id, approval, sources } = cover(data, chosen);
      const parts = root.querySelector(".decision-guide__parts").content;
      const list = parts.querySelector("ul").cloneNode(false);
      for (const name of kept) list.append(parts.querySelector(`[data-kept="${name}"]`).cloneNode(true));
      for (const [name, by] of leftOut) {
        const item = parts.querySelector(`[data-left-out="${name}"]`).cloneNode(true);
        item.querySelector("[data-by]").textContent = by.join(", ");
        list.append(item);
      }
      if (kept.length) list.append(parts.querySelector("[data-within-role]").cloneNode(true));
      const title = parts.querySelector(".decision-guide__title").cloneNode(true);
      const notes = approval.map((name) => parts.querySelector(`[data-approval="${name}"]`).cloneNode(true));
      show(chosen.length ? id : "", chosen.length ? [title, ...notes, list, cited(root, sources)] : []);
      return [data.question];
    },

    plan(root, data, answers, show) {
      const asked = new Set(data.always);
      const values = {};
      const fromParts = {};
      const decisions = [];
      let blocked = "";
      let complete = true;
      const template = (selector) => root.querySelector(selector).content;
      /* A checklist line: label, value and why, with a free-form answer put in. */
      const item = ([label, text, why], value = "", extra = {}) => {
        const li = template("[data-line]").firstElementChild.cloneNode(true);
        li.querySelector(".decision-guide__label").textContent = label;
        li.querySelector(".decision-guide__value").textContent = text.replace("{value}", () => value);
        li.querySelector(".decision-guide__why").textContent = fill(why, extra);
        return li;
      };
      const line = (key, value, extra) => item(data.lines[key], value, extra);
      data.parts.forEach((part) => {
        const path = walk(part.tree, answers);
        path.asked.forEach((name) => asked.add(name));
        if (path.leaf === null) return void (complete = false);
        const leaf = part.leaves[path.leaf];
        decisions.push({ part: part.name, ids: leaf.ids || [], sources: leaf.sources || [] });
        Object.assign(values, leaf.params);
        leaf.asks?.forEach((name) => asked.add(name));
        blocked = blocked || leaf.blocked || "";
        for (const [slot, lines] of Object.entries(leaf.lines)) fromParts[slot] = lines.map((fields) => item(fields));
      });
      const ids = decisions.flatMap((part) => part.ids);
      const sources = decisions.flatMap((part) => part.sources);

      const text = (name) => (asked.has(name) ? answers.get(name) || [] : []);
      /* Say a missing answer only once the rest is answered. */
      const errors = [];
      const report = (key, field, more) =>
        (complete || !["blank", "none"].includes(key)) && errors.push(fill(data.messages[key], { field, ...more }));
      for (const rule of data.rules) {
        const items = text(rule.name);
        if (rule.items > 1 && items.length > rule.items) report("many", rule.name, { count: items.length, max: rule.items });
        if (rule.required && !items.length) report("blank", rule.name);
        for (const item of items) {
          if (rule.required && full(data.blank, item)) report("blank", rule.name);
          if (rule.max && [...item].length > rule.max) report("long", rule.name, { count: [...item].length, max: rule.max });
          if ([...item].length < (rule.min || 0) && !full(data.blank, item)) report("short", rule.name, { value: item, count: [...item].length, min: rule.min });
          if (rule.pattern && !full(rule.pattern, item)) report("pattern", rule.name, { value: item, label: rule.label });
        }
      }
      const partners = Object.keys(data.carriers).filter((id) => text("partners").includes(id));
      if (asked.has("partners") && !partners.length) report("none", "partners");

      const scopes = cover(data.cover, text("capabilities"));
      const uris = text("redirect_uris");
      const [name = ""] = text("name");
      const [description = ""] = text("description");
      const partnerName = (id) => root.querySelector(`[data-question=partners][value=${id}] + span`).textContent;
      const free = {
        name: [line("name", name)],
        description: description ? [line("description", description)] : [],
        redirect_uris: !asked.has("redirect_uris") ? [] : uris.length ? uris.map((uri) => line("redirect_uris", uri)) : [line("no_redirect_uris")],
        permissions: [scopes.kept.length ? line("permissions", scopes.kept.join(", ")) : line("no_permissions")],
        approval: scopes.approval.map((name) => line("approval", name)),
        partners: partners.map((id) => line("partners", partnerName(id), { carrier: data.carriers[id] })),
      };

      const ready = complete && !errors.length;
      const box = root.querySelector(".decision-guide__plan");
      box.hidden = !ready;
      const status = template(`[data-status="${ready ? "ready" : errors.length ? "fix" : "todo"}"]`).cloneNode(true);
      status.querySelector("ul")?.append(...errors.map((e) => Object.assign(document.createElement("li"), { textContent: e })));
      if (ready) {
        for (const [step, slots] of Object.entries(data.checklist)) {
          /* A slot is a part's lines, a free-form answer's, or a fixed line. */
          const items = slots.flatMap((slot) => fromParts[slot] ?? free[slot] ?? [line(slot)]);
          box.querySelector(`[data-section="${step}"]`).replaceChildren(...items);
        }
        Object.assign(values, {
          name, description, permissions: scopes.kept.join(","), redirect_uris: uris.join(","),
          carriers: partners.map((id) => data.carriers[id]).join(","),
        });
        /* The link presets every value; the editable one leaves out those the form then locks. */
        const linkTo = (keys) =>
          `${data.base}?` + keys.filter(([key]) => values[key]).map(([key, param]) => `${param}=${encodeURIComponent(values[key])}`).join("&");
        const url = linkTo(data.params);
        const editable = linkTo(data.params.filter(([key]) => !data.readOnly.includes(key)));
        for (const [selector, href] of [[".decision-guide__console", url], [".decision-guide__editable", editable]]) {
          const link = root.querySelector(selector);
          link.hidden = Boolean(blocked);
          link.href = blocked ? "#" : href;
        }
        root.querySelector(".decision-guide__read-only").hidden = Boolean(blocked);
        const planSources = [...new Set([...sources, ...scopes.sources, ...data.planSources])];
        box.querySelector(".decision-guide__plan-sources").replaceChildren(cited(root, planSources));
        root.querySelector(".decision-guide__blocked").textContent = blocked;
        const printed = root.querySelector(".decision-guide__print-url");
        printed.hidden = Boolean(blocked);
        printed.querySelector("code").textContent = blocked ? "" : url;
        const markdown = [`# App plan: ${name}`];
        const checklist = [];
        for (const item of box.querySelectorAll("h3, .decision-guide__checklist > li")) {
          const [label, value, why] = [...item.children].map((part) => part.textContent);
          markdown.push(item.tagName === "H3" ? `\n## ${label}\n` : `- [ ] ${label}: ${value}` + (why ? ` (${why})` : ""));
          if (item.tagName === "H3") checklist.push({ step: item.nextElementSibling.dataset.section, title: label, lines: [] });
          else checklist.at(-1).lines.push({ label, value, why });
        }
        if (!blocked) markdown.push("", `[Open in the Developer Console](<${url}>)`);
        markdown.push("", "## Sources", "", ...[...box.querySelectorAll("[data-source]")].map((li) => `- ${li.textContent}`));
        root.querySelector(".decision-guide__copy").dataset.clipboardText = markdown.join("\n");
        /* Plan.to_json, from what the page shows. */
        const kept = {};
        for (const name of asked) {
          const boxes = [...root.querySelectorAll(`[type=checkbox][data-question="${name}"]`)];
          kept[name] = boxes.length ? boxes.filter((b) => b.checked).map((b) => b.value) : root.querySelector(`[data-lines][data-text="${name}"]`) ? text(name) : text(name)[0] || "";
        }
        const json = {
          schema: data.schema, id: [...ids, scopes.id].join("/"), answers: kept,
          decisions: [...decisions, { part: "permissions", ids: [scopes.id], sources: scopes.sources }], checklist,
          console_url: blocked ? null : url, editable_console_url: blocked ? null : editable, console_url_reason: blocked,
          fields: Object.fromEntries(data.params.filter(([key]) => values[key]).map(([key, param]) => [param, values[key]])),
          sources: planSources,
        };
        root.querySelector(".decision-guide__json").href = `data:application/json,${encodeURIComponent(JSON.stringify(json))}`;
      }
      show(ready ? [...ids, scopes.id].join("/") : "", [status]);
      return [...asked];
    },
  };

  const setup = (root) => {
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    const data = JSON.parse(root.dataset.model);
    const form = root.querySelector(".decision-guide__form");
    const result = root.querySelector(".decision-guide__result");
    const inputs = [...form.querySelectorAll("input[data-question]")];
    const texts = [...form.querySelectorAll("[data-text]")];
    const names = [...new Set(inputs.map((i) => i.dataset.question).concat(texts.map((t) => t.dataset.text)))];
    const valid = (name, value) =>
      texts.some((t) => t.dataset.text === name) || inputs.some((i) => i.dataset.question === name && i.value === value);
    const visible = (element) => !element.closest("[data-name]").hidden;

    /* Unknown options in the URL are ignored. */
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
      const add = (name, value) => value && answers.set(name, [...(answers.get(name) || []), value]);
      for (const input of inputs) if (input.checked && visible(input)) add(input.dataset.question, input.value);
      for (const box of texts) {
        const values = "lines" in box.dataset ? box.value.split("\n").map((s) => s.trim()) : [box.value];
        if (visible(box)) values.forEach((value) => add(box.dataset.text, value));
      }
      return answers;
    };

    const show = (outcome, content) => {
      result.dataset.outcome = outcome;
      result.replaceChildren(...content);
    };
    /* Show where the answers lead; with sync, put them in the form too. */
    const render = (answers, sync = false) => {
      if (sync) {
        for (const input of inputs) input.checked = (answers.get(input.dataset.question) || []).includes(input.value);
        for (const box of texts) box.value = (answers.get(box.dataset.text) || []).join("\n");
      }
      const asked = kinds[data.kind](root, data, answers, show);
      for (const field of form.querySelectorAll("[data-name]")) field.hidden = !asked.includes(field.dataset.name);
      /* A step with no question to show says what it waits for. */
      for (const note of form.querySelectorAll(".decision-guide__waiting")) {
        note.hidden = [...note.parentElement.querySelectorAll("[data-name]")].some((field) => !field.hidden);
      }
      return asked;
    };

    const save = (answers, asked, replace = false) => {
      const params = new URLSearchParams(location.search);
      for (const name of names) params.delete(name);
      for (const name of asked) for (const value of answers.get(name) || []) params.append(name, value);
      const query = params.toString();
      const url = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history[replace ? "replaceState" : "pushState"](null, "", url);
    };
    /* A click adds a history step; typing replaces it. */
    const update = (replace) => {
      const answers = fromForm();
      save(answers, render(answers), replace);
    };
    form.addEventListener("change", () => update(false));
    form.addEventListener("input", (event) => event.target.dataset.text && update(true));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.querySelector(".decision-guide__reset").addEventListener("click", () => {
      save(new Map(), render(new Map(), true));
      form.querySelector("input").focus();
    });
    refreshers.set(root, () => render(fromUrl(), true));

    form.hidden = false;
    root.querySelector(".decision-guide__paths").open = false;
    render(fromUrl(), true);
  };

  /* Back and forward: every guide reads the URL again. */
  const refreshers = new WeakMap();
  addEventListener("popstate", () => document.querySelectorAll(".decision-guide").forEach((root) => refreshers.get(root)?.()));

  /* This script is in <head>: each guide calls decisionGuide as soon as it is parsed, before the
     first paint. Then every guide once the page is parsed, and each page that Material's instant
     navigation brings, when its document$ says so (setup skips a guide that is ready). */
  const start = () => document.querySelectorAll(".decision-guide").forEach(setup);
  window.decisionGuide = setup;
  addEventListener("DOMContentLoaded", () => {
    start();
    window.document$?.subscribe(start);
  });
})();
