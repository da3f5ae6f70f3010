//! The fuzzer picks the format (first byte) and the mode (second byte), so
//! every parser sees every input, not only what detection sends it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use veto_model::Format;

fuzz_target!(|data: &[u8]| {
    let [f, mode, rest @ ..] = data else { return };
    let format = Format::ALL[*f as usize % Format::ALL.len()];
    let Ok(input) = veto_lists::Input::from_bytes("fuzz".into(), "fuzz".into(), rest.to_vec()) else {
        return;
    };
    let opts = veto_lists::Options { lenient: mode & 1 == 1, format: Some(format), source: None };
    let _ = veto_lists::parse_inputs(vec![input], &opts);
});
