//! Query parsing: money (`parse_money`, `parse_money_in`), regions (`Gazetteer::resolve_query`,
//! `resolve_place`, type-ahead), industries (`Taxonomy::parse_query`, lookup, classify, type-ahead)
//! and folding, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opportunity_matcher::fold::{fold, gram_set};
use opportunity_matcher::gazetteer::Gazetteer;
use opportunity_matcher::money::{format_amount, parse_money, parse_money_in, Bound, Currency, Fx};
use opportunity_matcher::rank::Weights;
use opportunity_matcher::taxonomy::Taxonomy;
use opportunity_matcher::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    let folded = fold(text);
    assert_eq!(fold(&folded), folded, "fold is not idempotent");
    let _ = gram_set(&folded);

    let fx = Fx::default();
    for currency in [Currency::Cny, Currency::Usd] {
        if let Ok(Some(a)) = parse_money_in(text, &fx, currency) {
            assert!(a.min <= a.max, "{a:?}");
            match a.bound {
                Bound::Exact => assert_eq!(a.min, a.max),
                Bound::UpTo => assert_eq!(a.min, 0),
                Bound::AtLeast => assert_eq!(a.max, u64::MAX),
                Bound::Range => {}
            }
            let _ = a.representative();
            for lang in Lang::ALL {
                let _ = format_amount(&a, lang);
            }
        }
    }
    let _ = parse_money(text, &fx);

    let g = Gazetteer::global();
    let q = g.resolve_query(text);
    for note in &q.notes {
        let _ = note.message(g, Lang::En);
    }
    for id in q.regions {
        let _ = g.display_path(id, Lang::ZhHant);
    }
    let p = g.resolve_place(text);
    for note in &p.notes {
        let _ = note.message(g, Lang::ZhHans);
    }
    let _ = g.suggest(text, 8);

    let t = Taxonomy::global();
    let iq = t.parse_query(text);
    let _ = iq.nodes();
    let _ = t.lookup(text);
    let _ = t.classify(text);
    let _ = t.suggest(text, Lang::En, 8);

    let _ = Weights::parse(text);
});
