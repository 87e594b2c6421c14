//! Spans that segmentation keeps whole whatever the dictionary says:
//! numbers (with decimals, percentages, 万/亿 magnitudes, ranges and a date
//! or time unit), Chinese-numeral dates, URLs, e-mail addresses, and Latin
//! words in ASCII or full-width letters.
//!
//! The conventions follow what most segmentation standards share (checked
//! on the bakeoff training word lists, never on test data): a number keeps
//! its unit of date or time (`1998年`, `12月`, `31日`, `10时`), its percent
//! sign and its magnitude (`4600万`, `18.4%`); a range of numbers written
//! with a dash or tilde is one word; a date is split into year, month, day.

/// One span of chars `[start, end)` to keep whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom {
    pub start: usize,
    pub end: usize,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn is_alnum(c: char) -> bool {
    is_digit(c) || is_latin(c)
}

/// Separators inside one number: decimal points (ASCII, full-width, the
/// middle dots Taiwanese and mainland typesetting use) and ratio colons.
fn is_number_inner(c: char) -> bool {
    matches!(c, '.' | '．' | '·' | '‧' | ':' | '∶' | '：')
}

fn is_percent(c: char) -> bool {
    matches!(c, '%' | '％' | '‰')
}

fn is_range_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～')
}

/// Magnitudes written after Arabic digits (Simplified view).
fn is_magnitude(c: char) -> bool {
    matches!(c, '万' | '亿')
}

/// Units of date and time that stay with the number before them.
fn is_date_unit(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号' | '时')
}

/// Joiners inside a Latin word: `e-mail`, `AT&T`, `O'Neil`, `U.S`.
fn is_latin_inner(c: char) -> bool {
    matches!(c, '-' | '_' | '&' | '\'' | '.' | '+' | '＆' | '－' | '．')
}

/// Chinese numerals written in dates: the ten digits (zero in three
/// forms) and ten.
fn is_cn_date_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn cn_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Value of a small Chinese numeral up to 99 (`三十一`, `十二`, `廿`).
fn cn_small_value(run: &[char]) -> Option<u32> {
    match run {
        ['十'] => Some(10),
        [d] => cn_digit(*d).filter(|v| *v > 0),
        ['十', d] => cn_digit(*d).map(|v| 10 + v),
        [t, '十'] => cn_digit(*t).map(|v| v * 10),
        [t, '十', d] => Some(cn_digit(*t)? * 10 + cn_digit(*d)?),
        _ => None,
    }
}

/// Finds the atoms of a text, in order and disjoint.
pub fn find_atoms(chars: &[char]) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // Skip to the next char an atom can start with in one tight loop:
        // most of a Chinese text is Han characters that cannot.
        let Some(skip) = chars
            .get(i..)
            .and_then(|rest| rest.iter().position(|&c| may_start_atom(c)))
        else {
            break;
        };
        i += skip;
        let c = chars.get(i).copied().unwrap_or(' ');
        let found = if c.is_ascii_alphabetic() && starts_url(chars, i) {
            scan_url_or_email(chars, i)
        } else if c.is_ascii_alphanumeric() {
            let end = scan_alnum(chars, i);
            // Only a run that stops at `@` can be the local part of an address.
            if end.is_some_and(|e| at(chars, e) == '@') {
                scan_url_or_email(chars, i).or(end)
            } else {
                end
            }
        } else if is_alnum(c) {
            scan_alnum(chars, i)
        } else if matches!(c, '—' | '…') {
            // Chinese dashes and ellipses are written doubled (`——`, `……`)
            // and count as one punctuation mark.
            let mut end = i;
            while at(chars, end) == c {
                end += 1;
            }
            (end - i >= 2).then_some(end)
        } else if is_cn_date_numeral(c) {
            scan_cn_date(chars, i)
        } else {
            None
        };
        match found {
            Some(end) if end > i => {
                atoms.push(Atom { start: i, end });
                i = end;
            }
            _ => i += 1,
        }
    }
    atoms
}

/// Whether an atom can start with `c`: a quick test that lets the scan
/// skip most Han characters and CJK punctuation.
#[inline]
fn may_start_atom(c: char) -> bool {
    let i = c as usize;
    ATOM_START
        .get(i / 64)
        .is_some_and(|word| word & (1 << (i % 64)) != 0)
}

/// A bit per BMP code point an atom can start with: everything below the
/// CJK punctuation block (ASCII, Latin, `—`, `…`), the full-width digits
/// and letters, and the Chinese date numerals. One load and a bit test per
/// char, where a set of scattered numerals would take a chain of compares.
static ATOM_START: [u64; 1024] = atom_start_table();

const fn atom_start_table() -> [u64; 1024] {
    let mut table = [0u64; 1024];
    // Below U+3000: whole words of the table.
    let mut w = 0;
    while w < 0x3000 / 64 {
        table[w] = u64::MAX;
        w += 1;
    }
    let mut c = '０' as usize;
    while c <= 'ｚ' as usize {
        table[c / 64] |= 1 << (c % 64);
        c += 1;
    }
    let numerals = [
        '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
    ];
    let mut k = 0;
    while k < numerals.len() {
        let c = numerals[k] as usize;
        table[c / 64] |= 1 << (c % 64);
        k += 1;
    }
    table
}

fn at(chars: &[char], i: usize) -> char {
    chars.get(i).copied().unwrap_or('\0')
}

/// Whether a URL starts at `i`: a short scheme and `://`, or `www.`.
fn starts_url(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < i + 10 && at(chars, j).is_ascii_alphabetic() {
        j += 1;
    }
    let lower_www = (0..4).all(|k| {
        at(chars, i + k).to_ascii_lowercase() == "www."[k..].chars().next().unwrap_or('\0')
    });
    (j > i && at(chars, j) == ':' && at(chars, j + 1) == '/' && at(chars, j + 2) == '/')
        || lower_www
}

/// A URL (`scheme://...`, `www.`) or an e-mail address starting at `i`:
/// a run of ASCII graphic characters, trailing punctuation left out.
fn scan_url_or_email(chars: &[char], i: usize) -> Option<usize> {
    let mut end = i;
    while end < chars.len()
        && at(chars, end).is_ascii_graphic()
        && !matches!(
            at(chars, end),
            '(' | ')' | '<' | '>' | '"' | '[' | ']' | ',' | ';'
        )
    {
        end += 1;
    }
    while end > i && matches!(at(chars, end - 1), '.' | ':' | '!' | '?' | '\'') {
        end -= 1;
    }
    let run: String = chars.get(i..end)?.iter().collect();
    let lower = run.to_ascii_lowercase();
    let is_url = (lower.contains("://")
        && lower
            .split("://")
            .next()
            .is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic())))
        || (lower.starts_with("www.") && run.len() > 4);
    let is_email = run.split('@').count() == 2
        && run.split('@').all(|p| !p.is_empty())
        && run
            .rsplit('@')
            .next()
            .is_some_and(|d| d.contains('.') && !d.starts_with('.'));
    (is_url || is_email).then_some(end)
}

/// A run of letters and digits starting at `i`. A run with letters is one
/// Latin word; an all-digit run is a number and takes its suffixes.
fn scan_alnum(chars: &[char], i: usize) -> Option<usize> {
    if is_digit(at(chars, i)) {
        let end = scan_number_phrase(chars, i);
        // A number glued to letters (`3D`, `MP3`'s tail, `4S`) is a code.
        if is_latin(at(chars, end)) && !is_date_unit(at(chars, end - 1)) {
            return Some(scan_latin(chars, i));
        }
        return Some(end);
    }
    Some(scan_latin(chars, i))
}

fn scan_latin(chars: &[char], i: usize) -> usize {
    let mut end = i;
    loop {
        while is_alnum(at(chars, end)) {
            end += 1;
        }
        if is_latin_inner(at(chars, end)) && is_alnum(at(chars, end + 1)) {
            end += 1;
            continue;
        }
        return end;
    }
}

/// A bare number: digits with inner separators (each followed by a digit).
fn scan_number(chars: &[char], i: usize) -> usize {
    let mut end = i;
    loop {
        while is_digit(at(chars, end)) {
            end += 1;
        }
        if is_number_inner(at(chars, end)) && is_digit(at(chars, end + 1)) {
            end += 1;
            continue;
        }
        // Thousands separators: `1,234,567`.
        if at(chars, end) == ','
            && (1..=3).all(|k| is_digit(at(chars, end + k)))
            && !is_digit(at(chars, end + 4))
        {
            end += 1;
            continue;
        }
        return end;
    }
}

/// A number with its percent sign or magnitude, an optional range to a
/// second such number, and an optional unit of date or time.
fn scan_number_phrase(chars: &[char], i: usize) -> usize {
    let quantity = |start: usize| {
        let mut end = scan_number(chars, start);
        if is_percent(at(chars, end)) || is_magnitude(at(chars, end)) {
            end += 1;
        }
        end
    };
    let mut end = quantity(i);
    if is_range_dash(at(chars, end)) && is_digit(at(chars, end + 1)) {
        end = quantity(end + 1);
    }
    let last = at(chars, end.saturating_sub(1));
    if is_digit(last) && is_date_unit(at(chars, end)) {
        end += 1;
    }
    end
}

/// A date in Chinese numerals: `二○○一年` (two or more digits), `十二月`
/// (1 to 12), `三十一日` (1 to 31). A single-character month or day counts
/// only right after a year or month, where it cannot be `一日三餐`-like.
fn scan_cn_date(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && is_cn_date_numeral(at(chars, i - 1)) {
        return None;
    }
    let mut end = i;
    while is_cn_date_numeral(at(chars, end)) {
        end += 1;
    }
    let run = chars.get(i..end)?;
    let unit = at(chars, end);
    let prev = if i > 0 { at(chars, i - 1) } else { '\0' };
    let ok = match unit {
        '年' => {
            run.len() >= 2
                && run.iter().all(|c| *c != '十')
                && run.iter().all(|c| cn_digit(*c).is_some())
        }
        '月' => cn_small_value(run).is_some_and(|v| v <= 12) && (run.len() >= 2 || prev == '年'),
        '日' | '号' => {
            cn_small_value(run).is_some_and(|v| v <= 31) && (run.len() >= 2 || prev == '月')
        }
        _ => false,
    };
    ok.then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms_of(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_atoms(&chars)
            .iter()
            .map(|a| chars[a.start..a.end].iter().collect())
            .collect()
    }

    #[test]
    fn atom_start_table_is_the_char_classes() {
        // The table must say exactly what the char classes the scanners
        // start on say, for every char (astral ones start no atom).
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let want = c < '\u{3000}' || ('０'..='ｚ').contains(&c) || is_cn_date_numeral(c);
            assert_eq!(may_start_atom(c), want, "{c:?}");
        }
        assert!(may_start_atom('二') && may_start_atom('９') && !may_start_atom('国'));
    }

    #[test]
    fn keeps_numbers_dates_and_codes_whole() {
        let table: &[(&str, &[&str])] = &[
            ("按吨位计占世界总数的１７％。", &["１７％"]),
            (
                "１９９８年１２月３１日",
                &["１９９８年", "１２月", "３１日"],
            ),
            ("增长18.4%，达4600万元", &["18.4%", "4600万"]),
            ("比分６６∶８６", &["６６∶８６"]),
            ("５０００—７０００元", &["５０００—７０００"]),
            ("二○○一年新年贺词", &["二○○一年"]),
            (
                "（二○○○年十二月三十一日）",
                &["二○○○年", "十二月", "三十一日"],
            ),
            ("一日三餐", &[]),
            (
                "请访问http://www.example.com/a?b=1。",
                &["http://www.example.com/a?b=1"],
            ),
            (
                "来信寄到zhang.san@example.cn即可",
                &["zhang.san@example.cn"],
            ),
            ("通过ＩＳＯ９００１认证", &["ＩＳＯ９００１"]),
            ("人口1,234,567人", &["1,234,567"]),
            ("晚上11、12时", &["11", "12时"]),
            ("e-mail和AT&T", &["e-mail", "AT&T"]),
            ("新世纪——二○○一年……", &["——", "二○○一年", "……"]),
        ];
        for (text, want) in table {
            assert_eq!(atoms_of(text), want.to_vec(), "{text}");
        }
    }
}
