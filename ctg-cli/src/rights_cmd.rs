//! `ctg rights …`: the access-to-rights subcommands — `check` (results and explanations of one
//! situation), `ask` (an interactive questionnaire driven by the next question), `batch` (one
//! row per household, streaming) and `conformance`.

use crate::conformance::ConformanceArgs;
use crate::input::{LineLimited, MAX_LINE_BYTES};
use crate::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use ctg_core::rights::catalogue::QuestionType;
use ctg_core::rights::{
    render_explanation, CompiledCatalogue, DatedCatalogue, MemberInput, QuestionRef, Session,
    Situation, SituationInput, Status,
};
use serde_json::{json, Map, Value};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The `rights` family of subcommands.
#[derive(Debug, Subcommand)]
pub enum RightsCommand {
    /// Compare le catalogue de droits avec les montants calculés par OpenFisca-France.
    ///
    /// Pour chaque prestation : le taux d'accord (éligible ⇔ montant OpenFisca > 0) et chaque
    /// désaccord avec son explication. Code de sortie 0 si chaque prestation atteint `--min`,
    /// 1 sinon, 2 si un fichier est illisible. Méthode : docs/conformance.md.
    Conformance(ConformanceArgs),
    /// Évalue une situation : chaque aide est éligible, non éligible, pas encore déterminée
    /// (avec les questions qui restent) ou non applicable à la date, avec son explication.
    Check(CheckArgs),
    /// Questionnaire interactif : pose, une à une, la question qui décide le plus d'aides.
    ///
    /// Lit les réponses sur l'entrée standard, une par ligne (fonctionne aussi en tube) :
    /// « ? » ou ligne vide = je ne sais pas ; « retour » = revenir à la question précédente ;
    /// « fin » = arrêter et afficher les résultats.
    Ask(AskArgs),
    /// Évalue un fichier de foyers (CSV ou JSONL), une ligne de résultat par foyer, en flux.
    ///
    /// Colonnes CSV : voir docs/rights-format.md (« Batch files »).
    Batch(BatchArgs),
}

impl RightsCommand {
    /// Runs the subcommand; `Err` only when writing the output fails.
    pub fn run(self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        match self {
            RightsCommand::Conformance(args) => args.run(out, err),
            RightsCommand::Check(args) => args.run(out, err),
            RightsCommand::Ask(args) => {
                let mut input = io::BufReader::new(LineLimited::new(io::stdin(), MAX_LINE_BYTES));
                args.run(&mut input, out, err)
            }
            RightsCommand::Batch(args) => args.run(out, err),
        }
    }
}

/// Options shared by the rights subcommands.
#[derive(Debug, Clone, Args)]
pub struct CatalogueArgs {
    /// Le catalogue de droits (par défaut : celui du Civraisien, intégré).
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
    /// La date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui).
    #[arg(long, value_parser = parse_date)]
    pub at: Option<NaiveDate>,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("date invalide « {text} » : écrire AAAA-MM-JJ"))
}

/// Today's date (UTC), from the system clock: the CLI is where "today" comes from.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i32::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_num_days_from_ce_opt(719_163 + days).unwrap_or_default()
}

impl CatalogueArgs {
    fn load(&self, err: &mut dyn Write) -> io::Result<Result<CompiledCatalogue, i32>> {
        let compiled = match &self.catalogue {
            None => CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()),
            Some(path) => match crate::input::read_file(path) {
                Ok(bytes) => CompiledCatalogue::from_json(&bytes),
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(Err(EXIT_USAGE));
                }
            },
        };
        match compiled {
            Ok(c) => Ok(Ok(c)),
            Err(errors) => {
                let name = self
                    .catalogue
                    .as_deref()
                    .map_or("catalogue".into(), |p| p.display().to_string());
                for e in &errors.0 {
                    writeln!(err, "{name} : {} : {}", e.path, e.message)?;
                }
                Ok(Err(EXIT_INVALID))
            }
        }
    }

    fn date(&self) -> NaiveDate {
        self.at.unwrap_or_else(today)
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Texte lisible, en français.
    Text,
    /// JSON : résultats et explications.
    Json,
}

/// Arguments of `ctg rights check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// La situation (JSON, voir docs/rights-format.md « Situations »).
    #[arg(long)]
    pub situation: PathBuf,
    /// Catalogue and date.
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
    /// N'afficher que cette aide (identifiant).
    #[arg(long)]
    pub benefit: Option<String>,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// En texte : seulement le statut de chaque aide (et ce qui reste à savoir), sans le détail
    /// des conditions.
    #[arg(long)]
    pub brief: bool,
}

impl CheckArgs {
    /// Evaluates the situation: exit 0, 1 if the catalogue or situation is invalid, 2 if a
    /// file cannot be read.
    pub fn run(&self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        let catalogue = match self.catalogue.load(err)? {
            Ok(c) => c,
            Err(code) => return Ok(code),
        };
        let bytes = match crate::input::read_file(&self.situation) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "{e}")?;
                return Ok(EXIT_USAGE);
            }
        };
        let situation = match Situation::from_json(&catalogue, &bytes) {
            Ok(s) => s,
            Err(errors) => {
                for e in &errors.0 {
                    writeln!(
                        err,
                        "{} : {} : {}",
                        self.situation.display(),
                        e.path,
                        e.message
                    )?;
                }
                return Ok(EXIT_INVALID);
            }
        };
        let indices: Vec<usize> = match &self.benefit {
            None => (0..catalogue.catalogue().benefits.len()).collect(),
            Some(id) => match catalogue.benefit_position(id) {
                Some(i) => vec![i],
                None => {
                    writeln!(err, "aide inconnue « {id} »")?;
                    return Ok(EXIT_USAGE);
                }
            },
        };
        let date = self.catalogue.date();
        let dated = catalogue.at(date);
        let explanations: Vec<_> = indices
            .iter()
            .map(|&i| dated.explain(&situation, i))
            .collect();
        match self.format {
            CheckFormat::Json => {
                let results = dated.evaluate(&situation);
                let results: Vec<_> = indices.iter().map(|&i| &results[i]).collect();
                let v = json!({
                    "date": date.to_string(),
                    "situation": situation.id(),
                    "results": results,
                    "explanations": explanations,
                    "next_question": dated.next_question(&situation, &[]),
                });
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&v).map_err(io::Error::other)?
                )?;
            }
            CheckFormat::Text => {
                writeln!(
                    out,
                    "{} — évaluation au {}",
                    catalogue.catalogue().title,
                    date.format("%d/%m/%Y")
                )?;
                for (e, &i) in explanations.iter().zip(&indices) {
                    writeln!(out)?;
                    for line in render_explanation(e) {
                        let keep = !self.brief
                            || !line.starts_with(' ')
                            || line.starts_with("  Il reste")
                            || e.reason.as_deref().is_some_and(|r| line.trim() == r);
                        if keep {
                            writeln!(out, "{line}")?;
                        }
                    }
                    if e.status == Status::Eligible && !self.brief {
                        write_how_to_apply(&catalogue, i, out)?;
                    }
                }
                if let Some(q) = dated.next_question(&situation, &[]) {
                    writeln!(
                        out,
                        "\nQuestion suivante : {}",
                        dated.question_text(&situation, &q)
                    )?;
                }
            }
        }
        Ok(EXIT_OK)
    }
}

fn write_how_to_apply(
    catalogue: &CompiledCatalogue,
    i: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let b = &catalogue.catalogue().benefits[i];
    if let Some(apply) = &b.apply {
        writeln!(
            out,
            "  Faire la demande : {}{}",
            apply
                .label
                .as_deref()
                .map(|l| format!("{l} — "))
                .unwrap_or_default(),
            apply.url
        )?;
    }
    for place in &b.places {
        if let Some(p) = catalogue.catalogue().places.iter().find(|p| &p.id == place) {
            writeln!(out, "  Se faire aider : {}", p.name)?;
        }
    }
    Ok(())
}

/// Arguments of `ctg rights ask`.
#[derive(Debug, Clone, Args)]
pub struct AskArgs {
    /// Catalogue and date.
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
    /// Partir d'une situation déjà connue (JSON).
    #[arg(long)]
    pub situation: Option<PathBuf>,
    /// À la fin, écrire la situation obtenue dans ce fichier (JSON).
    #[arg(long)]
    pub save: Option<PathBuf>,
}

/// Parses a typed answer for a question (`None` when it cannot be read).
fn read_answer(catalogue: &CompiledCatalogue, q: &QuestionRef, text: &str) -> Option<Value> {
    let t = text.trim();
    let number = || {
        t.replace(['\u{202f}', ' '], "")
            .replace(',', ".")
            .parse::<f64>()
            .ok()
    };
    let date = || {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
            .ok()
    };
    match catalogue.question(&q.question) {
        None => {
            // Built-in questions: counts and age (or birth date).
            if q.question == "age" {
                if let Some(d) = date() {
                    return Some(json!(d.to_string()));
                }
            }
            t.parse::<u64>().ok().map(Value::from)
        }
        Some(question) => match question.kind {
            QuestionType::OuiNon => match t.to_lowercase().as_str() {
                "oui" | "o" | "yes" | "y" | "true" | "1" => Some(json!(true)),
                "non" | "n" | "no" | "false" | "0" => Some(json!(false)),
                _ => None,
            },
            QuestionType::Entier | QuestionType::MontantMensuel | QuestionType::MontantAnnuel => {
                number().map(|x| {
                    if x.fract() == 0.0 && x.abs() < 9e15 {
                        json!(x as i64)
                    } else {
                        json!(x)
                    }
                })
            }
            QuestionType::Date => date().map(|d| json!(d.to_string())),
            QuestionType::Choix => {
                if let Ok(n) = t.parse::<usize>() {
                    question
                        .options
                        .get(n.wrapping_sub(1))
                        .map(|o| json!(o.code))
                } else {
                    question
                        .options
                        .iter()
                        .find(|o| o.code == t || o.label.eq_ignore_ascii_case(t))
                        .map(|o| json!(o.code))
                }
            }
            QuestionType::Commune => Some(json!(t.to_uppercase())),
        },
    }
}

fn type_hint(catalogue: &CompiledCatalogue, q: &QuestionRef) -> String {
    match catalogue.question(&q.question) {
        None if q.question == "age" => {
            "un âge en années, ou une date de naissance AAAA-MM-JJ".into()
        }
        None => "un nombre entier".into(),
        Some(question) => match question.kind {
            QuestionType::OuiNon => "oui / non".into(),
            QuestionType::Entier => "un nombre entier".into(),
            QuestionType::MontantMensuel => "un montant en euros par mois".into(),
            QuestionType::MontantAnnuel => "un montant en euros par an".into(),
            QuestionType::Date => "une date AAAA-MM-JJ ou JJ/MM/AAAA".into(),
            QuestionType::Choix => {
                let options: Vec<String> = question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| format!("{}) {}", i + 1, o.label))
                    .collect();
                format!(
                    "le numéro ou le code d'une option : {}",
                    options.join(" ; ")
                )
            }
            QuestionType::Commune => {
                "le code INSEE de la commune (5 caractères, par exemple 86078)".into()
            }
        },
    }
}

impl AskArgs {
    /// Runs the questionnaire, reading answers from `input` line by line.
    pub fn run(
        &self,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<i32> {
        let catalogue = match self.catalogue.load(err)? {
            Ok(c) => c,
            Err(code) => return Ok(code),
        };
        let situation = match &self.situation {
            None => Situation::empty(&catalogue),
            Some(path) => {
                let bytes = match crate::input::read_file(path) {
                    Ok(b) => b,
                    Err(e) => {
                        writeln!(err, "{e}")?;
                        return Ok(EXIT_USAGE);
                    }
                };
                match Situation::from_json(&catalogue, &bytes) {
                    Ok(s) => s,
                    Err(errors) => {
                        for e in &errors.0 {
                            writeln!(err, "{} : {} : {}", path.display(), e.path, e.message)?;
                        }
                        return Ok(EXIT_INVALID);
                    }
                }
            }
        };
        let date = self.catalogue.date();
        let mut session = Session::with_situation(catalogue.at(date), situation);
        writeln!(
            out,
            "{} — questionnaire au {}",
            catalogue.catalogue().title,
            date.format("%d/%m/%Y")
        )?;
        writeln!(out, "Répondez à chaque question. « ? » : je ne sais pas ; « retour » : question précédente ; « fin » : arrêter.")?;
        let mut line = String::new();
        let mut number = 0;
        while let Some(q) = session.next_question() {
            number += 1;
            writeln!(
                out,
                "\nQuestion {number} : {}",
                session.dated().question_text(session.situation(), &q)
            )?;
            if let Some(help) = catalogue
                .question(&q.question)
                .and_then(|q| q.help.as_deref())
            {
                writeln!(out, "  {help}")?;
            }
            writeln!(out, "  Réponse attendue : {}", type_hint(&catalogue, &q))?;
            write!(out, "> ")?;
            out.flush()?;
            line.clear();
            match input.read_line(&mut line) {
                Ok(0) => {
                    writeln!(out, "\n(fin de l'entrée)")?;
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    writeln!(err, "entrée illisible : {e}")?;
                    return Ok(EXIT_USAGE);
                }
            }
            let text = line.trim();
            match text {
                "fin" | "quitter" => break,
                "retour" => {
                    match session.back() {
                        Some(previous) => writeln!(
                            out,
                            "Retour à : {}",
                            session
                                .dated()
                                .question_text(session.situation(), &previous)
                        )?,
                        None => writeln!(out, "Pas de question précédente.")?,
                    }
                    continue;
                }
                "" | "?" | "je ne sais pas" => {
                    session.decline(&q);
                    continue;
                }
                _ => {}
            }
            match read_answer(&catalogue, &q, text) {
                None => writeln!(out, "Réponse non comprise : {}.", type_hint(&catalogue, &q))?,
                Some(value) => {
                    if let Err(e) = session.answer(&q, &value) {
                        writeln!(out, "Réponse refusée : {}", e.message)?;
                    }
                }
            }
        }
        writeln!(out, "\nRésultats au {} :", date.format("%d/%m/%Y"))?;
        let results = session.results();
        for (i, r) in results.iter().enumerate() {
            let b = &catalogue.catalogue().benefits[i];
            writeln!(out, "- {} : {}", b.name, r.status.label_fr())?;
            if r.status == Status::Eligible {
                write_how_to_apply(&catalogue, i, out)?;
            }
        }
        if let Some(path) = &self.save {
            let input = session.situation().to_input(&catalogue);
            let text = serde_json::to_string_pretty(&input).map_err(io::Error::other)?;
            if let Err(e) = std::fs::write(path, text + "\n") {
                writeln!(err, "{} : {e}", path.display())?;
                return Ok(EXIT_USAGE);
            }
        }
        Ok(EXIT_OK)
    }
}

/// Output format of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// CSV : `id` puis une colonne par aide.
    Csv,
    /// JSON Lines : `{"id": …, "results": {aide: statut}}`.
    Jsonl,
}

/// Arguments of `ctg rights batch`.
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// Le fichier des foyers : `.csv` ou `.jsonl` (`-` : entrée standard en JSONL).
    #[arg(long)]
    pub situations: PathBuf,
    /// Catalogue and date.
    #[command(flatten)]
    pub catalogue: CatalogueArgs,
    /// Format de sortie.
    #[arg(long, value_enum, default_value_t = BatchFormat::Csv)]
    pub format: BatchFormat,
    /// Ne pas afficher de barre de progression.
    #[arg(long)]
    pub no_progress: bool,
}

/// How a CSV column is read.
#[derive(Debug, Clone)]
enum Column {
    Id,
    Answer(String),
    Member {
        adult: bool,
        n: usize,
        field: String,
    },
    Ignored,
}

fn classify(header: &str, catalogue: &CompiledCatalogue) -> Result<Column, String> {
    let h = header.trim();
    if h == "id" {
        return Ok(Column::Id);
    }
    if h == "nombre_adultes" || h == "nombre_enfants" {
        return Ok(Column::Answer(h.into()));
    }
    if let Some(q) = catalogue.question(h) {
        if q.scope == ctg_core::rights::catalogue::Scope::Foyer {
            return Ok(Column::Answer(h.into()));
        }
        return Err(format!(
            "colonne « {h} » : question posée à chaque membre, écrivez adulte1_{h}, enfant1_{h}…"
        ));
    }
    for (prefix, adult) in [("adulte", true), ("enfant", false)] {
        if let Some(rest) = h.strip_prefix(prefix) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(n), Some(field)) = (
                digits.parse::<usize>(),
                rest[digits.len()..].strip_prefix('_'),
            ) {
                let known =
                    field == "age" || field == "birth_date" || catalogue.question(field).is_some();
                if n >= 1 && known {
                    return Ok(Column::Member {
                        adult,
                        n,
                        field: field.into(),
                    });
                }
            }
        }
    }
    if h.starts_with('_') {
        return Ok(Column::Ignored);
    }
    Err(format!("colonne inconnue « {h} » (ni question du catalogue, ni id, ni adulteN_… / enfantN_… ; préfixez-la de « _ » pour l'ignorer)"))
}

fn csv_situation(columns: &[Column], record: &csv::StringRecord) -> Result<SituationInput, String> {
    let mut input = SituationInput::default();
    let mut members: std::collections::BTreeMap<(bool, usize), MemberInput> = Default::default();
    let any_member_column = columns.iter().any(|c| matches!(c, Column::Member { .. }));
    let mut counts = [None, None];
    for (column, cell) in columns.iter().zip(record.iter()) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Id => input.id = Some(cell.to_owned()),
            Column::Ignored => {}
            Column::Answer(id) if id == "nombre_adultes" || id == "nombre_enfants" => {
                let n = cell
                    .parse::<usize>()
                    .map_err(|_| format!("{id} : nombre entier attendu, pas « {cell} »"))?;
                counts[usize::from(id == "nombre_enfants")] = Some(n);
            }
            Column::Answer(id) => {
                input
                    .answers
                    .insert(id.clone(), Value::String(cell.to_owned()));
            }
            Column::Member { adult, n, field } => {
                let m = members.entry((!adult, *n)).or_insert_with(|| MemberInput {
                    role: if *adult {
                        ctg_core::rights::expr::MemberRole::Adulte
                    } else {
                        ctg_core::rights::expr::MemberRole::Enfant
                    },
                    age: None,
                    birth_date: None,
                    facts: Map::new(),
                });
                match field.as_str() {
                    "age" => {
                        m.age =
                            Some(cell.parse().map_err(|_| {
                                format!("{field} : âge entier attendu, pas « {cell} »")
                            })?)
                    }
                    "birth_date" => m.birth_date = Some(parse_date(cell)?),
                    _ => {
                        m.facts
                            .insert(field.clone(), Value::String(cell.to_owned()));
                    }
                }
            }
        }
    }
    if any_member_column {
        let mut list: Vec<MemberInput> = members.into_values().collect();
        for (k, role) in [
            (0, ctg_core::rights::expr::MemberRole::Adulte),
            (1, ctg_core::rights::expr::MemberRole::Enfant),
        ] {
            let have = list.iter().filter(|m| m.role == role).count();
            if let Some(n) = counts[k] {
                if n < have {
                    return Err(format!(
                        "{} vaut {n} mais {have} membres sont décrits",
                        if k == 0 {
                            "nombre_adultes"
                        } else {
                            "nombre_enfants"
                        }
                    ));
                }
                for _ in have..n {
                    list.push(MemberInput {
                        role,
                        age: None,
                        birth_date: None,
                        facts: Map::new(),
                    });
                }
            }
        }
        input.members = Some(list);
    } else {
        for (k, id) in [(0, "nombre_adultes"), (1, "nombre_enfants")] {
            if let Some(n) = counts[k] {
                input.answers.insert(id.into(), json!(n));
            }
        }
    }
    Ok(input)
}

/// Writes one output row per household.
struct RowWriter<'a> {
    format: BatchFormat,
    csv: Option<csv::Writer<&'a mut dyn Write>>,
    raw: Option<&'a mut dyn Write>,
    benefit_ids: Vec<String>,
}

impl<'a> RowWriter<'a> {
    fn new(
        format: BatchFormat,
        out: &'a mut dyn Write,
        benefit_ids: Vec<String>,
    ) -> io::Result<Self> {
        match format {
            BatchFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let mut header = vec!["id".to_owned()];
                header.extend(benefit_ids.iter().cloned());
                w.write_record(&header).map_err(io::Error::other)?;
                Ok(RowWriter {
                    format,
                    csv: Some(w),
                    raw: None,
                    benefit_ids,
                })
            }
            BatchFormat::Jsonl => Ok(RowWriter {
                format,
                csv: None,
                raw: Some(out),
                benefit_ids,
            }),
        }
    }

    fn row(&mut self, id: &str, codes: &[&str]) -> io::Result<()> {
        match self.format {
            BatchFormat::Csv => {
                if let Some(w) = &mut self.csv {
                    w.write_field(id).map_err(io::Error::other)?;
                    for c in codes {
                        w.write_field(c).map_err(io::Error::other)?;
                    }
                    w.write_record(None::<&[u8]>).map_err(io::Error::other)?;
                }
            }
            BatchFormat::Jsonl => {
                if let Some(w) = &mut self.raw {
                    let results: Map<String, Value> = self
                        .benefit_ids
                        .iter()
                        .zip(codes)
                        .map(|(b, c)| (b.clone(), Value::String((*c).to_owned())))
                        .collect();
                    writeln!(w, "{}", json!({"id": id, "results": results}))?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> io::Result<()> {
        if let Some(mut w) = self.csv {
            w.flush()?;
        }
        if let Some(w) = self.raw {
            w.flush()?;
        }
        Ok(())
    }
}

/// Households read before they are evaluated together (`DatedCatalogue::statuses_households`).
const BATCH_CHUNK: usize = 1024;

/// A row waiting for its chunk to be evaluated.
enum Pending {
    /// A valid household (its answers are in `BatchState::households`), by id.
    Household(String),
    /// An invalid row: its number and the message.
    Invalid(usize, String),
}

struct BatchState<'d, 'c> {
    dated: &'d DatedCatalogue<'c>,
    scratch: ctg_core::rights::BatchScratch<'c>,
    /// The valid households of the chunk, as columns.
    households: ctg_core::rights::HouseholdBatch,
    pending: Vec<Pending>,
    statuses: Vec<Status>,
    benefits: usize,
    errors: usize,
}

impl BatchState<'_, '_> {
    /// Queues one row; the rows are evaluated and written, in order, by chunks.
    fn emit(
        &mut self,
        writer: &mut RowWriter<'_>,
        fallback_id: usize,
        situation: Result<Situation, String>,
        err: &mut dyn Write,
    ) -> io::Result<()> {
        match situation {
            Ok(s) => {
                let id = s
                    .id()
                    .map_or_else(|| fallback_id.to_string(), str::to_owned);
                self.households.push(&s);
                self.pending.push(Pending::Household(id));
            }
            Err(message) => self.pending.push(Pending::Invalid(fallback_id, message)),
        }
        if self.pending.len() >= BATCH_CHUNK {
            self.flush(writer, err)?;
        }
        Ok(())
    }

    /// Evaluates the queued households together and writes every queued row.
    fn flush(&mut self, writer: &mut RowWriter<'_>, err: &mut dyn Write) -> io::Result<()> {
        let n = self.benefits;
        self.statuses
            .resize(self.households.len() * n, Status::Undetermined);
        self.dated
            .statuses_households(&self.households, &mut self.scratch, &mut self.statuses);
        let mut household = 0;
        let failed = vec!["erreur"; n];
        for row in self.pending.drain(..) {
            match row {
                Pending::Household(id) => {
                    let codes: Vec<&str> = self.statuses[household * n..(household + 1) * n]
                        .iter()
                        .map(|s| s.code())
                        .collect();
                    household += 1;
                    writer.row(&id, &codes)?;
                }
                Pending::Invalid(line, message) => {
                    self.errors += 1;
                    writeln!(err, "ligne {line} : {message}")?;
                    writer.row(&line.to_string(), &failed)?;
                }
            }
        }
        self.households.clear();
        Ok(())
    }
}

fn errors_text(errors: &ctg_core::ValidationErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| format!("{} : {}", e.path, e.message))
        .collect::<Vec<_>>()
        .join(" ; ")
}

impl BatchArgs {
    /// Evaluates every household of the file: exit 0, 1 if a row is invalid (its output row
    /// says `erreur`), 2 if a file cannot be read or a CSV column is unknown.
    pub fn run(&self, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
        let catalogue = match self.catalogue.load(err)? {
            Ok(c) => c,
            Err(code) => return Ok(code),
        };
        let dated = catalogue.at(self.catalogue.date());
        let is_csv = self
            .situations
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let reader: Box<dyn BufRead> = if self.situations == Path::new("-") {
            Box::new(io::BufReader::new(LineLimited::new(
                io::stdin(),
                MAX_LINE_BYTES,
            )))
        } else {
            match std::fs::File::open(&self.situations) {
                Ok(f) => Box::new(io::BufReader::with_capacity(
                    1 << 16,
                    LineLimited::new(f, MAX_LINE_BYTES),
                )),
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(EXIT_USAGE);
                }
            }
        };
        let progress = if !self.no_progress && io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {human_pos} foyers évalués ({per_sec}, {elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            Some(bar)
        } else {
            None
        };
        let benefit_ids: Vec<String> = catalogue
            .catalogue()
            .benefits
            .iter()
            .map(|b| b.id.clone())
            .collect();
        let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
        let mut writer = RowWriter::new(self.format, &mut buffered, benefit_ids)?;
        let mut state = BatchState {
            dated: &dated,
            scratch: dated.batch_scratch(),
            households: ctg_core::rights::HouseholdBatch::new(&catalogue),
            pending: Vec::with_capacity(BATCH_CHUNK),
            statuses: Vec::new(),
            benefits: catalogue.catalogue().benefits.len(),
            errors: 0,
        };
        let mut count = 0usize;
        if is_csv {
            let mut rdr = csv::ReaderBuilder::new()
                .flexible(false)
                .from_reader(reader);
            let headers = match rdr.headers() {
                Ok(h) => h.clone(),
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(EXIT_USAGE);
                }
            };
            let mut columns = Vec::new();
            for h in headers.iter() {
                match classify(h, &catalogue) {
                    Ok(c) => columns.push(c),
                    Err(message) => {
                        writeln!(err, "{} : {message}", self.situations.display())?;
                        return Ok(EXIT_USAGE);
                    }
                }
            }
            let mut record = csv::StringRecord::new();
            loop {
                match rdr.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        count += 1;
                        let situation = csv_situation(&columns, &record).and_then(|input| {
                            Situation::from_input(&catalogue, &input).map_err(|e| errors_text(&e))
                        });
                        state.emit(&mut writer, count, situation, err)?;
                    }
                    Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                        state.flush(&mut writer, err)?;
                        writer.finish()?;
                        writeln!(err, "{} : {e}", self.situations.display())?;
                        return Ok(EXIT_USAGE);
                    }
                    Err(e) => {
                        count += 1;
                        state.emit(&mut writer, count, Err(e.to_string()), err)?;
                    }
                }
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
            }
        } else {
            for line in reader.lines() {
                let line = match line {
                    Ok(line) => line,
                    Err(e) => {
                        // Write what was read before the failure.
                        state.flush(&mut writer, err)?;
                        writer.finish()?;
                        writeln!(err, "{} : {e}", self.situations.display())?;
                        return Ok(EXIT_USAGE);
                    }
                };
                if line.trim().is_empty() {
                    continue;
                }
                count += 1;
                let situation =
                    Situation::from_json(&catalogue, line.as_bytes()).map_err(|e| errors_text(&e));
                state.emit(&mut writer, count, situation, err)?;
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
            }
        }
        state.flush(&mut writer, err)?;
        writer.finish()?;
        drop(buffered);
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        Ok(if state.errors > 0 {
            EXIT_INVALID
        } else {
            EXIT_OK
        })
    }
}
