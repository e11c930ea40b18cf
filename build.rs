//! Generates the catalogue's tables from `errors.toml` (or `ERROR_CATALOGUE_TOML`),
//! and copies the build crate's inline-Markdown tokenizer for the renderers.
fn main() {
    error_catalogue_build::Builder::new()
        .entry_consts(std::env::var_os("CARGO_FEATURE_ENTRY_CONSTS").is_some())
        .run_build_script();
    if let Some(out) = std::env::var_os("OUT_DIR") {
        let path = std::path::Path::new(&out).join("inline_markup.rs");
        if let Err(err) = std::fs::write(&path, error_catalogue_build::markup::INLINE_SOURCE) {
            println!("cargo::error=cannot write {}: {err}", path.display());
        }
    }
}
