//! Documents of one source share their spam: a string removed as spam from
//! two documents of a source is removed from the others too, even where it
//! shows no evidence of its own.

use taojin_core::{Config, RawContent, RawInput, Reason};
use taojin_pipeline::input::Record;
use taojin_pipeline::Pipeline;

fn record(id: &str, group: &str, text: &str) -> Record {
    Record {
        group: group.into(),
        input: RawInput {
            id: id.into(),
            source: format!("{group}/{id}"),
            content: RawContent::Text(text.into()),
        },
    }
}

/// Two pages where a Latin-named brand shows itself (it breaks a word, and a
/// lexicon brand shows the page carries spam), and one where it sits in a
/// clean sentence, breaking nothing.
fn site(group: &str) -> Vec<Record> {
    let spammed = |extra: &str| {
        format!(
            "国家统XQZ竞猜网页版计局今天发布数据，居民收入稳步增长。\n\
             专家认为，今年经济增长速度符合预期，市场信心持续回升。{extra}\n\
             欢迎访问AG超玩会入口"
        )
    };
    vec![
        record("a", group, &spammed("消费需求回暖。")),
        record("b", group, &spammed("投资保持稳定。")),
        record(
            "c",
            group,
            "今年春天雨水较多，农民抓紧时间播种，XQZ竞猜网页版田间一片忙碌景象。\n\
             农业部门组织技术人员下乡指导，帮助农民解决生产中的实际问题。",
        ),
    ]
}

#[test]
fn spam_found_on_two_pages_of_a_source_goes_from_the_third() {
    let p = Pipeline::new(Config::default());
    // Alone, page c shows no spam of its own: the brand stays.
    let alone = p.process(site("x").remove(2).input, None);
    assert!(alone.text.contains("XQZ竞猜网页版"), "{}", alone.text);

    let docs = p.process_records(site("x"));
    assert_eq!(docs.len(), 3);
    for d in &docs {
        assert!(!d.text.contains("XQZ"), "{}: {}", d.id, d.text);
    }
    let c = &docs[2];
    assert!(
        c.text.contains("农民抓紧时间播种，田间一片忙碌景象。"),
        "{}",
        c.text
    );
    let removal = c
        .removed
        .iter()
        .find(|r| r.text == "XQZ竞猜网页版")
        .expect("recorded");
    assert_eq!(removal.reason, Reason::SpamBrand);
    assert!(
        removal
            .rule
            .as_deref()
            .is_some_and(|r| r.starts_with("spam of this source")),
        "{removal:?}"
    );
}

#[test]
fn spam_learned_in_simplified_goes_from_a_traditional_page_too() {
    let p = Pipeline::new(Config::default());
    let mut records = site("x");
    // The site converted this page to Traditional, the spam with it.
    records[2] = record(
        "c",
        "x",
        "今年春天雨水較多，農民抓緊時間播種，XQZ競猜網頁版田間一片忙碌景象。\n\
         農業部門組織技術人員下鄉指導，幫助農民解決生產中的實際問題。",
    );
    let alone = p.process(records[2].input.clone(), None);
    assert!(alone.text.contains("XQZ競猜網頁版"), "{}", alone.text);
    let docs = p.process_records(records);
    let c = &docs[2];
    assert!(
        c.text.contains("農民抓緊時間播種，田間一片忙碌景象。"),
        "{}",
        c.text
    );
}

#[test]
fn spam_of_another_source_is_not_shared() {
    let p = Pipeline::new(Config::default());
    let mut records = site("x");
    let c = records.remove(2);
    // Page c now belongs to another source, with two clean pages.
    let clean = "今年夏天气温偏高，各地做好防暑降温工作，保障群众身体健康。\n\
                 有关部门提醒市民合理安排出行时间，避免长时间在户外活动。";
    records.push(Record {
        group: "y".into(),
        ..c
    });
    records.push(record("d", "y", clean));
    records.push(record("e", "y", clean));
    let docs = p.process_records(records);
    assert!(docs[2].text.contains("XQZ竞猜网页版"), "{}", docs[2].text);
}

#[test]
fn learned_fragments_never_take_part_of_a_word() {
    let p = Pipeline::new(Config::default());
    let spammed = "车上的心人乘客一边打量眼前的新图景，众跟正是心人全市组织系统的党员干部。\n\
                   他们走进社区，心人考察贫困村，众跟让广大委员甘当基层群众的贴心人。\n\
                   党建工作越抓越严、越抓越细、越抓越实，众跟走访居民区。\n\
                   欢迎访问AG超玩会入口";
    let clean = "社区干部是群众的贴心人，他们走进千家万户。\n\
                 大家都说，这样的干部让人放心，群众跟着干劲十足。";
    let docs = p.process_records(vec![
        record("a", "x", spammed),
        record("b", "x", spammed),
        record("c", "x", clean),
    ]);
    // The spam pages lose 心人 and 众跟 ...
    for d in &docs[..2] {
        assert!(!d.text.contains("众跟"), "{}", d.text);
    }
    // ... but in the clean page they are parts of 贴心人 and 群众|跟着.
    assert_eq!(
        docs[2].text,
        clean.replace(' ', ""),
        "{:?}",
        docs[2].removed
    );
}
