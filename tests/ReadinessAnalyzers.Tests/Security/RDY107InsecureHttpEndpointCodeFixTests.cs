using System.Threading;
using System.Threading.Tasks;
using VerifyCS = ReadinessAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Security.InsecureHttpEndpointAnalyzer,
    ReadinessAnalyzers.CodeFixes.Security.InsecureHttpEndpointCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Security;

/// <summary>RDY107 fix: the scheme becomes https/wss in place; explicit non-default ports and ftp get no fix.</summary>
public sealed class RDY107InsecureHttpEndpointCodeFixTests
{
    [Fact]
    public async Task CodeFix_SwitchesEveryLiteralForm_ToHttps_WithFixAll()
    {
        var source = """"
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PartnerClient(HttpClient http)
            {
                // The partner's public API.
                public static readonly Uri Root = new({|RDY107:"http://api.partner.com/"|}); // v2
                private const string Verbatim = {|RDY107:@"http://files.partner.com/exports"|};
                private const string Raw = {|RDY107:"""http://raw.partner.com/"""|};

                public Task<string> OrderAsync(int id, CancellationToken cancellationToken)
                    => http.GetStringAsync($"{|RDY107:http://api.partner.com/orders/|}{id}", cancellationToken);
            }
            """";
        var fixedSource = """"
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PartnerClient(HttpClient http)
            {
                // The partner's public API.
                public static readonly Uri Root = new("https://api.partner.com/"); // v2
                private const string Verbatim = @"https://files.partner.com/exports";
                private const string Raw = """https://raw.partner.com/""";

                public Task<string> OrderAsync(int id, CancellationToken cancellationToken)
                    => http.GetStringAsync($"https://api.partner.com/orders/{id}", cancellationToken);
            }
            """";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_SwitchesWebSocketToWss_AndDropsDefaultPort80()
    {
        var source = """
            public sealed class StreamOptions
            {
                public string Quotes { get; set; } = {|RDY107:"ws://quotes.market-data.io/stream"|};
                public string Legacy { get; set; } = {|RDY107:"http://legacy.market-data.io:80/feed"|};
            }
            """;
        var fixedSource = """
            public sealed class StreamOptions
            {
                public string Quotes { get; set; } = "wss://quotes.market-data.io/stream";
                public string Legacy { get; set; } = "https://legacy.market-data.io/feed";
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task CodeFix_NotOffered_ForExplicitPortOrFtp()
    {
        var source = """
            public sealed class Legacy
            {
                public string Search { get; set; } = {|RDY107:"http://search.contoso.com:9200/"|};
                public string Drop { get; set; } = {|RDY107:"ftp://drop.contoso.com/in/"|};
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
