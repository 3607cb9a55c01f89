//! Queries over a plan: walk the tree, find by id, ancestors, filters, French text search.
