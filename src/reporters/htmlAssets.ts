/** The inline stylesheet and script of `index.html`: static text, no data is ever interpolated into them. */

export const STYLESHEET = `
:root{--passed:#1a7f37;--passed-bg:#dafbe1;--failed:#cf222e;--failed-bg:#ffebe9;--warning:#9a6700;--warning-bg:#fff8c5;
--skipped:#57606a;--skipped-bg:#eaeef2;--observed:#0969da;--observed-bg:#ddf4ff;--error:#8250df;--error-bg:#fbefff;--border:#d0d7de;--muted:#57606a;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:#1f2328;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1320px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:0}
section.card,header.card{background:#fff;border:1px solid var(--border);border-radius:8px;padding:16px 20px;margin:0 0 20px}
.muted{color:var(--muted)}code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:8px 10px;margin:4px 0 10px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:420px;overflow:auto}
header.card{display:flex;flex-wrap:wrap;gap:16px 32px;align-items:flex-start;justify-content:space-between}
header.card>div:first-child{flex:1 1 460px;min-width:0}header.card>div:last-child{flex:0 0 auto}
.status{display:inline-block;font-weight:600;border-radius:999px;padding:2px 12px;margin-top:6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:10px 0 0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
.tiles{display:flex;gap:10px;flex-wrap:wrap}
.tile{min-width:92px;border-radius:8px;padding:8px 12px;text-align:center;border:1px solid transparent}
.tile b{display:block;font-size:24px;line-height:1.2}
.v-passed{background:var(--passed-bg);color:var(--passed);border-color:#aceebb}
.v-failed{background:var(--failed-bg);color:var(--failed);border-color:#ffcecb}
.v-warning{background:var(--warning-bg);color:var(--warning);border-color:#f5e0a0}
.v-skipped{background:var(--skipped-bg);color:var(--skipped);border-color:#d0d7de}
.v-observed{background:var(--observed-bg);color:var(--observed);border-color:#b6e3ff}
.v-error{background:var(--error-bg);color:var(--error);border-color:#e1ccff}
nav{display:flex;gap:16px;flex-wrap:wrap;margin:-8px 0 16px;padding:0 4px}nav a{color:#0969da;text-decoration:none}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--border);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600;white-space:nowrap}
table.matrix td.cell{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums}
table.matrix td.cell a{color:inherit;text-decoration:none;display:block}
table.matrix td.empty{color:#afb8c1;text-align:center}
table.matrix td.total{text-align:center;white-space:nowrap;color:var(--muted)}
.wide{overflow-x:auto}
.method{display:inline-block;min-width:58px;font:600 11px/18px ui-monospace,monospace;text-align:center;border-radius:4px;color:#fff;margin-right:6px}
.m-GET{background:#0969da}.m-POST{background:#1a7f37}.m-PUT{background:#9a6700}.m-DELETE{background:#cf222e}.m-other{background:#57606a}
.key{color:var(--muted);font-size:12px;margin-left:6px}
table.matrix th .key{display:block;margin:0 0 0 64px;font-weight:400;font-size:11px;line-height:1.2}
table.matrix{font-size:13px}table.matrix th,table.matrix td{padding:4px 6px}
table.matrix tbody th{white-space:normal;max-width:300px}.chip{display:inline-block;border-radius:999px;padding:0 8px;font-size:12px;font-weight:600;border:1px solid transparent;white-space:nowrap}
.legend{display:flex;gap:8px;flex-wrap:wrap;margin:10px 0 0}
details.op{border:1px solid var(--border);border-radius:6px;margin:0 0 10px;background:#fff}
details.op>summary{padding:8px 12px;cursor:pointer;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
details.op[open]>summary{border-bottom:1px solid var(--border)}
.op-body{padding:12px;display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:16px}
.op-body h4{margin:0 0 6px;font-size:13px}
td.label,td.nowrap{white-space:nowrap}td.reqs{font-size:12px;color:var(--muted)}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:0 0 12px}
button{font:inherit;font-size:13px;border:1px solid var(--border);background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer}
button.active{background:#0969da;color:#fff;border-color:#0969da}
details.finding{border:1px solid var(--border);border-left-width:4px;border-radius:6px;margin:0 0 8px;background:#fff;color:inherit}
details.finding.v-failed{border-left-color:var(--failed)}details.finding.v-warning{border-left-color:#d4a72c}details.finding.v-error{border-left-color:var(--error)}
details.finding>summary{padding:7px 12px;cursor:pointer;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.finding-body{padding:4px 16px 12px;border-top:1px solid var(--border)}
.finding-body h5{margin:10px 0 2px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.exchange{border:1px dashed var(--border);border-radius:6px;padding:6px 10px;margin:6px 0}
.findings[data-filter="failed"] .finding:not(.v-failed),.findings[data-filter="warning"] .finding:not(.v-warning),.findings[data-filter="error"] .finding:not(.v-error){display:none}
.copyable{position:relative}.copyable pre{padding-right:64px}
.copy{position:absolute;top:5px;right:6px;font-size:11px;padding:0 6px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:8px}
`;

export const SCRIPT = `
(() => {
  const findings = document.querySelector('.findings');
  document.querySelectorAll('[data-filter-button]').forEach((button) => {
    button.addEventListener('click', () => {
      if (findings) findings.dataset.filter = button.dataset.filterButton;
      document.querySelectorAll('[data-filter-button]').forEach((b) => b.classList.toggle('active', b === button));
    });
  });
  document.querySelectorAll('[data-expand]').forEach((button) => {
    button.addEventListener('click', () => {
      const open = button.dataset.expand === 'open';
      document.querySelectorAll(button.dataset.target).forEach((d) => { d.open = open; });
    });
  });
  document.querySelectorAll('button.copy').forEach((button) => {
    button.addEventListener('click', () => {
      const text = button.nextElementSibling ? button.nextElementSibling.textContent : '';
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => { button.textContent = 'copied'; });
    });
  });
  const openTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
  };
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
`;
