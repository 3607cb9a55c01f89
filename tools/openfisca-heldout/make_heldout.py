#!/usr/bin/env python3
"""
Draw random households, have OpenFisca-France compute their benefits, and write a cases file
in the shape of `../shared/data/openfisca-cases.json`, so that `ctg rights conformance` reads it
unchanged.

Purpose: measure the agreement of the rights catalogue (examples/civraisien/droits.json) on
households nobody tuned the rules on.  Two sets are kept in tests/fixtures/rights/:
`openfisca-dev.json` (may be used to improve the rules) and `openfisca-holdout.json` (only
measured, never used to tune).  See docs/conformance.md, section « Ménages tirés au hasard ».

The household builder, the OpenFisca evaluation and every convention (reference month 2025-09,
incomes constant every month 2022-01..2025-12, salaries given gross with the net and taxable
amounts OpenFisca derives, dates of birth on 15 March, married couples, ...) are those of the
shared reference tool `make_cases.py`, which this script IMPORTS (it is not copied): its helpers
`A` (adult), `K` (child), `H` (housing), `case`, `salary_table`, `build`, `evaluate`, `TARGETS`,
`DETAILS`, `reduce_` and `SMIC` are reused as its own `main()` uses them.  Only the choice of the
households is ours: a `random.Random(seed)` draws them over the space the catalogue covers
(single / couple, 0-5 children aged 0-20 with some disabled, salaries 0 to ~4 SMIC, ARE,
pensions, retirees 62-80, disability rates, maintenance received, tenants private / social /
furnished, owners, housed free, zones 1-3 with Civray 86078 most often, students).

Households are evaluated in batches (one OpenFisca simulation for --batch households, entity ids
prefixed with the case id, results read entity by entity, targets computed in the order of
make_cases.TARGETS): about 20 times faster than one simulation per household.  --check households
are re-evaluated alone with make_cases.evaluate; the comparison is recorded in the output
(generation.batch_check).

No household has a changing income (the catalogue assumes stable incomes: a documented
simplification), no child is older than 20.

Usage (from the repository root):
    /tmp/ofvenv/bin/python tools/openfisca-heldout/make_heldout.py --seed 2025 --count 120 \
        --prefix DEV --out tests/fixtures/rights/openfisca-dev.json \
        [--make-cases ../shared/tools/openfisca-cases] [--batch 40] [--check 4] [--no-intermediates]
"""
import argparse
import datetime
import importlib.metadata
import json
import os
import random
import sys
import time

import numpy

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def default_make_cases_dir():
    shared = os.environ.get('CTG_SHARED_DIR') or os.path.join(REPO_ROOT, '..', 'shared')
    return os.path.join(shared, 'tools', 'openfisca-cases')


# --------------------------------------------------------------------------- #
# Drawing households
# --------------------------------------------------------------------------- #

ZONES = [(3, 0.75), (2, 0.15), (1, 0.10)]  # 3 = Civray 86078, 2 = Poitiers, 1 = Paris
HOUSING = [('tenant_private', 0.38), ('tenant_social', 0.20), ('tenant_furnished', 0.08),
           ('owner', 0.24), ('housed_free', 0.10)]
# base monthly rent (excluding charges) by zone, plus an amount per extra person
RENT = {3: (300, 600, 60), 2: (380, 750, 70), 1: (550, 1400, 120)}


def weighted(rng, pairs):
    r = rng.random() * sum(w for _, w in pairs)
    for value, w in pairs:
        r -= w
        if r < 0:
            return value
    return pairs[-1][0]


def draw_gross(rng, smic):
    """Monthly gross salary: part-time, around the SMIC, or up to ~4 SMIC."""
    band = weighted(rng, [('part', 0.30), ('mid', 0.45), ('high', 0.25)])
    lo, hi = {'part': (0.15, 0.9), 'mid': (0.9, 1.6), 'high': (1.6, 4.0)}[band]
    f = rng.uniform(lo, hi)
    if rng.random() < 0.15:  # a few exact SMIC fractions, as in the reference cases
        f = rng.choice([0.25, 0.5, 0.8, 1.0, 1.0, 1.2, 1.5, 2.0])
    return round(f * smic, 2)


def draw_disability(rng):
    """(taux d'incapacité, RSDAE) for a disabled adult."""
    rate = weighted(rng, [(0.8, 0.5), (0.6, 0.25), (0.5, 0.25)])
    rsdae = rate < 0.8 and rng.random() < 0.6
    return rate, rsdae


def draw_adult(rng, mc, age, single, smic):
    """One adult of the given age: an `A(...)` spec of make_cases and a short French-free
    English label for the description."""
    incap, rsdae = 0.0, False
    if age >= 62:
        kind = weighted(rng, [('retired', 0.75), ('inactive', 0.12), ('salaried', 0.08),
                              ('unemployed_benefit', 0.05)])
        if rng.random() < 0.08:
            incap = 0.8
    elif age <= 25 and single and rng.random() < 0.35:
        kind = 'student'
    else:
        kind = weighted(rng, [('salaried', 0.55), ('unemployed_benefit', 0.13),
                              ('unemployed_no_benefit', 0.14), ('inactive', 0.18)])
        if rng.random() < 0.12:
            incap, rsdae = draw_disability(rng)
    gross = are = pension = 0.0
    if kind == 'salaried':
        gross = draw_gross(rng, smic)
        if incap >= 0.5 and rng.random() < 0.6:
            gross = round(rng.uniform(0.2, 0.8) * smic, 2)
        label = f'salaried gross {gross:.2f} ({gross / smic:.2f} SMIC)'
    elif kind == 'unemployed_benefit':
        are = float(round(rng.uniform(400, 2200), -1))
        label = f'ARE {are:.0f}'
    elif kind == 'retired':
        pension = float(round(weighted(rng, [(rng.uniform(100, 700), 0.35),
                                             (rng.uniform(700, 1300), 0.40),
                                             (rng.uniform(1300, 2600), 0.25)]), -1))
        label = f'retired, gross pension {pension:.0f}'
    elif kind == 'unemployed_no_benefit':
        label = 'unemployed without benefit'
    elif kind == 'student':
        label = 'student without income'
    else:
        label = 'inactive without income'
    if incap > 0:
        label += f', disability {incap * 100:.0f} %' + (' with RSDAE' if rsdae else '')
    return mc.A(age, kind, gross=gross, are=are, pension=pension, incap=incap, rsdae=rsdae), label


def draw_household(rng, mc, cid, smic):
    """Appends one random household to mc.CASES through mc.case(...)."""
    single = rng.random() < 0.45
    band = weighted(rng, [('young', 0.15), ('active', 0.62), ('senior', 0.23)])
    age1 = {'young': lambda: rng.randint(18, 25), 'active': lambda: rng.randint(26, 61),
            'senior': lambda: rng.randint(62, 80)}[band]()
    adults, labels = [], []
    a, lab = draw_adult(rng, mc, age1, single, smic)
    adults.append(a)
    labels.append(lab)
    if not single:
        age2 = max(18, min(85, age1 + rng.randint(-6, 6)))
        a, lab = draw_adult(rng, mc, age2, False, smic)
        adults.append(a)
        labels.append(lab)
    ages = [x['age'] for x in adults]
    youngest_parent = min(ages)
    # children: fewer for students and seniors; a child is at least 17 years younger than the
    # youngest adult
    if any(x['status'] == 'student' for x in adults) or youngest_parent < 19:
        n_children = weighted(rng, [(0, 0.85), (1, 0.15)])
    elif youngest_parent >= 62:
        n_children = weighted(rng, [(0, 0.9), (1, 0.1)])
    else:
        n_children = weighted(rng, [(0, 0.30), (1, 0.22), (2, 0.22), (3, 0.14), (4, 0.07),
                                    (5, 0.05)])
    max_child_age = min(20, youngest_parent - 17)
    children = []
    for _ in range(n_children):
        if max_child_age < 0:
            break
        age = rng.randint(0, max_child_age)
        handicap, cat = False, None
        if age < 20 and rng.random() < 0.08:
            handicap, cat = True, weighted(rng, [(0, 0.4), (1, 0.15), (2, 0.15), (3, 0.1), (4, 0.1),
                                                 (5, 0.05), (6, 0.05)])
        children.append(mc.K(age, handicap=handicap, aeeh_cat=cat))
    children.sort(key=lambda k: k['age'])
    child_labels = [f"{k['age']}" + (f" disabled AEEH cat {k['aeeh_cat']}" if k['handicap'] else '')
                    for k in children]
    maintenance = 0.0
    if single and children and rng.random() < 0.35:
        maintenance = float(round(len(children) * rng.uniform(50, 250), -1))
        adults[0]['pension_alim'] = maintenance
    zone = weighted(rng, ZONES)
    status = weighted(rng, HOUSING)
    if any(x['status'] == 'student' for x in adults) and rng.random() < 0.5:
        status = 'tenant_furnished'
    rent = 0.0
    if status.startswith('tenant'):
        lo, hi, per = RENT[zone]
        rent = rng.uniform(lo, hi) + per * (len(adults) + len(children) - 1)
        if status == 'tenant_social':
            rent *= 0.75
        rent = float(round(rent, -1))
    housing = mc.H(status, rent, zone)

    shape = 'single' if single else 'couple'
    desc = (f"{'Single' if single else 'Couple'} {'/'.join(str(x) for x in ages)}: "
            + '; '.join(labels))
    if children:
        desc += f"; {len(children)} child{'ren' if len(children) > 1 else ''} (" + ', '.join(child_labels) + ')'
    else:
        desc += '; no child'
    if maintenance:
        desc += f'; maintenance received {maintenance:.0f}/month'
    town = mc.COMMUNES[zone]['commune']
    desc += f"; {status.replace('_', ' ')} zone {zone} ({town})" + (f', rent {rent:.0f}' if rent else '')
    tags = [shape, f'children_{len(children)}', status, f'zone_{zone}']
    kinds = {x['status'] for x in adults}
    tags += sorted(kinds)
    if any(x['age'] >= 62 for x in adults):
        tags.append('senior')
    if any(x['incap'] > 0 for x in adults):
        tags.append('disabled_adult')
    if any(k['handicap'] for k in children):
        tags.append('disabled_child')
    if maintenance:
        tags.append('maintenance')
    mc.case(cid, desc, adults, children, housing, tags)


# --------------------------------------------------------------------------- #
# Batch evaluation
# --------------------------------------------------------------------------- #

def merge_situations(items):
    """items: [(case id, OpenFisca situation of make_cases.build)] -> one situation whose entity
    ids are prefixed with '<case id>.' (role lists renamed the same way)."""
    merged = {'individus': {}, 'familles': {}, 'foyers_fiscaux': {}, 'menages': {}}
    for cid, sit in items:
        for plural, entities in sit.items():
            for eid, ent in entities.items():
                if plural != 'individus':
                    ent = {k: ([f'{cid}.{p}' for p in v] if isinstance(v, list) else v)
                           for k, v in ent.items()}
                merged[plural][f'{cid}.{eid}'] = ent
    return merged


def evaluate_batch(mc, tbs, items, with_details):
    """Evaluates several households in one simulation. Returns {case id: (results, details)}
    with, per case, the same reductions as make_cases.evaluate (sum, or any for booleans) over
    that case's entities only."""
    from openfisca_core.simulation_builder import SimulationBuilder
    sim = SimulationBuilder().build_from_entities(tbs, merge_situations(items))
    owners = {}

    def per_case(var, period, how):
        entity = tbs.variables[var].entity
        population = sim.persons if entity.is_person else sim.populations[entity.key]
        key = entity.key
        if key not in owners:
            owners[key] = [str(i).split('.', 1)[0] for i in population.ids]
        values = sim.calculate(var, period)
        out = {}
        for cid, _ in items:
            mask = numpy.array([o == cid for o in owners[key]], dtype=bool)
            out[cid] = mc.reduce_(values[mask], how)
        return out

    results = {cid: {} for cid, _ in items}
    for key, var, per, how in mc.TARGETS:
        for cid, v in per_case(var, per, how).items():
            results[cid][key] = v
    details = {cid: None for cid, _ in items}
    if with_details:
        details = {cid: {} for cid, _ in items}
        for key, var, per, how in mc.DETAILS:
            for cid, v in per_case(var, per, how).items():
                details[cid][key] = v
        aah = sim.calculate('aah', mc.REF_MONTH)
        for cid, _ in items:
            details[cid]['aah_by_person'] = {
                str(pid).split('.', 1)[1]: round(float(v), 2)
                for pid, v in zip(sim.persons.ids, aah) if v and str(pid).split('.', 1)[0] == cid}
    return {cid: (results[cid], details[cid]) for cid, _ in items}


# --------------------------------------------------------------------------- #
# Main
# --------------------------------------------------------------------------- #

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, required=True, help='seed of random.Random')
    ap.add_argument('--count', type=int, default=120, help='number of households')
    ap.add_argument('--prefix', default='R', help='case id prefix (ids PREFIX001, ...)')
    ap.add_argument('--out', required=True, help='output JSON file')
    ap.add_argument('--make-cases', default=default_make_cases_dir(),
                    help='folder of the reference tool make_cases.py '
                         '(default: $CTG_SHARED_DIR or <repo>/../shared, then tools/openfisca-cases)')
    ap.add_argument('--batch', type=int, default=40,
                    help='households per OpenFisca simulation (default 40)')
    ap.add_argument('--check', type=int, default=4,
                    help='households re-evaluated alone to cross-check the batch (default 4)')
    ap.add_argument('--no-intermediates', action='store_true',
                    help="drop each case's openfisca_intermediates (smaller file)")
    args = ap.parse_args()

    sys.path.insert(0, os.path.abspath(args.make_cases))
    import make_cases as mc  # noqa: E402  (OpenFisca is imported with it)

    t0 = time.time()
    tbs = mc.FranceTaxBenefitSystem()
    rng = random.Random(args.seed)
    mc.CASES[:] = []  # drop the reference tool's own hand-written cases
    width = max(3, len(str(args.count)))
    for i in range(1, args.count + 1):
        draw_household(rng, mc, f'{args.prefix}{i:0{width}d}', mc.SMIC)
    cases = list(mc.CASES)

    grosses = [a['gross'] for c in cases for a in c['adults']]
    sal = mc.salary_table(tbs, grosses)

    built = [(c, *mc.build(c, sal)) for c in cases]
    per_case, timings = {}, []
    for start in range(0, len(built), args.batch):
        chunk = built[start:start + args.batch]
        t1 = time.time()
        per_case.update(evaluate_batch(mc, tbs, [(c['id'], sit) for c, sit, _ in chunk],
                                       not args.no_intermediates))
        timings.append(time.time() - t1)
        print(f'{chunk[0][0]["id"]}..{chunk[-1][0]["id"]}: {timings[-1]:.1f} s', file=sys.stderr, flush=True)

    # Cross-check: a few cases evaluated alone, exactly as make_cases.py does, must give the
    # same results as the batch.
    check_ids = [c['id'] for c, _, _ in built][::max(1, len(built) // max(1, args.check))][:args.check]
    mismatches = []
    for c, sit, _ in built:
        if c['id'] in check_ids:
            _, alone = mc.evaluate(tbs, sit, mc.TARGETS)
            for key, value in alone.items():
                if per_case[c['id']][0][key] != value:
                    mismatches.append({'case': c['id'], 'result': key, 'batch': per_case[c['id']][0][key],
                                       'alone': value})
    if mismatches:
        print('BATCH/ALONE MISMATCHES:', mismatches, file=sys.stderr)

    records = []
    for c, sit, neutral in built:
        res, det = per_case[c['id']]
        record = {'id': c['id'], 'description': c['description'], 'tags': c['tags'],
                  'situation': neutral, 'openfisca_input': sit, 'results': res}
        if det is not None:
            record['openfisca_intermediates'] = det
        records.append(record)
        print(f"{c['id']} " + ' '.join(f'{k}={v}' for k, v in res.items() if v), flush=True)

    version = importlib.metadata.version('openfisca-france')
    core = importlib.metadata.version('openfisca-core')
    today = datetime.date.today().isoformat()
    doc = {
        'about': (f"{len(records)} households drawn at random by tools/openfisca-heldout/make_heldout.py "
                  f"(random.Random seed {args.seed}, ids {args.prefix}...), evaluated with OpenFisca-France "
                  f"{version} (openfisca-core {core}) through the helpers of the reference tool "
                  f"make_cases.py (same conventions), generated on {today}. 'situation' is engine-neutral; "
                  "'openfisca_input' is the exact input given to OpenFisca; 'results' are OpenFisca's "
                  "outputs; eligible means amount > 0 (or true)."
                  + (" openfisca_intermediates dropped (--no-intermediates)." if args.no_intermediates else '')),
        'generation': {
            'script': 'tools/openfisca-heldout/make_heldout.py',
            'command': (f'tools/openfisca-heldout/make_heldout.py --seed {args.seed} --count {args.count} '
                        f'--prefix {args.prefix} --out {args.out}'
                        + (' --no-intermediates' if args.no_intermediates else '')),
            'seed': args.seed, 'count': args.count, 'prefix': args.prefix,
            'openfisca_france_version': version, 'openfisca_core_version': core,
            'generated_on': today,
            'intermediates': not args.no_intermediates,
            'evaluation': (f'households evaluated in batches of {args.batch} (one OpenFisca simulation per '
                           'batch, entity ids prefixed with the case id, results read per entity, targets '
                           'computed in the order of make_cases.TARGETS); cross-checked on the cases of '
                           'batch_check, evaluated alone with make_cases.evaluate'),
            'batch_check': {'cases': check_ids, 'mismatches': mismatches},
            'batch_seconds': [round(t, 1) for t in timings],
            'total_s': round(time.time() - t0, 1),
        },
        'reference_month': mc.REF_MONTH,
        'periods': {k: p for k, _, p, _ in mc.TARGETS},
        'units': {
            'af, cf, asf, paje_base, aeeh, rsa, ppa, aah, aspa, asi': 'EUR per month, before CRDS (aah/asi summed over the adults)',
            'aide_logement, apl, als, alf': 'EUR per month, NET of CRDS 0.5 %, after the 5 EUR minoration, rounded down to the euro',
            'ars': 'EUR for the school year 2025 (paid Aug 2025), before CRDS',
            'cheque_energie': 'EUR for year 2025 (based on RFR 2023)',
            'bourse_college, bourse_lycee': 'EUR per school year (annual amount, computed at 2025-09)',
            'css_gratuite': 'true = Complémentaire santé solidaire without contribution (variable cmu_c)',
            'css_participation_mensuelle': 'EUR per month of participation when CSS with contribution is granted (0 otherwise)',
        },
        'salary_conversion_gross_to_net_taxable': {f'{k:g}': {'net': v[0], 'taxable': v[1]}
                                                   for k, v in sorted(sal.items())},
        'cases': records,
    }
    with open(args.out, 'w') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(json.dumps(doc['generation']), file=sys.stderr)


if __name__ == '__main__':
    main()
