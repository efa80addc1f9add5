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
            type Err = $crate::error::Error;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s))
                    .ok_or_else(|| $crate::error::Error::unknown($what, s, $expected))
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

/// Declares a `static` table of `$out` computed at compile time by `$body` over every
/// combination of the `ALL` values of two or three closed-set types (indexed by `as usize`
/// in that order), and reads it back with [`lookup`].
///
/// ```text
/// const_table! {
///     /// docs
///     static TABLE: [Coverage; KmsHostKey, Release, Edition] = |k, r, e| compute(k, r, e);
/// }
/// ```
macro_rules! const_table {
    (
        $(#[$meta:meta])*
        static $name:ident: [$out:ty; $a:ty, $b:ty, $c:ty] = |$x:ident, $y:ident, $z:ident| $body:expr;
    ) => {
        $(#[$meta])*
        // Const evaluation: an out-of-bounds index fails the build, it cannot panic at run time.
        #[allow(clippy::indexing_slicing)]
        static $name: [[[$out; <$c>::ALL.len()]; <$b>::ALL.len()]; <$a>::ALL.len()] = {
            // Seeded with the first answer; every cell is overwritten below.
            let seed = {
                let ($x, $y, $z) = (<$a>::ALL[0], <$b>::ALL[0], <$c>::ALL[0]);
                $body
            };
            let mut table = [[[seed; <$c>::ALL.len()]; <$b>::ALL.len()]; <$a>::ALL.len()];
            let mut i = 0;
            while i < <$a>::ALL.len() {
                let mut j = 0;
                while j < <$b>::ALL.len() {
                    let mut k = 0;
                    while k < <$c>::ALL.len() {
                        let ($x, $y, $z) = (<$a>::ALL[i], <$b>::ALL[j], <$c>::ALL[k]);
                        table[i][j][k] = $body;
                        k += 1;
                    }
                    j += 1;
                }
                i += 1;
            }
            table
        };
    };
    (
        $(#[$meta:meta])*
        static $name:ident: [$out:ty; $a:ty, $b:ty] = |$x:ident, $y:ident| $body:expr;
    ) => {
        $(#[$meta])*
        // Const evaluation: an out-of-bounds index fails the build, it cannot panic at run time.
        #[allow(clippy::indexing_slicing)]
        static $name: [[$out; <$b>::ALL.len()]; <$a>::ALL.len()] = {
            let seed = {
                let ($x, $y) = (<$a>::ALL[0], <$b>::ALL[0]);
                $body
            };
            let mut table = [[seed; <$b>::ALL.len()]; <$a>::ALL.len()];
            let mut i = 0;
            while i < <$a>::ALL.len() {
                let mut j = 0;
                while j < <$b>::ALL.len() {
                    let ($x, $y) = (<$a>::ALL[i], <$b>::ALL[j]);
                    table[i][j] = $body;
                    j += 1;
                }
                i += 1;
            }
            table
        };
    };
}

pub(crate) use const_table;

/// Reads cell `index` of a table built by [`const_table!`] (`None` out of bounds, which the
/// `ALL`-sized tables never are).
pub(crate) trait Lookup<I> {
    /// The cell type.
    type Out: Copy;
    /// The cell at `index`, if in bounds.
    fn lookup(&self, index: I) -> Option<Self::Out>;
}

impl<T: Copy, const A: usize, const B: usize> Lookup<(usize, usize)> for [[T; B]; A] {
    type Out = T;
    fn lookup(&self, (a, b): (usize, usize)) -> Option<T> {
        self.get(a).and_then(|t| t.get(b)).copied()
    }
}

impl<T: Copy, const A: usize, const B: usize, const C: usize> Lookup<(usize, usize, usize)>
    for [[[T; C]; B]; A]
{
    type Out = T;
    fn lookup(&self, (a, b, c): (usize, usize, usize)) -> Option<T> {
        self.get(a)
            .and_then(|t| t.get(b))
            .and_then(|t| t.get(c))
            .copied()
    }
}
