//! JSON Schema data through the registry: the payload is JSON text. Decoding checks that it is
//! JSON and writes it compactly (lossless: only whitespace between tokens is dropped); encoding
//! validates the value with the `jsonschema` crate, the schema's registry references served to
//! its `$ref`s by name.

use std::collections::HashMap;

use serde_json::Value;

/// A compiled JSON Schema.
pub struct JsonCodec {
    validator: jsonschema::Validator,
    title: Option<String>,
}

/// Serves the registry references to `$ref`s: by exact URI, or by the reference's name as the
/// URI's last segments (a relative `$ref: "address.json"` resolves against the schema's base).
struct References(HashMap<String, Value>);

impl jsonschema::Retrieve for References {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let wanted = uri.as_str();
        self.0
            .iter()
            .find(|(name, _)| {
                wanted == name.as_str()
                    || wanted
                        .strip_suffix(name.as_str())
                        .is_some_and(|head| head.ends_with('/'))
            })
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("no schema reference named {wanted:?}").into())
    }
}

impl JsonCodec {
    /// Compiles `text` with its references, `(name, text)`.
    pub fn new(text: &str, references: &[(String, String)]) -> Result<JsonCodec, String> {
        let schema: Value =
            serde_json::from_str(text).map_err(|e| format!("JSON Schema is not JSON: {e}"))?;
        let mut refs = HashMap::new();
        for (name, t) in references {
            let v: Value = serde_json::from_str(t)
                .map_err(|e| format!("JSON Schema reference {name:?} is not JSON: {e}"))?;
            refs.insert(name.clone(), v);
        }
        let validator = jsonschema::options()
            .with_retriever(References(refs))
            .build(&schema)
            .map_err(|e| format!("JSON Schema does not compile: {e}"))?;
        let title = schema
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(JsonCodec { validator, title })
    }

    /// The schema's `title` (record name strategies).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Validates a value; the error names the first failing place and why.
    pub fn validate(&self, v: &Value) -> Result<(), String> {
        match self.validator.iter_errors(v).next() {
            None => Ok(()),
            Some(e) => {
                let at = e.instance_path().to_string();
                let at = if at.is_empty() {
                    "$".to_string()
                } else {
                    format!("${}", at.replace('/', "."))
                };
                Err(format!("{at}: {e} (JSON Schema)"))
            }
        }
    }
}

/// Checks that `bytes` are one JSON value and appends it as it is, or, when it spans lines,
/// without its insignificant whitespace (so it stays on one line).
pub fn decode(bytes: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes)
        .map_err(|e| format!("JSON Schema payload is not JSON: {e}"))?;
    if !bytes.iter().any(|b| matches!(b, b'\n' | b'\r')) {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let mut in_string = false;
    let mut escaped = false;
    out.reserve(bytes.len());
    for &b in bytes {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_compacts_without_touching_strings() {
        let mut out = Vec::new();
        decode(b" {\"a b\" : [1, 2.50,\n \"x\\\" y\"] }\n", &mut out).unwrap();
        assert_eq!(out, br#"{"a b":[1,2.50,"x\" y"]}"#);
        out.clear();
        decode(b"{\"a\": [1, 2]}", &mut out).unwrap();
        assert_eq!(out, b"{\"a\": [1, 2]}", "one line: as it is");
        assert!(decode(b"{\"a\":", &mut Vec::new()).is_err());
        assert!(decode(b"\x00\x00", &mut Vec::new()).is_err());
    }

    #[test]
    fn validation_with_a_reference() {
        let main = r#"{"title":"Order","type":"object","properties":{"ship_to":{"$ref":"address.json"},"n":{"type":"integer"}},"required":["n"]}"#;
        let address =
            r#"{"type":"object","properties":{"zip":{"type":"string"}},"required":["zip"]}"#;
        let c = JsonCodec::new(main, &[("address.json".into(), address.into())]).unwrap();
        assert_eq!(c.title(), Some("Order"));
        assert!(
            c.validate(&serde_json::json!({"n": 1, "ship_to": {"zip": "1"}}))
                .is_ok()
        );
        let e = c
            .validate(&serde_json::json!({"n": 1, "ship_to": {"zip": 5}}))
            .unwrap_err();
        assert!(e.starts_with("$.ship_to.zip:"), "{e}");
        let e = c.validate(&serde_json::json!({})).unwrap_err();
        assert!(e.starts_with("$:") && e.contains("\"n\""), "{e}");
    }
}
