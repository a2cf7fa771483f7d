//! The two deadlines of a report and what still blocks each: the 报送版 is due by 3月1日 of the
//! year after the report's year, the 公开版 by 4月1日 (法治政府建设与责任落实督察工作规定). The window
//! shows this for the current draft; the engine only counts and lists, it decides nothing.

use nianbao_report::{Report, SectionKind};
use serde::Serialize;

use crate::export::version::{DeliveryFields, ExportVersion, MarkLeft, version_marks};

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    pub fn new(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    /// Today in China (UTC+8, no daylight saving), by the system clock.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let secs = i64::try_from(secs).unwrap_or(0);
        Day::from_days((secs + 8 * 3600).div_euclid(86_400))
    }

    /// The day `days` after 1970-01-01 (civil-from-days).
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// `2026年3月1日`.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (days-from-civil).
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// One deadline of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub version: ExportVersion,
    /// `报送版` / `公开版`.
    pub label: &'static str,
    pub due: Day,
    /// Negative once the day has passed.
    pub days_left: i64,
    /// What still stands in the way, in Chinese, one item each (empty: ready).
    pub blocking: Vec<String>,
}

/// The draft's standing against both deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineStatus {
    /// The year the report is about (its deadlines fall in the next year).
    pub report_year: i32,
    pub submit: Deadline,
    pub public: Deadline,
    /// Every fill-in mark left in the draft, in order.
    pub marks: Vec<MarkLeft>,
    /// Required parts the draft has no section for, by their Chinese names.
    pub missing_parts: Vec<&'static str>,
}

/// The parts every annual report must have (besides the measures taken, which is its body).
const REQUIRED: [(SectionKind, &str); 3] = [
    (
        SectionKind::Organization,
        "党政主要负责人履行第一责任人职责情况",
    ),
    (SectionKind::Problems, "存在的不足和原因"),
    (SectionKind::NextYear, "下一年度工作安排"),
];

/// Where the draft stands on `today`. `error_findings` is the number of error-level findings
/// of the draft's check (the checker is another crate; the caller passes its count).
pub fn delivery_status(
    report: &Report,
    fields: &DeliveryFields,
    today: Day,
    error_findings: usize,
) -> DeadlineStatus {
    let report_year = report.meta.year.unwrap_or(if today.month >= 4 {
        today.year
    } else {
        today.year - 1
    });
    let fields = fields.clone().or(DeliveryFields::from_report(report));
    // The marks the 公开版 would hold, numbered as its refusal numbers them: a mark in a line
    // the delivery fields replace (a date given in the fields) no longer counts.
    let marks = version_marks(report, &fields, ExportVersion::Public);
    let kinds: Vec<SectionKind> = report.all_sections().iter().map(|s| s.kind).collect();
    let missing_parts: Vec<&'static str> = REQUIRED
        .iter()
        .filter(|(kind, _)| !kinds.contains(kind))
        .map(|(_, name)| *name)
        .collect();

    let deadline = |version: ExportVersion, month: u32| {
        let due = Day::new(report_year + 1, month, 1);
        let mut blocking: Vec<String> = fields
            .missing(version)
            .into_iter()
            .map(|m| format!("缺{m}"))
            .collect();
        if !marks.is_empty() {
            blocking.push(format!("待填标记 {} 处", marks.len()));
        }
        if error_findings > 0 {
            blocking.push(format!("核对错误 {error_findings} 处"));
        }
        blocking.extend(missing_parts.iter().map(|p| format!("缺少部分：{p}")));
        Deadline {
            version,
            label: version.label(),
            due,
            days_left: due.days() - today.days(),
            blocking,
        }
    };
    DeadlineStatus {
        report_year,
        submit: deadline(ExportVersion::Submit, 3),
        public: deadline(ExportVersion::Public, 4),
        marks,
        missing_parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::parse_text;

    const DRAFT: &str = "示例县2025年法治政府建设年度报告\n示例市人民政府：\n2025年，全县……\n一、主要举措和成效\n（一）加强党的领导。全年办结【113件→？】。\n二、存在的不足和原因\n一是……。\n三、2026年工作安排\n一是……。\n示例县人民政府\n2026年【月】【日】";

    #[test]
    fn days_are_counted_across_months_and_leap_years() {
        assert_eq!(Day::new(1970, 1, 1).days(), 0);
        assert_eq!(
            Day::new(2028, 3, 1).days() - Day::new(2028, 2, 1).days(),
            29
        );
        assert_eq!(
            Day::new(2026, 3, 1).days() - Day::new(2026, 2, 1).days(),
            28
        );
        assert_eq!(
            Day::new(2027, 1, 1).days() - Day::new(2026, 1, 1).days(),
            365
        );
    }

    #[test]
    fn days_convert_back_to_calendar_days() {
        for day in [
            Day::new(1970, 1, 1),
            Day::new(2000, 2, 29),
            Day::new(2026, 3, 1),
            Day::new(2028, 12, 31),
            Day::new(1969, 12, 31),
        ] {
            assert_eq!(Day::from_days(day.days()), day);
        }
        assert_eq!(Day::new(2026, 3, 1).chinese(), "2026年3月1日");
        let today = Day::today();
        assert!(today.year >= 2024 && (1..=12).contains(&today.month));
    }

    #[test]
    fn both_deadlines_with_what_blocks_them() {
        let report = parse_text(DRAFT);
        let status = delivery_status(
            &report,
            &DeliveryFields::default(),
            Day::new(2026, 2, 10),
            2,
        );
        assert_eq!(status.report_year, 2025);
        assert_eq!(status.submit.due, Day::new(2026, 3, 1));
        assert_eq!(status.submit.days_left, 19);
        assert_eq!(status.public.days_left, 50);
        assert_eq!(status.marks.len(), 3, "{:?}", status.marks);
        let dated = DeliveryFields {
            date: Some("2026-02-20".into()),
            ..DeliveryFields::default()
        };
        let with_date = delivery_status(&report, &dated, Day::new(2026, 2, 10), 0);
        assert_eq!(
            with_date.marks.len(),
            1,
            "a date given in the fields replaces the draft's marked date: {:?}",
            with_date.marks
        );
        let refused =
            crate::export::version::version_blocks(&report, &dated, ExportVersion::Public)
                .expect_err("the figure mark is left");
        assert!(
            refused.to_string().contains(&format!(
                "第{}段{}",
                with_date.marks[0].paragraph, with_date.marks[0].mark
            )),
            "the deadlines and the refusal number the mark alike: {refused}"
        );
        assert!(
            status.submit.blocking.contains(&"缺文号".to_owned()),
            "{:?}",
            status.submit.blocking
        );
        assert!(
            !status.public.blocking.iter().any(|b| b.contains("文号")),
            "public needs no number"
        );
        for d in [&status.submit, &status.public] {
            assert!(
                d.blocking.contains(&"待填标记 3 处".to_owned()),
                "{:?}",
                d.blocking
            );
            assert!(d.blocking.contains(&"核对错误 2 处".to_owned()));
        }
    }

    #[test]
    fn a_finished_report_is_ready_and_late_days_are_negative() {
        let done = DRAFT
            .replace("【113件→？】", "120件")
            .replace("2026年【月】【日】", "2026年2月1日");
        let fields = DeliveryFields {
            doc_number: Some("示政发〔2026〕2号".into()),
            ..DeliveryFields::default()
        };
        let status = delivery_status(&parse_text(&done), &fields, Day::new(2026, 3, 5), 0);
        assert!(
            status.submit.blocking.is_empty(),
            "{:?}",
            status.submit.blocking
        );
        assert!(status.public.blocking.is_empty());
        assert_eq!(status.submit.days_left, -4);
    }
}
