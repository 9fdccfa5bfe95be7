// Block Kit and mrkdwn rendered the way Slack renders them, for the blocks SlackJit sends.
// BlockKit.render(blocks, ctx) returns an element; ctx = { users, groups, channels, me, onButton(el, blockId), inModal }.
(function () {
  "use strict";
  const EMOJI = {
    white_check_mark: "✅", x: "❌", warning: "⚠️", no_entry_sign: "🚫", no_entry: "⛔", hourglass: "⌛",
    hourglass_flowing_sand: "⏳", inbox_tray: "📥", lock: "🔒", key: "🔑", clock3: "🕒", unlock: "🔓",
    white_circle: "⚪", large_green_circle: "🟢", red_circle: "🔴", bust_in_silhouette: "👤", tada: "🎉",
    information_source: "ℹ️", stopwatch: "⏱️", wave: "👋", eyes: "👀", heavy_check_mark: "✔️", arrows_counterclockwise: "🔄",
    rotating_light: "🚨", bell: "🔔",
  };

  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function unesc(s) {
    return String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  function emoji(html) {
    return html.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] || m);
  }

  function pad(n) { return String(n).padStart(2, "0"); }
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  function formatDate(epoch, format, fallback) {
    const d = new Date(epoch * 1000);
    if (isNaN(d.getTime())) return esc(fallback);
    const today = window.BlockKitNow ? window.BlockKitNow() : new Date();
    const sameDay = (a, b) => a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate();
    const tomorrow = new Date(today.getTime() + 86400000), yesterday = new Date(today.getTime() - 86400000);
    const shortDate = `${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    const pretty = sameDay(d, today) ? "Today" : sameDay(d, tomorrow) ? "Tomorrow" : sameDay(d, yesterday) ? "Yesterday" : shortDate;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const out = format
      .replace("{date_short_pretty}", pretty).replace("{date_pretty}", pretty).replace("{date_long_pretty}", pretty)
      .replace("{date_short}", shortDate).replace("{date}", shortDate).replace("{date_num}", d.toISOString().slice(0, 10))
      .replace("{time_secs}", `${time}:${pad(d.getUTCSeconds())}`).replace("{time}", time);
    return `<span class="date" title="${esc(d.toISOString())}">${esc(out)} UTC</span>`;
  }

  // <@U…>, <!subteam^S…>, <#C…>, <!date^…>, <url|label>, <!here> — the parts of mrkdwn inside angle brackets.
  function special(inner, ctx) {
    const [target, label] = splitOnce(inner, "|");
    if (target.startsWith("@")) {
      const id = target.slice(1);
      const user = ctx.users[id];
      const cls = id === ctx.me ? "mention mention-self" : "mention";
      return `<span class="${cls}" data-user="${esc(id)}">@${esc(user ? user.realName : (label || id))}</span>`;
    }
    if (target.startsWith("#")) {
      const id = target.slice(1);
      const ch = ctx.channels[id];
      return `<span class="mention">#${esc(ch ? ch.name : (label || id))}</span>`;
    }
    if (target.startsWith("!subteam^")) {
      const id = target.slice("!subteam^".length);
      const group = ctx.groups[id];
      return `<span class="mention" data-group="${esc(id)}">@${esc(group ? group.handle : (label || id).replace(/^@/, ""))}</span>`;
    }
    if (target.startsWith("!date^")) {
      const parts = target.split("^");
      return formatDate(Number(parts[1]), parts[2] || "{date_short}", label || "");
    }
    if (target.startsWith("!")) {
      return `<span class="mention">@${esc(target.slice(1))}</span>`;
    }
    const url = unesc(target);
    const safe = /^(https?:|mailto:)/i.test(url) ? url : "#";
    return `<a href="${esc(safe)}" target="_blank" rel="noopener">${esc(label !== undefined ? unesc(label) : url)}</a>`;
  }
  function splitOnce(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
  }

  function inline(text) {
    // Text is HTML-escaped already; formatting marks may not start or end inside words.
    return text
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<b>$2</b>")
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<i>$2</i>")
      .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, "$1<s>$2</s>");
  }

  function mrkdwn(raw, ctx) {
    const holds = [];
    const hold = (html) => { holds.push(html); return `\u0000${holds.length - 1}\u0000`; };
    let s = String(raw);
    s = s.replace(/```([\s\S]*?)```/g, (m, code) => hold(`<pre>${esc(unesc(code.replace(/^\n/, "")))}</pre>`));
    s = s.replace(/`([^`\n]+)`/g, (m, code) => hold(`<code>${esc(unesc(code))}</code>`));
    s = s.replace(/<([^<>\n]+)>/g, (m, inner) => hold(special(inner, ctx)));
    s = esc(unesc(s));
    s = emoji(inline(s));
    s = s.split("\n").map((line) => line.startsWith("&gt; ") ? `<blockquote>${line.slice(5)}</blockquote>` : line).join("\n");
    s = s.replace(/\n/g, "<br>").replace(/<\/blockquote><br>/g, "</blockquote>");
    return s.replace(/\u0000(\d+)\u0000/g, (m, i) => holds[Number(i)]);
  }

  function textObject(t, ctx) {
    if (!t) return "";
    return t.type === "mrkdwn" ? mrkdwn(t.text, ctx) : emoji(esc(t.text)).replace(/\n/g, "<br>");
  }

  function el(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }

  function button(b, blockId, ctx) {
    const isLink = !!b.url;
    const e = el(isLink ? "a" : "button", "bk-button" + (b.style ? " " + b.style : ""), textObject(b.text, ctx));
    e.dataset.actionId = b.action_id || "";
    e.dataset.blockId = blockId || "";
    if (isLink) {
      e.href = b.url;
      e.target = "_blank";
      e.rel = "noopener";
      e.insertAdjacentHTML("beforeend", '<span class="ext">↗</span>');
    } else {
      e.type = "button";
    }
    e.addEventListener("click", (ev) => {
      if (isLink && !b.action_id) return;
      if (!isLink) ev.preventDefault();
      const go = () => ctx.onButton && ctx.onButton(b, blockId, e);
      if (b.confirm) {
        ev.preventDefault();
        confirmDialog(b.confirm, b.style, ctx).then((ok) => { if (ok) { if (isLink) window.open(b.url, "_blank"); go(); } });
      } else {
        go();
      }
    });
    return e;
  }

  function confirmDialog(c, style, ctx) {
    return new Promise((resolve) => {
      const root = document.getElementById("confirm-root");
      const overlay = el("div", "overlay");
      const box = el("div", "confirm");
      box.setAttribute("role", "dialog");
      box.dataset.testid = "confirm-dialog";
      box.appendChild(el("h2", "", textObject(c.title, ctx)));
      box.appendChild(el("div", "text", textObject(c.text, ctx)));
      const actions = el("div", "actions");
      const deny = el("button", "bk-button", textObject(c.deny || { type: "plain_text", text: "Cancel" }, ctx));
      const ok = el("button", "bk-button " + (c.style || style || "primary"), textObject(c.confirm || { type: "plain_text", text: "Yes" }, ctx));
      deny.dataset.testid = "confirm-deny";
      ok.dataset.testid = "confirm-ok";
      const close = (v) => { root.innerHTML = ""; resolve(v); };
      deny.onclick = () => close(false);
      ok.onclick = () => close(true);
      overlay.onclick = (ev) => { if (ev.target === overlay) close(false); };
      actions.append(deny, ok);
      box.appendChild(actions);
      overlay.appendChild(box);
      root.innerHTML = "";
      root.appendChild(overlay);
    });
  }

  function element(x, blockId, ctx) {
    switch (x.type) {
      case "button": return button(x, blockId, ctx);
      case "image": { const i = el("img", "bk-image"); i.src = x.image_url; i.alt = x.alt_text || ""; return i; }
      case "static_select": return selectEl(x);
      case "plain_text_input": return inputEl(x);
      case "checkboxes": return checkboxEl(x);
      default: return el("span", "bk-unknown", esc(`[${x.type}]`));
    }
  }

  function selectEl(x) {
    const s = el("select");
    s.dataset.actionId = x.action_id || "";
    s.appendChild(new Option(x.placeholder ? x.placeholder.text : "Select an item", ""));
    for (const o of x.options || []) {
      const opt = new Option(o.text.text, o.value);
      s.appendChild(opt);
    }
    if (x.initial_option) s.value = x.initial_option.value;
    return s;
  }

  // One checkbox (the first option): the form sends its value when ticked, nothing when not.
  function checkboxEl(x) {
    const option = (x.options || [])[0] || { text: { text: "" }, value: "" };
    const label = el("label", "bk-checkbox");
    const box = el("input");
    box.type = "checkbox";
    box.value = option.value;
    box.dataset.actionId = x.action_id || "";
    label.appendChild(box);
    label.appendChild(el("span", "", esc(option.text.text)));
    return label;
  }

  function inputEl(x) {
    const i = x.multiline ? el("textarea") : el("input");
    i.dataset.actionId = x.action_id || "";
    if (x.placeholder) i.placeholder = x.placeholder.text;
    if (x.initial_value) i.value = x.initial_value;
    if (x.max_length) i.maxLength = x.max_length;
    return i;
  }

  function block(b, ctx) {
    const id = b.block_id || "";
    switch (b.type) {
      case "header": return el("div", "bk-header", emoji(esc(b.text.text)));
      case "divider": return el("hr", "bk-divider");
      case "section": {
        const e = el("div", "bk-section");
        const main = el("div", "bk-main");
        if (b.text) main.appendChild(el("div", "text", textObject(b.text, ctx)));
        if (b.fields) {
          const f = el("div", "bk-fields");
          for (const field of b.fields) f.appendChild(el("div", "text", textObject(field, ctx)));
          main.appendChild(f);
        }
        e.appendChild(main);
        if (b.accessory) e.appendChild(element(b.accessory, id, ctx));
        return e;
      }
      case "context": {
        const e = el("div", "bk-context");
        for (const x of b.elements || []) {
          if (x.type === "image") { const i = el("img"); i.src = x.image_url; i.alt = x.alt_text || ""; i.width = 16; i.height = 16; e.appendChild(i); }
          else e.appendChild(el("span", "", textObject(x, ctx)));
        }
        return e;
      }
      case "actions": {
        const e = el("div", "bk-actions");
        e.dataset.blockId = id;
        for (const x of b.elements || []) e.appendChild(element(x, id, ctx));
        return e;
      }
      case "input": {
        const e = el("div", "bk-input");
        e.dataset.blockId = id;
        const label = el("label", "", emoji(esc(b.label.text)) + (b.optional ? ' <span class="optional">(optional)</span>' : ""));
        e.appendChild(label);
        const control = element(b.element, id, ctx);
        const box = control.querySelector && control.querySelector('input[type="checkbox"]');
        // A checkbox is read apart from the text fields and menus (its value counts only when ticked).
        if (box) box.dataset.checkBlockId = id;
        else control.dataset.blockId = id;
        control.name = id;
        e.appendChild(control);
        if (b.hint) e.appendChild(el("div", "hint", textObject(b.hint, ctx)));
        const error = ctx.errors && ctx.errors[id];
        if (error) {
          e.classList.add("invalid");
          const msg = el("div", "field-error", esc(error));
          msg.dataset.testid = "field-error";
          e.appendChild(msg);
        }
        return e;
      }
      case "image": { const i = el("img", "bk-image"); i.src = b.image_url; i.alt = b.alt_text || ""; return i; }
      default: return el("div", "bk-unknown", esc(`[unsupported block: ${b.type}]`));
    }
  }

  function render(blocks, ctx) {
    const wrap = el("div", "blocks");
    for (const b of blocks || []) wrap.appendChild(block(b, ctx));
    return wrap;
  }

  window.BlockKit = { render, mrkdwn, textObject, esc, confirmDialog };
})();
