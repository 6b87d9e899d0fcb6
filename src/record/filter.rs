//! Record filters: `--key`, `--header`, `--grep` and `--where` of `evctl tail` (and `dlq replay`).
//!
//! A [`FilterSpec`] holds the raw flag values; [`Filter::new`] checks and compiles them once, and
//! [`Filter::matches`] is then cheap per record. All given conditions must hold (AND):
//!
//! - `--key PATTERN` (repeatable; any one may match): the key equals PATTERN byte for byte, or,
//!   when PATTERN contains `*` or `?`, matches it as a glob (`*` any run of bytes, `?` one byte;
//!   there is no escape, and `*`/`?` also match themselves). A null key never matches; an empty
//!   PATTERN matches an empty key.
//! - `--header NAME` (some header is named NAME, whatever its value, null included) or
//!   `--header NAME=PATTERN` (some header named NAME has a value matching PATTERN as for `--key`;
//!   a null value never matches). Split at the first `=`. Repeated: every one must hold.
//! - `--grep REGEX`: the value contains a match of REGEX ([`regex::bytes`] syntax, Unicode on,
//!   `(?-u)` for raw bytes). A null value never matches.
//! - `--where EXPR`: a jq expression (jaq) with `.` the value parsed as JSON; the record matches
//!   when the first output is neither `false` nor `null`. No output, a runtime error, a null value
//!   and a value that is not strict JSON or is nested more than 127 levels deep do not match.
//!   The variables `$key` (string or null, invalid UTF-8 replaced), `$topic`, `$partition`,
//!   `$offset`, `$timestamp` (epoch ms) and `$headers` (`[[name, value], ...]`, values strings or
//!   null) are predefined. jq's standard library is there, including regexes (`test`, `match`,
//!   `capture`, `sub`, ...), `@base64`/`@uri`/`@html`, math and `todate`/`fromdate`; `debug` and
//!   `stderr` print nothing, and there is no `input`, `env`, `strftime` or `$ENV`. A program that
//!   never ends (`repeat(1) | false`) blocks the caller; the expression is the user's own.

mod jq;
pub mod watch;

use crate::record::Record;
use crate::spec::glob_match_bytes;

/// The raw filter flags, as given on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSpec {
    /// `--key PATTERN`, repeatable (any may match).
    pub keys: Vec<String>,
    /// `--header NAME` or `--header NAME=PATTERN`, repeatable (all must hold).
    pub headers: Vec<String>,
    /// `--grep REGEX` over the value bytes.
    pub grep: Option<String>,
    /// `--where EXPR`, a jq expression over the value as JSON.
    pub where_expr: Option<String>,
}

/// A filter flag that cannot be used; the message names the flag and says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// `--header "=x": empty header name`
    #[error("--header {spec:?}: {reason}")]
    Header {
        /// The flag's value.
        spec: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `--grep: invalid regex: ...`
    #[error("--grep: invalid regex: {0}")]
    Grep(String),
    /// `--where: syntax error at column 7: ...`, `--where: undefined variable $x at column 1 ...`
    #[error("--where: {0}")]
    Where(String),
}

/// A `--key` or header value pattern: exact bytes, or a glob with `*` and `?`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(Box<[u8]>),
    Glob(Box<[u8]>),
}

impl Pattern {
    fn new(s: &str) -> Pattern {
        let b: Box<[u8]> = s.as_bytes().into();
        if b.iter().any(|&c| c == b'*' || c == b'?') {
            Pattern::Glob(b)
        } else {
            Pattern::Exact(b)
        }
    }

    fn matches(&self, s: &[u8]) -> bool {
        match self {
            Pattern::Exact(p) => **p == *s,
            Pattern::Glob(p) => glob_match_bytes(p, s),
        }
    }
}

/// One `--header`: a header named `name`, with a value matching `value` when given.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HeaderCond {
    name: String,
    value: Option<Pattern>,
}

impl HeaderCond {
    fn parse(spec: &str) -> Result<HeaderCond, FilterError> {
        let (name, value) = match spec.split_once('=') {
            Some((name, pattern)) => (name, Some(Pattern::new(pattern))),
            None => (spec, None),
        };
        if name.is_empty() {
            return Err(FilterError::Header {
                spec: spec.to_owned(),
                reason: "empty header name".into(),
            });
        }
        Ok(HeaderCond {
            name: name.to_owned(),
            value,
        })
    }

    fn matches(&self, headers: &[(String, Option<bytes::Bytes>)]) -> bool {
        headers.iter().any(|(name, value)| {
            *name == self.name
                && match (&self.value, value) {
                    (None, _) => true,
                    (Some(p), Some(v)) => p.matches(v),
                    (Some(_), None) => false,
                }
        })
    }
}

/// A compiled [`FilterSpec`]. Cheap to test per record; `Send + Sync`, so one filter can serve
/// several partitions' tasks. The default passes every record.
#[derive(Clone, Default)]
pub struct Filter {
    keys: Vec<Pattern>,
    headers: Vec<HeaderCond>,
    grep: Option<regex::bytes::Regex>,
    where_expr: Option<std::sync::Arc<jq::Where>>,
    spec: FilterSpec,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Filter").field(&self.spec).finish()
    }
}

impl Filter {
    /// Checks and compiles the flags: globs, header specs, the regex and the jq program.
    pub fn new(spec: &FilterSpec) -> Result<Filter, FilterError> {
        let headers = spec
            .headers
            .iter()
            .map(|h| HeaderCond::parse(h))
            .collect::<Result<_, _>>()?;
        let grep = spec
            .grep
            .as_deref()
            .map(|re| regex::bytes::Regex::new(re).map_err(|e| FilterError::Grep(e.to_string())))
            .transpose()?;
        let where_expr = spec
            .where_expr
            .as_deref()
            .map(|code| {
                jq::Where::compile(code)
                    .map(std::sync::Arc::new)
                    .map_err(FilterError::Where)
            })
            .transpose()?;
        Ok(Filter {
            keys: spec.keys.iter().map(|k| Pattern::new(k)).collect(),
            headers,
            grep,
            where_expr,
            spec: spec.clone(),
        })
    }

    /// True when no condition was given: every record matches.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
            && self.headers.is_empty()
            && self.grep.is_none()
            && self.where_expr.is_none()
    }

    /// Whether the record passes every condition. The cheap ones run first; the value is parsed
    /// as JSON only for `--where`, and only when the others pass.
    pub fn matches(&self, r: &Record) -> bool {
        if !self.keys.is_empty() {
            let Some(key) = r.msg.key.as_deref() else {
                return false;
            };
            if !self.keys.iter().any(|p| p.matches(key)) {
                return false;
            }
        }
        if !self.headers.iter().all(|h| h.matches(&r.msg.headers)) {
            return false;
        }
        if let Some(re) = &self.grep {
            match r.msg.value.as_deref() {
                Some(v) if re.is_match(v) => {}
                _ => return false,
            }
        }
        match &self.where_expr {
            Some(w) => w.matches(r),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn b(s: &str) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(s.as_bytes()))
    }

    fn rec(key: Option<&str>, value: Option<&str>) -> Record {
        Record {
            topic: "orders".into(),
            at: crate::record::Position::Offset {
                partition: 3,
                offset: 42,
            },
            msg: crate::record::Message {
                timestamp: 1_735_689_600_000,
                key: key.and_then(b),
                value: value.and_then(b),
                ..crate::record::Message::default()
            },
            ..Record::default()
        }
    }

    fn with_headers(mut r: Record, headers: &[(&str, Option<&str>)]) -> Record {
        r.msg.headers = headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), v.and_then(b)))
            .collect();
        r
    }

    fn filter(spec: FilterSpec) -> Filter {
        Filter::new(&spec).unwrap_or_else(|e| panic!("{e}"))
    }

    fn keys(ks: &[&str]) -> Filter {
        filter(FilterSpec {
            keys: ks.iter().map(|s| (*s).to_owned()).collect(),
            ..FilterSpec::default()
        })
    }

    fn headers(hs: &[&str]) -> Filter {
        filter(FilterSpec {
            headers: hs.iter().map(|s| (*s).to_owned()).collect(),
            ..FilterSpec::default()
        })
    }

    fn grep(re: &str) -> Filter {
        filter(FilterSpec {
            grep: Some(re.into()),
            ..FilterSpec::default()
        })
    }

    fn jq(expr: &str) -> Filter {
        filter(FilterSpec {
            where_expr: Some(expr.into()),
            ..FilterSpec::default()
        })
    }

    fn where_err(expr: &str) -> String {
        Filter::new(&FilterSpec {
            where_expr: Some(expr.into()),
            ..FilterSpec::default()
        })
        .expect_err(expr)
        .to_string()
    }

    const ORDER: &str = r#"{"type":"order.created.v1","amount":12.5,"items":[{"sku":"a"},{"sku":"b"}],"metadata":{"tenant_id":"t1"}}"#;

    #[test]
    fn glob_matcher() {
        let cases: &[(&str, &str, bool)] = &[
            ("", "", true),
            ("", "a", false),
            ("*", "", true),
            ("*", "anything", true),
            ("**", "", true),
            ("?", "", false),
            ("?", "a", true),
            ("?", "ab", false),
            ("a*", "a", true),
            ("a*", "abc", true),
            ("a*", "ba", false),
            ("*c", "abc", true),
            ("*c", "abcd", false),
            ("a*c", "ac", true),
            ("a*c", "abbbc", true),
            ("a*c", "abcbd", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXcYb", false),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            (
                "*a*a*a*a*b",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                false,
            ),
            ("user-*-eu", "user-42-eu", true),
            ("user-*-eu", "user-42-us", false),
            ("*.*", "a.b", true),
            ("*.*", "ab", false),
            ("*?", "", false),
            ("*?", "x", true),
        ];
        for &(p, s, want) in cases {
            assert_eq!(
                glob_match_bytes(p.as_bytes(), s.as_bytes()),
                want,
                "{p:?} ~ {s:?}"
            );
        }
        // bytes, not characters: `?` is one byte of a multi-byte character
        assert!(!glob_match_bytes(b"?", "é".as_bytes()));
        assert!(glob_match_bytes(b"??", "é".as_bytes()));
        assert!(glob_match_bytes(b"a*", b"a\xff\x00"));
        // `*` and `?` match themselves too
        assert!(glob_match_bytes(b"a*", b"a*"));
    }

    #[test]
    fn empty_filter_matches_everything() {
        let f = filter(FilterSpec::default());
        assert!(f.is_empty());
        assert!(f.matches(&rec(None, None)));
        assert!(f.matches(&rec(Some("k"), Some("not json"))));
        assert!(!keys(&["k"]).is_empty());
        assert!(!headers(&["h"]).is_empty());
        assert!(!grep("x").is_empty());
        assert!(!jq(".").is_empty());
    }

    #[test]
    fn key_exact_glob_and_or() {
        let f = keys(&["k1"]);
        assert!(f.matches(&rec(Some("k1"), None)));
        assert!(!f.matches(&rec(Some("k10"), None)));
        assert!(!f.matches(&rec(Some("K1"), None)));
        assert!(!f.matches(&rec(None, None)), "a null key never matches");

        let f = keys(&["user-*", "admin"]);
        assert!(f.matches(&rec(Some("user-1"), None)));
        assert!(f.matches(&rec(Some("user-"), None)));
        assert!(f.matches(&rec(Some("admin"), None)));
        assert!(!f.matches(&rec(Some("admins"), None)));
        assert!(!f.matches(&rec(Some("guest"), None)));

        let f = keys(&["k?"]);
        assert!(f.matches(&rec(Some("k1"), None)));
        assert!(!f.matches(&rec(Some("k"), None)));

        let f = keys(&[""]);
        assert!(f.matches(&rec(Some(""), None)), "empty pattern, empty key");
        assert!(!f.matches(&rec(Some("x"), None)));
        assert!(!f.matches(&rec(None, None)), "null is not empty");

        let f = keys(&["*"]);
        assert!(f.matches(&rec(Some(""), None)));
        assert!(!f.matches(&rec(None, None)));
    }

    #[test]
    fn key_binary_bytes() {
        let mut r = rec(None, None);
        r.msg.key = Some(Bytes::from_static(b"\xff\x00k"));
        assert!(keys(&["*k"]).matches(&r));
        assert!(keys(&["??k"]).matches(&r));
        assert!(!keys(&["?k"]).matches(&r));
    }

    #[test]
    fn header_presence_and_value() {
        let r = with_headers(
            rec(None, None),
            &[
                ("trace", None),
                ("type", Some("order.created")),
                ("type", Some("dup")),
                ("empty", Some("")),
            ],
        );
        assert!(headers(&["trace"]).matches(&r), "present with a null value");
        assert!(headers(&["type"]).matches(&r));
        assert!(!headers(&["missing"]).matches(&r));
        assert!(!headers(&["Type"]).matches(&r), "names are exact");

        assert!(headers(&["type=order.created"]).matches(&r));
        assert!(
            headers(&["type=dup"]).matches(&r),
            "any header of that name"
        );
        assert!(headers(&["type=order.*"]).matches(&r));
        assert!(!headers(&["type=order"]).matches(&r));
        assert!(
            !headers(&["trace=*"]).matches(&r),
            "a null value never matches"
        );
        assert!(!headers(&["trace="]).matches(&r));
        assert!(headers(&["empty="]).matches(&r));
        assert!(!headers(&["type="]).matches(&r));

        // AND across flags
        assert!(headers(&["trace", "type=dup"]).matches(&r));
        assert!(!headers(&["trace", "type=nope"]).matches(&r));
        assert!(!headers(&["type"]).matches(&rec(None, None)));
    }

    #[test]
    fn header_split_at_first_equals() {
        let r = with_headers(rec(None, None), &[("q", Some("a=b"))]);
        assert!(headers(&["q=a=b"]).matches(&r));
        assert!(headers(&["q=*=*"]).matches(&r));
        assert!(!headers(&["q=a"]).matches(&r));
    }

    #[test]
    fn header_errors() {
        let err = Filter::new(&FilterSpec {
            headers: vec!["ok".into(), "=x".into()],
            ..FilterSpec::default()
        })
        .unwrap_err();
        assert_eq!(err.to_string(), r#"--header "=x": empty header name"#);
        let err = Filter::new(&FilterSpec {
            headers: vec!["".into()],
            ..FilterSpec::default()
        })
        .unwrap_err();
        assert_eq!(err.to_string(), r#"--header "": empty header name"#);
    }

    #[test]
    fn grep_searches_value_bytes() {
        let f = grep("created");
        assert!(f.matches(&rec(None, Some(ORDER))));
        assert!(!f.matches(&rec(None, Some("deleted"))));
        assert!(!f.matches(&rec(None, None)), "a null value never matches");

        let f = grep("^$");
        assert!(f.matches(&rec(None, Some(""))));
        assert!(!f.matches(&rec(None, None)));

        let f = grep(r"(?i)ORDER\.\w+");
        assert!(f.matches(&rec(None, Some(ORDER))));

        let mut r = rec(None, None);
        r.msg.value = Some(Bytes::from_static(b"\x00\xffpayload\xfe"));
        assert!(grep("payload").matches(&r), "binary around the match");
        assert!(grep(r"(?-u)\xff").matches(&r));
        assert!(!grep("^payload").matches(&r));
    }

    #[test]
    fn grep_error() {
        let err = Filter::new(&FilterSpec {
            grep: Some("a(".into()),
            ..FilterSpec::default()
        })
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("--grep: invalid regex: "), "{msg}");
        assert!(msg.contains("unclosed group"), "{msg}");
    }

    #[test]
    fn where_fields_and_logic() {
        let r = rec(Some("k1"), Some(ORDER));
        assert!(jq(r#".type == "order.created.v1" and .metadata.tenant_id == "t1""#).matches(&r));
        assert!(!jq(r#".type == "order.created.v1" and .metadata.tenant_id == "t2""#).matches(&r));
        assert!(jq(r#".type == "x" or .amount > 10"#).matches(&r));
        assert!(!jq(".amount < 10").matches(&r));
        assert!(jq(r#".items | any(.sku == "b")"#).matches(&r));
        assert!(jq(r#"[.items[].sku] | length == 2"#).matches(&r));
        assert!(jq(r#".metadata | has("tenant_id")"#).matches(&r));
        assert!(jq(r#"(.missing // "dflt") == "dflt""#).matches(&r));
        assert!(jq(r#"if .amount > 100 then false else true end"#).matches(&r));
    }

    #[test]
    fn where_truthiness_and_select() {
        let r = rec(None, Some(ORDER));
        // select-style: no output means no match, an object output is truthy
        assert!(jq(r#"select(.type == "order.created.v1")"#).matches(&r));
        assert!(!jq(r#"select(.type == "other")"#).matches(&r));
        assert!(jq(r#".items[] | select(.sku == "b")"#).matches(&r));
        assert!(!jq("empty").matches(&r));
        assert!(!jq("null").matches(&r));
        assert!(!jq("false").matches(&r));
        assert!(jq("0").matches(&r), "0 is truthy in jq");
        assert!(jq(r#""""#).matches(&r), "so is the empty string");
        assert!(!jq(".missing").matches(&r));
        // only the first output counts
        assert!(jq("true, false").matches(&r));
        assert!(!jq("false, true").matches(&r));
    }

    #[test]
    fn where_regex_from_the_standard_library() {
        let r = rec(None, Some(ORDER));
        assert!(jq(r#".type | test("^order\\.created")"#).matches(&r));
        assert!(jq(r#".type | test("CREATED"; "i")"#).matches(&r));
        assert!(!jq(r#".type | test("CREATED")"#).matches(&r));
        assert!(!jq(r#".type | test("deleted")"#).matches(&r));
        assert!(jq(r#"(.type | match("c(?<what>\\w+)").captures[0].name) == "what""#).matches(&r));
        assert!(
            jq(r#"(.type | capture("order\\.(?<verb>[a-z]+)").verb) == "created""#).matches(&r)
        );
        assert!(jq(r#"(.type | sub("\\.v1$"; "")) == "order.created""#).matches(&r));
        assert!(jq(r#"(.type | gsub("\\."; "/")) == "order/created/v1""#).matches(&r));
        assert!(jq(r#"(.type | [scan("[a-z]+")]) == ["order", "created", "v"]"#).matches(&r));
        assert!(jq(r#"(.type | split("\\."; null)) == ["order", "created", "v1"]"#).matches(&r));
        assert!(
            jq(r#"("héllo wörld" | match("w").offset) == 6"#).matches(&r),
            "offsets in characters"
        );
        // an invalid regex is a runtime error: no match, no panic
        assert!(!jq(r#".type | test("(")"#).matches(&r));
        assert!(!jq(r#".type | test("a"; "Z")"#).matches(&r));
        // a non-string input is an error too
        assert!(!jq(r#".amount | test("1")"#).matches(&r));
    }

    #[test]
    fn where_other_natives() {
        let r = rec(None, Some(r#"{"s":"a<b","n":2}"#));
        assert!(jq(r#"(.s | @base64) == "YTxi""#).matches(&r));
        assert!(jq(r#"("YTxi" | @base64d) == "a<b""#).matches(&r));
        assert!(jq(r#"(.s | @html) == "a&lt;b""#).matches(&r));
        assert!(jq(r#"(.s | @uri) == "a%3Cb""#).matches(&r));
        assert!(jq(r#"("a%3Cb%zz" | @urid) == "a<b%zz""#).matches(&r));
        assert!(jq(r#"pow(.n; 10) == 1024"#).matches(&r));
        assert!(jq(r#"(.n | sqrt) > 1.41 and (.n | sqrt) < 1.42"#).matches(&r));
        assert!(jq(r#"(1735689600 | todate) == "2025-01-01T00:00:00Z""#).matches(&r));
        assert!(jq(r#"("2025-01-01T00:00:00Z" | fromdate) == 1735689600"#).matches(&r));
        assert!(jq(r#"("2025-01-01T00:00:00.5Z" | fromdate) == 1735689600.5"#).matches(&r));
        assert!(jq(r#"($timestamp / 1000 | todate) == "2025-01-01T00:00:00Z""#).matches(&r));
        assert!(!jq(r#""yesterday" | fromdate"#).matches(&r), "an error");
        assert!(jq("now > 1700000000").matches(&r));
        assert!(
            jq(".n | debug | . == 2").matches(&r),
            "debug is the identity"
        );
        assert!(jq(r#"(.n | tostring) == "2" and (.s | ascii_upcase) == "A<B""#).matches(&r));
        assert!(jq(r#"(.s | tojson | fromjson) == .s"#).matches(&r));
        assert!(!jq("halt").matches(&r), "halt must not exit the process");
        assert!(!jq(r#"error("boom")"#).matches(&r));
        assert!(jq(r#"try error("boom") catch true"#).matches(&r));
    }

    #[test]
    fn where_math() {
        let r = rec(None, Some("8"));
        assert!(jq("(. | logb) == 3").matches(&r));
        assert!(jq("(. | significand) == 1").matches(&r));
        assert!(jq("nextafter(1; 2) > 1").matches(&r));
        assert!(jq("drem(7; 2) == -1").matches(&r));
    }

    #[test]
    fn where_variables() {
        let r = with_headers(
            rec(Some("k1"), Some(ORDER)),
            &[("trace", None), ("type", Some("t"))],
        );
        assert!(jq(r#".type == "order.created.v1" and $key == "k1""#).matches(&r));
        assert!(!jq(r#"$key == "k2""#).matches(&r));
        assert!(jq(r#"$topic == "orders""#).matches(&r));
        assert!(jq("$partition == 3 and $offset == 42").matches(&r));
        assert!(jq("$timestamp == 1735689600000").matches(&r));
        assert!(jq(r#"$headers == [["trace", null], ["type", "t"]]"#).matches(&r));
        assert!(jq(r#"$headers | any(.[0] == "type" and .[1] == "t")"#).matches(&r));
        assert!(jq(r#"[$headers[] | select(.[0] == "trace")] | length == 1"#).matches(&r));
        assert!(jq(r#""\($key)-\($partition)" == "k1-3""#).matches(&r));

        let r = rec(None, Some("{}"));
        assert!(jq("$key == null").matches(&r));
        assert!(jq("$headers == []").matches(&r));

        let mut r = rec(None, Some("{}"));
        r.msg.key = Some(Bytes::from_static(b"k\xff"));
        assert!(jq(r#"$key == "k\ufffd""#).matches(&r), "lossy UTF-8");

        let mut r = rec(None, Some("{}"));
        r.at = crate::record::Position::Offset {
            partition: 0,
            offset: i64::MAX,
        };
        r.msg.timestamp = -1;
        assert!(jq("$offset == 9223372036854775807 and $timestamp == -1").matches(&r));
    }

    #[test]
    fn where_non_json_and_null_values_do_not_match() {
        let f = jq("true");
        assert!(f.matches(&rec(None, Some("{}"))));
        assert!(f.matches(&rec(None, Some("  \"s\"\n"))));
        assert!(!f.matches(&rec(None, None)), "null value");
        assert!(!f.matches(&rec(None, Some(""))), "empty value");
        assert!(!f.matches(&rec(None, Some("not json"))));
        assert!(!f.matches(&rec(None, Some("{\"a\":"))));
        assert!(!f.matches(&rec(None, Some("{} {}"))), "two documents");
        let mut r = rec(None, None);
        r.msg.value = Some(Bytes::from_static(b"\xff\xfe"));
        assert!(!f.matches(&r));
        // jaq's reader would take these; they are not JSON
        for v in [
            "NaN", "Infinity", "+1", "# c\n1", "{1:2}", r#"b"x""#, "[1,]", "'a'",
        ] {
            assert!(!f.matches(&rec(None, Some(v))), "{v}");
        }
        // deep nesting is refused instead of overflowing the stack
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(!f.matches(&rec(None, Some(&deep))));
        let ok = "[".repeat(127) + &"]".repeat(127);
        assert!(f.matches(&rec(None, Some(&ok))));
        let too_deep = "[".repeat(128) + &"]".repeat(128);
        assert!(!f.matches(&rec(None, Some(&too_deep))));
        let deep_object = r#"{"a":"#.repeat(127) + "1" + &"}".repeat(127);
        assert!(jq("true").matches(&rec(None, Some(&deep_object))));
        // a scalar document is fine
        assert!(jq(". == 5").matches(&rec(None, Some("5"))));
        assert!(jq(r#". == "x""#).matches(&rec(None, Some("\"x\""))));
    }

    #[test]
    fn where_runtime_errors_do_not_match() {
        let r = rec(None, Some(ORDER));
        assert!(!jq(".type.nested").matches(&r), "index a string");
        assert!(!jq(".amount + \"x\" == 1").matches(&r));
        assert!(!jq(".items.sku").matches(&r));
        assert!(jq(".items.sku? // true").matches(&r));
        assert!(!jq("[limit(3; repeat(1))] | length == 2").matches(&r));
    }

    #[test]
    fn where_syntax_errors_name_the_column() {
        assert_eq!(
            where_err(".type =="),
            "--where: syntax error at column 9: expected term, found end of input"
        );
        assert_eq!(
            where_err(".a == {b:}"),
            r#"--where: syntax error at column 10: expected term, found "}""#
        );
        assert_eq!(
            where_err("(.a"),
            "--where: syntax error at column 4: expected a closing parenthesis, found end of input"
        );
        assert_eq!(
            where_err(r#".a == "x"#),
            "--where: syntax error at column 9: expected a closing quote, found end of input"
        );
        assert_eq!(
            where_err(".a & .b"),
            "--where: syntax error at column 4: unexpected character '&'"
        );
        assert_eq!(
            where_err("if . then 1"),
            "--where: syntax error at column 12: expected else or end, found end of input"
        );
        assert_eq!(
            where_err(""),
            "--where: syntax error at column 1: expected term, found end of input"
        );
        assert_eq!(
            where_err(".a and\n (.b"),
            "--where: syntax error at line 2, column 5: expected a closing parenthesis, found end of input"
        );
        assert_eq!(
            where_err(r#".a == "\q""#),
            "--where: syntax error at column 9: expected a string escape sequence \
             (\\n, \\t, \\\", \\\\, \\u, \\(), found 'q'"
        );
        assert_eq!(
            where_err("(.a ]"),
            "--where: syntax error at column 5: expected a closing parenthesis, found ']'"
        );
        assert_eq!(
            where_err(".a | foo(1;"),
            "--where: syntax error at column 12: expected a closing parenthesis, found end of input"
        );
        // columns count characters, not bytes
        assert_eq!(
            where_err(r#""é" =="#),
            "--where: syntax error at column 7: expected term, found end of input"
        );
    }

    #[test]
    fn where_undefined_names() {
        assert_eq!(
            where_err("$nope == 1"),
            "--where: undefined variable $nope at column 1 (the predefined variables are \
             $key, $topic, $partition, $offset, $timestamp, $headers)"
        );
        assert_eq!(
            where_err(".a | frobnicate"),
            "--where: undefined filter frobnicate/0 at column 6"
        );
        assert_eq!(
            where_err(r#"test("a"; "b"; "c")"#),
            "--where: undefined filter test/3 at column 1"
        );
        assert!(where_err("$ENV").contains("undefined variable $ENV"));
        assert!(where_err("input").contains("undefined filter input/0"));
    }

    #[test]
    fn filters_combine_with_and() {
        let f = filter(FilterSpec {
            keys: vec!["k*".into()],
            headers: vec!["type=order".into()],
            grep: Some("created".into()),
            where_expr: Some(".amount > 10".into()),
        });
        let good = with_headers(rec(Some("k1"), Some(ORDER)), &[("type", Some("order"))]);
        assert!(f.matches(&good));
        let mut r = good.clone();
        r.msg.key = b("x1");
        assert!(!f.matches(&r), "key fails");
        let mut r = good.clone();
        r.msg.headers.clear();
        assert!(!f.matches(&r), "header fails");
        let mut r = good.clone();
        r.msg.value = b(r#"{"amount":50,"type":"deleted"}"#);
        assert!(!f.matches(&r), "grep fails");
        let mut r = good.clone();
        r.msg.value = b(r#"{"amount":5,"type":"created"}"#);
        assert!(!f.matches(&r), "where fails");
    }

    #[test]
    fn filter_is_send_sync_clone_and_debug() {
        fn send_sync<T: Send + Sync + Clone>() {}
        send_sync::<Filter>();
        let f = jq(".a");
        let g = f.clone();
        assert!(g.matches(&rec(None, Some(r#"{"a":1}"#))));
        assert!(format!("{f:?}").contains(".a"));
        // many records through one compiled filter, across threads
        let f = std::sync::Arc::new(jq(r#".type | test("created")"#));
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let f = f.clone();
                std::thread::spawn(move || {
                    (0..200)
                        .filter(|i| {
                            let v = if i % 2 == 0 { ORDER } else { "{}" };
                            f.matches(&rec(None, Some(v)))
                        })
                        .count()
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), 100);
        }
    }
}
