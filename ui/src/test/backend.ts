// A fake backend for component tests: the commands of docs/ipc.md over an in-memory library
// about the invented 示例县, answered through mockIPC. Each test overrides the commands it is
// about (`handlers`) and reads `calls` to see what the UI asked for.
import { mockIPC, mockWindows } from '../lib/api/testing';
import type {
  CheckResult,
  DraftDoc,
  LibraryOverview,
  ReportItem,
  SearchResult,
  VersionItem,
} from '../lib/api';
import { SAMPLE_TEXT, sampleOutline } from './fixtures';

export type Handler = (args: Record<string, unknown>) => unknown;

export const REPORT_2023: ReportItem = {
  id: 1,
  government: '示例县人民政府',
  year: 2023,
  title: '示例县人民政府关于2023年度法治政府建设情况的报告',
  fileName: '示例县2023年报告.txt',
  figureCount: 18,
};

export const REPORT_2022: ReportItem = {
  id: 2,
  government: '示例县人民政府',
  year: 2022,
  title: '示例县人民政府关于2022年度法治政府建设情况的报告',
  fileName: '示例县2022年报告.docx',
  figureCount: 15,
};

export function sampleDraft(overrides: Partial<DraftDoc> = {}): DraftDoc {
  return {
    id: 7,
    title: '示例县人民政府关于2024年度法治政府建设情况的报告（草稿）',
    year: 2024,
    lastReportId: 1,
    lastYear: 2023,
    government: '示例县人民政府',
    text: SAMPLE_TEXT,
    marks: 1,
    movedYears: ['2023→2024'],
    plans: ['推进行政复议体制改革'],
    notes: ['数据已标为待更新'],
    ...overrides,
  };
}

export function sampleOverview(overrides: Partial<LibraryOverview> = {}): LibraryOverview {
  return {
    reports: [REPORT_2023, REPORT_2022],
    drafts: [{ id: 7, title: '2024年度报告（草稿）', year: 2024, lastReportId: 1, updatedAt: Date.UTC(2025, 0, 10, 2, 30) }],
    seeded: false,
    ...overrides,
  };
}

export function sampleCheck(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    outline: sampleOutline().sections,
    marks: 1,
    office_warnings: [],
    findings: [
      { code: 'arith.order', severity: 'error', line: 7, message: '受理数（51件）多于收到数（56件）不合理', excerpt: null, detail: null, matched: null, column: null, suggestion: null, key: 'sample-1' },
      { code: 'figure.unchanged', severity: 'warning', line: 4, message: '专题学法次数与上年相同：是否已更新？', excerpt: '县政府常务会议专题学法4次。', detail: null, matched: null, column: null, suggestion: null, key: 'sample-2' },
      { code: 'plan.unreported', severity: 'info', line: 0, message: '上年安排的“推进行政复议体制改革”本年未见报告', excerpt: null, detail: null, matched: null, column: null, suggestion: null, key: 'sample-3' },
    ],
    figures: [
      { metric: '行政复议申请收到件数', last: '48件', this: '56件', change: '+8件（+16.7%）', status: 'changed', linked: false, thisLine: 7, lastLine: 12, confidence: 0.9, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
      { metric: '专题学法次数', last: '4次', this: '4次', change: null, status: 'unchanged', linked: false, thisLine: 4, lastLine: 5, confidence: 0.95, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
      { metric: '行政复议受理件数', last: '20件', this: '51件', change: '+31件（+155.0%）', status: 'swing', linked: false, thisLine: 7, lastLine: 12, confidence: 0.8, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
      { metric: '法律顾问人数', last: null, this: '12名', change: null, status: 'new', linked: false, thisLine: 3, lastLine: null, confidence: 0.7, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
      { metric: '法律援助案件数', last: '310件', this: null, change: null, status: 'dropped', linked: false, thisLine: null, lastLine: 14, confidence: 0.7, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
    ],
    ...overrides,
  };
}

export const SAMPLE_VERSIONS: VersionItem[] = [
  { id: 33, savedAt: Date.UTC(2025, 0, 10, 3, 0, 5), chars: 120, name: null },
  { id: 32, savedAt: Date.UTC(2025, 0, 10, 2, 59, 0), chars: 98, name: null },
  { id: 31, savedAt: Date.UTC(2025, 0, 9, 8, 0, 0), chars: 60, name: '初稿' },
];

export const SAMPLE_SEARCH: SearchResult[] = [
  {
    kind: 'report',
    material: null,
    reportId: 1,
    government: '示例县人民政府',
    year: 2023,
    title: REPORT_2023.title,
    sectionHeading: '二、化解社会矛盾纠纷',
    sectionKind: 'disputes',
    line: 7,
    snippet: [
      { text: '全年收到', hit: false },
      { text: '行政复议', hit: true },
      { text: '申请48件。', hit: false },
    ],
  },
];

export interface FakeBackend {
  calls: [string, Record<string, unknown>][];
  callsOf: (cmd: string) => Record<string, unknown>[];
}

/** Install the fake backend; `handlers` replace or add commands. Unknown commands throw. */
export function fakeBackend(handlers: Record<string, Handler> = {}): FakeBackend {
  const calls: [string, Record<string, unknown>][] = [];
  const defaults: Record<string, Handler> = {
    library_overview: () => sampleOverview(),
    startup_files: () => [],
    e2e_save_path: () => null,
    open_report: () => sampleOutline(),
    open_draft: () => sampleDraft(),
    new_draft: (a) => sampleDraft({ year: a.year as number }),
    save_draft: () => ({ versionId: 40, savedAt: Date.now() }),
    list_versions: () => SAMPLE_VERSIONS,
    get_version: (a) => `第${a.versionId}版的正文`,
    check_draft: () => sampleCheck(),
    section_diff: () => ({ heading: '二、化解社会矛盾纠纷', lastHeading: '二、化解社会矛盾纠纷', parts: [] }),
    list_metrics: () => [],
    metric_history: () => [],
    metric_chain: () => [],
    chained_metrics: () => [],
    report_figures: () => [],
    list_templates: () => [
      { kind: 'organization', label: '党的领导和第一责任人' },
      { kind: 'disputes', label: '化解矛盾纠纷' },
    ],
    render_template: (a) => `（${a.kind}·${a.year}）`,
    search_library: () => SAMPLE_SEARCH,
    dismissed_findings: () => [],
    dismiss_finding: () => null,
    restore_finding: () => true,
    library_start: () => ({ path: '/data/library.sqlite3', readOnly: false, damage: null }),
    list_backups: () => [],
    backup_if_due: () => null,
    delivery_status: () => ({
      today: '2025年2月10日',
      reportYear: 2024,
      deadlines: [
        { version: 'submit', label: '报送版', due: '2025年3月1日', daysLeft: 19, blocking: ['缺文号', '待填标记 1 处'] },
        { version: 'public', label: '公开版', due: '2025年4月1日', daysLeft: 50, blocking: ['待填标记 1 处'] },
      ],
      marks: [{ paragraph: 5, mark: '【113件→？】' }],
      errorFindings: 0,
      missingParts: [],
    }),
    'plugin:window|destroy': () => null,
  };
  mockWindows('main');
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push([cmd, args]);
      const handler = handlers[cmd] ?? defaults[cmd];
      if (!handler) throw new Error(`unexpected command ${cmd}`);
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return { calls, callsOf: (cmd) => calls.filter(([c]) => c === cmd).map(([, a]) => a) };
}
