/** The page's only style sheet, inline: no font, image or sheet is fetched from anywhere. */
export const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--head:#f6f8fa;--focus:#0a58ca}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1400px;margin:0 auto;padding:0 16px}
header{padding-top:12px;border-bottom:1px solid var(--line)}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
p{margin:6px 0}.muted{color:var(--muted)}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;margin:8px 0}
a{color:#0645ad}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:1px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:3}
.wrap{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0;font-weight:600}
.grid th[scope=row]{position:sticky;left:0;background:var(--head);white-space:nowrap;z-index:1}
.grid thead th:first-child{left:0;z-index:2}
.grid{width:auto;min-width:50%}
.grid td{padding:3px;min-width:92px}
.b{display:inline-flex;align-items:center;gap:4px;border-radius:4px;padding:1px 6px;border:1px solid transparent;white-space:nowrap;font-size:12.5px;text-decoration:none;color:inherit}
.grid .b{display:flex;margin:1px 0}
.grid a.b{text-decoration:underline}
.b .s{font-weight:700;width:1.1em;text-align:center}
.b small{color:var(--muted);font-size:11px}
.good{background:#dcf5e3;border-color:#8fd19e;color:#0b4f1c}
.warn{background:#fff3c4;border-color:#e3c35a;color:#5c4300}
.bad{background:#fde0e0;border-color:#e59a9a;color:#7d1010}
.info{background:#ddeafd;border-color:#8ab4f0;color:#0b3a7a}
.none{background:#eef0f2;border-color:#c3c9cf;color:#343a40}
.dep{background:#eee3f8;border-color:#b592d6;color:#46196b}
.tip{display:none;position:fixed;left:8px;right:8px;bottom:8px;z-index:5;background:#1b1f24;color:#fff;padding:8px 10px;border-radius:6px;font-size:13px;white-space:normal;max-width:760px;margin:0 auto}
.cell:hover .tip,.cell:focus-within .tip{display:block}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0;padding:0;list-style:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card h3{margin:0 0 4px}
.gates{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px}
.runs{list-style:none;display:flex;flex-wrap:wrap;gap:3px;padding:0;margin:2px 0}
.runs .b{padding:0 4px}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dl.kv dt{font-weight:600}dl.kv dd{margin:0}
@media (max-width:600px){
  body{font-size:13px}header,main{padding:0 8px}
  .hide-narrow{display:none}
  .stack thead{display:none}
  .stack tr{display:block;border-bottom:1px solid var(--line);padding:4px 0}
  .stack td{display:block;border:0;padding:2px 6px}
  .stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
}
@media print{
  body{font-size:11px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  nav,.skip,.tip{display:none!important}
  .wrap{overflow:visible;border:0}
  thead th,.grid th[scope=row]{position:static}
  a{color:inherit;text-decoration:none}
  section{break-inside:avoid-page}
  .print-only{display:block}
}
.print-only{display:none}
`;
