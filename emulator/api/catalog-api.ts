import type {
  BatchCreatePartitionRequest,
  BatchCreatePartitionResponse,
  CreateDatabaseRequest,
  CreateDatabaseResponse,
  CreatePartitionRequest,
  CreatePartitionResponse,
  CreateTableRequest,
  CreateTableResponse,
  DeleteDatabaseRequest,
  DeleteDatabaseResponse,
  DeletePartitionRequest,
  DeletePartitionResponse,
  DeleteTableRequest,
  DeleteTableResponse,
  GetDatabaseRequest,
  GetDatabaseResponse,
  GetDatabasesRequest,
  GetDatabasesResponse,
  GetPartitionRequest,
  GetPartitionResponse,
  GetPartitionsRequest,
  GetPartitionsResponse,
  GetTableRequest,
  GetTableResponse,
  GetTablesRequest,
  GetTablesResponse,
  UpdateDatabaseRequest,
  UpdateDatabaseResponse,
  UpdatePartitionRequest,
  UpdatePartitionResponse,
  UpdateTableRequest,
  UpdateTableResponse,
} from '@aws-sdk/client-glue';
import { alreadyExists, entityNotFound, GlueModel, invalidInput } from '../model';
import { required } from './request-fields';

/** The Data Catalog operations (databases, tables, partitions), named and shaped as `@aws-sdk/client-glue`'s `Glue`. */
export class CatalogApi {
  constructor(private readonly model: GlueModel) {}

  async createDatabase(input: CreateDatabaseRequest): Promise<CreateDatabaseResponse> {
    this.model.transaction(() => this.model.databases.create(input.DatabaseInput!));
    return {};
  }

  async updateDatabase(input: UpdateDatabaseRequest): Promise<UpdateDatabaseResponse> {
    this.model.transaction(() => this.model.databases.update(required(input.Name, 'Name'), input.DatabaseInput!));
    return {};
  }

  async getDatabase(input: GetDatabaseRequest): Promise<GetDatabaseResponse> {
    return { Database: this.model.databases.require(required(input.Name, 'Name')) };
  }

  async getDatabases(_input: GetDatabasesRequest = {}): Promise<GetDatabasesResponse> {
    return { DatabaseList: this.model.databases.list() };
  }

  /** Deletes a database with its tables and their partitions. */
  async deleteDatabase(input: DeleteDatabaseRequest): Promise<DeleteDatabaseResponse> {
    const name = required(input.Name, 'Name');
    this.model.transaction(() => {
      for (const table of this.model.tables.list(name)) this.model.tables.delete(name, table.Name!);
      this.model.databases.delete(name);
    });
    return {};
  }

  async createTable(input: CreateTableRequest): Promise<CreateTableResponse> {
    this.model.transaction(() => this.model.tables.create(required(input.DatabaseName, 'DatabaseName'), input.TableInput!));
    return {};
  }

  async updateTable(input: UpdateTableRequest): Promise<UpdateTableResponse> {
    this.model.transaction(() => this.model.tables.update(required(input.DatabaseName, 'DatabaseName'), input.TableInput!));
    return {};
  }

  async getTable(input: GetTableRequest): Promise<GetTableResponse> {
    return { Table: this.model.tables.require(required(input.DatabaseName, 'DatabaseName'), required(input.Name, 'Name')) };
  }

  async getTables(input: GetTablesRequest): Promise<GetTablesResponse> {
    return { TableList: this.model.tables.list(required(input.DatabaseName, 'DatabaseName')) };
  }

  async deleteTable(input: DeleteTableRequest): Promise<DeleteTableResponse> {
    this.model.tables.delete(required(input.DatabaseName, 'DatabaseName'), required(input.Name, 'Name'));
    return {};
  }

  async createPartition(input: CreatePartitionRequest): Promise<CreatePartitionResponse> {
    const [error] = this.model.partitions.createMany(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName'), [input.PartitionInput!]);
    if (error) {
      const message = error.ErrorDetail?.ErrorMessage ?? 'Partition not created.';
      throw error.ErrorDetail?.ErrorCode === 'AlreadyExistsException' ? alreadyExists(message) : invalidInput(message);
    }
    return {};
  }

  /** Creates partitions; ones that exist are reported in `Errors`, as Glue does, and the rest are created. */
  async batchCreatePartition(input: BatchCreatePartitionRequest): Promise<BatchCreatePartitionResponse> {
    return { Errors: this.model.partitions.createMany(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName'), input.PartitionInputList ?? []) };
  }

  async getPartition(input: GetPartitionRequest): Promise<GetPartitionResponse> {
    const partition = this.model.partitions.find(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName'), input.PartitionValues ?? []);
    if (!partition) throw entityNotFound(`Partition not found: ${(input.PartitionValues ?? []).join(', ')}.`);
    return { Partition: partition };
  }

  async getPartitions(input: GetPartitionsRequest): Promise<GetPartitionsResponse> {
    return { Partitions: this.model.partitions.list(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName')) };
  }

  async updatePartition(input: UpdatePartitionRequest): Promise<UpdatePartitionResponse> {
    this.model.transaction(() =>
      this.model.partitions.update(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName'), input.PartitionValueList ?? [], input.PartitionInput!),
    );
    return {};
  }

  async deletePartition(input: DeletePartitionRequest): Promise<DeletePartitionResponse> {
    this.model.partitions.delete(required(input.DatabaseName, 'DatabaseName'), required(input.TableName, 'TableName'), input.PartitionValues ?? []);
    return {};
  }
}
