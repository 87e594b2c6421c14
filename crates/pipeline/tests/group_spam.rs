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
