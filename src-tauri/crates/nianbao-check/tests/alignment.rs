//! Figure alignment across years when the wording changes.
//!
//! 1. Invented reworded pairs (示例市), one per kind of rewording a drafter makes: a longer
//!    activity list, a verb phrase around the same count, a named document instead of a list of
//!    actions, an alias (收到/新收, 办结/审结, 审核/审查, 出庭应诉率/出庭率), an unnamed figure
//!    repeated word for word — and look-alikes that must stay apart.
//! 2. The drafter's links: obeyed, surviving a re-import, and never overruled.
//! 3. Labels of the real consecutive series (tests/labels/pairs.toml, read against
//!    ../shared/corpus-dev at run time; nothing of the corpus is in the repository): recall and
//!    wrong pairs on the half the weights were tuned on and on the held-out half.

#[path = "../../../../tests/support/corpus.rs"]
mod corpus_support;

use corpus_support::corpus_dev_dir;

use nianbao_check::figures::{Alignment, FigureAligner, FigureKey, FigureLink, LinkKind, PAIRED};
use nianbao_check::{CheckOptions, CheckReport, RowStatus, Rules, Severity, check, check_linked};
use nianbao_report::{Report, parse_text};
use serde::Deserialize;

fn align(this: &Report, last: &Report) -> Alignment {
    FigureAligner::new(Rules::embedded()).align(this, last)
}

/// A one-paragraph report of 示例市 for `year`.
fn report(year: i32, body: &str) -> Report {
    parse_text(&format!(
        "示例市{year}年法治政府建设年度报告\n一、加强组织领导\n{body}"
    ))
}

/// The (last raw, this raw) of every pair, and their confidence.
fn pairs(this: &Report, last: &Report) -> Vec<(String, String, f64)> {
    align(this, last)
        .pairs
        .iter()
        .map(|p| {
            (
                last.figures[p.last].raw.clone(),
                this.figures[p.this].raw.clone(),
                p.confidence,
            )
        })
        .collect()
}

fn paired(this: &Report, last: &Report, last_raw: &str, this_raw: &str) -> Option<f64> {
    pairs(this, last)
        .into_iter()
        .find(|(l, t, _)| l == last_raw && t == this_raw)
        .map(|(_, _, c)| c)
}

#[test]
fn a_longer_activity_list_is_the_same_lecture_count() {
    let last = report(2023, "举办机关干部法治讲座（培训、报告会）320场。");
    let this = report(2024, "组织开展专题学法和法治讲座（培训、报告会）510余场。");
    assert!(
        paired(&this, &last, "320场", "510余场").is_some(),
        "讲座（培训、报告会） both years: {:?} / {:?}",
        pairs(&this, &last),
        this.figures
    );
}

#[test]
fn a_verb_phrase_around_the_same_count_is_the_same_count() {
    let last = report(2023, "市政府常务会议研究法治政府建设议题8次。");
    let this = report(2024, "召开常务会等会议研究法治政府建设工作10余次。");
    assert!(
        paired(&this, &last, "8次", "10余次").is_some(),
        "研究法治政府建设: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn a_named_document_instead_of_a_list_of_actions_is_the_same_count() {
    let last = report(2023, "制定、修改和废止政府规章9件。");
    let this = report(2024, "制定《示例市公共资源交易管理办法》等政府规章3件。");
    assert!(
        paired(&this, &last, "9件", "3件").is_some(),
        "政府规章: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn aliases_pair_the_words_drafters_swap() {
    for (last_text, this_text, l, t) in [
        (
            "收到行政复议申请120件。",
            "新收行政复议申请130件。",
            "120件",
            "130件",
        ),
        (
            "全年审结行政诉讼案件88件。",
            "全年办结行政诉讼案件95件。",
            "88件",
            "95件",
        ),
        (
            "审核行政规范性文件56件。",
            "审查行政规范性文件60件。",
            "56件",
            "60件",
        ),
        (
            "行政机关负责人出庭应诉率达98%。",
            "行政机关负责人出庭率达100%。",
            "98%",
            "100%",
        ),
    ] {
        let (last, this) = (report(2023, last_text), report(2024, this_text));
        assert!(
            paired(&this, &last, l, t).is_some(),
            "{last_text} / {this_text}: {:?}",
            pairs(&this, &last)
        );
    }
}

#[test]
fn an_unnamed_figure_repeated_word_for_word_is_paired_and_flagged_unchanged() {
    let text = "区政府党组会议专题研究法治建设重点任务30余次。";
    let (last, this) = (report(2023, text), report(2024, text));
    let c = paired(&this, &last, "30余次", "30余次");
    assert!(
        c.is_some_and(|c| c >= 0.6),
        "the same clause both years is a sure pair: {:?}",
        pairs(&this, &last)
    );
    let result = check(&this, Some(&last));
    assert!(
        result.findings.iter().any(|f| f.code == "figure.unchanged"),
        "and its unchanged value is reported: {:?}",
        result.findings
    );
}

#[test]
fn a_list_of_laws_studied_is_the_same_count_as_study_sessions() {
    // The action (学法/集体学习) is the nearest alias word before the number, behind the titles.
    let last = report(2023, "市政府常务会议学法8次。");
    let this = report(
        2024,
        "市政府常务会议集体学习《示例市物业管理条例》《示例市河道管理办法》等法律法规10次。",
    );
    assert!(
        paired(&this, &last, "8次", "10次").is_some_and(|c| c >= 0.5),
        "学法 / 集体学习《…》等法律法规: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn an_alias_phrase_the_word_splitter_cuts_still_names_the_object() {
    let last = report(2023, "接受区属部门备案行政规范性文件19件。");
    let this = report(2024, "备案部门文件13件。");
    assert!(
        paired(&this, &last, "19件", "13件").is_some_and(|c| c >= 0.5),
        "部门文件 / 行政规范性文件: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn a_report_in_traditional_characters_pairs_with_its_simplified_successor() {
    let last = report(2023, "示例區管委會累計承接市級賦權108項。");
    let this = report(2024, "累计承接三批市级赋权308项。");
    assert!(
        paired(&this, &last, "108項", "308项").is_some_and(|c| c >= 0.5),
        "承接市级赋权 in both scripts: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn information_published_and_one_field_of_it_stay_apart() {
    // Both name 公开 and 信息 before the number; the field (重点领域) makes the second a part.
    let last = report(2023, "主动公开政府信息22000条。");
    let this = report(
        2024,
        "主动公开政府信息24000条，其中重点领域信息公开1300条。",
    );
    assert!(
        paired(&this, &last, "22000条", "24000条").is_some_and(|c| c >= 0.5),
        "the total pairs: {:?}",
        pairs(&this, &last)
    );
    assert!(
        paired(&this, &last, "22000条", "1300条").is_none(),
        "the field is not the total: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn look_alikes_with_the_same_unit_stay_apart() {
    // People trained and people tested, cases received and documents filed.
    let last = report(
        2023,
        "培训行政执法人员2000人次。全年受理行政复议申请120件。",
    );
    let this = report(
        2024,
        "组织公职人员参加网上学法考试1800人次。备案行政规范性文件40件。",
    );
    assert!(
        pairs(&this, &last).iter().all(|(_, _, c)| *c < 0.5),
        "nothing here is the same figure: {:?}",
        pairs(&this, &last)
    );
}

#[test]
fn every_figure_of_this_year_has_a_row_even_unnamed_and_unpaired() {
    let last = report(2023, "组织法治文艺演出12场。");
    let this = report(2024, "开展宪法宣传周活动40场。新建法治文化公园3个。");
    let result = check(&this, Some(&last));
    for f in &this.figures {
        assert!(
            result
                .figures
                .iter()
                .any(|r| r.this_line == Some(f.line) && r.this_value == Some(f.value)),
            "{} has a row: {:#?}",
            f.raw,
            result.figures
        );
    }
}

#[test]
fn a_possible_pair_is_a_hint_never_an_error() {
    // A weak pair with a stated growth that the weak pair would contradict.
    let last = report(2023, "开展法治宣传活动300场。");
    let this = report(2024, "举办送法进社区讲座510场，同比增长20%。");
    let al = align(&this, &last);
    let result = check(&this, Some(&last));
    for p in &al.pairs {
        if p.confidence < 0.6 {
            assert!(
                result
                    .findings
                    .iter()
                    .all(|f| f.severity != Severity::Error && f.code != "figure.swing"),
                "no warning or error from a pair below the line: {:?}",
                result.findings
            );
        }
        if p.confidence < 0.5 {
            assert!(result.findings.iter().any(|f| f.code == "figure.possible"));
        }
    }
}

fn key(r: &Report, raw: &str) -> Option<FigureKey> {
    r.figures.iter().find(|f| f.raw == raw).map(FigureKey::of)
}

fn check_with_links(this: &Report, last: &Report, links: &[FigureLink]) -> CheckReport {
    check_linked(
        this,
        Some(last),
        &CheckOptions::default(),
        Rules::embedded(),
        links,
    )
}

#[test]
fn the_drafters_link_pairs_what_the_aligner_would_not_and_survives_a_reimport() {
    let last_text = "举办法治文艺演出12场。开展法治宣传活动300场。";
    let this_text = "组织“法律进万家”巡回演出15场。";
    let (last, this) = (report(2023, last_text), report(2024, this_text));
    let link = FigureLink {
        kind: LinkKind::Same,
        this: key(&this, "15场"),
        last: key(&last, "12场"),
    };
    // Re-imported: white space and line breaks changed, the figures are the same.
    let last2 = report(2023, "举办法治文艺演出 12场。\n开展法治宣传活动300场。");
    let this2 = report(2024, "组织“法律进万家”巡回演出15场。");
    for (t, l) in [(&this, &last), (&this2, &last2)] {
        let result = check_with_links(t, l, std::slice::from_ref(&link));
        let row = result
            .figures
            .iter()
            .find(|r| r.this_value == Some(15.0))
            .cloned();
        assert!(
            row.as_ref().is_some_and(|r| r.last_value == Some(12.0)
                && r.status == RowStatus::Linked
                && r.confidence >= 0.99),
            "the link holds: {row:?}"
        );
    }
}

#[test]
fn an_unlinked_pair_stays_apart_and_a_not_comparable_figure_is_neither_new_nor_paired() {
    let last = report(2023, "全年受理行政复议申请120件。");
    let this = report(2024, "全年受理行政复议申请130件。");
    assert!(paired(&this, &last, "120件", "130件").is_some());
    let unlink = FigureLink {
        kind: LinkKind::NotSame,
        this: key(&this, "130件"),
        last: key(&last, "120件"),
    };
    let result = check_with_links(&this, &last, &[unlink]);
    assert!(
        !result
            .figures
            .iter()
            .any(|r| r.this_value == Some(130.0) && r.last_value == Some(120.0)),
        "unlinked: {:#?}",
        result.figures
    );
    let apart = FigureLink {
        kind: LinkKind::NotComparable,
        this: key(&this, "130件"),
        last: None,
    };
    let result = check_with_links(&this, &last, &[apart]);
    let row = result.figures.iter().find(|r| r.this_value == Some(130.0));
    assert_eq!(row.map(|r| r.status), Some(RowStatus::NotComparable));
    assert!(
        result
            .findings
            .iter()
            .all(|f| !f.code.as_str().starts_with("figure.") || f.this_value != Some(130.0)),
        "no figure finding about a figure the drafter set apart: {:?}",
        result.findings
    );
}

// ---------------------------------------------------------------------------------------------
// Labels of the real series.

#[derive(Deserialize)]
struct LabelFile {
    pair: Vec<LabelPair>,
}

#[derive(Deserialize)]
struct LabelPair {
    half: String,
    last: String,
    this: String,
    same: Vec<[String; 4]>,
    #[serde(rename = "not")]
    not_pairs: Vec<[String; 4]>,
}

/// Traditional characters of raw figures and clauses read as simplified (labels are simplified).
fn simplified(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '項' => '项',
            '個' => '个',
            '條' => '条',
            '場' => '场',
            '餘' => '余',
            '萬' => '万',
            '處' => '处',
            '論' => '论',
            '學' => '学',
            '會' => '会',
            '議' => '议',
            '與' => '与',
            '辦' => '办',
            '線' => '线',
            '當' => '当',
            '審' => '审',
            '開' => '开',
            '門' => '门',
            '創' => '创',
            '綜' => '综',
            '範' => '范',
            '賦' => '赋',
            '權' => '权',
            '壓' => '压',
            '縮' => '缩',
            '區' => '区',
            '證' => '证',
            '離' => '离',
            '細' => '细',
            '則' => '则',
            '習' => '习',
            '練' => '练',
            '訓' => '训',
            '規' => '规',
            '體' => '体',
            '職' => '职',
            '務' => '务',
            '專' => '专',
            '題' => '题',
            '請' => '请',
            '複' => '复',
            '復' => '复',
            '應' => '应',
            '訴' => '诉',
            '導' => '导',
            '幹' => '干',
            '觀' => '观',
            '測' => '测',
            '點' => '点',
            '統' => '统',
            '計' => '计',
            '檔' => '档',
            '單' => '单',
            '據' => '据',
            '數' => '数',
            '動' => '动',
            '實' => '实',
            '現' => '现',
            '網' => '网',
            '試' => '试',
            '頒' => '颁',
            '佈' => '布',
            '說' => '说',
            '讀' => '读',
            '聽' => '听',
            _ => c,
        })
        .collect()
}

/// The figure of `r` written `raw` whose clause holds `keyword`.
fn find(r: &Report, raw: &str, keyword: &str) -> Option<usize> {
    r.figures
        .iter()
        .position(|f| simplified(&f.raw) == raw && simplified(&f.excerpt).contains(keyword))
}

/// The two confidence lines a pair is reported at: a pair (`figure.changed`, from
/// [`PAIRED`]) and a hint the drafter can confirm (`figure.possible`, every pair the aligner
/// keeps).
const LINES: [(&str, f64); 2] = [("pair", PAIRED), ("pair or hint", 0.0)];

/// How the aligner did on one half at one confidence line.
#[derive(Debug, Default, Clone)]
struct Score {
    /// Report pairs (last year, this year) labelled.
    reports: usize,
    /// Real figure pairs labelled, and those whose two figures the parser finds.
    labelled: usize,
    resolved: usize,
    /// Real pairs reported at or above the line.
    found: usize,
    /// Pairs reported at or above the line, and those of them that are not real.
    reported: usize,
    wrong: usize,
    /// Look-alikes labelled (both figures found), and those reported as a pair.
    lookalikes: usize,
    lookalikes_paired: usize,
    missed: Vec<String>,
    wrong_pairs: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        if self.resolved == 0 {
            1.0
        } else {
            self.found as f64 / self.resolved as f64
        }
    }

    fn wrong_rate(&self) -> f64 {
        if self.reported == 0 {
            0.0
        } else {
            self.wrong as f64 / self.reported as f64
        }
    }
}

/// The scores of `half`, one per line of [`LINES`]; `None` without the corpus.
fn measure(half: &str) -> Option<[Score; 2]> {
    let dir = corpus_dev_dir();
    if !dir.is_dir() {
        eprintln!("label test skipped: no corpus-dev at {}", dir.display());
        return None;
    }
    let labels: LabelFile = toml::from_str(include_str!("labels/pairs.toml"))
        .unwrap_or_else(|e| panic!("labels/pairs.toml: {e}"));
    let read = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{name} must be readable: {e}"));
        parse_text(&text)
    };
    let mut scores = [Score::default(), Score::default()];
    for lp in labels.pair.iter().filter(|p| p.half == half) {
        let (last, this) = (read(&lp.last), read(&lp.this));
        let al = align(&this, &last);
        let mut truth = Vec::new();
        let mut labelled = 0;
        for [lr, lk, tr, tk] in &lp.same {
            labelled += 1;
            let (Some(j), Some(i)) = (find(&last, lr, lk), find(&this, tr, tk)) else {
                eprintln!(
                    "{} → {}: label {lr}/{lk} → {tr}/{tk} not found",
                    lp.last, lp.this
                );
                continue;
            };
            truth.push((i, j, format!("{}: {lr}({lk}) → {tr}({tk})", lp.this)));
        }
        let mut lookalikes = Vec::new();
        for [lr, lk, tr, tk] in &lp.not_pairs {
            let (j, i) = (find(&last, lr, lk), find(&this, tr, tk));
            assert!(
                j.is_some() || i.is_some(),
                "{} → {}: look-alike {lr}/{tr} names no figure at all",
                lp.last,
                lp.this
            );
            if let (Some(i), Some(j)) = (i, j) {
                lookalikes.push((i, j));
            }
        }
        for (score, (_, line)) in scores.iter_mut().zip(LINES) {
            let shown: Vec<_> = al
                .pairs
                .iter()
                .filter(|p| p.linked || p.confidence >= line)
                .collect();
            score.reports += 1;
            score.labelled += labelled;
            score.resolved += truth.len();
            score.lookalikes += lookalikes.len();
            for (i, j, name) in &truth {
                match shown.iter().find(|p| p.this == *i && p.last == *j) {
                    Some(p) => {
                        score.found += 1;
                        if line == 0.0 {
                            eprintln!("  {half}: {name} {:.2} {:?}", p.confidence, p.words);
                        }
                    }
                    None => score.missed.push(name.clone()),
                }
            }
            for p in &shown {
                score.reported += 1;
                if lookalikes.contains(&(p.this, p.last)) {
                    score.lookalikes_paired += 1;
                }
                if !truth.iter().any(|(i, j, _)| (*i, *j) == (p.this, p.last)) {
                    score.wrong += 1;
                    score.wrong_pairs.push(format!(
                        "{}: {}({}) → {}({}) {:.2} {:?}",
                        lp.this,
                        last.figures[p.last].raw,
                        last.figures[p.last].metric,
                        this.figures[p.this].raw,
                        this.figures[p.this].metric,
                        p.confidence,
                        p.words
                    ));
                }
            }
        }
    }
    Some(scores)
}

/// The figures table of both halves, on stderr.
fn table(halves: &[(&str, &[Score; 2])]) -> String {
    let mut out = String::from(
        "half     line          reports  labelled  in text  found  recall  reported  wrong  wrong%  look-alikes paired\n",
    );
    for (half, scores) in halves {
        for (s, (line, at)) in scores.iter().zip(LINES) {
            let line = if at > 0.0 {
                format!("{line} ≥{at:.2}")
            } else {
                (*line).to_owned()
            };
            out.push_str(&format!(
                "{half:<8} {line:<13} {:>7}  {:>8}  {:>7}  {:>5}  {:>6.2}  {:>8}  {:>5}  {:>5.1}%  {}/{}\n",
                s.reports,
                s.labelled,
                s.resolved,
                s.found,
                s.recall(),
                s.reported,
                s.wrong,
                s.wrong_rate() * 100.0,
                s.lookalikes_paired,
                s.lookalikes,
            ));
        }
    }
    for (half, scores) in halves {
        for (s, (line, _)) in scores.iter().zip(LINES) {
            if !s.missed.is_empty() || !s.wrong_pairs.is_empty() {
                out.push_str(&format!(
                    "{half} {line}: missed {:?}; wrong {:?}\n",
                    s.missed, s.wrong_pairs
                ));
            }
        }
    }
    out
}

/// Floors at the figures measured on the labels (the printed table), per half and line:
/// (min recall, max share of wrong pairs among those reported). The bar is recall ≥ 0.9
/// with at most 3% wrong on each half; the floors sit at what the aligner measured when the
/// labels were last extended (tune 11/12 pairs, 12/12 with hints; holdout 7/7; nothing wrong),
/// so a change that does worse on either half fails here.
const FLOORS: [(&str, [(f64, f64); 2]); 2] = [
    ("tune", [(11.0 / 12.0, 0.03), (1.0, 0.03)]),
    ("holdout", [(1.0, 0.03), (1.0, 0.03)]),
];

#[test]
fn labels_recall_and_wrong_pairs_on_both_halves() {
    let (Some(tune), Some(holdout)) = (measure("tune"), measure("holdout")) else {
        return;
    };
    let halves = [("tune", &tune), ("holdout", &holdout)];
    eprintln!("{}", table(&halves));
    for ((half, scores), (floor_half, floors)) in halves.iter().zip(FLOORS) {
        assert_eq!(*half, floor_half);
        for (s, ((line, _), (min_recall, max_wrong))) in scores.iter().zip(LINES.iter().zip(floors))
        {
            assert!(
                s.resolved * 10 >= s.labelled * 9,
                "{half}: the labels must name figures the parser finds: {s:?}"
            );
            assert!(
                s.recall() >= min_recall,
                "{half}, {line}: recall {:.2} < {min_recall}: missed {:?}",
                s.recall(),
                s.missed
            );
            assert!(
                s.wrong_rate() <= max_wrong,
                "{half}, {line}: {:.1}% wrong pairs > {:.1}%: {:?}",
                s.wrong_rate() * 100.0,
                max_wrong * 100.0,
                s.wrong_pairs
            );
        }
    }
}

/// On every labelled report pair of the real series: a warning or an error about a figure
/// compared with last year's comes only from a sure pair; a pair below the line is at most an
/// info hint.
#[test]
fn on_the_real_series_no_warning_or_error_comes_from_a_pair_below_the_line() {
    let dir = corpus_dev_dir();
    if !dir.is_dir() {
        eprintln!("skipped: no corpus-dev at {}", dir.display());
        return;
    }
    let labels: LabelFile = toml::from_str(include_str!("labels/pairs.toml"))
        .unwrap_or_else(|e| panic!("labels/pairs.toml: {e}"));
    let read = |name: &str| {
        parse_text(
            &std::fs::read_to_string(dir.join(name))
                .unwrap_or_else(|e| panic!("{name} must be readable: {e}")),
        )
    };
    let mut weak = 0;
    for lp in &labels.pair {
        let (last, this) = (read(&lp.last), read(&lp.this));
        let al = align(&this, &last);
        let result = check(&this, Some(&last));
        for p in al.pairs.iter().filter(|p| !p.is_sure()) {
            weak += 1;
            let (a, b) = (&this.figures[p.this], &last.figures[p.last]);
            for f in &result.findings {
                let about_pair = f.line == a.line
                    && f.this_value == Some(a.value)
                    && f.last_value == Some(b.value);
                assert!(
                    !about_pair || f.severity == Severity::Info,
                    "{} → {}: {f:?} comes from a pair at {:.2}",
                    lp.last,
                    lp.this,
                    p.confidence
                );
            }
        }
    }
    eprintln!("pairs below the line on the real series: {weak}");
}

/// `NIANBAO_DEBUG_PAIR=last.txt,this.txt cargo test -p nianbao-check --test alignment debug -- --ignored --nocapture`
#[test]
#[ignore = "a tool for tuning: prints every candidate of two corpus-dev files"]
fn debug_candidates_of_two_files() {
    let Some(spec) = std::env::var_os("NIANBAO_DEBUG_PAIR") else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let Some((l, t)) = spec.split_once(',') else {
        return;
    };
    let read = |n: &str| {
        parse_text(&std::fs::read_to_string(corpus_dev_dir().join(n)).unwrap_or_default())
    };
    let (last, this) = (read(l), read(t));
    let al = align(&this, &last);
    for p in &al.pairs {
        eprintln!(
            "PAIR {} ({}) ← {} ({}) {:.2} {:?}",
            this.figures[p.this].raw,
            this.figures[p.this].excerpt,
            last.figures[p.last].raw,
            last.figures[p.last].excerpt,
            p.confidence,
            p.words
        );
    }
    for (i, cs) in &al.candidates {
        for c in cs {
            eprintln!(
                "CAND {} ← {} {:.2} {:?}",
                this.figures[*i].raw, last.figures[c.last].raw, c.confidence, c.words
            );
        }
    }
    eprintln!(
        "ambiguous this {:?} last {:?}",
        al.ambiguous_this, al.ambiguous_last
    );
}
