//! Generates Ably's catalogue into `OUT_DIR`, exactly as any crate does.
fn main() {
    error_catalogue_build::Builder::new()
        .file("errors.toml")
        .run_build_script();
}
