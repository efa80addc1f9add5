//! Internal macros shared by the catalogue enums.

/// Declares a fieldless public enum whose variants each have one canonical lowercase
/// kebab-case ID and one marketing name.
///
/// Generates: the enum (with the given attributes), `ALL`, `as_str()` (the canonical ID),
/// `name()` (the marketing name), `Display` (the ID), strict `FromStr` (exactly the ID,
/// ASCII case-insensitive), and serde as the ID string behind the `serde` feature.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $what:literal, $expected:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $id:literal, $display:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical ID: lowercase kebab-case, what `Display` writes and `FromStr` reads.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The marketing name Microsoft uses.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $display,)+
                }
            }

            /// Every value, in declaration order.
            pub fn iter() -> impl ExactSizeIterator<Item = $name> + Clone {
                Self::ALL.iter().copied()
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s))
                    .ok_or_else(|| $crate::Error::unknown($what, s, $expected))
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use id_enum;
