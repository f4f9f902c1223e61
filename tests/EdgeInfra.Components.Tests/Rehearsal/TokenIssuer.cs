using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>An identity provider's signing key: RS256 tokens and the JWKS document that publishes the key.</summary>
internal sealed class TokenIssuer : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    public TokenIssuer(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    /// <summary>The JWKS document with the public key.</summary>
    public object Jwks
    {
        get
        {
            var parameters = _key.ExportParameters(false);
            return new { keys = new[] { new { kty = "RSA", kid = KeyId, alg = "RS256", use = "sig", n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } };
        }
    }

    /// <summary>An RS256 token with <paramref name="claims"/>, signed by this key (or by another key with <paramref name="forge"/>).</summary>
    public string Sign(object claims, bool forge = false)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = Encoding.ASCII.GetBytes($"{header}.{payload}");
        using var other = RSA.Create(2048);
        var signature = (forge ? other : _key).SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
