//! Small browser chores the pages share: downloads, reading a chosen file,
//! focus after a redraw, and dates shown in the worker's own time zone.

use chrono::{DateTime, Local, Utc};
use leptos::prelude::{document, request_animation_frame};

use crate::domain::language::dates;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoke after the click has been handled, or Firefox cancels the download.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Reads a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Today's date where the worker is.
pub fn today() -> chrono::NaiveDate {
    Utc::now().with_timezone(&Local).date_naive()
}

/// "22 Nov 2026", in the worker's time zone.
pub fn day(at: DateTime<Utc>) -> String {
    dates::day_month_year(at.with_timezone(&Local).date_naive())
}

/// "22 Nov 2026 at 09:05", in the worker's time zone.
pub fn day_and_time(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local);
    format!(
        "{} at {}",
        dates::day_month_year(local.date_naive()),
        dates::hours_minutes(local.time())
    )
}

/// "09:05", in the worker's time zone.
pub fn time(at: DateTime<Utc>) -> String {
    dates::hours_minutes(at.with_timezone(&Local).time())
}

/// Moves focus to the page's main heading after navigation, so screen
/// reader and keyboard users start at the top of the new page.
pub fn focus_main_heading() {
    if let Some(heading) = leptos::prelude::document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// Moves keyboard focus to the element `id` once it has been drawn: after
/// a click adds a field, or replaces the button that was clicked. In a
/// text area the caret goes to the end, after any words already there.
/// Should `id` not be there (the bin emptied, say), focus goes to the
/// page's heading, never to nowhere.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else {
            return focus_main_heading();
        };
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let end = area.value().encode_utf16().count() as u32;
            let _ = area.focus();
            let _ = area.set_selection_range(end, end);
        } else {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}
