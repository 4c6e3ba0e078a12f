import { Glue } from '@aws-sdk/client-glue';
import { CatalogApi, CrawlerApi, JobApi, TriggerApi, WorkflowApi } from '../../../emulator/api';

/**
 * The API classes are named, typed and shaped as @aws-sdk/client-glue's `Glue` client: every public method is a Glue
 * operation taking exactly that operation's request. Checked by the type checker (`npm test` type-checks tests), and
 * the names once more at run time.
 */
type GlueOperation = Extract<keyof Glue, string>;
type RequestOf<K extends GlueOperation> = Glue[K] extends (...args: never[]) => unknown ? Parameters<Glue[K]>[0] : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** One parameter, exactly the operation's request (no extra fields), and a promise of an object. */
type Conforms<T> = {
  [K in keyof T]: K extends GlueOperation
    ? T[K] extends (...args: infer P) => Promise<object>
      ? Required<P>['length'] extends 1
        ? Same<NonNullable<P[0]>, NonNullable<RequestOf<K>>> extends true
          ? Same<keyof NonNullable<P[0]>, keyof NonNullable<RequestOf<K>>>
          : false
        : false
      : false
    : false;
};
type AllTrue<T> = T[keyof T] extends true ? true : false;

const catalogConforms: AllTrue<Conforms<CatalogApi>> = true;
const crawlerConforms: AllTrue<Conforms<CrawlerApi>> = true;
const jobConforms: AllTrue<Conforms<JobApi>> = true;
const workflowConforms: AllTrue<Conforms<WorkflowApi>> = true;
const triggerConforms: AllTrue<Conforms<TriggerApi>> = true;

test('every public method of every API class is a Glue operation of the SDK', () => {
  expect([catalogConforms, crawlerConforms, jobConforms, workflowConforms, triggerConforms]).toEqual([true, true, true, true, true]);
  const operations = new Set(Object.getOwnPropertyNames(Glue.prototype));
  const methods = [CatalogApi, CrawlerApi, JobApi, WorkflowApi, TriggerApi].flatMap((area) =>
    Object.getOwnPropertyNames(area.prototype).filter((m) => m !== 'constructor').map((m) => `${area.name}.${m}`),
  );
  expect(methods.filter((m) => !operations.has(m.split('.')[1]))).toEqual([]);
  expect(methods.length).toBeGreaterThan(40);
});
