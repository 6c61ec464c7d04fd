//! The loop core: runs a named task over an input and describes the outcome
//! as a versioned JSON envelope that consumers parse.

pub const SCHEMA_VERSION: &str = "loop.envelope.v1";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub const TASKS: [&str; 4] = ["echo", "count", "reverse", "checksum"];

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub task: String,
    pub input: String,
    pub iterations: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Text(String),
    Count { chars: usize, words: usize },
    Checksum(u64),
    Error(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    pub task: String,
    pub iterations: u32,
    pub outcome: Outcome,
}

impl Envelope {
    pub fn is_ok(&self) -> bool {
        !matches!(self.outcome, Outcome::Error(_))
    }

    /// The envelope as one line of JSON, fields in a fixed order.
    pub fn to_json(&self) -> String {
        let status = if self.is_ok() { "ok" } else { "error" };
        let body = match &self.outcome {
            Outcome::Text(text) => format!("\"result\":{{\"text\":{}}}", quote(text)),
            Outcome::Count { chars, words } => format!("\"result\":{{\"chars\":{},\"words\":{}}}", chars, words),
            Outcome::Checksum(sum) => format!("\"result\":{{\"checksum\":\"{:016x}\"}}", sum),
            Outcome::Error(message) => format!("\"error\":{{\"message\":{}}}", quote(message)),
        };
        format!(
            "{{\"schema_version\":{},\"loop_version\":{},\"task\":{},\"iterations\":{},\"status\":\"{}\",{}}}",
            quote(SCHEMA_VERSION),
            quote(VERSION),
            quote(&self.task),
            self.iterations,
            status,
            body
        )
    }
}

pub fn run(request: &Request) -> Envelope {
    let outcome = match request.task.as_str() {
        "echo" => Outcome::Text(request.input.clone()),
        "reverse" => Outcome::Text(request.input.chars().rev().collect()),
        "count" => Outcome::Count {
            chars: request.input.chars().count(),
            words: request.input.split_whitespace().count(),
        },
        "checksum" => Outcome::Checksum(checksum(request.input.as_bytes(), request.iterations)),
        other => Outcome::Error(format!("unknown task \"{}\", expected one of {}", other, TASKS.join(", "))),
    };
    Envelope { task: request.task.clone(), iterations: request.iterations, outcome }
}

/// FNV-1a over the input, fed back into itself `iterations` times: cheap,
/// deterministic work whose cost grows linearly, for the benchmark.
pub fn checksum(input: &[u8], iterations: u32) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for _ in 0..iterations.max(1) {
        for byte in input {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// A JSON string literal for `text`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(task: &str, input: &str) -> Request {
        Request { task: task.to_string(), input: input.to_string(), iterations: 1 }
    }

    #[test]
    fn echo_returns_the_input() {
        assert_eq!(run(&request("echo", "hi")).outcome, Outcome::Text("hi".into()));
    }

    #[test]
    fn reverse_reverses_characters() {
        assert_eq!(run(&request("reverse", "abc")).outcome, Outcome::Text("cba".into()));
    }

    #[test]
    fn count_counts_chars_and_words() {
        assert_eq!(run(&request("count", "a bb  c")).outcome, Outcome::Count { chars: 7, words: 3 });
    }

    #[test]
    fn checksum_is_fnv1a() {
        assert_eq!(checksum(b"a", 1), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn unknown_task_is_an_error_envelope() {
        let envelope = run(&request("fly", ""));
        assert!(!envelope.is_ok());
        assert!(envelope.to_json().contains("\"status\":\"error\""));
    }

    #[test]
    fn envelope_json_carries_the_schema_version_first() {
        let json = run(&request("echo", "q\"uote")).to_json();
        assert!(json.starts_with("{\"schema_version\":\"loop.envelope.v1\""));
        assert!(json.contains("\"text\":\"q\\\"uote\""));
    }

    #[test]
    fn quote_escapes_control_characters() {
        assert_eq!(quote("a\nb\u{1}"), "\"a\\nb\\u0001\"");
    }
}
