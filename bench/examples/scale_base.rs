//! The scale study's baseline (`scripts/scale.sh`): the same kind of tiny
//! binary as `scale_probe`, without the catalogue, so their size difference
//! is what linking the catalogue adds.

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let code = black_box(http::StatusCode::from_u16(404)).map(|s| s.as_u16());
    println!("{code:?} {:?}", t.elapsed());
}
