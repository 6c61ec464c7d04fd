//! Reads the envelopes the loop core prints and checks that they carry the
//! schema version this crate understands.

pub const SUPPORTED_SCHEMA: &str = "loop.envelope.v1";
const REQUIRED_FIELDS: [&str; 5] = ["schema_version", "loop_version", "task", "iterations", "status"];

/// The string value of a top-level `"field":"value"` pair in one-line JSON.
pub fn string_field<'a>(json: &'a str, field: &str) -> Option<&'a str> {
    let key = format!("\"{}\":\"", field);
    let start = json.find(&key)? + key.len();
    let rest = &json[start..];
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(&rest[..i]),
            _ => escaped = false,
        }
    }
    None
}

pub fn check_envelope(json: &str) -> Result<(), String> {
    let json = json.trim();
    if !json.starts_with('{') || !json.ends_with('}') {
        return Err("not a JSON object".to_string());
    }
    for field in REQUIRED_FIELDS {
        if !json.contains(&format!("\"{}\":", field)) {
            return Err(format!("missing field {}", field));
        }
    }
    match string_field(json, "schema_version") {
        Some(SUPPORTED_SCHEMA) => {}
        Some(other) => return Err(format!("schema_version {} is not supported, expected {}", other, SUPPORTED_SCHEMA)),
        None => return Err("schema_version is not a string".to_string()),
    }
    match string_field(json, "status") {
        Some("ok") if json.contains("\"result\":") => Ok(()),
        Some("error") if json.contains("\"error\":") => Ok(()),
        Some(status) => Err(format!("status {} without its payload", status)),
        None => Err("status is not a string".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_escaped_strings() {
        assert_eq!(string_field(r#"{"a":"x\"y","b":"z"}"#, "a"), Some(r#"x\"y"#));
        assert_eq!(string_field(r#"{"a":"x"}"#, "b"), None);
    }

    #[test]
    fn rejects_another_schema() {
        let json = r#"{"schema_version":"loop.envelope.v2","loop_version":"0.5.0","task":"echo","iterations":1,"status":"ok","result":{}}"#;
        assert_eq!(check_envelope(json), Err("schema_version loop.envelope.v2 is not supported, expected loop.envelope.v1".to_string()));
    }

    #[test]
    fn rejects_a_missing_field() {
        assert_eq!(check_envelope(r#"{"schema_version":"loop.envelope.v1"}"#), Err("missing field loop_version".to_string()));
    }
}
