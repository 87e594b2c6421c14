//! The generator on real Chinese paragraphs: determinism, the truth kept
//! whole, every injected line recorded, and each kind doing what it says.

use taojin_noise::page::Style;
use taojin_noise::{score, ByteEncoding, Generated, Generator, NoiseKind, Split, Tally};
use taojin_segment::view::ScriptConverter;

fn paragraphs() -> Vec<String> {
    [
        "国家统计局今天发布数据，今年一季度全国居民人均可支配收入同比增长百分之六点二，扣除价格因素实际增长百分之六。",
        "分城乡看，城镇居民人均可支配收入增长百分之五点三，农村居民人均可支配收入增长百分之七点六，城乡差距继续缩小。",
        "专家表示，随着稳就业政策持续发力，居民收入有望保持平稳增长，消费潜力将进一步释放。",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The kinds that wrap the truth in one site style's furniture.
const FURNISHED: [NoiseKind; 5] = [
    NoiseKind::Portal,
    NoiseKind::Forum,
    NoiseKind::Gov,
    NoiseKind::Blog,
    NoiseKind::Social,
];

fn generate(
    g: &Generator<'_>,
    kind: NoiseKind,
    split: Split,
    index: usize,
    seed: u64,
) -> Generated {
    let kit = g.site(kind, split, index % 3, seed);
    g.document(kind, &kit, index, &paragraphs(), seed)
}

#[test]
fn documents_are_deterministic_per_seed() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("vocabulary parses");
    for kind in NoiseKind::EVERY {
        let a = generate(&g, kind, Split::Dev, 4, 11);
        let b = generate(&g, kind, Split::Dev, 4, 11);
        assert_eq!(a.bytes, b.bytes, "{kind:?}");
        assert_eq!(a.truth, b.truth);
        assert_eq!(a.boilerplate, b.boilerplate);
        assert_eq!(a.spam, b.spam);
    }
    let a = generate(&g, NoiseKind::Portal, Split::Dev, 4, 11);
    let c = generate(&g, NoiseKind::Portal, Split::Dev, 4, 12);
    assert_ne!(a.text, c.text, "another seed gives another page");
}

#[test]
fn plain_documents_are_the_truth_and_score_perfectly() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let d = generate(&g, NoiseKind::Plain, Split::HeldOut, 0, 1);
    assert_eq!(d.truth, paragraphs().join("\n"));
    assert!(d.boilerplate.is_empty() && d.spam.is_empty());
    assert_eq!(d.encoding, ByteEncoding::Utf8);
    let text = String::from_utf8(d.bytes.clone()).expect("UTF-8");
    assert_eq!(text.replace("\r\n", "\n"), d.truth);
    // A pass-through cleaner scores 1.0.
    let s = score(&d, &text, &conv);
    let mut t = Tally::default();
    t.add(&s);
    assert_eq!(t.f1(), 1.0);
}

#[test]
fn site_styles_wrap_the_truth_and_record_their_lines() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    for kind in FURNISHED {
        for split in Split::BOTH {
            for i in 0..10 {
                let d = generate(&g, kind, split, i, 5);
                assert_eq!(d.truth, paragraphs().join("\n"), "{kind:?}");
                assert!(d.boilerplate.len() >= 3, "{kind:?}: {:?}", d.boilerplate);
                let lines: Vec<&str> = d.text.lines().map(|l| l.trim_end_matches('\r')).collect();
                for b in &d.boilerplate {
                    assert!(lines.contains(&b.as_str()), "{kind:?}: {b} not on the page");
                }
                // Scoring the page itself: the truth is all there, and all
                // the boilerplate leaks.
                let s = score(&d, &d.text, &conv);
                assert_eq!(s.lcs, s.truth_len, "{kind:?}");
                assert_eq!(s.boilerplate_leaked.len(), s.boilerplate, "{kind:?}");
                assert!(s.boilerplate > 0);
            }
        }
    }
}

/// Boilerplate lines of 60 pages of every site style, digits taken out.
fn template_lines(g: &Generator<'_>, split: Split) -> std::collections::HashSet<String> {
    let styles = [
        NoiseKind::Portal,
        NoiseKind::Forum,
        NoiseKind::Gov,
        NoiseKind::Blog,
        NoiseKind::Social,
    ];
    styles
        .iter()
        .flat_map(|&kind| (0..60).flat_map(move |i| generate(g, kind, split, i, 3).boilerplate))
        .map(|l| l.chars().filter(|c| !c.is_ascii_digit()).collect())
        .collect()
}

#[test]
fn splits_share_no_template_lines() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let lines: Vec<_> = Split::ALL
        .iter()
        .map(|&s| (s, template_lines(&g, s)))
        .collect();
    for (i, (a, la)) in lines.iter().enumerate() {
        for (b, lb) in lines.iter().skip(i + 1) {
            let shared: Vec<&String> = la.intersection(lb).collect();
            assert!(shared.is_empty(), "{a:?} and {b:?} share {shared:?}");
        }
    }
}

#[test]
fn blind_split_yields_pages_for_every_kind() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    for kind in NoiseKind::EVERY {
        for i in 0..8 {
            let d = generate(&g, kind, Split::Blind, i, 21);
            assert_eq!(d.split, Split::Blind);
            assert!(d.site.contains("-blind-"), "{}", d.site);
            assert!(!d.bytes.is_empty() && !d.truth.is_empty(), "{kind:?}");
            if kind.style().is_some() {
                assert!(d.boilerplate.len() >= 3, "{kind:?}: {:?}", d.boilerplate);
                for b in &d.boilerplate {
                    assert!(!b.contains('{'), "{kind:?}: unfilled {b}");
                }
            }
            if kind == NoiseKind::Spam {
                assert!(!d.spam.is_empty() && !d.spam_brands.is_empty());
                for brand in &d.spam_brands {
                    assert!(d.text.contains(brand.as_str()), "{brand}");
                }
            }
        }
    }
    // The blind split draws its own sites: same coordinates, other pages.
    let blind = generate(&g, NoiseKind::Portal, Split::Blind, 0, 1);
    let held = generate(&g, NoiseKind::Portal, Split::HeldOut, 0, 1);
    assert_ne!(blind.boilerplate, held.boilerplate);
}

#[test]
fn spam_is_spliced_and_counted() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    for i in 0..20 {
        let d = generate(&g, NoiseKind::Spam, Split::Dev, i, 8);
        assert_eq!(d.truth, paragraphs().join("\n"));
        assert!(!d.spam.is_empty());
        for (piece, &n) in &d.spam {
            let on_page = d.text.matches(piece.as_str()).count();
            let in_truth = d.truth.matches(piece.as_str()).count();
            assert!(
                on_page >= in_truth + n,
                "{piece}: {on_page} on page, {n} injected"
            );
        }
        // Left in place, every spam occurrence leaks.
        let s = score(&d, &d.text, &conv);
        assert_eq!(s.spam_leaked, s.spam_injected);
        // Removed, none does, and the truth is whole.
        let s = score(&d, &d.truth, &conv);
        assert_eq!(s.spam_leaked, 0);
        assert_eq!(s.lcs, s.truth_len);
    }
}

#[test]
fn sparse_spam_spreads_through_the_paragraphs() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let truth = paragraphs();
    let mut spread = 0;
    for i in 0..20 {
        let d = generate(&g, NoiseKind::Sparse, Split::Dev, i, 8);
        assert_eq!(d.truth, truth.join("\n"));
        assert!(!d.spam.is_empty());
        let injected: usize = d.spam.values().sum();
        let lines: Vec<&str> = d.text.lines().collect();
        // Every paragraph grew by the spam spliced into it, and the
        // insertions differ by at most one between paragraphs.
        let grown: Vec<usize> = lines
            .iter()
            .zip(&truth)
            .map(|(l, t)| l.chars().count() - t.chars().count())
            .collect();
        let hit = grown.iter().filter(|&&n| n > 0).count();
        assert_eq!(hit, injected.min(truth.len()), "{grown:?} for {injected}");
        spread += usize::from(hit > 1);
        for (piece, &n) in &d.spam {
            assert!((1..=4).contains(&n), "{piece} said {n} times");
            let on_page = d.text.matches(piece.as_str()).count();
            assert!(on_page >= n, "{piece}: {on_page} on page, {n} injected");
        }
        let s = score(&d, &d.text, &conv);
        assert_eq!(s.spam_leaked, s.spam_injected);
    }
    // Unlike the packed kind, most pages carry spam in several paragraphs.
    assert!(spread >= 15, "{spread}");
}

#[test]
fn ruby_and_big5_documents_are_traditional_with_the_same_simplified_truth() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let d = generate(&g, NoiseKind::Ruby, Split::Dev, 0, 2);
    assert!(d.ruby > 50, "{} annotations", d.ruby);
    assert!(d.truth.contains("國家統計局"), "{}", d.truth);
    assert!(
        d.text.contains("國(guó)") || d.text.contains("國（guó）"),
        "{}",
        d.text
    );
    let s = score(&d, &paragraphs().join("\n"), &conv);
    assert_eq!(s.lcs, s.truth_len, "normalisation maps both to Simplified");
    // Left annotated, the pinyin costs precision.
    let mut t = Tally::default();
    t.add(&score(&d, &d.text, &conv));
    assert!(t.precision() < 0.5 && t.recall() == 1.0);
}

#[test]
fn encoding_kind_produces_the_legacy_bytes_it_names() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let mut seen = std::collections::HashSet::new();
    for i in 0..60 {
        let d = generate(&g, NoiseKind::Encoding, Split::HeldOut, i, 4);
        seen.insert(d.encoding);
        let back = match d.encoding {
            ByteEncoding::Gbk | ByteEncoding::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling(&d.bytes)
                .0
                .into_owned(),
            ByteEncoding::Big5 => encoding_rs::BIG5
                .decode_without_bom_handling(&d.bytes)
                .0
                .into_owned(),
            ByteEncoding::Utf16Le => encoding_rs::UTF_16LE
                .decode_without_bom_handling(&d.bytes)
                .0
                .into_owned(),
            ByteEncoding::Utf16LeBom => encoding_rs::UTF_16LE.decode(&d.bytes).0.into_owned(),
            ByteEncoding::Utf8AsGbk | ByteEncoding::Utf8 => {
                let s = String::from_utf8(d.bytes.clone()).expect("UTF-8 bytes");
                if d.encoding == ByteEncoding::Utf8AsGbk {
                    assert!(!s.contains("国家统计局"), "mojibake hides the text");
                }
                continue;
            }
        };
        assert_eq!(back, d.text, "{:?}", d.encoding);
    }
    assert!(seen.len() >= 5, "{seen:?}");
}

#[test]
fn censor_runs_are_in_the_truth() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    for i in 0..20 {
        let d = generate(&g, NoiseKind::Censor, Split::Dev, i, 6);
        assert!(d.censored_runs >= 1);
        assert!(d.truth.contains('*'));
        let s = score(&d, &d.truth, &conv);
        assert_eq!(s.censored_kept, s.censored_runs);
        let s = score(&d, &d.truth.replace('*', ""), &conv);
        assert_eq!(s.censored_kept, 0);
    }
}

#[test]
fn punct_kind_folds_marks_in_content_only() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let d = generate(&g, NoiseKind::Punct, Split::Dev, 1, 9);
    assert!(
        d.truth.contains('，') && !d.text.contains('，'),
        "{}",
        d.text
    );
    assert!(d.text.contains(','));
    let s = score(&d, &d.text, &conv);
    assert_eq!((s.lcs, s.output_len), (s.truth_len, s.truth_len));
}

#[test]
fn all_kind_draws_every_site_style() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let styles: std::collections::HashSet<Option<Style>> = (0..40)
        .map(|i| g.site(NoiseKind::All, Split::Dev, i, 1).site.style)
        .collect();
    assert_eq!(styles.len(), 5, "{styles:?}");
}

#[test]
fn a_promoted_first_paragraph_is_not_lost_but_a_promoted_footer_leaks() {
    use taojin_noise::scored_output;
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let plain = generate(&g, NoiseKind::Plain, Split::Dev, 0, 1);
    let paras = paragraphs();
    let body = paras[1..].join("\n");
    let out = scored_output(&plain, Some(&paras[0]), &body);
    let s = score(&plain, &out, &conv);
    assert_eq!(s.lcs, s.truth_len);

    let page = generate(&g, NoiseKind::Portal, Split::Dev, 0, 1);
    let title = page.title.clone().expect("portal pages have a title");
    assert_eq!(scored_output(&page, Some(&title), &page.truth), page.truth);
    let footer = page.boilerplate.last().expect("a footer").clone();
    let out = scored_output(&page, Some(&footer), &page.truth);
    let s = score(&page, &out, &conv);
    assert!(s.boilerplate_leaked.contains(&footer), "{out}");
}

/// The page's publication date is on the page, in the site's format, on
/// every line that dates it; the other dates of a forum page (join dates,
/// edit notes, the footer's clock) are drawn apart from it.
#[test]
fn dated_pages_show_their_publication_date() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let mut dated = 0;
    for kind in FURNISHED {
        for index in 0..12 {
            let d = generate(&g, kind, Split::Dev, index, 5);
            let Some(day) = &d.published else { continue };
            dated += 1;
            let (y, rest) = day.split_at(4);
            let m: u32 = rest[1..3].parse().expect("month");
            let dd: u32 = rest[4..6].parse().expect("day");
            let shown = [
                day.clone(),
                format!("{y}年{m:02}月{dd:02}日"),
                format!("{y}/{m}/{dd}"),
                format!("{y}.{m:02}.{dd:02}"),
                format!("{y}年{m}月{dd}日"),
            ];
            assert!(
                shown.iter().any(|s| d.text.contains(s.as_str())),
                "{kind:?} {index}: {day} not on the page\n{}",
                d.text
            );
        }
    }
    assert!(dated >= 40, "only {dated} of 60 pages dated");
    // Pages without furniture have no date to find.
    assert!(generate(&g, NoiseKind::Plain, Split::Dev, 0, 5)
        .published
        .is_none());
}

/// A page's credited author and source are on one of its furniture lines,
/// and a page credits the same author wherever it names one; replies do
/// not credit their repliers.
#[test]
fn credited_pages_name_their_author_and_source_in_their_furniture() {
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let (mut authors, mut sources) = (0, 0);
    for kind in FURNISHED {
        for index in 0..12 {
            let d = generate(&g, kind, Split::Dev, index, 5);
            for credit in [&d.credits.author, &d.credits.source].into_iter().flatten() {
                assert!(
                    d.boilerplate.iter().any(|l| l.contains(credit.as_str())),
                    "{kind:?} {index}: {credit} on no furniture line\n{}",
                    d.text
                );
                assert!(!d.truth.contains(credit.as_str()) || credit.chars().count() <= 2);
            }
            authors += usize::from(d.credits.author.is_some());
            sources += usize::from(d.credits.source.is_some());
        }
    }
    assert!(authors >= 20, "only {authors} of 60 pages credit an author");
    assert!(sources >= 15, "only {sources} of 60 pages credit a source");
    let plain = generate(&g, NoiseKind::Plain, Split::Dev, 0, 5);
    assert_eq!(plain.credits, taojin_noise::Credits::default());
}
