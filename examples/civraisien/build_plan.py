#!/usr/bin/env python3
"""How examples/civraisien/plan.json was generated from its two sources.

    python3 examples/civraisien/build_plan.py      # from the repository root

Reads the booklet text (../shared/seed/000_fc6b21f229632cdb.txt) and the communes file
(../shared/data/communes-civraisien.json), or the folder named by CTG_SHARED_DIR, and writes
examples/civraisien/plan.json. The line ranges below are the reading of the PDF layout
(each axis's first objectif stratégique is printed before its heading; the objectifs
spécifiques are the blank-line-separated paragraphs after "OBJECTIFS SPÉCIFIQUES", split
between the objectifs stratégiques in column order). plan.json is the reference;
tests/civraisien.rs checks it against both sources.
"""
import collections
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get('CTG_SHARED_DIR') or os.path.join(ROOT, '..', 'shared')
OUT = os.path.join(ROOT, 'examples', 'civraisien', 'plan.json')

L = open(os.path.join(SHARED, 'seed', '000_fc6b21f229632cdb.txt'), encoding='utf-8').read().split('\n')
def line(n): return L[n-1]
def norm(lines):
    out = ''
    for l in lines:
        l = l.strip()
        if not l: continue
        if not out: out = l
        elif out.endswith('-') or out.endswith('/'): out += l
        else: out += ' ' + l
    return ' '.join(x for x in out.split(' ') if x != '')
def rng(a,b): return norm(L[a-1:b])
# Objectifs stratégiques: (first line, last line) in the booklet text, 1-based.
SO = {
 '1.1': (440,444), '1.2': (455,462),
 '2.1': (527,533), '2.2': (544,547),
 '3.1': (620,624), '3.2': (635,636), '3.3': (638,642),
 '4.1': (738,741), '4.2': (752,755), '4.3': (757,760),
 '5.1': (845,849), '5.2': (859,862), '5.3': (864,870),
}
# Objectifs spécifiques of each axis: the lines after its "OBJECTIFS SPÉCIFIQUES" heading.
SPEC_BLOCKS = {1:(465,526), 2:(550,619), 3:(645,737), 4:(763,844), 5:(873,975)}
def paragraphs(a,b):
    paras=[]; cur=[]
    for l in L[a-1:b]:
        if l.strip()=='' :
            if cur: paras.append(cur); cur=[]
        else: cur.append(l)
    if cur: paras.append(cur)
    return [norm(p) for p in paras]
# How many objectifs spécifiques each objectif stratégique has, in column order.
SPLIT = {1:[5,7], 2:[8,6], 3:[8,9,7], 4:[5,5,7], 5:[7,7,5]}
res = {}
for ax,(a,b) in SPEC_BLOCKS.items():
    ps = paragraphs(a,b)
    assert len(ps)==sum(SPLIT[ax]), (ax,len(ps),ps[-1])
    i=0
    for k,n in enumerate(SPLIT[ax],1):
        key=f'{ax}.{k}'
        res[key]={'title':rng(*SO[key]),'specific':ps[i:i+n]}
        i+=n

O = res
C = json.load(open(os.path.join(SHARED, 'data', 'communes-civraisien.json'), encoding='utf-8'))
SRC = 'livret-ctg-2019'
DEC = 'decoupage-administratif-6.0.0'

AXES = {
 1: ("Penser l’action sociale de façon concertée sur le territoire", ["coordination", "animation_vie_sociale", "vieillissement"]),
 2: ("Accompagner l’accès aux droits pour les habitants", ["acces_aux_droits", "mobilite", "inclusion_numerique"]),
 3: ("Renforcer l’attractivité du territoire par la valorisation des services aux familles", ["petite_enfance", "parentalite", "enfance_jeunesse", "information"]),
 4: ("Construire un parcours d’avenir pour la jeunesse (12-25 ans)", ["enfance_jeunesse", "mobilite", "emploi_insertion"]),
 5: ("Vivre la ruralité comme une force du territoire", ["developpement_local", "emploi_insertion", "animation_vie_sociale"]),
}
SO_THEMES = {
 '1.1': ["animation_vie_sociale", "coordination"], '1.2': ["coordination", "information"],
 '2.1': ["mobilite", "acces_aux_droits"], '2.2': ["acces_aux_droits", "inclusion_numerique"],
 '3.1': ["information", "acces_aux_droits"], '3.2': ["coordination", "enfance_jeunesse"], '3.3': ["petite_enfance"],
 '4.1': ["mobilite", "enfance_jeunesse"], '4.2': ["emploi_insertion", "enfance_jeunesse"], '4.3': ["enfance_jeunesse"],
 '5.1': ["developpement_local"], '5.2': ["emploi_insertion", "coordination"], '5.3': ["animation_vie_sociale", "developpement_local"],
}
T = {  # themes, publics
 '1.1.1': (["animation_vie_sociale", "information"], ["tout_public"]),
 '1.1.2': (["coordination", "vieillissement"], ["professionnels"]),
 '1.1.3': (["coordination", "information"], []),
 '1.1.4': (["vieillissement"], ["personnes_isolees"]),
 '1.1.5': (["mobilite"], []),
 '1.2.1': (["coordination"], ["professionnels"]),
 '1.2.2': (["coordination"], ["professionnels"]),
 '1.2.3': (["vieillissement"], ["seniors", "personnes_isolees"]),
 '1.2.4': (["coordination"], ["professionnels"]),
 '1.2.5': (["animation_vie_sociale"], ["associations"]),
 '1.2.6': (["coordination"], ["professionnels", "associations", "entreprises"]),
 '1.2.7': (["information"], ["tout_public"]),
 '2.1.1': (["mobilite", "information"], ["tout_public"]),
 '2.1.2': (["acces_aux_droits", "information"], ["tout_public", "personnes_isolees"]),
 '2.1.3': (["acces_aux_droits"], []),
 '2.1.4': (["mobilite"], []),
 '2.1.5': (["acces_aux_droits", "mobilite"], []),
 '2.1.6': (["acces_aux_droits", "emploi_insertion"], ["entreprises"]),
 '2.1.7': (["mobilite", "acces_aux_droits"], []),
 '2.1.8': (["mobilite"], []),
 '2.2.1': (["acces_aux_droits", "inclusion_numerique", "sante"], []),
 '2.2.2': (["inclusion_numerique"], []),
 '2.2.3': (["inclusion_numerique", "acces_aux_droits"], []),
 '2.2.4': (["inclusion_numerique"], []),
 '2.2.5': (["acces_aux_droits", "information"], []),
 '2.2.6': (["inclusion_numerique"], []),
 '3.1.1': (["information", "coordination"], []),
 '3.1.2': (["information", "acces_aux_droits"], []),
 '3.1.3': (["information", "acces_aux_droits"], []),
 '3.1.4': (["information", "acces_aux_droits"], []),
 '3.1.5': (["information", "acces_aux_droits"], []),
 '3.1.6': (["information", "acces_aux_droits"], []),
 '3.1.7': (["information"], ["familles"]),
 '3.1.8': (["information"], ["professionnels", "familles"]),
 '3.2.1': (["coordination", "enfance_jeunesse"], ["associations", "professionnels"]),
 '3.2.2': (["coordination"], ["professionnels"]),
 '3.2.3': (["coordination"], ["professionnels"]),
 '3.2.4': (["coordination"], []),
 '3.2.5': (["enfance_jeunesse", "petite_enfance", "coordination"], ["parents", "seniors", "elus", "professionnels"]),
 '3.2.6': (["animation_vie_sociale", "vieillissement"], []),
 '3.2.7': (["emploi_insertion", "enfance_jeunesse"], ["entreprises", "jeunes"]),
 '3.2.8': (["mobilite", "coordination"], []),
 '3.2.9': (["mobilite", "culture_loisirs"], []),
 '3.3.1': (["petite_enfance"], ["petite_enfance"]),
 '3.3.2': (["petite_enfance", "handicap"], ["familles", "personnes_handicapees", "demandeurs_emploi"]),
 '3.3.3': (["petite_enfance"], ["familles"]),
 '3.3.4': (["petite_enfance", "information"], ["elus"]),
 '3.3.5': (["petite_enfance"], ["petite_enfance"]),
 '3.3.6': (["petite_enfance", "enfance_jeunesse"], []),
 '3.3.7': (["petite_enfance", "information"], ["familles"]),
 '4.1.1': (["mobilite", "information"], ["jeunes"]),
 '4.1.2': (["mobilite"], ["jeunes"]),
 '4.1.3': (["mobilite"], ["jeunes"]),
 '4.1.4': (["mobilite"], ["jeunes"]),
 '4.1.5': (["mobilite", "coordination"], ["jeunes"]),
 '4.2.1': (["emploi_insertion", "information", "parentalite"], ["parents", "jeunes"]),
 '4.2.2': (["emploi_insertion"], ["jeunes", "entreprises"]),
 '4.2.3': (["emploi_insertion", "enfance_jeunesse"], ["jeunes"]),
 '4.2.4': (["enfance_jeunesse", "emploi_insertion"], ["jeunes"]),
 '4.2.5': (["emploi_insertion", "information"], ["jeunes", "professionnels"]),
 '4.3.1': (["enfance_jeunesse"], ["jeunes"]),
 '4.3.2': (["enfance_jeunesse"], ["jeunes"]),
 '4.3.3': (["enfance_jeunesse"], ["jeunes"]),
 '4.3.4': (["enfance_jeunesse"], ["jeunes"]),
 '4.3.5': (["enfance_jeunesse", "information"], ["jeunes"]),
 '4.3.6': (["enfance_jeunesse", "coordination"], ["jeunes"]),
 '4.3.7': (["enfance_jeunesse"], ["jeunes"]),
 '5.1.1': (["developpement_local", "inclusion_numerique"], ["tout_public"]),
 '5.1.2': (["developpement_local"], ["jeunes", "tout_public"]),
 '5.1.3': (["developpement_local"], []),
 '5.1.4': (["developpement_local"], ["entreprises"]),
 '5.1.5': (["emploi_insertion", "developpement_local"], []),
 '5.1.6': (["developpement_local"], []),
 '5.1.7': (["developpement_local", "coordination"], []),
 '5.2.1': (["emploi_insertion", "coordination"], []),
 '5.2.2': (["emploi_insertion", "coordination"], []),
 '5.2.3': (["emploi_insertion", "coordination"], []),
 '5.2.4': (["emploi_insertion"], ["seniors"]),
 '5.2.5': (["emploi_insertion"], ["entreprises", "jeunes", "nouveaux_arrivants", "seniors"]),
 '5.2.6': (["emploi_insertion"], ["entreprises"]),
 '5.2.7': (["emploi_insertion"], ["demandeurs_emploi"]),
 '5.3.1': (["animation_vie_sociale"], ["associations", "seniors", "nouveaux_arrivants", "familles"]),
 '5.3.2': (["developpement_local"], ["entreprises"]),
 '5.3.3': (["developpement_local", "culture_loisirs"], []),
 '5.3.4': (["emploi_insertion"], ["jeunes", "familles", "nouveaux_arrivants", "seniors"]),
 '5.3.5': (["developpement_local", "coordination"], []),
}
DUE = {
 '1.2.1': ("2019-12-31", "avant fin 2019"),
 '1.2.2': ("2020-12-31", "d’ici 2020"),
 '4.2.4': ("2019-12-31", "dès 2019"),
 '5.2.1': ("2019-12-31", "fin 2019"),
 '5.2.3': ("2020-12-31", "dès 2020"),
}
assert set(T) == {f'{k}.{j}' for k,v in O.items() for j in range(1,len(v['specific'])+1)}
for k,(d,t) in DUE.items():
    a,b,c = k.split('.')
    assert t in O[f'{a}.{b}']['specific'][int(c)-1], k

# The illustrative follow-up indicators (second task: issue 3 item 6).
ILL = 'donnees-illustratives'
def m(date, value, comment=None, commune=None):
    o = collections.OrderedDict(date=date, value=value, source=ILL)
    if comment: o['comment'] = comment
    if commune: o['commune'] = commune
    return o
def fi(id, label, unit, kind, direction, baseline, target, measurements, source, verification, note, cumulative=False, intermediate=None):
    o = collections.OrderedDict(id=id, label=label, unit=unit, kind=kind, direction=direction)
    if baseline: o['baseline'] = dict(date=baseline[0], value=baseline[1])
    if target: o['target'] = dict(date=target[0], value=target[1])
    if intermediate: o['intermediate_targets'] = [dict(date=d, value=v) for d, v in intermediate]
    if cumulative: o['cumulative'] = True
    o['verification'] = verification
    o['source'] = source
    o['illustrative'] = True
    o['note'] = note
    if measurements: o['measurements'] = measurements
    return o
ILL_NOTE = "Illustratif : la cible et les mesures sont inventées pour montrer le suivi, ce ne sont pas des chiffres du territoire."
INDICATORS = {
 '3.3.1': [
  fi('ind-places-accueil-moins-3-ans', "Places d’accueil collectif des moins de 3 ans", 'places', 'resultat', 'hausse',
     ('2019-07-01', 11), ('2024-06-30', 35),
     [m('2019-12-31', 11), m('2020-12-31', 11), m('2021-12-31', 23), m('2022-12-31', 23), m('2023-12-31', 31)],
     SRC, "Places agréées des établissements d’accueil du jeune enfant du territoire, au 31 décembre.",
     "Valeur de départ réelle : les 11 places du multi-accueil de Civray, seul multi-accueil du territoire selon le livret (diagnostic 2018), datées ici de la signature. " + ILL_NOTE,
     intermediate=[('2021-12-31', 20)]),
  fi('ind-structures-accueil-moins-3-ans', "Structures d’accueil des moins de 3 ans", 'structures', 'resultat', 'hausse',
     ('2019-07-01', 1), ('2024-06-30', 3),
     [m('2020-12-31', 1), m('2021-12-31', 2), m('2022-12-31', 2), m('2023-12-31', 2)],
     SRC, "Établissements d’accueil du jeune enfant en activité sur le territoire, au 31 décembre.",
     "Valeur de départ réelle : 1 multi-accueil (Civray) selon le livret. " + ILL_NOTE),
 ],
 '3.1.2': [
  fi('ind-lieux-ressources', "Lieux ressources sur le territoire, et par pôle", 'lieux ressources', 'resultat', 'hausse',
     ('2019-07-01', 3), ('2024-06-30', 9),
     [m('2020-12-31', 4), m('2021-12-31', 5), m('2022-12-31', 6), m('2023-12-31', 7),
      m('2023-12-31', 3, "pôle de Civray (lieux situés à Civray)", '86078'),
      m('2023-12-31', 2, "pôle de Couhé (lieux situés à Valence-en-Poitou)", '86082'),
      m('2023-12-31', 2, "pôle de Gençay (lieux situés à Gençay)", '86103')],
     SRC, "Recensement annuel des lieux ressources répondant à la définition commune (objectif 3.1.1), par pôle.",
     "Valeur de départ : les 3 associations agréées « Espace de Vie Sociale » du livret, une par pôle (Civray, Couhé, Gençay), prises comme premiers lieux ressources ; c’est une lecture, le livret ne les nomme pas ainsi. La répartition par pôle est donnée par commune d’implantation. " + ILL_NOTE),
 ],
 '3.1.4': [
  fi('ind-frequentation-lieux-ressources', "Fréquentation des structures ressources existantes", 'passages par an', 'resultat', 'hausse',
     ('2019-12-31', 4000), ('2024-06-30', 6000),
     [m('2020-12-31', 3100), m('2021-12-31', 4200), m('2022-12-31', 5000), m('2023-12-31', 5600)],
     ILL, "Passages comptés sur l’année par les structures ressources existantes.",
     "Le livret ne donne pas de valeur de départ. " + ILL_NOTE + " La valeur de départ l’est aussi."),
 ],
 '2.2.4': [
  fi('ind-points-acces-numerique', "Points d’accès au numérique (connexion, matériel)", 'points d’accès', 'moyens', 'hausse',
     ('2019-12-31', 2), ('2024-06-30', 10),
     [m('2020-12-31', 3), m('2021-12-31', 5), m('2022-12-31', 8), m('2023-12-31', 10)],
     ILL, "Points d’accès ouverts au public, recensés au 31 décembre.",
     "Le livret ne donne pas de valeur de départ. " + ILL_NOTE + " La valeur de départ l’est aussi."),
 ],
 '2.2.6': [
  fi('ind-zones-blanches', "Communes comptant une zone blanche", 'communes', 'resultat', 'baisse',
     ('2019-12-31', 8), ('2024-06-30', 0),
     [m('2020-12-31', 7), m('2021-06-30', 6)],
     ILL, "Communes où une partie habitée n’a pas de couverture mobile ou internet, selon les cartes de couverture.",
     "Le livret ne donne pas de valeur de départ. " + ILL_NOTE + " La valeur de départ l’est aussi ; la dernière mesure date de mi-2021, pour montrer des données trop anciennes."),
 ],
 '1.2.1': [
  fi('ind-recensement-acteurs-sociaux', "Actions et acteurs des champs sociaux et péri-sociaux recensés", 'acteurs et actions', 'moyens', 'hausse',
     ('2019-07-01', 0), ('2019-12-31', 150),
     [m('2019-12-31', 110), m('2020-06-30', 150), m('2021-12-31', 160), m('2022-12-31', 165), m('2023-12-31', 170)],
     ILL, "Fiches de l’annuaire des acteurs et actions, mises à jour chaque année.",
     "Échéance du livret : « avant fin 2019 ». " + ILL_NOTE),
 ],
 '4.2.4': [
  fi('ind-permanences-etablissements', "Établissements scolaires accueillant des permanences d’acteurs locaux", 'établissements', 'moyens', 'hausse',
     ('2019-07-01', 0), ('2024-06-30', 6),
     [m('2019-12-31', 1), m('2020-12-31', 2), m('2021-12-31', 3), m('2022-12-31', 4), m('2023-12-31', 4)],
     ILL, "Établissements où une permanence s’est tenue au moins une fois par mois pendant l’année scolaire.",
     "Le livret demande ces permanences « dès 2019 » : un premier établissement est visé fin 2019. " + ILL_NOTE,
     intermediate=[('2019-12-31', 1)]),
 ],
 '4.3.1': [
  fi('ind-structures-service-civique', "Structures d’accueil de jeunes en service civique", 'structures', 'moyens', 'hausse',
     ('2019-12-31', 4), ('2024-06-30', 10),
     [m('2020-12-31', 5), m('2021-12-31', 6), m('2022-12-31', 6), m('2023-12-31', 7)],
     ILL, "Structures du territoire ayant accueilli au moins un volontaire dans l’année.",
     "Le livret ne donne pas de valeur de départ. " + ILL_NOTE + " La valeur de départ l’est aussi."),
  fi('ind-jeunes-service-civique', "Jeunes du territoire en service civique", 'jeunes', 'resultat', 'hausse',
     ('2019-12-31', 8), ('2024-06-30', 20),
     [m('2020-12-31', 9), m('2021-12-31', 12), m('2022-12-31', 15), m('2023-12-31', 18)],
     ILL, "Jeunes du territoire ayant effectué une mission de service civique dans l’année.",
     "Le livret ne donne pas de valeur de départ. " + ILL_NOTE + " La valeur de départ l’est aussi."),
 ],
 '4.3.2': [
  fi('ind-jeunes-bafa', "Jeunes du territoire diplômés du BAFA", 'jeunes diplômés', 'resultat', 'hausse',
     ('2019-07-01', 0), ('2024-06-30', 60),
     [m('2019-12-31', 6), m('2020-12-31', 4), m('2021-12-31', 10), m('2022-12-31', 12), m('2023-12-31', 13)],
     ILL, "Diplômes BAFA délivrés dans l’année à des jeunes domiciliés sur le territoire.",
     "Indicateur cumulatif : chaque mesure compte les diplômés de l’année, la cible le total depuis la signature. " + ILL_NOTE,
     cumulative=True),
 ],
 '5.1.5': [
  fi('ind-emplois-economie-circulaire', "Emplois créés dans l’économie circulaire", 'emplois', 'resultat', 'hausse',
     ('2019-07-01', 0), ('2024-06-30', 25), [],
     ILL, "Emplois créés recensés auprès des structures de l’économie circulaire du territoire.",
     "Indicateur cumulatif, sans mesure encore, pour montrer « pas de données ». " + ILL_NOTE,
     cumulative=True),
 ],
}
axes = []
for n,(title,themes) in AXES.items():
    sos = []
    for key,v in O.items():
        if not key.startswith(f'{n}.'): continue
        specs = []
        for j,s in enumerate(v['specific'],1):
            sid = f'{key}.{j}'
            th,pu = T[sid]
            o = collections.OrderedDict(id=f'osp-{sid}', title=s)
            if sid in DUE: o['due'] = dict(date=DUE[sid][0], text=DUE[sid][1])
            o['themes'] = th
            if pu: o['publics'] = pu
            if sid in INDICATORS: o['indicators'] = INDICATORS[sid]
            specs.append(o)
        sos.append(collections.OrderedDict(id=f'os-{key}', title=v['title'], themes=SO_THEMES[key], specific_objectives=specs))
    axes.append(collections.OrderedDict(id=f'axe-{n}', number=n, title=title, themes=themes, strategic_objectives=sos))

# territory
MERGED = {
 '86082': "Commune nouvelle : ses communes déléguées sont Ceaux-en-Couhé (86043), Châtillon (86067), Couhé (86082), Payré (86188) et Vaux (86278) (source : @etalab/decoupage-administratif 6.0.0, data/communes.json, entrées « commune-deleguee » de chef-lieu 86082). Couhé, pôle du livret, en fait partie.",
 '86247': "Commune nouvelle : ses communes déléguées sont Saint-Macoux (86231) et Saint-Saviol (86247) (source : @etalab/decoupage-administratif 6.0.0, data/communes.json, entrées « commune-deleguee » de chef-lieu 86247).",
}
communes = []
for c in sorted(C['communes'], key=lambda c: c['insee']):
    o = collections.OrderedDict(insee=c['insee'], name=c['nom'], postal_codes=c['codesPostaux'], population=c['population'])
    if c['insee'] in MERGED: o['note'] = MERGED[c['insee']]
    communes.append(o)
assert len(communes) == 35
pop = sum(c['population'] for c in C['communes'])
assert pop == C['epci']['populationMunicipale']
POLE_NOTE = "Le livret nomme les trois pôles (Civray, Couhé, Gençay) sans en donner le périmètre : seule la commune centrale du pôle est indiquée ici, aucune autre commune n’y est rattachée faute de source."
territory = collections.OrderedDict(
  epci=dict(siren=C['epci']['siren'], name="Communauté de Communes du Civraisien en Poitou"),
  communes=communes,
  poles=[
    dict(id='pole-civray', name='Civray', communes=['86078'], note=POLE_NOTE),
    dict(id='pole-couhe', name='Couhé', communes=['86082'], note=POLE_NOTE + " Couhé est aujourd’hui une commune déléguée de Valence-en-Poitou (86082), commune nouvelle qui porte l’ancien code INSEE de Couhé."),
    dict(id='pole-gencay', name='Gençay', communes=['86103'], note=POLE_NOTE),
  ],
  notes=[
    "Le livret (1er juillet 2019) compte 40 communes au 1er janvier 2017, la CdC étant « née en 2017 de la fusion de 3 anciennes Communautés de Communes ». Le fichier des communes (@etalab/decoupage-administratif 6.0.0) en compte 35 aujourd’hui : les regroupements en communes nouvelles expliquent l’écart (40 − 5 = 35), Valence-en-Poitou réunissant 5 anciennes communes (Ceaux-en-Couhé, Châtillon, Couhé, Payré, Vaux) et Val-de-Comporté 2 (Saint-Macoux, Saint-Saviol), d’après les entrées « commune-deleguee » de data/communes.json. Les dates de ces fusions ne figurent pas dans ces sources et ne sont pas données ici.",
    f"Les communes, leurs codes postaux et leurs populations viennent de @etalab/decoupage-administratif 6.0.0 (data/communes.json, data/epci.json ; paquet de millésime 2026). La population indiquée est la population municipale légale de l’INSEE telle que le paquet la publie ; le paquet ne précise pas l’année de référence de ce recensement. Leur somme ({format(pop, ',').replace(',', ' ')} habitants) est égale à la population municipale de l’EPCI dans data/epci.json (population totale : {format(C['epci']['populationTotale'], ',').replace(',', ' ')}).",
    "Le nom de l’EPCI est celui qu’emploie le livret ; data/epci.json le nomme « CC du Civraisien en Poitou » (SIREN 200070035).",
  ],
)

def ind(id, label, value, unit, year=None, date=None, period=None, scope=None, refs=None, themes=None, note=None):
    o = collections.OrderedDict(id=id, label=label, value=value, unit=unit)
    if year is not None: o['year'] = year
    if date: o['date'] = date
    if period: o['period'] = period
    if scope: o['scope'] = scope
    if refs: o['references'] = [dict(level=l, value=v) for l,v in refs]
    o['source'] = SRC
    if themes: o['themes'] = themes
    if note: o['note'] = note
    return o
D = 'departement'
indicators = [
 ind('diag-communes-2017', 'Communes de la CdC', 40, 'communes', year=2017, date='2017-01-01', note="« 40 communes (au 1er janvier 2017) » ; 35 aujourd’hui après les regroupements en communes nouvelles (voir les notes du territoire)."),
 ind('diag-cdc-fusionnees', 'Anciennes communautés de communes fusionnées', 3, 'communautés de communes', year=2017, note="« Née en 2017 de la fusion de 3 anciennes Communautés de Communes »."),
 ind('diag-superficie', 'Superficie', 888, 'km²'),
 ind('diag-part-superficie-vienne', 'Part de la superficie de la Vienne', 13, '%', note="« soit près de 13 % de la Vienne » : valeur approchée."),
 ind('diag-densite', 'Densité de population', 30.9, 'hab/km²', refs=[(D, 62.2)], note="Le texte dit « un peu moins de 31 habitants au km² », l’encadré « 30,9 hab/km² (Densité département 62,2 hab/km²) » ; année non précisée."),
 ind('diag-population-civray', 'Population de Civray, commune la plus peuplée', 2700, 'habitants', year=2017, date='2017-01-01', note="« moins de 2 700 habitants » : borne supérieure, non valeur exacte."),
 ind('diag-population', 'Population', 27400, 'habitants', note="Valeur arrondie du livret, année non précisée."),
 ind('diag-part-population-vienne', 'Part de la population départementale', 6, '%', note="« 6% de la population départementale »."),
 ind('diag-croissance-population', 'Croissance de la population', -0.1, '%', refs=[(D, 0.4), ('region', 0.6)], themes=['vieillissement'], note="« une croissance négative de sa population de -0,1 % contrairement aux références départementales (+0,4 %) et régionales (+0,6 %) » ; le livret ne précise ni la période ni s’il s’agit d’un taux annuel."),
 ind('diag-cadres', 'Proportion de cadres', 8, '%', refs=[(D, 14)], themes=['emploi_insertion'], note="« une faible proportion de cadre (8 % vs 14 %) », comparée à la situation départementale."),
 ind('diag-diplomes-superieur', 'Proportion de diplômés du supérieur', 30, '%', scope='25-34 ans', refs=[(D, 42)], themes=['emploi_insertion'], note="« 30 % vs 42 % des 25-34 ans », comparée à la situation départementale."),
 ind('diag-non-imposition', 'Foyers fiscaux non imposés', 69, '%', scope='foyers fiscaux', refs=[(D, 60)], note="« un taux de non-imposition élevé (69 % vs 60 %) »."),
 ind('diag-retraites-exoneres-csg', 'Retraités exonérés de la Contribution Sociale Générale', 34, '%', scope='retraités', refs=[(D, 25)], themes=['vieillissement'], note="« une forte proportion de retraités exonérés de la Contribution Sociale Générale (34 % vs 25 %) »."),
 ind('diag-taux-pauvrete', 'Taux de pauvreté', 19, '%', refs=[(D, 14)], themes=['acces_aux_droits'], note="« un taux de pauvreté important (19 % vs 14 %) »."),
 ind('diag-menages-allocataires', 'Ménages allocataires de prestations familiales ou sociales', 38, '%', scope='ménages', refs=[(D, 46)], themes=['acces_aux_droits'], note="« une plus faible proportion de ménages allocataires de prestations familiales ou sociales (38 % vs 46 %) »."),
 ind('diag-60-ans-et-plus', 'Part des 60 ans et plus', 35, '%', year=2015, scope='60 ans et plus', themes=['vieillissement']),
 ind('diag-75-ans-et-plus', 'Part des plus de 75 ans', 15, '%', year=2015, scope='plus de 75 ans', themes=['vieillissement'], note="« 35 % de 60 ans et plus dont 15 % de plus de 75 ans » (2015) : part de la population totale."),
 ind('diag-solde-naturel', 'Solde naturel', -600, 'habitants', period='2009-2015', note="« - 600 habitants entre 2009 et 2015 (solde naturel) »."),
 ind('diag-solde-migratoire', 'Solde migratoire', 458, 'habitants', period='2009-2015', note="« un solde migratoire positif (+458 habitants sur cette période) »."),
 ind('diag-residences-avant-1946', 'Résidences principales construites avant 1946', 43, '%', scope='résidences principales', themes=['logement']),
 ind('diag-residences-sans-confort', 'Résidences principales sans confort (ni baignoire ni douche)', 94, 'résidences principales', themes=['logement'], note="Le texte dit « près d’une centaine », l’encadré « Zoom sur l’habitat » donne 94."),
 ind('diag-licencies-garcons', 'Licenciés sportifs : garçons', 96, '%', scope='garçons', themes=['culture_loisirs'], note="« Parmi les licenciés sportifs : 96 % chez les garçons et 66 % chez les filles » : le livret ne précise pas le dénominateur. Le texte voisin note une forte densité en équipements sportifs, une moindre proportion de licenciés chez les adultes et séniors et, chez les moins de 20 ans, un nombre de licences rapporté à la population plus élevé que dans le reste du département."),
 ind('diag-licencies-filles', 'Licenciés sportifs : filles', 66, '%', scope='filles', themes=['culture_loisirs'], note="Voir diag-licencies-garcons : dénominateur non précisé par le livret."),
 ind('diag-espaces-vie-sociale', 'Associations agréées « Espace de Vie Sociale »', 3, 'associations', themes=['animation_vie_sociale'], note="« réparties sur Civray, Couhé et Gençay »."),
 ind('diag-couverture-caf', 'Population couverte par la CAF', 37.8, '%', year=2014, scope='population légale', themes=['acces_aux_droits'], note="« 37,80% de la population légale de 2014 du Civraisien en Poitou était couverte par la CAF (APL, Allocations familiale, versement du RSA) »."),
 ind('diag-familles-monoparentales', 'Familles monoparentales parmi les familles avec enfants', 10, '%', year=2014, scope='familles ayant des enfants', themes=['parentalite']),
 ind('diag-multi-accueil', 'Multi-accueils', 1, 'établissements', themes=['petite_enfance'], note="« 1 multi-accueil (11 places) sur le territoire à Civray » ; le livret ne date pas ce chiffre (diagnostic de février à juillet 2018)."),
 ind('diag-places-multi-accueil', 'Places en multi-accueil', 11, 'places', themes=['petite_enfance'], note="Les 11 places du multi-accueil de Civray ; chiffre non daté (diagnostic 2018, livret 2019)."),
 ind('diag-structures-petite-enfance', 'Structures petite enfance', 3, 'structures', themes=['petite_enfance', 'parentalite'], note="« 3 structures petite-enfance sur le territoire proposant un RAM, un LAEP » : libellé repris tel quel, le livret n’en dit pas plus."),
 ind('diag-eleves', 'Élèves de la maternelle au lycée', 4058, 'élèves', themes=['enfance_jeunesse']),
 ind('diag-ulis', 'Sections ULIS (unité localisée pour l’inclusion scolaire)', 1, 'sections', themes=['enfance_jeunesse', 'handicap']),
 ind('diag-colleges-publics', 'Collèges publics', 3, 'établissements', themes=['enfance_jeunesse']),
 ind('diag-colleges-prives', 'Collèges privés', 3, 'établissements', themes=['enfance_jeunesse']),
 ind('diag-lycees-publics', 'Lycées publics (enseignement général et professionnel)', 2, 'établissements', themes=['enfance_jeunesse']),
 ind('diag-lycees-prives', 'Lycées privés (enseignement professionnel, et enseignement traditionnaliste catholique)', 2, 'établissements', themes=['enfance_jeunesse']),
 ind('diag-mfr', 'Maisons Familiales et Rurales', 1, 'établissements', themes=['enfance_jeunesse']),
 ind('diag-ime', 'Instituts Médico-Educatifs', 1, 'établissements', themes=['enfance_jeunesse', 'handicap']),
 ind('diag-itep', 'Instituts Thérapeutiques Educatifs et Pédagogiques', 1, 'établissements', themes=['enfance_jeunesse', 'handicap']),
 ind('diag-axes-transversaux', 'Axes transversaux prioritaires issus du diagnostic', 11, 'axes', year=2018, note="L’analyse du diagnostic (février à juillet 2018) « a permis de déterminer 11 axes transversaux prioritaires »."),
 ind('diag-axes-strategiques', 'Axes stratégiques retenus par les élus', 5, 'axes', note="« les élus ont pu faire ressortir 5 axes stratégiques » à partir des 11 axes transversaux."),
]
ids = [i['id'] for i in indicators]; assert len(ids)==len(set(ids))

def finding(id, title, text, axes, themes):
    return collections.OrderedDict(id=id, title=title, text=text, axes=axes, themes=themes, source=SRC)
findings = [
 finding('constat-territoire-contraste', "Une population âgée, un faible dynamisme, un territoire contrasté",
   "La CdC « se caractérise par une population particulièrement âgée et également par un faible dynamisme » ; les indicateurs de niveau de vie sont « plutôt défavorables comparativement à la situation départementale ». La cartographie des inégalités sociales par bassins de vie fait apparaître « un territoire rural contrasté avec un sud du territoire en vulnérabilité économique et un nord, plus proche géographiquement de Poitiers, plutôt favorisé ».",
   ['axe-1', 'axe-2'], ['vieillissement', 'acces_aux_droits']),
 finding('constat-coordination', "Un maillage associatif important mais peu coordonné",
   "« Le Civraisien en Poitou est doté d’un important maillage associatif, de différents types de solidarités existantes, d’acteurs et d’actions plus ou moins éparses. Les professionnels du territoire ont mis en avant un certain manque de coordination de ces actions et acteurs, de la difficulté des habitants de s’inscrire dans les actions existantes. »",
   ['axe-1'], ['coordination', 'animation_vie_sociale']),
 finding('constat-isolement', "Le sentiment d’abandon et l’isolement",
   "Pendant le diagnostic, un axe est apparu autour de la thématique de l’abandon, avec « le sentiment d’abandon du territoire », une certaine solitude chez certains publics, appuyé par une certaine méconnaissance du territoire et participant à « une tendance à l’isolement de la population » : un isolement à la fois géographique, du fait de la ruralité, et lié au manque de cohésion entre les acteurs qui ne font pas « système ». Le livret note aussi un « potentiel de développement écologique dans son sens primaire (développement des acteurs en relation avec leur environnement, et entre ces acteurs) ».",
   ['axe-1', 'axe-2'], ['vieillissement', 'coordination']),
 finding('constat-mobilite', "La mobilité, problématique endémique du territoire rural",
   "Les professionnels ont mis en avant des « problématiques endémiques au territoire rural », telle que la question de la mobilité et de son accès selon le public (des jeunes aux séniors), pour le travail, les loisirs, les obligations quotidiennes. L’accès aux droits communs (droits sociaux, logement, santé, accessibilité, mobilité, etc.) reste « une question complexe car protéiforme, et transversale ».",
   ['axe-2', 'axe-4'], ['mobilite', 'acces_aux_droits']),
 finding('constat-acces-services', "L’accès aux services face à la dématérialisation",
   "La question de l’accès aux services, en dehors de la mobilité, a été posée : « comment faire avec la dématérialisation, le numérique, la décentralisation, l’absence d’itinérance, ou la carence démographique de certains professionnels (exemple : en santé) ». Les réflexions se sont portées vers l’équité en matière d’accès aux informations et à la communication, et aux capacités et savoir-faire induits par ces évolutions.",
   ['axe-2'], ['acces_aux_droits', 'inclusion_numerique', 'sante']),
 finding('constat-proximite', "Un besoin de proximité avec les habitants",
   "Un défi : « Ne pas tout centraliser car il y a un besoin de proximité avec les habitants. Cette proximité se décline avec les services, le besoin présentiel, le besoin en activités, le besoin en transports ».",
   ['axe-2', 'axe-3'], ['acces_aux_droits', 'mobilite']),
 finding('constat-familles', "Moins de familles nombreuses, une population qui vieillit",
   "Le renouvellement de la population par la natalité n’a pas pu combler l’effet « papy-boom ». Le nombre de familles nombreuses est plus faible ; la part des familles sans enfants est supérieure à celle des familles ayant 1, 2, 3 enfants ou plus ; 10 % des familles ayant des enfants étaient monoparentales en 2014.",
   ['axe-3'], ['parentalite', 'vieillissement']),
 finding('constat-accueil-jeune-enfant', "Une offre d’accueil du jeune enfant à adapter",
   "Le diagnostic a fait émerger « le besoin de développer une offre d’accueil et de services de l’enfant mieux adaptée aux besoins des familles (incluant la question du handicap) : horaires, offre sur le territoire, services associés, partenariats éducatifs, modes collectifs et alternatifs d’accueil du jeune enfant (moins de 3 ans), etc. ».",
   ['axe-3'], ['petite_enfance', 'handicap']),
 finding('constat-parentalite', "Un effort attendu sur la parentalité et l’attractivité pour les familles",
   "Plusieurs acteurs ont souhaité « un effort sur la parentalité », du soutien, de la prévention, une construction autour de cette problématique. « C’est en ces termes que se pose la question de l’attractivité du territoire pour les familles, afin de le faire vivre et d’apporter du « mieux-vivre ». »",
   ['axe-3'], ['parentalite']),
 finding('constat-jeunes-activites', "Des jeunes moins nombreux, qui connaissent mal les activités du territoire",
   "Le nombre de jeunes de 0 à 19 ans baisse sur les 10 dernières années, surtout chez les 15-19 ans. Il y a une demande à développer la connaissance, chez les jeunes, des réseaux d’activités du territoire ; il paraît nécessaire de développer les liens avec les associations et les établissements scolaires (collège, lycée). Les jeunes sont demandeurs d’activités « urbaines » (spectacles, match, patinoire, bowling, etc.) et ne sont pas attirés par l’idée de se porter bénévole pour la création d’un projet qui leur serait propre.",
   ['axe-4', 'axe-3'], ['enfance_jeunesse', 'culture_loisirs']),
 finding('constat-parcours-jeunes', "Construire un « parcours jeunes »",
   "Les personnes consultées et les élus ont trouvé nécessaire de travailler sur un « parcours jeunes » (projet politique, partenarial) prenant en compte les questions de l’isolement, des conduites à risques, du coût des activités, de la mobilité, des loisirs, de la culture ; et d’ouvrir les jeunes vers l’extérieur « pour que revenir sur le territoire soit un choix et non une contrainte ».",
   ['axe-4'], ['enfance_jeunesse', 'mobilite', 'emploi_insertion']),
 finding('constat-ruralite-force', "La ruralité : une force pour la population",
   "Le diagnostic a mis en évidence beaucoup de forces : les potentialités du territoire, « son identité culturelle bien présente », des ressources humaines à mobiliser, un réseau associatif. Il y a « une réelle attente pour valoriser le territoire, revendiquer une identité forte, travailler à la patrimonialisation ». Les habitants sont très attachés à la proximité et au tissu économique et social local ; il s’agit de « trouver un moyen de conserver les forces productives sur le territoire ».",
   ['axe-5'], ['developpement_local', 'emploi_insertion', 'animation_vie_sociale']),
]

plan = collections.OrderedDict()
plan['format'] = 'ctg-plan/1'
plan['id'] = 'ctg-civraisien-2019'
plan['title'] = 'La Convention Territoriale Globale du Civraisien en Poitou'
plan['kind'] = 'ctg'
plan['summary'] = "L’ambition générale du projet est de pouvoir répondre à la problématique suivante : comment soutenir un développement économique, social et culturel sur le territoire rural de la Communauté de Communes du Civraisien en Poitou, tout en renforçant la cohésion territoriale ?"
plan['territory'] = territory
plan['partners'] = [
  dict(id='cc-civraisien', name='Communauté de Communes du Civraisien en Poitou', short_name='CdC du Civraisien en Poitou', kind='epci', roles=['signataire']),
  dict(id='caf', name='Caisse d’Allocations Familiales', short_name='CAF', kind='caf', roles=['signataire']),
  dict(id='msa', name='Mutualité Sociale Agricole', short_name='MSA', kind='msa', roles=['signataire']),
]
plan['signature'] = dict(date='2019-07-01', place='Maison de la Nature, Civray', signatories=['cc-civraisien', 'caf', 'msa'])
plan['period'] = dict(start='2019-07-01', end='2024-06-30')
plan['contact'] = dict(organisation='Communauté de Communes du Civraisien en Poitou', role='Chargé de mission action sociale, santé, citoyenneté', email='ctg@civraisienpoitou.fr', source=SRC)
plan['sources'] = [
  dict(id=SRC, title='La Convention Territoriale Globale du Civraisien en Poitou (livret mis à disposition lors de la signature de la Convention Territoriale Globale, le 1er juillet 2019 à la Maison de la Nature de Civray)', publisher='Communauté de Communes du Civraisien en Poitou', date='2019-07-01',
       note="« Document conçu à partir du diagnostic du projet social de territoire et des groupes de travail, et distribué par la Communauté de Communes du Civraisien en Poitou. » Lu à partir du texte extrait du PDF (colonnes et coupures de ligne perdues par endroits)."),
  dict(id=DEC, title='@etalab/decoupage-administratif 6.0.0 (data/communes.json, data/epci.json)', publisher='Etalab (data.gouv.fr)', url='https://www.npmjs.com/package/@etalab/decoupage-administratif/v/6.0.0',
       note="Paquet npm, millésime 2026 ; code sous licence MIT, données sous Licence Ouverte. Sources : Code officiel géographique et populations légales de l’INSEE, EPCI de la DGCL, codes postaux de La Poste."),
  dict(id=ILL, title='Données illustratives (non réelles) du suivi des indicateurs', publisher='projet ctg',
       note="Cibles et mesures des indicateurs de suivi inventées pour montrer l’évaluation ; elles ne décrivent pas le territoire et ne doivent pas être citées comme des chiffres réels."),
]
plan['diagnostic'] = collections.OrderedDict(
  summary="De février à juillet 2018, un diagnostic a été réalisé, incluant des données provenant d’entretiens individuels avec quelques acteurs du territoire, de moments collectifs avec des professionnels, des habitants, de questionnaires distribués aux familles et jeunes, et enfin des données sociodémographiques analysées et cartographiées. Son analyse a permis de déterminer 11 axes transversaux prioritaires, dont les élus ont fait ressortir 5 axes stratégiques ; 5 groupes de travail (élus, acteurs locaux, habitants membres du Conseil de Développement) les ont déclinés en objectifs stratégiques et spécifiques en avril 2019. Le livret s’appuie aussi sur le Livre Blanc de la Ruralité (États Généraux de la Ruralité réalisés par le Département en 2017).",
  indicators=indicators, findings=findings)
plan['axes'] = axes
plan['notes'] = [
  "Source : le livret remis à la signature (1er juillet 2019), lu à partir du texte extrait de son PDF. Chaque objectif stratégique et spécifique est repris mot pour mot : les lignes d’un objectif sont jointes par une espace, une ligne finissant par « - » ou « / » est jointe sans espace en gardant ce caractère (« péri-sociaux », « court-voiturage », « réseaux/mobilités »), les suites d’espaces sont réduites à une seule ; l’orthographe, les coquilles et la typographie du livret sont gardées telles quelles (« connaitre », « tissus local », « débouchées », « entres acteurs », « aux sein des CCAS »…).",
  "Mise en page : l’extraction du PDF place le premier objectif stratégique de chaque axe avant le titre « AXE N° … » ; il est rattaché à l’axe qui suit. Les objectifs spécifiques sont donnés dans l’ordre des colonnes ; ils sont répartis entre les objectifs stratégiques dans cet ordre, selon leur objet (axe 1 : 5 / 7 ; axe 2 : 8 / 6 ; axe 3 : 8 / 9 / 7 ; axe 4 : 5 / 5 / 7 ; axe 5 : 7 / 7 / 5). Ce rattachement est une lecture du texte : le PDF d’origine n’a pas été consulté.",
  "Objectif général : le livret imprime un titre « OBJECTIF GÉNÉRAL » dans chaque axe, mais le seul texte qui l’accompagne est le titre de l’axe ; aucun objectif général distinct n’est donc renseigné.",
  "Titres des axes : repris de la liste des 5 axes prioritaires du livret (« Les objectifs prioritaires retenus »), en minuscules comme dans cette liste ; les en-têtes d’axe les impriment en capitales.",
  "Échéances : les mots du livret sont gardés dans due.text ; la date retenue est la fin de l’année nommée : « avant fin 2019 », « fin 2019 » et « dès 2019 » → 31/12/2019 ; « d’ici 2020 » et « dès 2020 » → 31/12/2020. « Dès 2019 » et « dès 2020 » fixent l’année où l’action doit commencer : la date due retenue est la fin de cette année-là.",
  "Période : le livret annonce un plan d’actions stratégiques « sur les 5 prochaines années » à partir de la signature du 1er juillet 2019 ; la période retenue va du 1er juillet 2019 au 30 juin 2024. Les dates de début et de fin de la convention elle-même ne figurent pas dans le livret.",
  "Signataires : la Communauté de Communes du Civraisien en Poitou, la Caisse d’Allocations Familiales (CAF) et la Mutualité Sociale Agricole (MSA), nommées comme dans le livret ; le livret n’attribue ni rôle de pilote ni financement, aucun n’est indiqué.",
  "Contact : le livret imprime le nom et le numéro de téléphone mobile du chargé de mission ; ce sont des données personnelles, elles ne sont pas reprises. Seuls l’organisation, la fonction et l’adresse électronique fonctionnelle sont gardées.",
  "Le livret ne contient ni fiche action ni indicateur de suivi : aucune fiche action n’est inventée ici. Les chiffres du diagnostic sont ceux du livret, avec l’année et la valeur départementale ou régionale quand il les donne ; les formulations approchées (« près de », « moins de ») sont signalées dans la note de chaque chiffre.",
  "Indicateurs de suivi (ind-…) : ajoutés pour les objectifs spécifiques que le livret rend mesurables (places et structures d’accueil des moins de 3 ans, lieux ressources par pôle, fréquentation, points d’accès au numérique, zones blanches, recensement des acteurs, permanences dans les établissements, service civique, BAFA, emplois de l’économie circulaire). Ils sont ILLUSTRATIFS (illustrative: true) : leurs cibles et leurs mesures (2019 à 2023, source donnees-illustratives) sont inventées pour montrer le suivi. Seules les valeurs de départ des indicateurs dont la source est livret-ctg-2019 viennent du livret (11 places et 1 multi-accueil à Civray, 3 espaces de vie sociale).",
  "Thèmes et publics des objectifs : attribués d’après les mots de chaque objectif (le livret n’en donne pas).",
]
with open(OUT, 'w', encoding='utf-8') as f:
    json.dump(plan, f, ensure_ascii=False, indent=2)
    f.write('\n')
print('ok', sum(len(s['specific_objectives']) for a in axes for s in a['strategic_objectives']))
