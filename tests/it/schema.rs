//! `evctl schema check|get|list|register` through the binary: local files, directories, git refs,
//! topics.yaml specs, and a registry (the in-test server in support/registry.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::Evctl;
use crate::support::registry::{FakeRegistry, State};

const USER_V1: &str = r#"{"type": "record", "name": "User", "namespace": "platform.user.v1", "fields": [
  {"name": "id", "type": "string"},
  {"name": "name", "type": "string"}
]}"#;

/// v2 adds an optional field: compatible both ways.
const USER_V2: &str = r#"{"type": "record", "name": "User", "namespace": "platform.user.v1", "fields": [
  {"name": "id", "type": "string"},
  {"name": "name", "type": "string"},
  {"name": "plan", "type": ["null", "string"], "default": null}
]}"#;

/// v3 adds a required field and widens nothing: BACKWARD breaks (no default).
const USER_V3_BAD: &str = r#"{"type": "record", "name": "User", "namespace": "platform.user.v1", "fields": [
  {"name": "id", "type": "string"},
  {"name": "name", "type": "string"},
  {"name": "plan", "type": ["null", "string"], "default": null},
  {"name": "email", "type": "string"}
]}"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn local_files_compatible_and_incompatible() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = write(dir.path(), "v1.avsc", USER_V1);
    let v2 = write(dir.path(), "v2.avsc", USER_V2);
    let v3 = write(dir.path(), "v3.avsc", USER_V3_BAD);
    let ok = Evctl::new()
        .args(["schema", "check", path(&v2), "--against", path(&v1)])
        .run()
        .expect_code(0);
    assert!(
        ok.stdout.contains(": compatible (BACKWARD against "),
        "{}",
        ok.stdout
    );
    let bad = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--against",
            path(&v1),
            path(&v2),
        ])
        .run()
        .expect_code(3);
    let first = bad.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("/fields/3: READER_FIELD_MISSING_DEFAULT_VALUE - "),
        "{first}"
    );
    assert!(first.contains("email"), "{first}");
    assert!(
        first.ends_with(&format!("(against {})", v2.display())),
        "only the latest without TRANSITIVE: {first}"
    );
    // FORWARD: old readers ignore the new field: compatible
    Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--against",
            path(&v2),
            "--mode",
            "FORWARD",
        ])
        .run()
        .expect_code(0);
    // JSON document
    let v = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--against",
            path(&v2),
            "-o",
            "json",
        ])
        .run()
        .expect_code(3)
        .json();
    assert_eq!(v["compatible"], false);
    let p = &v["results"][0]["problems"][0];
    assert_eq!(p["kind"], "READER_FIELD_MISSING_DEFAULT_VALUE");
    assert_eq!(p["path"], "/fields/3");
    assert_eq!(p["direction"], "backward");
    assert_eq!(v["results"][0]["mode"], "BACKWARD");
}

#[test]
fn against_dir_is_transitive_in_version_order() {
    let dir = tempfile::tempdir().unwrap();
    let versions = dir.path().join("versions");
    // v1 lacks `name`; v2 and v10 have it without default: adding nothing breaks v2/v10, but a
    // new schema whose `name` has no default fails against v1 only
    write(
        &versions,
        "v1.avsc",
        r#"{"type":"record","name":"User","fields":[{"name":"id","type":"string"}]}"#,
    );
    write(&versions, "v2.avsc", USER_V1);
    write(&versions, "v10.avsc", USER_V1);
    let new = write(dir.path(), "new.avsc", USER_V2);
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&new),
            "--against-dir",
            path(&versions),
            "--mode",
            "BACKWARD",
        ])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("against v10.avsc"),
        "latest is v10 in version order: {}",
        run.stdout
    );
    let v = Evctl::new()
        .args([
            "schema",
            "check",
            path(&new),
            "--against-dir",
            path(&versions),
            "--mode",
            "BACKWARD_TRANSITIVE",
            "-o",
            "json",
        ])
        .run()
        .expect_code(3)
        .json();
    assert_eq!(
        v["results"][0]["against"],
        serde_json::json!(["v10.avsc", "v2.avsc", "v1.avsc"])
    );
    assert_eq!(v["results"][0]["problems"][0]["against"], "v1.avsc");
    assert_eq!(
        v["results"][0]["problems"][0]["kind"],
        "READER_FIELD_MISSING_DEFAULT_VALUE"
    );
}

#[test]
fn unparsable_schema_is_exit_2_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.avsc", USER_V1);
    let broken = write(
        dir.path(),
        "broken.avsc",
        "{\"type\": \"record\",\n  \"name\": \"User\",\n  \"fields\": [\n    {\"name\": \"id\" \"type\": \"string\"}\n  ]}\n",
    );
    let run = Evctl::new()
        .args(["schema", "check", path(&broken), "--against", path(&old)])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("broken.avsc:4:"),
        "file and line: {}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["schema", "check", "nope.avsc", "--against", path(&old)])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("nope.avsc: cannot read: No such file"),
        "{}",
        run.stderr
    );
    let odd = write(dir.path(), "schema.txt", USER_V1);
    let run = Evctl::new()
        .args(["schema", "check", path(&odd), "--against", path(&old)])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("pass --type"), "{}", run.stderr);
    Evctl::new()
        .args([
            "schema",
            "check",
            path(&odd),
            "--type",
            "avro",
            "--against",
            path(&old),
        ])
        .run()
        .expect_code(0);
    let run = Evctl::new()
        .args(["schema", "check", path(&old)])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("nothing to check against"),
        "{}",
        run.stderr
    );
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = write(dir.path(), "v2.avsc", USER_V2);
    let v3 = write(dir.path(), "v3.avsc", USER_V3_BAD);
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--against",
            path(&v2),
            "--format",
            "github",
        ])
        .run()
        .expect_code(3);
    // on the offending field's line (5: the email field without a default), for the PR's diff view
    let line = run.stdout.lines().next().unwrap();
    assert!(
        line.starts_with(&format!(
            "::error file={},line=5,col=3,title=schema READER_FIELD_MISSING_DEFAULT_VALUE::/fields/3: ",
            v3.display()
        )),
        "{line}"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repo with `main` holding v1 of two schemas, and a working tree with v3 (incompatible) of one.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    std::fs::create_dir_all(&root).unwrap();
    git(&root, &["init", "-q", "-b", "main"]);
    write(&root, "schemas/user.avsc", USER_V2);
    write(&root, "schemas/account.avsc", USER_V1);
    write(
        &root,
        "topics.yaml",
        "topics: []\nschemas:\n  - subject: user-value\n    file: schemas/user.avsc\n    compatibility: BACKWARD\n  - subject: account-value\n    file: schemas/account.avsc\n    compatibility: FULL\n",
    );
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "v1"]);
    (dir, root)
}

#[test]
fn against_git_and_spec() {
    let (_dir, root) = repo();
    let user = root.join("schemas/user.avsc");
    // unchanged file: compatible
    Evctl::new()
        .args(["schema", "check", path(&user), "--against-git", "main"])
        .run()
        .expect_code(0);
    std::fs::write(&user, USER_V3_BAD).unwrap();
    let run = Evctl::new()
        .args(["schema", "check", path(&user), "--against-git", "main"])
        .run()
        .expect_code(3);
    assert!(
        run.stdout.contains("READER_FIELD_MISSING_DEFAULT_VALUE"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(against main)"), "{}", run.stdout);
    // a schema that does not exist at the ref is new: compatible
    let fresh = write(&root, "schemas/fresh.avsc", USER_V1);
    let run = Evctl::new()
        .args(["schema", "check", path(&fresh), "--against-git", "main"])
        .run()
        .expect_code(0);
    assert!(run.stdout.contains("new at main"), "{}", run.stdout);
    // unknown ref
    let run = Evctl::new()
        .args(["schema", "check", path(&user), "--against-git", "nope"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("unknown git ref \"nope\""),
        "{}",
        run.stderr
    );
    // the spec: each schema under its own mode; only the changed one is checked
    let spec = root.join("topics.yaml");
    let v = Evctl::new()
        .args([
            "schema",
            "check",
            "--spec",
            path(&spec),
            "--against-git",
            "main",
            "-o",
            "json",
        ])
        .run()
        .expect_code(3)
        .json();
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["subject"], "user-value");
    assert_eq!(results[0]["compatible"], false);
    assert_eq!(results[1]["subject"], "account-value");
    assert_eq!(results[1]["note"], "unchanged since main");
    assert_eq!(results[1]["mode"], "FULL");
}

#[test]
fn shallow_clone_says_how_to_fetch() {
    let (dir, root) = repo();
    write(&root, "schemas/user.avsc", USER_V3_BAD);
    git(&root, &["commit", "-q", "-am", "v3"]);
    git(&root, &["checkout", "-q", "-b", "feature"]);
    let clone = dir.path().join("clone");
    let out = Command::new("git")
        .args(["clone", "-q", "--depth", "1", "--branch", "feature"])
        .arg(format!("file://{}", root.display()))
        .arg(&clone)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&clone.join("schemas/user.avsc")),
            "--against-git",
            "origin/main",
        ])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("git ref \"origin/main\" is not in this shallow clone"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("git fetch --no-tags --depth=1 origin main:refs/remotes/origin/main"),
        "{}",
        run.stderr
    );
}

fn registry_with_user(verdict: (bool, Vec<String>), all_versions_endpoint: bool) -> FakeRegistry {
    let mut s = State {
        level: "BACKWARD".into(),
        all_versions_endpoint,
        verdict,
        ..State::default()
    };
    s.subjects.insert(
        "user-value".into(),
        vec![(USER_V1.into(), None), (USER_V2.into(), None)],
    );
    FakeRegistry::start(s)
}

#[test]
fn registry_check_uses_the_all_versions_endpoint_and_shows_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let v3 = write(dir.path(), "v3.avsc", USER_V3_BAD);
    let msgs = vec![
        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}".to_string(),
        "{oldSchemaVersion: 2}".to_string(),
        "{oldSchema: '...'}".to_string(),
        "{validateFields: 'false', compatibility: 'BACKWARD'}".to_string(),
    ];
    let reg = registry_with_user((false, msgs), true);
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--registry",
            &reg.url,
            "--subject",
            "user-value",
        ])
        .run()
        .expect_code(3);
    assert!(
        run.stdout
            .starts_with("/fields/3: READER_FIELD_MISSING_DEFAULT_VALUE - The field 'email'"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(against v2)"), "{}", run.stdout);
    assert!(run.stdout.contains("checked by registry"), "{}", run.stdout);
    let log = reg.state.lock().unwrap().log.clone();
    assert!(
        log.contains(&"GET /config/user-value?defaultToGlobal=true".to_string()),
        "{log:?}"
    );
    assert!(
        log.contains(&"POST /compatibility/subjects/user-value/versions?verbose=true".to_string()),
        "{log:?}"
    );
}

#[test]
fn registry_without_all_versions_endpoint_falls_back_per_version() {
    let dir = tempfile::tempdir().unwrap();
    let v3 = write(dir.path(), "v3.avsc", USER_V2);
    let reg = registry_with_user((true, vec![]), false);
    reg.state.lock().unwrap().level = "BACKWARD_TRANSITIVE".into();
    let v = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--registry",
            &reg.url,
            "--subject",
            "user-value",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(v["results"][0]["mode"], "BACKWARD_TRANSITIVE");
    assert_eq!(v["results"][0]["against"], serde_json::json!(["v2", "v1"]));
    let log = reg.state.lock().unwrap().log.clone();
    assert!(
        log.contains(
            &"POST /compatibility/subjects/user-value/versions/2?verbose=true".to_string()
        ),
        "{log:?}"
    );
    assert!(
        log.contains(
            &"POST /compatibility/subjects/user-value/versions/1?verbose=true".to_string()
        ),
        "{log:?}"
    );
}

#[test]
fn registry_new_subject_is_compatible_and_explicit_mode_checks_locally() {
    let dir = tempfile::tempdir().unwrap();
    let v3 = write(dir.path(), "v3.avsc", USER_V3_BAD);
    let reg = registry_with_user((true, vec![]), true);
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--registry",
            &reg.url,
            "--subject",
            "brand-new-value",
        ])
        .run()
        .expect_code(0);
    assert!(run.stdout.contains("new subject"), "{}", run.stdout);
    // --mode: versions fetched from the registry, checked here (the registry says compatible, but
    // the local BACKWARD check finds the missing default)
    let v = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v3),
            "--registry",
            &reg.url,
            "--subject",
            "user-value",
            "--mode",
            "BACKWARD",
            "-o",
            "json",
        ])
        .run()
        .expect_code(3)
        .json();
    assert_eq!(v["results"][0]["checked_by"], "local");
    assert_eq!(v["results"][0]["problems"][0]["against"], "v2");
    assert!(
        reg.state
            .lock()
            .unwrap()
            .log
            .contains(&"GET /subjects/user-value/versions/2".to_string())
    );
}

#[test]
fn registry_auth_get_list_register() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = write(dir.path(), "v2.avsc", USER_V2);
    let reg = registry_with_user((true, vec![]), true);
    // "ops:s3cret" in base64
    reg.state.lock().unwrap().auth = Some("Basic b3BzOnMzY3JldA==".into());
    let run = Evctl::new()
        .args(["schema", "list", "--registry", &reg.url])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("Unauthorized (HTTP 401, error code 40101)"),
        "{}",
        run.stderr
    );
    let with_auth = || {
        Evctl::new()
            .env("EVCTL_REGISTRY_URL", &reg.url)
            .env("EVCTL_REGISTRY_USER", "ops")
            .env("EVCTL_REGISTRY_PASSWORD", "s3cret")
    };
    assert_eq!(
        with_auth()
            .args(["schema", "list"])
            .run()
            .expect_code(0)
            .stdout,
        "user-value\n"
    );
    assert_eq!(
        with_auth()
            .args(["schema", "list", "--subject", "user-value"])
            .run()
            .expect_code(0)
            .stdout,
        "1\n2\n"
    );
    let got = with_auth()
        .args([
            "schema",
            "get",
            "--subject",
            "user-value",
            "--version",
            "1",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(got["version"], 1);
    assert_eq!(got["schema"], USER_V1);
    let id = with_auth()
        .args(["schema", "register", path(&v2), "--subject", "user-value"])
        .run()
        .expect_code(0);
    assert_eq!(id.stdout, "103\n");
    reg.state.lock().unwrap().register_error = Some((
        409,
        40901,
        "Schema being registered is incompatible with an earlier schema".into(),
    ));
    let run = with_auth()
        .args(["schema", "register", path(&v2), "--subject", "user-value"])
        .run()
        .expect_code(3);
    assert!(
        run.stderr.contains("incompatible with an earlier schema"),
        "{}",
        run.stderr
    );
    reg.state.lock().unwrap().register_error = Some((422, 42201, "Invalid schema".into()));
    with_auth()
        .args(["schema", "register", path(&v2), "--subject", "user-value"])
        .run()
        .expect_code(2);
    // the password never shows
    let run = with_auth()
        .args(["-v", "schema", "list"])
        .run()
        .expect_code(0);
    assert!(!run.stderr.contains("s3cret") && !run.stdout.contains("s3cret"));
}

#[test]
fn registry_unreachable_is_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = write(dir.path(), "v2.avsc", USER_V2);
    let port = crate::support::free_port();
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v2),
            "--registry",
            &format!("http://127.0.0.1:{port}"),
            "--subject",
            "s",
            "--timeout",
            "3s",
        ])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "schema registry http://127.0.0.1:{port} unreachable"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn json_and_protobuf_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let open_v1 = write(
        dir.path(),
        "e1.json",
        r#"{"type":"object","properties":{"id":{"type":"string"}}}"#,
    );
    let open_v2 = write(
        dir.path(),
        "e2.json",
        r#"{"type":"object","properties":{"id":{"type":"string"},"note":{"type":"string"}}}"#,
    );
    // STRICT: adding an optional property to an open model breaks BACKWARD; LENIENT accepts it
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&open_v2),
            "--against",
            path(&open_v1),
        ])
        .run()
        .expect_code(3);
    assert!(
        run.stdout
            .contains("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
        "{}",
        run.stdout
    );
    Evctl::new()
        .args([
            "schema",
            "check",
            path(&open_v2),
            "--against",
            path(&open_v1),
            "--policy",
            "lenient",
        ])
        .run()
        .expect_code(0);

    let p1 = write(
        dir.path(),
        "p1.proto",
        "syntax = \"proto3\";\npackage shop.v1;\nimport \"google/protobuf/timestamp.proto\";\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n  google.protobuf.Timestamp at = 3;\n}\n",
    );
    let p2 = write(
        dir.path(),
        "p2.proto",
        "syntax = \"proto3\";\npackage shop.v1;\nimport \"google/protobuf/timestamp.proto\";\nmessage Order {\n  string id = 1;\n  string qty = 2;\n  google.protobuf.Timestamp at = 3;\n}\n",
    );
    let run = Evctl::new()
        .args(["schema", "check", path(&p2), "--against", path(&p1)])
        .run()
        .expect_code(3);
    assert!(
        run.stdout
            .starts_with("#/Order/2: FIELD_SCALAR_KIND_CHANGED - "),
        "{}",
        run.stdout
    );
    let bad = write(
        dir.path(),
        "bad.proto",
        "syntax = \"proto3\";\nmessage Order {\n  Unknown x = 1;\n}\n",
    );
    let run = Evctl::new()
        .args(["schema", "check", path(&bad), "--against", path(&p1)])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("bad.proto:3:"), "{}", run.stderr);
}

#[test]
fn the_repo_schemas_parse() {
    // the example topics.yaml's schemas parse, each against itself (compatible)
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in [
        "schemas/user-account-created.avsc",
        "schemas/workflow-instance-started.json",
        "schemas/billing-invoice-issued.proto",
    ] {
        let p = root.join(f);
        Evctl::new()
            .args([
                "schema",
                "check",
                path(&p),
                "--against",
                path(&p),
                "--mode",
                "FULL",
            ])
            .run()
            .expect_code(0);
    }
}

#[test]
fn registry_over_tls_with_a_bearer_token() {
    use crate::support::proxy::{TlsTunnel, test_pki};
    let dir = tempfile::tempdir().unwrap();
    let v2 = write(dir.path(), "v2.avsc", USER_V2);
    let reg = registry_with_user((true, vec![]), true);
    reg.state.lock().unwrap().auth = Some("Bearer tok-42".into());
    let pki = test_pki(dir.path(), "registry");
    let other = test_pki(dir.path(), "other");
    let tunnel = TlsTunnel::start(
        reg.url.trim_start_matches("http://").to_string(),
        pki.server.clone(),
    );
    let url = format!("https://{}", tunnel.addr);
    let token = write(dir.path(), "token", "tok-42\n");
    let run = Evctl::new()
        .args([
            "schema",
            "check",
            path(&v2),
            "--registry",
            &url,
            "--subject",
            "user-value",
            "--registry-token-file",
            path(&token),
            "--registry-ca",
            path(&pki.ca),
        ])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("compatible (BACKWARD"),
        "{}",
        run.stdout
    );
    let run = Evctl::new()
        .args([
            "schema",
            "list",
            "--registry",
            &url,
            "--registry-ca",
            path(&other.ca),
        ])
        .env("EVCTL_REGISTRY_TOKEN", "tok-42")
        .run()
        .expect_code(1);
    assert!(run.stderr.contains("unreachable"), "{}", run.stderr);
    assert!(
        run.stderr.to_lowercase().contains("certificate"),
        "{}",
        run.stderr
    );
}

#[test]
fn references_from_local_files() {
    let dir = tempfile::tempdir().unwrap();
    // protobuf: a sibling import, found next to the schema
    write(
        dir.path(),
        "common/meta.proto",
        "syntax = \"proto3\";\npackage common;\nmessage Meta {\n  string tenant_id = 1;\n}\n",
    );
    let p1 = write(
        dir.path(),
        "o1.proto",
        "syntax = \"proto3\";\nimport \"common/meta.proto\";\nmessage Order {\n  string id = 1;\n  common.Meta meta = 2;\n}\n",
    );
    let p2 = write(
        dir.path(),
        "o2.proto",
        "syntax = \"proto3\";\nimport \"common/meta.proto\";\nmessage Order {\n  string id = 1;\n  common.Meta meta = 2;\n  int64 total = 3;\n}\n",
    );
    Evctl::new()
        .args([
            "schema",
            "check",
            path(&p2),
            "--against",
            path(&p1),
            "--mode",
            "FULL",
        ])
        .run()
        .expect_code(0);
    // avro: a named type from another file, given with --reference
    let addr = write(
        dir.path(),
        "address.avsc",
        r#"{"type":"record","name":"Address","namespace":"shop","fields":[{"name":"city","type":"string"}]}"#,
    );
    let c1 = write(
        dir.path(),
        "c1.avsc",
        r#"{"type":"record","name":"Customer","namespace":"shop","fields":[{"name":"address","type":"shop.Address"}]}"#,
    );
    let reference = format!("shop.Address={}", addr.display());
    Evctl::new()
        .args([
            "schema",
            "check",
            path(&c1),
            "--against",
            path(&c1),
            "--reference",
            &reference,
        ])
        .run()
        .expect_code(0);
    let run = Evctl::new()
        .args(["schema", "check", path(&c1), "--against", path(&c1)])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("shop.Address"), "{}", run.stderr);
}
