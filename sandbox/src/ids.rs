//! Identifier generation and the deterministic pseudo-random numbers the sandbox uses.
//!
//! IDs are `prefix + 11 base62 characters` of a bijective mix of a per-kind counter, so they
//! look opaque (clients must not parse them) yet are unique and reproducible for one seed.

use std::sync::atomic::{AtomicU64, Ordering};

/// SplitMix64 finaliser: a bijection on `u64` with good avalanche, used for IDs and outcomes.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Maps a hash to `[0, 1)`.
pub fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Encodes `x` as exactly 11 base62 characters (62^11 > 2^64, so the encoding is injective).
pub fn encode11(mut x: u64) -> String {
    let mut buf = [b'0'; 11];
    for slot in buf.iter_mut().rev() {
        *slot = BASE62[(x % 62) as usize];
        x /= 62;
    }
    String::from_utf8(buf.to_vec()).expect("base62 is ascii")
}

/// Per-kind counters that produce the resource IDs of one sandbox state.
#[derive(Debug, Clone)]
pub struct IdGen {
    seed: u64,
    counter: u64,
}

impl IdGen {
    /// A generator whose IDs depend on `seed` only.
    pub fn new(seed: u64) -> Self {
        IdGen { seed, counter: 0 }
    }

    /// The next ID with `prefix` (e.g. `"cnt_"`).
    pub fn next(&mut self, prefix: &str) -> String {
        self.counter += 1;
        // One counter for all kinds keeps every ID distinct even if a prefix is reused.
        let v = mix(self.counter ^ mix(self.seed ^ 0x5A4E_5841));
        let mut s = String::with_capacity(prefix.len() + 11);
        s.push_str(prefix);
        s.push_str(&encode11(v));
        s
    }
}

static GLOBAL_COUNTER: AtomicU64 = AtomicU64::new(1);

/// A fresh ID from a process-wide counter (no locking), for IDs whose timing varies from run
/// to run (requests, webhook events) and so must not shift the seeded resource IDs.
pub fn global_id(prefix: &str) -> String {
    let n = GLOBAL_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut s = String::with_capacity(prefix.len() + 11);
    s.push_str(prefix);
    s.push_str(&encode11(mix(n ^ 0x007E_0E57)));
    s
}

/// A fresh `req_...` request ID.
pub fn request_id() -> String {
    global_id("req_")
}

/// A small deterministic generator (SplitMix64 stream) for fault injection.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Next float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        unit(self.next_u64())
    }
}
