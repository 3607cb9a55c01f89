"""Questions, derived facts and eligibility rules of the Civraisien rights catalogue, written
with small helpers that build the JSON expression trees of `docs/rights-format.md`.
"""

# ---------------------------------------------------------------- expression helpers


def F(x):
    return {"fact": x}


def P(x):
    return {"param": x}


def D(x):
    return {"derived": x}


def M(x):
    return {"member": x}


AGE = {"age": {}}
ADULTE = {"role": "adulte"}
ENFANT = {"role": "enfant"}


def lab(e, label):
    e = dict(e)
    e["label"] = label
    return e


def add(*a):
    return {"+": list(a)}


def mul(*a):
    return {"*": list(a)}


def sub(a, b):
    return {"-": [a, b]}


def div(a, b):
    return {"/": [a, b]}


def mn(*a):
    return {"min": list(a)}


def mx(*a):
    return {"max": list(a)}


def IF(c, a, b):
    return {"if": [c, a, b]}


def ALL(*a):
    return {"all": list(a)}


def ANY(*a):
    return {"any": list(a)}


def NOT(a):
    return {"not": a}


def lt(a, b):
    return {"<": [a, b]}


def le(a, b):
    return {"<=": [a, b]}


def gt(a, b):
    return {">": [a, b]}


def ge(a, b):
    return {">=": [a, b]}


def eq(a, b):
    return {"==": [a, b]}


def IN(a, codes):
    return {"in": [a, list(codes)]}


def count(flt):
    return {"count": {"members": flt}}


def total(flt, of):
    return {"sum": {"members": flt, "of": of}}


def any_member(c):
    return {"any_member": c}


def pos(x):
    """max(0, x)"""
    return mx(0, x)


def children(*conds):
    return count(ALL(ENFANT, *conds)) if conds else count(ENFANT)


# ---------------------------------------------------------------- codes

LOCATAIRE = ["locataire", "locataire_hlm", "locataire_meuble"]
SANS_LOYER = ["proprietaire", "heberge_gratuit"]

# INSEE codes of the 35 communes of the CC du Civraisien en Poitou (../shared/data/communes-civraisien.json);
# all are in zone 3 of the aides au logement (OpenFisca-France assets/apl/20110914_zonage.csv).
CIVRAISIEN = [
    "86082", "86078", "86103", "86235", "86255", "86068", "86061", "86247", "86052", "86211",
    "86029", "86039", "86264", "86237", "86141", "86064", "86248", "86104", "86296", "86189",
    "86295", "86242", "86136", "86054", "86055", "86003", "86097", "86220", "86119", "86063",
    "86038", "86134", "86051", "86012", "86266",
]

# ---------------------------------------------------------------- questions

QUESTIONS = [
    {"id": "regime", "label": "De quel régime de protection sociale relevez-vous ?",
     "help": "Les exploitants et salariés agricoles relèvent de la MSA (régime agricole) ; les autres personnes, de la CAF (régime général). La MSA verse alors les prestations familiales, le RSA, la prime d'activité et les aides au logement à la place de la CAF.",
     "type": "choix", "priority": 10,
     "options": [{"code": "general", "label": "Régime général (CAF)"}, {"code": "agricole", "label": "Régime agricole (MSA)"}]},
    {"id": "commune", "label": "Dans quelle commune habitez-vous ?", "type": "commune", "priority": 9,
     "help": "Le code INSEE de la commune (Civray : 86078). Il sert à situer le logement dans une zone des aides au logement."},
    {"id": "zone_logement", "label": "Dans quelle zone des aides au logement se trouve votre logement ?", "type": "choix",
     "help": "Inutile si vous habitez une commune du Civraisien (zone 3). Ailleurs : zone 1 = agglomération parisienne, zone 2 = grandes agglomérations (dont Poitiers), zone 3 = reste du territoire ; le simulateur de caf.fr la détermine à partir de l'adresse.",
     "options": [{"code": "zone_1", "label": "Zone 1"}, {"code": "zone_2", "label": "Zone 2"}, {"code": "zone_3", "label": "Zone 3"}]},
    {"id": "logement", "label": "Quelle est votre situation de logement ?", "type": "choix", "priority": 8,
     "options": [
         {"code": "locataire", "label": "Locataire d'un logement vide (parc privé)"},
         {"code": "locataire_hlm", "label": "Locataire d'un logement social (HLM, logement conventionné)"},
         {"code": "locataire_meuble", "label": "Locataire d'un logement meublé"},
         {"code": "proprietaire", "label": "Propriétaire (ou accédant à la propriété)"},
         {"code": "heberge_gratuit", "label": "Hébergé(e) gratuitement"},
         {"code": "sans_domicile", "label": "Sans domicile stable"}]},
    {"id": "loyer", "label": "Quel est le montant de votre loyer, hors charges ?", "type": "montant_mensuel", "min": 0, "max": 10000,
     "help": "Le loyer mensuel inscrit sur le bail, sans les charges."},
    {"id": "revenus_n2", "label": "Quels étaient les revenus imposables du foyer il y a deux ans ?", "type": "montant_annuel", "min": 0, "max": 10000000,
     "help": "Les prestations familiales sous conditions de ressources retiennent les revenus de l'année N-2 (2023 pour 2025) : salaires, allocations chômage et pensions nets imposables, après la déduction de 10 % ou les frais réels (avis d'imposition, « revenu brut global » ou « salaires et pensions après abattement »), des deux parents."},
    {"id": "pension_alimentaire_recue", "label": "Quel montant de pension alimentaire le foyer reçoit-il chaque mois ?", "type": "montant_mensuel", "min": 0, "max": 100000},
    {"id": "asf_parent_defaillant", "label": "Élevez-vous seul(e) un enfant dont l'autre parent est décédé, inconnu, ou ne verse pas (ou pas entièrement) la pension alimentaire fixée ?",
     "type": "oui_non",
     "help": "L'allocation de soutien familial est versée au parent qui élève seul un enfant privé de l'aide de l'un de ses parents, y compris en complément d'une pension alimentaire inférieure à son montant."},
    # member questions
    {"id": "salaire_net", "label": "Quel est le salaire net mensuel (avant impôt) ?", "type": "montant_mensuel", "scope": "membre", "min": 0, "max": 1000000,
     "help": "Moyenne des trois derniers mois, montant « net à payer avant impôt sur le revenu » du bulletin de salaire. 0 si pas d'emploi."},
    {"id": "chomage", "label": "Quel montant d'allocations chômage (France Travail) est perçu chaque mois ?", "type": "montant_mensuel", "scope": "membre", "min": 0, "max": 100000},
    {"id": "retraite", "label": "Quel est le montant net mensuel des pensions de retraite ou d'invalidité ?", "type": "montant_mensuel", "scope": "membre", "min": 0, "max": 100000},
    {"id": "etudiant", "label": "Cette personne est-elle étudiante ?", "type": "oui_non", "scope": "membre"},
    {"id": "taux_incapacite", "label": "Quel taux d'incapacité la MDPH (CDAPH) a-t-elle reconnu ?", "type": "entier", "scope": "membre", "min": 0, "max": 100,
     "help": "En pourcentage : 0 si aucun. Le taux figure sur la notification de la MDPH."},
    {"id": "rsdae", "label": "La MDPH a-t-elle reconnu une restriction substantielle et durable d'accès à l'emploi ?", "type": "oui_non", "scope": "membre",
     "help": "Condition de l'AAH quand le taux d'incapacité est compris entre 50 et 79 %."},
]

# ---------------------------------------------------------------- derived facts


def composition_coefficient(n, couple, p2, p3, psupp):
    """RSA / prime d'activité scale: 1 + p2 if n>=2, + p3 if n>=3, + (p3 if couple else psupp) if n>=4, + psupp per person beyond 4."""
    return add(1, IF(ge(n, 2), P(p2), 0), IF(ge(n, 3), P(p3), 0),
               IF(ge(n, 4), IF(couple, P(p3), P(psupp)), 0), mul(P(psupp), pos(sub(n, 4))))


def fl_coefficient(n, p2, p3):
    """1, 1 + p2, 1 + p2 + p3 for 1, 2, 3+ persons (the forfait logement scale)."""
    return add(1, IF(ge(n, 2), P(p2), 0), IF(ge(n, 3), P(p3), 0))


def by_size(n, values):
    """values[i] for n == i (i < len-1); the last entry is (base, per-extra) beyond."""
    *fixed, (base, extra, start) = values
    e = add(P(base), mul(P(extra), sub(n, start)))
    for i in reversed(range(len(fixed))):
        e = IF(eq(n, i), fixed[i], e)
    return e


def zone_pick(z, f):
    return IF(eq(z, 1), f(1), IF(eq(z, 2), f(2), f(3)))


def al_plafond_for_zone(zn):
    n = D("al_nb_pac")
    return IF(eq(n, 0), IF(D("en_couple"), P(f"al_plafond_z{zn}_couple"), P(f"al_plafond_z{zn}_seul")),
              add(P(f"al_plafond_z{zn}_1pac"), mul(P(f"al_plafond_z{zn}_pac_supp"), sub(n, 1))))


def al_table(prefix):
    n = D("al_nb_pac")
    e = add(P(f"{prefix}_6pac"), mul(P(f"{prefix}_pac_supp"), pos(sub(n, 6))))
    for k in (5, 4, 3, 2, 1):
        e = IF(eq(n, k), P(f"{prefix}_{k}pac"), e)
    return IF(eq(n, 0), IF(D("en_couple"), P(f"{prefix}_couple"), P(f"{prefix}_seul")), e)


def abatted(amount, rate, minimum, maximum=None):
    """amount minus max(rate x amount, minimum) (capped at maximum), never below 0."""
    d = mx(mul(amount, P(rate)), P(minimum))
    if maximum:
        d = mn(d, P(maximum))
    return pos(sub(amount, d))


SMIC_MENSUEL = mul(P("smic_horaire"), P("smic_heures_mois"))
ADULT_INCOMES = add(M("salaire_net"), M("chomage"), M("retraite"))


def aah_counted(annual):
    tranche = mul(P("aah_tranche_smic"), 12, SMIC_MENSUEL)
    return add(mul(sub(1, P("aah_abattement_tranche_1")), mn(annual, tranche)),
               mul(sub(1, P("aah_abattement_tranche_2")), pos(sub(annual, tranche))))


DERIVED = [
    # --- household
    ("nb_adultes", "nombre d'adultes du foyer", count(ADULTE)),
    ("en_couple", "vit en couple", ge(D("nb_adultes"), 2)),
    ("nb_enfants_pf", "enfants à charge de moins de 20 ans (prestations familiales)", children(lt(AGE, P("pf_age_limite_enfant")))),
    ("nb_enfants_moins_3", "enfants de moins de 3 ans", children(lt(AGE, P("paje_age_limite")))),
    ("nb_enfants_moins_21", "enfants de moins de 21 ans", children(lt(AGE, P("cf_age_max")))),
    ("nb_enfants_cf", "enfants de 3 à 20 ans (complément familial)", children(ge(AGE, P("cf_age_min")), lt(AGE, P("cf_age_max")))),
    ("nb_enfants_rsa", "enfants de moins de 25 ans (RSA, prime d'activité)", children(lt(AGE, P("rsa_age_min")))),
    ("nb_personnes_rsa", "personnes du foyer au sens du RSA", add(D("nb_adultes"), D("nb_enfants_rsa"))),
    ("salarie_imposable_membre", "revenus d'activité et de chômage mensuels du membre", add(M("salaire_net"), M("chomage"))),
    ("biactif", "les deux parents ont des revenus professionnels",
     ge(count(ALL(ADULTE, ge(mul(D("salarie_imposable_membre"), sub(1, P("abattement_frais_pro_taux"))), P("bmaf")))), 2)),
    ("isole_ou_biactif", "parent isolé ou couple avec deux revenus", ANY(NOT(D("en_couple")), D("biactif"))),
    ("zone_al", "zone des aides au logement (1, 2 ou 3)",
     IF(IN(F("commune"), CIVRAISIEN), 3,
        IF(eq(F("zone_logement"), "zone_1"), 1, IF(eq(F("zone_logement"), "zone_2"), 2, 3)))),
    # --- AF
    ("nb_enfants_20_ans", "enfants de 20 ans (allocation forfaitaire)",
     children(ge(AGE, P("pf_age_limite_enfant")), lt(AGE, add(P("pf_age_limite_enfant"), 1)))),
    ("af_forfait", "allocation forfaitaire pour les enfants de 20 ans",
     IF(ALL(ge(D("nb_enfants_20_ans"), 1), ge(add(D("nb_enfants_pf"), D("nb_enfants_20_ans")), P("af_forfait_nb_enfants_min"))),
        mul(D("nb_enfants_20_ans"), P("bmaf"), P("af_forfait_taux")), 0)),
    ("af_base", "allocations familiales de base",
     IF(ge(D("nb_enfants_pf"), P("af_nb_enfants_min")),
        mul(P("bmaf"), add(P("af_taux_2e_enfant"), mul(P("af_taux_3e_enfant_et_plus"), pos(sub(D("nb_enfants_pf"), 2))))), 0)),
    ("af_nb_enfants_majoration", "enfants ouvrant la majoration pour âge",
     # From 2026-03-01 the age is 18 for children born from 2012-03-01; approximated with ages:
     # 14 + the full years since 2026-03-01, capped by the parameter.
     IF(eq(D("nb_enfants_pf"), 2), pos(sub(children(lt(AGE, P("pf_age_limite_enfant")), ge(AGE, mn(P("af_majoration_age"), add(14, pos({"years_since": {"date": "2026-03-01"}}))))), 1)),
        children(lt(AGE, P("pf_age_limite_enfant")), ge(AGE, mn(P("af_majoration_age"), add(14, pos({"years_since": {"date": "2026-03-01"}}))))))),
    ("af_taux_modulation", "coefficient de modulation des allocations familiales selon les revenus",
     IF(le(F("revenus_n2"), add(P("af_plafond_tranche_1"), mul(D("nb_enfants_pf"), P("af_plafond_majoration_enfant")))), 1,
        IF(le(F("revenus_n2"), add(P("af_plafond_tranche_2"), mul(D("nb_enfants_pf"), P("af_plafond_majoration_enfant")))),
           P("af_modulation_tranche_2"), P("af_modulation_tranche_3")))),
    ("af_montant", "montant indicatif des allocations familiales",
     mul(add(D("af_base"), IF(gt(D("af_base"), 0), mul(D("af_nb_enfants_majoration"), P("bmaf"), P("af_majoration_taux")), 0), D("af_forfait")),
         D("af_taux_modulation"))),
    # --- ARS
    ("ars_base", "allocation de rentrée scolaire avant condition de ressources",
     mul(P("bmaf"), add(
         mul(P("ars_taux_primaire"), children(ge(AGE, P("ars_age_primaire")), lt(AGE, P("ars_age_college")))),
         mul(P("ars_taux_college"), children(ge(AGE, P("ars_age_college")), lt(AGE, P("ars_age_lycee")))),
         mul(P("ars_taux_lycee"), children(ge(AGE, P("ars_age_lycee")), lt(AGE, P("ars_age_limite"))))))),
    ("ars_plafond", "plafond de ressources de l'ARS", mul(P("ars_plafond"), add(1, mul(P("ars_majoration_enfant"), D("nb_enfants_pf"))))),
    ("ars_montant", "montant de l'ARS (différentielle au-dessus du plafond)",
     pos(sub(D("ars_base"), pos(sub(F("revenus_n2"), D("ars_plafond")))))),
    # --- PAJE
    ("paje_coef", "coefficient du plafond PAJE selon le nombre d'enfants",
     add(1, mul(P("pf_plafond_majoration_2_premiers"), mn(D("nb_enfants_pf"), 2)), mul(P("pf_plafond_majoration_3e_et_plus"), pos(sub(D("nb_enfants_pf"), 2))))),
    ("paje_plafond_plein", "plafond de la PAJE à taux plein",
     add(mul(P("paje_plafond_plein"), D("paje_coef")), IF(D("isole_ou_biactif"), P("paje_plafond_plein_majoration"), 0))),
    ("paje_plafond_partiel", "plafond de la PAJE à taux partiel",
     add(mul(P("paje_plafond_partiel"), D("paje_coef")), IF(D("isole_ou_biactif"), P("paje_plafond_partiel_majoration"), 0))),
    ("paje_montant", "allocation de base de la PAJE",
     IF(ge(D("nb_enfants_moins_3"), 1),
        IF(le(F("revenus_n2"), D("paje_plafond_plein")), mul(P("bmaf"), P("paje_taux_plein")),
           IF(le(F("revenus_n2"), D("paje_plafond_partiel")), mul(P("bmaf"), P("paje_taux_plein"), 0.5), 0)), 0)),
    # --- CF
    ("cf_plafond", "plafond de ressources du complément familial",
     add(mul(P("pf_plafond_0_enfant"), add(1, mul(P("pf_plafond_majoration_2_premiers"), mn(D("nb_enfants_moins_21"), 2)),
                                          mul(P("pf_plafond_majoration_3e_et_plus"), pos(sub(D("nb_enfants_moins_21"), 2))))),
         IF(D("isole_ou_biactif"), P("cf_plafond_biactifs_isoles"), 0))),
    ("cf_montant", "complément familial",
     IF(ALL(ge(D("nb_enfants_cf"), P("cf_nb_enfants_min")), eq(D("paje_montant"), 0)),
        IF(le(F("revenus_n2"), mul(D("cf_plafond"), P("cf_plafond_majore"))), mul(P("bmaf"), P("cf_taux_majore")),
           IF(le(F("revenus_n2"), D("cf_plafond")), mul(P("bmaf"), P("cf_taux_base")),
              pos(div(sub(add(D("cf_plafond"), mul(12, P("bmaf"), P("cf_taux_base"))), F("revenus_n2")), 12)))), 0)),
    ("cf_non_majore", "complément familial compté dans les ressources du RSA (hors majoration)",
     mn(D("cf_montant"), mul(P("bmaf"), P("cf_taux_base")))),
    # --- ASF
    ("asf_montant", "allocation de soutien familial",
     IF(ALL(NOT(D("en_couple")), F("asf_parent_defaillant")),
        pos(sub(mul(D("nb_enfants_pf"), P("bmaf"), P("asf_taux")), F("pension_alimentaire_recue"))), 0)),
    ("asf_forfait_minima", "ASF comptée dans les ressources du RSA et de la prime d'activité",
     mn(D("asf_montant"), mul(D("nb_enfants_pf"), P("bmaf"), P("asf_forfait_minima")))),
    ("pf_minima", "prestations familiales comptées dans les ressources du RSA et de la prime d'activité",
     add(D("af_base"), D("cf_non_majore"), D("paje_montant"), D("asf_forfait_minima"))),
    # --- AEEH
    ("nb_enfants_handicapes", "enfants de moins de 20 ans avec un taux d'incapacité d'au moins 50 %",
     children(lt(AGE, P("aeeh_age_limite")), ge(M("taux_incapacite"), 50))),
    # --- AL
    ("al_nb_pac", "personnes à charge pour les aides au logement", children(lt(AGE, P("al_age_limite_enfant")))),
    ("al_locataire", "locataire", IN(F("logement"), LOCATAIRE)),
    ("al_plafond", "loyer plafond", zone_pick(D("zone_al"), al_plafond_for_zone)),
    ("al_plafond_reference", "loyer plafond de référence (zone 2)", al_plafond_for_zone(2)),
    ("al_loyer_retenu", "loyer retenu", mn(mul(F("loyer"), IF(eq(F("logement"), "locataire_meuble"), div(2, 3), 1)), D("al_plafond"))),
    ("al_charges", "forfait de charges", add(P("al_charges"), mul(P("al_charges_pac"), D("al_nb_pac")))),
    ("al_ressources_membre", "ressources annuelles du membre pour les aides au logement",
     add(abatted(mul(12, add(mul(M("salaire_net"), P("coef_salaire_imposable")), M("chomage"))), "abattement_frais_pro_taux", "al_abattement_frais_pro_min", "al_abattement_frais_pro_max"),
         abatted(mul(12, M("retraite")), "abattement_pensions_taux", "al_abattement_pensions_min"))),
    ("al_etudiants", "foyer d'étudiants de moins de 28 ans",
     ALL(ge(D("nb_adultes"), 1), eq(count(ALL(ADULTE, M("etudiant"), lt(AGE, P("al_etudiant_age_max")))), D("nb_adultes")))),
    ("al_ressources", "ressources annuelles retenues pour les aides au logement",
     IF(D("al_etudiants"), P("al_etudiant_forfait"),
        add(total(ADULTE, D("al_ressources_membre")),
            abatted(mul(12, F("pension_alimentaire_recue")), "abattement_pensions_taux", "al_abattement_pensions_min")))),
    ("al_r0", "abattement R0", al_table("al_r0")),
    ("al_tf", "taux TF", al_table("al_tf")),
    ("al_rapport_loyer", "rapport du loyer retenu au loyer de référence", div(D("al_loyer_retenu"), D("al_plafond_reference"))),
    ("al_tl", "taux TL",
     IF(lt(D("al_rapport_loyer"), P("al_tl_seuil_1")), 0,
        IF(lt(D("al_rapport_loyer"), P("al_tl_seuil_2")), mul(P("al_tl_taux_2"), sub(D("al_rapport_loyer"), P("al_tl_seuil_1"))),
           add(mul(P("al_tl_taux_2"), sub(P("al_tl_seuil_2"), P("al_tl_seuil_1"))), mul(P("al_tl_taux_3"), sub(D("al_rapport_loyer"), P("al_tl_seuil_2"))))))),
    ("al_participation", "participation personnelle",
     add(mx(mul(P("al_p0_taux"), add(D("al_loyer_retenu"), D("al_charges"))), P("al_p0_forfait")),
         mul(add(D("al_tf"), D("al_tl")), pos(sub(D("al_ressources"), D("al_r0")))))),
    ("al_brut", "aide au logement avant minoration", sub(add(D("al_loyer_retenu"), D("al_charges")), D("al_participation"))),
    ("al_montant", "montant indicatif de l'aide au logement (net de CRDS)",
     IF(D("al_locataire"),
        IF(ge(D("al_brut"), IF(eq(F("logement"), "locataire_hlm"), 0, P("al_seuil_versement"))),
           mul(pos(sub(D("al_brut"), P("al_minoration"))), sub(1, P("crds"))), 0), 0)),
    # --- AAH (per member)
    ("aah_eligible_membre", "remplit les conditions de handicap et d'âge de l'AAH",
     # 20 years, or 16 for a person who is no longer a child at charge (an adult member here).
     ALL(ADULTE, ANY(ge(AGE, P("aah_age_min")), ge(AGE, P("aah_age_fin_obligation_scolaire"))),
         ANY(ge(M("taux_incapacite"), mul(100, P("aah_taux_incapacite"))),
             ALL(ge(M("taux_incapacite"), mul(100, P("aah_taux_incapacite_rsdae"))), M("rsdae"), le(AGE, P("age_legal_retraite")))))),
    ("aah_ressources_membre", "ressources annuelles retenues pour l'AAH (déconjugalisées)",
     IF(gt(M("salaire_net"), 0),
        add(aah_counted(mul(12, add(M("salaire_net"), M("chomage")))), mul(12, M("retraite"))),
        add(mul(sub(1, P("aah_abattement_cessation")), aah_counted(mul(12, M("chomage")))), mul(12, M("retraite"))))),
    ("aah_membre", "AAH du membre",
     IF(D("aah_eligible_membre"),
        mn(P("aah_montant"), pos(sub(mul(P("aah_montant"), add(1, mul(P("aah_majoration_enfant"), D("nb_enfants_pf")))),
                                     div(D("aah_ressources_membre"), 12)))), 0)),
    ("aah_total", "AAH du foyer", total(ADULTE, D("aah_membre"))),
    # --- ASPA
    ("aspa_eligible_membre", "remplit la condition d'âge de l'ASPA",
     ALL(ADULTE, ANY(ge(AGE, P("aspa_age_min")),
                     ALL(ge(AGE, P("age_legal_retraite")), gt(M("taux_incapacite"), mul(100, P("aspa_taux_incapacite_anticipe"))))))),
    ("aspa_nb_eligibles", "personnes remplissant la condition d'âge de l'ASPA", count(D("aspa_eligible_membre"))),
    ("aspa_ressources", "ressources mensuelles retenues pour l'ASPA",
     add(total(ADULTE, add(M("retraite"), M("chomage"))),
         IF(D("en_couple"),
            total(ADULTE, pos(sub(mul(M("salaire_net"), P("coef_salaire_brut")), div(mul(SMIC_MENSUEL, P("aspa_abattement_salaire_couple")), 3)))),
            total(ADULTE, pos(sub(mul(M("salaire_net"), P("coef_salaire_brut")), div(mul(SMIC_MENSUEL, P("aspa_abattement_salaire_seul")), 3))))),
         F("pension_alimentaire_recue"),
         total(ALL(ADULTE, NOT(D("aspa_eligible_membre"))), D("aah_membre")))),
    ("aspa_montant", "ASPA du foyer",
     IF(ge(D("aspa_nb_eligibles"), 1),
        pos(mn(div(IF(ge(D("aspa_nb_eligibles"), 2), P("aspa_plafond_couple"), P("aspa_plafond_seul")), 12),
               sub(div(IF(D("en_couple"), P("aspa_plafond_couple"), P("aspa_plafond_seul")), 12), D("aspa_ressources")))), 0)),
    # --- RSA
    ("parent_isole_jeune_enfant", "parent isolé avec un enfant de moins de 3 ans (majoration pour isolement)",
     ALL(NOT(D("en_couple")), ge(children(lt(AGE, P("rsa_isolement_age_enfant"))), 1))),
    ("rsa_forfaitaire", "montant forfaitaire du RSA",
     IF(D("parent_isole_jeune_enfant"),
        mul(P("rsa_montant_base"), add(P("rsa_isolement_base"), mul(P("rsa_isolement_enfant"), D("nb_enfants_rsa")))),
        mul(P("rsa_montant_base"), composition_coefficient(D("nb_personnes_rsa"), D("en_couple"), "compo_2e_personne", "compo_3e_personne", "compo_personne_supp")))),
    ("rsa_forfait_logement_plein", "forfait logement du RSA",
     mul(P("rsa_montant_base"), fl_coefficient(D("nb_personnes_rsa"), "compo_2e_personne", "compo_3e_personne"),
         IF(le(D("nb_personnes_rsa"), 1), P("rsa_fl_1"), IF(eq(D("nb_personnes_rsa"), 2), P("rsa_fl_2"), P("rsa_fl_3"))))),
    ("rsa_forfait_logement", "forfait logement retenu pour le RSA",
     IF(IN(F("logement"), SANS_LOYER), D("rsa_forfait_logement_plein"),
        IF(gt(D("al_montant"), 0), mn(D("al_montant"), D("rsa_forfait_logement_plein")), 0))),
    ("revenus_foyer", "revenus mensuels des adultes (salaires, chômage, pensions)", total(ADULTE, ADULT_INCOMES)),
    ("rsa_ressources", "ressources mensuelles retenues pour le RSA",
     add(D("revenus_foyer"), F("pension_alimentaire_recue"), D("pf_minima"), D("aah_total"), D("aspa_montant"))),
    ("rsa_montant", "montant indicatif du RSA",
     pos(sub(D("rsa_forfaitaire"), add(D("rsa_forfait_logement"), D("rsa_ressources"))))),
    ("rsa_condition_personnelle", "un adulte non étudiant d'au moins 25 ans, ou avec enfant à charge",
     ANY(any_member(ALL(ADULTE, NOT(M("etudiant")), ge(AGE, P("rsa_age_min")))),
         ALL(ge(D("nb_enfants_rsa"), 1), any_member(ALL(ADULTE, NOT(M("etudiant"))))))),
    # --- PPA
    ("ppa_forfaitaire", "montant forfaitaire de la prime d'activité",
     IF(D("parent_isole_jeune_enfant"),
        mul(P("ppa_montant_base"), add(P("ppa_isolement_base"), mul(P("ppa_isolement_enfant"), D("nb_enfants_rsa")))),
        mul(P("ppa_montant_base"), composition_coefficient(D("nb_personnes_rsa"), D("en_couple"), "compo_2e_personne", "compo_3e_personne", "compo_personne_supp")))),
    ("ppa_revenus_activite_membre", "revenus d'activité du membre pour la prime d'activité (AAH comprise au-delà de 29 SMIC horaires de salaire)",
     add(M("salaire_net"), IF(ge(M("salaire_net"), mul(P("ppa_seuil_aah_activite"), P("smic_horaire"))), D("aah_membre"), 0))),
    ("revenus_activite", "revenus d'activité mensuels du foyer (prime d'activité)", total(ADULTE, D("ppa_revenus_activite_membre"))),
    ("ppa_bonification_membre", "bonification individuelle de la prime d'activité",
     IF(le(D("ppa_revenus_activite_membre"), mul(P("ppa_bonif_seuil"), P("smic_horaire"))), 0,
        mul(mn(1, div(sub(D("ppa_revenus_activite_membre"), mul(P("ppa_bonif_seuil"), P("smic_horaire"))),
                      mul(sub(P("ppa_bonif_seuil_max"), P("ppa_bonif_seuil")), P("smic_horaire")))),
            P("ppa_bonif_taux_max"), P("ppa_montant_base")))),
    ("ppa_forfait_logement_plein", "forfait logement de la prime d'activité",
     mul(P("ppa_montant_base"), fl_coefficient(D("nb_personnes_rsa"), "compo_2e_personne", "compo_3e_personne"),
         IF(le(D("nb_personnes_rsa"), 1), P("ppa_fl_1"), IF(eq(D("nb_personnes_rsa"), 2), P("ppa_fl_2"), P("ppa_fl_3"))))),
    ("ppa_forfait_logement", "forfait logement retenu pour la prime d'activité",
     IF(IN(F("logement"), SANS_LOYER), D("ppa_forfait_logement_plein"),
        IF(gt(D("al_montant"), 0), mn(D("al_montant"), D("ppa_forfait_logement_plein")), 0))),
    ("ppa_montant", "montant indicatif de la prime d'activité",
     pos(sub(add(D("ppa_forfaitaire"), total(ADULTE, D("ppa_bonification_membre")), mul(P("ppa_part_revenus_activite"), D("revenus_activite"))),
             mx(D("ppa_forfaitaire"), add(D("rsa_ressources"), D("ppa_forfait_logement")))))),
    ("ppa_condition_activite", "un adulte exerce une activité professionnelle",
     any_member(ALL(ADULTE, ge(AGE, P("ppa_age_min")), gt(M("salaire_net"), 0),
                    ANY(NOT(M("etudiant")), ge(M("salaire_net"), mul(P("pf_autonomie_part_smic"), 169, P("smic_horaire"))))))),
    # --- CSS
    ("css_nb_enfants", "enfants de 25 ans au plus", children(le(AGE, P("css_age_limite_enfant")))),
    ("css_nb_personnes", "personnes du foyer pour la complémentaire santé solidaire", add(D("nb_adultes"), D("css_nb_enfants"))),
    ("css_plafond", "plafond de ressources de la complémentaire santé solidaire sans participation",
     mul(P("css_plafond_base"),
         IF(D("en_couple"),
            add(1, P("css_coef_2e_personne"), mul(P("css_coef_3e_4e_personne"), mn(D("css_nb_enfants"), 2)), mul(P("css_coef_5e_personne_et_plus"), pos(sub(D("css_nb_enfants"), 2)))),
            add(1, IF(ge(D("css_nb_enfants"), 1), P("css_coef_2e_personne"), 0), mul(P("css_coef_3e_4e_personne"), mn(pos(sub(D("css_nb_enfants"), 1)), 2)),
                mul(P("css_coef_5e_personne_et_plus"), pos(sub(D("css_nb_enfants"), 3))))))),
    ("css_forfait_logement", "forfait logement annuel de la complémentaire santé solidaire",
     IF(IN(F("logement"), SANS_LOYER),
        mul(12, P("rsa_montant_base"), fl_coefficient(D("css_nb_personnes"), "compo_2e_personne", "compo_3e_personne"),
            IF(le(D("css_nb_personnes"), 1), P("css_fl_sans_al_1"), IF(eq(D("css_nb_personnes"), 2), P("css_fl_sans_al_2"), P("css_fl_sans_al_3")))),
        IF(gt(D("al_montant"), 0),
           mn(mul(12, D("al_montant")),
              mul(12, P("rsa_montant_base"), fl_coefficient(D("css_nb_personnes"), "compo_2e_personne", "compo_3e_personne"),
                  IF(le(D("css_nb_personnes"), 1), P("css_fl_avec_al_1"), IF(eq(D("css_nb_personnes"), 2), P("css_fl_avec_al_2"), P("css_fl_avec_al_3"))))), 0))),
    ("css_ressources", "ressources annuelles retenues pour la complémentaire santé solidaire",
     add(mul(12, add(D("revenus_foyer"), F("pension_alimentaire_recue"), D("af_montant"), D("asf_montant"), D("cf_montant"),
                     pos(sub(D("aah_total"), mul(P("css_abattement_aah"), count(gt(D("aah_membre"), 0))))),
                     pos(sub(D("aspa_montant"), IF(D("en_couple"), P("css_abattement_aspa_couple"), P("css_abattement_aspa_seul")))))),
         D("css_forfait_logement"))),
]

# The two parameters not read from OpenFisca (see build_droits.py).
EXTRA_PARAMS = [
    {"id": "coef_salaire_brut", "label": "Rapport entre salaire brut et salaire net (cotisations salariales, CSG et CRDS d'un salarié du privé)",
     "unit": "nombre",
     "values": [{"from": "2024-01-01", "value": 1.262,
                 "reference": "Approximation documentée : CSS, art. L136-8 (CSG) et L241-3 (cotisations) ; rapport brut / net mesuré sur la table de conversion d'OpenFisca-France 176.1.8 de ../shared/data/openfisca-cases.json (de 1,256 à 1,263 entre 450 € et 8 000 € bruts)"}]},
    {"id": "coef_salaire_imposable", "label": "Rapport entre salaire net imposable et salaire net (CSG non déductible 2,4 % et CRDS 0,5 % réintégrées)",
     "unit": "nombre",
     "values": [{"from": "2024-01-01", "value": 1.036,
                 "reference": "Approximation documentée : CSS, art. L136-8 (CSG non déductible) et ordonnance n° 96-50, art. 14 (CRDS) ; rapport mesuré sur la table de conversion d'OpenFisca-France 176.1.8 de ../shared/data/openfisca-cases.json (SMIC : net 1426,29 €, net imposable 1477,63 €)"}]},
]
