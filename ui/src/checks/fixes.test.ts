import { describe, expect, it } from 'vitest';
import type { FindingItem } from '../lib/api';
import { applyChanges, fixableCodes, fixesOfCode, fixOf, planFixes, visibleFindings } from './fixes';
import type { Fix } from './fixes';

// Codes arrive from the checker; tests take them from its own findings, never spell them.
type Code = FindingItem['code'];

function finding(over: Partial<FindingItem> & { code: Code }): FindingItem {
  return {
    severity: 'warning',
    line: 1,
    message: '用词有误',
    excerpt: null,
    detail: null,
    matched: null,
    column: null,
    suggestion: null,
    key: `${over.code}|${over.matched ?? ''}|${over.line ?? 1}|${over.column ?? 0}`,
    ...over,
  };
}

function fix(line: number, column: number, matched: string, suggestion: string, code = 'a' as Code): Fix {
  return { code, key: `${line}:${column}`, line, column, matched, suggestion };
}

describe('planFixes / applyChanges', () => {
  it('replaces the words at their line and character column', () => {
    const text = '一、总体情况\n全面布署年度工作。';
    const { changes, skipped } = planFixes(text, [fix(2, 2, '布署', '部署')]);
    expect(skipped).toEqual([]);
    expect(applyChanges(text, changes)).toBe('一、总体情况\n全面部署年度工作。');
  });

  it('keeps later fixes on a line right after earlier ones changed its length', () => {
    // Planned together: every offset is in the original text, none is shifted by another.
    const text = '按排工作，，认真布署（见附件)。';
    const fixes = [fix(1, 0, '按排', '安排'), fix(1, 4, '，，', '，'), fix(1, 8, '布署', '部署'), fix(1, 14, ')', '）')];
    const { changes } = planFixes(text, fixes);
    expect(changes.map((c) => c.from)).toEqual([0, 4, 8, 14]);
    expect(applyChanges(text, changes)).toBe('安排工作，认真部署（见附件）。');
  });

  it('finds a fix again after an earlier 改正 on its line moved it', () => {
    // The check saw "，，" at 4 and 布署 at 8; one 改正 later (，，→，) 布署 stands at 7.
    const before = '按排工作，，认真布署。';
    const first = planFixes(before, [fix(1, 4, '，，', '，')]);
    const after = applyChanges(before, first.changes);
    expect(after).toBe('按排工作，认真布署。');
    const second = planFixes(after, [fix(1, 8, '布署', '部署')]);
    expect(second.skipped, 'the stale column is not the end of it').toEqual([]);
    expect(applyChanges(after, second.changes)).toBe('按排工作，认真部署。');
  });

  it('never replaces words a finding was not about', () => {
    const text = '全面部署年度工作。';
    const { changes, skipped } = planFixes(text, [fix(1, 2, '布署', '部署'), fix(9, 0, '按排', '安排')]);
    expect(changes, 'the words are gone (already fixed by hand): nothing to do').toEqual([]);
    expect(skipped).toHaveLength(2);
  });

  it('takes the occurrence nearest the column when a line holds the words twice', () => {
    const text = '布署甲，又布署乙。';
    const { changes } = planFixes(text, [fix(1, 6, '布署', '部署')]);
    expect(applyChanges(text, changes)).toBe('布署甲，又部署乙。');
  });

  it('counts columns in characters, not UTF-16 units (a character outside the BMP before the words)', () => {
    const text = '𠀀地布署工作';
    const { changes } = planFixes(text, [fix(1, 2, '布署', '部署')]);
    expect(changes[0].from, '𠀀 is one character but two UTF-16 units').toBe(3);
    expect(applyChanges(text, changes)).toBe('𠀀地部署工作');
  });

  it('applies one of two overlapping fixes, the first', () => {
    const text = '落实到到位';
    const { changes, skipped } = planFixes(text, [fix(1, 2, '到到', '到'), fix(1, 3, '到位', '到位了')]);
    expect(applyChanges(text, changes)).toBe('落实到位');
    expect(skipped).toHaveLength(1);
  });

  it('handles fixes on several lines in any order, and a last line without newline', () => {
    const text = '其它事项\n按排\n布署';
    const { changes } = planFixes(text, [fix(3, 0, '布署', '部署'), fix(1, 0, '其它', '其他'), fix(2, 0, '按排', '安排')]);
    expect(changes.map((c) => c.fix.line)).toEqual([1, 2, 3]);
    expect(applyChanges(text, changes)).toBe('其他事项\n安排\n部署');
  });
});

describe('findings and fixes', () => {
  const typo = 'proof.typo' as Code;
  const other = 'x' as Code;
  const findings = [
    finding({ code: typo, line: 3, matched: '布署', column: 5, suggestion: '部署' }),
    finding({ code: typo, line: 1, matched: '按排', column: 0, suggestion: '安排' }),
    finding({ code: other, line: 2, matched: '，，', column: 4, suggestion: '，' }),
    finding({ code: typo, line: 4, message: '无建议' }),
  ];

  it('only a finding with words, column and a different suggestion can be fixed', () => {
    expect(fixOf(findings[0])?.suggestion).toBe('部署');
    expect(fixOf(findings[3])).toBeNull();
    expect(fixOf(finding({ code: typo, matched: 'a', column: 0, suggestion: 'a' }))).toBeNull();
  });

  it('全部改正 takes every fix of one kind, in text order, and is offered from two up', () => {
    expect(fixesOfCode(findings, typo).map((f) => f.matched)).toEqual(['按排', '布署']);
    expect(fixableCodes(findings)).toEqual([{ code: typo, count: 2 }]);
  });

  it('a dismissed finding is not shown', () => {
    const dismissed = new Set([findings[0].key]);
    expect(visibleFindings(findings, dismissed)).toHaveLength(3);
    expect(visibleFindings(findings, new Set())).toBe(findings);
  });
});
