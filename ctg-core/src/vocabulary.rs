//! Closed vocabularies of the CTG: partner roles, themes, target publics, action statuses.
//!
//! Each vocabulary is written in JSON as a lowercase French code (`"petite_enfance"`,
//! `"signataire"`…). A code outside the vocabulary is kept as `Unknown` when the file is
//! read, so that validation can report every such value at once, each with its path,
//! instead of stopping at the first one.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// Declares a closed vocabulary: an enum, its JSON codes, and its French and English labels.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $fr:literal, $en:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A code outside the vocabulary, kept so that validation can report it.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the documented order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),* ];

            /// `(code, French label, English label)` of every known value, in the documented
            /// order: the same texts as [`code`](Self::code), [`label_fr`](Self::label_fr) and
            /// [`label_en`](Self::label_en), as data.
            pub const LABELS: &'static [(&'static str, &'static str, &'static str)] =
                &[ $( ($code, $fr, $en) ),* ];

            /// The JSON code of this value.
            pub fn code(&self) -> &str {
                match self {
                    $( $name::$variant => $code, )*
                    $name::Unknown(code) => code,
                }
            }

            /// The value for a JSON code; `Unknown` when the code is not in the vocabulary.
            pub fn from_code(code: &str) -> Self {
                match code {
                    $( $code => $name::$variant, )*
                    other => $name::Unknown(other.to_owned()),
                }
            }

            /// The French label shown to people.
            pub fn label_fr(&self) -> &str {
                match self {
                    $( $name::$variant => $fr, )*
                    $name::Unknown(code) => code,
                }
            }

            /// The English label shown to people.
            pub fn label_en(&self) -> &str {
                match self {
                    $( $name::$variant => $en, )*
                    $name::Unknown(code) => code,
                }
            }

            /// Whether the value belongs to the vocabulary.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

            /// The known codes, for error messages and the schema.
            pub fn codes() -> Vec<&'static str> {
                vec![ $( $code ),* ]
            }
        }

        impl Vocabulary for $name {
            fn code(&self) -> &str {
                $name::code(self)
            }
            fn is_known(&self) -> bool {
                $name::is_known(self)
            }
            fn codes() -> Vec<&'static str> {
                $name::codes()
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = Cow::<str>::deserialize(deserializer)?;
                Ok($name::from_code(&code))
            }
        }

        impl crate::validation::FromJson for $name {
            fn from_json(
                value: &serde_json::Value,
                reader: &mut crate::validation::Reader,
            ) -> Option<Self> {
                match value {
                    serde_json::Value::String(code) => Some($name::from_code(code)),
                    _ => {
                        reader.invalid_type(value, "a string");
                        None
                    }
                }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                code_schema(&$name::codes())
            }
        }
    };
}

/// What every closed vocabulary offers, so that validation can check any of them.
pub trait Vocabulary {
    /// The JSON code of this value.
    fn code(&self) -> &str;
    /// Whether the value belongs to the vocabulary.
    fn is_known(&self) -> bool;
    /// The known codes, in the documented order.
    fn codes() -> Vec<&'static str>;
}

fn code_schema(codes: &[&str]) -> Schema {
    let value = serde_json::json!({ "type": "string", "enum": codes });
    Schema::try_from(value).expect("a string enum is a valid schema object")
}

vocabulary! {
    /// The role a partner plays in the convention.
    Role {
        /// Signs the convention.
        Signataire = "signataire", "signataire", "signatory";
        /// Steers the convention or an action.
        Pilote = "pilote", "pilote", "lead";
        /// Co-steers the convention or an action.
        CoPilote = "co_pilote", "co-pilote", "co-lead";
        /// Funds actions.
        Financeur = "financeur", "financeur", "funder";
        /// Takes part in actions.
        Partenaire = "partenaire", "partenaire", "partner";
    }
}

vocabulary! {
    /// The kind of organisation a partner is.
    PartnerKind {
        /// A community of communes or another EPCI.
        Epci = "epci", "EPCI (communauté de communes)", "inter-municipal body";
        /// A commune.
        Commune = "commune", "commune", "municipality";
        /// A Caisse d'Allocations Familiales.
        Caf = "caf", "CAF", "family allowance fund (CAF)";
        /// The Mutualité Sociale Agricole.
        Msa = "msa", "MSA", "agricultural social security (MSA)";
        /// A département.
        Departement = "departement", "Département", "département";
        /// A région.
        Region = "region", "Région", "region";
        /// A service of the State.
        Etat = "etat", "État", "State";
        /// A CCAS or CIAS.
        Ccas = "ccas", "CCAS / CIAS", "social action centre";
        /// An association.
        Association = "association", "association", "association";
        /// Another public body.
        EtablissementPublic = "etablissement_public", "établissement public", "public body";
        /// A company.
        Entreprise = "entreprise", "entreprise", "company";
        /// Any other kind.
        Autre = "autre", "autre", "other";
    }
}

vocabulary! {
    /// A theme of social policy that an axis, objective or action works on.
    Theme {
        /// Early childhood (0–3 years).
        PetiteEnfance = "petite_enfance", "petite enfance", "early childhood";
        /// Children and youth.
        EnfanceJeunesse = "enfance_jeunesse", "enfance-jeunesse", "children and youth";
        /// Support to parents.
        Parentalite = "parentalite", "parentalité", "parenting support";
        /// Access to rights.
        AccesAuxDroits = "acces_aux_droits", "accès aux droits", "access to rights";
        /// Community life.
        AnimationVieSociale = "animation_vie_sociale", "animation de la vie sociale", "community life";
        /// Housing.
        Logement = "logement", "logement", "housing";
        /// Mobility.
        Mobilite = "mobilite", "mobilité", "mobility";
        /// Digital inclusion.
        InclusionNumerique = "inclusion_numerique", "inclusion numérique", "digital inclusion";
        /// Employment and integration.
        EmploiInsertion = "emploi_insertion", "emploi-insertion", "employment and integration";
        /// Disability.
        Handicap = "handicap", "handicap", "disability";
        /// Older people and isolation.
        Vieillissement = "vieillissement", "vieillissement et isolement", "ageing and isolation";
        /// Health.
        Sante = "sante", "santé", "health";
        /// Culture, sport and leisure.
        CultureLoisirs = "culture_loisirs", "culture, sport et loisirs", "culture, sport and leisure";
        /// Local development and heritage.
        DeveloppementLocal = "developpement_local", "développement local", "local development";
        /// Coordination of the partners.
        Coordination = "coordination", "coordination des acteurs", "coordination of actors";
        /// Information and communication to the residents.
        Information = "information", "information et communication", "information and communication";
    }
}

vocabulary! {
    /// A public an action or objective is meant for.
    Public {
        /// Everyone.
        ToutPublic = "tout_public", "tout public", "everyone";
        /// Children under 3 and their families.
        PetiteEnfance = "petite_enfance", "jeunes enfants (0-3 ans)", "young children (0-3)";
        /// Children (3–11 years).
        Enfants = "enfants", "enfants (3-11 ans)", "children (3-11)";
        /// Young people (12–25 years).
        Jeunes = "jeunes", "jeunes (12-25 ans)", "young people (12-25)";
        /// Families.
        Familles = "familles", "familles", "families";
        /// Parents.
        Parents = "parents", "parents", "parents";
        /// Single-parent families.
        FamillesMonoparentales = "familles_monoparentales", "familles monoparentales", "single-parent families";
        /// Older people.
        Seniors = "seniors", "séniors", "older people";
        /// People with a disability.
        PersonnesHandicapees = "personnes_handicapees", "personnes en situation de handicap", "people with a disability";
        /// Isolated people.
        PersonnesIsolees = "personnes_isolees", "personnes isolées", "isolated people";
        /// Jobseekers.
        DemandeursEmploi = "demandeurs_emploi", "demandeurs d'emploi", "jobseekers";
        /// Recipients of CAF or MSA benefits.
        Allocataires = "allocataires", "allocataires", "benefit recipients";
        /// Newcomers to the territory.
        NouveauxArrivants = "nouveaux_arrivants", "nouveaux arrivants", "newcomers";
        /// Professionals of the social field.
        Professionnels = "professionnels", "professionnels", "professionals";
        /// Elected representatives.
        Elus = "elus", "élus", "elected representatives";
        /// Associations and their volunteers.
        Associations = "associations", "associations et bénévoles", "associations and volunteers";
        /// Companies.
        Entreprises = "entreprises", "entreprises", "companies";
    }
}

vocabulary! {
    /// How far a fiche action has come.
    ActionStatus {
        /// Planned, not started.
        Prevue = "prevue", "prévue", "planned";
        /// Started.
        Engagee = "engagee", "engagée", "under way";
        /// Done.
        Realisee = "realisee", "réalisée", "done";
        /// Given up.
        Abandonnee = "abandonnee", "abandonnée", "abandoned";
        /// Postponed.
        Reportee = "reportee", "reportée", "postponed";
    }
}

vocabulary! {
    /// The kind of document a plan is.
    PlanKind {
        /// A Convention Territoriale Globale.
        Ctg = "ctg", "Convention Territoriale Globale", "Convention Territoriale Globale";
        /// An amendment to a CTG.
        Avenant = "avenant", "avenant à une CTG", "amendment to a CTG";
        /// A projet social de territoire outside a CTG.
        ProjetSocialDeTerritoire = "projet_social_de_territoire", "projet social de territoire", "territorial social project";
    }
}

vocabulary! {
    /// A wider area whose value serves as reference for a territorial indicator.
    ReferenceLevel {
        /// The département.
        Departement = "departement", "département", "département";
        /// The région.
        Region = "region", "région", "region";
        /// France.
        France = "france", "France", "France";
    }
}

vocabulary! {
    /// The kind of an indicator of follow-up.
    IndicatorKind {
        /// Measures an outcome for the public.
        Resultat = "resultat", "résultat", "outcome";
        /// Measures the means put in.
        Moyens = "moyens", "moyens", "means";
        /// Describes the context; informs without being steered.
        Contexte = "contexte", "contexte", "context";
    }
}

vocabulary! {
    /// Which way an indicator should move.
    Direction {
        /// Higher is better.
        Hausse = "hausse", "hausse", "increase";
        /// Lower is better.
        Baisse = "baisse", "baisse", "decrease";
        /// Staying at the baseline is the aim.
        Maintien = "maintien", "maintien", "maintain";
        /// Staying within a target range is the aim.
        Fourchette = "fourchette", "fourchette cible", "target range";
    }
}

vocabulary! {
    /// The status of an indicator or a node of the plan at an evaluation date.
    Status {
        /// The target is reached.
        Atteint = "atteint", "atteint", "achieved";
        /// Progress is where it should be.
        EnBonneVoie = "en_bonne_voie", "en bonne voie", "on track";
        /// Progress lags a little.
        ASurveiller = "a_surveiller", "à surveiller", "to watch";
        /// Progress lags far behind.
        EnRetard = "en_retard", "en retard", "late";
        /// No measurement yet.
        PasDeDonnees = "pas_de_donnees", "pas de données", "no data";
        /// The last measurement is too old.
        DonneesTropAnciennes = "donnees_trop_anciennes", "données trop anciennes", "data too old";
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for ActionStatus {
    fn default() -> Self {
        ActionStatus::Prevue
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for PlanKind {
    fn default() -> Self {
        PlanKind::Ctg
    }
}

/// The vocabularies without a documented default start as an empty unknown code: the value a
/// required field holds before it is read (see [`json_struct!`](crate::json_struct)), never
/// seen, since a struct with a field missing or unreadable is not read.
macro_rules! unknown_by_default {
    ($($name:ident),*) => {$(
        impl Default for $name {
            fn default() -> Self {
                $name::Unknown(String::new())
            }
        }
    )*};
}

unknown_by_default!(
    PartnerKind,
    ReferenceLevel,
    IndicatorKind,
    Direction,
    Status
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_is_kept() {
        for theme in Theme::ALL {
            assert_eq!(&Theme::from_code(theme.code()), theme);
        }
        let parsed: Theme = serde_json::from_str("\"jardinage\"").unwrap();
        assert_eq!(parsed, Theme::Unknown("jardinage".into()));
        assert!(!parsed.is_known());
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"jardinage\"");
    }

    #[test]
    fn labels_table_matches_the_methods() {
        assert_eq!(Theme::LABELS.len(), Theme::ALL.len());
        for (value, (code, fr, en)) in Theme::ALL.iter().zip(Theme::LABELS) {
            assert_eq!(
                (value.code(), value.label_fr(), value.label_en()),
                (*code, *fr, *en)
            );
        }
        for (value, (code, fr, en)) in PartnerKind::ALL.iter().zip(PartnerKind::LABELS) {
            assert_eq!(
                (value.code(), value.label_fr(), value.label_en()),
                (*code, *fr, *en)
            );
        }
    }
}
