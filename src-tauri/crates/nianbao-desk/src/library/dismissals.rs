//! 不是错误: the drafter's word that a finding of a draft is not an error, kept in the library
//! for that draft so the next check does not show it again, and taken back on request.
//!
//! A finding is named by [`finding_key`]: its code, the words it is about and a little of the
//! sentence around them — never its line, which moves as the drafter writes above it. When the
//! words around it change, the key changes too and the finding is asked about afresh.

use std::collections::{HashMap, HashSet};

use nianbao_check::Finding;

use super::Desk;
use crate::DeskError;
use crate::dto::DismissedFinding;

/// Characters of the sentence kept on each side of the words a finding is about.
const CONTEXT_CHARS: usize = 8;

/// What names a finding across checks of one draft: code, words and nearby context (or the
/// whole excerpt for a finding about no one span).
pub(crate) fn finding_key(f: &Finding) -> String {
    let code = f.code.to_string();
    let Some(matched) = f.matched.as_deref().filter(|m| !m.is_empty()) else {
        return format!("{code}|{}", f.excerpt);
    };
    let context = match f.excerpt.find(matched) {
        Some(at) => {
            let before: String = {
                let chars: Vec<char> = f.excerpt[..at].chars().collect();
                chars[chars.len().saturating_sub(CONTEXT_CHARS)..]
                    .iter()
                    .collect()
            };
            let after: String = f.excerpt[at + matched.len()..]
                .chars()
                .take(CONTEXT_CHARS)
                .collect();
            format!("{before}〔{matched}〕{after}")
        }
        None => matched.to_owned(),
    };
    format!("{code}|{context}")
}

impl Desk {
    /// Keep the drafter's 不是错误 about the finding `key` of a draft (`label` for the list).
    pub fn dismiss_finding(&self, draft_id: i64, key: &str, label: &str) -> Result<(), DeskError> {
        self.with_store(|s| {
            s.get_draft(draft_id)?;
            Ok(s.dismiss_finding(draft_id, key, label)?)
        })
    }

    /// Take a 不是错误 back: the finding shows again at the next check. True when there was one.
    pub fn restore_finding(&self, draft_id: i64, key: &str) -> Result<bool, DeskError> {
        self.with_store(|s| Ok(s.restore_finding(draft_id, key)?))
    }

    /// The findings the drafter dismissed in a draft, oldest first.
    pub fn dismissed_findings(&self, draft_id: i64) -> Result<Vec<DismissedFinding>, DeskError> {
        let kept = self.with_store(|s| Ok(s.dismissals(draft_id)?))?;
        Ok(kept.iter().map(DismissedFinding::from).collect())
    }

    /// `nianbao check --db`: take out of `findings` those the drafter dismissed (不是错误) in a
    /// draft of this report — a draft for `year` that follows a report of `government` — as the
    /// window does for the draft itself. Returns how many were taken out.
    pub fn drop_dismissed(
        &self,
        government: &str,
        year: i32,
        findings: &mut Vec<Finding>,
    ) -> Result<usize, DeskError> {
        let keys = self.with_store(|s| {
            let governments: HashMap<i64, Option<String>> = s
                .list_reports()?
                .into_iter()
                .map(|r| (r.id, r.government))
                .collect();
            let mut keys = HashSet::new();
            for draft in s.list_drafts()? {
                let follows = draft
                    .from_report
                    .and_then(|r| governments.get(&r))
                    .and_then(|g| g.as_deref());
                if draft.year == year && follows == Some(government) {
                    keys.extend(s.dismissals(draft.id)?.into_iter().map(|d| d.key));
                }
            }
            Ok(keys)
        })?;
        let before = findings.len();
        findings.retain(|f| !keys.contains(&finding_key(f)));
        Ok(before - findings.len())
    }
}

#[cfg(test)]
mod tests {
    use nianbao_check::Code;

    use super::*;

    fn typo(excerpt: &str, column: usize) -> Finding {
        Finding::new(Code::ProofTypo, 3, excerpt, "“布署”应为“部署”".into()).with_fix(
            "布署",
            column,
            Some("部署".into()),
        )
    }

    #[test]
    fn a_key_does_not_depend_on_the_line_or_column() {
        let a = typo("全面布署年度工作。", 2);
        let mut b = typo("全面布署年度工作。", 40);
        b.line = 17;
        assert_eq!(
            finding_key(&a),
            finding_key(&b),
            "text typed above the finding must not bring a dismissed finding back"
        );
        assert!(finding_key(&a).contains("布署"), "{}", finding_key(&a));
    }

    #[test]
    fn the_same_slip_elsewhere_has_its_own_key() {
        let a = typo("全面布署年度工作。", 2);
        let b = typo("认真布署执法检查。", 2);
        assert_ne!(
            finding_key(&a),
            finding_key(&b),
            "dismissing one 布署 must not hide another in a different sentence"
        );
    }

    #[test]
    fn dismissals_of_the_drafts_of_one_government_and_year_are_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let desk = Desk::in_folder(dir.path());
        let overview = desk.overview().expect("the sample library is seeded");
        let draft = overview.drafts.first().expect("the sample has a draft");
        let government = overview
            .reports
            .iter()
            .find(|r| Some(r.id) == draft.last_report_id)
            .map(|r| r.government.clone())
            .expect("the sample draft follows a report");
        let a = typo("全面布署年度工作。", 2);
        let b = typo("认真布署执法检查。", 2);
        desk.dismiss_finding(draft.id, &finding_key(&a), "布署 → 部署")
            .expect("dismiss");
        let mut findings = vec![a.clone(), b.clone()];
        assert_eq!(
            desk.drop_dismissed(&government, draft.year, &mut findings)
                .expect("drop"),
            1
        );
        assert_eq!(findings, vec![b.clone()], "only the dismissed one goes");
        for (g, y) in [
            (government.as_str(), draft.year + 1),
            ("另一个县人民政府", draft.year),
        ] {
            let mut findings = vec![a.clone(), b.clone()];
            assert_eq!(desk.drop_dismissed(g, y, &mut findings).expect("drop"), 0);
            assert_eq!(
                findings.len(),
                2,
                "another year or government keeps all: {g} {y}"
            );
        }
    }

    #[test]
    fn a_dismissed_finding_stays_dismissed_for_its_draft_across_restarts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let draft = {
            let desk = Desk::in_folder(dir.path());
            let overview = desk.overview().expect("the sample library is seeded");
            let draft = overview.drafts.first().expect("the sample has a draft").id;
            let text =
                "示例市2024年法治政府建设年度报告\n一、主要工作\n全面布署年度法治政府建设工作。";
            let check = desk.check_draft(text, None, Some(2024)).expect("check");
            let typo = check
                .findings
                .iter()
                .find(|f| f.matched.as_deref() == Some("布署"))
                .expect("the checker finds 布署");
            assert_eq!(typo.suggestion.as_deref(), Some("部署"));
            desk.dismiss_finding(draft, &typo.key, "布署 → 部署")
                .expect("dismiss");
            // Text typed above the finding moves its line; its key stays the same.
            let moved = text.replace("一、主要工作", "一、主要工作\n（新增一段）");
            let again = desk.check_draft(&moved, None, Some(2024)).expect("check");
            assert!(
                again.findings.iter().any(|f| f.key == typo.key),
                "the same finding a line lower keeps its key"
            );
            draft
        };
        let desk = Desk::in_folder(dir.path());
        let kept = desk.dismissed_findings(draft).expect("list");
        assert_eq!(
            kept.len(),
            1,
            "the dismissal is in the library, not the window"
        );
        assert_eq!(kept[0].label, "布署 → 部署");
        assert!(desk.restore_finding(draft, &kept[0].key).expect("restore"));
        assert!(desk.dismissed_findings(draft).expect("list").is_empty());
        assert!(
            desk.dismiss_finding(draft + 1000, "k", "l").is_err(),
            "no dismissal for a draft that does not exist"
        );
    }
}
