//! `veto update`: download the current official lists, verify them, import
//! them in one atomic import.
//!
//! Verification, before anything is stored:
//! 1. the server answers 200 with a non-empty body under the size limit;
//! 2. the body parses (strictly, unless `--lenient`) and is the list that
//!    was asked for (a UN address must yield the UN list, not an HTML error
//!    page or another list);
//! 3. a pinned SHA-256, if configured, matches;
//! 4. the new version has at least half the entities of the stored one
//!    (a truncated or partial download is refused unless `--allow-shrink`).
//!
//! The downloaded files are kept under `<store>/downloads/<time>/` as the
//! record of what was imported.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use veto_model::Source;

use crate::args::{Cli, OutputFormat, UpdateArgs};
use crate::cmd::import;
use crate::{home, Outcome};

/// Largest download accepted.
const MAX_DOWNLOAD_BYTES: u64 = 512 << 20;

/// Where to download one list from.
#[derive(Clone, Debug, Deserialize)]
pub struct ListDownload {
    /// The file addresses, in order (OFAC's CSV set has four).
    pub urls: Vec<String>,
    /// Expected SHA-256 of each file, if pinned.
    #[serde(default)]
    pub sha256: Vec<String>,
}

/// The published addresses of the official files, as of 2026. A config file
/// or `--url` overrides any of them.
fn defaults() -> BTreeMap<String, ListDownload> {
    let ofac = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";
    let mut m = BTreeMap::new();
    let mut add = |k: &str, urls: &[String]| {
        m.insert(k.to_string(), ListDownload { urls: urls.to_vec(), sha256: Vec::new() });
    };
    add(
        "us_ofac_sdn",
        &[
            format!("{ofac}/SDN.CSV"),
            format!("{ofac}/ALT.CSV"),
            format!("{ofac}/ADD.CSV"),
            format!("{ofac}/SDN_COMMENTS.CSV"),
        ],
    );
    add("us_ofac_cons", &[format!("{ofac}/CONSOLIDATED.XML")]);
    add("un", &["https://scsanctions.un.org/resources/xml/en/consolidated.xml".into()]);
    add("uk_ofsi", &["https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv".into()]);
    add(
        "eu_fsf",
        &["https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw".into()],
    );
    add(
        "us_csl",
        &["https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
            .into()],
    );
    m
}

#[derive(Debug, Default, Deserialize)]
struct Config {
    #[serde(default)]
    lists: BTreeMap<String, ListDownload>,
}

fn expected_source(list: &str) -> Option<Source> {
    list.parse().ok()
}

/// A local file name for a download: the URL's last path segment when it
/// looks like a file name (OFAC's CSV set must keep `sdn.csv`, `alt.csv`,
/// ... to be grouped), else `<list>-<n>`.
fn file_name_for(list: &str, n: usize, url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    let ok = last.contains('.')
        && last.len() <= 100
        && last.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    let mut name = if ok { last.to_ascii_lowercase() } else { format!("{list}-{n}") };
    // The consolidated list's files must be recognisable as such.
    if list == "us_ofac_cons" && !name.contains("cons") {
        name = format!("cons_{name}");
    }
    name
}

fn download(agent: &ureq::Agent, url: &str) -> Result<Vec<u8>> {
    let mut resp = agent.get(url).call().with_context(|| format!("cannot download {url}"))?;
    let status = resp.status();
    if !status.is_success() {
        bail!("{url}: server answered {status}");
    }
    let body = resp.body_mut().with_config().limit(MAX_DOWNLOAD_BYTES).read_to_vec().with_context(
        || format!("{url}: download interrupted or larger than {MAX_DOWNLOAD_BYTES} bytes"),
    )?;
    if body.is_empty() {
        bail!("{url}: empty response");
    }
    Ok(body)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `veto update`.
pub fn run(cli: &Cli, args: &UpdateArgs) -> Result<Outcome> {
    let mut table = defaults();
    let mut explicit: Vec<String> = Vec::new();
    if let Some(path) = &args.config {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config {}", path.display()))?;
        let cfg: Config = serde_json::from_str(&text)
            .with_context(|| format!("{}: invalid update config", path.display()))?;
        explicit.extend(cfg.lists.keys().cloned());
        table.extend(cfg.lists);
    }
    let mut overrides: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for spec in &args.urls {
        let Some((list, url)) = spec.split_once('=') else {
            bail!("--url '{spec}': expected LIST=URL");
        };
        overrides.entry(list.trim().to_string()).or_default().push(url.trim().to_string());
    }
    for (list, urls) in overrides {
        explicit.push(list.clone());
        table.insert(list, ListDownload { urls, sha256: Vec::new() });
    }
    let wanted: Vec<String> = if args.lists.is_empty() {
        // By default: the lists veto ships with, plus any list the user
        // gave an address for. The EU file needs a token that changes, and
        // the CSL repeats OFAC's lists, so they are opt-in.
        let mut w: Vec<String> = ["us_ofac_sdn", "us_ofac_cons", "un", "uk_ofsi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for k in explicit {
            if !w.contains(&k) {
                w.push(k);
            }
        }
        w
    } else {
        args.lists.clone()
    };
    for w in &wanted {
        if !table.contains_key(w) {
            let known: Vec<&String> = table.keys().collect();
            bail!("no download address for list '{w}' (known: {known:?}); give --url {w}=URL");
        }
    }

    let store_dir = home::store_dir(cli.store.as_ref())?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(args.timeout)))
        .http_status_as_error(false)
        .build()
        .into();

    let mut all_parsed = Vec::new();
    for list in &wanted {
        let spec = &table[list];
        let dir = store_dir.join("downloads").join(&stamp).join(list);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let mut paths = Vec::new();
        for (n, url) in spec.urls.iter().enumerate() {
            eprintln!("veto: downloading {list} from {url}");
            let body = download(&agent, url)?;
            if let Some(pin) = spec.sha256.get(n) {
                let got = sha256_hex(&body);
                if !pin.eq_ignore_ascii_case(&got) {
                    bail!("{url}: SHA-256 {got} does not match the pinned {pin}");
                }
            }
            let path = dir.join(file_name_for(list, n, url));
            std::fs::write(&path, &body)
                .with_context(|| format!("cannot write {}", path.display()))?;
            paths.push(path);
        }
        let parsed = verify(list, &paths, args)?;
        all_parsed.extend(parsed);
    }
    check_shrink(cli, &all_parsed, args.allow_shrink)?;
    import::report_skipped(&all_parsed);
    let summary = import::store_lists(cli, &all_parsed)?;
    import::print_report(&all_parsed, Some(&summary), OutputFormat::Table, Some(&store_dir))?;
    Ok(Outcome::Found)
}

/// Parses the downloaded files of `list` and checks they are that list.
fn verify(list: &str, paths: &[PathBuf], args: &UpdateArgs) -> Result<Vec<veto_lists::Parsed>> {
    let opts = veto_lists::Options { lenient: args.lenient, ..Default::default() };
    let parsed = veto_lists::parse_paths(paths, &opts)
        .with_context(|| format!("downloaded {list} does not verify; the store is unchanged"))?;
    if let Some(src) = expected_source(list) {
        for p in &parsed {
            if p.meta.key.source != src {
                bail!(
                    "downloaded {list} is the {} list, not {list}; the store is unchanged",
                    p.meta.key.source
                );
            }
        }
    }
    Ok(parsed)
}

fn check_shrink(cli: &Cli, parsed: &[veto_lists::Parsed], allow: bool) -> Result<()> {
    let store = home::open_store(cli)?;
    for p in parsed {
        if let Some(old) = store.manifest().active.iter().find(|a| a.meta.key == p.meta.key) {
            let (before, now) = (old.meta.entity_count(), p.entities.len());
            if now * 2 < before && !allow {
                bail!(
                    "downloaded {} has {now} entities, the stored version {before}: refusing a \
                     list that shrank by more than half (truncated download?); use \
                     --allow-shrink if this is right. The store is unchanged",
                    p.meta.key
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let ofac = "https://x/api/PublicationPreview/exports";
        assert_eq!(file_name_for("us_ofac_sdn", 0, &format!("{ofac}/SDN.CSV")), "sdn.csv");
        assert_eq!(
            file_name_for("us_ofac_cons", 0, &format!("{ofac}/CONSOLIDATED.XML")),
            "consolidated.xml"
        );
        assert_eq!(file_name_for("us_ofac_cons", 0, "http://h/list.xml"), "cons_list.xml");
        assert_eq!(file_name_for("eu_fsf", 0, "https://h/files/content?token=abc"), "eu_fsf-0");
    }

    #[test]
    fn every_default_names_a_source() {
        for k in defaults().keys() {
            assert!(expected_source(k).is_some(), "{k}");
        }
    }
}
