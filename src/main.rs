fn main() {
    // Release builds abort on panic without a message (smaller wasm), so
    // the hook only helps in development.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kinplan::App);
}
