using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers.Cancellation;

/// <summary>
/// The framework types the cancellation rules (RDY401-RDY404) need, resolved once per compilation, and the
/// per-compilation caches of the hot path. Absent types stay null; without <c>CancellationToken</c> nothing is created.
/// </summary>
internal sealed class CancellationTypes
{
    private readonly ConcurrentDictionary<IMethodSymbol, TokenSlot> _slots = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, TokenMember[]> _typeMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IPropertySymbol?> _tokenProperties = new(SymbolEqualityComparer.Default);

    private CancellationTypes(Compilation compilation, INamedTypeSymbol cancellationToken)
    {
        CancellationToken = cancellationToken;
        CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ObsoleteAttribute = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        HttpContextAccessor = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHttpContextAccessor");
        EndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        RouteGroupBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
        BackgroundService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService");
        HostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
    }

    public INamedTypeSymbol CancellationToken { get; }

    public INamedTypeSymbol? CancellationTokenSource { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? Thread { get; }

    public INamedTypeSymbol? ObsoleteAttribute { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? PageModel { get; }

    public INamedTypeSymbol? Hub { get; }

    public INamedTypeSymbol? HttpContext { get; }

    public INamedTypeSymbol? HttpContextAccessor { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? RouteGroupBuilder { get; }

    public INamedTypeSymbol? BackgroundService { get; }

    public INamedTypeSymbol? HostedService { get; }

    public static CancellationTypes? Create(Compilation compilation)
        => compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is { } token
            ? new CancellationTypes(compilation, token)
            : null;

    /// <summary>The cached token slot of a method (see <see cref="TokenSlot"/>); computed once per method per compilation.</summary>
    public TokenSlot SlotOf(IMethodSymbol method)
    {
        var key = (method.ReducedFrom ?? method).OriginalDefinition;
        if (_slots.TryGetValue(key, out var slot))
        {
            return slot;
        }

        // Computed outside GetOrAdd so that the hot path allocates no closure; a race computes the same value twice.
        slot = TokenSlot.Compute(key, this);
        return _slots.GetOrAdd(key, slot);
    }

    /// <summary>Fields and properties of a type (and its non-private base members) that hold a token or a token source.</summary>
    public TokenMember[] TokenMembersOf(INamedTypeSymbol type)
        => _typeMembers.TryGetValue(type, out var members) ? members : _typeMembers.GetOrAdd(type, TokenMember.Collect(type, this));

    /// <summary>
    /// The public instance property of type <c>CancellationToken</c> on a context-like type (gRPC <c>ServerCallContext.CancellationToken</c>,
    /// MassTransit <c>ConsumeContext.CancellationToken</c>, <c>HttpContext.RequestAborted</c>), or null.
    /// </summary>
    public IPropertySymbol? TokenPropertyOf(ITypeSymbol type)
        => _tokenProperties.TryGetValue(type, out var property) ? property : _tokenProperties.GetOrAdd(type, FindTokenProperty(type));

    public bool IsToken(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    public bool IsNullableToken(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable && IsToken(nullable.TypeArguments[0]);

    public bool IsTokenSource(ITypeSymbol? type) => CancellationTokenSource is not null && TypeSymbols.DerivesFrom(type, CancellationTokenSource);

    /// <summary>Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var original = named.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(original, Task)
            || SymbolEqualityComparer.Default.Equals(original, TaskOfT)
            || SymbolEqualityComparer.Default.Equals(original, ValueTask)
            || SymbolEqualityComparer.Default.Equals(original, ValueTaskOfT)
            || TypeSymbols.DerivesFrom(original, Task);
    }

    /// <summary>Whether the type is or implements <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    public bool IsAsyncEnumerable(ITypeSymbol? type)
    {
        if (AsyncEnumerable is null || type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, AsyncEnumerable))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, AsyncEnumerable))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsObsolete(ISymbol symbol)
    {
        if (ObsoleteAttribute is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ObsoleteAttribute))
            {
                return true;
            }
        }

        return false;
    }


    public bool Implements(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, contract))
            {
                return true;
            }
        }

        return false;
    }

    private IPropertySymbol? FindTokenProperty(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Array or TypeKind.TypeParameter || IsToken(type))
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property
                    && IsToken(property.Type))
                {
                    return property;
                }
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var member in implemented.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property && IsToken(property.Type))
                    {
                        return property;
                    }
                }
            }
        }

        return null;
    }
}
