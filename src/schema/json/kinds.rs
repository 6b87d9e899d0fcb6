//! The kinds of difference the JSON Schema check reports, named as Confluent Schema Registry's
//! `Difference.Type`, and which of them a policy accepts (doc `schema-compat.md` §3.2).

use crate::schema::Policy;

/// How a kind counts: compatible under STRICT (and so LENIENT), only under LENIENT, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Strict,
    Lenient,
    Never,
}

macro_rules! kinds {
    ($($name:ident => $class:ident,)*) => {
        /// A kind of difference (Confluent's `Difference.Type`).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Kind {
            $($name,)*
        }

        impl Kind {
            /// Confluent's name for the kind.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Kind::$name => stringify!($name),)*
                }
            }

            pub(crate) fn class(self) -> Class {
                match self {
                    $(Kind::$name => Class::$class,)*
                }
            }

            #[cfg(test)]
            pub(crate) const ALL: &'static [Kind] = &[$(Kind::$name,)*];
        }
    };
}

kinds! {
    // metadata
    ID_CHANGED => Strict,
    DESCRIPTION_CHANGED => Strict,
    TITLE_CHANGED => Strict,
    DEFAULT_CHANGED => Strict,
    // schema and type
    SCHEMA_ADDED => Never,
    SCHEMA_REMOVED => Strict,
    TYPE_EXTENDED => Strict,
    TYPE_NARROWED => Never,
    TYPE_CHANGED => Never,
    // strings
    MAX_LENGTH_ADDED => Never,
    MAX_LENGTH_REMOVED => Strict,
    MAX_LENGTH_INCREASED => Strict,
    MAX_LENGTH_DECREASED => Never,
    MIN_LENGTH_ADDED => Never,
    MIN_LENGTH_REMOVED => Strict,
    MIN_LENGTH_INCREASED => Never,
    MIN_LENGTH_DECREASED => Strict,
    PATTERN_ADDED => Never,
    PATTERN_REMOVED => Strict,
    PATTERN_CHANGED => Never,
    // numbers
    MAXIMUM_ADDED => Never,
    MAXIMUM_REMOVED => Strict,
    MAXIMUM_INCREASED => Strict,
    MAXIMUM_DECREASED => Never,
    MINIMUM_ADDED => Never,
    MINIMUM_REMOVED => Strict,
    MINIMUM_INCREASED => Never,
    MINIMUM_DECREASED => Strict,
    EXCLUSIVE_MAXIMUM_ADDED => Never,
    EXCLUSIVE_MAXIMUM_REMOVED => Strict,
    EXCLUSIVE_MAXIMUM_INCREASED => Strict,
    EXCLUSIVE_MAXIMUM_DECREASED => Never,
    EXCLUSIVE_MINIMUM_ADDED => Never,
    EXCLUSIVE_MINIMUM_REMOVED => Strict,
    EXCLUSIVE_MINIMUM_INCREASED => Never,
    EXCLUSIVE_MINIMUM_DECREASED => Strict,
    MULTIPLE_OF_ADDED => Never,
    MULTIPLE_OF_REMOVED => Strict,
    MULTIPLE_OF_REDUCED => Strict,
    MULTIPLE_OF_EXPANDED => Never,
    MULTIPLE_OF_CHANGED => Never,
    // required and dependencies
    REQUIRED_ATTRIBUTE_ADDED => Never,
    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED => Strict,
    REQUIRED_ATTRIBUTE_REMOVED => Strict,
    DEPENDENCY_ARRAY_ADDED => Never,
    DEPENDENCY_ARRAY_REMOVED => Strict,
    DEPENDENCY_ARRAY_EXTENDED => Never,
    DEPENDENCY_ARRAY_NARROWED => Strict,
    DEPENDENCY_ARRAY_CHANGED => Never,
    DEPENDENCY_SCHEMA_ADDED => Never,
    DEPENDENCY_SCHEMA_REMOVED => Strict,
    // object size and extras
    MAX_PROPERTIES_ADDED => Never,
    MAX_PROPERTIES_REMOVED => Strict,
    MAX_PROPERTIES_INCREASED => Strict,
    MAX_PROPERTIES_DECREASED => Never,
    MIN_PROPERTIES_ADDED => Never,
    MIN_PROPERTIES_REMOVED => Strict,
    MIN_PROPERTIES_INCREASED => Never,
    MIN_PROPERTIES_DECREASED => Strict,
    ADDITIONAL_PROPERTIES_ADDED => Strict,
    ADDITIONAL_PROPERTIES_REMOVED => Lenient,
    ADDITIONAL_PROPERTIES_EXTENDED => Strict,
    ADDITIONAL_PROPERTIES_NARROWED => Lenient,
    UNEVALUATED_PROPERTIES_ADDED => Strict,
    UNEVALUATED_PROPERTIES_REMOVED => Lenient,
    UNEVALUATED_PROPERTIES_EXTENDED => Strict,
    UNEVALUATED_PROPERTIES_NARROWED => Lenient,
    // properties
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL => Strict,
    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL => Never,
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL => Lenient,
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL => Lenient,
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL => Never,
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL => Strict,
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL => Strict,
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL => Strict,
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL => Lenient,
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL => Strict,
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Strict,
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Lenient,
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Strict,
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Lenient,
    // arrays
    MAX_ITEMS_ADDED => Never,
    MAX_ITEMS_REMOVED => Strict,
    MAX_ITEMS_INCREASED => Strict,
    MAX_ITEMS_DECREASED => Never,
    MIN_ITEMS_ADDED => Never,
    MIN_ITEMS_REMOVED => Strict,
    MIN_ITEMS_INCREASED => Never,
    MIN_ITEMS_DECREASED => Strict,
    MAX_CONTAINS_ADDED => Never,
    MAX_CONTAINS_REMOVED => Strict,
    MAX_CONTAINS_INCREASED => Strict,
    MAX_CONTAINS_DECREASED => Never,
    MIN_CONTAINS_ADDED => Never,
    MIN_CONTAINS_REMOVED => Strict,
    MIN_CONTAINS_INCREASED => Never,
    MIN_CONTAINS_DECREASED => Strict,
    UNIQUE_ITEMS_ADDED => Never,
    UNIQUE_ITEMS_REMOVED => Strict,
    ADDITIONAL_ITEMS_ADDED => Strict,
    ADDITIONAL_ITEMS_REMOVED => Never,
    ADDITIONAL_ITEMS_EXTENDED => Strict,
    ADDITIONAL_ITEMS_NARROWED => Never,
    UNEVALUATED_ITEMS_ADDED => Strict,
    UNEVALUATED_ITEMS_REMOVED => Never,
    UNEVALUATED_ITEMS_EXTENDED => Strict,
    UNEVALUATED_ITEMS_NARROWED => Never,
    // tuple items
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL => Strict,
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL => Never,
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL => Strict,
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL => Strict,
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL => Never,
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL => Strict,
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Strict,
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Never,
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Strict,
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL => Never,
    // enums and combinators
    ENUM_ARRAY_EXTENDED => Strict,
    ENUM_ARRAY_NARROWED => Never,
    ENUM_ARRAY_CHANGED => Never,
    COMBINED_TYPE_EXTENDED => Strict,
    COMBINED_TYPE_CHANGED => Never,
    COMBINED_TYPE_SUBSCHEMAS_CHANGED => Never,
    PRODUCT_TYPE_EXTENDED => Never,
    PRODUCT_TYPE_NARROWED => Strict,
    SUM_TYPE_EXTENDED => Strict,
    SUM_TYPE_NARROWED => Never,
    NOT_TYPE_EXTENDED => Never,
    NOT_TYPE_NARROWED => Strict,
}

impl Kind {
    /// Whether `policy` accepts this kind of difference.
    pub(crate) fn compatible(self, policy: Policy) -> bool {
        match self.class() {
            Class::Strict => true,
            Class::Lenient => policy == Policy::Lenient,
            Class::Never => false,
        }
    }

    /// Annotations only: such a change never affects which documents are valid.
    pub(crate) fn is_metadata(self) -> bool {
        matches!(
            self,
            Kind::ID_CHANGED
                | Kind::DESCRIPTION_CHANGED
                | Kind::TITLE_CHANGED
                | Kind::DEFAULT_CHANGED
        )
    }
}
