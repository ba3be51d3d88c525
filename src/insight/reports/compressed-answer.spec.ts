import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncodings } from '../../platform/common/http/accepted-encodings';
import { CompressedAnswer } from './compressed-answer';

describe('acceptedEncodings', () => {
  it('reads Accept-Encoding as browsers and tools send it, q=0 refusing', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual({ br: true, gzip: true });
    expect(acceptedEncodings('gzip')).toEqual({ br: false, gzip: true });
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual({ br: false, gzip: true });
    expect(acceptedEncodings(undefined)).toEqual({ br: false, gzip: false });
    expect(acceptedEncodings('identity')).toEqual({ br: false, gzip: false });
  });
});

describe('CompressedAnswer', () => {
  const json = JSON.stringify({ groups: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, label: '産別', months: [{ net: i }] })) });

  it('answers gzip at once and brotli once the answer was read again and compressed', async () => {
    const answer = new CompressedAnswer(json);
    const first = answer.body({ br: true, gzip: true });
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.body as Buffer).toString()).toBe(json);
    answer.body({ br: true, gzip: true }); // second read: brotli starts in the background
    let later = answer.body({ br: true, gzip: true });
    for (let i = 0; i < 100 && later.encoding !== 'br'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      later = answer.body({ br: true, gzip: true });
    }
    expect(later.encoding).toBe('br');
    expect(brotliDecompressSync(later.body as Buffer).toString()).toBe(json);
    expect(answer.body({ br: false, gzip: false })).toEqual({ body: json });
  });
});
