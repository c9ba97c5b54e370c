//! A large seeded state starts fast and paginates deep pages directly.

mod common;

use std::time::{Duration, Instant};

use common::{fast, start};
use zexa_sandbox::SandboxConfig;

#[test]
fn hundred_thousand_seeded_contacts() {
    let t = Instant::now();
    let c = start(SandboxConfig {
        seed_contacts: 100_000,
        ..fast()
    });
    // Generous for debug builds on a shared machine; release starts in well under 1 s.
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "started in {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    let r = c.get("/contacts?page=1000&per_page=100");
    assert_eq!(r.status, 200);
    assert_eq!(r.json["meta"]["total"], 100_000);
    let data = r.json["data"].as_array().unwrap();
    assert_eq!(data.len(), 100);
    assert_eq!(data[99]["name"], "Contact 100000");
    let filtered = c.get("/contacts?name=contact%2099999&per_page=100");
    assert_eq!(filtered.json["meta"]["total"], 1);
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "served in {:?}",
        t.elapsed()
    );
}
