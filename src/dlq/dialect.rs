//! STUB replaced by the dialect branch.
use crate::record::Record;
use serde::Serialize;
pub const REPLAY_COUNT_HEADER: &str = "evctl-replay-count";
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Dialect {
    Connect,
    Streams,
    SpringDlt,
    SpringRetry,
    Evctl,
    JsonEnvelope,
    Custom(String),
    Unknown,
}
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DeadLetter {
    pub dialect: Option<Dialect>,
    pub original_topic: Option<String>,
    pub original_partition: Option<i32>,
    pub original_offset: Option<i64>,
    pub original_timestamp: Option<i64>,
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    pub attempts: Option<i64>,
    pub consumer_group: Option<String>,
    pub replay_count: u32,
    pub error_headers: Vec<String>,
    pub fields: Vec<(String, String)>,
}
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CustomDialect {
    pub name: String,
    pub original_topic: Option<String>,
    pub original_partition: Option<String>,
    pub original_offset: Option<String>,
    pub original_timestamp: Option<String>,
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    pub attempts: Option<String>,
}
pub fn decode(r: &Record, _custom: &[CustomDialect]) -> DeadLetter {
    let mut d = DeadLetter::default();
    for (n, v) in &r.headers {
        if n == "kafka_dlt-original-topic" {
            d.original_topic = v.as_ref().map(|b| String::from_utf8_lossy(b).into_owned());
        }
    }
    d
}
