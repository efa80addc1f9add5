//! Internal macros shared by the catalogue enums: serde as the canonical ID, and const tables
//! over closed sets.

/// Serde for a closed-set enum as its canonical ID string (behind the `serde` feature):
/// serialises what strum's `AsRefStr` gives and deserialises through strum's `FromStr`, so the
/// error is the crate's own message naming the input and what was expected.
macro_rules! serde_as_id {
    ($name:ident) => {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                s: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_ref())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use serde_as_id;

/// Declares a `static` table of `$out` computed at compile time by `$body` over every
/// combination of the `VARIANTS` (strum's `VariantArray`) of two or three closed-set types (indexed by `as usize`
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
        static $name: [[[$out; <$c as ::strum::VariantArray>::VARIANTS.len()]; <$b as ::strum::VariantArray>::VARIANTS.len()]; <$a as ::strum::VariantArray>::VARIANTS.len()] = {
            // Seeded with the first answer; every cell is overwritten below.
            let seed = {
                let ($x, $y, $z) = (<$a as ::strum::VariantArray>::VARIANTS[0], <$b as ::strum::VariantArray>::VARIANTS[0], <$c as ::strum::VariantArray>::VARIANTS[0]);
                $body
            };
            let mut table = [[[seed; <$c as ::strum::VariantArray>::VARIANTS.len()]; <$b as ::strum::VariantArray>::VARIANTS.len()]; <$a as ::strum::VariantArray>::VARIANTS.len()];
            let mut i = 0;
            while i < <$a as ::strum::VariantArray>::VARIANTS.len() {
                let mut j = 0;
                while j < <$b as ::strum::VariantArray>::VARIANTS.len() {
                    let mut k = 0;
                    while k < <$c as ::strum::VariantArray>::VARIANTS.len() {
                        let ($x, $y, $z) = (<$a as ::strum::VariantArray>::VARIANTS[i], <$b as ::strum::VariantArray>::VARIANTS[j], <$c as ::strum::VariantArray>::VARIANTS[k]);
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
        static $name: [[$out; <$b as ::strum::VariantArray>::VARIANTS.len()]; <$a as ::strum::VariantArray>::VARIANTS.len()] = {
            let seed = {
                let ($x, $y) = (<$a as ::strum::VariantArray>::VARIANTS[0], <$b as ::strum::VariantArray>::VARIANTS[0]);
                $body
            };
            let mut table = [[seed; <$b as ::strum::VariantArray>::VARIANTS.len()]; <$a as ::strum::VariantArray>::VARIANTS.len()];
            let mut i = 0;
            while i < <$a as ::strum::VariantArray>::VARIANTS.len() {
                let mut j = 0;
                while j < <$b as ::strum::VariantArray>::VARIANTS.len() {
                    let ($x, $y) = (<$a as ::strum::VariantArray>::VARIANTS[i], <$b as ::strum::VariantArray>::VARIANTS[j]);
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
/// `VARIANTS`-sized tables never are).
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
