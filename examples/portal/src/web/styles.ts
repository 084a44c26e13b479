/**
 * The whole stylesheet: small enough to inline into every page. The pages' CSP allows
 * exactly this text by its hash, so the pages carry no `style="…"` attributes: put every
 * rule here.
 */
export const styles = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2733;background:#f3f5f8}
a{color:#0d4cd3;text-decoration:none}a:hover{text-decoration:underline}
main p a,main li a,main dd a{text-decoration:underline}
header{display:flex;gap:18px;align-items:center;padding:10px 24px;background:#0d4cd3;color:#fff}
header a{color:#fff;white-space:nowrap}header .brand{font-weight:700;font-size:17px}header nav{display:flex;gap:14px;flex:1}
.who{text-align:right;line-height:1.25;max-width:460px}.who small{display:block;font-size:12px;color:#dfe8ff;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header form{margin:0}header button{background:transparent;border:1px solid #fff8;color:#fff;padding:3px 10px}
main{max-width:1180px;margin:20px auto;padding:0 20px}
h1{font-size:22px;margin:0 0 14px}h2{font-size:17px;margin:18px 0 8px}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:16px 18px;margin-bottom:16px}
.folders{display:flex;flex-wrap:wrap;gap:6px;margin-bottom:12px}
.folders a{padding:6px 12px;border-radius:16px;background:#fff;border:1px solid #dde3ea;color:#1f2733}
.folders a.active{background:#0d4cd3;border-color:#0d4cd3;color:#fff}
.count{display:inline-block;min-width:22px;margin-left:6px;padding:0 6px;border-radius:10px;background:#e8eefb;color:#0d4cd3;font-size:13px;text-align:center}
.active .count{background:#fff3;color:#fff}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e6eaf0;vertical-align:top}
th{font-size:13px;color:#5b6676;font-weight:600;background:#f8fafc}
td,th{overflow-wrap:anywhere}th a{color:inherit}th[aria-sort] a{color:#0d4cd3}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.folders .group{align-self:center;font-size:12px;color:#5b6676;margin-left:6px}
.request{background:#f1e6ff}.rework{background:#ffe8cc}
.pager{display:flex;gap:16px;align-items:center;margin:10px 0}
form.bulk{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:10px}
.report li{margin-bottom:4px}.report .refused{color:#7a1111}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;background:#eef1f5;white-space:nowrap}
.st-moderation,.st-coordination{background:#fff4d6}.st-executor_assigned,.st-in_work,.st-postponed{background:#e3efff}
.st-on_approval{background:#f1e6ff}.st-answer_sent,.st-answer_ready,.st-answer_delivered{background:#dff5ea}
.st-completed{background:#d7f0dc}.st-rejected{background:#fde2e2}
.fast{background:#ffe8cc}.overdue{background:#fde2e2;color:#a01919}.soon{background:#fff1c2}
.muted{color:#4f5968;font-size:13px}.nowrap{white-space:nowrap}.late{color:#a01919}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:12px}
label{display:block;font-size:13px;color:#5b6676}
input,select,textarea{font:inherit;padding:5px 8px;border:1px solid #c8d0da;border-radius:5px;background:#fff}
textarea{width:100%;min-height:70px}select{max-width:100%}textarea.tall{min-height:150px}
p.lead{font-size:16px;margin-top:0}label.choice{display:inline-block;margin-right:10px}
button{font:inherit;padding:6px 14px;border-radius:5px;border:1px solid #0d4cd3;background:#0d4cd3;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0d4cd3}
dl{display:grid;grid-template-columns:230px 1fr;gap:6px 14px;margin:0}dt{color:#5b6676}dd{margin:0}
.countdown{font-size:18px;font-weight:600}
.actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
.actions form{border:1px solid #dde3ea;border-radius:8px;padding:12px;background:#fbfcfe}
.actions form strong{display:block}.actions form label{margin-top:6px}.actions form button{margin-top:10px}
.org-name{margin:0 0 4px;color:#4f5968}.note{font-size:13px;color:#4f5968}
form.inline{display:inline;margin:0}form.inline button{padding:2px 10px;margin-left:6px}
.answer-box{display:flex;flex-direction:column;gap:8px}
fieldset.kept-files{border:1px solid #dde3ea;border-radius:6px;margin:8px 0;padding:6px 10px}
.flash{padding:10px 14px;border-radius:6px;margin-bottom:14px}
.flash.ok{background:#dff5ea}.flash.error{background:#fde2e2;color:#7a1111}
.history li{margin-bottom:6px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.users{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:8px}
.users form{margin:0}.users button{width:100%;text-align:left;background:#fff;color:#1f2733;border-color:#dde3ea}
.users button:hover{border-color:#0d4cd3}
.cs-new,.cs-moderation,.cs-support{background:#fff4d6}.cs-in_work,.cs-postponed{background:#e3efff}
.cs-curator_check{background:#f1e6ff}.cs-done{background:#d7f0dc}.cs-closed{background:#eceff3}
.badge.locked{background:#ffe8cc}.badge.label{background:#e8eefb;color:#0d4cd3}
fieldset.reasons{border:1px solid #dde3ea;border-radius:6px;margin:8px 0;padding:6px 10px}
fieldset.reasons label.reason{margin:4px 0;color:#1f2733;font-size:14px}
.files ul{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:10px}
.files li{display:flex;flex-direction:column;gap:2px;max-width:180px}
.thumb{max-width:160px;max-height:120px;border:1px solid #dde3ea;border-radius:4px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,540px),1fr));gap:16px}
figure.chart-card{margin:0 0 16px}.chart-card svg.chart{display:block;max-width:100%;height:auto}
.chart-card h2{margin-top:0}.table-scroll{overflow-x:auto}td.num{text-align:right;white-space:nowrap}
table.indicators thead th{overflow-wrap:normal;hyphens:auto;font-size:12.5px}table.indicators th[scope=row]{min-width:240px}
.map-picker{height:300px;margin-top:10px;border:1px solid #dde3ea;border-radius:6px;background:#f8fafc;cursor:crosshair}
.map-view{height:200px;max-width:420px;margin-top:6px;border:1px solid #dde3ea;border-radius:6px}
`;
