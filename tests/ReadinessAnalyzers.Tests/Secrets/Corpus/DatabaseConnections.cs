// Corpus: data-access layer with many database providers.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Corpus.Data;

public static class ConnectionStrings
{
    public const string Orders = "Server=tcp:orders-sql.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders_app;Password=__SECRET:password__;MultipleActiveResultSets=False;Encrypt=True;"; // expect: RDY102
    public const string Reporting = "Data Source=sql-report01;Initial Catalog=Reporting;User Id=report;Pwd=__SECRET:password__;"; // expect: RDY102
    public const string Legacy = "Server = legacy-sql ; Database = Crm ; User Id = crm ; Password = '__SECRET:password__' ;"; // expect: RDY102
    public const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=orders;Trusted_Connection=True;MultipleActiveResultSets=true"; // trap
    public const string Integrated = "Data Source=sql01;Initial Catalog=Billing;Integrated Security=SSPI;"; // trap
    public const string IntegratedTrue = "Server=sql01;Database=Billing;Integrated Security=true;Encrypt=false"; // trap
    public const string Templated = "Server={0};Database={1};User Id={2};Password={3};"; // trap
    public const string EmptyPassword = "Server=sql01;Database=scratch;User Id=sa;Password=;"; // trap
    public const string Postgres = "Host=pg-orders.internal;Port=5432;Database=orders;Username=orders;Password=__SECRET:password__;SSL Mode=Require"; // expect: RDY102
    public const string PostgresTemplate = "Host=localhost;Database=orders;Username=postgres;Password=${POSTGRES_PASSWORD}"; // trap
    public const string MySql = "Server=mysql.internal;Port=3306;Database=shop;Uid=shop;Pwd=__SECRET:password__;SslMode=Required;"; // expect: RDY102
    public const string Oracle = "User Id=scott;Password=__SECRET:password__;Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora01)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL)));"; // expect: RDY102
    public const string Sqlite = "Data Source=orders.db;Password=__SECRET:short-password__"; // expect: RDY102
    public const string SqliteFile = "Data Source=orders.db;Cache=Shared"; // trap
    public const string Mongo = "mongodb://orders_app:__SECRET:short-password__@mongo-0.internal:27017,mongo-1.internal:27017/orders?replicaSet=rs0&authSource=admin"; // expect: RDY102
    public const string MongoLocal = "mongodb://localhost:27017"; // trap
    public const string MongoTemplate = "mongodb+srv://orders:<password>@cluster0.x1y2z.mongodb.net/?retryWrites=true"; // trap
    public const string Redis = "orders-cache.redis.cache.windows.net:6380,password=__SECRET:token__,ssl=True,abortConnect=False"; // expect: RDY102
    public const string RedisLocal = "localhost:6379,abortConnect=false"; // trap
    public const string RedisUri = "rediss://default:__SECRET:short-password__@cache.internal:6380"; // expect: RDY102
    public const string Rabbit = "amqps://orders:__SECRET:short-password__@rabbit.internal:5671/orders"; // expect: RDY102
    public const string RabbitGuest = "amqp://guest:guest@localhost:5672"; // trap
    public const string PostgresUri = "postgresql://orders:__SECRET:short-password__@pg.internal:5432/orders?sslmode=require"; // expect: RDY102
}

public sealed class OrdersDbContextFactory(IConfiguration configuration)
{
    public string Resolve()
        => configuration.GetConnectionString("Orders")
           ?? "Server=sql01;Database=orders;User Id=orders;Password=__SECRET:password__;TrustServerCertificate=True"; // expect: RDY102

    public string ResolveLocal() => configuration.GetConnectionString("Local") ?? "Server=.;Database=orders;Integrated Security=True"; // trap

    public string Build(string server, string password) => $"Server={server};Database=orders;User Id=orders;Password={password};"; // trap

    public string BuildSemiHardcoded(string server) => $"Server={server};Database=orders;User Id=orders;Password=__SECRET:password__;"; // expect: RDY102

    public string Concatenated() => "Server=sql01;Database=orders;" + "User Id=orders;" + "Password=__SECRET:password__;"; // expect: RDY102

    public string WithParameter() => "Server=sql01;Database=orders;User Id=orders;Password=@password;"; // trap
}

public sealed class Repository
{
    private const string Query = "SELECT Id, Email FROM Users WHERE PasswordHash = @hash"; // trap
    private const string Insert = "INSERT INTO Credentials (UserId, Password) VALUES (@userId, @password)"; // trap
    private readonly Dictionary<string, string> _connections = new()
    {
        { "orders", "Server=sql01;Database=orders;User Id=orders;Password=__SECRET:password__" }, // expect: RDY102
        { "audit", "Server=sql01;Database=audit;Integrated Security=True" }, // trap
    };

    public string Sql => Query + Insert + _connections.Count;
}
