use std::process::Command;

fn loop_cli(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_loop")).args(args).output().expect("loop runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn version_matches_the_manifest() {
    assert_eq!(loop_cli(&["--version"]), (0, format!("loop {}\n", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn schema_version_is_v1() {
    assert_eq!(loop_cli(&["--schema-version"]), (0, "loop.envelope.v1\n".to_string()));
}

#[test]
fn run_prints_one_envelope() {
    let (code, out) = loop_cli(&["run", "--task", "count", "--input", "one two"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "{{\"schema_version\":\"loop.envelope.v1\",\"loop_version\":\"{}\",\"task\":\"count\",\"iterations\":1,\"status\":\"ok\",\"result\":{{\"chars\":7,\"words\":2}}}}\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn unknown_task_exits_1_with_an_error_envelope() {
    let (code, out) = loop_cli(&["run", "--task", "fly"]);
    assert_eq!(code, 1);
    assert!(out.contains("\"status\":\"error\""));
}

#[test]
fn bad_iterations_exit_2() {
    assert_eq!(loop_cli(&["run", "--task", "echo", "--iterations", "many"]).0, 2);
}

#[test]
fn bench_prints_metrics() {
    let (code, out) = loop_cli(&["bench", "--iterations", "10"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("{\"schema_version\":\"loop.metrics.v1\""));
    assert!(out.contains("\"throughput_mib_per_second\":"));
}
