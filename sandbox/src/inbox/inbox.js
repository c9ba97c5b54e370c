// The inbox page: polls the sandbox's admin JSON twice a second and renders it. Every value
// is written with textContent (never as HTML), since message bodies are whatever the code
// under test sent.
"use strict";

const POLL_MS = 500;

const $ = (id) => document.getElementById(id);

/** Creates an element with a class and text (both optional) and appends children. */
function el(tag, opts = {}, ...children) {
  const node = document.createElement(tag);
  if (opts.className) node.className = opts.className;
  if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
  for (const [k, v] of Object.entries(opts.data || {})) node.dataset[k] = v;
  for (const [k, v] of Object.entries(opts.attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

/** `2026-06-24T10:00:00Z` as local date and time. */
function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function timeEl(iso) {
  return el("time", { text: when(iso), attrs: { datetime: iso || "" } });
}

function showEmpty(emptyId, tableId, isEmpty) {
  $(emptyId).hidden = !isEmpty;
  if (tableId) $(tableId).hidden = isEmpty;
}

function renderMessages(messages, campaignNames) {
  const threads = new Map();
  for (const m of messages) {
    if (!threads.has(m.to)) threads.set(m.to, []);
    threads.get(m.to).push(m);
  }
  // Newest conversation first, like a phone; messages within one oldest first.
  const ordered = [...threads.entries()].sort((a, b) => {
    const last = (list) => list[list.length - 1].created_at;
    return last(b[1]).localeCompare(last(a[1]));
  });
  const container = $("threads");
  container.replaceChildren(
    ...ordered.map(([to, list]) => {
      const heading = el("h3", {}, el("span", { text: to }), el("span", { className: "count", text: `${list.length} message${list.length === 1 ? "" : "s"}` }));
      const items = list.map((m) => {
        const content = m.body !== null && m.body !== undefined
          ? el("div", { className: "text", text: m.body })
          : el("div", { className: "template", text: `template ${JSON.stringify(m.template)}` });
        const meta = el("div", { className: "meta" },
          el("span", { className: "tag", text: m.channel }),
          el("span", { text: `from ${m.from}` }),
          el("span", { className: `status status-${m.status}`, text: m.status, data: { status: m.status } }),
          timeEl(m.delivered_at || m.failed_at || m.sent_at || m.created_at),
          m.campaign_id ? el("span", { className: "tag campaign", text: `campaign: ${campaignNames.get(m.campaign_id) || m.campaign_id}` }) : null,
          m.error ? el("span", { text: m.error.message }) : null,
        );
        return el("li", { className: "bubble", data: { messageId: m.id, status: m.status }, attrs: { "aria-label": `${m.channel} message from ${m.from}, ${m.status}` } }, content, meta);
      });
      return el("article", { className: "thread", data: { recipient: to } }, heading, el("ol", {}, ...items));
    }),
  );
  $("message-count").textContent = messages.length ? `(${messages.length})` : "";
  showEmpty("no-messages", null, messages.length === 0);
}

function renderCampaigns(campaigns) {
  $("campaign-rows").replaceChildren(
    ...campaigns.map((c) => {
      const done = (c.delivered || 0) + (c.failed || 0);
      const total = c.total_recipients || 0;
      const bar = el("progress", { attrs: { max: String(Math.max(total, 1)), value: String(total ? done : 1), "aria-label": `${c.name} progress` } });
      const text = el("span", { className: "progress-text", text: `${c.delivered} delivered · ${c.failed} failed · ${total} total` });
      return el("tr", { data: { campaignId: c.id, status: c.status } },
        el("td", { text: c.name }),
        el("td", { text: c.channel }),
        el("td", { className: `state-${c.status}`, text: c.status }),
        el("td", {}, bar, text),
      );
    }),
  );
  showEmpty("no-campaigns", "campaign-table", campaigns.length === 0);
}

const openPayloads = new Set();

function renderDeliveries(deliveries) {
  const rows = deliveries.slice().reverse().map((d) => {
    const key = d.payload && d.payload.id ? d.payload.id : `${d.url} ${d.event_type}`;
    const details = el("details", {}, el("summary", { text: "payload" }), el("pre", { text: JSON.stringify(d.payload, null, 2) }));
    details.open = openPayloads.has(key);
    details.addEventListener("toggle", () => (details.open ? openPayloads.add(key) : openPayloads.delete(key)));
    const result = d.status_code !== null && d.status_code !== undefined
      ? el("span", { className: d.status_code < 300 ? "ok" : "bad", text: `HTTP ${d.status_code}` })
      : el("span", { className: "bad", text: d.error || "no answer" });
    return el("tr", {}, el("td", { text: d.event_type }), el("td", { className: "url", text: d.url }), el("td", {}, result), el("td", {}, details));
  });
  $("delivery-rows").replaceChildren(...rows);
  showEmpty("no-deliveries", "delivery-table", deliveries.length === 0);
}

function renderContacts(overview) {
  $("lists").replaceChildren(...overview.lists.map((l) => el("li", { text: `${l.name} (${l.contact_count})`, data: { listId: l.id } })));
  showEmpty("no-lists", null, overview.lists.length === 0);
  $("contact-rows").replaceChildren(
    ...overview.contacts.slice().reverse().map((c) => el("tr", {}, el("td", { className: "name", text: c.name }), el("td", { className: "phone", text: c.phone }), el("td", { text: c.email || "" }))),
  );
  const shown = overview.contacts.length;
  $("contact-count").textContent = overview.contacts_total ? `(${overview.contacts_total}${overview.contacts_total > shown ? `, newest ${shown} shown` : ""})` : "";
  showEmpty("no-contacts", "contact-table", overview.contacts_total === 0);
}

let lastText = "";

async function refresh() {
  // One snapshot, taken at one instant by the sandbox, so progress and messages agree.
  const resp = await fetch("/_sandbox/overview", { cache: "no-store", headers: { Accept: "application/json" } });
  if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
  const text = await resp.text();
  if (text === lastText) return;
  lastText = text;
  const ov = JSON.parse(text);
  const names = new Map(ov.campaigns.map((c) => [c.id, c.name]));
  renderMessages(ov.messages, names);
  renderCampaigns(ov.campaigns);
  renderDeliveries(ov.webhook_deliveries);
  renderContacts(ov);
  $("credits").textContent = String(ov.credits);
  $("clock").textContent = ov.manual_clock ? `manual, ${when(ov.now)}` : "wall clock";
}

async function poll() {
  try {
    await refresh();
    $("live").textContent = "live";
  } catch (e) {
    $("live").textContent = "sandbox unreachable, retrying";
  }
  setTimeout(poll, POLL_MS);
}

async function reset() {
  const button = $("reset");
  if (!window.confirm("Reset the sandbox? Every contact, list, campaign, message and delivery is removed.")) return;
  button.disabled = true;
  try {
    // JSON only: the sandbox refuses state changes sent as forms.
    const resp = await fetch("/_sandbox/reset", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
    lastText = "";
    await refresh();
    $("live").textContent = "reset done";
  } catch (e) {
    $("live").textContent = `reset failed: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("reset").addEventListener("click", reset);
  poll();
});
