import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PagePreloadContext, type PagePreload } from '@/lib/access/navigation-context';
import { TabNav } from './tab-nav';

const tabs = [
  { label: 'Client Referral Program', to: '/organization/subscription/referral-program' },
  { label: 'Insights', to: '/organization/subscription/insights' },
];

function renderTabs(preload: PagePreload) {
  return render(
    <MemoryRouter initialEntries={[tabs[0]!.to]}>
      <PagePreloadContext.Provider value={preload}>
        <TabNav label="Subscription sections" tabs={tabs} />
      </PagePreloadContext.Provider>
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('TabNav', () => {
  it('loads the tabs’ code, and no data, once the browser is idle', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const preload = { page: vi.fn(), code: vi.fn() };
    const { unmount } = renderTabs(preload);
    expect(preload.code).not.toHaveBeenCalled();
    for (const run of idle) run();
    expect(preload.code.mock.calls.map(([to]) => to)).toEqual(tabs.map((tab) => tab.to));
    expect(preload.page).not.toHaveBeenCalled();
    // (before the stubs go)
    unmount();
  });

  it('fetches a tab’s code and data when it is pointed at, focused or clicked', () => {
    const preload = { page: vi.fn(), code: vi.fn() };
    renderTabs(preload);
    const insights = screen.getByRole('link', { name: 'Insights' });
    fireEvent.pointerEnter(insights);
    fireEvent.focus(insights);
    fireEvent.click(insights);
    expect(preload.page.mock.calls).toEqual([[tabs[1]!.to], [tabs[1]!.to], [tabs[1]!.to]]);
    expect(screen.getByRole('link', { name: 'Insights' })).toHaveAttribute('aria-current', 'page');
  });
});
