/**
 * Reads `zombie-lab serve`'s /events as a browser's EventSource would: each message with its SSE
 * event name and parsed data, collected until closed. For the tests and the classroom bench.
 */
import http from 'node:http';

export interface SseMessage {
  event: string;
  data: unknown;
}

export interface SseClient {
  messages: SseMessage[];
  status: Promise<number>;
  close(): void;
}

export function readEvents(url: string, headers: Record<string, string> = {}): SseClient {
  const messages: SseMessage[] = [];
  let req: http.ClientRequest | null = null;
  const status = new Promise<number>((resolve, reject) => {
    req = http.get(url, { headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) messages.push({ event, data: JSON.parse(data.join('\n')) });
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', (err) => (messages.length ? undefined : reject(err)));
  });
  return { messages, status, close: () => req?.destroy() };
}
