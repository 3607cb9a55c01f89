//! `ctg validate`, `ctg show`, `ctg schema`: check a plan, print its tree, print its schema.

use crate::plan_source::PlanSource;
use crate::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use clap::{Subcommand, ValueEnum};
use ctg_core::query::{Level, NodeRef};
use ctg_core::{Plan, ValidationError};
use std::io::{self, Write};
use std::path::PathBuf;

/// The subcommands about the plan itself.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Vérifie un plan et signale toutes ses erreurs, chacune avec son chemin JSON.
    ///
    /// Code de sortie 0 si le plan est valide, 1 sinon (chaque erreur est affichée sur la
    /// sortie d'erreur sous la forme `chemin : message (ligne L, colonne C)`).
    Validate {
        /// Le fichier JSON du plan (par défaut : la CTG du Civraisien intégrée).
        #[arg(value_name = "FICHIER")]
        file: Option<PathBuf>,
        /// Format de sortie : `text` (lisible) ou `json` (pour les programmes).
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Affiche l'arbre du plan (axes, objectifs, fiches actions) et les effectifs par niveau.
    Show {
        /// Le fichier JSON du plan (par défaut : la CTG du Civraisien intégrée).
        #[arg(value_name = "FICHIER")]
        file: Option<PathBuf>,
        /// Profondeur affichée : 1 axes, 2 objectifs stratégiques, 3 objectifs spécifiques,
        /// 4 fiches actions (par défaut : tout).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
        depth: Option<u8>,
    },
    /// Affiche le schéma JSON du format des plans (ctg-plan/1).
    Schema,
}

/// How `validate` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Des lignes lisibles (readable lines).
    Text,
    /// Un document JSON (one JSON document) : `{ "valid": bool, "errors": [...] }`.
    Json,
}

impl PlanCommand {
    /// Runs the subcommand; `Err` only when writing the output fails.
    pub fn run(self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        match self {
            PlanCommand::Validate { file, format } => validate(&PlanSource(file), format, out, err),
            PlanCommand::Show { file, depth } => show(&PlanSource(file), depth, out, err),
            PlanCommand::Schema => {
                write!(out, "{}", ctg_core::validation::plan_schema_json())?;
                Ok(EXIT_OK)
            }
        }
    }
}

/// One error as `path : message (ligne L, colonne C)`.
pub fn error_line(error: &ValidationError) -> String {
    let position = match (error.line, error.column) {
        (Some(line), Some(column)) => format!(" (ligne {line}, colonne {column})"),
        _ => String::new(),
    };
    format!("{} : {}{position}", error.path, error.message)
}

fn validate(
    source: &PlanSource,
    format: OutputFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let result = match source.load() {
        Ok(result) => result,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let errors = result.err().map(|e| e.0).unwrap_or_default();
    match format {
        OutputFormat::Json => {
            let report = serde_json::json!({ "valid": errors.is_empty(), "errors": errors });
            writeln!(out, "{report:#}")?;
        }
        OutputFormat::Text => print_errors(source, &errors, out, err)?,
    }
    Ok(if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_INVALID
    })
}

fn print_errors(
    source: &PlanSource,
    errors: &[ValidationError],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    if errors.is_empty() {
        return writeln!(out, "{} : plan valide.", source.name());
    }
    for error in errors {
        writeln!(err, "{}", error_line(error))?;
    }
    let count = errors.len();
    let noun = if count == 1 { "erreur" } else { "erreurs" };
    writeln!(err, "{} : plan invalide, {count} {noun}.", source.name())
}

fn show(
    source: &PlanSource,
    depth: Option<u8>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let plan = match source.load_or_report(err) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    print_header(&plan, out)?;
    let max_depth = depth.map_or(usize::MAX, usize::from);
    let mut numbers: Vec<usize> = Vec::new();
    for (level, node) in plan.walk() {
        numbers.truncate(level + 1);
        numbers.resize(level + 1, 0);
        numbers[level] += 1;
        if level < max_depth {
            print_node(&numbers, &node, out)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", counts_line(&plan))?;
    Ok(EXIT_OK)
}

fn print_header(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", plan.title)?;
    let mut facts = vec![format!(
        "période {} → {}",
        plan.period.start, plan.period.end
    )];
    if let Some(epci) = &plan.territory.epci {
        facts.push(epci.name.clone());
    }
    if !plan.territory.communes.is_empty() {
        facts.push(format!("{} communes", plan.territory.communes.len()));
    }
    if let Some(signature) = &plan.signature {
        facts.push(format!("signée le {}", signature.date));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out)
}

fn print_node(numbers: &[usize], node: &NodeRef<'_>, out: &mut dyn Write) -> io::Result<()> {
    let indent = "   ".repeat(numbers.len() - 1);
    let number = numbers
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(".");
    let title = one_line(node.title());
    let detail = node_detail(node);
    writeln!(out, "{indent}{number} {title}{detail}")?;
    if let NodeRef::Axis(axis) = node {
        if let Some(general) = &axis.general_objective {
            writeln!(out, "{indent}   Objectif général : {}", one_line(general))?;
        }
    }
    Ok(())
}

fn node_detail(node: &NodeRef<'_>) -> String {
    match node {
        NodeRef::StrategicObjective(o) => due_detail(o.due.as_ref()),
        NodeRef::SpecificObjective(o) => due_detail(o.due.as_ref()),
        NodeRef::Action(a) => format!(" [{}]", a.status.label_fr()),
        NodeRef::Axis(_) => String::new(),
    }
}

fn due_detail(due: Option<&ctg_core::plan::Due>) -> String {
    due.map(|d| format!(" (échéance {})", d.date))
        .unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `5 axes, 13 objectifs stratégiques, 86 objectifs spécifiques, 0 fiches actions`.
pub fn counts_line(plan: &Plan) -> String {
    let mut counts = [0usize; 4];
    for (_, node) in plan.walk() {
        counts[node.level().depth()] += 1;
    }
    Level::ALL
        .iter()
        .map(|level| {
            let count = counts[level.depth()];
            let noun = if count == 1 {
                level.label_fr()
            } else {
                level.plural_fr()
            };
            format!("{count} {noun}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}
