use super::*;
use std::sync::OnceLock;
use taojin_segment::view::ScriptConverter;

fn shared() -> &'static (Summariser, Segmenter) {
    static SHARED: OnceLock<(Summariser, Segmenter)> = OnceLock::new();
    SHARED.get_or_init(|| (Summariser::new(), Segmenter::new()))
}

const NEWS: &str =
    "国家统计局4月16日发布数据，一季度国内生产总值同比增长5.3%，比上年四季度环比增长1.6%。\
国家统计局新闻发言人表示，一季度国民经济延续回升向好态势，开局良好。\
从生产看，规模以上工业增加值同比增长6.1%，服务业增加值同比增长5.0%。\
从需求看，社会消费品零售总额同比增长4.7%，固定资产投资同比增长4.5%。\
发言人同时指出，外部环境复杂性、严峻性、不确定性上升，经济持续回升向好的基础还需进一步巩固。\n\
记者注意到，多家机构此前预测一季度经济增速在5%左右。";

const TRADITIONAL: &str =
    "香港特區政府今日公布最新經濟數據，本地生產總值按年實質增長百分之二點七。\
政府發言人表示，出口貨物在外部需求改善下顯著增長，訪港旅客人數亦持續回升。\
私人消費開支按年輕微下跌，主要由於居民外出消費模式改變。\
發言人指出，政府會繼續密切留意經濟情況，並推出措施支援中小企業。";

fn doc(text: &str) -> Document {
    Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    }
}

fn assert_substrings_in_order(text: &str, summary: &[String]) {
    let mut from = 0usize;
    for s in summary {
        let at = text.get(from..).and_then(|rest| rest.find(s.as_str()));
        assert!(at.is_some(), "{s:?} is not a later substring of the text");
        from += at.unwrap_or(0) + s.len();
    }
}

#[test]
fn news_summary_is_in_order_within_budget_and_keywords_normalised() {
    let (summariser, seg) = shared();
    let config = Config {
        summary_sentences: 2,
        keywords: 6,
        ..Config::default()
    };
    let out = summariser.apply(doc(NEWS), &config, seg);
    assert_eq!(out.summary.len(), 2, "{:?}", out.summary);
    assert_substrings_in_order(NEWS, &out.summary);
    // The sentence with the headline figures is chosen.
    assert!(
        out.summary
            .iter()
            .any(|s| s.contains("国内生产总值同比增长5.3%")),
        "{:?}",
        out.summary
    );
    assert!(!out.keywords.is_empty() && out.keywords.len() <= 6);
    assert!((out.keywords[0].weight - 1.0).abs() < 1e-12);
    assert!(out.keywords.iter().all(|k| NEWS.contains(&k.word)));
    let words: Vec<&str> = out.keywords.iter().map(|k| k.word.as_str()).collect();
    assert!(
        words
            .iter()
            .any(|w| w.contains("增长") || w.contains("统计局")),
        "{words:?}"
    );
}

#[test]
fn character_budget_is_respected() {
    let (summariser, seg) = shared();
    for limit in [40usize, 80, 150] {
        let budget = Budget {
            sentences: 5,
            chars: Some(limit),
        };
        let summary = summariser.summarise(&doc(NEWS), budget, seg);
        let used: usize = summary.iter().map(|s| s.chars().count()).sum();
        assert!(!summary.is_empty(), "limit {limit}");
        assert!(used <= limit, "limit {limit}: {used} chars in {summary:?}");
        assert_substrings_in_order(NEWS, &summary);
    }
    // Shorter than any sentence: the best one is cut at a clause mark.
    let summary = summariser.summarise(
        &doc(NEWS),
        Budget {
            sentences: 1,
            chars: Some(12),
        },
        seg,
    );
    assert_eq!(summary.len(), 1);
    assert!(
        summary[0].chars().count() <= 12 && NEWS.contains(&summary[0]),
        "{summary:?}"
    );
}

#[test]
fn traditional_text_ranks_on_the_view_and_returns_the_original() {
    let (summariser, seg) = shared();
    let view = ScriptConverter::new().simplified_view(TRADITIONAL);
    assert_ne!(view.text, TRADITIONAL);
    let with_view = Document {
        analysis: Some(view),
        ..doc(TRADITIONAL)
    };
    let config = Config {
        summary_sentences: 2,
        keywords: 5,
        ..Config::default()
    };
    let out = summariser.apply(with_view, &config, seg);
    assert_eq!(out.summary.len(), 2);
    assert_substrings_in_order(TRADITIONAL, &out.summary);
    assert!(out
        .summary
        .iter()
        .any(|s| s.contains('發') || s.contains('經') || s.contains('數')));
    assert!(!out.keywords.is_empty());
    for k in &out.keywords {
        assert!(
            TRADITIONAL.contains(&k.word),
            "{} not in the original",
            k.word
        );
    }
    assert!(
        out.keywords
            .iter()
            .any(|k| k.word.contains('經') || k.word.contains('區') || k.word.contains('發')),
        "{:?}",
        out.keywords
    );
}

#[test]
fn opening_bracketed_headline_serves_as_title() {
    let (summariser, seg) = shared();
    let body = "记者从市交通委获悉，地铁三号线二期工程今日正式开通运营。\
新线全长二十一公里，设车站十五座，沿线居民出行时间将缩短一半。\
此前，市民曾多次呼吁加快城东片区的轨道交通建设。";
    let headlined = format!("【地铁三号线二期今日开通】{body}");
    let prepared = summariser.prepare(&doc(&headlined), seg);
    assert_eq!(
        prepared.sentence_texts().first().copied(),
        Some("【地铁三号线二期今日开通】")
    );
    assert!(
        prepared.title_terms.iter().any(|t| t == "地铁")
            && prepared.title_terms.iter().any(|t| t == "开通"),
        "{:?}",
        prepared.title_terms
    );
    assert_eq!(
        prepared.title_terms,
        prepared
            .inputs()
            .first()
            .map(|i| i.terms.clone())
            .unwrap_or_default()
    );
    // Without the headline, or with a title line of its own, the title
    // terms are not taken from the text.
    assert!(summariser.prepare(&doc(body), seg).title_terms.is_empty());
    let mut titled = doc(&headlined);
    titled.title = Some("城东居民出行更方便".into());
    let prepared = summariser.prepare(&titled, seg);
    assert!(
        prepared.title_terms.iter().any(|t| t == "居民")
            && !prepared.title_terms.iter().any(|t| t == "地铁"),
        "{:?}",
        prepared.title_terms
    );
    // A headline further down is a sentence, not the title.
    let later = format!("{body}【地铁三号线二期今日开通】市民纷纷前往体验。");
    assert!(summariser.prepare(&doc(&later), seg).title_terms.is_empty());
    // Split off, the headline can be the one-sentence summary on its own.
    let one = Budget {
        sentences: 1,
        chars: None,
    };
    assert_eq!(
        summariser.summarise(&doc(&headlined), one, seg),
        vec!["【地铁三号线二期今日开通】".to_string()]
    );
}

#[test]
fn opening_headline_is_chosen_first_when_it_fits() {
    let (summariser, seg) = shared();
    // A headline with a comma inside, and a body sentence that repeats most
    // of its words: ranking alone could prefer the body sentence.
    let text = "【今年夏天，城东将有三所新学校开学】\
城东三所新学校今年夏天开学，共提供学位四千个。\
其中两所为九年一贯制学校，另一所为高中。\
教育局表示，新学校的教师主要从全市公开招聘。";
    let prepared = summariser.prepare(&doc(text), seg);
    let headline = "【今年夏天，城东将有三所新学校开学】";
    assert_eq!(prepared.sentence_texts().first().copied(), Some(headline));
    assert!(prepared.inputs().first().is_some_and(|i| i.headline));
    assert!(prepared.inputs().iter().skip(1).all(|i| !i.headline));
    let params = RankParams::default();
    let budget = |sentences, chars| Budget { sentences, chars };
    assert_eq!(prepared.summary(&params, budget(1, None)), vec![headline]);
    // With more room the headline comes first and ranking fills the rest.
    let two = prepared.summary(&params, budget(2, None));
    assert_eq!(two.len(), 2, "{two:?}");
    assert_eq!(two.first().map(String::as_str), Some(headline));
    // A character budget smaller than the headline leaves it out.
    let short = prepared.summary(&params, budget(1, Some(15)));
    assert!(
        short
            .iter()
            .all(|s| s != headline && s.chars().count() <= 15),
        "{short:?}"
    );
    // Without the brackets the same words are an ordinary sentence.
    let plain = text.replacen("【", "", 1).replacen("】", "。", 1);
    let prepared = summariser.prepare(&doc(&plain), seg);
    assert!(prepared.inputs().iter().all(|i| !i.headline));
}

#[test]
fn one_sentence_summary_prefers_a_single_statement() {
    let (summariser, seg) = shared();
    // The opening sentence strings four clauses together; the second says
    // the news in one.
    let text = "据市统计局昨日发布的数据，今年前三季度，全市居民人均可支配收入\
为四万二千元，扣除价格因素后实际增长百分之五点二，增速比上半年加快。\
全市居民收入增速连续三个季度快于经济增速。";
    let prepared = summariser.prepare(&doc(text), seg);
    let breaks: Vec<usize> = prepared.inputs().iter().map(|i| i.clause_breaks).collect();
    assert_eq!(breaks, vec![4, 0]);
    let with = RankParams::default();
    let without = RankParams {
        clause_cost: 0.0,
        ..with
    };
    // One sentence: each clause break costs exp(-clause_cost) of the score.
    let (a, b) = (prepared.scores(&with, 1), prepared.scores(&without, 1));
    for ((x, y), n) in a.iter().zip(&b).zip(&breaks) {
        let want = y * (-with.clause_cost * *n as f64).exp();
        assert!(
            (x - want).abs() <= 1e-12 * want.abs().max(1.0),
            "{x} vs {want}"
        );
    }
    let one = Budget {
        sentences: 1,
        chars: None,
    };
    assert_eq!(
        prepared.summary(&with, one),
        vec!["全市居民收入增速连续三个季度快于经济增速。"]
    );
    assert_ne!(
        prepared.summary(&without, one),
        prepared.summary(&with, one)
    );
    // With room for several sentences there is no clause cost.
    assert_eq!(prepared.scores(&with, 3), prepared.scores(&without, 3));
}

#[test]
fn failed_and_empty_documents_pass_through() {
    let (summariser, seg) = shared();
    let failed = Document::failed("x", "x.txt", "unreadable");
    let out = summariser.apply(failed.clone(), &Config::default(), seg);
    assert_eq!(out, failed);
    let out = summariser.apply(doc("  \n "), &Config::default(), seg);
    assert!(out.summary.is_empty() && out.keywords.is_empty());
    let none = Config {
        summary_sentences: 0,
        ..Config::default()
    };
    assert!(summariser.apply(doc(NEWS), &none, seg).summary.is_empty());
}

#[test]
fn stale_view_is_ignored() {
    let (summariser, seg) = shared();
    let stale = AnalysisView::identity("另一段完全不同的文字。");
    let d = Document {
        analysis: Some(stale),
        ..doc(NEWS)
    };
    let summary = summariser.summarise(
        &d,
        Budget {
            sentences: 2,
            chars: None,
        },
        seg,
    );
    assert_eq!(summary.len(), 2);
    assert_substrings_in_order(NEWS, &summary);
}

/// A long document made of varied real sentences.
fn long_document(sentences: usize) -> String {
    let subjects = [
        "市政府",
        "研究人员",
        "当地企业",
        "学校",
        "医院",
        "气象台",
        "交通部门",
        "农业合作社",
    ];
    let verbs = ["发布了", "完成了", "启动了", "讨论了", "调整了", "公布了"];
    let objects = [
        "新的发展规划",
        "年度工作报告",
        "防汛应急预案",
        "技术改造项目",
        "居民服务措施",
        "环境监测数据",
    ];
    (0..sentences)
        .map(|i| {
            format!(
                "第{}季度{}{}{}，涉及{}个区县。",
                i % 97,
                subjects.get(i % subjects.len()).unwrap_or(&""),
                verbs.get(i / 3 % verbs.len()).unwrap_or(&""),
                objects.get(i / 7 % objects.len()).unwrap_or(&""),
                i % 13
            )
        })
        .collect()
}

#[test]
fn five_thousand_sentences_cost_is_bounded() {
    let (summariser, seg) = shared();
    let n = 5000;
    let text = long_document(n);
    let d = doc(&text);
    let (summary, work) = summariser.summarise_with_work(
        &d,
        Budget {
            sentences: 3,
            chars: None,
        },
        seg,
    );
    assert_eq!(summary.len(), 3);
    assert_substrings_in_order(&text, &summary);
    // Every sentence has well under 16 terms, each posting pairs with at most
    // MAX_POSTINGS later ones; all pairs would be n²/2 ≈ 12.5 million per term.
    assert!(work.pair_updates <= n * 16 * rank::MAX_POSTINGS, "{work:?}");
    assert!(work.edges <= n * rank::MAX_NEIGHBOURS, "{work:?}");
    assert!(work.pagerank_visits <= 100 * 2 * work.edges, "{work:?}");
}

#[test]
fn cail_sample_beats_lead_three() {
    let dir = std::env::var("TAOJIN_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        });
    let path = dir.join("summ/cail2020_test.jsonl");
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} missing, skipping", path.display());
        return;
    };
    let (summariser, seg) = shared();
    let budget = Budget {
        sentences: 3,
        chars: None,
    };
    let (mut ours, mut lead) = (Vec::new(), Vec::new());
    for line in body.lines().take(60) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let d = doc(v["text"].as_str().unwrap_or_default());
        let reference = v["summary"].as_str().unwrap_or_default();
        let prepared = summariser.prepare(&d, seg);
        ours.push(rouge::score(
            &prepared.summary(summariser.params(), budget).concat(),
            reference,
        ));
        lead.push(rouge::score(&prepared.lead(3).concat(), reference));
    }
    let (ours, lead) = (rouge::MeanF1::of(&ours), rouge::MeanF1::of(&lead));
    assert!(
        ours.rouge1 > lead.rouge1 + 5.0 && ours.rouge2 > lead.rouge2 + 5.0,
        "{ours:?} vs {lead:?}"
    );
}

const POOL: &[&str] = &[
    "今天上午，市人大常委会召开会议审议多项法规草案。",
    "会议指出，要加快推进城市更新，改善老旧小区居住条件！",
    "“我们会继续努力。”负责人说。",
    "这项研究发表在《自然》杂志上",
    "专家认为，气温升高将影响农作物产量？",
    "Apple公司发布了新款手机，售价为5999元。",
    "截至目前，全市已建成充电桩1.2万个；新增公交线路30条。",
    "（完）",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn summaries_are_ordered_substrings_within_budget(
        picks in proptest::collection::vec((0..POOL.len(), proptest::bool::ANY), 0..20),
        sentences in 0usize..5,
        chars in proptest::option::of(5usize..200),
    ) {
        let (summariser, seg) = shared();
        let text: String = picks
            .iter()
            .map(|&(i, newline)| format!("{}{}", POOL.get(i).unwrap_or(&""), if newline { "\n" } else { "" }))
            .collect();
        let summary = summariser.summarise(&doc(&text), Budget { sentences, chars }, seg);
        proptest::prop_assert!(summary.len() <= sentences);
        if let Some(limit) = chars {
            proptest::prop_assert!(summary.iter().map(|s| s.chars().count()).sum::<usize>() <= limit);
        }
        let mut from = 0usize;
        for s in &summary {
            proptest::prop_assert!(!s.is_empty());
            let at = text.get(from..).and_then(|rest| rest.find(s.as_str()));
            proptest::prop_assert!(at.is_some(), "{:?} not found in order", s);
            from += at.unwrap_or(0) + s.len();
        }
    }
}

/// Non-overlapping occurrences of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    hay.matches(needle).count()
}

/// The properties every keyword list must have: the best weight exactly 1,
/// weights strictly decreasing and in (0, 1], no repeats, every keyword in
/// the text, and a keyword inside (or around) a better one only when it
/// recurs on its own.
fn assert_keyword_properties(text: &str, keywords: &[Keyword]) {
    let Some(first) = keywords.first() else {
        return;
    };
    assert_eq!(first.weight, 1.0, "{keywords:?}");
    for pair in keywords.windows(2) {
        assert!(
            pair[0].weight > pair[1].weight,
            "not strictly sorted: {keywords:?}"
        );
    }
    assert!(keywords.iter().all(|k| k.weight > 0.0 && k.weight <= 1.0));
    for (i, lower) in keywords.iter().enumerate() {
        assert!(text.contains(&lower.word), "{} not in the text", lower.word);
        for higher in keywords.iter().take(i) {
            assert_ne!(higher.word, lower.word, "repeated: {keywords:?}");
            if higher.word.contains(&lower.word) {
                let own = occurrences(text, &lower.word).saturating_sub(
                    occurrences(text, &higher.word) * occurrences(&higher.word, &lower.word),
                );
                assert!(
                    own >= 2,
                    "{} inside better {} with {own} own occurrences: {keywords:?}",
                    lower.word,
                    higher.word
                );
            }
            if lower.word.contains(&higher.word) {
                assert!(
                    occurrences(text, &lower.word) >= 2,
                    "{} around better {}: {keywords:?}",
                    lower.word,
                    higher.word
                );
            }
        }
    }
}

/// Whether jieba tags every word of `phrase` as noun-like (the only words a
/// merged phrase may join).
fn all_noun_like(seg: &Segmenter, phrase: &str) -> bool {
    seg.jieba()
        .tag(phrase, true)
        .iter()
        .all(|t| t.tag.starts_with('n') || matches!(t.tag, "vn" | "an" | "j" | "eng"))
}

fn seeds() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} missing, skipping", dir.display());
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), text))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seed_keywords_have_no_ties_duplicates_or_verb_phrases() {
    let (summariser, seg) = shared();
    let converter = ScriptConverter::new();
    let seeds = seeds();
    for (name, text) in &seeds {
        let view = converter.simplified_view(text);
        let d = Document {
            analysis: Some(view.clone()),
            ..doc(text)
        };
        let kws = summariser.keywords(&d, 10, seg);
        assert!(kws.len() >= 5, "{name}: {kws:?}");
        assert_keyword_properties(text, &kws);
        // A keyword of several words joins nouns only (the view text of a
        // keyword is what jieba tagged).
        for k in &kws {
            let simplified = converter.simplified_view(&k.word).text;
            let words = seg.jieba().cut(&simplified, true).len();
            assert!(
                words == 1 || all_noun_like(seg, &simplified),
                "{name}: {} joins non-nouns in {kws:?}",
                k.word
            );
        }
    }
}

#[test]
fn news_and_traditional_keywords_have_the_properties() {
    let (summariser, seg) = shared();
    let kws = summariser.keywords(&doc(NEWS), 8, seg);
    assert_keyword_properties(NEWS, &kws);
    let view = ScriptConverter::new().simplified_view(TRADITIONAL);
    let d = Document {
        analysis: Some(view),
        ..doc(TRADITIONAL)
    };
    let kws = summariser.keywords(&d, 8, seg);
    assert_keyword_properties(TRADITIONAL, &kws);
}

/// `apply` sets up the analysis text and the TF-IDF scores once for both
/// outputs; what it returns must be what the two public calls give apart.
#[test]
fn apply_gives_what_summarise_and_keywords_give_apart() {
    let (summariser, seg) = shared();
    let converter = ScriptConverter::new();
    let mut docs = vec![doc(NEWS), doc(TRADITIONAL), doc("  \n ")];
    docs.push(Document {
        analysis: Some(converter.simplified_view(TRADITIONAL)),
        ..doc(TRADITIONAL)
    });
    for (_, text) in seeds() {
        docs.push(Document {
            analysis: Some(converter.simplified_view(&text)),
            ..doc(&text)
        });
    }
    let configs = [
        Config::default(),
        Config {
            summary_sentences: 2,
            summary_chars: Some(40),
            keywords: 3,
            ..Config::default()
        },
        Config {
            summary_sentences: 0,
            keywords: 8,
            ..Config::default()
        },
        Config {
            summary_sentences: 3,
            keywords: 0,
            ..Config::default()
        },
    ];
    for config in &configs {
        for d in &docs {
            let budget = Budget {
                sentences: config.summary_sentences,
                chars: config.summary_chars,
            };
            let summary = summariser.summarise(d, budget, seg);
            let keywords = summariser.keywords(d, config.keywords, seg);
            let out = summariser.apply(d.clone(), config, seg);
            assert_eq!(out.summary, summary, "{config:?}");
            assert_eq!(out.keywords, keywords, "{config:?}");
        }
    }
}

/// Keyword weights are a function of the text alone, down to the last bit
/// (no hash map's iteration order reaches the co-occurrence graph).
#[test]
fn keyword_weights_are_the_same_bits_on_every_call() {
    let (summariser, seg) = shared();
    let mut texts = vec![NEWS.to_string()];
    texts.extend(seeds().into_iter().map(|(_, t)| t));
    for text in &texts {
        let d = doc(text);
        let first = summariser.keywords(&d, 10, seg);
        for _ in 0..5 {
            let again = summariser.keywords(&d, 10, seg);
            let bits = |k: &[Keyword]| -> Vec<(String, u64)> {
                k.iter()
                    .map(|k| (k.word.clone(), k.weight.to_bits()))
                    .collect()
            };
            assert_eq!(bits(&again), bits(&first));
        }
    }
}
