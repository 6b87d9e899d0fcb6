//! ApiVersions negotiation: per API, the highest version both sides speak.

use std::collections::BTreeMap;

use kafka_protocol::messages::ApiKey;
use kafka_protocol::messages::api_versions_response::ApiVersionsResponse;
use kafka_protocol::protocol::{Request, VersionRange};

use serde::Serialize;

use super::error::KafkaError;

/// The versions a broker advertised, by API key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiVersionTable {
    ranges: BTreeMap<i16, (i16, i16)>,
}

/// Highest versions evctl uses, below what the protocol crate could encode, where a newer version changes
/// the request's shape in a way evctl does not use (Produce and Fetch v13+ address topics by id only).
const CAPS: &[(ApiKey, i16)] = &[
    (ApiKey::Produce, 12),
    (ApiKey::Fetch, 12),
    (ApiKey::OffsetFetch, 9),
    (ApiKey::OffsetCommit, 9),
];

fn capped(key: ApiKey, mut range: VersionRange) -> VersionRange {
    if let Some((_, cap)) = CAPS.iter().find(|(k, _)| *k == key) {
        range.max = range.max.min(*cap);
    }
    range
}

/// The client side range of a request type: the versions its kafka-protocol struct encodes (which
/// can be narrower than `ApiKey::valid_versions`), capped where evctl chooses to.
pub fn client_range_of<R: Request>() -> VersionRange {
    let key = ApiKey::try_from(R::KEY).expect("every request type has a known key");
    capped(key, R::VERSIONS)
}

macro_rules! request_versions {
    ($key:expr; $($k:ident => $t:ty),* $(,)?) => {
        match $key {
            $(ApiKey::$k => client_range_of::<$t>(),)*
            other => capped(other, other.valid_versions()),
        }
    };
}

/// The client side range for an API key (for display): exact for every API evctl uses.
pub fn client_range(key: ApiKey) -> VersionRange {
    use kafka_protocol::messages::*;
    request_versions!(key;
        Produce => ProduceRequest, Fetch => FetchRequest, ListOffsets => ListOffsetsRequest,
        Metadata => MetadataRequest, OffsetCommit => OffsetCommitRequest, OffsetFetch => OffsetFetchRequest,
        FindCoordinator => FindCoordinatorRequest, ListGroups => ListGroupsRequest,
        DescribeGroups => DescribeGroupsRequest, SaslHandshake => SaslHandshakeRequest,
        ApiVersions => ApiVersionsRequest, CreateTopics => CreateTopicsRequest, DeleteTopics => DeleteTopicsRequest,
        DeleteRecords => DeleteRecordsRequest, InitProducerId => InitProducerIdRequest,
        DescribeConfigs => DescribeConfigsRequest, IncrementalAlterConfigs => IncrementalAlterConfigsRequest,
        CreatePartitions => CreatePartitionsRequest, SaslAuthenticate => SaslAuthenticateRequest,
        DescribeCluster => DescribeClusterRequest,
    )
}

/// Display name of an API key ("Produce", "DescribeConfigs", ...).
pub fn api_name(key: i16) -> String {
    match ApiKey::try_from(key) {
        Ok(k) => format!("{k:?}"),
        Err(_) => format!("Unknown({key})"),
    }
}

impl ApiVersionTable {
    /// Builds the table from an ApiVersions response.
    pub fn from_response(resp: &ApiVersionsResponse) -> Self {
        let ranges = resp
            .api_keys
            .iter()
            .map(|k| (k.api_key, (k.min_version, k.max_version)))
            .collect();
        ApiVersionTable { ranges }
    }

    /// Builds a table from `(key, min, max)` triples (tests, fixtures).
    pub fn from_ranges(ranges: impl IntoIterator<Item = (i16, i16, i16)>) -> Self {
        ApiVersionTable {
            ranges: ranges
                .into_iter()
                .map(|(k, lo, hi)| (k, (lo, hi)))
                .collect(),
        }
    }

    /// The broker's range for an API, if it advertises it.
    pub fn broker_range(&self, key: i16) -> Option<(i16, i16)> {
        self.ranges.get(&key).copied()
    }

    /// Every advertised `(key, min, max)`, by key.
    pub fn iter(&self) -> impl Iterator<Item = (i16, i16, i16)> + '_ {
        self.ranges.iter().map(|(k, (lo, hi))| (*k, *lo, *hi))
    }

    /// True when the broker advertises the API at all.
    pub fn supports(&self, key: ApiKey) -> bool {
        self.ranges.contains_key(&(key as i16))
    }

    /// The version to use for request type `R` against this broker: the highest in both ranges.
    pub fn negotiate_for<R: Request>(&self, addr: &str) -> Result<i16, KafkaError> {
        let key = ApiKey::try_from(R::KEY).expect("every request type has a known key");
        self.negotiate_range(key, client_range_of::<R>(), addr)
    }

    /// The version to use for `key` against this broker: the highest version in both ranges.
    pub fn negotiate(&self, key: ApiKey, addr: &str) -> Result<i16, KafkaError> {
        self.negotiate_range(key, client_range(key), addr)
    }

    fn negotiate_range(
        &self,
        key: ApiKey,
        client: VersionRange,
        addr: &str,
    ) -> Result<i16, KafkaError> {
        let Some((bmin, bmax)) = self.broker_range(key as i16) else {
            return Err(KafkaError::UnsupportedApi {
                addr: addr.to_string(),
                api: format!("{key:?}"),
                key: key as i16,
            });
        };
        let common = client.intersect(&VersionRange {
            min: bmin,
            max: bmax,
        });
        if common.is_empty() {
            return Err(KafkaError::NoCommonVersion {
                addr: addr.to_string(),
                api: format!("{key:?}"),
                broker_min: bmin,
                broker_max: bmax,
                client_min: client.min,
                client_max: client.max,
            });
        }
        Ok(common.max)
    }
}

/// An API evctl needs, and what for.
#[derive(Debug, Clone, Copy)]
pub struct NeededApi {
    pub key: ApiKey,
    /// The commands that use it.
    pub used_by: &'static str,
}

/// The APIs evctl's commands use. `evctl cluster --api-versions` marks the ones a broker lacks.
pub const NEEDED_APIS: &[NeededApi] = &[
    NeededApi {
        key: ApiKey::ApiVersions,
        used_by: "all",
    },
    NeededApi {
        key: ApiKey::Metadata,
        used_by: "all",
    },
    NeededApi {
        key: ApiKey::Produce,
        used_by: "publish, dlq",
    },
    NeededApi {
        key: ApiKey::Fetch,
        used_by: "tail, dlq",
    },
    NeededApi {
        key: ApiKey::ListOffsets,
        used_by: "tail, lag, dlq",
    },
    NeededApi {
        key: ApiKey::InitProducerId,
        used_by: "publish (idempotent)",
    },
    NeededApi {
        key: ApiKey::CreateTopics,
        used_by: "apply",
    },
    NeededApi {
        key: ApiKey::DeleteTopics,
        used_by: "apply --prune",
    },
    NeededApi {
        key: ApiKey::CreatePartitions,
        used_by: "apply",
    },
    NeededApi {
        key: ApiKey::DescribeConfigs,
        used_by: "apply, plan",
    },
    NeededApi {
        key: ApiKey::IncrementalAlterConfigs,
        used_by: "apply",
    },
    NeededApi {
        key: ApiKey::DeleteRecords,
        used_by: "dlq drain",
    },
    NeededApi {
        key: ApiKey::FindCoordinator,
        used_by: "lag, dlq",
    },
    NeededApi {
        key: ApiKey::OffsetFetch,
        used_by: "lag",
    },
    NeededApi {
        key: ApiKey::OffsetCommit,
        used_by: "dlq",
    },
    NeededApi {
        key: ApiKey::ListGroups,
        used_by: "lag",
    },
    NeededApi {
        key: ApiKey::SaslHandshake,
        used_by: "SASL login",
    },
    NeededApi {
        key: ApiKey::SaslAuthenticate,
        used_by: "SASL login",
    },
    NeededApi {
        key: ApiKey::DescribeGroups,
        used_by: "lag",
    },
];

/// One API as a broker and evctl see it.
#[derive(Debug, Serialize)]
pub struct ApiView {
    pub key: i16,
    pub name: String,
    /// The broker's range; None when it lacks the API.
    pub broker_min: Option<i16>,
    pub broker_max: Option<i16>,
    /// The version evctl would use; None when there is none.
    pub version: Option<i16>,
    /// The commands that need it, when evctl uses it.
    pub needed_by: Option<String>,
    /// ok | missing | no-common-version | unused
    pub status: &'static str,
}

/// The APIs of one broker.
#[derive(Debug, Serialize)]
pub struct BrokerApis {
    pub broker: i32,
    pub address: String,
    /// Why the broker could not be asked, when it could not.
    pub error: Option<String>,
    pub apis: Vec<ApiView>,
    /// The needed APIs this broker lacks or shares no version of, as "Name (commands)".
    pub missing: Vec<String>,
}

/// Compares a broker's advertised versions with what evctl needs.
pub fn api_report(
    broker: i32,
    address: String,
    table: Result<ApiVersionTable, String>,
) -> BrokerApis {
    let table = match table {
        Ok(t) => t,
        Err(e) => {
            return BrokerApis {
                broker,
                address,
                error: Some(e),
                apis: vec![],
                missing: vec![],
            };
        }
    };
    let mut apis = Vec::new();
    let mut missing = Vec::new();
    for (key, min, max) in table.iter() {
        let needed = NEEDED_APIS.iter().find(|n| n.key as i16 == key);
        let version = kafka_protocol::messages::ApiKey::try_from(key)
            .ok()
            .and_then(|k| table.negotiate(k, &address).ok());
        let status = match (needed, version) {
            (Some(_), Some(_)) => "ok",
            (Some(n), None) => {
                missing.push(format!("{:?} ({})", n.key, n.used_by));
                "no-common-version"
            }
            (None, _) => "unused",
        };
        apis.push(ApiView {
            key,
            name: api_name(key),
            broker_min: Some(min),
            broker_max: Some(max),
            version,
            needed_by: needed.map(|n| n.used_by.to_string()),
            status,
        });
    }
    for n in NEEDED_APIS {
        if table.broker_range(n.key as i16).is_none() {
            missing.push(format!("{:?} ({})", n.key, n.used_by));
            apis.push(ApiView {
                key: n.key as i16,
                name: format!("{:?}", n.key),
                broker_min: None,
                broker_max: None,
                version: None,
                needed_by: Some(n.used_by.to_string()),
                status: "missing",
            });
        }
    }
    apis.sort_by_key(|a| a.key);
    BrokerApis {
        broker,
        address,
        error: None,
        apis,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ApiVersionTable {
        ApiVersionTable::from_ranges([(3, 0, 12), (0, 3, 11), (1, 0, 3), (19, 0, 1), (32, 1, 4)])
    }

    #[test]
    fn picks_highest_common_version() {
        let t = table();
        // Metadata: broker 0..12, client 0..13 -> 12
        assert_eq!(t.negotiate(ApiKey::Metadata, "b:1").unwrap(), 12);
        // Produce: broker 3..11, client 3..12 (capped) -> 11
        assert_eq!(t.negotiate(ApiKey::Produce, "b:1").unwrap(), 11);
        // DescribeConfigs: broker 1..4, client 1..4 -> 4
        assert_eq!(t.negotiate(ApiKey::DescribeConfigs, "b:1").unwrap(), 4);
    }

    #[test]
    fn caps_produce_and_fetch_below_topic_id_versions() {
        let t = ApiVersionTable::from_ranges([(0, 0, 13), (1, 0, 18)]);
        assert_eq!(t.negotiate(ApiKey::Produce, "b").unwrap(), 12);
        assert_eq!(t.negotiate(ApiKey::Fetch, "b").unwrap(), 12);
    }

    #[test]
    fn no_common_version_is_a_clear_error() {
        let t = table();
        // Fetch: broker 0..3, client 4..12 -> none
        let err = t.negotiate(ApiKey::Fetch, "10.0.0.1:9092").unwrap_err();
        let msg = err.to_string();
        assert!(matches!(
            err,
            KafkaError::NoCommonVersion {
                broker_max: 3,
                client_min: 4,
                ..
            }
        ));
        assert!(msg.contains("Fetch"), "{msg}");
        assert!(msg.contains("0..3"), "{msg}");
        assert!(msg.contains("no common version"), "{msg}");
        // CreateTopics: broker 0..1, client 2..7 -> none
        assert!(matches!(
            t.negotiate(ApiKey::CreateTopics, "b").unwrap_err(),
            KafkaError::NoCommonVersion { .. }
        ));
    }

    #[test]
    fn missing_api_names_the_api() {
        let t = table();
        let err = t
            .negotiate(ApiKey::CreatePartitions, "127.0.0.1:9092")
            .unwrap_err();
        assert!(matches!(err, KafkaError::UnsupportedApi { key: 37, .. }));
        assert_eq!(
            err.to_string(),
            "broker 127.0.0.1:9092 does not support the CreatePartitions API (key 37), which this command needs"
        );
    }

    #[test]
    fn request_struct_ranges_win_over_api_key_ranges() {
        // ApiKey says OffsetFetch 1..10, OffsetCommit 2..10, InitProducerId 0..6, but the request
        // structs encode only up to 9, 9 and 5: a broker offering v10 must get v9.
        let t = ApiVersionTable::from_ranges([(9, 1, 10), (8, 2, 10), (22, 0, 6)]);
        use kafka_protocol::messages::{
            InitProducerIdRequest, OffsetCommitRequest, OffsetFetchRequest,
        };
        assert_eq!(t.negotiate_for::<OffsetFetchRequest>("b").unwrap(), 9);
        assert_eq!(t.negotiate_for::<OffsetCommitRequest>("b").unwrap(), 9);
        assert_eq!(t.negotiate_for::<InitProducerIdRequest>("b").unwrap(), 5);
        assert_eq!(t.negotiate(ApiKey::OffsetFetch, "b").unwrap(), 9);
        for n in NEEDED_APIS {
            assert!(client_range(n.key).max <= n.key.valid_versions().max);
        }
    }

    #[test]
    fn names() {
        assert_eq!(api_name(32), "DescribeConfigs");
        assert_eq!(api_name(9999), "Unknown(9999)");
    }

    #[test]
    fn report_marks_missing_and_unusable_apis() {
        // Produce, Fetch 0..3 (too old), Metadata, ApiVersions, DescribeAcls (unused)
        let table = ApiVersionTable::from_ranges([
            (0, 3, 9),
            (1, 0, 3),
            (3, 0, 12),
            (18, 0, 3),
            (29, 0, 3),
        ]);
        let r = api_report(1, "h:1".into(), Ok(table));
        let by_key = |k: i16| r.apis.iter().find(|a| a.key == k).unwrap();
        assert_eq!(by_key(0).status, "ok");
        assert_eq!(by_key(0).version, Some(9));
        assert_eq!(by_key(1).status, "no-common-version");
        assert_eq!(by_key(29).status, "unused");
        assert_eq!(by_key(37).status, "missing");
        assert_eq!(by_key(37).broker_max, None);
        assert!(r.missing.contains(&"CreatePartitions (apply)".to_string()));
        assert!(r.missing.contains(&"Fetch (tail, dlq)".to_string()));
        assert!(!r.missing.iter().any(|m| m.starts_with("Produce")));
    }
}
