//! The distinct reason lists of a plan. Machines of a fleet repeat a few dozen lists (the same
//! domain, host, site and product give the same reasons), so each list is stored once and
//! shared by every machine that has it: a plan allocates no list per machine, and dropping it
//! frees no list per machine.

use std::collections::HashMap;
use std::sync::Arc;

use crate::plan::reason::Reason;

/// What a later pass of the planner appends to a machine's reasons, named by the planner's
/// own identities (positions of hosts and MAKs, addresses of shared texts), so that a list
/// with an addition already made is found again without building the reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Addition {
    /// [`Reason::KmsCovered`] by KMS host `host` from rollout slot `slot`, followed by
    /// [`Reason::VirtualMachineKmsPreferred`] for a virtual machine.
    KmsCovered {
        host: usize,
        slot: usize,
        virtual_machine: bool,
    },
    /// [`Reason::ThresholdNotReached`] at KMS host `host` for product class `class`.
    ThresholdNotReached { host: usize, class: usize },
    /// [`Reason::SiteFewerThan50Pcs`] for the site text `site` (a shared text's address, 0
    /// for none) with `pcs` PCs.
    SiteFewerThan50Pcs { site: usize, pcs: u32 },
    /// [`Reason::MakActivationsShort`] for MAK `key`.
    MakActivationsShort { key: usize },
    /// [`Reason::NoMakKey`].
    NoMakKey,
}

/// Reason lists by number, each stored once.
#[derive(Debug, Default)]
pub(crate) struct ReasonLists {
    lists: Vec<Arc<[Reason]>>,
    ids: HashMap<Arc<[Reason]>, usize>,
    added: HashMap<(usize, Addition), usize>,
}

impl ReasonLists {
    /// The number of `reasons`, stored if new.
    pub(crate) fn intern(&mut self, reasons: Vec<Reason>) -> usize {
        if let Some(&id) = self.ids.get(reasons.as_slice()) {
            return id;
        }
        let id = self.lists.len();
        let list: Arc<[Reason]> = Arc::from(reasons);
        self.ids.insert(Arc::clone(&list), id);
        self.lists.push(list);
        id
    }

    /// List `id` (empty for a number never given).
    pub(crate) fn get(&self, id: usize) -> &[Reason] {
        self.lists.get(id).map_or(&[], |l| l)
    }

    /// A shared copy of list `id`.
    pub(crate) fn shared(&self, id: usize) -> Arc<[Reason]> {
        self.lists
            .get(id)
            .map_or_else(|| Arc::from(Vec::new()), Arc::clone)
    }

    /// The number of list `id` followed by `addition`, whose reasons `make` pushes (called
    /// only the first time this list and addition meet).
    pub(crate) fn add(
        &mut self,
        id: usize,
        addition: Addition,
        make: impl FnOnce(&mut Vec<Reason>),
    ) -> usize {
        if let Some(&to) = self.added.get(&(id, addition)) {
            return to;
        }
        let mut reasons = self.get(id).to_vec();
        make(&mut reasons);
        let to = self.intern(reasons);
        self.added.insert((id, addition), to);
        to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_get_one_number_and_additions_are_remembered() {
        let mut lists = ReasonLists::default();
        let a = lists.intern(vec![Reason::NoKmsHost]);
        let b = lists.intern(vec![Reason::NoKmsHost]);
        let c = lists.intern(vec![Reason::NoMakKey]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        let mut calls = 0;
        let d = lists.add(a, Addition::NoMakKey, |r| {
            calls += 1;
            r.push(Reason::NoMakKey);
        });
        let e = lists.add(a, Addition::NoMakKey, |r| {
            calls += 1;
            r.push(Reason::NoMakKey);
        });
        assert_eq!((d, calls), (e, 1));
        assert_eq!(lists.get(d), [Reason::NoKmsHost, Reason::NoMakKey]);
        // The same list reached another way has the same number.
        assert_eq!(lists.intern(vec![Reason::NoKmsHost, Reason::NoMakKey]), d);
        assert!(Arc::ptr_eq(&lists.shared(d), &lists.shared(e)));
        assert!(lists.get(99).is_empty());
    }
}
