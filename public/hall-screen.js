// The commune hall's big screen, live (src/modules/hall/screen). Progressive enhancement in ES2020: without it the
// page reloads itself (a meta refresh in <noscript>). With it: server-sent events update the called numbers and the
// waiting counts, a chime sounds (Web Audio) and, with ?voice=1, the number is read out (speechSynthesis, vi-VN).
(() => {
  "use strict";
  const body = document.body;
  const d = body.dataset;
  const refreshMs = Number(d.refresh || "15") * 1000;
  const reload = () => window.location.reload();
  // Notices, the guide and the figures change slowly: a full reload every 10 minutes brings them up to date.
  setTimeout(reload, 10 * 60 * 1000);
  if (!("EventSource" in window) || !d.events) {
    setTimeout(reload, refreshMs);
    return;
  }
  const fill = (tpl, values) => tpl.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : ""));
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const status = document.getElementById("hall-status");
  const clock = document.getElementById("hall-clock");
  const clockFmt = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" });
  setInterval(() => {
    if (clock) clock.textContent = clockFmt.format(new Date());
  }, 15000);

  let audio = null;
  const chime = () => {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
      // Two soft tones, like a hall's ding-dong.
      [
        [784, 0],
        [523, 0.45],
      ].forEach(([freq, at]) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = "sine";
        osc.frequency.value = freq;
        const t0 = audio.currentTime + at;
        gain.gain.setValueAtTime(0.0001, t0);
        gain.gain.exponentialRampToValueAtTime(0.4, t0 + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.8);
        osc.connect(gain).connect(audio.destination);
        osc.start(t0);
        osc.stop(t0 + 0.85);
      });
    } catch (_) {
      // No audio on this device: the screen still updates.
    }
  };
  // Browsers allow sound after a first touch or key press (a TV in kiosk mode may allow it at once).
  const unlock = () => {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      audio.resume();
    } catch (_) {}
  };
  window.addEventListener("pointerdown", unlock, { once: true });
  window.addEventListener("keydown", unlock, { once: true });

  const speak = (ticket) => {
    if (d.voice !== "1" || !("speechSynthesis" in window)) return;
    const text = fill(d.call || "", { label: ticket.label.split("").join(" "), counter: ticket.counter });
    const u = new SpeechSynthesisUtterance(text);
    u.lang = d.lang || "vi-VN";
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().startsWith(u.lang.slice(0, 2).toLowerCase()));
    if (voice) u.voice = voice;
    u.rate = 0.9;
    // After the chime.
    setTimeout(() => window.speechSynthesis.speak(u), 1200);
  };

  const renderNow = (ticket) => {
    const now = document.getElementById("hall-now");
    if (!now) return;
    now.replaceChildren();
    if (!ticket) {
      now.dataset.key = "";
      now.append(el("p", "hs-now__lead", d.noneCalled || ""));
      return;
    }
    now.dataset.key = ticket.key;
    now.append(el("p", "hs-now__lead", d.nowCalling || ""), el("p", "hs-now__label", ticket.label), el("p", "hs-now__counter", fill(d.toCounter || "", ticket)));
  };
  const renderPrevious = (tickets) => {
    const list = document.getElementById("hall-previous");
    if (!list) return;
    list.replaceChildren(
      ...tickets.map((tk) => {
        const li = el("li");
        li.append(el("span", "hs-previous__label", tk.label), el("span", "hs-previous__counter", fill(d.counter || "", tk)));
        return li;
      }),
    );
  };
  const renderServices = (services) => {
    const list = document.getElementById("hall-services");
    if (!list) return;
    for (const s of services) {
      const li = list.querySelector(`li[data-letter="${s.letter}"]`);
      if (!li) continue;
      const count = li.querySelector(".hs-services__count");
      const last = li.querySelector(".hs-services__last");
      if (count) count.textContent = fill(d.waiting || "", { n: s.waiting.toLocaleString("vi-VN") });
      if (last) last.textContent = s.lastCalled ? fill(d.lastCalled || "", { label: s.lastCalled }) : "";
    }
  };

  const nowEl = document.getElementById("hall-now");
  let shownKey = nowEl ? nowEl.dataset.key || "" : "";
  let failTimer = null;
  const source = new EventSource(d.events);
  source.addEventListener("state", (e) => {
    let state;
    try {
      state = JSON.parse(e.data);
    } catch (_) {
      return;
    }
    const [newest, ...previous] = state.called || [];
    const key = newest ? newest.key : "";
    renderNow(newest);
    renderPrevious(previous);
    renderServices(state.services || []);
    if (newest && key !== shownKey) {
      const now = document.getElementById("hall-now");
      if (now) {
        now.classList.remove("hs-now--flash");
        void now.offsetWidth;
        now.classList.add("hs-now--flash");
      }
      chime();
      speak(newest);
    }
    shownKey = key;
  });
  source.addEventListener("open", () => {
    if (failTimer) clearTimeout(failTimer);
    failTimer = null;
    if (status) status.textContent = status.dataset.live || "";
  });
  source.addEventListener("error", () => {
    if (status) status.textContent = status.dataset.offline || "";
    // EventSource retries by itself; if the stream is closed for good or stays down, the timed reload takes over.
    if (source.readyState === EventSource.CLOSED) setTimeout(reload, refreshMs);
    else if (!failTimer) failTimer = setTimeout(reload, refreshMs * 2);
  });
})();
