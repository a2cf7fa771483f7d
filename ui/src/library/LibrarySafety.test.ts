import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import LibrarySafety from './LibrarySafety.svelte';
import { fakeBackend } from '../test/backend';
import type { BackupItem, LibraryStart } from '../lib/api';

const DAILY: BackupItem = {
  path: '/data/backups/library-20261204-080000-daily.sqlite3',
  kind: 'daily',
  label: '每日备份',
  date: '2026-12-04 08:00',
  size: 2_500_000,
  drafts: 3,
  reports: 12,
};

const OLDER: BackupItem = { ...DAILY, path: '/data/backups/library-20261201-080000-daily.sqlite3', date: '2026-12-01 08:00', size: 900, drafts: 2 };

function damaged(): LibraryStart {
  return {
    path: '/data/library.sqlite3',
    readOnly: false,
    damage: {
      message: '报告库文件已损坏（file is not a database）。损坏的文件已原样保留在 /data/damaged/library.sqlite3',
      kept: '/data/damaged/library.sqlite3',
      reports: 4,
      drafts: 1,
      versions: 6,
      latestBackup: DAILY,
    },
  };
}

describe('LibrarySafety', () => {
  it('says nothing at start when the library is fine', async () => {
    const backend = fakeBackend({ library_start: () => ({ path: '/data/library.sqlite3', readOnly: false, damage: null }) });
    render(LibrarySafety, {});
    await waitFor(() => expect(backend.callsOf('library_start')).toHaveLength(1));
    expect(screen.queryByTestId('damage-notice')).toBeNull();
    expect(screen.queryByTestId('read-only-notice')).toBeNull();
  });

  it('explains a damaged library in Chinese: where the file was kept and what came back', async () => {
    fakeBackend({ library_start: damaged });
    render(LibrarySafety, {});
    const notice = await screen.findByTestId('damage-notice');
    expect(notice.textContent).toContain('报告库已损坏');
    expect(notice.textContent).toContain('恢复出 4 份报告、1 份草稿（6 个版本）');
    expect(screen.getByTestId('damage-kept').textContent).toBe('/data/damaged/library.sqlite3');
    expect(screen.getByTestId('restore-latest').textContent).toContain('2026-12-04 08:00');
  });

  it('lists backups with date, kind, size and drafts', async () => {
    fakeBackend({ list_backups: () => [DAILY, OLDER] });
    render(LibrarySafety, {});
    await fireEvent.click(screen.getByTestId('open-backups'));
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('2026-12-04 08:00');
    expect(rows[0].textContent).toContain('每日备份');
    expect(rows[0].textContent).toContain('2.4 MB');
    expect(rows[1].textContent).toContain('900 B');
  });

  it('restores only after a confirmation, saving pending typing first', async () => {
    const order: string[] = [];
    const backend = fakeBackend({
      list_backups: () => [DAILY],
      restore_backup: () => {
        order.push('restore');
        return { kept: { ...DAILY, kind: 'before_restore', label: '恢复前的报告库' }, message: '已从 2026-12-04 08:00 的每日备份恢复报告库（3 份草稿）。' };
      },
    });
    const beforerestore = vi.fn(async () => {
      order.push('save');
      return true;
    });
    const onrestored = vi.fn();
    render(LibrarySafety, { beforerestore, onrestored });
    await fireEvent.click(screen.getByTestId('open-backups'));
    const [row] = await screen.findAllByTestId('backup-row');
    await fireEvent.click(row.querySelector('button') as HTMLButtonElement);
    expect(backend.callsOf('restore_backup'), 'nothing before the confirmation').toHaveLength(0);
    expect(screen.getByTestId('restore-confirm').textContent).toContain('当前报告库会先另存为一份备份');
    await fireEvent.click(screen.getByTestId('confirm-restore'));
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(backend.callsOf('restore_backup')).toEqual([{ path: DAILY.path }]);
    expect(order).toEqual(['save', 'restore']);
    expect(screen.getByTestId('restore-done').textContent).toContain('已从');
  });

  it('does not restore when pending typing cannot be saved', async () => {
    const backend = fakeBackend({ list_backups: () => [DAILY], restore_backup: () => null });
    render(LibrarySafety, { beforerestore: async () => false });
    await fireEvent.click(screen.getByTestId('open-backups'));
    const [row] = await screen.findAllByTestId('backup-row');
    await fireEvent.click(row.querySelector('button') as HTMLButtonElement);
    await fireEvent.click(screen.getByTestId('confirm-restore'));
    await waitFor(() => expect((screen.getByTestId('confirm-restore') as HTMLButtonElement).disabled).toBe(false));
    expect(backend.callsOf('restore_backup')).toHaveLength(0);
  });

  it('offers the latest backup from the damage notice, behind the same confirmation', async () => {
    fakeBackend({ library_start: damaged, list_backups: () => [DAILY, OLDER] });
    render(LibrarySafety, {});
    await fireEvent.click(await screen.findByTestId('restore-latest'));
    const confirm = await screen.findByTestId('restore-confirm');
    expect(confirm.textContent).toContain('2026-12-04 08:00');
  });

  it('shows a refused restore as an error in the dialog', async () => {
    fakeBackend({
      list_backups: () => [DAILY],
      restore_backup: () => {
        throw { code: 'store.backup', message: '备份已损坏' };
      },
    });
    render(LibrarySafety, {});
    await fireEvent.click(screen.getByTestId('open-backups'));
    const [row] = await screen.findAllByTestId('backup-row');
    await fireEvent.click(row.querySelector('button') as HTMLButtonElement);
    await fireEvent.click(screen.getByTestId('confirm-restore'));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('备份已损坏');
  });
});
