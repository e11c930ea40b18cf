//! `ROUTES`: each method's route trie as nested struct literals, which
//! read as the templates do: a literal segment, then the node after it; a
//! mixed segment as its parts (`[Part::Text("thumbnail."),
//! Part::Param("extension")]`), then the node after it.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::catalogue::Catalogue;
use crate::routes::{self, OwnedPart, TrieNode};

use super::lit;

pub(super) fn tries(catalogue: &Catalogue) -> TokenStream {
    let tries = routes::tries(catalogue);
    let count = Literal::usize_unsuffixed(tries.len());
    let methods = tries.iter().map(|(method, root)| {
        let method = format_ident!("{}", format!("{method:?}"));
        let root = node(catalogue, root);
        quote!(MethodRoutes { method: Method::#method, root: #root })
    });
    quote! {
        /// Each method's route trie: at each node a literal segment is tried
        /// first, then the `mixed` segments in order, then `param`, then
        /// `catch_all` (see `route`).
        #[allow(deprecated)]
        static ROUTES: [MethodRoutes<Endpoint>; #count] = [#(#methods),*];
    }
}

fn node(catalogue: &Catalogue, n: &TrieNode) -> TokenStream {
    let literals = n.literals.iter().map(|(segment, next)| {
        let (segment, next) = (lit(segment), node(catalogue, next));
        quote!(Literal { segment: #segment, node: #next })
    });
    let mixed = n.mixed.iter().map(|(parts, next)| {
        let parts = parts.iter().map(|part| match part {
            OwnedPart::Text(text) => {
                let text = lit(text);
                quote!(Part::Text(#text))
            }
            OwnedPart::Param(name) => {
                let name = lit(name);
                quote!(Part::Param(#name))
            }
        });
        let next = node(catalogue, next);
        quote!(Mixed { parts: &[#(#parts),*], node: #next })
    });
    let child = |c: &Option<Box<TrieNode>>| match c {
        Some(c) => {
            let c = node(catalogue, c);
            quote!(Some(&#c))
        }
        None => quote!(None),
    };
    let (param, catch_all) = (child(&n.param), child(&n.catch_all));
    let route = match &n.route {
        Some((endpoint, base_path)) => {
            let ident = format_ident!("{}", catalogue.endpoints[*endpoint].ident);
            let base_path = lit(base_path);
            quote!(Some(Route { endpoint: Endpoint::#ident, base_path: #base_path }))
        }
        None => quote!(None),
    };
    quote! {
        Node {
            literals: &[#(#literals),*],
            mixed: &[#(#mixed),*],
            param: #param,
            catch_all: #catch_all,
            route: #route,
        }
    }
}
