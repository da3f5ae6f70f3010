//! UK formats: the OFSI Consolidated List (`ConList`, until January 2026) and
//! the FCDO UK Sanctions List that replaced it.

pub mod conlist;
pub mod uksl;
