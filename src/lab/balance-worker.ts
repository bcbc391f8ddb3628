import { balanceWorkerHandler, type BalanceWorkerReply, type BalanceWorkerRequest } from './balance-run';

/**
 * The balance report's Web Worker (a module worker): plays the jobs or whole reports the lab
 * page posts (see BalanceWorkerRequest) and posts back results, progress and refusals, so the
 * page stays responsive while thousands of games are played.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<BalanceWorkerRequest>) => void) | null;
  postMessage(reply: BalanceWorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const handle = balanceWorkerHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => handle(event.data);
