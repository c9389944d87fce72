// Corpus: Program/Startup code with error pages, detailed errors, CORS and listen addresses (RDY104, RDY105, RDY107).
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Corpus.Web;

public sealed class LegacyStartup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSignalR(options => options.EnableDetailedErrors = true); // expect: RDY104
        services.AddServerSideBlazor(options => options.DetailedErrors = true); // expect: RDY104
        services.AddSignalR().AddHubOptions<NotificationsHub>(options => options.EnableDetailedErrors = true); // expect: RDY104
        services.AddCors(options =>
        {
            options.AddPolicy("spa", policy => policy
                .SetIsOriginAllowed(_ => true) // expect: RDY105
                .AllowAnyHeader()
                .AllowCredentials());
            options.AddPolicy("partners", policy =>
            {
                policy.AllowAnyOrigin(); // expect: RDY105
                policy.AllowAnyMethod();
                policy.AllowCredentials();
            });
            options.AddPolicy("wildcard", policy => policy.WithOrigins("*").AllowCredentials()); // expect: RDY105
            options.AddPolicy("listed", policy => policy.WithOrigins("https://app.contoso.com").AllowCredentials()); // trap
            options.AddPolicy("public", policy => policy.AllowAnyOrigin().AllowAnyHeader()); // trap
            options.AddPolicy("subdomains", policy => policy
                .SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase)) // trap
                .AllowCredentials());
        });
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseDeveloperExceptionPage(); // expect: RDY104
        app.UseCors(policy => policy.SetIsOriginAllowed(origin => !string.IsNullOrEmpty(origin)).AllowCredentials()); // expect: RDY105
        app.UseRouting();
    }
}

public sealed class ModernStartup(IWebHostEnvironment environment)
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSignalR(options => options.EnableDetailedErrors = environment.IsDevelopment()); // trap
        services.AddSignalR(options => options.EnableDetailedErrors = false); // trap
        if (environment.IsDevelopment())
        {
            services.AddServerSideBlazor(options => options.DetailedErrors = true); // trap
            services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials())); // trap
        }
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage(); // trap
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        if (env.IsProduction())
        {
            app.UseExceptionHandler("/error");
        }
        else
        {
            app.UseDeveloperExceptionPage(); // trap
        }
    }
}

public static class Hosting
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://+:80", "http://*:8080", "http://0.0.0.0:5000"); // trap
        builder.Services.AddSignalR(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment()); // trap
    }

    public static void Pipeline(WebApplication app)
    {
        app.UseDeveloperExceptionPage(); // expect: RDY104
        app.UseExceptionHandler(); // trap
    }

    public static void DevPipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.UseDeveloperExceptionPage(); // trap
    }

    public static void Run(WebApplication app) => app.Run("http://0.0.0.0:8080"); // trap

    public static CorsPolicy Build()
    {
        var builder = new CorsPolicyBuilder();
        builder.SetIsOriginAllowed(AnyOrigin); // expect: RDY105
        builder.AllowCredentials();
        return builder.Build();
    }

    private static bool AnyOrigin(string origin) => true;
}

public sealed class NotificationsHub : Hub
{
}
