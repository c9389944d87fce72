// Corpus: unit tests of hashing and token helpers (a test project: the option default still reports).
using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Tests;

public sealed class PasswordHasherTests
{
    private const string KnownSha256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"; // trap
    private const string EmptySha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709"; // trap
    private const string BcryptHash = "$2a$11$Vq7mQ2lN8pRtYxWzB3cD4eFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJ"; // trap
    private const string IdentityV3Hash = "AQAAAAIAAYagAAAAEK8vHn2qRz7Tj5yWc3mPd9xLbF4sUe6oGi1aNk0ZtBwQ2Vr7YhJpXcM3lS8"; // trap

    public void Sha256_MatchesKnownVector()
    {
        var actual = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("password"))).ToLowerInvariant(); // trap
        AssertEqual(KnownSha256, actual);
        AssertEqual("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Hash("hello")); // trap
        AssertEqual(EmptySha1 + BcryptHash + IdentityV3Hash, string.Empty);
    }

    public void Hmac_UsesConfiguredKey()
    {
        var expectedSignature = "__SECRET:hex__"; // trap
        var hmacKey = "__SECRET:base64__"; // expect: RDY101
        AssertEqual(expectedSignature, Hash(hmacKey));
    }

    public void Verify_AcceptsCorrectPassword()
    {
        var password = "__SECRET:short-password__"; // expect: RDY101
        var wrongPassword = "__SECRET:short-password__"; // expect: RDY101
        var hash = Hash(password);
        AssertEqual(hash, Hash(wrongPassword));
    }

    public void Verify_RejectsPlaceholders()
    {
        var password = "password"; // trap
        var blank = ""; // trap
        var token = "test-token"; // trap
        var apiKey = "dummy-api-key"; // trap
        AssertEqual(Hash(password + blank + token + apiKey), "");
    }

    public void Token_RoundTrips()
    {
        var jwt = "__SECRET:jwt__"; // expect: RDY101
        var unsigned = "__SECRET:jwt-unsigned__"; // trap
        var correlationId = "__SECRET:hex__"; // trap
        var requestId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"); // trap
        AssertEqual(jwt + unsigned + correlationId, requestId.ToString());
    }

    public void ClientFactory_UsesKey()
    {
        var client = new FakeApiClient(apiKey: "__SECRET:token__"); // expect: RDY101
        var named = new FakeApiClient(apiKey: "not-a-real-key"); // trap
        AssertEqual(client.ToString() ?? "", named.ToString() ?? "");
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static void AssertEqual(string expected, string actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException("Expected " + expected + " but got " + actual); // trap
        }
    }

    private sealed class FakeApiClient(string apiKey)
    {
        public override string ToString() => apiKey.Length.ToString();
    }
}
