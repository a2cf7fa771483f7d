import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import EditorPane from './EditorPane.svelte';
import { sampleOutline } from '../test/fixtures';

describe('EditorPane', () => {
  it('explains the editor before a report is loaded', () => {
    const { container } = render(EditorPane, { report: null, jump: null });
    expect(screen.getByText(/报告的编辑区/)).toBeTruthy();
    expect(container.querySelector('.cm-editor'), 'no editor without text').toBeNull();
  });

  it('opens the report text in CodeMirror, one line per paragraph', () => {
    const { container } = render(EditorPane, { report: sampleOutline(), jump: null });
    const lines = [...container.querySelectorAll('.cm-line')].map((l) => l.textContent);
    expect(lines[6], 'editor line 7 is text line 7, so outline lines match').toBe(
      '全年收到行政复议申请56件，受理51件。',
    );
  });

  it('moves the cursor to the requested line', async () => {
    const report = sampleOutline();
    const { container, rerender } = render(EditorPane, { report, jump: null });
    await rerender({ report, jump: { line: 5, seq: 1 } });
    const active = container.querySelector('.cm-activeLine');
    expect(active?.textContent, 'the outline click lands on the heading').toBe('二、化解社会矛盾纠纷');
  });

  it('replaces the text when another report is loaded', async () => {
    const { container, rerender } = render(EditorPane, { report: sampleOutline(), jump: null });
    await rerender({
      report: sampleOutline({ path: '/tmp/另一份.txt', text: '示例市2023年报告\n第二行' }),
      jump: null,
    });
    expect(container.querySelector('.cm-content')?.textContent).toContain('示例市2023年报告');
    expect(container.querySelector('.cm-content')?.textContent).not.toContain('行政复议');
  });
});
