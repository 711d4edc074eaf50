import Crypto
import Foundation

/// The report's inline style sheet and script. They hold no data: the script reads the table it finds, so
/// the page's Content-Security-Policy can allow exactly these two texts (by hash) and nothing else.
enum HTMLAssets {
  static let style = """
    :root{--err:#c62828;--warn:#ef6c00;--note:#1565c0;--line:#d9dde3;--muted:#5f6b7a}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:1240px;padding:16px 20px;color:#1d2430;background:#fff;
    font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
    .sub{color:var(--muted);margin:0 0 16px}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px}
    .card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#f8f9fb}
    .card b{display:block;font-size:24px;line-height:1.2}.card span{color:var(--muted);font-size:13px}
    .card.error b{color:var(--err)}.card.warning b{color:var(--warn)}.card.notice b{color:var(--note)}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:8px 24px}
    svg text{font-size:12px;fill:#1d2430}svg .n{fill:var(--muted)}
    .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
    .filters label{color:var(--muted)}select{font:inherit;padding:2px 4px}
    table.findings{border-collapse:collapse;width:100%}
    .findings th,.findings td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
    .findings thead th{background:#eef1f5;position:sticky;top:0;cursor:pointer;white-space:nowrap}
    .findings thead th[aria-sort=ascending]::after{content:" ▲"}.findings thead th[aria-sort=descending]::after{content:" ▼"}
    .findings tbody tr:hover{background:#fafbfc}
    .sev{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;white-space:nowrap}
    .sev-error{background:var(--err)}.sev-warning{background:var(--warn)}.sev-notice{background:var(--note)}
    code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);word-break:break-all}
    details summary{cursor:pointer;color:var(--note);white-space:nowrap}.nw{white-space:nowrap}select{max-width:280px}
    dl{margin:6px 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;min-width:320px}
    dt{color:var(--muted)}dd{margin:0}
    table.ev{border-collapse:collapse}.ev th,.ev td{border:1px solid var(--line);padding:1px 5px;font-size:12px}
    .more{background:#fff8e1;border:1px solid #ffe082;padding:6px 10px;border-radius:6px}
    .prov{color:var(--muted);font-size:12px}.prov li{word-break:break-all}
    .due{border:1px solid #ffe082;background:#fff8e1;border-radius:8px;padding:2px 12px 8px;margin:0 0 16px}
    .due table,table.matrix{border-collapse:collapse}.due td,.due th,.matrix td,.matrix th{padding:3px 8px;text-align:left;
    border-bottom:1px solid var(--line)}.matrix td.n{text-align:right}.matrix tr.total td{font-weight:bold}
    .ledger{white-space:nowrap;font-weight:bold}.ledger-closed,.ledger-waived{color:#2e7d32}
    .ledger-in_progress{color:var(--note)}.ledger-overdue,.ledger-open{color:var(--err)}
    @page{size:A4;margin:12mm}
    @media print{
    body{max-width:none;padding:0;font-size:10px}.filters,.hint{display:none}
    .charts{grid-template-columns:1fr 1fr}.card{break-inside:avoid}
    .findings thead{display:table-header-group}.findings thead th{position:static}
    .findings tr{break-inside:avoid}summary{display:none}
    details::details-content{content-visibility:visible;display:block}
    }
    """

  static let script = """
    (function () {
      var table = document.getElementById("findings");
      if (table) {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
        var shown = document.getElementById("shown");
        var apply = function () {
          var n = 0;
          rows.forEach(function (row) {
            var keep = selects.every(function (s) {
              return s.value === "" || row.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
            });
            row.hidden = !keep;
            if (keep) n++;
          });
          if (shown) shown.textContent = String(n);
        };
        selects.forEach(function (s) { s.addEventListener("change", apply); });
        var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
        heads.forEach(function (th, column) {
          th.addEventListener("click", function () {
            var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
            heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
            var key = function (row) {
              return th.hasAttribute("data-severity") ? String(9 - Number(row.getAttribute("data-sev")))
                : row.cells[column].textContent;
            };
            rows.sort(function (a, b) {
              var c = key(a).localeCompare(key(b), undefined, { numeric: true });
              return c !== 0 ? dir * c : Number(a.getAttribute("data-i")) - Number(b.getAttribute("data-i"));
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        apply();
      }
      window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details").forEach(function (d) { d.open = true; });
      });
      document.body.setAttribute("data-ready", "1");
    })();
    """

  /// `'sha256-…'` for a Content-Security-Policy source list.
  static func hash(_ text: String) -> String {
    "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
  }

  /// Allows the inline style sheet and script, inline SVG, and no network at all.
  static let policy =
    "default-src 'none'; style-src \(hash(style)); script-src \(hash(script)); img-src data:; base-uri 'none'; "
    + "form-action 'none'"
}
