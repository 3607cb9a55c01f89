#!/usr/bin/env python3
"""Writes `tests/fixtures/rights/civraisien-cases.json`: table-driven cases for every benefit of
the Civraisien catalogue — eligible, not eligible, undetermined, both sides of each threshold and
of each parameter change date. Expectations are written by hand (the arithmetic of each edge is in
the case's `why`); `kleene.py`, an independent evaluator, checks them all before writing.

    python3 tools/droits/build_fixtures.py
"""

import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import kleene  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CATALOGUE = os.path.join(ROOT, "examples", "civraisien", "droits.json")
OUT = os.path.join(ROOT, "tests", "fixtures", "rights", "civraisien-cases.json")


def answers(**kw):
    a = {"regime": "general", "commune": "86078", "logement": "proprietaire", "loyer": 0,
         "revenus_n2": 0, "pension_alimentaire_recue": 0, "asf_parent_defaillant": False}
    a.update(kw)
    return {k: v for k, v in a.items() if v is not None}


def adult(age, sal=0, cho=0, ret=0, etudiant=False, taux=0, rsdae=False):
    """An adult; a fact given as None is left unanswered."""
    facts = {"salaire_net": sal, "chomage": cho, "retraite": ret, "etudiant": etudiant,
             "taux_incapacite": taux, "rsdae": rsdae}
    facts = {k: v for k, v in facts.items() if v is not None}
    return {"role": "adulte", "age": age, "facts": facts}


def child(age, taux=0, **kw):
    m = {"role": "enfant", "age": age, "facts": {"taux_incapacite": taux}}
    if "birth_date" in kw:
        del m["age"]
        m["birth_date"] = kw["birth_date"]
    if taux is None:
        m["facts"] = {}
    return m


CASES = []


def case(id, date, members, expected, why, **ans):
    sit = {"id": id, "answers": answers(**ans)}
    if members is not None:
        sit["members"] = members
    CASES.append({"id": id, "date": date, "situation": sit, "expected": expected, "why": why})


D = "2025-09-01"
COUPLE_1_REVENU = [adult(35, sal=1500), adult(33)]

# ---------------------------------------------------------------- AF
case("af-un-enfant", D, COUPLE_1_REVENU + [child(5)], {"af": "non_eligible"}, "un seul enfant à charge : pas d'AF en métropole")
case("af-deux-enfants", D, COUPLE_1_REVENU + [child(5), child(9)], {"af": "eligible"}, "2 enfants de moins de 20 ans")
case("af-19-et-20-ans", D, COUPLE_1_REVENU + [child(19), child(20)], {"af": "non_eligible"}, "à 20 ans l'enfant n'est plus compté (limite exclue) : 1 seul enfant")
case("af-19-et-19-ans", D, COUPLE_1_REVENU + [child(19), child(19)], {"af": "eligible"}, "deux enfants de 19 ans")
case("af-hauts-revenus", D, COUPLE_1_REVENU + [child(5), child(9)], {"af": "eligible"}, "pas de condition de ressources (modulation du montant seulement)", revenus_n2=200000)
case("af-forfait-deux-enfants-de-20-ans", D, COUPLE_1_REVENU + [child(20), child(20), child(12)], {"af": "eligible"},
     "1 enfant à charge + 2 enfants de 20 ans = 3 : allocation forfaitaire pour les enfants de 20 ans")
case("af-composition-inconnue", D, None, {"af": "indetermine", "ars": "indetermine", "rsa": "indetermine"}, "nombre d'adultes et d'enfants inconnus")
case("af-anniversaire-20-ans", D, COUPLE_1_REVENU + [child(9), child(None, birth_date="2005-09-02")],
     {"af": "eligible"}, "né le 2005-09-02 : 19 ans le 2025-09-01, donc 2 enfants")
case("af-anniversaire-20-ans-lendemain", "2025-09-02", COUPLE_1_REVENU + [child(9), child(None, birth_date="2005-09-02")],
     {"af": "non_eligible"}, "20 ans le 2025-09-02 : plus qu'un enfant à charge")

# ---------------------------------------------------------------- ARS
ARS = COUPLE_1_REVENU + [child(8), child(2)]
case("ars-sous-plafond", D, ARS, {"ars": "eligible"},
     "plafond 21880 × (1 + 0,3 × 2) = 35008 ; allocation 0,8972 × 474,37 = 425,60 ; différentielle ≥ 15 € jusqu'à 35008 + 425,60 − 15 = 35418,60", revenus_n2=35418)
case("ars-au-dessus", D, ARS, {"ars": "non_eligible"}, "35419 > 35418,60", revenus_n2=35419)
case("ars-avant-revalorisation-plafond", "2025-12-31", ARS, {"ars": "non_eligible"}, "plafond 2025 : limite 35418,60 < 35800", revenus_n2=35800)
case("ars-apres-revalorisation-plafond", "2026-01-01", ARS, {"ars": "eligible"},
     "plafond 22274 au 2026-01-01 : 22274 × 1,6 + 425,60 − 15 = 36049,00 ≥ 35800", revenus_n2=35800)
case("ars-enfant-5-ans", D, COUPLE_1_REVENU + [child(5)], {"ars": "non_eligible"}, "pas d'enfant de 6 à 17 ans")
case("ars-enfant-17-ans", D, COUPLE_1_REVENU + [child(17)], {"ars": "eligible"}, "17 ans : taux lycée")
case("ars-enfant-18-ans", D, COUPLE_1_REVENU + [child(18)], {"ars": "non_eligible"}, "18 ans : limite exclue")
case("ars-revenus-inconnus", D, ARS, {"ars": "indetermine", "paje_base": "indetermine", "af": "eligible"}, "revenus N-2 non renseignés", revenus_n2=None)

# ---------------------------------------------------------------- PAJE
PAJE = COUPLE_1_REVENU + [child(1)]
case("paje-sous-plafond", D, PAJE, {"paje_base": "eligible"},
     "1 enfant, un seul revenu : plafond partiel 29169 × 1,25 = 36461,25", revenus_n2=36461)
case("paje-au-dessus", D, PAJE, {"paje_base": "non_eligible"}, "36462 > 36461,25", revenus_n2=36462)
case("paje-avant-2026", "2025-12-31", PAJE, {"paje_base": "non_eligible"}, "36800 > 36461,25", revenus_n2=36800)
case("paje-apres-2026", "2026-01-01", PAJE, {"paje_base": "eligible"}, "plafond 29694 × 1,25 = 37117,50 au 2026-01-01", revenus_n2=36800)
case("paje-deux-revenus", D, [adult(35, sal=1500), adult(33, sal=1500), child(1)], {"paje_base": "eligible"},
     "deux revenus : plafond 36461,25 + 11725 = 48186,25", revenus_n2=48000)
case("paje-enfant-3-ans", D, COUPLE_1_REVENU + [child(3)], {"paje_base": "non_eligible"}, "3 ans : limite exclue")

# ---------------------------------------------------------------- CF
CF = COUPLE_1_REVENU + [child(4), child(7), child(10)]
case("cf-sous-plafond", D, CF, {"cf": "eligible"},
     "plafond 24414 × 1,8 = 43945,20 ; différentiel jusqu'à 43945,20 + 12 × 0,4165 × 474,37 = 46316,10", revenus_n2=46316)
case("cf-au-dessus", D, CF, {"cf": "non_eligible"}, "46317 > 46316,10", revenus_n2=46317)
case("cf-avant-2026", "2025-12-31", CF, {"cf": "non_eligible"}, "46800 > 46316,10", revenus_n2=46800)
case("cf-apres-2026", "2026-01-01", CF, {"cf": "eligible"}, "plafond 24853 × 1,8 = 44735,40 ; + 2370,90 = 47106,30", revenus_n2=46800)
case("cf-avec-paje", D, COUPLE_1_REVENU + [child(2), child(4), child(7), child(10)], {"cf": "non_eligible", "paje_base": "eligible"},
     "un enfant de moins de 3 ans : la PAJE exclut le complément familial")
case("cf-deux-enfants", D, COUPLE_1_REVENU + [child(4), child(7)], {"cf": "non_eligible"}, "2 enfants de 3 ans ou plus seulement")
case("cf-enfant-20-ans", D, COUPLE_1_REVENU + [child(7), child(10), child(20)], {"cf": "eligible"}, "enfant de 20 ans compté (moins de 21 ans)")

# ---------------------------------------------------------------- ASF
ASF = [adult(35, sal=1500), child(10)]
case("asf-sans-pension", D, ASF, {"asf": "eligible"}, "parent isolé, autre parent défaillant", asf_parent_defaillant=True)
case("asf-pension-185", D, ASF, {"asf": "eligible"}, "0,422 × 474,37 = 200,18 ; 200,18 − 185 = 15,18 > 15", asf_parent_defaillant=True, pension_alimentaire_recue=185)
case("asf-pension-186", D, ASF, {"asf": "non_eligible"}, "200,18 − 186 = 14,18 ≤ 15", asf_parent_defaillant=True, pension_alimentaire_recue=186)
case("asf-avant-bmaf-2025", "2025-03-31", ASF, {"asf": "non_eligible"}, "BMAF 466,44 : 196,84 − 183 = 13,84", asf_parent_defaillant=True, pension_alimentaire_recue=183)
case("asf-apres-bmaf-2025", "2025-04-01", ASF, {"asf": "eligible"}, "BMAF 474,37 : 200,18 − 183 = 17,18", asf_parent_defaillant=True, pension_alimentaire_recue=183)
case("asf-couple", D, COUPLE_1_REVENU + [child(10)], {"asf": "non_eligible"}, "en couple", asf_parent_defaillant=True)
case("asf-autre-parent-present", D, ASF, {"asf": "non_eligible"}, "l'autre parent verse la pension", asf_parent_defaillant=False)
case("asf-question-non-repondue", D, ASF, {"asf": "indetermine"}, "situation de l'autre parent inconnue", asf_parent_defaillant=None)

# ---------------------------------------------------------------- AEEH
case("aeeh-80", D, COUPLE_1_REVENU + [child(8, taux=80)], {"aeeh": "eligible"}, "taux 80 %")
case("aeeh-50", D, COUPLE_1_REVENU + [child(8, taux=50)], {"aeeh": "eligible"}, "taux 50 % (seuil inclus)")
case("aeeh-49", D, COUPLE_1_REVENU + [child(8, taux=49)], {"aeeh": "non_eligible"}, "taux 49 %")
case("aeeh-19-ans", D, COUPLE_1_REVENU + [child(19, taux=80)], {"aeeh": "eligible"}, "19 ans")
case("aeeh-20-ans", D, COUPLE_1_REVENU + [child(20, taux=80)], {"aeeh": "non_eligible"}, "20 ans : limite exclue")
case("aeeh-taux-inconnu", D, COUPLE_1_REVENU + [child(8, taux=None)], {"aeeh": "indetermine"}, "taux non renseigné")

# ---------------------------------------------------------------- AL
case("al-sans-revenu", D, [adult(30)], {"aide_logement": "eligible"}, "locataire zone 3 sans revenu", logement="locataire", loyer=400)
case("al-proprietaire", D, [adult(30)], {"aide_logement": "non_eligible"}, "propriétaire", logement="proprietaire")
case("al-chomage-1322", "2025-09-30", [adult(30, cho=1322)], {"aide_logement": "eligible"},
     "R = 12 × 1322 × 0,9 = 14277,60 ; aide avant minoration 10,51 ≥ 10 €", logement="locataire", loyer=400)
case("al-chomage-1324", "2025-09-30", [adult(30, cho=1324)], {"aide_logement": "non_eligible"},
     "R = 14299,20 : aide avant minoration 9,84 < 10 € (seuil de versement)", logement="locataire", loyer=400)
case("al-avant-revalorisation-octobre", "2025-09-30", [adult(30, cho=1328)], {"aide_logement": "non_eligible"},
     "barème d'octobre 2024", logement="locataire", loyer=400)
case("al-apres-revalorisation-octobre", "2025-10-01", [adult(30, cho=1328)], {"aide_logement": "eligible"},
     "barème du 1er octobre 2025 (loyer plafond 272,12, P0 39,56…)", logement="locataire", loyer=400)
case("al-hors-civraisien-zone-inconnue", D, [adult(30)], {"aide_logement": "indetermine"},
     "commune hors du Civraisien et zone non renseignée", logement="locataire", loyer=400, commune="86194")
case("al-poitiers-zone-2", D, [adult(30)], {"aide_logement": "eligible"}, "Poitiers, zone 2 donnée", logement="locataire", loyer=400, commune="86194", zone_logement="zone_2")
case("al-loyer-inconnu", D, [adult(30)], {"aide_logement": "indetermine"}, "loyer non renseigné", logement="locataire", loyer=None)
case("al-heberge", D, [adult(30)], {"aide_logement": "non_eligible"}, "hébergé gratuitement", logement="heberge_gratuit")

# ---------------------------------------------------------------- RSA
case("rsa-sans-revenu", D, [adult(30)], {"rsa": "eligible", "css": "eligible"}, "646,52 − forfait logement 77,58 = 568,94")
case("rsa-24-ans", D, [adult(24)], {"rsa": "non_eligible"}, "moins de 25 ans sans enfant")
case("rsa-25-ans", D, [adult(25)], {"rsa": "eligible"}, "25 ans")
case("rsa-24-ans-avec-enfant", D, [adult(24), child(4)], {"rsa": "eligible"}, "moins de 25 ans avec un enfant à charge")
case("rsa-etudiant", D, [adult(30, etudiant=True)], {"rsa": "non_eligible"}, "étudiant")
case("rsa-chomage-562", D, [adult(30, cho=562)], {"rsa": "eligible"}, "568,94 − 562 = 6,94 ≥ 6 €")
case("rsa-chomage-563", D, [adult(30, cho=563)], {"rsa": "non_eligible"}, "568,94 − 563 = 5,94 < 6 €")
case("rsa-avant-avril-2025", "2025-03-31", [adult(30, cho=555)], {"rsa": "non_eligible"}, "635,71 × 0,88 = 559,42 ; 559,42 − 555 = 4,42 < 6")
case("rsa-apres-avril-2025", "2025-04-01", [adult(30, cho=555)], {"rsa": "eligible"}, "646,52 × 0,88 = 568,94 ; 13,94 ≥ 6")
case("rsa-parent-isole-majore", D, [adult(30, cho=700), child(1)], {"rsa": "eligible"},
     "RSA majoré : 646,52 × (1,28412 + 0,42804) = 1106,95 − forfait logement 155,16 − 700 − PAJE 197,58 = 54,21 (sans majoration : 969,78 − … < 0)")
case("rsa-revenus-inconnus", D, [adult(30, cho=None)], {"rsa": "indetermine"}, "allocations chômage non renseignées")

# ---------------------------------------------------------------- PPA
case("ppa-smic", D, [adult(40, sal=1426.29)], {"ppa": "eligible"}, "un SMIC net")
case("ppa-sans-activite", D, [adult(40)], {"ppa": "non_eligible"}, "pas de revenu d'activité")
case("ppa-1808", D, [adult(40, sal=1808)], {"ppa": "eligible"}, "633,21 + 184,27 + 0,5985 × 1808 − (1808 + 75,99) = 15,58 ≥ 15")
case("ppa-1812", D, [adult(40, sal=1812)], {"ppa": "non_eligible"}, "13,98 < 15")
case("ppa-avant-avril-2025", "2025-03-31", [adult(40, sal=1820)], {"ppa": "eligible"}, "barème 622,63 / 61 % : 19,31 ≥ 15")
case("ppa-apres-avril-2025", "2025-04-01", [adult(40, sal=1820)], {"ppa": "non_eligible"}, "barème 633,21 / 59,85 % : 10,77 < 15")
case("ppa-etudiant-petit-salaire", D, [adult(21, sal=600, etudiant=True)], {"ppa": "non_eligible"}, "étudiant gagnant moins de 0,55 × 169 × 11,88 = 1104,25 €")
case("ppa-etudiant-salaire-suffisant", D, [adult(21, sal=1105, etudiant=True)], {"ppa": "eligible"}, "étudiant gagnant plus de 1104,25 €")
case("ppa-salaire-inconnu", D, [adult(40, sal=None)], {"ppa": "indetermine"}, "salaire non renseigné")

# ---------------------------------------------------------------- AAH
case("aah-80", D, [adult(45, taux=80)], {"aah": "eligible"}, "taux 80 %, sans revenu")
case("aah-60-sans-rsdae", D, [adult(45, taux=60)], {"aah": "non_eligible"}, "50-79 % sans restriction d'accès à l'emploi")
case("aah-60-rsdae", D, [adult(45, taux=60, rsdae=True)], {"aah": "eligible"}, "50-79 % avec RSDAE")
case("aah-60-rsdae-65-ans", D, [adult(65, taux=60, rsdae=True)], {"aah": "non_eligible"}, "au-delà de l'âge légal de la retraite (64 ans)")
case("aah-19-ans", D, [adult(19, taux=80)], {"aah": "eligible"}, "19 ans, adulte du foyer (plus à charge) : âge minimal 16 ans")
case("aah-15-ans", D, [adult(15, taux=80)], {"aah": "non_eligible"}, "moins de 16 ans")
case("aah-enfant-19-ans", D, COUPLE_1_REVENU + [child(19, taux=80)], {"aah": "non_eligible"}, "enfant à charge de 19 ans : pas d'AAH avant 20 ans (la règle ne compte que les adultes)")
case("ppa-aah-activite", D, [adult(45, sal=400, taux=80)], {"ppa": "eligible", "aah": "eligible"},
     "salaire 400 ≥ 29 × 11,88 = 344,52 : l'AAH compte comme revenu d'activité (bonification)")
case("aah-conjoint-revenus", D, [adult(50, taux=80), adult(48, sal=3200)], {"aah": "eligible"}, "déconjugalisée : le salaire du conjoint ne compte pas")
case("aah-salaire-2082", D, [adult(45, sal=2082, taux=80)], {"aah": "eligible"},
     "ressources 0,2 × 6486,63 + 0,6 × (24984 − 6486,63) = 12395,75 < 12 × 1033,32 = 12399,84")
case("aah-salaire-2083", D, [adult(45, sal=2083, taux=80)], {"aah": "non_eligible"}, "12402,95 > 12399,84")
case("aah-avant-avril-2025", "2025-03-31", [adult(45, sal=2070, taux=80)], {"aah": "non_eligible"}, "AAH 1016,05 : plafond 12192,60 dépassé")
case("aah-apres-avril-2025", "2025-04-01", [adult(45, sal=2070, taux=80)], {"aah": "eligible"}, "AAH 1033,32")
case("aah-taux-inconnu", D, [adult(45, taux=None)], {"aah": "indetermine"}, "taux non renseigné")

# ---------------------------------------------------------------- ASPA
case("aspa-67-ans", D, [adult(67, ret=700)], {"aspa": "eligible"}, "1034,29 − 700")
case("aspa-63-ans", D, [adult(63, ret=700)], {"aspa": "non_eligible"}, "moins de 65 ans")
case("aspa-64-ans-incapacite", D, [adult(64, ret=700, taux=60)], {"aspa": "eligible"}, "âge légal et incapacité de plus de 50 %")
case("aspa-pension-1034", D, [adult(67, ret=1034)], {"aspa": "eligible"}, "12411,44 / 12 = 1034,29 > 1034")
case("aspa-pension-1035", D, [adult(67, ret=1035)], {"aspa": "non_eligible"}, "1035 > 1034,29")
case("aspa-avant-2026", "2025-12-31", [adult(67, ret=1040)], {"aspa": "non_eligible"}, "plafond 1034,29")
case("aspa-apres-2026", "2026-01-01", [adult(67, ret=1040)], {"aspa": "eligible"}, "plafond 12523,14 / 12 = 1043,60")
case("aspa-salaire-1247", D, [adult(67, sal=1247)], {"aspa": "eligible"},
     "salaire brut estimé 1247 × 1,262 = 1573,71 − 0,9 × 1801,80 / 3 = 1033,17 < 1034,29")
case("aspa-salaire-1248", D, [adult(67, sal=1248)], {"aspa": "non_eligible"}, "1574,98 − 540,54 = 1034,44 > 1034,29")
case("aspa-couple", D, [adult(70, ret=800), adult(70, ret=700)], {"aspa": "eligible"}, "couple : 19268,80 / 12 = 1605,73 > 1500")
case("aspa-retraite-inconnue", D, [adult(67, ret=None)], {"aspa": "indetermine"}, "pension non renseignée")

# ---------------------------------------------------------------- CSS
case("css-rsa", D, [adult(45)], {"css": "eligible", "rsa": "eligible"}, "bénéficiaire du RSA")
case("css-chomage-1066", D, [adult(45, cho=1066)], {"css": "eligible"},
     "12 × 1066 + forfait logement 12 × 646,52 × 12 % = 13722,99 ≤ 10166 × 1,35 = 13724,10")
case("css-chomage-1067", D, [adult(45, cho=1067)], {"css": "non_eligible"}, "13734,99 > 13724,10")
case("css-avant-avril-2025", "2025-03-31", [adult(45, cho=1067)], {"css": "eligible"}, "forfait logement 12 × 635,71 × 12 % = 915,42 : 13719,42 ≤ 13724,10")
case("css-apres-avril-2025", "2025-04-01", [adult(45, cho=1067)], {"css": "non_eligible"}, "forfait logement 930,99 : 13734,99")
case("css-salaire-smic", D, [adult(45, sal=1426.29)], {"css": "non_eligible"}, "un SMIC : au-dessus du plafond")
case("css-logement-inconnu", D, [adult(45, cho=1000)], {"css": "indetermine"}, "logement non renseigné (forfait logement)", logement=None)

# ---------------------------------------------------------------- services
case("services-jeune-enfant", D, COUPLE_1_REVENU + [child(5)],
     {"multi_accueil": "eligible", "relais_petite_enfance": "eligible", "laep": "eligible", "evs": "eligible"}, "enfant de 5 ans")
case("services-enfant-6-ans", D, COUPLE_1_REVENU + [child(6)],
     {"multi_accueil": "non_eligible", "relais_petite_enfance": "non_eligible", "laep": "non_eligible"}, "6 ans : limite exclue")
case("services-jeune-25-ans", D, [adult(25)], {"mission_locale": "eligible", "engagement_jeunes": "eligible", "mobilite_jeunes": "eligible"}, "25 ans inclus")
case("services-jeune-26-ans", D, [adult(26)], {"mission_locale": "non_eligible", "engagement_jeunes": "non_eligible", "mobilite_jeunes": "non_eligible"}, "26 ans")
case("services-collegien", D, COUPLE_1_REVENU + [child(12)], {"mobilite_jeunes": "eligible", "mission_locale": "non_eligible"}, "12 ans")
case("services-retraites", D, [adult(70, ret=1500), adult(68, ret=1200)], {"france_travail": "non_eligible", "accompagnement_social": "eligible", "numerique": "eligible", "mobilite_solidaire": "eligible"}, "couple de retraités")
case("services-demandeur-emploi", D, [adult(45, cho=900)], {"france_travail": "eligible", "mission_locale": "non_eligible"}, "adulte de 45 ans")
case("services-age-inconnu", D, [{"role": "adulte", "facts": {}}], {"france_travail": "indetermine", "mission_locale": "indetermine", "evs": "eligible"}, "âge non renseigné")
case("services-sans-reponse", D, None,
     {"evs": "eligible", "accompagnement_social": "eligible", "multi_accueil": "indetermine", "mission_locale": "indetermine"}, "aucune réponse")


def main():
    with open(CATALOGUE, encoding="utf-8") as f:
        k = kleene.K(json.load(f))
    bad = 0
    for c in CASES:
        got = k.evaluate(c["situation"], dt.date.fromisoformat(c["date"]))
        for b, want in c["expected"].items():
            if got[b] != want:
                bad += 1
                print(f"{c['id']}: {b} attendu {want}, évalué {got[b]}", file=sys.stderr)
    if bad:
        sys.exit(f"{bad} attente(s) contredite(s)")
    benefits = sorted({b for c in CASES for b in c["expected"]})
    doc = {
        "about": "Cas tabulés du catalogue examples/civraisien/droits.json : pour chaque prestation, éligible, non éligible, indéterminé, de part et d'autre de chaque seuil et de chaque date de changement d'un paramètre. Attentes écrites à la main (calcul dans « why ») et vérifiées par tools/droits/kleene.py. Généré par tools/droits/build_fixtures.py.",
        "catalogue": "examples/civraisien/droits.json",
        "benefits": benefits,
        "cases": CASES,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(CASES)} cas, {sum(len(c['expected']) for c in CASES)} attentes, {len(benefits)} prestations", file=sys.stderr)


if __name__ == "__main__":
    main()
