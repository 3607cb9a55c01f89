#!/usr/bin/env python3
"""Generates random households, has OpenFisca-France 176.1.8 compute their benefits for
2025-09, and writes them in the format of ../shared/data/openfisca-cases.json, so that
`ctg rights conformance FILE` measures the catalogue on more than the 25 reference cases.

Same conventions as the reference cases: incomes constant every month 2022-01..2025-12,
French nationality, no assets, couples married with one tax return, children <= 21 are tax
dependents, the unemployed since 2023-01-01. Gross salaries are taken from the reference file's
gross -> net/taxable table (computed by OpenFisca), pensions and unemployment benefits are
given gross = net = taxable.

    /tmp/ofvenv/bin/python tools/droits/openfisca_random_cases.py --n 60 --seed 2025 \
        > tests/fixtures/rights/openfisca-random-cases.json
"""

import argparse
import json
import random
import sys

YEARS = ["2022", "2023", "2024", "2025"]
REF = json.load(open(sys.argv[sys.argv.index("--reference") + 1] if "--reference" in sys.argv
                     else "../shared/data/openfisca-cases.json", encoding="utf-8"))
SALARIES = {float(k): v for k, v in REF["salary_conversion_gross_to_net_taxable"].items()}
COMMUNES = [("86078", "Civray", 3)] * 7 + [("86194", "Poitiers", 2)] * 2 + [("75056", "Paris", 1)]
HOUSING = ([("tenant_private", "locataire_vide")] * 9 + [("tenant_social", "locataire_hlm")] * 4
           + [("owner", "proprietaire")] * 5 + [("tenant_furnished", "locataire_meuble")] + [("lodged_free", "loge_gratuitement")])
PERIODS = {"af": "2025-09", "ars": "2025", "cf": "2025-09", "asf": "2025-09", "paje_base": "2025-09", "aeeh": "2025-09",
           "aide_logement": "2025-09", "rsa": "2025-09", "ppa": "2025-09", "aah": "2025-09", "aspa": "2025-09",
           "css_gratuite": "2025-09", "css_participation_mensuelle": "2025-09"}
OF_NAME = {"css_gratuite": "cmu_c", "css_participation_mensuelle": "css_participation_forfaitaire"}


def yearly(v):
    return {y: v for y in YEARS}


def random_adult(rng, role, child_count):
    age = rng.choice([rng.randint(18, 30), rng.randint(25, 60), rng.randint(40, 64), rng.randint(60, 85)])
    statuses = ["salaried"] * 5 + ["unemployed_benefit", "unemployed_no_benefit", "inactive"] * 1
    if age >= 60:
        statuses += ["retired"] * 6
    if age <= 27:
        statuses += ["student"] * 2
    status = rng.choice(statuses)
    a = {"role": role, "age": age, "date_of_birth": f"{2025 - age}-03-15", "status": status,
         "monthly_gross_salary": 0.0, "monthly_net_salary": 0.0, "monthly_taxable_salary": 0.0,
         "monthly_unemployment_benefit": 0.0, "monthly_pension_gross": 0.0, "monthly_pension_net": 0.0,
         "monthly_pension_taxable": 0.0, "disability_rate": 0.0, "rsdae": False, "monthly_maintenance_received": 0.0}
    if status == "salaried" or (status == "student" and rng.random() < 0.4):
        gross = rng.choice(sorted(SALARIES)[:9] if status == "student" else sorted(SALARIES))
        a.update(monthly_gross_salary=gross, monthly_net_salary=SALARIES[gross]["net"], monthly_taxable_salary=SALARIES[gross]["taxable"])
    if status == "unemployed_benefit":
        a["monthly_unemployment_benefit"] = float(rng.randrange(500, 2600, 50))
    if status == "retired":
        p = float(rng.randrange(300, 2600, 50))
        a.update(monthly_pension_gross=p, monthly_pension_net=p, monthly_pension_taxable=p)
    if rng.random() < 0.12 and status not in ("student",):
        a["disability_rate"] = rng.choice([0.5, 0.6, 0.8, 0.85])
        a["rsdae"] = a["disability_rate"] < 0.8 and rng.random() < 0.6
    return a


def household(rng, i):
    couple = rng.random() < 0.5
    nchildren = rng.choice([0, 0, 1, 1, 2, 2, 3, 4])
    adults = [random_adult(rng, "applicant", nchildren)]
    if couple:
        adults.append(random_adult(rng, "spouse", nchildren))
    children = []
    for k in range(nchildren):
        age = rng.choice([rng.randint(0, 2), rng.randint(3, 10), rng.randint(11, 17), rng.randint(18, 23)])
        children.append({"id": f"child{k + 1}", "age": age, "date_of_birth": f"{2025 - age}-03-15",
                         "disabled": rng.random() < 0.06, "fiscal_dependent": age <= 21})
    if not couple and children and rng.random() < 0.3:
        adults[0]["monthly_maintenance_received"] = float(rng.randrange(50, 450, 25))
    status, of_status = rng.choice(HOUSING)
    commune, name, zone = rng.choice(COMMUNES)
    rent = 0 if status in ("owner", "lodged_free") else rng.randrange(250, 950, 10)
    for a in adults:
        a["monthly_income_schedule"] = [{
            "from": "2022-01", "to": "2025-12", "status": a["status"], "gross_salary": a["monthly_gross_salary"],
            "net_salary": a["monthly_net_salary"], "taxable_salary": a["monthly_taxable_salary"],
            "unemployment_benefit": a["monthly_unemployment_benefit"], "pension_gross": a["monthly_pension_gross"],
            "pension_net": a["monthly_pension_net"], "pension_taxable": a["monthly_pension_taxable"],
            "maintenance_received": a["monthly_maintenance_received"]}]
        if a["status"].startswith("unemployed"):
            a["unemployment_start"] = "2023-01-01"
    situation = {"reference_month": "2025-09", "couple": couple, "adults": adults, "children": children,
                 "housing": {"status": status, "openfisca_statut_occupation_logement": of_status,
                             "monthly_rent_excluding_charges": rent, "commune_insee": commune, "commune": name, "zone_apl": zone}}
    return {"id": f"R{i:03d}", "description": f"random household {i} (seeded)", "situation": situation,
            "openfisca_input": openfisca_input(situation)}


ACTIVITE = {"salaried": "actif", "unemployed_benefit": "chomeur", "unemployed_no_benefit": "chomeur",
            "inactive": "inactif", "retired": "retraite", "student": "etudiant"}


def openfisca_input(s):
    ind = {}
    adult_ids = []
    for n, a in enumerate(s["adults"]):
        pid = f"adult{n + 1}"
        adult_ids.append(pid)
        p = {"date_naissance": {"ETERNITY": a["date_of_birth"]}, "activite": yearly(ACTIVITE[a["status"]])}
        if a["monthly_gross_salary"]:
            p.update(salaire_de_base=yearly(12 * a["monthly_gross_salary"]), salaire_net=yearly(round(12 * a["monthly_net_salary"], 2)),
                     salaire_imposable=yearly(round(12 * a["monthly_taxable_salary"], 2)))
        if a["monthly_unemployment_benefit"]:
            v = 12 * a["monthly_unemployment_benefit"]
            p.update(chomage_brut=yearly(v), chomage_net=yearly(v), chomage_imposable=yearly(v))
        if a["monthly_pension_gross"]:
            v = 12 * a["monthly_pension_gross"]
            p.update(retraite_brute=yearly(v), retraite_nette=yearly(v), retraite_imposable=yearly(v))
        if a["disability_rate"]:
            p.update(taux_incapacite=yearly(a["disability_rate"]), handicap=yearly(True),
                     aah_restriction_substantielle_durable_acces_emploi=yearly(a["rsdae"]))
        if a["monthly_maintenance_received"]:
            p["pensions_alimentaires_percues"] = yearly(12 * a["monthly_maintenance_received"])
        if s["couple"]:
            p["statut_marital"] = yearly("marie")
        if a.get("unemployment_start"):
            p["date_debut_chomage"] = {"ETERNITY": a["unemployment_start"]}
        ind[pid] = p
    child_ids = []
    foyers = {"foyer": {"declarants": adult_ids, "personnes_a_charge": []}}
    for c in s["children"]:
        p = {"date_naissance": {"ETERNITY": c["date_of_birth"]}}
        if c["disabled"]:
            p.update(handicap=yearly(True), aeeh_niveau_handicap=yearly(0))
        ind[c["id"]] = p
        child_ids.append(c["id"])
        if c["fiscal_dependent"]:
            foyers["foyer"]["personnes_a_charge"].append(c["id"])
        else:
            foyers[f"foyer_{c['id']}"] = {"declarants": [c["id"]]}
    h = s["housing"]
    menage = {"personne_de_reference": [adult_ids[0]], "enfants": child_ids, "depcom": yearly(h["commune_insee"]),
              "statut_occupation_logement": yearly(h["openfisca_statut_occupation_logement"]),
              "loyer": yearly(12 * h["monthly_rent_excluding_charges"])}
    if len(adult_ids) > 1:
        menage["conjoint"] = [adult_ids[1]]
    return {"individus": ind, "familles": {"famille": {"parents": adult_ids, "enfants": child_ids}},
            "foyers_fiscaux": foyers, "menages": {"menage": menage}}


def compute(tbs, inp):
    from openfisca_core.simulation_builder import SimulationBuilder

    sim = SimulationBuilder().build_from_entities(tbs, json.loads(json.dumps(inp)))
    out = {}
    for key, period in PERIODS.items():
        r = sim.calculate(OF_NAME.get(key, key), period)
        out[key] = bool(r.any()) if r.dtype == bool else round(float(r.sum()), 2)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--reference")
    args = ap.parse_args()
    from openfisca_france import FranceTaxBenefitSystem

    tbs = FranceTaxBenefitSystem()
    rng = random.Random(args.seed)
    cases = []
    for i in range(1, args.n + 1):
        c = household(rng, i)
        c["results"] = compute(tbs, c["openfisca_input"])
        cases.append(c)
        print(f"{c['id']} {({k: v for k, v in c['results'].items() if v})}", file=sys.stderr)
    doc = {"about": f"{args.n} random households (seed {args.seed}) generated by tools/droits/openfisca_random_cases.py, "
                    "benefits computed by OpenFisca-France 176.1.8 for 2025-09 (ARS: 2025); same conventions and format as "
                    "../shared/data/openfisca-cases.json. Illustrative households, not real people.",
           "reference_month": "2025-09", "periods": PERIODS, "cases": cases}
    json.dump(doc, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
