//! `publish`'s schema-registry flags, and what they resolve to before any record is read.

use super::{Codec, Defaults, Part, SchemaChoice, SchemaSource, SubjectStrategy};

/// How `publish` encodes values (and keys) with registry schemas.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SchemaFlags {
    /// Encode each value with this schema: a file (.avsc, .proto, .json), id:N, or subject:S[:VERSION|latest]
    #[arg(long, value_name = "SCHEMA", help_heading = "Schema registry")]
    pub value_schema: Option<String>,

    /// Encode each key with this schema (as --value-schema)
    #[arg(long, value_name = "SCHEMA", help_heading = "Schema registry")]
    pub key_schema: Option<String>,

    /// The Protobuf message of --value-schema (full name; default: its first message)
    #[arg(
        long,
        value_name = "PKG.MSG",
        requires = "value_schema",
        help_heading = "Schema registry"
    )]
    pub value_message: Option<String>,

    /// The Protobuf message of --key-schema
    #[arg(
        long,
        value_name = "PKG.MSG",
        requires = "key_schema",
        help_heading = "Schema registry"
    )]
    pub key_message: Option<String>,

    /// The subject a schema file is registered under: <topic>-value, the record's name, or both
    #[arg(
        long,
        value_enum,
        value_name = "STRATEGY",
        default_value_t,
        help_heading = "Schema registry"
    )]
    pub subject_strategy: SubjectStrategy,

    /// Do not register schema files: they must be registered under their subject already
    #[arg(long, help_heading = "Schema registry")]
    pub no_register: bool,

    /// Name the schema in a __value_schema_id / __key_schema_id header (GUID) instead of a prefix
    #[arg(long, help_heading = "Schema registry")]
    pub schema_id_header: bool,
}

impl SchemaFlags {
    /// Whether any schema is given.
    pub fn any(&self) -> bool {
        self.value_schema.is_some() || self.key_schema.is_some()
    }

    fn choice(
        &self,
        flag: &str,
        s: &str,
        message: &Option<String>,
    ) -> Result<SchemaChoice, String> {
        Ok(SchemaChoice {
            source: SchemaSource::parse(s).map_err(|e| format!("--{flag}: {e}"))?,
            message: message.clone(),
            strategy: self.subject_strategy,
            register: !self.no_register,
            header: self.schema_id_header,
        })
    }

    /// Which parts of `--format json` records are data for a schema.
    pub fn datum(&self) -> crate::record::json::Datum {
        crate::record::json::Datum {
            key: self.key_schema.is_some(),
            value: self.value_schema.is_some(),
        }
    }

    /// [`SchemaFlags::resolve`] with the run's codec; without a registry, schemas are a usage
    /// error.
    pub async fn defaults(
        &self,
        codec: Option<&mut Codec>,
        topic: &str,
    ) -> Result<Defaults, (bool, String)> {
        match codec {
            Some(c) => self.resolve(c, topic).await,
            None if self.any() => Err((
                true,
                "--value-schema and --key-schema need a schema registry (--registry)".into(),
            )),
            None => Ok(Defaults::default()),
        }
    }

    /// The flags' schemas as ids for `topic` (registering files unless --no-register). `Err`
    /// with `true` is a usage error (a bad flag or file), with `false` a registry failure.
    pub async fn resolve(
        &self,
        codec: &mut Codec,
        topic: &str,
    ) -> Result<Defaults, (bool, String)> {
        let mut d = Defaults::default();
        let parts = [
            (Part::Key, "key-schema", &self.key_schema, &self.key_message),
            (
                Part::Value,
                "value-schema",
                &self.value_schema,
                &self.value_message,
            ),
        ];
        for (part, flag, schema, message) in parts {
            let Some(s) = schema else { continue };
            let choice = self.choice(flag, s, message).map_err(|e| (true, e))?;
            let usage = matches!(choice.source, SchemaSource::File { .. });
            let target = codec
                .resolve(&choice, topic, part)
                .await
                .map_err(|e| (usage && !e.contains("registry"), format!("--{flag}: {e}")))?;
            match part {
                Part::Key => d.key = Some(target),
                Part::Value => d.value = Some(target),
            }
        }
        Ok(d)
    }
}
