//! Component tests: mount the app in headless Chromium, act on it as a user
//! would, and check the DOM and what reached storage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Mounts the whole app on a fresh page state.
fn mount_app() -> web_sys::Element {
    local_storage().clear().unwrap();
    window().location().set_hash("").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // Leak the handle: the app stays mounted for the rest of the test.
    std::mem::forget(leptos::mount::mount_to(
        root.clone().unchecked_into(),
        kinplan::App,
    ));
    root
}

#[wasm_bindgen_test]
async fn creating_a_case_opens_its_overview_and_autosaves_edits() {
    let root = mount_app();
    assert!(root.text_content().unwrap().contains("No cases yet"));

    // An empty name is refused with an error summary, and nothing is stored.
    find::<HtmlElement>(&root, "form.new-case button[type=submit]").click();
    leptos::task::tick().await;
    assert!(find::<HtmlElement>(&root, ".error-summary")
        .text_content()
        .unwrap()
        .contains("Enter a name for the case"));
    assert_eq!(local_storage().length().unwrap(), 0);

    type_into(&find(&root, "#new-case-label"), "Smith family");
    find::<HtmlElement>(&root, "form.new-case button[type=submit]").click();
    sleep(50).await; // hashchange is dispatched asynchronously
    assert_eq!(
        find::<HtmlElement>(&root, "main h1")
            .text_content()
            .unwrap(),
        "Smith family"
    );
    assert!(window().location().hash().unwrap().starts_with("#/cases/"));

    // Add a child and type a name: it is saved without a Save button.
    find::<HtmlElement>(&root, "#child-add").click();
    leptos::task::tick().await;
    let name: HtmlInputElement = find(&root, "input[id$='-name']");
    type_into(&name, "Amy");
    leptos::task::tick().await;
    assert_eq!(
        find::<HtmlElement>(&root, ".save-status")
            .text_content()
            .unwrap(),
        "Saving…"
    );
    sleep(500).await;
    assert!(find::<HtmlElement>(&root, ".save-status")
        .text_content()
        .unwrap()
        .starts_with("Saved "));

    let id = window()
        .location()
        .hash()
        .unwrap()
        .trim_start_matches("#/cases/")
        .to_string();
    let stored = local_storage()
        .get_item(&format!("kinplan.case.{id}"))
        .unwrap()
        .unwrap();
    let stored = kinplan::domain::packing::unpack(&stored).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        stored["schema_version"],
        kinplan::domain::schema::CURRENT_VERSION
    );
    assert_eq!(stored["case"]["children"][0]["first_name"], "Amy");
    assert!(stored["revision"].as_u64().unwrap() >= 1);
    let index = local_storage().get_item("kinplan.index").unwrap().unwrap();
    assert!(index.contains("Smith family"));
    window().location().set_hash("").unwrap();
    root.remove();
}
