using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Secrets;

/// <summary>Where a string value goes: the symbol, parameter or key that receives it.</summary>
internal readonly struct SecretTarget
{
    public SecretTarget(string name, string display)
    {
        Name = name;
        Display = display;
    }

    /// <summary>The name as written (<c>apiKey</c>, <c>password</c>, <c>Smtp:Password</c>); null when unknown.</summary>
    public string? Name { get; }

    /// <summary>For the message: <c>'apiKey'</c>, <c>'NetworkCredential.password'</c>.</summary>
    public string? Display { get; }

    public bool IsKnown => Name is not null;
}

/// <summary>
/// The lazily computed facts about one string expression that only some detectors need: its target (which costs a
/// semantic-model query) and the names around it. Created per candidate string, after the cheap prefilters.
/// </summary>
internal sealed class SecretContext
{
    private readonly ExpressionSyntax _expression;
    private readonly IOperation? _operation;
    private readonly SemanticModel _model;
    private readonly SecretCompilationState _state;
    private readonly CredentialNames _names;
    private readonly CancellationToken _cancellationToken;
    private bool _resolved;
    private SecretTarget _target;
    private string? _surroundings;

    public SecretContext(ExpressionSyntax expression, SemanticModel model, SecretCompilationState state, CredentialNames names, CancellationToken cancellationToken)
        : this(expression, operation: null, model, state, names, cancellationToken)
    {
    }

    /// <param name="operation">The expression's operation when the caller already has it (an operation action); null
    /// to look it up only if the target is needed.</param>
    public SecretContext(ExpressionSyntax expression, IOperation? operation, SemanticModel model, SecretCompilationState state, CredentialNames names, CancellationToken cancellationToken)
    {
        _expression = expression;
        _operation = operation;
        _model = model;
        _state = state;
        _names = names;
        _cancellationToken = cancellationToken;
    }

    public SecretTarget Target
    {
        get
        {
            if (!_resolved)
            {
                _target = SecretTargetResolver.Resolve(_expression, _operation, _model, _state, _names, _cancellationToken);
                _resolved = true;
            }

            return _target;
        }
    }

    /// <summary>The target's name mentions one of the words (case-insensitive).</summary>
    public bool NameMentions(string first, string second)
    {
        var name = Target.Name;
        return CredentialNames.ContainsWord(name, first) || CredentialNames.ContainsWord(name, second);
    }

    /// <summary>The target, the enclosing member or the enclosing type mentions the word (case-insensitive).</summary>
    public bool ContextMentions(string word)
    {
        if (CredentialNames.ContainsWord(Target.Name, word))
        {
            return true;
        }

        _surroundings ??= SecretTargetResolver.DescribeSurroundings(_expression);
        return CredentialNames.ContainsWord(_surroundings, word);
    }
}

/// <summary>
/// Finds the target of a string expression through IOperation: assignments (including object, collection and
/// dictionary initializers and anonymous objects), variable / field / property / parameter initializers (records and
/// primary constructors too), arguments (the parameter's name; a <c>(key, value)</c> pair gives the key), returns (the
/// method or property), <c>??</c> defaults after a configuration lookup (the looked-up key), and equality comparisons.
/// Falls back to syntax when the code does not bind (half-typed code, missing types).
/// </summary>
internal static class SecretTargetResolver
{
    private static readonly SecretTarget None = default;

    public static SecretTarget Resolve(ExpressionSyntax expression, IOperation? knownOperation, SemanticModel model, SecretCompilationState state, CredentialNames names, CancellationToken cancellationToken)
    {
        // Attribute arguments: syntax is exact and cheaper than binding the attribute.
        var outer = WalkUpSyntax(expression);
        if (outer.Parent is AttributeArgumentSyntax attributeArgument)
        {
            return FromAttributeArgument(attributeArgument, model, cancellationToken);
        }

        var operation = knownOperation ?? model.GetOperation(expression, cancellationToken);
        if (operation is null)
        {
            return FromSyntax(expression);
        }

        IOperation current = operation;
        for (int depth = 0; depth < 16; depth++)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case null:
                    return FromSyntax(expression);

                case IConversionOperation:
                case IParenthesizedOperation:
                case IConditionalOperation:
                case ISwitchExpressionArmOperation:
                case ISwitchExpressionOperation:
                    current = parent;
                    continue;

                case ICoalesceOperation coalesce when !ReferenceEquals(coalesce.Value, current):
                    var lookedUp = ConfigurationKey(coalesce.Value);
                    if (lookedUp is not null && names.Classify(lookedUp) != CredentialClass.None)
                    {
                        return new SecretTarget(lookedUp, Quote(lookedUp));
                    }

                    current = parent;
                    continue;

                case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                    var assigned = FromReference(assignment.Target, assignment.Syntax);
                    return assigned.IsKnown && names.Classify(assigned.Name) == CredentialClass.None && IsKeyedEntry(assignment.Target)
                        ? CollectionOrKey(assignment.Target, assigned, names)
                        : assigned;

                case IVariableInitializerOperation initializer:
                    if (initializer.Parent is IVariableDeclaratorOperation declarator)
                    {
                        return Named(declarator.Symbol.Name);
                    }

                    if (initializer.Parent is IVariableDeclarationOperation declaration && declaration.Declarators.Length == 1)
                    {
                        return Named(declaration.Declarators[0].Symbol.Name);
                    }

                    return FromSyntax(expression);

                case IFieldInitializerOperation fieldInitializer:
                    return fieldInitializer.InitializedFields.Length > 0 ? Named(fieldInitializer.InitializedFields[0].Name) : None;

                case IPropertyInitializerOperation propertyInitializer:
                    return propertyInitializer.InitializedProperties.Length > 0 ? Named(propertyInitializer.InitializedProperties[0].Name) : None;

                case IParameterInitializerOperation parameterInitializer:
                    return Named(parameterInitializer.Parameter.Name);

                case IArgumentOperation argument when IsPassThrough(argument):
                    // Encoding.UTF8.GetBytes("..."), Convert.FromBase64String("..."): the bytes are the secret.
                    current = argument.Parent!;
                    continue;

                case IArgumentOperation argument:
                    var argumentTarget = FromArgument(argument, state);
                    return argumentTarget.IsKnown && names.Classify(argumentTarget.Name) == CredentialClass.None && argument.Parent is IInvocationOperation { Instance: { } addInstance, TargetMethod.Name: "Add" }
                        ? CollectionOrKey(addInstance, argumentTarget, names)
                        : argumentTarget;

                case ITupleOperation tuple:
                    return FromTupleElement(tuple, current);

                case IReturnOperation:
                    return FromEnclosingMember(expression);

                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                    var other = ReferenceEquals(binary.LeftOperand, current) ? binary.RightOperand : binary.LeftOperand;
                    return FromReference(Unwrap(other), null);

                case IInvalidOperation:
                    // Half-typed code (an unknown method, a missing type): syntax still names the target.
                    return FromSyntax(expression);

                default:
                    return None;
            }
        }

        return None;
    }

    private static SecretTarget Named(string name) => new(name, Quote(name));

    private static bool IsKeyedEntry(IOperation target)
        => target is IPropertyReferenceOperation { Property.IsIndexer: true } || target is IDynamicIndexerAccessOperation;

    /// <summary>
    /// <c>WebhookSecrets["github"] = "..."</c>, <c>Secrets = { ["stripe"] = "..." }</c>, <c>apiKeys.Add("maps", "...")</c>:
    /// when the key says nothing, the collection's name (singular) says what its values are.
    /// </summary>
    private static SecretTarget CollectionOrKey(IOperation entryOrInstance, SecretTarget keyTarget, CredentialNames names)
    {
        var instance = entryOrInstance switch
        {
            IPropertyReferenceOperation property => property.Instance,
            IDynamicIndexerAccessOperation dynamicIndexer => dynamicIndexer.Operation,
            _ => entryOrInstance,
        };

        string? collection = null;
        if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // Inside an object or collection initializer: the created object's own target.
            IOperation? walk = instance.Parent;
            while (walk is not null && walk is not IObjectOrCollectionInitializerOperation)
            {
                walk = walk.Parent;
            }

            var creation = walk?.Parent;
            while (creation?.Parent is IConversionOperation conversion)
            {
                creation = conversion;
            }

            switch (creation?.Parent)
            {
                case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                    collection = field.InitializedFields[0].Name;
                    break;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                    collection = property.InitializedProperties[0].Name;
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    collection = declarator.Symbol.Name;
                    break;
            }
        }
        else if (instance is not null)
        {
            var named = FromReference(Unwrap(instance), null);
            collection = named.Name;
        }

        if (collection is not null && collection.Length > 3 && collection.EndsWith("s", StringComparison.Ordinal)
            && names.Classify(collection.Substring(0, collection.Length - 1)) != CredentialClass.None)
        {
            return new SecretTarget(collection.Substring(0, collection.Length - 1), Quote(collection + "[" + keyTarget.Name + "]"));
        }

        return keyTarget;
    }

    /// <summary>Conversions of a string into key material: the value keeps flowing to the real target.</summary>
    private static bool IsPassThrough(IArgumentOperation argument)
    {
        if (argument.Parent is not IInvocationOperation invocation || invocation.Arguments.Length != 1)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        return method.Name is "GetBytes" or "FromBase64String" or "FromHexString" or "ToCharArray" or "ToBase64String"
            && method.ContainingType?.Name is "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "Convert" or "String";
    }

    /// <summary><c>(string User, string Password) seed = ("alice", "...")</c>: the tuple element's name.</summary>
    private static SecretTarget FromTupleElement(ITupleOperation tuple, IOperation element)
    {
        int index = -1;
        for (int i = 0; i < tuple.Elements.Length; i++)
        {
            if (ReferenceEquals(tuple.Elements[i], element))
            {
                index = i;
                break;
            }
        }

        var type = (tuple.Parent as IConversionOperation)?.Type as INamedTypeSymbol ?? tuple.Type as INamedTypeSymbol;
        if (index < 0 || type is null || !type.IsTupleType || index >= type.TupleElements.Length)
        {
            return None;
        }

        var field = type.TupleElements[index];
        return SymbolEqualityComparer.Default.Equals(field, field.CorrespondingTupleField) && field.Name.StartsWith("Item", StringComparison.Ordinal)
            ? None
            : Named(field.Name);
    }

    private static string Quote(string name) => "'" + name + "'";

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static SecretTarget FromReference(IOperation target, SyntaxNode? assignmentSyntax)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                return Named(local.Local.Name);
            case IFieldReferenceOperation field:
                return Named(field.Field.Name);
            case IParameterReferenceOperation parameter:
                return Named(parameter.Parameter.Name);
            case IPropertyReferenceOperation property:
                if (property.Property.IsIndexer)
                {
                    var key = property.Arguments.Length == 1 ? ConstantString(property.Arguments[0].Value) : null;
                    return key is null ? None : Named(key);
                }

                return Named(property.Property.Name);
            case IDynamicMemberReferenceOperation dynamicMember:
                return Named(dynamicMember.MemberName);
            case IDynamicIndexerAccessOperation dynamicIndexer:
                var dynamicKey = dynamicIndexer.Arguments.Length == 1 ? ConstantString(dynamicIndexer.Arguments[0]) : null;
                return dynamicKey is null ? None : Named(dynamicKey);
            case IEventReferenceOperation:
            case IArrayElementReferenceOperation:
                return None;
            default:
                // Invalid or unbound target (half-typed code): read the name from syntax.
                return assignmentSyntax is AssignmentExpressionSyntax syntax ? NameOfAssignee(syntax.Left) : None;
        }
    }

    private static SecretTarget FromArgument(IArgumentOperation argument, SecretCompilationState state)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return argument.Syntax is ArgumentSyntax { NameColon: { } nameColon } ? Named(nameColon.Name.Identifier.ValueText) : None;
        }

        if (argument.ArgumentKind == ArgumentKind.ParamArray)
        {
            return None;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;

        // (key, value) pairs: Dictionary.Add, KeyValuePair, collection initializers { "Password", "..." },
        // Environment.SetEnvironmentVariable, headers.Add(name, value).
        if (method is not null && parameter.Ordinal > 0 && argument.Parent is IInvocationOperation or IObjectCreationOperation)
        {
            var siblings = argument.Parent is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)argument.Parent).Arguments;
            if (IsValueParameter(parameter.Name))
            {
                for (int i = 0; i < siblings.Length; i++)
                {
                    var sibling = siblings[i];
                    if (sibling.Parameter is { } p && p.Ordinal == parameter.Ordinal - 1 && IsKeyParameter(p.Name))
                    {
                        var key = ConstantString(sibling.Value);
                        return key is null ? None : Named(key);
                    }
                }
            }

            // password.Equals("..."), string.Equals(password, "...")
            if (method.Name == "Equals" && argument.Parent is IInvocationOperation equalsCall)
            {
                if (equalsCall.Instance is { } instance)
                {
                    return FromReference(Unwrap(instance), null);
                }

                for (int i = 0; i < siblings.Length; i++)
                {
                    if (!ReferenceEquals(siblings[i], argument))
                    {
                        return FromReference(Unwrap(siblings[i].Value), null);
                    }
                }
            }
        }

        if (method is not null && method.Name == "Equals" && argument.Parent is IInvocationOperation { Instance: { } equalsInstance })
        {
            return FromReference(Unwrap(equalsInstance), null);
        }

        // new SymmetricSecurityKey(...), new X509SecurityKey(...): the constructed type says what the value is.
        if (method is not null && method.MethodKind == MethodKind.Constructor && parameter.Name == "key"
            && method.ContainingType.Name.EndsWith("SecurityKey", StringComparison.Ordinal))
        {
            return new SecretTarget(method.ContainingType.Name, Quote(method.ContainingType.Name + "." + parameter.Name));
        }

        // new AuthenticationHeaderValue("Basic", "user:password"): the parameter carries the credentials.
        if (method is not null && method.MethodKind == MethodKind.Constructor && parameter.Name == "parameter"
            && method.ContainingType.Name == "AuthenticationHeaderValue")
        {
            return new SecretTarget("credentials", Quote("AuthenticationHeaderValue.parameter"));
        }

        string owner = method is null
            ? string.Empty
            : method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        if (method is not null && state.NetworkCredential is not null && method.MethodKind == MethodKind.Constructor
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, state.NetworkCredential))
        {
            owner = "NetworkCredential";
        }

        return new SecretTarget(parameter.Name, owner.Length == 0 || owner == "Invoke" ? Quote(parameter.Name) : Quote(owner + "." + parameter.Name));
    }

    private static bool IsValueParameter(string name) => name is "value" or "val" or "defaultValue";

    private static bool IsKeyParameter(string name) => name is "key" or "name" or "variable" or "header" or "headerName" or "keyName";

    /// <summary>The key of <c>config["Smtp:Password"]</c>, <c>config.GetValue&lt;string&gt;("Smtp:Password")</c>, <c>GetConnectionString("x")</c>, <c>Environment.GetEnvironmentVariable("X")</c>.</summary>
    private static string? ConfigurationKey(IOperation lookup)
    {
        lookup = Unwrap(lookup);
        switch (lookup)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Arguments.Length == 1:
                return ConstantString(indexer.Arguments[0].Value);
            case IInvocationOperation invocation when invocation.Arguments.Length >= 1:
                for (int i = 0; i < invocation.Arguments.Length; i++)
                {
                    var argument = invocation.Arguments[i];
                    if (argument.Parameter is { } p && IsKeyParameter(p.Name) || argument.Parameter?.Name is "variable" or "sectionName" or "secretName")
                    {
                        return ConstantString(argument.Value);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? ConstantString(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: string s } ? s : null;

    private static SecretTarget FromEnclosingMember(SyntaxNode node)
    {
        // Only named members: lambdas and anonymous functions give no name.
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case AnonymousFunctionExpressionSyntax:
                    return None;
                case PropertyDeclarationSyntax property:
                    return Named(property.Identifier.ValueText);
                case IndexerDeclarationSyntax:
                    return None;
                case MethodDeclarationSyntax method:
                    return FromMethodName(method.Identifier.ValueText);
                case LocalFunctionStatementSyntax localFunction:
                    return FromMethodName(localFunction.Identifier.ValueText);
                case MemberDeclarationSyntax:
                    return None;
            }
        }

        return None;
    }

    /// <summary><c>GetApiKey()</c> returns an API key; <c>ValidatePassword()</c> returns something about one.</summary>
    private static SecretTarget FromMethodName(string name)
    {
        var words = CredentialNames.SplitWords(name);
        if (words.Count == 0)
        {
            return None;
        }

        return words[0] is "get" or "load" or "read" or "fetch" or "resolve" or "retrieve" or "default" or "fallback" or "dev" or "test"
            || words[0] is not ("validate" or "check" or "verify" or "reset" or "hash" or "encrypt" or "decrypt" or "set" or "update" or "change" or "compare" or "is" or "has" or "can" or "should" or "require" or "normalize" or "format" or "mask" or "redact" or "log" or "print" or "show" or "hide" or "generate" or "create" or "new" or "rotate" or "revoke" or "refresh" or "parse" or "describe")
            ? Named(name)
            : None;
    }

    private static SecretTarget FromAttributeArgument(AttributeArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.NameEquals is { } nameEquals)
        {
            return Named(nameEquals.Name.Identifier.ValueText);
        }

        if (argument.NameColon is { } nameColon)
        {
            return Named(nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is AttributeArgumentListSyntax list && list.Parent is AttributeSyntax attribute
            && model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor)
        {
            int index = list.Arguments.IndexOf(argument);
            if (index >= 0 && index < constructor.Parameters.Length)
            {
                var parameter = constructor.Parameters[index];
                return new SecretTarget(parameter.Name, Quote(constructor.ContainingType.Name + "." + parameter.Name));
            }
        }

        return None;
    }

    private static SyntaxNode WalkUpSyntax(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>Syntax-only fallback for code that does not bind.</summary>
    private static SecretTarget FromSyntax(ExpressionSyntax expression)
    {
        var node = WalkUpSyntax(expression);
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return Named(declarator.Identifier.ValueText);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return Named(property.Identifier.ValueText);
            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return Named(parameter.Identifier.ValueText);
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return NameOfAssignee(assignment.Left);
            case ArgumentSyntax { NameColon: { } nameColon }:
                return Named(nameColon.Name.Identifier.ValueText);
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                return Named(nameEquals.Name.Identifier.ValueText);
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                && initializer.Expressions.Count == 2 && initializer.Expressions[1] == node
                && initializer.Expressions[0] is LiteralExpressionSyntax keyLiteral && keyLiteral.IsKind(SyntaxKind.StringLiteralExpression):
                return Named(keyLiteral.Token.ValueText);
            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax arrowProperty }:
                return Named(arrowProperty.Identifier.ValueText);
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax arrowMethod }:
                return FromMethodName(arrowMethod.Identifier.ValueText);
            default:
                return None;
        }
    }

    private static SecretTarget NameOfAssignee(ExpressionSyntax left)
    {
        switch (left)
        {
            case IdentifierNameSyntax identifier:
                return Named(identifier.Identifier.ValueText);
            case MemberAccessExpressionSyntax memberAccess:
                return Named(memberAccess.Name.Identifier.ValueText);
            case ElementAccessExpressionSyntax elementAccess when elementAccess.ArgumentList.Arguments.Count == 1
                && elementAccess.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                return Named(key.Token.ValueText);
            case ImplicitElementAccessSyntax implicitAccess when implicitAccess.ArgumentList.Arguments.Count == 1
                && implicitAccess.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax implicitKey && implicitKey.IsKind(SyntaxKind.StringLiteralExpression):
                return Named(implicitKey.Token.ValueText);
            default:
                return None;
        }
    }

    /// <summary>Names of the enclosing member and types, for context-dependent provider formats (Twilio).</summary>
    public static string DescribeSurroundings(SyntaxNode node)
    {
        var text = string.Empty;
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case BaseTypeDeclarationSyntax type:
                    text += " " + type.Identifier.ValueText;
                    break;
                case MethodDeclarationSyntax method:
                    text += " " + method.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax property:
                    text += " " + property.Identifier.ValueText;
                    break;
                case VariableDeclaratorSyntax variable:
                    text += " " + variable.Identifier.ValueText;
                    break;
                case InvocationExpressionSyntax invocation:
                    text += " " + invocation.Expression.ToString();
                    break;
                case ObjectCreationExpressionSyntax creation:
                    text += " " + creation.Type.ToString();
                    break;
            }
        }

        return text;
    }
}
