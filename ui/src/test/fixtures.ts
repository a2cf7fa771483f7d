// An invented report about 示例县 for component tests (never text from the real corpus).
import type { ReportOutline } from '../lib/api';

export const SAMPLE_TEXT = [
  '示例县人民政府关于2024年度法治政府建设情况的报告',
  '',
  '一、加强党对法治政府建设的领导',
  '县政府常务会议专题学法4次。',
  '二、化解社会矛盾纠纷',
  '（一）行政复议',
  '全年收到行政复议申请56件，受理51件。',
  '三、2025年工作安排',
  '持续推进严格规范公正文明执法。',
].join('\n');

export function sampleOutline(overrides: Partial<ReportOutline> = {}): ReportOutline {
  return {
    path: '/home/drafter/示例县2024年报告.txt',
    file_name: '示例县2024年报告.txt',
    format: 'text',
    encoding: 'UTF-8',
    title: '示例县人民政府关于2024年度法治政府建设情况的报告',
    government: '示例县人民政府',
    year: 2024,
    doc_number: null,
    addressee: null,
    date: null,
    text: SAMPLE_TEXT,
    line_count: 9,
    figure_count: 3,
    sections: [
      {
        number: '一、',
        heading: '加强党对法治政府建设的领导',
        level: 1,
        kind: 'organization',
        kind_label: '组织领导',
        line: 3,
        end_line: 4,
        children: [],
      },
      {
        number: '二、',
        heading: '化解社会矛盾纠纷',
        level: 1,
        kind: 'disputes',
        kind_label: '化解矛盾纠纷',
        line: 5,
        end_line: 7,
        children: [
          {
            number: '（一）',
            heading: '行政复议',
            level: 2,
            kind: 'disputes',
            kind_label: '化解矛盾纠纷',
            line: 6,
            end_line: 7,
            children: [],
          },
        ],
      },
      {
        number: '三、',
        heading: '2025年工作安排',
        level: 1,
        kind: 'next_year',
        kind_label: '下一年度安排',
        line: 8,
        end_line: 9,
        children: [],
      },
    ],
    ...overrides,
  };
}
