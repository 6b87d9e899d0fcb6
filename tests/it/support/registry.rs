//! An in-test HTTP server speaking the Confluent Schema Registry endpoints evctl uses, with the
//! documented error bodies. There is no real schema registry on these machines (no JVM, no Docker),
//! so this stands in for one; its compatibility answers are scripted per test.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use tiny_http::{Header, Method, Response, Server};

/// What the fake registry holds and how it behaves.
#[derive(Default)]
pub struct State {
    /// subject → versions (schema text, schemaType), version n at index n-1.
    pub subjects: BTreeMap<String, Vec<(String, Option<String>)>>,
    /// The level GET /config answers.
    pub level: String,
    /// Whether POST /compatibility/subjects/{s}/versions exists (Confluent 7.0+).
    pub all_versions_endpoint: bool,
    /// The answer to compatibility checks: (is_compatible, messages).
    pub verdict: (bool, Vec<String>),
    /// Required `Authorization` header value, if any.
    pub auth: Option<String>,
    /// Requests seen: "METHOD path".
    pub log: Vec<String>,
    /// Answer registrations with this error (status, error_code, message).
    pub register_error: Option<(u16, i64, String)>,
}

pub struct FakeRegistry {
    pub url: String,
    pub state: Arc<Mutex<State>>,
    server: Arc<Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for FakeRegistry {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn json(status: u16, body: serde_json::Value) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body.to_string())
        .with_status_code(status)
        .with_header(
            Header::from_bytes("Content-Type", "application/vnd.schemaregistry.v1+json").unwrap(),
        )
}

fn error(status: u16, code: i64, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    json(
        status,
        serde_json::json!({"error_code": code, "message": message}),
    )
}

fn decode(seg: &str) -> String {
    let bytes = seg.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&seg[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

impl FakeRegistry {
    pub fn start(state: State) -> FakeRegistry {
        let server = Arc::new(Server::http("127.0.0.1:0").unwrap());
        let url = format!("http://{}", server.server_addr().to_ip().unwrap());
        let state = Arc::new(Mutex::new(state));
        let (srv, st) = (server.clone(), state.clone());
        let thread = std::thread::spawn(move || {
            for mut req in srv.incoming_requests() {
                let mut body = String::new();
                let _ = req.as_reader().read_to_string(&mut body);
                let resp = handle(&st, req.method(), req.url(), req.headers(), &body);
                let _ = req.respond(resp);
            }
        });
        FakeRegistry {
            url,
            state,
            server,
            thread: Some(thread),
        }
    }
}

fn handle(
    st: &Mutex<State>,
    method: &Method,
    url: &str,
    headers: &[Header],
    body: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut s = st.lock().unwrap();
    s.log.push(format!("{method} {url}"));
    if let Some(want) = &s.auth {
        let got = headers
            .iter()
            .find(|h| h.field.equiv("Authorization"))
            .map(|h| h.value.as_str().to_string());
        if got.as_deref() != Some(want.as_str()) {
            return error(401, 40101, "Unauthorized");
        }
    }
    let (path, _query) = url.split_once('?').unwrap_or((url, ""));
    let parts: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(decode)
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    match (method, parts.as_slice()) {
        (Method::Get, ["config", ..]) => {
            json(200, serde_json::json!({"compatibilityLevel": s.level}))
        }
        (Method::Get, ["subjects"]) => json(
            200,
            serde_json::json!(s.subjects.keys().collect::<Vec<_>>()),
        ),
        (Method::Get, ["subjects", subject, "versions"]) => match s.subjects.get(*subject) {
            Some(v) => json(200, serde_json::json!((1..=v.len()).collect::<Vec<_>>())),
            None => error(404, 40401, &format!("Subject '{subject}' not found.")),
        },
        (Method::Get, ["subjects", subject, "versions", version]) => {
            let Some(v) = s.subjects.get(*subject) else {
                return error(404, 40401, &format!("Subject '{subject}' not found."));
            };
            let n = if *version == "latest" {
                v.len()
            } else {
                version.parse().unwrap_or(0)
            };
            match v.get(n.wrapping_sub(1)) {
                Some((schema, t)) => {
                    let mut doc = serde_json::json!({"subject": subject, "version": n, "id": 100 + n, "schema": schema});
                    if let Some(t) = t {
                        doc["schemaType"] = serde_json::json!(t);
                    }
                    json(200, doc)
                }
                None => error(404, 40402, "Version not found."),
            }
        }
        (Method::Post, ["compatibility", "subjects", subject, "versions"]) => {
            if !s.all_versions_endpoint {
                return error(404, 404, "HTTP 404 Not Found");
            }
            if !s.subjects.contains_key(*subject) {
                return error(404, 40401, &format!("Subject '{subject}' not found."));
            }
            json(
                200,
                serde_json::json!({"is_compatible": s.verdict.0, "messages": s.verdict.1}),
            )
        }
        (Method::Post, ["compatibility", "subjects", subject, "versions", _v]) => {
            if !s.subjects.contains_key(*subject) {
                return error(404, 40401, &format!("Subject '{subject}' not found."));
            }
            json(
                200,
                serde_json::json!({"is_compatible": s.verdict.0, "messages": s.verdict.1}),
            )
        }
        (Method::Post, ["subjects", subject, "versions"]) => {
            if let Some((status, code, msg)) = s.register_error.clone() {
                return error(status, code, &msg);
            }
            let req: serde_json::Value = serde_json::from_str(body).unwrap();
            let entry = (
                req["schema"].as_str().unwrap().to_string(),
                req["schemaType"].as_str().map(String::from),
            );
            let versions = s.subjects.entry(subject.to_string()).or_default();
            versions.push(entry);
            let id = 100 + versions.len();
            json(200, serde_json::json!({"id": id}))
        }
        _ => error(404, 404, "HTTP 404 Not Found"),
    }
}
