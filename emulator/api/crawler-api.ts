import type {
  CreateCrawlerRequest,
  CreateCrawlerResponse,
  Crawler,
  DeleteCrawlerRequest,
  DeleteCrawlerResponse,
  GetCrawlerRequest,
  GetCrawlerResponse,
  GetCrawlersRequest,
  GetCrawlersResponse,
  ListCrawlsRequest,
  ListCrawlsResponse,
  StartCrawlerRequest,
  StartCrawlerResponse,
  UpdateCrawlerRequest,
  UpdateCrawlerResponse,
} from '@aws-sdk/client-glue';
import type { Executor } from '../exec';
import { CrawlRepository, crawlerRunning, GlueModel, invalidInput } from '../model';
import { required } from './request-fields';

/** The crawler operations, named and shaped as `@aws-sdk/client-glue`'s `Glue`. A started crawl runs in the background. */
export class CrawlerApi {
  constructor(private readonly model: GlueModel, private readonly exec: Executor) {}

  async createCrawler(input: CreateCrawlerRequest): Promise<CreateCrawlerResponse> {
    const now = this.model.now();
    const crawler: Crawler = { ...definition(input), State: 'READY', CrawlElapsedTime: 0, CreationTime: now, LastUpdated: now, Version: 1 };
    this.model.transaction(() => this.model.crawlers.insert(crawler));
    return {};
  }

  /**
   * UpdateCrawler: the fields given replace the definition's (an empty Description, Schedule, TablePrefix or Configuration
   * clears it); its state, last crawl and creation time stay.
   */
  async updateCrawler(input: UpdateCrawlerRequest): Promise<UpdateCrawlerResponse> {
    this.model.transaction(() => {
      const old = this.model.crawlers.require(required(input.Name, 'Name'));
      if (old.State !== 'READY') throw crawlerRunning(`Crawler with name ${input.Name} is running; update it once it is READY`);
      const merged: CreateCrawlerRequest = {
        Name: old.Name,
        Role: input.Role ?? old.Role,
        DatabaseName: input.DatabaseName ?? old.DatabaseName,
        Description: cleared(input.Description, old.Description),
        Targets: input.Targets ?? old.Targets,
        Schedule: cleared(input.Schedule, old.Schedule?.ScheduleExpression),
        Classifiers: input.Classifiers ?? old.Classifiers,
        TablePrefix: cleared(input.TablePrefix, old.TablePrefix),
        SchemaChangePolicy: input.SchemaChangePolicy ?? old.SchemaChangePolicy,
        RecrawlPolicy: input.RecrawlPolicy ?? old.RecrawlPolicy,
        Configuration: cleared(input.Configuration, old.Configuration),
      };
      this.model.crawlers.put({ ...old, ...definition(merged), LastUpdated: this.model.now(), Version: (old.Version ?? 1) + 1 });
    });
    return {};
  }

  async getCrawler(input: GetCrawlerRequest): Promise<GetCrawlerResponse> {
    return { Crawler: this.model.crawlers.require(required(input.Name, 'Name')) };
  }

  async getCrawlers(_input: GetCrawlersRequest = {}): Promise<GetCrawlersResponse> {
    return { Crawlers: this.model.crawlers.list() };
  }

  async deleteCrawler(input: DeleteCrawlerRequest): Promise<DeleteCrawlerResponse> {
    this.model.transaction(() => {
      const crawler = this.model.crawlers.require(required(input.Name, 'Name'));
      if (crawler.State !== 'READY') throw crawlerRunning(`Crawler with name ${input.Name} is running; delete it once it is READY`);
      this.model.crawlers.delete(crawler.Name!);
    });
    return {};
  }

  /** Starts a crawl in the background (StartCrawler answers nothing); a crawler not READY -> CrawlerRunningException. */
  async startCrawler(input: StartCrawlerRequest): Promise<StartCrawlerResponse> {
    this.exec.crawls.start(required(input.Name, 'Name'));
    return {};
  }

  /** The crawls of a crawler, newest first. */
  async listCrawls(input: ListCrawlsRequest): Promise<ListCrawlsResponse> {
    const name = required(input.CrawlerName, 'CrawlerName');
    this.model.crawlers.require(name);
    return { Crawls: this.model.crawls.list(name, input.MaxResults).map(CrawlRepository.toHistory) };
  }
}

/** An optional string field of an update: absent keeps the old value, an empty string clears it. */
function cleared(value: string | undefined, old: string | undefined): string | undefined {
  return value === undefined ? old : value === '' ? undefined : value;
}

/** A crawler's definition from a create request, with Glue's validation and defaults. */
function definition(input: CreateCrawlerRequest): Omit<Crawler, 'State' | 'CrawlElapsedTime' | 'CreationTime' | 'LastUpdated' | 'Version'> {
  const name = required(input.Name, 'Name');
  if (!input.Role) throw invalidInput(`CreateCrawler ${name}: Role is required`);
  if (!input.Targets?.S3Targets?.length) throw invalidInput(`CreateCrawler ${name}: Targets.S3Targets must name at least one target (gluekit crawls S3 targets)`);
  for (const [i, t] of input.Targets.S3Targets.entries()) {
    if (!t.Path || !/^s3a?:\/\/[^/]+/.test(t.Path)) throw invalidInput(`CreateCrawler ${name}: Targets.S3Targets[${i}].Path '${t.Path}' is not an s3:// path`);
  }
  return {
    Name: name,
    Role: input.Role,
    Targets: input.Targets,
    DatabaseName: input.DatabaseName,
    Description: input.Description,
    Classifiers: input.Classifiers,
    TablePrefix: input.TablePrefix,
    SchemaChangePolicy: input.SchemaChangePolicy ?? { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'DEPRECATE_IN_DATABASE' },
    RecrawlPolicy: input.RecrawlPolicy ?? { RecrawlBehavior: 'CRAWL_EVERYTHING' },
    Schedule: input.Schedule ? { ScheduleExpression: input.Schedule, State: 'SCHEDULED' } : undefined,
    Configuration: input.Configuration,
  };
}
