//! Any bytes, detected and parsed, strict and lenient: must return Ok or a
//! located error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lenient in [false, true] {
        let Ok(input) = veto_lists::Input::from_bytes("fuzz".into(), "fuzz".into(), data.to_vec()) else {
            return;
        };
        let opts = veto_lists::Options { lenient, ..Default::default() };
        let _ = veto_lists::parse_inputs(vec![input], &opts);
    }
});
