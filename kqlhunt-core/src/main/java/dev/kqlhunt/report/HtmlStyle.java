package dev.kqlhunt.report;

/** The HTML report's inline style sheet (kept apart so the markup code stays readable). */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS = """
      :root{--bg:#f6f7f9;--fg:#1d2330;--mut:#5d6678;--line:#dde1e8;--acc:#c0392b;--ok:#2e7d32;--warn:#b26a00}
      *{box-sizing:border-box}
      body{margin:0;padding:24px 32px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      h1{margin:0 0 4px;font-size:22px}h2{font-size:17px;margin:0 0 8px}h3{font-size:14px;margin:16px 0 6px}
      section,header{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:16px}
      .meta{color:var(--mut);margin:4px 0}.desc{white-space:pre-wrap;margin:6px 0 10px}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:12px}
      .card{min-width:150px;padding:10px 14px;border-radius:6px;border:1px solid var(--line);background:#fafbfc}
      .card .num{font-size:26px;font-weight:700}.card .lbl{color:var(--mut);font-size:12px}
      .card.alert .num{color:var(--acc)}.card.ok .num{color:var(--ok)}.card.warn .num{color:var(--warn)}
      .chips{margin:4px 0}.chip,.sev{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:10px;font-size:12px;background:#eef1f6;border:1px solid var(--line)}
      .chip.tech{font-family:ui-monospace,monospace}.chip.kind{background:#fff}
      .sev.high{background:#fde2e0;color:#a12a1e}.sev.medium{background:#fff0d6;color:#8a5300}
      .sev.low{background:#e3effd;color:#1f4f8f}.sev.informational{background:#eceff3;color:#444}
      .tl{margin-top:8px}.tl-axis,.tl-row{display:flex;align-items:center;gap:10px}
      .tl-host{flex:0 0 300px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-family:ui-monospace,monospace;font-size:12px}
      .tl-track{position:relative;flex:1;height:22px;border-left:1px solid var(--line);border-right:1px solid var(--line);background:repeating-linear-gradient(90deg,transparent 0,transparent calc(20% - 1px),#eef0f4 calc(20% - 1px),#eef0f4 20%)}
      .tl-axis .tl-track{height:18px;background:none;border:none}
      .tl-when{flex:0 0 280px;white-space:nowrap;color:var(--mut);font-size:12px;font-family:ui-monospace,monospace}
      .tick{position:absolute;top:0;transform:translateX(-50%);font-size:11px;color:var(--mut);white-space:nowrap}
      .tick:first-child{transform:none}.tick:last-child{transform:translateX(-100%)}
      .bar{position:absolute;top:5px;height:12px;min-width:6px;border-radius:6px;background:var(--acc);opacity:.85}
      .tl-row{border-bottom:1px dashed #eef0f4;padding:2px 0}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;font-size:12px}
      th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f0f2f6;position:sticky;top:0}td{font-family:ui-monospace,monospace;word-break:break-word;max-width:480px}
      td.num{text-align:right;font-weight:700}td.host{font-weight:600;white-space:nowrap}td.t{white-space:nowrap}
      .cnt{color:var(--mut);font-size:11px}td code{white-space:nowrap}
      table.grid td:first-child,table.grid td:nth-child(2),table.grid td:nth-child(7){white-space:nowrap}
      pre.diag{background:#fff8e6;border:1px solid #f1d18a;padding:8px;white-space:pre-wrap;font-size:12px}
      .empty{color:var(--mut);font-style:italic}footer{color:var(--mut);font-size:12px;text-align:center}
      """;
}
