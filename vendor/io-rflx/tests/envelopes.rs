//! The fixtures are envelopes the core printed; with LOOP_CLI set, the live
//! core is checked as well.

use std::fs;
use std::path::Path;
use std::process::Command;

use io_rflx::check_envelope;

#[test]
fn every_fixture_envelope_is_supported() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("fixture reads");
        if let Err(problem) = check_envelope(&text) {
            panic!("{}: {}", path.display(), problem);
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected at least 3 fixtures, found {}", checked);
}

#[test]
fn the_live_core_prints_supported_envelopes() {
    let Ok(cli) = std::env::var("LOOP_CLI") else {
        eprintln!("LOOP_CLI is not set: only the fixtures were checked");
        return;
    };
    for task in ["echo", "count", "reverse", "checksum"] {
        let output = Command::new(&cli).args(["run", "--task", task, "--input", "io-rflx"]).output().expect("loop runs");
        assert!(output.status.success(), "loop run --task {} exited {:?}", task, output.status.code());
        let text = String::from_utf8_lossy(&output.stdout);
        if let Err(problem) = check_envelope(&text) {
            panic!("loop run --task {}: {}: {}", task, problem, text);
        }
    }
}
