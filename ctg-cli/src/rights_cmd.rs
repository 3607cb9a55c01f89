//! `ctg rights …`: the access-to-rights subcommands.

use crate::conformance::ConformanceArgs;
use clap::Subcommand;
use std::io::{self, Write};

/// The `rights` family of subcommands.
#[derive(Debug, Subcommand)]
pub enum RightsCommand {
    /// Compare le catalogue de droits avec les montants calculés par OpenFisca-France.
    ///
    /// Pour chaque prestation : le taux d'accord (éligible ⇔ montant OpenFisca > 0) et chaque
    /// désaccord avec son explication. Code de sortie 0 si chaque prestation atteint `--min`,
    /// 1 sinon, 2 si un fichier est illisible. Méthode : docs/conformance.md.
    Conformance(ConformanceArgs),
}

impl RightsCommand {
    /// Runs the subcommand; `Err` only when writing the output fails.
    pub fn run(self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        match self {
            RightsCommand::Conformance(args) => args.run(out, err),
        }
    }
}
