//! Queries over a plan: walk the tree, find by id, ancestors, filters, French text search.
//!
//! The tree has four levels: axes → objectifs stratégiques → objectifs spécifiques → fiches
//! actions. A [`NodeRef`] borrows one node of any level.
//!
//! ```
//! use ctg_core::query::{Filter, Level};
//! use ctg_core::Plan;
//!
//! let plan = Plan::from_json(r#"{
//!   "format": "ctg-plan/1", "id": "p", "title": "CTG",
//!   "territory": {}, "period": { "start": "2019-01-01", "end": "2022-12-31" },
//!   "axes": [ { "id": "a1", "title": "Petite enfance", "strategic_objectives": [
//!     { "id": "s1", "title": "Développer l'accueil", "specific_objectives": [
//!       { "id": "o1", "title": "Ouvrir une crèche" } ] } ] } ]
//! }"#).unwrap();
//!
//! assert_eq!(plan.walk().count(), 3);
//! let path: Vec<&str> = plan.ancestors("o1").unwrap().iter().map(|n| n.id()).collect();
//! assert_eq!(path, ["a1", "s1"]);
//! let found = plan.filter(&Filter { text: Some("CRECHE".into()), ..Filter::default() });
//! assert_eq!(found[0].level(), Level::SpecificObjective);
//! ```

use crate::plan::{Action, Axis, SpecificObjective, StrategicObjective};
use crate::vocabulary::{ActionStatus, Public, Theme};
use crate::Plan;

mod fold;

/// The level of a node in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// An axe.
    Axis,
    /// An objectif stratégique.
    StrategicObjective,
    /// An objectif spécifique.
    SpecificObjective,
    /// A fiche action.
    Action,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: [Level; 4] = [
        Level::Axis,
        Level::StrategicObjective,
        Level::SpecificObjective,
        Level::Action,
    ];

    /// The depth of the level: 0 for axes, 3 for actions.
    pub fn depth(self) -> usize {
        self as usize
    }

    /// The French name of the level (`objectif stratégique`).
    pub fn label_fr(self) -> &'static str {
        match self {
            Level::Axis => "axe",
            Level::StrategicObjective => "objectif stratégique",
            Level::SpecificObjective => "objectif spécifique",
            Level::Action => "fiche action",
        }
    }

    /// The French plural (`objectifs stratégiques`).
    pub fn plural_fr(self) -> &'static str {
        match self {
            Level::Axis => "axes",
            Level::StrategicObjective => "objectifs stratégiques",
            Level::SpecificObjective => "objectifs spécifiques",
            Level::Action => "fiches actions",
        }
    }
}

/// A borrowed node of the tree, of any level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NodeRef<'p> {
    /// An axe.
    Axis(&'p Axis),
    /// An objectif stratégique.
    StrategicObjective(&'p StrategicObjective),
    /// An objectif spécifique.
    SpecificObjective(&'p SpecificObjective),
    /// A fiche action.
    Action(&'p Action),
}

impl<'p> NodeRef<'p> {
    /// The id of the node.
    pub fn id(&self) -> &'p str {
        match self {
            NodeRef::Axis(n) => &n.id,
            NodeRef::StrategicObjective(n) => &n.id,
            NodeRef::SpecificObjective(n) => &n.id,
            NodeRef::Action(n) => &n.id,
        }
    }

    /// The title of the node.
    pub fn title(&self) -> &'p str {
        match self {
            NodeRef::Axis(n) => &n.title,
            NodeRef::StrategicObjective(n) => &n.title,
            NodeRef::SpecificObjective(n) => &n.title,
            NodeRef::Action(n) => &n.title,
        }
    }

    /// The level of the node.
    pub fn level(&self) -> Level {
        match self {
            NodeRef::Axis(_) => Level::Axis,
            NodeRef::StrategicObjective(_) => Level::StrategicObjective,
            NodeRef::SpecificObjective(_) => Level::SpecificObjective,
            NodeRef::Action(_) => Level::Action,
        }
    }

    /// The children of the node, in order.
    pub fn children(&self) -> Vec<NodeRef<'p>> {
        match self {
            NodeRef::Axis(n) => n
                .strategic_objectives
                .iter()
                .map(NodeRef::StrategicObjective)
                .collect(),
            NodeRef::StrategicObjective(n) => n
                .specific_objectives
                .iter()
                .map(NodeRef::SpecificObjective)
                .collect(),
            NodeRef::SpecificObjective(n) => n.actions.iter().map(NodeRef::Action).collect(),
            NodeRef::Action(_) => Vec::new(),
        }
    }

    /// The fiches actions at or below the node.
    pub fn actions(&self) -> Vec<&'p Action> {
        match self {
            NodeRef::Action(action) => vec![action],
            node => node.children().iter().flat_map(NodeRef::actions).collect(),
        }
    }

    /// The themes written on the node itself.
    pub fn themes(&self) -> &'p [Theme] {
        match self {
            NodeRef::Axis(n) => &n.themes,
            NodeRef::StrategicObjective(n) => &n.themes,
            NodeRef::SpecificObjective(n) => &n.themes,
            NodeRef::Action(n) => &n.themes,
        }
    }

    /// The publics written on the node itself (axes and objectifs stratégiques have none).
    pub fn publics(&self) -> &'p [Public] {
        match self {
            NodeRef::SpecificObjective(n) => &n.publics,
            NodeRef::Action(n) => &n.publics,
            _ => &[],
        }
    }

    /// The texts of the node that the text search reads: title, objectif général,
    /// wording of the due date, description.
    pub fn texts(&self) -> Vec<&'p str> {
        let mut texts = vec![self.title()];
        let extra = match self {
            NodeRef::Axis(n) => n.general_objective.as_deref(),
            NodeRef::StrategicObjective(n) => n.due.as_ref().and_then(|d| d.text.as_deref()),
            NodeRef::SpecificObjective(n) => n.due.as_ref().and_then(|d| d.text.as_deref()),
            NodeRef::Action(n) => n.description.as_deref(),
        };
        texts.extend(extra);
        texts
    }
}

/// A depth-first walk of the tree, yielding each node with its depth (0 for axes).
pub struct Walk<'p> {
    stack: Vec<(usize, NodeRef<'p>)>,
}

impl<'p> Iterator for Walk<'p> {
    type Item = (usize, NodeRef<'p>);

    fn next(&mut self) -> Option<Self::Item> {
        let (depth, node) = self.stack.pop()?;
        let children = node.children();
        self.stack
            .extend(children.into_iter().rev().map(|child| (depth + 1, child)));
        Some((depth, node))
    }
}

impl Plan {
    /// Every node of the tree, depth first, in the order of the file, with its depth.
    pub fn walk(&self) -> Walk<'_> {
        let stack = self
            .axes
            .iter()
            .rev()
            .map(|a| (0, NodeRef::Axis(a)))
            .collect();
        Walk { stack }
    }

    /// The node with this id, at any level.
    pub fn find(&self, id: &str) -> Option<NodeRef<'_>> {
        self.walk()
            .map(|(_, node)| node)
            .find(|node| node.id() == id)
    }

    /// Where the node with this id is in the plan's JSON document, as a JSON Pointer (RFC 6901)
    /// such as `/axes/0/strategic_objectives/1`; `None` when no node has this id.
    ///
    /// ```
    /// let plan = ctg_core::civraisien::plan();
    /// let id = &plan.axes[1].strategic_objectives[0].id;
    /// assert_eq!(plan.pointer(id).as_deref(), Some("/axes/1/strategic_objectives/0"));
    /// assert_eq!(plan.pointer("nope"), None);
    /// ```
    pub fn pointer(&self, id: &str) -> Option<String> {
        for (a, axis) in self.axes.iter().enumerate() {
            let at = format!("/axes/{a}");
            if axis.id == id {
                return Some(at);
            }
            for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
                let at = format!("{at}/strategic_objectives/{s}");
                if strategic.id == id {
                    return Some(at);
                }
                for (o, specific) in strategic.specific_objectives.iter().enumerate() {
                    let at = format!("{at}/specific_objectives/{o}");
                    if specific.id == id {
                        return Some(at);
                    }
                    if let Some(i) = specific.actions.iter().position(|action| action.id == id) {
                        return Some(format!("{at}/actions/{i}"));
                    }
                }
            }
        }
        None
    }

    /// The ancestors of the node with this id, from its axis down to its parent (empty for an
    /// axis); `None` when no node has this id.
    pub fn ancestors(&self, id: &str) -> Option<Vec<NodeRef<'_>>> {
        let mut path: Vec<NodeRef<'_>> = Vec::new();
        for (depth, node) in self.walk() {
            path.truncate(depth);
            if node.id() == id {
                return Some(path);
            }
            path.push(node);
        }
        None
    }

    /// The nodes that match every criterion of `filter`, in the order of [`Plan::walk`].
    pub fn filter(&self, filter: &Filter) -> Vec<NodeRef<'_>> {
        self.walk()
            .map(|(_, node)| node)
            .filter(|node| filter.matches(self, node))
            .collect()
    }
}

/// Criteria to select nodes of the tree. Every criterion is optional; the given ones must
/// all hold (AND).
///
/// How each criterion reads a node by itself:
///
/// - **partner** (a partner id): an action matches when the partner leads it, takes part in
///   it or funds one of its budget lines;
/// - **public**: an objectif spécifique or action matches when it lists the public, or lists
///   `tout_public`;
/// - **commune** (an INSEE code): an action matches when it lists the commune, lists a pole
///   that contains it, or lists neither commune nor pole (it covers the whole territory); an
///   objective with no action below it covers the whole territory and matches too;
/// - **pole** (a pole id): like commune, with the pole or one of its communes;
/// - **theme**: a node matches when it lists the theme;
/// - **status**: an action matches when it has this status;
/// - **text**: a node matches when its title (or objectif général, due-date wording,
///   description) contains the text, ignoring case, accents and ligatures (see [`normalize`]).
///
/// Every criterion but `text` also holds for a node when it holds for a node below it: an
/// axis matches the partner `caf` when one of its actions involves the CAF. `text` holds only
/// for the node whose own text contains it. Each criterion is tried on its own: an objective
/// matches `partner` and `commune` when one action below it has the partner and another the
/// commune.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// A partner id.
    pub partner: Option<String>,
    /// A public.
    pub public: Option<Public>,
    /// The INSEE code of a commune.
    pub commune: Option<String>,
    /// A pole id.
    pub pole: Option<String>,
    /// A theme.
    pub theme: Option<Theme>,
    /// An action status.
    pub status: Option<ActionStatus>,
    /// A text to search, compared after [`normalize`].
    pub text: Option<String>,
}

impl Filter {
    /// Whether `node` of `plan` matches every criterion.
    pub fn matches(&self, plan: &Plan, node: &NodeRef<'_>) -> bool {
        let nodes = subtree(*node);
        let any = |test: &dyn Fn(&NodeRef<'_>) -> bool| nodes.iter().any(test);
        self.partner
            .as_ref()
            .is_none_or(|p| any_action(&nodes, |a| involves(a, p)))
            && self
                .public
                .as_ref()
                .is_none_or(|p| any(&|n| serves(n.publics(), p)))
            && self
                .commune
                .as_ref()
                .is_none_or(|c| any_place(&nodes, |a| covers_commune(plan, a, c)))
            && self
                .pole
                .as_ref()
                .is_none_or(|p| any_place(&nodes, |a| covers_pole(plan, a, p)))
            && self
                .theme
                .as_ref()
                .is_none_or(|t| any(&|n| n.themes().contains(t)))
            && self
                .status
                .as_ref()
                .is_none_or(|s| any_action(&nodes, |a| a.status == *s))
            && self.text.as_ref().is_none_or(|t| contains_text(node, t))
    }
}

fn any_action(nodes: &[NodeRef<'_>], test: impl Fn(&Action) -> bool) -> bool {
    nodes
        .iter()
        .any(|node| matches!(node, NodeRef::Action(action) if test(action)))
}

/// Whether an action satisfies `test`, or an objective has no action below it (it then
/// covers the whole territory).
fn any_place(nodes: &[NodeRef<'_>], test: impl Fn(&Action) -> bool) -> bool {
    nodes.iter().any(|node| match node {
        NodeRef::Action(action) => test(action),
        other => other.actions().is_empty(),
    })
}

/// The node and every node below it.
fn subtree(node: NodeRef<'_>) -> Vec<NodeRef<'_>> {
    let mut nodes = vec![node];
    let mut i = 0;
    while i < nodes.len() {
        let children = nodes[i].children();
        nodes.extend(children);
        i += 1;
    }
    nodes
}

fn involves(action: &Action, partner: &str) -> bool {
    action.lead.as_deref() == Some(partner)
        || action.partners.iter().any(|p| p == partner)
        || action.budget.iter().any(|line| line.funder == partner)
}

fn serves(publics: &[Public], public: &Public) -> bool {
    publics.contains(public) || publics.contains(&Public::ToutPublic)
}

fn covers_commune(plan: &Plan, action: &Action, insee: &str) -> bool {
    let whole_territory = action.communes.is_empty() && action.poles.is_empty();
    whole_territory
        || action.communes.iter().any(|c| c == insee)
        || action.poles.iter().any(|id| {
            pole_communes(plan, id).is_some_and(|communes| communes.iter().any(|c| c == insee))
        })
}

fn covers_pole(plan: &Plan, action: &Action, pole: &str) -> bool {
    let whole_territory = action.communes.is_empty() && action.poles.is_empty();
    let communes = pole_communes(plan, pole).unwrap_or_default();
    whole_territory
        || action.poles.iter().any(|p| p == pole)
        || action.communes.iter().any(|c| communes.contains(c))
}

fn pole_communes<'p>(plan: &'p Plan, pole: &str) -> Option<&'p [String]> {
    let found = plan.territory.poles.iter().find(|p| p.id == pole)?;
    Some(&found.communes)
}

fn contains_text(node: &NodeRef<'_>, text: &str) -> bool {
    let needle = normalize(text);
    node.texts().iter().any(|t| normalize(t).contains(&needle))
}

/// Normalizes French text for search: accents and combining marks removed from Latin
/// letters (exactly as canonical decomposition followed by the removal of combining marks
/// would; other scripts are kept as they are), lowercase, `œ` → `oe`, `æ` → `ae`, typographic apostrophes and
/// quotes (`’`, `‘`, `ʼ`) → `'`, runs of blanks → one space, trimmed.
///
/// ```
/// use ctg_core::query::normalize;
/// assert_eq!(normalize("Crèche"), "creche");
/// assert_eq!(normalize("ŒUVRE"), "oeuvre");
/// assert_eq!(normalize("l’Éducation  nationale"), "l'education nationale");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for c in text.chars().filter_map(fold::fold) {
        if c.is_whitespace() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push(' ');
            blank = false;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | '‘' | 'ʼ' | '′' => out.push('\''),
            _ => out.push(fold::lower(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_folds_case_accents_ligatures_and_apostrophes() {
        assert_eq!(normalize("CRÈCHE"), "creche");
        assert_eq!(normalize("  Cœur  d’Âge "), "coeur d'age");
        assert_eq!(normalize("Ægir"), "aegir");
        assert_eq!(normalize("ça"), "ca");
    }

    #[test]
    fn every_node_pointer_names_that_node_in_the_json_document() {
        let plan = crate::civraisien::plan();
        let json = serde_json::to_value(&plan).unwrap();
        let mut count = 0;
        for (_, node) in plan.walk() {
            let pointer = plan.pointer(node.id()).unwrap();
            assert_eq!(
                json.pointer(&pointer).unwrap()["id"],
                node.id(),
                "{pointer}"
            );
            count += 1;
        }
        assert!(count > 20, "{count} nodes");
        assert_eq!(plan.pointer(""), None);
    }
}
