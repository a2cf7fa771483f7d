//! Invented department submissions for the materials benches (nianbao-materials' reading and
//! classifying, nianbao-desk's whole import): the same 示例市 file `k` for both.

/// Sentences with `{n}` and `{m}` for figures that differ from paragraph to paragraph.
pub const SENTENCES: &[&str] = &[
    "全年办理行政复议案件{n}件，行政机关负责人出庭应诉率100%，调解矛盾纠纷{m}起。",
    "开展“八五”普法宣传活动{n}场，落实“谁执法谁普法”责任制，受众{m}人次。",
    "全面落实行政执法三项制度，开展执法案卷评查{n}次，规范行政处罚{m}件。",
    "深化“放管服”改革，优化营商环境，全年办理行政许可{n}件，压减审批时限{m}%。",
    "严格落实重大行政决策程序，组织合法性审查{n}件，法律顾问参与{m}次。",
    "主要负责人切实履行推进法治建设第一责任人职责，召开专题会议{n}次。",
    "一是基层执法力量仍然薄弱，二是法治宣传的针对性还不够强。",
    "下一步，我局将继续深化法治政府建设，提升依法行政水平。",
];

/// The `i`-th invented paragraph.
pub fn paragraph(i: usize) -> String {
    SENTENCES[i % SENTENCES.len()]
        .replace("{n}", &(10 + i * 7 % 300).to_string())
        .replace("{m}", &(5 + i * 13 % 500).to_string())
}

/// The lines of the `k`-th department's submission: title, three parts, signature and date.
pub fn submission(k: usize) -> Vec<String> {
    let mut lines = vec![format!("示例市第{k}局2024年法治政府建设情况报告")];
    for (h, head) in ["一、主要工作", "二、存在的不足", "三、下一步打算"]
        .iter()
        .enumerate()
    {
        lines.push((*head).to_owned());
        for j in 0..12 {
            lines.push(format!(
                "{}{}",
                paragraph(k + h * 12 + j),
                paragraph(k + j + 3)
            ));
        }
    }
    lines.push(format!("示例市第{k}局"));
    lines.push("2025年1月6日".to_owned());
    lines
}
