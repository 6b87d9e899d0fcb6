//! The two small pattern languages of the spec, without a regex engine:
//!
//! - globs for `protected` topics: `*` is any run of characters, `?` any one character, the rest
//!   literal; a glob matches the whole name;
//! - a regular-expression subset for `ignore_configs`, which match config keys: literal characters,
//!   `\` escapes, `.`, classes `[a-z0-9_]` and `[^...]`, the quantifiers `*`, `+` and `?`, the
//!   anchors `^` and `$`, and top-level alternation `a|b`. As with regexes, a pattern matches
//!   anywhere in the key unless anchored. Groups and counted repetition are refused when the spec is
//!   loaded, so no pattern silently means something else.

/// True when the glob matches the whole of `text` (topic names and their globs are ASCII, so
/// matching bytes is matching characters).
pub fn glob_match(glob: &str, text: &str) -> bool {
    glob_match_bytes(glob.as_bytes(), text.as_bytes())
}

/// Whether `s` matches the byte glob `p` (`*` any run of bytes, `?` exactly one byte, anything
/// else itself). Backtracks only to the last `*`, so it is O(len(p) * len(s)) at worst.
pub fn glob_match_bytes(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    // after a `*`: where the pattern resumes and the first subject byte it has not yet tried
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                pi += 1;
                star = Some((pi, si));
                continue;
            }
            Some(&c) if c == b'?' || c == s[si] => {
                pi += 1;
                si += 1;
                continue;
            }
            _ => {}
        }
        match star {
            Some((sp, ss)) => {
                // let the `*` swallow one more byte and retry
                pi = sp;
                si = ss + 1;
                star = Some((sp, ss + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Checks a `protected` glob: the characters of topic names plus `*` and `?`.
pub fn check_glob(glob: &str) -> Result<(), String> {
    if glob.is_empty() {
        return Err("an empty pattern matches nothing".into());
    }
    match glob
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "._-*?".contains(*c)))
    {
        Some(c) => Err(format!(
            "`{c}` cannot appear in a topic name: patterns use topic-name characters, `*` (any run) and `?` (one character)"
        )),
        None => Ok(()),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Char(char),
    Any,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
    Start,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Repeat {
    One,
    ZeroOrOne,
    ZeroOrMore,
    OneOrMore,
}

/// A compiled `ignore_configs` pattern.
#[derive(Debug, Clone)]
pub struct KeyPattern {
    alternatives: Vec<Vec<(Atom, Repeat)>>,
}

impl KeyPattern {
    /// Compiles a pattern; the error says what is not supported or malformed.
    pub fn new(pattern: &str) -> Result<KeyPattern, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut alternatives = vec![Vec::new()];
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            let atom = match c {
                '|' => {
                    alternatives.push(Vec::new());
                    continue;
                }
                '^' => Atom::Start,
                '$' => Atom::End,
                '.' => Atom::Any,
                '\\' => {
                    let Some(&e) = chars.get(i) else {
                        return Err("the pattern ends with a lone `\\`".into());
                    };
                    i += 1;
                    if e.is_ascii_alphanumeric() {
                        return Err(format!(
                            "`\\{e}` is not supported: escape only punctuation, like `\\.`"
                        ));
                    }
                    Atom::Char(e)
                }
                '[' => {
                    let (atom, next) = class(&chars, i)?;
                    i = next;
                    atom
                }
                '*' | '+' | '?' => {
                    return Err(format!("`{c}` must follow something to repeat"));
                }
                '(' | ')' | '{' | '}' | ']' => {
                    return Err(format!(
                        "`{c}` is not supported in ignore_configs patterns (supported: literals, `\\.`, `.`, [classes], `*`, `+`, `?`, `^`, `$` and top-level `|`)"
                    ));
                }
                c => Atom::Char(c),
            };
            let repeat = match chars.get(i) {
                Some('*') => Repeat::ZeroOrMore,
                Some('+') => Repeat::OneOrMore,
                Some('?') => Repeat::ZeroOrOne,
                _ => Repeat::One,
            };
            if repeat != Repeat::One {
                i += 1;
                if matches!(atom, Atom::Start | Atom::End) {
                    return Err("an anchor (`^`, `$`) cannot be repeated".into());
                }
                if matches!(chars.get(i), Some('*' | '+' | '?')) {
                    return Err("a quantifier cannot follow another quantifier".into());
                }
            }
            alternatives
                .last_mut()
                .expect("one alternative at least")
                .push((atom, repeat));
        }
        if alternatives.iter().any(Vec::is_empty) {
            return Err("an empty pattern (or an empty side of `|`) would match every key".into());
        }
        Ok(KeyPattern { alternatives })
    }

    /// True when the pattern matches somewhere in `key`.
    pub fn is_match(&self, key: &str) -> bool {
        let text: Vec<char> = key.chars().collect();
        self.alternatives.iter().any(|alt| {
            // (pattern position, text position) pairs known not to match: each is tried once,
            // so a match costs at most pattern × text steps, whatever the quantifiers
            let mut failed = vec![false; (alt.len() + 1) * (text.len() + 1)];
            (0..=text.len()).any(|start| match_here(alt, 0, &text, start, &mut failed))
        })
    }
}

/// Parses a class after its `[`; returns it and the index after its `]`.
fn class(chars: &[char], mut i: usize) -> Result<(Atom, usize), String> {
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("unclosed `[`".into());
        };
        i += 1;
        if c == ']' && !first {
            break;
        }
        first = false;
        let lo = if c == '\\' {
            let Some(&e) = chars.get(i) else {
                return Err("unclosed `[`".into());
            };
            i += 1;
            e
        } else {
            c
        };
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|&h| h != ']') {
            let hi = chars[i + 1];
            i += 2;
            if hi < lo {
                return Err(format!("the range `{lo}-{hi}` is backwards"));
            }
            ranges.push((lo, hi));
        } else {
            ranges.push((lo, lo));
        }
    }
    Ok((Atom::Class { negated, ranges }, i))
}

fn atom_matches(atom: &Atom, c: char) -> bool {
    match atom {
        Atom::Char(a) => *a == c,
        Atom::Any => true,
        Atom::Class { negated, ranges } => {
            ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated
        }
        Atom::Start | Atom::End => false,
    }
}

/// Backtracking match of `pattern[at..]` at `text[pos..]`, remembering in `failed` the places
/// that did not match (without it, `a*a*a*a*b` against a long key takes exponential time).
fn match_here(
    pattern: &[(Atom, Repeat)],
    at: usize,
    text: &[char],
    pos: usize,
    failed: &mut [bool],
) -> bool {
    let Some((atom, repeat)) = pattern.get(at) else {
        return true;
    };
    let key = at * (text.len() + 1) + pos;
    if failed[key] {
        return false;
    }
    let matched = match atom {
        Atom::Start => pos == 0 && match_here(pattern, at + 1, text, pos, failed),
        Atom::End => pos == text.len() && match_here(pattern, at + 1, text, pos, failed),
        _ => match_atom(pattern, at, atom, repeat, text, pos, failed),
    };
    if !matched {
        failed[key] = true;
    }
    matched
}

fn match_atom(
    pattern: &[(Atom, Repeat)],
    at: usize,
    atom: &Atom,
    repeat: &Repeat,
    text: &[char],
    pos: usize,
    failed: &mut [bool],
) -> bool {
    let (min, max) = match repeat {
        Repeat::One => (1, 1),
        Repeat::ZeroOrOne => (0, 1),
        Repeat::ZeroOrMore => (0, usize::MAX),
        Repeat::OneOrMore => (1, usize::MAX),
    };
    // how many characters from pos the atom can take, greedily
    let mut n = 0;
    while n < max && pos + n < text.len() && atom_matches(atom, text[pos + n]) {
        n += 1;
    }
    (min..=n)
        .rev()
        .any(|k| match_here(pattern, at + 1, text, pos + k, failed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quantifiers in a row against a key that almost matches: without memory this takes
    /// 40^12 steps (found by the spec_yaml fuzz target's review), with it a few thousand.
    #[test]
    fn many_quantifiers_match_in_polynomial_time() {
        let p = KeyPattern::new(&format!("{}b", "a*".repeat(12))).unwrap();
        let key = "a".repeat(40);
        let start = std::time::Instant::now();
        assert!(!p.is_match(&key));
        assert!(p.is_match(&format!("{key}b")));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn globs() {
        assert!(glob_match("__*", "__consumer_offsets"));
        assert!(glob_match("__*", "__"));
        assert!(!glob_match("__*", "_schemas"));
        assert!(glob_match("_schemas", "_schemas"));
        assert!(!glob_match("_schemas", "_schemas2"));
        assert!(glob_match("_connect-*", "_connect-offsets"));
        assert!(glob_match("*-changelog", "app-store-changelog"));
        assert!(!glob_match("*-changelog", "app-store-changelog.v2"));
        assert!(glob_match("_confluent*", "_confluent-metrics"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*a*b*", "xxaxxbxx"));
        assert!(!glob_match("*a*b*", "xxbxxaxx"));
        assert!(glob_match("*", ""));
        assert!(check_glob("team-*.v?").is_ok());
        assert!(check_glob("a/b").unwrap_err().contains("`/`"));
        assert!(check_glob("").is_err());
    }

    fn m(p: &str, key: &str) -> bool {
        KeyPattern::new(p).unwrap().is_match(key)
    }

    #[test]
    fn key_patterns() {
        assert!(m(r"^confluent\.", "confluent.placement.constraints"));
        assert!(!m(r"^confluent\.", "x.confluent.y"));
        assert!(!m(r"^confluent\.", "confluentXy"));
        assert!(m(r"confluent", "x.confluent.y"));
        assert!(m(r"\.ms$", "segment.ms"));
        assert!(!m(r"\.ms$", "segment.msx"));
        assert!(m(r"^redpanda\.|^aws\.", "aws.x"));
        assert!(m(r"^redpanda\.|^aws\.", "redpanda.remote.read"));
        assert!(!m(r"^redpanda\.|^aws\.", "x.aws."));
        assert!(m(r"^segment\..*ms$", "segment.jitter.ms"));
        assert!(m(r"^[a-c]+\.x$", "abcab.x"));
        assert!(!m(r"^[a-c]+\.x$", "abd.x"));
        assert!(m(r"^[^.]+$", "preallocate"));
        assert!(!m(r"^[^.]+$", "segment.ms"));
        assert!(m(r"^colou?r$", "color"));
        assert!(m(r"^colou?r$", "colour"));
        assert!(m(r"^a.b$", "axb"));
        assert!(m(r"^a\-b$", "a-b"));
        assert!(m(r"^[-a]$", "-"));
    }

    #[test]
    fn unsupported_patterns_are_refused() {
        for (p, why) in [
            ("^(a|b)", "`(` is not supported"),
            ("a{2}", "`{` is not supported"),
            ("*a", "must follow"),
            ("a**", "cannot follow another"),
            ("[abc", "unclosed"),
            ("[z-a]", "backwards"),
            ("", "empty"),
            ("a|", "empty"),
            (r"\d", "not supported"),
            ("a\\", "lone"),
            ("^*", "cannot be repeated"),
        ] {
            let e = KeyPattern::new(p).unwrap_err();
            assert!(e.contains(why), "{p}: {e}");
        }
    }
}
