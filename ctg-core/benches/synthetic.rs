//! A generator of department-scale synthetic plans, deterministic (index arithmetic, no
//! randomness), for the benchmark and the tests that check it yields a valid plan.

use std::fmt::Write;

/// The size of a synthetic plan.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Axes; each has `per` strategic objectives, each `per` specific objectives, each
    /// `per` actions: `axes × per³` actions.
    pub axes: usize,
    /// Branching factor below an axis.
    pub per: usize,
    /// Indicators per specific objective.
    pub indicators_per_objective: usize,
    /// Measurements per indicator.
    pub measurements_per_indicator: usize,
}

impl Size {
    /// 10 axes × 10 × 10 × 10 = 10,000 actions, 2,000 indicators, 200,000 measurements.
    pub const DEPARTMENT: Size = Size {
        axes: 10,
        per: 10,
        indicators_per_objective: 2,
        measurements_per_indicator: 100,
    };
}

const STATUSES: [&str; 5] = ["prevue", "engagee", "realisee", "reportee", "abandonnee"];
const PUBLICS: [&str; 4] = ["jeunes", "familles", "seniors", "parents"];

fn date(day: usize) -> String {
    // Days from 2020-01-01, on a 360-day calendar of 30-day months (valid dates only).
    let year = 2020 + day / 360;
    let month = 1 + (day % 360) / 30;
    let d = 1 + day % 30;
    let d = if month == 2 { d.min(28) } else { d };
    format!("{year:04}-{month:02}-{d:02}")
}

/// The JSON text of a synthetic plan of `size`, pretty-printed like a file people keep.
pub fn plan_json(size: Size) -> String {
    let mut s = String::with_capacity(64 << 20);
    s.push_str("{\n  \"format\": \"ctg-plan/1\",\n  \"id\": \"departement-synthetique\",\n  \"title\": \"Plan départemental synthétique (banc d'essai)\",\n  \"territory\": {\n    \"communes\": [");
    for c in 0..50 {
        let sep = if c == 0 { "" } else { "," };
        let _ = write!(
            s,
            "{sep}\n      {{\"insee\": \"86{c:03}\", \"name\": \"Commune {c}\"}}"
        );
    }
    s.push_str("\n    ]\n  },\n  \"period\": {\"start\": \"2020-01-01\", \"end\": \"2029-12-30\"},\n  \"axes\": [");
    let mut indicator = 0usize;
    for a in 0..size.axes {
        let sep = if a == 0 { "" } else { "," };
        let _ = write!(
            s,
            "{sep}\n    {{\"id\": \"axe-{a}\", \"title\": \"Axe {a}\", \"strategic_objectives\": ["
        );
        for o in 0..size.per {
            let sep = if o == 0 { "" } else { "," };
            let _ = write!(s, "{sep}\n      {{\"id\": \"os-{a}-{o}\", \"title\": \"Objectif stratégique {a}.{o}\", \"specific_objectives\": [");
            for p in 0..size.per {
                let sep = if p == 0 { "" } else { "," };
                let _ = write!(s, "{sep}\n        {{\"id\": \"osp-{a}-{o}-{p}\", \"title\": \"Objectif spécifique {a}.{o}.{p}\", \"weight\": {},", 1 + p % 3);
                s.push_str("\n          \"indicators\": [");
                for k in 0..size.indicators_per_objective {
                    let sep = if k == 0 { "" } else { "," };
                    let cumulative = indicator % 10 == 5;
                    let rising = cumulative || indicator % 4 != 3;
                    let (direction, base, target) = if rising {
                        ("hausse", 100, 200)
                    } else {
                        ("baisse", 50, 20)
                    };
                    let _ = write!(
                        s,
                        "{sep}\n            {{\"id\": \"ind-{indicator}\", \"label\": \"Indicateur {indicator}\", \"unit\": \"nombre\", \"kind\": \"resultat\", \"direction\": \"{direction}\", \"baseline\": {{\"date\": \"2020-01-01\", \"value\": {}}}, \"target\": {{\"date\": \"2028-01-01\", \"value\": {}}}, \"intermediate_targets\": [{{\"date\": \"2024-01-01\", \"value\": {}}}],{} \"measurements\": [",
                        if cumulative { 0 } else { base },
                        if cumulative { 5000 } else { target },
                        if cumulative { 2500 } else { (base + target) / 2 },
                        if cumulative { " \"cumulative\": true," } else { "" }
                    );
                    for m in 0..size.measurements_per_indicator {
                        let sep = if m == 0 { "" } else { "," };
                        let day =
                            (m * 3600 / size.measurements_per_indicator.max(1) + indicator) % 3590;
                        let value = if cumulative {
                            (m % 7 + indicator % 5) as f64
                        } else if rising {
                            100.0 + ((m * 37 + indicator * 11) % 120) as f64 + 0.5
                        } else {
                            50.0 - ((m * 13 + indicator * 7) % 35) as f64
                        };
                        let _ = write!(
                            s,
                            "{sep}\n              {{\"date\": \"{}\", \"value\": {value}",
                            date(day)
                        );
                        match m % 10 {
                            3 => {
                                let _ =
                                    write!(s, ", \"commune\": \"86{:03}\"", (m + indicator) % 50);
                            }
                            7 => {
                                let _ =
                                    write!(s, ", \"public\": \"{}\"", PUBLICS[(m + indicator) % 4]);
                            }
                            _ => {}
                        }
                        s.push('}');
                    }
                    s.push_str("\n            ]}");
                    indicator += 1;
                }
                s.push_str("\n          ],\n          \"actions\": [");
                for i in 0..size.per {
                    let sep = if i == 0 { "" } else { "," };
                    let n = ((a * size.per + o) * size.per + p) * size.per + i;
                    let _ = write!(
                        s,
                        "{sep}\n            {{\"id\": \"fa-{a}-{o}-{p}-{i}\", \"title\": \"Fiche action {n}\", \"status\": \"{}\", \"start\": \"{}\", \"end\": \"{}\"}}",
                        STATUSES[n % 5],
                        date(n % 1000),
                        date(1000 + n % 2000)
                    );
                }
                s.push_str("\n          ]}");
            }
            s.push_str("\n      ]}");
        }
        s.push_str("\n    ]}");
    }
    s.push_str("\n  ]\n}\n");
    s
}
