"""A second, independent (Python) evaluator of ctg-droits/1 with Kleene logic: used by build_fixtures.py
to check every hand-written expectation before it is written to the fixture file."""
import json, sys, datetime as dt
U=None
class K:
    def __init__(s, cat):
        s.cat=cat; s.params={p['id']:p for p in cat['parameters']}; s.der={d['id']:d for d in cat['derived']}
    def pval(s,pid,date):
        v=U
        for e in s.params[pid]['values']:
            if dt.date.fromisoformat(e['from'])<=date: v=e['value']
        if v is None: raise Exception('NA')
        return v
    def evaluate(s, sit, date):
        s.sit=sit; s.date=date; s.cache={}
        out={}
        for b in s.cat['benefits']:
            try: v=s.ev(b['condition'],None)
            except Exception as e:
                if str(e)=='NA': out[b['id']]='non_applicable'; continue
                raise
            out[b['id']]={True:'eligible',False:'non_eligible',None:'indetermine'}[v]
        return out
    def members(s):
        return s.sit.get('members')
    def ev(s,e,m):
        if isinstance(e,(bool,int,float,str)): return e
        k=[x for x in e if x!='label'][0]; a=e[k]
        if k=='all':
            vs=[s.ev(x,m) for x in a]
            if False in vs: return False
            return U if U in vs else True
        if k=='any':
            vs=[s.ev(x,m) for x in a]
            if True in vs: return True
            return U if U in vs else False
        if k=='not':
            v=s.ev(a,m); return U if v is U else (not v)
        if k in ('<','<=','>','>=','==','!='):
            x,y=s.ev(a[0],m),s.ev(a[1],m)
            if x is U or y is U: return U
            return {'<':x<y,'<=':x<=y,'>':x>y,'>=':x>=y,'==':x==y,'!=':x!=y}[k]
        if k=='between':
            x,lo,hi=[s.ev(t,m) for t in a]
            l= U if (x is U or lo is U) else lo<=x
            h= U if (x is U or hi is U) else x<=hi
            if l is False or h is False: return False
            return U if U in (l,h) else True
        if k=='in':
            x=s.ev(a[0],m); return U if x is U else (x in a[1])
        if k in ('+','*','min','max'):
            vs=[s.ev(x,m) for x in a]
            if U in vs: return U
            if k=='+': return sum(vs)
            if k=='min': return min(vs)
            if k=='max': return max(vs)
            r=1
            for v in vs: r*=v
            return r
        if k in ('-','/'):
            x,y=s.ev(a[0],m),s.ev(a[1],m)
            if x is U or y is U: return U
            return x-y if k=='-' else (0 if y==0 else x/y)
        if k=='if':
            c=s.ev(a[0],m)
            if c is True: return s.ev(a[1],m)
            if c is False: return s.ev(a[2],m)
            x,y=s.ev(a[1],m),s.ev(a[2],m)
            return x if (x is not U and x==y) else U
        if k=='fact':
            if a=='nombre_adultes':
                ms=s.members(); return s.sit['answers'].get(a) if ms is None else sum(1 for q in ms if q['role']=='adulte')
            if a=='nombre_enfants':
                ms=s.members(); return s.sit['answers'].get(a) if ms is None else sum(1 for q in ms if q['role']=='enfant')
            return s.sit['answers'].get(a)
        if k=='param': return s.pval(a,s.date)
        if k=='derived':
            d=s.der[a]
            if d.get('scope')=='membre': return s.ev(d['value'],m)
            if a not in s.cache: s.cache[a]=s.ev(d['value'],None)
            return s.cache[a]
        if k=='member': return m.get('facts',{}).get(a)
        if k=='age':
            if 'age' in m: return m['age']
            if 'birth_date' in m:
                y,mo,dd=map(int,m['birth_date'].split('-')); d=s.date
                return d.year-y-((d.month,d.day)<(mo,dd))
            return U
        if k=='role': return m['role']==a
        if k=='date': return dt.date.fromisoformat(a)
        if k=='today': return s.date
        if k=='years_since':
            d=s.ev(a,m)
            if d is U: return U
            return s.date.year-d.year-((s.date.month,s.date.day)<(d.month,d.day))
        ms=s.members()
        if k in ('count','sum'):
            if ms is None: return U
            tot=0
            for q in ms:
                f=s.ev(a['members'],q)
                if f is U: return U
                if f:
                    if k=='count': tot+=1
                    else:
                        v=s.ev(a['of'],q)
                        if v is U: return U
                        tot+=v
            return tot
        if k=='any_member':
            vs=[s.ev(a,q) for q in (ms or [])]
            if True in vs: return True
            if ms is None or U in vs: return U
            return False
        if k=='all_members':
            vs=[s.ev(a,q) for q in (ms or [])]
            if False in vs: return False
            if ms is None or U in vs: return U
            return True
        raise Exception(k)
