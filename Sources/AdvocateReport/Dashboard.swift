/// The dashboard: one self-contained page (inline CSS and JavaScript, SVG charts drawn by the page, no fonts or
/// scripts from elsewhere) that polls the JSON API every five seconds. Every number it shows carries a
/// `data-metric="SOURCE:PATH"` attribute naming the API answer and the member it came from, so that a test can
/// compare the page with the API.
enum Dashboard {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Advocate</title>
        <style>
        :root { --ink: #1d2430; --muted: #5d6b7e; --line: #dde3ea; --bg: #f5f7fa; --card: #fff; --accent: #2f6fd6;
          --good: #1f8a4c; --bad: #c23b3b; --warn: #c98a12; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
          background: var(--bg); }
        header { display: flex; align-items: baseline; gap: 16px; padding: 12px 20px; background: var(--card);
          border-bottom: 1px solid var(--line); }
        header h1 { font-size: 18px; margin: 0; }
        header .status { color: var(--muted); font-size: 12px; margin-left: auto; }
        main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 14px; padding: 14px 20px; }
        section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
          min-width: 0; }
        section.wide { grid-column: 1 / -1; }
        h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .tiles { display: flex; flex-wrap: wrap; gap: 10px; }
        .tile { flex: 1 1 100px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
        .tile .label { color: var(--muted); font-size: 12px; }
        .tile .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .tile .sub { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 500; font-size: 12px; }
        td.num, th.num { text-align: right; }
        .excerpt { color: var(--muted); font-size: 12px; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-size: 10px; fill: var(--muted); }
        .controls { float: right; font-size: 12px; }
        .empty { color: var(--muted); font-style: italic; }
        .scroll { max-height: 360px; overflow: auto; }
        #auth { display: none; gap: 8px; }
        #auth.shown { display: flex; }
        </style>
        </head>
        <body>
        <header>
          <h1>Advocate</h1>
          <span>customer service &amp; advocacy</span>
          <form id="auth"><input id="token" type="password" placeholder="bearer token" autocomplete="off">
            <button>Use</button></form>
          <span class="status" id="status">loading…</span>
        </header>
        <main>
          <section class="wide">
            <h2>Overview</h2>
            <div class="tiles">
              <div class="tile"><div class="label">Events accepted</div>
                <div class="value" data-metric="summary:events.accepted_total" id="events-total">–</div>
                <div class="sub">rejected <span data-metric="summary:events.rejected">–</span></div></div>
              <div class="tile"><div class="label">Customers</div>
                <div class="value" data-metric="summary:customers.total">–</div></div>
              <div class="tile"><div class="label">Open alerts</div>
                <div class="value" data-metric="summary:alerts.open">–</div>
                <div class="sub">closed <span data-metric="summary:alerts.closed">–</span></div></div>
              <div class="tile"><div class="label">Rewards issued</div>
                <div class="value" data-metric="summary:rewards.issued">–</div>
                <div class="sub">value <span data-metric="summary:rewards.value">–</span></div></div>
              <div class="tile"><div class="label">Still being scored</div>
                <div class="value" data-metric="summary:pipeline.pending">–</div></div>
            </div>
          </section>
          <section class="wide">
            <h2>Customer voice
              <span class="controls">by <select id="period"><option>day</option><option selected>week</option>
                <option>month</option></select></span></h2>
            <div class="tiles" id="survey-tiles"></div>
            <div id="survey-charts" class="tiles"></div>
          </section>
          <section>
            <h2>By channel</h2><div id="by-channel" class="scroll"></div>
          </section>
          <section>
            <h2>By segment (largest 8 per score)</h2><div id="by-segment" class="scroll"></div>
          </section>
          <section>
            <h2>Loyalty ladder</h2><div id="ladder"></div>
          </section>
          <section>
            <h2>Moves between stages</h2><div id="moves"></div>
          </section>
          <section>
            <h2>Alert queue</h2><div id="queue"></div>
          </section>
          <section>
            <h2>Proactive notices</h2><div id="notices"></div>
          </section>
          <section>
            <h2>Rewards</h2><div id="rewards"></div>
          </section>
          <section>
            <h2>Budgets</h2><div id="budgets"></div>
          </section>
          <section class="wide">
            <h2>Top advocates</h2><div id="advocates"></div>
          </section>
          <section class="wide">
            <h2>Customer
              <form id="lookup" class="controls"><input id="customer-id" placeholder="customer id" autocomplete="off">
                <button>Show</button></form></h2>
            <div id="customer"><p class="empty">enter a customer id, or pick an advocate above</p></div>
          </section>
          <section>
            <h2>What customers ask us to change</h2><div id="suggestions"></div>
          </section>
          <section>
            <h2>Why customers complain</h2><div id="complaints"></div>
          </section>
        </main>
        <script>
        "use strict";
        const hash = new URLSearchParams(location.hash.slice(1));
        if (hash.get("token")) sessionStorage.setItem("advocateToken", hash.get("token"));
        const $ = (id) => document.getElementById(id);
        const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
          "'": "&#39;"}[c]));
        const show = (v) => (v === null || v === undefined) ? "–" : String(v);
        const metric = (key, v, tag = "span", cls = "") =>
          `<${tag} data-metric="${esc(key)}"${cls ? ` class="${cls}"` : ""}>${esc(show(v))}</${tag}>`;
        const num = (key, v) => metric(key, v, "td", "num");

        async function get(path) {
          const headers = {};
          const token = sessionStorage.getItem("advocateToken");
          if (token) headers.Authorization = "Bearer " + token;
          const response = await fetch(path, {headers, cache: "no-store"});
          if (response.status === 401) { $("auth").classList.add("shown"); throw new Error("needs a token"); }
          if (response.status === 404) return null;
          if (!response.ok) throw new Error(path + ": HTTP " + response.status);
          return response.json();
        }

        function table(head, rows, empty) {
          if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
          return `<table><tr>${head.map((h) => `<th${h.num ? ' class="num"' : ""}>${esc(h.label || h)}</th>`).join("")}</tr>` +
            rows.map((r) => `<tr>${r.join("")}</tr>`).join("") + "</table>";
        }

        function chart(groups, field, low, high, range) {
          const w = 420, h = 150, pad = 28;
          if (!groups.length) return `<p class="empty">no answers yet</p>`;
          const xs = (i) => pad + (groups.length === 1 ? (w - 2 * pad) / 2 : i * (w - 2 * pad) / (groups.length - 1));
          const ys = (v) => h - pad + 10 - (v - range[0]) / (range[1] - range[0]) * (h - pad - 10);
          const points = groups.map((g, i) => g[field] === null ? null : [xs(i), ys(g[field])]).filter(Boolean);
          const band = groups.filter((g) => g.ci95).map((g, i) => [xs(groups.indexOf(g)), ys(g.ci95[1])])
            .concat(groups.filter((g) => g.ci95).reverse().map((g) => [xs(groups.indexOf(g)), ys(g.ci95[0])]));
          const path = (p) => p.map((q, i) => (i ? "L" : "M") + q[0].toFixed(1) + " " + q[1].toFixed(1)).join(" ");
          const labels = groups.map((g, i) => (groups.length <= 5 || i % Math.ceil(groups.length / 5) === 0)
            ? `<text x="${xs(i)}" y="${h - 4}" text-anchor="middle">${esc(g.key)}</text>` : "").join("");
          return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(field)} over time">
            <line x1="${pad}" x2="${w - pad}" y1="${ys(range[0])}" y2="${ys(range[0])}" stroke="#dde3ea"/>
            <line x1="${pad}" x2="${w - pad}" y1="${ys(range[1])}" y2="${ys(range[1])}" stroke="#dde3ea"/>
            <text x="2" y="${ys(range[1]) + 3}">${range[1]}</text><text x="2" y="${ys(range[0]) + 3}">${range[0]}</text>
            ${band.length > 2 ? `<path d="${path(band)} Z" fill="#2f6fd6" opacity=".12"/>` : ""}
            <path d="${path(points)}" fill="none" stroke="#2f6fd6" stroke-width="2"/>
            ${points.map((p) => `<circle cx="${p[0]}" cy="${p[1]}" r="2.5" fill="#2f6fd6"/>`).join("")}${labels}</svg>`;
        }

        function bars(items) {
          const max = Math.max(1, ...items.map((i) => i.n));
          return `<svg viewBox="0 0 420 ${items.length * 24 + 4}" role="img" aria-label="ladder">` + items.map((item, i) =>
            `<text x="0" y="${i * 24 + 16}">${esc(item.label)}</text>` +
            `<rect x="80" y="${i * 24 + 4}" height="16" width="${(item.n / max * 290).toFixed(1)}" fill="#2f6fd6" rx="2"/>` +
            `<text x="${84 + item.n / max * 290}" y="${i * 24 + 16}">${esc(item.n)}</text>`).join("") + "</svg>";
        }

        const kinds = [["nps", "NPS", [-100, 100]], ["csat", "CSAT %", [0, 100]], ["ces", "CES (1-7)", [1, 7]]];

        function groupTable(prefix, data, limit) {
          const rows = [];
          for (const [kind, label] of kinds) {
            // The largest groups first; the index stays the API's, so each number names where it came from.
            const groups = (data[kind].groups || []).map((g, i) => [g, i]).sort((a, b) => b[0].n - a[0].n || a[1] - b[1])
              .slice(0, limit);
            groups.forEach(([g, i]) => rows.push([`<td>${esc(label)}</td>`, `<td>${esc(g.key)}</td>`,
              num(`${prefix}-${kind}:groups.${i}.${kind}`, g[kind]), num(`${prefix}-${kind}:groups.${i}.n`, g.n),
              `<td class="num">${esc(g.ci95 ? g.ci95.join(" – ") : "–")}</td>`]));
          }
          return table(["metric", "group", {label: "score", num: 1}, {label: "n", num: 1}, {label: "95% CI", num: 1}], rows,
            "no answers yet");
        }

        async function refresh() {
          const period = $("period").value;
          const paths = {summary: "/v1/summary", ladder: "/v1/ladder?by=" + period, queue: "/v1/alerts/queue",
            notices: "/v1/notices", rewards: "/v1/rewards?limit=0", referrals: "/v1/referrals", advocates: "/v1/advocates",
            topics: "/v1/topics?limit=10", budgets: "/v1/rewards/budgets"};
          for (const [kind] of kinds) {
            paths[kind] = "/v1/metrics/" + kind;
            paths["time-" + kind] = `/v1/metrics/${kind}?by=${period}`;
            paths["channel-" + kind] = `/v1/metrics/${kind}?by=channel`;
            paths["segment-" + kind] = `/v1/metrics/${kind}?by=segment`;
          }
          const names = Object.keys(paths);
          const answers = await Promise.all(names.map((n) => get(paths[n]).catch((e) => n === "budgets" ? null : Promise.reject(e))));
          const d = Object.fromEntries(names.map((n, i) => [n, answers[i]]));
          const s = d.summary;
          document.querySelectorAll("[data-metric^='summary:']").forEach((el) => {
            const value = el.dataset.metric.slice(8).split(".").reduce((o, k) => o == null ? o : o[k], s);
            el.textContent = show(value);
          });

          $("survey-tiles").innerHTML = kinds.map(([kind, label]) => `<div class="tile"><div class="label">${label}</div>
            <div class="value">${metric(kind + ":" + kind, d[kind][kind])}</div>
            <div class="sub">n ${metric(kind + ":n", d[kind].n)} · 95% CI ${metric(kind + ":ci95.0", d[kind].ci95 && d[kind].ci95[0])}
            – ${metric(kind + ":ci95.1", d[kind].ci95 && d[kind].ci95[1])}</div></div>`).join("");
          $("survey-charts").innerHTML = kinds.map(([kind, label, range]) =>
            `<div class="tile"><div class="label">${label} by ${esc(period)}</div>${chart(d["time-" + kind].groups, kind, 0, 0, range)}</div>`).join("");
          $("by-channel").innerHTML = groupTable("channel", {nps: d["channel-nps"], csat: d["channel-csat"], ces: d["channel-ces"]}, 12);
          $("by-segment").innerHTML = groupTable("segment", {nps: d["segment-nps"], csat: d["segment-csat"], ces: d["segment-ces"]}, 8);

          const L = d.ladder;
          $("ladder").innerHTML = bars(Object.entries(L.stages).map(([label, n]) => ({label, n}))) +
            table(["stage", {label: "customers", num: 1}], Object.entries(L.stages).map(([stage, n]) =>
              [`<td>${esc(stage)}</td>`, num(`ladder:stages.${stage}`, n)]), "");
          $("moves").innerHTML = table(["from", "to", {label: "moves", num: 1}], L.transitions.map((t, i) =>
            [`<td>${esc(t.from)}</td>`, `<td>${esc(t.to)}</td>`, num(`ladder:transitions.${i}.n`, t.n)]), "no moves yet") +
            `<p class="excerpt">latest ${esc(period)}s: ` + [...new Set(L.flows.map((f) => f.key))].slice(-3).map((key) =>
              esc(key) + " " + L.flows.filter((f) => f.key === key).reduce((a, f) => a + f.n, 0)).join(", ") + "</p>";

          const Q = d.queue;
          $("queue").innerHTML = `<div class="tiles">
            <div class="tile"><div class="label">Open</div><div class="value">${metric("queue:open", Q.open)}</div></div>
            <div class="tile"><div class="label">Response p50 (s)</div><div class="value">${metric("queue:response_seconds.p50", Q.response_seconds.p50)}</div></div>
            <div class="tile"><div class="label">Response p90 (s)</div><div class="value">${metric("queue:response_seconds.p90", Q.response_seconds.p90)}</div></div>
            <div class="tile"><div class="label">Within ${esc(Q.sla_minutes)} min %</div><div class="value">${metric("queue:within_sla_share", Q.within_sla_share)}</div>
              <div class="sub">${metric("queue:within_sla", Q.within_sla)} of ${metric("queue:sla_denominator", Q.sla_denominator)}</div></div></div>` +
            table(["age", ...Object.keys(Q.open_by_severity).map((k) => ({label: k, num: 1})), {label: "open", num: 1}],
              Q.open_by_age.map((band, i) => [`<td>${esc(band.age)}</td>`,
                ...Object.keys(band.by_severity).map((k) => num(`queue:open_by_age.${i}.by_severity.${k}`, band.by_severity[k])),
                num(`queue:open_by_age.${i}.n`, band.n)]), "");

          const N = d.notices;
          $("notices").innerHTML = `<p>${metric("notices:total", N.total)} notices for ${metric("notices:disruptions", N.disruptions)} disruptions</p>` +
            table(["disruption", "what", {label: "notices", num: 1}], N.by_disruption.slice(0, 10).map((r, i) =>
              [`<td>${esc(r.disruption)}</td>`, `<td class="excerpt">${esc(r.what)}</td>`, num(`notices:by_disruption.${i}.notices`, r.notices)]),
              "no disruptions yet");

          const R = d.rewards, F = d.referrals;
          $("rewards").innerHTML = table(["status", {label: "entries", num: 1}, {label: "value", num: 1}],
            Object.entries(R.by_status).map(([k, v]) => [`<td>${esc(k)}</td>`, num(`rewards:by_status.${k}.n`, v.n),
              num(`rewards:by_status.${k}.value`, v.value)]), "") +
            `<p>Referrals: ${metric("referrals:converted", F.converted)} converted of ${metric("referrals:sent", F.sent)} sent,
              ${metric("referrals:conversion_rate", F.conversion_rate)} %</p>`;
          const B = d.budgets;
          const budgetRows = B && Array.isArray(B.budgets) ? B.budgets : [];
          $("budgets").innerHTML = !B ? `<p class="empty">no budgets</p>` : table(["budget",
            ...["spent", "limit", "remaining"].flatMap((k) => [{label: k, num: 1}, {label: k + " (rewards)", num: 1}])],
            budgetRows.map((b, i) => [`<td>${esc(b.rule || "")}</td>`, ...["spent", "limit", "remaining"].flatMap((k) =>
              [num(`budgets:budgets.${i}.${k}.value`, (b[k] || {}).value), num(`budgets:budgets.${i}.${k}.count`, (b[k] || {}).count)])]),
            "no budgets");

          const A = d.advocates;
          $("advocates").innerHTML = `<p>${metric("advocates:advocates", A.advocates)} advocates</p>` +
            table(["customer", {label: "advocacy", num: 1}, "why"], A.top.map((a, i) => [
              `<td><a href="#" data-customer="${esc(a.id)}">${esc(a.id)}</a></td>`,
              num(`advocates:top.${i}.advocacy`, a.advocacy), `<td class="excerpt">${a.explanation.slice(0, 3).map((e) =>
                esc(`${e.reason} (${e.event}, +${e.delta})`)).join("<br>")}</td>`]), "no advocates yet");

          const T = d.topics;
          const ranked = (key, rows) => table(["topic", {label: "times", num: 1}, {label: "customers", num: 1}, "for example"],
            rows.map((r, i) => [`<td>${esc(r.topic)}</td>`, num(`topics:${key}.${i}.n`, r.n), num(`topics:${key}.${i}.customers`, r.customers),
              `<td class="excerpt">${esc(r.examples.length ? r.examples[0].excerpt : "")}</td>`]), "nothing yet");
          $("suggestions").innerHTML = ranked("suggestions", T.suggestions);
          $("complaints").innerHTML = ranked("complaints", T.complaints);

          $("status").textContent = "updated " + new Date().toLocaleTimeString();
          document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
        }

        async function profile(id) {
          $("customer-id").value = id;
          let c;
          try { c = await get("/v1/customers/" + encodeURIComponent(id)); } catch (error) {
            $("customer").innerHTML = `<p class="empty">${esc(error.message || error)}</p>`;
            return;
          }
          if (!c) { $("customer").innerHTML = `<p class="empty">no customer ${esc(id)}</p>`; return; }
          const scores = c.scores || {};
          $("customer").innerHTML = `<div class="tiles">
            <div class="tile"><div class="label">Stage</div><div class="value">${esc(c.stage)}</div>
              <div class="sub">${esc((c.flags || []).join(", ") || "no flags")}</div></div>` +
            ["loyalty", "advocacy", "effort", "sentiment"].map((k) => `<div class="tile"><div class="label">${k}</div>
              <div class="value">${esc(show(scores[k]))}</div></div>`).join("") + "</div>" +
            table(["score", "event", "why", {label: "moved by", num: 1}], (c.explanation || []).slice(0, 12).map((e) =>
              [`<td>${esc(e.score)}</td>`, `<td>${esc(e.event)}</td>`, `<td class="excerpt">${esc(e.reason)}</td>`,
                `<td class="num">${esc(e.delta)}</td>`]), "nothing moved the scores") +
            table(["alert", "status", "severity", "reason", {label: "answered in (s)", num: 1}], (c.alerts || []).map((a) =>
              [`<td>${esc(a.trigger)}</td>`, `<td>${esc(a.status)}</td>`, `<td>${esc(a.severity)}</td>`,
                `<td>${esc(a.reason)}</td>`, `<td class="num">${esc(show(a.response_seconds))}</td>`]), "no alerts") +
            table(["notice", "what"], (c.notices || []).map((n) => [`<td>${esc(n.disruption)}</td>`,
              `<td class="excerpt">${esc(n.what)}</td>`]), "no notices") +
            table(["reward", "status", {label: "value", num: 1}], (c.rewards || []).map((r) => [`<td>${esc(r.rule)}</td>`,
              `<td>${esc(r.status)}</td>`, `<td class="num">${esc(r.value)}</td>`]), "no rewards");
        }

        async function tick() {
          try { await refresh(); } catch (error) { $("status").textContent = String(error.message || error); }
          setTimeout(tick, 5000);
        }
        $("period").addEventListener("change", refresh);
        $("lookup").addEventListener("submit", (event) => {
          event.preventDefault();
          if ($("customer-id").value.trim()) profile($("customer-id").value.trim());
        });
        $("advocates").addEventListener("click", (event) => {
          const id = event.target.dataset && event.target.dataset.customer;
          if (id) { event.preventDefault(); profile(id); }
        });
        $("auth").addEventListener("submit", (event) => {
          event.preventDefault();
          sessionStorage.setItem("advocateToken", $("token").value);
          $("auth").classList.remove("shown");
          refresh();
        });
        tick();
        if (hash.get("customer")) profile(hash.get("customer"));
        </script>
        </body>
        </html>
        """#
}
