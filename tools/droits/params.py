"""Parameters of the Civraisien rights catalogue, read from OpenFisca-France 176.1.8's YAML.

Each entry: (id, OpenFisca path under `openfisca_france/parameters/` without `.yaml`, French label,
unit, law (legal basis written beside the value), options). Options: `shift_years` reads the value
in force N years earlier (the aides au logement use the income-tax deduction of year N-1).
"""

PF = "prestations_sociales/prestations_familiales"
AF = PF + "/prestations_generales/af"
CF = PF + "/prestations_generales/cf"
ARS = PF + "/education_presence_parentale/ars"
ASF = PF + "/education_presence_parentale/asf"
AEEH = PF + "/education_presence_parentale/aeeh"
PAJE = PF + "/petite_enfance/paje"
AL = "prestations_sociales/aides_logement/allocations_logement"
ALF = AL + "/locatif/formule"
RSA = "prestations_sociales/solidarite_insertion/minima_sociaux/rsa"
PPA = "prestations_sociales/solidarite_insertion/minima_sociaux/ppa"
AAH = "prestations_sociales/prestations_etat_de_sante/invalidite/aah"
ASPA = "prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa"
CS = "prestations_sociales/solidarite_insertion/minima_sociaux/cs"
SMIC = "marche_travail/salaire_minimum/smic"
DED = "impot_revenu/calcul_revenus_imposables/deductions"

CSS_L521 = "Code de la sécurité sociale (CSS), art. L521-1"
CSS_ARS = "CSS, art. L543-1"
CSS_CF = "CSS, art. L522-1 et L522-2"
CSS_ASF = "CSS, art. L523-1"
CSS_PAJE = "CSS, art. L531-3"
CSS_AEEH = "CSS, art. L541-1"
CCH_AL = "Code de la construction et de l'habitation (CCH), art. L823-1 et suivants"
CASF_RSA = "Code de l'action sociale et des familles (CASF), art. L262-2 et suivants"
CSS_PPA = "CSS, art. L841-1 et suivants"
CSS_AAH = "CSS, art. L821-1 et suivants"
CSS_ASPA = "CSS, art. L815-1 et suivants"
CSS_CSS = "CSS, art. L861-1"

E, EM, EA, T, Y, N, H = "euro", "euro_par_mois", "euro_par_an", "taux", "annees", "nombre", "heures"

PARAMS = [
    # --- common
    ("bmaf", PF + "/bmaf/bmaf", "Base mensuelle de calcul des allocations familiales (BMAF)", EM, "CSS, art. L551-1"),
    ("smic_horaire", SMIC + "/smic_b_horaire", "SMIC horaire brut", E, "Code du travail, art. L3231-1 et suivants (SMIC), décret de revalorisation"),
    ("smic_heures_mois", SMIC + "/nb_heures_travail_mensuel", "Heures de travail par mois au SMIC (35 h)", H, "Code du travail, art. L3121-27 (35 heures)"),
    ("abattement_frais_pro_taux", DED + "/abatpro/taux", "Déduction forfaitaire de 10 % pour frais professionnels", T, "Code général des impôts (CGI), art. 83, 3°"),
    ("abattement_pensions_taux", DED + "/abatpen/taux", "Abattement de 10 % sur les pensions", T, "CGI, art. 158-5 a"),
    ("al_abattement_frais_pro_min", DED + "/abatpro/min", "Aides au logement : minimum de la déduction de 10 % (barème de l'année N-1)", EA, "CGI, art. 83, 3° (appliqué par les aides au logement)", {"shift_years": 1}),
    ("al_abattement_frais_pro_max", DED + "/abatpro/max", "Aides au logement : maximum de la déduction de 10 % (barème de l'année N-1)", EA, "CGI, art. 83, 3° (appliqué par les aides au logement)", {"shift_years": 1}),
    ("al_abattement_pensions_min", DED + "/abatpen/min", "Aides au logement : minimum de l'abattement de 10 % sur les pensions", EA, "CGI, art. 158, 5-a (appliqué par les aides au logement)"),
    ("crds", "prelevements_sociaux/contributions_sociales/crds", "Taux de la CRDS prélevée sur les aides au logement", T, "Ordonnance n° 96-50 du 24 janvier 1996, art. 14"),
    # --- AF
    ("af_nb_enfants_min", AF + "/af_cm/nb_enfants_min_pour_allocation", "Nombre minimal d'enfants à charge pour les allocations familiales", N, CSS_L521),
    ("pf_age_limite_enfant", AF + "/af_cm/age3", "Âge limite d'un enfant à charge pour les prestations familiales (exclu)", Y, "CSS, art. L512-3"),
    ("af_taux_2e_enfant", AF + "/af_cm/taux/enf2", "Allocations familiales : taux pour le 2e enfant (en BMAF)", T, CSS_L521),
    ("af_taux_3e_enfant_et_plus", AF + "/af_cm/taux/enf3", "Allocations familiales : taux par enfant à partir du 3e (en BMAF)", T, CSS_L521),
    ("af_forfait_nb_enfants_min", AF + "/af_maj/majoration_enfants/allocation_forfaitaire/nb_enfants_min", "Allocations familiales : nombre d'enfants (dont ceux de 20 ans) ouvrant l'allocation forfaitaire", N, CSS_L521),
    ("af_forfait_taux", AF + "/af_maj/majoration_enfants/allocation_forfaitaire/taux", "Allocations familiales : allocation forfaitaire par enfant de 20 ans (en BMAF)", T, CSS_L521),
    ("af_majoration_age", AF + "/af_maj/maj_age_deux_enfants/age1", "Allocations familiales : âge ouvrant la majoration pour âge", Y, CSS_L521),
    ("af_majoration_taux", AF + "/af_maj/maj_age_deux_enfants/taux1", "Allocations familiales : taux de la majoration pour âge (en BMAF)", T, CSS_L521),
    ("af_plafond_tranche_1", AF + "/af_cond_ress/plafond_tranche_1_base", "Allocations familiales : plafond de la 1re tranche de modulation (0 enfant)", EA, CSS_L521),
    ("af_plafond_tranche_2", AF + "/af_cond_ress/plafond_tranche_2_base", "Allocations familiales : plafond de la 2e tranche de modulation (0 enfant)", EA, CSS_L521),
    ("af_plafond_majoration_enfant", AF + "/af_cond_ress/majoration_plafond_par_enfant_supplementaire", "Allocations familiales : majoration des plafonds par enfant à charge", EA, CSS_L521),
    ("af_modulation_tranche_2", AF + "/af_cm/modulation/taux_tranche_2", "Allocations familiales : coefficient de la 2e tranche de revenus", T, CSS_L521),
    ("af_modulation_tranche_3", AF + "/af_cm/modulation/taux_tranche_3", "Allocations familiales : coefficient de la 3e tranche de revenus", T, CSS_L521),
    # --- ARS
    ("ars_age_primaire", ARS + "/ars_cond/age_entree_primaire", "ARS : âge minimal (entrée en primaire)", Y, CSS_ARS),
    ("ars_age_college", ARS + "/ars_cond/age_entree_college", "ARS : âge d'entrée au collège (taux collège)", Y, CSS_ARS),
    ("ars_age_lycee", ARS + "/ars_cond/age_entree_lycee", "ARS : âge d'entrée au lycée (taux lycée)", Y, CSS_ARS),
    ("ars_age_limite", ARS + "/ars_cond/age_sortie_lycee", "ARS : âge limite (exclu)", Y, CSS_ARS),
    ("ars_taux_primaire", ARS + "/ars_m/taux_primaire", "ARS : montant par enfant de 6 à 10 ans (en BMAF)", T, CSS_ARS),
    ("ars_taux_college", ARS + "/ars_m/taux_college", "ARS : montant par enfant de 11 à 14 ans (en BMAF)", T, CSS_ARS),
    ("ars_taux_lycee", ARS + "/ars_m/taux_lycee", "ARS : montant par enfant de 15 à 17 ans (en BMAF)", T, CSS_ARS),
    ("ars_plafond", ARS + "/ars_plaf/plafond_ressources", "ARS : plafond de ressources (0 enfant)", EA, CSS_ARS),
    ("ars_majoration_enfant", ARS + "/ars_plaf/majoration_par_enf_supp", "ARS : majoration du plafond par enfant à charge", T, CSS_ARS),
    ("ars_montant_minimum", ARS + "/montant_minimum_verse", "ARS : montant minimal versé", E, CSS_ARS),
    # --- CF
    ("cf_nb_enfants_min", CF + "/cf_cm/nombre_d_enfants_minimal", "Complément familial : nombre minimal d'enfants de 3 ans ou plus", N, CSS_CF),
    ("cf_age_min", CF + "/cf_cm/age_min", "Complément familial : âge minimal des enfants comptés", Y, CSS_CF),
    ("cf_age_max", CF + "/cf_cm/age_max", "Complément familial : âge limite des enfants (exclu)", Y, "CSS, art. L512-3"),
    ("cf_taux_base", CF + "/cf_cm/complement_familial/taux_cf_base", "Complément familial : montant de base (en BMAF)", T, CSS_CF),
    ("cf_taux_majore", CF + "/cf_cm/complement_familial/taux_cf_majore", "Complément familial majoré (en BMAF)", T, CSS_CF),
    ("cf_plafond_majore", CF + "/cf_plaf/plafond_cf_majore", "Complément familial : part du plafond ouvrant le montant majoré", T, CSS_CF),
    ("pf_plafond_0_enfant", CF + "/cf_plaf/plafond_ressources_0_enfant", "Complément familial : plafond de ressources de base", EA, CSS_CF),
    ("pf_plafond_majoration_2_premiers", CF + "/cf_plaf/majoration/deux_premiers_enf", "Majoration du plafond pour chacun des deux premiers enfants", T, CSS_CF),
    ("pf_plafond_majoration_3e_et_plus", CF + "/cf_plaf/majoration/troisieme_enf_et_plus", "Majoration du plafond par enfant à partir du 3e", T, CSS_CF),
    ("cf_plafond_biactifs_isoles", CF + "/cf_plaf/majoration/biactifs_isoles", "Complément familial : majoration du plafond (deux revenus ou parent isolé)", EA, CSS_CF),
    # --- ASF
    ("asf_taux", ASF + "/montant_asf/orphelin_assimile_seul_parent", "ASF : montant par enfant (en BMAF)", T, CSS_ASF),
    ("asf_seuil", ASF + "/seuil", "ASF : montant minimal versé (règle d'OpenFisca)", E, CSS_ASF),
    ("asf_forfait_minima", RSA + "/rsa_maj/forfait_asf/taux2", "ASF comptée dans les ressources du RSA et de la prime d'activité (en BMAF par enfant)", T, CASF_RSA),
    # --- PAJE
    ("paje_age_limite", PAJE + "/paje_cm/age_limite_enfant_adopte_non", "PAJE : âge limite de l'enfant (exclu)", Y, CSS_PAJE),
    ("paje_taux_plein", PAJE + "/paje_cm/montant/allocation_base_taux_plein/apres_2018/taux", "PAJE allocation de base à taux plein (en BMAF)", T, CSS_PAJE),
    ("paje_plafond_plein", PAJE + "/paje_plaf/ne_adopte_apres_04_2018/taux_plein/plafond_ressources_0_enfant", "PAJE : plafond du taux plein (base)", EA, CSS_PAJE),
    ("paje_plafond_plein_majoration", PAJE + "/paje_plaf/ne_adopte_apres_04_2018/taux_plein/biactifs_parents_isoles", "PAJE : majoration du plafond du taux plein (deux revenus ou parent isolé)", EA, CSS_PAJE),
    ("paje_plafond_partiel", PAJE + "/paje_plaf/ne_adopte_apres_04_2018/taux_partiel/plafond_ressources_0_enfant", "PAJE : plafond du taux partiel (base)", EA, CSS_PAJE),
    ("paje_plafond_partiel_majoration", PAJE + "/paje_plaf/ne_adopte_apres_04_2018/taux_partiel/biactifs_parents_isoles", "PAJE : majoration du plafond du taux partiel (deux revenus ou parent isolé)", EA, CSS_PAJE),
    # --- AEEH
    ("aeeh_age_limite", AEEH + "/age_maximum_enfant", "AEEH : âge limite de l'enfant (exclu)", Y, CSS_AEEH),
    ("aeeh_taux_base", AEEH + "/base", "AEEH de base (en BMAF)", T, CSS_AEEH),
    # --- AL
    ("al_age_limite_enfant", AL + "/ressources/personnes_a_charge/age_limite_enfants_charge", "Aides au logement : âge limite d'un enfant à charge (exclu)", Y, CCH_AL),
    ("al_etudiant_age_max", AL + "/ressources/etudiants/age_max", "Aides au logement : âge limite du forfait étudiant (exclu)", Y, CCH_AL),
    ("al_etudiant_forfait", AL + "/ressources/etudiants/locatif/dar_4_forfait_ressources", "Aides au logement : ressources forfaitaires d'un étudiant", EA, CCH_AL),
] + [
    (f"al_plafond_z{z}_{k}", ALF + f"/l_plafonds_loyers/par_zone/zone_{z}/{path}", f"Aides au logement : loyer plafond zone {z}, {lab}", EM, CCH_AL)
    for z in (1, 2, 3)
    for k, path, lab in (("seul", "personnes_seules", "personne seule"), ("couple", "couples", "couple sans personne à charge"),
                         ("1pac", "un_enfant", "une personne à charge"), ("pac_supp", "majoration_par_enf_supp", "par personne à charge supplémentaire"))
] + [
    ("al_charges", ALF + "/c_forfait_charges/cas_general/cas_general", "Aides au logement : forfait de charges", EM, CCH_AL),
    ("al_charges_pac", ALF + "/c_forfait_charges/cas_general/majoration_par_enfant", "Aides au logement : forfait de charges par personne à charge", EM, CCH_AL),
    ("al_p0_taux", ALF + "/pp_particip_perso/p0_particip_min/p0_taux", "Aides au logement : participation minimale (part de la dépense)", T, CCH_AL),
    ("al_p0_forfait", ALF + "/pp_particip_perso/p0_particip_min/p0_forfait", "Aides au logement : participation minimale forfaitaire", EM, CCH_AL),
] + [
    (f"al_r0_{k}", ALF + f"/pp_particip_perso/r0_abattement/cas_general/{path}", f"Aides au logement : abattement R0, {lab}", EA, CCH_AL)
    for k, path, lab in (("seul", "taux_seul", "personne seule"), ("couple", "taux_couple", "couple sans personne à charge"),
                         ("1pac", "taux1pac", "1 personne à charge"), ("2pac", "taux2pac", "2 personnes à charge"),
                         ("3pac", "taux3pac", "3 personnes à charge"), ("4pac", "taux4pac", "4 personnes à charge"),
                         ("5pac", "taux5pac", "5 personnes à charge"), ("6pac", "taux6pac", "6 personnes à charge"),
                         ("pac_supp", "taux_pac_supp", "par personne à charge au-delà de 6"))
] + [
    (f"al_tf_{k}", ALF + f"/pp_particip_perso/tp_taux/tf_taille_famille/metropole/{path}", f"Aides au logement : taux TF, {lab}", T, CCH_AL)
    for k, path, lab in (("seul", "personnes_isolees", "personne seule"), ("couple", "couples_0_enfant", "couple sans personne à charge"),
                         ("1pac", "avec_1_enfant", "1 personne à charge"), ("2pac", "avec_2_enfants", "2 personnes à charge"),
                         ("3pac", "avec_3_enfants", "3 personnes à charge"), ("4pac", "avec_4_enfants", "4 personnes à charge"),
                         ("5pac", "avec_5_enfants", "5 personnes à charge"), ("6pac", "avec_6_enfants", "6 personnes à charge"),
                         ("pac_supp", "maj_par_enf_supp", "par personne à charge au-delà de 6"))
] + [
    ("al_tl_seuil_1", ALF + "/pp_particip_perso/tp_taux/tl_loyer/seuils/seuil_1", "Aides au logement : 1er seuil du rapport loyer / loyer de référence (taux TL)", T, CCH_AL),
    ("al_tl_seuil_2", ALF + "/pp_particip_perso/tp_taux/tl_loyer/seuils/seuil_2", "Aides au logement : 2e seuil du rapport loyer / loyer de référence (taux TL)", T, CCH_AL),
    ("al_tl_taux_2", ALF + "/pp_particip_perso/tp_taux/tl_loyer/taux/tl_taux_2", "Aides au logement : taux TL entre les deux seuils", T, CCH_AL),
    ("al_tl_taux_3", ALF + "/pp_particip_perso/tp_taux/tl_loyer/taux/tl_taux_3", "Aides au logement : taux TL au-delà du 2e seuil", T, CCH_AL),
    ("al_seuil_versement", AL + "/locatif/seuils_minimum_versement/non_apl", "Aides au logement (ALF, ALS) : montant minimal versé", EM, CCH_AL),
    ("al_minoration", AL + "/locatif/minoration_forfaitaire", "Aides au logement : minoration forfaitaire", EM, CCH_AL),
    # --- RSA
    ("rsa_montant_base", RSA + "/rsa_m/montant_de_base_du_rsa", "RSA : montant forfaitaire pour une personne seule", EM, CASF_RSA),
    ("rsa_age_min", RSA + "/rsa_cond/age_pac", "RSA : âge minimal sans enfant à charge", Y, CASF_RSA),
    ("compo_2e_personne", RSA + "/rsa_maj/maj_montant_max/couples_celibataire_avec_enfant", "RSA et prime d'activité : majoration pour la 2e personne du foyer", T, CASF_RSA),
    ("compo_3e_personne", RSA + "/rsa_maj/maj_montant_max/couple_1_enfant_ou_2e_enfant", "RSA et prime d'activité : majoration pour la 3e personne (et la 4e d'un couple)", T, CASF_RSA),
    ("compo_personne_supp", RSA + "/rsa_maj/maj_montant_max/par_enfant_supplementaire", "RSA et prime d'activité : majoration par personne supplémentaire", T, CASF_RSA),
    ("rsa_isolement_base", RSA + "/rsa_maj/majoration_isolement_en_base_rsa/femmes_enceintes", "RSA majoré (parent isolé) : coefficient de base", T, CASF_RSA),
    ("rsa_isolement_enfant", RSA + "/rsa_maj/majoration_isolement_en_base_rsa/par_enfant_a_charge", "RSA majoré (parent isolé) : coefficient par enfant", T, CASF_RSA),
    ("rsa_isolement_age_enfant", RSA + "/rsa_maj/majoration_isolement_en_base_rsa/age_limite_enfant", "RSA majoré : âge limite du plus jeune enfant (exclu)", Y, CASF_RSA),
    ("rsa_fl_1", RSA + "/rsa_fl/forfait_logement/taux_1_personne", "RSA : forfait logement, 1 personne (part du montant forfaitaire)", T, CASF_RSA),
    ("rsa_fl_2", RSA + "/rsa_fl/forfait_logement/taux_2_personnes", "RSA : forfait logement, 2 personnes", T, CASF_RSA),
    ("rsa_fl_3", RSA + "/rsa_fl/forfait_logement/taux_3_personnes_ou_plus", "RSA : forfait logement, 3 personnes ou plus", T, CASF_RSA),
    ("rsa_montant_minimum", RSA + "/rsa_maj/montant_minimum_verse", "RSA : montant minimal versé", EM, CASF_RSA),
    # --- PPA
    ("ppa_montant_base", PPA + "/pa_m/montant_de_base", "Prime d'activité : montant forfaitaire pour une personne seule", EM, CSS_PPA),
    ("ppa_part_revenus_activite", PPA + "/pa_m/majoration_ressources_revenus_activite", "Prime d'activité : part des revenus d'activité ajoutée au montant forfaitaire", T, CSS_PPA),
    ("ppa_isolement_base", PPA + "/pa_m/majoration_isolement/femmes_enceintes", "Prime d'activité majorée (parent isolé) : coefficient de base", T, CSS_PPA),
    ("ppa_isolement_enfant", PPA + "/pa_m/majoration_isolement/par_enfant_charge", "Prime d'activité majorée (parent isolé) : coefficient par enfant", T, CSS_PPA),
    ("ppa_bonif_seuil", PPA + "/pa_m/bonification/seuil_bonification", "Prime d'activité : revenus (en SMIC horaires) à partir desquels la bonification commence", N, CSS_PPA),
    ("ppa_bonif_seuil_max", PPA + "/pa_m/bonification/seuil_max_bonification", "Prime d'activité : revenus (en SMIC horaires) où la bonification atteint son maximum", N, CSS_PPA),
    ("ppa_bonif_taux_max", PPA + "/pa_m/bonification/taux_bonification_max", "Prime d'activité : bonification maximale (part du montant forfaitaire)", T, CSS_PPA),
    ("ppa_fl_1", PPA + "/pa_fl/taux_forfait_logement/foyer_1_personne", "Prime d'activité : forfait logement, 1 personne", T, CSS_PPA),
    ("ppa_fl_2", PPA + "/pa_fl/taux_forfait_logement/foyer_2_personnes", "Prime d'activité : forfait logement, 2 personnes", T, CSS_PPA),
    ("ppa_fl_3", PPA + "/pa_fl/taux_forfait_logement/foyer_3_personnes", "Prime d'activité : forfait logement, 3 personnes ou plus", T, CSS_PPA),
    ("ppa_seuil_aah_activite", PPA + "/pa_cond/seuil_aah_activite", "Prime d'activité : revenus d'activité (en SMIC horaires) à partir desquels l'AAH compte comme revenu d'activité", N, CSS_PPA),
    ("ppa_age_min", PPA + "/pa_cond/age_min", "Prime d'activité : âge minimal", Y, CSS_PPA),
    ("ppa_montant_minimum", PPA + "/pa_m/montant_minimum_verse", "Prime d'activité : montant minimal versé", EM, CSS_PPA),
    ("pf_autonomie_part_smic", PF + "/def_pac/revenu_plafond_pac_non_scolaire", "Part du SMIC (169 h) que doit gagner un étudiant ou apprenti pour la prime d'activité", T, CSS_PPA),
    # --- AAH
    ("aah_montant", AAH + "/montant", "AAH : montant maximal mensuel", EM, CSS_AAH),
    ("aah_taux_incapacite", AAH + "/taux_capacite/taux_incapacite", "AAH : taux d'incapacité ouvrant droit sans autre condition", T, CSS_AAH),
    ("aah_taux_incapacite_rsdae", AAH + "/taux_capacite/taux_incapacite_rsdae", "AAH : taux d'incapacité minimal avec restriction substantielle et durable d'accès à l'emploi", T, CSS_AAH),
    ("aah_age_min", AAH + "/age_minimal", "AAH : âge minimal", Y, CSS_AAH),
    ("aah_age_fin_obligation_scolaire", AAH + "/age_fin_educ", "AAH : âge minimal d'une personne qui n'est plus à charge pour les prestations familiales", Y, CSS_AAH),
    ("age_legal_retraite", AAH + "/age_legal_retraite", "Âge légal de départ à la retraite (fin de l'AAH à taux 50-79 %, ASPA pour inaptitude)", Y, "CSS, art. L161-17-2"),
    ("aah_majoration_enfant", AAH + "/majoration_plafond/majoration_par_enfant_supplementaire", "AAH : majoration du plafond par enfant à charge", T, CSS_AAH),
    ("aah_tranche_smic", AAH + "/travail_ordinaire/tranche_smic", "AAH : tranche des revenus d'activité (part du SMIC annuel) abattue de 80 %", T, CSS_AAH),
    ("aah_abattement_tranche_1", AAH + "/travail_ordinaire/abattement_30", "AAH : abattement sur la 1re tranche des revenus d'activité", T, CSS_AAH),
    ("aah_abattement_tranche_2", AAH + "/travail_ordinaire/abattement_sup", "AAH : abattement au-delà", T, CSS_AAH),
    ("aah_abattement_cessation", AAH + "/abattement_cessation_activite", "AAH : abattement en cas de cessation d'activité", T, CSS_AAH),
    # --- ASPA
    ("aspa_age_min", ASPA + "/age_min", "ASPA : âge minimal", Y, CSS_ASPA),
    ("aspa_taux_incapacite_anticipe", ASPA + "/taux_incapacite_aspa_anticipe", "ASPA : taux d'incapacité ouvrant droit dès l'âge légal de la retraite", T, CSS_ASPA),
    ("aspa_plafond_seul", ASPA + "/plafond_ressources/personnes_seules", "ASPA : plafond de ressources et montant maximal, personne seule", EA, CSS_ASPA),
    ("aspa_plafond_couple", ASPA + "/plafond_ressources/couples", "ASPA : plafond de ressources et montant maximal, couple", EA, CSS_ASPA),
    ("aspa_abattement_salaire_seul", ASPA + "/abattement_forfaitaire/personnes_seules", "ASPA : abattement sur les salaires (en SMIC mensuels), personne seule", T, CSS_ASPA),
    ("aspa_abattement_salaire_couple", ASPA + "/abattement_forfaitaire/couples", "ASPA : abattement sur les salaires (en SMIC mensuels), couple", T, CSS_ASPA),
    # --- CSS
    ("css_plafond_base", CS + "/cmu/plafond_base", "Complémentaire santé solidaire : plafond annuel pour une personne seule (sans participation)", EA, CSS_CSS),
    ("css_coef_2e_personne", CS + "/cmu/coeff_p2", "CSS : majoration du plafond pour la 2e personne", T, CSS_CSS),
    ("css_coef_3e_4e_personne", CS + "/cmu/coeff_p3_p4", "CSS : majoration pour la 3e et la 4e personne", T, CSS_CSS),
    ("css_coef_5e_personne_et_plus", CS + "/cmu/coeff_p5_plus", "CSS : majoration par personne à partir de la 5e", T, CSS_CSS),
    ("css_age_limite_enfant", CS + "/cmu/age_limite_pac", "CSS : âge limite des enfants comptés (inclus)", Y, CSS_CSS),
    ("css_majoration_participation", CS + "/acs/majoration_plafond_acs", "CSS avec participation : majoration du plafond", T, CSS_CSS),
    ("css_abattement_aah", CS + "/css/abattements/aah", "CSS : abattement mensuel sur l'AAH", EM, CSS_CSS),
    ("css_abattement_aspa_seul", CS + "/css/abattements/aspa_asv/personne_seule", "CSS : abattement mensuel sur l'ASPA, personne seule", EM, CSS_CSS),
    ("css_abattement_aspa_couple", CS + "/css/abattements/aspa_asv/couple", "CSS : abattement mensuel sur l'ASPA, couple", EM, CSS_CSS),
    ("css_fl_sans_al_1", CS + "/css/forfait_logement_sans_al/taux_1p", "CSS : forfait logement sans aide au logement, 1 personne", T, CSS_CSS),
    ("css_fl_sans_al_2", CS + "/css/forfait_logement_sans_al/taux_2p", "CSS : forfait logement sans aide au logement, 2 personnes", T, CSS_CSS),
    ("css_fl_sans_al_3", CS + "/css/forfait_logement_sans_al/taux_3p_plus", "CSS : forfait logement sans aide au logement, 3 personnes ou plus", T, CSS_CSS),
    ("css_fl_avec_al_1", CS + "/css/forfait_logement_avec_al/taux_1p", "CSS : forfait logement avec aide au logement, 1 personne", T, CSS_CSS),
    ("css_fl_avec_al_2", CS + "/css/forfait_logement_avec_al/taux_2p", "CSS : forfait logement avec aide au logement, 2 personnes", T, CSS_CSS),
    ("css_fl_avec_al_3", CS + "/css/forfait_logement_avec_al/taux_3p_plus", "CSS : forfait logement avec aide au logement, 3 personnes ou plus", T, CSS_CSS),
]
