const fs=require('fs');const {SourceMapConsumer}=require('source-map-js');
const f=process.argv[2];
const code=fs.readFileSync(f,'utf8');const map=JSON.parse(fs.readFileSync(f+'.map','utf8'));
const c=new SourceMapConsumer(map);
const lines=code.split('\n');const lineStart=[];let off=0;for(const l of lines){lineStart.push(off);off+=l.length+1;}
const by={};let prev=null;
c.eachMapping(m=>{const pos=lineStart[m.generatedLine-1]+m.generatedColumn; if(prev){const k=prev.src||'?';by[k]=(by[k]||0)+(pos-prev.pos);} prev={pos,src:m.source};});
if(prev){by[prev.src]=(by[prev.src]||0)+(code.length-prev.pos);}
const agg={};for(const [k,v] of Object.entries(by)){let g=k.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/,'nm:$1');if(!g.startsWith('nm:'))g=k.replace(/^(\.\.\/)+/,'');agg[g]=(agg[g]||0)+v;}
const arr=Object.entries(agg).sort((a,b)=>b[1]-a[1]);let tot=0;for(const [,v] of arr)tot+=v;
console.log('total',code.length,'mapped',tot);for(const [k,v] of arr.slice(0,+process.argv[3]||40))console.log(String(v).padStart(9),k);
