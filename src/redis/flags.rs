//! The Redis-only flags of `tail` and `publish` (flattened into their arguments), and what they
//! turn into.

use crate::error::usage;
use crate::record::StreamId;
use crate::record::fields::FieldMap;

use super::stream::{IdSpec, StreamRead, StreamWrite};

/// `tail`'s flags for streams.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TailStreamFlags {
    /// Redis: the consumer name within --group (reads with XREADGROUP, acknowledges what it
    /// printed) [default: evctl]
    #[arg(
        long,
        value_name = "NAME",
        requires = "group",
        help_heading = "Redis streams"
    )]
    pub consumer: Option<String>,

    /// Redis: the value is this field of each entry (the other fields become headers), not the
    /// whole entry as a JSON object
    #[arg(long, value_name = "FIELD", help_heading = "Redis streams")]
    pub value_field: Option<String>,

    /// Redis: the key is this field of each entry
    #[arg(long, value_name = "FIELD", help_heading = "Redis streams")]
    pub key_field: Option<String>,
}

impl TailStreamFlags {
    /// The field mapping.
    pub fn fields(&self) -> FieldMap {
        FieldMap {
            key_field: self.key_field.clone(),
            value_field: self.value_field.clone(),
        }
    }

    /// The read of `streams` that these and `tail`'s own flags describe.
    pub fn read(
        &self,
        streams: &[String],
        from: Option<&str>,
        to: Option<&str>,
        exit_at_end: bool,
        group: Option<&str>,
    ) -> anyhow::Result<StreamRead> {
        let (from, mut until) = match from {
            Some(f) => {
                let (a, b) = IdSpec::parse_range(f).map_err(|e| usage(format!("--from: {e}")))?;
                (Some(a), b)
            }
            None => (None, None),
        };
        if let Some(t) = to {
            if until.is_some() {
                return Err(usage("--to given twice: in --from A:B and in --to"));
            }
            until = Some(IdSpec::parse(t).map_err(|e| usage(format!("--to: {e}")))?);
        }
        let consumer = self.consumer.clone().unwrap_or_else(|| "evctl".into());
        Ok(StreamRead {
            streams: streams.to_vec(),
            from,
            to: until,
            stop_at_end: exit_at_end,
            group: group.map(|g| (g.to_string(), consumer)),
            fields: self.fields(),
            count: 4000,
            block_ms: 1000,
        })
    }

    /// The first flag given, to refuse it on a Kafka target.
    pub fn given(&self) -> Option<&'static str> {
        [
            (self.consumer.is_some(), "--consumer"),
            (self.value_field.is_some(), "--value-field"),
            (self.key_field.is_some(), "--key-field"),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name))
    }
}

/// `publish`'s flags for streams.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PublishStreamFlags {
    /// Redis: send each value as this one field (needed for line values; JSON-object values
    /// otherwise become one field per member)
    #[arg(long, value_name = "NAME", help_heading = "Redis streams")]
    pub field: Option<String>,

    /// Redis: send the key as this field, first
    #[arg(long, value_name = "NAME", help_heading = "Redis streams")]
    pub key_field: Option<String>,

    /// Redis: trim the stream to N entries on each XADD (`~N` trims approximately, cheaper)
    #[arg(long, value_name = "[~]N", help_heading = "Redis streams")]
    pub maxlen: Option<String>,

    /// Redis: trim entries with ids below ID on each XADD (`~ID` approximately)
    #[arg(long, value_name = "[~]ID", help_heading = "Redis streams")]
    pub minid: Option<String>,

    /// Redis: add JSON-lines records with their recorded `id` (ids must increase) instead of
    /// new ids
    #[arg(long, help_heading = "Redis streams")]
    pub keep_ids: bool,
}

impl PublishStreamFlags {
    /// How entries are written.
    pub fn write(&self) -> anyhow::Result<StreamWrite> {
        let approx = |s: &str| match s.strip_prefix('~') {
            Some(rest) => (true, rest.trim().to_string()),
            None => (false, s.strip_prefix('=').unwrap_or(s).trim().to_string()),
        };
        let maxlen = match &self.maxlen {
            Some(s) => {
                let (a, n) = approx(s);
                let n: u64 = n
                    .parse()
                    .map_err(|_| usage(format!("--maxlen {s:?}: expected N or ~N, a count")))?;
                Some((a, n))
            }
            None => None,
        };
        let minid = match &self.minid {
            Some(s) => {
                let (a, id) = approx(s);
                Some((
                    a,
                    StreamId::parse(&id).map_err(|e| usage(format!("--minid: {e}")))?,
                ))
            }
            None => None,
        };
        Ok(StreamWrite {
            fields: FieldMap {
                key_field: self.key_field.clone(),
                value_field: self.field.clone(),
            },
            maxlen,
            minid,
        })
    }

    /// The first flag given, to refuse it on a Kafka target.
    pub fn given(&self) -> Option<&'static str> {
        [
            (self.field.is_some(), "--field"),
            (self.key_field.is_some(), "--key-field"),
            (self.maxlen.is_some(), "--maxlen"),
            (self.minid.is_some(), "--minid"),
            (self.keep_ids, "--keep-ids"),
        ]
        .into_iter()
        .find_map(|(set, name)| set.then_some(name))
    }
}
