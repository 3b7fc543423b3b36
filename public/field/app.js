// XãSố field app: households, visits and new people recorded offline, kept in IndexedDB, sent by the sync protocol
// (docs/community/field-sync.md). Plain JavaScript for Chrome 109 / Android WebView; no build step, no library.
// Every text comes from the page (#field-messages, from field.messages.ts); data is shown with textContent only.
(() => {
  const M = JSON.parse(document.getElementById("field-messages").textContent);
  const CFG = JSON.parse(document.getElementById("field-config").textContent);
  const t = (k, p) => {
    const s = M[k] ?? k;
    return p ? s.replace(/\{(\w+)\}/g, (m, n) => (n in p ? String(p[n]) : m)) : s;
  };
  const OUTCOMES = ["helped", "not_home", "refused", "follow_up", "moved_away"];
  const RELATIONS = ["spouse", "child", "parent", "grandchild", "grandparent", "sibling", "in_law", "other"];
  const FLAGS = ["elderly_alone", "disability", "no_smartphone", "little_vietnamese"];
  const BATCH_MAX = 1000;

  // ---- IndexedDB: a tiny wrapper. Writes wait for the durable commit before the app says "saved".
  const STORES = ["kv", "queue", "photos", "attention", "conflicts"];
  let dbp = null;
  const db = () =>
    (dbp ||= new Promise((resolve, reject) => {
      const r = indexedDB.open("xaso-field", 1);
      r.onupgradeneeded = () => {
        const d = r.result;
        d.createObjectStore("kv");
        for (const s of STORES.slice(1)) d.createObjectStore(s, { keyPath: s === "photos" ? "id" : "itemId" });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  const ask = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const read = async (name, key) => {
    const s = (await db()).transaction(name).objectStore(name);
    return ask(key === undefined ? s.getAll() : s.get(key));
  };
  /** One atomic, durable write across stores: fn(store) issues the requests. */
  const write = async (names, fn) => {
    const x = (await db()).transaction(names, "readwrite", { durability: "strict" });
    fn((n) => x.objectStore(n));
    return new Promise((resolve, reject) => {
      x.oncomplete = () => resolve();
      x.onerror = x.onabort = () => reject(x.error);
    });
  };

  const uuid = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    const x = [...b].map((v) => v.toString(16).padStart(2, "0")).join("");
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  };
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  const fmtDate = (d) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(CFG.locale === "en" ? "en-GB" : "vi-VN") : "");
  const fmtTime = (iso) => new Date(iso).toLocaleString(CFG.locale === "en" ? "en-GB" : "vi-VN");

  // ---- State, reloaded from IndexedDB after every change.
  const S = { snap: null, queue: [], attention: [], conflicts: [], lastSync: null, deviceId: null, csrf: CFG.csrf, note: null, q: "", village: "" };
  async function load() {
    const [snap, queue, attention, conflicts, lastSync, deviceId] = await Promise.all([
      read("kv", "snapshot"),
      read("queue"),
      read("attention"),
      read("conflicts"),
      read("kv", "lastSync"),
      read("kv", "deviceId"),
    ]);
    Object.assign(S, { snap: snap || null, queue: queue.sort((a, b) => a.seq - b.seq), attention, conflicts, lastSync: lastSync || null });
    S.deviceId = deviceId || uuid();
    if (!deviceId) await write(["kv"], (s) => s("kv").put(S.deviceId, "deviceId"));
  }

  /** The snapshot with what is still queued laid over it, so the phone shows its own unsent work. */
  function model() {
    const hs = new Map((S.snap?.households || []).map((h) => [h.id, { ...h, residents: h.residents.map((r) => ({ ...r, skills: [...r.skills] })) }]));
    for (const { item } of S.queue) {
      if (item.kind === "household.create") {
        const x = item.household;
        hs.set(x.id, {
          ...x,
          version: 0,
          lastVisitOn: null,
          pending: true,
          residents: x.members.map((m) => ({ ...m, flags: m.flags || [], skills: [], pending: true })),
        });
      } else if (item.kind === "resident.create") {
        hs.get(item.resident.householdId)?.residents.push({ ...item.resident, flags: item.resident.flags || [], skills: [], pending: true });
      } else if (item.kind === "household.update") {
        const h = hs.get(item.householdId);
        if (h) Object.assign(h, item.changes, { edited: true });
      } else if (item.kind === "visit") {
        const v = item.visit;
        const h = hs.get(v.householdId);
        if (!h) continue;
        if (!h.lastVisitOn || v.visitedOn > h.lastVisitOn) h.lastVisitOn = v.visitedOn;
        h.pending = true;
        for (const s of v.skills) {
          const r = h.residents.find((x) => x.id === s.residentId);
          if (s.confirmed && r && !r.skills.includes(s.skillKey)) r.skills.push(s.skillKey);
        }
      }
    }
    return [...hs.values()];
  }
  /** Queued by the account now signed in (or before the phone knew any account). */
  const mine = (q) => !q.by || !S.snap?.user || q.by.id === S.snap.user.id;
  const skillLabel = (k) => S.snap?.skills.find((s) => s.key === k)?.label || k;
  const villageName = (c) => S.snap?.villages.find((v) => v.code === c)?.name || c;
  const headOf = (h) => h.residents.find((r) => r.relationToHead === "head") || h.residents[0];
  const needs = (h) => (S.snap?.skills || []).filter((s) => !h.residents.some((r) => r.skills.includes(s.key)));

  // ---- DOM helpers.
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of kids.flat(9)) if (c != null && c !== false) el.append(c);
    return el;
  }
  let uid = 0;
  const field = (label, control, hint) => {
    const id = control.id || `c${++uid}`;
    control.id = id;
    return h("div", { class: "f" }, h("label", { for: id, text: label }), hint ? h("span", { class: "hint", text: hint }) : null, control);
  };
  const select = (name, options, value, attrs) =>
    h(
      "select",
      { name, ...attrs },
      options.map(([v, l]) => h("option", { value: v, selected: v === value, text: l })),
    );
  const checks = (legend, name, options, values) =>
    h(
      "fieldset",
      null,
      h("legend", { text: legend }),
      options.map(([v, l]) => h("label", { class: "check" }, h("input", { type: "checkbox", name, value: v, checked: values.includes(v) }), ` ${l}`)),
    );
  const main = document.getElementById("main");
  const flash = document.getElementById("flash");
  const say = (msg, link) => {
    flash.replaceChildren(msg || "", link ? h("a", { href: link.href, text: link.text, class: "flash-link" }) : "");
    flash.hidden = !msg;
  };

  // ---- Screens.
  function nav(active) {
    const n = S.queue.length;
    const item = (href, label, key) => h("li", null, h("a", { href, "aria-current": active === key ? "page" : null, text: label }));
    return h(
      "nav",
      { "aria-label": t("field.app.nav.list") },
      h("ul", { class: "tabs" }, [
        item("#/", t("field.app.nav.list"), "list"),
        item("#/new", t("field.app.nav.new"), "new"),
        item("#/sync", t("field.app.nav.sync", { n }), "sync"),
      ]),
    );
  }

  function listScreen() {
    const all = model();
    const results = h("div", { id: "results" });
    const draw = () => {
      const q = S.q.trim().toLocaleLowerCase();
      const rows = all.filter(
        (x) =>
          (!S.village || x.villageCode === S.village) &&
          (!q || x.address.toLocaleLowerCase().includes(q) || x.residents.some((r) => r.fullName.toLocaleLowerCase().includes(q))),
      );
      results.replaceChildren(
        h("p", { class: "count", role: "status", text: t("field.app.list.count", { n: rows.length }) }),
        rows.length
          ? h(
              "ul",
              { class: "cards" },
              rows.map((x) => {
                const need = needs(x);
                return h(
                  "li",
                  null,
                  h("a", { href: `#/h/${x.id}`, class: "card" }, [
                    h("strong", { text: headOf(x)?.fullName || x.address }),
                    h("span", { text: `${x.address} · ${villageName(x.villageCode)}` }),
                    h("span", { text: x.lastVisitOn ? t("field.app.list.lastVisit", { date: fmtDate(x.lastVisitOn) }) : t("field.app.list.never") }),
                    h("span", { text: need.length ? t("field.app.list.needs", { skills: need.map((s) => s.label).join(", ") }) : t("field.app.list.noNeeds") }),
                    x.pending ? h("span", { class: "tag", text: t("field.app.list.pending") }) : null,
                  ]),
                );
              }),
            )
          : h("p", { text: t("field.app.list.empty") }),
      );
    };
    draw();
    if (!S.snap) return [h("h2", { tabindex: "-1", text: t("field.app.nav.list") }), h("p", { text: t("field.app.list.firstLoad") })];
    const villages = [["", t("field.app.list.allVillages")], ...S.snap.villages.map((v) => [v.code, v.name])];
    return [
      h("h2", { tabindex: "-1", text: t("field.app.nav.list") }),
      h("div", { class: "filters" }, [
        field(
          t("field.app.list.search"),
          h("input", {
            type: "search",
            value: S.q,
            oninput: (e) => {
              S.q = e.target.value;
              draw();
            },
          }),
        ),
        field(
          t("field.app.list.village"),
          select("village", villages, S.village, {
            onchange: (e) => {
              S.village = e.target.value;
              draw();
            },
          }),
        ),
      ]),
      results,
    ];
  }

  const findHousehold = (id) => model().find((x) => x.id === id);

  function householdScreen(x) {
    const online = navigator.onLine;
    return [
      h("h2", { tabindex: "-1", text: headOf(x)?.fullName || x.address }),
      h("p", null, `${x.address} · ${villageName(x.villageCode)}`, x.poverty ? ` · ${t(`field.app.poverty.${x.poverty}`)}` : ""),
      h("p", { text: x.lastVisitOn ? t("field.app.list.lastVisit", { date: fmtDate(x.lastVisitOn) }) : t("field.app.list.never") }),
      h("p", { class: "actions" }, [
        h("a", { class: "button", href: `#/h/${x.id}/visit`, text: t("field.app.hh.visit") }),
        x.pending && x.version === 0 ? null : h("a", { class: "button secondary", href: `#/h/${x.id}/edit`, text: t("field.app.hh.edit") }),
        h("a", { class: "button secondary", href: `#/h/${x.id}/person`, text: t("field.app.hh.addPerson") }),
      ]),
      h("h3", { text: t("field.app.hh.members") }),
      h(
        "ul",
        { class: "cards" },
        x.residents.map((r) =>
          h("li", { class: "card" }, [
            h("strong", { text: r.fullName }),
            h("span", {
              text: [t(`field.app.relation.${r.relationToHead}`), r.birthYear ? t("field.app.hh.born", { year: r.birthYear }) : "", r.phone || ""]
                .filter(Boolean)
                .join(" · "),
            }),
            r.flags.length ? h("span", { text: r.flags.map((f) => t(`field.app.flag.${f}`)).join(", ") }) : null,
            h("span", { text: r.skills.length ? t("field.app.hh.skills", { skills: r.skills.map(skillLabel).join(", ") }) : t("field.app.hh.noSkills") }),
            r.pending ? h("span", { class: "tag", text: t("field.app.list.pending") }) : null,
            online && !r.pending ? h("a", { href: CFG.assist.replace("{id}", r.id), text: t("field.app.hh.assist") }) : null,
          ]),
        ),
      ),
    ];
  }

  function formScreen(title, controls, submitLabel, onSubmit) {
    const error = h("p", { class: "error", role: "alert", tabindex: "-1", hidden: true });
    const form = h("form", { novalidate: true }, error, controls, h("button", { type: "submit", class: "button", text: submitLabel }));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const problem = validate(form);
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        error.focus?.();
        return;
      }
      form.querySelector("button[type=submit]").disabled = true;
      try {
        await onSubmit(new FormData(form), form);
      } finally {
        form.querySelector("button[type=submit]").disabled = false;
      }
    });
    return [h("h2", { tabindex: "-1", text: title }), form];
  }
  function validate(form) {
    for (const el of form.querySelectorAll("[required]")) {
      if (!el.value.trim()) return t("field.app.required", { field: form.querySelector(`label[for="${el.id}"]`)?.textContent || el.name });
    }
    const year = form.querySelector("[name=birthYear]");
    if (year?.value && !(Number(year.value) >= 1900 && Number(year.value) <= new Date().getFullYear())) return t("field.app.badYear");
    return null;
  }

  async function enqueue(item, label, photo) {
    // The account that recorded it: a phone passed to another volunteer never sends it under their name.
    const by = S.snap?.user || null;
    const record = { itemId: item.itemId, seq: Date.now() + Math.random(), createdAt: new Date().toISOString(), label, item, photoId: photo?.id || null, by };
    await write(photo ? ["queue", "photos"] : ["queue"], (s) => {
      if (photo) s("photos").put(photo);
      s("queue").put(record);
    });
    await load();
    navigator.serviceWorker?.ready.then((r) => r.sync?.register("field-sync")).catch(() => undefined);
    if (navigator.onLine) sync();
  }

  async function shrink(file) {
    const bmp = await createImageBitmap(file, { imageOrientation: "from-image" });
    const draw = (max, type, q) => {
      const k = Math.min(1, max / Math.max(bmp.width, bmp.height));
      const c = h("canvas", { width: Math.round(bmp.width * k), height: Math.round(bmp.height * k) });
      c.getContext("2d").drawImage(bmp, 0, 0, c.width, c.height);
      return type ? c.toDataURL(type, q) : new Promise((r) => c.toBlob(r, "image/jpeg", 0.7));
    };
    return { blob: await draw(1280), thumb: draw(160, "image/jpeg", 0.6) };
  }

  function visitScreen(x) {
    let photo = null;
    const photoInfo = h("p", { class: "hint", role: "status" });
    const photoInput = h("input", { type: "file", name: "photo", accept: "image/*", capture: "environment" });
    photoInput.addEventListener("change", async () => {
      photo = null;
      photoInfo.replaceChildren();
      const file = photoInput.files?.[0];
      if (!file) return;
      try {
        const { blob, thumb } = await shrink(file);
        photo = { id: uuid(), blob, type: "image/jpeg" };
        photoInfo.replaceChildren(h("img", { src: thumb, alt: "", width: 80 }), ` ${t("field.app.visit.photoReady", { kb: Math.ceil(blob.size / 1024) })}`);
      } catch {
        photoInfo.textContent = t("field.app.visit.photoBad");
      }
    });
    const people = x.residents.filter((r) => !r.pending);
    const skillRows = people.map((r) =>
      h(
        "details",
        null,
        h("summary", { text: r.fullName }),
        (S.snap?.skills || []).map((s) =>
          field(
            t("field.app.visit.confirm", { skill: s.label, name: r.fullName }),
            select(
              `skill:${r.id}:${s.key}`,
              ["none", "helped", "seen", "self_declared"].map((v) => [v, t(`field.app.visit.confirm.${v}`)]),
              "none",
            ),
          ),
        ),
      ),
    );
    return formScreen(
      t("field.app.visit.title", { address: x.address }),
      [
        field(t("field.app.visit.date"), h("input", { type: "date", name: "visitedOn", value: today(), max: today(), required: true })),
        people.length
          ? checks(
              t("field.app.visit.present"),
              "present",
              people.map((r) => [r.id, r.fullName]),
              [],
            )
          : null,
        people.length ? h("fieldset", null, h("legend", { text: t("field.app.visit.skills") }), skillRows) : null,
        field(
          t("field.app.visit.outcome"),
          select(
            "outcome",
            OUTCOMES.map((o) => [o, t(`field.app.outcome.${o}`)]),
            "helped",
            { required: true },
          ),
        ),
        field(t("field.app.visit.nextStep"), h("input", { type: "text", name: "nextStep", maxlength: 500 })),
        field(t("field.app.visit.notes"), h("textarea", { name: "notes", rows: 3, maxlength: 2000 })),
        field(t("field.app.visit.photo"), photoInput),
        photoInfo,
      ],
      t("field.app.visit.save"),
      async (fd) => {
        const skills = [];
        for (const [k, v] of fd.entries()) {
          if (!k.startsWith("skill:") || v === "none") continue;
          const [, residentId, skillKey] = k.split(":");
          skills.push({ residentId, skillKey, confirmed: v === "helped" ? null : v });
        }
        const visit = {
          id: uuid(),
          householdId: x.id,
          visitedOn: fd.get("visitedOn"),
          present: fd.getAll("present"),
          skills,
          outcome: fd.get("outcome"),
          recordedAt: new Date().toISOString(),
        };
        for (const k of ["nextStep", "notes"]) if (fd.get(k).trim()) visit[k] = fd.get(k).trim();
        if (photo) visit.photoId = photo.id;
        await enqueue({ itemId: uuid(), kind: "visit", visit }, t("field.app.kind.visit", { date: fmtDate(visit.visitedOn), address: x.address }), photo);
        say(t("field.app.saved"));
        location.hash = `#/h/${x.id}`;
      },
    );
  }

  const povertyOptions = () => [
    ["", t("field.app.poverty.none")],
    ["poor", t("field.app.poverty.poor")],
    ["near_poor", t("field.app.poverty.near_poor")],
  ];

  function editScreen(x) {
    return formScreen(
      t("field.app.edit.title"),
      [
        field(t("field.app.address"), h("input", { type: "text", name: "address", value: x.address, required: true, maxlength: 300 })),
        field(t("field.app.poverty"), select("poverty", povertyOptions(), x.poverty || "")),
      ],
      t("field.app.edit.save"),
      async (fd) => {
        const changes = {};
        const address = fd.get("address").trim();
        const poverty = fd.get("poverty") || null;
        if (address !== x.address) changes.address = address;
        if (poverty !== (x.poverty || null)) changes.poverty = poverty;
        if (Object.keys(changes).length) {
          const base = S.snap.households.find((y) => y.id === x.id);
          await enqueue(
            { itemId: uuid(), kind: "household.update", householdId: x.id, baseVersion: base.version, changes },
            t("field.app.kind.household.update", { address }),
          );
          say(t("field.app.saved"));
        }
        location.hash = `#/h/${x.id}`;
      },
    );
  }

  function personControls(withRelation) {
    return [
      field(t("field.app.person.fullName"), h("input", { type: "text", name: "fullName", required: true, maxlength: 200, autocomplete: "off" })),
      field(
        t("field.app.person.birthYear"),
        h("input", { type: "text", name: "birthYear", inputmode: "numeric", pattern: "[0-9]{4}", required: true, maxlength: 4 }),
      ),
      field(
        t("field.app.person.sex"),
        select(
          "sex",
          [
            ["", t("field.app.person.sex.none")],
            ["male", t("field.app.person.sex.male")],
            ["female", t("field.app.person.sex.female")],
          ],
          "",
        ),
      ),
      withRelation
        ? field(
            t("field.app.person.relation"),
            select(
              "relationToHead",
              RELATIONS.map((r) => [r, t(`field.app.relation.${r}`)]),
              "child",
            ),
          )
        : null,
      field(t("field.app.person.phone"), h("input", { type: "tel", name: "phone", maxlength: 20, autocomplete: "off" })),
      checks(
        t("field.app.person.flags"),
        "flags",
        FLAGS.map((f) => [f, t(`field.app.flag.${f}`)]),
        [],
      ),
    ];
  }
  const person = (fd, relation) => {
    const p = { id: uuid(), fullName: fd.get("fullName").trim(), birthYear: Number(fd.get("birthYear")), relationToHead: relation, flags: fd.getAll("flags") };
    if (fd.get("sex")) p.sex = fd.get("sex");
    if (fd.get("phone").trim()) p.phone = fd.get("phone").trim();
    return p;
  };

  function personScreen(x) {
    return formScreen(t("field.app.person.title"), personControls(true), t("field.app.person.save"), async (fd) => {
      const resident = { ...person(fd, fd.get("relationToHead")), householdId: x.id };
      await enqueue({ itemId: uuid(), kind: "resident.create", resident }, t("field.app.kind.resident.create", { name: resident.fullName }));
      say(t("field.app.saved"));
      location.hash = `#/h/${x.id}`;
    });
  }

  function newHouseholdScreen() {
    if (!S.snap) return [h("h2", { tabindex: "-1", text: t("field.app.new.title") }), h("p", { text: t("field.app.list.firstLoad") })];
    return formScreen(
      t("field.app.new.title"),
      [
        field(
          t("field.app.list.village"),
          select(
            "villageCode",
            S.snap.villages.map((v) => [v.code, v.name]),
            S.village || S.snap.villages[0]?.code,
            { required: true },
          ),
        ),
        field(t("field.app.address"), h("input", { type: "text", name: "address", required: true, maxlength: 300 })),
        field(t("field.app.poverty"), select("poverty", povertyOptions(), "")),
        h("h3", { text: t("field.app.new.head") }),
        personControls(false),
      ],
      t("field.app.new.save"),
      async (fd) => {
        const household = { id: uuid(), villageCode: fd.get("villageCode"), address: fd.get("address").trim(), members: [person(fd, "head")] };
        if (fd.get("poverty")) household.poverty = fd.get("poverty");
        await enqueue({ itemId: uuid(), kind: "household.create", household }, t("field.app.kind.household.create", { address: household.address }));
        say(t("field.app.saved"));
        location.hash = `#/h/${household.id}`;
      },
    );
  }

  function syncScreen() {
    const list = (items, extra) =>
      h(
        "ul",
        { class: "cards" },
        items.map((q) => h("li", { class: "card" }, h("span", { text: q.label }), extra?.(q))),
      );
    const remove = (store, q) =>
      h("button", {
        type: "button",
        class: "button secondary",
        text: t("field.app.sync.dismiss"),
        onclick: async () => {
          await write([store], (s) => s(store).delete(q.itemId));
          await load();
          render();
        },
      });
    const dismiss = (q) => [
      h("span", { class: "error", text: [q.status, q.message].filter(Boolean).join(" — ") }),
      q.held === "user"
        ? null
        : q.held
          ? h("button", { type: "button", class: "button secondary", text: t("field.app.sync.dropPhoto"), onclick: () => dropPhoto(q.itemId) })
          : remove("attention", q),
    ];
    const held = S.queue
      .filter((q) => q.photoError || !mine(q))
      .map((q) =>
        mine(q) ? { ...q, held: "photo", message: q.photoError } : { ...q, held: "user", message: t("field.app.sync.otherUser", { name: q.by.displayName }) },
      );
    const attention = [...held, ...S.attention];
    return [
      h("h2", { tabindex: "-1", text: t("field.app.sync.title") }),
      h("p", { id: "waiting", text: t("field.app.sync.waiting", { n: S.queue.length }) }),
      S.queue.length ? list(S.queue) : null,
      h("p", null, h("button", { type: "button", class: "button", id: "sync-now", text: t("field.app.sync.now"), onclick: () => sync() })),
      h("p", { id: "last-sync", text: S.lastSync ? t("field.app.sync.last", { time: fmtTime(S.lastSync) }) : t("field.app.sync.never") }),
      attention.length
        ? [
            h("h3", { text: t("field.app.sync.attention", { n: attention.length }) }),
            h("p", { class: "hint", text: t("field.app.sync.attentionHint") }),
            list(attention, dismiss),
          ]
        : null,
      S.conflicts.length
        ? [
            h("h3", { text: t("field.app.sync.conflicts", { n: S.conflicts.length }) }),
            h("p", { class: "hint", text: t("field.app.sync.conflictsHint") }),
            list(S.conflicts, (q) => remove("conflicts", q)),
          ]
        : null,
    ];
  }

  async function dropPhoto(itemId) {
    const q = S.queue.find((x) => x.itemId === itemId);
    if (!q) return;
    const item = { ...q.item, visit: { ...q.item.visit } };
    delete item.visit.photoId;
    await write(["queue", "photos"], (s) => {
      s("photos").delete(q.photoId);
      s("queue").put({ ...q, item, photoId: null, photoError: null });
    });
    await load();
    render();
  }

  // ---- Router.
  let lastRoute = null;
  function render() {
    const route = location.hash.replace(/^#/, "") || "/";
    const m = /^\/h\/([0-9a-f-]{36})(?:\/(visit|edit|person))?$/.exec(route);
    let body;
    let active = "list";
    if (route === "/sync") {
      body = syncScreen();
      active = "sync";
    } else if (route === "/new") {
      body = newHouseholdScreen();
      active = "new";
    } else if (m) {
      const x = findHousehold(m[1]);
      body = !x
        ? [h("h2", { tabindex: "-1", text: t("field.app.hh.notFound") })]
        : m[2] === "visit"
          ? visitScreen(x)
          : m[2] === "edit"
            ? editScreen(x)
            : m[2] === "person"
              ? personScreen(x)
              : householdScreen(x);
      body = [h("p", null, h("a", { href: "#/", text: t("field.app.back") })), body];
    } else body = listScreen();
    // A form being filled is not redrawn under the person's fingers by a background sync.
    const typing = route === lastRoute && main.querySelector("form") && (m?.[2] || route === "/new");
    if (typing) return;
    const focused = document.activeElement?.id;
    main.replaceChildren(nav(active), ...[body].flat(9).filter(Boolean));
    if (route !== lastRoute) main.querySelector("h2")?.focus();
    else if (focused) document.getElementById(focused)?.focus();
    lastRoute = route;
  }

  // ---- Sync (docs/community/field-sync.md): pull the snapshot (and a fresh CSRF token), send the photos, then the
  // queue in batches; an item leaves the queue only with its result (applied, duplicate, conflict, rejected).
  let running = null;
  const sync = () =>
    (running ||= doSync()
      .catch(() => say(t("field.app.sync.offline")))
      .finally(async () => {
        running = null;
        await load();
        render();
      }));

  /** False (and the reason said) unless the answer is a success. */
  async function ok(res) {
    if (res.ok) return true;
    if (res.status === 401) say(t("field.app.sync.signIn"), { href: CFG.signIn, text: t("field.app.sync.signInLink") });
    else if (res.status === 403) {
      const p = await res.json().catch(() => ({}));
      say(p.type?.endsWith("#csrf") ? t("field.app.sync.failed", { status: 403 }) : t("field.app.sync.forbidden"));
    } else say(t("field.app.sync.failed", { status: res.status }));
    return false;
  }

  async function pull() {
    const res = await fetch("/api/v1/field/snapshot", { headers: { accept: "application/json" }, credentials: "same-origin" });
    if (!(await ok(res))) return false;
    const snap = await res.json();
    if (snap.csrfToken) S.csrf = snap.csrfToken;
    delete snap.csrfToken;
    await write(["kv"], (s) => s("kv").put(snap, "snapshot"));
    return true;
  }

  async function doSync() {
    if (!navigator.onLine) return say(t("field.app.sync.offline"));
    say(t("field.app.sync.running"));
    if (!(await pull())) return;
    await load();
    let sent = 0;
    for (const q of S.queue.filter((x) => mine(x) && x.photoId && !x.photoSent && !x.photoError)) {
      const photo = await read("photos", q.photoId);
      if (!photo) continue;
      const body = new FormData();
      body.append("id", photo.id);
      body.append("file", photo.blob, `${photo.id}.jpg`);
      const res = await fetch("/api/v1/field/photos", { method: "POST", body, headers: { "x-csrf-token": S.csrf }, credentials: "same-origin" });
      if (res.ok) {
        await write(["queue", "photos"], (s) => {
          s("photos").delete(photo.id);
          s("queue").put({ ...q, photoSent: true });
        });
      } else if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403 && res.status !== 429) {
        // The photo itself was refused: the visit waits in "needs attention" until sent without it.
        const p = await res.json().catch(() => ({}));
        await write(["queue"], (s) => s("queue").put({ ...q, photoError: `${res.status} — ${p.detail || p.title || ""}` }));
      } else return ok(res);
    }
    await load();
    let rounds = 0;
    for (;;) {
      const ready = S.queue.filter((q) => mine(q) && !q.photoError && (!q.photoId || q.photoSent)).slice(0, BATCH_MAX);
      if (!ready.length || rounds++ > S.queue.length + 1) break;
      const batch = { batchId: uuid(), deviceId: S.deviceId, items: ready.map((q) => q.item) };
      const res = await fetch("/api/v1/field/sync", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": S.csrf },
        credentials: "same-origin",
        body: JSON.stringify(batch),
      });
      if (res.status === 400) {
        // One bad item must not hold the rest: the item the server names goes to "needs attention".
        const p = await res.json().catch(() => ({}));
        const named = (p.errors || []).map((e) => /^items\[(\d+)\]/.exec(e.field || "")).find(Boolean);
        const bad = named && ready[Number(named[1])];
        if (!bad) return say(t("field.app.sync.failed", { status: 400 }));
        await write(["queue", "attention"], (s) => {
          s("queue").delete(bad.itemId);
          s("attention").put({ itemId: bad.itemId, label: bad.label, status: 400, message: p.detail || p.title, item: bad.item, at: new Date().toISOString() });
        });
        await load();
        continue;
      }
      if (!(await ok(res))) return;
      const answer = await res.json();
      const byId = new Map(ready.map((q) => [q.itemId, q]));
      await write(["queue", "photos", "attention", "conflicts"], (s) => {
        for (const r of answer.results || []) {
          const q = byId.get(r.itemId);
          if (!q || !["applied", "duplicate", "conflict", "rejected"].includes(r.outcome)) continue;
          s("queue").delete(q.itemId);
          if (q.photoId) s("photos").delete(q.photoId);
          const at = new Date().toISOString();
          if (r.outcome === "conflict") s("conflicts").put({ itemId: q.itemId, label: q.label, conflictId: r.conflictId || null, item: q.item, at });
          else if (r.outcome === "rejected")
            s("attention").put({ itemId: q.itemId, label: q.label, status: r.status || null, message: r.error?.message || "", item: q.item, at });
          else sent++;
        }
      });
      await load();
      if ((answer.results || []).length === 0) break;
    }
    if (sent) await pull();
    const now = new Date().toISOString();
    await write(["kv"], (s) => s("kv").put(now, "lastSync"));
    say(t("field.app.sync.done", { applied: sent }));
  }

  // ---- Start: the shell is on screen at once from IndexedDB; then a sync when there is a network.
  const net = document.getElementById("net");
  const showNet = () => (net.hidden = navigator.onLine);
  window.addEventListener("online", () => {
    showNet();
    sync();
  });
  window.addEventListener("offline", showNet);
  window.addEventListener("hashchange", render);
  navigator.serviceWorker?.addEventListener("message", (e) => e.data?.type === "sync" && sync());
  navigator.storage?.persist?.().catch(() => undefined);
  showNet();
  load().then(() => {
    document.documentElement.classList.add("ready");
    render();
    if (navigator.onLine) sync();
  });
  if ("serviceWorker" in navigator) navigator.serviceWorker.register(CFG.sw, { scope: "/field" }).catch(() => undefined);
})();
