//! The `ctg` command, as a library so that tests can run it in-process.
//!
//! Each family of subcommands lives in its own module and is flattened into [`Commands`]:
//! to add one, write its `Subcommand` enum with a `run` method in a new module, then add a
//! `#[command(flatten)]` variant and its match arm below.
//!
//! Exit codes: 0 success, 1 invalid data, 2 usage error or unreadable file.

pub mod conformance;
pub mod evaluate_cmd;
pub mod input;
pub mod ordered_json;
pub mod plan_cmd;
pub mod plan_source;
pub mod rights_cmd;

use clap::{ColorChoice, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;

/// Exit code: the command succeeded and the data is valid.
pub const EXIT_OK: i32 = 0;
/// Exit code: the data is invalid.
pub const EXIT_INVALID: i32 = 1;
/// Exit code: the command line is wrong, or a file cannot be read.
pub const EXIT_USAGE: i32 = 2;

/// Outils pour la Convention Territoriale Globale (CTG) : valider, afficher et évaluer un
/// plan, explorer l'accès aux droits.
///
/// Sans FICHIER, les commandes utilisent la CTG du Civraisien en Poitou (signée le
/// 1er juillet 2019), intégrée au programme.
#[derive(Debug, Parser)]
#[command(name = "ctg", version, color = ColorChoice::Never)]
#[command(after_help = "Codes de sortie : 0 succès, 1 données invalides, \
    2 erreur d'utilisation ou fichier illisible.\n\
    Format des plans : docs/plan-format.md ; schéma JSON : `ctg schema`.")]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Commands,
}

/// Every subcommand of `ctg`, grouped by family.
#[derive(Debug, Subcommand)]
pub enum Commands {
    /// validate, show, schema.
    #[command(flatten)]
    Plan(plan_cmd::PlanCommand),
    /// evaluate, import-measurements.
    #[command(flatten)]
    Evaluate(evaluate_cmd::EvaluateCommand),
    /// Accès aux droits : conformance.
    #[command(subcommand)]
    Rights(rights_cmd::RightsCommand),
}

/// Runs the `ctg` command with `args` (the first being the program name), writing to `out`
/// and `err`, and returns the process exit code.
///
/// ```
/// let mut out = Vec::new();
/// let mut err = Vec::new();
/// let code = ctg_cli::run(["ctg", "schema"], &mut out, &mut err);
/// assert_eq!(code, 0);
/// assert!(String::from_utf8(out).unwrap().contains("\"$schema\""));
/// ```
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error, out, err),
    };
    let result = match cli.command {
        Commands::Plan(command) => command.run(out, err),
        Commands::Evaluate(command) => command.run(out, err),
        Commands::Rights(command) => command.run(out, err),
    };
    result.unwrap_or(EXIT_INVALID)
}

/// Prints clap's message: help and version on `out` (exit 0), mistakes on `err` (exit 2).
fn usage_error(error: &clap::Error, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let text = error.render().to_string();
    if error.use_stderr() {
        let _ = write!(err, "{text}");
        EXIT_USAGE
    } else {
        let _ = write!(out, "{text}");
        EXIT_OK
    }
}
