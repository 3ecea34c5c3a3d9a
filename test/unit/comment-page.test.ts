import { describe, expect, it } from 'vitest';
import type { RoundReport } from '../../shared/reports/round-report.js';
import {
  COMMENT_PAGE_BYTES,
  COMMENTS_IN_REPORT,
  withCommentPage,
} from '../../shared/reports/round-report.js';

const reportWith = (comments: RoundReport['comments']) => ({ comments }) as RoundReport;

describe('the comments a report shows', () => {
  it('shows the first twenty a question and counts them all', () => {
    const many = Array.from({ length: 60 }, (_, i) => `kommentar ${i}`);
    const page = withCommentPage(reportWith({ rankReason: many, raiseIdeas: ['en'] }));

    expect(page.comments.rankReason).toEqual(many.slice(0, COMMENTS_IN_REPORT));
    expect(page.commentCounts).toEqual({ rankReason: 60, raiseIdeas: 1 });
    expect(withCommentPage(page)).toEqual(page);
  });

  it('stops at the byte budget for long comments, but always shows one', () => {
    const long = Array.from({ length: 20 }, () => 'ö'.repeat(2_000));
    const page = withCommentPage(
      reportWith({ rankReason: long, raiseIdeas: ['x'.repeat(COMMENT_PAGE_BYTES + 1)] }),
    );
    const bytes = (page.comments.rankReason ?? []).reduce((sum, c) => sum + Buffer.byteLength(c), 0);

    expect(bytes).toBeLessThanOrEqual(COMMENT_PAGE_BYTES);
    expect(page.comments.rankReason).toHaveLength(4);
    expect(page.comments.raiseIdeas).toHaveLength(1);
  });
});
