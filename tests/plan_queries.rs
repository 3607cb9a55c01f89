//! Queries over plans: walk, find, ancestors, filters and French text search, on the
//! `full.json` fixture and the embedded Civraisien plan.

use ctg_core::query::{Filter, Level};
use ctg_core::vocabulary::{ActionStatus, Public, Theme};
use ctg_core::Plan;

fn full() -> Plan {
    let bytes = std::fs::read(ctg_examples::fixture("plans/valid/full.json")).unwrap();
    Plan::from_slice(&bytes).unwrap()
}

fn ids(plan: &Plan, filter: Filter) -> Vec<String> {
    plan.filter(&filter)
        .iter()
        .map(|n| n.id().to_owned())
        .collect()
}

#[test]
fn walk_is_depth_first_in_file_order_with_depths() {
    let plan = full();
    let walked: Vec<(usize, &str)> = plan.walk().map(|(d, n)| (d, n.id())).collect();
    assert_eq!(
        walked,
        [
            (0, "axe-1"),
            (1, "os-1-1"),
            (2, "ospe-1-1-1"),
            (3, "fa-1"),
            (2, "ospe-1-1-2"),
            (0, "axe-2"),
            (1, "os-2-1"),
            (2, "ospe-2-1-1"),
            (3, "fa-2"),
        ]
    );
    assert!(plan
        .walk()
        .all(|(depth, node)| node.level().depth() == depth));
}

#[test]
fn the_civraisien_plan_counts_5_axes_13_and_86_objectives() {
    let plan = ctg_core::civraisien::plan();
    let count = |level: Level| plan.walk().filter(|(_, n)| n.level() == level).count();
    assert_eq!(count(Level::Axis), 5);
    assert_eq!(count(Level::StrategicObjective), 13);
    assert_eq!(count(Level::SpecificObjective), 86);
    assert_eq!(count(Level::Action), 0);
}

#[test]
fn find_and_ancestors() {
    let plan = full();
    let node = plan.find("fa-1").unwrap();
    assert_eq!(
        (node.level(), node.title()),
        (Level::Action, "Crèche multi-accueil de Gençay")
    );
    assert!(
        plan.find("caf").is_none(),
        "partners are not nodes of the tree"
    );
    let path: Vec<&str> = plan
        .ancestors("fa-1")
        .unwrap()
        .iter()
        .map(|n| n.id())
        .collect();
    assert_eq!(path, ["axe-1", "os-1-1", "ospe-1-1-1"]);
    assert!(plan.ancestors("axe-2").unwrap().is_empty());
    assert!(plan.ancestors("nothing").is_none());
    let civraisien = ctg_core::civraisien::plan();
    for (depth, node) in civraisien.walk() {
        assert_eq!(civraisien.ancestors(node.id()).unwrap().len(), depth);
    }
}

#[test]
fn text_search_ignores_case_accents_and_ligatures() {
    let plan = full();
    let text = |t: &str| {
        ids(
            &plan,
            Filter {
                text: Some(t.into()),
                ..Filter::default()
            },
        )
    };
    assert_eq!(text("creche"), ["ospe-1-1-1", "fa-1"]);
    assert_eq!(text("GENCAY"), ["ospe-1-1-1", "fa-1"]);
    assert_eq!(text("l'accueil du jeune"), ["os-1-1"]);
    assert_eq!(text("l’accueil du jeune"), ["os-1-1"]);
    assert!(text("inexistant").is_empty());
    let civraisien = ctg_core::civraisien::plan();
    let search = |t: &str| {
        civraisien.filter(&Filter {
            text: Some(t.into()),
            ..Filter::default()
        })
    };
    assert!(!search("ISOLEMENT").is_empty());
    let abandon = search("sentiment d'abandon");
    assert!(abandon
        .iter()
        .any(|n| n.title().contains("sentiment d’abandon")));
}

#[test]
fn partner_status_theme_and_public_filters() {
    let plan = full();
    let partner = ids(
        &plan,
        Filter {
            partner: Some("msa".into()),
            ..Filter::default()
        },
    );
    assert_eq!(partner, ["axe-1", "os-1-1", "ospe-1-1-1", "fa-1"]);
    let funder = ids(
        &plan,
        Filter {
            partner: Some("cc".into()),
            ..Filter::default()
        },
    );
    assert_eq!(funder, ["axe-1", "os-1-1", "ospe-1-1-1", "fa-1"]);
    let status = ids(
        &plan,
        Filter {
            status: Some(ActionStatus::Prevue),
            ..Filter::default()
        },
    );
    assert_eq!(status, ["axe-2", "os-2-1", "ospe-2-1-1", "fa-2"]);
    let theme = ids(
        &plan,
        Filter {
            theme: Some(Theme::Parentalite),
            ..Filter::default()
        },
    );
    assert_eq!(theme, ["axe-1"]);
    let public = ids(
        &plan,
        Filter {
            public: Some(Public::Familles),
            ..Filter::default()
        },
    );
    assert_eq!(public, ["axe-1", "os-1-1", "ospe-1-1-1"]);
    let everyone = ids(
        &plan,
        Filter {
            public: Some(Public::Seniors),
            ..Filter::default()
        },
    );
    assert!(everyone.is_empty());
}

#[test]
fn commune_and_pole_filters_follow_poles_and_whole_territory_actions() {
    let plan = full();
    let commune = |c: &str| {
        ids(
            &plan,
            Filter {
                commune: Some(c.into()),
                ..Filter::default()
            },
        )
    };
    // fa-1 lists Gençay; fa-2 lists the pole sud (Civray, Charroux, Savigné);
    // ospe-1-1-2 has no action: it covers the whole territory.
    assert_eq!(
        commune("86103"),
        ["axe-1", "os-1-1", "ospe-1-1-1", "fa-1", "ospe-1-1-2"]
    );
    assert_eq!(
        commune("86061"),
        [
            "axe-1",
            "os-1-1",
            "ospe-1-1-2",
            "axe-2",
            "os-2-1",
            "ospe-2-1-1",
            "fa-2"
        ]
    );
    let pole = |p: &str| {
        ids(
            &plan,
            Filter {
                pole: Some(p.into()),
                ..Filter::default()
            },
        )
    };
    assert_eq!(
        pole("pole-nord"),
        ["axe-1", "os-1-1", "ospe-1-1-1", "fa-1", "ospe-1-1-2"]
    );
    assert_eq!(pole("pole-sud"), commune("86061"));
}

#[test]
fn criteria_are_combined_with_and() {
    let plan = full();
    let both = Filter {
        partner: Some("caf".into()),
        text: Some("crèche".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&plan, both), ["ospe-1-1-1", "fa-1"]);
    let none = Filter {
        partner: Some("asso-jeunes".into()),
        text: Some("crèche".into()),
        ..Filter::default()
    };
    assert!(ids(&plan, none).is_empty());
    assert_eq!(plan.filter(&Filter::default()).len(), plan.walk().count());
}
