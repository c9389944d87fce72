using System;
using System.Collections.Immutable;
using System.Globalization;

namespace ReadinessAnalyzers.Security;

/// <summary>
/// A parsed plain-text URL (<c>http://</c>, <c>ws://</c>, <c>ftp://</c>) and the policy of RDY107 about its host and
/// its fix. Parsing is hand-written and allocation-light: it runs only on strings that passed the scheme prefilter.
/// </summary>
internal readonly struct InsecureUrl
{
    private static readonly string[] IdentifierHosts =
    [
        // XML namespaces, schema ids and vocabularies: identifiers that are never fetched.
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org",
        "json-schema.org", "schema.org", "www.schema.org", "purl.org", "xmlns.com", "tempuri.org", "www.tempuri.org",
        "docs.oasis-open.org", "www.opengis.net", "ns.adobe.com", "schemas.android.com", "java.sun.com",
        "xml.org", "www.xml.org", "ietf.org", "tools.ietf.org", "datatracker.ietf.org", "www.iana.org",
        "www.rfc-editor.org", "schemas.datacontract.org", "www.omg.org", "www.oasis-open.org",
        "www.openarchives.org", "www.loc.gov",
    ];

    private InsecureUrl(string scheme, string host, int portStart, int portLength, int authorityEnd)
    {
        Scheme = scheme;
        Host = host;
        PortStart = portStart;
        PortLength = portLength;
        AuthorityEnd = authorityEnd;
    }

    /// <summary><c>http</c>, <c>ws</c> or <c>ftp</c>, lower case.</summary>
    public string Scheme { get; }

    public string Host { get; }

    /// <summary>Index of the ':' before the port in the URL text, or -1.</summary>
    public int PortStart { get; }

    /// <summary>Length of ':' + digits, or 0.</summary>
    public int PortLength { get; }

    public int AuthorityEnd { get; }

    /// <summary>The secure scheme the fix switches to (<c>https</c>, <c>wss</c>), or null when there is no fix (ftp).</summary>
    public string? SecureScheme => Scheme switch
    {
        "http" => "https",
        "ws" => "wss",
        _ => null,
    };

    /// <summary>
    /// The fix policy: no explicit port, or the plain-text default port 80 (dropped by the fix: <c>http://h:80/</c>
    /// is <c>http://h/</c>, whose secure twin is <c>https://h/</c>). Any other explicit port names a specific
    /// plain-text listener whose TLS port is unknown, so no fix is offered.
    /// </summary>
    public bool IsFixable(string text, out bool dropPort)
    {
        dropPort = false;
        if (SecureScheme is null)
        {
            return false;
        }

        if (PortLength == 0)
        {
            return true;
        }

        if (string.Equals(text.Substring(PortStart, PortLength), ":80", StringComparison.Ordinal))
        {
            dropPort = true;
            return true;
        }

        return false;
    }

    /// <summary>Cheap check before any parsing: the text starts with a plain-text scheme.</summary>
    public static bool HasInsecureScheme(string text)
    {
        if (text.Length < 6)
        {
            return false;
        }

        char first = text[0];
        return first switch
        {
            'h' or 'H' => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase),
            'w' or 'W' => text.StartsWith("ws://", StringComparison.OrdinalIgnoreCase),
            'f' or 'F' => text.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>
    /// Parses the scheme and authority. <paramref name="requireDelimiter"/> (for the text part of an interpolated
    /// string) demands that the authority ends inside the text, at '/', '?' or '#'.
    /// </summary>
    public static bool TryParse(string text, bool requireDelimiter, out InsecureUrl url)
    {
        url = default;
        if (!HasInsecureScheme(text))
        {
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
        var start = schemeEnd + 3;
        var end = text.Length;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '/' or '?' or '#')
            {
                end = i;
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                // Prose or a message, not a URL.
                return false;
            }
        }

        if (requireDelimiter && end == text.Length)
        {
            return false;
        }

        for (int i = end; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        var authorityStart = start;
        var at = text.LastIndexOf('@', end - 1, end - start);
        if (at >= 0)
        {
            authorityStart = at + 1;
        }

        string host;
        int portStart = -1, portLength = 0;
        if (authorityStart < end && text[authorityStart] == '[')
        {
            var close = text.IndexOf(']', authorityStart);
            if (close < 0 || close >= end)
            {
                return false;
            }

            host = text.Substring(authorityStart, close - authorityStart + 1);
            if (close + 1 < end)
            {
                if (text[close + 1] != ':')
                {
                    return false;
                }

                portStart = close + 1;
                portLength = end - portStart;
            }
        }
        else
        {
            var colon = text.IndexOf(':', authorityStart, end - authorityStart);
            if (colon >= 0)
            {
                host = text.Substring(authorityStart, colon - authorityStart);
                portStart = colon;
                portLength = end - colon;
            }
            else
            {
                host = text.Substring(authorityStart, end - authorityStart);
            }
        }

        if (host.Length == 0 || !IsHostText(host))
        {
            return false;
        }

        if (portLength > 0)
        {
            // ':' followed by digits only; anything else is a template or not a URL.
            if (portLength == 1)
            {
                return false;
            }

            for (int i = portStart + 1; i < portStart + portLength; i++)
            {
                if (!char.IsDigit(text[i]))
                {
                    return false;
                }
            }
        }

        url = new InsecureUrl(scheme, host.ToLowerInvariant(), portStart, portLength, end);
        return true;
    }

    /// <summary>
    /// Hosts that are not a plain-text hop over a network: loopback (<c>localhost</c>, <c>*.localhost</c>,
    /// <c>127.0.0.0/8</c>, <c>[::1]</c>), Docker's host aliases, listen wildcards (<c>+</c>, <c>*</c>,
    /// <c>0.0.0.0</c>, <c>[::]</c>), link-local addresses (cloud metadata endpoints at 169.254.169.254,
    /// <c>metadata.google.internal</c>), identifier hosts (XML namespaces, schema ids), and the user's
    /// <c>allowed_hosts</c>.
    /// </summary>
    public bool IsExempt(ImmutableArray<string> allowedHosts)
    {
        var host = Host;
        if (host is "localhost" or "+" or "*" or "0.0.0.0" or "[::]" or "[::1]" or "[0:0:0:0:0:0:0:1]"
            or "host.docker.internal" or "gateway.docker.internal" or "kubernetes.docker.internal"
            or "metadata.google.internal" or "metadata" or "[fd00:ec2::254]")
        {
            return true;
        }

        if (host.EndsWith(".localhost", StringComparison.Ordinal) || host.StartsWith("[fe80:", StringComparison.Ordinal))
        {
            return true;
        }

        if (IsIPv4(host, out var first, out var second) && (first == 127 || (first == 169 && second == 254)))
        {
            return true;
        }

        foreach (var identifier in IdentifierHosts)
        {
            if (string.Equals(host, identifier, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (!allowedHosts.IsDefaultOrEmpty)
        {
            foreach (var allowed in allowedHosts)
            {
                if (allowed.StartsWith("*.", StringComparison.Ordinal)
                    ? host.EndsWith(allowed.Substring(1), StringComparison.OrdinalIgnoreCase)
                    : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsHostText(string host)
    {
        if (host is "+" or "*")
        {
            return true;
        }

        foreach (char c in host)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '[' or ']' or ':'))
            {
                // '{', '%', '$', '<' ...: a template such as http://{0}/ or http://%HOST%/.
                return false;
            }
        }

        return true;
    }

    private static bool IsIPv4(string host, out int first, out int second)
    {
        first = second = -1;
        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        for (int i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
            {
                return false;
            }

            if (i == 0)
            {
                first = value;
            }
            else if (i == 1)
            {
                second = value;
            }
        }

        return true;
    }
}
