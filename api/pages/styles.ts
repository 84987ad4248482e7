/** The pages' stylesheet, served as /assets/pages.css (the CSP allows no inline style). Colours meet WCAG AA on white. */
export const CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--met:#1a7f37;--partial:#9a6700;--missing:#cf222e;--accent:#0b57d0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:#fff}
a{color:var(--accent)}
header.top{display:flex;gap:1.25rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--bg);flex-wrap:wrap}
header.top .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.top nav a{margin-right:1rem}
main{max-width:1080px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
label{font-weight:600}
textarea{width:100%;min-height:10rem;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:6px}
input,select,button{font:inherit;padding:.35rem .5rem;border:1px solid var(--line);border-radius:6px;background:#fff}
button,.button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer;text-decoration:none;padding:.4rem .8rem;border-radius:6px;display:inline-block}
button.secondary{background:#fff;color:var(--accent)}
:focus-visible{outline:3px solid #ffbf47;outline-offset:1px}
.row{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.35rem 0}
.chips{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
.chip{border:1px solid var(--line);border-radius:999px;padding:.25rem .6rem;display:flex;gap:.4rem;align-items:center;background:var(--bg)}
.chip.inferred{border-style:dashed}
.chip select{padding:.1rem .3rem}
.tag{font-size:.75rem;border-radius:4px;padding:0 .35rem;border:1px solid var(--line);color:var(--muted);white-space:nowrap}
.tag.verified{border-color:var(--met);color:var(--met)}
.tag.attested{border-color:var(--met);color:var(--muted);border-style:dashed}
.tag.self{border-color:var(--partial);color:var(--partial)}
.card{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.card header{display:flex;justify-content:space-between;gap:1rem;align-items:baseline;flex-wrap:wrap}
.card h2{font-size:1.1rem;margin:0}
.score{font-size:1.6rem;font-weight:700}
.summary{color:var(--muted);margin:.25rem 0 .5rem}
.reqs{width:100%;border-collapse:collapse}
.reqs td{padding:.2rem .4rem;border-top:1px solid #eaeef2;vertical-align:middle}
.outcome-met{color:var(--met)}.outcome-partial{color:var(--partial)}.outcome-missing{color:var(--missing)}
.bar rect.track{fill:#eaeef2}.bar rect.met{fill:var(--met)}.bar rect.partial{fill:var(--partial)}.bar rect.missing{fill:var(--missing)}
.bar line.need{stroke:#1b1f24;stroke-width:2}
s.expired{color:var(--muted)}
.unresolved{color:var(--muted)}
.error{border:1px solid var(--missing);background:#fff5f5;border-radius:8px;padding:.75rem 1rem}
table.data{border-collapse:collapse;width:100%}
table.data th,table.data td{border-bottom:1px solid #eaeef2;padding:.3rem .4rem;text-align:left;vertical-align:top}
table.data tfoot td{font-weight:700;border-top:2px solid var(--fg)}
.muted{color:var(--muted)}
.scroll-x{overflow-x:auto}
header.top form.signout{margin-left:auto}
.analysis{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:.5rem 1rem;margin:.75rem 0;background:var(--bg)}
.analysis h2{font-size:1rem;margin:.25rem 0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.small{font-size:.85rem}
.gapbar rect.track{fill:#eaeef2}.gapbar rect.now{fill:var(--accent)}.gapbar rect.gain-0{fill:#8fb3f0}.gapbar rect.gain-1{fill:#b9cff5}
table.roles td{vertical-align:middle}.roles .score-cell{font-size:1.2rem;font-weight:700}ul.gaps{margin:0;padding-left:1rem}
.scroll{overflow-x:auto}table.heatmap th.band{font-size:.8rem;text-align:center;white-space:nowrap}
table.heatmap td.heat{text-align:center;font-weight:600;min-width:3.2rem;border:1px solid #fff}
table.heatmap td.heat.h1{background:rgba(154,103,0,0.208)}table.heatmap td.heat.meets.h1{background:rgba(26,127,55,0.208)}
table.heatmap td.heat.h2{background:rgba(154,103,0,0.296)}table.heatmap td.heat.meets.h2{background:rgba(26,127,55,0.296)}
table.heatmap td.heat.h3{background:rgba(154,103,0,0.384)}table.heatmap td.heat.meets.h3{background:rgba(26,127,55,0.384)}
table.heatmap td.heat.h4{background:rgba(154,103,0,0.472)}table.heatmap td.heat.meets.h4{background:rgba(26,127,55,0.472)}
table.heatmap td.heat.h5{background:rgba(154,103,0,0.560);color:#fff}table.heatmap td.heat.meets.h5{background:rgba(26,127,55,0.560)}
table.heatmap td.heat.h6{background:rgba(154,103,0,0.648);color:#fff}table.heatmap td.heat.meets.h6{background:rgba(26,127,55,0.648)}
table.heatmap td.heat.h7{background:rgba(154,103,0,0.736);color:#fff}table.heatmap td.heat.meets.h7{background:rgba(26,127,55,0.736)}
table.heatmap td.heat.h8{background:rgba(154,103,0,0.824);color:#fff}table.heatmap td.heat.meets.h8{background:rgba(26,127,55,0.824)}
table.heatmap td.heat.h9{background:rgba(154,103,0,0.912);color:#fff}table.heatmap td.heat.meets.h9{background:rgba(26,127,55,0.912)}
table.heatmap td.heat.h10{background:rgba(154,103,0,1.000);color:#fff}table.heatmap td.heat.meets.h10{background:rgba(26,127,55,1.000)}
@media (max-width:600px){.card header{flex-direction:column}.score{font-size:1.3rem}main{padding:.5rem}.reqs td:nth-child(4){display:none}table.heatmap tr>:last-child{display:none}table.heatmap td.heat{min-width:2rem}}
`;
