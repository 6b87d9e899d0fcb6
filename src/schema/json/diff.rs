//! The comparison: Confluent's JSON Schema diff semantics, re-implemented from its documented
//! behaviour (doc `schema-compat.md` §3) over the [`Graph`] form.
//!
//! `compare(original, update)` walks both schemas together and reports every difference with a
//! path relative to the pair. Results are memoised per pair of nodes; a pair met again while it
//! is still being compared (a `$ref` cycle) is taken as equal there (the coinductive reading), so
//! recursion terminates, each pair is compared once, and a difference inside a recursive
//! structure is reported once, where the walk first met it. The verdict is unaffected: whatever
//! the assumption hid is reported by the pair that was assumed.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde_json::Value;

use super::ir::{
    Body, Crit, Extra, FALSE, Graph, Kind as NodeKind, Meta, NodeId, TRUE, escape, ty,
};
use super::kinds::Kind;
use crate::schema::Policy;

/// One difference, with its path relative to the pair compared (`""` or `/properties/a/type`).
#[derive(Debug, Clone)]
pub(crate) struct Diff {
    pub(crate) kind: Kind,
    pub(crate) path: String,
    pub(crate) description: String,
}

/// A schema being compared: which side's graph, which node, and (for the branches of a
/// multi-type schema split to be matched against a sum type) which instance types it is seen as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct V {
    new: bool,
    id: NodeId,
    only: u8,
}

impl V {
    fn child(self, id: NodeId) -> V {
        V {
            new: self.new,
            id,
            only: ty::ALL,
        }
    }
}

/// A subschema of a combinator (or a schema standing in for one), with its path and whether its
/// annotations are compared.
#[derive(Debug, Clone)]
struct Branch {
    v: V,
    /// `(combinator keyword, index)`, or None for a schema standing in for a combinator.
    at: Option<(&'static str, usize)>,
    meta: bool,
}

impl Branch {
    fn path(&self) -> String {
        self.at
            .map_or_else(String::new, |(kw, i)| format!("/{kw}/{i}"))
    }
}

/// The content model of an object or of a tuple (doc §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Model {
    Open,
    Partial,
    Closed,
}

impl Model {
    fn name(self) -> &'static str {
        match self {
            Model::Open => "open",
            Model::Partial => "partially open",
            Model::Closed => "closed",
        }
    }
}

/// `additionalProperties` & co. as they act: allow anything, allow nothing, or allow a schema.
#[derive(Debug, Clone, Copy)]
enum Eff {
    Open,
    Closed,
    Schema(V),
}

type Key = (V, V);

/// A fast non-cryptographic hasher (the FxHash mix) for the small integer keys of the memo and
/// the property tables: the schemas are the user's own, so no flooding to defend against.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// How deep comparisons nest (each level a pair of subschemas) before the walk stops. Inline
/// schemas cannot get near it (serde_json limits nesting to 128 JSON levels, two per subschema);
/// only long chains of distinct `$ref` targets can.
const MAX_DEPTH: usize = 128;

/// Compares two parsed schemas.
pub(crate) struct Differ<'a> {
    old: &'a Graph,
    new: &'a Graph,
    policy: Policy,
    /// Pair → index in `pairs`.
    memo: FxMap<Key, u32>,
    pairs: Vec<Pair>,
    /// Pairs being compared (a pair met again inside itself is a cycle).
    active: FxSet<Key>,
    depth: usize,
}

/// What comparing a pair of nodes found: its own differences and links to the pairs of
/// subschemas compared, in order. Links instead of copies keep the result linear in the size of
/// the schemas however much they share.
#[derive(Debug, Default)]
struct Pair {
    entries: Vec<Entry>,
    /// No incompatible difference here or in the linked pairs (pairs still being compared, i.e.
    /// cycles, count as compatible).
    compatible: bool,
    /// Some difference other than an annotation here or in the linked pairs.
    changed: bool,
    /// How many differences, counting linked pairs (saturating); to rank candidate matches.
    size: usize,
}

#[derive(Debug)]
enum Entry {
    Diff(Diff),
    /// The pair `key`, with its paths under `prefix`.
    Link(String, Key),
}

/// A comparison done: the pair of nodes, and the annotation differences of this edge.
#[derive(Debug)]
struct Sub {
    key: Option<Key>,
    meta: Vec<Diff>,
}

type Out = Vec<Entry>;

fn push(out: &mut Out, kind: Kind, path: impl Into<String>, description: impl Into<String>) {
    out.push(Entry::Diff(Diff {
        kind,
        path: path.into(),
        description: description.into(),
    }));
}

fn prefixed(prefix: &str, d: &Diff) -> Diff {
    Diff {
        kind: d.kind,
        path: format!("{prefix}{}", d.path),
        description: d.description.clone(),
    }
}

fn num(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

/// `types` restricted to the view's `only`; None = any type.
fn eff_types(b: &Body, only: u8) -> Option<u8> {
    match b.types {
        None if only == ty::ALL => None,
        None => Some(only),
        Some(t) => Some(t & only),
    }
}

/// Whether keywords for the instance types in `mask` apply to a schema of types `t`.
fn applies(t: Option<u8>, mask: u8) -> bool {
    t.is_none_or(|t| t & mask != 0)
}

/// Types `t` accepts, counting integers as numbers.
fn cover(t: u8) -> u8 {
    if t & ty::NUMBER != 0 {
        t | ty::INTEGER
    } else {
        t
    }
}

impl<'a> Differ<'a> {
    pub(crate) fn new(old: &'a Graph, new: &'a Graph, policy: Policy) -> Self {
        Differ {
            old,
            new,
            policy,
            memo: FxMap::with_capacity_and_hasher(old.nodes.len(), Default::default()),
            pairs: Vec::with_capacity(old.nodes.len()),
            active: FxSet::default(),
            depth: 0,
        }
    }

    /// Every difference from the old schema's root to the new one's. A pair of subschemas
    /// reached along several paths (a shared definition) is reported once, at the first path.
    pub(crate) fn run(mut self) -> Vec<Diff> {
        let o = V {
            new: false,
            id: self.old.root,
            only: ty::ALL,
        };
        let u = V {
            new: true,
            id: self.new.root,
            only: ty::ALL,
        };
        let root = self.compare(o, u, true);
        self.collect("", &root)
    }

    /// The differences of a comparison, its linked pairs expanded in order (iteratively, each
    /// pair once).
    fn collect(&self, prefix: &str, sub: &Sub) -> Vec<Diff> {
        let mut out: Vec<Diff> = sub.meta.iter().map(|d| prefixed(prefix, d)).collect();
        let mut seen = FxSet::default();
        // (pair index, next entry, path of the pair)
        let mut stack: Vec<(u32, usize, String)> = Vec::new();
        let mut visit = |key: Key, path: String, stack: &mut Vec<(u32, usize, String)>| {
            if seen.insert(key)
                && let Some(&i) = self.memo.get(&key)
            {
                stack.push((i, 0, path));
            }
        };
        if let Some(key) = sub.key {
            visit(key, prefix.to_string(), &mut stack);
        }
        while let Some((pair, i, path)) = stack.last_mut() {
            let Some(entry) = self.pairs[*pair as usize].entries.get(*i) else {
                stack.pop();
                continue;
            };
            *i += 1;
            match entry {
                Entry::Diff(d) => out.push(prefixed(path, d)),
                Entry::Link(p, key) => {
                    let child = format!("{path}{p}");
                    visit(*key, child, &mut stack);
                }
            }
        }
        out
    }

    fn graph(&self, v: V) -> &'a Graph {
        if v.new { self.new } else { self.old }
    }

    fn get(&self, key: &Key) -> Option<&Pair> {
        self.memo.get(key).map(|&i| &self.pairs[i as usize])
    }

    fn pair(&self, sub: &Sub) -> Option<&Pair> {
        sub.key.and_then(|k| self.get(&k))
    }

    /// No incompatible difference (annotations are always compatible).
    fn ok(&self, sub: &Sub) -> bool {
        self.pair(sub).is_none_or(|p| p.compatible)
    }

    /// Some difference beyond annotations.
    fn changed(&self, sub: &Sub) -> bool {
        self.pair(sub).is_some_and(|p| p.changed)
    }

    fn size(&self, sub: &Sub) -> usize {
        sub.meta.len() + self.pair(sub).map_or(0, |p| p.size)
    }

    /// The comparison found nothing (a pair still being compared may yet find something).
    fn trivial(&self, sub: &Sub) -> bool {
        sub.meta.is_empty()
            && sub
                .key
                .is_none_or(|k| self.get(&k).is_some_and(|p| p.entries.is_empty()))
    }

    /// Adds a comparison's differences under `path`.
    fn link(&self, out: &mut Out, path: &str, sub: Sub) {
        if self.trivial(&sub) {
            return;
        }
        out.extend(sub.meta.iter().map(|d| Entry::Diff(prefixed(path, d))));
        if let Some(key) = sub.key {
            out.push(Entry::Link(path.to_string(), key));
        }
    }

    /// Compares two schemas: their annotations (when `meta`) and, memoised per pair of `$ref`
    /// targets, their assertions.
    fn compare(&mut self, o: V, u: V, meta: bool) -> Sub {
        let og = self.graph(o);
        let ug = self.graph(u);
        let (oid, om) = og.deref(o.id);
        let (uid, um) = ug.deref(u.id);
        if om.connect_bytes && um.connect_bytes {
            // Kafka Connect bytes: the representations are interchangeable
            return Sub {
                key: None,
                meta: Vec::new(),
            };
        }
        let key = (V { id: oid, ..o }, V { id: uid, ..u });
        let mut entries = Vec::new();
        if meta {
            self.meta(&mut entries, "", &om, &um);
        }
        self.compare_nodes(key);
        Sub {
            key: Some(key),
            meta: entries
                .into_iter()
                .filter_map(|e| match e {
                    Entry::Diff(d) => Some(d),
                    Entry::Link(..) => None,
                })
                .collect(),
        }
    }

    fn compare_nodes(&mut self, key: Key) {
        if self.memo.contains_key(&key) || self.active.contains(&key) {
            // done, or a cycle: taken as equal here; its differences are reported where it started
            return;
        }
        if self.depth >= MAX_DEPTH {
            // only a chain of over a hundred distinct $ref targets gets here: stop rather than
            // exhaust the stack (the pair counts as equal unless reached at a shallower depth)
            return;
        }
        self.depth += 1;
        self.active.insert(key);
        let entries = self.compute(key.0, key.1);
        self.active.remove(&key);
        self.depth -= 1;
        let mut pair = Pair {
            compatible: true,
            ..Pair::default()
        };
        for e in &entries {
            match e {
                Entry::Diff(d) => {
                    pair.compatible &= d.kind.compatible(self.policy);
                    pair.changed |= !d.kind.is_metadata();
                    pair.size = pair.size.saturating_add(1);
                }
                Entry::Link(_, k) => {
                    if let Some(child) = self.get(k) {
                        pair.compatible &= child.compatible;
                        pair.changed |= child.changed;
                        pair.size = pair.size.saturating_add(child.size);
                    }
                }
            }
        }
        pair.entries = entries;
        self.memo.insert(key, self.pairs.len() as u32);
        self.pairs.push(pair);
    }

    /// Compares `o` and `u` and adds the differences under `path`.
    fn sub(&mut self, out: &mut Out, path: &str, o: V, u: V) {
        let r = self.compare(o, u, true);
        self.link(out, path, r);
    }

    /// A subschema keyword that may be absent on either side.
    #[allow(clippy::too_many_arguments)]
    fn opt_sub(
        &mut self,
        out: &mut Out,
        path: &str,
        o: V,
        os: Option<NodeId>,
        u: V,
        us: Option<NodeId>,
        what: &str,
    ) {
        match (os, us) {
            (Some(a), Some(b)) => self.sub(out, path, o.child(a), u.child(b)),
            (None, Some(_)) => push(out, Kind::SCHEMA_ADDED, path, format!("{what} added")),
            (Some(_), None) => push(out, Kind::SCHEMA_REMOVED, path, format!("{what} removed")),
            (None, None) => {}
        }
    }

    /// The assertions of two dereferenced nodes.
    fn compute(&mut self, o: V, u: V) -> Vec<Entry> {
        let mut out = Vec::new();
        let (oid, uid) = (o.id, u.id);
        let og = self.graph(o);
        let ug = self.graph(u);
        match (og.kind(oid), ug.kind(uid)) {
            (NodeKind::False, NodeKind::False) => {}
            (NodeKind::False, _) => push(
                &mut out,
                Kind::TYPE_EXTENDED,
                "",
                "the original schema is false (accepts nothing); the update accepts values",
            ),
            (_, NodeKind::False) => push(
                &mut out,
                Kind::TYPE_NARROWED,
                "",
                "the update is false: it accepts no value",
            ),
            (NodeKind::Body(ob), NodeKind::Body(ub)) => self.bodies(&mut out, o, ob, u, ub),
            // deref never stops at a Ref
            _ => {}
        }
        out
    }

    fn meta(&mut self, out: &mut Out, prefix: &str, om: &Meta, um: &Meta) {
        fn text(
            kind: Kind,
            out: &mut Out,
            path: String,
            what: &str,
            a: Option<&str>,
            b: Option<&str>,
        ) {
            let d = match (a, b) {
                (None, Some(b)) => format!("{what} added: \"{b}\""),
                (Some(a), None) => format!("{what} removed (was \"{a}\")"),
                (Some(a), Some(b)) => format!("{what} changed from \"{a}\" to \"{b}\""),
                (None, None) => return,
            };
            push(out, kind, path, d);
        }
        let oid = om.id.as_ref().map(|(_, s)| s.as_str());
        let uid = um.id.as_ref().map(|(_, s)| s.as_str());
        if oid != uid {
            let kw = um.id.as_ref().or(om.id.as_ref()).map_or("$id", |(k, _)| k);
            text(
                Kind::ID_CHANGED,
                out,
                format!("{prefix}/{kw}"),
                kw,
                oid,
                uid,
            );
        }
        if om.title != um.title {
            text(
                Kind::TITLE_CHANGED,
                out,
                format!("{prefix}/title"),
                "title",
                om.title.as_deref(),
                um.title.as_deref(),
            );
        }
        if om.description != um.description {
            text(
                Kind::DESCRIPTION_CHANGED,
                out,
                format!("{prefix}/description"),
                "description",
                om.description.as_deref(),
                um.description.as_deref(),
            );
        }
        let same_default = match (&om.default, &um.default) {
            (Some(a), Some(b)) => json_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        if !same_default {
            let d = match (&om.default, &um.default) {
                (None, Some(b)) => format!("default added: {}", short(b)),
                (Some(a), None) => format!("default removed (was {})", short(a)),
                (Some(a), Some(b)) => format!("default changed from {} to {}", short(a), short(b)),
                (None, None) => String::new(),
            };
            push(out, Kind::DEFAULT_CHANGED, format!("{prefix}/default"), d);
        }
    }

    fn body(&self, v: V) -> Option<&'a Body> {
        let (id, _) = self.graph(v).deref(v.id);
        match self.graph(v).kind(id) {
            NodeKind::Body(b) => Some(b),
            _ => None,
        }
    }

    /// `true` or `{}` (annotations allowed).
    fn is_empty(&self, v: V) -> bool {
        self.body(v).is_some_and(|b| b.is_empty())
    }

    fn is_false(&self, v: V) -> bool {
        let (id, _) = self.graph(v).deref(v.id);
        matches!(self.graph(v).kind(id), NodeKind::False)
    }

    fn has_default(&self, v: V) -> bool {
        self.graph(v).deref(v.id).1.default.is_some()
    }

    fn bodies(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        // a plain schema against a bare combinator: the plain one stands for a combinator of its
        // own (split by type for a sum), so "string" → anyOf[string, null] is a sum extension
        if !ob.has_combinators()
            && let Some(c) = ub.pure_combinator()
        {
            let obr = self.expand(o, ob, c);
            let ubr = self.branches(u, ub, c);
            self.combined(out, c, &format!("/{}", c.keyword()), obr, ubr);
            return;
        }
        if !ub.has_combinators()
            && let Some(c) = ob.pure_combinator()
        {
            let obr = self.branches(o, ob, c);
            let ubr = self.expand(u, ub, c);
            self.combined(out, c, "", obr, ubr);
            return;
        }

        let ot = eff_types(ob, o.only);
        let ut = eff_types(ub, u.only);
        let type_changed = self.types(out, ot, ut);
        self.enums(out, o, ob, u, ub);
        if !type_changed {
            if applies(ot, ty::STRING) && applies(ut, ty::STRING) {
                self.strings(out, ob, ub);
            }
            let numbers = ty::NUMBER | ty::INTEGER;
            if applies(ot, numbers) && applies(ut, numbers) {
                self.numbers(out, ob, ub);
            }
            if applies(ot, ty::OBJECT) && applies(ut, ty::OBJECT) {
                self.objects(out, o, ob, u, ub);
            }
            if applies(ot, ty::ARRAY) && applies(ut, ty::ARRAY) {
                self.arrays(out, o, ob, u, ub);
            }
        }
        self.combinators(out, o, ob, u, ub);
        self.not(out, o, ob, u, ub);
        self.conditional(out, o, ob, u, ub);
        match (ob.ref_, ub.ref_) {
            (Some(a), Some(b)) => self.sub(out, "", o.child(a), u.child(b)),
            (None, Some(_)) => push(
                out,
                Kind::PRODUCT_TYPE_EXTENDED,
                "/$ref",
                "a $ref was added beside the other keywords (both must now hold)",
            ),
            (Some(_), None) => push(
                out,
                Kind::PRODUCT_TYPE_NARROWED,
                "/$ref",
                "the $ref beside the other keywords was removed",
            ),
            (None, None) => {}
        }
    }

    /// Compares `type`. Returns true when the types have nothing in common (TYPE_CHANGED), so
    /// that the type-specific keywords are not compared.
    fn types(&mut self, out: &mut Out, ot: Option<u8>, ut: Option<u8>) -> bool {
        let (a, b) = match (ot, ut) {
            (None, None) => return false,
            (Some(a), None) => {
                push(
                    out,
                    Kind::TYPE_EXTENDED,
                    "/type",
                    format!("type {} removed: any type is accepted now", ty::names(a)),
                );
                return false;
            }
            (None, Some(b)) => {
                push(
                    out,
                    Kind::TYPE_NARROWED,
                    "/type",
                    format!("type {} added: before, any type was accepted", ty::names(b)),
                );
                return false;
            }
            (Some(a), Some(b)) => (a, b),
        };
        if a == b {
            return false;
        }
        let desc = format!("type changed from {} to {}", ty::names(a), ty::names(b));
        if a.count_ones() == 1 && b.count_ones() == 1 {
            let kind = match (a, b) {
                (ty::INTEGER, ty::NUMBER) => Kind::TYPE_EXTENDED,
                (ty::NUMBER, ty::INTEGER) => Kind::TYPE_NARROWED,
                _ => Kind::TYPE_CHANGED,
            };
            push(out, kind, "/type", desc);
            return kind == Kind::TYPE_CHANGED;
        }
        if a & cover(b) == 0 && b & cover(a) == 0 {
            push(out, Kind::TYPE_CHANGED, "/type", desc);
            return true;
        }
        let mut lost = a & !cover(b);
        let mut gained = b & !cover(a);
        if lost & ty::NUMBER != 0 && b & ty::INTEGER != 0 {
            lost &= !ty::NUMBER;
            push(
                out,
                Kind::TYPE_NARROWED,
                "/type",
                format!("{desc}: \"number\" narrowed to \"integer\""),
            );
        }
        if gained & ty::NUMBER != 0 && a & ty::INTEGER != 0 && a & ty::NUMBER == 0 {
            gained &= !ty::NUMBER;
            push(
                out,
                Kind::TYPE_EXTENDED,
                "/type",
                format!("{desc}: \"integer\" widened to \"number\""),
            );
        }
        if lost != 0 {
            push(
                out,
                Kind::SUM_TYPE_NARROWED,
                "/type",
                format!("{desc}: {} no longer accepted", ty::names(lost)),
            );
        }
        if gained != 0 {
            push(
                out,
                Kind::SUM_TYPE_EXTENDED,
                "/type",
                format!("{desc}: {} now accepted too", ty::names(gained)),
            );
        }
        false
    }

    fn enums(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        let values = |v: V, b: &'a Body| {
            b.enumeration.as_ref().map(|(kw, vals)| {
                let vals: Vec<&'a Value> = vals
                    .iter()
                    .filter(|x| v.only == ty::ALL || ty::of(x) & v.only != 0)
                    .collect();
                (*kw, vals)
            })
        };
        let (a, b) = (values(o, ob), values(u, ub));
        let contains = |set: &[&Value], x: &Value| set.iter().any(|y| json_eq(x, y));
        let list = |vals: &[&Value]| vals.iter().map(|v| short(v)).collect::<Vec<_>>().join(", ");
        match (a, b) {
            (None, None) => {}
            (None, Some((kw, b))) => push(
                out,
                Kind::ENUM_ARRAY_NARROWED,
                format!("/{kw}"),
                format!("{kw} added: only {} accepted now", list(&b)),
            ),
            (Some((kw, a)), None) => push(
                out,
                Kind::ENUM_ARRAY_EXTENDED,
                format!("/{kw}"),
                format!("{kw} removed: values other than {} accepted now", list(&a)),
            ),
            (Some((_, a)), Some((kw, b))) => {
                let removed: Vec<&Value> = a.iter().copied().filter(|x| !contains(&b, x)).collect();
                let added: Vec<&Value> = b.iter().copied().filter(|x| !contains(&a, x)).collect();
                let path = format!("/{kw}");
                match (removed.is_empty(), added.is_empty()) {
                    (true, true) => {}
                    (true, false) => push(
                        out,
                        Kind::ENUM_ARRAY_EXTENDED,
                        path,
                        format!("{kw} extended with {}", list(&added)),
                    ),
                    (false, true) => push(
                        out,
                        Kind::ENUM_ARRAY_NARROWED,
                        path,
                        format!("{kw} narrowed: {} no longer accepted", list(&removed)),
                    ),
                    (false, false) => push(
                        out,
                        Kind::ENUM_ARRAY_CHANGED,
                        path,
                        format!(
                            "{kw} changed: {} no longer accepted, {} added",
                            list(&removed),
                            list(&added)
                        ),
                    ),
                }
            }
        }
    }

    /// A numeric bound. `kinds` = [added, removed, increased, decreased].
    fn bound(out: &mut Out, kw: &str, a: Option<f64>, b: Option<f64>, kinds: [Kind; 4]) {
        if a == b {
            return;
        }
        let path = format!("/{kw}");
        match (a, b) {
            (None, Some(b)) => push(out, kinds[0], path, format!("{kw} {} added", num(b))),
            (Some(a), None) => push(out, kinds[1], path, format!("{kw} {} removed", num(a))),
            (Some(a), Some(b)) if b > a => push(
                out,
                kinds[2],
                path,
                format!("{kw} increased from {} to {}", num(a), num(b)),
            ),
            (Some(a), Some(b)) if b < a => push(
                out,
                kinds[3],
                path,
                format!("{kw} decreased from {} to {}", num(a), num(b)),
            ),
            _ => {}
        }
    }

    fn strings(&mut self, out: &mut Out, ob: &Body, ub: &Body) {
        use Kind::*;
        Self::bound(
            out,
            "maxLength",
            ob.max_length,
            ub.max_length,
            [
                MAX_LENGTH_ADDED,
                MAX_LENGTH_REMOVED,
                MAX_LENGTH_INCREASED,
                MAX_LENGTH_DECREASED,
            ],
        );
        Self::bound(
            out,
            "minLength",
            ob.min_length,
            ub.min_length,
            [
                MIN_LENGTH_ADDED,
                MIN_LENGTH_REMOVED,
                MIN_LENGTH_INCREASED,
                MIN_LENGTH_DECREASED,
            ],
        );
        match (&ob.pattern, &ub.pattern) {
            (None, Some(b)) => push(
                out,
                PATTERN_ADDED,
                "/pattern",
                format!("pattern \"{b}\" added"),
            ),
            (Some(a), None) => push(
                out,
                PATTERN_REMOVED,
                "/pattern",
                format!("pattern \"{a}\" removed"),
            ),
            (Some(a), Some(b)) if a != b => push(
                out,
                PATTERN_CHANGED,
                "/pattern",
                format!("pattern changed from \"{a}\" to \"{b}\""),
            ),
            _ => {}
        }
    }

    fn numbers(&mut self, out: &mut Out, ob: &Body, ub: &Body) {
        use Kind::*;
        Self::bound(
            out,
            "maximum",
            ob.maximum,
            ub.maximum,
            [
                MAXIMUM_ADDED,
                MAXIMUM_REMOVED,
                MAXIMUM_INCREASED,
                MAXIMUM_DECREASED,
            ],
        );
        Self::bound(
            out,
            "minimum",
            ob.minimum,
            ub.minimum,
            [
                MINIMUM_ADDED,
                MINIMUM_REMOVED,
                MINIMUM_INCREASED,
                MINIMUM_DECREASED,
            ],
        );
        Self::bound(
            out,
            "exclusiveMaximum",
            ob.exclusive_maximum,
            ub.exclusive_maximum,
            [
                EXCLUSIVE_MAXIMUM_ADDED,
                EXCLUSIVE_MAXIMUM_REMOVED,
                EXCLUSIVE_MAXIMUM_INCREASED,
                EXCLUSIVE_MAXIMUM_DECREASED,
            ],
        );
        Self::bound(
            out,
            "exclusiveMinimum",
            ob.exclusive_minimum,
            ub.exclusive_minimum,
            [
                EXCLUSIVE_MINIMUM_ADDED,
                EXCLUSIVE_MINIMUM_REMOVED,
                EXCLUSIVE_MINIMUM_INCREASED,
                EXCLUSIVE_MINIMUM_DECREASED,
            ],
        );
        let divides = |big: f64, small: f64| {
            let r = big / small;
            small != 0.0 && (r - r.round()).abs() < 1e-9
        };
        match (ob.multiple_of, ub.multiple_of) {
            (None, Some(b)) => push(
                out,
                MULTIPLE_OF_ADDED,
                "/multipleOf",
                format!("multipleOf {} added", num(b)),
            ),
            (Some(a), None) => push(
                out,
                MULTIPLE_OF_REMOVED,
                "/multipleOf",
                format!("multipleOf {} removed", num(a)),
            ),
            (Some(a), Some(b)) if a != b => {
                let (kind, how) = if divides(a, b) {
                    (MULTIPLE_OF_REDUCED, "reduced")
                } else if divides(b, a) {
                    (MULTIPLE_OF_EXPANDED, "expanded")
                } else {
                    (MULTIPLE_OF_CHANGED, "changed")
                };
                push(
                    out,
                    kind,
                    "/multipleOf",
                    format!("multipleOf {how} from {} to {}", num(a), num(b)),
                );
            }
            _ => {}
        }
    }

    fn eff(&self, v: V, e: Extra) -> Eff {
        match e {
            Extra::Absent | Extra::Bool(true) => Eff::Open,
            Extra::Bool(false) => Eff::Closed,
            Extra::Schema(id) => {
                let s = v.child(id);
                if self.is_false(s) {
                    Eff::Closed
                } else if self.is_empty(s) {
                    Eff::Open
                } else {
                    Eff::Schema(s)
                }
            }
        }
    }

    fn object_model(&self, v: V, b: &Body) -> Model {
        let ap = self.eff(v, b.additional_properties);
        let up = self.eff(v, b.unevaluated_properties);
        match (ap, up) {
            (Eff::Open, Eff::Open) if b.pattern_properties.is_empty() => Model::Open,
            (Eff::Schema(_), _) | (_, Eff::Schema(_)) => Model::Partial,
            _ if !b.pattern_properties.is_empty() => Model::Partial,
            _ => Model::Closed,
        }
    }

    /// The schema a property named `name` falls under when `properties` does not list it.
    fn property_cover(&self, v: V, b: &Body, name: &str) -> V {
        for pp in &b.pattern_properties {
            if pp
                .regex
                .as_ref()
                .is_some_and(|r| r.is_match(name).unwrap_or(false))
            {
                return v.child(pp.schema);
            }
        }
        self.rest(v, b.additional_properties, b.unevaluated_properties)
    }

    /// What `additional` (else `unevaluated`) allows, as a schema.
    fn rest(&self, v: V, additional: Extra, unevaluated: Extra) -> V {
        match self.eff(v, additional) {
            Eff::Schema(s) => s,
            Eff::Closed => v.child(FALSE),
            Eff::Open => match self.eff(v, unevaluated) {
                Eff::Schema(s) => s,
                Eff::Closed => v.child(FALSE),
                Eff::Open => v.child(TRUE),
            },
        }
    }

    /// additionalProperties / unevaluatedProperties / additionalItems / unevaluatedItems.
    /// `kinds` = [added, removed, extended, narrowed].
    #[allow(clippy::too_many_arguments)]
    fn extra(&mut self, out: &mut Out, kw: &str, o: V, a: Extra, u: V, b: Extra, kinds: [Kind; 4]) {
        if a == Extra::Absent && b == Extra::Absent {
            return;
        }
        let path = format!("/{kw}");
        match (self.eff(o, a), self.eff(u, b)) {
            (Eff::Open, Eff::Open) | (Eff::Closed, Eff::Closed) => {}
            (Eff::Closed, _) => push(
                out,
                kinds[0],
                path,
                format!("{kw} was false; extra members are allowed now"),
            ),
            (_, Eff::Closed) => push(
                out,
                kinds[1],
                path,
                format!("{kw} is false now; extra members are rejected"),
            ),
            (Eff::Schema(_), Eff::Open) => push(
                out,
                kinds[2],
                path,
                format!("{kw} schema removed: extra members may be anything now"),
            ),
            (Eff::Open, Eff::Schema(_)) => push(
                out,
                kinds[3],
                path,
                format!("{kw} schema added: extra members were unrestricted"),
            ),
            (Eff::Schema(x), Eff::Schema(y)) => self.sub(out, &path, x, y),
        }
    }

    fn objects(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        use Kind::*;
        let oprops: FxMap<&str, NodeId> = ob
            .properties
            .iter()
            .map(|(n, id)| (n.as_str(), *id))
            .collect();
        let uprops: FxMap<&str, NodeId> = ub
            .properties
            .iter()
            .map(|(n, id)| (n.as_str(), *id))
            .collect();
        let omodel = self.object_model(o, ob);
        let umodel = self.object_model(u, ub);

        for (name, oid) in &ob.properties {
            let ov = o.child(*oid);
            if let Some(uid) = uprops.get(name.as_str()) {
                let r = self.compare(ov, u.child(*uid), true);
                if !self.trivial(&r) {
                    self.link(out, &format!("/properties/{}", escape(name)), r);
                }
                continue;
            }
            let path = format!("/properties/{}", escape(name));
            match umodel {
                Model::Open => push(
                    out,
                    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL,
                    path,
                    format!("property \"{name}\" removed (the object stays open)"),
                ),
                Model::Partial => {
                    let cover = self.property_cover(u, ub, name);
                    let r = self.compare(ov, cover, false);
                    if self.ok(&r) {
                        push(
                            out,
                            PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            path,
                            format!(
                                "property \"{name}\" removed; its values are still accepted by the additional/pattern properties schema"
                            ),
                        );
                    } else {
                        push(
                            out,
                            PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            path.clone(),
                            format!(
                                "property \"{name}\" removed; the additional/pattern properties schema does not accept its values"
                            ),
                        );
                        self.link(out, &path, r);
                    }
                }
                Model::Closed if self.is_false(ov) => push(
                    out,
                    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    path,
                    format!("property \"{name}\" (schema false) removed from a closed object"),
                ),
                Model::Closed => push(
                    out,
                    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    path,
                    format!(
                        "property \"{name}\" removed from a closed object: data that has it is rejected"
                    ),
                ),
            }
        }

        for (name, uid) in &ub.properties {
            if oprops.contains_key(name.as_str()) {
                continue;
            }
            let path = format!("/properties/{}", escape(name));
            let uv = u.child(*uid);
            let required = ub.required.contains(name);
            let with_default = self.has_default(uv);
            let unopen_required = |out: &mut Out| {
                if with_default {
                    push(
                        out,
                        REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL,
                        format!("/properties/{}", escape(name)),
                        format!(
                            "required property \"{name}\" with a default added to a {} object",
                            omodel.name()
                        ),
                    );
                } else {
                    push(
                        out,
                        REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL,
                        format!("/properties/{}", escape(name)),
                        format!(
                            "required property \"{name}\" without a default added to a {} object: earlier data lacks it",
                            omodel.name()
                        ),
                    );
                }
            };
            match omodel {
                Model::Open if required && with_default => push(
                    out,
                    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
                    path,
                    format!("required property \"{name}\" with a default added to an open object"),
                ),
                Model::Open if required => push(
                    out,
                    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
                    path,
                    format!(
                        "required property \"{name}\" without a default added to an open object: earlier data lacks it or may hold anything under that name"
                    ),
                ),
                Model::Open if self.is_empty(uv) => push(
                    out,
                    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
                    path,
                    format!("property \"{name}\" with an empty schema added to an open object"),
                ),
                Model::Open => push(
                    out,
                    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
                    path,
                    format!(
                        "optional property \"{name}\" added to an open object: earlier data may hold any value under that name"
                    ),
                ),
                Model::Partial => {
                    let cover = self.property_cover(o, ob, name);
                    let r = self.compare(cover, uv, false);
                    if self.ok(&r) {
                        push(
                            out,
                            PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            path,
                            format!(
                                "property \"{name}\" added; the original additional/pattern properties schema already constrained it compatibly"
                            ),
                        );
                    } else {
                        push(
                            out,
                            PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            path.clone(),
                            format!(
                                "property \"{name}\" added; it is not compatible with the original additional/pattern properties schema"
                            ),
                        );
                        self.link(out, &path, r);
                    }
                    if required {
                        unopen_required(out);
                    }
                }
                Model::Closed if required => unopen_required(out),
                Model::Closed => push(
                    out,
                    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL,
                    path,
                    format!("optional property \"{name}\" added to a closed object"),
                ),
            }
        }

        // required, for properties that are not added (added ones were judged above)
        let added = |n: &str| uprops.contains_key(n) && !oprops.contains_key(n);
        let removed = |n: &str| oprops.contains_key(n) && !uprops.contains_key(n);
        let req_path = |n: &str| {
            if uprops.contains_key(n) {
                format!("/properties/{}", escape(n))
            } else {
                "/required".to_string()
            }
        };
        for name in ub.required.difference(&ob.required) {
            if added(name) {
                continue;
            }
            let with_default = uprops
                .get(name.as_str())
                .is_some_and(|id| self.has_default(u.child(*id)));
            if with_default {
                push(
                    out,
                    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED,
                    req_path(name),
                    format!("property \"{name}\" is required now (it has a default)"),
                );
            } else {
                push(
                    out,
                    REQUIRED_ATTRIBUTE_ADDED,
                    req_path(name),
                    format!("property \"{name}\" is required now: earlier data may lack it"),
                );
            }
        }
        for name in ob.required.difference(&ub.required) {
            if removed(name) {
                continue;
            }
            push(
                out,
                REQUIRED_ATTRIBUTE_REMOVED,
                req_path(name),
                format!("property \"{name}\" is optional now"),
            );
        }

        self.extra(
            out,
            "additionalProperties",
            o,
            ob.additional_properties,
            u,
            ub.additional_properties,
            [
                ADDITIONAL_PROPERTIES_ADDED,
                ADDITIONAL_PROPERTIES_REMOVED,
                ADDITIONAL_PROPERTIES_EXTENDED,
                ADDITIONAL_PROPERTIES_NARROWED,
            ],
        );
        self.extra(
            out,
            "unevaluatedProperties",
            o,
            ob.unevaluated_properties,
            u,
            ub.unevaluated_properties,
            [
                UNEVALUATED_PROPERTIES_ADDED,
                UNEVALUATED_PROPERTIES_REMOVED,
                UNEVALUATED_PROPERTIES_EXTENDED,
                UNEVALUATED_PROPERTIES_NARROWED,
            ],
        );
        for pp in &ob.pattern_properties {
            let path = format!("/patternProperties/{}", escape(&pp.pattern));
            match ub
                .pattern_properties
                .iter()
                .find(|q| q.pattern == pp.pattern)
            {
                Some(q) => self.sub(out, &path, o.child(pp.schema), u.child(q.schema)),
                None => push(
                    out,
                    SCHEMA_REMOVED,
                    path,
                    format!("pattern property \"{}\" removed", pp.pattern),
                ),
            }
        }
        for q in &ub.pattern_properties {
            if !ob
                .pattern_properties
                .iter()
                .any(|pp| pp.pattern == q.pattern)
            {
                push(
                    out,
                    SCHEMA_ADDED,
                    format!("/patternProperties/{}", escape(&q.pattern)),
                    format!("pattern property \"{}\" added", q.pattern),
                );
            }
        }
        self.opt_sub(
            out,
            "/propertyNames",
            o,
            ob.property_names,
            u,
            ub.property_names,
            "propertyNames schema",
        );
        Self::bound(
            out,
            "maxProperties",
            ob.max_properties,
            ub.max_properties,
            [
                MAX_PROPERTIES_ADDED,
                MAX_PROPERTIES_REMOVED,
                MAX_PROPERTIES_INCREASED,
                MAX_PROPERTIES_DECREASED,
            ],
        );
        Self::bound(
            out,
            "minProperties",
            ob.min_properties,
            ub.min_properties,
            [
                MIN_PROPERTIES_ADDED,
                MIN_PROPERTIES_REMOVED,
                MIN_PROPERTIES_INCREASED,
                MIN_PROPERTIES_DECREASED,
            ],
        );
        self.dependencies(out, o, ob, u, ub);
    }

    fn dependencies(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        use Kind::*;
        for (name, a, okw) in &ob.dependent_required {
            let Some((_, b, ukw)) = ub.dependent_required.iter().find(|d| &d.0 == name) else {
                push(
                    out,
                    DEPENDENCY_ARRAY_REMOVED,
                    format!("/{okw}/{}", escape(name)),
                    format!(
                        "properties required with \"{name}\" ({}) no longer required",
                        a.join(", ")
                    ),
                );
                continue;
            };
            let a: BTreeSet<&String> = a.iter().collect();
            let b: BTreeSet<&String> = b.iter().collect();
            let path = format!("/{ukw}/{}", escape(name));
            let desc = |how: &str| {
                format!(
                    "properties required with \"{name}\" {how}: [{}] → [{}]",
                    a.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
                    b.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                )
            };
            if a == b {
            } else if b.is_subset(&a) {
                push(out, DEPENDENCY_ARRAY_NARROWED, path, desc("narrowed"));
            } else if a.is_subset(&b) {
                push(out, DEPENDENCY_ARRAY_EXTENDED, path, desc("extended"));
            } else {
                push(out, DEPENDENCY_ARRAY_CHANGED, path, desc("changed"));
            }
        }
        for (name, b, ukw) in &ub.dependent_required {
            if !ob.dependent_required.iter().any(|d| &d.0 == name) {
                push(
                    out,
                    DEPENDENCY_ARRAY_ADDED,
                    format!("/{ukw}/{}", escape(name)),
                    format!(
                        "properties {} are required with \"{name}\" now",
                        b.join(", ")
                    ),
                );
            }
        }
        for (name, a, okw) in &ob.dependent_schemas {
            match ub.dependent_schemas.iter().find(|d| &d.0 == name) {
                Some((_, b, ukw)) => self.sub(
                    out,
                    &format!("/{ukw}/{}", escape(name)),
                    o.child(*a),
                    u.child(*b),
                ),
                None => push(
                    out,
                    DEPENDENCY_SCHEMA_REMOVED,
                    format!("/{okw}/{}", escape(name)),
                    format!("schema dependency on \"{name}\" removed"),
                ),
            }
        }
        for (name, _, ukw) in &ub.dependent_schemas {
            if !ob.dependent_schemas.iter().any(|d| &d.0 == name) {
                push(
                    out,
                    DEPENDENCY_SCHEMA_ADDED,
                    format!("/{ukw}/{}", escape(name)),
                    format!("schema dependency on \"{name}\" added"),
                );
            }
        }
    }

    fn arrays(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        use Kind::*;
        if ob.prefix_items.is_empty() && ub.prefix_items.is_empty() {
            self.opt_sub(out, "/items", o, ob.items, u, ub.items, "items schema");
        } else {
            self.tuples(out, o, ob, u, ub);
        }
        self.extra(
            out,
            "unevaluatedItems",
            o,
            ob.unevaluated_items,
            u,
            ub.unevaluated_items,
            [
                UNEVALUATED_ITEMS_ADDED,
                UNEVALUATED_ITEMS_REMOVED,
                UNEVALUATED_ITEMS_EXTENDED,
                UNEVALUATED_ITEMS_NARROWED,
            ],
        );
        self.opt_sub(
            out,
            "/contains",
            o,
            ob.contains,
            u,
            ub.contains,
            "contains schema",
        );
        Self::bound(
            out,
            "maxItems",
            ob.max_items,
            ub.max_items,
            [
                MAX_ITEMS_ADDED,
                MAX_ITEMS_REMOVED,
                MAX_ITEMS_INCREASED,
                MAX_ITEMS_DECREASED,
            ],
        );
        Self::bound(
            out,
            "minItems",
            ob.min_items,
            ub.min_items,
            [
                MIN_ITEMS_ADDED,
                MIN_ITEMS_REMOVED,
                MIN_ITEMS_INCREASED,
                MIN_ITEMS_DECREASED,
            ],
        );
        Self::bound(
            out,
            "maxContains",
            ob.max_contains,
            ub.max_contains,
            [
                MAX_CONTAINS_ADDED,
                MAX_CONTAINS_REMOVED,
                MAX_CONTAINS_INCREASED,
                MAX_CONTAINS_DECREASED,
            ],
        );
        Self::bound(
            out,
            "minContains",
            ob.min_contains,
            ub.min_contains,
            [
                MIN_CONTAINS_ADDED,
                MIN_CONTAINS_REMOVED,
                MIN_CONTAINS_INCREASED,
                MIN_CONTAINS_DECREASED,
            ],
        );
        match (ob.unique_items, ub.unique_items) {
            (false, true) => push(
                out,
                UNIQUE_ITEMS_ADDED,
                "/uniqueItems",
                "uniqueItems added: items must be unique now",
            ),
            (true, false) => push(
                out,
                UNIQUE_ITEMS_REMOVED,
                "/uniqueItems",
                "uniqueItems removed",
            ),
            _ => {}
        }
    }

    /// Tuple validation (`prefixItems`, or `items` as an array). A list (`items` as one schema)
    /// on one side counts as an empty tuple whose rest is that schema.
    fn tuples(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        use Kind::*;
        struct Tuple<'b> {
            prefix: &'b [NodeId],
            keyword: &'static str,
            rest: Extra,
            rest_keyword: &'static str,
        }
        let tuple = |b: &'a Body| {
            if b.prefix_items.is_empty() {
                Tuple {
                    prefix: &[],
                    keyword: "prefixItems",
                    rest: b.items.map_or(Extra::Absent, Extra::Schema),
                    rest_keyword: "items",
                }
            } else {
                Tuple {
                    prefix: &b.prefix_items,
                    keyword: b.prefix_keyword,
                    rest: b.additional_items,
                    rest_keyword: b.additional_items_keyword,
                }
            }
        };
        let (ot, ut) = (tuple(ob), tuple(ub));
        let model = |s: &Self, v: V, t: &Tuple, b: &Body| match (
            s.eff(v, t.rest),
            s.eff(v, b.unevaluated_items),
        ) {
            (Eff::Open, Eff::Open) => Model::Open,
            (Eff::Schema(_), _) | (_, Eff::Schema(_)) => Model::Partial,
            _ => Model::Closed,
        };
        let omodel = model(self, o, &ot, ob);
        let umodel = model(self, u, &ut, ub);
        let n = ot.prefix.len().max(ut.prefix.len());
        for i in 0..n {
            match (ot.prefix.get(i), ut.prefix.get(i)) {
                (Some(a), Some(b)) => self.sub(
                    out,
                    &format!("/{}/{i}", ut.keyword),
                    o.child(*a),
                    u.child(*b),
                ),
                (None, Some(b)) => {
                    let path = format!("/{}/{i}", ut.keyword);
                    let uv = u.child(*b);
                    match omodel {
                        Model::Open if self.is_empty(uv) => push(
                            out,
                            ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
                            path,
                            format!("tuple item {i} with an empty schema added"),
                        ),
                        Model::Open => push(
                            out,
                            ITEM_ADDED_TO_OPEN_CONTENT_MODEL,
                            path,
                            format!(
                                "tuple item {i} added to an open tuple: earlier data may hold anything there"
                            ),
                        ),
                        Model::Partial => {
                            let cover = self.rest(o, ot.rest, ob.unevaluated_items);
                            let r = self.compare(cover, uv, false);
                            if self.ok(&r) {
                                push(
                                    out,
                                    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                                    path,
                                    format!(
                                        "tuple item {i} added; the original additional items schema already constrained it compatibly"
                                    ),
                                );
                            } else {
                                push(
                                    out,
                                    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                                    path.clone(),
                                    format!(
                                        "tuple item {i} added; it is not compatible with the original additional items schema"
                                    ),
                                );
                                self.link(out, &path, r);
                            }
                        }
                        Model::Closed => push(
                            out,
                            ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
                            path,
                            format!("tuple item {i} added to a closed tuple"),
                        ),
                    }
                }
                (Some(a), None) => {
                    let path = format!("/{}/{i}", ot.keyword);
                    let ov = o.child(*a);
                    match umodel {
                        Model::Open => push(
                            out,
                            ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
                            path,
                            format!("tuple item {i} removed (the tuple stays open)"),
                        ),
                        Model::Partial => {
                            let cover = self.rest(u, ut.rest, ub.unevaluated_items);
                            let r = self.compare(ov, cover, false);
                            if self.ok(&r) {
                                push(
                                    out,
                                    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                                    path,
                                    format!(
                                        "tuple item {i} removed; the additional items schema still accepts it"
                                    ),
                                );
                            } else {
                                push(
                                    out,
                                    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                                    path.clone(),
                                    format!(
                                        "tuple item {i} removed; the additional items schema does not accept it"
                                    ),
                                );
                                self.link(out, &path, r);
                            }
                        }
                        Model::Closed if self.is_false(ov) => push(
                            out,
                            ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                            path,
                            format!("tuple item {i} (schema false) removed from a closed tuple"),
                        ),
                        Model::Closed => push(
                            out,
                            ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                            path,
                            format!(
                                "tuple item {i} removed from a closed tuple: data that has it is rejected"
                            ),
                        ),
                    }
                }
                (None, None) => {}
            }
        }
        let kw = if ut.rest == Extra::Absent {
            ot.rest_keyword
        } else {
            ut.rest_keyword
        };
        self.extra(
            out,
            kw,
            o,
            ot.rest,
            u,
            ut.rest,
            [
                ADDITIONAL_ITEMS_ADDED,
                ADDITIONAL_ITEMS_REMOVED,
                ADDITIONAL_ITEMS_EXTENDED,
                ADDITIONAL_ITEMS_NARROWED,
            ],
        );
    }

    /// The subschemas of combinator `c` in `b`.
    fn branches(&self, v: V, b: &Body, c: Crit) -> Vec<Branch> {
        b.combinator(c)
            .map(|ids| {
                ids.iter()
                    .enumerate()
                    .map(|(i, id)| Branch {
                        v: v.child(*id),
                        at: Some((c.keyword(), i)),
                        meta: true,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A plain schema standing in for combinator `c`: one branch, or for a sum one branch per type
    /// of a multi-type schema (`["string", "null"]` ≡ anyOf[string, null]).
    fn expand(&self, v: V, b: &Body, c: Crit) -> Vec<Branch> {
        let types = eff_types(b, v.only);
        match types {
            Some(t) if c != Crit::All && t.count_ones() > 1 => (0..7)
                .map(|bit| 1u8 << bit)
                .filter(|bit| t & bit != 0)
                .map(|bit| Branch {
                    v: V { only: bit, ..v },
                    at: None,
                    meta: false,
                })
                .collect(),
            _ => vec![Branch {
                v,
                at: None,
                meta: false,
            }],
        }
    }

    /// Compares the subschemas of two combinators of kind `c`: sizes, then a maximum-cardinality
    /// matching of original to update subschemas along compatible pairs.
    fn combined(&mut self, out: &mut Out, c: Crit, path: &str, obr: Vec<Branch>, ubr: Vec<Branch>) {
        let (n, m) = (obr.len(), ubr.len());
        let kw = c.keyword();
        let product = c == Crit::All;
        if n < m {
            let kind = if product {
                Kind::PRODUCT_TYPE_EXTENDED
            } else {
                Kind::SUM_TYPE_EXTENDED
            };
            let how = if product {
                "every one must hold"
            } else {
                "more alternatives are accepted"
            };
            push(
                out,
                kind,
                path,
                format!("{kw} grew from {n} to {m} subschemas ({how})"),
            );
        } else if n > m {
            let kind = if product {
                Kind::PRODUCT_TYPE_NARROWED
            } else {
                Kind::SUM_TYPE_NARROWED
            };
            let how = if product {
                "fewer must hold"
            } else {
                "fewer alternatives are accepted"
            };
            push(
                out,
                kind,
                path,
                format!("{kw} shrank from {n} to {m} subschemas ({how})"),
            );
        }
        if n == m {
            // the usual case, nothing changed position by position: no matching needed
            let unchanged = obr.iter().zip(&ubr).all(|(ob, ub)| {
                let r = self.compare(ob.v, ub.v, ob.meta && ub.meta);
                self.trivial(&r)
            });
            if unchanged {
                return;
            }
        }
        let mut results: Vec<Vec<Option<Sub>>> = Vec::with_capacity(n);
        for ob in &obr {
            let row = ubr
                .iter()
                .map(|ub| Some(self.compare(ob.v, ub.v, ob.meta && ub.meta)))
                .collect();
            results.push(row);
        }
        let get = |results: &Vec<Vec<Option<Sub>>>, i: usize, j: usize| {
            results[i][j].as_ref().map(|s| (self.ok(s), self.size(s)))
        };
        // edges: compatible pairs, the fewest differences and the same position first
        let adj: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let mut js: Vec<(usize, usize)> = (0..m)
                    .filter_map(|j| match get(&results, i, j) {
                        Some((true, size)) => Some((j, size)),
                        _ => None,
                    })
                    .collect();
                js.sort_by_key(|&(j, size)| (size, i.abs_diff(j)));
                js.into_iter().map(|(j, _)| j).collect()
            })
            .collect();
        let matched = max_matching(&adj, m);
        let size = matched.iter().filter(|x| x.is_some()).count();
        if size < n.min(m) {
            let unmatched_o: Vec<usize> = (0..n).filter(|i| !matched.contains(&Some(*i))).collect();
            let unmatched_u: Vec<usize> = (0..m).filter(|j| matched[*j].is_none()).collect();
            push(
                out,
                Kind::COMBINED_TYPE_SUBSCHEMAS_CHANGED,
                path,
                format!(
                    "{kw}: original subschema(s) {} have no compatible counterpart in the update",
                    unmatched_o
                        .iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            // the unmatched ones side by side, to show what differs
            for (&i, &j) in unmatched_o.iter().zip(&unmatched_u) {
                if let Some(r) = results[i][j].take()
                    && !self.trivial(&r)
                {
                    self.link(out, &ubr[j].path(), r);
                }
            }
        }
        for (j, i) in matched.iter().enumerate() {
            if let Some(r) = i.and_then(|i| results[i][j].take())
                && !self.trivial(&r)
            {
                self.link(out, &ubr[j].path(), r);
            }
        }
    }

    fn combinators(&mut self, out: &mut Out, o: V, ob: &'a Body, u: V, ub: &'a Body) {
        if let (Some(a), Some(b)) = (ob.single_combinator(), ub.single_combinator())
            && a != b
        {
            if b == Crit::Any {
                push(
                    out,
                    Kind::COMBINED_TYPE_EXTENDED,
                    "/anyOf",
                    format!("{} changed to anyOf", a.keyword()),
                );
                let obr = self.branches(o, ob, a);
                let ubr = self.branches(u, ub, b);
                self.combined(out, Crit::Any, "/anyOf", obr, ubr);
            } else {
                push(
                    out,
                    Kind::COMBINED_TYPE_CHANGED,
                    format!("/{}", b.keyword()),
                    format!("{} changed to {}", a.keyword(), b.keyword()),
                );
            }
            return;
        }
        for c in Crit::ALL {
            if ob.combinator(c).is_none() && ub.combinator(c).is_none() {
                continue;
            }
            let kw = c.keyword();
            let path = format!("/{kw}");
            match (ob.combinator(c).is_some(), ub.combinator(c).is_some()) {
                (true, true) => {
                    let obr = self.branches(o, ob, c);
                    let ubr = self.branches(u, ub, c);
                    self.combined(out, c, &path, obr, ubr);
                }
                (true, false) if c == Crit::All => {
                    push(out, Kind::PRODUCT_TYPE_NARROWED, path, "allOf removed")
                }
                (true, false) => push(
                    out,
                    Kind::SUM_TYPE_EXTENDED,
                    path,
                    format!("{kw} removed: its alternatives no longer restrict values"),
                ),
                (false, true) if c == Crit::All => push(
                    out,
                    Kind::PRODUCT_TYPE_EXTENDED,
                    path,
                    "allOf added: its subschemas must all hold now",
                ),
                (false, true) => push(
                    out,
                    Kind::SUM_TYPE_NARROWED,
                    path,
                    format!("{kw} added: values must match its alternatives now"),
                ),
                (false, false) => {}
            }
        }
    }

    /// `not` is compared in reverse: `not A` → `not B` is compatible when B → A is.
    fn not(&mut self, out: &mut Out, o: V, ob: &Body, u: V, ub: &Body) {
        match (ob.not, ub.not) {
            (Some(a), Some(b)) => {
                let (ov, uv) = (o.child(a), u.child(b));
                let (_, om) = self.graph(ov).deref(ov.id);
                let (_, um) = self.graph(uv).deref(uv.id);
                self.meta(out, "/not", &om, &um);
                let reverse = self.compare(uv, ov, false);
                if !self.changed(&reverse) {
                    return;
                }
                let detail = self
                    .collect("/not", &reverse)
                    .iter()
                    .filter(|d| !d.kind.is_metadata())
                    .map(|d| format!("{} at #{}", d.kind.name(), d.path))
                    .collect::<Vec<_>>()
                    .join(", ");
                if self.ok(&reverse) {
                    push(
                        out,
                        Kind::NOT_TYPE_NARROWED,
                        "/not",
                        format!(
                            "the schema under not matches fewer values, so more are accepted (reverse check: {detail})"
                        ),
                    );
                } else {
                    push(
                        out,
                        Kind::NOT_TYPE_EXTENDED,
                        "/not",
                        format!(
                            "the schema under not matches other or more values, so values accepted before are rejected (reverse check: {detail})"
                        ),
                    );
                }
            }
            (None, Some(_)) => push(
                out,
                Kind::NOT_TYPE_EXTENDED,
                "/not",
                "not added: values matching it are rejected now",
            ),
            (Some(_), None) => push(out, Kind::NOT_TYPE_NARROWED, "/not", "not removed"),
            (None, None) => {}
        }
    }

    /// if / then / else: the branches compared as subschemas; a changed condition is a change of
    /// which branch applies.
    fn conditional(&mut self, out: &mut Out, o: V, ob: &Body, u: V, ub: &Body) {
        match (ob.if_, ub.if_) {
            (Some(a), Some(b)) => {
                let r = self.compare(o.child(a), u.child(b), false);
                if self.changed(&r) {
                    push(
                        out,
                        Kind::COMBINED_TYPE_SUBSCHEMAS_CHANGED,
                        "/if",
                        "the if condition changed: then/else apply to different values now",
                    );
                }
            }
            (None, Some(_)) => push(
                out,
                Kind::SCHEMA_ADDED,
                "/if",
                "if/then/else condition added",
            ),
            (Some(_), None) => push(
                out,
                Kind::SCHEMA_REMOVED,
                "/if",
                "if/then/else condition removed",
            ),
            (None, None) => {}
        }
        self.opt_sub(out, "/then", o, ob.then_, u, ub.then_, "then schema");
        self.opt_sub(out, "/else", o, ob.else_, u, ub.else_, "else schema");
    }
}

/// Maximum-cardinality bipartite matching (augmenting paths). `adj[i]` lists the right-hand
/// vertices left vertex `i` may take, in order of preference. Returns, per right vertex, its match.
fn max_matching(adj: &[Vec<usize>], m: usize) -> Vec<Option<usize>> {
    fn augment(
        i: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        matched: &mut [Option<usize>],
    ) -> bool {
        for &j in &adj[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            if matched[j].is_none_or(|k| augment(k, adj, seen, matched)) {
                matched[j] = Some(i);
                return true;
            }
        }
        false
    }
    let mut matched = vec![None; m];
    for i in 0..adj.len() {
        let mut seen = vec![false; m];
        augment(i, adj, &mut seen, &mut matched);
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::max_matching;

    #[test]
    fn matching_takes_augmenting_paths() {
        // 0 prefers 0, but 1 can only take 0: the maximum matching moves 0 to 1
        let adj = vec![vec![0, 1], vec![0]];
        assert_eq!(max_matching(&adj, 2), vec![Some(1), Some(0)]);
        let adj = vec![vec![0], vec![0], vec![]];
        assert_eq!(max_matching(&adj, 2).iter().flatten().count(), 1);
    }
}
