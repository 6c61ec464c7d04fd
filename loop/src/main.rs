//! `loop` CLI. `loop run --task <name> --input <text> [--iterations N]` prints
//! one JSON envelope; `loop bench` measures throughput and writes metrics JSON.

use std::process::ExitCode;
use std::time::Instant;

use loop_core::{checksum, run, Request, SCHEMA_VERSION, VERSION};

const USAGE: &str = "usage: loop --version | --schema-version | run --task <name> --input <text> [--iterations N] | bench [--iterations N] [--output <file>]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") => {
            println!("loop {}", VERSION);
            ExitCode::SUCCESS
        }
        Some("--schema-version") => {
            println!("{}", SCHEMA_VERSION);
            ExitCode::SUCCESS
        }
        Some("run") => run_command(&args[1..]),
        Some("bench") => bench_command(&args[1..]),
        _ => fail(USAGE),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{}", message);
    ExitCode::from(2)
}

/// The value after `flag`, if the flag is present.
fn flag<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn iterations(args: &[String], default: u32) -> Result<u32, String> {
    match flag(args, "--iterations") {
        None => Ok(default),
        Some(text) => text.parse::<u32>().map_err(|_| format!("--iterations expects a whole number, found \"{}\"", text)),
    }
}

fn run_command(args: &[String]) -> ExitCode {
    let Some(task) = flag(args, "--task") else { return fail(USAGE) };
    let iterations = match iterations(args, 1) {
        Ok(n) => n,
        Err(message) => return fail(&message),
    };
    let request = Request { task: task.to_string(), input: flag(args, "--input").unwrap_or("").to_string(), iterations };
    let envelope = run(&request);
    println!("{}", envelope.to_json());
    if envelope.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn bench_command(args: &[String]) -> ExitCode {
    let iterations = match iterations(args, 200_000) {
        Ok(n) => n,
        Err(message) => return fail(&message),
    };
    let input = [0x5au8; 1024];
    let start = Instant::now();
    let sum = checksum(&input, iterations);
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let metrics = format!(
        "{{\"schema_version\":\"loop.metrics.v1\",\"loop_version\":\"{}\",\"iterations\":{},\"bytes_per_iteration\":{},\"seconds\":{:.6},\"throughput_mib_per_second\":{:.3},\"checksum\":\"{:016x}\"}}\n",
        VERSION,
        iterations,
        input.len(),
        seconds,
        (iterations as f64 * input.len() as f64) / seconds / (1024.0 * 1024.0),
        sum
    );
    match flag(args, "--output") {
        Some(path) => {
            let parent = std::path::Path::new(path).parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(Err(error)) = parent.map(std::fs::create_dir_all) {
                return fail(&format!("cannot create the folder of {}: {}", path, error));
            }
            if let Err(error) = std::fs::write(path, &metrics) {
                return fail(&format!("cannot write {}: {}", path, error));
            }
        }
        None => print!("{}", metrics),
    }
    ExitCode::SUCCESS
}
