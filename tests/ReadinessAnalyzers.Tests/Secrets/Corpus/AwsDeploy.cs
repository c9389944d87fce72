// Corpus: deployment tooling for AWS, SSH and artifact servers.
using System;
using System.Collections.Generic;
using System.IO;

namespace Corpus.Deploy;

public sealed class AwsCredentialsOptions
{
    public string AccessKeyId { get; set; } = "__SECRET:aws-access-key-id__"; // expect: RDY101
    public string SecretAccessKey { get; set; } = "__SECRET:aws-secret-key__"; // expect: RDY101
    public string Region { get; set; } = "eu-west-1"; // trap
    public string RoleArn { get; set; } = "arn:aws:iam::123456789012:role/orders-deployer"; // trap
    public string BucketName { get; set; } = "orders-artifacts-prod"; // trap
    public string ExampleKeyId { get; set; } = "AKIAIOSFODNN7EXAMPLE"; // trap
}

public static class AwsProfiles
{
    public const string CredentialsFile = "[default]\naws_access_key_id = __SECRET:aws-access-key-id__\naws_secret_access_key = __SECRET:aws-secret-key__\n"; // expect: RDY101
    public const string ProfileName = "orders-prod"; // trap
    public const string ConfigPath = "~/.aws/credentials"; // trap

    public static Dictionary<string, string> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "__SECRET:aws-access-key-id__", // expect: RDY101
        ["AWS_SECRET_ACCESS_KEY"] = "__SECRET:aws-secret-key__", // expect: RDY101
        ["AWS_REGION"] = "eu-west-1", // trap
        ["AWS_SESSION_TOKEN"] = "", // trap
    };
}

public sealed class SshDeployer
{
    private const string DeployKey = "__SECRET:pem__"; // expect: RDY101
    private const string KnownHostsFile = "/home/deploy/.ssh/known_hosts"; // trap
    private const string PemHeader = "-----BEGIN OPENSSH PRIVATE KEY-----"; // trap
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci"; // trap

    public string Key() => DeployKey + KnownHostsFile + PemHeader + PublicKey;

    public string InlineKey() =>
        "-----BEGIN EC " + "PRIVATE KEY-----\n" + // expect: RDY101
        "__SECRET:base64__\n" +
        "__SECRET:base64__\n" +
        "-----END EC " + "PRIVATE KEY-----";
}

public static class ArtifactServers
{
    public static readonly Uri Nexus = new("https://ci-bot:__SECRET:short-password__@nexus.contoso.net/repository/nuget-hosted/"); // expect: RDY101
    public static readonly Uri Mirror = new("https://nexus.contoso.net/repository/nuget-proxy/"); // trap
    public const string Ftp = "ftp://backup:__SECRET:short-password__@ftp.contoso.net/orders/"; // expect: RDY101
    public const string FtpAnonymous = "ftp://anonymous:anonymous@ftp.contoso.net/pub/"; // trap
    public const string Sftp = "sftp://deploy@files.contoso.net:22/releases"; // trap
    public const string Registry = "https://ci:${REGISTRY_PASSWORD}@registry.contoso.net"; // trap
    public static string ArtifactPath(string version) => Path.Combine("artifacts", "orders-" + version + ".zip"); // trap
}
