//! The access-to-rights engine: a catalogue of benefits and local services with dated,
//! declarative eligibility rules, evaluated on partial answers.
