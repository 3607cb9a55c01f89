#!/usr/bin/env python3
"""Writes N synthetic households (deterministic) as a CSV for `ctg rights batch` on the
Civraisien catalogue (examples/civraisien/droits.json). Illustrative data, for benchmarks.

    python3 tools/rights/make_batch.py 100000 > /tmp/foyers.csv
"""
import csv
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = random.Random(20250901)
communes = ["86078", "86001", "86114", "86194"]
w = csv.writer(sys.stdout)
member_fields = ["age", "salaire_net", "chomage", "retraite", "etudiant", "taux_incapacite", "rsdae"]
header = ["id", "regime", "commune", "zone_logement", "logement", "loyer", "revenus_n2",
          "pension_alimentaire_recue", "asf_parent_defaillant"]
for role, count in (("adulte", 2), ("enfant", 4)):
    for i in range(1, count + 1):
        header += [f"{role}{i}_{f}" for f in member_fields]
w.writerow(header)
for k in range(n):
    row = [f"f{k}", rng.choice(["general", "general", "general", "agricole"]), rng.choice(communes),
           rng.choice(["zone_1", "zone_2", "zone_3"]),
           rng.choice(["locataire", "locataire_hlm", "locataire_meuble", "proprietaire", "heberge_gratuit"]),
           rng.randrange(0, 900), rng.randrange(0, 60000), rng.choice([0, 0, 0, 150]),
           rng.choice(["non", "non", "oui"])]
    adults = rng.randint(1, 2)
    children = rng.randint(0, 4)
    for role, count, present in (("adulte", 2, adults), ("enfant", 4, children)):
        for i in range(count):
            if i < present:
                age = rng.randrange(18, 88) if role == "adulte" else rng.randrange(0, 22)
                row += [age, rng.choice([0, 0, rng.randrange(0, 3000)]), rng.choice([0, 0, rng.randrange(0, 1500)]),
                        rng.choice([0, 0, 0, rng.randrange(0, 2000)]), rng.choice(["non", "non", "oui"]),
                        rng.choice([0, 0, 0, 50, 80]), rng.choice(["non", "non", "oui"])]
            else:
                row += [""] * len(member_fields)
    w.writerow(row)
