//! LCS and the metrics.

use proptest::prelude::*;
use taojin_noise::{lcs_len, normalise, Tally};
use taojin_segment::view::ScriptConverter;

/// The textbook O(n·m) dynamic programme, as the reference.
fn lcs_naive(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn lcs_on_chinese_examples() {
    let table = [
        ("今天天气很好", "今天天气很好", 6),
        ("今天天气很好", "今天下雨", 2),
        ("北京欢迎你", "欢迎你来北京", 3),
        ("", "中国", 0),
        ("中国", "", 0),
        ("甲乙丙", "丁戊己", 0),
    ];
    for (a, b, want) in table {
        assert_eq!(lcs_len(&chars(a), &chars(b)), want, "{a} / {b}");
        assert_eq!(lcs_len(&chars(b), &chars(a)), want, "{b} / {a}");
    }
}

#[test]
fn lcs_across_word_boundaries() {
    // Patterns longer than 64 and 128 characters exercise the carries.
    let a: Vec<char> = "中华人民共和国".repeat(30).chars().collect();
    let b: Vec<char> = "人民共和中华国".repeat(25).chars().collect();
    assert_eq!(lcs_len(&a, &b), lcs_naive(&a, &b));
}

proptest! {
    #[test]
    fn lcs_matches_the_dynamic_programme(
        a in proptest::collection::vec(prop::sample::select(vec!['中', '国', '人', '民', 'a', '1']), 0..200),
        b in proptest::collection::vec(prop::sample::select(vec!['中', '国', '人', '民', 'a', '1']), 0..200),
    ) {
        prop_assert_eq!(lcs_len(&a, &b), lcs_naive(&a, &b));
    }
}

#[test]
fn normalise_folds_width_script_case_and_drops_punctuation() {
    let conv = ScriptConverter::new();
    let n: String = normalise("國家，ＡＢＣ１２３　說：“好！” abc", &conv)
        .into_iter()
        .collect();
    assert_eq!(n, "国家abc123说好abc");
    let m: String = normalise("国家,ABC123 说:\"好!\"abc", &conv)
        .into_iter()
        .collect();
    assert_eq!(n, m);
}

#[test]
fn tally_micro_averages_over_documents() {
    let t = Tally {
        lcs: 90,
        output_len: 100,
        truth_len: 120,
        docs: 2,
        ..Tally::default()
    };
    assert!((t.precision() - 0.9).abs() < 1e-12);
    assert!((t.recall() - 0.75).abs() < 1e-12);
    assert!((t.f1() - 2.0 * 0.9 * 0.75 / 1.65).abs() < 1e-12);
    let empty = Tally::default();
    assert_eq!(empty.f1(), 1.0, "nothing to find, nothing found");
    assert_eq!(empty.boilerplate_leak_rate(), 0.0);
}

#[test]
fn metadata_is_scored_against_the_clean_title_and_the_day() {
    use taojin_noise::{score_meta, FoundMeta, Generator, NoiseKind, Split};
    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let paras = vec!["国家统计局今天发布数据，居民收入平稳增长。".to_string()];
    let found = |title, date| FoundMeta {
        title,
        date,
        ..FoundMeta::default()
    };
    // A portal page always has a title line and a byline.
    let (doc, title, day) = (0..20)
        .find_map(|i| {
            let kit = g.site(NoiseKind::Portal, Split::Dev, 0, 3);
            let d = g.document(NoiseKind::Portal, &kit, i, &paras, 3);
            let (t, p) = (d.clean_title.clone()?, d.published.clone()?);
            Some((d, t, p))
        })
        .expect("a dated portal page");
    let stamp = format!("{day} 08:30");
    let right = score_meta(&doc, &found(Some(&title), Some(&stamp)), &conv);
    assert!(right.title.right && right.date.right, "{right:?}");
    assert!(!right.title.wrong() && !right.date.wrong());
    // The title in Traditional, with other punctuation, is the same title.
    let trad = format!("{}！", conv.convert(&title, "s2t").expect("converts"));
    assert!(
        score_meta(&doc, &found(Some(&trad), None), &conv)
            .title
            .right
    );
    let wrong = score_meta(&doc, &found(Some("网站首页"), Some("1999-01-01")), &conv);
    assert!(wrong.title.wrong() && wrong.date.wrong(), "{wrong:?}");
    let missed = score_meta(&doc, &FoundMeta::default(), &conv);
    assert!(missed.title.missed && missed.date.missed && !missed.date.wrong());
    // A page with no date: any date given is spurious. A bare page's first
    // line may be a headline, so a title found there is not.
    let kit = g.site(NoiseKind::Plain, Split::Dev, 0, 3);
    let plain = g.document(NoiseKind::Plain, &kit, 0, &paras, 3);
    let dated = score_meta(&plain, &found(Some("标题"), Some("2020-01-01")), &conv);
    assert!(dated.date.spurious && !dated.title.spurious, "{dated:?}");
    assert!(
        !score_meta(&plain, &FoundMeta::default(), &conv)
            .date
            .spurious
    );
}

#[test]
fn a_wire_dateline_in_the_body_names_an_author_the_cleaner_may_give() {
    use taojin_noise::score::dateline_reporter;
    use taojin_noise::{score_meta, FoundMeta, Generator, NoiseKind, Split};
    assert_eq!(
        dateline_reporter("新华社北京3月8日电（记者 王小明）今天上午，").as_deref(),
        Some("王小明")
    );
    assert_eq!(
        dateline_reporter("本报讯(记者李华 通讯员张强)").as_deref(),
        Some("李华")
    );
    // Not a dateline: the role is not in brackets after `电` or `讯`, or
    // comes too late in the paragraph.
    assert_eq!(dateline_reporter("记者王小明今天从市政府获悉，"), None);
    let late = format!("{}电（记者 王小明）", "很".repeat(45));
    assert_eq!(dateline_reporter(&late), None);

    let conv = ScriptConverter::new();
    let g = Generator::new(&conv).expect("parses");
    let paras = vec!["新华社北京3月8日电（记者 王小明）国家统计局今天发布数据。".to_string()];
    let kit = g.site(NoiseKind::Plain, Split::Dev, 0, 3);
    let doc = g.document(NoiseKind::Plain, &kit, 0, &paras, 3);
    let found = |author| FoundMeta {
        author,
        ..FoundMeta::default()
    };
    assert!(score_meta(&doc, &found(Some("王小明")), &conv).author.right);
    assert!(score_meta(&doc, &FoundMeta::default(), &conv).author.missed);
    let other = score_meta(&doc, &found(Some("张三")), &conv).author;
    assert!(other.wrong() && !other.spurious);
}
