using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Security.SqlBuiltFromStringsAnalyzer,
    ReadinessAnalyzers.CodeFixes.Security.SqlBuiltFromStringsCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Security;

/// <summary>
/// RDY106 fixes: EF Core raw calls become the interpolated APIs, Dapper gets an anonymous parameter object, ADO.NET
/// commands get AddWithValue statements; holes that are identifiers or parts of a larger literal get no fix.
/// </summary>
public sealed class RDY106SqlBuiltFromStringsCodeFixTests
{
    private const string EfModel = """

        public sealed class Product
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Product> Products => Set<Product>();
        }
        """;

    [Fact]
    public async Task CodeFix_EfCore_SwitchesToInterpolatedApis_AndDropsTheQuotes_WithFixAll()
    {
        var source = """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed class ProductQueries(ShopContext db)
            {
                public IQueryable<Product> ByName(string name)
                    => db.Products.FromSqlRaw({|RDY106:$"SELECT * FROM Products WHERE Name = '{name}'"|}); // lookup

                public Task<int> Rename(int id, string name, CancellationToken cancellationToken)
                    => db.Database.ExecuteSqlRawAsync({|RDY106:"UPDATE Products SET Name = N'" + name + "' WHERE Id = " + id|}, cancellationToken);

                public IQueryable<string> Names(string category)
                    => db.Database.SqlQueryRaw<string>({|RDY106:$@"SELECT Name AS Value
                        FROM Products
                        WHERE Category = '{category}'"|});
            }
            """ + EfModel;
        var fixedSource = """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed class ProductQueries(ShopContext db)
            {
                public IQueryable<Product> ByName(string name)
                    => db.Products.FromSql($"SELECT * FROM Products WHERE Name = {name}"); // lookup

                public Task<int> Rename(int id, string name, CancellationToken cancellationToken)
                    => db.Database.ExecuteSqlAsync($"UPDATE Products SET Name = {name} WHERE Id = {id}", cancellationToken);

                public IQueryable<string> Names(string category)
                    => db.Database.SqlQuery<string>($@"SELECT Name AS Value
                        FROM Products
                        WHERE Category = {category}");
            }
            """ + EfModel;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_EfCore_WhenAHoleIsAnIdentifier_PartOfALiteral_OrTheTextIsALocal()
    {
        var source = """
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            public sealed class ProductQueries(ShopContext db)
            {
                public IQueryable<Product> Sorted(string column)
                    => db.Products.FromSqlRaw({|RDY106:$"SELECT * FROM Products ORDER BY {column}"|});

                public IQueryable<Product> Starting(string prefix)
                    => db.Products.FromSqlRaw({|RDY106:$"SELECT * FROM Products WHERE Name LIKE '{prefix}%'"|});

                public IQueryable<Product> ByName(string name)
                {
                    var sql = $"SELECT * FROM Products WHERE Name = '{name}'";
                    return db.Products.FromSqlRaw({|RDY106:sql|});
                }
            }
            """ + EfModel;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task CodeFix_Dapper_AddsAnAnonymousParameterObject_KeepingSafeHoles()
    {
        var source = """
            using System.Collections.Generic;
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;

            public sealed record Customer(int Id, string Name, string Email);

            public sealed class CustomerRepository(IDbConnection connection)
            {
                private const string Table = "dbo.Customers";

                public Task<IEnumerable<Customer>> InRegion(string region, int limit, IDbTransaction transaction)
                    => connection.QueryAsync<Customer>(
                        {|RDY106:$"SELECT TOP ({limit}) * FROM {Table} WHERE Region = '{region}' AND Region <> '{region}x'"|},
                        transaction: transaction);

                public Customer? ByEmail(Customer template)
                {
                    // Case-insensitive collation.
                    var sql = $@"SELECT Id, Name, Email
                                 FROM {Table}
                                 WHERE Email = '{template.Email}'";
                    return connection.QuerySingleOrDefault<Customer>({|RDY106:sql|});
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;

            public sealed record Customer(int Id, string Name, string Email);

            public sealed class CustomerRepository(IDbConnection connection)
            {
                private const string Table = "dbo.Customers";

                public Task<IEnumerable<Customer>> InRegion(string region, int limit, IDbTransaction transaction)
                    => connection.QueryAsync<Customer>(
                        {|RDY106:$"SELECT TOP ({limit}) * FROM {Table} WHERE Region = '{region}' AND Region <> '{region}x'"|},
                        transaction: transaction);

                public Customer? ByEmail(Customer template)
                {
                    // Case-insensitive collation.
                    var sql = $@"SELECT Id, Name, Email
                                 FROM {Table}
                                 WHERE Email = @TemplateEmail";
                    return connection.QuerySingleOrDefault<Customer>(sql, new { TemplateEmail = template.Email });
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_Dapper_ConcatenationAndExistingAnonymousObject()
    {
        var source = """
            using System.Data;
            using Dapper;

            public sealed class OrderCommands(IDbConnection connection)
            {
                public int Ship(int id, string carrier, string trackingNumber)
                    => connection.Execute(
                        {|RDY106:"UPDATE Orders SET Carrier = '" + carrier + "', " +
                        "Tracking = '" + trackingNumber + "' " +
                        "WHERE Id = @id"|},
                        new { id });

                public int Note(string note) => connection.Execute({|RDY106:"INSERT INTO Notes (Text) VALUES ('" + note + "')"|}, null);
            }
            """;
        var fixedSource = """
            using System.Data;
            using Dapper;

            public sealed class OrderCommands(IDbConnection connection)
            {
                public int Ship(int id, string carrier, string trackingNumber)
                    => connection.Execute(
                        "UPDATE Orders SET Carrier = @Carrier, " +
                        "Tracking = @TrackingNumber " +
                        "WHERE Id = @id",
                        new { id, Carrier = carrier, TrackingNumber = trackingNumber });

                public int Note(string note) => connection.Execute("INSERT INTO Notes (Text) VALUES (@Note)", new { Note = note });
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_Dapper_CommandDefinitionAndNamedArguments_GetParameters()
    {
        var source = """
            using System.Data;
            using System.Threading;
            using System.Threading.Tasks;
            using Dapper;

            public sealed record Subscriber(int Id, string Email);

            public sealed class Subscribers(IDbConnection connection)
            {
                public Task<Subscriber?> ByEmailAsync(string email, CancellationToken cancellationToken)
                    => connection.QueryFirstOrDefaultAsync<Subscriber>(
                        new CommandDefinition({|RDY106:@"SELECT Id, Email FROM Subscribers WHERE Email = N'" + email + "'"|}, cancellationToken: cancellationToken));

                public int Unsubscribe(string email, IDbTransaction transaction)
                    => connection.Execute(sql: {|RDY106:$"DELETE FROM Subscribers WHERE Email = '{email}' OR Email = '{email.ToLowerInvariant()}'"|}, transaction: transaction);
            }
            """;
        var fixedSource = """
            using System.Data;
            using System.Threading;
            using System.Threading.Tasks;
            using Dapper;

            public sealed record Subscriber(int Id, string Email);

            public sealed class Subscribers(IDbConnection connection)
            {
                public Task<Subscriber?> ByEmailAsync(string email, CancellationToken cancellationToken)
                    => connection.QueryFirstOrDefaultAsync<Subscriber>(
                        new CommandDefinition(@"SELECT Id, Email FROM Subscribers WHERE Email = @Email", new { Email = email }, cancellationToken: cancellationToken));

                public int Unsubscribe(string email, IDbTransaction transaction)
                    => connection.Execute(sql: "DELETE FROM Subscribers WHERE Email = @Email OR Email = @Email2", param: new { Email = email, Email2 = email.ToLowerInvariant() }, transaction: transaction);
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_Dapper_WhenTheTextLocalIsUsedTwice()
    {
        var source = """
            using System.Data;
            using Dapper;
            using Microsoft.Extensions.Logging;

            public sealed class Cleanup(IDbConnection connection, ILogger<Cleanup> logger)
            {
                public int Run(string tenant)
                {
                    var sql = $"DELETE FROM Sessions WHERE Tenant = '{tenant}'";
                    logger.LogDebug("Running {Sql}", sql);
                    return connection.Execute({|RDY106:sql|});
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task NoCodeFix_Dapper_WhenParametersAreNotAnonymous_OrHolesAreIdentifiers()
    {
        var source = """
            using System.Collections.Generic;
            using System.Data;
            using Dapper;

            public sealed record Row(int Id);

            public sealed class Reports(IDbConnection connection)
            {
                public IEnumerable<Row> Filtered(string owner, DynamicParameters parameters)
                    => connection.Query<Row>({|RDY106:$"SELECT Id FROM Reports WHERE Owner = '{owner}' AND Kind = @kind"|}, parameters);

                public IEnumerable<Row> FromTable(string table)
                    => connection.Query<Row>({|RDY106:"SELECT Id FROM [" + table + "]"|});

                public IEnumerable<Row> Named(IEnumerable<string> names)
                    => connection.Query<Row>({|RDY106:$"SELECT Id FROM Reports WHERE Name IN ({string.Join(",", names)})"|});
            }
            """;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task CodeFix_AdoNet_AddsParametersAfterTheCommand()
    {
        var source = """
            #nullable enable
            using System;
            using Microsoft.Data.SqlClient;
            using Npgsql;

            public sealed class AccountStore(string connectionString)
            {
                public object? Balance(string accountNumber, string? currency)
                {
                    using var connection = new SqlConnection(connectionString);
                    connection.Open();
                    using var command = new SqlCommand({|RDY106:$"SELECT Balance FROM Accounts WHERE Number = '{accountNumber}' AND Currency = '{currency}'"|}, connection);
                    return command.ExecuteScalar();
                }

                public int Close(NpgsqlConnection connection, string accountNumber)
                {
                    using (var command = new NpgsqlCommand { Connection = connection, CommandText = {|RDY106:"UPDATE accounts SET closed = true WHERE number = '" + accountNumber + "'"|} })
                    {
                        return command.ExecuteNonQuery();
                    }
                }

                public int Freeze(NpgsqlConnection connection, string reason, DateTime until)
                {
                    var sql = $"UPDATE accounts SET frozen_until = '{until:yyyy-MM-dd}', reason = '{reason}'";
                    using var command = connection.CreateCommand();
                    command.CommandText = {|RDY106:sql|};
                    return command.ExecuteNonQuery();
                }
            }
            """;
        var fixedSource = """
            #nullable enable
            using System;
            using Microsoft.Data.SqlClient;
            using Npgsql;

            public sealed class AccountStore(string connectionString)
            {
                public object? Balance(string accountNumber, string? currency)
                {
                    using var connection = new SqlConnection(connectionString);
                    connection.Open();
                    using var command = new SqlCommand("SELECT Balance FROM Accounts WHERE Number = @AccountNumber AND Currency = @Currency", connection);
                    command.Parameters.AddWithValue("@AccountNumber", accountNumber);
                    command.Parameters.AddWithValue("@Currency", currency ?? (object)DBNull.Value);
                    return command.ExecuteScalar();
                }

                public int Close(NpgsqlConnection connection, string accountNumber)
                {
                    using (var command = new NpgsqlCommand { Connection = connection, CommandText = "UPDATE accounts SET closed = true WHERE number = @AccountNumber" })
                    {
                        command.Parameters.AddWithValue("@AccountNumber", accountNumber);
                        return command.ExecuteNonQuery();
                    }
                }

                public int Freeze(NpgsqlConnection connection, string reason, DateTime until)
                {
                    var sql = $"UPDATE accounts SET frozen_until = '{until:yyyy-MM-dd}', reason = @Reason";
                    using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    command.Parameters.AddWithValue("@Reason", reason);
                    return command.ExecuteNonQuery();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoCodeFix_AdoNet_WithoutAddWithValue_OrALocalCommand()
    {
        var source = """
            using System.Data.Common;
            using Microsoft.Data.SqlClient;

            public sealed class Purge(DbConnection connection, SqlCommand sharedCommand)
            {
                public int Run(string tenant)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|RDY106:$"DELETE FROM Sessions WHERE Tenant = '{tenant}'"|};
                    return command.ExecuteNonQuery();
                }

                public int Shared(string tenant)
                {
                    sharedCommand.CommandText = {|RDY106:$"DELETE FROM Sessions WHERE Tenant = '{tenant}'"|};
                    return sharedCommand.ExecuteNonQuery();
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    private static async Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.DataAccess);
        test.FixedState.AdditionalReferences.AddRange(ReferenceSets.DataAccess);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyNoFixAsync(string source) => VerifyFixAsync(source, source);
}
