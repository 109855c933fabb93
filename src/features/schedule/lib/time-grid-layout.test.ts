import { describe, expect, it } from 'vitest';
import { layoutDay, minutesInView, selectedRange, slotAt } from './time-grid-layout';

const at = (day: number, hour: number, minute = 0) => new Date(2027, 4, day, hour, minute);
const event = (id: string, start: Date, end: Date) => ({ id, start, end });
const may5 = new Date(2027, 4, 5);

describe('layoutDay', () => {
  it('places a day’s events by the minute, side by side only where they overlap', () => {
    const block = event('block', at(5, 9), at(5, 12));
    const first = event('first', at(5, 9), at(5, 10));
    const second = event('second', at(5, 10), at(5, 11));
    const later = event('later', at(5, 13), at(5, 14));
    const placed = layoutDay([block, first, second, later], may5);
    expect(
      placed.map(({ event: e, fromMinute, toMinute, column, columns }) => [
        e.id,
        fromMinute,
        toMinute,
        column,
        columns,
      ]),
    ).toEqual([
      ['block', 540, 720, 0, 2],
      ['first', 540, 600, 1, 2],
      // the column `first` freed is taken again
      ['second', 600, 660, 1, 2],
      ['later', 780, 840, 0, 1],
    ]);
  });

  it('keeps to the day: an event over midnight is cut at each end, other days’ events are left out', () => {
    const overnight = event('overnight', at(4, 22), at(5, 2));
    const lateNight = event('late', at(5, 23), at(6, 1));
    const tomorrow = event('tomorrow', at(6, 9), at(6, 10));
    const placed = layoutDay([overnight, lateNight, tomorrow], may5);
    expect(placed.map((p) => [p.event.id, p.fromMinute, p.toMinute])).toEqual([
      ['overnight', 0, 120],
      ['late', 1380, 1440],
    ]);
    expect(layoutDay([overnight], new Date(2027, 4, 4)).map((p) => [p.fromMinute, p.toMinute])).toEqual([
      [1320, 1440],
    ]);
  });

  it('gives an event with no length a sliver, and three overlapping events three columns', () => {
    const instant = event('instant', at(5, 8), at(5, 8));
    expect(layoutDay([instant], may5).map((p) => [p.fromMinute, p.toMinute])).toEqual([[480, 481]]);
    const three = ['a', 'b', 'c'].map((id) => event(id, at(5, 9), at(5, 10)));
    expect(layoutDay(three, may5).map((p) => [p.column, p.columns])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });
});

describe('selecting a range', () => {
  it('is in whole half hours, from the slot where the drag began to the end of the one where it ended, either way', () => {
    expect(selectedRange(may5, 14 * 60 + 2, 15 * 60 + 58)).toEqual({ start: at(5, 14), end: at(5, 16) });
    expect(selectedRange(may5, 15 * 60 + 58, 14 * 60 + 2)).toEqual({ start: at(5, 14), end: at(5, 16) });
    // to the end of the day: the next midnight
    expect(selectedRange(may5, 23 * 60 + 10, 24 * 60 + 30)).toEqual({ start: at(5, 23), end: at(6, 0) });
  });

  it('finds the slot of a minute within the day', () => {
    expect([slotAt(-5), slotAt(0), slotAt(29.9), slotAt(30), slotAt(1439), slotAt(1500)]).toEqual([
      0, 0, 0, 30, 1410, 1410,
    ]);
  });
});

describe('minutesInView', () => {
  // a day 24 × 48 px tall, 480 px of it in view
  const grid = (scrollTop: number) => ({ scrollTop, clientHeight: 480, scrollHeight: 24 * 48 });

  it('is the hours in view and the overscan either side, in whole hours', () => {
    // 7:00 to 17:00 in view; half an hour more either side, widened to 6:00 and 18:00
    expect(minutesInView(grid(7 * 48), 30)).toEqual({ from: 360, to: 1080 });
    // within the same hour, the same minutes
    expect(minutesInView(grid(7 * 48 + 10), 30)).toEqual({ from: 360, to: 1080 });
    expect(minutesInView(grid(0), 30)).toEqual({ from: 0, to: 660 });
    expect(minutesInView(grid(24 * 48 - 480), 30)).toEqual({ from: 780, to: 1440 });
  });

  it('is every minute when the grid has no height to measure', () => {
    expect(minutesInView({ scrollTop: 0, clientHeight: 0, scrollHeight: 0 }, 30)).toBe('all');
  });
});
