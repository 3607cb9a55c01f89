#!/usr/bin/env python3
"""Builds `examples/civraisien/droits.json`, the rights catalogue of the Civraisien en Poitou.

Parameter values are read from the YAML files of the installed `openfisca-france` package
(version 176.1.8): for each parameter, the value in force on 2025-01-01 and every later value
dated up to 2026-12-31, each with the legal text the YAML cites for it and the YAML path.

    python3 -m venv /tmp/ofvenv && /tmp/ofvenv/bin/pip install openfisca-france==176.1.8 pyyaml
    /tmp/ofvenv/bin/python tools/droits/build_droits.py > examples/civraisien/droits.json
"""

import datetime as dt
import json
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(__file__))
import params as PM  # noqa: E402
import rules as R  # noqa: E402
from rules import ADULTE, AGE, ALL, ANY, D, F, M, NOT, P, any_member, children, ge, gt, le, lt  # noqa: E402

OPENFISCA_VERSION = "176.1.8"
START = dt.date(2025, 1, 1)
END = dt.date(2026, 12, 31)


def of_root():
    import openfisca_france

    version = getattr(openfisca_france, "__version__", None)
    try:
        from importlib.metadata import version as v

        version = v("openfisca-france")
    except Exception:  # pragma: no cover
        pass
    if version != OPENFISCA_VERSION:
        sys.exit(f"openfisca-france {OPENFISCA_VERSION} attendu, trouvé {version}")
    return os.path.join(os.path.dirname(openfisca_france.__file__), "parameters")


def titles(ref):
    if ref is None:
        return []
    if isinstance(ref, str):
        return [ref]
    if isinstance(ref, dict) and "title" in ref:
        return [ref["title"]]
    if isinstance(ref, list):
        return [t for r in ref for t in titles(r)]
    return []


def reference_at(meta_ref, date):
    """The legal texts the YAML cites for the entry dated `date` (or the latest earlier one)."""
    if isinstance(meta_ref, dict) and meta_ref and all(isinstance(k, dt.date) for k in meta_ref):
        dates = sorted(k for k in meta_ref if k <= date)
        if dates:
            return titles(meta_ref[dates[-1]])
        return []
    return titles(meta_ref)


def read_param(root, spec):
    pid, path, label, unit, law = spec[:5]
    opts = spec[5] if len(spec) > 5 else {}
    shift = opts.get("shift_years", 0)
    rel = f"parameters/{path}.yaml"
    with open(os.path.join(root, path + ".yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    entries = sorted((k, (v or {}).get("value") if isinstance(v, dict) else v) for k, v in doc["values"].items())
    meta_ref = (doc.get("metadata") or {}).get("reference")

    def shifted(d):
        return d.replace(year=d.year + shift)

    chosen = []
    for k, v in entries:
        d = shifted(k)
        if d <= START:
            chosen = [(k, d, v)]
        elif d <= END:
            chosen.append((k, d, v))
    if not chosen or any(v is None for _, _, v in chosen):
        sys.exit(f"{pid}: pas de valeur exploitable dans {rel}")
    values = []
    for k, d, v in chosen:
        texts = reference_at(meta_ref, k)
        parts = [law]
        if texts:
            parts.append("; ".join(texts))
        where = f"openfisca-france {OPENFISCA_VERSION} : {rel}"
        if shift:
            where += f" (valeur datée du {k.isoformat()}, appliquée l'année suivante)"
        parts.append(where)
        values.append({"from": d.isoformat(), "value": float(v) if not float(v).is_integer() else int(v),
                       "reference": " — ".join(parts)})
    return {"id": pid, "label": label, "unit": unit, "values": values}


# ---------------------------------------------------------------- benefits

CAF_MSA = "Versée par la CAF (régime général) ou par la MSA (régime agricole) selon la question « régime »."
SP = "https://www.service-public.fr/particuliers/vosdroits/"
NOTE_RESSOURCES = ("Revenus déclarés par mois et supposés stables : la règle ne reconstitue pas les périodes de référence "
                   "exactes (trimestre précédent, 12 mois glissants) ni les abattements et neutralisations liés à un changement de situation.")


def benefit(id, name, short, inst, cat, summary, condition, apply, refs, notes, objectives, places=(), kind="prestation"):
    b = {"id": id, "name": name}
    if short:
        b["short_name"] = short
    if kind != "prestation":
        b["kind"] = kind
    b.update({"institution": inst, "category": cat, "summary": summary, "condition": condition})
    if apply:
        b["apply"] = apply
    if places:
        b["places"] = list(places)
    if objectives:
        b["objectives"] = list(objectives)
    if refs:
        b["references"] = list(refs)
    if notes:
        b["notes"] = list(notes)
    return b


ACCES = ["osp-2.1.2", "osp-2.1.3"]
POINTS = ["evs_civray", "evs_couhe", "evs_gencay", "ccas_cias"]

BENEFITS = [
    benefit("af", "Allocations familiales", "AF", "caf", "famille",
            "Une aide mensuelle pour les familles qui ont au moins deux enfants à charge de moins de 20 ans ; le montant dépend des revenus et de l'âge des enfants.",
            ANY(R.lab(ge(D("nb_enfants_pf"), P("af_nb_enfants_min")), "au moins 2 enfants à charge de moins de 20 ans"),
                R.lab(gt(D("af_forfait"), 0), "allocation forfaitaire : un enfant de 20 ans dans une famille d'au moins 3 enfants")),
            {"url": SP + "F13213", "label": "Fiche service-public.fr ; demande auprès de la CAF ou de la MSA"},
            [PM.CSS_L521], [CAF_MSA,
             "Simplification : tout enfant de moins de 20 ans déclaré est compté comme à charge (la règle ne vérifie pas la scolarité des moins de 16 ans ni le revenu d'un enfant de 16 à 19 ans, qui ne doit pas dépasser 55 % du SMIC).",
             "Allocation forfaitaire : un enfant de 20 ans, dans une famille qui en compte au moins 3 avec lui, ouvre droit à l'allocation forfaitaire pendant un an. Le montant indicatif (dérivé af_montant) ne compte pas le complément dégressif ; la majoration pour âge réformée au 1er mars 2026 (18 ans pour les enfants nés à partir du 1er mars 2012) est approchée par l'âge."],
            ACCES + ["osp-3.1.7"], POINTS),
    benefit("ars", "Allocation de rentrée scolaire", "ARS", "caf", "education",
            "Une aide versée en août pour chaque enfant de 6 à 18 ans scolarisé, sous condition de ressources.",
            ALL(R.lab(ge(D("ars_base"), 0.01), "au moins un enfant de 6 à 17 ans"),
                R.lab(ge(D("ars_montant"), P("ars_montant_minimum")), "revenus N-2 sous le plafond (ou au-dessus de moins que le montant de l'allocation)")),
            {"url": SP + "F1878", "label": "Fiche service-public.fr ; versée automatiquement aux allocataires, sinon demande à la CAF ou la MSA"},
            [PM.CSS_ARS], [CAF_MSA,
             "Simplification : l'âge est celui à la date d'évaluation (la loi retient 6 ans avant le 31 décembre et moins de 18 ans au 15 septembre de l'année de la rentrée) ; la scolarisation des 16-18 ans n'est pas vérifiée.",
             "Règle d'OpenFisca reprise : l'ARS est différentielle au-dessus du plafond, et n'est pas versée sous 15 €."],
            ACCES + ["osp-3.1.7"], POINTS),
    benefit("cf", "Complément familial", "CF", "caf", "famille",
            "Une aide mensuelle pour les familles d'au moins trois enfants de 3 à 20 ans, sous condition de ressources.",
            ALL(R.lab(ge(D("nb_enfants_cf"), P("cf_nb_enfants_min")), "au moins 3 enfants de 3 à 20 ans"),
                R.lab(le(D("paje_montant"), 0), "pas d'allocation de base de la PAJE (non cumulable)"),
                R.lab(gt(D("cf_montant"), 0), "revenus N-2 sous le plafond du complément familial (ou de peu au-dessus)")),
            {"url": SP + "F13214", "label": "Fiche service-public.fr"},
            [PM.CSS_CF], [CAF_MSA,
             "Le plafond retient le nombre d'enfants de moins de 21 ans et la majoration « deux revenus ou parent isolé » ; « deux revenus » est déduit des revenus actuels des deux adultes (la loi retient les revenus professionnels de l'année N-2, au moins 12 BMAF chacun)."],
            ACCES + ["osp-3.1.7"], POINTS),
    benefit("asf", "Allocation de soutien familial", "ASF", "caf", "famille",
            "Une aide pour le parent qui élève seul un enfant privé de l'aide de l'autre parent (décès, filiation non établie, pension alimentaire non versée ou faible).",
            ALL(R.lab(NOT(D("en_couple")), "vit seul(e) (ni mariage, ni PACS, ni concubinage)"),
                R.lab(F("asf_parent_defaillant"), "l'autre parent est absent, décédé, ou ne verse pas la pension"),
                R.lab(ge(D("nb_enfants_pf"), 1), "au moins un enfant à charge de moins de 20 ans"),
                R.lab(gt(D("asf_montant"), P("asf_seuil")), "pension reçue inférieure au montant de l'ASF")),
            {"url": SP + "F815", "label": "Fiche service-public.fr"},
            [PM.CSS_ASF], [CAF_MSA,
             "L'ASF complète une pension alimentaire inférieure à son montant (ASF différentielle) ; la règle ne traite pas l'enfant orphelin de ses deux parents ni le recueil d'un enfant par un couple.",
             "OpenFisca-France ne modélise pas la condition sur l'autre parent et accorde l'ASF à tout parent isolé : la comparaison de conformité répond « oui » à cette question pour les parents isolés (voir docs/conformance.md)."],
            ACCES + ["osp-3.1.7"], POINTS),
    benefit("paje_base", "Allocation de base de la PAJE", "PAJE", "caf", "petite_enfance",
            "Une aide mensuelle pour les parents d'un enfant de moins de 3 ans, sous condition de ressources (taux plein ou partiel).",
            ALL(R.lab(ge(D("nb_enfants_moins_3"), 1), "un enfant de moins de 3 ans"),
                R.lab(le(F("revenus_n2"), D("paje_plafond_partiel")), "revenus N-2 sous le plafond de la PAJE")),
            {"url": SP + "F2552", "label": "Fiche service-public.fr"},
            [PM.CSS_PAJE], [CAF_MSA,
             "Une seule allocation par famille quel que soit le nombre d'enfants de moins de 3 ans (règle d'OpenFisca ; les naissances multiples et l'adoption ne sont pas traitées). La prime à la naissance n'est pas couverte.",
             "« Deux revenus » est déduit des revenus actuels (voir le complément familial)."],
            ACCES + ["os-3.3"], POINTS + ["multi_accueil_civray", "rpe_civraisien"]),
    benefit("aeeh", "Allocation d'éducation de l'enfant handicapé", "AEEH", "caf", "handicap",
            "Une aide pour l'éducation et les soins d'un enfant handicapé de moins de 20 ans, sans condition de ressources, après décision de la MDPH.",
            R.lab(ge(D("nb_enfants_handicapes"), 1), "un enfant de moins de 20 ans avec un taux d'incapacité d'au moins 50 %"),
            {"url": SP + "F14809", "label": "Fiche service-public.fr ; la demande se fait auprès de la MDPH de la Vienne"},
            [PM.CSS_AEEH], [CAF_MSA,
             "Simplification : entre 50 et 79 %, la loi exige en plus la fréquentation d'un établissement adapté ou le recours à des soins ou à un dispositif adapté, ce que la règle ne demande pas. Les compléments (6 catégories) ne sont pas calculés : OpenFisca-France décale d'une catégorie le complément de la catégorie 2 à 5 (docs/conformance.md)."],
            ACCES + ["osp-3.3.2"], POINTS),
    benefit("aide_logement", "Aide au logement (APL, ALF ou ALS)", "AL", "caf", "logement",
            "Une aide mensuelle pour payer le loyer : APL pour un logement conventionné (HLM), sinon allocation de logement familiale ou sociale ; calculée selon le loyer, la zone, la composition du foyer et les revenus des 12 derniers mois.",
            ALL(R.lab(D("al_locataire"), "locataire de sa résidence principale"),
                R.lab(ge(D("al_montant"), 1), "aide calculée d'au moins 1 € (loyer, zone, foyer et revenus)")),
            {"url": SP + "F12006", "label": "Fiche service-public.fr ; simulation et demande sur caf.fr ou msa.fr"},
            [PM.CCH_AL], [CAF_MSA,
             "Barème locatif d'OpenFisca-France repris (loyer plafond par zone, forfait de charges, participation personnelle P0 + Tp × (R − R0)) ; "
             "simplifications : ressources = 12 × les revenus mensuels déclarés (salaire net imposable estimé = net × 1,036) sans l'arrondi à la centaine, sans abattement de 30 % ni neutralisation pour chômage ou RSA ; "
             "pas de réduction de loyer de solidarité (RLS) pour les locataires HLM (l'APL réelle est plus faible de 30 à 60 € quand les revenus sont bas), pas de dégressivité des loyers très élevés, "
             "ni colocation, chambre, foyer, accession à la propriété.",
             "Zone : toutes les communes du Civraisien sont en zone 3 ; ailleurs, la question « zone » est posée."],
            ACCES, POINTS),
    benefit("rsa", "Revenu de solidarité active", "RSA", "caf", "solidarite",
            "Un revenu minimum pour les personnes de 25 ans ou plus (ou plus jeunes avec un enfant) dont les ressources sont inférieures au montant forfaitaire ; versé par la CAF ou la MSA pour le Département de la Vienne.",
            ALL(R.lab(D("rsa_condition_personnelle"), "un adulte non étudiant de 25 ans ou plus, ou avec un enfant à charge"),
                R.lab(ge(D("rsa_montant"), P("rsa_montant_minimum")), "ressources inférieures au montant forfaitaire (forfait logement déduit)")),
            {"url": SP + "F19778", "label": "Fiche service-public.fr ; demande sur caf.fr, msa.fr ou avec un travailleur social"},
            [PM.CASF_RSA], [CAF_MSA + " Le RSA est financé par le Département.",
             "Ressources : revenus mensuels déclarés + allocations familiales de base, complément familial, PAJE, ASF (forfait), AAH et ASPA ; forfait logement retenu comme OpenFisca-France.",
             "Simplifications : RSA majoré seulement pour un parent isolé avec un enfant de moins de 3 ans (ni grossesse, ni isolement récent) ; pas de « RSA jeune actif » (18-24 ans) ; pas de condition de nationalité ou de séjour ; pas de patrimoine ; comme OpenFisca, pas d'âge maximal."],
            ACCES + ["osp-2.1.6", "os-5.2"], POINTS + ["mds_vienne", "france_travail"]),
    benefit("ppa", "Prime d'activité", "PPA", "caf", "solidarite",
            "Un complément de revenu pour les personnes qui travaillent (salariées ou indépendantes) avec des revenus modestes, dès 18 ans.",
            ALL(R.lab(D("ppa_condition_activite"), "un adulte d'au moins 18 ans a des revenus d'activité"),
                R.lab(ge(D("ppa_montant"), P("ppa_montant_minimum")), "prime calculée d'au moins 15 €")),
            {"url": SP + "F2882", "label": "Fiche service-public.fr ; simulation et demande sur caf.fr ou msa.fr"},
            [PM.CSS_PPA], [CAF_MSA,
             "Calcul d'OpenFisca-France : montant forfaitaire + bonifications individuelles + 59,85 % (61 % avant le 1er avril 2025) des revenus d'activité − max(forfaitaire, ressources + forfait logement).",
             "Comme OpenFisca-France, l'AAH d'une personne dont le salaire atteint 29 SMIC horaires compte comme revenu d'activité (bonification comprise).",
             "Simplifications : revenus supposés identiques sur les trois derniers mois ; revenus d'indépendants non demandés."],
            ACCES + ["osp-2.1.6", "os-5.2"], POINTS + ["france_travail"]),
    benefit("aah", "Allocation aux adultes handicapés", "AAH", "caf", "handicap",
            "Un revenu minimum pour les adultes handicapés (taux d'incapacité d'au moins 80 %, ou de 50 à 79 % avec une restriction durable d'accès à l'emploi), après décision de la MDPH.",
            ALL(R.lab(any_member(D("aah_eligible_membre")), "un adulte de 20 ans ou plus avec le taux d'incapacité requis"),
                R.lab(any_member(gt(D("aah_membre"), 0)), "ressources personnelles sous le plafond de l'AAH")),
            {"url": SP + "F12242", "label": "Fiche service-public.fr ; la demande se fait auprès de la MDPH de la Vienne"},
            [PM.CSS_AAH], [CAF_MSA,
             "Calcul déconjugalisé (depuis le 1er octobre 2023) : seules les ressources de la personne comptent, plafond majoré de 50 % par enfant à charge.",
             "Simplifications : pas de limite d'âge pour un taux d'au moins 80 % et pas de priorité de l'ASPA ou d'une pension d'invalidité (comme OpenFisca-France) ; revenus d'activité abattus comme OpenFisca (80 % puis 40 %) ; sans emploi, les revenus sont les revenus mensuels actuels × 12 × 70 % au lieu de ceux de l'année N-2."],
            ACCES, POINTS + ["mds_vienne"]),
    benefit("aspa", "Allocation de solidarité aux personnes âgées", "ASPA", "autre", "seniors",
            "Le minimum vieillesse : un complément de revenu pour les personnes de 65 ans ou plus (ou à l'âge légal de la retraite en cas d'inaptitude ou d'incapacité) dont les ressources sont faibles.",
            ALL(R.lab(ge(D("aspa_nb_eligibles"), 1), "une personne de 65 ans ou plus (ou à l'âge légal avec une incapacité de plus de 50 %)"),
                R.lab(gt(D("aspa_montant"), 0), "ressources sous le plafond de l'ASPA")),
            {"url": SP + "F16871", "label": "Fiche service-public.fr ; demande auprès de sa caisse de retraite (Carsat ou MSA)"},
            [PM.CSS_ASPA], ["Versée par la caisse de retraite : la Carsat (régime général) ou la MSA (régime agricole).",
             "Ressources comme OpenFisca-France : salaires bruts (estimés : net × 1,262) après un abattement trimestriel de 0,9 SMIC mensuel (1,5 pour un couple), soit un tiers par mois ; l'AAH d'un conjoint non éligible est comptée. Simplifications : les pensions déclarées sont nettes (l'ASPA retient les montants bruts, un peu plus élevés) ; pas de condition de résidence ni de récupération sur succession ; pas d'obligation de faire valoir d'abord ses droits à retraite."],
            ACCES + ["osp-1.2.3"], POINTS),
    benefit("css", "Complémentaire santé solidaire", "CSS", "cpam", "sante",
            "Une complémentaire santé gratuite, ou à moins d'un euro par jour et par personne, selon les ressources des 12 derniers mois.",
            ANY(R.lab(ALL(D("rsa_condition_personnelle"), ge(D("rsa_montant"), P("rsa_montant_minimum"))), "bénéficiaire du RSA"),
                R.lab(le(D("css_ressources"), R.mul(D("css_plafond"), R.add(1, P("css_majoration_participation")))),
                      "ressources sous le plafond de la CSS avec participation (plafond sans participation + 35 %)")),
            {"url": SP + "F10027", "label": "Fiche service-public.fr ; demande sur ameli.fr ou auprès de la MSA"},
            [PM.CSS_CSS], ["Accordée par l'Assurance maladie (CPAM) au régime général, par la MSA au régime agricole.",
             "Sans participation si les ressources sont sous le plafond (dérivés css_ressources, css_plafond) ou pour les bénéficiaires du RSA ; sinon avec une participation de 8 à 30 € par mois et par personne selon l'âge.",
             "Le plafond est celui d'OpenFisca-France 176.1.8, qui n'a pas appliqué la revalorisation du 1er avril 2025 (voir docs/conformance.md).",
             "Simplifications : revenus des 12 derniers mois = 12 × les revenus mensuels déclarés ; pas d'abattement de 30 % pour chômage."],
            ACCES + ["osp-2.2.1"], POINTS),
]

# ---------------------------------------------------------------- local services

ASK_CDC = "Le livret de la CTG ne donne pas d'adresse : renseignez-vous auprès de la mairie ou de la Communauté de Communes du Civraisien en Poitou."
TRUE = R.lab(R.ge(1, 0), "ouvert à tous")

SERVICES = [
    benefit("evs", "Espaces de vie sociale (Civray, Couhé, Gençay)", None, "association", "acces_aux_droits",
            "Trois associations agréées « Espace de Vie Sociale » par la CAF, à Civray, Couhé et Gençay : lieux d'accueil, d'information et d'activités ouverts à tous, relais pour l'accès aux droits.",
            TRUE, None, ["Livret de la CTG du Civraisien en Poitou (1er juillet 2019) : « 3 associations ayant l'agrément Espace de Vie Sociale réparties sur Civray, Couhé et Gençay »"],
            ["Le livret ne nomme pas ces associations : elles sont désignées par leur fonction et leur commune. " + ASK_CDC],
            ["osp-1.1.1", "osp-2.2.5", "os-3.1"], ["evs_civray", "evs_couhe", "evs_gencay"], kind="service"),
    benefit("multi_accueil", "Multi-accueil de Civray", None, "autre", "petite_enfance",
            "Le multi-accueil (11 places) de Civray accueille les jeunes enfants de façon régulière ou occasionnelle.",
            R.lab(ge(children(lt(AGE, 6)), 1), "un enfant de moins de 6 ans"),
            {"url": "https://monenfant.fr/", "label": "Recherche des modes d'accueil sur monenfant.fr (site de la CAF)"},
            ["Livret de la CTG : « 1 multi-accueil (11 places) sur le territoire à Civray »"],
            ["Condition simplifiée : les établissements d'accueil du jeune enfant reçoivent les enfants de moins de 6 ans, la CTG vise d'abord les moins de 3 ans. Places et admission : " + ASK_CDC],
            ["os-3.3", "osp-3.3.1", "osp-3.3.2"], ["multi_accueil_civray"], kind="service"),
    benefit("relais_petite_enfance", "Relais petite enfance (ex-RAM)", None, "autre", "petite_enfance",
            "Information des parents sur les modes d'accueil et accompagnement des assistantes maternelles ; le livret cite un RAM parmi les 3 structures petite enfance du territoire.",
            R.lab(ge(children(lt(AGE, 6)), 1), "un enfant de moins de 6 ans"),
            {"url": "https://monenfant.fr/", "label": "monenfant.fr"},
            ["Livret de la CTG : « 3 structures petite-enfance sur le territoire proposant un RAM, un LAEP »"],
            ["Les relais d'assistantes maternelles (RAM) s'appellent relais petite enfance depuis 2021. " + ASK_CDC],
            ["os-3.3", "osp-3.2.5", "osp-3.3.3"], ["rpe_civraisien"], kind="service"),
    benefit("laep", "Lieu d'accueil enfants-parents (LAEP)", None, "autre", "petite_enfance",
            "Un lieu où les jeunes enfants viennent avec un parent pour jouer, rencontrer d'autres familles et échanger avec des accueillants, librement et gratuitement.",
            R.lab(ge(children(lt(AGE, 6)), 1), "un enfant de moins de 6 ans"),
            {"url": "https://monenfant.fr/", "label": "monenfant.fr"},
            ["Livret de la CTG : « 3 structures petite-enfance sur le territoire proposant un RAM, un LAEP »"],
            ["Âge simplifié : les LAEP accueillent en général les enfants de moins de 6 ans. " + ASK_CDC],
            ["os-3.1", "os-3.2", "osp-3.2.5"], ["laep_civraisien"], kind="service"),
    benefit("accompagnement_social", "Accompagnement social (Maison départementale des solidarités, CCAS / CIAS)", None, "departement", "acces_aux_droits",
            "Travailleurs sociaux du Département et centres communaux ou intercommunal d'action sociale : aide aux démarches, aides d'urgence, accompagnement du RSA.",
            TRUE, {"url": "https://www.mesdroitssociaux.gouv.fr/", "label": "Simulateur national des droits sociaux"},
            ["Plan d'action de la CTG : « Maison Départementale des Solidarités », « CCAS et CIAS » (axe 1)"],
            ["Le livret ne donne ni adresse ni horaires : renseignez-vous auprès de votre mairie, de la Communauté de Communes ou du Département de la Vienne."],
            ["osp-1.1.2", "osp-1.2.6", "osp-2.1.7"], ["mds_vienne", "ccas_cias"], kind="service"),
    benefit("numerique", "Aide aux démarches en ligne et accès au numérique", None, "autre", "acces_aux_droits",
            "Des points d'accès au numérique (connexion, matériel) et des aidants formés pour faire ses démarches en ligne, objectif du plan pour les communes éloignées des centres.",
            TRUE, {"url": "https://www.france-services.gouv.fr/", "label": "Annuaire national des espaces France Services"},
            ["Plan d'action de la CTG, axe 2 : points d'accès au numérique, aidants numériques, visioguichet"],
            ["Le livret fixe des objectifs sans lister de lieux : " + ASK_CDC],
            ["osp-2.2.1", "osp-2.2.2", "osp-2.2.4"], POINTS, kind="service"),
    benefit("mobilite_solidaire", "Transport solidaire et aides à la mobilité", None, "autre", "mobilite",
            "Transport à la demande, transport solidaire, court-voiturage : le plan veut mieux faire connaître et développer ces solutions de proximité.",
            TRUE, None, ["Plan d'action de la CTG, objectif stratégique 2.1 (mobilités de proximité)"],
            ["Aucune offre précise n'est décrite par le livret : " + ASK_CDC + " Les CCAS et associations peuvent proposer une aide à la mobilité."],
            ["os-2.1", "osp-2.1.1", "osp-2.1.7", "osp-2.1.8"], ["ccas_cias"] + POINTS[:3], kind="service"),
    benefit("mobilite_jeunes", "Aides à la mobilité des jeunes (bilan mobilité, bourse au permis, aide au BSR)", None, "autre", "jeunesse",
            "Des dispositifs d'aide à la mobilité des 12-25 ans cités par le plan (bilan mobilité, bourse au permis, aide au brevet de sécurité routière).",
            R.lab(any_member(R.ALL({"between": [AGE, 12, 25]})), "un jeune de 12 à 25 ans dans le foyer"),
            None, ["Plan d'action de la CTG, objectif spécifique 4.1.1"],
            ["Conditions et montants propres à chaque dispositif, non décrits par le livret : renseignez-vous auprès de la Mission Locale, de la mairie ou de la Communauté de Communes."],
            ["os-4.1", "osp-4.1.1", "osp-4.1.2"], ["mission_locale"], kind="service"),
    benefit("mission_locale", "Mission Locale (insertion des 16-25 ans)", None, "mission_locale", "emploi",
            "Accompagnement des jeunes de 16 à 25 ans vers l'emploi, la formation, le logement, la santé et la mobilité.",
            R.lab(any_member({"between": [AGE, 16, 25]}), "un jeune de 16 à 25 ans dans le foyer"),
            {"url": "https://www.unml.info/", "label": "Annuaire national des Missions Locales"},
            ["Plan d'action de la CTG : « Mission Locale » (axe 5), insertion des 15-25 ans (axe 4)"],
            ["Le livret ne donne pas l'adresse de la Mission Locale compétente : voir l'annuaire national ou la mairie."],
            ["os-4.2", "osp-4.2.1", "osp-5.2.2"], ["mission_locale"], kind="service"),
    benefit("france_travail", "France Travail (ex-Pôle emploi)", None, "france_travail", "emploi",
            "Inscription comme demandeur d'emploi, indemnisation chômage, accompagnement et offres d'emploi.",
            R.lab(any_member(ALL(ADULTE, {"between": [AGE, 16, 66]})), "un adulte en âge de travailler"),
            {"url": "https://www.francetravail.fr/", "label": "francetravail.fr"},
            ["Plan d'action de la CTG : « Pôle emploi » (axe 5)"], [],
            ["os-5.2", "osp-5.2.2"], ["france_travail"], kind="service"),
    benefit("engagement_jeunes", "Service civique et BAFA", None, "etat", "jeunesse",
            "S'engager : mission de service civique (16-25 ans, jusqu'à 30 ans en situation de handicap) ou brevet d'aptitude aux fonctions d'animateur (BAFA, dès 17 ans).",
            R.lab(any_member({"between": [AGE, 16, 25]}), "un jeune de 16 à 25 ans dans le foyer"),
            {"url": "https://www.service-civique.gouv.fr/", "label": "service-civique.gouv.fr"},
            ["Plan d'action de la CTG, objectif stratégique 4.3"],
            ["Condition simplifiée à 16-25 ans (BAFA possible dès 17 ans sans âge maximal, service civique jusqu'à 30 ans pour les jeunes handicapés). Aides locales au BAFA : renseignez-vous auprès de la CAF, de la MSA ou de la Communauté de Communes."],
            ["os-4.3", "osp-4.3.1", "osp-4.3.2", "osp-4.3.5"], ["mission_locale"], kind="service"),
]

# ---------------------------------------------------------------- places

SRC = "Livret de la CTG du Civraisien en Poitou (1er juillet 2019)"
PLACES = [
    {"id": "evs_civray", "name": "Espace de vie sociale de Civray (association agréée, nom non donné par le livret)", "kind": "centre_social",
     "communes": ["86078"], "themes": ["animation_vie_sociale", "acces_aux_droits", "tout_public"]},
    {"id": "evs_couhe", "name": "Espace de vie sociale de Couhé, commune de Valence-en-Poitou (association agréée, nom non donné par le livret)", "kind": "centre_social",
     "communes": ["86082"], "themes": ["animation_vie_sociale", "acces_aux_droits", "tout_public"]},
    {"id": "evs_gencay", "name": "Espace de vie sociale de Gençay (association agréée, nom non donné par le livret)", "kind": "centre_social",
     "communes": ["86103"], "themes": ["animation_vie_sociale", "acces_aux_droits", "tout_public"]},
    {"id": "multi_accueil_civray", "name": "Multi-accueil de Civray (11 places)", "kind": "mode_de_garde",
     "communes": ["86078"], "themes": ["petite_enfance"]},
    {"id": "rpe_civraisien", "name": "Relais petite enfance du Civraisien (ex-RAM ; lieu non précisé par le livret)", "kind": "relais_petite_enfance",
     "communes": R.CIVRAISIEN, "themes": ["petite_enfance", "parentalite"]},
    {"id": "laep_civraisien", "name": "Lieu d'accueil enfants-parents du Civraisien (lieu non précisé par le livret)", "kind": "autre",
     "communes": R.CIVRAISIEN, "themes": ["parentalite", "petite_enfance"]},
    {"id": "mds_vienne", "name": "Maison départementale des solidarités (Département de la Vienne ; adresse à demander en mairie)", "kind": "service_departemental",
     "communes": R.CIVRAISIEN, "themes": ["acces_aux_droits"]},
    {"id": "ccas_cias", "name": "CCAS de votre commune ou CIAS (à demander en mairie)", "kind": "ccas",
     "communes": R.CIVRAISIEN, "themes": ["acces_aux_droits", "vieillissement", "mobilite"]},
    {"id": "mission_locale", "name": "Mission Locale compétente pour le Civraisien", "kind": "mission_locale",
     "communes": R.CIVRAISIEN, "themes": ["emploi_insertion", "enfance_jeunesse", "mobilite"],
     "contact": {"url": "https://www.unml.info/", "source": "Union nationale des Missions Locales (annuaire national)"}},
    {"id": "france_travail", "name": "France Travail (agence compétente pour votre commune)", "kind": "france_travail",
     "communes": R.CIVRAISIEN, "themes": ["emploi_insertion"],
     "contact": {"url": "https://www.francetravail.fr/", "source": "site national de France Travail"}},
    {"id": "caf_vienne", "name": "CAF de la Vienne", "kind": "caf", "communes": R.CIVRAISIEN, "themes": ["acces_aux_droits"],
     "contact": {"url": "https://www.caf.fr/", "source": "site national des CAF (choisir la CAF de la Vienne, 86)"}},
    {"id": "msa_poitou", "name": "MSA (caisse compétente pour la Vienne)", "kind": "msa", "communes": R.CIVRAISIEN, "themes": ["acces_aux_droits"],
     "contact": {"url": "https://www.msa.fr/", "source": "site national de la MSA"}},
]

MSA_WHEN = [{"question": "regime", "answer": "agricole", "institution": "msa"}]
for b in BENEFITS:
    if b["institution"] in ("caf",):
        b.setdefault("places", []).extend(["caf_vienne", "msa_poitou"])
    if b["id"] in ("af", "ars", "cf", "asf", "paje_base", "aeeh", "aide_logement", "rsa", "ppa", "aah", "aspa", "css"):
        # The paying body by regime: CAF (or Carsat, CPAM) for the general regime, MSA for the agricultural one.
        items = list(b.items())
        at = [k for k, _ in items].index("institution") + 1
        b.clear()
        b.update(items[:at] + [("institution_when", MSA_WHEN)] + items[at:])
BENEFITS[[b["id"] for b in BENEFITS].index("css")].setdefault("places", []).append("msa_poitou")
BENEFITS[[b["id"] for b in BENEFITS].index("aspa")].setdefault("places", []).append("msa_poitou")

NOTES = [
    "Outil d'orientation, pas un simulateur : les règles reprennent ce qu'OpenFisca-France 176.1.8 code pour chaque prestation (ressources, plafonds, forfait logement, majorations), avec les simplifications écrites à côté de chaque prestation. Seul l'organisme payeur décide du droit et du montant.",
    "Les paramètres sont lus dans les fichiers YAML d'openfisca-france 176.1.8 (tools/droits/build_droits.py) : valeur en vigueur au 1er janvier 2025 et toutes les valeurs datées jusqu'au 31 décembre 2026, chacune avec le texte cité par OpenFisca et le chemin du fichier.",
    "Revenus : montants mensuels déclarés par adulte, supposés stables ; les prestations familiales sous conditions de ressources retiennent en plus les revenus imposables de l'année N-2 du foyer.",
    "Organisme payeur : CAF au régime général, MSA au régime agricole (question « régime ») ; l'ASPA est versée par la caisse de retraite (Carsat ou MSA), la complémentaire santé solidaire par l'Assurance maladie ou la MSA.",
    "Lieux : le livret de la CTG (2019) cite les espaces de vie sociale de Civray, Couhé et Gençay, le multi-accueil de Civray, un RAM et un LAEP, sans adresse ni téléphone ; aucun n'est inventé ici. Contact CTG indiqué par le livret : ctg@civraisienpoitou.fr (2019, à vérifier).",
    "Accord mesuré avec OpenFisca-France sur ../shared/data/openfisca-cases.json : voir docs/conformance.md et `ctg rights conformance`.",
]


def member_scoped(name):
    return name.endswith("_membre")


def build():
    root = of_root()
    parameters = [read_param(root, spec) for spec in PM.PARAMS] + R.EXTRA_PARAMS
    derived = []
    for d in R.DERIVED:
        item = {"id": d[0], "label": d[1]}
        if member_scoped(d[0]):
            item["scope"] = "membre"
        item["value"] = d[2]
        derived.append(item)
    return {
        "format": "ctg-droits/1",
        "id": "civraisien-droits",
        "title": "Accès aux droits — Civraisien en Poitou",
        "version": "2025-2026 (OpenFisca-France 176.1.8)",
        "territory": "Communauté de Communes du Civraisien en Poitou (Vienne, 35 communes)",
        "sources": [
            {"title": "OpenFisca-France 176.1.8 (paramètres et formules)", "url": "https://github.com/openfisca/openfisca-france"},
            {"title": "La Convention Territoriale Globale du Civraisien en Poitou, livret du 1er juillet 2019"},
            {"title": "Fiches pratiques service-public.fr", "url": "https://www.service-public.fr/"},
        ],
        "questions": R.QUESTIONS,
        "parameters": parameters,
        "derived": derived,
        "benefits": BENEFITS + SERVICES,
        "places": PLACES,
        "notes": NOTES,
    }


if __name__ == "__main__":
    json.dump(build(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
