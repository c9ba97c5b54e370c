//! Paging across several pages, laziness, and how iteration ends.
mod common;

use common::*;
use httpmock::Method::GET;
use httpmock::{Mock, MockServer};
use serde_json::json;
use zexa::{ErrorKind, ListContacts};

/// Three pages of `per_page` 2 over 5 contacts: cnt_1..cnt_5.
fn five_contacts(server: &MockServer) -> [Mock<'_>; 3] {
    let page_mock = |n: u32, ids: &[&str]| {
        let data = ids.iter().map(|id| contact(id)).collect();
        let body = page(data, 5, n, 2);
        let n = n.to_string();
        server.mock(move |when, then| {
            query_exact(req(when, GET, "/contacts"), &[("page", &n), ("per_page", "2")]);
            json(then, 200, body);
        })
    };
    [
        page_mock(1, &["cnt_1", "cnt_2"]),
        page_mock(2, &["cnt_3", "cnt_4"]),
        page_mock(3, &["cnt_5"]),
    ]
}

fn params() -> ListContacts {
    ListContacts::new().per_page(2u32)
}

#[test]
fn iter_walks_every_page_once() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let ids: Vec<String> = client(&server)
        .contacts()
        .iter(&params())
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["cnt_1", "cnt_2", "cnt_3", "cnt_4", "cnt_5"]);
    for m in &mocks {
        m.assert_calls(1);
    }
}

#[test]
fn iter_fetches_nothing_before_the_first_item_is_asked_for() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let c = client(&server);
    let iter = c.contacts().iter(&params());
    assert_eq!(mocks[0].calls(), 0);
    drop(iter);
    assert_eq!(mocks[0].calls(), 0);
}

#[test]
fn iter_is_lazy_page_2_is_not_fetched_for_the_first_page_items() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let c = client(&server);
    let mut iter = c.contacts().iter(&params());
    let first_two: Vec<String> = iter.by_ref().take(2).map(|c| c.unwrap().id).collect();
    assert_eq!(first_two, ["cnt_1", "cnt_2"]);
    assert_eq!(mocks[0].calls(), 1);
    assert_eq!(
        mocks[1].calls(),
        0,
        "page 2 must not be fetched before it is needed"
    );
    assert_eq!(iter.next().unwrap().unwrap().id, "cnt_3");
    assert_eq!(mocks[1].calls(), 1);
    assert_eq!(mocks[2].calls(), 0);
}

#[test]
fn page_into_items_next_page_and_has_next_page() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let c = client(&server);
    let p1 = c.contacts().list(&params()).unwrap();
    assert!(p1.has_next_page());
    assert_eq!(p1.total_pages(), 3);
    let p2 = p1.next_page().unwrap().unwrap();
    assert_eq!(p2.page, 2);
    assert!(p2.has_next_page());
    let p3 = p2.next_page().unwrap().unwrap();
    assert_eq!(p3.data.len(), 1);
    assert!(!p3.has_next_page());
    assert!(p3.next_page().unwrap().is_none());
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [1, 1, 1]);

    // into_items from page 1: its own items first, later pages lazily.
    let mut items = p1.into_items();
    assert_eq!(items.next().unwrap().unwrap().id, "cnt_1");
    assert_eq!(items.next().unwrap().unwrap().id, "cnt_2");
    assert_eq!(
        mocks[1].calls(),
        1,
        "no fetch until the page's own items are used up"
    );
    let rest: Vec<String> = items.map(|c| c.unwrap().id).collect();
    assert_eq!(rest, ["cnt_3", "cnt_4", "cnt_5"]);
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [1, 2, 2]);
}

#[test]
fn a_for_loop_over_a_page_yields_its_own_items_and_fetches_nothing() {
    // Seen before: `for item in page` walked every later page, with hidden requests.
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let page = client(&server).contacts().list(&params()).unwrap();
    let by_ref: Vec<&str> = (&page).into_iter().map(|c| c.id.as_str()).collect();
    assert_eq!(by_ref, ["cnt_1", "cnt_2"]);
    let mut n = 0;
    for c in page {
        assert!(c.id.starts_with("cnt_"));
        n += 1;
    }
    assert_eq!(n, 2, "only the page's own items");
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [1, 0, 0]);
}

#[test]
fn pages_walks_every_page_lazily() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let mut pages = client(&server).contacts().list(&params()).unwrap().pages();
    let first = pages.next().unwrap().unwrap();
    assert_eq!(first.data.len(), 2);
    assert_eq!(
        mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(),
        [1, 0, 0],
        "nothing fetched ahead"
    );
    let sizes: Vec<usize> = pages.map(|p| p.unwrap().data.len()).collect();
    assert_eq!(sizes, [2, 1]);
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [1, 1, 1]);
}

#[test]
fn iter_is_an_iterator_at_once_and_its_first_item_carries_a_refusal() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let mut iter = client(&server)
        .contacts()
        .iter(&zexa::ListContacts::new().per_page(500));
    let first = iter.next().expect("one item");
    assert_eq!(first.unwrap_err().kind(), zexa::ErrorKind::InvalidInput);
    assert!(iter.next().is_none());
    any.assert_calls(0);
}

#[test]
fn iteration_starts_at_the_requested_page() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let ids: Vec<String> = client(&server)
        .contacts()
        .iter(&params().page(2u32))
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["cnt_3", "cnt_4", "cnt_5"]);
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [0, 1, 1]);
}

#[test]
fn iteration_stops_on_an_empty_page_even_if_total_says_more() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "1"), ("per_page", "2")]);
        json(
            then,
            200,
            page(vec![contact("cnt_1"), contact("cnt_2")], 10, 1, 2),
        );
    });
    let p2 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "2"), ("per_page", "2")]);
        json(then, 200, page(vec![], 10, 2, 2));
    });
    let later = server.mock(|when, then| {
        req(when, GET, "/contacts").query_param("page", "3");
        json(then, 200, page(vec![contact("cnt_x")], 10, 3, 2));
    });
    let ids: Vec<String> = client(&server)
        .contacts()
        .iter(&params())
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["cnt_1", "cnt_2"]);
    p1.assert_calls(1);
    p2.assert_calls(1);
    later.assert_calls(0);
}

#[test]
fn an_error_on_page_2_is_yielded_once_then_iteration_ends() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "1"), ("per_page", "2")]);
        json(then, 200, page(vec![contact("cnt_1"), contact("cnt_2")], 5, 1, 2));
    });
    let p2 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "2"), ("per_page", "2")]);
        json(then, 404, api_error("not_found", "gone"));
    });
    let p3 = server.mock(|when, then| {
        req(when, GET, "/contacts").query_param("page", "3");
        json(then, 200, page(vec![contact("cnt_5")], 5, 3, 2));
    });
    let results: Vec<_> = client(&server).contacts().iter(&params()).collect();
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    let err = results[2].as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    p1.assert_calls(1);
    p2.assert_calls(1);
    p3.assert_calls(0);
}

#[test]
fn iter_keeps_returning_none_after_the_end() {
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let c = client(&server);
    let mut iter = c.contacts().iter(&params());
    for _ in 0..5 {
        iter.next().unwrap().unwrap();
    }
    assert!(iter.next().is_none());
    assert!(iter.next().is_none());
    assert_eq!(mocks.iter().map(|m| m.calls()).collect::<Vec<_>>(), [1, 1, 1]);
}

#[test]
fn per_page_from_meta_drives_the_next_request() {
    // The server caps per_page at 2 although 100 was asked for: the next request follows meta.
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "1"), ("per_page", "100")]);
        json(then, 200, page(vec![contact("cnt_1"), contact("cnt_2")], 3, 1, 2));
    });
    let p2 = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "2"), ("per_page", "2")]);
        json(
            then,
            200,
            json!({"data": [contact("cnt_3")], "meta": {"total": 3, "page": 2, "per_page": 2}}),
        );
    });
    let n = client(&server)
        .contacts()
        .iter(&ListContacts::new().per_page(100u32))
        .filter(|c| c.is_ok())
        .count();
    assert_eq!(n, 3);
    p1.assert_calls(1);
    p2.assert_calls(1);
}

#[test]
fn a_stale_meta_page_number_does_not_make_the_iterator_loop() {
    // Every page claims to be page 1; the iterator must still ask for 2 then 3, and stop.
    let server = MockServer::start();
    let mocks: Vec<Mock<'_>> = (1..=3u32)
        .map(|n| {
            let body = page(
                vec![contact(&format!("cnt_{n}")), contact(&format!("cnt_{n}b"))],
                5,
                1,
                2,
            );
            let n = n.to_string();
            server.mock(move |when, then| {
                query_exact(req(when, GET, "/contacts"), &[("page", &n), ("per_page", "2")]);
                json(then, 200, body);
            })
        })
        .collect();
    let count = client(&server).contacts().iter(&params()).count();
    assert_eq!(count, 6);
    for m in &mocks {
        m.assert_calls(1);
    }
}

#[test]
fn list_as_decodes_items_into_the_callers_type_with_the_same_paging() {
    #[derive(serde::Deserialize)]
    struct Slim {
        id: String,
    }
    let server = MockServer::start();
    let mocks = five_contacts(&server);
    let c = client(&server);
    let first: zexa::Page<Slim> = c.contacts().list_as(&params()).unwrap();
    assert_eq!(
        first.data.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["cnt_1", "cnt_2"]
    );
    let ids: Vec<String> = first.into_items().map(|s| s.unwrap().id).collect();
    assert_eq!(ids, ["cnt_1", "cnt_2", "cnt_3", "cnt_4", "cnt_5"]);
    let raw: zexa::Page<serde_json::Value> = c.contacts().list_as(&params()).unwrap();
    assert_eq!(raw.data[0]["phone"], "+244923456789");
    assert!(raw.has_next_page());
    mocks[0].assert_calls(2);
    mocks[2].assert_calls(1);
}
