/** `name{labels}` (labels as printed) → value, from one scrape of `/metrics`. */
export type Samples = Map<string, number>;

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const split = line.lastIndexOf(' ');
    samples.set(line.slice(0, split), Number(line.slice(split + 1)));
  }
  return samples;
}

/** `GET /metrics` on the server at `origin`. */
export async function scrapeMetrics(origin: string): Promise<{ status: number; contentType: string | null; samples: Samples }> {
  const response = await fetch(`${origin}/metrics`);
  return { status: response.status, contentType: response.headers.get('content-type'), samples: parseSamples(await response.text()) };
}
