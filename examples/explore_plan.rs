//! Explores the embedded Civraisien en Poitou CTG: counts per level, an accent-insensitive
//! search, the ancestors of an objective, and a filter by theme.
//!
//! Run with `cargo run --example explore_plan`.

use ctg_core::query::{Filter, NodeRef};
use ctg_core::vocabulary::Theme;

fn main() {
    let plan = ctg_core::civraisien::plan();
    println!("{}", plan.title);

    let strategic = plan.walk().filter(|(depth, _)| *depth == 1).count();
    let specific = plan.walk().filter(|(depth, _)| *depth == 2).count();
    println!(
        "{} axes, {strategic} objectifs stratégiques, {specific} objectifs spécifiques",
        plan.axes.len()
    );

    // "mobilite" finds "mobilité", "MOBILITÉS"…
    let search = Filter {
        text: Some("mobilite".into()),
        ..Filter::default()
    };
    let found = plan.filter(&search);
    println!("« mobilite » : {} objectifs", found.len());

    if let Some(first) = found
        .iter()
        .find(|node| matches!(node, NodeRef::SpecificObjective(_)))
    {
        let path: Vec<&str> = plan
            .ancestors(first.id())
            .unwrap_or_default()
            .iter()
            .map(|node| node.id())
            .collect();
        println!("{} ← {}", first.id(), path.join(" ← "));
    }

    let youth = Filter {
        theme: Some(Theme::EnfanceJeunesse),
        ..Filter::default()
    };
    println!(
        "thème enfance-jeunesse : {} nœuds",
        plan.filter(&youth).len()
    );
}
