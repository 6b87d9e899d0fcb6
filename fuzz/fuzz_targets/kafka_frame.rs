#![no_main]
//! Kafka response frames: `evctl::kafka::frame::decode_response::<R>(frame, version)` (the
//! kafka-protocol decoders behind the response header), for every request type evctl sends,
//! at a version evctl can negotiate (`evctl::kafka::versions::client_range_of::<R>()`); then what
//! evctl builds from the answers it keeps (`ClusterMetadata::from_response`,
//! `ApiVersionTable::from_response` and the negotiation over it).
//!
//! Input: byte 0 picks the request type (its API key when evctl sends that API, else an index
//! into the table below), byte 1 the version (taken as is when in range, else folded into it),
//! the rest is the frame after its length prefix: correlation id, response header tagged fields
//! (flexible versions), body.
//!
//! The decoders are evctl's patched kafka-protocol (`[patch.crates-io]` in fuzz/Cargo.toml, as in
//! evctl's): upstream 0.18.0 allocates `Vec::with_capacity(count)` from a count read off the wire,
//! which this target reports at once as an out-of-memory.

use bytes::Bytes;
use evctl::kafka::ClusterMetadata;
use evctl::kafka::frame::decode_response;
use evctl::kafka::versions::{ApiVersionTable, client_range_of};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::Request;
use libfuzzer_sys::fuzz_target;

/// A version evctl could negotiate for `R`: `v` itself when in range, else folded into it.
fn version_of<R: Request>(v: u8) -> i16 {
    let range = client_range_of::<R>();
    let v = i16::from(v);
    if (range.min..=range.max).contains(&v) {
        v
    } else {
        let span = (range.max - range.min + 1).max(1);
        range.min + v % span
    }
}

fn decode<R: Request>(frame: &[u8], v: u8) -> Option<R::Response> {
    decode_response::<R>(Bytes::copy_from_slice(frame), version_of::<R>(v)).ok()
}

/// Negotiates `R` over a broker's table: whatever the broker advertised, the version chosen is
/// one evctl can encode.
fn negotiated<R: Request>(table: &ApiVersionTable) {
    if let Ok(v) = table.negotiate_for::<R>("fuzz:9092") {
        let range = client_range_of::<R>();
        assert!(
            (range.min..=range.max).contains(&v),
            "negotiated v{v} outside {}..={} for key {}",
            range.min,
            range.max,
            R::KEY
        );
    }
}

/// What evctl does with an ApiVersions answer: the table, and negotiation over it.
fn api_versions(resp: &ApiVersionsResponse) {
    let table = ApiVersionTable::from_response(resp);
    let _ = table.iter().count();
    negotiated::<MetadataRequest>(&table);
    negotiated::<FetchRequest>(&table);
    negotiated::<ProduceRequest>(&table);
    negotiated::<OffsetFetchRequest>(&table);
    negotiated::<ConsumerGroupDescribeRequest>(&table);
    let _ = table.negotiate(ApiKey::OffsetFetch, "fuzz:9092");
    let _ = table.supports(ApiKey::ConsumerGroupDescribe);
}

macro_rules! dispatch {
    ($key:expr, $v:expr, $frame:expr; $($k:literal => $t:ty $(=> $then:expr)?),* $(,)?) => {{
        const KEYS: &[i16] = &[$($k),*];
        let wanted = i16::from($key);
        let picked = if KEYS.contains(&wanted) {
            wanted
        } else {
            KEYS[usize::from($key) % KEYS.len()]
        };
        match picked {
            $($k => {
                let _resp = decode::<$t>($frame, $v);
                $(if let Some(r) = &_resp { ($then)(r); })?
            })*
            _ => {}
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 || data.len() > 1024 * 1024 {
        return;
    }
    let (key, v, frame) = (data[0], data[1], &data[2..]);
    dispatch!(key, v, frame;
        0 => ProduceRequest,
        1 => FetchRequest,
        2 => ListOffsetsRequest,
        3 => MetadataRequest => |r: &MetadataResponse| {
            let m = ClusterMetadata::from_response(r, true);
            let _ = ClusterMetadata::from_response(r, false);
            let _ = m.topics.len() + m.brokers.len();
        },
        8 => OffsetCommitRequest,
        9 => OffsetFetchRequest,
        10 => FindCoordinatorRequest,
        15 => DescribeGroupsRequest,
        16 => ListGroupsRequest,
        17 => SaslHandshakeRequest,
        18 => ApiVersionsRequest => api_versions,
        19 => CreateTopicsRequest,
        20 => DeleteTopicsRequest,
        21 => DeleteRecordsRequest,
        22 => InitProducerIdRequest,
        29 => DescribeAclsRequest,
        30 => CreateAclsRequest,
        31 => DeleteAclsRequest,
        32 => DescribeConfigsRequest,
        36 => SaslAuthenticateRequest,
        37 => CreatePartitionsRequest,
        42 => DeleteGroupsRequest,
        44 => IncrementalAlterConfigsRequest,
        45 => AlterPartitionReassignmentsRequest,
        46 => ListPartitionReassignmentsRequest,
        47 => OffsetDeleteRequest,
        48 => DescribeClientQuotasRequest,
        49 => AlterClientQuotasRequest,
        55 => DescribeQuorumRequest,
        60 => DescribeClusterRequest,
        69 => ConsumerGroupDescribeRequest,
    );
});
