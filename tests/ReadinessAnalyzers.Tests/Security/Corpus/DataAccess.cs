// Corpus: repositories and jobs over ADO.NET, Dapper and EF Core (RDY106).
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Corpus.Security.DataAccess;

public enum TicketState
{
    Open,
    Waiting,
    Closed,
}

public sealed record Ticket(int Id, string Title, string Assignee, TicketState State, DateTime OpenedAt);

public sealed record TicketFilter(string? Assignee, string? Text, TicketState? State, string SortBy, bool Descending, int Page, int PageSize);

public sealed class TicketRepository(IDbConnection connection, ILogger<TicketRepository> logger)
{
    private const string TicketColumns = "Id, Title, Assignee, State, OpenedAt";
    private const string TicketTable = "support.Tickets";
    private static readonly string ArchiveTable = "support.TicketArchive";

    public Task<Ticket?> GetAsync(int id)
        => connection.QuerySingleOrDefaultAsync<Ticket>($"SELECT {TicketColumns} FROM {TicketTable} WHERE Id = @id", new { id }); // trap

    public Task<IEnumerable<Ticket>> ForAssigneeAsync(string assignee)
        => connection.QueryAsync<Ticket>($"SELECT {TicketColumns} FROM {TicketTable} WHERE Assignee = '{assignee}'"); // expect: RDY106

    public async Task<IReadOnlyList<Ticket>> SearchAsync(TicketFilter filter)
    {
        var sql = new StringBuilder($"SELECT {TicketColumns} FROM {TicketTable} WHERE 1 = 1");
        if (!string.IsNullOrEmpty(filter.Assignee))
        {
            sql.Append(" AND Assignee = '").Append(filter.Assignee).Append('\'');
        }

        if (filter.State is { } state)
        {
            sql.Append(" AND State = ").Append((int)state);
        }

        sql.Append(" ORDER BY ").Append(filter.SortBy).Append(filter.Descending ? " DESC" : " ASC");
        sql.AppendFormat(" OFFSET {0} ROWS FETCH NEXT {1} ROWS ONLY", filter.Page * filter.PageSize, filter.PageSize);
        var rows = await connection.QueryAsync<Ticket>(sql.ToString()); // expect: RDY106
        return rows.AsList();
    }

    public async Task<IReadOnlyList<Ticket>> SearchSafelyAsync(TicketFilter filter)
    {
        var sql = new StringBuilder($"SELECT {TicketColumns} FROM {TicketTable} WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrEmpty(filter.Assignee))
        {
            sql.Append(" AND Assignee = @assignee");
            parameters.Add("assignee", filter.Assignee);
        }

        if (!string.IsNullOrEmpty(filter.Text))
        {
            sql.Append(" AND Title LIKE @text");
            parameters.Add("text", "%" + filter.Text + "%");
        }

        sql.Append(filter.Descending ? " ORDER BY OpenedAt DESC" : " ORDER BY OpenedAt");
        sql.Append($" OFFSET {filter.Page * filter.PageSize} ROWS FETCH NEXT {filter.PageSize} ROWS ONLY");
        var rows = await connection.QueryAsync<Ticket>(sql.ToString(), parameters); // trap
        return rows.AsList();
    }

    public Task<int> ArchiveAsync(IReadOnlyCollection<int> ids)
        => connection.ExecuteAsync($"INSERT INTO {ArchiveTable} SELECT * FROM {TicketTable} WHERE Id IN ({string.Join(",", ids)})"); // trap

    public Task<int> ReassignAsync(string from, string to)
        => connection.ExecuteAsync("UPDATE " + TicketTable + " SET Assignee = '" + to + "' WHERE Assignee = '" + from + "'"); // expect: RDY106

    public Task<int> CloseStaleAsync(DateTime before, TicketState state)
        => connection.ExecuteAsync($"UPDATE {TicketTable} SET State = {(int)TicketState.Closed} WHERE OpenedAt < '{before:yyyy-MM-dd}' AND State = {(int)state}"); // trap

    public Task<int> CountAsync(string where)
    {
        logger.LogDebug("Counting tickets where {Where}", where);
        return connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM " + TicketTable + " WHERE " + where); // expect: RDY106
    }

    public Task<int> CountOpenAsync()
    {
        var sql = "SELECT COUNT(*) FROM " + TicketTable + " WHERE State = " + (int)TicketState.Open;
        return connection.ExecuteScalarAsync<int>(sql); // trap
    }

    public Task<IEnumerable<Ticket>> RecentAsync(string? assignee, bool includeClosed)
    {
        var sql = $"SELECT TOP 50 {TicketColumns} FROM {TicketTable}";
        sql += includeClosed ? " WHERE 1 = 1" : " WHERE State <> 2";
        if (assignee is not null)
        {
            sql += $" AND Assignee = '{assignee}'";
        }

        return connection.QueryAsync<Ticket>(sql + " ORDER BY OpenedAt DESC"); // expect: RDY106
    }

    public Task<IEnumerable<Ticket>> RecentForTeamAsync(IReadOnlyList<Guid> team)
    {
        var sql = $"SELECT TOP 50 {TicketColumns} FROM {TicketTable}";
        if (team.Count > 0)
        {
            sql += " WHERE TeamId IN ('" + string.Join("','", team) + "')";
        }

        return connection.QueryAsync<Ticket>(sql); // trap
    }
}

public sealed class TicketExportJob(NpgsqlDataSource dataSource, ILogger<TicketExportJob> logger)
{
    public async Task<int> ExportAsync(string tenant, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM tickets WHERE tenant = '{tenant}' AND opened_on = '{day:yyyy-MM-dd}') TO STDOUT"; // expect: RDY106
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM tickets WHERE tenant = $1");
        command.Parameters.AddWithValue(tenant);
        logger.LogInformation("Counting tickets for {Tenant}", tenant);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!; // trap
    }

    public async Task PurgeAsync(IEnumerable<string> tenants, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var tenant in tenants)
        {
            await using var command = new NpgsqlCommand("DELETE FROM tickets WHERE tenant = '" + tenant + "'", connection); // expect: RDY106
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task VacuumAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection); // expect: RDY106
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task TruncateStagingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in new[] { "staging_tickets", "staging_comments" })
        {
            await using var command = new NpgsqlCommand($"TRUNCATE {table}", connection); // trap
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public sealed class LegacyCustomerDao(string connectionString)
{
    public DataTable Find(string lastName, string city)
    {
        using var connection = new SqlConnection(connectionString);
        var adapter = new SqlDataAdapter(string.Format("SELECT * FROM Customers WHERE LastName = '{0}' AND City = '{1}'", lastName, city), connection); // expect: RDY106
        var table = new DataTable();
        adapter.Fill(table);
        return table;
    }

    public DataTable FindSafely(string lastName)
    {
        using var connection = new SqlConnection(connectionString);
        using var command = new SqlCommand("SELECT * FROM Customers WHERE LastName = @lastName", connection); // trap
        command.Parameters.Add(new SqlParameter("@lastName", SqlDbType.NVarChar, 100) { Value = lastName });
        var adapter = new SqlDataAdapter(command);
        var table = new DataTable();
        adapter.Fill(table);
        return table;
    }

    public int Delete(int customerId)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM Customers WHERE Id = " + customerId; // trap
        return command.ExecuteNonQuery();
    }

    public object? Lookup(string column, int id)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = new SqlCommand { Connection = connection };
        command.CommandText = "SELECT " + column + " FROM Customers WHERE Id = @id"; // expect: RDY106
        command.Parameters.AddWithValue("@id", id);
        return command.ExecuteScalar();
    }

    public int Merge(IReadOnlyList<(int Id, string Email)> rows)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var values = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            values.Append(i == 0 ? "" : ", ").Append($"(@id{i}, @email{i})");
            command.Parameters.AddWithValue($"@id{i}", rows[i].Id);
            command.Parameters.AddWithValue($"@email{i}", rows[i].Email);
        }

        command.CommandText = "INSERT INTO CustomerEmails (Id, Email) VALUES " + values; // trap
        return command.ExecuteNonQuery();
    }

    public int RunProcedure(string procedure, int id)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = new SqlCommand(procedure, connection) { CommandType = CommandType.StoredProcedure }; // trap
        command.Parameters.AddWithValue("@id", id);
        return command.ExecuteNonQuery();
    }

    public int RunScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Corpus.Scripts." + name + ".sql")!;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        using var command = new SqlCommand(script, connection); // trap
        return command.ExecuteNonQuery();
    }

    public int Rename(DbConnection connection, string oldName, string newName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat("UPDATE Customers SET LastName = '", newName, "' WHERE LastName = '", oldName, "'"); // expect: RDY106
        return command.ExecuteNonQuery();
    }
}

public sealed class Invoice
{
    public int Id { get; set; }

    public string Number { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public decimal Total { get; set; }
}

public sealed class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();
}

public sealed class InvoiceQueries(BillingContext db, ILogger<InvoiceQueries> logger)
{
    public Task<List<Invoice>> ByCustomerAsync(string customer, CancellationToken cancellationToken)
        => db.Invoices.FromSqlRaw($"SELECT * FROM Invoices WHERE CustomerName = '{customer}'").ToListAsync(cancellationToken); // expect: RDY106

    public Task<List<Invoice>> ByCustomerSafelyAsync(string customer, CancellationToken cancellationToken)
        => db.Invoices.FromSql($"SELECT * FROM Invoices WHERE CustomerName = {customer}").ToListAsync(cancellationToken); // trap

    public Task<List<Invoice>> ByNumberAsync(string number, CancellationToken cancellationToken)
        => db.Invoices.FromSqlRaw("SELECT * FROM Invoices WHERE Number = {0}", number).ToListAsync(cancellationToken); // trap

    public Task<List<Invoice>> AboveAsync(decimal total, CancellationToken cancellationToken)
        => db.Invoices.FromSqlRaw($"SELECT * FROM Invoices WHERE Total > {total}").ToListAsync(cancellationToken); // trap

    public Task<int> RenumberAsync(string prefix, CancellationToken cancellationToken)
    {
        var sql = "UPDATE Invoices SET Number = '" + prefix + "' + CAST(Id AS nvarchar(20))";
        logger.LogInformation("Renumbering invoices");
        return db.Database.ExecuteSqlRawAsync(sql, cancellationToken); // expect: RDY106
    }

    public int DeleteDrafts(string owner)
        => db.Database.ExecuteSqlRaw("DELETE FROM Invoices WHERE Status = 'Draft' AND Owner = '" + owner + "'"); // expect: RDY106

    public int DeleteDraftsSafely(string owner)
        => db.Database.ExecuteSqlInterpolated($"DELETE FROM Invoices WHERE Status = 'Draft' AND Owner = {owner}"); // trap

    public Task<List<string>> NumbersAsync(string customer, CancellationToken cancellationToken)
        => db.Database.SqlQueryRaw<string>(string.Format("SELECT Number AS Value FROM Invoices WHERE CustomerName LIKE '{0}%'", customer)).ToListAsync(cancellationToken); // expect: RDY106

    public Task<List<int>> IdsAsync(string customer, CancellationToken cancellationToken)
        => db.Database.SqlQuery<int>($"SELECT Id AS Value FROM Invoices WHERE CustomerName = {customer}").ToListAsync(cancellationToken); // trap

    public Task<int> RebuildIndexAsync(string index, CancellationToken cancellationToken)
    {
        logger.LogInformation("Rebuilding index {Index}", index);
        return db.Database.ExecuteSqlRawAsync($"ALTER INDEX [{index}] ON Invoices REBUILD", cancellationToken); // expect: RDY106
    }

    public string Describe(string customer)
    {
        var message = $"Invoices of '{customer}' were exported";
        logger.LogInformation(message);
        return "SELECT * FROM Invoices WHERE CustomerName = '" + customer + "'"; // trap
    }
}
