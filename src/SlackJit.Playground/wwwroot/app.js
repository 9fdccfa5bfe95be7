// The playground page: a Slack-like client over the emulator's /emulator/* endpoints, live over server-sent events.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const esc = BlockKit.esc;
  const COLORS = ["#e8912d", "#2bac76", "#1264a3", "#e01e5a", "#4a154b", "#36c5f0", "#9e5a00", "#0b4c8c"];
  const params = new URLSearchParams(location.search);
  const state = {
    users: {}, groups: {}, channels: {}, ws: null,
    me: params.get("as") || localStorage.getItem("playground.as") || "",
    channel: params.get("channel") || localStorage.getItem("playground.channel") || "",
    unread: new Set(), offsetMs: 0, auditId: "", home: params.get("home") === "1",
  };

  async function api(path, body) {
    const res = await fetch(path, body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const text = await res.text();
    return text ? JSON.parse(text) : {};
  }

  function ctx(extra) {
    return Object.assign({ users: state.users, groups: state.groups, channels: state.channels, me: state.me, onButton: click }, extra || {});
  }

  function initials(name) { return name.split(/\s+/).map((p) => p[0]).join("").slice(0, 2).toUpperCase(); }
  function color(id) { let h = 0; for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0; return COLORS[h % COLORS.length]; }
  function avatar(user) {
    const a = document.createElement("div");
    a.className = "avatar";
    a.style.background = color(user.id);
    a.textContent = initials(user.realName);
    return a;
  }

  async function loadWorkspace() {
    const ws = await api("/emulator/workspace");
    state.ws = ws;
    state.users = Object.fromEntries(ws.users.map((u) => [u.id, u]));
    state.groups = Object.fromEntries(ws.groups.map((g) => [g.id, g]));
    state.channels = Object.fromEntries(ws.channels.map((c) => [c.id, c]));
    $("workspace-name").textContent = ws.team.name;
    if (!state.users[state.me]) state.me = ws.users[0].id;
    const select = $("persona");
    if (!select.options.length) {
      for (const u of ws.users) select.appendChild(new Option(`${u.realName} — ${u.title || ""}`, u.id));
    }
    select.value = state.me;
    const publics = ws.channels.filter((c) => !c.isIm);
    if (!state.channels[state.channel] || (state.channels[state.channel].isIm && state.channels[state.channel].user !== state.me)) {
      state.channel = (publics[0] || ws.channels[0]).id;
    }
    renderSidebar();
  }

  function renderSidebar() {
    const me = state.users[state.me];
    $("me").innerHTML = "";
    const a = avatar(me); a.style.width = a.style.height = "24px"; a.style.fontSize = "10px";
    $("me").append(a);
    $("me").insertAdjacentHTML("beforeend", `<div><div><b>${esc(me.realName)}</b> <span class="presence"></span></div><div class="small">${esc(me.title || "")}</div></div>`);
    const channels = $("channel-list"), dms = $("dm-list");
    channels.innerHTML = ""; dms.innerHTML = "";
    for (const c of Object.values(state.channels)) {
      if (c.isIm && c.user !== state.me) continue;
      const li = document.createElement("li");
      li.className = "nav-item" + (c.id === state.channel && !state.home ? " active" : "") + (state.unread.has(c.id) ? " unread" : "");
      li.dataset.channel = c.id;
      li.dataset.testid = c.isIm ? "dm-slackjit" : "channel-" + c.name;
      li.innerHTML = c.isIm ? '<span class="app-icon small">SJ</span> SlackJit' : `<span class="hash">#</span> ${esc(c.name)}`;
      li.onclick = () => selectChannel(c.id);
      (c.isIm ? dms : channels).appendChild(li);
    }
    if (!dms.children.length) dms.innerHTML = '<li class="nav-item muted small">SlackJit will DM you here</li>';
    const apps = $("app-list");
    apps.innerHTML = "";
    const home = document.createElement("li");
    home.className = "nav-item" + (state.home ? " active" : "");
    home.dataset.testid = "home-slackjit";
    home.innerHTML = '<span class="app-icon small">SJ</span> SlackJit · Home';
    home.onclick = () => selectHome();
    apps.appendChild(home);
    for (const li of document.querySelectorAll("#channel-list .nav-item, #dm-list .nav-item")) if (state.home) li.classList.remove("active");
  }

  // The app's Home tab: opening it tells SlackJit (app_home_opened), which publishes the view after its ack.
  async function selectHome() {
    state.home = true;
    renderSidebar();
    await loadHome();
    const r = await api("/emulator/home/open", { as: state.me });
    if (r.status && r.status !== 200) toast(r.status === 0 ? "SlackJit did not answer in 3 seconds" : `SlackJit answered ${r.status}`);
  }

  let homeVersion = 0;
  let shownHome = "";
  async function loadHome() {
    const version = ++homeVersion;
    $("channel-title").textContent = "SlackJit";
    $("channel-topic").textContent = "Home";
    $("composer").style.display = "none";
    const data = await api(`/emulator/home?as=${encodeURIComponent(state.me)}`);
    if (version !== homeVersion || !state.home) return;
    const list = $("messages");
    // Rebuilt only when the view changed: opening the Home loads it several times (the page, app_home_opened, the
    // publish that follows), and a rebuild between a button's press and release loses the click.
    // The page's own counts (loads answered, rebuilds), read by its browser tests.
    const counts = document.body.dataset;
    counts.homeLoads = String(Number(counts.homeLoads || 0) + 1);
    const shown = state.me + "\n" + JSON.stringify(data.view || null);
    if (shown === shownHome && list.querySelector("[data-testid=home]")) return;
    shownHome = shown;
    counts.homeBuilds = String(Number(counts.homeBuilds || 0) + 1);
    list.innerHTML = "";
    const home = document.createElement("div");
    home.className = "home";
    home.dataset.testid = "home";
    if (data.view && data.view.blocks) {
      home.appendChild(BlockKit.render(data.view.blocks, ctx({ onButton: (b, blockId, el) => homeClick(b, blockId, el) })));
    } else {
      home.innerHTML = '<div class="empty">SlackJit is preparing your Home…</div>';
    }
    list.appendChild(home);
    list.scrollTop = 0;
  }

  async function homeClick(b, blockId, el) {
    if (!b.action_id) return;
    el.disabled = true;
    try {
      const r = await api("/emulator/home/click", { as: state.me, actionId: b.action_id, blockId: blockId || null });
      if (r.error) toast(r.error);
      else if (r.status && r.status !== 200) toast(r.status === 0 ? "SlackJit did not answer in 3 seconds" : `SlackJit answered ${r.status}`);
    } finally {
      el.disabled = false;
    }
  }

  function selectChannel(id) {
    state.home = false;
    $("composer").style.display = "";
    state.channel = id;
    state.unread.delete(id);
    localStorage.setItem("playground.channel", id);
    renderSidebar();
    loadTimeline();
  }

  function timeOf(ts) {
    const d = new Date(Number(ts.split(".")[0]) * 1000);
    return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  }

  function dayOf(ts) {
    const d = new Date(Number(ts.split(".")[0]) * 1000);
    return d.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" });
  }

  let timelineVersion = 0;
  async function loadTimeline() {
    if (state.home) return loadHome();
    const version = ++timelineVersion;
    const c = state.channels[state.channel];
    $("channel-title").textContent = c.isIm ? "SlackJit" : "# " + c.name;
    $("channel-topic").textContent = c.isIm ? "Your direct messages with the SlackJit app" : c.name === "approvals" ? "Approval cards for S3 access requests" : "";
    $("composer-input").placeholder = c.isIm ? "Message SlackJit" : "Message #" + c.name;
    const data = await api(`/emulator/timeline?channel=${encodeURIComponent(state.channel)}&as=${encodeURIComponent(state.me)}`);
    if (version !== timelineVersion || !data.messages) return;
    const list = $("messages");
    list.innerHTML = "";
    if (!data.messages.length) list.innerHTML = `<div class="empty">This is the very beginning of ${esc(c.isIm ? "your DMs with SlackJit" : "#" + c.name)}.</div>`;
    // A divider where the day changes, as Slack shows: with the clock moved on, "04:56" then "23:56" then "04:56"
    // would otherwise read as time going backwards.
    let day = "";
    for (const m of data.messages) {
      const d = dayOf(m.ts);
      if (d !== day) {
        day = d;
        const divider = document.createElement("div");
        divider.className = "day-divider";
        divider.dataset.testid = "day-divider";
        divider.innerHTML = `<span>${esc(d)}</span>`;
        list.appendChild(divider);
      }
      list.appendChild(message(m));
    }
    list.scrollTop = list.scrollHeight;
  }

  function message(m) {
    const row = document.createElement("div");
    row.className = "message" + (m.ephemeral ? " ephemeral" : "");
    row.dataset.ts = m.ts;
    row.dataset.testid = m.ephemeral ? "ephemeral" : "message";
    const author = m.user ? state.users[m.user] : null;
    if (author) row.appendChild(avatar(author));
    else { const a = document.createElement("div"); a.className = "avatar app-icon"; a.textContent = "SJ"; row.appendChild(a); }
    const body = document.createElement("div");
    body.className = "body";
    if (m.ephemeral) body.insertAdjacentHTML("beforeend", '<div class="only-you" data-testid="only-you">👁 Only visible to you</div>');
    body.insertAdjacentHTML("beforeend", `<div class="meta"><span class="author">${esc(author ? author.realName : state.ws.app.name)}</span>${author ? "" : '<span class="app-badge">APP</span>'}<span class="time">${timeOf(m.ts)}</span>${m.edited ? '<span class="edited">(edited)</span>' : ""}</div>`);
    if (m.blocks && m.blocks.length) {
      body.appendChild(BlockKit.render(m.blocks, ctx({ onButton: (b, blockId, el) => click(m, b, blockId, el) })));
    } else {
      const t = document.createElement("div");
      t.className = "text";
      t.innerHTML = BlockKit.mrkdwn(m.text || "", ctx());
      body.appendChild(t);
    }
    row.appendChild(body);
    return row;
  }

  async function click(m, b, blockId, el) {
    if (!b.action_id) return;
    el.disabled = true;
    try {
      const r = await api("/emulator/click", { as: state.me, channel: state.channel, ts: m.ts, actionId: b.action_id, blockId: blockId || null });
      if (r.status && r.status !== 200) toast(r.status === 0 ? "SlackJit did not answer in 3 seconds" : `SlackJit answered ${r.status}`);
    } finally {
      el.disabled = false;
    }
  }

  async function loadModal() {
    const data = await api(`/emulator/view?as=${encodeURIComponent(state.me)}`);
    const root = $("modal-root");
    if (!data.view) { root.innerHTML = ""; return; }
    const existing = root.querySelector(".modal");
    if (existing && existing.dataset.viewId === data.id && existing.dataset.errors === JSON.stringify(data.errors)) return;
    const kept = existing ? values(existing) : {};
    const v = data.view;
    const overlay = document.createElement("div");
    overlay.className = "overlay";
    const modal = document.createElement("form");
    modal.className = "modal";
    modal.dataset.viewId = data.id;
    modal.dataset.errors = JSON.stringify(data.errors);
    modal.dataset.testid = "modal";
    modal.innerHTML = `<div class="modal-head"><span class="app-icon small">SJ</span><div class="modal-title">${esc(v.title.text)}</div><button type="button" class="modal-close" title="Close">×</button></div>`;
    const body = document.createElement("div");
    body.className = "modal-body";
    if (data.errors[""]) body.insertAdjacentHTML("beforeend", `<div class="modal-error">${esc(data.errors[""])}</div>`);
    body.appendChild(BlockKit.render(v.blocks, ctx({ errors: data.errors, inModal: true })));
    modal.appendChild(body);
    const foot = document.createElement("div");
    foot.className = "modal-foot";
    foot.innerHTML = `<button type="button" class="bk-button" data-testid="modal-close">${esc(v.close ? v.close.text : "Cancel")}</button>` +
      (v.submit ? `<button type="submit" class="bk-button primary" data-testid="modal-submit">${esc(v.submit.text)}</button>` : "");
    modal.appendChild(foot);
    for (const [blockId, value] of Object.entries(kept)) {
      const control = modal.querySelector(`[data-block-id="${CSS.escape(blockId)}"]:is(input,textarea,select)`);
      const box = modal.querySelector(`input[data-check-block-id="${CSS.escape(blockId)}"]`);
      if (box) box.checked = value !== "";
      else if (control) control.value = value;
    }
    const close = () => api("/emulator/close", { as: state.me });
    modal.querySelector(".modal-close").onclick = close;
    modal.querySelector('[data-testid="modal-close"]').onclick = close;
    modal.onsubmit = async (ev) => {
      ev.preventDefault();
      const submit = modal.querySelector('[data-testid="modal-submit"]');
      submit.disabled = true;
      await api("/emulator/submit", { as: state.me, values: values(modal) });
      await loadModal();
    };
    overlay.appendChild(modal);
    root.innerHTML = "";
    root.appendChild(overlay);
  }

  function values(modal) {
    const out = {};
    for (const control of modal.querySelectorAll("input[data-block-id], textarea[data-block-id], select[data-block-id]")) {
      out[control.dataset.blockId] = control.value;
    }
    for (const box of modal.querySelectorAll("input[data-check-block-id]")) {
      out[box.dataset.checkBlockId] = box.checked ? box.value : "";
    }
    return out;
  }

  async function loadAudit() {
    const list = await api("/playground/requests");
    const select = $("audit-request");
    const current = state.auditId || (list[0] && list[0].id) || "";
    select.innerHTML = '<option value="">Choose a request…</option>';
    for (const r of list) {
      const who = state.users[r.requester];
      select.appendChild(new Option(`${r.shortId} · ${r.resource} · ${r.status} · ${who ? who.realName : r.requester}`, r.id));
    }
    select.value = current;
    await loadAuditEvents(current);
  }

  async function loadAuditEvents(id) {
    const ol = $("audit-events");
    if (!id) { ol.innerHTML = '<li class="muted">No requests yet. Type a <code>/s3-access</code> command.</li>'; return; }
    const r = await api(`/playground/requests/${id}`);
    ol.innerHTML = "";
    for (const e of r.events || []) {
      const who = state.users[e.actor];
      const li = document.createElement("li");
      li.dataset.action = e.action;
      li.innerHTML = `<div class="when">${esc(e.at.replace("T", " ").slice(0, 19))} UTC · ${esc(who ? who.realName : e.actor)}</div>` +
        `<div class="what">${esc(e.action)}</div><div>${esc(e.from || "—")} → ${esc(e.to)}</div>${e.detail ? `<div class="muted">${esc(e.detail)}</div>` : ""}`;
      ol.appendChild(li);
    }
  }

  async function loadClock() {
    const t = await api("/playground/time");
    state.offsetMs = new Date(t.now).getTime() - Date.now();
    tick();
  }
  function now() { return new Date(Date.now() + state.offsetMs); }
  window.BlockKitNow = now;
  function tick() {
    const d = now();
    $("clock-text").textContent = d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  }

  function toast(text) {
    const t = document.createElement("div");
    t.className = "toast";
    t.textContent = text;
    document.body.appendChild(t);
    setTimeout(() => t.remove(), 4000);
  }

  let refreshTimer = null;
  const pending = new Set();
  function onChange(channel) {
    pending.add(channel);
    if (refreshTimer) return;
    refreshTimer = setTimeout(async () => {
      refreshTimer = null;
      const channels = [...pending];
      pending.clear();
      if (channels.includes("")) await loadWorkspace();
      for (const c of channels) if (c && c !== state.channel && state.channels[c] && (!state.channels[c].isIm || state.channels[c].user === state.me)) state.unread.add(c);
      renderSidebar();
      await Promise.all([loadTimeline(), loadModal(), loadAudit()]);
    }, 60);
  }

  async function start() {
    await loadWorkspace();
    $("persona").onchange = async (ev) => {
      state.me = ev.target.value;
      localStorage.setItem("playground.as", state.me);
      state.unread.clear();
      await loadWorkspace();
      await Promise.all([loadTimeline(), loadModal()]);
      if (state.home) await selectHome();
    };
    $("composer").onsubmit = async (ev) => {
      ev.preventDefault();
      const input = $("composer-input");
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      const r = await api("/emulator/command", { as: state.me, channel: state.channel, text });
      if (r.error) toast(r.error);
    };
    $("audit-request").onchange = (ev) => { state.auditId = ev.target.value; loadAuditEvents(state.auditId); };
    for (const b of document.querySelectorAll(".time-btn")) {
      b.onclick = async () => {
        await api(`/playground/time/advance?minutes=${b.dataset.minutes}`, {});
        await loadClock();
        toast(`Clock moved forward ${b.textContent}`);
      };
    }
    await Promise.all([loadTimeline(), loadModal(), loadAudit(), loadClock()]);
    if (state.home) await selectHome();
    setInterval(tick, 1000);
    const events = new EventSource("/emulator/events");
    events.addEventListener("change", (e) => onChange(e.data));
    events.addEventListener("ready", () => { document.body.dataset.live = "true"; });
  }

  start();
})();
