//! OFAC remarks: the free-text field that carries most of an entry's data.
