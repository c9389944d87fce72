using System;
using System.Security.Cryptography;
using System.Text;

namespace ReadinessAnalyzers.Secrets;

/// <summary>What <see cref="ConnectionStrings.Classify"/> found in a string.</summary>
internal enum ConnectionStringVerdict
{
    /// <summary>Not a connection string: other rules may look at it.</summary>
    NotConnectionString,

    /// <summary>A connection string without an embedded credential (or with a placeholder one): nothing to report.</summary>
    NoCredential,

    /// <summary>A connection string that embeds a password or key: RDY102.</summary>
    HasCredential,
}

/// <summary>A connection string with a credential: the provider shown in the message and the key that holds it.</summary>
internal readonly struct ConnectionStringFinding
{
    public ConnectionStringFinding(string provider, string providerId, string key)
    {
        Provider = provider;
        ProviderId = providerId;
        Key = key;
    }

    /// <summary>Display name: <c>SQL Server</c>, <c>PostgreSQL</c>, <c>MongoDB URI</c>, <c>Azure Service Bus</c> ...</summary>
    public string Provider { get; }

    /// <summary>Stable id used as the diagnostic's <c>Kind</c> property: <c>sqlserver</c>, <c>mongodb-uri</c> ...</summary>
    public string ProviderId { get; }

    /// <summary>The entry that holds the credential as written (<c>Password</c>, <c>Pwd</c>, <c>SharedAccessKey</c>) or <c>password</c> for URIs.</summary>
    public string Key { get; }
}

/// <summary>
/// Recognises connection strings by parsing them, never by substring. Two shapes:
/// <list type="bullet">
/// <item>ADO.NET-style <c>key=value</c> pairs separated by <c>;</c> (or <c>,</c> for StackExchange.Redis), keys
/// case-insensitive with spaces around <c>=</c> allowed, values optionally quoted with <c>'</c> or <c>"</c>.</item>
/// <item>URIs with user-info for database and broker schemes: <c>mongodb://</c>, <c>mongodb+srv://</c>, <c>redis://</c>,
/// <c>rediss://</c>, <c>amqp://</c>, <c>amqps://</c>, <c>postgres://</c>, <c>postgresql://</c>, <c>mysql://</c>,
/// <c>sqlserver://</c>, <c>jdbc:*://</c>.</item>
/// </list>
/// Credential keys: <c>Password</c>, <c>Pwd</c>, <c>User Password</c>, <c>Pass</c>, <c>Passwd</c>,
/// <c>Jet OLEDB:Database Password</c>, <c>SharedAccessKey</c>, <c>AccountKey</c>, <c>AccessKey</c>,
/// <c>SharedAccessSignature</c>, <c>Secret</c> (Azure App Configuration).
/// <para>NOT findings (each has a test):</para>
/// <list type="bullet">
/// <item><c>Integrated Security=true</c> / <c>SSPI</c> / <c>Trusted_Connection=yes</c> with no password entry;</item>
/// <item>an empty password (<c>Password=;</c>, <c>Password=''</c>);</item>
/// <item>a placeholder or template password: <c>{0}</c>, <c>{password}</c>, <c>${DB_PASSWORD}</c>, <c>@password</c>,
/// <c>&lt;password&gt;</c>, <c>***</c>, <c>%DB_PASSWORD%</c>, <c>$(DbPassword)</c>, <c>#{DbPassword}#</c>,
/// <c>changeme</c>, <c>your_password</c> ... (see <see cref="ValueHeuristics.IsPlaceholder"/>);</item>
/// <item>the Azurite / Storage-emulator well-known development account key (<c>devstoreaccount1</c>) and
/// <c>UseDevelopmentStorage=true</c>;</item>
/// <item>the Azure Cosmos DB emulator's published key;</item>
/// <item>a URI whose password equals the user name (<c>amqp://guest:guest@localhost</c>).</item>
/// </list>
/// </summary>
internal static class ConnectionStrings
{
    /// <summary>
    /// SHA-256 (hex) of the published emulator keys: the Azurite / Storage emulator account key and the Cosmos DB
    /// emulator key. Kept as hashes so that no key-shaped text lives in this repository.
    /// </summary>
    private static readonly string[] WellKnownEmulatorKeyHashes =
    [
        AzuriteKeySha256,
        CosmosEmulatorKeySha256,
    ];

    internal const string AzuriteKeySha256 = "0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059";
    internal const string CosmosEmulatorKeySha256 = "aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615";

    /// <summary>Keys that make a <c>key=value</c> list a connection string.</summary>
    private static readonly string[] ConnectionKeys =
    [
        "server", "data source", "datasource", "host", "hostname", "database", "initial catalog", "user id", "userid", "uid",
        "user", "username", "user name", "port", "endpoint", "accountname", "defaultendpointsprotocol", "sharedaccesskeyname",
        "address", "addr", "network address", "dsn", "provider", "driver", "integrated security", "trusted_connection",
        "encrypt", "sslmode", "ssl mode", "filename", "accountendpoint", "entitypath", "blobendpoint", "queueendpoint",
        "tableendpoint", "fileendpoint", "endpointsuffix", "mode", "dbq", "abortconnect", "ssl", "defaultdatabase",
        "connect timeout", "connection timeout", "timeout", "pooling", "trustservercertificate", "application name", "id",
        "service name", "servicename", "sid", "authsource", "virtualhost", "virtual host", "tenant", "clientid",
    ];

    private static readonly string[] PasswordKeys =
    [
        "password", "pwd", "user password", "pass", "passwd", "jet oledb:database password", "database password",
        "sharedaccesskey", "accountkey", "accesskey", "sharedaccesssignature", "secret", "clientsecret", "client secret",
    ];

    private static readonly string[] UriSchemes =
    [
        "mongodb://", "mongodb+srv://", "redis://", "rediss://", "amqp://", "amqps://", "postgres://", "postgresql://",
        "mysql://", "mariadb://", "sqlserver://", "mssql://", "oracle://", "cockroachdb://", "nats://", "kafka://",
    ];

    /// <summary>Cheap test run before any parsing.</summary>
    public static bool MayBeConnectionString(string text)
    {
        if (text.Length < 8)
        {
            return false;
        }

        int eq = text.IndexOf('=');
        if (eq > 0 && (text.IndexOf(';') >= 0 || text.IndexOf(',') >= 0 || IsCredentialKey(text.Substring(0, eq).Trim())))
        {
            return true;
        }

        return text.IndexOf("://", StringComparison.Ordinal) > 0 && text.IndexOf('@') > 0;
    }

    public static ConnectionStringVerdict Classify(string text, out ConnectionStringFinding finding)
    {
        finding = default;
        if (!MayBeConnectionString(text))
        {
            return ConnectionStringVerdict.NotConnectionString;
        }

        var uriVerdict = ClassifyUri(text, out finding);
        if (uriVerdict != ConnectionStringVerdict.NotConnectionString)
        {
            return uriVerdict;
        }

        if (text.IndexOf('=') < 0 || ValueHeuristics.ContainsWhiteSpace(text.Trim()) && text.IndexOf(';') < 0 && text.IndexOf(',') < 0)
        {
            return ConnectionStringVerdict.NotConnectionString;
        }

        char separator = text.IndexOf(';') >= 0 ? ';' : ',';
        return ClassifyPairs(text, separator, out finding);
    }

    private static ConnectionStringVerdict ClassifyPairs(string text, char separator, out ConnectionStringFinding finding)
    {
        finding = default;
        int connectionKeys = 0;
        int pairs = 0;
        int wordPairs = 0;
        string? credentialKey = null;
        string? credentialValue = null;
        bool placeholderCredential = false;
        bool developmentStorage = false;
        bool hasAccountName = false, hasAccountEndpoint = false, hasSbEndpoint = false, hasHostName = false, hasEntityPath = false;
        bool hasHost = false, hasServer = false, hasDataSource = false, hasUid = false, hasInitialCatalog = false;
        bool mysqlHints = false, sqliteHints = false, oracleHints = false, redisHints = false, appConfigHints = false, signalRHints = false;
        bool eventHubHints = false;

        int i = 0;
        while (i < text.Length)
        {
            // Key: up to '=' or the separator.
            int keyStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != separator)
            {
                i++;
            }

            if (i >= text.Length || text[i] == separator)
            {
                // A bare token: "localhost:6379" in a Redis configuration, or a trailing fragment.
                var bare = text.Substring(keyStart, i - keyStart).Trim();
                if (bare.Length > 0 && separator == ',' && bare.IndexOf(':') > 0)
                {
                    redisHints = true;
                }

                i++;
                continue;
            }

            string key = NormalizeKey(text.Substring(keyStart, i - keyStart));
            i++; // '='

            // Value: quoted or up to the separator.
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < text.Length && (text[i] == '\'' || text[i] == '"'))
            {
                char quote = text[i];
                int valueStart = ++i;
                var sb = new StringBuilder();
                while (i < text.Length)
                {
                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            sb.Append(quote);
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                value = sb.ToString();
                _ = valueStart;
                while (i < text.Length && text[i] != separator)
                {
                    i++;
                }
            }
            else
            {
                int valueStart = i;
                while (i < text.Length && text[i] != separator)
                {
                    i++;
                }

                value = text.Substring(valueStart, i - valueStart).Trim();
            }

            i++; // separator
            if (key.Length == 0)
            {
                continue;
            }

            pairs++;
            if (IsWordKey(key))
            {
                wordPairs++;
            }

            if (IsConnectionKey(key))
            {
                connectionKeys++;
            }

            switch (key)
            {
                case "usedevelopmentstorage":
                    developmentStorage = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "accountname":
                    hasAccountName = true;
                    if (string.Equals(value, "devstoreaccount1", StringComparison.OrdinalIgnoreCase))
                    {
                        developmentStorage = true;
                    }

                    break;
                case "defaultendpointsprotocol":
                case "blobendpoint":
                case "queueendpoint":
                case "tableendpoint":
                    hasAccountName = true;
                    break;
                case "accountendpoint":
                    hasAccountEndpoint = true;
                    break;
                case "endpoint":
                    if (value.StartsWith("sb://", StringComparison.OrdinalIgnoreCase))
                    {
                        hasSbEndpoint = true;
                        eventHubHints |= value.IndexOf("eventhub", StringComparison.OrdinalIgnoreCase) >= 0;
                    }
                    else if (value.IndexOf(".azconfig.io", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        appConfigHints = true;
                    }
                    else if (value.IndexOf(".signalr.net", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        signalRHints = true;
                    }

                    break;
                case "entitypath":
                    hasEntityPath = true;
                    break;
                case "hostname":
                    hasHostName = true;
                    break;
                case "host":
                    hasHost = true;
                    break;
                case "server":
                    hasServer = true;
                    mysqlHints |= value.IndexOf(":3306", StringComparison.Ordinal) >= 0;
                    break;
                case "data source":
                case "datasource":
                    hasDataSource = true;
                    sqliteHints |= EndsWithAny(value, ".db", ".sqlite", ".sqlite3", ".db3") || string.Equals(value, ":memory:", StringComparison.Ordinal);
                    oracleHints |= value.IndexOf("DESCRIPTION", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf(":1521", StringComparison.Ordinal) >= 0;
                    break;
                case "filename":
                    sqliteHints = true;
                    break;
                case "uid":
                    hasUid = true;
                    break;
                case "initial catalog":
                    hasInitialCatalog = true;
                    break;
                case "port":
                    mysqlHints |= value == "3306";
                    oracleHints |= value == "1521";
                    break;
                case "sslmode":
                case "ssl mode":
                case "allowuservariables":
                case "convertzerodatetime":
                    mysqlHints |= !hasHost;
                    break;
                case "abortconnect":
                case "ssl":
                case "allowadmin":
                    redisHints |= separator == ',';
                    break;
                case "dba privilege":
                case "service name":
                case "servicename":
                    oracleHints = true;
                    break;
            }

            if (credentialKey is null && IsCredentialKey(key))
            {
                string original = OriginalKey(text, key);
                if (value.Length == 0 || IsPlaceholderCredential(value))
                {
                    placeholderCredential = true;
                }
                else if (key is "accountkey" or "accesskey" && IsWellKnownEmulatorKey(value))
                {
                    developmentStorage = true;
                }
                else
                {
                    credentialKey = original;
                    credentialValue = value;
                }
            }
        }

        if (developmentStorage && (credentialKey is null || IsStorageKey(credentialKey)))
        {
            return ConnectionStringVerdict.NoCredential;
        }

        bool looksLikeConnectionString = connectionKeys >= 1 && wordPairs == pairs && (pairs >= 2 || credentialKey is not null);
        if (!looksLikeConnectionString)
        {
            // A single "AccountKey=..." or "SharedAccessKey=..." fragment is still a connection-string credential.
            if (pairs == 1 && credentialKey is not null && IsStorageOrSasKey(credentialKey))
            {
                looksLikeConnectionString = true;
            }
            else
            {
                return placeholderCredential && connectionKeys >= 1 ? ConnectionStringVerdict.NoCredential : ConnectionStringVerdict.NotConnectionString;
            }
        }

        if (credentialKey is null || credentialValue is null)
        {
            return ConnectionStringVerdict.NoCredential;
        }

        string normalized = NormalizeKey(credentialKey);
        (string provider, string providerId) = normalized switch
        {
            "accountkey" when hasAccountEndpoint => ("Azure Cosmos DB", "azure-cosmos-db"),
            "accountkey" => ("Azure Storage", "azure-storage"),
            "sharedaccesssignature" when hasAccountName => ("Azure Storage", "azure-storage"),
            "sharedaccesskey" or "sharedaccesssignature" when hasHostName => ("Azure IoT Hub", "azure-iot-hub"),
            "sharedaccesskey" or "sharedaccesssignature" when eventHubHints => ("Azure Event Hubs", "azure-event-hubs"),
            "sharedaccesskey" or "sharedaccesssignature" when hasSbEndpoint || hasEntityPath => ("Azure Service Bus", "azure-service-bus"),
            "sharedaccesskey" or "sharedaccesssignature" => ("Azure", "azure-shared-access"),
            "secret" when appConfigHints => ("Azure App Configuration", "azure-app-configuration"),
            "accesskey" when signalRHints => ("Azure SignalR", "azure-signalr"),
            _ when redisHints || separator == ',' => ("Redis", "redis"),
            _ when sqliteHints => ("SQLite", "sqlite"),
            _ when oracleHints => ("Oracle", "oracle"),
            _ when hasHost => ("PostgreSQL", "postgresql"),
            _ when mysqlHints || (hasUid && !hasInitialCatalog && hasServer) => ("MySQL", "mysql"),
            _ when hasServer || hasDataSource || hasInitialCatalog => ("SQL Server", "sqlserver"),
            _ => ("database", "database"),
        };

        finding = new ConnectionStringFinding(provider, providerId, credentialKey);
        return ConnectionStringVerdict.HasCredential;
    }

    private static ConnectionStringVerdict ClassifyUri(string text, out ConnectionStringFinding finding)
    {
        finding = default;
        int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return ConnectionStringVerdict.NotConnectionString;
        }

        // Find a known scheme right before "://" (the text may start with "jdbc:" or contain a prefix such as "url=").
        string? scheme = null;
        for (int s = 0; s < UriSchemes.Length; s++)
        {
            var candidate = UriSchemes[s];
            int at = schemeEnd + 3 - candidate.Length;
            if (at >= 0 && string.Compare(text, at, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (at == 0 || !char.IsLetterOrDigit(text[at - 1])))
            {
                scheme = candidate;
                break;
            }
        }

        if (scheme is null)
        {
            return ConnectionStringVerdict.NotConnectionString;
        }

        if (!UserInfo.TryParse(text, schemeEnd + 3, out var user, out var password))
        {
            return ConnectionStringVerdict.NoCredential;
        }

        if (password.Length == 0 || IsPlaceholderCredential(password) || string.Equals(user, password, StringComparison.Ordinal))
        {
            return ConnectionStringVerdict.NoCredential;
        }

        (string provider, string id) = scheme switch
        {
            "mongodb://" or "mongodb+srv://" => ("MongoDB URI", "mongodb-uri"),
            "redis://" or "rediss://" => ("Redis URI", "redis-uri"),
            "amqp://" or "amqps://" => ("AMQP URI", "amqp-uri"),
            "postgres://" or "postgresql://" or "cockroachdb://" => ("PostgreSQL URI", "postgresql-uri"),
            "mysql://" or "mariadb://" => ("MySQL URI", "mysql-uri"),
            "sqlserver://" or "mssql://" => ("SQL Server URI", "sqlserver-uri"),
            "oracle://" => ("Oracle URI", "oracle-uri"),
            _ => ("Broker URI", "broker-uri"),
        };

        finding = new ConnectionStringFinding(provider, id, "password");
        return ConnectionStringVerdict.HasCredential;
    }

    /// <summary>
    /// Placeholder, template or empty credential values, and values that spell their own kind (<c>password_read</c>,
    /// <c>Sup3rSecret!</c>, <c>TestP@ss1</c>): stand-ins for a local or CI database, not a leaked password.
    /// </summary>
    public static bool IsPlaceholderCredential(string value)
    {
        var v = value.Trim();
        return v.Length == 0
            || ValueHeuristics.IsPlaceholder(v)
            || (ValueHeuristics.IsKeyOrHeaderName(v) && ValueHeuristics.IsUpperSnake(v))
            || ValueHeuristics.DescribesItself(v, includePass: true);
    }

    public static bool IsCredentialKey(string rawKey)
    {
        var key = NormalizeKey(rawKey);
        for (int i = 0; i < PasswordKeys.Length; i++)
        {
            if (PasswordKeys[i] == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConnectionKey(string key)
    {
        for (int i = 0; i < ConnectionKeys.Length; i++)
        {
            if (ConnectionKeys[i] == key)
            {
                return true;
            }
        }

        return IsCredentialKey(key);
    }

    private static bool IsStorageKey(string key) => NormalizeKey(key) is "accountkey" or "accesskey";

    private static bool IsStorageOrSasKey(string key) => NormalizeKey(key) is "accountkey" or "sharedaccesskey" or "sharedaccesssignature";

    /// <summary>Connection-string keys are words (letters, spaces, '_', ':' and '.'), at most 40 characters.</summary>
    private static bool IsWordKey(string key)
    {
        if (key.Length > 40)
        {
            return false;
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (!(ValueHeuristics.IsAsciiLetter(c) || c == ' ' || c == '_' || c == ':' || c == '.' || c == '-' || char.IsDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case, trimmed, inner runs of white space collapsed to one space.</summary>
    private static string NormalizeKey(string raw)
    {
        var trimmed = raw.Trim();
        var sb = new StringBuilder(trimmed.Length);
        bool space = false;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The key as the user wrote it (for the message), found again by a case-insensitive search.</summary>
    private static string OriginalKey(string text, string normalizedKey)
    {
        int at = text.IndexOf(normalizedKey, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? text.Substring(at, normalizedKey.Length) : normalizedKey;
    }

    private static bool EndsWithAny(string value, string a, string b, string c, string d)
        => value.EndsWith(a, StringComparison.OrdinalIgnoreCase) || value.EndsWith(b, StringComparison.OrdinalIgnoreCase)
            || value.EndsWith(c, StringComparison.OrdinalIgnoreCase) || value.EndsWith(d, StringComparison.OrdinalIgnoreCase);

    public static bool IsWellKnownEmulatorKey(string key)
    {
        if (key.Length < 80 || key.Length > 100)
        {
            return false;
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key.Trim()));
        var hex = new StringBuilder(hash.Length * 2);
        for (int i = 0; i < hash.Length; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        var text = hex.ToString();
        for (int i = 0; i < WellKnownEmulatorKeyHashes.Length; i++)
        {
            if (string.Equals(WellKnownEmulatorKeyHashes[i], text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Parses the user-info part of a URL: <c>scheme://user:password@host</c>.</summary>
internal static class UserInfo
{
    /// <param name="text">The text.</param>
    /// <param name="authorityStart">Index just after <c>://</c>.</param>
    /// <param name="user">The user name (may be empty: <c>redis://:password@host</c>).</param>
    /// <param name="password">The password (may be empty).</param>
    public static bool TryParse(string text, int authorityStart, out string user, out string password)
    {
        user = string.Empty;
        password = string.Empty;

        // The authority ends at the first '/', '?', '#' or white space; user-info ends at the LAST '@' before that.
        int end = authorityStart;
        int at = -1;
        while (end < text.Length)
        {
            char c = text[end];
            if (c == '/' || c == '?' || c == '#' || char.IsWhiteSpace(c) || c == '"' || c == '\'')
            {
                break;
            }

            if (c == '@')
            {
                at = end;
            }

            end++;
        }

        if (at < 0)
        {
            return false;
        }

        int colon = text.IndexOf(':', authorityStart);
        if (colon < 0 || colon > at)
        {
            return false;
        }

        user = text.Substring(authorityStart, colon - authorityStart);
        password = Uri.UnescapeDataString(text.Substring(colon + 1, at - colon - 1));
        return true;
    }
}
