//! Dead-letter queues: header dialects, and the replay, drain and inspect engines.

pub mod dialect;
pub mod inspect;
pub mod replay;
