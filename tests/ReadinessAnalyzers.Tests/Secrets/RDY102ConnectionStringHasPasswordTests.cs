using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.ConnectionStringHasPasswordAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public sealed class RDY102ConnectionStringHasPasswordTests
{
    private static readonly string Pw = FakeSecrets.Password(40);

    public static TheoryData<string, string, string, string> ConnectionStrings => new()
    {
        { "Server=tcp:orders.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password=" + Pw + ";Encrypt=True;", "SQL Server", "Password", "sqlserver" },
        { "Data Source=sql01;Initial Catalog=Billing;User Id=billing;Pwd=" + Pw, "SQL Server", "Pwd", "sqlserver" },
        { "Server = sql01 ; Database = Billing ; User Id = billing ; PASSWORD = '" + Pw + ";x'", "SQL Server", "PASSWORD", "sqlserver" },
        { "Host=pg.internal;Port=5432;Database=orders;Username=orders;Password=" + Pw, "PostgreSQL", "Password", "postgresql" },
        { "Server=mysql.internal;Port=3306;Database=shop;Uid=shop;Pwd=" + Pw + ";SslMode=Required", "MySQL", "Pwd", "mysql" },
        { "User Id=scott;Password=" + Pw + ";Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL)))", "Oracle", "Password", "oracle" },
        { "Data Source=app.db;Password=" + Pw, "SQLite", "Password", "sqlite" },
        { "Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\data\\app.mdb;Jet OLEDB:Database Password=" + Pw, "SQL Server", "Jet OLEDB:Database Password", "sqlserver" },
        { "Data Source=sql01;Initial Catalog=Billing;User ID=billing;User Password='" + Pw + "'", "SQL Server", "User Password", "sqlserver" },
        { "mongodb://orders:" + Pw.Replace("#", "9") + "@mongo1.internal:27017,mongo2.internal:27017/orders?replicaSet=rs0", "MongoDB URI", "password", "mongodb-uri" },
        { "mongodb+srv://orders:" + Pw.Replace("#", "9") + "@cluster0.abcde.mongodb.net/orders", "MongoDB URI", "password", "mongodb-uri" },
        { "redis://:" + Pw.Replace("#", "9") + "@cache.internal:6379/0", "Redis URI", "password", "redis-uri" },
        { "cache.internal:6380,password=" + Pw + ",ssl=True,abortConnect=False", "Redis", "password", "redis" },
        { "amqps://orders:" + Pw.Replace("#", "9") + "@rabbit.internal:5671/prod", "AMQP URI", "password", "amqp-uri" },
        { "postgres://orders:" + Pw.Replace("#", "9") + "@pg.internal:5432/orders", "PostgreSQL URI", "password", "postgresql-uri" },
        { "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + FakeSecrets.AzureSharedAccessKey(1), "Azure Service Bus", "SharedAccessKey", "azure-service-bus" },
        { "Endpoint=sb://telemetry-eventhubs.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + FakeSecrets.AzureSharedAccessKey(2) + ";EntityPath=clicks", "Azure Event Hubs", "SharedAccessKey", "azure-event-hubs" },
        { "DefaultEndpointsProtocol=https;AccountName=ordersstore;AccountKey=" + FakeSecrets.AzureStorageAccountKey(1) + ";EndpointSuffix=core.windows.net", "Azure Storage", "AccountKey", "azure-storage" },
        { "AccountEndpoint=https://orders.documents.azure.com:443/;AccountKey=" + FakeSecrets.AzureStorageAccountKey(2) + ";", "Azure Cosmos DB", "AccountKey", "azure-cosmos-db" },
        { "HostName=plant.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=" + FakeSecrets.AzureSharedAccessKey(3), "Azure IoT Hub", "SharedAccessKey", "azure-iot-hub" },
    };

    [Theory]
    [MemberData(nameof(ConnectionStrings))]
    public async Task Diagnostic_WhenConnectionStringEmbedsACredential(string connectionString, string provider, string key, string kind)
    {
        var source = $$""""
            public static class Databases
            {
                public const string Primary = {|#0:"""{{connectionString}}"""|};
            }
            """";

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments(provider, key));

        var result = await SecretAnalysisRunner.RunAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RDY102", diagnostic.Id);
        Assert.Equal(kind, diagnostic.Properties["Kind"]);
        Assert.Equal(key, diagnostic.Properties["Key"]);
        Assert.Equal("Primary", diagnostic.Properties["Target"]);
    }

    [Fact]
    public async Task Diagnostic_WhenConnectionStringIsPassedToUseSqlServerLikeApiInMinimalApi()
    {
        var source = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new OrdersDb({|#0:"Server=db;Database=orders;User Id=orders;Password={{Pw}};TrustServerCertificate=True"|}));
            var app = builder.Build();
            app.Run();

            sealed class OrdersDb(string connectionString)
            {
                public string ConnectionString { get; } = connectionString;
            }
            """;

        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments("SQL Server", "Password"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Diagnostic_OnWholeInterpolatedStringAndOutermostConcatenation()
    {
        var source = $$"""
            public sealed class Factory
            {
                private const string Server = "Server=db;Database=orders;";
                public const string Concatenated = {|#0:Server + "User Id=orders;" + "Password={{Pw}};"|};
                public string Interpolated(string host) => {|#1:$"Host={host};Username=orders;Password={{Pw}}"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(
            source,
            VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments("SQL Server", "Password"),
            VerifyCS.Diagnostic("RDY102").WithLocation(1).WithArguments("PostgreSQL", "Password"));
    }

    [Fact]
    public async Task Diagnostic_WhenAppSettingsLikeDictionaryHoldsConnectionString()
    {
        var source = $$"""
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;

            public static class TestConfiguration
            {
                public static IConfiguration Build() => new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["ConnectionStrings:Orders"] = {|#0:"Server=db;Database=orders;User Id=sa;Password={{Pw}}"|},
                        ["ConnectionStrings:Local"] = "Server=(localdb)\\mssqllocaldb;Database=orders;Trusted_Connection=True",
                    })
                    .Build();
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments("SQL Server", "Password"));
    }

    [Theory]
    [InlineData("Server=db;Database=orders;Integrated Security=true")]
    [InlineData("Server=db;Database=orders;Integrated Security=SSPI")]
    [InlineData("Server=db;Database=orders;Trusted_Connection=yes")]
    [InlineData("Server=db;Database=orders;User Id=app;Password=;")]
    [InlineData("Server=db;Database=orders;User Id=app;Password='';")]
    [InlineData("Server=db;Database=orders;User Id=app;Password={0};")]
    [InlineData("Server=db;Database=orders;User Id=app;Password={password};")]
    [InlineData("Host=pg;Username=app;Password=${DB_PASSWORD}")]
    [InlineData("Host=pg;Username=app;Password=@password")]
    [InlineData("Host=pg;Username=app;Password=<password>")]
    [InlineData("Host=pg;Username=app;Password=***")]
    [InlineData("Host=pg;Username=app;Password=%DB_PASSWORD%")]
    [InlineData("Host=pg;Username=app;Password=$(DbPassword)")]
    [InlineData("Host=pg;Username=app;Password=#{DbPassword}#")]
    [InlineData("Host=pg;Username=app;Password=changeme")]
    [InlineData("Host=pg;Username=app;Password=your_password")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("amqp://guest:guest@localhost:5672/")]
    [InlineData("mongodb://localhost:27017/orders")]
    [InlineData("mongodb://orders:<password>@cluster0.mongodb.net/orders")]
    [InlineData("redis://cache.internal:6379")]
    [InlineData("cache.internal:6379,ssl=False,abortConnect=False")]
    [InlineData("Endpoint=sb://orders.servicebus.windows.net/;Authentication=Managed Identity")]
    [InlineData("The Password=field must be set; see docs")]
    [InlineData("password=")]
    public async Task NoDiagnostic_WhenConnectionStringHasNoRealCredential(string connectionString)
    {
        var source = $$""""
            public static class Databases
            {
                public const string Primary = """{{connectionString}}""";
            }
            """";

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenPasswordSpellsItsOwnKind()
    {
        var source = """
            public sealed class GlobalSettingsTests
            {
                public const string ReadWrite = "Server=server_rw;Database=orders;User Id=user_rw;Password=password_rw;";
                public const string ReadOnly = "Server=server_read;Database=orders;User Id=user_read;Password=password_read;";
                public const string CiSqlServer = "Server=(local)\\SQL2019;Database=Tests;User ID=sa;Password=CiPassw0rd12!;";
                public const string LocalPostgres = "Host=localhost;Username=app;Password=LocalP@ss1";
                public const string Broker = "amqp://app:TestSecret9@localhost:5672/";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Diagnostic_WhenPasswordOnlyContainsAWordThatEndsInPass()
    {
        var source = """
            public static class Databases
            {
                public const string Primary = {|#0:"Host=db.internal;Username=app;Password=Compass#7731"|};
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments("PostgreSQL", "Password"));
    }

    [Fact]
    public async Task NoDiagnostic_WhenEmulatorKeysAreUsed()
    {
        var source = $$"""
            public static class Emulators
            {
                public const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={{FakeSecrets.AzuriteAccountKey()}};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
                public const string Cosmos = "AccountEndpoint=https://localhost:8081/;AccountKey={{FakeSecrets.CosmosEmulatorKey()}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenStringMentionsPasswordWithoutBeingAConnectionString()
    {
        var source = """
            using Microsoft.Extensions.Configuration;

            public sealed class Reader(IConfiguration configuration)
            {
                public string? Main => configuration.GetConnectionString("Orders");
                public string Help => "Set Password=<value>; in the connection string";
                public string Query => "SELECT * FROM Users WHERE Password = @password";
                public string Key => "ConnectionStrings:Orders";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenSasUrlIsBare_BecauseRdy101OwnsIt()
    {
        var source = $$"""
            public static class Exports
            {
                public const string Url = "{{FakeSecrets.AzureSasUrl(4)}}";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoDiagnostic_WhenValueMatchesAllowedValuePattern()
    {
        var source = """
            public static class Databases
            {
                public const string Local = "Server=localhost;Database=orders;User Id=sa;Password=Local#Dev1";
            }
            """;

        await VerifyCS.VerifyAnalyzerAsync(source, "readiness.RDY102.allowed_value_pattern = Server=localhost\n");
    }

    [Fact]
    public async Task NoDiagnostic_WhenTestProjectAndAnalyzeTestProjectsIsFalse()
    {
        var source = """
            public static class Databases
            {
                public const string Local = "Server=db;Database=orders;User Id=sa;Password=Zq8!rTw6";
            }
            """;

        var xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
        var options = new Dictionary<string, string> { ["readiness.analyze_test_projects"] = "false" };
        var skipped = await SecretAnalysisRunner.RunAsync([("/0/Db.cs", source)], options, extraReferences: [xunit]);
        Assert.Empty(skipped.Diagnostics);

        var reported = await SecretAnalysisRunner.RunAsync([("/0/Db.cs", source)], extraReferences: [xunit]);
        Assert.Equal("RDY102", Assert.Single(reported.Diagnostics).Id);
    }

    [Fact]
    public async Task Diagnostic_WhenCodeIsBroken()
    {
        var source = $$"""
            public sealed class Half
            {
                public void M()
                {
                    var db = new MissingDb({|#0:"Server=db;Database=orders;User Id=sa;Password={{Pw}}"|});
                    var x = 
                }
            """;

        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("RDY102").WithLocation(0).WithArguments("SQL Server", "Password"));
        await test.RunAsync();
    }
}
