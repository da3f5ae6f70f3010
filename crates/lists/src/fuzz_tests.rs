//! Property tests that act as a fuzzer in every CI run: prefixes and random
//! mutations of the real lists, parsed with every format forced and with
//! detection, strict and lenient, must return entities or a located error,
//! and never panic. (`fuzz/` has the cargo-fuzz targets for long runs.)

use std::io::Read;
use std::sync::OnceLock;

use proptest::prelude::*;
use veto_model::Format;

use crate::{parse_inputs, Input, Options};

/// The first 48 KB of one real file of each format.
fn seeds() -> &'static Vec<Vec<u8>> {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let files = [
            "ofac-consolidated/csv-2025-12-19/cons_prim.csv",
            "ofac-consolidated/csv-2025-12-19/cons_alt.csv",
            "ofac-consolidated/consolidated_2026-01-08.xml.gz",
            "un/UN_consolidated_2026-02-27.xml.gz",
            "uk/ConList_2025-04-10.csv.gz",
            "us-csl/consolidated.csv.gz",
            "opensanctions/ftm/zala_cluster_entities.ftm.json",
            "opensanctions/us_congress_senzing.json.gz",
        ];
        files
            .iter()
            .map(|f| {
                let raw = std::fs::read(crate::testutil::data(f)).unwrap();
                let mut out = Vec::new();
                if f.ends_with(".gz") {
                    flate2::read::GzDecoder::new(&raw[..])
                        .take(48 * 1024)
                        .read_to_end(&mut out)
                        .unwrap();
                } else {
                    out = raw;
                    out.truncate(48 * 1024);
                }
                out
            })
            .collect()
    })
}

fn parse_all_ways(bytes: &[u8]) {
    let formats = std::iter::once(None).chain(Format::ALL.iter().copied().map(Some));
    for format in formats {
        for lenient in [false, true] {
            let Ok(input) = Input::from_bytes("fuzz.dat".into(), "fuzz.dat".into(), bytes.to_vec())
            else {
                continue;
            };
            let opts = Options { lenient, format, source: None };
            match parse_inputs(vec![input], &opts) {
                Ok(lists) => {
                    for l in lists {
                        assert_eq!(l.entities.len(), l.meta.entity_count());
                    }
                }
                Err(e) => assert!(e.to_string().starts_with("fuzz.dat"), "unlocated error: {e}"),
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop_oneof![
        Just(b'"'),
        Just(b','),
        Just(b'<'),
        Just(b'>'),
        Just(b'\n'),
        Just(b'{'),
        Just(b'}'),
        Just(0x1a),
        Just(0xff),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), special.clone()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), special).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        if b.is_empty() {
            break;
        }
        match *m {
            Mutation::Flip(i, x) => {
                let i = i % b.len();
                b[i] = x;
            }
            Mutation::Insert(i, x) => {
                let i = i % (b.len() + 1);
                b.insert(i, x);
            }
            Mutation::Delete(i, n) => {
                let i = i % b.len();
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            Mutation::Truncate(i) => {
                let i = i % b.len();
                b.truncate(i);
            }
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_files_never_panic(seed in 0usize..8, muts in proptest::collection::vec(mutation(), 1..6)) {
        let s = &seeds()[seed];
        parse_all_ways(&apply(s.clone(), &muts));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        parse_all_ways(&bytes);
    }
}
