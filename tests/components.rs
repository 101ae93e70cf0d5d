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

/// Resolves after the browser's next animation frame: where focus moves.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
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
    // The summary takes focus, so a screen reader hears it first, and its
    // link goes to the field.
    leptos::task::tick().await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.class_name(), "error-summary");
    find::<HtmlElement>(&root, ".error-summary a").click();
    next_frame().await;
    assert_eq!(document().active_element().unwrap().id(), "new-case-label");

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
    let stored = kinplan::domain::persist::packing::unpack(&stored).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        stored["schema_version"],
        kinplan::domain::persist::schema::CURRENT_VERSION
    );
    assert_eq!(stored["case"]["children"][0]["first_name"], "Amy");
    assert!(stored["revision"].as_u64().unwrap() >= 1);
    let index = local_storage().get_item("kinplan.index").unwrap().unwrap();
    assert!(index.contains("Smith family"));
    window().location().set_hash("").unwrap();
    root.remove();
}

/// Waits until `check` holds, for at most `ms`.
async fn until(ms: i32, check: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    assert!(check(), "not within {ms} ms");
}

fn heading(root: &web_sys::Element) -> String {
    find::<HtmlElement>(root, "main h1").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn a_stored_child_lock_keeps_the_child_in_child_mode_until_the_workers_code() {
    use kinplan::domain::child_voice::child_lock::ChildLock;
    use kinplan::domain::{Case, Child};

    // A case with one child, and child mode already on, as after a reload.
    local_storage().clear().unwrap();
    let mut case = Case::new("Jones family", chrono::Utc::now());
    let child = Child {
        id: uuid::Uuid::new_v4(),
        first_name: "Amy".into(),
        ..Child::default()
    };
    let child_id = child.id;
    case.children.push(child);
    let cases = kinplan::storage::Repository::new(kinplan::storage::BrowserStore);
    cases.create(&case).unwrap();
    kinplan::storage::save_child_lock(&ChildLock::new(case.id, child_id, "2468", [3; 16]).unwrap())
        .unwrap();
    let home = format!("#/cases/{}/child-mode/{child_id}", case.id);
    window().location().set_hash("#/").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    std::mem::forget(leptos::mount::mount_to(
        root.clone().unchecked_into(),
        kinplan::App,
    ));
    until(500, || window().location().hash().unwrap() == home).await;
    assert_eq!(heading(&root), "Amy's houses");
    assert!(root
        .query_selector("header, footer, a[href]")
        .unwrap()
        .is_none());

    // Another address leads straight back.
    window().location().set_hash("#/settings").unwrap();
    sleep(50).await;
    until(500, || window().location().hash().unwrap() == home).await;

    // Amy writes in the House of Worries; it is saved.
    find::<HtmlElement>(&root, ".house-button").click();
    leptos::task::tick().await;
    assert_eq!(heading(&root), "House of Worries");
    find::<HtmlElement>(&root, ".child-add .child-button").click();
    leptos::task::tick().await;
    let text: HtmlInputElement = find(&root, ".child-entry textarea");
    type_into(&text, "the big dog next door");
    sleep(500).await;
    let stored = cases.load_case(case.id).unwrap().case;
    let entry = &stored.documents.three_houses[0].worries.entries[0];
    assert_eq!(entry.text, "the big dog next door");

    // Grown-ups, held for 3 seconds by keyboard, then the code.
    let hold = find::<HtmlElement>(&root, ".grown-ups-button");
    let key = |kind: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap()
    };
    hold.dispatch_event(&key("keydown")).unwrap();
    sleep(3100).await;
    hold.dispatch_event(&key("keyup")).unwrap();
    let code: HtmlInputElement = find(&root, "#grown-up-code");
    type_into(&code, "1111");
    find::<HtmlElement>(&root, ".grown-ups-form button[type=submit]").click();
    leptos::task::tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("That code is not right"));
    assert!(local_storage()
        .get_item("kinplan.child-lock")
        .unwrap()
        .is_some());

    type_into(&find(&root, "#grown-up-code"), "2468");
    find::<HtmlElement>(&root, ".grown-ups-form button[type=submit]").click();
    until(500, || {
        window()
            .location()
            .hash()
            .unwrap()
            .ends_with("/three-houses")
    })
    .await;
    assert!(local_storage()
        .get_item("kinplan.child-lock")
        .unwrap()
        .is_none());
    until(500, || heading(&root) == "Three Houses").await;
    window().location().set_hash("").unwrap();
    root.remove();
}
