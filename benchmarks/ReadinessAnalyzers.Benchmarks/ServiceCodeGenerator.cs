using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ReadinessAnalyzers.Tests.Secrets;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>One generated C# file.</summary>
internal sealed record GeneratedFile(string Path, string Text)
{
    public int Lines { get; } = CountLines(Text);

    public static int CountLines(string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>
/// Generates the services of a large, realistic code base: controllers, minimal-API endpoint classes, repositories
/// with EF-style async calls (written against BCL types and a small generated EF-like layer), hosted services with
/// loops, typed HttpClient callers, options and constants with literals of every kind, and module registrations
/// (CORS, HttpClient handlers, health checks). Good and bad code are mixed as in a real code base: constant and
/// interpolated log templates, templates whose placeholders do not match the arguments, exceptions logged well and
/// badly, tokens forwarded or dropped, blocking calls in async code, certificate callbacks that accept everything,
/// <c>http://</c> URLs, CORS that allows any origin with credentials, and credential-named fields whose values are
/// built at run time by <see cref="FakeSecrets"/> (no credential-shaped text is committed).
/// Deterministic: the same seed gives the same files.
/// </summary>
internal sealed class ServiceCodeGenerator
{
    private static readonly string[] Entities =
    [
        "Order", "Customer", "Invoice", "Shipment", "Product", "Payment", "Refund", "Subscription", "Account", "Warehouse",
        "Supplier", "Ticket", "Booking", "Coupon", "Review", "Cart", "Notification", "Report", "Delivery", "Contract",
        "Tenant", "Voucher", "Parcel", "Quote", "Claim", "Policy", "Device", "Reading", "Schedule", "Campaign",
    ];

    private static readonly string[] Areas =
    [
        "Sales", "Billing", "Logistics", "Catalog", "Identity", "Support", "Marketing", "Inventory", "Fulfilment", "Insurance", "Telemetry", "Partners",
    ];

    private static readonly string[] Statuses = ["Pending", "Active", "Suspended", "Closed", "Archived", "Failed", "Completed"];

    private static readonly string[] Kinds = ["Controller", "Endpoints", "Repository", "Worker", "Client", "Settings", "Module"];

    private readonly Random _random;
    private readonly int _seed;
    private int _secretVariant;

    public ServiceCodeGenerator(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The modules generated so far, for the composition root: (namespace, kind, type, method).</summary>
    private readonly List<(string Namespace, string Kind, string Type, string Method)> _registrations = [];

    public IReadOnlyList<GeneratedFile> Generate(int count)
    {
        var files = new List<GeneratedFile> { new("/generated/Infrastructure/EntitySet.cs", Infrastructure()) };
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var unit = NewUnit(kind, i);
            var text = Header(unit) + "namespace " + unit.Namespace + ";\n\n" + unit.Body;
            files.Add(new GeneratedFile("/generated/" + unit.Area + "/" + unit.Entity + "s/" + unit.TypeStem + kind + ".cs", text));
        }

        files.Add(new GeneratedFile("/generated/ServiceHost.cs", CompositionRoot()));
        return files;
    }

    /// <summary>One large document (at least <paramref name="minLines"/> lines) of several services, for the IDE-style measurement.</summary>
    public GeneratedFile GenerateLargeDocument(int minLines)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var blocks = new StringBuilder();
        var lines = 0;
        for (var i = 0; lines < minLines; i++)
        {
            var unit = NewUnit(Kinds[i % Kinds.Length], 900_000 + i, "Contoso.Monolith");
            foreach (var u in unit.Usings)
            {
                usings.Add(u);
            }

            var block = "namespace " + unit.Namespace + "\n{\n" + Indent(unit.Body) + "}\n\n";
            blocks.Append(block);
            lines += GeneratedFile.CountLines(block);
        }

        var header = new StringBuilder("// The monolith's shared services in one file (the IDE-style per-document measurement).\n");
        foreach (var u in usings)
        {
            header.Append("using ").Append(u).Append(";\n");
        }

        return new GeneratedFile("/generated/Monolith/MonolithServices.cs", header.Append('\n').Append(blocks).ToString());
    }

    private sealed record Unit(string Kind, string Area, string Entity, string TypeStem, string Namespace, string[] Usings, string Body);

    private Unit NewUnit(string kind, int index, string? rootNamespace = null)
    {
        var entity = Pick(Entities);
        var area = Pick(Areas);
        var stem = entity + index.ToString("D4", CultureInfo.InvariantCulture);
        var ns = (rootNamespace ?? "Contoso." + area) + "." + entity + "s.M" + index.ToString("D4", CultureInfo.InvariantCulture);
        var c = new Ctx(entity, area, stem, ns, index);
        var (usings, body) = kind switch
        {
            "Controller" => Controller(c),
            "Endpoints" => Endpoints(c),
            "Repository" => Repository(c),
            "Worker" => Worker(c),
            "Client" => Client(c),
            "Settings" => Settings(c),
            _ => Module(c),
        };
        if (rootNamespace is null)
        {
            if (kind == "Endpoints")
            {
                _registrations.Add((ns, kind, stem + "EndpointMappings", "Map" + stem + "Endpoints"));
            }
            else if (kind == "Module")
            {
                _registrations.Add((ns, kind, stem + "Module", "Add" + stem + "Module"));
            }
        }

        return new Unit(kind, area, entity, stem, ns, usings, body);
    }

    private string Header(Unit unit)
    {
        var builder = new StringBuilder();
        builder.Append("// ").Append(unit.Kind).Append(" of the ").Append(unit.Area).Append(" module: ").Append(unit.Entity).Append(" (benchmark code base, seed ")
            .Append(_seed.ToString(CultureInfo.InvariantCulture)).Append(").\n");
        foreach (var u in unit.Usings)
        {
            builder.Append("using ").Append(u).Append(";\n");
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>Names of one unit: <c>E</c> = Order, <c>e</c> = order, <c>S</c> = Order0042 (unique type stem), route = orders.</summary>
    private sealed record Ctx(string E, string Area, string S, string Ns, int Index)
    {
        public string e { get; } = char.ToLowerInvariant(E[0]) + E.Substring(1);

        public string Route { get; } = char.ToLowerInvariant(E[0]) + E.Substring(1) + "s";

        public string area { get; } = Area.ToLowerInvariant();
    }

    // ---- Logging snippets: good and bad templates, as found in real code ------------------------------------------

    private string LogInfo(string logger, string what, string idExpr)
        => Roll(6) switch
        {
            0 => logger + ".LogInformation($\"" + what + " {" + idExpr + "}\");", // interpolated (RDY201 / CA2254)
            1 => logger + ".LogInformation(\"" + what + " \" + (" + idExpr + "));", // concatenated (RDY201 / CA2254)
            2 => logger + ".LogInformation(\"" + what + " {Id} for {Tenant}\", " + idExpr + ");", // placeholder without argument (RDY203 / CA2017)
            _ => logger + ".LogInformation(\"" + what + " {Id}\", " + idExpr + ");",
        };

    private string LogError(string logger, string what, string idExpr)
        => Roll(6) switch
        {
            0 => logger + ".LogError(ex.Message);", // message as template, exception lost
            1 => logger + ".LogError($\"" + what + " {" + idExpr + "}: {ex.Message}\");",
            2 => logger + ".LogError(ex, \"" + what + " {Id}\", " + idExpr + ", ex.GetType().Name);", // extra argument (RDY203 / CA2017)
            _ => logger + ".LogError(ex, \"" + what + " {Id}\", " + idExpr + ");",
        };

    private string LogWarning(string logger, string what, string a, string b)
        => Roll(5) switch
        {
            0 => logger + ".LogWarning(string.Format(\"" + what + " {0} ({1})\", " + a + ", " + b + "));",
            1 => logger + ".LogWarning(\"" + what + " {Value} ({Reason})\", " + a + ");",
            _ => logger + ".LogWarning(\"" + what + " {Value} ({Reason})\", " + a + ", " + b + ");",
        };

    private string Token(string name) => Roll(4) == 0 ? string.Empty : name; // a dropped token (CA2016 / MA0040)

    private static string Arg(string first, string token) => token.Length == 0 ? first : first + ", " + token;

    // ---- Controller ----------------------------------------------------------------------------------------------

    private (string[], string) Controller(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks",
            "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.Extensions.Logging",
        ];
        var b = new StringBuilder();
        b.Append($$"""
            public sealed record {{c.E}}Dto(int Id, string Name, decimal Amount, string Status, DateTimeOffset CreatedAt);

            public sealed record Create{{c.E}}Request(string Name, decimal Amount, string? Reference);

            public interface I{{c.S}}Store
            {
                Task<{{c.E}}Dto?> FindAsync(int id, CancellationToken cancellationToken = default);

                Task<IReadOnlyList<{{c.E}}Dto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default);

                Task<int> CreateAsync(Create{{c.E}}Request request, CancellationToken cancellationToken = default);

                Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default);

                Task<IReadOnlyList<{{c.E}}Dto>> SearchAsync(string term, CancellationToken cancellationToken = default);
            }

            /// <summary>HTTP API of the {{c.e}}s of the {{c.Area}} module.</summary>
            [ApiController]
            [Route("api/{{c.area}}/{{c.Route}}")]
            public sealed class {{c.S}}Controller : ControllerBase
            {
                private const string NotFoundMessage = "{{c.E}} {Id} was not found";
                private const int MaxPageSize = {{50 + Roll(5) * 50}};
                private readonly I{{c.S}}Store _store;
                private readonly ILogger<{{c.S}}Controller> _logger;

                public {{c.S}}Controller(I{{c.S}}Store store, ILogger<{{c.S}}Controller> logger)
                {
                    _store = store;
                    _logger = logger;
                }

                [HttpGet("{id:int}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public async Task<ActionResult<{{c.E}}Dto>> Get(int id, CancellationToken cancellationToken)
                {
                    {{LogInfo("_logger", "Loading " + c.e, "id")}}
                    var item = await _store.FindAsync({{Arg("id", Token("cancellationToken"))}});
                    if (item is null)
                    {
                        _logger.LogWarning(NotFoundMessage, id);
                        return NotFound();
                    }

                    return Ok(item);
                }

                [HttpGet]
                public async Task<ActionResult<IReadOnlyList<{{c.E}}Dto>>> List([FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default)
                {
                    if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
                    {
                        {{LogWarning("_logger", "Rejected paging", "page", "pageSize")}}
                        return BadRequest("page must be >= 1 and pageSize between 1 and " + MaxPageSize);
                    }

                    var items = await _store.ListAsync({{Arg("page, pageSize", Token("cancellationToken"))}});
                    _logger.LogDebug("Listed {Count} {{c.e}}s on page {Page}", items.Count, page);
                    return Ok(items);
                }

                [HttpPost]
                public async Task<IActionResult> Create(Create{{c.E}}Request request, CancellationToken cancellationToken)
                {
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        return ValidationProblem("The name of the {{c.e}} is required.");
                    }

                    try
                    {
                        var id = await _store.CreateAsync({{Arg("request", Token("cancellationToken"))}});
                        {{LogInfo("_logger", "Created " + c.e, "id")}}
                        return CreatedAtAction(nameof(Get), new { id }, null);
                    }
                    catch (InvalidOperationException ex)
                    {
                        {{LogError("_logger", "Could not create " + c.e, "request.Name")}}
                        return Conflict(ex.Message);
                    }
                }

                [HttpDelete("{id:int}")]
                public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
                {
                    var deleted = await _store.DeleteAsync({{Arg("id", Token("cancellationToken"))}});
                    if (!deleted)
                    {
                        _logger.LogInformation("{{c.E}} {Id} could not be deleted by {User}", id, User.Identity?.Name ?? "anonymous");
                        return NotFound();
                    }

                    return NoContent();
                }

                [HttpGet("search")]
                public async Task<ActionResult<IReadOnlyList<{{c.E}}Dto>>> Search([FromQuery] string q, CancellationToken cancellationToken)
                {
                    using var scope = _logger.BeginScope("Search {Term}", q);
                    var results = await _store.SearchAsync({{Arg("q.Trim()", Token("cancellationToken"))}});
                    var active = results.Where(r => r.Status == "{{Pick(Statuses)}}").OrderByDescending(r => r.CreatedAt).ToList();
                    _logger.LogInformation("Search for {Term} returned {Count} of {Total}", q, active.Count, results.Count);
                    return Ok(active);
                }

            """);
        var extra = 3 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    [HttpPost("{id:int}/{{Pick(["approve", "cancel", "archive", "refresh", "retry", "export"])}}{{k}}")]
                    public async Task<IActionResult> Action{{k}}(int id, CancellationToken cancellationToken)
                    {
                        var item = await _store.FindAsync({{Arg("id", Token("cancellationToken"))}});
                        if (item is null)
                        {
                            return NotFound();
                        }

                        try
                        {
                            {{(Roll(5) == 0 ? "await Task.Delay(" + (100 + Roll(5) * 50) + ");" : "await Task.Delay(TimeSpan.FromMilliseconds(" + (100 + Roll(5) * 50) + "), cancellationToken);")}}
                            {{LogInfo("_logger", "Processed step " + k + " of " + c.e, "id")}}
                            return Accepted(new { item.Id, Step = {{k}}, item.Status });
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            {{LogError("_logger", "Step " + k + " failed for " + c.e, "id")}}
                            return Problem("The {{c.e}} could not be processed.");
                        }
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Minimal API endpoints ----------------------------------------------------------------------------------

    private (string[], string) Endpoints(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks",
            "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Logging",
        ];
        var b = new StringBuilder();
        b.Append($$"""
            public sealed record {{c.E}}Summary(int Id, string Name, string Status);

            public sealed record Update{{c.E}}Status(string Status, string? Reason);

            public interface I{{c.S}}Queries
            {
                Task<IReadOnlyList<{{c.E}}Summary>> ListAsync(string? status, CancellationToken cancellationToken = default);

                Task<{{c.E}}Summary?> GetAsync(int id, CancellationToken cancellationToken = default);

                Task UpdateStatusAsync(int id, string status, CancellationToken cancellationToken = default);

                IAsyncEnumerable<{{c.E}}Summary> StreamAsync(CancellationToken cancellationToken = default);
            }

            /// <summary>Category of the endpoint logs.</summary>
            public sealed class {{c.S}}Endpoints
            {
            }

            public static class {{c.S}}EndpointMappings
            {
                private static readonly string[] AllowedStatuses = ["{{string.Join("\", \"", Statuses)}}"];

                public static IEndpointRouteBuilder Map{{c.S}}Endpoints(this IEndpointRouteBuilder app)
                {
                    var group = app.MapGroup("/api/{{c.area}}/{{c.Route}}");

                    group.MapGet("/", async (string? status, I{{c.S}}Queries queries, ILogger<{{c.S}}Endpoints> logger, CancellationToken cancellationToken) =>
                    {
                        var items = await queries.ListAsync({{Arg("status", Token("cancellationToken"))}});
                        {{LogInfo("logger", "Listed " + c.e + "s", "items.Count")}}
                        return Results.Ok(items);
                    });

                    group.MapGet("/{id:int}", async (int id, I{{c.S}}Queries queries, CancellationToken cancellationToken) =>
                        await queries.GetAsync(id, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound());

                    group.MapPut("/{id:int}/status", UpdateStatusAsync);

                    group.MapGet("/export", ExportAsync);

                    return app;
                }

                private static async Task<IResult> UpdateStatusAsync(int id, Update{{c.E}}Status body, I{{c.S}}Queries queries, ILogger<{{c.S}}Endpoints> logger, CancellationToken cancellationToken)
                {
                    if (Array.IndexOf(AllowedStatuses, body.Status) < 0)
                    {
                        {{LogWarning("logger", "Unknown status", "body.Status", "body.Reason")}}
                        return Results.BadRequest(new { error = "Unknown status '" + body.Status + "'." });
                    }

                    try
                    {
                        await queries.UpdateStatusAsync({{Arg("id, body.Status", Token("cancellationToken"))}});
                        logger.LogInformation("{{c.E}} {Id} moved to {Status} because {Reason}", id, body.Status, body.Reason ?? "n/a");
                        return Results.NoContent();
                    }
                    catch (KeyNotFoundException ex)
                    {
                        {{LogError("logger", "Status update failed for " + c.e, "id")}}
                        return Results.NotFound();
                    }
                }

                private static async Task<IResult> ExportAsync(I{{c.S}}Queries queries, ILogger<{{c.S}}Endpoints> logger, CancellationToken cancellationToken)
                {
                    var lines = new List<string> { "id;name;status" };
                    await foreach (var item in queries.StreamAsync({{Token("cancellationToken")}}))
                    {
                        lines.Add(string.Join(';', item.Id, item.Name, item.Status));
                    }

                    {{LogInfo("logger", "Exported " + c.e + "s", "lines.Count - 1")}}
                    return Results.Text(string.Join('\n', lines), "text/csv");
                }

            """);
        var extra = 4 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    public static async Task<IResult> Report{{k}}Async(int days, I{{c.S}}Queries queries, ILogger<{{c.S}}Endpoints> logger, CancellationToken cancellationToken)
                    {
                        if (days is < 1 or > 366)
                        {
                            return Results.BadRequest("days must be between 1 and 366");
                        }

                        var all = await queries.ListAsync({{Arg("\"" + Pick(Statuses) + "\"", Token("cancellationToken"))}});
                        var grouped = all.GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToList();
                        {{LogInfo("logger", "Report " + k + " of " + c.e + "s over " + "days", "grouped.Count")}}
                        return Results.Json(new { days, generatedAt = DateTimeOffset.UtcNow, grouped });
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Repository (EF-style and ADO.NET) ------------------------------------------------------------------------

    private (string[], string) Repository(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Collections.Generic", "System.Data", "System.Data.Common", "System.Linq", "System.Runtime.CompilerServices",
            "System.Threading", "System.Threading.Tasks", "Contoso.Infrastructure", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.Logging",
        ];
        var secretConnection = Roll(6) == 0;
        var connectionField = secretConnection
            ? "private const string FallbackConnectionString = \"Server=sql-" + c.area + ".internal;Database=" + c.area + ";User Id=svc_" + c.e + ";Password=" + FakeSecrets.Password(_secretVariant++) + ";TrustServerCertificate=true\";"
            : "private const string FallbackConnectionString = \"Server=(localdb)\\\\MSSQLLocalDB;Database=" + c.area + ";Integrated Security=true\";";
        var b = new StringBuilder();
        b.Append($$"""
            public sealed class {{c.S}}Entity
            {
                public int Id { get; set; }

                public string Name { get; set; } = string.Empty;

                public decimal Amount { get; set; }

                public string Status { get; set; } = "{{Statuses[0]}}";

                public DateTimeOffset UpdatedAt { get; set; }
            }

            public sealed class {{c.S}}DbContext : DbContextBase
            {
                public EntitySet<{{c.S}}Entity> {{c.E}}s { get; } = new();
            }

            public sealed class {{c.S}}Repository
            {
                private const string SelectById = "SELECT Id, Name, Amount, Status FROM {{c.area}}.{{c.E}}s WHERE Id = @id";
                private const string CountByStatus = @"SELECT COUNT(*)
                    FROM {{c.area}}.{{c.E}}s
                    WHERE Status = @status";
                {{connectionField}}
                private readonly {{c.S}}DbContext _db;
                private readonly DbProviderFactory _factory;
                private readonly string _connectionString;
                private readonly ILogger<{{c.S}}Repository> _logger;

                public {{c.S}}Repository({{c.S}}DbContext db, DbProviderFactory factory, IConfiguration configuration, ILogger<{{c.S}}Repository> logger)
                {
                    _db = db;
                    _factory = factory;
                    _connectionString = configuration.GetConnectionString("{{c.Area}}") ?? FallbackConnectionString;
                    _logger = logger;
                }

                public async Task<{{c.S}}Entity?> FindAsync(int id, CancellationToken cancellationToken = default)
                    => await _db.{{c.E}}s.FindAsync({{Arg("id", Token("cancellationToken"))}});

                public Task<List<{{c.S}}Entity>> ListAsync(CancellationToken cancellationToken = default)
                    => _db.{{c.E}}s.ToListAsync({{Token("cancellationToken")}});

                public async Task<int> CountAsync(string status, CancellationToken cancellationToken = default)
                {
                    var count = await _db.{{c.E}}s.CountAsync({{Arg("e => e.Status == status", Token("cancellationToken"))}});
                    _logger.LogDebug("{Count} {{c.e}}s with status {Status}", count, status);
                    return count;
                }

                public async Task<bool> UpdateStatusAsync(int id, string status, CancellationToken cancellationToken = default)
                {
                    var entity = await _db.{{c.E}}s.FirstOrDefaultAsync({{Arg("e => e.Id == id", Token("cancellationToken"))}});
                    if (entity is null)
                    {
                        return false;
                    }

                    entity.Status = status;
                    entity.UpdatedAt = DateTimeOffset.UtcNow;
                    try
                    {
                        await _db.SaveChangesAsync({{Token("cancellationToken")}});
                        return true;
                    }
                    catch (DBConcurrencyException ex)
                    {
                        {{LogError("_logger", "Concurrent update of " + c.e, "id")}}
                        return false;
                    }
                }

                public async Task<{{c.S}}Entity?> LoadWithSqlAsync(int id, CancellationToken cancellationToken)
                {
                    await using var connection = _factory.CreateConnection() ?? throw new InvalidOperationException("The provider has no connection type.");
                    connection.ConnectionString = _connectionString;
                    await connection.OpenAsync({{Token("cancellationToken")}});
                    await using var command = connection.CreateCommand();
                    command.CommandText = SelectById;
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@id";
                    parameter.DbType = DbType.Int32;
                    parameter.Value = id;
                    command.Parameters.Add(parameter);
                    await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
                    if (!await reader.ReadAsync({{Token("cancellationToken")}}))
                    {
                        return null;
                    }

                    return new {{c.S}}Entity
                    {
                        Id = reader.GetInt32(0),
                        Name = reader.GetString(1),
                        Amount = reader.GetDecimal(2),
                        Status = reader.GetString(3),
                    };
                }

                public async Task<long> CountWithSqlAsync(string status, CancellationToken cancellationToken)
                {
                    await using var connection = _factory.CreateConnection()!;
                    connection.ConnectionString = _connectionString;
                    await connection.OpenAsync(cancellationToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = CountByStatus;
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@status";
                    parameter.Value = status;
                    command.Parameters.Add(parameter);
                    var result = await command.ExecuteScalarAsync({{Token("cancellationToken")}});
                    return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
                }

                public async IAsyncEnumerable<{{c.S}}Entity> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var entity in await _db.{{c.E}}s.ToListAsync(cancellationToken))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return entity;
                    }
                }

                public int CountBlocking() => {{(Roll(3) == 0 ? "_db." + c.E + "s.ToListAsync().Result.Count" : "_db." + c.E + "s.Where(e => e.Amount > 0).Count()")}};

            """);
        var extra = 3 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    public async Task<decimal> Total{{k}}Async(string status, CancellationToken cancellationToken = default)
                    {
                        var items = await _db.{{c.E}}s.ToListAsync({{Token("cancellationToken")}});
                        var total = items.Where(e => e.Status == status && e.Amount > {{k * 10}}m).Sum(e => e.Amount);
                        {{LogInfo("_logger", "Total " + k + " of " + c.e + "s", "total")}}
                        return total;
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Hosted service ------------------------------------------------------------------------------------------

    private (string[], string) Worker(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Collections.Concurrent", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "Microsoft.Extensions.Options",
        ];
        var blocking = Roll(4) switch
        {
            0 => "Thread.Sleep(250);",
            1 => "var snapshot = File.ReadAllText(_options.Value.StatePath);\n            _logger.LogTrace(\"State is {Length} characters\", snapshot.Length);",
            2 => "_pending.TryAdd(batch.Count, DateTimeOffset.UtcNow);",
            _ => "await Task.Yield();",
        };
        var serilog = Roll(4) == 0
            ? "Serilog.Log.Information(\"" + c.S + " worker heartbeat {Processed}\", _processed);"
            : "_logger.LogDebug(\"Heartbeat: {Processed} processed\", _processed);";
        var b = new StringBuilder();
        b.Append($$"""
            public sealed class {{c.S}}WorkerOptions
            {
                public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds({{5 + Roll(55)}});

                public int BatchSize { get; set; } = {{10 * (1 + Roll(20))}};

                public string StatePath { get; set; } = "/var/lib/{{c.area}}/{{c.e}}-state.json";
            }

            public interface I{{c.S}}Processor
            {
                Task<int> ProcessAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken = default);

                Task<IReadOnlyList<int>> FetchPendingAsync(int max, CancellationToken cancellationToken = default);
            }

            public sealed class {{c.S}}Worker : BackgroundService
            {
                private readonly IServiceScopeFactory _scopes;
                private readonly IOptions<{{c.S}}WorkerOptions> _options;
                private readonly ILogger<{{c.S}}Worker> _logger;
                private readonly ConcurrentDictionary<int, DateTimeOffset> _pending = new();
                private long _processed;

                public {{c.S}}Worker(IServiceScopeFactory scopes, IOptions<{{c.S}}WorkerOptions> options, ILogger<{{c.S}}Worker> logger)
                {
                    _scopes = scopes;
                    _options = options;
                    _logger = logger;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    _logger.LogInformation("{Worker} started; interval {Interval}, batch {BatchSize}", nameof({{c.S}}Worker), _options.Value.Interval, _options.Value.BatchSize);
                    var failures = 0;
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            var processed = await RunOnceAsync({{(Roll(5) == 0 ? "CancellationToken.None" : "stoppingToken")}});
                            failures = 0;
                            if (processed == 0)
                            {
                                await Task.Delay(_options.Value.Interval, stoppingToken);
                            }
                        }
                        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                        {
                            break;
                        }
                        catch (Exception ex)
                        {
                            failures++;
                            {{LogError("_logger", "Batch of " + c.e + "s failed, attempt", "failures")}}
                            await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures))){{(Roll(3) == 0 ? string.Empty : ", stoppingToken")}});
                        }
                    }

                    _logger.LogInformation("{Worker} stopped after {Processed} items", nameof({{c.S}}Worker), _processed);
                }

                private async Task<int> RunOnceAsync(CancellationToken cancellationToken)
                {
                    using var scope = _scopes.CreateScope();
                    var processor = scope.ServiceProvider.GetRequiredService<I{{c.S}}Processor>();
                    var batch = await processor.FetchPendingAsync({{Arg("_options.Value.BatchSize", Token("cancellationToken"))}});
                    if (batch.Count == 0)
                    {
                        return 0;
                    }

                    {{blocking}}
                    var done = await processor.ProcessAsync({{Arg("batch", Token("cancellationToken"))}});
                    Interlocked.Add(ref _processed, done);
                    {{LogInfo("_logger", "Processed " + c.e + " batch", "done")}}
                    {{serilog}}
                    return done;
                }

            """);
        var extra = 3 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    private async Task<bool> TryStep{{k}}Async(int id, I{{c.S}}Processor processor, CancellationToken cancellationToken)
                    {
                        for (var attempt = 1; attempt <= {{2 + k}}; attempt++)
                        {
                            try
                            {
                                var count = await processor.ProcessAsync({{Arg("new[] { id }", Token("cancellationToken"))}});
                                return count > 0;
                            }
                            catch (TimeoutException ex)
                            {
                                {{LogWarning("_logger", "Step " + k + " timed out", "id", "ex.Message")}}
                                await Task.Delay(attempt * {{100 * (k + 1)}}{{(Roll(3) == 0 ? string.Empty : ", cancellationToken")}});
                            }
                        }

                        return false;
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Typed HttpClient caller ---------------------------------------------------------------------------------

    private (string[], string) Client(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Collections.Generic", "System.IO", "System.Net", "System.Net.Http", "System.Net.Http.Headers", "System.Net.Http.Json",
            "System.Net.Security", "System.Security.Cryptography.X509Certificates", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Logging",
        ];
        var host = "api." + c.area + "-partner" + (c.Index % 97).ToString(CultureInfo.InvariantCulture) + ".contoso.net";
        var baseUrl = Roll(5) == 0 ? "http://" + host + "/v2/" : "https://" + host + "/v2/";
        var apiKeyField = Roll(5) == 0
            ? "private const string ApiKey = \"" + (Roll(2) == 0 ? FakeSecrets.HighEntropyToken(_secretVariant++) : FakeSecrets.StripeLiveKey(_secretVariant++)) + "\";"
            : "private const string ApiKey = \"\"; // set from configuration by the composition root";
        var callback = Roll(6) switch
        {
            0 => "ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,",
            1 => "ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,",
            2 => "ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None || IsPinned(certificate),",
            _ => "CheckCertificateRevocationList = true,",
        };
        var b = new StringBuilder();
        b.Append($$"""
            public sealed record {{c.S}}Payload(int Id, string Name, decimal Amount, string Currency);

            public sealed record {{c.S}}Receipt(string Reference, DateTimeOffset AcceptedAt);

            public sealed class {{c.S}}Client
            {
                public const string BaseUrl = "{{baseUrl}}";
                public const string ApiKeyHeaderName = "X-Api-Key";
                {{apiKeyField}}
                private const string PinnedThumbprint = "{{FakeSecrets.HexToken(_secretVariant++, 40).ToUpperInvariant()}}";
                private readonly HttpClient _http;
                private readonly ILogger<{{c.S}}Client> _logger;

                public {{c.S}}Client(HttpClient http, ILogger<{{c.S}}Client> logger)
                {
                    _http = http;
                    _http.BaseAddress ??= new Uri(BaseUrl);
                    _http.Timeout = TimeSpan.FromSeconds({{10 + Roll(50)}});
                    _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (ApiKey.Length > 0)
                    {
                        _http.DefaultRequestHeaders.Add(ApiKeyHeaderName, ApiKey);
                    }

                    _logger = logger;
                }

                public static HttpClientHandler CreateHandler() => new()
                {
                    {{callback}}
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                };

                private static bool IsPinned(X509Certificate2? certificate)
                    => certificate is not null && string.Equals(certificate.Thumbprint, PinnedThumbprint, StringComparison.OrdinalIgnoreCase);

                public async Task<{{c.S}}Payload?> GetAsync(int id, CancellationToken cancellationToken = default)
                {
                    try
                    {
                        return await _http.GetFromJsonAsync<{{c.S}}Payload>($"{{c.Route}}/{id}"{{(Token("cancellationToken").Length == 0 ? string.Empty : ", cancellationToken")}});
                    }
                    catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                    {
                        {{LogInfo("_logger", "Partner has no " + c.e, "id")}}
                        return null;
                    }
                }

                public async Task<{{c.S}}Receipt> SendAsync({{c.S}}Payload payload, CancellationToken cancellationToken = default)
                {
                    using var response = await _http.PostAsJsonAsync("{{c.Route}}", payload, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadAsStringAsync({{Token("cancellationToken")}});
                        {{LogWarning("_logger", "Partner rejected " + c.e, "(int)response.StatusCode", "body")}}
                        response.EnsureSuccessStatusCode();
                    }

                    return await response.Content.ReadFromJsonAsync<{{c.S}}Receipt>(cancellationToken) ?? throw new InvalidDataException("Empty receipt from " + BaseUrl);
                }

                public async Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "files/" + Uri.EscapeDataString(name));
                    request.Headers.Add("X-Correlation-Id", Guid.NewGuid().ToString("N"));
                    var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStreamAsync({{Token("cancellationToken")}});
                }

                public string Status() => _http.GetStringAsync("status"){{(Roll(3) == 0 ? ".Result" : ".GetAwaiter().GetResult()")}};

            """);
        var extra = 3 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    public async Task<IReadOnlyList<{{c.S}}Payload>> Page{{k}}Async(int page, CancellationToken cancellationToken = default)
                    {
                        var url = "{{c.Route}}?page=" + page + "&size={{25 * (k + 1)}}&view={{Pick(["summary", "full", "compact"])}}";
                        try
                        {
                            var items = await _http.GetFromJsonAsync<List<{{c.S}}Payload>>({{Arg("url", Token("cancellationToken"))}});
                            {{LogInfo("_logger", "Fetched page " + k + " of " + c.e + "s", "page")}}
                            return items ?? new List<{{c.S}}Payload>();
                        }
                        catch (HttpRequestException ex)
                        {
                            {{LogError("_logger", "Page " + k + " of " + c.e + "s failed", "page")}}
                            throw;
                        }
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Options and constants: literals of every kind -----------------------------------------------------------

    private (string[], string) Settings(Ctx c)
    {
        string[] usings = ["System", "System.Collections.Generic", "System.Globalization", "System.Text", "System.Text.RegularExpressions"];
        string Credential(string name)
        {
            var variant = _secretVariant++;
            var value = Roll(6) switch
            {
                0 => FakeSecrets.Password(variant),
                1 => FakeSecrets.Base64Token(variant),
                2 => FakeSecrets.GitHubPat(variant),
                3 => FakeSecrets.HighEntropyToken(variant),
                4 => FakeSecrets.Jwt(variant),
                _ => FakeSecrets.HexToken(variant, 40),
            };
            return "internal const string " + name + " = \"" + value + "\";";
        }

        var credentials = Roll(4) == 0
            ? Credential(Pick(["SigningKey", "ClientSecret", "AdminPassword", "WebhookSecret", "ApiToken"]))
            : "internal const string SigningKeyName = \"" + c.Area + ":" + c.E + ":SigningKey\";";
        var b = new StringBuilder();
        b.Append($$""""
            public sealed class {{c.S}}Options
            {
                public const string SectionName = "{{c.Area}}:{{c.E}}";

                public string BaseUrl { get; set; } = "https://{{c.area}}.contoso.net/api/{{c.Route}}";

                public string ApiKey { get; set; } = string.Empty;

                public string Password { get; set; } = "";

                public string CallbackUrl { get; set; } = "{{(Roll(4) == 0 ? "http" : "https")}}://hooks.{{c.area}}.contoso.net/{{c.e}}/callback";

                public int TimeoutSeconds { get; set; } = {{5 + Roll(60)}};

                public string[] Scopes { get; set; } = ["{{c.area}}.read", "{{c.area}}.write"];

                public string DocumentationUrl { get; set; } = "http://docs.contoso.net/{{c.area}}/{{c.e}}";
            }

            public static class {{c.S}}Constants
            {
                public const string ApiKeyHeaderName = "X-Api-Key";
                public const string PasswordResetPath = "/account/password/reset";
                public const string TokenEndpointPath = "/connect/token";
                public const string SecretStoreName = "{{c.area}}-vault";
                {{credentials}}
                public const string DefaultCulture = "{{Pick(["en-US", "fr-FR", "de-DE", "nl-NL", "ja-JP"])}}";
                public const string DateFormat = "yyyy-MM-ddTHH:mm:ssK";
                public const string CorrelationHeader = "X-Correlation-Id";
                public const string SkuPattern = @"^[A-Z]{3}-\d{6}$";
                public const string ExportFolder = @"C:\exports\{{c.area}}\{{c.e}}";
                public const string ContentType = "application/vnd.contoso.{{c.e}}+json; version={{1 + Roll(4)}}";
                public const string Etag = "\"{{FakeSecrets.HexToken(_secretVariant++, 16)}}\"";
                public const string Utf8Bom = "\uFEFF";
                public const char Separator = '{{Pick([";", ",", "|"])}}';
                public const string Greeting = "Hello from the {{c.Area}} team! Your {{c.e}} is ready.";
                public const string NotFound = "The {{c.e}} '{0}' does not exist or was deleted.";
                public const string InvalidAmount = "The amount must be between {0:C} and {1:C}.";
                public const string Sql = "SELECT TOP (@n) * FROM {{c.area}}.{{c.E}}s ORDER BY UpdatedAt DESC";
                public const string CacheKeyFormat = "{{c.area}}:{{c.e}}:{0}";
                public const string TraceParent = "00-{{FakeSecrets.HexToken(_secretVariant++, 32)}}-{{FakeSecrets.HexToken(_secretVariant++, 16)}}-01";
                public static readonly Guid ModuleId = new("{{DeterministicGuid()}}");
                public static readonly Regex Sku = new(SkuPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["{{c.e}}.created"] = "Created",
                    ["{{c.e}}.updated"] = "Updated",
                    ["{{c.e}}.deleted"] = "Deleted",
                    ["{{c.e}}.status.{{Statuses[1].ToLowerInvariant()}}"] = "{{Statuses[1]}}",
                };

                public const string SchemaJson = """
                    {
                      "$id": "https://schemas.contoso.net/{{c.area}}/{{c.e}}.json",
                      "type": "object",
                      "properties": { "id": { "type": "integer" }, "name": { "type": "string" } },
                      "required": ["id", "name"]
                    }
                    """;

                public static ReadOnlySpan<byte> Marker => "{{c.e}}:v1"u8;

                public static string Describe(int id, string name) => $"{{c.E}} #{id} ({name})";

                public static string Key(int id) => string.Format(CultureInfo.InvariantCulture, CacheKeyFormat, id);

                public static string Title(string name) => $@"{{c.E}} ""{name}"" in C:\{{c.area}}";

                public static string Summary(IEnumerable<string> names)
                {
                    var builder = new StringBuilder("{{c.E}}s: ");
                    foreach (var name in names)
                    {
                        builder.Append(name).Append(Separator).Append(' ');
                    }

                    return builder.ToString().TrimEnd(' ', Separator);
                }

            """");
        var extra = 4 + Roll(4);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    public static string Message{{k}}(string user, int count)
                        => count switch
                        {
                            0 => "No {{c.e}}s for " + user + ".",
                            1 => $"One {{c.e}} for {user}.",
                            _ => string.Format(CultureInfo.CurrentCulture, "{0} {{c.e}}s for {1} (batch {{k}}).", count, user),
                        };

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Module registration: DI, CORS, HttpClient handlers, health -----------------------------------------------

    private (string[], string) Module(Ctx c)
    {
        string[] usings =
        [
            "System", "System.Net.Http", "System.Net.Security", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.Extensions.Configuration",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        ];
        var cors = Roll(5) switch
        {
            0 => "policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod().AllowCredentials()",
            1 => "policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials()",
            2 => "policy.AllowAnyOrigin().AllowAnyHeader().WithMethods(\"GET\")",
            _ => "policy.WithOrigins(\"https://app." + c.area + ".contoso.net\", \"https://admin.contoso.net\").AllowAnyHeader().AllowCredentials()",
        };
        var handler = Roll(5) switch
        {
            0 => "new HttpClientHandler { ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true }",
            1 => "new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }",
            2 => "new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = delegate { return true; } } }",
            _ => "new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }",
        };
        var developerPage = Roll(8) == 0
            ? "app.UseDeveloperExceptionPage();"
            : "if (app.Environment.IsDevelopment())\n        {\n            app.UseDeveloperExceptionPage();\n        }\n        else\n        {\n            app.UseExceptionHandler(\"/error\");\n        }";
        var b = new StringBuilder();
        b.Append($$"""
            public sealed class {{c.S}}ModuleMarker
            {
            }

            public static class {{c.S}}Module
            {
                public const string CorsPolicy = "{{c.area}}-{{c.e}}-cors";
                public const string ClientName = "{{c.area}}-{{c.e}}";

                public static IServiceCollection Add{{c.S}}Module(this IServiceCollection services, IConfiguration configuration)
                {
                    ArgumentNullException.ThrowIfNull(configuration);
                    services.AddCors(options => options.AddPolicy(CorsPolicy, policy => {{cors}}));

                    services.AddHttpClient(ClientName, client =>
                        {
                            client.BaseAddress = new Uri(configuration["{{c.Area}}:{{c.E}}:BaseUrl"] ?? "{{(Roll(4) == 0 ? "http" : "https")}}://{{c.e}}.{{c.area}}.svc.cluster.local/");
                            client.Timeout = TimeSpan.FromSeconds({{5 + Roll(40)}});
                        })
                        .ConfigurePrimaryHttpMessageHandler(() => {{handler}});

                    services.AddHealthChecks();
                    services.AddLogging(logging => logging.AddFilter("{{c.Ns}}", LogLevel.{{Pick(["Information", "Warning", "Debug"])}}));
                    return services;
                }

                public static WebApplication Use{{c.S}}Module(this WebApplication app)
                {
                    {{developerPage}}

                    app.UseCors(CorsPolicy);
                    var logger = app.Services.GetRequiredService<ILogger<{{c.S}}ModuleMarker>>();
                    {{LogInfo("logger", "Module " + c.S + " ready in", "app.Environment.EnvironmentName")}}
                    return app;
                }

            """);
        var extra = 5 + Roll(3);
        for (var k = 0; k < extra; k++)
        {
            b.Append($$"""
                    public static IServiceCollection AddFeature{{k}}(this IServiceCollection services, IConfiguration configuration)
                    {
                        var enabled = configuration.GetValue("{{c.Area}}:{{c.E}}:Feature{{k}}", defaultValue: {{(k % 2 == 0 ? "true" : "false")}});
                        if (!enabled)
                        {
                            return services;
                        }

                        services.AddHttpClient(ClientName + "-{{k}}", client => client.BaseAddress = new Uri("https://feature{{k}}.{{c.area}}.contoso.net/"));
                        services.AddSingleton(TimeProvider.System);
                        return services;
                    }

                """);
        }

        b.Append("}\n");
        return (usings, b.ToString());
    }

    // ---- Shared infrastructure and composition root --------------------------------------------------------------

    private static string Infrastructure() =>
        """
        // The EF-style data layer of the benchmark code base: async queries with optional tokens, as EF Core has them.
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Infrastructure;

        public sealed class EntitySet<T>
            where T : class
        {
            private readonly List<T> _items = new();

            public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(new List<T>(_items));
            }

            public Task<T?> FirstOrDefaultAsync(Func<T, bool> predicate, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(_items.FirstOrDefault(predicate));
            }

            public ValueTask<T?> FindAsync(object key, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return new ValueTask<T?>(_items.FirstOrDefault(i => Equals(i.GetHashCode(), key.GetHashCode())));
            }

            public Task<int> CountAsync(Func<T, bool> predicate, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(_items.Count(predicate));
            }

            public ValueTask AddAsync(T entity, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _items.Add(entity);
                return ValueTask.CompletedTask;
            }

            public IEnumerable<T> Where(Func<T, bool> predicate) => _items.Where(predicate);
        }

        public abstract class DbContextBase
        {
            public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(0);
            }
        }
        """;

    private string CompositionRoot()
    {
        var b = new StringBuilder();
        b.Append("""
            // The composition root of the benchmark code base: registers every module and maps every endpoint group.
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace Contoso.Host;

            public static class ServiceHost
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    builder.Services.AddHealthChecks();

            """);
        foreach (var r in _registrations.Where(r => r.Kind == "Module"))
        {
            b.Append("        global::").Append(r.Namespace).Append('.').Append(r.Type).Append('.').Append(r.Method).Append("(builder.Services, builder.Configuration);\n");
        }

        b.Append("""

                    var app = builder.Build();
                    if (!app.Environment.IsDevelopment())
                    {
                        app.UseExceptionHandler("/error");
                        app.UseHsts();
                    }

                    app.MapControllers();
                    app.MapHealthChecks("/healthz");

            """);
        foreach (var r in _registrations.Where(r => r.Kind == "Endpoints"))
        {
            b.Append("        global::").Append(r.Namespace).Append('.').Append(r.Type).Append('.').Append(r.Method).Append("(app);\n");
        }

        b.Append("""
                    return app;
                }
            }

            """);
        return b.ToString();
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private int Roll(int sides) => _random.Next(sides);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string DeterministicGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }

    private static string Indent(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            builder.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }
}
