const fs=require('fs');const {TraceMap,originalPositionFor}=require('@jridgewell/trace-mapping');
const prof=JSON.parse(fs.readFileSync(process.argv[2]));const tm=new TraceMap(fs.readFileSync(process.argv[3],'utf8'));
const dt={};const n=prof.samples.length;for(let i=0;i<n;i++){dt[prof.samples[i]]=(dt[prof.samples[i]]||0)+(prof.timeDeltas[i]||0);}
const by={};for(const node of prof.nodes){const t=(dt[node.id]||0)/1000;if(!t)continue;const f=node.callFrame;let k;
if(f.url.endsWith('background.js')){const o=originalPositionFor(tm,{line:f.lineNumber+1,column:f.columnNumber});k=(o.source||'?').replace(/.*node_modules\//,'nm:').replace(/^(\.\.\/)+/,'')+' '+(o.name||f.functionName);}else k=(f.functionName||'(anon)')+' '+f.url.split('/').pop();
by[k]=(by[k]||0)+t;}
for(const [k,v] of Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,25))console.log(v.toFixed(1).padStart(8),k);
