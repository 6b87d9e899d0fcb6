//! Errors of the wire client. Each one says what failed and where, so the CLI can print it as is.

use std::fmt;
use std::time::Duration;

use kafka_protocol::ResponseError;

/// Why one broker address could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectFailure {
    /// The host name did not resolve.
    Resolve(String),
    /// The TCP connection was refused (nothing listens there).
    Refused,
    /// The TCP connect or the handshake did not finish in time.
    TimedOut,
    /// The TLS handshake failed (certificate not trusted, wrong name, not a TLS port, ...).
    Tls(String),
    /// SASL authentication failed.
    Auth(String),
    /// The peer closed the connection or sent something that is not Kafka.
    Protocol(String),
    /// Any other I/O error.
    Io(String),
}

impl fmt::Display for ConnectFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectFailure::Resolve(e) => write!(f, "cannot resolve host: {e}"),
            ConnectFailure::Refused => f.write_str("connection refused"),
            ConnectFailure::TimedOut => f.write_str("timed out"),
            ConnectFailure::Tls(e) => write!(f, "TLS failure: {e}"),
            ConnectFailure::Auth(e) => write!(f, "authentication failed: {e}"),
            ConnectFailure::Protocol(e) => write!(f, "protocol error: {e}"),
            ConnectFailure::Io(e) => write!(f, "{e}"),
        }
    }
}

/// An error of the Kafka client.
#[derive(Debug, thiserror::Error)]
pub enum KafkaError {
    /// No bootstrap address could be used. Lists every address tried and why it failed.
    #[error("{}", summarize(.attempts))]
    NoBrokerReachable {
        attempts: Vec<(String, ConnectFailure)>,
    },

    /// One broker (a leader, the controller, a coordinator) could not be reached.
    #[error("could not connect to broker {addr}: {failure}")]
    Connect {
        addr: String,
        failure: ConnectFailure,
    },

    /// The connection broke while a request was in flight.
    #[error("connection to {addr} lost: {reason}")]
    Disconnected { addr: String, reason: String },

    /// The deadline for a request passed.
    #[error("{what} timed out after {}", humanize(*.after))]
    Timeout { what: String, after: Duration },

    /// The broker does not implement an API evctl needs.
    #[error("broker {addr} does not support the {api} API (key {key}), which this command needs")]
    UnsupportedApi { addr: String, api: String, key: i16 },

    /// Broker and evctl share no version of an API.
    #[error(
        "broker {addr} supports {api} versions {broker_min}..{broker_max}, evctl supports {client_min}..{client_max}: no common version"
    )]
    NoCommonVersion {
        addr: String,
        api: String,
        broker_min: i16,
        broker_max: i16,
        client_min: i16,
        client_max: i16,
    },

    /// The broker answered with an error code.
    #[error("{context}: {} ({})", .error, error_text(.error, .message.as_deref()))]
    Broker {
        context: String,
        error: ResponseError,
        message: Option<String>,
    },

    /// The broker refused an operation on a resource under its ACLs (an `*AuthorizationFailed` code).
    #[error("not authorized to {operation} {resource}")]
    Denied {
        /// Kafka's ACL operation: Read, Write, Create, Delete, Alter, Describe, DescribeConfigs,
        /// AlterConfigs, IdempotentWrite, ...
        operation: &'static str,
        /// `topic NAME`, `group NAME`, `the cluster`, `transactional id NAME`
        resource: String,
    },

    /// A group named for reading that the cluster does not know: no members, no committed offsets.
    #[error("group {group} does not exist{}", did_you_mean(.suggestions))]
    NoSuchGroup {
        group: String,
        /// Groups of the cluster with a similar name.
        suggestions: Vec<String>,
    },

    /// A response that does not make sense (decode failure, missing data).
    #[error("protocol error talking to {addr}: {reason}")]
    Protocol { addr: String, reason: String },

    /// Client configuration that cannot work (bad certificate file, unknown SASL mechanism, ...).
    #[error("{0}")]
    Config(String),
}

/// One attempt is said in full; several are counted here and listed by the printer, one a line.
fn summarize(attempts: &[(String, ConnectFailure)]) -> String {
    match attempts {
        [] => "could not connect: no broker addresses given".to_string(),
        [(addr, why)] => format!("could not connect to {addr}: {why}"),
        many => format!("could not connect to any of the {} brokers", many.len()),
    }
}

fn error_text(error: &ResponseError, message: Option<&str>) -> String {
    let code = error.code();
    match message {
        Some(m) if !m.is_empty() => format!("error code {code}: {m}"),
        _ => format!("error code {code}"),
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

/// The error codes of an ACL refusal.
pub fn is_authorization_code(e: ResponseError) -> bool {
    matches!(
        e,
        ResponseError::TopicAuthorizationFailed
            | ResponseError::GroupAuthorizationFailed
            | ResponseError::ClusterAuthorizationFailed
            | ResponseError::TransactionalIdAuthorizationFailed
            | ResponseError::DelegationTokenAuthorizationFailed
    )
}

pub(crate) fn humanize(d: Duration) -> String {
    if d.as_millis().is_multiple_of(1000) {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

impl KafkaError {
    /// The error for a topic the cluster does not have.
    pub fn unknown_topic(topic: &str) -> Self {
        KafkaError::broker(
            format!("topic {topic}"),
            ResponseError::UnknownTopicOrPartition,
            Some(format!("the cluster has no topic named {topic:?}")),
        )
    }

    /// The refusal of `operation` on `resource` (e.g. "Write", "topic orders").
    pub fn denied(operation: &'static str, resource: impl Into<String>) -> Self {
        KafkaError::Denied {
            operation,
            resource: resource.into(),
        }
    }

    /// This error, told as the ACL refusal it is when the broker answered an `*AuthorizationFailed`
    /// code: `operation` on `resource`. Other errors are returned as they are.
    pub fn as_denied(self, operation: &'static str, resource: impl Into<String>) -> Self {
        if self.is_authorization_failure() {
            KafkaError::denied(operation, resource)
        } else {
            self
        }
    }

    /// True when the broker refused the request under its ACLs.
    pub fn is_authorization_failure(&self) -> bool {
        matches!(self, KafkaError::Denied { .. })
            || self.response_error().is_some_and(is_authorization_code)
    }

    /// Shorthand for a broker error with context.
    pub fn broker(
        context: impl Into<String>,
        error: ResponseError,
        message: Option<String>,
    ) -> Self {
        KafkaError::Broker {
            context: context.into(),
            error,
            message,
        }
    }

    /// True for failures where another attempt (after a metadata refresh or reconnect) may succeed.
    pub fn is_retriable(&self) -> bool {
        match self {
            KafkaError::Broker { error, .. } => error.is_retriable(),
            KafkaError::Disconnected { .. } => true,
            KafkaError::Connect { failure, .. } => {
                matches!(
                    failure,
                    ConnectFailure::Refused | ConnectFailure::TimedOut | ConnectFailure::Io(_)
                )
            }
            _ => false,
        }
    }

    /// The broker error code, if this is a broker error.
    pub fn response_error(&self) -> Option<ResponseError> {
        match self {
            KafkaError::Broker { error, .. } => Some(*error),
            _ => None,
        }
    }

    /// A hint to print below the error, for the failures users can fix themselves.
    pub fn hint(&self) -> Option<String> {
        let failures: Vec<&ConnectFailure> = match self {
            KafkaError::NoBrokerReachable { attempts } => attempts.iter().map(|(_, f)| f).collect(),
            KafkaError::Connect { failure, .. } => vec![failure],
            KafkaError::Disconnected { .. } => {
                return Some(
                    "the broker closed the connection: it may require TLS (--tls) or SASL (--sasl-mechanism), or it went down"
                        .into(),
                );
            }
            KafkaError::Denied { operation, .. } => {
                return Some(format!(
                    "the broker's ACLs do not allow this principal to {operation} it: ask an operator to grant it (kafka-acls --add --allow-principal User:NAME --operation {operation} ...), or connect as another user"
                ));
            }
            KafkaError::NoSuchGroup { .. } => {
                return Some("`evctl lag` lists the groups the cluster has".into());
            }
            KafkaError::UnsupportedApi { .. } => {
                return Some(
                    "run `evctl cluster --api-versions` to see what this broker supports".into(),
                );
            }
            _ => return None,
        };
        if failures.iter().any(|f| matches!(f, ConnectFailure::Tls(_))) {
            Some("check --tls-ca (the CA that signed the broker certificate), --tls-server-name, --tls-cert/--tls-key, and that the port speaks TLS".into())
        } else if failures
            .iter()
            .any(|f| matches!(f, ConnectFailure::Auth(_)))
        {
            Some("check --sasl-mechanism, --sasl-username and the password (EVCTL_SASL_PASSWORD or --sasl-password-file)".into())
        } else if failures.iter().all(|f| {
            matches!(
                f,
                ConnectFailure::Refused | ConnectFailure::TimedOut | ConnectFailure::Resolve(_)
            )
        }) {
            Some("is the broker running? check --brokers, EVCTL_BROKERS or the context's brokers (`evctl config show`)".into())
        } else {
            None
        }
    }
}

/// Result type of the wire client.
pub type Result<T, E = KafkaError> = std::result::Result<T, E>;
