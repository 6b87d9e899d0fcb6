//! A scripted in-process broker for unit tests of the connection, routing and retry logic.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::{ApiKey, ApiVersionsResponse, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Encodable, decode_request_header_from_buffer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the handler returns for one request: an encoded response body, or None to drop the connection.
pub type Handler = Arc<dyn Fn(&RequestHeader, Bytes) -> Option<BytesMut> + Send + Sync>;

/// Encodes a response body at a version.
pub fn body<R: Encodable>(r: &R, version: i16) -> Option<BytesMut> {
    let mut b = BytesMut::new();
    r.encode(&mut b, version).unwrap();
    Some(b)
}

/// A broker on a loopback port. ApiVersions is answered here (every API kafka-protocol knows);
/// everything else goes to the handler. With `batch`, it reads that many requests before answering
/// them in reverse order (to prove responses are matched by correlation id).
pub async fn start(handler: Handler, batch: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                let mut queued: Vec<Vec<u8>> = Vec::new();
                loop {
                    let Ok(n) = sock.read_i32().await else { return };
                    let mut buf = vec![0u8; n as usize];
                    if sock.read_exact(&mut buf).await.is_err() {
                        return;
                    }
                    let mut frame = Bytes::from(buf);
                    let header = decode_request_header_from_buffer(&mut frame).unwrap();
                    let key = ApiKey::try_from(header.request_api_key).unwrap();
                    let v = header.request_api_version;
                    let resp = if key == ApiKey::ApiVersions {
                        let keys = ApiKey::iter()
                            .map(|k| {
                                let r = k.valid_versions();
                                ApiVersion::default()
                                    .with_api_key(k as i16)
                                    .with_min_version(r.min)
                                    .with_max_version(r.max)
                            })
                            .collect();
                        body(&ApiVersionsResponse::default().with_api_keys(keys), v)
                    } else {
                        handler(&header, frame)
                    };
                    let Some(resp) = resp else { return };
                    let mut out = BytesMut::new();
                    ResponseHeader::default()
                        .with_correlation_id(header.correlation_id)
                        .encode(&mut out, key.response_header_version(v))
                        .unwrap();
                    out.extend_from_slice(&resp);
                    let mut framed = (out.len() as i32).to_be_bytes().to_vec();
                    framed.extend_from_slice(&out);
                    if key == ApiKey::ApiVersions || batch <= 1 {
                        if sock.write_all(&framed).await.is_err() {
                            return;
                        }
                        continue;
                    }
                    queued.push(framed);
                    if queued.len() == batch {
                        while let Some(f) = queued.pop() {
                            if sock.write_all(&f).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
    });
    addr
}

/// Counts calls per (broker, API).
#[derive(Default, Clone)]
pub struct Calls(pub Arc<Mutex<Vec<(i32, i16)>>>);

impl Calls {
    pub fn record(&self, broker: i32, key: i16) {
        self.0.lock().unwrap().push((broker, key));
    }
    pub fn count(&self, broker: i32, key: ApiKey) -> usize {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(b, k)| *b == broker && *k == key as i16)
            .count()
    }
}
