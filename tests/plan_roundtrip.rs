//! Property: any plan, written with `Plan::to_json` and read back with `serde_json`, is the
//! same plan; and a valid plan survives `to_json` → `Plan::from_json`.

use chrono::NaiveDate;
use ctg_core::diagnostic::{Diagnostic, Finding, ReferenceValue, TerritorialIndicator};
use ctg_core::evaluation::StatusOverride;
use ctg_core::indicator::{DatedValue, Indicator, Measurement};
use ctg_core::plan::{
    Action, Axis, BudgetLine, Contact, Due, Milestone, Partner, Period, Signature, Source,
    SpecificObjective, StrategicObjective, FORMAT,
};
use ctg_core::territory::{Commune, Epci, Pole, Territory};
use ctg_core::vocabulary::{
    ActionStatus, Direction, IndicatorKind, PartnerKind, PlanKind, Public, ReferenceLevel, Role,
    Status, Theme,
};
use ctg_core::Plan;
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{1,12}",
        "\\PC{0,16}",
        Just("Crèche « œuvre » d’été".to_owned())
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,8}"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        -1e6f64..1e6,
        Just(0.0)
    ]
}

/// A known code, or an unknown one (kept as `Unknown` by the reader).
macro_rules! code {
    ($vocabulary:ty) => {
        prop_oneof![
            4 => proptest::sample::select(<$vocabulary>::ALL.to_vec()),
            1 => "x-[a-z]{1,6}".prop_map(|c| <$vocabulary>::from_code(&c)),
        ]
    };
}

fn status_override() -> impl Strategy<Value = StatusOverride> {
    (code!(Status), text()).prop_map(|(status, reason)| StatusOverride { status, reason })
}

fn dated() -> impl Strategy<Value = DatedValue> {
    (date(), number()).prop_map(|(date, value)| DatedValue { date, value })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let measurement = (
        date(),
        number(),
        of(text()),
        of(text()),
        of("[0-9]{5}"),
        of(code!(Public)),
    )
        .prop_map(
            |(date, value, source, comment, commune, public)| Measurement {
                date,
                value,
                source,
                comment,
                commune,
                public,
            },
        );
    (
        (id(), text(), text(), code!(IndicatorKind), code!(Direction)),
        (
            of(dated()),
            of(dated()),
            vec(dated(), 0..2),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            of(text()),
            of(id()),
            of(0.5f64..5.0),
            of(status_override()),
            vec(measurement, 0..3),
        ),
    )
        .prop_map(|((id, label, unit, kind, direction), values, extra)| {
            let mut indicator: Indicator = serde_json::from_value(serde_json::json!({
                "id": id, "label": label, "unit": unit, "kind": kind, "direction": direction
            }))
            .unwrap();
            (
                indicator.baseline,
                indicator.target,
                indicator.intermediate_targets,
            ) = (values.0, values.1, values.2);
            (indicator.cumulative, indicator.illustrative) = (values.3, values.4);
            (indicator.note, indicator.responsible, indicator.weight) = (extra.0, extra.1, extra.2);
            (indicator.status_override, indicator.measurements) = (extra.3, extra.4);
            indicator
        })
}

fn action() -> impl Strategy<Value = Action> {
    let budget =
        (1990i32..2100, 0.0f64..1e7, id(), of(text())).prop_map(|(year, amount, funder, label)| {
            BudgetLine {
                year,
                amount,
                funder,
                label,
            }
        });
    let milestone = (text(), date(), any::<bool>()).prop_map(|(title, date, done)| Milestone {
        title,
        date,
        done,
    });
    (
        (
            id(),
            text(),
            of(text()),
            of(id()),
            vec(id(), 0..3),
            vec(code!(Public), 0..3),
        ),
        (
            vec("[0-9]{5}", 0..3),
            vec(id(), 0..2),
            vec(code!(Theme), 0..3),
            of(date()),
            of(date()),
        ),
        (
            code!(ActionStatus),
            vec(budget, 0..3),
            vec(milestone, 0..3),
            vec(id(), 0..2),
        ),
        (
            vec(indicator(), 0..2),
            of(0.5f64..5.0),
            of(status_override()),
        ),
    )
        .prop_map(|(a, b, c, d)| Action {
            id: a.0,
            title: a.1,
            description: a.2,
            lead: a.3,
            partners: a.4,
            publics: a.5,
            communes: b.0,
            poles: b.1,
            themes: b.2,
            start: b.3,
            end: b.4,
            status: c.0,
            budget: c.1,
            milestones: c.2,
            contributes_to: c.3,
            indicators: d.0,
            weight: d.1,
            status_override: d.2,
        })
}

fn due() -> impl Strategy<Value = Due> {
    (date(), of(text())).prop_map(|(date, text)| Due { date, text })
}

fn specific() -> impl Strategy<Value = SpecificObjective> {
    (
        (
            id(),
            text(),
            of(due()),
            vec(code!(Theme), 0..2),
            vec(code!(Public), 0..2),
        ),
        (
            vec(action(), 0..2),
            vec(indicator(), 0..2),
            of(0.5f64..5.0),
            of(status_override()),
        ),
    )
        .prop_map(|(a, b)| SpecificObjective {
            id: a.0,
            title: a.1,
            due: a.2,
            themes: a.3,
            publics: a.4,
            actions: b.0,
            indicators: b.1,
            weight: b.2,
            status_override: b.3,
        })
}

fn strategic() -> impl Strategy<Value = StrategicObjective> {
    (
        (id(), text(), of(due()), vec(code!(Theme), 0..2)),
        (
            vec(specific(), 0..3),
            vec(indicator(), 0..2),
            of(0.5f64..5.0),
            of(status_override()),
        ),
    )
        .prop_map(|(a, b)| StrategicObjective {
            id: a.0,
            title: a.1,
            due: a.2,
            themes: a.3,
            specific_objectives: b.0,
            indicators: b.1,
            weight: b.2,
            status_override: b.3,
        })
}

fn axis() -> impl Strategy<Value = Axis> {
    (
        (
            id(),
            of(0u32..20),
            text(),
            of(text()),
            vec(code!(Theme), 0..3),
        ),
        (
            vec(strategic(), 0..3),
            vec(indicator(), 0..2),
            of(0.5f64..5.0),
            of(status_override()),
        ),
    )
        .prop_map(|(a, b)| Axis {
            id: a.0,
            number: a.1,
            title: a.2,
            general_objective: a.3,
            themes: a.4,
            strategic_objectives: b.0,
            indicators: b.1,
            weight: b.2,
            status_override: b.3,
        })
}

fn territory() -> impl Strategy<Value = Territory> {
    let commune = (
        "[0-9]{5}",
        text(),
        vec("[0-9]{5}", 0..2),
        of(any::<u64>()),
        of(text()),
    )
        .prop_map(|(insee, name, postal_codes, population, note)| Commune {
            insee,
            name,
            postal_codes,
            population,
            note,
        });
    let pole =
        (id(), text(), vec("[0-9]{5}", 0..3), of(text())).prop_map(|(id, name, communes, note)| {
            Pole {
                id,
                name,
                communes,
                note,
            }
        });
    let epci = ("[0-9]{9}", text()).prop_map(|(siren, name)| Epci { siren, name });
    (
        of(epci),
        vec(commune, 0..4),
        vec(pole, 0..3),
        vec(text(), 0..2),
    )
        .prop_map(|(epci, communes, poles, notes)| Territory {
            epci,
            communes,
            poles,
            notes,
        })
}

fn partner() -> impl Strategy<Value = Partner> {
    (
        id(),
        text(),
        of(text()),
        code!(PartnerKind),
        vec(code!(Role), 0..3),
        of(text()),
    )
        .prop_map(|(id, name, short_name, kind, roles, url)| Partner {
            id,
            name,
            short_name,
            kind,
            roles,
            url,
        })
}

fn diagnostic() -> impl Strategy<Value = Diagnostic> {
    let reference = (code!(ReferenceLevel), number(), of(1990i32..2100))
        .prop_map(|(level, value, year)| ReferenceValue { level, value, year });
    let figure = (
        (
            id(),
            text(),
            number(),
            text(),
            of(1990i32..2100),
            of(date()),
        ),
        (
            of(text()),
            of(text()),
            vec(reference, 0..3),
            of(id()),
            vec(code!(Theme), 0..2),
            of(text()),
        ),
    )
        .prop_map(|(a, b)| TerritorialIndicator {
            id: a.0,
            label: a.1,
            value: a.2,
            unit: a.3,
            year: a.4,
            date: a.5,
            period: b.0,
            scope: b.1,
            references: b.2,
            source: b.3,
            themes: b.4,
            note: b.5,
        });
    let finding = (
        id(),
        text(),
        text(),
        vec(id(), 0..2),
        vec(code!(Theme), 0..2),
        of(id()),
    )
        .prop_map(|(id, title, text, axes, themes, source)| Finding {
            id,
            title,
            text,
            axes,
            themes,
            source,
        });
    (of(text()), vec(figure, 0..3), vec(finding, 0..3)).prop_map(
        |(summary, indicators, findings)| Diagnostic {
            summary,
            indicators,
            findings,
        },
    )
}

fn header() -> impl Strategy<Value = (Signature, Contact, Source)> {
    let signature =
        (date(), of(text()), vec(id(), 0..3)).prop_map(|(date, place, signatories)| Signature {
            date,
            place,
            signatories,
        });
    let contact = (
        of(text()),
        of(text()),
        of(text()),
        of(text()),
        of(text()),
        of(id()),
    )
        .prop_map(|(organisation, role, email, phone, url, source)| Contact {
            organisation,
            role,
            email,
            phone,
            url,
            source,
        });
    let source = (id(), text(), of(text()), of(date()), of(text()), of(text())).prop_map(
        |(id, title, publisher, date, url, note)| Source {
            id,
            title,
            publisher,
            date,
            url,
            note,
        },
    );
    (signature, contact, source)
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            id(),
            text(),
            code!(PlanKind),
            of(text()),
            territory(),
            vec(partner(), 0..3),
        ),
        (
            of(header()),
            date(),
            date(),
            vec(diagnostic(), 0..2),
            vec(axis(), 0..3),
        ),
        (vec(indicator(), 0..2), vec(text(), 0..2)),
    )
        .prop_map(|(a, b, c)| {
            let mut plan: Plan = serde_json::from_value(serde_json::json!({
                "format": FORMAT, "id": "x", "title": "x", "territory": {},
                "period": { "start": "2019-01-01", "end": "2019-01-01" }
            }))
            .unwrap();
            (plan.id, plan.title, plan.kind, plan.summary) = (a.0, a.1, a.2, a.3);
            (plan.territory, plan.partners) = (a.4, a.5);
            if let Some((signature, contact, source)) = b.0 {
                (plan.signature, plan.contact, plan.sources) =
                    (Some(signature), Some(contact), vec![source]);
            }
            plan.period = Period {
                start: b.1,
                end: b.2,
            };
            plan.diagnostic = b.3.into_iter().next().unwrap_or_default();
            plan.axes = b.4;
            (plan.indicators, plan.notes) = (c.0, c.1);
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn to_json_then_parse_gives_the_same_plan(plan in plan()) {
        let text = plan.to_json();
        prop_assert!(text.ends_with('\n'));
        let read: Plan = ctg_core::validation::from_json_slice(text.as_bytes())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &plan);
        prop_assert_eq!(read.to_json(), text);
    }
}

#[test]
fn valid_plans_survive_to_json_and_from_json() {
    for file in ["plans/valid/minimal.json", "plans/valid/full.json"] {
        let bytes = std::fs::read(ctg_examples::fixture(file)).unwrap();
        let plan = Plan::from_slice(&bytes).unwrap();
        assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
    }
    let civraisien = ctg_core::civraisien::plan();
    assert_eq!(Plan::from_json(&civraisien.to_json()).unwrap(), civraisien);
}
