import { describe, expect, it } from 'vitest';
import { shellChunkFiles, type ChunkInfo } from './preload-app-shell.ts';

const chunk = (fileName: string, moduleIds: string[], imports: string[] = []): ChunkInfo => ({
  type: 'chunk',
  fileName,
  moduleIds,
  imports,
});

describe('shellChunkFiles', () => {
  it('lists the shell chunk and what it imports, once each, and nothing the shell does not import', () => {
    const bundle = {
      'index.js': chunk('assets/index.js', ['/p/src/main.tsx'], ['assets/react.js']),
      'app.js': chunk(
        'assets/app.js',
        ['/p/src/lib/supabase.ts', '/p/src/app/app.tsx'],
        ['assets/react.js', 'assets/query.js'],
      ),
      'query.js': chunk('assets/query.js', ['/q.js'], ['assets/react.js']),
      'react.js': chunk('assets/react.js', ['/r.js']),
      'page.js': chunk('assets/page.js', ['/p/src/features/x/page.tsx'], ['assets/app.js']),
      'style.css': { type: 'asset' as const, fileName: 'assets/style.css' },
    };
    expect(shellChunkFiles(bundle)).toEqual(['assets/app.js', 'assets/react.js', 'assets/query.js']);
  });

  it('lists nothing when there is no shell chunk (a build without the app)', () => {
    expect(shellChunkFiles({ 'a.js': chunk('assets/a.js', ['/p/src/main.tsx']) })).toEqual([]);
  });
});
