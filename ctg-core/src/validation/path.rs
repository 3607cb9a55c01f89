//! [`JsonPath`]: the path of a value, built on the stack while the checks descend the plan and
//! turned into text (`$.axes[0].title`) only when a problem is reported.

use std::fmt;

/// A JSON path such as `$.axes[0].title`, made of borrowed steps: building one allocates
/// nothing, so checking a large valid plan costs no text.
///
/// ```
/// use ctg_core::validation::JsonPath;
/// let axes = JsonPath::ROOT.key("axes");
/// let axis = axes.index(0);
/// assert_eq!(axis.key("title").to_string(), "$.axes[0].title");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct JsonPath<'a> {
    parent: Option<&'a JsonPath<'a>>,
    step: Step<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> JsonPath<'a> {
    /// `$`: the whole document.
    pub const ROOT: JsonPath<'static> = JsonPath {
        parent: None,
        step: Step::Root,
    };

    /// The path of the field `key` of the object at this path.
    pub fn key(&'a self, key: &'a str) -> JsonPath<'a> {
        JsonPath {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    /// The path of the element `index` (from 0) of the list at this path.
    pub fn index(&'a self, index: usize) -> JsonPath<'a> {
        JsonPath {
            parent: Some(self),
            step: Step::Index(index),
        }
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.step {
            Step::Root => f.write_str("$"),
            Step::Key(key) => write!(f, ".{key}"),
            Step::Index(index) => write!(f, "[{index}]"),
        }
    }
}

impl From<JsonPath<'_>> for String {
    fn from(path: JsonPath<'_>) -> String {
        path.to_string()
    }
}

impl From<&JsonPath<'_>> for String {
    fn from(path: &JsonPath<'_>) -> String {
        path.to_string()
    }
}
