//! The lists embedded in the binary: the default a fresh install screens
//! against, with no download. Real official files, shipped in `data/lists/`
//! (see its PROVENANCE.md), compressed.

/// (file name, bytes) of each embedded list file.
pub const DEFAULT_LISTS: &[(&str, &[u8])] = &[
    (
        "ofac/2024-05-03/sdn.csv.gz",
        include_bytes!("../../../data/lists/ofac/2024-05-03/sdn.csv.gz"),
    ),
    (
        "ofac-consolidated/consolidated_2026-01-08.xml.gz",
        include_bytes!("../../../data/lists/ofac-consolidated/consolidated_2026-01-08.xml.gz"),
    ),
    (
        "un/UN_consolidated_2026-02-27.xml.gz",
        include_bytes!("../../../data/lists/un/UN_consolidated_2026-02-27.xml.gz"),
    ),
    (
        "uk/ConList_2025-04-10.csv.gz",
        include_bytes!("../../../data/lists/uk/ConList_2025-04-10.csv.gz"),
    ),
];

/// The embedded lists as parser inputs.
pub fn inputs() -> veto_lists::Result<Vec<veto_lists::Input>> {
    DEFAULT_LISTS
        .iter()
        .map(|(name, bytes)| {
            let file = name.rsplit('/').next().unwrap_or(name).to_string();
            veto_lists::Input::from_bytes(format!("embedded:{name}").into(), file, bytes.to_vec())
        })
        .collect()
}
