//! Generates the catalogue's tables from `errors.toml` (or `ERROR_CATALOGUE_TOML`).
fn main() {
    error_catalogue_build::Builder::new()
        .entry_consts(std::env::var_os("CARGO_FEATURE_ENTRY_CONSTS").is_some())
        .run_build_script();
}
