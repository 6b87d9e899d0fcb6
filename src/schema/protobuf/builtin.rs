//! The imports Confluent Schema Registry provides to every Protobuf schema without a reference,
//! besides the well-known `google/protobuf/*.proto` types (which `protox` ships).
//!
//! The files under `builtin/` were written for evctl from the public shapes of these messages;
//! they keep names, numbers and types, which is all a compatibility check and an import need.

/// Import path and text of each bundled file.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "confluent/meta.proto",
        include_str!("builtin/confluent/meta.proto"),
    ),
    (
        "confluent/type/decimal.proto",
        include_str!("builtin/confluent/type/decimal.proto"),
    ),
    (
        "google/type/calendar_period.proto",
        include_str!("builtin/google/type/calendar_period.proto"),
    ),
    (
        "google/type/color.proto",
        include_str!("builtin/google/type/color.proto"),
    ),
    (
        "google/type/date.proto",
        include_str!("builtin/google/type/date.proto"),
    ),
    (
        "google/type/datetime.proto",
        include_str!("builtin/google/type/datetime.proto"),
    ),
    (
        "google/type/dayofweek.proto",
        include_str!("builtin/google/type/dayofweek.proto"),
    ),
    (
        "google/type/expr.proto",
        include_str!("builtin/google/type/expr.proto"),
    ),
    (
        "google/type/fraction.proto",
        include_str!("builtin/google/type/fraction.proto"),
    ),
    (
        "google/type/interval.proto",
        include_str!("builtin/google/type/interval.proto"),
    ),
    (
        "google/type/latlng.proto",
        include_str!("builtin/google/type/latlng.proto"),
    ),
    (
        "google/type/localized_text.proto",
        include_str!("builtin/google/type/localized_text.proto"),
    ),
    (
        "google/type/money.proto",
        include_str!("builtin/google/type/money.proto"),
    ),
    (
        "google/type/month.proto",
        include_str!("builtin/google/type/month.proto"),
    ),
    (
        "google/type/phone_number.proto",
        include_str!("builtin/google/type/phone_number.proto"),
    ),
    (
        "google/type/postal_address.proto",
        include_str!("builtin/google/type/postal_address.proto"),
    ),
    (
        "google/type/quaternion.proto",
        include_str!("builtin/google/type/quaternion.proto"),
    ),
    (
        "google/type/timeofday.proto",
        include_str!("builtin/google/type/timeofday.proto"),
    ),
];

/// The bundled file for an import path.
pub(crate) fn get(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
