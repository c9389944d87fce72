// Corpus: integration-test fixtures and demo seeding of an identity service (test data that describes itself, demo
// users whose password is their name, ciphertext captured from a run), next to the real keys that slip into tests.
using System;
using System.Collections.Generic;
using System.Net;

namespace Corpus.IntegrationTests;

public sealed class SeededUser
{
    public string SubjectId { get; set; } = "";
    public string Username { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class VaultKeys
{
    public string EncryptedPrivateKey { get; set; } = "";
    public string WrappedSigningKey { get; set; } = "";
    public string PublicKey { get; set; } = "";
}

public static class DemoSeed
{
    public static IReadOnlyList<SeededUser> Users =>
    [
        new SeededUser { SubjectId = "1", Username = "alice", Password = "alice" }, // trap
        new SeededUser { SubjectId = "2", Username = "support", Password = "support" }, // trap
        new SeededUser { SubjectId = "3", Username = "ops", Email = "ops@contoso.test", Password = "__SECRET:short-password__" }, // expect: RDY101
    ];

    public static NetworkCredential Guest => new("guest2024", "guest2024"); // trap

    public const string DefaultPassword = "qwerqwerqwer"; // trap
}

public sealed class AccountsControllerFixture
{
    private const string MockEncryptedUserKey = "__SECRET:base64__"; // trap
    private static readonly string _fakeWrappedSigningKey = "__SECRET:base64__"; // trap
    private const string PartnerApiKey = "__SECRET:token__"; // expect: RDY101
    private const string FakeStripeKey = "__SECRET:stripe-live__"; // expect: RDY101

    public VaultKeys Keys() => new()
    {
        EncryptedPrivateKey = "__SECRET:base64__", // trap
        WrappedSigningKey = "__SECRET:base64__", // trap
        PublicKey = "__SECRET:base64__", // trap
    };

    public Dictionary<string, string> TwoFactorForm() => new()
    {
        ["TwoFactorToken"] = "valid-recovery-code-12345", // trap
        ["TwoFactorProvider"] = "recovery-code", // trap
    };

    public string ProtectedInviteToken() => "CfDJ8" + "__SECRET:token__" + "__SECRET:hex__"; // trap

    public string All() => MockEncryptedUserKey + _fakeWrappedSigningKey + PartnerApiKey + FakeStripeKey;
}

public sealed class LoginTests
{
    public bool SignIn(string userName, string password) => userName.Length + password.Length > 0;

    public void RejectsWrongPasswords()
    {
        _ = SignIn("ana", "wrongpassword"); // trap
        _ = SignIn("ana", "SuperSecretP@ssw0rd!"); // trap
        _ = SignIn("ana", "ValidP@ss123"); // trap
        _ = SignIn("ana", "invalid"); // trap
        _ = SignIn("ana", "expired"); // trap
        _ = SignIn("ana", "__SECRET:password__"); // expect: RDY101
    }

    public static class Databases
    {
        public const string ReadReplica = "Server=replica;Database=orders;User Id=user_read;Password=password_read;"; // trap
        public const string Ci = "Host=localhost;Username=ci;Password=CiPassw0rd!"; // trap
        public const string Staging = "Host=pg.staging.internal;Username=orders;Password=__SECRET:password__"; // expect: RDY102
    }
}
