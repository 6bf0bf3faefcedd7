"""Validate eval/weixin/dev2_<X>.jsonl against entities_dev2_<X>.jsonl and SCHEMA.md signatures.
usage: python3 eval/weixin/check_dev2.py a"""
import json,sys,collections,os
X=sys.argv[1] if len(sys.argv)>1 else 'a'
D=os.path.dirname(os.path.abspath(__file__))
SIG={'developedBy':({'Model','Product','Chip'},{'Company'}),'manufactures':({'Company'},{'Chip'}),
 'trainedOn':({'Model'},{'Chip'}),'usesChip':({'Product','Company'},{'Chip'}),
 'investedIn':({'Investor','Company','Person'},{'Company'}),'partnerOf':({'Company'},{'Company'}),
 'acquired':({'Company'},{'Company'}),'competesWith':({'Company','Model','Chip'},None),
 'basedOn':({'Model','Product'},{'Model'}),'founderOf':({'Person'},{'Company'}),'leads':({'Person'},{'Company'}),
 'relatedTo':(None,{'Trend'})}
ents={}
for i,l in enumerate(open(f'{D}/entities_dev2_{X}.jsonl',encoding='utf-8'),1):
    e=json.loads(l); assert e['name'] not in ents,('dup',e['name']); ents[e['name']]=e
err=0;cnt=collections.Counter();n=0
def bad(*a):
    global err; err+=1; print(*a)
for i,l in enumerate(open(f'{D}/dev2_{X}.jsonl',encoding='utf-8'),1):
    d=json.loads(l); n+=1
    assert set(d)=={'doc','sent','entities','relations'},i
    names={}
    for e in d['entities']:
        if e['name'] not in ents: bad(i,'not in entities file',e['name'])
        elif ents[e['name']]['type']!=e['type']: bad(i,'type mismatch',e['name'])
        elif e['surface'] not in ents[e['name']]['aliases']: bad(i,'surface not alias',e['surface'])
        if e['surface'] not in d['sent']: bad(i,'surface not in sent',e['surface'])
        names[e['name']]=e['type']
    for r in d['relations']:
        cnt[r['p']]+=1
        for side in 's','o':
            nm=r[side]
            if nm not in names:
                if not r.get('coref'): bad(i,'relation end not in sentence',nm,r)
                elif nm not in ents: bad(i,'coref end not in entities file',nm)
        ts=(names.get(r['s']) or ents.get(r['s'],{}).get('type')); to=(names.get(r['o']) or ents.get(r['o'],{}).get('type'))
        sig=SIG.get(r['p'])
        if not sig: bad(i,'unknown predicate',r['p']); continue
        if sig[0] and ts not in sig[0]: bad(i,'bad subject type',r)
        if sig[1] and to not in sig[1]: bad(i,'bad object type',r)
        if r['p']=='competesWith' and ts!=to: bad(i,'competesWith across types',r)
        if r.get('coref') and r['s'] in names and r['o'] in names: bad(i,'coref but both ends named',r)
print(n,'sentences',sum(cnt.values()),'relations',dict(cnt),'coref',sum(1 for l in open(f'{D}/dev2_{X}.jsonl') for r in json.loads(l)['relations'] if r.get('coref')),'errors',err)
