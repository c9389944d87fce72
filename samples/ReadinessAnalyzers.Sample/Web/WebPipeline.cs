using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ReadinessAnalyzers.Sample.Web;

/// <summary>CORS and error-page setup shared by the service's web hosts.</summary>
public static class WebPipeline
{
    public const string StorefrontPolicy = "storefront";

    public static IServiceCollection AddStorefrontCors(this IServiceCollection services)
        => services.AddCors(options => options.AddPolicy(StorefrontPolicy, policy => policy
            // RDY105: every web site may call the API with the user's cookies and read the answers. List the
            // storefront origins with WithOrigins(...) instead.
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()));

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // RDY104: the developer exception page shows stack traces, SQL and configuration to every caller in
        // production. WebApplication already enables it in Development, so the call can go.
        app.UseDeveloperExceptionPage();
        app.UseCors(StorefrontPolicy);
        return app;
    }
}
