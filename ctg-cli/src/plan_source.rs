//! Where a command reads its plan: a file given on the command line, or the embedded
//! Civraisien plan.

use ctg_core::{Plan, ValidationErrors};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A plan to read: a file, or the embedded Civraisien plan when `None`.
#[derive(Debug, Clone)]
pub struct PlanSource(pub Option<PathBuf>);

impl PlanSource {
    /// The name shown in messages: the file path, or `CTG du Civraisien (intégrée)`.
    pub fn name(&self) -> String {
        match &self.0 {
            Some(path) => path.display().to_string(),
            None => "CTG du Civraisien en Poitou (intégrée)".to_owned(),
        }
    }

    /// The bytes of the plan; a French message when the file cannot be read.
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        match &self.0 {
            Some(path) => read(path),
            None => Ok(ctg_core::civraisien::PLAN_JSON.as_bytes().to_vec()),
        }
    }

    /// Reads and validates the plan.
    pub fn load(&self) -> Result<Result<Plan, ValidationErrors>, String> {
        Ok(Plan::from_slice(&self.bytes()?))
    }

    /// Reads the plan for a command that needs a valid one: on failure, prints the problems
    /// (or the reading error) on `err` and returns the exit code to end with.
    pub fn load_or_report(&self, err: &mut dyn Write) -> Result<Plan, i32> {
        match self.load() {
            Ok(Ok(plan)) => Ok(plan),
            Ok(Err(errors)) => {
                let _ = writeln!(err, "{} n'est pas un plan valide :", self.name());
                for error in errors.errors() {
                    let _ = writeln!(err, "  {}", crate::plan_cmd::error_line(error));
                }
                Err(crate::EXIT_INVALID)
            }
            Err(message) => {
                let _ = writeln!(err, "{message}");
                Err(crate::EXIT_USAGE)
            }
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    crate::input::read_file(path)
}
