//! Exit codes, the same for every command, and the error types that choose them.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | ok |
//! | 1    | operational failure: broker unreachable, request failed |
//! | 2    | usage or input error: bad flag, bad file, unparsable input |
//! | 3    | the check ran and found a problem (drift, incompatible schema, lag over threshold) |
//! | 130  | interrupted (Ctrl-C) |

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
    Usage,
    CheckFailed,
    Interrupted,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Usage => 2,
            ExitStatus::CheckFailed => 3,
            ExitStatus::Interrupted => 130,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(s.code())
    }
}

/// A usage or input error (exit 2): the user's flags, files or input are wrong.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UsageError {
    pub message: String,
    pub hint: Option<String>,
}

/// An operational failure (exit 1) with a hint on what to do about it.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub message: String,
    pub hint: String,
}

/// A change refused as unsafe (exit 3): the check ran and found it would hurt (a live group).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Refused {
    pub message: String,
    pub hint: String,
}

/// A refusal (exit 3) with a message and a hint.
pub fn refused(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    Refused {
        message: message.into(),
        hint: hint.into(),
    }
    .into()
}

/// A failure (exit 1) with a message and a hint.
pub fn failure_hint(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    Failure {
        message: message.into(),
        hint: hint.into(),
    }
    .into()
}

/// A usage error with a message.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError {
        message: message.into(),
        hint: None,
    }
    .into()
}

/// A usage error with a message and a hint on how to fix it.
pub fn usage_hint(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    UsageError {
        message: message.into(),
        hint: Some(hint.into()),
    }
    .into()
}

/// True when the error is a write to a closed pipe (`evctl tail | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The exit status for an error: 2 when anything in its chain is a usage or input error, else 1.
pub fn status_for(err: &anyhow::Error) -> ExitStatus {
    if is_broken_pipe(err) {
        return ExitStatus::Success;
    }
    let input = err.chain().any(|c| {
        c.is::<UsageError>()
            || c.is::<crate::diag::FileError>()
            || c.is::<crate::diag::FileErrors>()
    });
    if input {
        ExitStatus::Usage
    } else if err.chain().any(|c| c.is::<Refused>()) {
        ExitStatus::CheckFailed
    } else {
        ExitStatus::Failure
    }
}

/// The lines to list under an error, each `(where, what)`: every broker address tried and why it
/// failed, when more than one was. The printer shows them without knowing the transports.
pub fn details_for(err: &anyhow::Error) -> Vec<(String, String)> {
    err.chain()
        .find_map(|c| c.downcast_ref::<crate::kafka::KafkaError>())
        .and_then(|k| match k {
            crate::kafka::KafkaError::NoBrokerReachable { attempts } if attempts.len() > 1 => Some(
                attempts
                    .iter()
                    .map(|(addr, why)| (addr.clone(), why.to_string()))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// The hint to print under an error, if any part of its chain has one.
pub fn hint_for(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|c| {
        if let Some(u) = c.downcast_ref::<UsageError>() {
            return u.hint.clone();
        }
        if let Some(f) = c.downcast_ref::<Failure>() {
            return Some(f.hint.clone());
        }
        if let Some(r) = c.downcast_ref::<Refused>() {
            return Some(r.hint.clone());
        }
        if let Some(k) = c.downcast_ref::<crate::kafka::KafkaError>() {
            return k.hint();
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn codes() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Failure.code(), 1);
        assert_eq!(ExitStatus::Usage.code(), 2);
        assert_eq!(ExitStatus::CheckFailed.code(), 3);
        assert_eq!(ExitStatus::Interrupted.code(), 130);
    }

    #[test]
    fn usage_errors_map_to_2_even_under_context() {
        let e = Err::<(), _>(usage("bad flag"))
            .context("running cluster")
            .unwrap_err();
        assert_eq!(status_for(&e), ExitStatus::Usage);
        let e = anyhow::anyhow!("broker down");
        assert_eq!(status_for(&e), ExitStatus::Failure);
        let k: anyhow::Error =
            crate::kafka::KafkaError::NoBrokerReachable { attempts: vec![] }.into();
        assert_eq!(status_for(&k), ExitStatus::Failure);
        assert!(hint_for(&k).is_some());
    }

    #[test]
    fn broken_pipe_is_success() {
        let e: anyhow::Error = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(status_for(&e), ExitStatus::Success);
    }
}
