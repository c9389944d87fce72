using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Tests.Verifiers;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Security.SqlBuiltFromStringsAnalyzer>;

namespace ReadinessAnalyzers.Tests.Security;

public sealed class RDY106SqlBuiltFromStringsTests
{
    [Fact]
    public async Task Diagnostic_WhenDapperQueryIsInterpolated_DirectlyOrThroughALocal()
    {
        var source = """
            using System.Collections.Generic;
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;

            public sealed record Customer(int Id, string Name, string Email);

            public sealed class CustomerRepository(IDbConnection connection)
            {
                public Task<IEnumerable<Customer>> SearchAsync(string name)
                    => connection.QueryAsync<Customer>({|RDY106:$"SELECT Id, Name, Email FROM Customers WHERE Name LIKE '%{name}%'"|});

                public Customer? FindByEmail(string email)
                {
                    var sql = $"SELECT Id, Name, Email FROM Customers WHERE Email = '{email}'";
                    return connection.QuerySingleOrDefault<Customer>({|RDY106:sql|});
                }

                public int Rename(int id, string name)
                    => connection.Execute({|RDY106:"UPDATE Customers SET Name = '" + name + "' WHERE Id = " + id|});
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenAdoNetCommandTextIsBuilt_InConstructorPropertyOrInitializer()
    {
        var source = """
            using System.Data.Common;
            using Microsoft.Data.SqlClient;
            using Npgsql;

            public sealed class OrderStore(string connectionString)
            {
                public object? Status(string orderNumber)
                {
                    using var connection = new SqlConnection(connectionString);
                    connection.Open();
                    using var command = new SqlCommand({|RDY106:"SELECT Status FROM Orders WHERE Number = '" + orderNumber + "'"|}, connection);
                    return command.ExecuteScalar();
                }

                public void Archive(DbConnection connection, string region)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|RDY106:string.Format("DELETE FROM Orders WHERE Region = '{0}'", region)|};
                    command.ExecuteNonQuery();
                }

                public NpgsqlCommand Lookup(NpgsqlConnection connection, string sku)
                    => new NpgsqlCommand { Connection = connection, CommandText = {|RDY106:$"SELECT * FROM products WHERE sku = '{sku}'"|} };
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenEfCoreRawApisReceiveBuiltText()
    {
        var source = """
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            public sealed class Product
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
            }

            public sealed class ProductQueries(ShopContext db)
            {
                public IQueryable<Product> ByName(string name)
                    => db.Products.FromSqlRaw({|RDY106:$"SELECT * FROM Products WHERE Name = '{name}'"|});

                public Task<int> Rename(int id, string name)
                    => db.Database.ExecuteSqlRawAsync({|RDY106:"UPDATE Products SET Name = '" + name + "' WHERE Id = " + id|});

                public IQueryable<string> Names(string prefix)
                    => db.Database.SqlQueryRaw<string>({|RDY106:$"SELECT Name AS Value FROM Products WHERE Name LIKE '{prefix}%'"|});
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenTextIsAppendedConditionally_OrBuiltWithStringBuilder()
    {
        var source = """
            using System.Collections.Generic;
            using System.Data;
            using System.Text;
            using Dapper;

            public sealed record Invoice(int Id, string Customer, decimal Total);

            public sealed class InvoiceSearch(IDbConnection connection)
            {
                public IEnumerable<Invoice> Search(string? customer, string? sortColumn)
                {
                    var sql = "SELECT Id, Customer, Total FROM Invoices WHERE 1 = 1";
                    if (customer is not null)
                    {
                        sql += " AND Customer = '" + customer + "'";
                    }

                    return connection.Query<Invoice>({|RDY106:sql|});
                }

                public IEnumerable<Invoice> Sorted(string sortColumn)
                {
                    var builder = new StringBuilder("SELECT Id, Customer, Total FROM Invoices");
                    builder.Append(" ORDER BY ").Append(sortColumn);
                    return connection.Query<Invoice>({|RDY106:builder.ToString()|});
                }

                public IEnumerable<Invoice> ForCustomers(IEnumerable<string> customers)
                    => connection.Query<Invoice>({|RDY106:$"SELECT * FROM Invoices WHERE Customer IN ('{string.Join("','", customers)}')"|});
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Diagnostic_MessageNamesTheSinkTheShapeAndTheValue()
    {
        var source = """
            using System.Data;
            using Dapper;

            public sealed class Audit(IDbConnection connection)
            {
                public void Write(string user)
                {
                    var sql = $"INSERT INTO Audit (UserName) VALUES ('{user}')";
                    connection.Execute(sql);
                }
            }
            """;
        var expected = VerifyCS.Diagnostic("RDY106").WithSpan(9, 28, 9, 31)
            .WithArguments("Execute", "'sql', an interpolated string,", "user");
        await VerifyAsync(source, expected);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTextIsConstantOrParameterised()
    {
        var source = """
            using System.Collections.Generic;
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.Data.SqlClient;

            public sealed record Customer(int Id, string Name);

            public sealed class CustomerRepository(IDbConnection connection, SqlConnection sqlConnection)
            {
                private const string Table = "dbo.Customers";
                private const string SelectColumns = "SELECT Id, Name FROM " + Table;
                private static readonly string Schema = "sales";

                public Task<IEnumerable<Customer>> ByName(string name)
                    => connection.QueryAsync<Customer>($"{SelectColumns} WHERE Name = @name", new { name });

                public Customer? ById(int id)
                    => connection.QuerySingleOrDefault<Customer>(SelectColumns + " WHERE Id = @id", new { id });

                public int Count()
                    => connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM {Schema}.{nameof(Customer)}s");

                public object? Email(string name)
                {
                    using var command = new SqlCommand("SELECT Email FROM Customers WHERE Name = @name", sqlConnection);
                    command.Parameters.AddWithValue("@name", name);
                    return command.ExecuteScalar();
                }

                public IEnumerable<Customer> Active(bool includeDeleted)
                {
                    var filter = includeDeleted ? "" : " WHERE Deleted = 0";
                    return connection.Query<Customer>(SelectColumns + filter);
                }

                public IEnumerable<T> All<T>() => connection.Query<T>($"SELECT * FROM {typeof(T).Name}s");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenOnlyNumbersDatesGuidsOrEnumsAreInserted()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Data;
            using System.Linq;
            using System.Text;
            using Dapper;

            public enum OrderStatus { Open, Shipped }

            public sealed record Order(int Id, OrderStatus Status);

            public sealed class OrderReports(IDbConnection connection)
            {
                public IEnumerable<Order> Page(int page, int size)
                    => connection.Query<Order>($"SELECT * FROM Orders ORDER BY Id OFFSET {page * size} ROWS FETCH NEXT {size} ROWS ONLY");

                public IEnumerable<Order> Since(DateTime since, OrderStatus status, Guid tenant)
                    => connection.Query<Order>($"SELECT * FROM Orders WHERE Created >= '{since:yyyy-MM-dd}' AND Status = {(int)status} AND Tenant = '{tenant}'");

                public IEnumerable<Order> ByIds(IReadOnlyList<int> ids)
                    => connection.Query<Order>("SELECT * FROM Orders WHERE Id IN (" + string.Join(",", ids) + ")");

                public int Cancel(IReadOnlyList<int> ids)
                {
                    var builder = new StringBuilder("UPDATE Orders SET Status = 2 WHERE Id IN (");
                    var parameters = new DynamicParameters();
                    for (var i = 0; i < ids.Count; i++)
                    {
                        builder.Append(i == 0 ? "" : ", ").Append($"@p{i}");
                        parameters.Add($"p{i}", ids[i]);
                    }

                    builder.Append(')');
                    return connection.Execute(builder.ToString(), parameters);
                }

                public int Top(long count) => connection.ExecuteScalar<int>("SELECT TOP " + count.ToString() + " Id FROM Orders");

                private static readonly string[] Columns = ["Id", "Status"];
                private static readonly string[] LegacyColumns = new[] { "Id", "State" };

                public IEnumerable<Order> Listed(int? after)
                    => connection.Query<Order>($"SELECT {string.Join(", ", Columns)} FROM Orders WHERE Id > {after?.ToString() ?? "0"}");

                public IEnumerable<Order> Legacy()
                    => connection.Query<Order>("SELECT " + string.Join(", ", LegacyColumns) + " FROM LegacyOrders");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenTextComesWholeFromElsewhere_OrGoesToSafeApis()
    {
        var source = """
            using System;
            using System.IO;
            using System.Linq;
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;

            public sealed class Product
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
            }

            public sealed class Maintenance(IDbConnection connection, ShopContext db, ILogger<Maintenance> logger)
            {
                public int RunScript(string path) => connection.Execute(File.ReadAllText(path));

                public int Run(string sql) => connection.Execute(sql);

                public IQueryable<Product> ByName(string name) => db.Products.FromSql($"SELECT * FROM Products WHERE Name = {name}");

                public IQueryable<Product> Legacy(string name) => db.Products.FromSqlInterpolated($"SELECT * FROM Products WHERE Name = {name}");

                public Task<int> Rename(int id, string name) => db.Database.ExecuteSqlAsync($"UPDATE Products SET Name = {name} WHERE Id = {id}");

                public IQueryable<string> Names(string prefix) => db.Database.SqlQuery<string>($"SELECT Name AS Value FROM Products WHERE Name LIKE {prefix + "%"}");

                public IQueryable<Product> Raw(string name) => db.Products.FromSqlRaw("SELECT * FROM Products WHERE Name = {0}", name);

                public void Log(string table, string name)
                {
                    var message = $"Cleaning {table} for {name}";
                    logger.LogInformation(message);
                    Console.WriteLine("DELETE FROM " + table);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenNoDataAccessLibraryIsReferenced_AndCodeIsBroken()
    {
        var source = """
            public sealed class Half
            {
                public void Run(string name)
                {
                    var sql = $"SELECT * FROM T WHERE Name = '{name}'";
                    {|CS0103:connection|}.Execute(sql);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    private static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(ReferenceSets.DataAccess);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
