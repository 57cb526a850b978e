import { describe, expect, it } from 'vitest';
import { ModelClient, type WorkerLike } from '../../renderer/model-client.js';
import type { ScenarioRun } from '../../models/health-care/types.js';
import type { EvaluateItem, WorkerRequest, WorkerResponse } from '../../renderer/worker-protocol.js';

/** A worker that records what it was sent and answers only when told to. */
class ManualWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(index: number): void {
    const req = this.sent[index];
    this.onmessage?.({ data: { type: 'evaluated', requestId: req.requestId, compared: [], errors: [], modelMs: 1, ran: req.items.length } });
  }
}

const items = (label: string): EvaluateItem[] => [{ key: label, name: label, scenario: {} as EvaluateItem['scenario'] }];

const run = { times: [0], startDate: '2019-04-01' } as unknown as ScenarioRun;

describe('the model worker client', () => {
  it('tells the worker which runs it holds and puts them back into answers that leave them out', async () => {
    const worker = new ManualWorker();
    const client = new ModelClient(worker);
    const first = client.evaluate(items('a'));
    const answer = (requestId: number, sent: ScenarioRun | null) =>
      worker.onmessage?.({
        data: {
          type: 'evaluated',
          requestId,
          compared: [{ id: 'a', name: 'a', form: 'separate', runKey: 'k1', run: sent, differences: {} as never, breakEvenYear: null, differingParameters: [] }],
          errors: [],
          modelMs: 0,
          ran: 0,
        },
      });
    answer(worker.sent[0].requestId, run);
    const one = await first;
    expect(one.kind === 'done' && one.response.compared[0].run).toBe(run);
    const second = client.evaluate(items('a'));
    expect(worker.sent[1].knownRuns).toEqual(['k1']);
    answer(worker.sent[1].requestId, null);
    const two = await second;
    expect(two.kind === 'done' && two.response.compared[0].run).toBe(run);
  });

  it('keeps one request in flight and only the newest waiting, so a drag never queues stale runs', async () => {
    const worker = new ManualWorker();
    const client = new ModelClient(worker);
    const first = client.evaluate(items('a'));
    const second = client.evaluate(items('b'));
    const third = client.evaluate(items('c'));
    expect(worker.sent.map((r) => r.items[0].key)).toEqual(['a']);
    expect(await second).toEqual({ kind: 'superseded' });
    worker.answer(0);
    expect((await first).kind).toBe('done');
    expect(worker.sent.map((r) => r.items[0].key)).toEqual(['a', 'c']);
    worker.answer(1);
    const outcome = await third;
    expect(outcome.kind === 'done' && outcome.response.requestId).toBe(worker.sent[1].requestId);
  });

  it('ignores answers to requests it did not send and reports a failed run', async () => {
    const worker = new ManualWorker();
    const client = new ModelClient(worker);
    const pending = client.evaluate(items('a'));
    worker.onmessage?.({ data: { type: 'failed', requestId: 999, message: 'not mine' } });
    worker.onmessage?.({ data: { type: 'failed', requestId: worker.sent[0].requestId, message: 'equation X failed' } });
    expect(await pending).toEqual({ kind: 'failed', message: 'equation X failed' });
  });

  it('reports a crashed worker and carries on with the next request', async () => {
    const worker = new ManualWorker();
    const client = new ModelClient(worker);
    const pending = client.evaluate(items('a'));
    const next = client.evaluate(items('b'));
    worker.onerror?.({ message: 'out of memory' });
    expect(await pending).toEqual({ kind: 'failed', message: 'The model worker stopped: out of memory' });
    worker.answer(1);
    expect((await next).kind).toBe('done');
    client.dispose();
    expect(worker.terminated).toBe(true);
  });
});
