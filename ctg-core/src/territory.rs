//! The territory a plan covers: the EPCI, its communes (by INSEE code) and the poles
//! (bassins de vie) that group them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The territory of a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The community of communes (or other EPCI) that signs the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epci: Option<Epci>,
    /// The communes of the territory today.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<Commune>,
    /// Named groups of communes (pôles, bassins de vie).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub poles: Vec<Pole>,
    /// Remarks on the territory (mergers of communes, changes of perimeter…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An établissement public de coopération intercommunale.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Epci {
    /// Its SIREN number: 9 digits.
    pub siren: String,
    /// Its name.
    pub name: String,
}

/// A commune, identified by its INSEE code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commune {
    /// The INSEE code (code officiel géographique): 5 characters, digits except `2A`/`2B` for Corsica.
    pub insee: String,
    /// The name.
    pub name: String,
    /// The postal codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postal_codes: Vec<String>,
    /// The population, with the year and source given by the territory's notes or sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// A remark (a former commune merged into this one…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named group of communes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pole {
    /// Identifier, unique in the plan.
    pub id: String,
    /// The name.
    pub name: String,
    /// The INSEE codes of its communes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<String>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether `code` has the shape of a commune's INSEE code: 5 characters, two digits (or `2A`,
/// `2B` for Corsica) then three digits. The shape only: the code may not exist.
///
/// ```
/// use ctg_core::territory::is_insee_code;
/// assert!(is_insee_code("86070"));
/// assert!(is_insee_code("2A004"));
/// assert!(!is_insee_code("8607"));
/// assert!(!is_insee_code("2C004"));
/// ```
pub fn is_insee_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.len() != 5 || !bytes[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let department = &bytes[..2];
    department.iter().all(u8::is_ascii_digit) || department == b"2A" || department == b"2B"
}

/// Whether `code` has the shape of a SIREN number: 9 digits.
pub fn is_siren(code: &str) -> bool {
    code.len() == 9 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `code` has the shape of a French postal code: 5 digits.
pub fn is_postal_code(code: &str) -> bool {
    code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit())
}
