//! `ctg evaluate` (the evaluation report of a plan at a date) and `ctg import-measurements`
//! (measurements from the spreadsheet partners keep, into the plan file).

use crate::ordered_json::Json;
use crate::plan_source::PlanSource;
use crate::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use ctg_core::evaluation::{compare, evaluate, report};
use ctg_core::indicator::Indicator;
use ctg_core::vocabulary::Public;
use ctg_core::Plan;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The evaluation subcommands.
#[derive(Debug, Subcommand)]
pub enum EvaluateCommand {
    /// Évalue le plan à une date : avancement, avancement attendu et statut de chaque
    /// indicateur, fiche action, objectif, axe et du plan (règles : docs/evaluation.md).
    Evaluate {
        /// Le fichier JSON du plan (par défaut : la CTG du Civraisien intégrée).
        file: Option<PathBuf>,
        /// La date d'évaluation (AAAA-MM-JJ) ; les mesures postérieures sont ignorées.
        #[arg(long, value_parser = parse_date_arg)]
        at: NaiveDate,
        /// Format du rapport : md (Markdown), html (page autonome), json, csv.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Ajoute « ce qui a changé depuis » cette date (AAAA-MM-JJ), par exemple le
        /// dernier comité de pilotage.
        #[arg(long, value_parser = parse_date_arg)]
        since: Option<NaiveDate>,
        /// Écrit le rapport dans ce fichier au lieu de la sortie standard.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Importe des mesures d'un tableur (CSV : indicator,date,value,source
    /// [,comment,commune,public]) dans le fichier du plan. Sans --write, montre seulement
    /// ce qui changerait.
    ///
    /// Séparateur « , » ou « ; » (détecté), virgule décimale acceptée (12,5), dates
    /// AAAA-MM-JJ ou JJ/MM/AAAA. Une mesure identique (indicateur, date, valeur, commune,
    /// public) n'est jamais ajoutée deux fois ; une valeur différente pour le même
    /// indicateur, la même date, commune et public est une erreur, sauf avec --replace.
    /// Si une ligne est fautive, toutes les erreurs sont listées avec leur numéro de ligne
    /// et rien n'est écrit.
    ImportMeasurements {
        /// Le fichier JSON du plan, réécrit avec --write (le reste du fichier est inchangé).
        file: PathBuf,
        /// Le fichier CSV des mesures.
        #[arg(long = "csv", value_name = "DATA.csv")]
        csv: PathBuf,
        /// Écrit les mesures dans le plan (sinon : essai à blanc).
        #[arg(long)]
        write: bool,
        /// Remplace la valeur d'une mesure existante (même indicateur, date, commune, public).
        #[arg(long)]
        replace: bool,
        /// N'écrit pas de copie de sauvegarde FICHIER.bak avant de réécrire le plan.
        #[arg(long)]
        no_backup: bool,
    },
}

/// The formats of the evaluation report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
    /// JSON: `{"evaluation": …, "comparison": …}`.
    Json,
    /// CSV, one row per node and per indicator.
    Csv,
}

fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("« {text} » n'est pas une date AAAA-MM-JJ (par exemple 2021-12-31)"))
}

impl EvaluateCommand {
    /// Runs the subcommand; `Err` only when writing the output fails.
    pub fn run(self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        match self {
            EvaluateCommand::Evaluate {
                file,
                at,
                format,
                since,
                output,
            } => run_evaluate(
                &PlanSource(file),
                at,
                format,
                since,
                output.as_deref(),
                out,
                err,
            ),
            EvaluateCommand::ImportMeasurements {
                file,
                csv,
                write,
                replace,
                no_backup,
            } => {
                let options = ImportOptions {
                    write,
                    replace,
                    backup: !no_backup,
                };
                import_measurements(&file, &csv, options, out, err)
            }
        }
    }
}

fn run_evaluate(
    source: &PlanSource,
    at: NaiveDate,
    format: ReportFormat,
    since: Option<NaiveDate>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let plan = match source.load_or_report(err) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let evaluation = evaluate(&plan, at);
    let comparison = since.map(|date| compare(&evaluate(&plan, date), &evaluation));
    let text = match format {
        ReportFormat::Md => report::markdown(&evaluation, comparison.as_ref()),
        ReportFormat::Html => report::html(&evaluation, comparison.as_ref()),
        ReportFormat::Json => report::json(&evaluation, comparison.as_ref()),
        ReportFormat::Csv => report::csv(&evaluation),
    };
    match output {
        Some(path) => {
            if let Err(error) = std::fs::write(path, text) {
                writeln!(err, "impossible d'écrire {} : {error}", path.display())?;
                return Ok(EXIT_USAGE);
            }
            writeln!(err, "rapport écrit dans {}", path.display())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(EXIT_OK)
}

/// How `import-measurements` applies its changes.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Write the plan back (else: dry run).
    pub write: bool,
    /// Replace the value of a measurement with the same indicator, date, commune and public.
    pub replace: bool,
    /// Keep a copy of the plan as `FILE.bak` before writing.
    pub backup: bool,
}

/// Where a measurement sits: indicator, date, commune, public.
type Slot = (String, NaiveDate, Option<String>, Option<String>);

/// One measurement read from the CSV file.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    line: u64,
    indicator: String,
    date: NaiveDate,
    value: f64,
    source: Option<String>,
    comment: Option<String>,
    commune: Option<String>,
    public: Option<String>,
}

impl Row {
    fn slot(&self) -> Slot {
        (
            self.indicator.clone(),
            self.date,
            self.commune.clone(),
            self.public.clone(),
        )
    }

    fn describe(&self) -> String {
        let mut text = format!(
            "{} au {} : {}",
            self.indicator,
            self.date,
            number_text(self.value)
        );
        if let Some(c) = &self.commune {
            text.push_str(&format!(" (commune {c})"));
        }
        if let Some(p) = &self.public {
            text.push_str(&format!(" (public {p})"));
        }
        text
    }
}

fn number_text(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// Guesses the delimiter from the header line: `;` (French spreadsheets), tab or `,`.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    let (semi, comma, tab) = (count(';'), count(','), count('\t'));
    if semi > 0 && semi >= comma && semi >= tab {
        b';'
    } else if tab > 0 && tab >= comma {
        b'\t'
    } else {
        b','
    }
}

fn parse_value(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

const COLUMNS: [&str; 7] = [
    "indicator",
    "date",
    "value",
    "source",
    "comment",
    "commune",
    "public",
];

fn column_of(header: &str) -> Option<usize> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let name = match h.as_str() {
        "indicateur" => "indicator",
        "valeur" => "value",
        "commentaire" => "comment",
        other => other,
    };
    COLUMNS.iter().position(|c| *c == name)
}

/// The ids a row may name.
struct Known<'a> {
    indicators: HashSet<&'a str>,
    communes: HashSet<&'a str>,
    sources: HashSet<&'a str>,
}

/// Reads the CSV text into rows; every problem as `ligne N : message`.
fn read_rows(text: &str, known: &Known<'_>) -> (Vec<Row>, Vec<String>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(error) => {
            errors.push(format!("ligne 1 : en-tête illisible ({error})"));
            return (rows, errors);
        }
    };
    let mut index = [None; 7];
    for (i, h) in headers.iter().enumerate() {
        match column_of(h) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            Some(_) => errors.push(format!("ligne 1 : la colonne « {h} » apparaît deux fois")),
            None => errors.push(format!(
                "ligne 1 : colonne « {h} » inconnue ; colonnes possibles : {}",
                COLUMNS.join(", ")
            )),
        }
    }
    for required in 0..3 {
        if index[required].is_none() {
            errors.push(format!(
                "ligne 1 : il manque la colonne « {} » (l'en-tête doit nommer au moins indicator, date, value)",
                COLUMNS[required]
            ));
        }
    }
    if !errors.is_empty() {
        return (rows, errors);
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(error) => {
                let line = error.position().map(|p| p.line()).unwrap_or(0);
                errors.push(format!("ligne {line} : ligne illisible ({error})"));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            errors.push(format!(
                "ligne {line} : {} champs pour {} colonnes (séparateur en trop, ou valeur à mettre entre guillemets ?)",
                record.len(),
                headers.len()
            ));
            continue;
        }
        let field = |c: usize| -> Option<String> {
            index[c]
                .and_then(|i| record.get(i))
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
        };
        let mut problems = Vec::new();
        let indicator = field(0).unwrap_or_default();
        if indicator.is_empty() {
            problems.push("l'identifiant de l'indicateur est vide".to_owned());
        } else if !known.indicators.contains(indicator.as_str()) {
            problems.push(format!(
                "l'indicateur « {indicator} » n'existe pas dans le plan"
            ));
        }
        let date_text = field(1).unwrap_or_default();
        let date = parse_date(&date_text);
        if date.is_none() {
            problems.push(format!(
                "« {date_text} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)"
            ));
        }
        let value_text = field(2).unwrap_or_default();
        let value = parse_value(&value_text);
        if value.is_none() {
            problems.push(format!(
                "« {value_text} » n'est pas un nombre (exemples : 12, 12,5, 12.5)"
            ));
        }
        let commune = field(5);
        if let Some(c) = &commune {
            if !known.communes.contains(c.as_str()) {
                problems.push(format!(
                    "la commune « {c} » n'est pas une commune du territoire du plan (code INSEE attendu)"
                ));
            }
        }
        let source = field(3);
        if let Some(src) = &source {
            if !known.sources.contains(src.as_str()) {
                problems.push(format!(
                    "la source « {src} » n'est pas l'identifiant d'une source du plan ($.sources) ; déclarez-la dans le plan ou laissez la colonne vide"
                ));
            }
        }
        let public = field(6);
        if let Some(p) = &public {
            if !Public::from_code(p).is_known() {
                problems.push(format!(
                    "public « {p} » inconnu ; valeurs possibles : {}",
                    Public::codes().join(", ")
                ));
            }
        }
        if problems.is_empty() {
            if let (Some(date), Some(value)) = (date, value) {
                rows.push(Row {
                    line,
                    indicator,
                    date,
                    value,
                    source,
                    comment: field(4),
                    commune,
                    public,
                });
            }
        } else {
            for p in problems {
                errors.push(format!("ligne {line} : {p}"));
            }
        }
    }
    (rows, errors)
}

fn add<'p>(
    prefix: &[PathStep],
    indicators: &'p [Indicator],
) -> Vec<(Vec<PathStep>, &'p Indicator)> {
    let mut v = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        let mut path = prefix.to_vec();
        path.push(PathStep::Key("indicators"));
        path.push(PathStep::Index(i));
        v.push((path, ind));
    }
    v
}

/// Every indicator of the plan with its JSON path, in file order.
fn indicator_paths(plan: &Plan) -> Vec<(Vec<PathStep>, &Indicator)> {
    let mut out = Vec::new();
    out.extend(add(&[], &plan.indicators));
    for (a, axis) in plan.axes.iter().enumerate() {
        let pa = vec![PathStep::Key("axes"), PathStep::Index(a)];
        out.extend(add(&pa, &axis.indicators));
        for (s, so) in axis.strategic_objectives.iter().enumerate() {
            let mut ps = pa.clone();
            ps.extend([PathStep::Key("strategic_objectives"), PathStep::Index(s)]);
            out.extend(add(&ps, &so.indicators));
            for (p, sp) in so.specific_objectives.iter().enumerate() {
                let mut pp = ps.clone();
                pp.extend([PathStep::Key("specific_objectives"), PathStep::Index(p)]);
                out.extend(add(&pp, &sp.indicators));
                for (i, action) in sp.actions.iter().enumerate() {
                    let mut pi = pp.clone();
                    pi.extend([PathStep::Key("actions"), PathStep::Index(i)]);
                    out.extend(add(&pi, &action.indicators));
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum PathStep {
    Key(&'static str),
    Index(usize),
}

fn node_at<'v>(root: &'v mut Json, path: &[PathStep]) -> Option<&'v mut Json> {
    let mut node = root;
    for step in path {
        node = match step {
            PathStep::Key(k) => node.get_mut(k)?,
            PathStep::Index(i) => node.index_mut(*i)?,
        };
    }
    Some(node)
}

fn json_number(value: f64) -> Json {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Json::Number((value as i64).into())
    } else {
        serde_json::Number::from_f64(value).map_or(Json::Null, Json::Number)
    }
}

fn measurement_json(row: &Row) -> Json {
    let mut m = Json::Object(Vec::new());
    m.set("date", Json::String(row.date.to_string()));
    m.set("value", json_number(row.value));
    for (key, value) in [
        ("source", &row.source),
        ("comment", &row.comment),
        ("commune", &row.commune),
        ("public", &row.public),
    ] {
        if let Some(v) = value {
            m.set(key, Json::String(v.clone()));
        }
    }
    m
}

enum Change<'a> {
    Add(&'a Row),
    Replace(&'a Row, usize, f64),
}

/// The checks `ctg import-measurements` makes on the CSV text, without any file: reads every
/// row against the plan (indicator, date, value, commune, source, public) and returns the
/// number of well-formed rows, or every problem as `ligne N : message`. A pure function, for
/// tests and fuzzing; the command itself goes on to compare the rows with the plan's
/// measurements.
pub fn check_measurements_csv(plan: &Plan, csv_text: &str) -> Result<usize, Vec<String>> {
    let paths = indicator_paths(plan);
    let known = Known {
        indicators: paths.iter().map(|(_, ind)| ind.id.as_str()).collect(),
        communes: plan
            .territory
            .communes
            .iter()
            .map(|c| c.insee.as_str())
            .collect(),
        sources: plan.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let (rows, errors) = read_rows(csv_text, &known);
    if errors.is_empty() {
        Ok(rows.len())
    } else {
        Err(errors)
    }
}

/// `ctg import-measurements`: reads `csv_path`, checks every row, shows (or, with `write`,
/// applies) the measurements to add. Returns the exit code.
pub fn import_measurements(
    plan_path: &Path,
    csv_path: &Path,
    options: ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let source = PlanSource(Some(plan_path.to_path_buf()));
    let bytes = match source.bytes() {
        Ok(b) => b,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let plan = match source.load_or_report(err) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let csv_text = match crate::input::read_file(csv_path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => {
                writeln!(
                    err,
                    "{} n'est pas en UTF-8 : enregistrez le tableur en « CSV UTF-8 ».",
                    csv_path.display()
                )?;
                return Ok(EXIT_USAGE);
            }
        },
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let paths = indicator_paths(&plan);
    let by_id: HashMap<&str, usize> = paths
        .iter()
        .enumerate()
        .map(|(i, (_, ind))| (ind.id.as_str(), i))
        .collect();
    let known = Known {
        indicators: by_id.keys().copied().collect(),
        communes: plan
            .territory
            .communes
            .iter()
            .map(|c| c.insee.as_str())
            .collect(),
        sources: plan.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let (rows, mut errors) = read_rows(&csv_text, &known);

    // Decide, row by row, against the plan and the rows before it.
    let mut seen: HashMap<Slot, &Row> = HashMap::new();
    let mut changes: Vec<Change> = Vec::new();
    let mut unchanged = 0usize;
    for row in &rows {
        let slot = row.slot();
        if let Some(previous) = seen.get(&slot) {
            if previous.value.to_bits() == row.value.to_bits() {
                unchanged += 1;
            } else {
                errors.push(format!(
                    "ligne {} : {} — la ligne {} donne une autre valeur ({}) pour le même indicateur, la même date, commune et public",
                    row.line,
                    row.describe(),
                    previous.line,
                    number_text(previous.value)
                ));
            }
            continue;
        }
        seen.insert(slot, row);
        let Some(&k) = by_id.get(row.indicator.as_str()) else {
            continue;
        };
        let indicator = paths[k].1;
        let existing = indicator.measurements.iter().position(|m| {
            m.date == row.date
                && m.commune == row.commune
                && m.public.as_ref().map(|p| p.code()) == row.public.as_deref()
        });
        match existing {
            Some(j) if indicator.measurements[j].value.to_bits() == row.value.to_bits() => {
                unchanged += 1
            }
            Some(j) => {
                let old = indicator.measurements[j].value;
                if options.replace {
                    changes.push(Change::Replace(row, j, old));
                } else {
                    errors.push(format!(
                        "ligne {} : {} — le plan a déjà {} pour cet indicateur à cette date ; corrigez la ligne, ou relancez avec --replace pour remplacer la valeur",
                        row.line,
                        row.describe(),
                        number_text(old)
                    ));
                }
            }
            None => changes.push(Change::Add(row)),
        }
    }
    if !errors.is_empty() {
        writeln!(
            err,
            "{} : {} erreur(s), rien n'a été écrit :",
            csv_path.display(),
            errors.len()
        )?;
        for e in &errors {
            writeln!(err, "  {e}")?;
        }
        return Ok(EXIT_INVALID);
    }
    let adds = changes
        .iter()
        .filter(|c| matches!(c, Change::Add(_)))
        .count();
    let replaces = changes.len() - adds;
    for change in &changes {
        match change {
            Change::Add(row) => {
                writeln!(out, "+ ligne {} : ajout de {}", row.line, row.describe())?
            }
            Change::Replace(row, _, old) => writeln!(
                out,
                "~ ligne {} : {} (remplace {})",
                row.line,
                row.describe(),
                number_text(*old)
            )?,
        }
    }
    writeln!(
        out,
        "{adds} mesure(s) à ajouter, {replaces} à remplacer, {unchanged} déjà présente(s)."
    )?;
    if changes.is_empty() {
        writeln!(out, "Rien à écrire : le plan est déjà à jour.")?;
        return Ok(EXIT_OK);
    }
    if !options.write {
        writeln!(
            out,
            "Essai à blanc : relancez avec --write pour écrire ces mesures dans {}.",
            plan_path.display()
        )?;
        return Ok(EXIT_OK);
    }

    // Apply on the JSON tree, so that everything else in the file stays as it is.
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
    let mut tree: Json = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(error) => {
            writeln!(err, "{} : {error}", plan_path.display())?;
            return Ok(EXIT_INVALID);
        }
    };
    for change in &changes {
        let (row, replace_at) = match change {
            Change::Add(row) => (*row, None),
            Change::Replace(row, j, _) => (*row, Some(*j)),
        };
        let Some(&k) = by_id.get(row.indicator.as_str()) else {
            continue;
        };
        let Some(indicator @ Json::Object(_)) = node_at(&mut tree, &paths[k].0) else {
            writeln!(
                err,
                "indicateur « {} » introuvable dans l'arbre JSON ; rien n'a été écrit",
                row.indicator
            )?;
            return Ok(EXIT_INVALID);
        };
        if indicator.get_mut("measurements").is_none() {
            indicator.set("measurements", Json::Array(Vec::new()));
        }
        let Some(Json::Array(list)) = indicator.get_mut("measurements") else {
            writeln!(
                err,
                "« measurements » de « {} » n'est pas une liste ; rien n'a été écrit",
                row.indicator
            )?;
            return Ok(EXIT_INVALID);
        };
        match replace_at {
            None => list.push(measurement_json(row)),
            Some(j) => {
                if let Some(m) = list.get_mut(j) {
                    m.set("value", json_number(row.value));
                    for (key, value) in [("source", &row.source), ("comment", &row.comment)] {
                        if let Some(v) = value {
                            m.set(key, Json::String(v.clone()));
                        }
                    }
                }
            }
        }
    }
    let mut new_text = match serde_json::to_string_pretty(&tree) {
        Ok(t) => t,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(EXIT_INVALID);
        }
    };
    new_text.push('\n');
    if let Err(errors) = Plan::from_json(&new_text) {
        writeln!(
            err,
            "Le plan ne serait plus valide après l'import ; rien n'a été écrit :"
        )?;
        for e in errors.errors() {
            writeln!(err, "  {}", crate::plan_cmd::error_line(e))?;
        }
        return Ok(EXIT_INVALID);
    }
    if let Err(error) = write_atomically(
        plan_path,
        new_text.as_bytes(),
        options.backup.then_some(bytes.as_slice()),
    ) {
        writeln!(
            err,
            "impossible d'écrire {} : {error} ; le fichier n'a pas été modifié",
            plan_path.display()
        )?;
        return Ok(EXIT_USAGE);
    }
    writeln!(out, "{} mis à jour.", plan_path.display())?;
    Ok(EXIT_OK)
}

/// Writes `bytes` to `path` so that, whatever happens — an error, a full disk, the process
/// killed, the machine stopped — `path` holds either its old contents or all of `bytes`: a
/// temporary file in the same folder, flushed to disk, renamed over `path` (a rename is
/// atomic within a file system). With `backup`, the old contents are first saved the same way
/// as `path.bak`. The file keeps its permissions.
fn write_atomically(path: &Path, bytes: &[u8], backup: Option<&[u8]>) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.json".to_owned());
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    if let Some(old) = backup {
        replace_file(
            &path.with_file_name(format!("{name}.bak")),
            old,
            permissions.clone(),
        )?;
    }
    replace_file(path, bytes, permissions)
}

/// One atomic replacement: temporary file, `fsync`, rename, `fsync` of the folder. The
/// temporary file is removed if anything fails before the rename.
fn replace_file(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    // The rename itself reaches the disk with the folder (Unix); elsewhere, best effort.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spreadsheet_conventions() {
        assert_eq!(detect_delimiter("indicator;date;value\n"), b';');
        assert_eq!(detect_delimiter("indicator,date,value\n"), b',');
        assert_eq!(parse_value("12,5"), Some(12.5));
        assert_eq!(parse_value("1 234,5"), Some(1234.5));
        assert_eq!(parse_value("1,2,3"), None);
        assert_eq!(parse_value("abc"), None);
        assert_eq!(
            parse_date("31/12/2021"),
            NaiveDate::from_ymd_opt(2021, 12, 31)
        );
    }
}
