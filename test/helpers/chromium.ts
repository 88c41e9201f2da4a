/**
 * A tiny Chrome DevTools Protocol client over `--remote-debugging-pipe`, so that browser tests need
 * Debian's chromium and nothing from npm. Messages are JSON separated by NUL bytes on fds 3 and 4.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The chromium binary, or null when it is not installed (tests then say they are skipped). */
export function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return null;
}

type Json = Record<string, unknown>;

/** A headless browser with one page, driven over CDP. */
export class Browser {
  private readonly child: ChildProcess;
  private readonly input: Writable;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: Json) => void; reject: (error: Error) => void }>();
  private readonly listeners: ((method: string, params: Json, sessionId?: string) => void)[] = [];
  private readonly profile: string;
  private session = '';

  private constructor(binary: string) {
    this.profile = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
    this.child = spawn(binary, [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--mute-audio',
      '--remote-debugging-pipe', `--user-data-dir=${this.profile}`, 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    this.input = this.child.stdio[3] as Writable;
    const output = this.child.stdio[4] as Readable;
    let buffer = Buffer.alloc(0);
    output.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
        const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as { id?: number; result?: Json; error?: { message: string }; method?: string; params?: Json; sessionId?: string };
        buffer = buffer.subarray(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result ?? {});
        } else if (message.method) {
          for (const listener of this.listeners) listener(message.method, message.params ?? {}, message.sessionId);
        }
      }
    });
  }

  /** Starts chromium and opens a page of the given size. */
  static async launch(binary: string, width: number, height: number, mobile = false): Promise<Browser> {
    const browser = new Browser(binary);
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' }, false)) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true }, false)) as { sessionId: string };
    browser.session = sessionId;
    await browser.send('Page.enable');
    await browser.send('Network.enable');
    // The page forbids scripts (CSP); the checks below run as the debugger, not as page script.
    await browser.send('Page.setBypassCSP', { enabled: true });
    await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
    return browser;
  }

  /** Sends a CDP command to the page (or to the browser) and waits for its answer. */
  send(method: string, params: Json = {}, toPage = true): Promise<Json> {
    const id = this.nextId++;
    const message = { id, method, params, ...(toPage ? { sessionId: this.session } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Loads a URL and waits for its load event; returns every URL the page requested. */
  async open(url: string): Promise<string[]> {
    const requested: string[] = [];
    const loaded = new Promise<void>((resolve) => {
      this.listeners.push((method, params) => {
        if (method === 'Network.requestWillBeSent') requested.push(String((params.request as Json).url));
        if (method === 'Page.loadEventFired') resolve();
      });
    });
    await this.send('Page.navigate', { url });
    await loaded;
    return requested;
  }

  /** Evaluates an expression in the page and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = (await this.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: T }; exceptionDetails?: Json };
    if (answer.exceptionDetails) throw new Error(`page evaluation failed: ${JSON.stringify(answer.exceptionDetails)}`);
    return answer.result.value;
  }

  /** A PNG of the page from the top, at most `maxHeight` pixels tall (a whole report is huge). */
  async screenshot(maxHeight = 5000): Promise<Buffer> {
    const size = (await this.send('Runtime.evaluate', { expression: '[document.documentElement.scrollWidth, document.documentElement.scrollHeight]', returnByValue: true })) as { result: { value: [number, number] } };
    const [width, height] = size.result.value;
    const clip = { x: 0, y: 0, width, height: Math.min(height, maxHeight), scale: 1 };
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  /** The page printed to PDF with its own @page size (A4 landscape). */
  async pdf(): Promise<Buffer> {
    const { data } = (await this.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  /** The font families chromium used to draw each element matched by a selector (at most `limit`). */
  async fontsUsed(selector: string, limit = 400): Promise<Set<string>> {
    await this.send('DOM.enable');
    await this.send('CSS.enable');
    const { root } = (await this.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeIds } = (await this.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })) as { nodeIds: number[] };
    const families = new Set<string>();
    for (const nodeId of nodeIds.slice(0, limit)) {
      const { fonts } = (await this.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: { familyName: string; glyphCount: number }[] };
      for (const font of fonts) if (font.glyphCount > 0) families.add(font.familyName);
    }
    return families;
  }

  /** Ends the browser and removes its profile. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send('Browser.close', {}, false).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
