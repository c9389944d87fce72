using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Secrets.ConnectionStringHasPasswordAnalyzer,
    ReadinessAnalyzers.CodeFixes.Secrets.ConnectionStringHasPasswordCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// RDY102 fix: the literal connection string becomes <c>GetConnectionString("Name")</c> on a reachable
/// configuration; without one, no fix is offered. Passwords are assembled at run time (no credential-looking text in
/// the repository).
/// </summary>
public sealed class RDY102ConnectionStringHasPasswordCodeFixTests
{
    private static readonly string Password = "Zt5" + "!qWn3" + "pL";

    [Fact]
    public async Task CodeFix_RepositoryWithInjectedConfiguration_UsesDatabaseName()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            public sealed class OrderRepository
            {
                private readonly string _connectionString;

                public OrderRepository(IConfiguration configuration)
                {
                    // Reporting replica.
                    _connectionString = {|RDY102:"Server=sql-prod-01;Database=orders;User Id=orders_app;Password={{Password}};Encrypt=True"|};
                }

                public string Describe() => _connectionString.Length.ToString();
            }
            """;
        var fixedSource = """
            using Microsoft.Extensions.Configuration;

            public sealed class OrderRepository
            {
                private readonly string _connectionString;

                public OrderRepository(IConfiguration configuration)
                {
                    // Reporting replica.
                    _connectionString = configuration.GetConnectionString("Orders");
                }

                public string Describe() => _connectionString.Length.ToString();
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_AddsTheConfigurationUsing_WhenTheExtensionIsNotInScope()
    {
        var source = $$"""
            #nullable enable
            namespace Shop.Data
            {
                public sealed class InventoryStore
                {
                    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;

                    public InventoryStore(Microsoft.Extensions.Configuration.IConfiguration configuration) => _configuration = configuration;

                    public string ConnectionString() => {|RDY102:"Host=pg.internal;Username=inventory;Password={{Password}}"|};
                }
            }
            """;
        var fixedSource = """
            #nullable enable
            using Microsoft.Extensions.Configuration;

            namespace Shop.Data
            {
                public sealed class InventoryStore
                {
                    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;

                    public InventoryStore(Microsoft.Extensions.Configuration.IConfiguration configuration) => _configuration = configuration;

                    public string ConnectionString() => _configuration.GetConnectionString("Inventory") ?? throw new System.InvalidOperationException("Connection string 'Inventory' is not configured.");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_TopLevelStatements_UseBuilderConfiguration()
    {
        var source = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            var builder = WebApplication.CreateBuilder(args);
            var connectionString = {|RDY102:"Server=tcp:billing.database.windows.net,1433;Initial Catalog=billing;User ID=api;Password={{Password}};"|};
            var app = builder.Build();
            app.MapGet("/health/db", () => connectionString.Length);
            app.Run();
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;

            var builder = WebApplication.CreateBuilder(args);
            var connectionString = builder.Configuration.GetConnectionString("Billing");
            var app = builder.Build();
            app.MapGet("/health/db", () => connectionString.Length);
            app.Run();
            """;
        var test = new VerifyCS.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoCodeFix_WhenNoConfigurationIsReachable()
    {
        var source = $$"""
            public static class MigrationTool
            {
                public static string Target() => {|RDY102:"Server=localhost,1433;Database=app;User Id=sa;Password={{Password}}"|};
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task CodeFix_FixAll_ReplacesEveryConnectionStringInTheDocument()
    {
        var source = $$"""
            using Microsoft.Extensions.Configuration;

            public sealed class Databases
            {
                private readonly IConfiguration _configuration;

                public Databases(IConfiguration configuration) => _configuration = configuration;

                public string Orders => {|RDY102:"Server=db1;Database=orders;User Id=app;Password={{Password}}"|};

                public string Audit => {|RDY102:"Server=db2;Database=audit_log;User Id=app;Pwd={{Password}}"|};
            }
            """;
        var fixedSource = """
            using Microsoft.Extensions.Configuration;

            public sealed class Databases
            {
                private readonly IConfiguration _configuration;

                public Databases(IConfiguration configuration) => _configuration = configuration;

                public string Orders => _configuration.GetConnectionString("Orders");

                public string Audit => _configuration.GetConnectionString("AuditLog");
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }
}
