//! `ctg rights conformance`: measures how often the rights catalogue agrees with
//! OpenFisca-France on households whose amounts OpenFisca computed
//! (`../shared/data/openfisca-cases.json`).
//!
//! Each case's engine-neutral `situation` is mapped to the catalogue's facts by the declared
//! table [`FACTS`] (see [`case_situation`]); the catalogue is evaluated at the first day of the
//! case's reference month; a benefit agrees when *éligible* ⇔ OpenFisca's amount > 0 (or
//! `true`), per the table [`BENEFITS`]. The measured figures and every remaining disagreement
//! are documented in `docs/conformance.md`.

use chrono::NaiveDate;
use ctg_core::rights::{CompiledCatalogue, Situation, Status};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// A benefit of the catalogue and the OpenFisca-France results it is compared with.
#[derive(Debug, Clone, Copy)]
pub struct BenefitMapping {
    /// The catalogue benefit id.
    pub benefit: &'static str,
    /// OpenFisca result keys (`cases[].results`): the benefit is granted when any is > 0 or `true`.
    pub openfisca: &'static [&'static str],
}

/// The benefits in scope of the comparison.
pub const BENEFITS: &[BenefitMapping] = &[
    BenefitMapping {
        benefit: "af",
        openfisca: &["af"],
    },
    BenefitMapping {
        benefit: "ars",
        openfisca: &["ars"],
    },
    BenefitMapping {
        benefit: "cf",
        openfisca: &["cf"],
    },
    BenefitMapping {
        benefit: "asf",
        openfisca: &["asf"],
    },
    BenefitMapping {
        benefit: "paje_base",
        openfisca: &["paje_base"],
    },
    BenefitMapping {
        benefit: "aeeh",
        openfisca: &["aeeh"],
    },
    BenefitMapping {
        benefit: "aide_logement",
        openfisca: &["aide_logement"],
    },
    BenefitMapping {
        benefit: "rsa",
        openfisca: &["rsa"],
    },
    BenefitMapping {
        benefit: "ppa",
        openfisca: &["ppa"],
    },
    BenefitMapping {
        benefit: "aah",
        openfisca: &["aah"],
    },
    BenefitMapping {
        benefit: "aspa",
        openfisca: &["aspa"],
    },
    BenefitMapping {
        benefit: "css",
        openfisca: &["css_gratuite", "css_participation_mensuelle"],
    },
];

/// One row of the mapping from a case's engine-neutral situation to a catalogue fact.
#[derive(Debug, Clone, Copy)]
pub struct FactMapping {
    /// The catalogue question (or `age` for the members' ages).
    pub fact: &'static str,
    /// `foyer` or `membre`.
    pub scope: &'static str,
    /// Where the value comes from in `cases[].situation`, in words.
    pub source: &'static str,
}

/// How every catalogue fact is read from a case (documentation of [`case_situation`]).
pub const FACTS: &[FactMapping] = &[
    FactMapping { fact: "members", scope: "foyer", source: "`adults` (role adulte) then `children` (role enfant), each with its `date_of_birth`; the age is computed by the engine at the evaluation date" },
    FactMapping { fact: "regime", scope: "foyer", source: "always `general` (OpenFisca computes the benefits without a paying body)" },
    FactMapping { fact: "commune", scope: "foyer", source: "`housing.commune_insee`" },
    FactMapping { fact: "zone_logement", scope: "foyer", source: "`housing.zone_apl` (1, 2, 3 → zone_1, zone_2, zone_3)" },
    FactMapping { fact: "logement", scope: "foyer", source: "`housing.status`: tenant_private → locataire, tenant_social → locataire_hlm, tenant_furnished → locataire_meuble, owner → proprietaire, housed_free (or lodged_free) → heberge_gratuit, homeless → sans_domicile" },
    FactMapping { fact: "loyer", scope: "foyer", source: "`housing.monthly_rent_excluding_charges`" },
    FactMapping { fact: "revenus_n2", scope: "foyer", source: "year N-2 of the reference month from each adult's `monthly_income_schedule`: 12 months of (taxable salary + unemployment benefit) minus the 10 % deduction (min/max of that income year), plus (taxable pension + maintenance received) minus the 10 % pension deduction (min/max), summed over the adults" },
    FactMapping { fact: "pension_alimentaire_recue", scope: "foyer", source: "sum of the adults' `monthly_maintenance_received`" },
    FactMapping { fact: "asf_parent_defaillant", scope: "foyer", source: "`true` for a single adult with children, `false` otherwise: OpenFisca-France grants ASF to every single parent (openfisca-catalogue.md §4 and §15.1)" },
    FactMapping { fact: "salaire_net", scope: "membre", source: "adults: `monthly_net_salary`" },
    FactMapping { fact: "chomage", scope: "membre", source: "adults: `monthly_unemployment_benefit`" },
    FactMapping { fact: "retraite", scope: "membre", source: "adults: `monthly_pension_net`" },
    FactMapping { fact: "etudiant", scope: "membre", source: "adults: `status == \"student\"`" },
    FactMapping { fact: "taux_incapacite", scope: "membre", source: "adults: `disability_rate` × 100; children: 80 when `disabled` (OpenFisca's `handicap` input has no rate), else 0" },
    FactMapping { fact: "rsdae", scope: "membre", source: "adults: `rsdae`" },
];

/// The 10 % income-tax deductions by income year: (wages min, wages max, pensions min, pensions max).
/// Source: openfisca-catalogue.md §0 (`abatpro` and `abatpen`, openfisca-france 176.1.8).
const DEDUCTIONS: &[(i32, f64, f64, f64, f64)] = &[
    (2023, 495.0, 14171.0, 442.0, 4321.0),
    (2024, 504.0, 14426.0, 450.0, 4399.0),
    (2025, 509.0, 14555.0, 454.0, 4439.0),
];

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

fn text<'a>(v: &'a Value, key: &str) -> Result<&'a str, String> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("champ « {key} » manquant"))
}

/// Annual N-2 family-benefit resources of one adult, from its income schedule.
fn resources_n2(adult: &Value, year: i32) -> Result<f64, String> {
    let &(_, wmin, wmax, pmin, pmax) = DEDUCTIONS
        .iter()
        .find(|d| d.0 == year)
        .ok_or_else(|| format!("pas de barème de déduction pour les revenus de {year}"))?;
    let schedule = adult
        .get("monthly_income_schedule")
        .and_then(Value::as_array)
        .ok_or("champ « monthly_income_schedule » manquant")?;
    let (mut wages, mut pensions) = (0.0, 0.0);
    for month in 1..=12 {
        let ym = format!("{year}-{month:02}");
        for e in schedule {
            if text(e, "from")? <= ym.as_str() && ym.as_str() <= text(e, "to")? {
                wages += num(e, "taxable_salary") + num(e, "unemployment_benefit");
                pensions += num(e, "pension_taxable") + num(e, "maintenance_received");
            }
        }
    }
    let wages = (wages - (wages * 0.1).clamp(wmin, wmax)).max(0.0);
    let pensions = (pensions - (pensions * 0.1).clamp(pmin, pmax)).max(0.0);
    Ok(wages + pensions)
}

/// The evaluation date of a case: the first day of its reference month.
pub fn case_date(case: &Value) -> Result<NaiveDate, String> {
    let month = case
        .pointer("/situation/reference_month")
        .and_then(Value::as_str)
        .ok_or("champ « situation.reference_month » manquant")?;
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_err(|e| format!("mois de référence « {month} » invalide : {e}"))
}

/// Maps a case's engine-neutral `situation` to a catalogue situation (JSON, format of
/// `docs/rights-format.md`), following [`FACTS`].
pub fn case_situation(case: &Value) -> Result<Value, String> {
    let s = case
        .get("situation")
        .ok_or("champ « situation » manquant")?;
    let date = case_date(case)?;
    let empty = Vec::new();
    let adults = s.get("adults").and_then(Value::as_array).unwrap_or(&empty);
    let children = s
        .get("children")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let h = s
        .get("housing")
        .ok_or("champ « situation.housing » manquant")?;
    let logement = match text(h, "status")? {
        "tenant_private" => "locataire",
        "tenant_social" => "locataire_hlm",
        "tenant_furnished" => "locataire_meuble",
        "owner" => "proprietaire",
        // `housed_free` is the code of the reference tool make_cases.py.
        "lodged_free" | "housed_free" => "heberge_gratuit",
        "homeless" => "sans_domicile",
        other => return Err(format!("statut de logement inconnu : {other}")),
    };
    let zone = h.get("zone_apl").and_then(Value::as_u64).unwrap_or(3);
    let mut n2 = 0.0;
    for a in adults {
        n2 += resources_n2(a, date.year_ce().1 as i32 - 2)?;
    }
    let couple = s
        .get("couple")
        .and_then(Value::as_bool)
        .unwrap_or(adults.len() > 1);
    let answers = json!({
        "regime": "general",
        "commune": text(h, "commune_insee")?,
        "zone_logement": format!("zone_{zone}"),
        "logement": logement,
        "loyer": num(h, "monthly_rent_excluding_charges"),
        "revenus_n2": (n2 * 100.0).round() / 100.0,
        "pension_alimentaire_recue": adults.iter().map(|a| num(a, "monthly_maintenance_received")).sum::<f64>(),
        "asf_parent_defaillant": !couple && !children.is_empty(),
    });
    let mut members = Vec::new();
    for a in adults {
        members.push(json!({
            "role": "adulte",
            "birth_date": text(a, "date_of_birth")?,
            "facts": {
                "salaire_net": num(a, "monthly_net_salary"),
                "chomage": num(a, "monthly_unemployment_benefit"),
                "retraite": num(a, "monthly_pension_net"),
                "etudiant": a.get("status").and_then(Value::as_str) == Some("student"),
                "taux_incapacite": (num(a, "disability_rate") * 100.0).round(),
                "rsdae": a.get("rsdae").and_then(Value::as_bool).unwrap_or(false),
            }
        }));
    }
    for c in children {
        let disabled = c.get("disabled").and_then(Value::as_bool).unwrap_or(false);
        members.push(json!({
            "role": "enfant",
            "birth_date": text(c, "date_of_birth")?,
            "facts": {"taux_incapacite": if disabled { 80 } else { 0 }}
        }));
    }
    Ok(
        json!({"id": case.get("id").cloned().unwrap_or(Value::Null), "answers": answers, "members": members}),
    )
}

use chrono::Datelike;

/// Whether OpenFisca granted a benefit in a case, and the amounts it gave.
fn openfisca_granted(results: &Value, keys: &[&str]) -> (bool, Value) {
    let mut granted = false;
    let mut amounts = Map::new();
    for k in keys {
        let v = results.get(*k).cloned().unwrap_or(Value::Null);
        granted |= match &v {
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64().is_some_and(|x| x > 0.0),
            _ => false,
        };
        amounts.insert((*k).to_owned(), v);
    }
    let amount = if keys.len() == 1 {
        amounts.remove(keys[0]).unwrap_or(Value::Null)
    } else {
        Value::Object(amounts)
    };
    (granted, amount)
}

/// The agreement of one benefit.
#[derive(Debug, Clone, Serialize)]
pub struct BenefitAgreement {
    /// The catalogue benefit id.
    pub benefit: String,
    /// Cases compared.
    pub cases: usize,
    /// Cases where the catalogue agrees with OpenFisca.
    pub agree: usize,
    /// `agree / cases` (1 when there is no case).
    pub ratio: f64,
}

/// A case where the catalogue and OpenFisca disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// The case id.
    pub case: String,
    /// The case's description.
    pub description: String,
    /// The catalogue benefit id.
    pub benefit: String,
    /// OpenFisca's amount (or amounts).
    pub openfisca: Value,
    /// Whether OpenFisca granted the benefit.
    pub openfisca_granted: bool,
    /// Our status.
    pub ours: Status,
    /// Our explanation: the benefit's conditions with their values, in French.
    pub explanation: Vec<String>,
}

/// How many levels of a benefit's condition a disagreement shows.
const EXPLANATION_DEPTH: usize = 3;

fn explanation_lines(
    node: &ctg_core::rights::ExplanationNode,
    depth: usize,
    out: &mut Vec<String>,
) {
    out.push(format!(
        "{}{} : {}",
        "  ".repeat(depth),
        node.text,
        node.value
    ));
    if depth + 1 < EXPLANATION_DEPTH {
        for child in &node.children {
            explanation_lines(child, depth + 1, out);
        }
    }
}

/// The result of a conformance run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Number of cases.
    pub cases: usize,
    /// Agreement per benefit in scope, in [`BENEFITS`] order.
    pub benefits: Vec<BenefitAgreement>,
    /// Every disagreement.
    pub disagreements: Vec<Disagreement>,
}

impl Report {
    /// Whether every benefit in scope reaches `min` agreement.
    pub fn passes(&self, min: f64) -> bool {
        self.benefits.iter().all(|b| b.ratio + 1e-12 >= min)
    }
}

/// Runs the comparison of `catalogue` with the cases file (`openfisca-cases.json`).
///
/// Benefits of [`BENEFITS`] missing from the catalogue are out of scope.
pub fn run_conformance(catalogue: &CompiledCatalogue, cases_json: &[u8]) -> Result<Report, String> {
    let doc: Value =
        serde_json::from_slice(cases_json).map_err(|e| format!("JSON invalide : {e}"))?;
    let cases = doc
        .get("cases")
        .and_then(Value::as_array)
        .ok_or("champ « cases » manquant")?;
    let scope: Vec<(usize, &BenefitMapping)> = BENEFITS
        .iter()
        .filter_map(|m| catalogue.benefit_position(m.benefit).map(|i| (i, m)))
        .collect();
    let mut agreements: Vec<BenefitAgreement> = scope
        .iter()
        .map(|(_, m)| BenefitAgreement {
            benefit: m.benefit.to_owned(),
            cases: 0,
            agree: 0,
            ratio: 1.0,
        })
        .collect();
    let mut disagreements = Vec::new();
    for case in cases {
        let id = case
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_owned();
        let date = case_date(case).map_err(|e| format!("cas {id} : {e}"))?;
        let situation_json = case_situation(case).map_err(|e| format!("cas {id} : {e}"))?;
        let bytes = serde_json::to_vec(&situation_json).map_err(|e| e.to_string())?;
        let situation = Situation::from_json(catalogue, &bytes).map_err(|e| {
            let errors: Vec<String> =
                e.0.iter()
                    .map(|x| format!("{} {}", x.path, x.message))
                    .collect();
            format!("cas {id} : situation refusée : {}", errors.join(" ; "))
        })?;
        let dated = catalogue.at(date);
        let results = dated.evaluate(&situation);
        let of_results = case.get("results").cloned().unwrap_or(Value::Null);
        for ((index, mapping), agreement) in scope.iter().zip(agreements.iter_mut()) {
            let ours = results[*index].status;
            let (granted, amount) = openfisca_granted(&of_results, mapping.openfisca);
            let agree = match ours {
                Status::Eligible => granted,
                Status::NotEligible => !granted,
                _ => false,
            };
            agreement.cases += 1;
            if agree {
                agreement.agree += 1;
            } else {
                // The benefit's conditions, three levels deep (deeper levels detail the
                // derived amounts).
                let mut explanation = Vec::new();
                if let Some(node) = &dated.explain(&situation, *index).condition {
                    explanation_lines(node, 0, &mut explanation);
                }
                disagreements.push(Disagreement {
                    case: id.clone(),
                    description: case
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                    benefit: mapping.benefit.to_owned(),
                    openfisca: amount,
                    openfisca_granted: granted,
                    ours,
                    explanation,
                });
            }
        }
    }
    for a in &mut agreements {
        a.ratio = if a.cases == 0 {
            1.0
        } else {
            a.agree as f64 / a.cases as f64
        };
    }
    Ok(Report {
        cases: cases.len(),
        benefits: agreements,
        disagreements,
    })
}

/// Renders a report as French text, with `min` the threshold.
pub fn render_text(report: &Report, min: f64) -> String {
    let mut s = format!(
        "Conformité du catalogue avec OpenFisca-France ({} cas, seuil {:.0} %)\n\n",
        report.cases,
        min * 100.0
    );
    s.push_str(&format!(
        "{:<16} {:>6} {:>9}  {}\n",
        "prestation", "cas", "accord", ""
    ));
    for b in &report.benefits {
        let mark = if b.ratio + 1e-12 >= min {
            "ok"
        } else {
            "SOUS LE SEUIL"
        };
        s.push_str(&format!(
            "{:<16} {:>6} {:>8.1} %  {}\n",
            b.benefit,
            b.cases,
            b.ratio * 100.0,
            mark
        ));
    }
    if report.disagreements.is_empty() {
        s.push_str("\nAucun désaccord.\n");
    } else {
        s.push_str(&format!(
            "\n{} désaccord(s) :\n",
            report.disagreements.len()
        ));
        for d in &report.disagreements {
            s.push_str(&format!(
                "\n- {} / {} — OpenFisca : {} ({}) ; catalogue : {}\n  {}\n",
                d.case,
                d.benefit,
                d.openfisca,
                if d.openfisca_granted {
                    "accordé"
                } else {
                    "non accordé"
                },
                d.ours.label_fr(),
                d.description
            ));
            for line in &d.explanation {
                s.push_str(&format!("    {line}\n"));
            }
        }
    }
    s
}

/// How `ctg rights conformance` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ConformanceFormat {
    /// A readable table, then each disagreement with its explanation.
    Text,
    /// The [`Report`] as one JSON document.
    Json,
}

/// Arguments of `ctg rights conformance`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConformanceArgs {
    /// Le fichier des cas calculés par OpenFisca-France (../shared/data/openfisca-cases.json).
    pub cases: std::path::PathBuf,
    /// Le catalogue de droits (par défaut : celui du Civraisien, intégré).
    #[arg(long)]
    pub catalogue: Option<std::path::PathBuf>,
    /// Accord minimal exigé pour chaque prestation, entre 0 et 1.
    #[arg(long, default_value_t = 0.95)]
    pub min: f64,
    /// Format de sortie : `text` (lisible) ou `json`.
    #[arg(long, value_enum, default_value_t = ConformanceFormat::Text)]
    pub format: ConformanceFormat,
}

impl ConformanceArgs {
    /// Runs the comparison: exit 0 when every benefit in scope reaches `--min`, 1 when one
    /// does not, 2 when a file cannot be read or a case cannot be mapped.
    pub fn run(
        &self,
        out: &mut dyn std::io::Write,
        err: &mut dyn std::io::Write,
    ) -> std::io::Result<i32> {
        if !(0.0..=1.0).contains(&self.min) {
            writeln!(
                err,
                "--min doit être compris entre 0 et 1 (reçu {})",
                self.min
            )?;
            return Ok(crate::EXIT_USAGE);
        }
        let catalogue = match &self.catalogue {
            None => CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()),
            Some(path) => match crate::input::read_file(path) {
                Ok(bytes) => CompiledCatalogue::from_json(&bytes),
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(crate::EXIT_USAGE);
                }
            },
        };
        let catalogue = match catalogue {
            Ok(c) => c,
            Err(errors) => {
                for e in &errors.0 {
                    writeln!(err, "{} : {}", e.path, e.message)?;
                }
                return Ok(crate::EXIT_INVALID);
            }
        };
        let bytes = match crate::input::read_file(&self.cases) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(crate::EXIT_USAGE);
            }
        };
        let report = match run_conformance(&catalogue, &bytes) {
            Ok(r) => r,
            Err(message) => {
                writeln!(err, "{} : {message}", self.cases.display())?;
                return Ok(crate::EXIT_USAGE);
            }
        };
        match self.format {
            ConformanceFormat::Text => write!(out, "{}", render_text(&report, self.min))?,
            ConformanceFormat::Json => {
                let mut v = serde_json::to_value(&report).map_err(std::io::Error::other)?;
                v["min"] = json!(self.min);
                v["passes"] = json!(report.passes(self.min));
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?
                )?;
            }
        }
        Ok(if report.passes(self.min) {
            crate::EXIT_OK
        } else {
            crate::EXIT_INVALID
        })
    }
}
