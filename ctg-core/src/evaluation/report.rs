//! Reports of an evaluation: Markdown, self-contained HTML and CSV.
