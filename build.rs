//! Generates Symbl.ai's catalogue from `errors.toml` through the public
//! builder, as any crate would (feature `symbl`; without it, nothing). The
//! scale scripts point it at other files with `ERROR_CATALOGUE_TOML` (and
//! raise the size limit with `ERROR_CATALOGUE_MAX_BYTES`): this build
//! script's own choice, passed to the builder; the builder itself reads no
//! environment variable.
fn main() {
    #[cfg(feature = "symbl")]
    symbl();
}

#[cfg(feature = "symbl")]
fn symbl() {
    println!("cargo::rerun-if-env-changed=ERROR_CATALOGUE_TOML");
    println!("cargo::rerun-if-env-changed=ERROR_CATALOGUE_MAX_BYTES");
    let file = std::env::var_os("ERROR_CATALOGUE_TOML")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "errors.toml".into());
    let mut builder = error_catalogue_build::Builder::new()
        .file(file)
        .entry_consts(std::env::var_os("CARGO_FEATURE_ENTRY_CONSTS").is_some());
    if let Some(limit) = std::env::var("ERROR_CATALOGUE_MAX_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        builder = builder.max_file_bytes(limit);
    }
    builder.run_build_script();
}
