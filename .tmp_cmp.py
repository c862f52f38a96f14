import sys, json
from pathlib import Path
from collections import Counter
from extract.pipeline import process_file
from extract.rulebook import load_rulebook
rb=load_rulebook(Path('rules'))
for name in sys.argv[1:]:
    p=Path(name)
    from extract.readers import ReadOptions
    r=process_file(p, rb, ReadOptions(ocr=p.name.startswith("scan")))
    print('==', p.name, r.status, len(r.records))
    for f in r.findings:
        if f.code not in ('page_note','sum_mismatch') : print('  ', f.severity, f.code, f.message[:220])
    sm=[f for f in r.findings if f.code=='sum_mismatch']
    if sm: print('   sum_mismatch x', len(sm), sm[0].message[:150])
    g=Path(str(p)+'.records.jsonl') if p.suffix in ('.csv','.tiff') else p.with_suffix('.records.jsonl')
    if not g.exists(): continue
    gold=[json.loads(l) for l in open(g)]
    gk={d['record_id']:d for d in gold}
    mine={rec.record_id: rec for rec in r.records}
    c=Counter(); ex=Counter()
    for rid,d in gk.items():
        m=mine.get(rid)
        if m is None: c['missing']+=1; continue
        for k,v in d.items():
            if k in('rule_id','engine_version'): continue
            if getattr(m,k)!=v:
                c[k]+=1
                if len(ex)<6 and k not in ex: ex[k]=1; print('    diff',k,repr(v)[:80],'->',repr(getattr(m,k))[:80], '| row', d['row_label'][:40])
    print('   golden',len(gold),'mine',len(mine),'extra',len(set(mine)-set(gk)), dict(c))
